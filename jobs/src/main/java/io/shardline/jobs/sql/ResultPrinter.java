package io.shardline.jobs.sql;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.types.RowKind;
import org.apache.flink.util.CloseableIterator;

/**
 * Prints a query's result in columns, as Flink's SQL client does in tableau mode: its changelog row by
 * row as it comes (an {@code op} column of +I, -U, +U, -D first), or, for a bounded query, the final
 * table its changelog leaves.
 */
final class ResultPrinter {
    /** Changelog columns are at least this wide, since later rows cannot widen them. */
    private static final int MIN_STREAMING_WIDTH = 12;

    private final PrintWriter out;

    ResultPrinter(PrintWriter out) {
        this.out = out;
    }

    /** Prints each change as it comes, until the query ends; returns how many were printed. */
    long changelog(TableResult result) throws Exception {
        List<String> columns = new ArrayList<>(List.of("op"));
        columns.addAll(result.getResolvedSchema().getColumnNames());
        int[] widths = columns.stream()
                .mapToInt(name -> Math.max(name.length(), MIN_STREAMING_WIDTH))
                .toArray();
        widths[0] = 2;
        printHeader(columns, widths);
        long rows = 0;
        try (CloseableIterator<Row> changes = result.collect()) {
            while (changes.hasNext()) {
                Row row = changes.next();
                List<String> cells = new ArrayList<>(List.of(row.getKind().shortString()));
                cells.addAll(cells(row));
                printRow(cells, widths);
                out.flush();
                rows++;
            }
        }
        printLine(widths);
        out.println("Received a total of " + rows + " row" + (rows == 1 ? "" : "s"));
        out.flush();
        return rows;
    }

    /** Applies a bounded query's changelog and prints the rows it leaves; returns how many. */
    long finalTable(TableResult result) throws Exception {
        Map<Row, Integer> counts = new LinkedHashMap<>();
        try (CloseableIterator<Row> changes = result.collect()) {
            while (changes.hasNext()) {
                Row row = changes.next();
                RowKind kind = row.getKind();
                row.setKind(RowKind.INSERT);
                if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
                    counts.merge(row, 1, Integer::sum);
                } else {
                    counts.computeIfPresent(row, (same, count) -> count == 1 ? null : count - 1);
                }
            }
        }
        List<Row> table = new ArrayList<>();
        counts.forEach((row, count) -> {
            for (int i = 0; i < count; i++) {
                table.add(row);
            }
        });
        List<String> columns = result.getResolvedSchema().getColumnNames();
        List<List<String>> cells = table.stream().map(ResultPrinter::cells).toList();
        int[] widths = columns.stream().mapToInt(String::length).toArray();
        for (List<String> row : cells) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        printHeader(columns, widths);
        cells.forEach(row -> printRow(row, widths));
        printLine(widths);
        out.println(table.size() + " row" + (table.size() == 1 ? "" : "s") + " in set");
        out.flush();
        return table.size();
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>(row.getArity());
        for (int i = 0; i < row.getArity(); i++) {
            Object value = row.getField(i);
            cells.add(
                    value == null
                            ? "<NULL>"
                            : value instanceof byte[] bytes
                                    ? Arrays.toString(bytes)
                                    : value instanceof Object[] array ? Arrays.deepToString(array) : value.toString());
        }
        return cells;
    }

    private void printHeader(List<String> columns, int[] widths) {
        printLine(widths);
        printRow(columns, widths);
        printLine(widths);
    }

    private void printLine(int[] widths) {
        StringBuilder line = new StringBuilder("+");
        for (int width : widths) {
            line.append("-".repeat(width + 2)).append('+');
        }
        out.println(line);
    }

    private void printRow(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            line.append(' ')
                    .append(" ".repeat(Math.max(0, widths[i] - cells.get(i).length())))
                    .append(cells.get(i))
                    .append(" |");
        }
        out.println(line);
    }
}
