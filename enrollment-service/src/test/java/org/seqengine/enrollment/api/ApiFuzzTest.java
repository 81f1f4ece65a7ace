package org.seqengine.enrollment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.seqengine.enrollment.testsupport.TestData.ORG_A_KEY;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.enrollment.testsupport.TestData;

/**
 * Random requests to every endpoint — bodies of the right shape with wrong values, of the wrong
 * shape, nulls, huge values, deep nesting, wrong types, unicode, odd ids and query parameters —
 * never answer 5xx, and every 4xx has a JSON error body. Bodies are generated with jqwik's
 * arbitraries from a fixed seed ({@code -Dfuzz.seed=...} to vary it), printed with any failure.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ApiFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_261_130L);
    private static final int REQUESTS_PER_ENDPOINT = 10;
    private static final int GEN_SIZE = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private enum IdKind { NONE, UUID, SLUG }

    private record Endpoint(String method, String path, IdKind idKind, List<String> fields, List<String> query) {}

    private static final List<String> STEP_FIELDS = List.of("type", "wait_days", "subject", "body");

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("POST", "/enrollments", IdKind.NONE, List.of("sequence_id", "person_id", "mailbox_emails"), List.of()),
            new Endpoint("GET", "/enrollments", IdKind.NONE, null, List.of("person_id", "sequence_id", "status", "cursor", "limit")),
            new Endpoint("GET", "/enrollments/{id}", IdKind.UUID, null, List.of()),
            new Endpoint("DELETE", "/enrollments/{id}", IdKind.UUID, null, List.of()),
            new Endpoint("POST", "/enrollments/{id}/unenroll", IdKind.UUID, null, List.of()),
            new Endpoint("POST", "/enrollments/{id}/pause", IdKind.UUID, null, List.of()),
            new Endpoint("POST", "/enrollments/{id}/resume", IdKind.UUID, null, List.of()),
            new Endpoint("GET", "/sequences/{id}", IdKind.UUID, null, List.of()),
            new Endpoint("PUT", "/sequences/{id}", IdKind.UUID, List.of("name", "is_published", "is_paused", "ruleset_id", "steps"), List.of()),
            new Endpoint("POST", "/sequences/{id}/pause", IdKind.UUID, null, List.of()),
            new Endpoint("POST", "/sequences/{id}/resume", IdKind.UUID, null, List.of()),
            new Endpoint("GET", "/mailboxes/{id}", IdKind.UUID, null, List.of()),
            new Endpoint("PUT", "/mailboxes/{id}", IdKind.UUID, List.of("email", "display_name", "owner_id", "is_paused", "is_unauthorized"), List.of()),
            new Endpoint("GET", "/people/{id}", IdKind.UUID, null, List.of()),
            new Endpoint("PUT", "/people/{id}", IdKind.UUID, List.of("email", "first_name", "last_name", "linkedin_url",
                    "company_domain", "do_not_email", "email_opt_out", "high_bounce_risk", "attributes"), List.of()),
            new Endpoint("POST", "/people/{id}/unenroll", IdKind.UUID, null, List.of()),
            new Endpoint("POST", "/people/{id}/opt-out", IdKind.UUID, List.of("source", "permission_note", "reason"), List.of()),
            new Endpoint("DELETE", "/people/{id}/opt-out", IdKind.UUID, List.of("permission_note", "reason"), List.of()),
            new Endpoint("GET", "/people/{id}/eligibility", IdKind.UUID, null, List.of("sequence_id", "mailbox_emails")),
            new Endpoint("GET", "/rulesets/{id}", IdKind.SLUG, null, List.of()),
            new Endpoint("PUT", "/rulesets/{id}", IdKind.SLUG, List.of("allow_reenrollment_into_sequences",
                    "allow_reenrollment_into_same_sequence", "reenrollment_waiting_days", "exclusion_rule_ids"), List.of()),
            new Endpoint("GET", "/exclusion-rules/{id}", IdKind.SLUG, null, List.of()),
            new Endpoint("PUT", "/exclusion-rules/{id}", IdKind.SLUG, List.of("name", "level", "exclude_from_sequences",
                    "remove_from_active_sequences", "filter"), List.of()),
            new Endpoint("POST", "/unenroll-jobs", IdKind.NONE, List.of("enrollment_ids", "sequence_id", "company_domains", "reason"), List.of()),
            new Endpoint("GET", "/unenroll-jobs/{id}", IdKind.UUID, null, List.of()));

    private final List<String> existingUuids = new ArrayList<>();
    private final List<String> existingSlugs = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

    @BeforeEach
    void serviceIsReady() {
        TestData.awaitReady();
    }

    @Test
    void noEndpointAnswers5xxOrANonJsonError() throws Exception {
        seedData();
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        JqwikSession.start();
        try {
            Arbitrary<Object> value = value();
            Arbitrary<String> weirdId = weirdId();
            for (Endpoint endpoint : ENDPOINTS) {
                for (int i = 0; i < REQUESTS_PER_ENDPOINT; i++) {
                    String id = id(endpoint.idKind(), random, weirdId);
                    String body = body(endpoint, random, value);
                    Map<String, Object> query = new LinkedHashMap<>();
                    for (String q : endpoint.query()) {
                        if (random.nextBoolean()) query.put(q, queryValue(random, value));
                    }
                    check(endpoint, id, body, query, random, failures);
                    sent++;
                }
            }
        } finally {
            JqwikSession.finish();
        }
        System.out.println("fuzz seed " + SEED + ": " + sent + " requests, statuses " + statuses);
        assertThat(sent).isGreaterThanOrEqualTo(ENDPOINTS.size() * REQUESTS_PER_ENDPOINT);
        assertThat(statuses).as("both accepted and rejected requests").containsKeys(200, 400, 404);
        assertThat(failures).as("requests answered 5xx or a non-JSON error (seed %d, rerun with -Dfuzz.seed=%d)", SEED, SEED)
                .isEmpty();
    }

    private void check(Endpoint endpoint, String id, String body, Map<String, Object> query, Random random,
                       List<String> failures) {
        RequestSpecification request = given().header("x-api-key", ORG_A_KEY).basePath("/sequences/v1")
                .urlEncodingEnabled(true).queryParams(query);
        if (body != null) {
            request.contentType(random.nextInt(10) == 0 ? "text/plain" : "application/json").body(body);
        }
        if (random.nextInt(4) == 0) {
            request.header("Idempotency-Key", Arbitraries.strings().withCharRange('!', '~').ofMaxLength(300)
                    .generator(GEN_SIZE).next(random).value());
        }
        if (endpoint.idKind() != IdKind.NONE) request.pathParam("id", id);
        Response response = request.request(endpoint.method(), endpoint.path());
        statuses.merge(response.statusCode(), 1, Integer::sum);
        String problem = problem(response);
        if (problem != null) {
            String failure = endpoint.method() + " " + endpoint.path().replace("{id}", abbreviate(id, 80)) + " "
                    + abbreviate(String.valueOf(query), 200) + " body=" + abbreviate(body, 200) + " -> "
                    + response.statusCode() + " " + abbreviate(response.asString(), 300) + ": " + problem;
            System.out.println("FUZZ FAILURE (seed " + SEED + "): " + failure);
            failures.add(failure);
        }
    }

    private static String problem(Response response) {
        int status = response.statusCode();
        if (status >= 500) return "5xx";
        if (status < 400) return null;
        // refused by the HTTP codec before any route runs (URI or headers over Vert.x's limits)
        if (status == 414 || status == 431) return null;
        try {
            JsonNode json = JSON.readTree(response.asString());
            if (json == null || !json.isObject() || !json.hasNonNull("status")) return "error body without a status";
        } catch (JsonProcessingException e) {
            return "error body is not JSON";
        }
        return null;
    }

    /** Real ids of every kind in org-a, so that some requests reach real records. */
    private void seedData() {
        String email = "fz-" + TestData.id().substring(0, 6) + "@acme.test";
        existingUuids.add(TestData.mailbox(ORG_A_KEY, email));
        String sequence = TestData.sequence(ORG_A_KEY, null, 2);
        String person = TestData.person(ORG_A_KEY);
        existingUuids.add(sequence);
        existingUuids.add(person);
        existingUuids.add(TestData.as(ORG_A_KEY).body(enrollBody(sequence, person, email)).post("/enrollments")
                .then().statusCode(201).extract().path("id"));
        existingUuids.add(TestData.as(ORG_A_KEY).body(Map.of("sequence_id", TestData.sequence(ORG_A_KEY, null, 1)))
                .post("/unenroll-jobs").then().statusCode(202).extract().path("id"));
        TestData.as(ORG_A_KEY).body(Map.of("reenrollment_waiting_days", 3)).put("/rulesets/fuzz-rules").then().statusCode(200);
        TestData.as(ORG_A_KEY).body(Map.of("name", "f")).put("/exclusion-rules/fuzz-rule").then().statusCode(200);
        existingSlugs.add("fuzz-rules");
        existingSlugs.add("fuzz-rule");
    }

    private String id(IdKind kind, Random random, Arbitrary<String> weirdId) {
        if (kind == IdKind.NONE) return null;
        int pick = random.nextInt(4);
        if (pick == 0) return weirdId.generator(GEN_SIZE).next(random).value();
        if (pick == 1) return TestData.id();
        List<String> existing = kind == IdKind.UUID ? existingUuids : existingSlugs;
        return existing.get(random.nextInt(existing.size()));
    }

    private String body(Endpoint endpoint, Random random, Arbitrary<Object> value) throws JsonProcessingException {
        int shape = random.nextInt(20);
        if (endpoint.fields() == null && shape < 14) return null;
        if (shape == 0) return null;
        if (shape == 1) return nested(random.nextInt(3000) + 1, random.nextBoolean());
        if (shape == 2) return malformed(random);
        if (shape < 6) return JSON.writeValueAsString(value.generator(GEN_SIZE).next(random).value());
        List<String> fields = endpoint.fields() == null ? List.of("unexpected") : endpoint.fields();
        Map<String, Object> object = new LinkedHashMap<>();
        for (String field : fields) {
            if (random.nextInt(4) > 0) object.put(field, fieldValue(field, random, value));
        }
        if (random.nextInt(8) == 0) object.put("unknown_" + random.nextInt(100), "x");
        return JSON.writeValueAsString(object);
    }

    /** Mostly a plausible value for the field, often a wrong one. */
    private Object fieldValue(String field, Random random, Arbitrary<Object> value) {
        if (random.nextInt(3) == 0) return value.generator(GEN_SIZE).next(random).value();
        return switch (field) {
            case "sequence_id", "person_id" -> random.nextBoolean() ? existingUuids.get(random.nextInt(existingUuids.size())) : TestData.id();
            case "mailbox_emails", "company_domains" -> List.of("a@acme.test", "b" + random.nextInt(9) + "@acme.test");
            case "enrollment_ids" -> List.of(TestData.id(), existingUuids.get(random.nextInt(existingUuids.size())));
            case "exclusion_rule_ids" -> List.of(existingSlugs.get(random.nextInt(existingSlugs.size())));
            case "steps" -> {
                List<Object> steps = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    Map<String, Object> step = new LinkedHashMap<>();
                    for (String f : STEP_FIELDS) {
                        if (random.nextInt(5) > 0) {
                            step.put(f, random.nextInt(3) == 0 ? value.generator(GEN_SIZE).next(random).value()
                                    : f.equals("type") ? (random.nextBoolean() ? "EMAIL" : "TASK")
                                    : f.equals("wait_days") ? random.nextInt(10) - 2 : "text " + f);
                        }
                    }
                    steps.add(step);
                }
                yield steps;
            }
            case "attributes", "filter" -> Map.of("k" + random.nextInt(5), value.generator(GEN_SIZE).next(random).value());
            case "is_published", "is_paused", "is_unauthorized", "do_not_email", "email_opt_out", "high_bounce_risk",
                 "allow_reenrollment_into_sequences", "allow_reenrollment_into_same_sequence", "exclude_from_sequences",
                 "remove_from_active_sequences" -> random.nextBoolean();
            case "reenrollment_waiting_days" -> random.nextInt(5000) - 100;
            case "level" -> random.nextBoolean() ? "PERSON" : "COMPANY";
            case "source" -> List.of("LINK", "admin", "CRM", "REPLY", "API", "SMS").get(random.nextInt(6));
            case "email" -> "p" + random.nextInt(1000) + "@acme.test";
            default -> "value " + random.nextInt(1000);
        };
    }

    private Object queryValue(Random random, Arbitrary<Object> value) {
        return switch (random.nextInt(4)) {
            case 0 -> TestData.id();
            case 1 -> existingUuids.get(random.nextInt(existingUuids.size()));
            case 2 -> String.valueOf(random.nextInt(1000) - 100);
            // kept under the HTTP initial-line limit (4 KiB): a longer URI is refused by the HTTP codec (414)
            default -> abbreviate(String.valueOf(value.generator(GEN_SIZE).next(random).value()), 1_000);
        };
    }

    /**
     * Any JSON value: scalars of every type (unicode, blank, extreme numbers), small nested lists and
     * maps of them, long lists, and huge strings (up to 480,000 UTF-8 bytes).
     */
    private static Arbitrary<Object> value() {
        Arbitrary<Object> scalar = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40).map(s -> (Object) s)),
                Tuple.of(1, Arbitraries.of("", " ", "\u0000", "null", "EMAIL", "PERSON", "a@b.test",
                        "00000000-0000-0000-0000-000000000000", "\uD83D\uDE00", "x".repeat(101)).map(s -> (Object) s)),
                Tuple.of(2, Arbitraries.integers().map(i -> (Object) i)),
                Tuple.of(1, Arbitraries.longs().map(l -> (Object) l)),
                Tuple.of(1, Arbitraries.doubles().map(d -> (Object) d)),
                Tuple.of(1, Arbitraries.of(true, false).map(b -> (Object) b)),
                Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<Object> nested = Arbitraries.recursive(() -> scalar, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(8).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(12), inner.injectNull(0.3)).ofMaxSize(8)
                        .map(m -> (Object) m)), 0, 3);
        Arbitrary<Object> huge = Arbitraries.integers().between(250, 120_000).map(n -> (Object) "x\u20ac\uD83D\uDE00".repeat(n / 4 + 1));
        Arbitrary<Object> longList = scalar.injectNull(0.2).list().ofMinSize(200).ofMaxSize(2_000).withoutEdgeCases()
                .map(l -> (Object) l);
        return Arbitraries.frequencyOf(Tuple.of(8, nested), Tuple.of(1, huge), Tuple.of(1, longList));
    }

    private static Arbitrary<String> weirdId() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40),
                Arbitraries.strings().alpha().ofMinLength(2_000).ofMaxLength(6_000),
                Arbitraries.of(" ", "default", "..", "%", "null", "\u00e9t\u00e9", "\uD83D\uDE00", "a b", "-1",
                        "00000000-0000-0000-0000-00000000000g"));
    }

    private static String nested(int depth, boolean objects) {
        String open = objects ? "{\"a\":" : "[";
        String close = objects ? "}" : "]";
        return open.repeat(depth) + "1" + close.repeat(depth);
    }

    private static String malformed(Random random) {
        List<String> bodies = List.of("", "{", "}", "{\"name\":", "[1,2", "nul", "{\"a\":1}}", "1e999999999",
                "\"\\ud800\"", "{\"name\":\"\u0000\"}", "{\"steps\":[{\"type\":\"EMAIL\",\"wait_days\":1e400}]}",
                "{\"reenrollment_waiting_days\":99999999999999999999}", "{\"is_published\":\"yes\"}",
                "{\"attributes\":{\"k\":{\"deep\":[]}}}", "\u00ff\u00fe", "{'single':'quotes'}");
        return bodies.get(random.nextInt(bodies.size()));
    }

    private static String abbreviate(String s, int max) {
        if (s == null) return "null";
        return s.length() <= max ? s : s.substring(0, max) + "...(" + s.length() + " chars)";
    }
}
