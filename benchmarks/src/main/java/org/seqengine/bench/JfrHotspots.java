package org.seqengine.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * "Where the time goes" from a JFR recording ({@code benchmarks/run.sh --profile decide}, or
 * {@code --profile crm-to-stop} with prefix {@code exclusion-evaluator-}, or {@code --profile schedule}
 * with prefix {@code step-scheduler-}):
 * execution and native-method samples of one thread name prefix (default: the stream threads),
 * counted by the top frame's method and, inclusively, by area and by this project's methods (each
 * counts once per sample when any frame of the stack is in it).
 * <pre>java -cp 'benchmarks/target/classes:benchmarks/target/lib/*' org.seqengine.bench.JfrHotspots FILE.jfr [THREAD-PREFIX]</pre>
 */
public final class JfrHotspots {

    private static final Map<String, String> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("org.seqengine.enrollment.domain.", "rule book (domain: decide/evolve)");
        AREAS.put("org.seqengine.enrollment.mapping.", "Avro <-> domain mapping");
        AREAS.put("org.seqengine.enrollment.streams.", "service topology code (streams)");
        AREAS.put("org.seqengine.exclusion.domain.", "evaluator pure core (exclusion.domain)");
        AREAS.put("org.seqengine.exclusion.streams.", "evaluator topology code (exclusion.streams)");
        AREAS.put("org.seqengine.filter.", "filter evaluation (exclusion-filter)");
        AREAS.put("org.seqengine.stepscheduler.streams.", "scheduler topology code (stepscheduler.streams)");
        AREAS.put("org.seqengine.stepscheduler.domain.", "scheduler domain (stepscheduler.domain)");
        AREAS.put("org.seqengine.scheduler.domain.", "scheduling-core (scheduler.domain)");
        AREAS.put("com.fasterxml.jackson.", "Jackson (JSON stores and repartitions)");
        AREAS.put("org.seqengine.schemas.serde.", "Avro serde (schemas)");
        AREAS.put("org.apache.avro.", "Avro library");
        AREAS.put("org.rocksdb.", "RocksDB (JNI)");
        AREAS.put("org.apache.kafka.streams.state.", "Kafka Streams state stores / caching");
        AREAS.put("org.apache.kafka.clients.producer.", "Kafka producer");
        AREAS.put("org.apache.kafka.clients.consumer.", "Kafka consumer");
        AREAS.put("org.apache.kafka.streams.", "Kafka Streams (all)");
    }

    private JfrHotspots() {
    }

    public static void main(String[] args) throws IOException {
        String prefix = args.length > 1 ? args[1] : "enrollment-service-";
        Map<String, Integer> topFrames = new HashMap<>();
        Map<String, Integer> areas = new HashMap<>();
        Map<String, Integer> ownMethods = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            if (!type.equals("jdk.ExecutionSample") && !type.equals("jdk.NativeMethodSample")) {
                continue;
            }
            var thread = e.getThread("sampledThread");
            if (thread == null || thread.getJavaName() == null || !thread.getJavaName().startsWith(prefix)
                    || !thread.getJavaName().contains("StreamThread")) {
                continue;
            }
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            topFrames.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new LinkedHashSet<>();
            for (RecordedFrame f : frames) {
                String cls = f.getMethod().getType().getName() + ".";
                AREAS.forEach((pkg, area) -> {
                    if (cls.startsWith(pkg)) {
                        seen.add(area);
                    }
                });
            }
            seen.forEach(a -> areas.merge(a, 1, Integer::sum));
            frames.stream().map(JfrHotspots::name).filter(n -> n.startsWith("org.seqengine.")).distinct()
                    .forEach(n -> ownMethods.merge(n, 1, Integer::sum));
        }
        System.out.printf("%d samples of threads '%s*StreamThread*'%n%nby area (inclusive: the area is on the stack)%n", samples, prefix);
        final int total = Math.max(1, samples);
        areas.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.println("\nthis project's methods (inclusive)");
        ownMethods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        System.out.println("\ntop frames (self)");
        topFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
