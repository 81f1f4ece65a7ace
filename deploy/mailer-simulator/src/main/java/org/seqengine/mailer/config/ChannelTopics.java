package org.seqengine.mailer.config;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.seqengine.schemas.Topics;

/**
 * The topics of the SmallRye channels, from the schemas' registry (the only place topic names are written), as
 * configuration of the lowest usual ordinal: application.properties or an env variable can still override them.
 * Registered in META-INF/services.
 */
public class ChannelTopics implements ConfigSource {

    public static final String SEND_REQUESTS = "send-requests";
    public static final String DELIVERY_RESULTS = "delivery-results";

    private static final Map<String, String> TOPICS = Map.of(
            "mp.messaging.incoming." + SEND_REQUESTS + ".topic", Topics.SEND_REQUESTS.name(),
            "mp.messaging.outgoing." + DELIVERY_RESULTS + ".topic", Topics.DELIVERY_RESULTS.name());

    @Override
    public Set<String> getPropertyNames() {
        return TOPICS.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return TOPICS.get(propertyName);
    }

    @Override
    public String getName() {
        return "mailer-channel-topics";
    }

    @Override
    public int getOrdinal() {
        return 100;
    }
}
