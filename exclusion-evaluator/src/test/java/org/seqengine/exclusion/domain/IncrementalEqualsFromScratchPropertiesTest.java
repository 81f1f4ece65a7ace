package org.seqengine.exclusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * After any shuffled, repeated sequence of CRM changes, rule edits and clock advances, the
 * incremental result (states merged change by change, re-evaluated and published after each step)
 * equals evaluating from scratch on the final data.
 */
class IncrementalEqualsFromScratchPropertiesTest {

    static final Instant BASE = Instant.parse("2026-11-24T00:00:00Z");
    static final String DOMAIN = "example.com";
    static final List<String> PEOPLE = List.of("p1", "p2", "p3");
    static final Map<String, List<String[]>> RULE_VARIANTS = Map.of(
            "r-person", List.of(
                    new String[]{"PERSON", "{\"field\":\"person.lifecycle_stage\",\"op\":\"equals\",\"value\":\"customer\"}"},
                    new String[]{"PERSON", "{\"field\":\"person.title\",\"op\":\"contains\",\"value\":\"cto\"}"},
                    new String[]{"PERSON", "{\"not\":{\"field\":\"person.lifecycle_stage\",\"op\":\"is_set\"}}"}),
            "r-company", List.of(
                    new String[]{"COMPANY", "{\"field\":\"company.industry\",\"op\":\"equals\",\"value\":\"competitor\"}"},
                    new String[]{"COMPANY", "{\"all\":[{\"field\":\"opportunity.stage\",\"op\":\"equals\",\"value\":\"closed\"},"
                            + "{\"field\":\"opportunity.closed_at\",\"op\":\"within_last_days\",\"value\":1}]}"},
                    new String[]{"COMPANY", "{\"field\":\"person.lifecycle_stage\",\"op\":\"equals\",\"value\":\"customer\"}"}));

    sealed interface Op {}

    /** A CRM change for a person ({@code owner} a person id) or at the domain (owner null). */
    record Change(String owner, CrmChange change) implements Op {}

    record RuleEdit(String ruleId, int variant) implements Op {}

    record Advance(Duration by) implements Op {}

    @Property(tries = 200)
    void incrementalEqualsFromScratch(@ForAll("histories") List<Op> history, @ForAll("seeds") long seed) {
        List<Op> applied = new ArrayList<>(history);
        Random random = new Random(seed);
        for (Op op : history) {                       // repeat some changes
            if (op instanceof Change && random.nextInt(3) == 0) applied.add(op);
        }
        Collections.shuffle(applied, random);

        // incremental
        Map<String, PersonFacts> people = new TreeMap<>();
        PEOPLE.forEach(p -> people.put(p, PersonFacts.empty(p).withRecord(Map.of("company_domain", DOMAIN))));
        Map<String, CrmObject> records = new TreeMap<>();
        Map<String, RuleDefinition> rules = new TreeMap<>();
        Map<String, Publication> published = new HashMap<>();
        RuleCompiler compiler = new RuleCompiler((id, problem) -> { throw new AssertionError(problem); });
        Instant now = BASE;
        long version = 0;
        for (Op op : applied) {
            if (op instanceof Change c && c.owner() != null) {
                people.computeIfPresent(c.owner(), (id, facts) -> facts.apply(c.change()));
            } else if (op instanceof Change c) {
                records.merge(key(c.change()), fresh(c.change()).apply(c.change()), (old, x) -> old.apply(c.change()));
            } else if (op instanceof RuleEdit e) {
                rules.put(e.ruleId(), compile(compiler, e));
            } else if (op instanceof Advance a) {
                now = now.plus(a.by());
            }
            version++;
            publish(evaluate(people, records, rules, now), published, version, now);
        }

        // from scratch: the final data, folded in one canonical order
        Map<String, PersonFacts> finalPeople = new TreeMap<>();
        PEOPLE.forEach(p -> finalPeople.put(p, PersonFacts.empty(p).withRecord(Map.of("company_domain", DOMAIN))));
        Map<String, CrmObject> finalRecords = new TreeMap<>();
        history.stream().filter(op -> op instanceof Change).map(op -> (Change) op)
                .sorted(Comparator.comparingLong((Change c) -> c.change().changedAt()).thenComparing(Change::toString))
                .forEach(c -> {
                    if (c.owner() != null) finalPeople.computeIfPresent(c.owner(), (id, f) -> f.apply(c.change()));
                    else finalRecords.merge(key(c.change()), fresh(c.change()).apply(c.change()), (o, x) -> o.apply(c.change()));
                });
        DomainEvaluation scratch = evaluate(finalPeople, finalRecords, rules, now);

        for (String p : PEOPLE) {
            List<RuleMatch> expected = scratch.matchesByPerson().get(p);
            List<PublishedMatch> actual = published.getOrDefault(p, Publication.none()).matches();
            assertThat(actual.stream().map(m -> m.ruleId() + m.evidence()).toList())
                    .isEqualTo(expected.stream().map(m -> m.ruleId() + m.evidence()).toList());
        }
    }

    private static void publish(DomainEvaluation evaluation, Map<String, Publication> published, long version, Instant now) {
        ExclusionReference none = new ExclusionReference() {
            public java.util.Optional<RuleDefinition> rule(String ruleId) { return java.util.Optional.empty(); }
            public java.util.Optional<String> sequenceRulesetId(String sequenceId) { return java.util.Optional.empty(); }
            public java.util.Optional<Set<String>> rulesetRuleIds(String rulesetId) { return java.util.Optional.empty(); }
        };
        evaluation.matchesByPerson().forEach((p, matches) -> published.put(p, MatchPublisher.apply(published.get(p),
                new PersonResult(p, version, false, matches, null, now.toEpochMilli()), none).next()));
    }

    private static DomainEvaluation evaluate(Map<String, PersonFacts> people, Map<String, CrmObject> records,
                                             Map<String, RuleDefinition> rules, Instant now) {
        List<CrmObject> companies = records.values().stream().filter(r -> r.objectType().equals("company")).toList();
        List<CrmObject> opportunities = records.values().stream().filter(r -> r.objectType().equals("opportunity")).toList();
        List<PersonView> views = people.values().stream().map(PersonFacts::view).toList();
        return DomainEvaluator.evaluate(new DomainFacts(DOMAIN, views, companies, opportunities, Set.of()),
                List.copyOf(rules.values()), now);
    }

    private static RuleDefinition compile(RuleCompiler compiler, RuleEdit e) {
        String[] v = RULE_VARIANTS.get(e.ruleId()).get(e.variant());
        return compiler.compile(e.ruleId(), v[0], true, true, v[1]);
    }

    private static String key(CrmChange c) {
        return c.objectType() + "|" + c.recordKey();
    }

    private static CrmObject fresh(CrmChange c) {
        return CrmObject.empty(c.crm(), c.objectType(), c.objectId());
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Provide
    Arbitrary<List<Op>> histories() {
        Arbitrary<String> crm = Arbitraries.of("salesforce", "hubspot");
        Arbitrary<Long> at = Arbitraries.longs().between(0, 5).map(h -> BASE.plus(Duration.ofHours(h)).toEpochMilli());
        Arbitrary<String> stage = Arbitraries.of("customer", "lead", "CUSTOMER ", null);
        Arbitrary<Op> personChange = Combinators.combine(Arbitraries.of(PEOPLE), crm, stage,
                        Arbitraries.of("CTO", "vp sales", null), Arbitraries.of(true, false, false, false), at)
                .as((p, c, s, title, deleted, t) -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("lifecycle_stage", s);
                    if (title != null) fields.put("title", title);
                    return new Change(p, new CrmChange(c, "person", c + "-" + p, fields, deleted, t));
                });
        Arbitrary<Op> companyChange = Combinators.combine(crm, Arbitraries.of("c1", "c2"),
                        Arbitraries.of("competitor", "saas", null), Arbitraries.of(true, false, false), at)
                .as((c, id, industry, deleted, t) -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("industry", industry);
                    return new Change(null, new CrmChange(c, "company", id, fields, deleted, t));
                });
        Arbitrary<Op> opportunityChange = Combinators.combine(crm, Arbitraries.of("o1", "o2"),
                        Arbitraries.of("open", "closed"), Arbitraries.longs().between(0, 60), Arbitraries.of(true, false, false), at)
                .as((c, id, s, closedHoursAgo, deleted, t) -> new Change(null, new CrmChange(c, "opportunity", id,
                        Map.of("stage", s, "closed_at", BASE.minus(Duration.ofHours(closedHoursAgo)).toString()), deleted, t)));
        Arbitrary<Op> ruleEdit = Combinators.combine(Arbitraries.of("r-person", "r-company"), Arbitraries.integers().between(0, 2))
                .as(RuleEdit::new);
        Arbitrary<Op> advance = Arbitraries.longs().between(1, 30).map(h -> new Advance(Duration.ofHours(h)));
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, personChange), net.jqwik.api.Tuple.of(3, companyChange),
                        net.jqwik.api.Tuple.of(3, opportunityChange), net.jqwik.api.Tuple.of(2, ruleEdit),
                        net.jqwik.api.Tuple.of(2, advance))
                .list().ofMinSize(1).ofMaxSize(30);
    }
}
