package io.shardline.jobs.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.shardline.engine.testing.DocumentedExamples;
import io.shardline.jobs.selection.ItemSelection;
import io.shardline.jobs.selection.ReplicationTransform;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The Java in docs/jobs.md is the compiled code of {@link MaskEmails}, and it works as --transform. */
class DocumentedExamplesTest {
    @Test
    void docsQuoteCompiledExamples() throws Exception {
        assertThat(DocumentedExamples.assertQuoted(Path.of("../docs/jobs.md"),
                Path.of("src/test/java/io/shardline/jobs/docs/MaskEmails.java"))).containsExactly("replication-transform");
    }

    @Test
    void theTransformExampleMasksEmailsWhenLoadedByName() {
        ItemSelection selection = new ItemSelection(List.of("id"), null, null, null, null,
                ReplicationTransform.load(MaskEmails.class.getName()));
        Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("a"),
                "email", AttributeValue.fromS("ada@example.com"), "name", AttributeValue.fromS("Ada"));
        assertThat(selection.select(item)).containsEntry("email", AttributeValue.fromS("***"))
                .containsEntry("name", AttributeValue.fromS("Ada")).containsEntry("id", AttributeValue.fromS("a"));
    }
}
