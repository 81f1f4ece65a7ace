package org.seqengine.enrollment.query;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.service.cluster.InstanceClient;
import org.seqengine.service.error.ApiException;

/**
 * Where a key lives in the cluster, and the HTTP hop to the instance that owns it. Every instance
 * advertises {@code application.server} (its reachable host:port, from configuration); Kafka
 * Streams' metadata maps each key and store to the owning instance. Calls between instances go to
 * {@code /internal/v1/...} with the cluster's internal token ({@link InstanceClient}).
 */
@ApplicationScoped
public class ClusterRouter {

    private static final Duration PATIENCE = InstanceClient.PATIENCE;

    @Inject
    KafkaStreams streams;

    @Inject
    InstanceClient instances;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    public HostInfo self() {
        return HostInfo.buildFromEndpoint(applicationServer);
    }

    public boolean isSelf(HostInfo host) {
        return self().equals(host);
    }

    /** The active owner of {@code key} in {@code store}; waits out a rebalance for a few seconds, then 503. */
    public KeyQueryMetadata owner(String store, String key) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            KeyQueryMetadata md = streams.queryMetadataForKey(store, key, new StringSerializer());
            if (md != null && md != KeyQueryMetadata.NOT_AVAILABLE && md.activeHost() != null
                    && md.activeHost().port() >= 0) {
                return md;
            }
            pause(deadline);
        }
    }

    /** Every instance that holds a partition of {@code store}, this one included when it does. */
    public List<HostInfo> hosts(String store) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<HostInfo> hosts = streams.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                    .distinct().toList();
            if (!hosts.isEmpty()) return hosts;
            pause(deadline);
        }
    }

    /** Every instance of the application (for reads that must ask all of them). */
    public List<HostInfo> allHosts() {
        try {
            return streams.metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo).distinct().toList();
        } catch (org.apache.kafka.streams.errors.StreamsNotStartedException e) {
            return List.of(self());
        }
    }

    /** The partitions of {@code sourceTopic} whose tasks (and stores) this instance runs. */
    public List<Integer> localPartitions(String store, String sourceTopic) {
        List<Integer> partitions = new ArrayList<>();
        for (StreamsMetadata md : streams.streamsMetadataForStore(store)) {
            if (isSelf(md.hostInfo())) {
                for (TopicPartition tp : md.topicPartitions()) {
                    if (tp.topic().equals(sourceTopic)) partitions.add(tp.partition());
                }
            }
        }
        return partitions;
    }

    /** GET on another instance; empty on 404. */
    public Optional<JsonNode> get(HostInfo host, String path, Map<String, String> query) {
        return instances.get(host, path, query);
    }

    public Optional<JsonNode> post(HostInfo host, String path, Object body) {
        return instances.post(host, path, body);
    }

    private static void pause(long deadline) {
        if (System.nanoTime() > deadline) {
            throw ApiException.unavailable("The cluster is rebalancing; retry shortly.");
        }
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted.");
        }
    }
}
