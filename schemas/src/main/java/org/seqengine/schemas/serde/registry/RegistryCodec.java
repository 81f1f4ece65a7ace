package org.seqengine.schemas.serde.registry;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the topic serdes need from a schema registry: writing a value in the Confluent wire format
 * (magic byte 0, 4-byte big-endian schema id, Avro binary body) and fetching a writer schema by its id.
 *
 * <p>Implemented by service-common over Apicurio's serde; found through {@link RegistryCodecProvider}.
 * Implementations are thread-safe and cache what they fetch.
 */
public interface RegistryCodec {

    /** The value in the Confluent wire format, under the subject {@code <topic>-value}. */
    byte[] encode(String topic, SpecificRecord value);

    /**
     * The writer schema registered under this id (a registry call the first time, cached after).
     * Throws {@link SchemaRegistryUnavailableException} when the registry does not answer, any other
     * exception when it answers that the id cannot be served.
     */
    Schema schemaById(int id);

    /** Where the registry is, for messages. */
    String registryUrl();
}
