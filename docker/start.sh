#!/bin/sh
# Starts Beskplan in the container. Class-data sharing (docs/operations.md, "Start-up"): the server's first start
# records the classes it loaded in an archive when it stops; later starts of the same container map that archive
# and reach healthy about 30 % sooner (3.75 s instead of 5.2 s on 2 cores, bench/run-startup.sh). The JVM ignores an
# archive it cannot use. Commands (create-admin, verify-archive, …) run without it and leave it alone.
set -eu
archive=/app/cds/beskplan.jsa
if [ "$#" -gt 0 ]; then
  exec java -XX:MaxRAMPercentage=75 -jar /app/beskplan.jar "$@"
elif [ -f "$archive" ]; then
  exec java -XX:MaxRAMPercentage=75 -XX:SharedArchiveFile="$archive" -jar /app/beskplan.jar
else
  exec java -XX:MaxRAMPercentage=75 -XX:ArchiveClassesAtExit="$archive" -jar /app/beskplan.jar
fi
