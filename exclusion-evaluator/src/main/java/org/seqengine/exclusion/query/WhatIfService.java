package org.seqengine.exclusion.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.exclusion.streams.DomainStores;
import org.seqengine.exclusion.streams.ReferenceStores;
import org.seqengine.exclusion.streams.StoreNames;
import org.seqengine.schemas.Topics;

/**
 * What-if over this instance's local stores (the domains of its tasks). A caller that serves the
 * whole cluster asks every instance and {@link WhatIfResult#merge}s the answers. Throws Kafka
 * Streams' {@code InvalidStateStoreException} while the stores are not queryable (rebalancing):
 * answer 503 and let the client retry.
 */
@ApplicationScoped
public class WhatIfService {

    @Inject
    KafkaStreams streams;

    public WhatIfResult local(WhatIfRequest request) {
        DomainStores domains = new DomainStores(store(StoreNames.DOMAIN_PEOPLE), store(StoreNames.DOMAIN_RECORDS),
                store(StoreNames.DOMAIN_LISTS));
        ReferenceStores reference = new ReferenceStores(store(StoreNames.EXCLUSION_RULES), store(StoreNames.RULESETS),
                store(StoreNames.SEQUENCES));
        return new WhatIf(domains, store(StoreNames.DOMAIN_RESULTS), reference).compute(request, Instant.now());
    }

    /**
     * This instance's share with the domain-stage partitions it covers. Only while Streams is RUNNING
     * and the partitions did not move during the computation; else {@code InvalidStateStoreException}
     * (a rebalance: a partition could be counted by two instances or by none).
     */
    public LocalWhatIf localShare(WhatIfRequest request) {
        requireRunning();
        Set<Integer> before = domainPartitions();
        WhatIfResult result = local(request);
        requireRunning();
        if (!before.equals(domainPartitions())) {
            throw new InvalidStateStoreException("the domain-stage partitions moved during the what-if");
        }
        return new LocalWhatIf(result, before);
    }

    /**
     * The partitions of the domain stage's active tasks here: those of {@code crm.company-changes.v1},
     * a source of that sub-topology (so its partition numbers are the domain tasks').
     */
    public Set<Integer> domainPartitions() {
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                task.topicPartitions().stream().filter(tp -> tp.topic().equals(Topics.CRM_COMPANY_CHANGES.name()))
                        .forEach(tp -> partitions.add(tp.partition()));
            }
        }
        return partitions;
    }

    private void requireRunning() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new InvalidStateStoreException("Kafka Streams is " + streams.state());
        }
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
