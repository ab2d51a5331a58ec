#!/usr/bin/env bash
# Faults (docs/reliability.md): with PLANS plan lifecycles in flight through the API, kill -9 the application twice
# and restart it, restart RabbitMQ, stop RabbitMQ for 60 seconds, restart PostgreSQL, and send SIGTERM once; then
# check that every plan reached its final state, every module applied every message exactly once, the outboxes are
# drained and the dead-letter queues are empty, and print the counts and how long the outbox backlog took to clear.
#
# It runs its own PostgreSQL cluster and its own RabbitMQ node on loopback ports of their own, so the machine's
# services (and anything else using them) are not disturbed, and removes both afterwards.
#
#   bench/run-faults.sh [PLANS]            default 500
#   SKIP_BUILD=1 bench/run-faults.sh       reuse modules/app/target/beskplan.jar
#   NO_CDS=1 bench/run-faults.sh           start the app as plain java -jar; by default it maps a class-data-sharing
#                                          archive recorded by a training start, as the image brings one
#                                          (docker/record-cds.sh), so a restart after kill -9 is a production
#                                          restart
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

fault_run faults "${1:-}"
PG_PORT=${FAULTS_PG_PORT:-55432}   # lib.sh builds the JDBC URL from it
MQ_PORT=${FAULTS_MQ_PORT:-55672}
NODE="beskplan-faults@localhost"
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
APP_PORT=${BENCH_PORT:-18082}

build_jar

pg() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/log" -w "$@" >/dev/null; }
mq() { rabbitmqctl -q -n "$NODE" "$@"; }
cleanup() {
  set +e
  [ -n "${APP_PID:-}" ] && kill -9 "$APP_PID" 2>/dev/null
  mq stop >/dev/null 2>&1
  pg -m immediate stop 2>/dev/null
  rm -rf "$WORK" "${APP_JSA:-}"
}
trap cleanup EXIT

# --- A PostgreSQL cluster of its own -------------------------------------------------------------------------
mkdir -p "$WORK/pg" && chown postgres "$WORK/pg"
runuser -u postgres -- "$PGBIN/initdb" -D "$WORK/pg/data" -A trust -U postgres -E UTF8 >/dev/null
pg -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1" start

# --- A RabbitMQ node of its own --------------------------------------------------------------------------------
mkdir -p "$WORK/mq"
echo "[]." > "$WORK/mq/enabled_plugins"
printf 'listeners.tcp.local = 127.0.0.1:%s\nloopback_users = none\n' "$MQ_PORT" > "$WORK/mq/rabbitmq.conf"
chown -R rabbitmq:rabbitmq "$WORK/mq"
export RABBITMQ_NODENAME=$NODE RABBITMQ_NODE_PORT=$MQ_PORT RABBITMQ_DIST_PORT=$((MQ_PORT - 10000)) \
  RABBITMQ_MNESIA_BASE="$WORK/mq/mnesia" RABBITMQ_LOG_BASE="$WORK/mq/log" RABBITMQ_PID_FILE="$WORK/mq/pid" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$WORK/mq/enabled_plugins" RABBITMQ_CONFIG_FILE="$WORK/mq/rabbitmq"
rabbitmq-server -detached
for _ in $(seq 1 120); do mq ping >/dev/null 2>&1 && break; sleep 0.5; done
timeout 120 rabbitmqctl -q -n "$NODE" await_startup
mq enable_feature_flag all >/dev/null 2>&1 || true

# --- The application on them ----------------------------------------------------------------------------------
PG="-h 127.0.0.1 -p $PG_PORT -U postgres"
export RABBITMQ_PORT=$MQ_PORT
start_app beskplan "$APP_PORT" "faults"
log "app healthy after $STARTUP_MS ms; waiting for the demo data"
wait_demo_data

# A restart is production's: the demo data is in the database by now, and the demo's loaders are not part of a restart.
restart_app() { APP_ENVIRONMENTS= launch_app "$APP_PORT"; local t=$(date +%s%N); wait_healthy; log "  up again after $(( ($(date +%s%N) - t) / 1000000 )) ms"; }
# unpublished [SQL condition]: rows waiting in all outboxes.
unpublished() {
  local q="" m
  for m in drafting approval followup archive; do
    q="$q${q:+ + }(select count(*) from $m.outbox where published_at is null ${1:-})"
  done
  psql $PG -d "$APP_DB" -tAc "select $q" 2>/dev/null || echo "?"
}

# frozen_waiting: frozen revisions whose PDF drafting's worker has not rendered yet.
frozen_waiting() { psql $PG -d "$APP_DB" -tAc "select count(*) from drafting.frozen_document where pdf is null" 2>/dev/null || echo "?"; }

log "driving $PLANS lifecycles, $PER_SECOND a second"
drive_lifecycles "$APP_URL"

sleep 10; log "fault 1: kill -9 the app";      kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; restart_app
sleep 8;  log "fault 2: kill -9 the app again"; kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; restart_app
sleep 8;  log "fault 3: restart RabbitMQ";      mq stop_app; mq start_app
sleep 8;  log "fault 4: stop RabbitMQ for 60 s"; mq stop_app
sleep 60
backlog=$(unpublished)
log "  backlog in the outboxes: $backlog messages; starting RabbitMQ"
t0=$(date +%s%N)
mq start_app
t=$(date +%s%N)
log "  RabbitMQ's start_app took $(( (t - t0) / 1000000 )) ms"
back=$(psql $PG -d "$APP_DB" -tAc "select now()")
# The backlog is what was waiting when the broker came back; new work keeps arriving meanwhile.
until [ "$(unpublished "and created_at <= '$back'")" = "0" ]; do sleep 0.05; done
drain_ms=$(( ($(date +%s%N) - t) / 1000000 ))
until [ "$(unpublished)" = "0" ]; do sleep 0.1; done
empty_ms=$(( ($(date +%s%N) - t) / 1000000 ))
waiting=$(frozen_waiting)
# Settled: nothing left to send, including the frozen documents whose PDF drafting's worker has still to render (each
# becomes a drafting.plan-document-frozen message only then). New lifecycles keep coming meanwhile.
until [ "$(unpublished)" = "0" ] && [ "$(frozen_waiting)" = "0" ]; do sleep 0.1; done
settle_ms=$(( ($(date +%s%N) - t) / 1000000 ))
log "  backlog published in $drain_ms ms; all outboxes empty after $empty_ms ms ($waiting frozen PDFs still to render); nothing left to send after $settle_ms ms"
# Where the drain's time went: the client's reconnect (the app's log, in the machine's time zone), then each module's
# relay, from the broker's return. Rows stamped before that moment are not among these counts: published_at is the
# relay transaction's start, and the broker may take connections before start_app returns.
recovered=$(grep -a "connection recovered" "$APP_LOG" | tail -1 | cut -c1-12)
log "  the app reconnected at $recovered; the broker was back at $(date -d "@${t:0:10}.${t:10:3}" +%H:%M:%S.%3N)"
for m in drafting approval followup archive; do
  log "  $m: $(psql $PG -d "$APP_DB" -tAc "select count(*) || ' backlog messages, first published after '
    || coalesce(round(extract(epoch from min(published_at) - '$back')::numeric * 1000)::text, '-') || ' ms, last after '
    || coalesce(round(extract(epoch from max(published_at) - '$back')::numeric * 1000)::text, '-') || ' ms'
    from $m.outbox where created_at <= '$back' and published_at >= '$back'")"
done
# The approvals the return set going each have their approved version's PDF rendered by drafting's worker, one at a
# time, before drafting.plan-document-frozen is written.
log "  drafting's worker: $(psql $PG -d "$APP_DB" -tAc "select count(*) || ' frozen PDFs rendered since the broker''s return, the last after '
  || coalesce(round(extract(epoch from max(rendered_at) - '$back')::numeric * 1000)::text, '-') || ' ms'
  from drafting.frozen_document where rendered_at >= '$back'")"
log "  frozen PDFs requested during the outage, rendered before the broker's return / after: $(psql $PG -d "$APP_DB" -tAc "select
  string_agg(kind || ' ' || before || ' / ' || after, ', ') from (select kind, count(*) filter (where rendered_at < '$back') as before,
  count(*) filter (where rendered_at >= '$back') as after from drafting.frozen_document
  where requested_at between timestamptz '$back' - interval '62 seconds' and '$back' group by kind) k")"
sleep 5;  log "fault 5: restart PostgreSQL";    pg -m fast restart -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1"
sleep 8;  log "fault 6: SIGTERM the app";       kill -TERM "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; restart_app

verify_lifecycles "outbox backlog when RabbitMQ came back after 60 s: $backlog messages, published in $drain_ms ms (all outboxes empty after $empty_ms ms and nothing left to send, frozen PDFs included, after $settle_ms ms, with the work the broker's return set going)"
echo "dead-letter queues (messages):"
mq list_queues --no-table-headers name messages | awk '/dead-letters/ { print "  " $1 ": " $2; total += $2 } END { print "  total: " total + 0; exit total > 0 }' || RESULT=1
echo "queues still holding messages: $(mq list_queues --no-table-headers name messages | awk '$2 > 0 && !/dead-letters/' | wc -l)"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), cores: $(nproc)"
exit $RESULT
