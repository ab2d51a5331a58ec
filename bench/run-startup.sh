#!/usr/bin/env bash
# Start-up to healthy (docs/performance.md): on a database migrated by a first start, without the demo, N starts
# each as the deployable starts (java -jar), then N starts with a class-data-sharing archive (AppCDS) recorded as the
# image records its own (docker/record-cds.sh); then the first start of a new installation with the demo (docker
# compose up): N starts each on a fresh database, as java -jar and with that archive, in turn. Prints each start's
# milliseconds to /health answering UP, and the medians.
#
#   bench/run-startup.sh [N]        default 5
#   SKIP_BUILD=1 bench/run-startup.sh
#   BENCH_JAVA_OPTS="-XX:+UseSerialGC" bench/run-startup.sh   with the container's JVM options
# Loopback only; it drops its database and the run's queues when done.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5}
PORT=${BENCH_PORT:-18081}
. bench/lib.sh
build_jar

db=beskplan_startup
namespace="startup-$(date +%s)"
prepare_app "$db" "$PORT" "$namespace" startup
trap stop_app EXIT

# One start without the demo, as the deployable runs in production; the first one migrates the database.
start_once() {
  DATASOURCES_DEFAULT_URL="$APP_JDBC" MICRONAUT_SERVER_PORT=$PORT BESKPLAN_MESSAGING_NAMESPACE="$APP_NAMESPACE" \
    BESKPLAN_MAIL_ENABLED=false java ${BENCH_JAVA_OPTS:-} "$@" -jar "$JAR" >>"$APP_LOG" 2>&1 &
  APP_PID=$!
  local started=$(date +%s%N)
  wait_healthy
  local ms=$(( ($(date +%s%N) - started) / 1000000 ))
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
  APP_PID=
  echo "$ms"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

log "first start (migrates the database): $(start_once) ms"
plain=()
for _ in $(seq 1 "$N"); do plain+=("$(start_once)"); done
echo "start-up to healthy, migrated database, no demo (ms): ${plain[*]}"
echo "median (ms): $(printf '%s\n' "${plain[@]}" | median)"

record_cds "$PORT"
jsa=$APP_JSA
cds=()
for _ in $(seq 1 "$N"); do cds+=("$(start_once -XX:SharedArchiveFile="$jsa")"); done
echo "start-up to healthy with AppCDS (ms): ${cds[*]}"
echo "median with AppCDS (ms): $(printf '%s\n' "${cds[@]}" | median)"
echo "archive size (MiB): $(( $(stat -c %s "$jsa") / 1048576 ))"

# The demo on a fresh database: the migrations run, the demo users are made, the demo plans are brought in behind.
fresh_plain=() fresh_cds=()
for _ in $(seq 1 "$N"); do
  prepare_app "$db" "$PORT" "$namespace" startup
  fresh_plain+=("$(MICRONAUT_ENVIRONMENTS=demo start_once)")
  delete_queues "$namespace"  # what the demo had sent is no message for the next fresh database
  prepare_app "$db" "$PORT" "$namespace" startup
  fresh_cds+=("$(MICRONAUT_ENVIRONMENTS=demo start_once -XX:SharedArchiveFile="$jsa")")
  delete_queues "$namespace"
done
echo "start-up to healthy, demo, fresh database (ms): ${fresh_plain[*]}"
echo "median (ms): $(printf '%s\n' "${fresh_plain[@]}" | median)"
echo "the same with AppCDS (ms): ${fresh_cds[*]}"
echo "median with AppCDS (ms): $(printf '%s\n' "${fresh_cds[@]}" | median)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
