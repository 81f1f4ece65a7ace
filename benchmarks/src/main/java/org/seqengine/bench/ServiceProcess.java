package org.seqengine.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A packaged Quarkus service ({@code <module>/target/quarkus-app/quarkus-run.jar}: enrollment-service
 * or exclusion-evaluator) as a separate process, configured by the environment variables both
 * document ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code ENROLLMENT_API_KEYS}, {@code QUARKUS_HTTP_PORT},
 * {@code ENROLLMENT_STATE_DIR}, ...). Samples its heap (from {@code /q/metrics}) and reads its peak
 * RSS ({@code VmHWM} of {@code /proc/<pid>/status}) while it runs.
 */
public final class ServiceProcess implements AutoCloseable {

    public static final String ORG = "bench-org";
    public static final String API_KEY = "bench-key-0123456789";

    private static final Pattern HEAP_USED = Pattern.compile(
            "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+-]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How to start it; every run of one scenario uses the same builder with other ports/dirs. */
    public record Settings(Path jar, String bootstrap, Path stateDir, Path log, List<String> jvmArgs,
                           Map<String, String> env) {
        public Settings with(List<String> moreJvmArgs, Map<String, String> moreEnv) {
            List<String> args = new ArrayList<>(jvmArgs);
            args.addAll(moreJvmArgs);
            Map<String, String> e = new LinkedHashMap<>(env);
            e.putAll(moreEnv);
            return new Settings(jar, bootstrap, stateDir, log, args, e);
        }

        public Settings log(Path newLog) {
            return new Settings(jar, bootstrap, stateDir, newLog, jvmArgs, env);
        }

        /** The service's name: its module directory ({@code enrollment-service/target/quarkus-app/quarkus-run.jar}). */
        public String name() {
            Path module = jar.toAbsolutePath().normalize().getParent();
            for (int up = 0; up < 2 && module != null && module.getParent() != null; up++) {
                module = module.getParent();
            }
            return module == null || module.getFileName() == null ? jar.getFileName().toString() : module.getFileName().toString();
        }

        public static Settings of(Path jar, String bootstrap, Path stateDir, Path log) {
            List<String> jvm = new ArrayList<>();
            String extra = System.getenv("SERVICE_JAVA_OPTS");
            if (extra != null && !extra.isBlank()) {
                jvm.addAll(List.of(extra.trim().split("\\s+")));
            }
            return new Settings(jar, bootstrap, stateDir, log, jvm, Map.of());
        }
    }

    private final Process process;
    private final int port;
    private final Settings settings;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "service-sampler");
        t.setDaemon(true);
        return t;
    });
    private volatile double peakHeapBytes;
    private volatile long peakRssKb;
    private final List<double[]> heapOverTime = new ArrayList<>();
    private final long startedNanos = System.nanoTime();

    private ServiceProcess(Process process, int port, Settings settings) {
        this.process = process;
        this.port = port;
        this.settings = settings;
    }

    public static ServiceProcess start(Settings s) throws IOException {
        int port = Ports.free();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(s.jvmArgs());
        cmd.add("-jar");
        cmd.add(s.jar().toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Map<String, String> env = pb.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", s.bootstrap());
        env.put("ENROLLMENT_API_KEYS", ORG + ":" + API_KEY);
        env.put("ENROLLMENT_RATE_LIMIT_REQUESTS", "1000000000");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("ENROLLMENT_STATE_DIR", s.stateDir().toAbsolutePath().toString());
        env.putAll(s.env());
        Files.createDirectories(s.log().getParent());
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(s.log().toFile()));
        ServiceProcess service = new ServiceProcess(pb.start(), port, s);
        service.sampler.scheduleAtFixedRate(service::sample, 1, 1, TimeUnit.SECONDS);
        return service;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Settings settings() {
        return settings;
    }

    /** Waits until {@code /q/health/ready} answers 200 (Kafka Streams RUNNING); returns the seconds it took. */
    public double awaitReady(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(settings.name() + " exited (" + process.exitValue() + "); see " + settings.log());
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(settings.name() + " not ready within " + timeout.toSeconds() + " s; see " + settings.log());
    }

    private void sample() {
        try {
            long rss = readStatusKb("VmHWM");
            if (rss > peakRssKb) {
                peakRssKb = rss;
            }
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/metrics"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = HEAP_USED.matcher(r.body());
            double heap = 0;
            while (m.find()) {
                heap += Double.parseDouble(m.group(1));
            }
            if (heap > 0) {
                if (heap > peakHeapBytes) {
                    peakHeapBytes = heap;
                }
                synchronized (heapOverTime) {
                    heapOverTime.add(new double[] {(System.nanoTime() - startedNanos) / 1e9, heap});
                }
            }
        } catch (IOException | RuntimeException e) {
            // starting or stopping: no sample this second
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long readStatusKb(String field) throws IOException {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }

    /** Peak heap used, MiB (sampled once a second from /q/metrics). */
    public double peakHeapMb() {
        return peakHeapBytes / (1024.0 * 1024.0);
    }

    /** Peak resident set size, MiB (the kernel's high-water mark). */
    public double peakRssMb() {
        return peakRssKb / 1024.0;
    }

    /** (seconds since start, heap bytes) samples. */
    public List<double[]> heapOverTime() {
        synchronized (heapOverTime) {
            return List.copyOf(heapOverTime);
        }
    }

    /** SIGKILL, as a crash. */
    public void kill9() throws InterruptedException {
        sample();
        sampler.shutdownNow();
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and wait (SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        sample();
        sampler.shutdownNow();
        stop(process, Duration.ofSeconds(30));
    }

    static void stop(Process process, Duration timeout) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
