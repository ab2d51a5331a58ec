#!/bin/sh
# Starts Beskplan in the container. Class-data sharing (docs/operations.md, "Start-up"): the image brings an archive
# of the classes a start loads, recorded when it was built (docker/record-cds.sh, docs/adr/0031), and every start maps
# it, the first one included; an image built without one records it at the first start, when the server stops. The
# JVM ignores an archive it cannot use. Commands (create-admin, verify-archive, …) run without it and leave it alone.
# The serial collector collects (docs/adr/0029: on 2 cores its pauses are milliseconds and it needs no threads of its
# own); BESKPLAN_JAVA_OPTS replaces this setting.
set -eu
archive=/app/cds/beskplan.jsa
jvm="-XX:MaxRAMPercentage=75 ${BESKPLAN_JAVA_OPTS:--XX:+UseSerialGC}"
if [ "$#" -gt 0 ]; then
  # shellcheck disable=SC2086 # $jvm is a list of options
  exec java $jvm -jar /app/beskplan.jar "$@"
elif [ -f "$archive" ]; then
  # shellcheck disable=SC2086
  exec java $jvm -XX:SharedArchiveFile="$archive" -jar /app/beskplan.jar
else
  # shellcheck disable=SC2086
  exec java $jvm -XX:ArchiveClassesAtExit="$archive" -jar /app/beskplan.jar
fi
