package org.seqengine.enrollment.crm;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.seqengine.enrollment.kafka.KafkaClients;
import org.seqengine.enrollment.kafka.KafkaTopics;

/**
 * Runs {@link CrmOptOutTopology} as its own Kafka Streams application
 * ({@code <application-id>-crm-opt-out}, exactly-once), next to the decider; ready while RUNNING.
 */
@Readiness
@ApplicationScoped
public class CrmOptOutStreams implements HealthCheck {

    @Inject
    KafkaClients clients;

    @Inject
    KafkaTopics topics;

    @ConfigProperty(name = "quarkus.kafka-streams.application-id")
    String applicationId;

    @ConfigProperty(name = "kafka-streams.state.dir")
    String stateDir;

    private KafkaStreams streams;

    void start(@Observes StartupEvent event) {
        topics.ensureCreated();
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId + "-crm-opt-out");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, clients.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir + "-crm-opt-out");
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 10_000);
        // undecodable people records are dead-lettered by the decider's application, which reads them too
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        streams = new KafkaStreams(CrmOptOutTopology.build(), props);
        streams.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (streams != null) {
            streams.close(Duration.ofSeconds(10));
        }
    }

    @Override
    public HealthCheckResponse call() {
        KafkaStreams.State state = streams == null ? null : streams.state();
        return HealthCheckResponse.named("crm-opt-out-flag")
                .status(state == KafkaStreams.State.RUNNING)
                .withData("state", state == null ? "NOT_STARTED" : state.name())
                .build();
    }
}
