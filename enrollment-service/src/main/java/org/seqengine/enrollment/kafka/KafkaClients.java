package org.seqengine.enrollment.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The connection settings shared by the service's own producers, consumers and admin client. */
@ApplicationScoped
public class KafkaClients {

    @Inject
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    public Map<String, Object> base(String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("client.id", clientId);
        return props;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }
}
