#!/usr/bin/env bash
# Runs the sequence enrollment engine locally with nothing but a JDK 17 (and curl):
# a real single-node Kafka broker (KRaft, from Kafka's own jars) and every service, each as its own
# JVM on its own port (enrollment-service 8080, exclusion-evaluator 8081, step-scheduler 8082,
# mailer-simulator 8083), then loads a small demo through the public REST APIs: enrollments, exclusions
# from CRM changes, and the sending loop (Queued -> Started -> Completed, a reply, a bounce, a block by a
# paused mailbox and its automatic unblock, an out-of-office pause and its automatic resume), then an
# account: a cap of active enrollments per company and colleagues stopped when one of them replies, and
# personal data: an export, an erase, and the erased address refused when it comes back.
#
#   deploy/run-local.sh [--build] [--fresh] [--no-demo] [--kafka-only]
#
#   --build       build first (./mvnw -B -q -DskipTests install); done anyway when the jars are missing
#   --fresh       delete the local Kafka data and Streams state (.run-local/) before starting
#   --no-demo     start everything but load no demo data
#   --kafka-only  start only the broker (e.g. to run the service with ./mvnw quarkus:dev)
#
# Environment: ENROLLMENT_API_KEYS ("org_id:key,..."; a demo key is generated when unset),
# KAFKA_PORT (default 9092; the controller uses KAFKA_PORT+1), QUARKUS_HTTP_PORT (enrollment-service,
# default 8080), EVALUATOR_HTTP_PORT (exclusion-evaluator, default 8081), MAILER_HTTP_PORT (mailer-simulator,
# default 8083), SCHEDULER_HTTP_PORT (step-scheduler, default 8082), SCHEDULER_DAY_LENGTH (how long a
# "day" of wait_days, send windows and mailbox limits lasts, ISO-8601; default PT10S here so the demo's
# three-step sequences finish in a minute; P1D is real time).
# Logs: .run-local/kafka.log and .run-local/<service>.log. Ctrl-C (or SIGTERM) stops the services,
# then Kafka, and exits 0. Kafka's data is kept between runs unless --fresh is given.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

BUILD=false FRESH=false DEMO=true KAFKA_ONLY=false
for arg in "$@"; do
  case "$arg" in
    --build) BUILD=true ;;
    --fresh) FRESH=true ;;
    --no-demo) DEMO=false ;;
    --kafka-only) KAFKA_ONLY=true; DEMO=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

KAFKA_PORT="${KAFKA_PORT:-9092}"
HTTP_PORT="${QUARKUS_HTTP_PORT:-8080}"
BOOTSTRAP="127.0.0.1:${KAFKA_PORT}"
BASE_URL="http://localhost:${HTTP_PORT}"
API="${BASE_URL}/sequences/v1"
RUN_DIR="$ROOT/.run-local"
KAFKA_LOG="$RUN_DIR/kafka.log"
EVALUATOR_PORT="${EVALUATOR_HTTP_PORT:-8081}"
EVALUATOR_URL="http://localhost:${EVALUATOR_PORT}"
EVALUATOR_API="${EVALUATOR_URL}/sequences/v1"
MAILER_PORT="${MAILER_HTTP_PORT:-8083}"
SCHEDULER_PORT="${SCHEDULER_HTTP_PORT:-8082}"
DAY_LENGTH="${SCHEDULER_DAY_LENGTH:-PT10S}"
MAILER_URL="http://localhost:${MAILER_PORT}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# Every service: name, packaged jar, HTTP port (started in this order, stopped in reverse).
SERVICES=(enrollment-service exclusion-evaluator step-scheduler mailer-simulator)
declare -A SERVICE_JARS=([enrollment-service]=enrollment-service/target/quarkus-app/quarkus-run.jar
                         [exclusion-evaluator]=exclusion-evaluator/target/quarkus-app/quarkus-run.jar
                         [step-scheduler]=step-scheduler/target/quarkus-app/quarkus-run.jar
                         [mailer-simulator]=deploy/mailer-simulator/target/quarkus-app/quarkus-run.jar)
declare -A SERVICE_PORTS=([enrollment-service]="$HTTP_PORT" [exclusion-evaluator]="$EVALUATOR_PORT"
                          [step-scheduler]="$SCHEDULER_PORT" [mailer-simulator]="$MAILER_PORT")
declare -A SERVICE_PIDS=()
KAFKA_READY_TIMEOUT=90
SERVICE_READY_TIMEOUT=120
STOP_TIMEOUT=30

if [[ -t 1 ]]; then B=$'\e[1m' DIM=$'\e[2m' GRN=$'\e[32m' RED=$'\e[31m' YEL=$'\e[33m' CYN=$'\e[36m' R=$'\e[0m'
else B='' DIM='' GRN='' RED='' YEL='' CYN='' R=''; fi
say()  { printf '%s==>%s %s\n' "$B" "$R" "$*"; }
warn() { printf '%s!!%s %s\n' "$YEL" "$R" "$*" >&2; }
die()  { printf '%s!!%s %s\n' "$RED" "$R" "$*" >&2; exit 1; }

# ---------------------------------------------------------------- processes and clean stop

KAFKA_PID='' STOPPING=false

stop_pid() { # pid name: SIGTERM, wait (bounded), SIGKILL if it will not stop
  local pid="$1" name="$2" i
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 0
  say "Stopping $name (pid $pid) ..."
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_TIMEOUT * 5; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within ${STOP_TIMEOUT}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

stop_all() {
  $STOPPING && return 0
  STOPPING=true
  local i name
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    name="${SERVICES[$i]}"
    stop_pid "${SERVICE_PIDS[$name]:-}" "$name"; SERVICE_PIDS[$name]=''
    rm -f "$RUN_DIR/$name.pid"
  done
  stop_pid "$KAFKA_PID" "Kafka"; KAFKA_PID=''
  rm -f "$RUN_DIR/kafka.pid"
}

on_signal() {
  echo
  stop_all
  say "Stopped."
  exit 0
}

trap on_signal INT TERM
trap stop_all EXIT

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

show_tail() { # file
  echo "${DIM}---- last lines of $1 ----${R}" >&2
  tail -n 40 "$1" >&2 || true
  echo "${DIM}----${R}" >&2
}

# ---------------------------------------------------------------- checks and build

command -v "$JAVA" >/dev/null 2>&1 || die "java not found (install a JDK 17 or set JAVA_HOME)"
if ! $KAFKA_ONLY; then
  command -v curl >/dev/null 2>&1 || die "curl not found (needed to check the service and load the demo)"
fi

have_kafka_jars() { compgen -G "deploy/embedded-kafka/target/embedded-kafka-*.jar" >/dev/null \
                    && compgen -G "deploy/embedded-kafka/target/lib/kafka_2.13-*.jar" >/dev/null; }

if $KAFKA_ONLY; then
  if $BUILD || ! have_kafka_jars; then
    say "Building the Kafka launcher (./mvnw -B -q -DskipTests install -pl deploy/embedded-kafka -am) ..."
    ./mvnw -B -q -DskipTests install -pl deploy/embedded-kafka -am
  fi
else
  missing=false
  for name in "${SERVICES[@]}"; do [[ -f "${SERVICE_JARS[$name]}" ]] || missing=true; done
  if $BUILD || ! have_kafka_jars || $missing; then
    say "Building (./mvnw -B -q -DskipTests install; the first build downloads Maven and takes a few minutes) ..."
    ./mvnw -B -q -DskipTests install
  fi
fi
have_kafka_jars || die "deploy/embedded-kafka/target has no launcher jars after the build"
if ! $KAFKA_ONLY; then
  for name in "${SERVICES[@]}"; do
    [[ -f "${SERVICE_JARS[$name]}" ]] || die "${SERVICE_JARS[$name]} is missing after the build"
  done
fi

KAFKA_JAR="$(ls deploy/embedded-kafka/target/embedded-kafka-*.jar | grep -v -e '-sources' -e '-tests' | head -n 1)"

port_in_use "$KAFKA_PORT" && die "port $KAFKA_PORT is in use (another Kafka? a previous run's pid is in .run-local/kafka.pid); set KAFKA_PORT to use another"
port_in_use "$((KAFKA_PORT + 1))" && die "port $((KAFKA_PORT + 1)) (Kafka's controller) is in use; set KAFKA_PORT to use another pair"
if ! $KAFKA_ONLY; then
  port_in_use "$HTTP_PORT" && die "port $HTTP_PORT is in use; stop what runs there or set QUARKUS_HTTP_PORT"
  port_in_use "$EVALUATOR_PORT" && die "port $EVALUATOR_PORT is in use; stop what runs there or set EVALUATOR_HTTP_PORT"
  port_in_use "$SCHEDULER_PORT" && die "port $SCHEDULER_PORT is in use; stop what runs there or set SCHEDULER_HTTP_PORT"
  port_in_use "$MAILER_PORT" && die "port $MAILER_PORT is in use; stop what runs there or set MAILER_HTTP_PORT"
fi

if $FRESH; then
  say "Deleting local data (.run-local/kafka-data, .run-local/streams-state)"
  rm -rf "$RUN_DIR/kafka-data" "$RUN_DIR/streams-state"
fi
mkdir -p "$RUN_DIR"

# ---------------------------------------------------------------- Kafka

say "Starting Kafka on $BOOTSTRAP (log: .run-local/kafka.log)"
"$JAVA" -cp "$KAFKA_JAR:deploy/embedded-kafka/target/lib/*" org.seqengine.deploy.KafkaLauncher \
  --port "$KAFKA_PORT" --data-dir "$RUN_DIR/kafka-data" >"$KAFKA_LOG" 2>&1 &
KAFKA_PID=$!
echo "$KAFKA_PID" >"$RUN_DIR/kafka.pid"

for ((i = 0; ; i++)); do
  grep -q "^Kafka ready on " "$KAFKA_LOG" 2>/dev/null && break
  if ! kill -0 "$KAFKA_PID" 2>/dev/null; then
    KAFKA_PID=''
    show_tail "$KAFKA_LOG"; die "Kafka exited before it was ready"
  fi
  ((i < KAFKA_READY_TIMEOUT * 5)) || { show_tail "$KAFKA_LOG"; die "Kafka was not ready within ${KAFKA_READY_TIMEOUT}s"; }
  sleep 0.2
done
say "${GRN}$(grep -m 1 '^Kafka ready on ' "$KAFKA_LOG")${R}"

# ---------------------------------------------------------------- enrollment-service

if [[ -n "${ENROLLMENT_API_KEYS:-}" ]]; then
  API_KEYS="$ENROLLMENT_API_KEYS"
  FIRST_ENTRY="${API_KEYS%%,*}"
  ORG_ID="${FIRST_ENTRY%%:*}"
  API_KEY="${FIRST_ENTRY#*:}"
  [[ "$FIRST_ENTRY" == *:* && -n "$API_KEY" ]] || die "ENROLLMENT_API_KEYS must look like org_id:key[,org_id:key...]"
  KEY_SOURCE="from ENROLLMENT_API_KEYS"
else
  ORG_ID="demo-org"
  API_KEY="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  API_KEYS="$ORG_ID:$API_KEY"
  KEY_SOURCE="generated for this run"
fi

start_service() { # name: starts it with the shared settings, waits (bounded) until it is ready
  local name="$1" port="${SERVICE_PORTS[$1]}" log="$RUN_DIR/$1.log" pid i
  say "Starting $name on http://localhost:$port (log: .run-local/$name.log)"
  KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" ENROLLMENT_API_KEYS="$API_KEYS" QUARKUS_HTTP_PORT="$port" \
  ENROLLMENT_STATE_DIR="$RUN_DIR/streams-state/$name" SCHEDULER_DAY_LENGTH="$DAY_LENGTH" \
  SCHEDULER_TRANSACTIONAL_ID=step-scheduler-local EXCLUSION_TRANSACTIONAL_ID=exclusion-evaluator-local \
    "$JAVA" -jar "${SERVICE_JARS[$name]}" >"$log" 2>&1 &
  pid=$!
  SERVICE_PIDS[$name]=$pid
  echo "$pid" >"$RUN_DIR/$name.pid"
  for ((i = 0; ; i++)); do
    if curl -fsS -m 2 "http://localhost:$port/q/health/ready" 2>/dev/null | grep -q '"status"[[:space:]]*:[[:space:]]*"UP"'; then
      break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      SERVICE_PIDS[$name]=''
      show_tail "$log"; die "$name exited before it was ready"
    fi
    ((i < SERVICE_READY_TIMEOUT)) || { show_tail "$log"; die "$name was not ready within ${SERVICE_READY_TIMEOUT}s (http://localhost:$port/q/health/ready)"; }
    sleep 1
  done
  say "${GRN}$name ready on http://localhost:$port${R}"
}

if ! $KAFKA_ONLY; then
  for name in "${SERVICES[@]}"; do start_service "$name"; done
  say "API key ($KEY_SOURCE): ${B}${API_KEY}${R}  (organization ${ORG_ID}); a scheduler day lasts ${B}${DAY_LENGTH}${R}"
fi

# ---------------------------------------------------------------- demo

pretty() { # JSON on stdin, indented when a formatter is around
  local body; body="$(cat)"
  [[ -z "$body" ]] && return 0
  if command -v jq >/dev/null 2>&1 && jq . <<<"$body" 2>/dev/null; then return 0; fi
  if command -v python3 >/dev/null 2>&1 && python3 -m json.tool <<<"$body" 2>/dev/null; then return 0; fi
  printf '%s\n' "$body"
}

compact() { # JSON on stdin, on one line
  if command -v jq >/dev/null 2>&1; then jq -c . 2>/dev/null && return 0; fi
  tr -d '\n' | sed 's/  */ /g'; echo
}

STATUS='' BODY=''
api() { # METHOD PATH [JSON]: a call to enrollment-service; prints the request and the response; sets STATUS and BODY
  call_api "$API" "$@"
}

eval_api() { # METHOD PATH [JSON]: the same, to exclusion-evaluator
  call_api "$EVALUATOR_API" "$@"
}

call_api() { # BASE METHOD PATH [JSON]
  local base="$1" method="$2" path="$3" data="${4:-}" out
  printf '\n%s%s %s%s%s\n' "$CYN" "$method" "${base%/sequences/v1}" "/sequences/v1$path" "$R"
  [[ -n "$data" ]] && compact <<<"$data" | sed 's/^/    /'
  out="$(mktemp)"
  if [[ -n "$data" ]]; then
    STATUS="$(curl -sS -m 30 -o "$out" -w '%{http_code}' -X "$method" "$base$path" \
      -H "x-api-key: $API_KEY" -H 'content-type: application/json' --data "$data")" || true
  else
    STATUS="$(curl -sS -m 30 -o "$out" -w '%{http_code}' -X "$method" "$base$path" \
      -H "x-api-key: $API_KEY")" || true
  fi
  STATUS="${STATUS:-000}"
  BODY="$(cat "$out")"; rm -f "$out"
  local colour="$GRN"; [[ "$STATUS" =~ ^2 ]] || colour="$YEL"
  printf '  %s-> %s%s\n' "$colour" "$STATUS" "$R"
  pretty <<<"$BODY" | sed 's/^/    /'
}

json_field() { # NAME: the first string value of "NAME" in BODY
  grep -o "\"$1\"[[:space:]]*:[[:space:]]*\"[^\"]*\"" <<<"$BODY" | head -n 1 | sed 's/.*:[[:space:]]*"\(.*\)"/\1/' || true
}

OWNER=00000000-0000-4000-8000-000000000901
MAILBOX_1=00000000-0000-4000-8000-000000000101 MAILBOX_1_EMAIL=alex@demo-sales.example
MAILBOX_2=00000000-0000-4000-8000-000000000102 MAILBOX_2_EMAIL=sam@demo-sales.example
RULESET=00000000-0000-4000-8000-000000000201
SEQ_COLD=00000000-0000-4000-8000-000000000301
SEQ_WEBINAR=00000000-0000-4000-8000-000000000302
ADA=00000000-0000-4000-8000-000000000401
GRACE=00000000-0000-4000-8000-000000000402
ALAN=00000000-0000-4000-8000-000000000403
LINUS=00000000-0000-4000-8000-000000000404
ADA_ENROLLMENT='' GRACE_ENROLLMENT=''

sequence_json() { # name step1-subject step2-subject step3-subject
  cat <<EOF
{"name":"$1","is_published":true,"is_paused":false,"ruleset_id":"$RULESET","steps":[
  {"type":"EMAIL","wait_days":0,"subject":"$2","body":"Hi {{first_name}}, ..."},
  {"type":"EMAIL","wait_days":3,"subject":"$3","body":"Hi {{first_name}}, just following up ..."},
  {"type":"EMAIL","wait_days":4,"subject":"$4","body":"Hi {{first_name}}, one last note ..."}]}
EOF
}

person_json() { # email first last domain do_not_email
  printf '{"email":"%s","first_name":"%s","last_name":"%s","linkedin_url":"https://www.linkedin.com/in/%s-%s","company_domain":"%s","do_not_email":%s,"email_opt_out":false,"attributes":{}}' \
    "$1" "$2" "$3" "${2,,}" "${3,,}" "$4" "$5"
}

await_reference() { # PERSON SEQUENCE: until the decider sees both (reference data reaches it through compacted topics)
  local i
  for ((i = 0; i < 30; i++)); do
    STATUS="$(curl -sS -m 5 -o /dev/null -w '%{http_code}' -H "x-api-key: $API_KEY" \
      "$API/people/$1/eligibility?sequence_id=$2")" || true
    [[ "$STATUS" == 200 ]] && return 0
    sleep 0.5
  done
}

run_demo() {
  say "Loading the demo through $API"
  echo "${DIM}Reference data: 2 mailboxes, a ruleset, 2 published sequences (3 email steps each), 4 people.${R}"
  api PUT "/mailboxes/$MAILBOX_1" "{\"email\":\"$MAILBOX_1_EMAIL\",\"display_name\":\"Alex (Sales)\",\"owner_id\":\"$OWNER\",\"is_paused\":false,\"is_unauthorized\":false}"
  api PUT "/mailboxes/$MAILBOX_2" "{\"email\":\"$MAILBOX_2_EMAIL\",\"display_name\":\"Sam (Sales)\",\"owner_id\":\"$OWNER\",\"is_paused\":false,\"is_unauthorized\":false}"
  api PUT "/rulesets/$RULESET" '{"allow_reenrollment_into_sequences":false,"allow_reenrollment_into_same_sequence":false,"reenrollment_waiting_days":75}'
  api PUT "/sequences/$SEQ_COLD" "$(sequence_json "Cold outreach" "Quick question, {{first_name}}" "Re: quick question" "Closing the loop")"
  api PUT "/sequences/$SEQ_WEBINAR" "$(sequence_json "Webinar follow-up" "Thanks for joining, {{first_name}}" "The recording" "Anything I can help with?")"
  api PUT "/people/$ADA" "$(person_json ada@analytical-engines.example Ada Lovelace analytical-engines.example false)"
  api PUT "/people/$GRACE" "$(person_json grace@cobol.example Grace Hopper cobol.example false)"
  api PUT "/people/$ALAN" "$(person_json alan@bletchley.example Alan Turing bletchley.example false)"
  api PUT "/people/$LINUS" "$(person_json linus@kernel.example Linus Torvalds kernel.example true)"

  # Reference data reaches the decider through compacted topics: wait until it is seen.
  echo
  echo "${DIM}Waiting until the decider has the reference data (eligibility dry run) ...${R}"
  await_reference "$ALAN" "$SEQ_COLD"
  api GET "/people/$ALAN/eligibility?sequence_id=$SEQ_COLD"

  echo
  echo "${DIM}Enroll Ada into \"Cold outreach\" and Grace into \"Webinar follow-up\": 201 Created.${R}"
  api POST /enrollments "{\"sequence_id\":\"$SEQ_COLD\",\"person_id\":\"$ADA\",\"mailbox_emails\":[\"$MAILBOX_1_EMAIL\"]}"
  case "$STATUS" in
    201) ADA_ENROLLMENT="$(json_field id)" ;;
    409) ADA_ENROLLMENT="$(json_field active_enrollment_id)"
         warn "Ada is still enrolled from a previous run (Kafka keeps its data; deploy/run-local.sh --fresh starts over)" ;;
  esac
  api POST /enrollments "{\"sequence_id\":\"$SEQ_WEBINAR\",\"person_id\":\"$GRACE\",\"mailbox_emails\":[\"$MAILBOX_2_EMAIL\"]}"
  case "$STATUS" in
    201) GRACE_ENROLLMENT="$(json_field id)" ;;
    409) GRACE_ENROLLMENT="$(json_field active_enrollment_id)" ;;
  esac

  echo
  echo "${DIM}Linus is marked do_not_email: rejected with 400 and the reason DO_NOT_EMAIL.${R}"
  api POST /enrollments "{\"sequence_id\":\"$SEQ_COLD\",\"person_id\":\"$LINUS\",\"mailbox_emails\":[\"$MAILBOX_1_EMAIL\"]}"

  echo
  echo "${DIM}Ada is already active in \"Cold outreach\": one active sequence per person, so 409 Conflict.${R}"
  api POST /enrollments "{\"sequence_id\":\"$SEQ_WEBINAR\",\"person_id\":\"$ADA\",\"mailbox_emails\":[\"$MAILBOX_2_EMAIL\"]}"
}

now_ms() { date +%s%3N; }

await_field() { # PATH NAME VALUE [SECONDS]: GET PATH (quietly) until "NAME":"VALUE" shows; prints the wait in ms
  local path="$1" name="$2" value="$3" limit="${4:-10}" start i body
  start="$(now_ms)"
  for ((i = 0; i < limit * 20; i++)); do
    body="$(curl -sS -m 5 -H "x-api-key: $API_KEY" "$API$path" 2>/dev/null)" || true
    if grep -q "\"$name\"[[:space:]]*:[[:space:]]*\"$value\"" <<<"$body"; then
      echo "$(( $(now_ms) - start ))"
      return 0
    fi
    sleep 0.05
  done
  return 1
}

run_exclusion_demo() {
  [[ -n "$ADA_ENROLLMENT" && -n "$GRACE_ENROLLMENT" ]] || { warn "no active enrollments to show exclusions with"; return 0; }
  local since waited body
  since="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  say "Exclusions: a CRM change stops an enrollment within a second (exclusion-evaluator on $EVALUATOR_URL)"
  echo "${DIM}A PERSON rule: customers are kept out of sequences and removed from active ones.${R}"
  api PUT /exclusion-rules/customers '{"name":"Customers","level":"PERSON","exclude_from_sequences":true,"remove_from_active_sequences":true,"filter":{"field":"person.lifecycle_stage","op":"equals","value":"customer"}}'

  echo
  echo "${DIM}The CRM says Ada became a customer (a webhook-style connector posting to the evaluator) ...${R}"
  eval_api POST /crm-changes "{\"changes\":[{\"crm\":\"salesforce\",\"object\":\"person\",\"id\":\"003ADA\",\"person_id\":\"$ADA\",\"fields\":{\"lifecycle_stage\":\"customer\"}}]}"
  if waited="$(await_field "/enrollments/$ADA_ENROLLMENT" display_status EXCLUDED)"; then
    say "${GRN}Ada's enrollment is Excluded ${waited} ms after the CRM change was accepted${R}"
  else
    warn "Ada's enrollment was not Excluded within 10 s (see .run-local/exclusion-evaluator.log)"
  fi
  api GET "/enrollments/$ADA_ENROLLMENT"

  echo
  echo "${DIM}Why? Every rule Ada matches, by which field and CRM record, since when, and whether it applies to \"Cold outreach\":${R}"
  api GET "/people/$ADA/exclusions?sequence_id=$SEQ_COLD"

  echo
  echo "${DIM}What if competitors were excluded? The CRM marks Grace's company as a competitor; the what-if changes nothing ...${R}"
  eval_api POST /crm-changes '{"changes":[{"crm":"hubspot","object":"company","id":"c-42","domain":"https://www.COBOL.example/about","fields":{"industry":"competitor"}}]}'
  local competitors='{"name":"Competitors","level":"COMPANY","exclude_from_sequences":true,"remove_from_active_sequences":true,"filter":{"field":"company.industry","op":"equals","value":"competitor"}}'
  local i
  for ((i = 0; i < 40; i++)); do # the company change reaches the evaluator's stores asynchronously
    body="$(curl -sS -m 5 -X POST -H "x-api-key: $API_KEY" -H 'content-type: application/json' \
      --data "$competitors" "$EVALUATOR_API/exclusion-rules/competitors/what-if" 2>/dev/null)" || true
    grep -q '"active_enrollments_removed"[[:space:]]*:[[:space:]]*[1-9]' <<<"$body" && break
    sleep 0.25
  done
  eval_api POST /exclusion-rules/competitors/what-if "$competitors"
  echo "${DIM}... and applying the rule does exactly that:${R}"
  api PUT /exclusion-rules/competitors "$competitors"
  if waited="$(await_field "/enrollments/$GRACE_ENROLLMENT" display_status EXCLUDED)"; then
    say "${GRN}Grace's enrollment is Excluded ${waited} ms after the rule was saved${R}"
  else
    warn "Grace's enrollment was not Excluded within 10 s (see .run-local/exclusion-evaluator.log)"
  fi

  echo
  echo "${DIM}Undo: Ada is a prospect again, and the customers rule's exclusions since $since are restored (a job) ...${R}"
  eval_api POST /crm-changes "{\"changes\":[{\"crm\":\"salesforce\",\"object\":\"person\",\"id\":\"003ADA\",\"person_id\":\"$ADA\",\"fields\":{\"lifecycle_stage\":\"prospect\"}}]}"
  for ((i = 0; i < 40; i++)); do # until the evaluator has published that Ada no longer matches
    body="$(curl -sS -m 5 -H "x-api-key: $API_KEY" "$API/people/$ADA/exclusions" 2>/dev/null)" || true
    grep -q '"customers"' <<<"$body" || break
    sleep 0.25
  done
  api POST /exclusion-rules/customers/restore "{\"since\":\"$since\"}"
  local job; job="$(json_field id)"
  if [[ -n "$job" ]] && await_field "/restore-jobs/$job" state COMPLETED >/dev/null; then
    api GET "/restore-jobs/$job"
  fi
  api GET "/enrollments/$ADA_ENROLLMENT"
}

json_value() { # NAME: the first value of "NAME" in BODY (string without quotes, number, true/false/null)
  grep -o "\"$1\"[[:space:]]*:[[:space:]]*\(\"[^\"]*\"\|[^,}]*\)" <<<"$BODY" | head -n 1 \
    | sed 's/^[^:]*:[[:space:]]*//; s/^"\(.*\)"$/\1/' || true
}

SEQ_SEND=00000000-0000-4000-8000-000000000303
MAILBOX_3=00000000-0000-4000-8000-000000000103 MAILBOX_3_EMAIL=kim@demo-sales.example

run_sending_demo() {
  say "Sending: step-scheduler dispatches each step when due, the mailer simulator reports what happened"
  echo "${DIM}A scheduler day lasts $DAY_LENGTH here, so wait_days 1 is $DAY_LENGTH. Plus tags in the recipients'"
  echo "addresses tell the simulator what to report: +reply-positive-2 (replies after step 2), +bounce, +ooo (back in 3 days).${R}"
  api PUT "/mailboxes/$MAILBOX_3" "{\"email\":\"$MAILBOX_3_EMAIL\",\"display_name\":\"Kim (Sales)\",\"owner_id\":\"$OWNER\",\"is_paused\":true,\"is_unauthorized\":false,\"daily_limit\":200,\"min_seconds_between_sends\":0}"
  api PUT "/sequences/$SEQ_SEND" "{\"name\":\"Product launch\",\"is_published\":true,\"is_paused\":false,\"ruleset_id\":\"$RULESET\",\"task_assignment\":\"MAILBOX_OWNER\",\"steps\":[
    {\"type\":\"EMAIL\",\"wait_days\":0,\"subject\":\"Launching today, {{first_name}}\",\"body\":\"Hi {{first_name}}, ...\"},
    {\"type\":\"EMAIL\",\"wait_days\":1,\"subject\":\"Re: launching today\",\"body\":\"Hi {{first_name}}, following up ...\"},
    {\"type\":\"EMAIL\",\"wait_days\":1,\"subject\":\"Last note\",\"body\":\"Hi {{first_name}}, one last note ...\"}]}"
  local names=(Carol Dan Eve Frank Gina)
  local emails=(carol@demo-prospects.example dan+reply-positive-2@demo-prospects.example eve+bounce@demo-prospects.example
                frank@demo-prospects.example gina+ooo@demo-prospects.example)
  local mailboxes=("$MAILBOX_1_EMAIL" "$MAILBOX_1_EMAIL" "$MAILBOX_2_EMAIL" "$MAILBOX_3_EMAIL" "$MAILBOX_2_EMAIL")
  local stories=("runs all three steps: Completed" "replies after step 2: Replied" "bounces: Bounced"
                 "sends from Kim's paused mailbox: Blocked, until Kim's mailbox is resumed" "is out of office for 3 days: Paused, then resumed")
  local ids=() enrollments=() i n=${#names[@]}
  for ((i = 0; i < n; i++)); do
    ids+=("00000000-0000-4000-8000-00000000050$i")
    api PUT "/people/${ids[$i]}" "$(person_json "${emails[$i]}" "${names[$i]}" Demo demo-prospects.example false)"
  done
  await_reference "${ids[$((n - 1))]}" "$SEQ_SEND"
  for ((i = 0; i < n; i++)); do
    echo; echo "${DIM}${names[$i]} (${emails[$i]}) ${stories[$i]}.${R}"
    api POST /enrollments "{\"sequence_id\":\"$SEQ_SEND\",\"person_id\":\"${ids[$i]}\",\"mailbox_emails\":[\"${mailboxes[$i]}\"]}"
    case "$STATUS" in
      201) enrollments+=("$(json_field id)") ;;
      409) enrollments+=("$(json_field active_enrollment_id)")
           warn "${names[$i]} is still enrolled from a previous run (deploy/run-local.sh --fresh starts over)" ;;
      *) enrollments+=("") ;;
    esac
  done

  echo
  say "Watching the enrollments (each line is a change seen through GET /enrollments/{id}) ..."
  local start last=() line status done_count resumed_mailbox=false limit=$(( $(duration_seconds "$DAY_LENGTH") * 12 + 60 ))
  ((limit <= 300)) || limit=300
  start="$(now_ms)"
  while (( ($(now_ms) - start) / 1000 < limit )); do
    done_count=0
    for ((i = 0; i < n; i++)); do
      [[ -n "${enrollments[$i]}" ]] || { done_count=$((done_count + 1)); continue; }
      BODY="$(curl -sS -m 5 -H "x-api-key: $API_KEY" "$API/enrollments/${enrollments[$i]}" 2>/dev/null)" || continue
      status="$(json_value display_status)"
      line="$status, $(json_value steps_completed) of 3 steps sent"
      [[ "$(json_value block_reason)" != null && -n "$(json_value block_reason)" ]] && line+=", blocked: $(json_value block_reason)"
      [[ "$(json_value pause_reason)" != null && -n "$(json_value pause_reason)" ]] && line+=", paused: $(json_value pause_reason) until $(json_value resume_at)"
      [[ "$(json_value waiting_for)" != null && -n "$(json_value waiting_for)" ]] && line+=", waiting for $(json_value waiting_for)"
      [[ "$(json_value finish_reason)" != null && -n "$(json_value finish_reason)" ]] && line+=", finished: $(json_value finish_reason)"
      if [[ "$line" != "${last[$i]:-}" ]]; then
        printf '  %s+%5.1fs%s  %-6s %s\n' "$DIM" "$(awk "BEGIN{print ($(now_ms) - $start) / 1000}")" "$R" "${names[$i]}" "$line"
        last[$i]="$line"
      fi
      [[ "$(json_value status)" == FINISHED ]] && done_count=$((done_count + 1))
      if [[ $i == 3 && "$status" == BLOCKED ]] && ! $resumed_mailbox; then
        echo "  ${DIM}Frank is blocked by Kim's paused mailbox. Resuming the mailbox unblocks him without anyone asking:${R}"
        api PUT "/mailboxes/$MAILBOX_3" "{\"email\":\"$MAILBOX_3_EMAIL\",\"display_name\":\"Kim (Sales)\",\"owner_id\":\"$OWNER\",\"is_paused\":false,\"is_unauthorized\":false,\"daily_limit\":200,\"min_seconds_between_sends\":0}"
        resumed_mailbox=true
      fi
    done
    ((done_count == n)) && break
    sleep 0.5
  done
  if ((done_count == n)); then
    say "${GRN}Every enrollment finished in $(( ($(now_ms) - start) / 1000 )) s${R}"
  else
    warn "not every enrollment finished within ${limit}s (see .run-local/step-scheduler.log and mailer-simulator.log)"
  fi
  echo; echo "${DIM}The mailer simulator's counts: every send request was sent once.${R}"
  printf '\n%sGET %s/mailer/sends%s\n' "$CYN" "$MAILER_URL" "$R"
  curl -sS -m 5 -H "x-api-key: $API_KEY" "$MAILER_URL/mailer/sends" | pretty | head -n 12 | sed 's/^/    /'
  SEND_ENROLLMENT="${enrollments[0]}"
  DAN="${ids[1]}" DAN_EMAIL="${emails[1]}" DAN_ENROLLMENT="${enrollments[1]}"
}

ACCOUNT_RULESET=00000000-0000-4000-8000-000000000203
SEQ_ACCOUNT=00000000-0000-4000-8000-000000000304

run_account_demo() {
  say "Accounts: at most 2 active enrollments per company, and colleagues stopped when one of them replies"
  echo "${DIM}A ruleset with max_active_enrollments_per_company 2, a sequence using it, and four people at Initech"
  echo "(their company domains written three different ways: one normalized domain, initech.example).${R}"
  api PUT "/rulesets/$ACCOUNT_RULESET" '{"allow_reenrollment_into_sequences":true,"allow_reenrollment_into_same_sequence":true,"reenrollment_waiting_days":0,"max_active_enrollments_per_company":2}'
  api PUT "/sequences/$SEQ_ACCOUNT" "{\"name\":\"Initech account play\",\"is_published\":true,\"is_paused\":false,\"ruleset_id\":\"$ACCOUNT_RULESET\",\"steps\":[
    {\"type\":\"EMAIL\",\"wait_days\":0,\"subject\":\"Initech + us, {{first_name}}?\",\"body\":\"Hi {{first_name}}, ...\"},
    {\"type\":\"EMAIL\",\"wait_days\":30,\"subject\":\"Re: Initech + us\",\"body\":\"Hi {{first_name}}, ...\"}]}"
  local names=(Peter Michael Samir Milton) domains=("initech.example" "https://www.Initech.example/about" "INITECH.example." "initech.example")
  local ids=() enrollments=() i
  for ((i = 0; i < 4; i++)); do
    ids+=("00000000-0000-4000-8000-00000000060$i")
    api PUT "/people/${ids[$i]}" "$(person_json "${names[$i],,}@initech.example" "${names[$i]}" Initech "${domains[$i]}" false)"
  done
  await_reference "${ids[3]}" "$SEQ_ACCOUNT"
  for ((i = 0; i < 3; i++)); do
    echo; echo "${DIM}Enroll ${names[$i]}$( ((i == 2)) && echo ': Initech already has 2 active enrollments, so 400 COMPANY_LIMIT_REACHED naming the domain, the limit and the count').${R}"
    api POST /enrollments "{\"sequence_id\":\"$SEQ_ACCOUNT\",\"person_id\":\"${ids[$i]}\",\"mailbox_emails\":[\"$MAILBOX_1_EMAIL\"]}"
    enrollments+=("$( [[ "$STATUS" == 201 ]] && json_field id || true)")
  done
  echo; echo "${DIM}The account: its enrollments and the ledger's count.${R}"
  api GET "/companies/initech.example/enrollments"

  [[ -n "${enrollments[0]}" && -n "${enrollments[1]}" ]] || { warn "Peter and Michael are not both enrolled (an earlier run? --fresh starts over)"; return 0; }
  echo; echo "${DIM}Stop the colleagues when anyone at the company replies (organization setting stop_company_on_reply).${R}"
  api PUT /settings '{"stop_company_on_reply":"ANY_REPLY"}'
  echo; echo "${DIM}Peter replies; Michael's enrollment finishes with COLLEAGUE_REPLIED, naming Peter's reply.${R}"
  api POST "/enrollments/${enrollments[0]}/replies" "{\"classification\":\"POSITIVE\",\"received_at\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\"}"
  local ms
  if ms="$(await_field "/enrollments/${enrollments[1]}" finish_reason COLLEAGUE_REPLIED 15)"; then
    echo "${GRN}Michael stopped ${ms} ms after Peter's reply was accepted.${R}"
  else
    warn "Michael's enrollment did not finish within 15 s"
  fi
  api GET "/enrollments/${enrollments[1]}"
  echo; echo "${DIM}Both slots are free again: Samir gets in now.${R}"
  api POST /enrollments "{\"sequence_id\":\"$SEQ_ACCOUNT\",\"person_id\":\"${ids[2]}\",\"mailbox_emails\":[\"$MAILBOX_1_EMAIL\"]}"
  api GET "/companies/initech.example/enrollments?status=IN_PROGRESS"
}

DAN_AGAIN=00000000-0000-4000-8000-000000000599

run_privacy_demo() {
  say "Personal data: export what is held about Dan, erase him, and keep his address from being contacted again"
  [[ -n "${DAN:-}" ]] || { warn "the sending demo did not run: no Dan to export and erase"; return 0; }
  echo "${DIM}An access request answered in one call: his record, CRM fields, enrollments, every event and email (opened with his key).${R}"
  printf '\n%sGET %s/people/%s/export%s\n' "$CYN" "$API" "$DAN" "$R"
  BODY="$(curl -sS -m 10 -H "x-api-key: $API_KEY" "$API/people/$DAN/export" 2>/dev/null || true)"
  printf '%s' "$BODY" | pretty | head -n 25 | sed 's/^/    /'
  echo "    ${DIM}... ($(printf '%s' "$BODY" | grep -o '"event_id"' | wc -l) events)${R}"

  echo; echo "${DIM}Dan asks to be erased. A job: his active enrollments end (PERSON_ERASED), his key is shredded (every sealed"
  echo "copy of his address, emails and reply subject in the logs becomes unreadable), his records are tombstoned in every"
  echo "service, and a keyed hash of his address goes on the suppression list.${R}"
  api DELETE "/people/$DAN?mode=erase"
  local job ms
  job="$(json_field id)"
  if [[ -n "$job" ]] && ms="$(await_field "/erase-jobs/$job" state COMPLETED 15)"; then
    echo "${GRN}Erased in ${ms} ms.${R}"
  else
    warn "the erase job did not complete within 15 s"
  fi
  api GET "/erase-jobs/$job"
  echo; echo "${DIM}The person is gone; his enrollment stays for analytics, ids and statuses only (person_erased, no reply subject).${R}"
  api GET "/people/$DAN"
  [[ -n "${DAN_ENROLLMENT:-}" ]] && api GET "/enrollments/$DAN_ENROLLMENT"
  echo; echo "${DIM}A CRM sync re-creates him under a new id with the same address: enrolling him is refused, SUPPRESSED.${R}"
  api PUT "/people/$DAN_AGAIN" "$(person_json "$DAN_EMAIL" Dan Demo demo-prospects.example false)"
  await_reference "$DAN_AGAIN" "$SEQ_SEND"
  api POST /enrollments "{\"sequence_id\":\"$SEQ_SEND\",\"person_id\":\"$DAN_AGAIN\",\"mailbox_emails\":[\"$MAILBOX_1_EMAIL\"]}"
}

duration_seconds() { # ISO-8601 duration like PT10S, PT1M, P1D -> seconds (approximate, for time limits)
  local d="$1" total=0 n
  [[ "$d" =~ ([0-9]+)D ]] && total=$((total + ${BASH_REMATCH[1]} * 86400))
  [[ "$d" =~ T.*[^0-9]?([0-9]+)H ]] && total=$((total + ${BASH_REMATCH[1]} * 3600))
  [[ "$d" =~ T.*[^0-9]?([0-9]+)M ]] && total=$((total + ${BASH_REMATCH[1]} * 60))
  [[ "$d" =~ ([0-9]+)S$ ]] && total=$((total + ${BASH_REMATCH[1]}))
  ((total > 0)) || total=10
  echo "$total"
}

try_it_yourself() {
  local e="${ADA_ENROLLMENT:-<enrollment-id>}"
  cat <<EOF

${B}Try it yourself${R} (organization $ORG_ID):
  KEY=$API_KEY
  API=$API
  curl -s -H "x-api-key: \$KEY" \$API/enrollments/$e
  curl -s -X POST -H "x-api-key: \$KEY" \$API/enrollments/$e/pause
  curl -s -X POST -H "x-api-key: \$KEY" \$API/enrollments/$e/resume
  curl -s -X POST -H "x-api-key: \$KEY" \$API/enrollments/$e/unenroll
  curl -s -X POST -H "x-api-key: \$KEY" \$API/people/$GRACE/opt-out
  curl -s -H "x-api-key: \$KEY" "\$API/people/$ALAN/eligibility?sequence_id=$SEQ_WEBINAR"
  curl -s -H "x-api-key: \$KEY" "\$API/companies/initech.example/enrollments?status=IN_PROGRESS"
  curl -s -H "x-api-key: \$KEY" \$API/sequences/$SEQ_SEND/report                # by status, finish reason, rejection code
  curl -s -H "x-api-key: \$KEY" \$API/people/$GRACE/export                 # everything held about Grace
  curl -s -X DELETE -H "x-api-key: \$KEY" "\$API/people/$GRACE?mode=erase"   # erase her (a job: /erase-jobs/{id})
  curl -s -X POST -H "x-api-key: \$KEY" -H 'content-type: application/json' \$API/enrollments \\
       -d '{"sequence_id":"$SEQ_WEBINAR","person_id":"$ALAN","mailbox_emails":["$MAILBOX_2_EMAIL"]}'

  # exclusion-evaluator: CRM changes in, what-if
  curl -s -X POST -H "x-api-key: \$KEY" -H 'content-type: application/json' $EVALUATOR_API/crm-changes \\
       -d '{"changes":[{"crm":"salesforce","object":"person","id":"003ALAN","person_id":"$ALAN","fields":{"lifecycle_stage":"customer"}}]}'
  curl -s -H "x-api-key: \$KEY" "\$API/people/$ALAN/exclusions?sequence_id=$SEQ_WEBINAR"

  # mailer-simulator: emails sent per send request (plus tags in addresses: ada+bounce@, ada+reply-positive-2@, ...)
  curl -s -H "x-api-key: \$KEY" $MAILER_URL/mailer/sends

  OpenAPI: $BASE_URL/q/openapi and $EVALUATOR_URL/q/openapi   health: /q/health   metrics: /q/metrics
  Kafka:   $BOOTSTRAP (e.g. kcat -b $BOOTSTRAP -L)
EOF
}

if $DEMO; then
  run_demo
  run_exclusion_demo
  run_sending_demo
  run_account_demo
  run_privacy_demo
fi
if ! $KAFKA_ONLY; then
  try_it_yourself
fi

echo
if $KAFKA_ONLY; then
  say "Kafka is running on $BOOTSTRAP. Ctrl-C stops it."
else
  say "Running. Logs: .run-local/*.log. Ctrl-C stops the services, then Kafka."
fi

# Wait until a signal arrives (handled by on_signal) or a process dies on its own.
while true; do
  wait -n 2>/dev/null || true
  for name in "${SERVICES[@]}"; do
    if [[ -n "${SERVICE_PIDS[$name]:-}" ]] && ! kill -0 "${SERVICE_PIDS[$name]}" 2>/dev/null; then
      SERVICE_PIDS[$name]=''
      show_tail "$RUN_DIR/$name.log"; die "$name stopped unexpectedly"
    fi
  done
  if [[ -n "$KAFKA_PID" ]] && ! kill -0 "$KAFKA_PID" 2>/dev/null; then
    KAFKA_PID=''
    show_tail "$KAFKA_LOG"; die "Kafka stopped unexpectedly"
  fi
done
