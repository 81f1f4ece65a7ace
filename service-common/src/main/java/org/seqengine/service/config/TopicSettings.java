package org.seqengine.service.config;

import io.smallrye.config.WithDefault;

/**
 * How a service creates the topics it needs when they are missing (part of each service's config
 * mapping, e.g. {@code enrollment.topics.partitions}). Every service must create them alike: the
 * topologies co-partition on equal partition counts.
 */
public interface TopicSettings {

    /** Partitions of every topic a service creates: equal across services. */
    @WithDefault("3")
    int partitions();

    @WithDefault("1")
    short replicationFactor();
}
