#!/usr/bin/env bash
# The realistic load (docs/performance.md): all municipalities of the catalogue active, USERS people each, browsing
# plans, documents, follow-up and the archive at RATE page views a second for SECONDS (bench/Browse.java), while
# Holbæk's plans go through approval at LIFECYCLES_PER_SECOND (bench/Faults.java's driver). Prints p50/p95/p99 per
# page kind, the lifecycles driven and the application's peak RSS.
#
#   bench/run-browse.sh [USERS] [SECONDS] [RATE]      default 20 people per municipality, 60 s, 50 views a second
#   SKIP_BUILD=1 bench/run-browse.sh                  reuse modules/app/target/beskplan.jar
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

USERS=${1:-20}
SECONDS_=${2:-60}
RATE=${3:-50}
LIFECYCLES_PER_SECOND=${LIFECYCLES_PER_SECOND:-1}
PORT=${BENCH_PORT:-18086}
WORK=$(mktemp -d /tmp/beskplan-browse-XXXX)
trap 'stop_app; rm -rf "$WORK"' EXIT
build_jar

start_app beskplan_browse_bench "$PORT" "browse"
log "app healthy after $STARTUP_MS ms; waiting for the demo data"
wait_demo_data

lifecycles=$(awk -v s="$SECONDS_" -v r="$LIFECYCLES_PER_SECOND" 'BEGIN { printf "%d", s * r }')
log "$lifecycles lifecycles through approval alongside"
java -cp "$JAR" bench/Faults.java drive "$APP_URL" "$lifecycles" "$LIFECYCLES_PER_SECOND" "$WORK/ids" > "$WORK/drive.out" 2>/dev/null &
driver=$!
( while kill -0 "$APP_PID" 2>/dev/null; do awk '/VmHWM/ { print $2 }' "/proc/$APP_PID/status" > "$WORK/hwm" 2>/dev/null; sleep 1; done ) &
java -cp "$JAR" bench/Browse.java "$APP_URL" "$APP_JDBC" "$USERS" "$SECONDS_" "$RATE"
wait "$driver" || true
grep -E "lifecycles driven|driving took" "$WORK/drive.out" || true
echo "peak RSS of the application: $(( $(cat "$WORK/hwm" 2>/dev/null || echo 0) / 1024 )) MiB"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), cores: $(nproc), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
