package org.seqengine.enrollment.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.seqengine.enrollment.testsupport.TestData.as;
import static org.seqengine.enrollment.testsupport.TestData.enrollBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.enrollment.testsupport.TestData;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.RepliedEvent;
import org.seqengine.schemas.avro.StopForColleagueReplyCommand;
import org.seqengine.schemas.avro.UnenrolledEvent;

/**
 * {@code stop_company_on_reply} through HTTP ({@code POST /enrollments/{id}/replies}) and the real
 * broker: which replies stop the replier's colleagues at the same company domain, what the stopped
 * enrollments say, and that replies arriving together stop everyone once. Where a reply must stop
 * nobody, a colleague's stopping reply follows it: the company ledger handles a domain's entries in
 * order, so the last colleague being stopped by the second replier (not the first) shows the first
 * reply stopped no one. Where the stops a reply caused are counted, an enroll into a sequence capped
 * far above these sizes is the fence: it passes through the same ledger, which answers it only after
 * the entries before it. Organization e is this class's alone: its settings change from test to test.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaBrokerResource.class, restrictToAnnotatedClass = false)
class ColleagueReplyApiTest {

    static final String ORG_E_KEY = "key-e-colleague-reply";

    /** A person and the enrollment they are in. */
    record Enrolled(String person, String enrollment) {}

    private String mailbox;
    private String sequence;
    /** A sequence whose ruleset caps companies far above these tests' sizes: its enrolls pass through the company ledger. */
    private String fenceSequence;
    private String domain;

    @BeforeEach
    void setUp() {
        TestData.awaitReady();
        String id = TestData.id().substring(0, 8);
        mailbox = "reply-" + id + "@seller.test";
        TestData.mailbox(ORG_E_KEY, mailbox);
        sequence = TestData.sequence(ORG_E_KEY, null, 2);
        as(ORG_E_KEY).body(Map.of("max_active_enrollments_per_company", 1000)).put("/rulesets/fence-" + id).then().statusCode(200);
        fenceSequence = TestData.sequence(ORG_E_KEY, "fence-" + id, 1);
        domain = "globex-" + id + ".example";
    }

    @Test
    void offStopsNobody() {
        policy("OFF");
        List<Enrolled> team = colleagues(domain, 3);
        reply(team.get(0), "POSITIVE").then().statusCode(200).body("finish_reason", equalTo("REPLIED"));

        // the fence: the org now stops colleagues on any reply, and the second one replies
        policy("ANY_REPLY");
        reply(team.get(1), "NEUTRAL").then().statusCode(200);
        assertStoppedBy(team.get(2), team.get(1), "NEUTRAL");
        as(ORG_E_KEY).get("/enrollments/" + team.get(0).enrollment()).then()
                .body("finish_reason", equalTo("REPLIED")).body("colleague_reply", nullValue());
    }

    @Test
    void anyReplyStopsTheColleaguesOnANegativeReplyAndLeavesOtherDomainsAlone() {
        policy("ANY_REPLY");
        List<Enrolled> team = colleagues(domain, 4);
        Enrolled subsidiary = colleagues("eu." + domain, 1).get(0);
        Enrolled elsewhere = colleagues("initech-" + TestData.id().substring(0, 8) + ".example", 1).get(0);
        Enrolled noDomain = enrolled(TestData.person(ORG_E_KEY, nullDomain()));
        String paused = team.get(3).enrollment();
        as(ORG_E_KEY).post("/enrollments/" + paused + "/pause").then().statusCode(200);

        reply(team.get(0), "NEGATIVE").then().statusCode(200)
                .body("finish_reason", equalTo("REPLIED")).body("colleague_reply", nullValue());

        for (Enrolled colleague : team.subList(1, 4)) {
            assertStoppedBy(colleague, team.get(0), "NEGATIVE"); // the paused one too
        }
        for (Enrolled other : List.of(subsidiary, elsewhere, noDomain)) {
            as(ORG_E_KEY).get("/enrollments/" + other.enrollment()).then().statusCode(200)
                    .body("status", equalTo("IN_PROGRESS")).body("finish_reason", nullValue());
        }
        // the fence: once a capped enroll at the company is answered, every stop the reply caused is on the commands topic
        enrolled(colleague(domain, 4), fenceSequence);
        Set<String> outsiders = Set.of(subsidiary.enrollment(), elsewhere.enrollment(), noDomain.enrollment());
        assertThat(stopsOf(outsiders)).as("stops sent to people at other domains").isEmpty();
        assertThat(unenrolledEvents(outsiders)).as("Unenrolled events of people at other domains").isEmpty();
    }

    @Test
    void positiveOrNeutralStopsOnPositiveAndNeutralButNotOnNegative() {
        policy("POSITIVE_OR_NEUTRAL");
        List<Enrolled> team = colleagues(domain, 4);
        reply(team.get(0), "NEGATIVE").then().statusCode(200).body("finish_reason", equalTo("REPLIED"));
        reply(team.get(1), "POSITIVE").then().statusCode(200);
        // stopped by the POSITIVE reply, not the NEGATIVE one before it
        assertStoppedBy(team.get(2), team.get(1), "POSITIVE");
        assertStoppedBy(team.get(3), team.get(1), "POSITIVE");

        String otherDomain = "umbrella-" + TestData.id().substring(0, 8) + ".example";
        List<Enrolled> others = colleagues(otherDomain, 2);
        reply(others.get(0), "NEUTRAL").then().statusCode(200);
        assertStoppedBy(others.get(1), others.get(0), "NEUTRAL");
    }

    @Test
    void anAutomatedReplyNeverStopsColleagues() {
        policy("ANY_REPLY");
        List<Enrolled> team = colleagues(domain, 3);
        // an out-of-office: the replier is paused, nobody is stopped
        reply(team.get(0), "AUTOMATED").then().statusCode(200)
                .body("display_status", equalTo("PAUSED")).body("pause_reason", equalTo("OUT_OF_OFFICE"));
        reply(team.get(1), "NEGATIVE").then().statusCode(200);
        assertStoppedBy(team.get(2), team.get(1), "NEGATIVE");
        assertStoppedBy(team.get(0), team.get(1), "NEGATIVE"); // paused by its own auto-reply, stopped by the colleague's
    }

    @Test
    void twoColleaguesReplyingTogetherStopEveryoneElseExactlyOnce() throws Exception {
        policy("ANY_REPLY");
        List<Enrolled> team = colleagues(domain, 6);
        Enrolled first = team.get(0);
        Enrolled second = team.get(1);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (Enrolled replier : List.of(first, second)) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return reply(replier, "POSITIVE").statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                // a reply to an enrollment its colleague's reply stopped first is recorded late: still 200
                assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> ids = team.stream().map(Enrolled::enrollment).collect(Collectors.toSet());
        Set<String> repliers = Set.of(first.person(), second.person());
        for (Enrolled colleague : team.subList(2, 6)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_E_KEY).get("/enrollments/" + colleague.enrollment())
                    .then().body("finish_reason", equalTo("COLLEAGUE_REPLIED")));
        }
        // the fence: an enroll capped at the company is answered by the company ledger after it handled both replies'
        // entries (written before the replies were answered), so every stop it will send is on the commands topic now
        Enrolled late = enrolled(colleague(domain, 6), fenceSequence);
        List<String> stops = stopsOf(ids);
        await().atMost(Duration.ofSeconds(30)).until(() -> answeredCommands().containsAll(stops));
        Map<String, List<EventEnvelope>> ends = endingEvents(ids);
        for (String id : ids) {
            assertThat(ends.get(id)).as("events ending enrollment %s", id).hasSize(1);
        }
        for (Enrolled colleague : team.subList(2, 6)) {
            UnenrolledEvent end = (UnenrolledEvent) ends.get(colleague.enrollment()).get(0).getPayload();
            assertThat(end.getFinishReason()).isEqualTo("COLLEAGUE_REPLIED");
            assertThat(end.getColleagueReply().getPersonId()).isIn(repliers);
        }
        assertThat(stops).as("stop commands").isNotEmpty();
        // enrolled after both replies: not stopped
        as(ORG_E_KEY).get("/enrollments/" + late.enrollment()).then().body("status", equalTo("IN_PROGRESS"));
    }

    // ---- helpers ----

    private static void policy(String stopCompanyOnReply) {
        as(ORG_E_KEY).body(Map.of("stop_company_on_reply", stopCompanyOnReply)).put("/settings").then().statusCode(200)
                .body("stop_company_on_reply", equalTo(stopCompanyOnReply));
    }

    /** {@code n} people at {@code domain} (written differently), each enrolled. */
    private List<Enrolled> colleagues(String domain, int n) {
        List<Enrolled> team = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            team.add(enrolled(colleague(domain, i)));
        }
        return team;
    }

    private static String colleague(String domain, int i) {
        String written = i % 2 == 0 ? "https://www." + domain.toUpperCase() + "/contact" : domain;
        return TestData.person(ORG_E_KEY, Map.of("company_domain", written,
                "email", "c" + i + "-" + TestData.id().substring(0, 8) + "@" + domain));
    }

    private Enrolled enrolled(String person) {
        return enrolled(person, sequence);
    }

    private Enrolled enrolled(String person, String sequenceId) {
        String id = as(ORG_E_KEY).body(enrollBody(sequenceId, person, mailbox)).post("/enrollments").then().statusCode(201)
                .extract().path("id");
        return new Enrolled(person, id);
    }

    private static io.restassured.response.Response reply(Enrolled replier, String classification) {
        return as(ORG_E_KEY).body(Map.of("classification", classification, "received_at", Instant.now().minusSeconds(60).toString()))
                .post("/enrollments/" + replier.enrollment() + "/replies");
    }

    /** The colleague's enrollment ends COLLEAGUE_REPLIED, naming who replied, in which enrollment and how. */
    private static void assertStoppedBy(Enrolled colleague, Enrolled replier, String classification) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(ORG_E_KEY).get("/enrollments/" + colleague.enrollment())
                .then().statusCode(200).body("status", equalTo("FINISHED")));
        as(ORG_E_KEY).get("/enrollments/" + colleague.enrollment()).then()
                .body("finish_reason", equalTo("COLLEAGUE_REPLIED"))
                .body("display_status", equalTo("CANCELED")) // no step was sent
                .body("colleague_reply.person_id", equalTo(replier.person()))
                .body("colleague_reply.enrollment_id", equalTo(replier.enrollment()))
                .body("colleague_reply.classification", equalTo(classification));
    }

    private static Map<String, Object> nullDomain() {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("company_domain", null);
        return overrides;
    }

    /** The StopForColleagueReply command ids aimed at these enrollments. */
    private static List<String> stopsOf(Set<String> enrollments) {
        return committed(Topics.COMMANDS).stream()
                .filter(c -> c.getPayload() instanceof StopForColleagueReplyCommand s
                        && enrollments.contains(s.getEnrollmentId()))
                .map(CommandEnvelope::getCommandId).toList();
    }

    private static Set<String> answeredCommands() {
        return committed(Topics.COMMAND_REPLIES).stream().map(CommandReplyRecord::getCommandId).collect(Collectors.toSet());
    }

    /** Per enrollment, the events that ended it: Unenrolled (any reason) and a reply that finished it. */
    private static Map<String, List<EventEnvelope>> endingEvents(Set<String> enrollments) {
        Map<String, List<EventEnvelope>> ends = new HashMap<>();
        for (EventEnvelope e : committed(Topics.EVENTS)) {
            if (e.getEnrollmentId() != null && enrollments.contains(e.getEnrollmentId()) && (e.getPayload() instanceof UnenrolledEvent
                    || (e.getPayload() instanceof RepliedEvent replied && replied.getFinishes()))) {
                ends.computeIfAbsent(e.getEnrollmentId(), k -> new ArrayList<>()).add(e);
            }
        }
        return ends;
    }

    private static List<EventEnvelope> unenrolledEvents(Set<String> enrollments) {
        return committed(Topics.EVENTS).stream()
                .filter(e -> e.getEnrollmentId() != null && enrollments.contains(e.getEnrollmentId())
                        && e.getPayload() instanceof UnenrolledEvent)
                .toList();
    }

    /**
     * Every committed record of the topic up to its end now, decoded; records that do not decode are left out (other
     * tests of this JVM write poison to the same topics).
     */
    private static <V> List<V> committed(Topic<String, V> topic) {
        List<V> values = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : TopicReader.readToEnd(topic.name())) {
            try {
                if (r.value() != null) {
                    values.add(topic.valueSerde().deserializer().deserialize(topic.name(), r.value()));
                }
            } catch (RuntimeException poison) {
                // not ours
            }
        }
        return values;
    }
}
