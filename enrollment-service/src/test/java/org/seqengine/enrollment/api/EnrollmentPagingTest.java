package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/**
 * {@code GET /enrollments} pages through index stores: every filter the API offers, complete and in
 * id order, and a cursor that stays valid while enrollments are added.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class EnrollmentPagingTest {

    private String email;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        email = "m-" + TestData.id().substring(0, 8) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, email);
    }

    @Test
    void everyFilterPagesCompletelyInIdOrder() {
        String seq = TestData.sequence(ORG_A_KEY, null, 2);
        String other = TestData.sequence(ORG_A_KEY, null, 2);
        List<String> people = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String person = TestData.person(ORG_A_KEY);
            people.add(person);
            ids.add(enroll(seq, person));
        }
        List<String> otherIds = new ArrayList<>();
        for (int i = 0; i < 4; i++) otherIds.add(enroll(other, TestData.person(ORG_A_KEY)));
        as(ORG_A_KEY).post("/enrollments/" + ids.get(0) + "/pause").then().statusCode(200);
        as(ORG_A_KEY).post("/enrollments/" + ids.get(1) + "/pause").then().statusCode(200);
        for (int i = 2; i < 5; i++) as(ORG_A_KEY).post("/enrollments/" + ids.get(i) + "/unenroll").then().statusCode(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(walk("sequence_id=" + seq + "&status=CANCELED", 2)).hasSize(3));
        assertThat(walk("sequence_id=" + seq, 5)).isSorted().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(walk("sequence_id=" + seq + "&status=PAUSED", 1)).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
        assertThat(walk("sequence_id=" + seq + "&status=in_progress", 4)).isSorted()
                .containsExactlyInAnyOrderElementsOf(concat(ids.subList(0, 2), ids.subList(5, 12)));
        assertThat(walk("sequence_id=" + seq + "&status=FINISHED", 2)).containsExactlyInAnyOrderElementsOf(ids.subList(2, 5));
        assertThat(walk("status=PAUSED", 3)).contains(ids.get(0), ids.get(1)).doesNotContainAnyElementsOf(ids.subList(2, 12));
        assertThat(walk("person_id=" + people.get(3), 1)).containsExactly(ids.get(3));
        assertThat(walk("person_id=" + people.get(3) + "&status=CANCELED", 1)).containsExactly(ids.get(3));
        assertThat(walk("person_id=" + people.get(3) + "&sequence_id=" + other, 1)).isEmpty();
        List<String> all = walk("", 50);
        assertThat(all).isSorted().doesNotHaveDuplicates().containsAll(ids).containsAll(otherIds);
    }

    @Test
    void cursorStaysStableWhileEnrollmentsAreAdded() {
        String seq = TestData.sequence(ORG_A_KEY, null, 1);
        List<String> before = new ArrayList<>();
        for (int i = 0; i < 10; i++) before.add(enroll(seq, TestData.person(ORG_A_KEY)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(walk("sequence_id=" + seq, 50)).hasSize(10));

        Response first = as(ORG_A_KEY).get("/enrollments?limit=4&sequence_id=" + seq);
        List<String> seen = new ArrayList<>(first.path("data.id"));
        String cursor = first.path("next_cursor");
        assertThat(cursor).isEqualTo(seen.get(3));
        List<String> added = new ArrayList<>();
        for (int i = 0; i < 10; i++) added.add(enroll(seq, TestData.person(ORG_A_KEY)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(walk("sequence_id=" + seq, 50)).hasSize(20));
        while (cursor != null) {
            Response page = as(ORG_A_KEY).get("/enrollments?limit=4&sequence_id=" + seq + "&cursor=" + cursor);
            seen.addAll(page.path("data.id"));
            cursor = page.path("next_cursor");
        }
        // Every enrollment that existed is seen exactly once; added ones appear only after the cursor.
        assertThat(seen).isSorted().doesNotHaveDuplicates().containsAll(before);
        assertThat(seen).allMatch(id -> before.contains(id) || (added.contains(id) && id.compareTo(seen.get(3)) > 0));
    }

    private String enroll(String sequence, String person) {
        return as(ORG_A_KEY).body(enrollBody(sequence, person, email)).post("/enrollments").then().statusCode(201)
                .extract().path("id");
    }

    /** Every id of a filtered list, page by page. */
    private static List<String> walk(String query, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String url = "/enrollments?limit=" + limit + (query.isEmpty() ? "" : "&" + query) + (cursor == null ? "" : "&cursor=" + cursor);
            Map<String, Object> page = as(ORG_A_KEY).get(url).then().statusCode(200).extract().path("");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
            assertThat(data).hasSizeLessThanOrEqualTo(limit);
            data.forEach(e -> ids.add((String) e.get("id")));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        return ids;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
