package org.seqengine.exclusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonFactsTest {

    @Test
    void crmFieldsOverrideThePersonRecordAndTheLatestCrmWins() {
        PersonFacts facts = PersonFacts.empty("p1")
                .withRecord(Map.of("company_domain", "https://www.Example.com/x", "title", "engineer"))
                .apply(new CrmChange("salesforce", "person", "003", Map.of("title", "CTO", "stage", "lead"), false, 1))
                .apply(new CrmChange("hubspot", "person", "h1", Map.of("stage", "customer"), false, 2));
        PersonView view = facts.view();
        assertThat(view.domain()).isEqualTo("example.com");
        assertThat(view.fields()).containsEntry("title", "CTO").containsEntry("stage", "customer");
        assertThat(view.fieldSources().get("stage")).isEqualTo(new FieldSource("hubspot", "h1"));
        assertThat(view.fieldSources().get("company_domain")).isEqualTo(new FieldSource("people", "p1"));
    }

    @Test
    void aDeletedCrmRecordsFieldsDropOutAndAClearFallsBackToThePersonRecord() {
        Map<String, String> cleared = new HashMap<>();
        cleared.put("title", null);
        PersonFacts facts = PersonFacts.empty("p1").withRecord(Map.of("title", "engineer"))
                .apply(new CrmChange("salesforce", "person", "003", Map.of("stage", "lead"), false, 1))
                .apply(new CrmChange("hubspot", "person", "h1", Map.of("title", "CTO"), false, 1));
        assertThat(facts.apply(new CrmChange("salesforce", "person", "003", Map.of(), true, 2)).view().fields())
                .doesNotContainKey("stage");
        assertThat(facts.apply(new CrmChange("hubspot", "person", "h1", cleared, false, 2)).view().fields())
                .containsEntry("title", "engineer");
    }

    @Test
    void withoutAPersonRecordThereIsNoView() {
        assertThat(PersonFacts.empty("p1").apply(new CrmChange("s", "person", "1", Map.of("a", "b"), false, 1)).view()).isNull();
    }
}
