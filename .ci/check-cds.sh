#!/usr/bin/env bash
# The image's class-data-sharing archive (docker/record-cds.sh, docs/adr/0031): recorded from the jar the test command
# just built as the Dockerfile records it (an unprivileged user, a throwaway PostgreSQL of its own, no broker), then
# mapped by a JVM told to refuse to start without it. Fails when the training start fails or leaves an archive the JVM
# cannot use.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp modules/app/target/beskplan.jar docker/record-cds.sh "$work/"
as=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses root; the image's build runs it as its own system user.
  chown -R postgres "$work"
  as=(runuser -u postgres --)
fi
chmod 755 "$work"
"${as[@]}" env JAVA_OPTS="-Xmx512m -XX:+UseSerialGC" sh "$work/record-cds.sh" "$work/beskplan.jar" "$work/beskplan.jsa"
# create-admin without its arguments prints its usage and exits; -Xshare:on makes the JVM stop if it cannot map the archive.
out=$(java -XX:+UseSerialGC -Xshare:on -XX:SharedArchiveFile="$work/beskplan.jsa" -Xlog:cds -jar "$work/beskplan.jar" create-admin 2>&1 || true)
if ! grep -q 'Mapped dynamic region' <<<"$out"; then
  echo "$out" | tail -20
  echo "[ci] the recorded class-data-sharing archive was not mapped" >&2
  exit 1
fi
echo "[ci] the class-data-sharing archive was recorded and maps"
