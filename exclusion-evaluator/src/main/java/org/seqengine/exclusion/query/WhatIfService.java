package org.seqengine.exclusion.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seqengine.exclusion.streams.DomainStores;
import org.seqengine.exclusion.streams.ReferenceStores;
import org.seqengine.exclusion.streams.StoreNames;

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

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore()));
    }
}
