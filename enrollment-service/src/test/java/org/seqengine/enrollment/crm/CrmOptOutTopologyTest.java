package org.seqengine.enrollment.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ClearCrmOptOutCommand;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.OptOutCommand;
import org.seqengine.schemas.avro.PersonRecord;

class CrmOptOutTopologyTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, PersonRecord> people;
    private TestOutputTopic<String, CommandEnvelope> commands;

    @BeforeEach
    void setUp() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "crm-opt-out-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(CrmOptOutTopology.build(), props, T0);
        people = driver.createInputTopic(Topics.PEOPLE.name(), Topics.PEOPLE.keySerde().serializer(),
                Topics.PEOPLE.valueSerde().serializer());
        commands = driver.createOutputTopic(Topics.COMMANDS.name(), Topics.COMMANDS.keySerde().deserializer(),
                Topics.COMMANDS.valueSerde().deserializer());
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void publish(String personId, boolean emailOptOut) {
        PersonRecord p = PersonRecord.newBuilder().setOrgId("org-1").setId(personId).setEmail(personId + "@x.example")
                .setDoNotEmail(false).setEmailOptOut(emailOptOut).setAttributes(Map.of()).build();
        people.pipeInput(Keys.of("org-1", personId), p, T0);
    }

    @Test
    void theFlagTurningOnSendsOneCrmOptOutAndTurningOffOneClear() {
        publish("p-1", false);
        assertThat(commands.isEmpty()).as("no flag, nothing to do").isTrue();

        publish("p-1", true);
        publish("p-1", true); // another field changed: the flag did not
        List<CommandEnvelope> sent = commands.readValuesToList();
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.getPersonId()).isEqualTo("p-1");
            assertThat(c.getActor()).isEqualTo(CrmOptOutFlagProcessor.ACTOR);
            assertThat(c.getPayload()).isInstanceOfSatisfying(OptOutCommand.class,
                    o -> assertThat(o.getSource()).isEqualTo("CRM"));
        });

        publish("p-1", false);
        assertThat(commands.readValuesToList()).singleElement()
                .satisfies(c -> assertThat(c.getPayload()).isInstanceOf(ClearCrmOptOutCommand.class));
    }

    @Test
    void commandIdsAreDistinctPerRecordAndKeyedByPerson() {
        publish("p-1", true);
        publish("p-1", false);
        publish("p-1", true);
        var sent = commands.readRecordsToList();
        assertThat(sent).hasSize(3).allSatisfy(r -> assertThat(r.key()).isEqualTo(Keys.of("org-1", "p-1")));
        assertThat(sent.stream().map(r -> r.value().getCommandId()).distinct()).hasSize(3);
    }

    @Test
    void aTombstoneForgetsTheFlag() {
        publish("p-1", true);
        commands.readValuesToList();
        people.pipeInput(Keys.of("org-1", "p-1"), null, T0);
        publish("p-1", true);
        assertThat(commands.readValuesToList()).singleElement()
                .satisfies(c -> assertThat(c.getPayload()).isInstanceOf(OptOutCommand.class));
    }
}
