package org.seqengine.schemas.serde.registry;

import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The process-wide choice between the single-object encoding (default) and registry mode, made once:
 * the first {@link RegistryCodecProvider} on the class path that returns a codec switches registry
 * mode on for the life of the process (services resolve it at start-up, see service-common's
 * {@code SchemaRegistryStartup}; anything else on first use).
 */
public final class SchemaRegistryMode {

    private static volatile Optional<RegistryCodec> codec;

    private SchemaRegistryMode() {
    }

    /** The registry codec when registry mode is on; resolved on the first call. */
    public static Optional<RegistryCodec> codec() {
        Optional<RegistryCodec> resolved = codec;
        if (resolved == null) {
            synchronized (SchemaRegistryMode.class) {
                resolved = codec;
                if (resolved == null) {
                    resolved = resolve();
                    codec = resolved;
                }
            }
        }
        return resolved;
    }

    /** Whether topic values are written in the Confluent wire format. */
    public static boolean enabled() {
        return codec().isPresent();
    }

    private static Optional<RegistryCodec> resolve() {
        for (RegistryCodecProvider provider : ServiceLoader.load(RegistryCodecProvider.class,
                RegistryCodecProvider.class.getClassLoader())) {
            Optional<RegistryCodec> made = provider.create();
            if (made.isPresent()) {
                return made;
            }
        }
        return Optional.empty();
    }
}
