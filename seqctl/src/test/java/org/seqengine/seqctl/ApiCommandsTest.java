package org.seqengine.seqctl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ApiCommandsTest {

    static final String SEQ = "22222222-2222-4222-8222-222222222222";
    static final String ADA = "11111111-1111-4111-8111-111111111111";
    static final String BOB = "33333333-3333-4333-8333-333333333333";
    static final String CY = "44444444-4444-4444-8444-444444444444";
    static final String DI = "55555555-5555-4555-8555-555555555555";
    static final String JOB = "66666666-6666-4666-8666-666666666666";

    @TempDir
    Path dir;

    static Map<String, String> env(StubApi api) {
        return Map.of("SEQCTL_API_KEY", "k-test", "SEQCTL_API_URL", api.url());
    }

    /** Ada enrolled, Bob do-not-email, Cy already active, Di always 503. */
    static StubApi.Answer enrollments(StubApi.Request request) {
        if (request.method().equals("GET")) {
            return request.pathAndQuery().equals("/sequences/v1/sequences/" + SEQ)
                    ? new StubApi.Answer(200, "{\"name\":\"Intro\",\"is_published\":true}")
                    : new StubApi.Answer(404, "{\"status\":\"not_found\",\"message\":\"Sequence not found.\"}");
        }
        String body = request.bodyText();
        if (body.contains(ADA)) return new StubApi.Answer(201, "{\"id\":\"e-1\",\"status\":\"ACTIVE\"}");
        if (body.contains(BOB)) {
            return new StubApi.Answer(400, "{\"status\":\"bad_request\",\"errors\":[{\"code\":\"DO_NOT_EMAIL\",\"path\":[],"
                    + "\"message\":\"The person is marked do-not-email.\"}],\"message\":\"rejected\"}");
        }
        if (body.contains(CY)) {
            return new StubApi.Answer(409, "{\"status\":\"conflict\",\"message\":\"Already in a sequence.\","
                    + "\"active_sequence_id\":\"s\",\"active_enrollment_id\":\"e-0\"}");
        }
        return new StubApi.Answer(503, "{\"status\":\"unavailable\",\"message\":\"no outcome in time\"}");
    }

    Path peopleCsv() throws IOException {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, String.join("\n",
                "person_id,name",
                ADA + ",Ada",
                ",Blank",
                "not-a-uuid,Bad",
                BOB + ",Bob",
                CY + ",Cy",
                DI + ",Di") + "\n");
        return csv;
    }

    @Test
    void enrollReportsBadRowsByLineSummarizesByReasonAndWritesTheRejections() throws Exception {
        Path csv = peopleCsv();
        try (StubApi api = new StubApi(ApiCommandsTest::enrollments)) {
            Run run = Run.of(env(api), "enroll", "--csv", csv.toString(), "--sequence", SEQ, "--mailbox", "sam@acme.test,kim@acme.test",
                    "--attempts", "2", "--retry-backoff-ms", "1");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(1); // Di failed
            assertThat(run.err()).contains("line 3: skipped, person_id is missing or blank")
                    .contains("line 4: skipped, person_id is not a UUID (not-a-uuid)")
                    .contains("enroll: 4/4");
            assertThat(run.out()).contains("rows: 6", "created: 1", "invalid (skipped): 2", "  INVALID_PERSON_ID: 1",
                    "  MISSING_PERSON_ID: 1", "rejected: 2", "  ALREADY_ENROLLED_ACTIVE: 1", "  DO_NOT_EMAIL: 1",
                    "failed: 1", "  UNAVAILABLE: 1");

            List<StubApi.Request> posts = api.requests("POST", "/enrollments");
            assertThat(posts).hasSize(5); // four valid rows, Di twice (a bounded retry)
            StubApi.Request adasPost = posts.stream().filter(r -> r.bodyText().contains(ADA)).findFirst().orElseThrow();
            JsonNode first = ApiClient.JSON.readTree(adasPost.body());
            assertThat(first.path("sequence_id").asText()).isEqualTo(SEQ);
            assertThat(first.path("person_id").asText()).isEqualTo(ADA);
            assertThat(first.path("mailbox_emails").toString()).isEqualTo("[\"sam@acme.test\",\"kim@acme.test\"]");
            assertThat(posts).allSatisfy(post -> assertThat(post.header("x-api-key")).isEqualTo("k-test"));
            // Di's retry sent the same key
            assertThat(posts.stream().filter(r -> r.bodyText().contains(DI)).map(r -> r.header("Idempotency-Key")).distinct()).hasSize(1);

            List<CSVRecord> rejections;
            try (Reader reader = Files.newBufferedReader(Path.of(csv + ".rejections.csv"), StandardCharsets.UTF_8)) {
                rejections = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
            }
            assertThat(rejections).extracting(r -> r.get("line") + " " + r.get("person_id") + " " + r.get("code")).containsExactly(
                    "3  MISSING_PERSON_ID", "4 not-a-uuid INVALID_PERSON_ID", "5 " + BOB + " DO_NOT_EMAIL",
                    "6 " + CY + " ALREADY_ENROLLED_ACTIVE", "7 " + DI + " UNAVAILABLE");
            assertThat(rejections.get(2).get("message")).isEqualTo("The person is marked do-not-email.");
        }
    }

    @Test
    void enrollIdempotencyKeysAreStableAcrossRunsOfTheSameFileAndDifferPerRow() throws Exception {
        Path csv = peopleCsv();
        Path rejections = dir.resolve("out.csv");
        try (StubApi api = new StubApi(ApiCommandsTest::enrollments)) {
            String[] args = {"enroll", "--csv", csv.toString(), "--sequence", SEQ, "--attempts", "1", "--rejections", rejections.toString()};
            Run.of(env(api), args);
            Map<String, String> firstRun = keysByPerson(api);
            api.requests.clear();
            Run.of(env(api), args);
            Map<String, String> secondRun = keysByPerson(api);

            assertThat(firstRun).hasSize(4);
            assertThat(firstRun.values()).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).startsWith("seqctl-enroll-"));
            assertThat(secondRun).isEqualTo(firstRun);
            assertThat(Files.exists(rejections)).isTrue();

            // the same person on another line of another file: another key
            Files.writeString(csv, "person_id\n" + BOB + "\n" + ADA + "\n");
            api.requests.clear();
            Run.of(env(api), args);
            Map<String, String> otherFile = keysByPerson(api);
            assertThat(otherFile).hasSize(2);
            assertThat(otherFile.values()).doesNotContainAnyElementsOf(firstRun.values());
        }
    }

    static Map<String, String> keysByPerson(StubApi api) {
        Map<String, String> keys = new java.util.TreeMap<>();
        for (StubApi.Request post : api.requests("POST", "/enrollments")) {
            try {
                keys.put(ApiClient.JSON.readTree(post.body()).path("person_id").asText(), post.header("Idempotency-Key"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return keys;
    }

    @Test
    void enrollIntoAnUnknownSequenceStopsBeforeAnyRow() throws Exception {
        Path csv = peopleCsv();
        try (StubApi api = new StubApi(ApiCommandsTest::enrollments)) {
            String unknown = "77777777-7777-4777-8777-777777777777";
            Run run = Run.of(env(api), "enroll", "--csv", csv.toString(), "--sequence", unknown);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("seqctl: no sequence " + unknown + " (404): nothing enrolled");
            assertThat(api.requests("POST", "/enrollments")).isEmpty();
        }
    }

    @Test
    void enrollWithoutThePersonIdColumnIsAUsageError() throws Exception {
        Path csv = dir.resolve("wrong.csv");
        Files.writeString(csv, "email\nada@example.com\n");
        try (StubApi api = new StubApi(r -> new StubApi.Answer(201, "{}"))) {
            Run run = Run.of(env(api), "enroll", "--csv", csv.toString(), "--sequence", SEQ);
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("has no person_id column (header: email)");
            assertThat(api.requests).isEmpty();

            Run missing = Run.of(env(api), "enroll", "--csv", dir.resolve("nope.csv").toString(), "--sequence", SEQ);
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err().strip()).startsWith("seqctl: cannot read").doesNotContain("\n");
        }
    }

    @Test
    void aRefusedKeyAnUnreachableApiAndAMissingKeyAreOneLineEach() throws Exception {
        Path csv = peopleCsv();
        try (StubApi api = new StubApi(r -> new StubApi.Answer(401, "{\"status\":\"unauthorized\",\"message\":\"bad key\"}"))) {
            Run refused = Run.of(env(api), "enroll", "--csv", csv.toString(), "--sequence", SEQ, "--parallel", "1");
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("seqctl: the API refused the key (401)").doesNotContain("Exception", "\tat ");
            assertThat(api.requests).hasSize(1); // stops at the first 401 (the sequence's check)
            assertThat(api.requests("POST", "/enrollments")).isEmpty();

            api.requests.clear(); // four rows in flight: the others stop too
            Run parallel = Run.of(env(api), "enroll", "--csv", csv.toString(), "--sequence", SEQ, "--parallel", "2");
            assertThat(parallel.exitCode()).isEqualTo(2);
            assertThat(parallel.err()).contains("seqctl: the API refused the key (401)").doesNotContain("Exception");
            assertThat(api.requests).hasSizeBetween(1, 2);
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Run unreachable = Run.of(Map.of("SEQCTL_API_KEY", "k"), "eligibility", ADA, "--sequence", SEQ,
                "--api-url", "http://127.0.0.1:" + closedPort + "/sequences/v1");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err().strip()).startsWith("seqctl: cannot reach the API at http://127.0.0.1:" + closedPort)
                .doesNotContain("\n", "\tat ");

        Run noKey = Run.of(Map.of(), "eligibility", ADA, "--sequence", SEQ);
        assertThat(noKey.exitCode()).isEqualTo(2);
        assertThat(noKey.err()).contains("export SEQCTL_API_KEY");
    }

    /** A job that is RUNNING for the first polls, then COMPLETED. */
    static StubApi.Answer job(StubApi.Request request, String kind, AtomicInteger polls) {
        if (request.method().equals("POST")) {
            return new StubApi.Answer(202, "{\"id\":\"" + JOB + "\",\"kind\":\"" + kind + "\",\"state\":\"RUNNING\",\"total\":3,\"processed\":0}");
        }
        int poll = polls.incrementAndGet();
        if (poll < 3) {
            return new StubApi.Answer(200, "{\"id\":\"" + JOB + "\",\"kind\":\"" + kind + "\",\"state\":\"RUNNING\",\"total\":3,\"processed\":" + poll + "}");
        }
        return new StubApi.Answer(200, "{\"id\":\"" + JOB + "\",\"kind\":\"" + kind + "\",\"state\":\"COMPLETED\",\"total\":3,\"processed\":3,"
                + "\"unenrolled\":2,\"skipped\":1,\"skipped_by_reason\":{\"ENROLLMENT_NOT_ACTIVE\":1},\"failed\":0,\"error\":null}");
    }

    @Test
    void unenrollCreatesOneJobFromTheCsvAndFollowsItUntilCompleted() throws Exception {
        Path csv = dir.resolve("ends.csv");
        Files.writeString(csv, "enrollment_id\n" + ADA + "\n\n" + BOB + "\nnope\n" + CY + "\n");
        AtomicInteger polls = new AtomicInteger();
        try (StubApi api = new StubApi(r -> job(r, "UNENROLL", polls))) {
            Run run = Run.of(env(api), "unenroll", "--csv", csv.toString(), "--interval-ms", "5");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("line 5: skipped, enrollment_id is not a UUID (nope)").contains("unenroll-jobs/" + JOB + ": 3/3");
            List<StubApi.Request> posts = api.requests("POST", "/unenroll-jobs");
            assertThat(posts).hasSize(1);
            assertThat(ApiClient.JSON.readTree(posts.get(0).body()).toString())
                    .isEqualTo("{\"enrollment_ids\":[\"" + ADA + "\",\"" + BOB + "\",\"" + CY + "\"]}");
            assertThat(posts.get(0).header("Idempotency-Key")).startsWith("seqctl-unenroll-");
            assertThat(api.requests("GET", "/unenroll-jobs/" + JOB)).hasSize(3);
            assertThat(run.out()).contains("unenroll job " + JOB + ": COMPLETED", "  unenrolled: 2", "  skipped: 1",
                    "    ENROLLMENT_NOT_ACTIVE: 1", "  failed: 0");
        }
    }

    @Test
    void unenrollByCompanyDomainSendsTheDomains() throws Exception {
        Path csv = dir.resolve("companies.csv");
        Files.writeString(csv, "company_domain\nrival.example\nother.example\n");
        AtomicInteger polls = new AtomicInteger(5);
        try (StubApi api = new StubApi(r -> job(r, "UNENROLL", polls))) {
            Run run = Run.of(env(api), "unenroll", "--csv", csv.toString(), "--interval-ms", "5");
            assertThat(run.exitCode()).isZero();
            assertThat(api.requests("POST", "/unenroll-jobs").get(0).bodyText())
                    .isEqualTo("{\"company_domains\":[\"rival.example\",\"other.example\"]}");
        }
    }

    @Test
    void jobsWatchPollsTheKindsPathUntilCompleted() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        try (StubApi api = new StubApi(r -> job(r, "RESTORE", polls))) {
            Run run = Run.of(env(api), "jobs", "watch", JOB, "--kind", "restore", "--interval-ms", "5");
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(api.requests("GET", "/restore-jobs/" + JOB)).hasSize(3);
            assertThat(api.requests).hasSize(3);
            assertThat(run.err()).contains("restore-jobs/" + JOB + ": 1/3 (33%) RUNNING").contains(": 3/3 (100%) COMPLETED");
            assertThat(run.out()).contains("restore job " + JOB + ": COMPLETED", "  processed: 3");
        }
    }

    @Test
    void exclusionListUploadPutsTheFileAsCsvAndPrintsTheCount() throws Exception {
        Path csv = dir.resolve("domains.csv");
        String content = "company_name,domain\nRival,https://www.rival.example\nOther,other.example\n";
        Files.writeString(csv, content);
        try (StubApi api = new StubApi(r -> new StubApi.Answer(200,
                "{\"id\":\"rivals\",\"name\":\"Rival firms\",\"count\":2,\"companies\":[],\"next_after\":null}"))) {
            Run run = Run.of(env(api), "exclusion-list", "upload", "rivals", csv.toString(), "--name", "Rival firms");

            assertThat(run.exitCode()).as(run.err()).isZero();
            StubApi.Request put = api.requests.get(0);
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.pathAndQuery()).isEqualTo("/sequences/v1/exclusion-lists/rivals?name=Rival+firms");
            assertThat(put.header("content-type")).isEqualTo("text/csv");
            assertThat(put.bodyText()).isEqualTo(content);
            assertThat(run.out()).contains("exclusion list rivals (Rival firms): 2 companies");
        }
    }

    @Test
    void exclusionListUploadNamesTheRowsTheApiRejects() throws Exception {
        Path csv = dir.resolve("domains.csv");
        Files.writeString(csv, "domain\nnot a domain\n");
        try (StubApi api = new StubApi(r -> new StubApi.Answer(400, "{\"status\":\"bad_request\",\"errors\":[{\"code\":\"invalid_domain\","
                + "\"path\":[\"domain\",0],\"message\":\"not a domain\"}],\"message\":\"bad csv\"}"))) {
            Run run = Run.of(env(api), "exclusion-list", "upload", "rivals", csv.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("[\"domain\",0] invalid_domain: not a domain")
                    .contains("seqctl: PUT /exclusion-lists/rivals failed: 400 invalid_domain");
        }
    }

    @Test
    void eligibilityPrintsEachReasonAsAnAlignedTableRow() throws Exception {
        String view = "{\"eligible\":false,\"reasons\":["
                + "{\"code\":\"DO_NOT_EMAIL\",\"message\":\"The person is marked do-not-email.\",\"level\":\"PERSON\",\"rule_id\":null},"
                + "{\"code\":\"COMPANY_LIMIT_REACHED\",\"message\":\"The company is at its limit.\",\"level\":\"COMPANY\",\"rule_id\":\"cap\","
                + "\"company_domain\":\"initech.example\",\"limit\":3,\"active_count\":3}]}";
        try (StubApi api = new StubApi(r -> new StubApi.Answer(200, view))) {
            Run run = Run.of(env(api), "eligibility", ADA, "--sequence", SEQ, "--mailbox", "sam@acme.test");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(api.requests.get(0).pathAndQuery()).isEqualTo("/sequences/v1/people/" + ADA + "/eligibility?sequence_id=" + SEQ
                    + "&mailbox_emails=sam%40acme.test");
            List<String> lines = run.out().lines().toList();
            assertThat(lines.get(0)).isEqualTo("person " + ADA + ", sequence " + SEQ + ": NOT ELIGIBLE");
            assertThat(lines).hasSize(4);
            String header = lines.get(1);
            assertThat(header).startsWith("CODE ");
            assertThat(lines.get(2)).startsWith("DO_NOT_EMAIL ").contains(" PERSON ").endsWith("The person is marked do-not-email.");
            assertThat(lines.get(3)).startsWith("COMPANY_LIMIT_REACHED ").contains("initech.example 3/3 active");
            // aligned: every column starts at the header's offset
            for (String column : List.of("LEVEL", "RULE", "DETAIL", "MESSAGE")) {
                int at = header.indexOf(column);
                assertThat(lines.get(2).charAt(at - 1)).isEqualTo(' ');
                assertThat(lines.get(2).charAt(at)).isNotEqualTo(' ');
                assertThat(lines.get(3).charAt(at)).isNotEqualTo(' ');
            }
            assertThat(lines.get(3).substring(header.indexOf("LEVEL"))).startsWith("COMPANY");
            assertThat(lines.get(3).substring(header.indexOf("RULE"))).startsWith("cap");
        }
    }

    @Test
    void eligibleSaysSo() throws Exception {
        try (StubApi api = new StubApi(r -> new StubApi.Answer(200, "{\"eligible\":true,\"reasons\":[]}"))) {
            Run run = Run.of(env(api), "eligibility", ADA, "--sequence", SEQ);
            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).contains(": ELIGIBLE", "no check stops this person");
        }
    }
}
