package io.shardline.engine.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.shardline.engine.EngineConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLauncherTest {

    @Test
    void optionsChooseStorageAndPartitions() {
        EngineConfig durable = EngineLauncher.parse(new String[] {"--data-dir", "/tmp/x", "--partitions", "2"});
        assertEquals(Path.of("/tmp/x"), durable.dataDir());
        assertEquals(2, durable.defaultPartitions());
        assertNull(EngineLauncher.parse(new String[] {"--in-memory"}).dataDir());
        assertNull(EngineLauncher.parse(new String[] {"--help"}));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> EngineLauncher.parse(new String[] {"--partitions", "many"}));
        assertTrue(bad.getMessage().contains("'many'"));
        assertThrows(IllegalArgumentException.class, () -> EngineLauncher.parse(new String[] {"--port"}));
    }

    @Test
    void startsReportsReadyAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EngineLauncher.class.getName(),
                "--data-dir", dir.resolve("data").toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready.startsWith("Shardline engine ready: "), ready);
            assertTrue(Files.isDirectory(dir.resolve("data")));
            assertEquals(0, new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor());
            assertEquals("Shardline engine stopped", out.readLine());
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(143, process.exitValue(), "exited on SIGTERM after the shutdown hook ran");
    }
}
