package org.seqengine.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.filter.Json.filter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterEvaluatorTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    static SourceRecord person(Map<String, String> fields) {
        return new SourceRecord("people", "person", "p-1", fields);
    }

    static SourceRecord company(String crm, String id, Map<String, String> fields) {
        return new SourceRecord(crm, "company", id, fields);
    }

    static SourceRecord opportunity(String crm, String id, Map<String, String> fields) {
        return new SourceRecord(crm, "opportunity", id, fields);
    }

    static Facts facts(Map<String, String> personFields, List<SourceRecord> companies, List<SourceRecord> opportunities) {
        return new Facts("example.com", person(personFields), companies, opportunities, Set.of("competitors"));
    }

    private static boolean matches(String filter, Facts facts) {
        return FilterEvaluator.evaluate(filter(filter), facts, NOW).matches();
    }

    private static boolean person(String filter, Map<String, String> fields) {
        return matches(filter, facts(fields, List.of(), List.of()));
    }

    @Test
    void equalsIsTrimmedCaseInsensitiveAndNumeric() {
        assertThat(person("{'field':'person.stage','op':'equals','value':'Customer'}", Map.of("stage", " customer "))).isTrue();
        assertThat(person("{'field':'person.stage','op':'equals','value':'customer'}", Map.of("stage", "lead"))).isFalse();
        assertThat(person("{'field':'person.employees','op':'equals','value':5000}", Map.of("employees", "5000.00"))).isTrue();
        assertThat(person("{'field':'person.vip','op':'equals','value':true}", Map.of("vip", "TRUE"))).isTrue();
        assertThat(person("{'field':'person.stage','op':'equals','value':'x'}", Map.of())).isFalse();
        assertThat(person("{'field':'person.stage','op':'not_equals','value':'x'}", Map.of())).isTrue();
        assertThat(person("{'field':'person.stage','op':'not_equals','value':'X'}", Map.of("stage", "x"))).isFalse();
    }

    @Test
    void inAndNotIn() {
        assertThat(person("{'field':'person.stage','op':'in','value':['lead','customer']}", Map.of("stage", "CUSTOMER"))).isTrue();
        assertThat(person("{'field':'person.n','op':'in','value':[1,2]}", Map.of("n", "2.0"))).isTrue();
        assertThat(person("{'field':'person.stage','op':'in','value':['lead']}", Map.of("stage", "customer"))).isFalse();
        assertThat(person("{'field':'person.stage','op':'not_in','value':['lead']}", Map.of("stage", "customer"))).isTrue();
        assertThat(person("{'field':'person.stage','op':'not_in','value':['lead']}", Map.of())).isTrue();
    }

    @Test
    void containsIsCaseInsensitive() {
        assertThat(person("{'field':'person.title','op':'contains','value':'ceo'}", Map.of("title", "Founder & CEO"))).isTrue();
        assertThat(person("{'field':'person.title','op':'contains','value':'cto'}", Map.of("title", "CEO"))).isFalse();
        assertThat(person("{'field':'person.title','op':'contains','value':'cto'}", Map.of())).isFalse();
    }

    @Test
    void gtAndLtCompareNumbersElseDates() {
        assertThat(person("{'field':'person.n','op':'gt','value':10}", Map.of("n", "10.5"))).isTrue();
        assertThat(person("{'field':'person.n','op':'gt','value':10}", Map.of("n", "9"))).isFalse();
        assertThat(person("{'field':'person.n','op':'lt','value':'10'}", Map.of("n", "9"))).isTrue();
        assertThat(person("{'field':'person.d','op':'gt','value':'2026-01-01'}", Map.of("d", "2026-01-01T00:00:01Z"))).isTrue();
        assertThat(person("{'field':'person.d','op':'lt','value':'2026-01-01T00:00:00+01:00'}", Map.of("d", "2025-12-31T22:59:59"))).isTrue();
        assertThat(person("{'field':'person.d','op':'gt','value':10}", Map.of("d", "2026-01-01"))).isFalse();
        assertThat(person("{'field':'person.d','op':'lt','value':10}", Map.of("d", "ten"))).isFalse();
        assertThat(person("{'field':'person.d','op':'lt','value':10}", Map.of())).isFalse();
    }

    @Test
    void isSetTreatsBlankAsUnset() {
        assertThat(person("{'field':'person.phone','op':'is_set'}", Map.of("phone", "1"))).isTrue();
        assertThat(person("{'field':'person.phone','op':'is_set'}", Map.of("phone", " "))).isFalse();
        assertThat(person("{'field':'person.phone','op':'is_not_set'}", Map.of())).isTrue();
    }

    @Test
    void personAttributesAnswerToBothSpellings() {
        assertThat(person("{'field':'person.attributes.plan','op':'equals','value':'pro'}", Map.of("plan", "pro"))).isTrue();
        assertThat(person("{'field':'person.plan','op':'equals','value':'pro'}", Map.of("attributes.plan", "pro"))).isTrue();
        Facts noPerson = new Facts(null, null, null, null, null);
        assertThat(matches("{'field':'person.plan','op':'is_not_set'}", noPerson)).isTrue();
        assertThat(matches("{'field':'company.domain','op':'is_not_set'}", noPerson)).isTrue();
    }

    @Test
    void timeRelativeOpsAndTheirFlips() {
        Instant closed = NOW.minus(Duration.ofDays(10));
        Facts f = facts(Map.of("closed_at", closed.toString()), List.of(), List.of());
        Evaluation within = FilterEvaluator.evaluate(filter("{'field':'person.closed_at','op':'within_last_days','value':30}"), f, NOW);
        assertThat(within.matches()).isTrue();
        assertThat(within.nextFlipAt()).isEqualTo(closed.plus(Duration.ofDays(30)).plusNanos(1));
        Evaluation older = FilterEvaluator.evaluate(filter("{'field':'person.closed_at','op':'older_than_days','value':30}"), f, NOW);
        assertThat(older.matches()).isFalse();
        assertThat(older.nextFlipAt()).isEqualTo(within.nextFlipAt());
        Evaluation olderThan5 = FilterEvaluator.evaluate(filter("{'field':'person.closed_at','op':'older_than_days','value':5}"), f, NOW);
        assertThat(olderThan5.matches()).isTrue();
        assertThat(olderThan5.nextFlipAt()).isNull();

        Facts future = facts(Map.of("closed_at", "2026-12-01"), List.of(), List.of());
        Evaluation notYet = FilterEvaluator.evaluate(filter("{'field':'person.closed_at','op':'within_last_days','value':30}"), future, NOW);
        assertThat(notYet.matches()).isFalse();
        assertThat(notYet.nextFlipAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));

        Evaluation boundary = FilterEvaluator.evaluate(filter("{'field':'person.closed_at','op':'within_last_days','value':10}"), f, NOW);
        assertThat(boundary.matches()).as("now - N <= t is inclusive").isTrue();
        Evaluation garbage = FilterEvaluator.evaluate(filter("{'field':'person.x','op':'within_last_days','value':1}"),
                facts(Map.of("x", "yesterday"), List.of(), List.of()), NOW);
        assertThat(garbage.matches()).isFalse();
        assertThat(garbage.nextFlipAt()).isNull();
    }

    @Test
    void theEarliestFlipOfAnyRecordCounts() {
        Facts f = facts(Map.of(), List.of(), List.of(
                opportunity("sf", "o1", Map.of("closed_at", "2026-11-01T00:00:00Z")),
                opportunity("hs", "o2", Map.of("closed_at", "2026-11-20T00:00:00Z"))));
        Evaluation e = FilterEvaluator.evaluate(filter("{'field':'opportunity.closed_at','op':'older_than_days','value':30}"), f, NOW);
        assertThat(e.matches()).isFalse();
        assertThat(e.nextFlipAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00.000000001Z"));
    }

    @Test
    void companyDomainIsThePersonsDomain() {
        Facts f = facts(Map.of(), List.of(), List.of());
        assertThat(matches("{'field':'company.domain','op':'equals','value':'https://www.Example.com/about'}", f)).isTrue();
        assertThat(matches("{'field':'company.domain','op':'in','value':['a.com','EXAMPLE.com']}", f)).isTrue();
        assertThat(matches("{'field':'company.domain','op':'in_list','value':'competitors'}", f)).isTrue();
        assertThat(matches("{'field':'company.domain','op':'in_list','value':'partners'}", f)).isFalse();
        assertThat(matches("{'any':[{'field':'company.domain','op':'in_list','value':'competitors'},{'field':'company.x','op':'is_set'}]}", f))
                .as("company.domain needs no company record").isTrue();
    }

    @Test
    void companyFieldsHoldIfAnyRecordHolds() {
        Facts f = facts(Map.of(), List.of(company("sf", "c1", Map.of("industry", "retail")),
                company("hs", "c2", Map.of("industry", "Competitor"))), List.of());
        Evaluation e = FilterEvaluator.evaluate(filter("{'field':'company.industry','op':'equals','value':'competitor'}"), f, NOW);
        assertThat(e.matches()).isTrue();
        assertThat(e.evidence()).containsExactly(new Evidence("company.industry", "equals", "competitor", "Competitor", "hs", "company", "c2"));
        assertThat(matches("{'field':'company.industry','op':'equals','value':'bank'}", f)).isFalse();
        assertThat(matches("{'field':'company.industry','op':'is_set'}", facts(Map.of(), List.of(), List.of()))).isFalse();
    }

    @Test
    void loneNegativeExistentialConditionsMeanNoRecord() {
        Facts f = facts(Map.of(), List.of(company("sf", "c1", Map.of("industry", "retail")),
                company("hs", "c2", Map.of("industry", "competitor"))), List.of());
        assertThat(matches("{'field':'company.industry','op':'not_equals','value':'competitor'}", f)).isFalse();
        assertThat(matches("{'field':'company.industry','op':'not_equals','value':'bank'}", f)).isTrue();
        assertThat(matches("{'field':'company.industry','op':'not_in','value':['bank','competitor']}", f)).isFalse();
        assertThat(matches("{'field':'company.size','op':'is_not_set'}", f)).isTrue();
        assertThat(matches("{'field':'company.industry','op':'is_not_set'}", f)).isFalse();
        Facts none = facts(Map.of(), List.of(), List.of());
        assertThat(matches("{'field':'company.industry','op':'not_equals','value':'competitor'}", none)).isTrue();
        Evaluation e = FilterEvaluator.evaluate(filter("{'field':'company.industry','op':'not_equals','value':'bank'}"), f, NOW);
        assertThat(e.evidence()).containsExactly(new Evidence("company.industry", "not_equals", "bank", null, null, "company", null));
    }

    @Test
    void aGroupOfOpportunityConditionsMustHoldForOneOpportunity() {
        String openAndBig = "{'all':[{'field':'opportunity.stage','op':'equals','value':'open'},{'field':'opportunity.amount','op':'gt','value':1000}]}";
        Facts split = facts(Map.of(), List.of(), List.of(
                opportunity("sf", "o1", Map.of("stage", "open", "amount", "10")),
                opportunity("hs", "o2", Map.of("stage", "lost", "amount", "5000"))));
        assertThat(matches(openAndBig, split)).as("no single opportunity is open and big").isFalse();
        Facts one = facts(Map.of(), List.of(), List.of(
                opportunity("sf", "o1", Map.of("stage", "open", "amount", "10")),
                opportunity("hs", "o2", Map.of("stage", "open", "amount", "5000"))));
        Evaluation e = FilterEvaluator.evaluate(filter(openAndBig), one, NOW);
        assertThat(e.matches()).isTrue();
        assertThat(e.evidence()).containsExactly(
                new Evidence("opportunity.stage", "equals", "open", "open", "hs", "opportunity", "o2"),
                new Evidence("opportunity.amount", "gt", "1000", "5000", "hs", "opportunity", "o2"));

        String perRecordNot = "{'all':[{'field':'opportunity.stage','op':'equals','value':'open'},"
                + "{'not':{'field':'opportunity.type','op':'equals','value':'renewal'}}]}";
        Facts renewalOnly = facts(Map.of(), List.of(), List.of(
                opportunity("sf", "o1", Map.of("stage", "open", "type", "renewal")),
                opportunity("sf", "o2", Map.of("stage", "lost", "type", "new"))));
        assertThat(matches(perRecordNot, renewalOnly)).as("the not applies to the same opportunity").isFalse();
    }

    @Test
    void mixedGroupsEvaluateEachSideOnItsOwn() {
        String mixed = "{'all':[{'field':'person.title','op':'contains','value':'ceo'},{'field':'company.industry','op':'equals','value':'bank'},"
                + "{'field':'opportunity.stage','op':'equals','value':'open'}]}";
        Facts f = facts(Map.of("title", "CEO"), List.of(company("sf", "c1", Map.of("industry", "bank"))),
                List.of(opportunity("hs", "o1", Map.of("stage", "open"))));
        assertThat(matches(mixed, f)).isTrue();
        assertThat(matches(mixed, facts(Map.of("title", "CFO"), f.companies(), f.opportunities()))).isFalse();
    }

    @Test
    void notNeverBinds() {
        Facts f = facts(Map.of(), List.of(company("sf", "c1", Map.of("industry", "retail")),
                company("hs", "c2", Map.of("industry", "competitor"))), List.of());
        Evaluation e = FilterEvaluator.evaluate(filter("{'not':{'field':'company.industry','op':'equals','value':'competitor'}}"), f, NOW);
        assertThat(e.matches()).as("a company record is a competitor").isFalse();
        Evaluation bank = FilterEvaluator.evaluate(filter("{'not':{'field':'company.industry','op':'equals','value':'bank'}}"), f, NOW);
        assertThat(bank.matches()).isTrue();
        assertThat(bank.evidence()).containsExactly(new Evidence("company.industry", "not_equals", "bank", null, null, "company", null));
    }

    @Test
    void anyAndEvidenceOfNegations() {
        Facts f = facts(Map.of("stage", "lead", "title", "CTO"), List.of(), List.of());
        Evaluation any = FilterEvaluator.evaluate(filter("{'any':[{'field':'person.stage','op':'equals','value':'customer'},"
                + "{'field':'person.title','op':'contains','value':'ct'}]}"), f, NOW);
        assertThat(any.matches()).isTrue();
        assertThat(any.evidence()).containsExactly(new Evidence("person.title", "contains", "ct", "CTO", "people", "person", "p-1"));
        Evaluation not = FilterEvaluator.evaluate(filter("{'not':{'any':[{'field':'person.stage','op':'in','value':['customer']},"
                + "{'field':'person.title','op':'contains','value':'ceo'}]}}"), f, NOW);
        assertThat(not.matches()).isTrue();
        assertThat(not.evidence()).containsExactly(
                new Evidence("person.stage", "not_in", "[\"customer\"]", "lead", "people", "person", "p-1"),
                new Evidence("person.title", "not contains", "ceo", "CTO", "people", "person", "p-1"));
        Evaluation none = FilterEvaluator.evaluate(filter("{'field':'person.stage','op':'equals','value':'x'}"), f, NOW);
        assertThat(none.matches()).isFalse();
        assertThat(none.evidence()).isEmpty();
        assertThat(new Evidence("f", "not not_in", null, null, null, null, null).negated().op()).isEqualTo("not_in");
    }
}
