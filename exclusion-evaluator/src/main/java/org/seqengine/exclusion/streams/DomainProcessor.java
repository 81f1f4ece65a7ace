package org.seqengine.exclusion.streams;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.seqengine.exclusion.domain.CrmChange;
import org.seqengine.exclusion.domain.CrmObject;
import org.seqengine.exclusion.domain.DomainEvaluation;
import org.seqengine.exclusion.domain.DomainEvaluator;
import org.seqengine.exclusion.domain.DomainFacts;
import org.seqengine.exclusion.domain.PersonResult;
import org.seqengine.exclusion.domain.PersonView;
import org.seqengine.exclusion.domain.RuleDefinition;
import org.seqengine.exclusion.domain.RuleMatch;
import org.seqengine.schemas.Keys;

/**
 * The domain stage (key {@code org/<domain>}): keeps the people, company and opportunity records
 * and exclusion-list entries of each domain, re-evaluates the whole domain on any change
 * ({@link DomainEvaluator}), and sends each person's result to the publisher when it changed.
 *
 * <p>Two wall-clock punctuators: one compares each org's rules/rulesets fingerprint with the last
 * one this task saw and re-evaluates the org's domains on change; one fires time-relative flips
 * from the {@code flip-due} store ({@code <due millis, 20 digits>|<domain key>}), at most
 * {@link EvaluatorSettings#maxFlipsPerRun()} per run, from a saved cursor so deleted entries at the
 * start of the range are not scanned again.
 */
final class DomainProcessor implements Processor<String, DomainInput, String, PersonResult> {

    static final String CURSOR = "cursor";

    private final EvaluatorSettings settings;
    private ProcessorContext<String, PersonResult> context;
    private KeyValueStore<String, PersonView> people;
    private KeyValueStore<String, CrmObject> records;
    private KeyValueStore<String, String> lists;
    private KeyValueStore<String, StoredResult> results;
    private KeyValueStore<String, String> flipDue;
    private KeyValueStore<String, Long> flipByDomain;
    private KeyValueStore<String, String> flipCursor;
    private KeyValueStore<String, String> orgConfig;
    private DomainStores domains;
    private ReferenceStores reference;

    DomainProcessor(EvaluatorSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, PersonResult> context) {
        this.context = context;
        people = context.getStateStore(StoreNames.DOMAIN_PEOPLE);
        records = context.getStateStore(StoreNames.DOMAIN_RECORDS);
        lists = context.getStateStore(StoreNames.DOMAIN_LISTS);
        results = context.getStateStore(StoreNames.DOMAIN_RESULTS);
        flipDue = context.getStateStore(StoreNames.FLIP_DUE);
        flipByDomain = context.getStateStore(StoreNames.FLIP_BY_DOMAIN);
        flipCursor = context.getStateStore(StoreNames.FLIP_CURSOR);
        orgConfig = context.getStateStore(StoreNames.ORG_CONFIG);
        domains = new DomainStores(people, records, lists);
        reference = ReferenceStores.of(context);
        context.schedule(settings.ruleCheckInterval(), PunctuationType.WALL_CLOCK_TIME, this::checkRules);
        context.schedule(settings.flipInterval(), PunctuationType.WALL_CLOCK_TIME, this::fireFlips);
    }

    @Override
    public void process(Record<String, DomainInput> record) {
        if (record.key() == null || record.value() == null) return;
        String domainKey = record.key();
        String org = Keys.orgOf(domainKey);
        if (orgConfig.get(org) == null) orgConfig.put(org, reference.fingerprint(org));
        long now = context.currentSystemTimeMs();
        DomainInput input = record.value();
        if (input instanceof DomainInput.PersonArrived a) {
            String entry = DomainKeys.entry(domainKey, a.view().personId());
            PersonView previous = people.get(entry);
            if (previous != null && previous.version() > a.view().version()) return;
            people.put(entry, a.view());
            if (previous != null && previous.sameFacts(a.view()) && results.get(entry) != null) {
                sendIfChanged(org, entry, a.view(), results.get(entry).matches(), reference.fingerprint(org), now);
                return;
            }
        } else if (input instanceof DomainInput.PersonLeft l) {
            String entry = DomainKeys.entry(domainKey, l.personId());
            PersonView previous = people.get(entry);
            if (previous != null && previous.version() > l.version()) return;
            people.delete(entry);
            results.delete(entry);
            if (l.erased()) {
                context.forward(new Record<>(Keys.of(org, l.personId()), PersonResult.erased(l.personId(), l.version(), now), now));
            }
            if (previous == null) return;
        } else if (input instanceof DomainInput.ListEntry e) {
            String entry = DomainKeys.entry(domainKey, e.listId());
            if (e.present()) lists.put(entry, e.listId());
            else lists.delete(entry);
        } else if (input instanceof DomainInput.CrmRecordChange c) {
            CrmChange change = c.change();
            String entry = DomainKeys.entry(domainKey, DomainStores.recordId(change.objectType(), change.recordKey()));
            CrmObject current = records.get(entry);
            records.put(entry, (current != null ? current
                    : CrmObject.empty(change.crm(), change.objectType(), change.objectId())).apply(change));
        }
        evaluate(domainKey, reference.rules(org), reference.fingerprint(org), now);
    }

    /** Re-evaluates one domain from its stores and sends every person's result that changed. */
    private void evaluate(String domainKey, List<RuleDefinition> rules, String fingerprint, long now) {
        DomainFacts facts = domains.facts(domainKey);
        if (facts.people().isEmpty()) {
            schedule(domainKey, null);
            return;
        }
        String org = Keys.orgOf(domainKey);
        DomainEvaluation evaluation = DomainEvaluator.evaluate(facts, rules, Instant.ofEpochMilli(now));
        for (PersonView person : facts.people()) {
            sendIfChanged(org, DomainKeys.entry(domainKey, person.personId()), person,
                    evaluation.matchesByPerson().get(person.personId()), fingerprint, now);
        }
        schedule(domainKey, evaluation.nextFlipAt());
    }

    private void sendIfChanged(String org, String entry, PersonView person, List<RuleMatch> matches,
                               String fingerprint, long now) {
        StoredResult stored = results.get(entry);
        boolean changed = stored == null || !stored.matches().equals(matches)
                || !Objects.equals(stored.enrollment(), person.activeEnrollment())
                || (!fingerprint.equals(stored.orgFingerprint()) && !matches.isEmpty());
        if (!changed) return;
        results.put(entry, new StoredResult(matches, person.activeEnrollment(), person.version(), fingerprint));
        context.forward(new Record<>(Keys.of(org, person.personId()),
                new PersonResult(person.personId(), person.version(), false, matches, person.activeEnrollment(), now), now));
    }

    /** Rules or rulesets of an org changed since this task last looked: re-evaluate its domains here. */
    private void checkRules(long now) {
        List<KeyValue<String, String>> orgs = new ArrayList<>();
        try (KeyValueIterator<String, String> it = orgConfig.all()) {
            it.forEachRemaining(orgs::add);
        }
        for (KeyValue<String, String> org : orgs) {
            String fingerprint = reference.fingerprint(org.key);
            if (fingerprint.equals(org.value)) continue;
            orgConfig.put(org.key, fingerprint);
            List<RuleDefinition> rules = reference.rules(org.key);
            for (String domainKey : domains.domainKeysOf(org.key)) {
                evaluate(domainKey, rules, fingerprint, now);
            }
        }
    }

    // ---- time-relative flips ----

    static String dueKey(long dueMillis, String domainKey) {
        return String.format("%020d", dueMillis) + DomainKeys.SEP + domainKey;
    }

    private void schedule(String domainKey, Instant due) {
        Long previous = flipByDomain.get(domainKey);
        // rounded up: the flip is at or after its instant, never a moment early
        Long next = due == null ? null : due.toEpochMilli() + (due.getNano() % 1_000_000 == 0 ? 0 : 1);
        if (Objects.equals(previous, next)) return;
        if (previous != null) flipDue.delete(dueKey(previous, domainKey));
        if (next == null) {
            flipByDomain.delete(domainKey);
            return;
        }
        flipByDomain.put(domainKey, next);
        String key = dueKey(next, domainKey);
        flipDue.put(key, domainKey);
        String cursor = flipCursor.get(CURSOR);
        if (cursor != null && key.compareTo(cursor) < 0) flipCursor.put(CURSOR, key);
    }

    private void fireFlips(long now) {
        String from = flipCursor.get(CURSOR);
        String to = String.format("%020d", now) + (char) (DomainKeys.SEP + 1);
        if (from != null && from.compareTo(to) > 0) from = null;
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = flipDue.range(from, to)) {
            while (it.hasNext() && due.size() < settings.maxFlipsPerRun()) due.add(it.next());
        }
        if (due.isEmpty()) return;
        Set<String> domainKeys = new LinkedHashSet<>();
        for (KeyValue<String, String> entry : due) {
            flipDue.delete(entry.key);
            flipByDomain.delete(entry.value);
            domainKeys.add(entry.value);
        }
        flipCursor.put(CURSOR, due.get(due.size() - 1).key);
        for (String domainKey : domainKeys) {
            String org = Keys.orgOf(domainKey);
            evaluate(domainKey, reference.rules(org), reference.fingerprint(org), now);
        }
    }
}
