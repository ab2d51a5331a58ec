#!/bin/sh
# Records Beskplan's class-data-sharing archive (docs/adr/0031-the-image-carries-its-class-data-sharing-archive.md)
# by a training start: the jar is started once with -XX:ArchiveClassesAtExit on a database of its own, a few pages are
# asked for, and it is stopped; the JVM writes the classes it loaded to ARCHIVE as it exits. Later starts with
# -XX:SharedArchiveFile=ARCHIVE map them instead of loading and verifying them again (docker/start.sh).
#
#   docker/record-cds.sh JAR ARCHIVE
#
# The image's build runs it (docker/Dockerfile), so that a container's very first start, the one a newcomer waits
# for, is as short as its later ones. By default it runs a throwaway PostgreSQL cluster of its own (initdb, in a
# temporary folder, as the calling user, who must not be root; the server as Debian and Ubuntu package it, in
# /usr/lib/postgresql/N/bin); with TRAIN_JDBC_URL it migrates that empty database
# instead (the benchmarks, bench/lib.sh). No broker is needed: the training start is pointed at a closed port, so it
# leaves no queues behind, and the classes of the consumers are loaded on the first start that connects.
# JAVA_OPTS: the JVM options of the starts that will map the archive (docker/start.sh passes its own).
set -eu
jar=$1
archive=$2
port=${TRAIN_PORT:-18979}
work=$(mktemp -d)
log="$work/training.log"
pgdata=
cleanup() {
  if [ -n "$pgdata" ]; then "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${TRAIN_JDBC_URL:-}" ]; then
  jdbc=$TRAIN_JDBC_URL
else
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -1)
  if [ -z "$initdb" ]; then
    echo "record-cds: no PostgreSQL server in /usr/lib/postgresql (or set TRAIN_JDBC_URL to an empty database)" >&2
    exit 1
  fi
  pgbin=$(dirname "$initdb")
  pgdata="$work/pg"
  "$pgbin/initdb" -D "$pgdata" -U postgres -A trust --no-sync >/dev/null
  "$pgbin/pg_ctl" -D "$pgdata" -l "$work/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $((port + 1)) -k $work -c fsync=off" start >/dev/null
  jdbc="jdbc:postgresql://127.0.0.1:$((port + 1))/postgres"
fi

# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
DATASOURCES_DEFAULT_URL="$jdbc" DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD= \
  MICRONAUT_SERVER_PORT=$port RABBITMQ_HOST=127.0.0.1 RABBITMQ_PORT=1 BESKPLAN_MAIL_ENABLED=false \
  BESKPLAN_MESSAGING_NAMESPACE="cds-training" MICRONAUT_ENVIRONMENTS= \
  java ${JAVA_OPTS:-} -XX:ArchiveClassesAtExit="$archive" -jar "$jar" >"$log" 2>&1 &
pid=$!

waited=0
until grep -q 'Startup completed' "$log"; do
  if ! kill -0 "$pid" 2>/dev/null || [ "$waited" -ge 1200 ]; then
    cat "$log" >&2
    echo "record-cds: the training start did not complete" >&2
    exit 1
  fi
  sleep 0.1
  waited=$((waited + 1))
done

# What every start and a person's first visit use: the health check, the login page, its style sheet and script, the
# start page (a redirect to the login), a login refused, the API description.
base="http://127.0.0.1:$port"
for path in /health /login /static/beskplan.css /static/beskplan.js / /swagger/beskplan.yml; do
  curl -s -o /dev/null "$base$path" || true
done
curl -s -o /dev/null -X POST -H 'Content-Type: application/x-www-form-urlencoded' \
  --data 'username=training&password=training' "$base/login" || true

kill "$pid"
wait "$pid" || true
if [ ! -s "$archive" ]; then
  cat "$log" >&2
  echo "record-cds: no archive was written" >&2
  exit 1
fi
echo "record-cds: $archive ($(($(wc -c <"$archive") / 1048576)) MiB)"
