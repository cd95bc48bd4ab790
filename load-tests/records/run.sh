#!/usr/bin/env bash
# Exporting one million stored contacts as NDJSON beside a 500/s intake: seeds a fresh database,
# starts the packaged server on it, exports once alone for the rows per second and the heap (after
# a full GC before and after, the old generation sampled during), then $ROUNDS times (default 3),
# interleaved: the intake alone, then the same intake with an export streaming beside it (cut by
# its client, curl --max-time, as the intake ends). Prints each pair's p99 and their ratio, the export's rows per
# second beside it, and the load average before each run. The pairs alternate their order (alone
# first in odd rounds, beside first in even ones), so that a drift over the rounds (the waiting line
# grows by 35,000 contacts a run) falls on both sides alike. Before any run, the seeded tables are
# vacuumed and checkpointed and the lines' history sealed over them, so that no background work
# caused by the seed falls into a run. The server takes its settings from the environment
# (WELCOMER_RECORDS_EXPORT_RATE=1000000 for an export without a pace) and its JVM options from
# SERVER_JAVA_OPTS. EXPORT_ALONE=0 leaves out the export alone (the pairs only). Loopback only.
# Usage (repository root, after `mvn package -DskipTests` and `cd load-tests && mvn -q package`):
#   bash load-tests/records/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
db=welcomer_records_bench
port=18090
out=target/records-bench
rounds=${ROUNDS:-3}
mkdir -p "$out"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"
psql -qh 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" -c "create database $db" postgres
# Nobody serves the intake's contacts, and six runs of 35,000 would pass the default limit of
# 100,000 waiting (503s in the last runs): the limit is raised.
WELCOMER_GATEWAY_KEYS=load-gateway WELCOMER_ADMIN_KEYS=bench-admin QUARKUS_HTTP_PORT=$port WELCOMER_MAX_WAITING=1000000 \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  "$java" -Xmx1g ${SERVER_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > target/records-bench.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; psql -qh 127.0.0.1 -U postgres -c "drop database if exists '$db' with (force)" postgres' EXIT
for _ in $(seq 90); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { tail -20 target/records-bench.log; exit 1; }
echo "seeding one million contacts and three million events..."
psql -qh 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -f load-tests/records/seed.sql $db
echo "vacuuming, checkpointing, and waiting for the lines' history to be sealed over the seed..."
psql -qh 127.0.0.1 -U postgres -c "vacuum (analyze) contacts, contact_events" -c checkpoint $db
for _ in $(seq 300); do
  [ "$(psql -qAth 127.0.0.1 -U postgres -c "select sealed_until > now() - interval '6 days' from line_history_seal" $db)" = t ] && break
  sleep 1
done

jstat="${JAVA_HOME:+$JAVA_HOME/bin/}jstat"
heap_after_gc() { "$jcmd" $server GC.run > /dev/null; "$jstat" -gc $server | awk 'NR == 2 {printf "%.0f MB used\n", ($3 + $4 + $6 + $8) / 1024}'; }
old_gen() { "$jstat" -gc $server | awk 'NR == 2 {printf "old generation %.0f MB, young %.0f MB\n", $8 / 1024, ($3 + $4 + $6) / 1024}'; }
from=$(date -u -d '38 days ago' +%Y-%m-%dT%H:%M:%SZ)
to=$(date -u -d '6 days ago' +%Y-%m-%dT%H:%M:%SZ)
export_once() {  # $@: more curl options; prints the rows, bytes and seconds, and curl's exit code
  local rows code
  rows=$(curl -sS -N -H 'Authorization: Bearer bench-admin' -H 'Accept: application/x-ndjson' "$@" \
    -w '%{stderr}%{size_download} %{time_total}\n' "http://127.0.0.1:$port/v1/contacts?from=$from&to=$to" \
    2> "$out/curl.txt" | wc -l; exit "${PIPESTATUS[0]}") && code=0 || code=$?
  echo "$rows $(tail -1 "$out/curl.txt") $code"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
intake() {  # $1: label; a 500/s open-model intake for 60 s after the warm-up; prints its p99 in ms
  "$java" -cp load-tests/target/benchmarks.jar io.welcomer.load.LoadRun steady "$out/results.jsonl" $port $server \
    500 60 > "$out/$1.txt" 2> "$out/$1.err"
  awk -F'|' '/^steady/ {gsub(/ /, "", $5); print $5}' "$out/$1.txt"
}
if [ "${EXPORT_ALONE:-1}" = 1 ]; then
  echo "the export alone, for the rows per second and the heap; load average $(load)"
  echo "  after a full GC before: $(heap_after_gc)"
  (export_once > "$out/export-0.txt") &
  exporter=$!
  while kill -0 $exporter 2>/dev/null; do echo "  during: $(old_gen)"; sleep 10; done
  read -r rows bytes seconds code < "$out/export-0.txt"
  [ "$rows" = 1000000 ] && [ "$code" = 0 ] || { echo "the export failed: $rows rows, curl exit $code"; exit 1; }
  echo "  export: 1,000,000 rows, $bytes bytes in $seconds s, $(awk -v s="$seconds" 'BEGIN {printf "%.0f", 1000000 / s}')" \
    "rows per second; after a full GC: $(heap_after_gc); load average $(load)"
fi
# Untold: the intake's first run after a start is slower while its code is compiled.
"$java" -cp load-tests/target/benchmarks.jar io.welcomer.load.LoadRun steady "$out/warm-up.jsonl" $port $server 500 20 > /dev/null 2>&1
echo "round | load before alone | intake alone p99 ms | load before beside | beside the export p99 ms | ratio | export rows/s beside"
beside_export() {  # $1: round; the intake beside an export, which curl cuts as the intake ends
  load_beside=$(load)
  # The intake takes 10 s of warm-up and 60 s, and starts in a second or two; then curl cuts the
  # export (exit 28), as a client may.
  (export_once --max-time 74 > "$out/export-$1.txt") &
  local exporter=$!
  beside=$(intake "beside-$1")
  wait $exporter
}
for round in $(seq "$rounds"); do
  if [ $((round % 2)) = 1 ]; then
    load_alone=$(load); alone=$(intake "alone-$round")
    beside_export "$round"
  else
    beside_export "$round"
    load_alone=$(load); alone=$(intake "alone-$round")
  fi
  read -r rows bytes seconds code < "$out/export-$round.txt"
  [ "$code" = 28 ] || echo "  the export beside ended with curl exit $code after $rows rows"
  rate=$(awk -v n="$rows" -v s="$seconds" 'BEGIN {printf "%.0f", n / s}')
  echo "$round | $load_alone | $alone | $load_beside | $beside | $(awk -v a="$alone" -v b="$beside" 'BEGIN {printf "%.2fx", b / a}') | $rate"
done
