#!/usr/bin/env bash
# Kills the packaged server with SIGKILL in the middle of a burst, ROUNDS times in a row (20 by
# default), and checks after each restart that every 201 is stored and every connection told to
# an agent survived (CrashInABurstIT). Repository root; JAVA_HOME a JDK 21+; PostgreSQL on
# 127.0.0.1:$PGPORT (5432 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashInABurstIT \
  -Dcrash.rounds="${ROUNDS:-20}"
