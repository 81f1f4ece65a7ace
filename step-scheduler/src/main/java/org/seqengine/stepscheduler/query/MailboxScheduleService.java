package org.seqengine.stepscheduler.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
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
    SchedulerTimeScale scale;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    public MailboxSchedule find(String orgId, String mailboxId) {
        return instances.fromOwner(streams, StoreNames.MAILBOXES, Keys.of(orgId, mailboxId),
                        HostInfo.buildFromEndpoint(applicationServer), () -> local(orgId, mailboxId), INTERNAL_PATH,
                        Map.of("org_id", orgId, "mailbox_id", mailboxId), MailboxSchedule.class)
                .orElseThrow(() -> notFound(mailboxId));
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
