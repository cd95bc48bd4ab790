#!/usr/bin/env bash
# Insights over a million contacts: seeds a fresh database, starts the packaged server on it,
# and times GET /v1/insights/touch-time (30 days, and by channel). Loopback only; stops itself.
# Usage (from the repository root, after `mvn package -DskipTests`, with JAVA_HOME a JDK 21+):
#   bash load-tests/insights/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
db=welcomer_insights_bench
port=18089
psql -qh 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" -c "create database $db" postgres
WELCOMER_GATEWAY_KEYS=bench-gateway WELCOMER_ADMIN_KEYS=bench-admin QUARKUS_HTTP_PORT=$port \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:${PGPORT:-5432}/$db \
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -jar target/quarkus-app/quarkus-run.jar > target/insights-bench.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; psql -qh 127.0.0.1 -U postgres -c "drop database if exists '$db' with (force)" postgres' EXIT
for _ in $(seq 60); do curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null && break; sleep 1; done
curl -fs "http://127.0.0.1:$port/q/health/ready" >/dev/null || { tail -20 target/insights-bench.log; exit 1; }
echo "seeding one million completed contacts..."
time psql -qh 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -f load-tests/insights/seed.sql $db
from=$(date -u -d '30 days ago' +%Y-%m-%dT%H:%M:%SZ)
for query in "from=$from" "from=$from&by=channel"; do
  echo "GET /v1/insights/touch-time?$query (10 runs, seconds):"
  for _ in $(seq 10); do
    curl -fs -o /dev/null -w '%{time_total}\n' -H 'Authorization: Bearer bench-admin' \
      "http://127.0.0.1:$port/v1/insights/touch-time?$query"
  done | sort -n | awk '{t[NR]=$1} END {printf "  min %s  median %s  max %s\n", t[1], t[int((NR+1)/2)], t[NR]}'
done
curl -fs -H 'Authorization: Bearer bench-admin' "http://127.0.0.1:$port/v1/insights/touch-time?from=$from" \
  | head -c 400; echo
