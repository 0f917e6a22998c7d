package io.shardline.jobs.testing;

import io.shardline.engine.testing.JavaProcess;
import io.shardline.jobs.JobsLauncher;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/**
 * The jobs as users run them: {@code java -jar shardline-jobs.jar <command> ...} from the jar the build
 * packaged (the integration tests run after it), each run in a process of its own and working
 * directory; and short commands such as {@code verify} in this JVM, through the same command line.
 */
public final class JobsJar {
    /** The jar {@code mvn package} made, with its libraries beside it in {@code lib/}. */
    public static final Path JAR = Path.of("target", "shardline-jobs.jar").toAbsolutePath();

    private JobsJar() {}

    /** Starts {@code java -jar shardline-jobs.jar arguments...} in {@code workingDirectory}. */
    public static JavaProcess start(String name, Path workingDirectory, List<String> arguments) throws IOException {
        return JavaProcess.startJar(name, JAR, workingDirectory, List.of("-Xmx768m"), arguments);
    }

    /** What a command run in this JVM printed, and its exit code. */
    public record Run(int exitCode, String output) {}

    /** Runs a command (such as {@code verify ...}) in this JVM as the launcher would. */
    public static Run inProcess(String... arguments) {
        StringWriter printed = new StringWriter();
        CommandLine command = new CommandLine(JobsLauncher.class);
        int exit = command.setOut(new PrintWriter(printed, true))
                .setErr(new PrintWriter(printed, true))
                .execute(arguments);
        return new Run(exit, printed.toString());
    }
}
