package org.seqengine.exclusion.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.exclusion.streams.EvaluatorFixture.START;
import static org.seqengine.exclusion.streams.EvaluatorFixture.key;
import static org.seqengine.exclusion.streams.EvaluatorTopologyTest.COMPETITOR;
import static org.seqengine.exclusion.streams.EvaluatorTopologyTest.CUSTOMER;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.exclusion.domain.Publication;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.ExcludeCommand;
import org.seqengine.schemas.avro.ExclusionEvidenceRecord;
import org.seqengine.schemas.avro.ExclusionMatchRecord;
import org.seqengine.schemas.avro.ExclusionMatchesRecord;
import org.seqengine.service.kafka.JsonSerde;

/**
 * Personal data in the evaluator: an erase (a crm.people-changes.v1 or people.v1 tombstone) removes everything held of
 * the person and publishes nothing of them again; Exclude commands carry no person field value; the stores of
 * personal values are in memory.
 */
class PersonalDataTopologyTest {

    private static final String DOMAIN_ENTRY = "org-a/example.com|p1";

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

    /** p1 at example.com, a customer in salesforce, matching "customers", with an active enrollment. */
    private void customer() {
        f.rule("customers", "PERSON", CUSTOMER, true, false);
        f.sequence("s1", null);
        f.person("p1", "example.com");
        f.enrollment("e1", "p1", "s1", "m1", 1, null);
        f.crmPerson("salesforce", "003A1", "p1", Map.of("lifecycle_stage", "customer", "title", "Quokka keeper"), START);
        assertThat(f.latestMatches().get(key("p1")).getMatches()).extracting(ExclusionMatchRecord::getRuleId)
                .containsExactly("customers");
        assertThat(store(StoreNames.PERSON_FACTS).get(key("p1"))).isNotNull();
        assertThat(store(StoreNames.DOMAIN_PEOPLE).get(DOMAIN_ENTRY)).isNotNull();
        assertThat(store(StoreNames.DOMAIN_RESULTS).get(DOMAIN_ENTRY)).isNotNull();
    }

    @Test
    void aCrmPeopleTombstoneErasesWhatIsHeldOfThePersonAndPublishesNothingOfThemAgain() {
        customer();

        f.crmPeople.pipeInput(key("p1"), null); // the erase's tombstone (key org/person_id)

        List<TestRecord<String, ExclusionMatchesRecord>> out = f.matches.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo(key("p1"));
        assertThat(out.get(0).value()).isNull();
        assertErased();

        // the rest of the erase (people.v1 tombstone, the enrollment ended) and later activity publish nothing
        f.people.pipeInput(key("p1"), null);
        f.enrollment("e1", "p1", "s1", "m1", 1, "PERSON_ERASED");
        f.rule("customers", "PERSON", CUSTOMER, true, true);
        f.advance(java.time.Duration.ofSeconds(1));
        assertThat(f.matches.readRecordsToList()).isEmpty();
        assertThat(f.newCommands()).isEmpty();
        assertErased();
    }

    @Test
    void aPeopleTombstoneErasesTheCrmFactsToo() {
        customer();

        f.people.pipeInput(key("p1"), null);
        f.crmPeople.pipeInput(key("p1"), null);

        List<TestRecord<String, ExclusionMatchesRecord>> out = f.matches.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).value()).isNull();
        assertErased();
    }

    private void assertErased() {
        assertThat(store(StoreNames.PERSON_FACTS).get(key("p1"))).isNull();
        assertThat(store(StoreNames.DOMAIN_PEOPLE).get(DOMAIN_ENTRY)).isNull();
        assertThat(store(StoreNames.DOMAIN_RESULTS).get(DOMAIN_ENTRY)).isNull();
        Publication publication = f.driver.<String, Publication>getKeyValueStore(StoreNames.PUBLICATIONS).get(key("p1"));
        assertThat(publication.erased()).isTrue();
        assertThat(publication.matches()).isEmpty();
        assertThat(new String(JsonSerde.of(Publication.class).serializer().serialize("t", publication),
                StandardCharsets.UTF_8)).doesNotContain("customer").doesNotContain("Quokka");
    }

    @Test
    void anExcludeCarriesNoPersonFieldValueButCompanyValuesStay() {
        f.rule("customers", "PERSON", CUSTOMER, true, true);
        f.rule("competitors", "COMPANY", COMPETITOR, true, true);
        f.sequence("s1", null);
        f.person("p1", "example.com");
        f.enrollment("e1", "p1", "s1", "m1", 1, null);
        f.company("hubspot", "c-9", "example.com", Map.of("industry", "competitor"), START);
        f.crmPerson("salesforce", "003A1", "p1", Map.of("lifecycle_stage", "customer"), START);

        List<ExclusionEvidenceRecord> excluded = f.newCommands().stream().map(TestRecord::value)
                .map(CommandEnvelope::getPayload).filter(ExcludeCommand.class::isInstance).map(ExcludeCommand.class::cast)
                .flatMap(c -> c.getMatches().stream()).flatMap(m -> m.getEvidence().stream()).toList();
        assertThat(excluded).extracting(ExclusionEvidenceRecord::getField)
                .contains("person.lifecycle_stage", "company.industry");
        excluded.forEach(e -> {
            if ("person".equals(e.getObjectType())) assertThat(e.getActual()).as(e.getField()).isNull();
            else assertThat(e.getActual()).as(e.getField()).isEqualTo("competitor");
        });
        ExclusionEvidenceRecord person = excluded.stream().filter(e -> e.getField().equals("person.lifecycle_stage"))
                .findFirst().orElseThrow();
        assertThat(person.getExpected()).isEqualTo("customer"); // the rule's own value
        assertThat(person.getCrm()).isEqualTo("salesforce");
        assertThat(person.getPersonId()).isEqualTo("p1");

        // exclusion-matches.v1 (compacted, tombstoned at erase) keeps the value
        assertThat(f.latestMatches().get(key("p1")).getMatches().stream().flatMap(m -> m.getEvidence().stream())
                .filter(e -> e.getField().equals("person.lifecycle_stage")).findFirst().orElseThrow().getActual())
                .isEqualTo("customer");
    }

    @Test
    void theStoresOfPersonalValuesAreInMemory() {
        for (String name : List.of(StoreNames.PERSON_FACTS, StoreNames.DOMAIN_PEOPLE, StoreNames.DOMAIN_RESULTS,
                StoreNames.PUBLICATIONS)) {
            assertThat(f.driver.getKeyValueStore(name).persistent()).as(name).isFalse();
        }
        assertThat(f.driver.getKeyValueStore(StoreNames.DOMAIN_RECORDS).persistent()).isTrue();
    }

    private KeyValueStore<String, Object> store(String name) {
        return f.driver.getKeyValueStore(name);
    }
}
