package org.seqengine.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.seqengine.bench.KafkaIo;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.BounceStoppedEvent;
import org.seqengine.schemas.avro.BouncedEvent;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.CompletedEvent;
import org.seqengine.schemas.avro.EnrolledEvent;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.ExcludedEvent;
import org.seqengine.schemas.avro.OptedOutEvent;
import org.seqengine.schemas.avro.RepliedEvent;
import org.seqengine.schemas.avro.UnenrolledEvent;

/**
 * Reads the output topics read_committed, as Kafka's own EOS system test does, and checks the
 * invariants: every command sent has exactly one outcome (reply), no event id appears twice, no
 * person ever has two active enrollments (replaying the event log in order), and the service's
 * state store agrees with that replay for every enrollment. Prints ALL-RECORDS-DELIVERED, or what
 * was lost or duplicated.
 */
public final class Verifier {

    /** The verdict and its figures. {@code samples} holds a few offending ids of each kind. */
    public record Report(long commandsSent, long outcomes, long missingOutcomes, long commandsWithSeveralOutcomes,
                         long events, long duplicateEventIds, long twoActiveViolations, long enrollments,
                         long storeMismatches, List<String> samples) {

        public boolean allDelivered() {
            return missingOutcomes == 0 && commandsWithSeveralOutcomes == 0 && duplicateEventIds == 0
                    && twoActiveViolations == 0 && storeMismatches == 0;
        }

        public long duplicates() {
            return commandsWithSeveralOutcomes + duplicateEventIds;
        }

        public String summary() {
            String figures = String.format("commands sent %,d, outcomes %,d, missing %,d, commands with >1 outcome %,d, "
                    + "events %,d, duplicate event ids %,d, two-active violations %,d, enrollments %,d, store mismatches %,d",
                    commandsSent, outcomes, missingOutcomes, commandsWithSeveralOutcomes, events, duplicateEventIds,
                    twoActiveViolations, enrollments, storeMismatches);
            return (allDelivered() ? "ALL-RECORDS-DELIVERED" : "NOT-ALL-RECORDS-DELIVERED") + ": " + figures
                    + (samples.isEmpty() ? "" : "\n  e.g. " + String.join("\n  e.g. ", samples));
        }
    }

    private Verifier() {
    }

    /**
     * @param storeStatus enrollment id -> whether the service's store says it is active (null: not found)
     */
    public static Report verify(String bootstrap, Set<String> sentCommandIds, Function<String, Boolean> storeStatus) {
        Map<String, Integer> outcomes = new HashMap<>();
        readAll(bootstrap, Topics.COMMAND_REPLIES.name(), r -> {
            CommandReplyRecord reply = Topics.COMMAND_REPLIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
            outcomes.merge(reply.getCommandId(), 1, Integer::sum);
        });
        List<String> samples = new ArrayList<>();
        long missing = sentCommandIds.stream().filter(id -> !outcomes.containsKey(id)).count();
        sentCommandIds.stream().filter(id -> !outcomes.containsKey(id)).limit(3).forEach(id -> samples.add("no outcome: " + id));
        long several = outcomes.values().stream().filter(n -> n > 1).count();
        outcomes.entrySet().stream().filter(e -> e.getValue() > 1).limit(3)
                .forEach(e -> samples.add(e.getValue() + " outcomes: command " + e.getKey()));

        Set<String> eventIds = new HashSet<>();
        long[] counts = new long[3]; // events, duplicate ids, violations
        Map<String, Set<String>> activeByPerson = new HashMap<>();
        Map<String, Boolean> activeById = new HashMap<>();
        readAll(bootstrap, Topics.EVENTS.name(), r -> {
            EventEnvelope e = Topics.EVENTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
            counts[0]++;
            if (!eventIds.add(e.getEventId())) {
                counts[1]++;
                if (samples.size() < 12) {
                    samples.add("event id twice: " + e.getEventId() + " (" + e.getPayload().getClass().getSimpleName() + ")");
                }
                return; // a duplicate must not be replayed twice
            }
            Set<String> active = activeByPerson.computeIfAbsent(e.getOrgId() + "/" + e.getPersonId(), k -> new LinkedHashSet<>());
            Object p = e.getPayload();
            String id = e.getEnrollmentId();
            if (p instanceof EnrolledEvent) {
                active.add(id);
                activeById.put(id, true);
                if (active.size() > 1) {
                    counts[2]++;
                    if (samples.size() < 12) {
                        samples.add("two active enrollments: person " + e.getPersonId() + " " + active);
                    }
                }
            } else if (p instanceof OptedOutEvent o) {
                for (String ended : o.getEndedEnrollmentIds()) {
                    active.remove(ended);
                    activeById.put(ended, false);
                }
            } else if (p instanceof UnenrolledEvent || p instanceof CompletedEvent || p instanceof BouncedEvent
                    || p instanceof BounceStoppedEvent || p instanceof ExcludedEvent
                    || (p instanceof RepliedEvent reply && reply.getFinishes())) {
                if (id != null && activeById.containsKey(id)) {
                    active.remove(id);
                    activeById.put(id, false);
                }
            }
        });

        long mismatches = 0;
        for (Map.Entry<String, Boolean> e : activeById.entrySet()) {
            Boolean stored = storeStatus.apply(e.getKey());
            if (!e.getValue().equals(stored)) {
                mismatches++;
                if (samples.size() < 15) {
                    samples.add("store says " + (stored == null ? "not found" : stored ? "active" : "ended")
                            + ", replay says " + (e.getValue() ? "active" : "ended") + ": enrollment " + e.getKey());
                }
            }
        }
        return new Report(sentCommandIds.size(), outcomes.values().stream().mapToLong(Integer::longValue).sum(), missing,
                several, counts[0], counts[1], counts[2], activeById.size(), mismatches, samples);
    }

    /** Every committed record of the topic up to its last stable offset now, partition order kept. */
    static void readAll(String bootstrap, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = KafkaIo.committedReader(bootstrap)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions); // the LSO under read_committed
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 5 min");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }
}
