#!/usr/bin/env bash
# Lines history over a million contacts: seeds a fresh database with contacts in 10 configured
# lines, starts the packaged server on it, waits until it has sealed the history into its
# quarter-hour roll-up, and times GET /v1/insights/lines for 30 days by the hour (every line), by
# the day, and one line by the quarter hour: ROUNDS rounds (default 5) of 10 requests per query,
# each round's median with the load average, then the median of the rounds' medians.
# Given an older build's quarkus-app directory, it starts that beside the server on the same
# database (a standby: reads only) and times both in turn in every round, so that both figures
# share one floor. Loopback only; stops itself.
# Usage (from the repository root, after `mvn package -DskipTests`, with JAVA_HOME a JDK 21+):
#   bash load-tests/insights/lines.sh [baseline/target/quarkus-app]
set -euo pipefail
cd "$(dirname "$0")/../.."
db=welcomer_lines_bench
port=18090
baseline_port=18091
rounds=${ROUNDS:-5}
sql() { psql -qtAh 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 "$@"; }
sql -c "drop database if exists $db with (force)" -c "create database $db" postgres
start() { # quarkus-app directory, port, log; an older build ignores the newer build's migrations
  QUARKUS_FLYWAY_IGNORE_MIGRATION_PATTERNS='*:future' WELCOMER_GATEWAY_KEYS=bench-gateway WELCOMER_ADMIN_KEYS=bench-admin QUARKUS_HTTP_PORT=$2 \
    QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:${PGPORT:-5432}/$db \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/$db \
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar "$1/quarkus-run.jar" > "$3" 2>&1 &
}
await() { # url, log
  for _ in $(seq 90); do curl -fs "$1" >/dev/null && return; sleep 1; done
  tail -20 "$2"; exit 1
}
servers=()
trap 'kill "${servers[@]}" 2>/dev/null; sql -c "drop database if exists '$db' with (force)" postgres' EXIT
start target/quarkus-app $port target/lines-bench.log
servers+=($!)
await "http://127.0.0.1:$port/q/health/ready" target/lines-bench.log
sides=(server)
if [[ $# -gt 0 ]]; then
  start "$1" $baseline_port target/lines-bench-baseline.log
  servers+=($!)
  await "http://127.0.0.1:$baseline_port/q/health/live" target/lines-bench-baseline.log
  sides+=(baseline)
fi
for line in $(seq 0 9); do
  curl -fs -o /dev/null -X PUT -H 'Authorization: Bearer bench-admin' -H 'Content-Type: application/json' \
    -d '{"name": "Line '$line'", "channels": ["voice", "chat"], "serviceLevel": {"seconds": 20, "target": 0.8}}' \
    "http://127.0.0.1:$port/v1/lines/line-$line"
done
echo "seeding one million contacts in 10 lines..."
time sql -f load-tests/insights/lines-seed.sql $db
# The server never stores a contact that arrived long ago, so a seal that ran during the seeding may
# have passed them: start it over, as on a store upgraded to V18 with a million contacts in it.
sql -c "begin; select from line_history_seal for update; delete from line_quarters;
  update line_history_seal set sealed_until = '-infinity'; commit" $db
echo "waiting for the server to seal the history (welcomer.line-history.seal-every, 1m by default)..."
sealed="select sealed_until >= now() - interval '30 minutes' from line_history_seal"
for _ in $(seq 300); do [[ $(sql -c "$sealed" $db) == t ]] && break; sleep 1; done
[[ $(sql -c "$sealed" $db) == t ]] || { echo "not sealed"; tail -20 target/lines-bench.log; exit 1; }
sql -c "analyze line_quarters" $db # as autovacuum does after the first seal
echo "sealed until $(sql -c 'select sealed_until from line_history_seal' $db):" \
  "$(sql -c 'select count(*), sum(offered) from line_quarters' $db) line quarters, contacts"
from=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
queries=("from=$from&interval=1h" "from=$from&interval=1d" "from=$from&interval=15m&line=line-3")
median() { sort -n | awk '{t[NR]=$1} END {print t[int((NR+1)/2)]}'; }
results=$(mktemp)
for round in $(seq "$rounds"); do
  for side in "${sides[@]}"; do
    p=$([[ $side == server ]] && echo $port || echo $baseline_port)
    for q in "${!queries[@]}"; do
      m=$(for _ in $(seq 10); do
        curl -fs -o /dev/null -w '%{time_total}\n' -H 'Authorization: Bearer bench-admin' \
          "http://127.0.0.1:$p/v1/insights/lines?${queries[$q]}"
      done | median)
      echo "$side $q $m" >> "$results"
    done
  done
  echo "round $round done, load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
for side in "${sides[@]}"; do
  for q in "${!queries[@]}"; do
    echo "$side GET /v1/insights/lines?${queries[$q]}: medians of $rounds rounds of 10:" \
      "$(awk -v s=$side -v q=$q '$1 == s && $2 == q {printf "%s ", $3}' "$results")->" \
      "median $(awk -v s=$side -v q=$q '$1 == s && $2 == q {print $3}' "$results" | median) s"
  done
done
rm -f "$results"
if [[ ${#sides[@]} -gt 1 ]]; then # the same answer from both, but for the last digits of a mean
  for q in "${queries[@]}"; do
    python3 - "http://127.0.0.1:$port/v1/insights/lines?$q" "http://127.0.0.1:$baseline_port/v1/insights/lines?$q" <<'PY'
import json, math, sys, urllib.request
def get(url):
    request = urllib.request.Request(url, headers={"Authorization": "Bearer bench-admin"})
    return json.load(urllib.request.urlopen(request))["intervals"]
ours, theirs = get(sys.argv[1]), get(sys.argv[2])
same = len(ours) == len(theirs) and all(
    a.keys() == b.keys() and all(a[k] == b[k] or isinstance(a[k], float) and math.isclose(a[k], b[k], rel_tol=1e-12)
                                 for k in a) for a, b in zip(ours, theirs))
print(f"{'same' if same else 'DIFFERENT'} answers from server and baseline: {len(ours)} intervals, {sys.argv[1].split('?')[1]}")
PY
  done
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -fs -H 'Authorization: Bearer bench-admin' "http://127.0.0.1:$port/v1/insights/lines?from=$from&interval=1d&line=line-0" \
  | head -c 400; echo
