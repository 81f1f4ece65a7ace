package org.seqengine.service.registry;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;
import org.seqengine.schemas.serde.registry.SchemaRegistryMode;

/**
 * Settles the process's encoding before anything writes to Kafka (the first start-up observer) and
 * says which one it is.
 */
@ApplicationScoped
public class SchemaRegistryStartup {

    private static final Logger LOG = Logger.getLogger(SchemaRegistryStartup.class);

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        SchemaRegistryMode.codec().ifPresentOrElse(
                codec -> LOG.infof("schema registry mode: topic values in the Confluent wire format, schemas from %s",
                        codec.registryUrl()),
                () -> LOG.info("schema registry mode off: topic values in Avro single-object encoding"));
    }
}
