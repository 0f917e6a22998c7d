package io.shardline.connector.sink.opensearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.annotation.PublicEvolving;

/**
 * Dead letters as JSON lines, one file per sink subtask ({@code dead-letters-<subtask>.jsonl}) in a
 * directory, made with the subtask's first letter, appended and flushed letter by letter. Each line names the table (when given), index,
 * document id, version, OpenSearch's status, error type and reason, and the document itself.
 */
@PublicEvolving
public final class DeadLetterFile implements DeadLetterOutput {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String directory;
    private final String table;
    private transient int subtaskIndex;
    private transient BufferedWriter out;

    private DeadLetterFile(String directory, String table) {
        this.directory = directory;
        this.table = table;
    }

    /** Dead letters in {@code directory}, each labelled with the {@code table} its document came from (or null). */
    public static DeadLetterFile in(Path directory, String table) {
        return new DeadLetterFile(directory.toAbsolutePath().toString(), table);
    }

    @Override
    public void open(int subtask) {
        this.subtaskIndex = subtask;
    }

    @Override
    public synchronized void write(DeadLetter letter) throws IOException {
        if (out == null) {
            Path dir = Files.createDirectories(Path.of(directory));
            out = Files.newBufferedWriter(
                    dir.resolve("dead-letters-" + subtaskIndex + ".jsonl"),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        ObjectNode line = JSON.createObjectNode();
        if (table != null) {
            line.put("table", table);
        }
        line.put("index", letter.index())
                .put("id", letter.id())
                .put("version", letter.version())
                .put("status", letter.status())
                .put("errorType", letter.errorType())
                .put("reason", letter.reason());
        if (letter.source() == null) {
            line.put("operation", "delete");
        } else {
            line.put("operation", "index");
            try {
                line.set("document", JSON.readTree(letter.source()));
            } catch (IOException notJson) {
                line.put("documentText", letter.source());
            }
        }
        out.write(JSON.writeValueAsString(line));
        out.newLine();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
