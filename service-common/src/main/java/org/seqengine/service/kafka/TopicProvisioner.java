package org.seqengine.service.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.seqengine.schemas.Topic;
import org.seqengine.schemas.Topics;

/**
 * Creates every topic of the registry (and the DLQs) that does not exist yet, before the topology
 * starts. Compacted topics get {@code cleanup.policy=compact} and a bound on how long an overwritten
 * or tombstoned value may stay in the log ({@link #MAX_COMPACTION_LAG}: an erased person's record is
 * gone from the bytes within it); the event log keeps everything.
 */
public final class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    /** {@code max.compaction.lag.ms} of compacted topics: 7 days. */
    public static final String MAX_COMPACTION_LAG = String.valueOf(java.time.Duration.ofDays(7).toMillis());

    private TopicProvisioner() {}

    public static void ensureTopics(Map<String, Object> adminConfig, int partitions, short replicationFactor) {
        try (Admin admin = Admin.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : Topics.all()) {
                if (!existing.contains(topic.name())) {
                    missing.add(newTopic(topic.name(), partitions, replicationFactor, topic.compacted(), topic == Topics.EVENTS));
                }
                if (!existing.contains(topic.dlqName())) {
                    missing.add(newTopic(topic.dlqName(), 1, replicationFactor, false, false));
                }
            }
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                    LOG.infof("created topic %s (%d partitions)", topic.name(), topic.numPartitions());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) throw e;
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create the topics on " + adminConfig.get("bootstrap.servers"), e);
        }
    }

    private static NewTopic newTopic(String name, int partitions, short rf, boolean compacted, boolean keepForever) {
        NewTopic topic = new NewTopic(name, partitions, rf);
        if (compacted) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, MAX_COMPACTION_LAG));
        } else if (keepForever) {
            topic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        }
        return topic;
    }
}
