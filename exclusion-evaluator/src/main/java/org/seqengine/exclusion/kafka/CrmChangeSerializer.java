package org.seqengine.exclusion.kafka;

import org.apache.kafka.common.serialization.Serializer;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CrmChangeRecord;

/**
 * The schemas' serde for {@link CrmChangeRecord} (single-object encoding), by class name for the
 * SmallRye channel's {@code value.serializer}: the connector instantiates serializers reflectively.
 * The three CRM change topics share the value type, so one serializer serves them all.
 */
public class CrmChangeSerializer implements Serializer<CrmChangeRecord> {

    private final Serializer<CrmChangeRecord> delegate = Topics.CRM_PEOPLE_CHANGES.valueSerde().serializer();

    @Override
    public byte[] serialize(String topic, CrmChangeRecord data) {
        return delegate.serialize(topic, data);
    }
}
