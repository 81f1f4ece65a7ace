package org.seqengine.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus series a service serves at {@code /q/metrics}: its own Micrometer meters, read from its
 * source (and service-common's), named as Micrometer's Prometheus registry names them, plus the library
 * meters the dashboard uses. A dashboard query naming anything else shows an empty panel forever.
 */
final class ServiceMetrics {

    /** {@code Counter.builder("mailer.sends")}, {@code Timer.builder(...)}, ... */
    private static final Pattern BUILDER = Pattern.compile("\\b(Counter|Timer|Gauge|DistributionSummary)\\.builder\\(\\s*\"([a-z0-9_.]+)\"");
    /** {@code Metrics.counter("enrollment.commands", ...)}, {@code registry.counter(...)}. */
    private static final Pattern SHORTHAND = Pattern.compile("\\b(?:Metrics|registry)\\.(counter|timer|gauge|summary)\\(\\s*\"([a-z0-9_.]+)\"");
    /** A meter name literal ({@code "http.server.requests"}) in a MeterFilter that gives timers buckets. */
    private static final Pattern METER_NAME = Pattern.compile("\"([a-z]+(?:\\.[a-z_]+)+)\"");

    /**
     * Library meters the dashboard reads, as the packaged services served them at /q/metrics against a real
     * broker (2026-12-07, Quarkus 3.32.1, Kafka clients 4.1.1): Quarkus' HTTP server binder, the Kafka client
     * binder (every consumer, SmallRye's and Kafka Streams'), and Prometheus' own {@code up} of each target.
     */
    private static final Set<String> EVERY_SERVICE = Set.of(
            "up",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            "kafka_consumer_fetch_manager_records_lag_max");
    /** The Kafka Streams binder's thread meters (only where a topology runs). */
    private static final Set<String> KAFKA_STREAMS = Set.of("kafka_stream_thread_commit_latency_avg");

    private ServiceMetrics() {}

    /** Every series name the service serves that the dashboard may use. */
    static Set<String> of(DeployedService service) {
        Set<String> series = new TreeSet<>(EVERY_SERVICE);
        if (service.kafkaStreams()) {
            series.addAll(KAFKA_STREAMS);
        }
        for (Path sources : List.of(service.moduleDirectory().resolve("src/main/java"),
                DeployedService.projectRoot().resolve("service-common/src/main/java"))) {
            series.addAll(ownMeters(sources));
        }
        return series;
    }

    /** The series of the meters registered in these sources. */
    static Set<String> ownMeters(Path sources) {
        Set<String> series = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                if (source.contains("MeterFilter") && source.contains("serviceLevelObjectives")) {
                    Matcher timer = METER_NAME.matcher(source);
                    while (timer.find()) {
                        series.add(timer.group(1).replace('.', '_') + "_seconds_bucket");
                    }
                }
                for (Pattern pattern : List.of(BUILDER, SHORTHAND)) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        series.addAll(prometheusSeries(m.group(1).toLowerCase(Locale.ROOT), m.group(2)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return series;
    }

    /** Micrometer's Prometheus names of one meter: dots become underscores, counters end in _total, timers in seconds. */
    static Set<String> prometheusSeries(String kind, String meterName) {
        String base = meterName.replace('.', '_');
        return switch (kind) {
            case "counter" -> Set.of(base + "_total");
            case "gauge" -> Set.of(base);
            case "timer" -> withHistogram(base + "_seconds");
            case "distributionsummary", "summary" -> withHistogram(base);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static Set<String> withHistogram(String base) {
        return Set.of(base, base + "_count", base + "_sum", base + "_max", base + "_bucket");
    }
}
