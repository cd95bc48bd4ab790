#!/usr/bin/env bash
# Exporting one million stored contacts as NDJSON beside a 500/s intake: seeds a fresh database,
# starts the packaged server on it, exports once alone for the heap (after a full GC before and
# after, the old generation sampled during), then back to back, twice: the intake alone, then the
# same intake with the export streaming beside it. Prints the export's rows per second and each
# intake p99. Loopback only.
# Usage (repository root, after `mvn package -DskipTests` and `cd load-tests && mvn -q package`):
#   bash load-tests/records/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
db=welcomer_records_bench
port=18090
out=target/records-bench
mkdir -p "$out"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
psql -qh 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" -c "create database $db" postgres
# Nobody serves the intake's contacts, and four runs of 35,000 would pass the default limit of
# 100,000 waiting (503s in the last runs): the limit is raised.
WELCOMER_GATEWAY_KEYS=load-gateway WELCOMER_ADMIN_KEYS=bench-admin QUARKUS_HTTP_PORT=$port WELCOMER_MAX_WAITING=1000000 \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  "$java" -Xmx1g -jar target/quarkus-app/quarkus-run.jar > target/records-bench.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; psql -qh 127.0.0.1 -U postgres -c "drop database if exists '$db' with (force)" postgres' EXIT
for _ in $(seq 90); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { tail -20 target/records-bench.log; exit 1; }
echo "seeding one million contacts and three million events..."
psql -qh 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -f load-tests/records/seed.sql $db

jstat="${JAVA_HOME:+$JAVA_HOME/bin/}jstat"
heap_after_gc() { "$jcmd" $server GC.run > /dev/null; "$jstat" -gc $server | awk 'NR == 2 {printf "%.0f MB used\n", ($3 + $4 + $6 + $8) / 1024}'; }
old_gen() { "$jstat" -gc $server | awk 'NR == 2 {printf "old generation %.0f MB, young %.0f MB\n", $8 / 1024, ($3 + $4 + $6) / 1024}'; }
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
echo "the export alone, for the heap; after a full GC before: $(heap_after_gc)"
(export_once > "$out/export-0.txt") &
exporter=$!
while kill -0 $exporter 2>/dev/null; do echo "  during: $(old_gen)"; sleep 5; done
echo "  export: $(cat "$out/export-0.txt") (1,000,000 rows); after a full GC: $(heap_after_gc)"
for round in 1 2; do
  echo "round $round: intake alone"
  intake "alone-$round"
  echo "round $round: intake beside the export"
  (export_once > "$out/export-$round.txt") &
  exporter=$!
  intake "beside-$round"
  wait $exporter
  echo "  export: $(cat "$out/export-$round.txt") (1,000,000 rows)"
done
