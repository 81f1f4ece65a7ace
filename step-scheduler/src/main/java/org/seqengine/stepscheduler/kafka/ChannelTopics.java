package org.seqengine.stepscheduler.kafka;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.seqengine.schemas.Topics;

/**
 * The topics of the SmallRye channels, from the topic registry (topic names are written only in
 * {@link Topics}). Ordinal below application.properties, which could still override them.
 */
public class ChannelTopics implements ConfigSource {

    private static final Map<String, String> TOPICS = Map.of(
            "mp.messaging.incoming." + DeliveryResultBridge.INCOMING + ".topic", Topics.DELIVERY_RESULTS.name(),
            "mp.messaging.outgoing." + DeliveryResultBridge.OUTGOING + ".topic", Topics.COMMANDS.name());

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
        return "step-scheduler-channel-topics";
    }

    @Override
    public int getOrdinal() {
        return 200;
    }
}
