package org.seqengine.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What every scenario gets: sizes (quick or full), where to write, the packaged services
 * (enrollment-service; exclusion-evaluator for crm-to-stop; step-scheduler for schedule), extra
 * service settings.
 */
public record Env(boolean quick, Path workDir, Path serviceJar, Path evaluatorJar, Path schedulerJar,
                  String commitIntervalMs, boolean profile) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    public Path dir(String name) {
        Path d = workDir.resolve(name);
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** JVM system properties every service process of this run gets (e.g. a commit interval under test). */
    public List<String> serviceJvmArgs() {
        List<String> args = new ArrayList<>();
        if (commitIntervalMs != null) {
            args.add("-Dkafka-streams.commit.interval.ms=" + commitIntervalMs);
        }
        return args;
    }

    /** The commit interval the pass-through uses: the one under test, else the service's packaged 20 ms. */
    public String effectiveCommitIntervalMs() {
        return commitIntervalMs == null ? "20" : commitIntervalMs;
    }

    public static void log(String message) {
        System.out.println("[" + LocalTime.now().format(TIME) + "] " + message);
        System.out.flush();
    }
}
