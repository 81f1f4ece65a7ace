package org.seqengine.enrollment.api;

import static org.hamcrest.Matchers.anEmptyMap;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.testsupport.TestData.ORG_B_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/**
 * {@code PUT|GET /settings}. Organization c holds the settings the write-back test relies on too
 * (salesforce READ_WRITE, hubspot READ_ONLY); organization b never saves any.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class SettingsApiTest {

    static final String ORG_C_KEY = "key-c-789";

    /** The CRM mapping of organization c. */
    static final Map<String, String> ORG_C_CRMS = Map.of("salesforce", "READ_WRITE", "hubspot", "READ_ONLY");

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void anOrganizationWithoutSettingsHasTheDefaults() {
        as(ORG_B_KEY).get("/settings").then().statusCode(200)
                .body("mailbox_ownership_policy", equalTo("REASSIGN_QUEUED"))
                .body("crm_write_back", anEmptyMap())
                .body("auto_opt_out_on_removal_request", equalTo(true))
                .body("stop_company_on_reply", equalTo("OFF"))
                .body("updated_at", nullValue());
    }

    @Test
    void stopCompanyOnReplyIsReadBackAndOffWhenOmitted() {
        for (String policy : List.of("ANY_REPLY", "POSITIVE_OR_NEUTRAL", "OFF")) {
            as(ORG_C_KEY).body(Map.of("crm_write_back", ORG_C_CRMS, "stop_company_on_reply", policy)).put("/settings")
                    .then().statusCode(200).body("stop_company_on_reply", equalTo(policy));
            as(ORG_C_KEY).get("/settings").then().statusCode(200).body("stop_company_on_reply", equalTo(policy));
        }
        as(ORG_C_KEY).body(Map.of("crm_write_back", ORG_C_CRMS, "stop_company_on_reply", "ANY_REPLY")).put("/settings")
                .then().statusCode(200);
        // a PUT replaces the settings as a whole: leaving the field out turns it back OFF
        as(ORG_C_KEY).body(Map.of("crm_write_back", ORG_C_CRMS)).put("/settings").then().statusCode(200)
                .body("stop_company_on_reply", equalTo("OFF"));
        as(ORG_C_KEY).get("/settings").then().statusCode(200).body("stop_company_on_reply", equalTo("OFF"));
    }

    @Test
    void aBadStopCompanyOnReplyIsA400NamingTheField() {
        for (Object bad : List.of("any_reply", "POSITIVE", "", 3)) {
            as(ORG_C_KEY).body(Map.of("stop_company_on_reply", bad)).put("/settings").then().statusCode(400)
                    .body("errors[0].code", equalTo("invalid_enum"))
                    .body("errors[0].path", equalTo(List.of("stop_company_on_reply")));
        }
        as(ORG_C_KEY).body(Map.of("stop_company_on_reply", List.of("OFF"))).put("/settings").then().statusCode(400)
                .body("errors[0].path", equalTo(List.of("stop_company_on_reply")));
    }

    @Test
    void putIsReadBackByTheNextGetAndOnlyInItsOrganization() {
        Map<String, Object> body = Map.of("mailbox_ownership_policy", "UNENROLL_ALL", "crm_write_back", ORG_C_CRMS,
                "auto_opt_out_on_removal_request", false);
        as(ORG_C_KEY).body(body).put("/settings").then().statusCode(200)
                .body("mailbox_ownership_policy", equalTo("UNENROLL_ALL"))
                .body("crm_write_back", equalTo(ORG_C_CRMS))
                .body("auto_opt_out_on_removal_request", equalTo(false))
                .body("updated_at", notNullValue())
                .body("updated_by", equalTo("org-c"));
        as(ORG_C_KEY).get("/settings").then().statusCode(200)
                .body("mailbox_ownership_policy", equalTo("UNENROLL_ALL"))
                .body("crm_write_back", equalTo(ORG_C_CRMS))
                .body("auto_opt_out_on_removal_request", equalTo(false));
        as(ORG_B_KEY).get("/settings").then().statusCode(200).body("crm_write_back", anEmptyMap());
    }

    @Test
    void omittedFieldsTakeTheirDefaults() {
        as(ORG_C_KEY).body(Map.of("crm_write_back", ORG_C_CRMS)).put("/settings").then().statusCode(200)
                .body("mailbox_ownership_policy", equalTo("REASSIGN_QUEUED"))
                .body("auto_opt_out_on_removal_request", equalTo(true));
    }

    @Test
    void badValuesAre400sNamingTheField() {
        as(ORG_C_KEY).body(Map.of("mailbox_ownership_policy", "KEEP")).put("/settings").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_enum"))
                .body("errors[0].path", equalTo(List.of("mailbox_ownership_policy")));
        as(ORG_C_KEY).body(Map.of("crm_write_back", Map.of("salesforce", "WRITE"))).put("/settings").then().statusCode(400)
                .body("errors[0].code", equalTo("invalid_enum"))
                .body("errors[0].path", equalTo(List.of("crm_write_back", "salesforce")));
        as(ORG_C_KEY).body(Map.of("crm_write_back", Map.of("sales force", "READ_ONLY"))).put("/settings").then()
                .statusCode(400).body("errors[0].code", equalTo("invalid_id"))
                .body("errors[0].path", equalTo(List.of("crm_write_back", "sales force")));
        Map<String, Object> nullAccess = new HashMap<>();
        nullAccess.put("salesforce", null);
        as(ORG_C_KEY).body(Map.of("crm_write_back", nullAccess)).put("/settings").then().statusCode(400)
                .body("errors[0].code", equalTo("required"))
                .body("errors[0].path", equalTo(List.of("crm_write_back", "salesforce")));
        as(ORG_C_KEY).body(Map.of("auto_opt_out_on_removal_request", "sometimes")).put("/settings").then()
                .statusCode(400).body("errors[0].code", equalTo("invalid_type"));
        as(ORG_C_KEY).body(Map.of("theme", "dark")).put("/settings").then().statusCode(400)
                .body("errors[0].code", equalTo("unknown_field"));
        as(ORG_C_KEY).put("/settings").then().statusCode(400).body("errors[0].code", equalTo("required"));
    }
}
