package org.seqengine.mailer.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.mailer.config.MailerConfig;
import org.seqengine.mailer.domain.SendLedger;
import org.seqengine.service.kafka.TopicProvisioner;

/**
 * Before the first send request is consumed: creates the missing topics, rebuilds the ledger of sent requests
 * from the delivery results, so a restarted mailer dedupes what it sent before, and starts reading the people's keys. Runs ahead of SmallRye Reactive
 * Messaging, which connects the channels in its own start-up observer at priority 1000.
 */
@ApplicationScoped
public class MailerStartup {

    /** Before SmallRye's {@code SmallRyeReactiveMessagingLifecycle.onApplicationStart} (priority 1000). */
    static final int BEFORE_MESSAGING = 900;

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MailerConfig config;

    @Inject
    SendLedger ledger;

    @Inject
    PersonKeys keys;

    @Inject
    MeterRegistry registry;

    void onStart(@Observes @Priority(BEFORE_MESSAGING) StartupEvent start) {
        TopicProvisioner.ensureTopics(Map.of("bootstrap.servers", bootstrapServers, "client.id", "mailer-simulator-admin"),
                config.topics().partitions(), config.topics().replicationFactor());
        SentRequestsReader.readInto(ledger, bootstrapServers, config.rebuildTimeout());
        keys.start();
        Gauge.builder("mailer.requests.distinct", ledger, SendLedger::distinctRequests)
                .description("Send requests sent at least once").register(registry);
        Gauge.builder("mailer.requests.sent_more_than_once", ledger, SendLedger::sentMoreThanOnceCount)
                .description("Send requests sent more than once (should stay 0)").register(registry);
        Gauge.builder("mailer.person_keys", keys, PersonKeys::size)
                .description("People's keys held in memory (from people.keys.v1)").register(registry);
    }
}
