package org.seqengine.stepscheduler.kafka;

import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;
import org.seqengine.schemas.Topics;

/**
 * The topics of the SmallRye channels, from the topic registry (topic names are written only in
 * {@link Topics}). Ordinal below application.properties, which could still override them.
 */
public class ChannelTopics extends MapBackedConfigSource {

    public ChannelTopics() {
        super("step-scheduler-channel-topics", Map.of(
                "mp.messaging.incoming." + DeliveryResultBridge.INCOMING + ".topic", Topics.DELIVERY_RESULTS.name(),
                "mp.messaging.outgoing." + DeliveryResultBridge.OUTGOING + ".topic", Topics.COMMANDS.name()), 200);
    }
}
