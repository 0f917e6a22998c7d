package io.shardline.jobs.archive;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;

/**
 * Finds a table's hour directories in an archive ({@code table=T/date=D/hour=H}) whose hours lie in
 * a range of deletion times, given as dates or date-hours in UTC, both ends included.
 */
final class ArchivedHours {
    private ArchivedHours() {}

    /** The hour directories of {@code table} under {@code root} from {@code start} to {@code end} (null: open). */
    static List<Path> of(String root, String table, String start, String end) throws IOException {
        return between(
                root,
                table,
                start == null ? Instant.MIN : parse(start, false),
                end == null ? Instant.MAX : parse(end, true));
    }

    /** The hour directories of {@code table} under {@code root} whose hour starts from the hour of {@code from} to {@code to}. */
    static List<Path> between(String root, String table, Instant from, Instant to) throws IOException {
        Instant fromHour = from.equals(Instant.MIN) ? from : from.truncatedTo(ChronoUnit.HOURS);
        Path tableDirectory = new Path(root, ArchivePartitions.tableDirectory(table));
        FileSystem files = tableDirectory.getFileSystem();
        List<Path> hours = new ArrayList<>();
        if (!files.exists(tableDirectory)) {
            return hours;
        }
        for (FileStatus date : files.listStatus(tableDirectory)) {
            if (!date.isDir() || !date.getPath().getName().startsWith("date=")) {
                continue;
            }
            for (FileStatus hour : files.listStatus(date.getPath())) {
                String name = date.getPath().getName() + "/" + hour.getPath().getName();
                Instant time = hourOf(name);
                if (hour.isDir() && time != null && !time.isBefore(fromHour) && !time.isAfter(to)) {
                    hours.add(hour.getPath());
                }
            }
        }
        hours.sort((a, b) -> a.toString().compareTo(b.toString()));
        return hours;
    }

    /** The hour a {@code date=yyyy-MM-dd/hour=HH} directory holds, or null for another name. */
    private static Instant hourOf(String dateAndHour) {
        if (!dateAndHour.matches("date=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}")) {
            return null;
        }
        return LocalDate.parse(dateAndHour.substring(5, 15))
                .atStartOfDay(ZoneOffset.UTC)
                .plusHours(Integer.parseInt(dateAndHour.substring(21)))
                .toInstant();
    }

    /** The first (or, for an end, last) hour of {@code 2026-11-27} or {@code 2026-11-27T13}. */
    static Instant parse(String dateOrHour, boolean end) {
        try {
            if (dateOrHour.length() == 10) {
                Instant day =
                        LocalDate.parse(dateOrHour).atStartOfDay(ZoneOffset.UTC).toInstant();
                return end ? day.plus(23, ChronoUnit.HOURS) : day;
            }
            return LocalDateTime.parse(dateOrHour + ":00").toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + dateOrHour + "' is neither a date (2026-11-27) nor a date and "
                    + "hour (2026-11-27T13), in UTC");
        }
    }
}
