package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.enrollment.testsupport.TopicClient;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.ExclusionListEntryRecord;

/** PUT|GET|DELETE /exclusion-lists/{id} (text/csv) through the real broker. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ExclusionListApiTest {

    private String list;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        list = "list-" + TestData.id().substring(0, 8);
    }

    @Test
    void anUploadWritesTheCompaniesAndACompanyRuleReadBackInDomainOrder() {
        csv(ORG_A_KEY).queryParam("name", "Competitors").body("""
                company_name,domain
                Rival,https://www.Rival.example/pricing
                Other Co,other.example
                Rival dup,rival.example
                """).put("/exclusion-lists/" + list).then().statusCode(200)
                .body("id", equalTo(list)).body("name", equalTo("Competitors")).body("count", equalTo(2))
                .body("companies", equalTo(List.of(Map.of("company_name", "Other Co", "domain", "other.example"),
                        Map.of("company_name", "Rival", "domain", "rival.example"))))
                .body("next_after", nullValue());

        as(ORG_A_KEY).get("/exclusion-rules/" + list).then().statusCode(200).body("level", equalTo("COMPANY"))
                .body("name", equalTo("Competitors"))
                .body("exclude_from_sequences", equalTo(true)).body("remove_from_active_sequences", equalTo(true))
                .body("filter_json", equalTo("{\"field\":\"company.domain\",\"op\":\"in_list\",\"value\":\"" + list + "\"}"));
        ExclusionListEntryRecord entry = TopicClient.awaitRecord(Topics.EXCLUSION_LIST_ENTRIES,
                e -> e.getListId().equals(list) && e.getDomain().equals("rival.example"));
        assertThat(entry.getOrgId()).isEqualTo("org-a");
        assertThat(entry.getCompanyName()).isEqualTo("Rival");

        as(ORG_A_KEY).queryParam("limit", 1).get("/exclusion-lists/" + list).then().statusCode(200)
                .body("count", equalTo(2)).body("companies.domain", equalTo(List.of("other.example")))
                .body("next_after", equalTo("other.example"));
        as(ORG_A_KEY).queryParam("limit", 1).queryParam("after", "other.example").get("/exclusion-lists/" + list)
                .then().body("companies.domain", equalTo(List.of("rival.example"))).body("next_after", nullValue());
        as(ORG_B_KEY).get("/exclusion-lists/" + list).then().statusCode(404);
    }

    @Test
    void badRowsAreListedAndNothingIsWritten() {
        csv(ORG_A_KEY).body("company_name,domain\nGood,good.example\nMissing,\n\nBad,not a domain\n")
                .put("/exclusion-lists/" + list).then().statusCode(400)
                .body("errors.code", equalTo(List.of("required", "invalid_domain")))
                .body("errors[0].path", equalTo(List.of("rows", "3", "domain")))
                .body("errors[1].path", equalTo(List.of("rows", "5", "domain")));
        csv(ORG_A_KEY).body("name,website\nA,a.example\n").put("/exclusion-lists/" + list).then().statusCode(400)
                .body("errors[0].code", equalTo("csv_header_required"));
        as(ORG_A_KEY).get("/exclusion-lists/" + list).then().statusCode(404);
        as(ORG_A_KEY).get("/exclusion-rules/" + list).then().statusCode(404);
    }

    @Test
    void aReUploadRemovesTheDomainsItDrops() {
        csv(ORG_A_KEY).body("company_name,domain\nA,a.example\nB,b.example\n").put("/exclusion-lists/" + list)
                .then().statusCode(200).body("count", equalTo(2)).body("name", equalTo("Exclusion list " + list));
        csv(ORG_A_KEY).body("company_name,domain\nB renamed,b.example\nC,c.example\n").put("/exclusion-lists/" + list)
                .then().statusCode(200).body("count", equalTo(2))
                .body("companies", equalTo(List.of(Map.of("company_name", "B renamed", "domain", "b.example"),
                        Map.of("company_name", "C", "domain", "c.example"))));
        as(ORG_A_KEY).get("/exclusion-lists/" + list).then().body("companies.domain", equalTo(List.of("b.example", "c.example")));
    }

    @Test
    void deleteRemovesTheCompaniesAndTheRule() {
        csv(ORG_A_KEY).body("company_name,domain\nA,a.example\n").put("/exclusion-lists/" + list).then().statusCode(200);
        as(ORG_B_KEY).delete("/exclusion-lists/" + list).then().statusCode(404);
        as(ORG_A_KEY).delete("/exclusion-lists/" + list).then().statusCode(200).body("deleted", equalTo(true));
        as(ORG_A_KEY).get("/exclusion-lists/" + list).then().statusCode(404);
        as(ORG_A_KEY).get("/exclusion-rules/" + list).then().statusCode(404);
        as(ORG_A_KEY).delete("/exclusion-lists/" + list).then().statusCode(404);
    }

    /** ~4 MB: the body size limit admits it; the row limit refuses it before anything is written. */
    @Test
    void aListOverOneHundredThousandRowsIsRefused() {
        StringBuilder body = new StringBuilder("company_name,domain\n");
        for (int i = 0; i <= 100_000; i++) body.append("Company number ").append(i).append(" Inc,company-").append(i).append(".example\n");
        assertThat(body.length()).isGreaterThan(4_000_000);
        csv(ORG_A_KEY).body(body.toString()).put("/exclusion-lists/" + list).then().statusCode(400)
                .body("errors[0].code", equalTo("too_many_rows")).body("errors[0].path", equalTo(List.of("rows")));
        as(ORG_A_KEY).get("/exclusion-lists/" + list).then().statusCode(404);
    }

    private static RequestSpecification csv(String key) {
        return as(key).contentType("text/csv");
    }
}
