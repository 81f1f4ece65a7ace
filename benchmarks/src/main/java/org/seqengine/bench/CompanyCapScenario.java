package org.seqengine.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.avro.RulesetRecord;

/**
 * company-cap: what max_active_enrollments_per_company costs an enroll. The same open-loop
 * {@code POST /enrollments} at fixed rates, first with no cap (people over 997 companies), then with the
 * default ruleset capping every company at {@value #LIMIT} (new people over {@value #CAPPED_COMPANIES}
 * companies, so most companies fill up and the later enrolls are refused): a capped enroll takes one more
 * Kafka round trip through the company ledger. Afterwards the replies are counted per company: none may
 * hold more than the limit (nothing ends during the run, so enrolled = active).
 */
public final class CompanyCapScenario {

    public static final String NAME = "company-cap";
    private static final int LIMIT = 5;
    private static final int CAPPED_COMPANIES = 200;
    private static final String API = "/sequences/v1";

    private final Env env;
    private final double[] rates;
    private final Duration stepDuration;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger nextPerson = new AtomicInteger();
    private ServiceProcess service;

    private CompanyCapScenario(Env env) {
        this.env = env;
        this.rates = env.quick() ? new double[] {100} : new double[] {100, 500};
        this.stepDuration = env.quick() ? Duration.ofSeconds(15) : Duration.ofSeconds(60);
    }

    public static List<Result> run(Env env) throws Exception {
        return new CompanyCapScenario(env).runAll();
    }

    private static String cappedDomain(int person) {
        return "account" + (person % CAPPED_COMPANIES) + ".example";
    }

    private List<Result> runAll() throws Exception {
        List<Result> results = new ArrayList<>();
        Path dir = env.dir(NAME);
        int perPhase = (int) (java.util.Arrays.stream(rates).sum() * (stepDuration.toSeconds() + 5)) + 1000;
        int warmUp = 2000;
        IntFunction<String> domainOf = i -> i < warmUp + perPhase ? "customer" + (i % 997) + ".example" : cappedDomain(i);
        try (BrokerProcess broker = BrokerProcess.start(dir, "1g")) {
            String bootstrap = broker.bootstrapServers();
            KafkaIo.createTopics(bootstrap, 3);
            try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                Fixture.publishReferenceData(producer, 0, 0);
                Fixture.publishPeople(producer, 0, warmUp + 2 * perPhase, domainOf);
            }
            Map<String, Integer> personNumbers = new java.util.HashMap<>(); // ids are name-based UUIDs
            for (int i = 0; i < warmUp + 2 * perPhase; i++) {
                personNumbers.put(Fixture.personId(i), i);
            }
            Map<String, AtomicLong> enrolledPerCompany = new ConcurrentHashMap<>();
            AtomicLong refused = new AtomicLong();
            try (TopicCounter replies = new TopicCounter(bootstrap, Topics.COMMAND_REPLIES.name(), r -> {
                CommandReplyRecord reply = Topics.COMMAND_REPLIES.valueSerde().deserializer().deserialize(r.topic(), r.value());
                int person = personNumbers.getOrDefault(reply.getPersonId(), -1);
                if (person < warmUp + perPhase || reply.getDuplicate()) {
                    return;
                }
                if (!reply.getEnrollmentIds().isEmpty()) {
                    enrolledPerCompany.computeIfAbsent(cappedDomain(person), d -> new AtomicLong()).incrementAndGet();
                } else if (reply.getRejections().stream().anyMatch(x -> x.getCode().equals("COMPANY_LIMIT_REACHED"))) {
                    refused.incrementAndGet();
                }
            })) {
                service = ServiceProcess.start(ServiceProcess.Settings.of(env.serviceJar(), bootstrap,
                        dir.resolve("service-state"), dir.resolve("service.log")).with(env.serviceJvmArgs(), Map.of()));
                try {
                    service.awaitReady(Duration.ofMinutes(2));
                    OpenLoad load = new OpenLoad(http);
                    Env.log(NAME + ": warm-up 10 s at 100/s (no cap)");
                    load.run(100, Duration.ofSeconds(10), i -> postEnrollment());
                    nextPerson.set(warmUp);
                    for (double rate : rates) {
                        Env.log(NAME + ": POST /enrollments, no company cap, at " + (int) rate + "/s");
                        results.add(Result.latency(NAME, "POST /enrollments no cap @" + (int) rate + "/s",
                                load.run(rate, stepDuration, i -> postEnrollment()), service.peakHeapMb(), service.peakRssMb()));
                    }
                    try (KafkaProducer<byte[], byte[]> producer = KafkaIo.bulkProducer(bootstrap)) {
                        Fixture.send(producer, Topics.RULESETS, "default", RulesetRecord.newBuilder().setOrgId(Fixture.ORG)
                                .setId("default").setAllowReenrollmentIntoSequences(true)
                                .setAllowReenrollmentIntoSameSequence(true).setReenrollmentWaitingDays(0)
                                .setMaxActiveEnrollmentsPerCompany(LIMIT).build());
                        producer.flush();
                    }
                    nextPerson.set(warmUp + perPhase);
                    for (double rate : rates) {
                        Env.log(NAME + ": POST /enrollments, every company capped at " + LIMIT + ", at " + (int) rate + "/s");
                        results.add(Result.latency(NAME, "POST /enrollments cap " + LIMIT + " x " + CAPPED_COMPANIES
                                        + " companies @" + (int) rate + "/s",
                                load.run(rate, stepDuration, i -> postEnrollment()), service.peakHeapMb(), service.peakRssMb()));
                    }
                    long max = enrolledPerCompany.values().stream().mapToLong(AtomicLong::get).max().orElse(0);
                    long full = enrolledPerCompany.values().stream().filter(n -> n.get() == LIMIT).count();
                    Env.log(String.format("%s: most enrollments at one company %d (limit %d), %d companies full, %d refused",
                            NAME, max, LIMIT, full, refused.get()));
                    if (max > LIMIT) {
                        throw new IllegalStateException("a company holds " + max + " enrollments, above the limit " + LIMIT);
                    }
                    Result last = results.remove(results.size() - 1);
                    results.add(last.withExtra("max_per_company", max).withExtra("companies_full", full)
                            .withExtra("refused_company_limit", refused.get()));
                } finally {
                    service.close();
                }
            }
        }
        return results;
    }

    private HttpRequest postEnrollment() {
        int person = nextPerson.getAndIncrement();
        String body = "{\"sequence_id\":\"" + Fixture.sequenceId(1 + person % 3) + "\",\"person_id\":\"" + Fixture.personId(person)
                + "\",\"mailbox_emails\":[\"" + Fixture.mailboxEmail(person % Fixture.MAILBOXES) + "\"]}";
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + API + "/enrollments")).timeout(Duration.ofSeconds(30))
                .header("x-api-key", ServiceProcess.API_KEY).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
