package org.seqengine.exclusion.it;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.seqengine.exclusion.it.CrossServiceCluster.ORG;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.seqengine.deploy.KafkaBrokerResource;
import org.seqengine.deploy.TopicReader;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CompleteStepCommand;
import org.seqengine.schemas.avro.ExcludeCommand;

/** What the cross-service ITs do to the services and read from the topics, as a client or connector would. */
final class Calls {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The evaluator's Kafka Streams application id (its consumer group) in the packaged (prod) configuration. */
    static final String EVALUATOR_GROUP = "exclusion-evaluator";

    private Calls() {}

    static CrossServiceCluster cluster() {
        return CrossServiceCluster.get();
    }

    static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- enrollment-service ----

    /** A mailbox of {@code owner}; answers its email (the id is {@code ids[0]} when given). */
    static String mailbox(String m, String owner, String... ids) {
        String email = "sender-" + owner + "-" + m + "@acme.test";
        cluster().enrollment().body(mailboxBody(email, owner))
                .put("/mailboxes/" + (ids.length > 0 ? ids[0] : UUID.randomUUID().toString())).then().statusCode(200);
        return email;
    }

    static Map<String, Object> mailboxBody(String email, String owner) {
        return Map.of("email", email, "display_name", "Sender", "owner_id", owner, "is_paused", false, "is_unauthorized", false);
    }

    static String mailbox(String m) {
        return mailbox(m, "owner-" + m);
    }

    static String sequence(String m) {
        String id = UUID.randomUUID().toString();
        cluster().enrollment().body(Map.of("name", "Seq " + m, "is_published", true, "is_paused", false,
                "steps", List.of(Map.of("type", "EMAIL", "wait_days", 0, "subject", "Hi", "body", "Hello"),
                        Map.of("type", "EMAIL", "wait_days", 3, "subject", "Again", "body", "Hello again"))))
                .put("/sequences/" + id).then().statusCode(200);
        return id;
    }

    /** A person whose company domain is {@code domain}, given as a user would paste it (normalized by both services). */
    static String person(String domain) {
        String id = UUID.randomUUID().toString();
        cluster().enrollment().body(Map.of("email", id.substring(0, 8) + "@" + domain, "first_name", "P",
                "company_domain", "https://www." + domain + "/", "do_not_email", false, "email_opt_out", false))
                .put("/people/" + id).then().statusCode(200);
        return id;
    }

    static Map<String, Object> ruleBody(String level, boolean removeFromActive, Map<String, Object> filter) {
        return Map.of("name", "Rule", "level", level, "exclude_from_sequences", true,
                "remove_from_active_sequences", removeFromActive, "filter", filter);
    }

    static void putRule(String id, String level, boolean removeFromActive, Map<String, Object> filter) {
        cluster().enrollment().body(ruleBody(level, removeFromActive, filter)).put("/exclusion-rules/" + id)
                .then().statusCode(200);
    }

    static Map<String, Object> enrollBody(String sequence, String person, String sender) {
        return Map.of("sequence_id", sequence, "person_id", person, "mailbox_emails", List.of(sender));
    }

    /** Enrolls, once enrollment-service's decider has the reference data (written a moment ago). */
    static String enroll(String sequence, String person, String sender) {
        List<String> id = new ArrayList<>();
        await().atMost(PATIENCE).untilAsserted(() -> id.add(cluster().enrollment().body(enrollBody(sequence, person, sender))
                .post("/enrollments").then().statusCode(201).extract().<String>path("id")));
        return id.get(id.size() - 1);
    }

    static void awaitDisplayStatus(String enrollment, String displayStatus) {
        await().atMost(PATIENCE).untilAsserted(() -> cluster().enrollment().get("/enrollments/" + enrollment)
                .then().statusCode(200).body("display_status", equalTo(displayStatus)));
    }

    static Set<String> excludedEnrollments(Collection<String> enrollments) {
        return enrollments.stream().filter(e -> Boolean.TRUE.equals(cluster().enrollment().get("/enrollments/" + e)
                .then().statusCode(200).extract().<Boolean>path("is_excluded"))).collect(Collectors.toSet());
    }

    /**
     * Step 1 of the enrollment was sent: there is no step scheduler yet, so the IT writes the
     * CompleteStep command it would send onto enrollment.commands.v1, and waits until it shows.
     */
    static void completeFirstStep(String person, String enrollment) throws Exception {
        CommandEnvelope command = CommandEnvelope.newBuilder().setCommandId(UUID.randomUUID().toString())
                .setOrgId(ORG).setPersonId(person).setIssuedAt(Instant.now()).setActor("step-scheduler-stand-in")
                .setReason(null).setPayload(new CompleteStepCommand(enrollment, 0)).build();
        try (KafkaProducer<String, CommandEnvelope> producer = new KafkaProducer<>(clientProps(),
                Topics.COMMANDS.keySerde().serializer(), Topics.COMMANDS.valueSerde().serializer())) {
            producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), Keys.of(ORG, person), command)).get();
        }
        awaitDisplayStatus(enrollment, "STARTED");
    }

    // ---- exclusion-evaluator ----

    static void crmChanges(int instance, Map<?, ?>... changes) {
        cluster().evaluator(instance).body(Map.of("changes", List.of(changes))).post("/crm-changes")
                .then().statusCode(202).body("accepted", equalTo(changes.length));
    }

    static Map<String, Object> personChange(String person, String field, String value) {
        return Map.of("crm", "salesforce", "object", "person", "id", "003" + person.substring(0, 8),
                "person_id", person, "fields", Map.of(field, value));
    }

    static Map<String, Object> companyChange(String domain, String field, String value) {
        return Map.of("crm", "hubspot", "object", "company", "id", "c-" + domain, "domain", "https://www." + domain,
                "fields", Map.of(field, value));
    }

    /**
     * Waits until the evaluator's application has processed (committed past) every record now in
     * each topic, in order: e.g. enrollments.v1, then the repartition its router wrote them to.
     */
    static void awaitEvaluatorCaughtUp(String... topics) {
        try (Admin admin = Admin.create(clientProps())) {
            for (String topic : topics) {
                Map<TopicPartition, Long> next = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : committed(topic)) {
                    next.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max);
                }
                await().atMost(PATIENCE).until(() -> {
                    Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(EVALUATOR_GROUP)
                            .partitionsToOffsetAndMetadata().get();
                    return next.entrySet().stream().allMatch(e ->
                            done.get(e.getKey()) != null && done.get(e.getKey()).offset() >= e.getValue());
                });
            }
        }
    }

    // ---- topics ----

    /** The people of the IT organization an Exclude command was committed for, up to now. */
    static Set<String> excludedPeople() {
        return committed(Topics.COMMANDS.name()).stream()
                .map(r -> Topics.COMMANDS.valueSerde().deserializer().deserialize(r.topic(), r.value()))
                .filter(c -> c.getOrgId().equals(ORG) && c.getPayload() instanceof ExcludeCommand)
                .map(CommandEnvelope::getPersonId).collect(Collectors.toSet());
    }

    /** Every committed record of {@code topic}, from its beginning to its end now (read_committed). */
    static List<ConsumerRecord<String, byte[]>> committed(String topic) {
        return TopicReader.readToEnd(topic);
    }

    static Properties clientProps() {
        Properties props = new Properties();
        props.put("bootstrap.servers", KafkaBrokerResource.bootstrapServers());
        return props;
    }
}
