#!/usr/bin/env bash
# Load tests: Welcomer beside the floor under it, on this machine, in one run. Traffic only to
# 127.0.0.1; every step is bounded and the whole run stops by itself (about 10 minutes).
#   a. intake ceiling for a bare Vert.x JSON server, + one INSERT per request, + group commit,
#      and Welcomer (stored with its event, routed, 201);
#   b. a busy centre: 1,000 contacts/s for 60 s with 2,000 agents on WebSockets, first against the
#      life floor (LifeFloor: the same contacts' lives on bare Vert.x, each write stored before
#      it is answered), then Welcomer;
#   c. many agents: AGENTS_MANY sockets (15,000: this machine allows 20,000 open files per
#      process) with contacts at a rate they keep up with;
#   d. a long queue: 1k, 10k, 100k contacts waiting, then agents arrive and pick from it;
#   e. rough clients: intake p99 and heap, quiet and beside a flooding console, a console and an
#      event stream that stopped reading.
# Usage (repository root, JAVA_HOME a JDK 21+, PostgreSQL on 127.0.0.1:$PGPORT, 5432 by default):
#   bash load-tests/run.sh            writes load-tests/results/report.md and latency.png
#   STEPS="baselines intake busy" bash load-tests/run.sh   runs only these steps (of baselines
#                                     intake busy many queue flood), still one report
#   SERVER_JAVA_OPTS="-XX:+UseZGC" bash load-tests/run.sh   the server's JVM options (a GC to compare)
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
db=welcomer_load
port=${LOAD_PORT:-18090}
out=load-tests/results
results=target/load-results.jsonl
busy_rate=${BUSY_RATE:-1000}
busy_agents=${BUSY_AGENTS:-2000}
many_agents=${AGENTS_MANY:-15000}
many_rate=${MANY_RATE:-300}
export PGPORT=${PGPORT:-5432}
steps=${STEPS:-baselines intake busy many queue flood}
step() { [[ " $steps " == *" $1 "* ]]; }

(cd load-tests && mvn -q package)
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -q package -DskipTests
harness=load-tests/target/benchmarks.jar
rm -f "$results"
server=
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi; server=; }
trap 'stop; psql -qh 127.0.0.1 -U postgres -c "drop database if exists '$db' with (force)" postgres' EXIT
fresh_db() { psql -qh 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" -c "create database $db" postgres; }
wait_for() { for _ in $(seq 90); do curl -fs -o /dev/null "$1" && return 0; sleep 1; done; echo "not up: $1" >&2; exit 1; }

for mode in bare insert group; do
  step baselines || break
  fresh_db
  "$java" -cp "$harness" io.welcomer.load.BaselineServer "$mode" "$port" "$db" > "target/baseline-$mode.log" 2>&1 &
  server=$!
  for _ in $(seq 30); do grep -q listening "target/baseline-$mode.log" && break; sleep 1; done
  name=$(case $mode in bare) echo bare-json;; insert) echo one-insert;; group) echo group-commit;; esac)
  "$java" -cp "$harness" io.welcomer.load.LoadRun intake "$results" "$name" "$port" - "$server"
  stop
done

welcomer() {
  fresh_db
  # One key stands for a whole fleet of gateways here: lift its rate limit out of the way. The
  # intake ceiling queues every contact it sends (over 100,000): lift the waiting-line bound too.
  WELCOMER_GATEWAY_KEYS=load-gateway WELCOMER_ADMIN_KEYS=load-admin QUARKUS_HTTP_PORT=$port \
    WELCOMER_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 WELCOMER_RATE_LIMIT_BURST=1000000 \
    WELCOMER_MAX_WAITING=10000000 \
    QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:$PGPORT/$db \
    QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$db \
    "$java" ${SERVER_JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > target/load-welcomer.log 2>&1 &
  server=$!
  wait_for "http://127.0.0.1:$port/q/health/ready"
}
if step intake; then
  welcomer
  "$java" -cp "$harness" io.welcomer.load.LoadRun intake "$results" welcomer "$port" load-gateway "$server"
  stop
fi
if step busy; then
  fresh_db
  "$java" -cp "$harness" io.welcomer.load.LifeFloor "$port" "$db" > target/life-floor.log 2>&1 &
  server=$!
  for _ in $(seq 30); do grep -q listening target/life-floor.log && break; sleep 1; done
  "$java" -cp "$harness" io.welcomer.load.LoadRun busy "$results" "$port" "$server" "$busy_rate" 60 "$busy_agents" life-floor
  stop
  welcomer
  "$java" -cp "$harness" io.welcomer.load.LoadRun busy "$results" "$port" "$server" "$busy_rate" 60 "$busy_agents"
  stop
fi
if step many; then
  welcomer
  "$java" -cp "$harness" io.welcomer.load.LoadRun busy "$results" "$port" "$server" "$many_rate" 30 "$many_agents"
  stop
fi
if step flood; then
  welcomer
  "$java" -cp "$harness" io.welcomer.load.LoadRun flood "$results" "$port" "$server" "${FLOOD_RATE:-500}" 20 200
  stop
fi
if step queue; then
  welcomer
  "$java" -cp "$harness" io.welcomer.load.LoadRun queue "$results" "$port" "$server"
  stop
fi

LOAD_MACHINE="$(date -u +%Y-%m-%d), $(nproc) cores, $("$java" -version 2>&1 | head -1), $(psql -tAh 127.0.0.1 -U postgres -c 'show server_version' postgres | head -1 | sed 's/^/PostgreSQL /')" \
  "$java" -cp "$harness" io.welcomer.load.LoadRun report "$results" "$out"
cat "$out/report.md"
