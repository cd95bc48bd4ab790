#!/usr/bin/env bash
# Lines history over a million contacts: seeds a fresh database with contacts in 10 configured
# lines, starts the packaged server on it, and times GET /v1/insights/lines for 30 days by the
# hour (every line), by the day, and one line by the quarter hour. Loopback only; stops itself.
# Usage (from the repository root, after `mvn package -DskipTests`, with JAVA_HOME a JDK 21+):
#   bash load-tests/insights/lines.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
db=welcomer_lines_bench
port=18090
psql -qh 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" -c "create database $db" postgres
WELCOMER_GATEWAY_KEYS=bench-gateway WELCOMER_ADMIN_KEYS=bench-admin QUARKUS_HTTP_PORT=$port \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar target/quarkus-app/quarkus-run.jar > target/lines-bench.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; psql -qh 127.0.0.1 -U postgres -c "drop database if exists '$db' with (force)" postgres' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { tail -20 target/lines-bench.log; exit 1; }
for line in $(seq 0 9); do
  curl -fs -o /dev/null -X PUT -H 'Authorization: Bearer bench-admin' -H 'Content-Type: application/json' \
    -d '{"name": "Line '$line'", "channels": ["voice", "chat"], "serviceLevel": {"seconds": 20, "target": 0.8}}' \
    "http://127.0.0.1:$port/v1/lines/line-$line"
done
echo "seeding one million contacts in 10 lines..."
time psql -qh 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -f load-tests/insights/lines-seed.sql $db
from=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
for query in "from=$from&interval=1h" "from=$from&interval=1d" "from=$from&interval=15m&line=line-3"; do
  echo "GET /v1/insights/lines?$query (10 runs, seconds):"
  for _ in $(seq 10); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H 'Authorization: Bearer bench-admin' \
      "http://127.0.0.1:$port/v1/insights/lines?$query"
  done | sort -n | awk '{t[NR]=$1} END {printf "  min %s  median %s  max %s\n", t[1], t[int((NR+1)/2)], t[NR]}'
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
curl -fs -H 'Authorization: Bearer bench-admin' "http://127.0.0.1:$port/v1/insights/lines?from=$from&interval=1d&line=line-0" \
  | head -c 400; echo
