package org.seqengine.service.registry;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.resolver.strategy.ArtifactReference;
import io.apicurio.registry.serde.Default4ByteIdHandler;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.IdOption;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.apicurio.registry.serde.kafka.config.KafkaSerdeConfig;
import io.apicurio.registry.serde.strategy.TopicIdStrategy;
import java.util.Map;
import com.microsoft.kiota.ApiException;
import org.apache.avro.Schema;
import org.seqengine.schemas.serde.registry.SchemaRegistryUnavailableException;
import org.apache.avro.specific.SpecificRecord;
import org.seqengine.schemas.serde.registry.RegistryCodec;
import org.seqengine.schemas.serde.registry.RegistryUrls;

/**
 * Registry mode over Apicurio's Avro serde, configured to interoperate with Confluent's: the
 * Confluent wire format (4-byte id, {@link Default4ByteIdHandler}) whose id is the content id (what
 * Apicurio's Confluent-compatible API serves as the schema id), subject {@code <topic>-value}
 * ({@link TopicIdStrategy}), schemas never registered by the services (they are registered from the
 * released history by {@code seqctl schemas register}) and the subject's latest version used to write.
 *
 * <p>Writer schemas are fetched by content id through the same resolver (and cached by it); decoding
 * into the current class is the topic serde's (Avro schema resolution). Thread-safe.
 */
public final class ApicurioRegistryCodec implements RegistryCodec, AutoCloseable {

    private final String url;
    private final AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>();

    /** A codec talking to the Apicurio Registry at {@code setting} (its base URL or an API URL). */
    public ApicurioRegistryCodec(String setting) {
        this.url = RegistryUrls.base(setting);
        serializer.configure(serdeConfig(setting), false);
    }

    /** The serde configuration the services use (see the class comment). */
    public static Map<String, Object> serdeConfig(String setting) {
        return Map.of(
                SchemaResolverConfig.REGISTRY_URL, RegistryUrls.apicurioApi(setting),
                SerdeConfig.AUTO_REGISTER_ARTIFACT, false,
                SerdeConfig.FIND_LATEST_ARTIFACT, true,
                SerdeConfig.ARTIFACT_RESOLVER_STRATEGY, TopicIdStrategy.class.getName(),
                SerdeConfig.ID_HANDLER, Default4ByteIdHandler.class.getName(),
                SerdeConfig.USE_ID, IdOption.contentId.name(),
                KafkaSerdeConfig.ENABLE_HEADERS, false,
                AvroSerdeConfig.AVRO_ENCODING, AvroSerdeConfig.AVRO_ENCODING_BINARY);
    }

    @Override
    public byte[] encode(String topic, SpecificRecord value) {
        return serializer.serialize(topic, value);
    }

    @Override
    public Schema schemaById(int id) {
        try {
            return serializer.getSchemaResolver()
                    .resolveSchemaByArtifactReference(ArtifactReference.fromContentId((long) id))
                    .getParsedSchema().getParsedSchema();
        } catch (RuntimeException e) {
            if (registryRefused(e)) {
                throw e; // it answered: no such id (a record that can never be read)
            }
            throw new SchemaRegistryUnavailableException("the schema registry at " + url + " did not serve schema id "
                    + id + ": " + e, e);
        }
    }

    /** Whether the registry answered with a client error (4xx: e.g. no such id), as opposed to not answering. */
    static boolean registryRefused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api && api.getResponseStatusCode() >= 400 && api.getResponseStatusCode() < 500) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String registryUrl() {
        return url;
    }

    @Override
    public void close() {
        serializer.close();
    }
}
