#!/usr/bin/env bash
# The worst request of each kind (docs/security.md, "Limits"): starts Beskplan with demo data on a database of its
# own, then imports a plan document at the limits (40 goals, 200 success criteria, ~590,000 characters), renders
# its PDF, compares it with a revision in which every word changed, approves it, renders its status report (200
# criteria) and asks for the public page's PDF twice. Prints, per request, the status, the time and the peak
# resident memory of the application process while it ran (bench/Worst.java).
#
#   bench/run-worst.sh [GOALS CRITERIA_PER_GOAL TEXT_LENGTH]   default 40 5 2900 (the limits)
#   SKIP_BUILD=1 bench/run-worst.sh                            reuse modules/app/target/beskplan.jar
#   JAR=/other/beskplan.jar SKIP_BUILD=1 bench/run-worst.sh    measure another build (e.g. one without the limits)
set -euo pipefail
GIVEN_JAR=${JAR:-}
cd "$(dirname "$0")/.."
. bench/lib.sh
JAR=${GIVEN_JAR:-$JAR}
build_jar
trap stop_app EXIT
BENCH_JAVA_OPTS=${BENCH_JAVA_OPTS:-"-Xmx2g"}
start_app beskplan_worst "${BENCH_PORT:-18116}" "worst-$(date +%s)"
# The demo users are enough (the run sets up a committee if the demo has not yet).
until curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d '{"username":"holbaek.sekretaer","password":"demo-adgangskode-2026"}' "$APP_URL/api/login" | grep -q 200; do sleep 1; done
log "app pid $APP_PID, started in ${STARTUP_MS} ms"
java -cp "$JAR" bench/Worst.java "$APP_URL" "$APP_JDBC" "$APP_PID" "$@"
