package org.seqengine.exclusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.seqengine.filter.RuleLevel;

class MatchPublisherTest {

    static final ActiveEnrollment ENROLLMENT = new ActiveEnrollment("e1", "s1", "m1", 0);

    static ExclusionReference reference(RuleDefinition rule, Map<String, String> sequenceRulesets, Map<String, Set<String>> rulesets) {
        return new ExclusionReference() {
            public Optional<RuleDefinition> rule(String id) { return Optional.ofNullable(rule.ruleId().equals(id) ? rule : null); }
            public Optional<String> sequenceRulesetId(String s) { return Optional.ofNullable(sequenceRulesets.get(s)); }
            public Optional<Set<String>> rulesetRuleIds(String r) { return Optional.ofNullable(rulesets.get(r)); }
        };
    }

    static RuleDefinition rule(boolean orgToggle, boolean remove, String fingerprint) {
        return new RuleDefinition("r1", RuleLevel.PERSON, null, orgToggle, remove, fingerprint);
    }

    static PersonResult result(long version, long at, ActiveEnrollment e, String fingerprint, String actual) {
        List<RuleMatch> matches = actual == null ? List.of() : List.of(new RuleMatch("r1", "PERSON",
                List.of(new MatchEvidence("person.stage", "equals", "customer", actual, "sf", "person", "1", "p1")), fingerprint));
        return new PersonResult("p1", version, false, matches, e, at);
    }

    @Test
    void sinceIsKeptWhileMatchingAndPublishingHappensOnlyOnChange() {
        ExclusionReference ref = reference(rule(true, false, "f1"), Map.of(), Map.of());
        var first = MatchPublisher.apply(null, result(1, 100, null, "f1", "customer"), ref);
        assertThat(first.publish()).isTrue();
        var same = MatchPublisher.apply(first.next(), result(2, 200, null, "f1", "customer"), ref);
        assertThat(same.publish()).isFalse();
        assertThat(same.next().matches().get(0).matchedSince()).isEqualTo(100);
        var gone = MatchPublisher.apply(same.next(), result(3, 300, null, "f1", null), ref);
        assertThat(gone.publish()).isTrue();
        assertThat(gone.next().matches()).isEmpty();
        var back = MatchPublisher.apply(gone.next(), result(4, 400, null, "f1", "customer"), ref);
        assertThat(back.next().matches().get(0).matchedSince()).isEqualTo(400);
        assertThat(MatchPublisher.apply(null, result(1, 100, null, "f1", null), ref).publish())
                .as("nothing to say about a person who never matched").isFalse();
    }

    @Test
    void anOlderViewsResultIsIgnored() {
        ExclusionReference ref = reference(rule(true, false, "f1"), Map.of(), Map.of());
        var current = MatchPublisher.apply(null, result(5, 100, null, "f1", null), ref);
        var stale = MatchPublisher.apply(current.next(), result(4, 200, null, "f1", "customer"), ref);
        assertThat(stale.publish()).isFalse();
        assertThat(stale.next()).isEqualTo(current.next());
    }

    @Test
    void anExcludeOnlyForAnApplicableRemovingRuleAndOncePerMatch() {
        assertThat(MatchPublisher.apply(null, result(1, 1, ENROLLMENT, "f1", "customer"),
                reference(rule(true, false, "f1"), Map.of(), Map.of())).exclude()).as("remove from active off").isEmpty();
        assertThat(MatchPublisher.apply(null, result(1, 1, ENROLLMENT, "f1", "customer"),
                reference(rule(false, true, "f1"), Map.of(), Map.of())).exclude()).as("does not apply to s1").isEmpty();
        assertThat(MatchPublisher.apply(null, result(1, 1, null, "f1", "customer"),
                reference(rule(true, true, "f1"), Map.of(), Map.of())).exclude()).as("no active enrollment").isEmpty();

        ExclusionReference viaDefault = reference(rule(false, true, "f1"), Map.of(), Map.of("default", Set.of("r1")));
        var sent = MatchPublisher.apply(null, result(1, 1, ENROLLMENT, "f1", "customer"), viaDefault);
        assertThat(sent.exclude()).hasSize(1);
        assertThat(MatchPublisher.apply(sent.next(), result(2, 2, ENROLLMENT, "f1", "customer"), viaDefault).exclude())
                .as("already sent").isEmpty();

        ExclusionReference viaOwn = reference(rule(false, true, "f1"), Map.of("s1", "strict"),
                Map.of("strict", Set.of("r1"), "default", Set.of()));
        assertThat(MatchPublisher.apply(null, result(1, 1, ENROLLMENT, "f1", "customer"), viaOwn).exclude()).hasSize(1);
    }

    @Test
    void theCommandIdIsDeterministic() {
        PublishedMatch m = new PublishedMatch("r1", "PERSON", 5, List.of(), "f1");
        assertThat(ExcludeCommandIds.of("o", "p", "e", List.of(m))).isEqualTo(ExcludeCommandIds.of("o", "p", "e", List.of(m)))
                .isNotEqualTo(ExcludeCommandIds.of("o", "p", "e", List.of(new PublishedMatch("r1", "PERSON", 5, List.of(), "f2"))));
    }
}
