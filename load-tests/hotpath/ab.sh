#!/usr/bin/env bash
# Builds of the server (two or more), back to back and interleaved, beside the group-commit floor
# measured in the same rounds; for the hot path's A/B steps (load-tests/README.md, "The hot path").
# Usage (repository root, JAVA_HOME a JDK 21+, PostgreSQL on 127.0.0.1:$PGPORT, wrk on the PATH):
#   ROUNDS=3 bash load-tests/hotpath/ab.sh quarkus-app-dir-A quarkus-app-dir-B [more builds]
# Each round, in turn for the floor and each build (named by its directory), on fresh databases:
#   intake: wrk, 1 thread, 64 connections, WRK_SECONDS (15) after WRK_WARMUP (5) s: durable
#           contacts per second (closed loop); the floor is the
#           harness's BaselineServer group (a natural group commit, one list per event loop);
#   busy:   LoadRun busy, BUSY_RATE (1,000)/s for BUSY_SECONDS (30) with BUSY_AGENTS (2,000), after
#           WARM_UP_SECONDS (10) at half the rate:
#           POST to offer, server CPU, PostgreSQL CPU, server allocation per contact; its floor
#           is the harness's LifeFloor (a contact's whole life on bare Vert.x, same writes promised).
# Prints every figure and the load average beside each; the lines go to target/ab-results.jsonl.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${ROUNDS:-3}
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
db=welcomer_ab; port=${LOAD_PORT:-18090}
export PGPORT=${PGPORT:-5432}
harness=load-tests/target/benchmarks.jar
results=target/ab-results.jsonl
wrk_seconds=${WRK_SECONDS:-15}
server=
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi; server=; }
trap 'stop; psql -qh 127.0.0.1 -U postgres -c "drop database if exists '$db' with (force)" postgres' EXIT
fresh_db() { psql -qh 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" -c "create database $db" postgres; }
wait_for() { for _ in $(seq 90); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done; echo "not up: $1" >&2; exit 1; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
rps() {
  wrk -t1 -c64 -d"${WRK_WARMUP:-5}s" -s load-tests/hotpath/post.lua "$1" >/dev/null 2>&1
  wrk -t1 -c64 -d"${wrk_seconds}s" -s load-tests/hotpath/post.lua "$1" 2>/dev/null | awk '/Requests\/sec/ {print $2}'
}
welcomer() { # $1: a quarkus-app directory
  fresh_db
  WELCOMER_GATEWAY_KEYS=load-gateway WELCOMER_ADMIN_KEYS=load-admin QUARKUS_HTTP_PORT=$port \
    WELCOMER_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 WELCOMER_RATE_LIMIT_BURST=1000000 \
    WELCOMER_MAX_WAITING=10000000 \
    QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:$PGPORT/$db \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$db \
    "$java" ${SERVER_JAVA_OPTS:-} -jar "$1/quarkus-run.jar" > target/ab-welcomer.log 2>&1 &
  server=$!
  wait_for "http://127.0.0.1:$port/q/health/ready"
}
for round in $(seq "$rounds"); do
  fresh_db
  "$java" -cp "$harness" io.welcomer.load.BaselineServer group "$port" "$db" > target/ab-baseline.log 2>&1 &
  server=$!
  for _ in $(seq 30); do grep -q listening target/ab-baseline.log && break; sleep 1; done
  echo "round $round floor intake $(rps "http://127.0.0.1:$port/contacts")/s load $(load)"
  stop
  fresh_db
  "$java" -cp "$harness" io.welcomer.load.LifeFloor "$port" "$db" > target/ab-life-floor.log 2>&1 &
  server=$!
  for _ in $(seq 30); do grep -q listening target/ab-life-floor.log && break; sleep 1; done
  "$java" -cp "$harness" io.welcomer.load.LoadRun busy "$results" "$port" "$server" "${BUSY_RATE:-1000}" \
    "${BUSY_SECONDS:-30}" "${BUSY_AGENTS:-2000}" life-floor | sed "s/^/round $round floor /"
  stop
  for dir in "$@"; do
    build=$(basename "$dir")
    welcomer "$(readlink -f "$dir")"
    echo "round $round $build intake $(rps "http://127.0.0.1:$port/v1/contacts")/s load $(load)"
    stop
    welcomer "$dir"
    echo "round $round $build load before busy $(load)"
    "$java" -cp "$harness" io.welcomer.load.LoadRun busy "$results" "$port" "$server" "${BUSY_RATE:-1000}" \
      "${BUSY_SECONDS:-30}" "${BUSY_AGENTS:-2000}" | sed "s/^/round $round $build /"
    echo "round $round $build load after busy $(load)"
    stop
  done
done
