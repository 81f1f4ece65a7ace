package org.seqengine.stepscheduler.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.schemas.Keys;
import org.seqengine.service.cluster.InstanceClient;
import org.seqengine.service.error.ApiException;
import org.seqengine.stepscheduler.api.dto.MailboxSchedule;
import org.seqengine.stepscheduler.streams.MailboxScheduleQuery;
import org.seqengine.stepscheduler.streams.MailboxState;
import org.seqengine.stepscheduler.streams.SchedulerTimeScale;
import org.seqengine.stepscheduler.streams.StoreNames;

/**
 * A mailbox's schedule, read where it lives: the instance whose task owns the mailbox's partition
 * (Kafka Streams metadata); another instance is asked over {@code /internal/v1}.
 */
@ApplicationScoped
public class MailboxScheduleService {

    public static final String INTERNAL_PATH = "/internal/v1/mailbox-schedules";

    @Inject
    KafkaStreams streams;

    @Inject
    InstanceClient instances;

    @Inject
    ObjectMapper json;

    @Inject
    SchedulerTimeScale scale;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    public MailboxSchedule find(String orgId, String mailboxId) {
        String key = Keys.of(orgId, mailboxId);
        KeyQueryMetadata owner = streams.queryMetadataForKey(StoreNames.MAILBOXES, key, new StringSerializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new InvalidStateStoreException("no instance owns mailbox partitions yet (starting or rebalancing)");
        }
        if (owner.activeHost().equals(HostInfo.buildFromEndpoint(applicationServer))) {
            return local(orgId, mailboxId).orElseThrow(() -> notFound(mailboxId));
        }
        JsonNode answer = instances.get(owner.activeHost(), INTERNAL_PATH, Map.of("org_id", orgId, "mailbox_id", mailboxId))
                .orElseThrow(() -> notFound(mailboxId));
        try {
            return json.treeToValue(answer, MailboxSchedule.class);
        } catch (JsonProcessingException e) {
            throw ApiException.unavailable("Another instance answered in an unexpected form; retry shortly.");
        }
    }

    /** This instance's answer; empty when the mailbox is not here (never seen, or another instance's). */
    public Optional<MailboxSchedule> local(String orgId, String mailboxId) {
        ReadOnlyKeyValueStore<String, MailboxState> mailboxes = store(StoreNames.MAILBOXES);
        ReadOnlyKeyValueStore<String, String> sendLog = store(StoreNames.SEND_LOG);
        return MailboxScheduleQuery.of(mailboxes, sendLog, Keys.of(orgId, mailboxId), Instant.now(), scale.get())
                .map(view -> MailboxSchedule.of(mailboxId, view));
    }

    private static ApiException notFound(String mailboxId) {
        return ApiException.notFound("The scheduler holds nothing for mailbox " + mailboxId + ".");
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
