package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.seqengine.bench.KafkaIo;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.ExcludeCommand;
import org.seqengine.schemas.avro.ExcludedEvent;
import org.seqengine.schemas.avro.UnenrolledEvent;

/** The exclusion verifier finds missed, doubled and unexpected exclusions (so a clean verdict means something). */
class ExclusionVerifierTest {

    @Test
    void reportsMissingDoubledAndUnexpectedExclusionsAndCountsExcludeCommands() {
        try (TestBroker broker = TestBroker.start()) {
            KafkaIo.createTopics(broker.bootstrapServers(), 1);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(broker.bootstrapServers())) {
                event(producer, "ev1", "e1", new ExcludedEvent(List.of()));
                event(producer, "ev2", "e2", new ExcludedEvent(List.of()));
                event(producer, "ev3", "e2", new ExcludedEvent(List.of())); // e2 twice
                event(producer, "ev4", "e4", new ExcludedEvent(List.of())); // e4 should not be excluded
                event(producer, "ev5", "e3", new UnenrolledEvent("UNENROLLED", true, null)); // e3 ended otherwise: still missing
                command(producer, "c1", "p1");
                command(producer, "c2", "p2");
                command(producer, "c3", "p2"); // p2 commanded twice
            }

            ExclusionVerifier.Report report = ExclusionVerifier.verify(broker.bootstrapServers(), Set.of("e1", "e2", "e3"));

            assertThat(report.exactlyOnce()).isFalse();
            assertThat(report.excludedOnce()).isEqualTo(1);
            assertThat(report.excludedMoreThanOnce()).isEqualTo(1);
            assertThat(report.missing()).isEqualTo(1);
            assertThat(report.unexpected()).isEqualTo(1);
            assertThat(report.excludedEvents()).isEqualTo(4);
            assertThat(report.excludeCommands()).isEqualTo(3);
            assertThat(report.peopleWithSeveralExcludeCommands()).isEqualTo(1);
            assertThat(report.summary()).startsWith("NOT-ALL-EXCLUSIONS-EXACTLY-ONCE");
        }
    }

    private static void event(KafkaProducer<byte[], byte[]> producer, String eventId, String enrollmentId, Object payload) {
        EventEnvelope event = EventEnvelope.newBuilder().setEventId(eventId).setCommandId("c").setOrgId("o")
                .setPersonId("p").setEnrollmentId(enrollmentId).setOccurredAt(Instant.now()).setPayload(payload).build();
        producer.send(new ProducerRecord<>(Topics.EVENTS.name(), "o/p".getBytes(),
                Topics.EVENTS.valueSerde().serializer().serialize(Topics.EVENTS.name(), event)));
    }

    private static void command(KafkaProducer<byte[], byte[]> producer, String commandId, String personId) {
        CommandEnvelope command = CommandEnvelope.newBuilder().setCommandId(commandId).setOrgId("o").setPersonId(personId)
                .setIssuedAt(Instant.now()).setActor("exclusion-evaluator").setReason(null)
                .setPayload(new ExcludeCommand(List.of())).build();
        producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), ("o/" + personId).getBytes(),
                Topics.COMMANDS.valueSerde().serializer().serialize(Topics.COMMANDS.name(), command)));
    }
}
