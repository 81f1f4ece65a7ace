package org.seqengine.enrollment.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.seqengine.enrollment.config.EnrollmentConfig;
import org.seqengine.enrollment.domain.EnrollmentCommand;
import org.seqengine.enrollment.mapping.CommandMapper;
import org.seqengine.schemas.Keys;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CommandReplyRecord;

/**
 * Request-reply over Kafka: publishes a command and completes when the decider's reply for its
 * {@code command_id} is committed. Every instance reads every reply partition (no consumer group),
 * from the end, with read_committed so only committed outcomes are seen ({@link ReplyListener}).
 */
@ApplicationScoped
public class CommandGateway {

    static final Duration LISTENER_INITIAL_BACKOFF = Duration.ofMillis(100);
    static final Duration LISTENER_MAX_BACKOFF = Duration.ofSeconds(5);

    @Inject
    KafkaClients clients;

    @Inject
    EnrollmentConfig config;

    @Inject
    KafkaTopics topics;

    private final Map<String, CompletableFuture<CommandReplyRecord>> pending = new ConcurrentHashMap<>();
    private KafkaProducer<String, CommandEnvelope> producer;
    private ReplyListener listener;

    void start(@Observes StartupEvent ignored) {
        topics.ensureCreated();
        Map<String, Object> producerProps = clients.base("enrollment-api-commands");
        producerProps.put("acks", "all");
        producerProps.put("enable.idempotence", true);
        producerProps.put("linger.ms", 0);
        // send() blocks a request thread while metadata or buffer space is missing: bound it
        producerProps.put("max.block.ms", config.commandTimeout().toMillis());
        producer = new KafkaProducer<>(producerProps, Topics.COMMANDS.keySerde().serializer(),
                Topics.COMMANDS.valueSerde().serializer());
        listener = new ReplyListener(this::replyConsumer, this::complete, LISTENER_INITIAL_BACKOFF, LISTENER_MAX_BACKOFF);
        listener.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        if (listener != null) listener.stop();
        if (producer != null) producer.close(Duration.ofSeconds(5));
    }

    public ReplyListener replyListener() {
        return listener;
    }

    /** Whether a command is waiting for its outcome (tests: nothing is left behind). */
    public boolean isPending(String commandId) {
        return pending.containsKey(commandId);
    }

    /**
     * Publishes the command; the future completes with its reply, or fails when the command could
     * not be handed to the producer, was not delivered, or got no reply within the command timeout.
     * A command already in flight (same id: a retry with the same Idempotency-Key) shares its future.
     * The future is registered before the send so a fast reply cannot be missed; if the producer does
     * not take the command, it is failed at once and unregistered — nothing is left for a retry to wait on.
     */
    public CompletableFuture<CommandReplyRecord> send(EnrollmentCommand command) {
        String commandId = command.meta().commandId();
        CompletableFuture<CommandReplyRecord> reply = new CompletableFuture<>();
        CompletableFuture<CommandReplyRecord> existing = pending.putIfAbsent(commandId, reply);
        if (existing != null) return existing;
        reply.orTimeout(config.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((r, e) -> pending.remove(commandId, reply));
        try {
            String key = Keys.of(command.meta().orgId(), command.meta().personId());
            producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), key, CommandMapper.toAvro(command)), (md, error) -> {
                if (error != null) reply.completeExceptionally(error);
            });
        } catch (RuntimeException e) {
            reply.completeExceptionally(e);
        }
        return reply;
    }

    private KafkaConsumer<String, byte[]> replyConsumer() {
        Map<String, Object> props = clients.base("enrollment-api-replies");
        props.put("isolation.level", "read_committed");
        props.put("enable.auto.commit", false);
        // values are decoded per record by the listener, so one bad record cannot fail a poll
        return new KafkaConsumer<>(props, Topics.COMMAND_REPLIES.keySerde().deserializer(), new ByteArrayDeserializer());
    }

    private void complete(CommandReplyRecord reply) {
        CompletableFuture<CommandReplyRecord> waiting = pending.remove(reply.getCommandId());
        if (waiting != null) waiting.complete(reply);
    }
}
