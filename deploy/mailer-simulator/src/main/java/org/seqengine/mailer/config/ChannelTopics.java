package org.seqengine.mailer.config;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;
import org.seqengine.schemas.Topics;

/**
 * The topics of the SmallRye channels, from the schemas' registry (the only place topic names are written), as
 * configuration of the lowest usual ordinal: application.properties or an env variable can still override them.
 * Registered in META-INF/services.
 */
public class ChannelTopics extends MapBackedConfigSource {

    public static final String SEND_REQUESTS = "send-requests";
    public static final String DELIVERY_RESULTS = "delivery-results";

    public ChannelTopics() {
        super("mailer-channel-topics", Map.of(
                "mp.messaging.incoming." + SEND_REQUESTS + ".topic", Topics.SEND_REQUESTS.name(),
                "mp.messaging.outgoing." + DELIVERY_RESULTS + ".topic", Topics.DELIVERY_RESULTS.name()), 100);
    }
}
