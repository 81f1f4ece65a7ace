package org.seqengine.seqctl;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.json.AvroJson;
import org.seqengine.schemas.serde.AvroSerdes;
import org.seqengine.schemas.serde.registry.RegistryCodec;
import org.seqengine.schemas.serde.registry.RegistryUrls;
import org.seqengine.schemas.serde.registry.TopicValueSerde;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "events", mixinStandardHelpOptions = true, description = "The event log.", subcommands = EventsCommand.Tail.class)
final class EventsCommand {

    /**
     * Reads {@code enrollment.events.v1} (read_committed: only events of committed decider transactions)
     * from every partition without a consumer group (nothing committed, nothing to clean up) and prints
     * each event as one JSON line.
     */
    @Command(name = "tail", mixinStandardHelpOptions = true,
            description = "Print the event log as JSON lines (one event a line) until Ctrl-C or --max.")
    static final class Tail implements java.util.concurrent.Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
                description = "Kafka bootstrap servers (default: $SEQCTL_KAFKA_BOOTSTRAP, else 127.0.0.1:9092).")
        String bootstrap;

        @Option(names = "--person", paramLabel = "PERSON_ID", description = "Only this person's events.")
        String personId;

        @Option(names = "--from-beginning", description = "Start at the oldest retained event (default: only new events).")
        boolean fromBeginning;

        @Option(names = "--max", paramLabel = "N", description = "Stop after N events.")
        Long max;

        @Option(names = "--registry", paramLabel = "URL",
                description = "The schema registry, to read events the services wrote in registry mode "
                        + "(default: $SCHEMA_REGISTRY_URL; without it only single-object-encoded events are readable).")
        String registry;

        @Override
        public Integer call() {
            SeqCtl root = (SeqCtl) spec.root().userObject();
            String servers = bootstrap != null ? bootstrap
                    : root.env("SEQCTL_KAFKA_BOOTSTRAP") != null ? root.env("SEQCTL_KAFKA_BOOTSTRAP") : "127.0.0.1:9092";
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, "seqctl-events-tail");
            PrintWriter out = spec.commandLine().getOut();
            AtomicBoolean stopping = new AtomicBoolean();
            CountDownLatch finished = new CountDownLatch(1);
            String registrySetting = registry != null ? registry : root.env("SCHEMA_REGISTRY_URL");
            Optional<RegistryCodec> schemas = registrySetting == null ? Optional.empty()
                    : Optional.of(new ConfluentRegistryClient(RegistryUrls.confluentApi(registrySetting)));
            // both encodings: the wire format's writer schema is fetched by id from the registry
            TopicValueSerde<EventEnvelope> events = new TopicValueSerde<>(Topics.EVENTS.name(),
                    AvroSerdes.forClass(EventEnvelope.class), () -> schemas);
            try (KafkaConsumer<String, EventEnvelope> consumer = new KafkaConsumer<>(props,
                    Topics.EVENTS.keySerde().deserializer(), events)) {
                Thread hook = new Thread(() -> {
                    stopping.set(true);
                    consumer.wakeup();
                    try {
                        finished.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Runtime.getRuntime().addShutdownHook(hook);
                try {
                    List<TopicPartition> partitions = consumer.partitionsFor(Topics.EVENTS.name(), Duration.ofSeconds(15)).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    if (partitions.isEmpty()) {
                        throw new CliException(CliException.FAILED, "no topic " + Topics.EVENTS.name() + " at " + servers);
                    }
                    consumer.assign(partitions);
                    if (fromBeginning) consumer.seekToBeginning(partitions);
                    else consumer.seekToEnd(partitions);
                    long printed = 0;
                    while (!stopping.get() && (max == null || printed < max)) {
                        for (ConsumerRecord<String, EventEnvelope> record : consumer.poll(Duration.ofMillis(500))) {
                            if (personId != null && (record.key() == null || !record.key().endsWith("/" + personId))) continue;
                            out.println(ApiClient.JSON.writeValueAsString(render(record.value())));
                            if (max != null && ++printed >= max) break;
                        }
                        out.flush();
                    }
                } catch (WakeupException e) {
                    // Ctrl-C: stop quietly
                } finally {
                    finished.countDown();
                    if (!stopping.get()) Runtime.getRuntime().removeShutdownHook(hook);
                }
            } catch (RecordDeserializationException e) {
                throw new CliException(CliException.FAILED, "cannot decode the event at " + e.topicPartition() + "@" + e.offset()
                        + ": " + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()));
            } catch (KafkaException e) {
                throw new CliException(CliException.FAILED, "Kafka at " + servers + ": " + e.getMessage()
                        + " (set --bootstrap or SEQCTL_KAFKA_BOOTSTRAP)");
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new CliException(CliException.FAILED, "cannot render an event: " + e.getMessage());
            }
            out.flush();
            return 0;
        }
    }

    /** One event as JSON: the envelope's fields, {@code type} (the payload's record name) and the payload's fields. */
    static ObjectNode render(EventEnvelope event) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("event_id", str(event.getEventId()));
        json.put("command_id", str(event.getCommandId()));
        json.put("org_id", str(event.getOrgId()));
        json.put("person_id", str(event.getPersonId()));
        json.put("enrollment_id", str(event.getEnrollmentId()));
        json.put("occurred_at", event.getOccurredAt() == null ? null : event.getOccurredAt().toString());
        json.put("actor", str(event.getActor()));
        Object payload = event.getPayload();
        json.put("type", payload == null ? null : payload.getClass().getSimpleName());
        // sealed personal values stay sealed: this reader holds no person's key
        json.set("payload", payload instanceof IndexedRecord record ? AvroJson.render(record) : JsonNodeFactory.instance.nullNode());
        return json;
    }

    private static String str(CharSequence value) {
        return value == null ? null : value.toString();
    }
}
