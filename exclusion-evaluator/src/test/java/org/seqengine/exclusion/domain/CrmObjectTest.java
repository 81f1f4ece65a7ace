package org.seqengine.exclusion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrmObjectTest {

    static CrmChange change(Map<String, String> fields, boolean deleted, long at) {
        return new CrmChange("salesforce", "company", "c1", fields, deleted, at);
    }

    @Test
    void theLaterChangeOfAFieldWinsInAnyOrder() {
        CrmChange older = change(Map.of("industry", "saas"), false, 1);
        CrmChange newer = change(Map.of("industry", "competitor"), false, 2);
        CrmObject a = CrmObject.empty("salesforce", "company", "c1").apply(older).apply(newer);
        CrmObject b = CrmObject.empty("salesforce", "company", "c1").apply(newer).apply(older).apply(newer);
        assertThat(a).isEqualTo(b);
        assertThat(a.visibleFields()).containsEntry("industry", "competitor");
    }

    @Test
    void equalTimesAreBrokenByTheValue() {
        CrmChange x = change(Map.of("industry", "a"), false, 5);
        CrmChange y = change(Map.of("industry", "b"), false, 5);
        assertThat(CrmObject.empty("s", "company", "c1").apply(x).apply(y))
                .isEqualTo(CrmObject.empty("s", "company", "c1").apply(y).apply(x));
    }

    @Test
    void aClearedFieldIsNotSet() {
        Map<String, String> cleared = new HashMap<>();
        cleared.put("industry", null);
        CrmObject o = CrmObject.empty("s", "company", "c1").apply(change(Map.of("industry", "saas"), false, 1))
                .apply(change(cleared, false, 2));
        assertThat(o.visibleFields()).doesNotContainKey("industry");
        assertThat(o.visible()).isTrue();
    }

    @Test
    void aDeletionHidesTheRecordUntilALaterChange() {
        CrmObject o = CrmObject.empty("s", "company", "c1").apply(change(Map.of("industry", "saas", "size", "10"), false, 1))
                .apply(change(Map.of(), true, 2));
        assertThat(o.visible()).isFalse();
        CrmObject back = o.apply(change(Map.of("industry", "competitor"), false, 3));
        assertThat(back.visible()).isTrue();
        assertThat(back.visibleFields()).as("fields from before the deletion stay gone").containsExactlyEntriesOf(
                Map.of("industry", "competitor"));
        assertThat(o.apply(change(Map.of("industry", "late"), false, 2)).visible()).as("a tie goes to the deletion").isFalse();
    }
}
