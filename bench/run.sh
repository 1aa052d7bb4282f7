#!/usr/bin/env bash
# The benchmark: the real bot against the floor bot, each in its own JVM with the
# Docker image's JVM flags, against the fake Discord. Not part of `mvn -B verify`.
#
#   bench/run.sh                       # everything, about 10 minutes; report in target/bench/results.md
#   bench/run.sh --seconds 5 --startup-runs 2 --skip import   # a quick look
#   bench/run.sh --mixes cast --bot-flags "-XX:StartFlightRecording=filename=target/bench/bot.jfr,settings=profile"
#
# Options are those of dev.lalaland.bot.bench.BenchOptions. Needs a JDK 17+ (java and jcmd) and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[bench] building the bot jar, the test classes and the test classpath" >&2
mvn -B -q package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/bench-classpath.txt

# The harness (fake Discord + load generator) runs with the JVM's defaults; the bots it starts get
# the image's flags.
exec java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.lalaland.bot.bench.BenchMain "$@"
