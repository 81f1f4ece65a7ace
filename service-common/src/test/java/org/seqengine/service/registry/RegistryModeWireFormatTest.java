package org.seqengine.service.registry;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seqengine.deploy.ApicurioRegistryStub;
import org.seqengine.deploy.TestBroker;
import org.seqengine.schemas.Samples;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.EnrollmentRecord;
import org.seqengine.schemas.avro.EventEnvelope;
import org.seqengine.schemas.avro.MailboxRecord;
import org.seqengine.schemas.serde.AvroSerdes;
import org.seqengine.schemas.serde.SchemaHistory;
import org.seqengine.schemas.serde.registry.SchemaRegistryMode;

/**
 * Registry mode end to end without Docker: the services' topic serdes ({@link Topics}), switched on
 * the way the services switch it on ({@value ApicurioCodecProvider#URL_PROPERTY}), write through
 * Apicurio's serde to a loopback registry stub; the bytes are the Confluent wire format and a plain
 * Avro reader decodes them with the schema the stub served for the id; also through a real broker
 * (a producer and a Kafka Streams app write, a plain byte consumer reads).
 */
class RegistryModeWireFormatTest {

    private static final long EVENTS_CONTENT_ID = 21;
    private static final long ENROLLMENTS_CONTENT_ID = 16;
    private static final long MAILBOX_V1_CONTENT_ID = 3;

    private static ApicurioRegistryStub registry;

    @BeforeAll
    static void registryModeOn() {
        registry = new ApicurioRegistryStub()
                .latest("enrollment.events.v1-value", latestReleased(EventEnvelope.class).toString(), 121, EVENTS_CONTENT_ID)
                .latest("enrollments.v1-value", latestReleased(EnrollmentRecord.class).toString(), 116, ENROLLMENTS_CONTENT_ID)
                .content(MAILBOX_V1_CONTENT_ID, SchemaHistory.versions(MailboxRecord.class).get(0).toString());
        // what application.properties does with SCHEMA_REGISTRY_URL; this JVM's first use of the mode
        System.setProperty(ApicurioCodecProvider.URL_PROPERTY, registry.url());
        assertThat(SchemaRegistryMode.codec()).as("registry mode on").isPresent();
    }

    @AfterAll
    static void stop() {
        System.clearProperty(ApicurioCodecProvider.URL_PROPERTY);
        registry.close();
    }

    /** What `seqctl schemas register` put last under the subject. */
    private static Schema latestReleased(Class<?> type) {
        List<Schema> versions = SchemaHistory.versions(type);
        return versions.get(versions.size() - 1);
    }

    @Test
    void anEventIsWrittenInTheConfluentWireFormatAndAPlainAvroReaderDecodesIt() throws Exception {
        byte[] bytes = Topics.EVENTS.valueSerde().serializer().serialize(Topics.EVENTS.name(), Samples.event());

        assertThat(bytes[0]).as("magic byte").isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).as("schema id").isEqualTo((int) EVENTS_CONTENT_ID);
        GenericRecord plain = plainRead(servedSchema(EVENTS_CONTENT_ID), bytes);
        assertThat(plain.get("event_id").toString()).isEqualTo("evt-0001");
        assertThat(plain.get("person_id").toString()).isEqualTo("person-42");
        assertThat(plain.get("occurred_at")).isEqualTo(Samples.T0.toEpochMilli());
        assertThat(((GenericRecord) plain.get("payload")).getSchema().getName()).isEqualTo("RepliedEvent");
        registry.server().verify(getRequestedFor(urlPathMatching(
                ".*/groups/default/artifacts/enrollment\\.events\\.v1-value/versions/branch(=|%3D)latest")));
    }

    @Test
    void anEnrollmentIsWrittenInTheConfluentWireFormatAndReadBack() throws Exception {
        byte[] bytes = Topics.ENROLLMENTS.valueSerde().serializer().serialize(Topics.ENROLLMENTS.name(), Samples.enrollment());

        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo((int) ENROLLMENTS_CONTENT_ID);
        GenericRecord plain = plainRead(servedSchema(ENROLLMENTS_CONTENT_ID), bytes);
        assertThat(plain.get("id").toString()).isEqualTo("enr-1");
        assertThat(plain.get("finish_reason").toString()).isEqualTo("REPLIED");
        assertThat(Topics.ENROLLMENTS.valueSerde().deserializer().deserialize(Topics.ENROLLMENTS.name(), bytes))
                .isEqualTo(Samples.enrollment());
    }

    @Test
    void theServicesNeverRegisterSchemas() {
        Topics.EVENTS.valueSerde().serializer().serialize(Topics.EVENTS.name(), Samples.event());

        registry.server().verify(0, postRequestedFor(anyUrl()));
        registry.server().verify(0, putRequestedFor(anyUrl()));
    }

    @Test
    void theDeserializerReadsBothEncodings() {
        byte[] singleObject = AvroSerdes.forClass(EventEnvelope.class).encode(Samples.event());
        byte[] wire = Topics.EVENTS.valueSerde().serializer().serialize(Topics.EVENTS.name(), Samples.event());

        assertThat(singleObject[0]).isEqualTo((byte) 0xC3);
        assertThat(Topics.EVENTS.valueSerde().deserializer().deserialize(Topics.EVENTS.name(), singleObject)).isEqualTo(Samples.event());
        assertThat(Topics.EVENTS.valueSerde().deserializer().deserialize(Topics.EVENTS.name(), wire)).isEqualTo(Samples.event());
    }

    @Test
    void anOlderWriterSchemaFetchedByIdIsResolvedIntoTheCurrentClass() throws Exception {
        Schema v1 = SchemaHistory.versions(MailboxRecord.class).get(0);
        GenericRecord old = new GenericRecordBuilder(v1)
                .set("org_id", "org-acme").set("id", "mbx-1").set("email", "a@acme.example").set("display_name", "A")
                .set("owner_id", "user-1").set("is_paused", false).set("is_unauthorized", false).build();
        byte[] bytes = wireFormat((int) MAILBOX_V1_CONTENT_ID, v1, old);

        MailboxRecord read = Topics.MAILBOXES.valueSerde().deserializer().deserialize(Topics.MAILBOXES.name(), bytes);

        assertThat(read.getEmail()).isEqualTo("a@acme.example");
        assertThat(read.getDailyLimit()).as("default of the field v1 lacks").isEqualTo(200);
        registry.server().verify(getRequestedFor(urlPathEqualTo(ApicurioRegistryStub.API + "/ids/contentIds/" + MAILBOX_V1_CONTENT_ID)));
    }

    @Test
    void anUnregisteredSubjectIsASerializationExceptionNamingIt() {
        assertThatThrownBy(() -> Topics.TASKS.valueSerde().serializer().serialize(Topics.TASKS.name(), Samples.task()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("tasks.v1-value")
                .hasMessageContaining("seqctl schemas register");
        registry.server().verify(0, postRequestedFor(anyUrl()));
    }

    @Test
    void storeChangelogsKeepTheSingleObjectEncoding() {
        int before = registry.server().findAll(anyRequestedFor(anyUrl())).size();

        byte[] bytes = Topics.ENROLLMENTS.valueSerde().serializer()
                .serialize("enrollment-service-enrollments-changelog", Samples.enrollment());

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(registry.server().findAll(anyRequestedFor(anyUrl()))).hasSize(before);
    }

    @Test
    void aProducerAndAKafkaStreamsAppWriteRecordsThatAPlainConsumerDecodesWithTheRegistrySchema(@TempDir Path stateDir)
            throws Exception {
        try (TestBroker broker = TestBroker.start()) {
            broker.createTopics(List.of(new NewTopic(Topics.EVENTS.name(), 1, (short) 1),
                    new NewTopic(Topics.ENROLLMENTS.name(), 1, (short) 1)));
            Properties producerProps = broker.clientProperties();
            try (KafkaProducer<String, EventEnvelope> producer = new KafkaProducer<>(producerProps,
                    Topics.EVENTS.keySerde().serializer(), Topics.EVENTS.valueSerde().serializer())) {
                producer.send(new ProducerRecord<>(Topics.EVENTS.name(), "org-acme/person-42", Samples.event())).get();
            }
            // a Kafka Streams app reading the registry-encoded events and writing enrollments through the topic serdes
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream(Topics.EVENTS.name(), Consumed.with(Topics.EVENTS.keySerde(), Topics.EVENTS.valueSerde()))
                    .filter((key, event) -> "enr-1".equals(event.getEnrollmentId()))
                    .mapValues(event -> Samples.enrollment())
                    .to(Topics.ENROLLMENTS.name(), Produced.with(Topics.ENROLLMENTS.keySerde(), Topics.ENROLLMENTS.valueSerde()));
            Properties streamsProps = broker.clientProperties();
            streamsProps.put(StreamsConfig.APPLICATION_ID_CONFIG, "registry-mode-test");
            streamsProps.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            streamsProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            Properties consumerProps = broker.clientProperties();
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "plain-reader");
            try (KafkaStreams streams = new KafkaStreams(builder.build(), streamsProps);
                 KafkaConsumer<byte[], byte[]> plain = new KafkaConsumer<>(consumerProps,
                         new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                streams.start();
                plain.subscribe(List.of(Topics.EVENTS.name(), Topics.ENROLLMENTS.name()));
                Map<String, byte[]> valueByTopic = new java.util.concurrent.ConcurrentHashMap<>();
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                    plain.poll(Duration.ofMillis(200)).forEach(r -> valueByTopic.put(r.topic(), r.value()));
                    return valueByTopic.size() == 2;
                });

                byte[] event = valueByTopic.get(Topics.EVENTS.name());
                byte[] enrollment = valueByTopic.get(Topics.ENROLLMENTS.name());
                assertThat(event[0]).isEqualTo((byte) 0);
                assertThat(ByteBuffer.wrap(event, 1, 4).getInt()).isEqualTo((int) EVENTS_CONTENT_ID);
                assertThat(plainRead(servedSchema(EVENTS_CONTENT_ID), event).get("event_id").toString()).isEqualTo("evt-0001");
                assertThat(enrollment[0]).isEqualTo((byte) 0);
                assertThat(ByteBuffer.wrap(enrollment, 1, 4).getInt()).isEqualTo((int) ENROLLMENTS_CONTENT_ID);
                assertThat(plainRead(servedSchema(ENROLLMENTS_CONTENT_ID), enrollment).get("id").toString()).isEqualTo("enr-1");
            }
        }
    }

    /** The schema the stub serves for an id, as any registry client would fetch it. */
    private static Schema servedSchema(long contentId) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(registry.url() + ApicurioRegistryStub.API + "/ids/contentIds/" + contentId)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new Schema.Parser().parse(response.body());
    }

    private static GenericRecord plainRead(Schema writer, byte[] bytes) throws Exception {
        return new GenericDatumReader<GenericRecord>(writer)
                .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    }

    private static byte[] wireFormat(int id, Schema writer, GenericRecord value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(ByteBuffer.allocate(5).put((byte) 0).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(writer).write(value, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
