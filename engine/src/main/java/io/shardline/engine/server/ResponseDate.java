package io.shardline.engine.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code Date} header of every answer, from the server's clock, formatted once a second. Clients
 * line things up with it (the jobs take a snapshot's handoff from it), so it must be the server's
 * time now. Undertow's own header is a string cached JVM-wide and refreshed by a timer on the I/O
 * thread of the server that cached it: once that server closed, every later server in the same JVM
 * sent the closed one's last second, forever.
 */
final class ResponseDate {
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
    private final Clock clock;
    private volatile Formatted latest = new Formatted(Long.MIN_VALUE, "");

    /** A second and its header text. */
    private record Formatted(long second, String text) {}

    ResponseDate(Clock clock) {
        this.clock = clock;
    }

    /** The header's value for an answer sent now. */
    String now() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Formatted formatted = latest;
        if (formatted.second() != second) {
            formatted = new Formatted(second, RFC_1123.format(Instant.ofEpochSecond(second)));
            latest = formatted;
        }
        return formatted.text();
    }
}
