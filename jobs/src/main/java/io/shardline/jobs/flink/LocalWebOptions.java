package io.shardline.jobs.flink;

import picocli.CommandLine.Option;

/**
 * Where the Flink web UI and REST API of a {@code java -jar} run listen: loopback by default, since
 * whoever reaches that API controls the jobs; a taken port moves to the next free one.
 */
public final class LocalWebOptions {
    /** Ports tried after a taken one, the first included. */
    static final int PORTS_TRIED = 100;

    @Option(
            names = "--web-port",
            description = "Port of the local Flink web UI; when taken, the next free one of " + "the " + PORTS_TRIED
                    + " after it; 0 picks any free port (default: ${DEFAULT-VALUE})")
    public int port = 8081;

    @Option(
            names = "--web-address",
            description = "Address the local Flink web UI and REST API listen on; "
                    + "anything but loopback lets others on the network cancel and inspect the jobs (default: "
                    + "${DEFAULT-VALUE})")
    public String address = "127.0.0.1";

    /** Loopback, on any free port: for clusters started from code. */
    public static LocalWebOptions anyFreePort() {
        LocalWebOptions web = new LocalWebOptions();
        web.port = 0;
        return web;
    }

    /** Whether the web UI is reachable from other machines. */
    boolean beyondLoopback() {
        return !address.equals("127.0.0.1") && !address.equals("localhost") && !address.equals("::1");
    }

    /** The ports the REST endpoint may bind, as Flink's {@code rest.bind-port} takes them. */
    String portRange() {
        return port == 0 ? "0" : port + "-" + Math.min(65535, port + PORTS_TRIED - 1);
    }
}
