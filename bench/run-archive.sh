#!/usr/bin/env bash
# The archive at national scale (docs/performance.md#archive): generates 98 municipalities x 20 years (about a
# million records) into a database of its own with bench/archive/GenerateArchive.java, times verify-archive on
# it, prints the plans and timings of the indexed reads (bench/archive/queries.sql), then drops the database.
#
#   bench/run-archive.sh [RECORDS]            default: 1000000
#   SKIP_BUILD=1 bench/run-archive.sh ...     reuse modules/app/target/beskplan.jar
set -euo pipefail
cd "$(dirname "$0")/.."

RECORDS=${1:-1000000}
DB=beskplan_archive_bench
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1"
if [ -z "${SKIP_BUILD:-}" ]; then ./mvnw -B -q -DskipTests clean package; fi
JAR=modules/app/target/beskplan.jar

dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"
createdb -h 127.0.0.1 -U postgres "$DB"
trap 'dropdb -h 127.0.0.1 -U postgres --if-exists "$DB"' EXIT

java -cp "$JAR" bench/archive/GenerateArchive.java --url "jdbc:postgresql://127.0.0.1:5432/$DB" --records "$RECORDS" 2>/dev/null
echo "== verify-archive (heap capped at 256 MB: verification streams)"
DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$DB" /usr/bin/time -f "wall %e s, peak RSS %M kB" \
    java -Xmx256m -jar "$JAR" verify-archive 2>&1 | grep -v DEBUG
echo "== indexed reads"
$PSQL "$DB" -f bench/archive/queries.sql | grep -E "Execution Time|Index|Seq Scan|records|MB"
