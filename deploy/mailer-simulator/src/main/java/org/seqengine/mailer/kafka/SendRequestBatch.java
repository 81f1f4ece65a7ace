package org.seqengine.mailer.kafka;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.DeliveryResultRecord;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.SendRequestRecord;
import org.seqengine.service.kafka.DeadLetters;

/**
 * What one polled batch of send requests becomes: the records its transaction writes (delivery results, dead
 * letters) and what the ledger notes once that transaction committed. A request sent before, or earlier in the same
 * batch, becomes nothing but a duplicate count. A sealed request that the person's key does not open (the person was
 * erased, or the key was not read in time) is a dead letter: it holds no clear value, and nothing is sent.
 *
 * @param sent request ids sent by this batch
 * @param duplicates request ids received again (one entry per arrival)
 * @param deadLetters records sent to the DLQ
 */
record SendRequestBatch(List<Message<byte[]>> messages, List<String> sent, List<String> duplicates, int deadLetters) {

    private static final Logger LOG = Logger.getLogger(SendRequestBatch.class);
    private static final Deserializer<SendRequestRecord> REQUESTS = Topics.SEND_REQUESTS.valueSerde().deserializer();
    private static final Serializer<DeliveryResultRecord> RESULTS = Topics.DELIVERY_RESULTS.valueSerde().serializer();

    /** A polled record: its request, or why it is not one the mailer can act on. */
    record Arrival(KafkaRecord<byte[], byte[]> record, SendRequestRecord request, RuntimeException error) {
    }

    static List<Arrival> decode(List<? extends KafkaRecord<byte[], byte[]>> records) {
        List<Arrival> arrivals = new ArrayList<>(records.size());
        for (KafkaRecord<byte[], byte[]> record : records) {
            try {
                arrivals.add(new Arrival(record, decode(record), null));
            } catch (RuntimeException e) {
                arrivals.add(new Arrival(record, null, e));
            }
        }
        return arrivals;
    }

    /** Whether a sealed request of the batch waits for a key the mailer has not read yet. */
    static boolean awaitsKeys(List<Arrival> arrivals, Function<String, PersonKeyRecord> keys,
                              Function<String, Boolean> erased) {
        return arrivals.stream().anyMatch(a -> a.request() != null && Letter.awaitsKey(a.request(), keys, erased));
    }

    /**
     * @param keys the people's keys held now (by {@code org_id/person_id}); a sealed request that does not open with
     *             them goes to the DLQ
     */
    static SendRequestBatch plan(List<Arrival> arrivals, Predicate<String> sentBefore,
                                 Function<String, PersonKeyRecord> keys, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        List<Message<byte[]>> messages = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> sentHere = new HashSet<>();
        int deadLetters = 0;
        for (Arrival arrival : arrivals) {
            String requestId;
            boolean duplicate;
            List<Message<byte[]>> results;
            try {
                if (arrival.error() != null) {
                    throw arrival.error();
                }
                SendRequestRecord request = arrival.request();
                requestId = request.getRequestId();
                duplicate = sentBefore.test(requestId) || sentHere.contains(requestId);
                results = duplicate ? List.of() : results(request, Letter.of(request, keys), at);
            } catch (RuntimeException e) {
                messages.add(deadLetter(arrival.record(), e));
                deadLetters++;
                continue;
            }
            if (duplicate) {
                duplicates.add(requestId);
            } else {
                messages.addAll(results);
                sentHere.add(requestId);
                sent.add(requestId);
            }
        }
        return new SendRequestBatch(messages, sent, duplicates, deadLetters);
    }

    /** The delivery results of a request to send, keyed org_id/person_id like the request. */
    private static List<Message<byte[]>> results(SendRequestRecord request, Letter letter, Instant at) {
        byte[] key = Keys.of(request.getOrgId(), request.getPersonId()).getBytes(StandardCharsets.UTF_8);
        return DeliveryResults.of(request, letter, at).stream()
                .map(result -> Message.of(RESULTS.serialize(Topics.DELIVERY_RESULTS.name(), result))
                        .addMetadata(OutgoingKafkaRecordMetadata.<byte[]>builder()
                                .withTopic(Topics.DELIVERY_RESULTS.name()).withKey(key).build()))
                .toList();
    }

    /** A send request the mailer can act on: decodable, with a request id and a valid org_id/person_id key. */
    private static SendRequestRecord decode(KafkaRecord<byte[], byte[]> record) {
        if (record.getPayload() == null) {
            throw new IllegalArgumentException("no value (a tombstone is not a send request)");
        }
        SendRequestRecord request = REQUESTS.deserialize(record.getTopic(), record.getPayload());
        if (request.getRequestId().isBlank()) {
            throw new IllegalArgumentException("request_id is blank");
        }
        Keys.of(request.getOrgId(), request.getPersonId()); // throws on a blank part or an org_id with '/'
        return request;
    }

    /** The raw record to its topic's DLQ with the dlq.* headers, inside the batch's transaction. */
    private static Message<byte[]> deadLetter(KafkaRecord<byte[], byte[]> record, RuntimeException error) {
        long offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
        RecordHeaders headers = new RecordHeaders(record.getHeaders().toArray());
        DeadLetters.describe(headers, record.getTopic(), record.getPartition(), offset, error);
        String dlq = DeadLetters.dlqOf(record.getTopic());
        LOG.warnf("send request %s-%d@%d goes to %s: %s", record.getTopic(), record.getPartition(), offset,
                dlq, error.getMessage());
        byte[] value = record.getPayload() == null ? new byte[0] : record.getPayload();
        return Message.of(value).addMetadata(OutgoingKafkaRecordMetadata.<byte[]>builder()
                .withTopic(dlq).withKey(record.getKey()).withHeaders(headers).build());
    }
}
