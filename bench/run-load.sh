#!/usr/bin/env bash
# The benchmark (docs/performance.md): builds the jar, starts Beskplan on a fresh database against the local
# PostgreSQL and RabbitMQ, drives PLANS whole plan lifecycles through the HTTP API with CONCURRENCY clients
# (bench/Load.java), and prints lifecycles/s, workflow steps/s, HTTP latency percentiles per step, message
# latencies, GET at a fixed rate (as a lean client sees it, and by the app's own timer), PDF render time, the app's
# start-up time and peak RSS, the app's CPU per workflow step and per message consumed (from /proc/<pid>/stat, also
# without the JIT compiler's threads and by kind of thread) with a profile summary (Java Flight Recorder's samples
# by module; the recorder starts with the application, see below), and PostgreSQL's own commit rate measured with
# pgbench in the same run at the same concurrency.
#
#   bench/run-load.sh [PLANS] [CONCURRENCY]       defaults: 200 plans, 8 clients
#   SKIP_BUILD=1 bench/run-load.sh ...            reuse modules/app/target/beskplan.jar
#   KEEP_JFR=/tmp/load.jfr bench/run-load.sh      keep the Flight Recorder profile for a closer look (jfr print)
#   NO_JFR=1 bench/run-load.sh                    no profile (the recorder's own buffers count ~60 MiB in the RSS)
#   BENCH_JAVA_OPTS="-Xmx128m ..." bench/run-load.sh   the app's JVM options (docs/operations.md, "Sizing")
#   WARMUP=0 bench/run-load.sh                    no warm-up: by default WARMUP=100 lifecycles run first, unmeasured,
#                                                 so that the figures are a running instance's, not the JIT's (the
#                                                 warm-up's own CPU per step is printed too)
#
# Loopback only; it stops the app and drops its databases when done.
set -euo pipefail
cd "$(dirname "$0")/.."

PLANS=${1:-200}
CONCURRENCY=${2:-8}
PORT=${BENCH_PORT:-18080}
PGDB=beskplan_pgbench
. bench/lib.sh
build_jar

# --- PostgreSQL's own commit rate on this machine, at the benchmark's concurrency --------------------------
dropdb $PG --if-exists "$PGDB" 2>/dev/null
createdb $PG "$PGDB"
PGOPTIONS="-c client_min_messages=warning" psql $PG -q -d "$PGDB" -f bench/pgbench/setup.sql
threads=$(( CONCURRENCY < 2 ? CONCURRENCY : 2 ))
pgtps() {
  pgbench $PG -n -c "$CONCURRENCY" -j "$threads" -T 10 -f "$1" "$PGDB" 2>/dev/null \
    | awk '/^tps = / { print int($3); exit }'
}
log "pgbench: single-row inserts and business row + outbox row, $CONCURRENCY clients, 10 s each"
tps_single=$(pgtps bench/pgbench/single-insert.sql)
tps_outbox=$(pgtps bench/pgbench/business-and-outbox.sql)
dropdb $PG "$PGDB"

# --- The application ---------------------------------------------------------------------------------------
trap stop_app EXIT
if [ -z "${NO_JFR:-}" ]; then
  # Flight Recorder runs from the start: when a recording first starts it rewrites JDK classes for its I/O events, and
  # the JIT then compiles much of the application again; started with the measured run, that doubled the compiler's CPU.
  BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:-} -XX:StartFlightRecording=name=boot,settings=default,disk=false"
fi
# The app's own timer for the fixed-rate GETs: Load.java reads its http.server.requests histogram from /prometheus
# (off by default in production, where one histogram per route would multiply the series a scraper stores).
export MICRONAUT_METRICS_BINDERS_WEB_SERVER_HISTOGRAM=true
start_app beskplan_bench "$PORT" "bench-$(date +%s)"
log "healthy after ${STARTUP_MS} ms; waiting for the demo data"
wait_demo_data

WARMUP=${WARMUP:-100}
if [ "$WARMUP" -gt 0 ]; then
  log "warming up with $WARMUP lifecycles (not measured: the JIT compiles the hot paths meanwhile)"
  APP_PID=$APP_PID CLK_TCK=$(getconf CLK_TCK) java -cp "$JAR" bench/Load.java "$APP_URL" "$APP_JDBC" "$WARMUP" "$CONCURRENCY" warm-up \
    | awk -F': ' '/^(failed lifecycles|app CPU per workflow step, PDFs included)/ { print "warm-up " $1 ": " $2 }'
fi
threads_before=$(thread_cpu "$APP_PID")

log "driving $PLANS lifecycles with $CONCURRENCY clients ($([ -n "${NO_JFR:-}" ] && echo "not profiled" || echo "profiled with Java Flight Recorder"))"
results=$(mktemp)
profile=$(mktemp --suffix=.jfr)
[ -z "${NO_JFR:-}" ] && jcmd "$APP_PID" JFR.start name=load settings=default filename="$profile" >/dev/null
APP_PID=$APP_PID CLK_TCK=$(getconf CLK_TCK) java -cp "$JAR" bench/Load.java "$APP_URL" "$APP_JDBC" "$PLANS" "$CONCURRENCY" | tee "$results"
if [ -z "${NO_JFR:-}" ]; then
  jcmd "$APP_PID" JFR.stop name=load >/dev/null
  # Where the CPU went: execution samples by module (the innermost Beskplan frame) and by the top frame's package.
  jfr print --stack-depth 64 --events jdk.ExecutionSample "$profile" | python3 bench/profile-summary.py
fi
echo "app CPU by kind of thread in the measured run (lifecycles, PDFs, GETs; numbers in names folded to N):"
thread_cpu_delta "$threads_before" "$(thread_cpu "$APP_PID")" | head -12
if [ -n "${KEEP_JFR:-}" ]; then cp "$profile" "$KEEP_JFR"; log "profile kept in $KEEP_JFR"; fi
rm -f "$profile"

peak_rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$APP_PID/status")
steps=$(awk -F': ' '/^workflow steps\/s/ { print $2 }' "$results")
echo "app start-up to healthy (ms): $STARTUP_MS"
echo "app peak RSS (MiB): $(( peak_rss_kb / 1024 ))"
echo "pgbench single-row insert tps ($CONCURRENCY clients): $tps_single"
echo "pgbench business row + outbox row tps ($CONCURRENCY clients): $tps_outbox"
awk -v s="$steps" -v p="$tps_outbox" 'BEGIN { printf "ratio workflow steps/s ÷ pgbench business+outbox tps: %.3f\n", s / p }'
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), cores: $(nproc)"
