package org.seqengine.enrollment.streams;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A key-value store seen through {@link StagingContext}: while a command is being processed its
 * writes are held here (and read back by {@link #get}), so they reach the real store — and its
 * changelog — only if the whole command succeeds. Outside a command (init, punctuators) writes go
 * straight through. Scans ({@code range}, {@code all}, {@code prefixScan}) read the real store:
 * they do not see writes staged by the command being processed.
 */
class StagedKeyValueStore<K, V> extends DelegatingStateStore<KeyValueStore<K, V>>
        implements KeyValueStore<K, V>, StagedStore {

    /** Staged writes in order; a {@code null} value is a delete. */
    private final Map<K, V> writes = new LinkedHashMap<>();
    private boolean staging;

    StagedKeyValueStore(KeyValueStore<K, V> real) {
        super(real);
    }

    @Override
    public void begin() {
        writes.clear();
        staging = true;
    }

    /** The staged writes, for the size check before {@link #apply}. */
    @Override
    public Map<K, V> writes() {
        return Collections.unmodifiableMap(writes);
    }

    @Override
    public void apply() {
        staging = false;
        writes.forEach((k, v) -> {
            if (v == null) real.delete(k);
            else real.put(k, v);
        });
        writes.clear();
    }

    @Override
    public void discard() {
        staging = false;
        writes.clear();
    }

    @Override
    public V get(K key) {
        return staging && writes.containsKey(key) ? writes.get(key) : real.get(key);
    }

    @Override
    public void put(K key, V value) {
        if (staging) writes.put(key, value);
        else real.put(key, value);
    }

    @Override
    public V putIfAbsent(K key, V value) {
        V current = get(key);
        if (current == null) put(key, value);
        return current;
    }

    @Override
    public void putAll(List<KeyValue<K, V>> entries) {
        entries.forEach(e -> put(e.key, e.value));
    }

    @Override
    public V delete(K key) {
        if (!staging) return real.delete(key);
        V old = get(key);
        writes.put(key, null);
        return old;
    }

    @Override
    public KeyValueIterator<K, V> range(K from, K to) {
        return real.range(from, to);
    }

    @Override
    public KeyValueIterator<K, V> reverseRange(K from, K to) {
        return real.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<K, V> all() {
        return real.all();
    }

    @Override
    public KeyValueIterator<K, V> reverseAll() {
        return real.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<K, V> prefixScan(P prefix, PS prefixKeySerializer) {
        return real.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return real.approximateNumEntries();
    }
}
