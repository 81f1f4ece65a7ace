package org.seqengine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark harness (run by {@code benchmarks/run.sh}):
 * <pre>
 *   Bench [--quick] [--profile] [--out FILE] [NAME...]     run every scenario, or the named ones
 *   Bench --compare A.json B.json                          ratios of B to A, row by row
 * </pre>
 * Scenarios: decide, api-latency, mixed, restore, bulk-unenroll, crm-to-stop, schedule, company-cap. System properties:
 * {@code service.jar} (the packaged enrollment-service), {@code evaluator.jar} (the packaged
 * exclusion-evaluator, for crm-to-stop), {@code scheduler.jar} (the packaged step-scheduler, for
 * schedule), {@code bench.commit.interval.ms} (overrides the services' commit interval, and the
 * pass-through's, for tuning runs), {@code bench.crm.batch} (CRM changes per request in crm-to-stop),
 * {@code bench.schedule.window.s} / {@code bench.schedule.lead.s} (schedule: the firing window, and
 * the time from writing the states to its opening).
 */
public final class Bench {

    public static final List<String> SCENARIOS = List.of("decide", "api-latency", "mixed", "restore", "bulk-unenroll",
            CrmToStopScenario.NAME, ScheduleScenario.NAME, CompanyCapScenario.NAME);

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        boolean profile = false;
        Path out = null;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--profile" -> profile = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--compare" -> {
                    if (i + 2 >= args.length) {
                        throw new IllegalArgumentException("--compare needs two JSON files");
                    }
                    Report.compare(Report.read(Path.of(args[i + 1])), Report.read(Path.of(args[i + 2])), System.out);
                    return;
                }
                default -> {
                    if (!SCENARIOS.contains(args[i])) {
                        System.err.println("unknown scenario or option: " + args[i] + " (scenarios: " + SCENARIOS + ")");
                        System.exit(2);
                    }
                    names.add(args[i]);
                }
            }
        }
        Path schedulerJar = Path.of(System.getProperty("scheduler.jar", "step-scheduler/target/quarkus-app/quarkus-run.jar"));
        if (names.isEmpty()) {
            names.addAll(SCENARIOS);
            if (!Files.isRegularFile(schedulerJar)) { // a checkout without step-scheduler yet: every other scenario
                Env.log("skipping " + ScheduleScenario.NAME + ": no packaged step-scheduler at " + schedulerJar);
                names.remove(ScheduleScenario.NAME);
            }
        }
        boolean needsEnrollmentService = names.stream().anyMatch(n -> !n.equals(ScheduleScenario.NAME));
        Path jar = needsEnrollmentService ? packaged("service.jar", "enrollment-service/target/quarkus-app/quarkus-run.jar")
                : Path.of(System.getProperty("service.jar", "enrollment-service/target/quarkus-app/quarkus-run.jar"));
        Path evaluatorJar = Path.of(System.getProperty("evaluator.jar", "exclusion-evaluator/target/quarkus-app/quarkus-run.jar"));
        if (names.contains(CrmToStopScenario.NAME)) {
            evaluatorJar = packaged("evaluator.jar", evaluatorJar.toString());
        }
        if (names.contains(ScheduleScenario.NAME)) {
            schedulerJar = packaged("scheduler.jar", schedulerJar.toString());
        }
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path work = Path.of(System.getProperty("bench.work", "benchmarks/target/runs")).resolve(stamp);
        Env env = new Env(quick, work, jar, evaluatorJar, schedulerJar, System.getProperty("bench.commit.interval.ms"), profile);
        if (out == null) {
            out = Path.of("benchmarks/target/results-" + stamp + (quick ? "-quick" : "") + ".json");
        }
        Env.log("benchmarks (" + (quick ? "quick" : "full") + "): " + names + "; work dir " + work);

        Report.Run run = new Report.Run(Instant.now().toString(), Report.machine(quick), new ArrayList<>());
        if (names.contains("decide")) {
            run.results().addAll(DecideScenario.run(env));
            Report.write(run, out);
        }
        List<String> stored = names.stream().filter(StoredScenarios.NAMES::contains).toList();
        if (!stored.isEmpty()) {
            run.results().addAll(StoredScenarios.run(env, stored));
            Report.write(run, out);
        }
        if (names.contains(CrmToStopScenario.NAME)) {
            run.results().addAll(CrmToStopScenario.run(env));
            Report.write(run, out);
        }
        if (names.contains(CompanyCapScenario.NAME)) {
            run.results().addAll(CompanyCapScenario.run(env));
            Report.write(run, out);
        }
        if (names.contains(ScheduleScenario.NAME)) {
            run.results().addAll(ScheduleScenario.run(env));
        }
        Report.write(run, out);
        Report.print(run, System.out);
        System.out.println();
        System.out.println("written: " + out);
        System.exit(0);
    }

    private static Path packaged(String property, String defaultPath) {
        Path jar = Path.of(System.getProperty(property, defaultPath));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged service is missing: " + jar + " (build first)");
        }
        return jar;
    }
}
