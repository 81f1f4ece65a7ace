package org.seqengine.service.config;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The configured API keys, parsed once at start-up: a malformed {@code ENROLLMENT_API_KEYS} stops
 * the service with a message naming the entry (never the secret), instead of failing every request.
 */
@Startup
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Logger LOG = Logger.getLogger(ApiKeyRegistry.class);

    private final ApiKeys keys;

    @Inject
    public ApiKeyRegistry(ApiEdgeConfig config) {
        this.keys = ApiKeys.parse(config.apiKeys().orElse(""));
        if (keys.size() == 0) {
            LOG.warn("No API keys configured (ENROLLMENT_API_KEYS): every API call will answer 401");
        } else {
            LOG.infof("%d API key(s) configured", keys.size());
        }
    }

    public Optional<String> organizationOf(String presentedKey) {
        return keys.organizationOf(presentedKey);
    }
}
