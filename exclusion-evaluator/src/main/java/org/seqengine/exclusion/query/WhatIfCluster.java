package org.seqengine.exclusion.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.exclusion.api.dto.WhatIfBody;
import org.seqengine.exclusion.query.InternalWhatIfResource.ShareRequest;
import org.seqengine.exclusion.streams.StoreNames;
import org.seqengine.schemas.Topics;
import org.seqengine.service.cluster.InstanceClient;
import org.seqengine.service.error.ApiException;

/**
 * What-if over the whole cluster: this instance's share plus every other instance's that hosts the
 * domain stage (Kafka Streams metadata, {@code application.server}), asked over {@code /internal/v1/what-if},
 * then merged. The answer counts only if the shares cover every domain-stage partition exactly once;
 * otherwise (a rebalance moved partitions) it is a 503 and the client retries.
 */
@ApplicationScoped
public class WhatIfCluster {

    @Inject
    KafkaStreams streams;

    @Inject
    WhatIfService whatIf;

    @Inject
    InstanceClient instances;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    public WhatIfResult compute(String orgId, String ruleId, WhatIfBody rule) {
        List<StreamsMetadata> hosts = domainHosts();
        Set<Integer> expected = new TreeSet<>();
        hosts.forEach(h -> h.topicPartitions().stream()
                .filter(tp -> tp.topic().equals(Topics.CRM_COMPANY_CHANGES.name()))
                .forEach(tp -> expected.add(tp.partition())));
        HostInfo self = HostInfo.buildFromEndpoint(applicationServer);
        List<LocalWhatIf> shares = new ArrayList<>();
        for (StreamsMetadata host : hosts) {
            shares.add(host.hostInfo().equals(self) ? whatIf.localShare(rule.toRequest(orgId, ruleId))
                    : remote(host.hostInfo(), new ShareRequest(orgId, ruleId, rule)));
        }
        return merge(expected, shares);
    }

    /** The shares merged, if they cover {@code expected} partitions exactly once; else a rebalance moved some. */
    static WhatIfResult merge(Set<Integer> expected, List<LocalWhatIf> shares) {
        WhatIfResult merged = WhatIfResult.empty();
        Set<Integer> covered = new TreeSet<>();
        for (LocalWhatIf share : shares) {
            for (Integer p : share.partitions()) {
                if (!covered.add(p)) throw rebalancing();
            }
            merged = merged.merge(share.result());
        }
        if (expected.isEmpty() || !covered.equals(expected)) throw rebalancing();
        return merged;
    }

    /** The instances hosting the domain stage; none known yet (starting, rebalancing) is a 503. */
    private List<StreamsMetadata> domainHosts() {
        if (streams.state() != KafkaStreams.State.RUNNING) throw rebalancing();
        List<StreamsMetadata> hosts = List.copyOf(streams.streamsMetadataForStore(StoreNames.DOMAIN_PEOPLE));
        if (hosts.isEmpty()) throw rebalancing();
        return hosts;
    }

    private LocalWhatIf remote(HostInfo host, ShareRequest request) {
        JsonNode answer = instances.post(host, "/internal/v1/what-if", request)
                .orElseThrow(() -> ApiException.unavailable("Another instance could not answer; retry shortly."));
        try {
            return json.treeToValue(answer, LocalWhatIf.class);
        } catch (JsonProcessingException e) {
            throw ApiException.unavailable("Another instance answered in an unexpected form; retry shortly.");
        }
    }

    private static InvalidStateStoreException rebalancing() {
        return new InvalidStateStoreException("the evaluator's partitions are moving (starting or rebalancing)");
    }
}
