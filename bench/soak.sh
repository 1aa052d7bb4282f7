#!/usr/bin/env bash
# The soak test: three real bot processes (the built jar, with the Docker image's JVM flags) on one
# PostgreSQL database split 16 shards, against the fake Discord; 1,000 servers with a daily post due
# during the run, 20 quiz nights answered by simulated players. One process is killed with SIGKILL
# while its nights run, another restarted with SIGTERM; then the database is held against what the
# fake Discord saw. Not part of `mvn -B verify` (SoakTest runs a short version there).
#
#   bench/soak.sh                                  # the full soak, 4.5 minutes on a busy 2-core machine
#   bench/soak.sh --servers 200 --nights 6         # smaller
#   bench/soak.sh --downtime 15                    # the killed process back before its nights are taken over
#
# Options are those of dev.lalaland.bot.soak.SoakMain (--servers, --nights, --questions, --downtime,
# --jar, --out). PostgreSQL as for the tests: -Dtest.postgres.url in SOAK_JAVA_OPTS, TEST_POSTGRES_URL,
# or this machine's cluster through .ci/postgres-test-db.sh. The report and the bots' logs go to
# target/soak/run-<time>/. Exit 0 when every check held, 1 when one did not, 2 when it could not run.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[soak] building the bot jar, the test classes and the test classpath" >&2
mvn -B -q package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/soak-classpath.txt

# The harness (fake Discord, players, checks) is small; the bots get the image's flags.
# shellcheck disable=SC2086
exec java -Xmx512m ${SOAK_JAVA_OPTS:-} -cp "target/test-classes:target/classes:$(cat target/soak-classpath.txt)" \
    dev.lalaland.bot.soak.SoakMain "$@"
