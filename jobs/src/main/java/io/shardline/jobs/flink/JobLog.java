package io.shardline.jobs.flink;

import java.nio.file.Path;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Chooses the file the process logs to (Flink's and Shardline's logs; the console shows progress
 * lines only). The jar's log configuration reads these properties: every command logs to
 * {@code shardline-<command>.log} in the working directory (created once something is logged), and
 * a job with a state directory to {@code <command>.log} in it, appended to across runs.
 */
public final class JobLog {
    static final String FILE = "shardline.log.file";
    static final String APPEND = "shardline.log.append";

    private JobLog() {}

    /** Logs to {@code shardline-<command>.log} in the working directory, unless a file was chosen already. */
    public static void forCommand(String command) {
        if (System.getProperty(FILE) == null) {
            System.setProperty(FILE, "shardline-" + command + ".log");
        }
    }

    /**
     * Logs to {@code file} from now on, appending to what earlier runs logged there. Logging may have
     * started already (classes log as they load), so the configuration is read again.
     */
    static void appendTo(Path file) {
        System.setProperty(FILE, file.toString());
        System.setProperty(APPEND, "true");
        Configurator.reconfigure();
    }

    /** The file logged to. */
    static Path file() {
        return Path.of(System.getProperty(FILE, "shardline-demo.log")).toAbsolutePath();
    }
}
