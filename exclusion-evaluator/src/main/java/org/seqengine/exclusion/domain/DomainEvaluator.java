package org.seqengine.exclusion.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seqengine.filter.Evaluation;
import org.seqengine.filter.Evidence;
import org.seqengine.filter.Facts;
import org.seqengine.filter.RuleEvaluator;
import org.seqengine.filter.RuleLevel;
import org.seqengine.filter.SourceRecord;

/**
 * Evaluates every rule for every person at a domain from scratch, with {@link RuleEvaluator}. A
 * COMPANY rule's outcome is the same for everyone at the domain (the company side, or any colleague,
 * the person included), so it is evaluated once per domain, not once per person.
 */
public final class DomainEvaluator {

    private DomainEvaluator() {}

    public static DomainEvaluation evaluate(DomainFacts domain, List<RuleDefinition> rules, Instant now) {
        List<SourceRecord> companies = domain.companies().stream().map(CrmObject::toSource).toList();
        List<SourceRecord> opportunities = domain.opportunities().stream().map(CrmObject::toSource).toList();
        Map<String, PersonView> people = new LinkedHashMap<>();
        Map<String, Facts> facts = new LinkedHashMap<>();
        for (PersonView p : domain.people()) {
            people.put(p.personId(), p);
            facts.put(p.personId(), new Facts(domain.domain(), p.toSource(), companies, opportunities, domain.lists()));
        }
        Map<String, List<RuleMatch>> matches = new LinkedHashMap<>();
        people.keySet().forEach(id -> matches.put(id, new ArrayList<>()));
        Instant nextFlip = null;
        if (people.isEmpty()) {
            return new DomainEvaluation(matches, null);
        }
        List<Facts> everyone = List.copyOf(facts.values());
        for (RuleDefinition rule : rules.stream().sorted(Comparator.comparing(RuleDefinition::ruleId)).toList()) {
            if (rule.filter() == null) continue;
            if (rule.level() == RuleLevel.COMPANY) {
                Evaluation e = RuleEvaluator.evaluate(RuleLevel.COMPANY, rule.filter(), everyone.get(0), everyone, now);
                nextFlip = earliest(nextFlip, e.nextFlipAt());
                if (e.matches()) {
                    RuleMatch match = match(rule, e, people);
                    matches.values().forEach(list -> list.add(match));
                }
            } else {
                for (var entry : facts.entrySet()) {
                    Evaluation e = RuleEvaluator.evaluate(RuleLevel.PERSON, rule.filter(), entry.getValue(), List.of(), now);
                    nextFlip = earliest(nextFlip, e.nextFlipAt());
                    if (e.matches()) matches.get(entry.getKey()).add(match(rule, e, people));
                }
            }
        }
        matches.replaceAll((id, list) -> List.copyOf(list));
        return new DomainEvaluation(matches, nextFlip);
    }

    private static RuleMatch match(RuleDefinition rule, Evaluation e, Map<String, PersonView> people) {
        List<MatchEvidence> evidence = e.evidence().stream().map(ev -> traced(ev, people)).toList();
        return new RuleMatch(rule.ruleId(), rule.level().name(), evidence, rule.fingerprint());
    }

    /** A person field's evidence names the merged person record: name the CRM record the value came from instead. */
    static MatchEvidence traced(Evidence ev, Map<String, PersonView> people) {
        if (!"person".equals(ev.objectType()) || !FieldSource.PEOPLE.equals(ev.crm())) {
            return new MatchEvidence(ev.field(), ev.op(), ev.expected(), ev.actual(), ev.crm(), ev.objectType(),
                    ev.objectId(), null);
        }
        String personId = ev.objectId();
        PersonView view = people.get(personId);
        String name = ev.field().startsWith("person.") ? ev.field().substring("person.".length()) : ev.field();
        FieldSource source = view == null ? null : view.fieldSources().get(name);
        if (source == null && name.startsWith("attributes.") && view != null) {
            source = view.fieldSources().get(name.substring("attributes.".length()));
        }
        String crm = source == null ? ev.crm() : source.crm();
        String objectId = source == null ? ev.objectId() : source.objectId();
        return new MatchEvidence(ev.field(), ev.op(), ev.expected(), ev.actual(), crm, "person", objectId, personId);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isBefore(b) ? a : b;
    }
}
