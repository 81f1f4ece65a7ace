package org.seqengine.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqengine.bench.KafkaIo;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.EnrolledEvent;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.UnenrolledEvent;

/** The chaos verifier finds what it is meant to find (so a clean verdict means something). */
class VerifierTest {

    private static TestBroker broker;

    @BeforeAll
    static void start() {
        broker = TestBroker.start();
        KafkaIo.createTopics(broker.bootstrapServers(), 1);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void reportsMissingAndDuplicatedOutcomesDuplicateEventsTwoActiveAndStoreMismatches() {
        try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(broker.bootstrapServers())) {
            reply(producer, "c1");
            reply(producer, "c2");
            reply(producer, "c2"); // c2 answered twice; c3 never
            event(producer, "ev1", "c1", "e1", new EnrolledEvent("s1", "m1", 0, 1, null, null));
            event(producer, "ev1", "c1", "e1", new EnrolledEvent("s1", "m1", 0, 1, null, null)); // same event id again
            event(producer, "ev2", "c2", "e2", new EnrolledEvent("s2", "m1", 0, 1, null, null)); // second active enrollment
            event(producer, "ev3", "c2", "e2", new UnenrolledEvent("UNENROLLED", true, null));
        }

        Verifier.Report report = Verifier.verify(broker.bootstrapServers(), Set.of("c1", "c2", "c3"),
                Map.of("e1", true, "e2", true)::get);

        assertThat(report.allDelivered()).isFalse();
        assertThat(report.missingOutcomes()).isEqualTo(1);
        assertThat(report.commandsWithSeveralOutcomes()).isEqualTo(1);
        assertThat(report.duplicateEventIds()).isEqualTo(1);
        assertThat(report.twoActiveViolations()).isEqualTo(1);
        assertThat(report.storeMismatches()).isEqualTo(1); // e2 ended in the log, active in the "store"
        assertThat(report.summary()).startsWith("NOT-ALL-RECORDS-DELIVERED");
    }

    private static void reply(KafkaProducer<byte[], byte[]> producer, String commandId) {
        CommandReplyRecord reply = CommandReplyRecord.newBuilder().setCommandId(commandId).setOrgId("o").setPersonId("p")
                .setDuplicate(false).setEnrollmentIds(List.of()).setRejections(List.of()).build();
        producer.send(new ProducerRecord<>(Topics.COMMAND_REPLIES.name(), "o/p".getBytes(),
                Topics.COMMAND_REPLIES.valueSerde().serializer().serialize(Topics.COMMAND_REPLIES.name(), reply)));
    }

    private static void event(KafkaProducer<byte[], byte[]> producer, String eventId, String commandId, String enrollmentId,
                              Object payload) {
        EventEnvelope event = EventEnvelope.newBuilder().setEventId(eventId).setCommandId(commandId).setOrgId("o")
                .setPersonId("p").setEnrollmentId(enrollmentId).setOccurredAt(Instant.now()).setPayload(payload).build();
        producer.send(new ProducerRecord<>(Topics.EVENTS.name(), "o/p".getBytes(),
                Topics.EVENTS.valueSerde().serializer().serialize(Topics.EVENTS.name(), event)));
    }
}
