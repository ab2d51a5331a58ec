#!/usr/bin/env bash
# Issue 15 as an attacker would try it (docs/security.md, "Attacker run"): starts Beskplan with demo data on a database
# of its own, then over HTTP (bench/Attack.java) tries and counts: 50 wrong passwords for one user from one address and
# the owner's login from another, and the status and time of unknown, wrong and throttled answers (finding 1);
# formula payloads in status reports and live formulas in the CSV and XLSX exports (3); responses missing a required
# security header and state-changing requests from a foreign origin that get through (5); sessions after 8 logins of
# one user, "log the others out", and a calendar feed after its owner lost the manager role (7). Finding 2 (costs) is
# bench/run-worst.sh. Prints a table of counts; exits non-zero when a count expected to be 0 is not.
#
#   bench/run-attack.sh [PAGES]               default 300 responses checked for headers
#   SKIP_BUILD=1 bench/run-attack.sh          reuse modules/app/target/beskplan.jar
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
build_jar
trap stop_app EXIT
start_app beskplan_attack "${BENCH_PORT:-18117}" "attack-$(date +%s)"
wait_demo_data
sleep 3 # let the demo's last messages settle (its follow-up rounds and tasks)
java -cp "$JAR" bench/Attack.java "$APP_URL" "${1:-300}"
