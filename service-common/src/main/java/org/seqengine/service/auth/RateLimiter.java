package org.seqengine.service.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.seqengine.service.config.ApiEdgeConfig;

/** A token bucket per API key (Bucket4j): {@code requests} per {@code period}, refilled greedily. */
@ApplicationScoped
public class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bandwidth limit;

    @Inject
    public RateLimiter(ApiEdgeConfig config) {
        long requests = config.rateLimit().requests();
        this.limit = Bandwidth.builder().capacity(requests).refillGreedy(requests, config.rateLimit().period()).build();
    }

    /** Empty when the request may go ahead, else the seconds to wait before retrying. */
    public OptionalLong tryAcquire(String keyId) {
        Bucket bucket = buckets.computeIfAbsent(keyId, k -> Bucket.builder().addLimit(limit).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return OptionalLong.of(seconds);
    }
}
