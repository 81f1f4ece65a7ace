package org.seqengine.enrollment.kafka;

import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandReplyRecord;

/**
 * Reads every partition of the replies topic on one thread (no consumer group; from the end at
 * start) and hands each reply to a handler. It cannot die silently:
 * <ul>
 *   <li>values are decoded per record, so an undecodable record is logged, counted
 *       ({@code enrollment_reply_records_skipped_total}) and skipped;</li>
 *   <li>any other failure (the consumer, the handler) closes the consumer and opens a new one after
 *       a backoff (doubling up to a maximum), resuming where it was: the record being handled when
 *       it failed is not handled again, so a bad one cannot loop;</li>
 *   <li>{@link #running()} is false from a failure until the new consumer polls (readiness shows it).</li>
 * </ul>
 */
public final class ReplyListener {

    private static final Logger LOG = Logger.getLogger(ReplyListener.class);
    private static final String TOPIC = Topics.COMMAND_REPLIES.name();

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final java.util.function.Consumer<CommandReplyRecord> handler;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    /** The next offset to read per partition, kept across restarts. */
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private volatile boolean stopped = true;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public ReplyListener(Supplier<Consumer<String, byte[]>> consumers,
                         java.util.function.Consumer<CommandReplyRecord> handler,
                         Duration initialBackoff, Duration maxBackoff) {
        this.consumers = consumers;
        this.handler = handler;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Positions the consumer before returning: every reply committed from now on is seen. */
    public synchronized void start() {
        if (!stopped) return;
        stopped = false;
        Consumer<String, byte[]> first = open();
        thread = new Thread(() -> run(first), "command-reply-listener");
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        stopped = true;
        Consumer<String, byte[]> c = consumer;
        if (c != null) c.wakeup();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /** Whether replies are being read right now. */
    public boolean running() {
        return polling.get();
    }

    public long skippedRecords() {
        return skipped.get();
    }

    public long restarts() {
        return restarts.get();
    }

    private Consumer<String, byte[]> open() {
        Consumer<String, byte[]> c = consumers.get();
        try {
            List<TopicPartition> partitions = c.partitionsFor(TOPIC, Duration.ofSeconds(60)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException(TOPIC + " has no partitions: cannot receive command outcomes");
            }
            c.assign(partitions);
            List<TopicPartition> fresh = partitions.stream().filter(tp -> !positions.containsKey(tp)).toList();
            positions.forEach(c::seek);
            if (!fresh.isEmpty()) c.seekToEnd(fresh); // an empty list would mean every partition
            fresh.forEach(tp -> positions.put(tp, c.position(tp))); // resolve now, not lazily at the first poll
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
        consumer = c;
        return c;
    }

    private void run(Consumer<String, byte[]> first) {
        Consumer<String, byte[]> c = first;
        Duration backoff = initialBackoff;
        while (!stopped) {
            try {
                if (c == null) c = open();
                while (!stopped) {
                    var records = c.poll(Duration.ofMillis(200));
                    polling.set(true);
                    backoff = initialBackoff;
                    for (ConsumerRecord<String, byte[]> record : records) {
                        positions.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                        handle(record);
                    }
                }
            } catch (WakeupException | InterruptException e) {
                // stop() was called
            } catch (RuntimeException e) {
                polling.set(false);
                restarts.incrementAndGet();
                LOG.errorf(e, "command reply listener failed; restarting in %d ms", backoff.toMillis());
                close(c);
                c = null;
                consumer = null;
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    break;
                }
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
        polling.set(false);
        Thread.interrupted(); // stop() interrupts: clear it so the consumer can close cleanly
        close(c);
        consumer = null;
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        CommandReplyRecord reply;
        try {
            reply = Topics.COMMAND_REPLIES.valueSerde().deserializer().deserialize(TOPIC, record.value());
        } catch (RuntimeException e) {
            skipped.incrementAndGet();
            Metrics.counter("enrollment.reply_records_skipped").increment();
            LOG.warnf("skipping undecodable reply record %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (reply != null) handler.accept(reply);
    }

    private static void close(Consumer<String, byte[]> c) {
        if (c == null) return;
        try {
            c.close(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            LOG.debugf(e, "closing the reply consumer");
        }
    }
}
