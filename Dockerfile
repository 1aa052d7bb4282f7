#
# lalaland-bot: build the jar with Maven, run it on a JRE as a non-root user.
#
#   docker build -t lalaland-bot .
#   docker run -d --name lalaland -e DISCORD_TOKEN=... -v lalaland-data:/var/lib/lalaland lalaland-bot
#
# or simply `docker compose up -d` (see docs/SELF-HOSTING.md).
#
# The base images are build arguments so that machines without access to a
# registry can substitute equivalent local images (docker/build-base-images.sh
# makes Debian-based ones): any image with a JDK 17 + Maven 3.8+ for the build
# stage, and any glibc image with a Java 17+ runtime, /bin/sh, coreutils and
# useradd (or a writable /etc/passwd) for the runtime stage.
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

# ---------------------------------------------------------------- build stage
FROM ${BUILD_IMAGE} AS build
WORKDIR /build
# The local repository lives in the build directory, not in ~/.m2, so it is part
# of the image layers whatever the base image declares about ~/.m2.
ENV MAVEN_ARGS_LOCAL="-B -q -Dmaven.repo.local=/build/.m2/repository"

# 1. Only the POM: this layer (all dependencies and plugins) stays cached until
#    pom.xml changes, so editing code or data does not download the world again.
#    A `package` of the empty project fetches exactly what the real one needs,
#    plugins' own dependencies included (which dependency:go-offline misses).
#    Only a warm-up: should a plugin object to an empty project, step 2 still
#    fetches whatever is missing and is the build that counts.
COPY pom.xml ./
RUN mvn $MAVEN_ARGS_LOCAL package -DskipTests || true; rm -rf target

# 2. Sources and the bundled fact files, then the self-contained jar.
COPY src ./src
COPY data ./data
RUN mvn $MAVEN_ARGS_LOCAL package -DskipTests \
 && cp target/lalaland-bot.jar /build/lalaland-bot.jar

# -------------------------------------------------------------- runtime stage
FROM ${RUNTIME_IMAGE}

LABEL org.opencontainers.image.title="lalaland-bot" \
      org.opencontainers.image.description="A La La Land trivia bot for Discord"

# A fixed, unprivileged uid/gid, so files in the data volume keep the same owner
# across rebuilds and a host directory can be chowned to match (10001:10001).
ARG APP_UID=10001
ARG APP_GID=10001
RUN set -eu; \
    if command -v useradd >/dev/null 2>&1; then \
        groupadd --system --gid "$APP_GID" lalaland; \
        useradd --system --uid "$APP_UID" --gid "$APP_GID" --no-create-home \
                --home-dir /var/lib/lalaland --shell /usr/sbin/nologin lalaland; \
    else \
        echo "lalaland:x:$APP_GID:" >> /etc/group; \
        echo "lalaland:x:$APP_UID:$APP_GID:lalaland:/var/lib/lalaland:/usr/sbin/nologin" >> /etc/passwd; \
    fi; \
    mkdir -p /app /var/lib/lalaland; \
    chown "$APP_UID:$APP_GID" /var/lib/lalaland; \
    chmod 0750 /var/lib/lalaland

WORKDIR /app
COPY --from=build /build/lalaland-bot.jar /app/lalaland-bot.jar

# Settings (docs/SELF-HOSTING.md and config/bot.example.yml list the others;
# DISCORD_TOKEN comes from the environment or .env at run time, never the image).
ENV BOT_DATABASE=/var/lib/lalaland/lalaland.db \
    BOT_HEALTH_FILE=/tmp/lalaland-alive \
    BOT_HEALTH_MAX_AGE=60

# JVM flags for a small host (a 512 MB - 1 GB VPS, one shared vCPU). Override the
# whole set with `-e JAVA_OPTS=...` (compose: in .env). Measured against the fake
# Discord (90 commands, 1 server): live heap after GC ~9 MB, metaspace ~26 MB;
# resident memory ~103 MB with these flags against ~165 MB for the JVM's defaults,
# and about half the CPU time to start (1.4 s against 3 s), same command latency.
#  -XX:+UseSerialGC        one GC thread, the smallest GC footprint; pauses on a heap
#                          this size are 1-10 ms, and a chat bot needs no throughput.
#  -Xms32m -Xmx128m        a fixed cap, not a share of RAM: without a container memory
#                          limit the JVM would size its heap from the host's memory.
#                          Over 10x the live set; raise it for very many servers.
#  -XX:MetaspaceSize=48m   no full GC at start-up for class metadata (~26 MB used)
#  -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m  bound the non-heap parts
#  -XX:TieredStopAtLevel=1 C1 only: no C2 compiler threads and arenas (~25 MB less
#                          resident, half the start-up CPU); C2's peak speed buys
#                          nothing for a few commands a second.
#  -Xss512k                the bot's threads have shallow stacks (JDA, OkHttp, JDBC)
#  -XX:+ExitOnOutOfMemoryError  exit rather than limp on; the restart policy restarts it
ENV JAVA_OPTS="-XX:+UseSerialGC -Xms32m -Xmx128m -XX:MetaspaceSize=48m -XX:MaxMetaspaceSize=128m -XX:ReservedCodeCacheSize=32m -XX:TieredStopAtLevel=1 -Xss512k -XX:+ExitOnOutOfMemoryError"
# The same flags again, for an empty JAVA_OPTS: compose passes one when .env sets none.
ENV DEFAULT_JAVA_OPTS="${JAVA_OPTS}"

# The data volume: the SQLite database (facts, server settings, quiz scores).
# Declared after the chown above so a new named volume starts owned by the bot.
VOLUME ["/var/lib/lalaland"]

USER ${APP_UID}:${APP_GID}

# Healthy while the bot's gateway connection is up: the bot touches
# $BOT_HEALTH_FILE every 10 s while CONNECTED. Unhealthy once the file is older
# than $BOT_HEALTH_MAX_AGE seconds (default 60) or absent, for 3 checks in a row:
# "unhealthy" shows within ~90 s of losing the connection (60 s + 3 x 10 s).
# Plain sh, date and stat: no JVM is started per check.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD f="${BOT_HEALTH_FILE:-/tmp/lalaland-alive}"; \
        [ -f "$f" ] && [ $(( $(date +%s) - $(stat -c %Y "$f") )) -le "${BOT_HEALTH_MAX_AGE:-60}" ] || exit 1

# docker stop sends SIGTERM; the bot finishes in-flight work, saves its state and
# exits 0 within 10 s (compose gives it 15 s before SIGKILL).
STOPSIGNAL SIGTERM

# `sh -c 'exec java ...'` only to expand $JAVA_OPTS: exec replaces the shell, so
# java is PID 1 and receives SIGTERM itself. Arguments after the image name pick
# the mode: run (default), console, check-data [DIR], backup FILE|-, restore FILE|- [--force].
ENTRYPOINT ["/bin/sh", "-c", "exec java ${JAVA_OPTS:-$DEFAULT_JAVA_OPTS} -jar /app/lalaland-bot.jar \"$@\"", "lalaland-bot"]
CMD ["run"]
