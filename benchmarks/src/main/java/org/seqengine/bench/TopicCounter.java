package org.seqengine.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Counts the committed records that arrive on a topic from now on (read_committed, so under
 * exactly-once a record counts once its transaction commits), with the wall-clock time of the
 * first and the last. An optional callback sees every record.
 */
public final class TopicCounter implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicLong count = new AtomicLong();
    private volatile long firstNanos;
    private volatile long lastNanos;
    private volatile boolean running = true;

    public TopicCounter(String bootstrap, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        consumer = KafkaIo.committedReader(bootstrap);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "end" now, not at the first poll
        thread = new Thread(() -> {
            try {
                while (running) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    if (records.isEmpty()) {
                        continue;
                    }
                    long now = System.nanoTime();
                    if (count.get() == 0) {
                        firstNanos = now;
                    }
                    if (each != null) {
                        records.forEach(each);
                    }
                    count.addAndGet(records.count());
                    lastNanos = now;
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }, "counter-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    public long count() {
        return count.get();
    }

    public long firstNanos() {
        return firstNanos;
    }

    public long lastNanos() {
        return lastNanos;
    }

    /** Waits until {@code n} records arrived; false on timeout or when {@code alive} turns false. */
    public boolean await(long n, Duration timeout, java.util.function.BooleanSupplier alive) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count.get() < n) {
            if (System.nanoTime() > deadline || !alive.getAsBoolean()) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
