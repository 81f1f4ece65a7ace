package org.seqengine.exclusion.kafka;

import org.seqengine.schemas.Topic;
import org.seqengine.schemas.avro.CrmChangeRecord;

/** One CRM change as it is published: its topic, key and value. */
public record CrmChangeRoute(Topic<String, CrmChangeRecord> topic, String key, CrmChangeRecord value) {
}
