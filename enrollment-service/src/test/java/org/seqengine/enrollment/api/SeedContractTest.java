package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/** {@code POST /enrollments} answers as the seed's OpenAPI document says, for every documented status. */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class SeedContractTest {

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    private static OpenApiInteractionValidator validator;

    @BeforeAll
    static void loadSeedContract() throws IOException {
        try (InputStream in = SeedContractTest.class.getResourceAsStream("/contract/seed-create-enrollment.openapi.yaml")) {
            String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // The design adds explanation fields (display_status, finish_reason, ...) to the seed's
            // objects; everything the seed requires must be there with the seed's types.
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec)
                    .withBasePathOverride("/sequences/v1")
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE).build())
                    .build();
        }
    }

    @Test
    void createdEnrollmentMatchesTheSeedSchema() {
        String mailbox = "c-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        Response response = as(ORG_A_KEY).body(enrollBody(TestData.sequence(ORG_A_KEY, null, 2),
                TestData.person(ORG_A_KEY), mailbox)).post("/enrollments");
        assertThat(response.statusCode()).isEqualTo(201);
        assertMatchesSeed(response);
    }

    @Test
    void conflictMatchesTheSeedSchema() {
        String mailbox = "c-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        String person = TestData.person(ORG_A_KEY);
        as(ORG_A_KEY).body(enrollBody(TestData.sequence(ORG_A_KEY, null, 2), person, mailbox)).post("/enrollments")
                .then().statusCode(201);
        Response response = as(ORG_A_KEY).body(enrollBody(TestData.sequence(ORG_A_KEY, null, 2), person, mailbox))
                .post("/enrollments");
        assertThat(response.statusCode()).isEqualTo(409);
        assertMatchesSeed(response);
    }

    @Test
    void ruleBookRejectionMatchesTheSeedSchema() {
        String mailbox = "c-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        String person = TestData.person(ORG_A_KEY, Map.of("do_not_email", true));
        Response response = as(ORG_A_KEY).body(enrollBody(TestData.sequence(ORG_A_KEY, null, 2), person, mailbox))
                .post("/enrollments");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getString("errors[0].code")).isEqualTo("DO_NOT_EMAIL");
        assertMatchesSeed(response);
    }

    @Test
    void invalidRequestMatchesTheSeedSchema() {
        Response response = as(ORG_A_KEY).body(Map.of("sequence_id", "not-a-uuid", "person_id", TestData.id(),
                "mailbox_emails", java.util.List.of())).post("/enrollments");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.jsonPath().getList("errors.code")).contains("invalid_uuid", "too_few_items");
        assertMatchesSeed(response);
    }

    @Test
    void unknownSequenceMatchesTheSeedSchema() {
        String mailbox = "c-" + TestData.id().substring(0, 6) + "@acme.test";
        TestData.mailbox(ORG_A_KEY, mailbox);
        Response response = as(ORG_A_KEY).body(enrollBody(TestData.id(), TestData.person(ORG_A_KEY), mailbox))
                .post("/enrollments");
        assertThat(response.statusCode()).isEqualTo(404);
        assertMatchesSeed(response);
    }

    @Test
    void unauthorizedMatchesTheSeedSchema() {
        Response response = io.restassured.RestAssured.given().contentType(ContentType.JSON).basePath("/sequences/v1")
                .header("x-api-key", "wrong").body(enrollBody(TestData.id(), TestData.id(), "a@b.test")).post("/enrollments");
        assertThat(response.statusCode()).isEqualTo(401);
        assertMatchesSeed(response);
    }

    private static void assertMatchesSeed(Response response) {
        SimpleResponse.Builder seedResponse = SimpleResponse.Builder.status(response.statusCode())
                .withContentType("application/json").withBody(response.asString());
        ValidationReport report = validator.validateResponse("/sequences/v1/enrollments", Request.Method.POST,
                seedResponse.build());
        assertThat(report.getMessages()).as("violations of the seed contract in %s", response.asString()).isEmpty();
    }
}
