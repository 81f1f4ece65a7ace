package org.seqengine.enrollment.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * Histogram buckets on the HTTP server timer ({@code http_server_requests_seconds_bucket}), so a dashboard
 * shows the p50/p99 of command latency, not only its mean and max: a command answers once its outcome is
 * committed, so its latency is what this service's users wait. A dozen fixed buckets from 5 ms up to the
 * 10 s command timeout, not Micrometer's ~70 per route and status.
 */
@Singleton
public class HttpLatencyBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    static final long[] BUCKETS_MS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        double[] bucketsNanos = LongStream.of(BUCKETS_MS).mapToDouble(ms -> Duration.ofMillis(ms).toNanos()).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bucketsNanos).build().merge(config);
            }
        };
    }
}
