package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seqengine.enrollment.api.dto.Limits;
import org.seqengine.enrollment.api.dto.PersonBody;
import org.seqengine.enrollment.api.dto.SequenceBody;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topic;

/**
 * The request limits are low enough: the largest body each accepts, written with 3-byte UTF-8
 * characters (the worst case per Java char), encodes to a Kafka record under the producer's
 * {@code max.request.size}, with room for the record's key, headers and batch overhead.
 */
class RequestLimitsTest {

    private static final int MAX_REQUEST_SIZE = (Integer) ProducerConfig.configDef().defaultValues()
            .get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    private static final int OVERHEAD = 4 * 1024;
    private static final String ORG = "o".repeat(100);
    private static final String ID = "00000000-0000-4000-8000-000000000000";

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void theLargestSequenceFitsOneRecord() {
        List<SequenceBody.StepBody> steps = new ArrayList<>();
        for (int i = 0; i < Limits.STEPS; i++) {
            steps.add(new SequenceBody.StepBody("EMAIL", Limits.DAYS, wide(Limits.TEXT), wide(Limits.STEP_BODY)));
        }
        SequenceBody body = new SequenceBody(wide(Limits.NAME), true, false, "r".repeat(100), steps);
        assertThat(validator.validate(body)).isEmpty();
        assertFits(GlobalTable.SEQUENCES.topic(), ReferenceBodies.sequence(ORG, ID, body));

        List<SequenceBody.StepBody> oneMore = new ArrayList<>(steps);
        oneMore.add(steps.get(0));
        assertThat(validator.validate(new SequenceBody("n", true, false, null, oneMore))).isNotEmpty();
    }

    @Test
    void theLargestPersonFitsOneRecord() {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < Limits.ATTRIBUTES; i++) {
            String key = String.format("%03d", i) + wide(Limits.ATTRIBUTE_KEY - 3);
            attributes.put(key, wide(Limits.ATTRIBUTE_VALUE));
        }
        String text = wide(Limits.TEXT);
        PersonBody body = new PersonBody(text, text, text, text, text, true, true, true, attributes);
        assertThat(validator.validate(body)).isEmpty();
        assertFits(GlobalTable.PEOPLE.topic(), ReferenceBodies.person(ORG, ID, body));

        attributes.put("one-more", "x");
        assertThat(validator.validate(new PersonBody(null, null, null, null, null, null, null, null, attributes)))
                .isNotEmpty();
    }

    private static <V> void assertFits(Topic<String, V> topic, V record) {
        int size = topic.keySerde().serializer().serialize(topic.name(), Keys.of(ORG, ID)).length
                + topic.valueSerde().serializer().serialize(topic.name(), record).length;
        assertThat(size + OVERHEAD).as("largest %s record", topic.name()).isLessThan(MAX_REQUEST_SIZE);
    }

    /** A string of n chars that each take 3 bytes in UTF-8. */
    private static String wide(int n) {
        return "\u20ac".repeat(n);
    }
}
