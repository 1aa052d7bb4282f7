#!/usr/bin/env bash
# The growth curves: memory and start-up at 1,000, 10,000 and 50,000 servers, and the time to send
# 10,000 and 50,000 daily posts due in the same minute under Discord's global limit of 50 requests a
# second. The real bot's jar runs with the Docker image's JVM flags against the fake Discord. Not part of
# `mvn -B verify`. The posts at 50,000 alone take at least 50,000 / 50 s (about 17 min).
#
#   bench/growth.sh                                  # everything: report in target/growth/growth.md, charts in docs/images
#   bench/growth.sh --phases startup --runs 3        # start-up and memory only
#   bench/growth.sh --phases posts --posts 10000     # one posts run
#   bench/growth.sh --phases report                  # redraw the report and charts from target/growth/growth.tsv
#
# Options are those of dev.lalaland.bot.bench.GrowthMain.Options. Needs a JDK 17+ (java and jcmd) and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[growth] building the bot jar, the test classes and the test classpath" >&2
mvn -B -q package dependency:build-classpath -DskipTests -Dmdep.outputFile=target/bench-classpath.txt

# The harness (fake Discord with up to 50,000 servers) runs with the JVM's defaults and headless for the
# charts; the bot it starts gets the image's flags.
exec java -Djava.awt.headless=true -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    dev.lalaland.bot.bench.GrowthMain "$@"
