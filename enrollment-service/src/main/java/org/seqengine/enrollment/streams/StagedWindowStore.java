package org.seqengine.enrollment.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * A window store seen through {@link StagingContext} (the command-outcomes store): while a command is
 * processed its puts are held here and reach the real store only if the whole command succeeds —
 * otherwise a dead-lettered command would be remembered as decided and its retry answered as a
 * duplicate of an outcome that never happened. Reads go to the real store: they do not see the
 * command's own staged puts (the decider looks an outcome up before it records one).
 */
class StagedWindowStore<K, V> extends DelegatingStateStore<WindowStore<K, V>>
        implements WindowStore<K, V>, StagedStore {

    private record Put<K, V>(K key, V value, long windowStart) {}

    private final List<Put<K, V>> puts = new ArrayList<>();
    private boolean staging;

    StagedWindowStore(WindowStore<K, V> real) {
        super(real);
    }

    @Override
    public void begin() {
        puts.clear();
        staging = true;
    }

    @Override
    public Map<?, ?> writes() {
        return puts.stream().collect(Collectors.toMap(Put::key, p -> p.value() == null ? "" : p.value(), (a, b) -> b));
    }

    @Override
    public void apply() {
        staging = false;
        puts.forEach(p -> real.put(p.key(), p.value(), p.windowStart()));
        puts.clear();
    }

    @Override
    public void discard() {
        staging = false;
        puts.clear();
    }

    @Override
    public void put(K key, V value, long windowStartTimestamp) {
        if (staging) puts.add(new Put<>(key, value, windowStartTimestamp));
        else real.put(key, value, windowStartTimestamp);
    }

    @Override
    public V fetch(K key, long time) {
        return real.fetch(key, time);
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, long timeFrom, long timeTo) {
        return real.fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<V> fetch(K key, Instant timeFrom, Instant timeTo) {
        return real.fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(K key, long timeFrom, long timeTo) {
        return real.backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return real.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetch(K keyFrom, K keyTo, Instant timeFrom, Instant timeTo) {
        return real.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetch(K keyFrom, K keyTo, long timeFrom, long timeTo) {
        return real.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(long timeFrom, long timeTo) {
        return real.fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> fetchAll(Instant timeFrom, Instant timeTo) {
        return real.fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardFetchAll(long timeFrom, long timeTo) {
        return real.backwardFetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> all() {
        return real.all();
    }

    @Override
    public KeyValueIterator<Windowed<K>, V> backwardAll() {
        return real.backwardAll();
    }
}
