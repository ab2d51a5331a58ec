#!/usr/bin/env bash
# Lints the API description as the application serves it (docs/api.md): builds the jar (SKIP_BUILD=1: the one there), starts it on a free port with a
# database of its own, fetches /swagger/beskplan.yml and runs Redocly's linter (recommended rules) on it. Exit code 1
# when Redocly reports an error. Needs PostgreSQL and RabbitMQ up (.ci/run starts them) and npm (npx fetches Redocly).
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[lint-api] $*"; }

if [ "${SKIP_BUILD:-}" != 1 ] || [ ! -f modules/app/target/beskplan.jar ]; then
  log "building the application"
  ./mvnw -B -q -DskipTests package
fi

db="beskplan_lint_$$"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
createdb -h 127.0.0.1 -U postgres "$db"
out=$(mktemp -d)
DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/$db" DATASOURCES_DEFAULT_MAXIMUM_POOL_SIZE=2 \
  MICRONAUT_SERVER_PORT="$port" BESKPLAN_MESSAGING_NAMESPACE="lint$$" BESKPLAN_MAIL_ENABLED=false \
  java -jar modules/app/target/beskplan.jar >"$out/app.log" 2>&1 &
app=$!
cleanup() {
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists "$db" >/dev/null 2>&1 || true
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://127.0.0.1:$port/health" && break
  kill -0 "$app" 2>/dev/null || { cat "$out/app.log"; log "the application did not start"; exit 1; }
  sleep 1
done
curl -sf -D "$out/headers" -o "$out/beskplan.yml" "http://127.0.0.1:$port/swagger/beskplan.yml"
grep -qi '^content-type: application/yaml' "$out/headers" || { cat "$out/headers"; log "not served as application/yaml"; exit 1; }
log "linting the served description with Redocly"
npx --yes @redocly/cli@2.77.0 lint "$out/beskplan.yml"
