# Shared by the bench scripts: build the jar, start Beskplan on a database of its own against the local
# PostgreSQL and RabbitMQ (demo data), wait until it is healthy, stop it and clean up. Loopback only.
PG_PORT=${PG_PORT:-5432}
PG="-h 127.0.0.1 -p $PG_PORT -U postgres"
# BENCH_JAR=/path/to/other.jar bench/run-….sh: the same run with another build (not rebuilt), to compare two versions.
JAR=${BENCH_JAR:-modules/app/target/beskplan.jar}

log() { echo "[bench] $*" >&2; }

build_jar() {
  if [ -n "${BENCH_JAR:-}" ]; then
    [ -f "$JAR" ] || { log "no jar at $JAR"; exit 1; }
  elif [ -z "${SKIP_BUILD:-}" ] || [ ! -f "$JAR" ]; then
    log "building the jar"
    ./mvnw -B -q -DskipTests clean package
  fi
}

# prepare_app DB PORT NAMESPACE [LOG_NAME]: a new empty database DB and the run's APP_* settings; the log will go to
# a new /tmp/beskplan-LOG_NAME-XXXX.log (default: bench).
prepare_app() {
  local db=$1 port=$2 namespace=$3
  dropdb $PG --if-exists "$db" 2>/dev/null
  createdb $PG "$db"
  APP_DB=$db
  APP_NAMESPACE=$namespace
  APP_URL="http://127.0.0.1:$port"
  APP_JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/$db"
  APP_LOG=$(mktemp "/tmp/beskplan-${4:-bench}-XXXX.log")
}

# start_app DB PORT NAMESPACE: sets APP_PID and STARTUP_MS; the log goes to APP_LOG.
start_app() {
  local port=$2
  prepare_app "$@"
  if [ -n "${WITH_CDS:-}" ]; then record_cds "$port"; fi
  launch_app "$port"
  local started=$(date +%s%N)
  wait_healthy
  STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
}

# launch_app PORT: starts the jar (again) on APP_DB, e.g. after a kill -9; with the demo environment unless
# APP_ENVIRONMENTS says otherwise (empty: production's, as a restart of a running installation is).
launch_app() {
  MICRONAUT_ENVIRONMENTS=${APP_ENVIRONMENTS-demo} run_jar "$APP_JDBC" "$1" "$APP_NAMESPACE" ${APP_JSA:+-XX:SharedArchiveFile=$APP_JSA}
  APP_PID=$!
}

# run_jar JDBC_URL PORT NAMESPACE [JVM OPTION...]: the jar in the background, its output to APP_LOG.
run_jar() {
  DATASOURCES_DEFAULT_URL="$1" MICRONAUT_SERVER_PORT=$2 BESKPLAN_MESSAGING_NAMESPACE="$3" BESKPLAN_MAIL_ENABLED=false \
    java ${BENCH_JAVA_OPTS:-} "${@:4}" -jar "$JAR" >>"$APP_LOG" 2>&1 &
}

# record_cds: a class-data-sharing archive for the starts that follow (launch_app maps it), recorded as the image
# records its own (docker/record-cds.sh: a training start without the demo and without a broker, here on a scratch
# database), so that the benchmarks start the application as a container does. Sets APP_JSA; call it after prepare_app
# (or start_app).
record_cds() {
  local db="${APP_DB}_cds" jsa
  jsa=$(mktemp -u /tmp/beskplan-XXXX.jsa)
  dropdb $PG --if-exists "$db" 2>/dev/null
  createdb $PG "$db"
  TRAIN_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" TRAIN_PORT="$1" JAVA_OPTS="${BENCH_JAVA_OPTS:-}" \
    docker/record-cds.sh "$JAR" "$jsa" >/dev/null
  dropdb $PG --if-exists "$db" 2>/dev/null || true
  APP_JSA=$jsa
  log "class-data-sharing archive recorded ($(( $(stat -c %s "$jsa") / 1048576 )) MiB)"
}

wait_healthy() {
  until curl -sf "$APP_URL/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "the app died, see $APP_LOG"; exit 1; fi
    sleep 0.05
  done
}

# delete_queues NAMESPACE: the local broker's queues of that namespace.
delete_queues() {
  for q in $(rabbitmqctl -q list_queues name 2>/dev/null | grep "^$1\." || true); do
    rabbitmqctl -q delete_queue "$q" >/dev/null 2>&1 || true
  done
}

# thread_cpu PID: the process's threads now, one "thread-id CPU-ticks name" a line, the name without numbers (as the
# kernel keeps it: 15 characters).
thread_cpu() {
  for t in /proc/"$1"/task/*; do
    { read -r name < "$t/comm" && read -r stat < "$t/stat"; } 2>/dev/null || continue
    set -- ${stat##*) }  # fields after the name: state is $1, utime $12, stime $13
    echo "${t##*/} $(( ${12} + ${13} )) ${name//[0-9]/N}"
  done
}

# thread_cpu_delta BEFORE AFTER: what each kind of thread spent between two thread_cpu listings (seconds), largest
# first. Thread by thread: a pool's thread that ended meanwhile takes its earlier CPU with it, so sums by name would not
# do; what threads that ended within the interval spent is not counted.
thread_cpu_delta() {
  awk -v tck="$(getconf CLK_TCK)" 'NR == FNR { b[$1] = $2; next }
    { d = $2 - b[$1]; n = $0; sub(/^[^ ]+ [^ ]+ /, "", n); c[n] += d }
    END { for (n in c) if (c[n] / tck >= 0.05) printf "%8.1f s  %s\n", c[n] / tck, n }' \
    <(echo "$1") <(echo "$2") | sort -rn
}

# The demo's committees and meetings exist once the demo has imported and approved its plans.
wait_demo_data() {
  for _ in $(seq 1 600); do
    local n
    n=$(psql $PG -d "$APP_DB" -tAc "select count(*) from approval.meeting where status = 'CLOSED'" 2>/dev/null || echo 0)
    [ "${n:-0}" -ge 3 ] && return 0
    sleep 0.2
  done
  log "the demo data did not appear"; exit 1
}

stop_app() {
  if [ -n "${APP_PID:-}" ]; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [ -n "${APP_DB:-}" ] && [ -z "${KEEP_DB:-}" ]; then
    dropdb $PG --if-exists "$APP_DB" 2>/dev/null || true
  fi
  if [ -n "${APP_JSA:-}" ]; then rm -f "$APP_JSA"; fi
  # The run's queues (its exchanges are left; they hold nothing).
  delete_queues "${APP_NAMESPACE:-none}"
}

# The fault runs (run-faults.sh, run-cluster.sh). fault_run NAME [PLANS]: PLANS lifecycles (default 500), PER_SECOND
# a second (default 4), WORK, a folder of their own, and WITH_CDS unless NO_CDS.
fault_run() {
  PLANS=${2:-500}
  PER_SECOND=${PER_SECOND:-4}
  WORK=$(mktemp -d "/tmp/beskplan-$1-XXXX")
  chmod 755 "$WORK"
  # The app maps a class-data-sharing archive, as the container does (docker/start.sh), so a restart after kill -9 is
  # a production restart; NO_CDS=1 starts it as plain java -jar.
  if [ -z "${NO_CDS:-}" ]; then WITH_CDS=1; fi
}

# drive_lifecycles URLS: PLANS lifecycles through the API (round-robin over the comma-separated URLS) in the
# background, DRIVER its pid; their plans' ids go to WORK/ids.
drive_lifecycles() {
  java -cp "$JAR" bench/Faults.java drive "$1" "$PLANS" "$PER_SECOND" "$WORK/ids" > "$WORK/drive.out" &
  DRIVER=$!
}

# verify_lifecycles [NOTE]: waits for the driver and prints what it did (then NOTE), then checks that every plan
# reached its final state and every module applied every message exactly once; RESULT is 1 when not.
verify_lifecycles() {
  wait "$DRIVER"
  cat "$WORK/drive.out"
  if [ -n "${1:-}" ]; then echo "$1"; fi
  RESULT=0
  java -cp "$JAR" bench/Faults.java verify "$APP_JDBC" "$WORK/ids" 5 || RESULT=1
}
