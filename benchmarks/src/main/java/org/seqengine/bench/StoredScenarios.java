package org.seqengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandReplyRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Scenarios over a service that already holds many enrollments: api-latency, restore and
 * bulk-unenroll. When several run, they share one set-up (in that order: bulk-unenroll ends the
 * enrollments the others read). The enrollments are created by Enroll commands on the commands
 * topic (the public input), the service's own outcome replies give their ids.
 */
public final class StoredScenarios {

    public static final Set<String> NAMES = Set.of("api-latency", "mixed", "restore", "bulk-unenroll");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String API = "/sequences/v1";

    private final Env env;
    private final int stored;
    private final int bulk;
    private final double[] rates;
    private final Duration stepDuration;
    private final Duration warmUp;
    private final int postPeopleFrom;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> enrollmentIds = Collections.synchronizedList(new ArrayList<>());
    private int nextPerson;
    private ServiceProcess service;

    private StoredScenarios(Env env) {
        this.env = env;
        this.stored = env.quick() ? 20_000 : 1_000_000;
        this.bulk = env.quick() ? 5_000 : 100_000;
        this.rates = env.quick() ? new double[] {100, 500} : new double[] {100, 500, 1000};
        this.stepDuration = env.quick() ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
        this.warmUp = env.quick() ? Duration.ofSeconds(5) : Duration.ofSeconds(15);
        this.postPeopleFrom = stored;
        this.nextPerson = stored;
    }

    /** Runs the named scenarios (a subset of {@link #NAMES}) on one broker and service. */
    public static List<Result> run(Env env, List<String> names) throws Exception {
        return new StoredScenarios(env).runAll(names);
    }

    private List<Result> runAll(List<String> names) throws Exception {
        List<Result> results = new ArrayList<>();
        Path dir = env.dir("stored");
        double postRequests = (Arrays.stream(rates).sum() * stepDuration.toSeconds() + 100 * warmUp.toSeconds()
                + 0.3 * 200 * (env.quick() ? 30 : 300)) * 1.05; // api-latency and mixed enroll new people
        int people = stored + (int) postRequests + 1000;
        Env.log("stored: starting a fresh broker");
        try (BrokerProcess broker = BrokerProcess.start(dir, "1g")) {
            String bootstrap = broker.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                Fixture.publishReferenceData(producer, 0, people);
            }
            ServiceProcess.Settings settings = ServiceProcess.Settings.of(env.serviceJar(), bootstrap,
                    dir.resolve("service-state"), dir.resolve("service.log")).with(env.serviceJvmArgs(), Map.of());
            try (TopicCounter replies = new TopicCounter(bootstrap, Topics.COMMAND_REPLIES.name(), r -> {
                CommandReplyRecord reply = Topics.COMMAND_REPLIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                if (reply.getCommandId().startsWith("stored-") && !reply.getEnrollmentIds().isEmpty()) {
                    enrollmentIds.add(reply.getEnrollmentIds().get(0));
                }
            })) {
                service = ServiceProcess.start(settings);
                try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                    for (int i = 0; i < stored; i++) {
                        int sequence = i < bulk ? 0 : 1 + i % (Fixture.SEQUENCES - 1);
                        Fixture.sendCommand(producer, Fixture.enroll("stored-" + i, i, sequence));
                    }
                }
                long t0 = System.nanoTime();
                if (!replies.await(stored, Duration.ofMinutes(60), service::isAlive)) {
                    throw new IllegalStateException("only " + replies.count() + " of " + stored + " enrollments stored");
                }
                Env.log(String.format("stored: %,d enrollments in %.1f s", enrollmentIds.size(), (System.nanoTime() - t0) / 1e9));
            }
            try {
                service.awaitReady(Duration.ofMinutes(2));
                for (String name : List.of("api-latency", "mixed", "restore", "bulk-unenroll")) {
                    if (names.contains(name)) {
                        Env.log("scenario " + name);
                        switch (name) {
                            case "api-latency" -> results.addAll(apiLatency());
                            case "mixed" -> results.add(mixed());
                            case "restore" -> results.add(restore(settings));
                            default -> results.add(bulkUnenroll());
                        }
                    }
                }
            } finally {
                service.close();
            }
        }
        return results;
    }

    private List<Result> apiLatency() throws Exception {
        List<Result> results = new ArrayList<>();
        OpenLoad load = new OpenLoad(http);
        SplittableRandom random = new SplittableRandom(7);
        Env.log("api-latency: warm-up " + warmUp.toSeconds() + " s of each request kind at 100/s");
        load.run(100, warmUp, i -> postEnrollment());
        load.run(100, warmUp, i -> get(API + "/enrollments/" + enrollmentIds.get(random.nextInt(enrollmentIds.size()))));
        for (double rate : rates) {
            Env.log("api-latency: POST /enrollments at " + (int) rate + "/s for " + stepDuration.toSeconds() + " s");
            results.add(Result.latency("api-latency", "POST /enrollments @" + (int) rate + "/s",
                    load.run(rate, stepDuration, i -> postEnrollment()), service.peakHeapMb(), service.peakRssMb()));
        }
        for (double rate : rates) {
            Env.log("api-latency: GET /enrollments/{id} at " + (int) rate + "/s");
            results.add(Result.latency("api-latency", "GET /enrollments/{id} @" + (int) rate + "/s",
                    load.run(rate, stepDuration, i -> get(API + "/enrollments/" + enrollmentIds.get(random.nextInt(enrollmentIds.size())))),
                    service.peakHeapMb(), service.peakRssMb()));
        }
        for (double rate : rates) {
            Env.log("api-latency: GET /enrollments?sequence_id= (a page of 50) at " + (int) rate + "/s");
            results.add(Result.latency("api-latency", "GET /enrollments?sequence_id=&limit=50 @" + (int) rate + "/s",
                    load.run(rate, stepDuration, i -> get(API + "/enrollments?sequence_id=" + Fixture.sequenceId(1 + (int) (i % 3))
                            + "&limit=50")), service.peakHeapMb(), service.peakRssMb()));
        }
        return results;
    }

    /**
     * Enroll, pause, resume, unenroll and opt-out (plus reads) at a fixed rate over the stored
     * people for a while: throughput, latency, and heap over time (first, middle, last third).
     * Pause/resume/unenroll pick random stored enrollments, so some answer 409 (already ended):
     * the statuses column tells them apart from failures.
     */
    private Result mixed() throws Exception {
        Duration duration = env.quick() ? Duration.ofSeconds(30) : Duration.ofMinutes(5);
        double rate = 200;
        SplittableRandom random = new SplittableRandom(11);
        List<double[]> before = service.heapOverTime();
        OpenLoad.Outcome outcome = new OpenLoad(http).run(rate, duration, i -> {
            int dice = random.nextInt(100);
            String id = enrollmentIds.get(random.nextInt(enrollmentIds.size()));
            if (dice < 30) {
                return postEnrollment();
            } else if (dice < 45) {
                return post(API + "/enrollments/" + id + "/pause", "");
            } else if (dice < 60) {
                return post(API + "/enrollments/" + id + "/resume", "");
            } else if (dice < 72) {
                return post(API + "/enrollments/" + id + "/unenroll", "");
            } else if (dice < 80) {
                return post(API + "/people/" + Fixture.personId(random.nextInt(stored)) + "/opt-out", "{\"source\":\"API\"}");
            }
            return get(API + "/enrollments/" + id);
        });
        List<double[]> during = service.heapOverTime().subList(before.size(), service.heapOverTime().size());
        Result result = Result.latency("mixed", "enroll/pause/resume/unenroll/opt-out/get @" + (int) rate + "/s", outcome,
                service.peakHeapMb(), service.peakRssMb());
        if (during.size() >= 3) {
            int third = during.size() / 3;
            result = result.withExtra("heap_mb_max_by_third", List.of(maxMb(during.subList(0, third)),
                    maxMb(during.subList(third, 2 * third)), maxMb(during.subList(2 * third, during.size()))));
        }
        return result;
    }

    private static long maxMb(List<double[]> samples) {
        return Math.round(samples.stream().mapToDouble(s -> s[1]).max().orElse(0) / (1024 * 1024));
    }

    private Result restore(ServiceProcess.Settings settings) throws Exception {
        Env.log("restore: kill -9, delete the state directory, start again");
        service.kill9();
        deleteRecursively(settings.stateDir());
        long start = System.nanoTime();
        service = ServiceProcess.start(settings.log(settings.log().resolveSibling("service-restored.log")));
        double ready = service.awaitReady(Duration.ofMinutes(30));
        // serving: the last stored enrollments read back (every partition's store restored)
        List<String> probes = enrollmentIds.subList(Math.max(0, enrollmentIds.size() - 30), enrollmentIds.size());
        for (String id : probes) {
            while (true) {
                HttpResponse<Void> r = http.send(get(API + "/enrollments/" + id), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        double serving = (System.nanoTime() - start) / 1e9;
        return Result.throughput("restore", "kill -9 + state dir deleted: seconds to serving", enrollmentIds.size(),
                enrollmentIds.size() / serving, serving, service.peakHeapMb(), service.peakRssMb())
                .withExtra("seconds_to_ready", Math.round(ready * 10) / 10.0);
    }

    private Result bulkUnenroll() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> created = http.send(post(API + "/unenroll-jobs",
                "{\"sequence_id\":\"" + Fixture.sequenceId(0) + "\"}"), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 202) {
            throw new IllegalStateException("POST /unenroll-jobs answered " + created.statusCode() + ": " + created.body());
        }
        String jobId = JSON.readTree(created.body()).path("id").asText();
        JsonNode job;
        while (true) {
            job = JSON.readTree(http.send(get(API + "/unenroll-jobs/" + jobId), HttpResponse.BodyHandlers.ofString()).body());
            if (!"RUNNING".equals(job.path("state").asText())) {
                break;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("unenroll job not finished after 30 min: " + job);
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long unenrolled = job.path("unenrolled").asLong();
        return Result.throughput("bulk-unenroll", "job by sequence_id: seconds to the final count", unenrolled,
                unenrolled / seconds, seconds, service.peakHeapMb(), service.peakRssMb())
                .withExtra("job", JSON.convertValue(job, Map.class));
    }

    private HttpRequest postEnrollment() {
        int person = nextPerson++;
        return post(API + "/enrollments", "{\"sequence_id\":\"" + Fixture.sequenceId(1 + person % 3) + "\",\"person_id\":\""
                + Fixture.personId(person) + "\",\"mailbox_emails\":[\"" + Fixture.mailboxEmail(person % Fixture.MAILBOXES) + "\"]}");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("x-api-key", ServiceProcess.API_KEY).GET().build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).timeout(Duration.ofSeconds(30))
                .header("x-api-key", ServiceProcess.API_KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
