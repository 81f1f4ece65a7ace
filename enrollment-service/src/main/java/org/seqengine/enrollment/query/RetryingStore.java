package org.seqengine.enrollment.query;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * An interactive-query store that survives rebalances: a read that finds the store migrating is
 * retried with a fresh handle for up to {@code patience}, then the exception surfaces (as a 503).
 */
final class RetryingStore<K, V> implements ReadOnlyKeyValueStore<K, V> {

    private final Supplier<ReadOnlyKeyValueStore<K, V>> lookup;
    private final Duration patience;

    RetryingStore(Supplier<ReadOnlyKeyValueStore<K, V>> lookup, Duration patience) {
        this.lookup = lookup;
        this.patience = patience;
    }

    private <T> T read(Function<ReadOnlyKeyValueStore<K, V>, T> read) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                return read.apply(lookup.get());
            } catch (InvalidStateStoreException e) {
                if (System.nanoTime() > deadline) throw e;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public V get(K key) {
        return read(s -> s.get(key));
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return read(s -> s.range(from, to));
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return read(s -> s.reverseRange(from, to));
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return read(ReadOnlyKeyValueStore::all);
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return read(ReadOnlyKeyValueStore::reverseAll);
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        return read(s -> s.prefixScan(prefix, prefixKeySerializer));
    }

    @Override
    public long approximateNumEntries() {
        return read(ReadOnlyKeyValueStore::approximateNumEntries);
    }
}
