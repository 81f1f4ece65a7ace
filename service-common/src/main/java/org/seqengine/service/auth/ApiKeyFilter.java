package org.seqengine.service.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.seqengine.service.config.ApiKeyRegistry;
import org.seqengine.service.config.InternalToken;
import org.seqengine.service.error.ApiException;
import org.seqengine.service.error.FieldError;

/**
 * Authenticates every API call by its {@code x-api-key} header (401 otherwise) and applies the
 * per-key rate limit (429 with Retry-After); checks the optional {@code X-Actor} header (400 naming it). The key itself is never logged or stored; the rate
 * limiter is keyed by its SHA-256.
 */
public class ApiKeyFilter {

    public static final String HEADER = "x-api-key";
    /** Optional: who acts on behalf of the key's organization (a user id, a service name). */
    public static final String ACTOR_HEADER = "X-Actor";
    private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9._@:+\\-]{1,128}");

    @Inject
    ApiKeyRegistry apiKeys;

    @Inject
    Caller caller;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    InternalToken internalToken;

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if ((path.startsWith("/") ? path.substring(1) : path).startsWith("internal/")) {
            // Instance-to-instance reads: the cluster's token, never an API key; not rate limited.
            return internalToken.matches(request.getHeaderString(InternalToken.HEADER)) ? Optional.empty()
                    : Optional.of(ApiException.unauthorized().toResponse());
        }
        String key = request.getHeaderString(HEADER);
        Optional<String> org = apiKeys.organizationOf(key);
        if (org.isEmpty()) {
            return Optional.of(ApiException.unauthorized().toResponse());
        }
        OptionalLong retryAfter = rateLimiter.tryAcquire(sha256(key));
        if (retryAfter.isPresent()) {
            return Optional.of(Response.status(429)
                    .header("Retry-After", retryAfter.getAsLong())
                    .entity(Map.of("status", "rate_limited", "message", "Rate limit exceeded; retry after "
                            + retryAfter.getAsLong() + " s."))
                    .type("application/json").build());
        }
        String actor = request.getHeaderString(ACTOR_HEADER);
        if (actor != null && !ACTOR.matcher(actor).matches()) {
            return Optional.of(ApiException.badRequest(FieldError.of("invalid_actor",
                    "X-Actor must be 1 to 128 characters: letters, digits and . _ @ : + -", ACTOR_HEADER)).toResponse());
        }
        caller.authenticate(org.get(), actor);
        return Optional.empty();
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
