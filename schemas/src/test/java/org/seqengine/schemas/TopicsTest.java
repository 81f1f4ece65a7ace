package org.seqengine.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;
import org.seqengine.schemas.serde.registry.TopicValueSerde;

class TopicsTest {

    @Test
    void namesAreUniqueAndDlqNamesToo() {
        List<String> names = Topics.all().stream().map(Topic::name).toList();
        List<String> dlqs = Topics.all().stream().map(Topic::dlqName).toList();
        assertThat(names).doesNotHaveDuplicates().hasSize(28);
        assertThat(dlqs).doesNotHaveDuplicates().doesNotContainAnyElementsOf(names);
    }

    @Test
    void allListsEveryConstant() throws IllegalAccessException {
        List<Object> constants = new ArrayList<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()) && f.getType() == Topic.class) {
                constants.add(f.get(null));
            }
        }
        assertThat(new ArrayList<Object>(Topics.all())).containsExactlyInAnyOrderElementsOf(constants);
    }

    @Test
    void dlqName() {
        assertThat(Topics.COMMANDS.dlqName()).isEqualTo("enrollment.commands.dlq.v1");
        assertThat(Topics.EXCLUSION_RULES.dlqName()).isEqualTo("exclusion-rules.dlq.v1");
        assertThat(new Topic<>("plain", Serdes.String(), Serdes.String(), false).dlqName()).isEqualTo("plain.dlq");
        assertThat(new Topic<>("x.v12", Serdes.String(), Serdes.String(), false).dlqName()).isEqualTo("x.dlq.v12");
    }

    @Test
    void namesAndKinds() {
        assertThat(Topics.COMMANDS.name()).isEqualTo("enrollment.commands.v1");
        assertThat(Topics.EVENTS.name()).isEqualTo("enrollment.events.v1");
        assertThat(Topics.COMMAND_REPLIES.name()).isEqualTo("enrollment.command-replies.v1");
        assertThat(Topics.MAILBOX_LOAD.name()).isEqualTo("enrollment.mailbox-load.v1");
        assertThat(Topics.all().stream().filter(t -> !t.compacted()).map(Topic::name))
                .containsExactlyInAnyOrder("enrollment.commands.v1", "enrollment.events.v1", "enrollment.command-replies.v1",
                        "enrollment.unenroll-job-requests.v1", "crm.company-changes.v1",
                        "crm.opportunity-changes.v1", "crm.write-back.v1", "steps.send-requests.v1",
                        "steps.delivery-results.v1", "enrollment.company-ledger.v1");
    }

    @Test
    void keysAreStringsAndValuesAvroExceptMailboxLoad() {
        for (Topic<?, ?> t : Topics.all()) {
            assertThat(t.keySerde().serializer().serialize(t.name(), null)).isNull();
            assertThat(t.keySerde()).isInstanceOf(Serdes.StringSerde.class);
            if (t != Topics.MAILBOX_LOAD) {
                assertThat(t.valueSerde()).as(t.name()).isInstanceOf(TopicValueSerde.class);
                assertThat(((TopicValueSerde<?>) t.valueSerde()).topic()).as(t.name()).isEqualTo(t.name());
                assertThat(t.avroValueType()).as(t.name()).isPresent();
            }
        }
        assertThat(Topics.MAILBOX_LOAD.valueSerde()).isInstanceOf(Serdes.LongSerde.class);
        assertThat(Topics.MAILBOX_LOAD.avroValueType()).isEmpty();
    }
}
