package org.seqengine.enrollment.it;

import static org.seqengine.deploy.PackagedService.api;
import static org.seqengine.deploy.PackagedService.awaitReady;
import static org.seqengine.deploy.PackagedService.freePort;
import static org.seqengine.deploy.PackagedService.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.deploy.TestBroker;

/**
 * The packaged service, run as a real process against a real broker, is killed with SIGKILL, loses
 * its local state directory, and is started again: every enrollment is still there (restored from
 * the changelogs) and the one-active-enrollment rule still holds for the people it knew.
 */
class ServiceRestartIT {


    @TempDir
    Path work;

    @Test
    void killNineAndRestartKeepsEveryEnrollment() throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            int port = freePort();
            Path stateDir = work.resolve("state");
            Process service = start(broker.bootstrapServers(), port, stateDir, work.resolve("first.log"));
            Map<String, Map<String, Object>> before = new LinkedHashMap<>();
            List<String[]> enrolled = new ArrayList<>();
            String sequence = UUID.randomUUID().toString();
            String otherSequence = UUID.randomUUID().toString();
            try {
                awaitReady(port);
                api(port).body(Map.of("email", "sender@acme.test", "display_name", "Sender", "owner_id", "u1",
                        "is_paused", false, "is_unauthorized", false)).put("/mailboxes/" + UUID.randomUUID()).then().statusCode(200);
                for (String s : List.of(sequence, otherSequence)) {
                    api(port).body(Map.of("name", "Seq", "is_published", true, "is_paused", false,
                            "steps", List.of(Map.of("type", "EMAIL", "wait_days", 0, "subject", "Hi", "body", "Hello"))))
                            .put("/sequences/" + s).then().statusCode(200);
                }
                for (int i = 0; i < 5; i++) {
                    String person = UUID.randomUUID().toString();
                    api(port).body(Map.of("email", "p" + i + "@example.com", "first_name", "P" + i, "do_not_email", false,
                            "email_opt_out", false)).put("/people/" + person).then().statusCode(200);
                    String id = api(port).body(Map.of("sequence_id", sequence, "person_id", person,
                            "mailbox_emails", List.of("sender@acme.test"))).post("/enrollments")
                            .then().statusCode(201).extract().path("id");
                    enrolled.add(new String[] {person, id});
                }
                api(port).post("/enrollments/" + enrolled.get(1)[1] + "/pause").then().statusCode(200);
                api(port).post("/enrollments/" + enrolled.get(2)[1] + "/unenroll").then().statusCode(200);
                for (String[] e : enrolled) {
                    before.put(e[1], api(port).get("/enrollments/" + e[1]).then().statusCode(200).extract().path(""));
                }
            } finally {
                service.destroyForcibly().waitFor();
            }
            deleteRecursively(stateDir);

            Process restarted = start(broker.bootstrapServers(), port, stateDir, work.resolve("second.log"));
            try {
                awaitReady(port);
                for (Map.Entry<String, Map<String, Object>> e : before.entrySet()) {
                    await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                            assertThat(api(port).get("/enrollments/" + e.getKey()).then().statusCode(200)
                                    .extract().<Map<String, Object>>path("")).isEqualTo(e.getValue()));
                }
                api(port).body(Map.of("sequence_id", otherSequence, "person_id", enrolled.get(0)[0],
                        "mailbox_emails", List.of("sender@acme.test"))).post("/enrollments").then().statusCode(409);
                api(port).body(Map.of("sequence_id", otherSequence, "person_id", enrolled.get(2)[0],
                        "mailbox_emails", List.of("sender@acme.test"))).post("/enrollments").then().statusCode(201);
            } finally {
                restarted.destroy();
                restarted.waitFor();
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
