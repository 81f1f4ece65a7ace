package org.seqengine.exclusion.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.exclusion.domain.DomainEvaluation;
import org.seqengine.exclusion.domain.DomainEvaluator;
import org.seqengine.exclusion.domain.DomainFacts;
import org.seqengine.exclusion.domain.ExclusionReference;
import org.seqengine.exclusion.domain.PersonView;
import org.seqengine.exclusion.domain.RemovalPolicy;
import org.seqengine.exclusion.domain.RuleDefinition;
import org.seqengine.exclusion.streams.DomainStores;
import org.seqengine.exclusion.streams.ReferenceStores;
import org.seqengine.exclusion.streams.StoredResult;

/**
 * What-if over the domain-stage stores of this instance, with the evaluation code of the topology
 * ({@link DomainEvaluator}, {@link RemovalPolicy}); changes nothing. Compared with the results the
 * topology last sent: newly / no longer matching the rule, and the active enrollments the proposed
 * rule would stop that the current rule does not (a person already matching counts when the
 * proposal switches "remove from active" on or makes the rule apply to the sequence).
 */
public final class WhatIf {

    private final DomainStores domains;
    private final ReadOnlyKeyValueStore<String, StoredResult> results;
    private final ReferenceStores reference;

    public WhatIf(DomainStores domains, ReadOnlyKeyValueStore<String, StoredResult> results, ReferenceStores reference) {
        this.domains = domains;
        this.results = results;
        this.reference = reference;
    }

    public WhatIfResult compute(WhatIfRequest request, Instant now) {
        RuleDefinition proposed = new RuleDefinition(request.ruleId(), request.level(), request.filter(),
                request.excludeFromSequences(), request.removeFromActiveSequences(), "what-if");
        ExclusionReference ref = reference.reference(request.orgId());
        Optional<RuleDefinition> current = ref.rule(request.ruleId());
        long newly = 0;
        long noLonger = 0;
        long removed = 0;
        Map<String, Long> bySequence = new TreeMap<>();
        TreeSet<String> samples = new TreeSet<>();
        for (String domainKey : domains.domainKeysOf(request.orgId())) {
            DomainFacts facts = domains.facts(domainKey);
            DomainEvaluation evaluation = DomainEvaluator.evaluate(facts, List.of(proposed), now);
            for (PersonView person : facts.people()) {
                boolean willMatch = !evaluation.matchesByPerson().get(person.personId()).isEmpty();
                StoredResult stored = results.get(DomainStores.entryKey(domainKey, person.personId()));
                boolean matchesNow = stored != null
                        && stored.matches().stream().anyMatch(m -> m.ruleId().equals(request.ruleId()));
                if (willMatch && !matchesNow) {
                    newly++;
                    samples.add(person.personId());
                    if (samples.size() > WhatIfResult.MAX_SAMPLES) samples.pollLast();
                } else if (matchesNow && !willMatch) {
                    noLonger++;
                }
                var enrollment = person.activeEnrollment();
                boolean removedNow = matchesNow && current.map(r -> RemovalPolicy.removes(r, enrollment, ref)).orElse(false);
                if (willMatch && RemovalPolicy.removes(proposed, enrollment, ref) && !removedNow) {
                    removed++;
                    bySequence.merge(enrollment.sequenceId(), 1L, Long::sum);
                }
            }
        }
        return new WhatIfResult(newly, noLonger, removed, bySequence, List.copyOf(samples));
    }
}
