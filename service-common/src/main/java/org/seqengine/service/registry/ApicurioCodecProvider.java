package org.seqengine.service.registry;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.seqengine.schemas.serde.registry.RegistryCodec;
import org.seqengine.schemas.serde.registry.RegistryCodecProvider;

/**
 * Switches registry mode on when {@value #URL_PROPERTY} is set (the services' application.properties
 * set it from {@code SCHEMA_REGISTRY_URL}); registered in META-INF/services.
 */
public final class ApicurioCodecProvider implements RegistryCodecProvider {

    public static final String URL_PROPERTY = "seqengine.schema-registry.url";

    @Override
    public Optional<RegistryCodec> create() {
        return ConfigProvider.getConfig().getOptionalValue(URL_PROPERTY, String.class)
                .map(String::strip)
                .filter(url -> !url.isEmpty())
                .map(ApicurioRegistryCodec::new);
    }
}
