package org.seqengine.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The results table: printed, written as JSON, and compared with another run's JSON. */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public record Run(String at, Map<String, Object> machine, List<Result> results) {
    }

    private Report() {
    }

    public static Map<String, Object> machine(boolean quick) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("memory_mb", ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024));
        m.put("load_average_at_start", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("mode", quick ? "quick" : "full");
        String opts = System.getenv("SERVICE_JAVA_OPTS");
        m.put("service_java_opts", opts == null ? "" : opts);
        String evaluatorOpts = System.getenv("EVALUATOR_JAVA_OPTS");
        if (evaluatorOpts != null && !evaluatorOpts.isBlank()) {
            m.put("evaluator_java_opts", evaluatorOpts);
        }
        String schedulerOpts = System.getenv("SCHEDULER_JAVA_OPTS");
        if (schedulerOpts != null && !schedulerOpts.isBlank()) {
            m.put("scheduler_java_opts", schedulerOpts);
        }
        m.put("service_settings", "as packaged (application.properties) unless the variant says otherwise");
        return m;
    }

    public static void write(Run run, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        JSON.writeValue(file.toFile(), run);
    }

    public static Run read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Run.class);
    }

    public static void print(Run run, PrintStream out) {
        out.println();
        out.println("machine: " + run.machine());
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario", "variant", "size", "ops/s", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                "errors", "secs", "heap MiB", "RSS MiB"});
        for (Result r : run.results()) {
            rows.add(new String[] {r.scenario(), r.variant(), String.valueOf(r.size()), num(r.throughput(), 0),
                    num(r.p50Ms(), 1), num(r.p99Ms(), 1), num(r.p999Ms(), 1), num(r.maxMs(), 1),
                    r.errors() == null ? "" : String.valueOf(r.errors()), num(r.seconds(), 1),
                    num(r.peakHeapMb(), 0), num(r.peakRssMb(), 0)});
        }
        printTable(rows, out);
        for (Result r : run.results()) {
            if (r.extra() != null && !r.extra().isEmpty()) {
                out.println("  " + r.key() + ": " + r.extra());
            }
        }
    }

    /** Prints, for every row present in both runs, b / a of throughput and latencies. */
    public static void compare(Run a, Run b, PrintStream out) {
        Map<String, Result> before = new LinkedHashMap<>();
        a.results().forEach(r -> before.put(r.key(), r));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"scenario | variant", "ops/s b/a", "p50 b/a", "p99 b/a", "p99.9 b/a", "max b/a", "heap b/a"});
        for (Result r : b.results()) {
            Result o = before.get(r.key());
            if (o == null) {
                continue;
            }
            rows.add(new String[] {r.key(), ratio(r.throughput(), o.throughput()), ratio(r.p50Ms(), o.p50Ms()),
                    ratio(r.p99Ms(), o.p99Ms()), ratio(r.p999Ms(), o.p999Ms()), ratio(r.maxMs(), o.maxMs()),
                    ratio(r.peakHeapMb(), o.peakHeapMb())});
        }
        out.println("a = run of " + a.at() + ", b = run of " + b.at() + " (ratios b / a; ops/s > 1 and latency < 1 is better)");
        printTable(rows, out);
    }

    private static String ratio(Double b, Double a) {
        if (a == null || b == null || a == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", b / a);
    }

    private static String num(Double v, int decimals) {
        return v == null ? "" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    private static void printTable(List<String[]> rows, PrintStream out) {
        int[] width = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder("| ");
            for (int i = 0; i < width.length; i++) {
                String cell = rows.get(r)[i];
                line.append(i < 2 ? pad(cell, width[i], false) : pad(cell, width[i], true)).append(" | ");
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                StringBuilder sep = new StringBuilder("|");
                for (int w : width) {
                    sep.append("-".repeat(w + 2)).append("|");
                }
                out.println(sep);
            }
        }
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(width - s.length());
        return right ? spaces + s : s + spaces;
    }
}
