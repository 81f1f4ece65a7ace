package org.seqengine.mailer.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.PersonKeyRecord;

/**
 * The people's data keys, in memory only: a plain consumer reads the compacted {@code people.keys.v1} from its
 * beginning and follows it (read_committed: a key is committed in the decider's transaction with the first value it
 * seals). A tombstone (the person was erased) drops the key, so the mailer can no longer open that person's values.
 *
 * <p>A key is on the topic before or with any value sealed with it, so a reader that misses a key asks for a
 * {@link #catchUp() catch-up}: done once the consumer has read up to the end offsets taken after the asking.
 */
public final class PersonKeys implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PersonKeys.class);
    private static final Deserializer<PersonKeyRecord> KEYS = Topics.PEOPLE_KEYS.valueSerde().deserializer();
    private static final Duration POLL = Duration.ofMillis(200);

    /** End offsets to reach, and who waits for them. */
    private record Target(Map<TopicPartition, Long> endOffsets, List<CompletableFuture<Void>> waiters) {
    }

    private final Map<String, PersonKeyRecord> keys = new ConcurrentHashMap<>();
    /** People whose key was tombstoned (ids only): their sealed values are not worth waiting for. */
    private final Set<String> erased = ConcurrentHashMap.newKeySet();
    private final Queue<CompletableFuture<Void>> asked = new ConcurrentLinkedQueue<>();
    private final String bootstrapServers;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public PersonKeys(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts following the topic (from its beginning) on a daemon thread. */
    public synchronized void start() {
        if (thread != null) {
            return;
        }
        thread = new Thread(this::follow, "mailer-person-keys");
        thread.setDaemon(true);
        thread.start();
    }

    /** The key of {@code org_id/person_id}, or null (not read yet, never made, or erased). */
    public PersonKeyRecord get(String personKey) {
        return keys.get(personKey);
    }

    /** Whether the last record read for {@code org_id/person_id} is a tombstone: the person was erased. */
    public boolean isErased(String personKey) {
        return erased.contains(personKey);
    }

    public int size() {
        return keys.size();
    }

    /**
     * Catches up again and again until {@code satisfied} holds (true) or {@code timeout} passed (false). More than one
     * round may be needed: a transaction's commit marker may reach the keys' partition a moment after the partition of
     * the sealed value that came with it.
     */
    public CompletableFuture<Boolean> await(BooleanSupplier satisfied, Duration timeout) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        round(satisfied, System.nanoTime() + timeout.toNanos(), result);
        return result.completeOnTimeout(false, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round(BooleanSupplier satisfied, long deadline, CompletableFuture<Boolean> result) {
        if (result.isDone()) {
            return;
        }
        if (satisfied.getAsBoolean()) {
            result.complete(true);
        } else if (System.nanoTime() - deadline >= 0 || !running) {
            result.complete(false);
        } else {
            catchUp().thenRun(() -> round(satisfied, deadline, result));
        }
    }

    /** Completes once every key committed before this call has been read (never exceptionally; may never complete
     *  when the broker is gone: bound it with a timeout). */
    public CompletableFuture<Void> catchUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        asked.add(done);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup(); // ask for the end offsets now, not after the current poll
        }
        return done;
    }

    private void follow() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "mailer-simulator-person-keys");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Target> targets = new ArrayList<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(props, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                String topic = Topics.PEOPLE_KEYS.name();
                List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                c.assign(partitions);
                // after a failure the topic is read again from its beginning, over the keys already held
                c.seekToBeginning(partitions);
                consumer = c;
                while (running) {
                    try {
                        pending.addAll(drainAsked());
                        if (!pending.isEmpty()) {
                            targets.add(new Target(c.endOffsets(partitions), List.copyOf(pending)));
                            pending.clear();
                        }
                        for (ConsumerRecord<String, byte[]> record : c.poll(POLL)) {
                            apply(record);
                        }
                        targets.removeIf(target -> reached(c, target));
                    } catch (WakeupException e) {
                        // a catch-up was asked (or close): take the end offsets at the top of the loop
                    }
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("reading %s failed, reading it again from its beginning: %s", Topics.PEOPLE_KEYS.name(),
                            e.toString());
                    pause();
                }
            } finally {
                consumer = null;
            }
        }
        targets.forEach(t -> t.waiters().forEach(w -> w.complete(null)));
        pending.forEach(w -> w.complete(null));
        drainAsked().forEach(w -> w.complete(null));
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            keys.remove(record.key()); // erased: the person's sealed values can no longer be opened here
            erased.add(record.key());
            return;
        }
        try {
            keys.put(record.key(), KEYS.deserialize(record.topic(), record.value()));
            erased.remove(record.key());
        } catch (RuntimeException e) {
            LOG.warnf("skipped an unreadable person key %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getClass().getSimpleName());
        }
    }

    private static boolean reached(KafkaConsumer<String, byte[]> c, Target target) {
        boolean reached = target.endOffsets().entrySet().stream()
                .allMatch(end -> c.position(end.getKey()) >= end.getValue());
        if (reached) {
            target.waiters().forEach(w -> w.complete(null));
        }
        return reached;
    }

    private List<CompletableFuture<Void>> drainAsked() {
        List<CompletableFuture<Void>> out = new ArrayList<>();
        for (CompletableFuture<Void> w; (w = asked.poll()) != null; ) {
            out.add(w);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
