package org.seqengine.enrollment.kafka;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One {@link TransactionalSender} per use on this instance (bulk jobs, exclusion lists), created on
 * first use and closed at shutdown. The transactional id is {@code enrollment-<use>-<advertised address>}.
 */
@ApplicationScoped
public class TransactionalSenders {

    @Inject
    KafkaClients clients;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    private final Map<String, TransactionalSender> senders = new ConcurrentHashMap<>();

    public TransactionalSender forUse(String use) {
        return senders.computeIfAbsent(use, u -> new TransactionalSender(clients.base("enrollment-" + u),
                "enrollment-" + u + "-" + applicationServer));
    }

    void stop(@Observes ShutdownEvent ignored) {
        senders.values().forEach(TransactionalSender::close);
    }
}
