package org.seqengine.enrollment.streams;

import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/** {@link StagedKeyValueStore} for a timestamped store, so a processor can still cast to its type. */
final class StagedTimestampedKeyValueStore<K, V> extends StagedKeyValueStore<K, ValueAndTimestamp<V>>
        implements TimestampedKeyValueStore<K, V> {

    StagedTimestampedKeyValueStore(TimestampedKeyValueStore<K, V> real) {
        super(real);
    }
}
