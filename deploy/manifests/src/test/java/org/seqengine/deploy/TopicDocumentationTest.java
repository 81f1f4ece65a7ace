package org.seqengine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.serde.SchemaHistory;
import org.seqengine.schemas.serde.registry.TopicValueSerde;

/**
 * The README's topic table is what analytics consumers build on: it must list every topic of {@link Topics},
 * with the value's current schema version and whether the topic is compacted.
 */
class TopicDocumentationTest {

    @Test
    void theReadmeDocumentsEveryTopicWithItsCurrentSchemaAndCleanup() throws IOException {
        String readme = Files.readString(DeployedService.projectRoot().resolve("README.md"));
        Map<String, String[]> rows = readme.lines()
                .filter(line -> line.startsWith("| `"))
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new))
                .filter(cells -> cells.length >= 6)
                .collect(Collectors.toMap(cells -> cells[1].replace("`", ""), Function.identity(), (a, b) -> a));

        for (Topic<?, ?> topic : Topics.all()) {
            String[] row = rows.get(topic.name());
            assertThat(row).as("README's topic table lists %s", topic.name()).isNotNull();
            String value = row[3];
            String cleanup = row[5];
            assertThat(cleanup).as(topic.name()).startsWith(topic.compacted() ? "compacted" : "append");
            if (topic == Topics.MAILBOX_LOAD) {
                assertThat(value).contains("long");
                continue;
            }
            assertThat(topic.valueSerde()).as(topic.name()).isInstanceOf(TopicValueSerde.class);
            String record = ((TopicValueSerde<?>) topic.valueSerde()).type().getSimpleName();
            List<?> released = SchemaHistory.versions(record);
            assertThat(value).as("%s names its value's current schema", topic.name())
                    .startsWith("`" + record + "` v" + released.size());
        }
        assertThat(rows).as("the DLQs").containsKey("*.dlq.v1");
    }
}
