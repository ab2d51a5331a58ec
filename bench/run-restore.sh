#!/usr/bin/env bash
# Backup and restore, tested (docs/operations.md, "Backup and restore"): Beskplan with the demo data on a database
# of its own, a signed archive checkpoint, a pg_dump; then the restore exactly as the operations guide says it —
# pg_restore into a new database, verify-archive against the checkpoint, purge the queues and let the outboxes
# publish the last day again — and the application started on the restored database. Prints what verify-archive
# says, how many messages were published again and how many deliveries the consumers skipped as already applied,
# and checks that the archive holds every message once and nothing was dead-lettered.
#
#   bench/run-restore.sh                    SKIP_BUILD=1 reuses modules/app/target/beskplan.jar
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

WORK=$(mktemp -d /tmp/beskplan-restore-XXXX)
PORT=${BENCH_PORT:-18085}
RESTORED=beskplan_restored_bench
cleanup() {
  set +e
  stop_app
  dropdb $PG --if-exists "$RESTORED" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT
build_jar

# Checkpoints signed with a key of the run's own, written into the run's directory.
java -jar "$JAR" archive-keygen "$WORK/keys" >/dev/null
export BESKPLAN_ARCHIVE_CHECKPOINT_KEY_FILE="$WORK/keys/archive-checkpoint-key.pem"
export BESKPLAN_ARCHIVE_CHECKPOINT_DIRECTORY="$WORK/checkpoints"
export BESKPLAN_METRICS_TOKEN=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
mkdir -p "$WORK/checkpoints"

start_app beskplan_restore_bench "$PORT" "restore"
wait_demo_data
log "demo data in place; waiting until the outboxes are drained"
drained() {
  local db=$1 q="" m
  for m in drafting approval followup archive administration; do q="$q${q:+ + }(select count(*) from $m.outbox where published_at is null)"; done
  [ "$(psql $PG -d "$db" -tAc "select $q")" = "0" ]
}
until drained "$APP_DB"; do sleep 0.5; done
sleep 2
DATASOURCES_DEFAULT_URL="$APP_JDBC" java -jar "$JAR" archive-checkpoint >/dev/null
records_before=$(psql $PG -d "$APP_DB" -tAc "select count(*) from archive.record")

log "backup: pg_dump"
pg_dump $PG -Fc -f "$WORK/beskplan.dump" "$APP_DB"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
echo "backup: $(du -h "$WORK/beskplan.dump" | cut -f1) dump, $records_before archive records"

log "restore: pg_restore into $RESTORED"
dropdb $PG --if-exists "$RESTORED"
createdb $PG "$RESTORED"
pg_restore $PG -d "$RESTORED" --no-owner "$WORK/beskplan.dump"
echo "== verify-archive on the restored database, against the latest checkpoint"
checkpoint=$(ls -t "$WORK"/checkpoints/archive-checkpoint-*.txt | head -1)
verify=0
DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$RESTORED" java -jar "$JAR" verify-archive \
  --checkpoint "$checkpoint" --public-key "$WORK/keys/archive-checkpoint-key.pub.pem" 2>&1 | grep -v DEBUG || verify=$?

log "reconnecting: purge the queues, publish the last day again"
republished=0
for m in drafting approval followup archive administration; do
  rabbitmqctl -q purge_queue "$APP_NAMESPACE.$m" >/dev/null 2>&1 || true
  n=$(psql $PG -d "$RESTORED" -tAc "with r as (update $m.outbox set published_at = null
        where created_at > (select max(created_at) from $m.outbox) - interval '1 day' returning 1) select count(*) from r")
  republished=$((republished + n))
done
echo "messages published again: $republished"

APP_DB=$RESTORED
APP_JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/$RESTORED"
launch_app "$PORT"
wait_healthy
until drained "$RESTORED"; do sleep 0.5; done
sleep 5
records_after=$(psql $PG -d "$RESTORED" -tAc "select count(*) from archive.record")
distinct=$(psql $PG -d "$RESTORED" -tAc "select count(distinct message_id) from archive.record")
skipped=$(curl -s -H "Authorization: Bearer $BESKPLAN_METRICS_TOKEN" "$APP_URL/prometheus" | awk '/^beskplan_messages_consumed_total.*outcome="duplicate"/ { s += $2 } END { print s + 0 }')
echo "archive records after the restart: $records_after (before the backup: $records_before; distinct messages: $distinct)"
echo "deliveries the consumers skipped as already applied (inbox): $skipped"
dead=$(rabbitmqctl -q list_queues --no-table-headers name messages | awk -v ns="$APP_NAMESPACE." 'index($1, ns) == 1 && /dead-letters/ { t += $2 } END { print t + 0 }')
echo "dead-lettered: $dead"
result=0
[ "$verify" = "0" ] || { echo "FAILED: verify-archive"; result=1; }
# New records may come (the restarted app's own work); none may be missing or doubled, nothing dead-lettered.
[ "$records_after" -ge "$records_before" ] && [ "$distinct" = "$records_after" ] || { echo "FAILED: archive records lost or doubled"; result=1; }
[ "$dead" = "0" ] || { echo "FAILED: messages dead-lettered"; result=1; }
[ "$skipped" -ge "$republished" ] || { echo "FAILED: fewer deliveries skipped than messages published again"; result=1; }
[ "$result" = 0 ] && echo "restore: PASSED"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
exit $result
