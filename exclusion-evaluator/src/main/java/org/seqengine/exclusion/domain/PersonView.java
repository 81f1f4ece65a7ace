package org.seqengine.exclusion.domain;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.seqengine.filter.SourceRecord;

/**
 * What the domain stage knows of a person: the merged {@code person.*} fields, where each came
 * from, the normalized domain (null: none), the active enrollment (null: none), and the version the
 * person stage gave this view (grows with every view of the person, so stale results are told apart).
 */
public record PersonView(String personId, String domain, Map<String, String> fields,
                         Map<String, FieldSource> fieldSources, ActiveEnrollment activeEnrollment, long version) {

    public PersonView {
        fields = new TreeMap<>(fields);
        fieldSources = new TreeMap<>(fieldSources);
    }

    /** The person's facts for the filter: one merged record; evidence is traced back with {@link #fieldSources}. */
    public SourceRecord toSource() {
        return new SourceRecord(FieldSource.PEOPLE, "person", personId, fields);
    }

    /** Whether evaluation could differ from {@code other}'s (fields or domain changed; the enrollment does not count). */
    public boolean sameFacts(PersonView other) {
        return other != null && Objects.equals(domain, other.domain()) && fields.equals(other.fields())
                && fieldSources.equals(other.fieldSources());
    }
}
