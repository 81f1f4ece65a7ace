#!/usr/bin/env bash
# The benchmark harness: builds the packaged services (enrollment-service, exclusion-evaluator, step-scheduler),
# starts a broker and them (separate JVMs), drives load, prints one table and writes it as JSON
# (benchmarks/target/results-*.json).
#
#   benchmarks/run.sh                       every scenario at full size (about 15-25 min on 2 cores)
#   benchmarks/run.sh --quick               every scenario at reduced size (a few minutes)
#   benchmarks/run.sh [--quick] NAME...     only these: decide, api-latency, mixed, restore, bulk-unenroll, crm-to-stop,
#                                           schedule (step-scheduler alone: skipped by a run of every scenario when
#                                           step-scheduler is not built), company-cap (enrolls with and without a
#                                           max_active_enrollments_per_company)
#   benchmarks/run.sh --profile decide      also records a JFR profile of the service (target/runs/*/decide-*.jfr;
#                                           with crm-to-stop: of exclusion-evaluator, target/runs/*/crm-to-stop-*.jfr;
#                                           with schedule: of step-scheduler, target/runs/*/schedule-*.jfr)
#   benchmarks/run.sh --compare a.json b.json   ratios b / a, row by row
#
# Environment: SERVICE_JAVA_OPTS (extra JVM options of every service process), EVALUATOR_JAVA_OPTS (of
# exclusion-evaluator only, e.g. -Dkafka-streams.num.stream.threads=2), SCHEDULER_JAVA_OPTS (of step-scheduler only),
# BENCH_COMMIT_INTERVAL_MS (overrides the commit interval of the services and the pass-through),
# BENCH_CRM_BATCH (CRM changes per request in crm-to-stop, default 10), BENCH_SKIP_BUILD=1 (use the jars already built).
# schedule: BENCH_SCHEDULE_STEPS (default 1,000,000, quick 50,000), BENCH_SCHEDULE_WINDOW_S (seconds the due times are
# spread over, default 40, quick 20), BENCH_SCHEDULE_LEAD_S (seconds from writing the enrollment states to the window's
# opening; default 30 + 2 x the loading time that N/20 calibration states predict).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [[ "${1:-}" == "--compare" ]]; then
  [[ $# -eq 3 ]] || { echo "usage: benchmarks/run.sh --compare a.json b.json" >&2; exit 2; }
fi

SERVICE_JAR=enrollment-service/target/quarkus-app/quarkus-run.jar
EVALUATOR_JAR=exclusion-evaluator/target/quarkus-app/quarkus-run.jar
SCHEDULER_JAR=step-scheduler/target/quarkus-app/quarkus-run.jar
if [[ "${BENCH_SKIP_BUILD:-}" != 1 ]] || [[ ! -d benchmarks/target/lib ]] || [[ ! -f $SERVICE_JAR ]] || [[ ! -f $EVALUATOR_JAR ]] \
    || { [[ -d step-scheduler ]] && [[ ! -f $SCHEDULER_JAR ]]; }; then
  # the whole reactor: schemas, the services (quarkus-app), the harness and its target/lib
  echo "==> building (./mvnw -B -q -DskipTests package; -o when the local repository has everything)"
  ./mvnw -B -q -o -DskipTests package 2>/dev/null || ./mvnw -B -q -DskipTests package
fi

exec "$JAVA" -Xms512m -Xmx2g \
  -Dservice.jar=$SERVICE_JAR -Devaluator.jar=$EVALUATOR_JAR -Dscheduler.jar=$SCHEDULER_JAR \
  ${BENCH_COMMIT_INTERVAL_MS:+-Dbench.commit.interval.ms=$BENCH_COMMIT_INTERVAL_MS} \
  ${BENCH_CRM_BATCH:+-Dbench.crm.batch=$BENCH_CRM_BATCH} \
  ${BENCH_SCHEDULE_WINDOW_S:+-Dbench.schedule.window.s=$BENCH_SCHEDULE_WINDOW_S} \
  ${BENCH_SCHEDULE_LEAD_S:+-Dbench.schedule.lead.s=$BENCH_SCHEDULE_LEAD_S} \
  ${BENCH_SCHEDULE_STEPS:+-Dbench.schedule.steps=$BENCH_SCHEDULE_STEPS} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error \
  -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.seqengine.bench.Bench "$@"
