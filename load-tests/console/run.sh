#!/usr/bin/env bash
# The agent console's figures: page weight on first load and POST-to-offer-on-the-page time,
# measured in Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) against the packaged server
# on its own database. Usage (repository root, JAVA_HOME a JDK 21+, PostgreSQL on
# 127.0.0.1:${PGPORT:-5432}): bash load-tests/console/run.sh [samples]
set -euo pipefail
cd "$(dirname "$0")/../.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
pg_port=${PGPORT:-5432}
db=welcomer_console_figures
port=${PORT:-18190}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

[ -f target/quarkus-app/quarkus-run.jar ] || mvn -q package -DskipTests
mvn -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/console-figures.classpath
psql -qh 127.0.0.1 -p "$pg_port" -U postgres -c "drop database if exists $db with (force)" -c "create database $db" postgres
server=
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; fi; }
trap 'stop; psql -qh 127.0.0.1 -p '"$pg_port"' -U postgres -c "drop database if exists '$db' with (force)" postgres' EXIT
WELCOMER_GATEWAY_KEYS=figures-gateway-key WELCOMER_ADMIN_KEYS=figures-admin-key QUARKUS_HTTP_PORT=$port \
  QUARKUS_DATASOURCE_REACTIVE_URL=postgresql://127.0.0.1:$pg_port/$db \
  QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:$pg_port/$db \
  "$java" -jar target/quarkus-app/quarkus-run.jar > target/console-figures-server.log 2>&1 &
server=$!
for _ in $(seq 90); do curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready" && break; sleep 1; done
"$java" -cp "$(cat target/console-figures.classpath)" load-tests/console/ConsoleFigures.java \
  "http://127.0.0.1:$port" figures-admin-key figures-gateway-key "${1:-50}"
