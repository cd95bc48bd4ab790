#!/usr/bin/env bash
# Two packaged servers on one database; the leader is killed with SIGKILL in the middle of a burst
# (agents working), ROUNDS times in a row (20 by default), each time the old leader coming back as
# the standby; then a planned stop. Prints the time from each kill to the standby being ready and
# checks that every 201 is stored and no contact was connected to two agents (FailoverIT).
# Repository root; JAVA_HOME a JDK 21+; PostgreSQL on 127.0.0.1:$PGPORT (5432 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=FailoverIT \
  -Dfailover.rounds="${ROUNDS:-20}" | grep -E "failover:|Tests run:|FAIL|BUILD"
