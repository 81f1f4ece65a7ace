package org.seqengine.enrollment.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;
import org.seqengine.service.error.ApiException;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.kafka.TransactionalSender;
import org.seqengine.enrollment.kafka.TransactionalSenders;
import org.seqengine.enrollment.query.BoundedPoll;
import org.seqengine.enrollment.query.EnrollmentQueries;
import org.seqengine.enrollment.query.ReferenceDataWriter;
import org.seqengine.enrollment.streams.GlobalTable;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ExclusionListEntryRecord;
import org.seqengine.schemas.avro.ExclusionRuleRecord;

/**
 * Exclusion lists uploaded as CSV. A list is its companies on {@code exclusion-list-entries.v1}
 * (key {@code org/list/domain}) plus a COMPANY-level exclusion rule with the list's id ("domain in
 * this list", exclude from sequences and remove from active ones on), which the exclusion-evaluator
 * applies. An upload replaces the list: new and changed entries, a tombstone for each domain no
 * longer in it, and the rule, all in ONE Kafka transaction (never a rule over half a list); it
 * returns once this instance shows the entries and every instance shows the rule.
 */
@ApplicationScoped
public class ExclusionLists {

    private static final Logger LOG = Logger.getLogger(ExclusionLists.class);
    /** Reading a whole list back to confirm it is a scan of up to 100,000 keys: not every few milliseconds. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    /** A list as stored: its rule's name, its size, and one page of companies in domain order. */
    public record ListPage(String id, String name, int count, List<ExclusionListEntryRecord> companies, String nextAfter) {}

    @Inject
    EnrollmentQueries queries;

    @Inject
    ReferenceDataWriter writer;

    @Inject
    EnrollmentConfig config;


    @Inject
    TransactionalSenders senders;

    /** The filter of a list's rule: the person's company domain is in the list. */
    public static String filterJson(String listId) {
        return "{\"field\":\"company.domain\",\"op\":\"in_list\",\"value\":\"" + listId + "\"}";
    }

    public static ExclusionRuleRecord rule(String orgId, String listId, String name) {
        return ExclusionRuleRecord.newBuilder().setOrgId(orgId).setId(listId)
                .setName(name == null || name.isBlank() ? "Exclusion list " + listId : name)
                .setLevel("COMPANY").setExcludeFromSequences(true).setRemoveFromActiveSequences(true)
                .setFilterJson(filterJson(listId)).build();
    }

    /** Replaces the list with {@code entries} (normalized, distinct domains) and upserts its rule. */
    public void put(String orgId, String listId, String name, List<ExclusionListCsv.Entry> entries) {
        Set<String> kept = new HashSet<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(entries.size() + 1);
        for (ExclusionListCsv.Entry e : entries) {
            kept.add(e.domain());
            records.add(TransactionalSender.record(Topics.EXCLUSION_LIST_ENTRIES, entryKey(orgId, listId, e.domain()),
                    ExclusionListEntryRecord.newBuilder().setOrgId(orgId).setListId(listId).setDomain(e.domain())
                            .setCompanyName(e.companyName()).build()));
        }
        List<String> removed = domains(orgId, listId).stream().filter(d -> !kept.contains(d)).toList();
        removed.forEach(d -> records.add(TransactionalSender.record(Topics.EXCLUSION_LIST_ENTRIES, entryKey(orgId, listId, d), null)));
        ExclusionRuleRecord rule = rule(orgId, listId, name);
        records.add(TransactionalSender.record(Topics.EXCLUSION_RULES, Keys.of(orgId, listId), rule));
        send(records, listId);
        LOG.infof("exclusion list %s written: %d companies, %d removed", listId, kept.size(), removed.size());
        awaitEntries(orgId, listId, kept);
        writer.awaitEverywhere(GlobalTable.EXCLUSION_RULES, orgId, listId, rule);
    }

    /** Tombstones every entry and the rule; false when there is no such list. */
    public boolean delete(String orgId, String listId) {
        if (find(orgId, listId).isEmpty()) return false;
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        domains(orgId, listId).forEach(d ->
                records.add(TransactionalSender.record(Topics.EXCLUSION_LIST_ENTRIES, entryKey(orgId, listId, d), null)));
        records.add(TransactionalSender.record(Topics.EXCLUSION_RULES, Keys.of(orgId, listId), null));
        send(records, listId);
        LOG.infof("exclusion list %s deleted", listId);
        awaitEntries(orgId, listId, Set.of());
        writer.awaitEverywhere(GlobalTable.EXCLUSION_RULES, orgId, listId, null);
        return true;
    }

    /** The list's rule, if the id names a list (a rule of this id with the list's filter). */
    public Optional<ExclusionRuleRecord> find(String orgId, String listId) {
        return queries.record(GlobalTable.EXCLUSION_RULES, orgId, listId)
                .filter(r -> filterJson(listId).equals(r.getFilterJson()));
    }

    /** One page of the list's companies after {@code after} (a domain, exclusive), in domain order. */
    public Optional<ListPage> page(String orgId, String listId, String after, int limit) {
        Optional<ExclusionRuleRecord> rule = find(orgId, listId);
        if (rule.isEmpty()) return Optional.empty();
        String prefix = prefix(orgId, listId);
        List<ExclusionListEntryRecord> companies = new ArrayList<>();
        int count = 0;
        boolean more = false;
        try (KeyValueIterator<String, ExclusionListEntryRecord> it = store().range(prefix, prefix + '\uffff')) {
            while (it.hasNext()) {
                KeyValue<String, ExclusionListEntryRecord> kv = it.next();
                count++;
                if (after != null && kv.value.getDomain().compareTo(after) <= 0) continue;
                if (companies.size() < limit) {
                    companies.add(kv.value);
                } else {
                    more = true;
                }
            }
        }
        String nextAfter = more ? companies.get(companies.size() - 1).getDomain() : null;
        return Optional.of(new ListPage(listId, rule.get().getName(), count, companies, nextAfter));
    }

    private void send(List<ProducerRecord<byte[], byte[]>> records, String listId) {
        try {
            sender().sendAll(records);
        } catch (RuntimeException e) {
            LOG.errorf(e, "exclusion list %s could not be written; nothing of it was committed", listId);
            throw ApiException.unavailable("The list could not be written to Kafka (nothing changed); retry.");
        }
    }

    /** Waits until this instance's store holds exactly these domains for the list (bounded: the write is durable either way). */
    private void awaitEntries(String orgId, String listId, Set<String> expected) {
        boolean visible = BoundedPoll.until(config.commandTimeout().multipliedBy(3), POLL_INTERVAL,
                () -> new HashSet<>(domains(orgId, listId)).equals(expected));
        if (!visible) {
            throw ApiException.unavailable("The list was written but is not visible yet; read it again shortly.");
        }
    }

    private List<String> domains(String orgId, String listId) {
        String prefix = prefix(orgId, listId);
        List<String> domains = new ArrayList<>();
        try (KeyValueIterator<String, ExclusionListEntryRecord> it = store().range(prefix, prefix + '\uffff')) {
            while (it.hasNext()) domains.add(it.next().key.substring(prefix.length()));
        }
        return domains;
    }

    private ReadOnlyKeyValueStore<String, ExclusionListEntryRecord> store() {
        return queries.store(GlobalTable.EXCLUSION_LIST_ENTRIES);
    }

    private static String prefix(String orgId, String listId) {
        return Keys.of(orgId, listId) + "/";
    }

    private static String entryKey(String orgId, String listId, String domain) {
        return prefix(orgId, listId) + domain;
    }

    private TransactionalSender sender() {
        return senders.forUse("exclusion-lists");
    }
}
