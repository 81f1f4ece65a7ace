package org.seqengine.service.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The secret instances of one cluster present to each other on {@code /internal/v1}. Set
 * {@code enrollment.cluster.internal-token}; unset, it is derived from the API-key configuration,
 * which every instance of a cluster shares (and which is itself secret).
 */
@ApplicationScoped
public class InternalToken {

    /** The header an instance presents the token in. */
    public static final String HEADER = "x-internal-token";

    @Inject
    ApiEdgeConfig config;

    private volatile String value;

    public String value() {
        if (value == null) {
            value = config.cluster().internalToken().filter(t -> !t.isBlank())
                    .orElseGet(() -> sha256("internal-token/" + config.apiKeys().orElse("")));
        }
        return value;
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
