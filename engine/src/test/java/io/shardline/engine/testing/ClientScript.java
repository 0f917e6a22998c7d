package io.shardline.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A client script (Python, Node.js) run to its end against an engine, with what it printed. */
public final class ClientScript {
    private ClientScript() {}

    /** What a script printed on both streams, and how it ended. */
    public record Result(int exit, String output) {}

    /** Runs {@code interpreter script arguments...}, failing the test if it does not end within the bound. */
    public static Result run(Path interpreter, Path script, Duration bound, String... arguments)
            throws IOException, InterruptedException {
        assertThat(interpreter).as("the interpreter, installed by the build").isExecutable();
        assertThat(script).as("the script, in place before the tests").exists();
        List<String> command = new ArrayList<>(List.of(interpreter.toString(), script.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS))
                .as("the script ends: " + output)
                .isTrue();
        return new Result(process.exitValue(), output);
    }
}
