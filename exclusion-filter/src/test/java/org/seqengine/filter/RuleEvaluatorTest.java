package org.seqengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.filter.FilterEvaluatorTest.NOW;
import static org.seqengine.filter.FilterEvaluatorTest.company;
import static org.seqengine.filter.Json.filter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final Filter CEO = filter("{'field':'person.title','op':'equals','value':'ceo'}");

    private static Facts at(String personId, Map<String, String> fields, List<SourceRecord> companies) {
        return new Facts("example.com", new SourceRecord("people", "person", personId, fields), companies, List.of(), Set.of());
    }

    @Test
    void aCompanyRuleMatchesEveryoneWhenAColleagueMatchesTheirPersonFields() {
        Facts ada = at("ada", Map.of("title", "engineer"), List.of());
        Facts grace = at("grace", Map.of("title", "CEO"), List.of());
        Evaluation e = RuleEvaluator.evaluate(RuleLevel.COMPANY, CEO, ada, List.of(ada, grace), NOW);
        assertThat(e.matches()).isTrue();
        assertThat(e.evidence()).containsExactly(new Evidence("person.title", "equals", "ceo", "CEO", "people", "person", "grace"));
        assertThat(RuleEvaluator.evaluate(RuleLevel.COMPANY, CEO, ada, List.of(ada), NOW).matches()).isFalse();
    }

    @Test
    void aPersonRuleLooksOnlyAtThePerson() {
        Facts ada = at("ada", Map.of("title", "engineer"), List.of());
        Facts grace = at("grace", Map.of("title", "CEO"), List.of());
        assertThat(RuleEvaluator.evaluate(RuleLevel.PERSON, CEO, ada, List.of(ada, grace), NOW).matches()).isFalse();
        assertThat(RuleEvaluator.evaluate(RuleLevel.PERSON, CEO, grace, List.of(ada), NOW).matches()).isTrue();
    }

    @Test
    void aCompanyRuleOnCompanyFieldsMatchesEveryoneAtTheDomain() {
        Filter competitor = filter("{'field':'company.industry','op':'equals','value':'competitor'}");
        List<SourceRecord> companies = List.of(company("sf", "c1", Map.of("industry", "competitor")));
        Facts ada = at("ada", Map.of(), companies);
        Evaluation e = RuleEvaluator.evaluate(RuleLevel.COMPANY, competitor, ada, List.of(), NOW);
        assertThat(e.matches()).isTrue();
        assertThat(e.evidence()).extracting(Evidence::objectId).containsExactly("c1");
    }

    @Test
    void noMatchFlipsAtTheEarliestColleagueFlip() {
        Filter recent = filter("{'field':'person.signed_up_at','op':'within_last_days','value':1}");
        Facts ada = at("ada", Map.of("signed_up_at", "2026-12-10T00:00:00Z"), List.of());
        Facts grace = at("grace", Map.of("signed_up_at", "2026-12-01T00:00:00Z"), List.of());
        Evaluation e = RuleEvaluator.evaluate(RuleLevel.COMPANY, recent, ada, List.of(grace), NOW);
        assertThat(e.matches()).isFalse();
        assertThat(e.nextFlipAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void evaluateAllAgreesWithEvaluatePerPerson() {
        Filter f = filter("{'any':[{'field':'person.title','op':'equals','value':'ceo'},{'field':'company.industry','op':'equals','value':'bank'}]}");
        List<Facts> people = List.of(at("a", Map.of("title", "x"), List.of()), at("b", Map.of("title", "ceo"), List.of()),
                at("c", Map.of(), List.of()));
        for (RuleLevel level : RuleLevel.values()) {
            List<Evaluation> all = RuleEvaluator.evaluateAll(level, f, people, NOW);
            for (int i = 0; i < people.size(); i++) {
                assertThat(all.get(i)).isEqualTo(RuleEvaluator.evaluate(level, f, people.get(i), people, NOW));
            }
        }
        assertThat(RuleEvaluator.evaluateAll(RuleLevel.COMPANY, f, people, NOW)).allMatch(Evaluation::matches);
    }
}
