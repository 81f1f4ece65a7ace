package org.seqengine.enrollment.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.enrollment.api.dto.EnrollmentView;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.ReferenceData;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.mapping.StateMapper;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.enrollment.streams.StoreNames;
import org.seqengine.enrollment.streams.StoreReferenceData;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.PersonStateRecord;

/**
 * Reads served from the Streams state stores (interactive queries). Every read is scoped to one
 * organization by the store key, so another organization's ids are simply not found.
 */
@ApplicationScoped
public class EnrollmentQueries {

    private static final Duration READ_PATIENCE = Duration.ofSeconds(5);

    @Inject
    KafkaStreams streams;

    /** A store of this instance; reads retry for a few seconds while a rebalance moves it. */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return new RetryingStore<>(() -> streams.store(
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())), READ_PATIENCE);
    }

    public <V> ReadOnlyKeyValueStore<String, V> store(GlobalTable<V> table) {
        return store(table.storeName());
    }

    public ReferenceData reference(String orgId) {
        return new StoreReferenceData(orgId, StoreReferenceData.Stores.from(this::store));
    }

    /** A record of the organization in a global table (sequence, mailbox, person, job, ...), if it exists. */
    public <V> Optional<V> record(GlobalTable<V> table, String orgId, String id) {
        if (id == null || id.isBlank() || id.contains("/")) return Optional.empty();
        return Optional.ofNullable(store(table).get(Keys.of(orgId, id)));
    }

    public Optional<Enrollment> enrollment(String orgId, String enrollmentId) {
        EnrollmentRecord record = this.<EnrollmentRecord>store(StoreNames.ENROLLMENTS).get(Keys.of(orgId, enrollmentId));
        return Optional.ofNullable(record).map(StateMapper::toDomain);
    }

    public PersonState personState(String orgId, String personId) {
        PersonStateRecord record = this.<PersonStateRecord>store(StoreNames.PERSON_STATES).get(Keys.of(orgId, personId));
        return record == null ? PersonState.empty(orgId, personId) : StateMapper.toDomain(record);
    }

    /** Every enrollment of the org matching the filter, ordered by id. */
    public List<Enrollment> enrollments(String orgId, Predicate<Enrollment> filter) {
        return enrollments(orgId, filter, null, Integer.MAX_VALUE);
    }

    /**
     * The org's enrollments matching the filter, ordered by id, after {@code cursor} (exclusive): at
     * most {@code limit + 1}, so the caller sees whether another page follows.
     */
    public List<Enrollment> enrollments(String orgId, Predicate<Enrollment> filter, String cursor, int limit) {
        List<Enrollment> page = new ArrayList<>();
        try (KeyValueIterator<String, EnrollmentRecord> it =
                     this.<EnrollmentRecord>store(StoreNames.ENROLLMENTS).prefixScan(orgId + "/", new StringSerializer())) {
            while (it.hasNext()) {
                KeyValue<String, EnrollmentRecord> kv = it.next();
                Enrollment e = StateMapper.toDomain(kv.value);
                if ((cursor == null || e.id().compareTo(cursor) > 0) && filter.test(e)) {
                    page.add(e);
                }
            }
        }
        // Stores of several partitions iterate one after another: sort for a stable cursor order.
        page.sort(Comparator.comparing(Enrollment::id));
        return page.size() > limit ? page.subList(0, limit + 1) : page;
    }

    public EnrollmentView view(Enrollment e) {
        ReferenceData ref = reference(e.orgId());
        Person person = ref.person(e.personId()).orElse(null);
        // opted out now by any source: here (link, admin, reply, API) or by the CRM flag
        boolean personOptedOut = personState(e.orgId(), e.personId()).optedOut()
                || (person != null && person.emailOptOut());
        return EnrollmentView.of(e, ref.sequence(e.sequenceId()).orElse(null), person,
                ref.mailbox(e.mailboxId()).orElse(null), personOptedOut);
    }
}
