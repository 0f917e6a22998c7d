package io.shardline.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the code in the docs compiling: a Java block in a Markdown file preceded by
 * {@code <!-- example: NAME -->} must equal the lines between {@code // example: NAME} and
 * {@code // end example} in a test source, which the build compiles (and its test runs).
 */
public final class DocumentedExamples {
    private static final Pattern DOC_MARKER =
            Pattern.compile("<!-- example: ([\\w-]+) -->\\s*\\n```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SOURCE_MARKER =
            Pattern.compile("// example: ([\\w-]+)\\n(.*?)\\n\\s*// end example", Pattern.DOTALL);

    private DocumentedExamples() {}

    /** Asserts that every marked example of {@code markdown} quotes the same example of {@code source}; returns their names. */
    public static List<String> assertQuoted(Path markdown, Path source) throws IOException {
        Map<String, String> documented = examples(DOC_MARKER, Files.readString(markdown));
        Map<String, String> compiled = examples(SOURCE_MARKER, Files.readString(source));
        assertThat(documented).as("marked examples in " + markdown).isNotEmpty();
        for (Map.Entry<String, String> example : documented.entrySet()) {
            assertThat(compiled)
                    .as("example " + example.getKey() + " of " + markdown + " in " + source)
                    .containsKey(example.getKey());
            assertThat(example.getValue())
                    .as("example " + example.getKey() + " of " + markdown + " quotes " + source)
                    .isEqualTo(compiled.get(example.getKey()));
        }
        return new ArrayList<>(documented.keySet());
    }

    private static Map<String, String> examples(Pattern marker, String text) {
        Map<String, String> examples = new LinkedHashMap<>();
        Matcher m = marker.matcher(text);
        while (m.find()) {
            examples.put(m.group(1), dedent(m.group(2)));
        }
        return examples;
    }

    /** The lines without their common indentation and without trailing blank lines. */
    private static String dedent(String block) {
        List<String> lines = new ArrayList<>(block.lines().toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                "\n",
                lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }
}
