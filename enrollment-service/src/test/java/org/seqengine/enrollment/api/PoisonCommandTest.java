package org.seqengine.enrollment.api;

import org.seqengine.service.kafka.DeadLetters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.service.kafka.DeadLetters;
import org.seqengine.enrollment.testsupport.PoisonedDecider;
import org.seqengine.enrollment.testsupport.PoisonedTopologyProducer;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;

/**
 * A command the decider throws on (a bug behind the guard: {@link PoisonedDecider}) on the real
 * broker: the HTTP caller gets a 500 with a reference at once — the command timeout is a minute, so
 * a 503 would mean it waited for it — the command is on the DLQ under that reference with its
 * error, and the next command for the same person (same partition) is decided.
 */
@QuarkusTest
@TestProfile(PoisonCommandTest.PoisonedDeciderProfile.class)
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class PoisonCommandTest {

    public static class PoisonedDeciderProfile implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(PoisonedTopologyProducer.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("enrollment.command-timeout", "60S");
        }
    }

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void poisonCommandIsA500WithReferenceOnTheDlqAndTheNextCommandIsDecided() {
        String person = TestData.person(ORG_A_KEY);

        String reference = as(ORG_A_KEY).body(Map.of("reason", PoisonedDecider.POISON))
                .post("/people/" + person + "/opt-out")
                .then().statusCode(500)
                .body("status", equalTo("error"))
                .body("reference", matchesPattern("[0-9a-f-]{36}"))
                .body("message", containsString("reference"))
                .extract().path("reference");

        as(ORG_A_KEY).body(Map.of("reason", "asked by phone")).post("/people/" + person + "/opt-out")
                .then().statusCode(200).body("is_opted_out", equalTo(true));

        ConsumerRecord<String, byte[]> dead = TopicReader.awaitRecord(Topics.COMMANDS.dlqName(),
                r -> reference.equals(TopicReader.header(r, DeadLetters.REFERENCE)));
        assertThat(dead.key()).isEqualTo(Keys.of("org-a", person));
        CommandEnvelope command = Topics.COMMANDS.valueSerde().deserializer().deserialize(Topics.COMMANDS.name(), dead.value());
        assertThat(command.getPersonId()).isEqualTo(person);
        assertThat(command.getReason()).isEqualTo(PoisonedDecider.POISON);
        assertThat(TopicReader.header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.COMMANDS.name());
        assertThat(TopicReader.header(dead, DeadLetters.SOURCE_PARTITION)).matches("\\d+");
        assertThat(TopicReader.header(dead, DeadLetters.SOURCE_OFFSET)).matches("\\d+");
        assertThat(TopicReader.header(dead, DeadLetters.ERROR_CLASS)).isEqualTo(IllegalStateException.class.getName());
        assertThat(TopicReader.header(dead, DeadLetters.ERROR_MESSAGE)).isEqualTo(PoisonedDecider.MESSAGE);
    }
}
