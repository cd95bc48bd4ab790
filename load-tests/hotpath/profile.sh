#!/usr/bin/env bash
# One build of the server under the busy centre, profiled: where its CPU and allocation go, and
# the rows PostgreSQL writes per contact (load-tests/README.md, "The hot path").
# Usage (repository root, JAVA_HOME a JDK 21+, PostgreSQL on 127.0.0.1:$PGPORT):
#   bash load-tests/hotpath/profile.sh quarkus-app-dir name
# Starts the server on a fresh database with JFR recording (settings=profile) from its start, so
# the agents' sign-in and LoadRun's warm-up are in the recording too; runs one LoadRun busy
# (BUSY_RATE 1,000/s, BUSY_SECONDS 30, BUSY_AGENTS 2,000); prints JFR's hottest methods, allocation
# by site and class, and PostgreSQL's inserts, updates and HOT updates and WAL bytes per contact
# during the run (the WAL is the whole cluster's: run it on a cluster nothing else writes to).
# Writes target/hotpath-<name>.jfr.
set -euo pipefail
cd "$(dirname "$0")/../.."
app=$(readlink -f "$1"); name=$2
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"; jcmd="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"; jfr="${JAVA_HOME:+$JAVA_HOME/bin/}jfr"
db=welcomer_profile; port=${LOAD_PORT:-18090}
export PGPORT=${PGPORT:-5432}
harness=load-tests/target/benchmarks.jar
rate=${BUSY_RATE:-1000}; seconds=${BUSY_SECONDS:-30}; agents=${BUSY_AGENTS:-2000}
server=
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi; server=; }
trap 'stop; psql -qh 127.0.0.1 -U postgres -c "drop database if exists '$db' with (force)" postgres' EXIT
psql -qh 127.0.0.1 -U postgres -c "drop database if exists $db with (force)" -c "create database $db" postgres
WELCOMER_GATEWAY_KEYS=load-gateway WELCOMER_ADMIN_KEYS=load-admin QUARKUS_HTTP_PORT=$port \
  WELCOMER_RATE_LIMIT_REQUESTS_PER_SECOND=1000000 WELCOMER_RATE_LIMIT_BURST=1000000 WELCOMER_MAX_WAITING=10000000 \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:$PGPORT/$db \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$PGPORT/$db \
  "$java" -XX:StartFlightRecording=name=hotpath,settings=profile ${SERVER_JAVA_OPTS:-} -jar "$app/quarkus-run.jar" > target/profile-welcomer.log 2>&1 &
server=$!
for _ in $(seq 90); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 1; done
tables() {
  psql -qAtF' ' -h 127.0.0.1 -U postgres -d $db -c "select pg_stat_force_next_flush()" >/dev/null 2>&1 || true
  sleep 2
  psql -qAtF' ' -h 127.0.0.1 -U postgres -d $db -c \
    "select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables order by relname"
}
wal() { psql -qAt -h 127.0.0.1 -U postgres -d $db -c "select pg_current_wal_lsn()"; }
before=$(tables)
wal_before=$(wal)
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
"$java" -cp "$harness" io.welcomer.load.LoadRun busy target/profile-results.jsonl "$port" "$server" "$rate" "$seconds" "$agents"
"$jcmd" "$server" JFR.dump name=hotpath filename="$PWD/target/hotpath-$name.jfr" >/dev/null
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
wal_after=$(wal)
after=$(tables)
contacts=$(awk -v r="$rate" -v s="$seconds" -v w="${WARM_UP_SECONDS:-10}" 'BEGIN {print r * s + r / 2 * w}')
echo "rows written per contact during the run (table inserts updates hot-updates), $contacts contacts with warm-up:"
join <(echo "$before") <(echo "$after") | awk -v n="$contacts" \
  '{printf "  %-16s inserts %.2f  updates %.2f  HOT %.2f\n", $1, ($5-$2)/n, ($6-$3)/n, ($7-$4)/n}'
psql -qAt -h 127.0.0.1 -U postgres -d $db -c \
  "select format('WAL per contact during the run: %s bytes', round(('$wal_after'::pg_lsn - '$wal_before'::pg_lsn) / $contacts))"
for view in hot-methods allocation-by-site allocation-by-class; do
  "$jfr" view --width 200 "$view" "target/hotpath-$name.jfr" | head -40
done
