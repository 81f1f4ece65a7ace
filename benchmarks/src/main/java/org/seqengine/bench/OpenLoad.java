package org.seqengine.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongFunction;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop load at a fixed rate, as wrk2 and Gatling do: request {@code i} is due at
 * {@code start + i / rate} and is sent then whether or not earlier requests have answered. Its
 * latency is measured from that intended time, not from when it was actually sent, so a stalled
 * server is charged for every request that queued behind the stall (no coordinated omission).
 */
public final class OpenLoad {

    /** What one run measured: latencies (µs) from intended start to response, by status. */
    public record Outcome(Histogram latencyMicros, long sent, long answered, Map<Integer, Long> statuses,
                          long failures, double seconds) {
        public double throughput() {
            return answered / seconds;
        }

        public long errors() {
            long non2xx = statuses.entrySet().stream().filter(e -> e.getKey() / 100 != 2).mapToLong(Map.Entry::getValue).sum();
            return non2xx + failures;
        }
    }

    /** Builds request {@code i}, due at {@code intendedNanos} ({@link System#nanoTime()} scale). */
    @FunctionalInterface
    public interface TimedRequest {
        HttpRequest build(long i, long intendedNanos);
    }

    private final HttpClient client;

    public OpenLoad(HttpClient client) {
        this.client = client;
    }

    /**
     * Sends {@code rate × duration} requests; {@code request.apply(i)} builds request i. Waits for
     * the last answer (bounded by each request's own timeout) before returning.
     */
    public Outcome run(double rate, Duration duration, LongFunction<HttpRequest> request) throws InterruptedException {
        return run(rate, duration, request, response -> { });
    }

    /** As {@link #run(double, Duration, LongFunction)}, and {@code onResponse} sees every response (e.g. its headers). */
    public Outcome run(double rate, Duration duration, LongFunction<HttpRequest> request,
                       Consumer<HttpResponse<Void>> onResponse) throws InterruptedException {
        return runTimed(rate, duration, (i, intended) -> request.apply(i), onResponse);
    }

    /**
     * As {@link #run(double, Duration, LongFunction, Consumer)}, and the request builder learns each
     * request's intended time, so effects observed elsewhere (e.g. an event on a topic) can be
     * timed from it too.
     */
    public Outcome runTimed(double rate, Duration duration, TimedRequest request,
                       Consumer<HttpResponse<Void>> onResponse) throws InterruptedException {
        long total = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        long intervalNanos = Math.round(1e9 / rate);
        Recorder recorder = new Recorder(3);
        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        AtomicLong answered = new AtomicLong();
        CountDownLatch done = new CountDownLatch((int) total);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (long i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            HttpRequest r = request.build(i, intended);
            client.sendAsync(r, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                long latency = (System.nanoTime() - intended) / 1000;
                recorder.recordValue(Math.max(1, latency));
                if (error != null) {
                    failures.incrementAndGet();
                } else {
                    answered.incrementAndGet();
                    statuses.merge(response.statusCode(), 1L, Long::sum);
                    onResponse.accept(response);
                }
                done.countDown();
            });
        }
        done.await(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Outcome(recorder.getIntervalHistogram(), total, answered.get(), Map.copyOf(statuses), failures.get(), seconds);
    }
}
