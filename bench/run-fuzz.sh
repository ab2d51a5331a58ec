#!/usr/bin/env bash
# Bad input (docs/reliability.md): starts Beskplan with demo data on a database of its own, sends at least
# MIN_REQUESTS invalid or hostile requests across every endpoint (bench/Fuzz.java) and prints the counts by
# status and by defect, the 5xx responses (expected: none) and the tables that changed (expected: none).
#
#   bench/run-fuzz.sh [MIN_REQUESTS]          default 10000
#   SKIP_BUILD=1 bench/run-fuzz.sh            reuse modules/app/target/beskplan.jar
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
MIN=${1:-10000}
build_jar
trap stop_app EXIT
start_app beskplan_fuzz "${BENCH_PORT:-18081}" "fuzz-$(date +%s)"
wait_demo_data
sleep 3 # let the demo's last messages settle before the "before" snapshot
java -cp "$JAR" bench/Fuzz.java "$APP_URL" "$APP_JDBC" "$MIN"
