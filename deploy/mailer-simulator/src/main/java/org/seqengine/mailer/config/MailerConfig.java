package org.seqengine.mailer.config;

import org.seqengine.service.config.TopicSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the mailer simulator (prefix {@code mailer.}). Kafka: {@code kafka.bootstrap.servers}
 * (KAFKA_BOOTSTRAP_SERVERS); the API key edge of {@code GET /mailer/sends} is the shared ENROLLMENT_API_KEYS.
 */
@ConfigMapping(prefix = "mailer")
public interface MailerConfig {

    /** How long start-up may take to read the delivery results back (rebuilding which requests were sent). */
    @WithDefault("120S")
    Duration rebuildTimeout();

    /**
     * How long a batch may wait for the key of a sealed send request to be read from people.keys.v1 (it is written
     * with or before the request); then the request goes to the DLQ.
     */
    @WithDefault("30S")
    Duration keyWait();

    TopicSettings topics();
}
