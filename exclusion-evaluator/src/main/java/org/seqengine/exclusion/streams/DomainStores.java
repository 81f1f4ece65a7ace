package org.seqengine.exclusion.streams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.exclusion.domain.CrmObject;
import org.seqengine.exclusion.domain.DomainFacts;
import org.seqengine.exclusion.domain.PersonView;
import org.seqengine.schemas.Keys;

/**
 * Reads the domain stage's stores: one domain's facts (prefix scans of {@code <domain key>|}), and
 * the domain keys of an organization. Used by the topology and by what-if (over the same stores).
 */
public final class DomainStores {

    static final String COMPANY = "company";
    static final String OPPORTUNITY = "opportunity";
    private static final StringSerializer KEYS = new StringSerializer();

    private final ReadOnlyKeyValueStore<String, PersonView> people;
    private final ReadOnlyKeyValueStore<String, CrmObject> records;
    private final ReadOnlyKeyValueStore<String, String> lists;

    public DomainStores(ReadOnlyKeyValueStore<String, PersonView> people, ReadOnlyKeyValueStore<String, CrmObject> records,
                        ReadOnlyKeyValueStore<String, String> lists) {
        this.people = people;
        this.records = records;
        this.lists = lists;
    }

    public DomainFacts facts(String domainKey) {
        List<PersonView> at = new ArrayList<>();
        try (KeyValueIterator<String, PersonView> it = people.prefixScan(DomainKeys.prefix(domainKey), KEYS)) {
            it.forEachRemaining(kv -> at.add(kv.value));
        }
        List<CrmObject> companies = new ArrayList<>();
        List<CrmObject> opportunities = new ArrayList<>();
        try (KeyValueIterator<String, CrmObject> it = records.prefixScan(DomainKeys.prefix(domainKey), KEYS)) {
            it.forEachRemaining(kv -> (DomainKeys.idOf(kv.key).startsWith(COMPANY + "|") ? companies : opportunities)
                    .add(kv.value));
        }
        Set<String> listIds = new LinkedHashSet<>();
        try (KeyValueIterator<String, String> it = lists.prefixScan(DomainKeys.prefix(domainKey), KEYS)) {
            it.forEachRemaining(kv -> listIds.add(DomainKeys.idOf(kv.key)));
        }
        return new DomainFacts(DomainKeys.domainOf(domainKey), at, companies, opportunities, listIds);
    }

    /** The domain keys of the org with at least one person here, in key order. */
    public List<String> domainKeysOf(String org) {
        Set<String> keys = new LinkedHashSet<>();
        try (KeyValueIterator<String, PersonView> it = people.prefixScan(org + Keys.SEPARATOR, KEYS)) {
            it.forEachRemaining(kv -> keys.add(DomainKeys.domainKeyOf(kv.key)));
        }
        return List.copyOf(keys);
    }

    /** The key of a person's entry at a domain (domain-people, domain-results). */
    public static String entryKey(String domainKey, String personId) {
        return DomainKeys.entry(domainKey, personId);
    }

    /** The id of a company or opportunity record in the records store. */
    static String recordId(String objectType, String recordKey) {
        return objectType + "|" + recordKey;
    }
}
