#!/usr/bin/env bash
# Scale-out (docs/operations.md, "Topology"; docs/performance.md): a three-node RabbitMQ cluster of its own on
# loopback ports (quorum queues replicated on all three nodes) and two Beskplan instances on one database, driven
# round-robin through the API with PLANS lifecycles. During the run one broker node is killed with -9 and brought
# back, and one application instance is killed with -9 and brought back. Afterwards: every plan in its final state,
# every message applied exactly once, the outboxes drained and the dead-letter queues empty, printed as the fault
# run (bench/run-faults.sh) prints them.
#
#   bench/run-cluster.sh [PLANS]            default 500
#   SKIP_BUILD=1 bench/run-cluster.sh       reuse modules/app/target/beskplan.jar
#   NO_CDS=1 bench/run-cluster.sh           start the instances as plain java -jar (default: with a class-data-sharing
#                                          archive recorded by a training start, as run-faults.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh

fault_run cluster "${1:-}"
PORTS=(${CLUSTER_MQ_PORTS:-5701 5702 5703})
PORT_A=${BENCH_PORT:-18083}
PORT_B=$((PORT_A + 1))

build_jar

node() { echo "beskplan-cluster$1@localhost"; }
mq() { local n=$1; shift; rabbitmqctl -q -n "$(node "$n")" "$@"; }

# start_node N: one RabbitMQ node with its own data, log and ports (N = 1, 2, 3).
start_node() {
  local n=$1 port=${PORTS[$(($1 - 1))]} dir="$WORK/mq$1"
  mkdir -p "$dir"
  echo "[]." > "$dir/enabled_plugins"
  printf 'listeners.tcp.local = 127.0.0.1:%s\nloopback_users = none\n' "$port" > "$dir/rabbitmq.conf"
  chown -R rabbitmq:rabbitmq "$dir"
  RABBITMQ_NODENAME=$(node "$n") RABBITMQ_NODE_PORT=$port RABBITMQ_DIST_PORT=$((port + 20000)) \
    RABBITMQ_MNESIA_BASE="$dir/mnesia" RABBITMQ_LOG_BASE="$dir/log" RABBITMQ_PID_FILE="$dir/pid" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins" RABBITMQ_CONFIG_FILE="$dir/rabbitmq" \
    rabbitmq-server -detached
  for _ in $(seq 1 120); do mq "$n" ping >/dev/null 2>&1 && break; sleep 0.5; done
  timeout 120 rabbitmqctl -q -n "$(node "$n")" await_startup
}
# The Erlang VM of node N (kill -9 takes the whole node down, as a crashed machine would).
node_pid() { cat "$WORK/mq$1/pid" 2>/dev/null || pgrep -f "\-sname $(node "$1" | cut -d@ -f1)" | head -1; }

APP_PIDS=()
cleanup() {
  set +e
  for p in "${APP_PIDS[@]:-}"; do [ -n "$p" ] && kill -9 "$p" 2>/dev/null; done
  for n in 1 2 3; do mq "$n" stop >/dev/null 2>&1; done
  [ -z "${KEEP_DB:-}" ] && dropdb $PG --if-exists "${APP_DB:-none}" 2>/dev/null
  rm -rf "$WORK" "${APP_JSA:-}"
}
trap cleanup EXIT

# --- A three-node cluster --------------------------------------------------------------------------------------
log "starting three RabbitMQ nodes on ports ${PORTS[*]}"
for n in 1 2 3; do start_node "$n"; done
for n in 2 3; do
  mq "$n" stop_app
  mq "$n" join_cluster "$(node 1)"
  mq "$n" start_app
done
mq 1 enable_feature_flag all >/dev/null 2>&1 || true
log "cluster: $(mq 1 cluster_status --formatter json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["running_nodes"]), "nodes running")')"

# --- Two application instances on one database ----------------------------------------------------------------
ADDRESSES="127.0.0.1:${PORTS[0]},127.0.0.1:${PORTS[1]},127.0.0.1:${PORTS[2]}"
# Each instance lists the nodes in another order, so the two connect to different nodes.
ADDRESSES_B="127.0.0.1:${PORTS[1]},127.0.0.1:${PORTS[2]},127.0.0.1:${PORTS[0]}"
export BESKPLAN_MESSAGING_BROKER_ADDRESSES=$ADDRESSES
start_app beskplan_cluster "$PORT_A" "cluster"
APP_PIDS[0]=$APP_PID
log "instance A healthy after $STARTUP_MS ms; waiting for the demo data"
wait_demo_data
URL_A=$APP_URL
URL_B="http://127.0.0.1:$PORT_B"
launch_b() {
  BESKPLAN_MESSAGING_BROKER_ADDRESSES=$ADDRESSES_B launch_app "$PORT_B"
  APP_PIDS[1]=$APP_PID
  APP_URL=$URL_B wait_healthy
}
launch_b
log "instance B healthy"
sleep 2

# Client connections by the node they are attached to (any running node lists the whole cluster's).
connected_nodes() { mq "$1" list_connections --no-table-headers pid 2>/dev/null | sed 's/^<\([^.@]*\)@.*/\1/' | sort | uniq -c | awk '{ printf "%s:%s ", $2, $1 }'; }
log "connections per node: $(connected_nodes 1)"
log "quorum queue members: $(mq 1 list_queues --no-table-headers name type members 2>/dev/null | awk '$1 ~ /^cluster\.drafting$/ { print $0 }')"

# --- The run with its faults ----------------------------------------------------------------------------------
log "driving $PLANS lifecycles, $PER_SECOND a second, round-robin over both instances"
drive_lifecycles "$URL_A,$URL_B"

sleep 20
victim=1
log "fault 1: kill -9 broker node $victim (pid $(node_pid $victim))"
kill -9 "$(node_pid $victim)"
sleep 20
log "  connections per node with node $victim down: $(connected_nodes 2)"
log "  bringing node $victim back"
start_node "$victim"
log "  cluster: $(mq 2 cluster_status --formatter json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["running_nodes"]), "nodes running")')"

sleep 15
log "fault 2: kill -9 application instance B (pid ${APP_PIDS[1]})"
kill -9 "${APP_PIDS[1]}"; wait "${APP_PIDS[1]}" 2>/dev/null || true
sleep 10
t=$(date +%s%N)
APP_ENVIRONMENTS= launch_b   # a restart is production's: no demo environment
log "  instance B up again after $(( ($(date +%s%N) - t) / 1000000 )) ms; connections per node: $(connected_nodes 2)"

verify_lifecycles
echo "dead-letter queues (messages):"
mq 2 list_queues --no-table-headers name messages | awk '/^cluster\..*dead-letters/ { print "  " $1 ": " $2; total += $2 } END { print "  total: " total + 0; exit total > 0 }' || RESULT=1
echo "queues still holding messages: $(mq 2 list_queues --no-table-headers name messages | awk '/^cluster\./ && $2 > 0 && !/dead-letters/' | wc -l)"
echo "quorum queue members after the run: $(mq 2 list_queues --no-table-headers name members | awk '$1 == "cluster.drafting"')"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ), cores: $(nproc)"
exit $RESULT
