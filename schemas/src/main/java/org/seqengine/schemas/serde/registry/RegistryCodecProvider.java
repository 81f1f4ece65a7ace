package org.seqengine.schemas.serde.registry;

import java.util.Optional;

/**
 * Makes the process's {@link RegistryCodec} when registry mode is configured (a
 * {@link java.util.ServiceLoader} service: service-common provides one that reads
 * {@code seqengine.schema-registry.url}). Empty when registry mode is off.
 */
public interface RegistryCodecProvider {

    Optional<RegistryCodec> create();
}
