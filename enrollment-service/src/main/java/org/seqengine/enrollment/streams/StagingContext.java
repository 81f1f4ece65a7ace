package org.seqengine.enrollment.streams;

import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The context {@link CommandGuard} gives the decider: between {@link #begin} and {@link #apply} /
 * {@link #discard} every forwarded record and every key-value store write is held back, so a
 * command's effects reach the task (and its transaction) all together or not at all. Outside that
 * window (init, punctuators) everything passes straight through. Stores other than key-value stores
 * are handed over as they are: their writes are not staged.
 */
final class StagingContext implements ProcessorContext<String, Object> {

    /** A record the decider forwarded, and the child it named (null: all children). */
    record Forwarded(Record<String, Object> record, String childName) {}

    private final ProcessorContext<String, Object> delegate;
    private final Map<String, StateStore> stores = new HashMap<>();
    private final List<StagedStore> stagedStores = new ArrayList<>();
    private final List<Forwarded> forwarded = new ArrayList<>();
    private boolean staging;

    StagingContext(ProcessorContext<String, Object> delegate) {
        this.delegate = delegate;
    }

    void begin() {
        forwarded.clear();
        stagedStores.forEach(StagedStore::begin);
        staging = true;
    }

    List<Forwarded> forwarded() {
        return List.copyOf(forwarded);
    }

    Map<String, Map<?, ?>> storeWrites() {
        Map<String, Map<?, ?>> writes = new HashMap<>();
        stagedStores.forEach(s -> writes.put(s.name(), s.writes()));
        return writes;
    }

    /** Writes the staged store changes, then forwards the staged records in order. */
    void apply() {
        staging = false;
        stagedStores.forEach(StagedStore::apply);
        List<Forwarded> out = List.copyOf(forwarded);
        forwarded.clear();
        for (Forwarded f : out) {
            if (f.childName() == null) delegate.forward(f.record());
            else delegate.forward(f.record(), f.childName());
        }
    }

    void discard() {
        staging = false;
        forwarded.clear();
        stagedStores.forEach(StagedStore::discard);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K extends String, V> void forward(Record<K, V> record) {
        if (staging) forwarded.add(new Forwarded((Record<String, Object>) record, null));
        else delegate.forward(record);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K extends String, V> void forward(Record<K, V> record, String childName) {
        if (staging) forwarded.add(new Forwarded((Record<String, Object>) record, childName));
        else delegate.forward(record, childName);
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <S extends StateStore> S getStateStore(String name) {
        return (S) stores.computeIfAbsent(name, n -> {
            StateStore real = delegate.getStateStore(n);
            StagedStore staged;
            if (real instanceof TimestampedKeyValueStore t) staged = new StagedTimestampedKeyValueStore(t);
            else if (real instanceof KeyValueStore kv) staged = new StagedKeyValueStore(kv);
            else if (real instanceof WindowStore w) staged = new StagedWindowStore(w);
            else return real;
            stagedStores.add(staged);
            return staged;
        });
    }

    @Override
    public String applicationId() {
        return delegate.applicationId();
    }

    @Override
    public TaskId taskId() {
        return delegate.taskId();
    }

    @Override
    public Optional<RecordMetadata> recordMetadata() {
        return delegate.recordMetadata();
    }

    @Override
    public Serde<?> keySerde() {
        return delegate.keySerde();
    }

    @Override
    public Serde<?> valueSerde() {
        return delegate.valueSerde();
    }

    @Override
    public File stateDir() {
        return delegate.stateDir();
    }

    @Override
    public StreamsMetrics metrics() {
        return delegate.metrics();
    }

    @Override
    public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
        return delegate.schedule(interval, type, callback);
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public Map<String, Object> appConfigs() {
        return delegate.appConfigs();
    }

    @Override
    public Map<String, Object> appConfigsWithPrefix(String prefix) {
        return delegate.appConfigsWithPrefix(prefix);
    }

    @Override
    public long currentSystemTimeMs() {
        return delegate.currentSystemTimeMs();
    }

    @Override
    public long currentStreamTimeMs() {
        return delegate.currentStreamTimeMs();
    }
}
