package org.seqengine.exclusion.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.exclusion.streams.EvaluatorFixture.START;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.exclusion.query.WhatIf;
import org.seqengine.exclusion.query.WhatIfRequest;
import org.seqengine.exclusion.query.WhatIfResult;
import org.seqengine.filter.FilterParser;
import org.seqengine.filter.RuleLevel;
import org.seqengine.schemas.avro.ExcludeCommand;

/** What-if over the topology's own stores, then applying the rule: what-if said what then happened. */
class WhatIfTopologyTest {

    @TempDir
    Path stateDir;
    EvaluatorFixture f;

    @BeforeEach
    void setUp() {
        f = new EvaluatorFixture(stateDir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void whatIfEqualsWhatThenHappens() throws Exception {
        f.rule("customers", "PERSON", EvaluatorTopologyTest.CUSTOMER, true, false);
        f.sequence("s1", null);
        f.sequence("s2", null);
        for (int i = 1; i <= 4; i++) {
            f.person("p" + i, "example.com");
            f.enrollment("e" + i, "p" + i, i % 2 == 0 ? "s2" : "s1", "m1", 0, null);
        }
        f.person("p5", "example.com");
        f.crmPerson("salesforce", "a1", "p1", Map.of("lifecycle_stage", "customer"), START);   // matches now
        f.crmPerson("salesforce", "a2", "p2", Map.of("lifecycle_stage", "partner"), START);
        f.crmPerson("salesforce", "a3", "p3", Map.of("lifecycle_stage", "partner"), START);
        f.crmPerson("salesforce", "a5", "p5", Map.of("lifecycle_stage", "partner"), START);
        f.newCommands();
        f.latestMatches();

        String proposal = "{\"field\":\"person.lifecycle_stage\",\"op\":\"in\",\"value\":[\"customer\",\"partner\"]}";
        WhatIfResult result = whatIf().compute(new WhatIfRequest(EvaluatorFixture.ORG, "customers", RuleLevel.PERSON,
                FilterParser.parse(new ObjectMapper().readTree(proposal)), true, true), START);

        assertThat(result.newlyMatchingPeople()).isEqualTo(3);
        assertThat(result.noLongerMatchingPeople()).isZero();
        assertThat(result.activeEnrollmentsRemoved()).as("p1 (switched on), p2, p3 — p5 has no enrollment").isEqualTo(3);
        assertThat(result.bySequence()).containsExactly(new WhatIfResult.SequenceRemovals("s1", 2),
                new WhatIfResult.SequenceRemovals("s2", 1));
        assertThat(result.samplePersonIds()).containsExactly("p2", "p3", "p5");

        f.rule("customers", "PERSON", proposal, true, true);
        f.advance(Duration.ofMillis(200));
        var commands = f.newCommands();
        assertThat(commands).hasSize((int) result.activeEnrollmentsRemoved());
        assertThat(commands).allMatch(c -> c.value().getPayload() instanceof ExcludeCommand);
        assertThat(f.latestMatches().values().stream()
                .filter(m -> m.getMatches().get(0).getMatchedSince().isAfter(START))
                .map(m -> m.getPersonId()))
                .as("newly matching people (p1 is republished with the new evidence, matching since before)")
                .containsExactlyInAnyOrderElementsOf(result.samplePersonIds());
    }

    @Test
    void resultsMergeAcrossInstances() {
        WhatIfResult a = new WhatIfResult(2, 1, 1, Map.of("s1", 1L), List.of("p9", "p2"));
        WhatIfResult b = new WhatIfResult(1, 0, 2, Map.of("s1", 1L, "s2", 1L), List.of("p1"));
        WhatIfResult merged = a.merge(b);
        assertThat(merged.newlyMatchingPeople()).isEqualTo(3);
        assertThat(merged.activeEnrollmentsRemoved()).isEqualTo(3);
        assertThat(merged.bySequence()).containsExactly(new WhatIfResult.SequenceRemovals("s1", 2),
                new WhatIfResult.SequenceRemovals("s2", 1));
        assertThat(merged.samplePersonIds()).containsExactly("p1", "p2", "p9");
        assertThat(WhatIfResult.empty().merge(a)).isEqualTo(a);
    }

    private WhatIf whatIf() {
        DomainStores domains = new DomainStores(store(StoreNames.DOMAIN_PEOPLE), store(StoreNames.DOMAIN_RECORDS),
                store(StoreNames.DOMAIN_LISTS));
        ReferenceStores reference = new ReferenceStores(store(StoreNames.EXCLUSION_RULES), store(StoreNames.RULESETS),
                store(StoreNames.SEQUENCES));
        return new WhatIf(domains, store(StoreNames.DOMAIN_RESULTS), reference);
    }

    private <V> KeyValueStore<String, V> store(String name) {
        return f.driver.getKeyValueStore(name);
    }
}
