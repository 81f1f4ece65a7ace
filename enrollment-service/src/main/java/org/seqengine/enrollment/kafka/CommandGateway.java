package org.seqengine.enrollment.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;
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
 * from the end, with read_committed so only committed outcomes are seen.
 */
@ApplicationScoped
public class CommandGateway {

    private static final Logger LOG = Logger.getLogger(CommandGateway.class);

    @Inject
    KafkaClients clients;

    @Inject
    EnrollmentConfig config;

    @Inject
    KafkaTopics topics;

    private final Map<String, CompletableFuture<CommandReplyRecord>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private KafkaProducer<String, CommandEnvelope> producer;
    private KafkaConsumer<String, CommandReplyRecord> consumer;
    private Thread listener;

    void start(@Observes StartupEvent ignored) {
        topics.ensureCreated();
        Map<String, Object> producerProps = clients.base("enrollment-api-commands");
        producerProps.put("acks", "all");
        producerProps.put("enable.idempotence", true);
        producerProps.put("linger.ms", 0);
        producer = new KafkaProducer<>(producerProps, Topics.COMMANDS.keySerde().serializer(),
                Topics.COMMANDS.valueSerde().serializer());

        Map<String, Object> consumerProps = clients.base("enrollment-api-replies");
        consumerProps.put("isolation.level", "read_committed");
        consumerProps.put("enable.auto.commit", false);
        consumer = new KafkaConsumer<>(consumerProps, Topics.COMMAND_REPLIES.keySerde().deserializer(),
                Topics.COMMAND_REPLIES.valueSerde().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMAND_REPLIES.name(), Duration.ofSeconds(60))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException(Topics.COMMAND_REPLIES.name() + " has no partitions: cannot receive command outcomes");
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve now: replies after this point are ours to see
        listener = new Thread(this::listen, "command-reply-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent ignored) {
        running.set(false);
        if (consumer != null) consumer.wakeup();
        if (listener != null) {
            try {
                listener.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) producer.close(Duration.ofSeconds(5));
    }

    /** Publishes the command; the future completes with its reply or fails after the command timeout. */
    public CompletableFuture<CommandReplyRecord> send(EnrollmentCommand command) {
        String commandId = command.meta().commandId();
        CompletableFuture<CommandReplyRecord> reply = new CompletableFuture<>();
        CompletableFuture<CommandReplyRecord> existing = pending.putIfAbsent(commandId, reply);
        CompletableFuture<CommandReplyRecord> result = existing != null ? existing : reply;
        if (existing == null) {
            String key = Keys.of(command.meta().orgId(), command.meta().personId());
            producer.send(new ProducerRecord<>(Topics.COMMANDS.name(), key, CommandMapper.toAvro(command)), (md, error) -> {
                if (error != null) {
                    pending.remove(commandId);
                    reply.completeExceptionally(error);
                }
            });
            long timeoutMs = config.commandTimeout().toMillis();
            reply.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).whenComplete((r, e) -> pending.remove(commandId, reply));
        }
        return result;
    }

    private void listen() {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, CommandReplyRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    CommandReplyRecord reply = record.value();
                    if (reply == null) continue;
                    CompletableFuture<CommandReplyRecord> waiting = pending.remove(reply.getCommandId());
                    if (waiting != null) waiting.complete(reply);
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.errorf(e, "command reply listener stopped");
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }
}
