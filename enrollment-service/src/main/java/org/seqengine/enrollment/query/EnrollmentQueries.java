package org.seqengine.enrollment.query;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.enrollment.api.dto.EnrollmentView;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.domain.Enrollment;
import org.seqengine.enrollment.domain.PersonState;
import org.seqengine.enrollment.domain.ReferenceData;
import org.seqengine.enrollment.domain.Sealed;
import org.seqengine.enrollment.domain.reference.Person;
import org.seqengine.enrollment.mapping.StateMapper;
import org.seqengine.enrollment.streams.EnrollmentIndexKeys;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.enrollment.streams.SchedulingStores;
import org.seqengine.enrollment.streams.StoreNames;
import org.seqengine.enrollment.streams.StoreReferenceData;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.PersonKeyRecord;
import org.seqengine.schemas.avro.PersonStateRecord;
import org.seqengine.schemas.avro.ScheduleStatusRecord;
import org.seqengine.schemas.personal.SuppressionKeys;

/**
 * Reads served from the Streams state stores of the whole cluster. Every read is scoped to one
 * organization by the store key, so another organization's ids are simply not found.
 * <ul>
 *   <li>a person's state (and so every enrollment of the person, current to the last command) is
 *       read on the instance owning the person's partition;</li>
 *   <li>an enrollment id is resolved to its person through {@code enrollments-by-id} (partitioned by
 *       enrollment id), then read from the person's state;</li>
 *   <li>lists scan one index prefix from the cursor on every instance (O(page) each) and merge.</li>
 * </ul>
 */
@ApplicationScoped
public class EnrollmentQueries {

    private static final Duration READ_PATIENCE = Duration.ofSeconds(5);
    /** How long a read waits for a person's key that a sealed value names (see {@link #personKey}). */
    private static final Duration KEY_PATIENCE = Duration.ofSeconds(2);

    @Inject
    KafkaStreams streams;

    @Inject
    ClusterRouter router;

    @Inject
    EnrollmentConfig enrollmentConfig;

    /** The suppression list's keys, for the eligibility dry run (the same secret as the decider's). */
    private SuppressionKeys suppressionKeys;

    @PostConstruct
    void init() {
        suppressionKeys = new SuppressionKeys(enrollmentConfig.suppressionSecret());
    }

    /** A store of this instance; reads retry for a few seconds while a rebalance moves it. */
    public <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return new RetryingStore<>(() -> streams.store(
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())), READ_PATIENCE);
    }

    <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
        return new RetryingStore<>(() -> streams.store(StoreQueryParameters.fromNameAndType(name,
                QueryableStoreTypes.<String, V>keyValueStore()).withPartition(partition)), READ_PATIENCE);
    }

    public <V> ReadOnlyKeyValueStore<String, V> store(GlobalTable<V> table) {
        return store(table.storeName());
    }

    public ReferenceData reference(String orgId) {
        return new StoreReferenceData(orgId, StoreReferenceData.Stores.from(this::store), suppressionKeys);
    }

    /** A record of the organization in a global table (sequence, mailbox, person, job, ...), if it exists. */
    public <V> Optional<V> record(GlobalTable<V> table, String orgId, String id) {
        if (!isId(id)) return Optional.empty();
        return Optional.ofNullable(store(table).get(Keys.of(orgId, id)));
    }

    /** The enrollment as its person's state has it now, wherever in the cluster that person lives. */
    public Optional<Enrollment> enrollment(String orgId, String enrollmentId) {
        if (!isId(enrollmentId)) return Optional.empty();
        return personOf(orgId, enrollmentId).flatMap(person -> enrollmentOf(orgId, person, enrollmentId));
    }

    /** Read-after-write: a command's effect is in the person's state as soon as its outcome arrives. */
    public Optional<Enrollment> enrollmentOf(String orgId, String personId, String enrollmentId) {
        return personState(orgId, personId).enrollment(enrollmentId);
    }

    public PersonState personState(String orgId, String personId) {
        if (!isId(personId)) return PersonState.empty(orgId, personId);
        PersonStateRecord record = personStateRecord(Keys.of(orgId, personId));
        return record == null ? PersonState.empty(orgId, personId) : StateMapper.toDomain(record);
    }

    PersonStateRecord personStateRecord(String key) {
        KeyQueryMetadata owner = router.owner(StoreNames.PERSON_STATES, key);
        if (router.isSelf(owner.activeHost())) {
            return this.<PersonStateRecord>store(StoreNames.PERSON_STATES, owner.partition()).get(key);
        }
        return router.get(owner.activeHost(), "/internal/v1/person-states", Map.of("key", key))
                .map(n -> AvroCodec.decode(PersonStateRecord.class, n.path("record").asText(null))).orElse(null);
    }

    /** The person of an enrollment: from the store routable by enrollment id, else from every decider. */
    private Optional<String> personOf(String orgId, String enrollmentId) {
        String key = Keys.of(orgId, enrollmentId);
        KeyQueryMetadata owner = router.owner(StoreNames.ENROLLMENTS_BY_ID, key);
        EnrollmentRecord indexed = router.isSelf(owner.activeHost())
                ? this.<EnrollmentRecord>store(StoreNames.ENROLLMENTS_BY_ID, owner.partition()).get(key)
                : remoteEnrollment(owner.activeHost(), key, "by-id");
        if (indexed != null) return Optional.of(indexed.getPersonId());
        // Created a moment ago and not indexed yet: the deciders' own stores already have it (a point
        // lookup in each partition of each instance, not a scan).
        for (HostInfo host : router.hosts(StoreNames.ENROLLMENTS)) {
            EnrollmentRecord decided = router.isSelf(host) ? localDecidedEnrollment(key) : remoteEnrollment(host, key, "decider");
            if (decided != null) return Optional.of(decided.getPersonId());
        }
        return Optional.empty();
    }

    EnrollmentRecord localDecidedEnrollment(String key) {
        return this.<EnrollmentRecord>store(StoreNames.ENROLLMENTS).get(key);
    }

    EnrollmentRecord localIndexedEnrollment(String key) {
        return this.<EnrollmentRecord>store(StoreNames.ENROLLMENTS_BY_ID).get(key);
    }

    private EnrollmentRecord remoteEnrollment(HostInfo host, String key, String source) {
        return router.get(host, "/internal/v1/enrollments", Map.of("key", key, "source", source))
                .map(n -> AvroCodec.decode(EnrollmentRecord.class, n.path("record").asText(null))).orElse(null);
    }

    /**
     * The enrollments under one index prefix (see {@link EnrollmentIndexKeys}) after {@code cursor}
     * (exclusive), in id order, from every instance: at most {@code limit + 1}, so the caller sees
     * whether another page follows.
     */
    public List<Enrollment> page(String prefix, String cursor, int limit) {
        List<EnrollmentRecord> merged = new ArrayList<>();
        for (HostInfo host : router.hosts(StoreNames.ENROLLMENT_INDEX)) {
            if (router.isSelf(host)) {
                merged.addAll(localPage(prefix, cursor, limit));
            } else {
                Map<String, String> query = new HashMap<>(Map.of("prefix", prefix, "limit", String.valueOf(limit)));
                if (cursor != null) query.put("after", cursor);
                router.get(host, "/internal/v1/enrollment-pages", query).ifPresent(n -> n.path("records")
                        .forEach(r -> merged.add(AvroCodec.decode(EnrollmentRecord.class, r.asText()))));
            }
        }
        merged.sort(Comparator.comparing(EnrollmentRecord::getId));
        return merged.stream().limit(limit + 1L).map(StateMapper::toDomain).toList();
    }

    /** This instance's part of a page: limit + 1 entries from each local partition, merged. */
    List<EnrollmentRecord> localPage(String prefix, String cursor, int limit) {
        List<EnrollmentRecord> page = new ArrayList<>();
        String from = cursor == null ? prefix : prefix + cursor;
        String to = prefix + '\uffff';
        for (int partition : router.localPartitions(StoreNames.ENROLLMENT_INDEX, Topics.ENROLLMENTS.name())) {
            ReadOnlyKeyValueStore<String, String> index = store(StoreNames.ENROLLMENT_INDEX, partition);
            ReadOnlyKeyValueStore<String, EnrollmentRecord> byId = store(StoreNames.ENROLLMENTS_BY_ID, partition);
            int taken = 0;
            try (KeyValueIterator<String, String> it = index.range(from, to)) {
                while (it.hasNext() && taken <= limit) {
                    String id = EnrollmentIndexKeys.enrollmentId(it.next().key);
                    if (id.equals(cursor)) continue;
                    String orgId = prefix.substring(0, prefix.indexOf('/'));
                    EnrollmentRecord record = byId.get(Keys.of(orgId, id));
                    if (record != null) {
                        page.add(record);
                        taken++;
                    }
                }
            }
        }
        page.sort(Comparator.comparing(EnrollmentRecord::getId));
        return page.size() > limit + 1 ? page.subList(0, limit + 1) : page;
    }

    /** Indexed enrollments by id, one call per owning instance (for bulk jobs by enrollment ids). */
    public List<Enrollment> indexedEnrollments(String orgId, List<String> enrollmentIds) {
        Map<HostInfo, List<String>> byHost = new HashMap<>();
        for (String id : enrollmentIds) {
            if (!isId(id)) continue;
            String key = Keys.of(orgId, id);
            byHost.computeIfAbsent(router.owner(StoreNames.ENROLLMENTS_BY_ID, key).activeHost(), h -> new ArrayList<>()).add(key);
        }
        List<Enrollment> found = new ArrayList<>();
        byHost.forEach((host, keys) -> {
            if (router.isSelf(host)) {
                ReadOnlyKeyValueStore<String, EnrollmentRecord> local = store(StoreNames.ENROLLMENTS_BY_ID);
                keys.forEach(k -> Optional.ofNullable(local.get(k)).map(StateMapper::toDomain).ifPresent(found::add));
            } else {
                for (int from = 0; from < keys.size(); from += 5_000) {
                    router.post(host, "/internal/v1/enrollments", Map.of("keys", keys.subList(from, Math.min(keys.size(), from + 5_000))))
                            .ifPresent(n -> n.path("records").forEach(r ->
                                    found.add(StateMapper.toDomain(AvroCodec.decode(EnrollmentRecord.class, r.asText())))));
                }
            }
        });
        return found;
    }

    /** Person states of many people, one call per owning instance (for a page of views). */
    public Map<String, PersonState> personStates(String orgId, Set<String> personIds) {
        Map<HostInfo, List<String>> byHost = new HashMap<>();
        for (String person : personIds) {
            if (!isId(person)) continue;
            String key = Keys.of(orgId, person);
            byHost.computeIfAbsent(router.owner(StoreNames.PERSON_STATES, key).activeHost(), h -> new ArrayList<>()).add(key);
        }
        Map<String, PersonState> states = new HashMap<>();
        byHost.forEach((host, keys) -> {
            if (router.isSelf(host)) {
                ReadOnlyKeyValueStore<String, PersonStateRecord> local = store(StoreNames.PERSON_STATES);
                keys.forEach(k -> Optional.ofNullable(local.get(k)).map(StateMapper::toDomain)
                        .ifPresent(s -> states.put(s.personId(), s)));
            } else {
                router.post(host, "/internal/v1/person-states", Map.of("keys", keys)).ifPresent(n -> n.path("records")
                        .forEach(r -> {
                            PersonState s = StateMapper.toDomain(AvroCodec.decode(PersonStateRecord.class, r.asText()));
                            states.put(s.personId(), s);
                        }));
            }
        });
        return states;
    }

    public EnrollmentView view(Enrollment e) {
        return view(e, personState(e.orgId(), e.personId()));
    }

    public List<EnrollmentView> views(String orgId, List<Enrollment> enrollments) {
        Set<String> people = new LinkedHashSet<>();
        enrollments.forEach(e -> people.add(e.personId()));
        Map<String, PersonState> states = personStates(orgId, people);
        return enrollments.stream().map(e -> view(e, states.getOrDefault(e.personId(), PersonState.empty(orgId, e.personId()))))
                .toList();
    }

    public EnrollmentView view(Enrollment e, PersonState state) {
        ReferenceData ref = reference(e.orgId());
        Person person = ref.person(e.personId()).orElse(null);
        // opted out now by any source: here (link, admin, reply, API) or by the CRM flag
        boolean personOptedOut = state.optedOut() || (person != null && person.emailOptOut());
        ScheduleStatusRecord schedule = e.isActive()
                ? store(SchedulingStores.SCHEDULE_STATUS).get(Keys.of(e.orgId(), e.id())) : null;
        // a sealed reply subject opens with the person's key; after an erase it reads as null
        Sealed sealedSubject = e.reply() == null ? null : e.reply().sealedSubject();
        String replySubject = PersonalValues.replySubject(e.reply(), sealedSubject == null ? null
                : personKey(e.orgId(), e.personId(), sealedSubject.keyId()));
        return EnrollmentView.of(e, ref.sequence(e.sequenceId()).orElse(null), person,
                ref.mailbox(e.mailboxId()).orElse(null), personOptedOut, schedule, replySubject);
    }

    /**
     * The person's key for a value sealed with key {@code keyId}. The key travels on its own topic, so
     * a value sealed a moment ago may name a key this instance has not consumed yet: for a person
     * still on record the read waits for it, briefly and boundedly; an erased person's key never
     * comes back (null at once).
     */
    public PersonKeyRecord personKey(String orgId, String personId, String keyId) {
        PersonKeyRecord[] key = {record(GlobalTable.PEOPLE_KEYS, orgId, personId).orElse(null)};
        if (keyId == null || key[0] != null && keyId.equals(key[0].getKeyId())
                || record(GlobalTable.PEOPLE, orgId, personId).isEmpty()) {
            return key[0];
        }
        BoundedPoll.until(KEY_PATIENCE, Duration.ofMillis(20), () -> {
            key[0] = record(GlobalTable.PEOPLE_KEYS, orgId, personId).orElse(null);
            return key[0] != null && keyId.equals(key[0].getKeyId());
        });
        return key[0];
    }

    /** Ids are single key segments: anything with a slash could reach into another key's range. */
    static boolean isId(String id) {
        return id != null && !id.isBlank() && !id.contains("/") && !id.contains("\uffff");
    }

}
