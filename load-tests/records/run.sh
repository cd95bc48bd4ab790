#!/usr/bin/env bash
# Exporting one million stored contacts as NDJSON beside a 500/s intake: seeds a fresh database,
# starts the packaged server on it, and runs back to back, twice: the intake alone, then the same
# intake with the export streaming beside it. Prints the export's rows per second and the
# server's heap (after a full GC before, sampled during), and each intake p99. Loopback only.
# Usage (repository root, after `mvn package -DskipTests` and `cd load-tests && mvn -q package`):
#   bash load-tests/records/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
db=welcomer_records_bench
port=18090
out=load-tests/results/records
mkdir -p "$out"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
psql -qh 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" -c "create database $db" postgres
WELCOMER_GATEWAY_KEYS=load-gateway WELCOMER_ADMIN_KEYS=bench-admin QUARKUS_HTTP_PORT=$port \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  "$java" -Xmx1g -jar target/quarkus-app/quarkus-run.jar > target/records-bench.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; psql -qh 127.0.0.1 -U postgres -c "drop database if exists '$db' with (force)" postgres' EXIT
for _ in $(seq 90); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { tail -20 target/records-bench.log; exit 1; }
echo "seeding one million contacts and three million events..."
psql -qh 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -f load-tests/records/seed.sql $db

heap() { "$jcmd" $server GC.heap_info | awk '/garbage-first heap|ZHeap/ {print $0; exit}'; }
from=$(date -u -d '38 days ago' +%Y-%m-%dT%H:%M:%SZ)
to=$(date -u -d '6 days ago' +%Y-%m-%dT%H:%M:%SZ)
export_once() {
  curl -fs -N -H 'Authorization: Bearer bench-admin' -H 'Accept: application/x-ndjson' \
    -o /dev/null -w '%{size_download} bytes in %{time_total} s\n' \
    "http://127.0.0.1:$port/v1/contacts?from=$from&to=$to"
}
intake() {  # $1: label; a 500/s open-model intake for 60 s after the warm-up
  "$java" -cp load-tests/target/benchmarks.jar io.welcomer.load.LoadRun steady "$out/results.jsonl" $port $server \
    500 60 | tee "$out/$1.txt"
}
for round in 1 2; do
  echo "round $round: intake alone"
  intake "alone-$round"
  "$jcmd" $server GC.run > /dev/null
  echo "  heap before the export: $(heap)"
  echo "round $round: intake beside the export"
  (export_once > "$out/export-$round.txt") &
  exporter=$!
  intake "beside-$round" &
  loader=$!
  while kill -0 $exporter 2>/dev/null; do echo "  heap during: $(heap)"; sleep 5; done
  wait $loader
  echo "  export: $(cat "$out/export-$round.txt") (1,000,000 rows)"
done
