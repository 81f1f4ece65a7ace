package org.seqengine.enrollment.streams;

import org.seqengine.service.kafka.DeadLetters;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jboss.logging.Logger;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;
import org.seqengine.schemas.avro.CommandEnvelope;
import org.seqengine.schemas.avro.CommandReplyRecord;
import org.seqengine.schemas.serde.AvroSerdes;

/**
 * No command can stop the decider. Reads the command topic as bytes and, for each record: decodes
 * it, runs the decider on a {@link StagingContext}, checks every staged output (records and store
 * writes, which go to changelogs) against the producer's size limit, and only then lets the effects
 * through. If decoding, the decider, a mapper or the size check fails — or the decider itself
 * dead-letters an invalid command — nothing of the command is kept: its raw bytes go to
 * {@code enrollment.commands.dlq.v1} with the source, the error and a reference in headers, and the
 * caller gets a reply marked with that reference. Both are forwarded in the task, so they commit in
 * its transaction with the command's offset: written once, and the next command is processed.
 * A {@link StreamsException} (a store or the task failing, not the command) is rethrown.
 */
final class CommandGuard implements Processor<String, byte[], String, Object> {

    private static final Logger LOG = Logger.getLogger(CommandGuard.class);

    private final Processor<String, CommandEnvelope, String, Object> decider;
    private final Map<String, Topic<String, ?>> sinks;
    private ProcessorContext<String, Object> context;
    private StagingContext staging;
    private RecordSizeLimit limit;

    /** @param sinks the decider's sinks by child name, to size its outputs with their serializers */
    CommandGuard(Processor<String, CommandEnvelope, String, Object> decider, Map<String, Topic<String, ?>> sinks) {
        this.decider = decider;
        this.sinks = sinks;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.staging = new StagingContext(context);
        this.limit = RecordSizeLimit.from(context.appConfigs());
        decider.init(staging);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        CommandEnvelope command;
        try {
            command = Topics.COMMANDS.valueSerde().deserializer().deserialize(Topics.COMMANDS.name(), record.value());
        } catch (RuntimeException e) {
            deadLetter(record, null, e, null);
            return;
        }
        staging.begin();
        try {
            decider.process(record.withValue(command));
            Optional<StagingContext.Forwarded> rejected = staging.forwarded().stream()
                    .filter(f -> EnrollmentTopology.COMMANDS_DLQ_SINK.equals(f.childName())).findFirst();
            if (rejected.isPresent()) {
                // the decider found the command invalid: it wrote nothing else; dead-letter the raw bytes
                staging.discard();
                deadLetter(record, command, null, rejected.get().record().headers());
                return;
            }
            checkSizes();
        } catch (StreamsException e) {
            // the machinery, not the command (a state store failing, the task migrating): let
            // Kafka Streams handle it as it would without the guard, by failing the task
            staging.discard();
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            staging.discard();
            deadLetter(record, command, e, null);
            return;
        }
        staging.apply();
    }

    @Override
    public void close() {
        decider.close();
    }

    @SuppressWarnings("unchecked")
    private void checkSizes() {
        for (StagingContext.Forwarded f : staging.forwarded()) {
            Topic<String, ?> topic = sinks.get(f.childName());
            if (topic == null) continue;
            byte[] key = topic.keySerde().serializer().serialize(topic.name(), f.record().key());
            byte[] value = ((Serializer<Object>) topic.valueSerde().serializer()).serialize(topic.name(), f.record().value());
            limit.check(topic.name(), key, value, f.record().headers());
        }
        staging.storeWrites().forEach((store, writes) -> writes.forEach((k, v) -> {
            Object value = v instanceof ValueAndTimestamp<?> t ? t.value() : v;
            if (k instanceof String key && value instanceof SpecificRecord avro) {
                byte[] bytes = AvroSerdes.forClass((Class<SpecificRecord>) avro.getClass()).serializer().serialize(store, avro);
                limit.check("the changelog of store " + store, DeadLetters.bytes(key), bytes, null);
            }
        }));
    }

    private void deadLetter(Record<String, byte[]> record, CommandEnvelope command, Throwable error, Headers described) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        String topic = source == null ? Topics.COMMANDS.name() : source.topic();
        int partition = source == null ? -1 : source.partition();
        long offset = source == null ? -1 : source.offset();
        Headers headers;
        if (described != null) {
            headers = new RecordHeaders(described.toArray());
            if (headers.lastHeader(DeadLetters.REFERENCE) == null) {
                headers.add(DeadLetters.REFERENCE, DeadLetters.bytes(DeadLetters.reference(topic, partition, offset)));
            }
        } else {
            headers = new RecordHeaders(record.headers().toArray());
            DeadLetters.describe(headers, topic, partition, offset, error);
        }
        String reference = DeadLetters.text(headers, DeadLetters.REFERENCE);
        String description = DeadLetters.text(headers, DeadLetters.ERROR);

        byte[] key = record.key() == null ? null : DeadLetters.bytes(record.key());
        byte[] value = record.value();
        if (value != null && !limit.fits(key, value, headers)) {
            // the command itself is over the limit with our headers: keep the evidence, drop the body
            headers.add(DeadLetters.VALUE_OMITTED, DeadLetters.bytes(String.valueOf(value.length)));
            value = null;
        }
        String commandId = command == null ? "(undecodable)" : command.getCommandId();
        if (error == null || command == null) {
            LOG.warnf("command %s at %s-%d@%d sent to %s, reference %s: %s", commandId, topic, partition, offset,
                    Topics.COMMANDS.dlqName(), reference, description);
        } else {
            LOG.errorf(error, "command %s at %s-%d@%d could not be processed; sent to %s, reference %s: %s", commandId,
                    topic, partition, offset, Topics.COMMANDS.dlqName(), reference, description);
        }
        if (described == null) DecisionMetrics.deadLetter(topic); // the decider counted its own rejection
        context.forward(new Record<String, Object>(record.key(), value, record.timestamp(), headers),
                EnrollmentTopology.COMMANDS_DLQ_SINK);
        if (command != null) {
            CommandReplyRecord reply = CommandReplyRecord.newBuilder()
                    .setCommandId(command.getCommandId()).setOrgId(command.getOrgId()).setPersonId(command.getPersonId())
                    .setDuplicate(false).setErrorReference(reference).setError(description)
                    .build();
            context.forward(new Record<String, Object>(record.key(), reply, context.currentSystemTimeMs()),
                    EnrollmentTopology.REPLIES_SINK);
        }
    }
}
