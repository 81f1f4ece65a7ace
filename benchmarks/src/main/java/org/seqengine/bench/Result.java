package org.seqengine.bench;

import java.util.LinkedHashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * One row of the results table. Latencies in milliseconds (null when the row measures throughput
 * only); throughput in operations per second; memory of the service process in MiB.
 */
public record Result(String scenario, String variant, long size, Double throughput, Double p50Ms, Double p99Ms,
                     Double p999Ms, Double maxMs, Long errors, Double seconds, Double peakHeapMb, Double peakRssMb,
                     Map<String, Object> extra) {

    public static Result throughput(String scenario, String variant, long size, double perSecond, double seconds,
                                    Double peakHeapMb, Double peakRssMb) {
        return new Result(scenario, variant, size, perSecond, null, null, null, null, null, seconds, peakHeapMb,
                peakRssMb, new LinkedHashMap<>());
    }

    public static Result latency(String scenario, String variant, OpenLoad.Outcome o, Double peakHeapMb, Double peakRssMb) {
        Histogram h = o.latencyMicros();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("statuses", o.statuses());
        return new Result(scenario, variant, o.sent(), o.throughput(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0,
                o.errors(), o.seconds(), peakHeapMb, peakRssMb, extra);
    }

    /**
     * A latency row from latencies (µs) observed elsewhere than in an HTTP answer, e.g. from a
     * request's intended time to an event on a topic; {@code p90_ms} goes into the extras.
     */
    public static Result latency(String scenario, String variant, long size, Histogram micros, double perSecond,
                                 long errors, double seconds, Double peakHeapMb, Double peakRssMb) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("p90_ms", micros.getValueAtPercentile(90) / 1000.0);
        return new Result(scenario, variant, size, perSecond, micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0, micros.getValueAtPercentile(99.9) / 1000.0,
                micros.getMaxValue() / 1000.0, errors, seconds, peakHeapMb, peakRssMb, extra);
    }

    /** Rows are matched across runs by this key in {@code --compare}. */
    public String key() {
        return scenario + " | " + variant;
    }

    public Result withExtra(String name, Object value) {
        Map<String, Object> e = new LinkedHashMap<>(extra == null ? Map.of() : extra);
        e.put(name, value);
        return new Result(scenario, variant, size, throughput, p50Ms, p99Ms, p999Ms, maxMs, errors, seconds,
                peakHeapMb, peakRssMb, e);
    }
}
