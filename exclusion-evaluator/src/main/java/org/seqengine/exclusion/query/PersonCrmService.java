package org.seqengine.exclusion.query;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.seqengine.exclusion.api.dto.PersonCrm;
import org.seqengine.exclusion.domain.PersonFacts;
import org.seqengine.exclusion.streams.StoreNames;
import org.seqengine.schemas.Keys;
import org.seqengine.service.cluster.InstanceClient;
import org.seqengine.service.error.ApiException;

/**
 * A person's CRM records, read where the person stage keeps them: the instance whose task owns the person's partition
 * of {@code person-facts} (Kafka Streams metadata); another instance is asked over {@code /internal/v1}.
 */
@ApplicationScoped
public class PersonCrmService {

    public static final String INTERNAL_PATH = "/internal/v1/person-crm";

    @Inject
    KafkaStreams streams;

    @Inject
    InstanceClient instances;

    @ConfigProperty(name = "quarkus.kafka-streams.application-server")
    String applicationServer;

    public PersonCrm find(String orgId, String personId) {
        return instances.fromOwner(streams, StoreNames.PERSON_FACTS, Keys.of(orgId, personId),
                        HostInfo.buildFromEndpoint(applicationServer), () -> local(orgId, personId), INTERNAL_PATH,
                        Map.of("org_id", orgId, "person_id", personId), PersonCrm.class)
                .orElseThrow(() -> notFound(personId));
    }

    /** This instance's answer; empty when it holds no CRM record of the person (none, or another instance's). */
    public Optional<PersonCrm> local(String orgId, String personId) {
        ReadOnlyKeyValueStore<String, PersonFacts> facts = streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.PERSON_FACTS, QueryableStoreTypes.<String, PersonFacts>keyValueStore()));
        return Optional.ofNullable(PersonCrm.of(facts.get(Keys.of(orgId, personId))));
    }

    private static ApiException notFound(String personId) {
        return ApiException.notFound("The evaluator holds no CRM record of person " + personId + ".");
    }
}
