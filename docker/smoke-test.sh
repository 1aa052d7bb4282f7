#!/usr/bin/env bash
# Smoke test of the Docker image against the fake Discord, all on loopback.
#
#   docker/smoke-test.sh            (needs a running Docker engine, root, a JDK + Maven
#                                    on this machine for the fake, and the base images:
#                                    docker/ci-docker.sh sets all of that up)
#
# Builds the image from the local stand-in base images, starts the fake Discord
# (dev.lalaland.bot.testing.FakeDiscordMain from the test classes) on free loopback
# ports, runs the bot's container with --network host against it, and checks:
#   build   the image builds (and uses its cached layers when nothing changed)
#   image   non-root user 10001, health check and data volume declared
#   token   without DISCORD_TOKEN: exit 2 and one line naming DISCORD_TOKEN
#   console console mode answers /cast from the bundled data
#   hclogic the health check itself: unhealthy while the file is absent, healthy
#           while it is fresh, unhealthy once it is stale (no bot needed)
#   (a) the bot connects and answers /cast with Emma Stone
#   (b) the container turns healthy
#   (c) after the fake drops the gateway it turns unhealthy, and healthy again
#       once the gateway is back
#   (f) a quiz night: four players answer question 1 (one right), then
#   (d) docker stop during the night: exit code 0 within 10 s
#   (e) a second container on the same volume keeps the first one's database, and
#   (f) the night goes on and finishes; /quiz leaderboard has the scorer
#   (b2) backup while the bot runs (the backup mode, SQLite's online backup)
#   (r) restore into a fresh volume; refused over existing scores or from a non-backup;
#       a bot on it has the daily post and the same leaderboard
#   (h) the image's real health timings: healthy, and unhealthy after the gateway drops
#   (s) docker stop during start-up: exit code 0
#   (u) upgrade: the previous image (PREVIOUS_COMMIT) writes a volume, the new one keeps it
#   (k) docker compose with a .env file, with an exported token only, and with neither;
#       without a profile: one container (bot), on SQLite
#   (cd) check-data in the image, on the bundled files and on a broken folder
#   (g) the image size (at most MAX_IMAGE_MIB) and no sources in it
#   (p) the scale profile against a fake with 4 shards: compose --profile scale up
#       --scale bot=0 runs postgres, bot-a (shards 0-1) and bot-b (2-3) from a .env; all
#       healthy; each shard identified once with total 4, each process its own shards
#       only; a command in a server on each shard answered, the settings in PostgreSQL;
#       bot-b stopped: its shards gone, bot-a still answering; started again: answering;
#       no password in the logs; compose down -v leaves nothing
# Prints PASS/FAIL per check and a summary; exits non-zero on any failure.
#
# Settings (environment): IMAGE (default lalaland-bot:smoke), BUILD_IMAGE,
# RUNTIME_IMAGE and POSTGRES_IMAGE (default the local stand-ins), SMOKE_LOG_DIR (default
# target/docker-smoke), SKIP_BUILD=1 to test an image built already, PREVIOUS_COMMIT,
# MAX_IMAGE_MIB. Needs python3 and git (for the upgrade check).
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
IMAGE=${IMAGE:-lalaland-bot:smoke}
BUILD_IMAGE=${BUILD_IMAGE:-local/maven17:bookworm}
RUNTIME_IMAGE=${RUNTIME_IMAGE:-local/jre17:bookworm}
LOG_DIR=${SMOKE_LOG_DIR:-$REPO/target/docker-smoke}
RUN=lalaland-smoke-$$
VOLUME=$RUN-data
C1=$RUN-bot1
C2=$RUN-bot2
C3=$RUN-restored
C4=$RUN-starting
C5=$RUN-previous
C6=$RUN-upgraded
RESTORED=$RUN-restored
STARTING=$RUN-starting
UPGRADE=$RUN-upgrade
PREVIOUS_IMAGE=${PREVIOUS_IMAGE:-lalaland-bot:smoke-previous}
# PostgreSQL for the scale profile: the local stand-in (docker/build-base-images.sh)
POSTGRES_IMAGE=${POSTGRES_IMAGE:-local/postgres15:bookworm}
SCALE_RUN=$RUN-scale
SCALE_DIR=""
# The previous release for the upgrade check: main's last commit before schema V4 (V1-V3
# as today), so the upgrade runs a real migration on a volume the old image wrote. (Main's
# commits b58b02b-07eb191 had an earlier V4 that was changed since: Flyway refuses those.)
PREVIOUS_COMMIT=${PREVIOUS_COMMIT:-e2187eaaa6467b05720c079994620042cd3770d2}
# The image's size may not grow past this (MiB); the stand-in runtime image is ~200 MiB of it.
MAX_IMAGE_MIB=${MAX_IMAGE_MIB:-400}
CH=$RUN-health
TOKEN=smoke-test-token-$$-not-a-real-token
# The test's health timing: the bot touches its file every 10 s, so a stale age of
# 20 s can never flap; checks every 2 s. (The image's defaults: 60 s, every 10 s.)
TEST_HEALTH=(-e BOT_HEALTH_MAX_AGE=20 --health-interval=2s --health-timeout=2s
             --health-retries=2 --health-start-period=1s)

mkdir -p "$LOG_DIR"
rm -f "$LOG_DIR"/*.log "$LOG_DIR"/*.txt 2>/dev/null || true
T0=$(date +%s)
FAKE_PID=""
CONTROL=""
declare -a RESULTS=()
FAILED=0

log()  { printf '[smoke %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }
ms()   { date +%s%3N; }
secs() { awk -v m="$1" 'BEGIN { printf "%.1f", m / 1000 }'; }
pass() { RESULTS+=("PASS  $1"); log "PASS  $1"; }
fail() { RESULTS+=("FAIL  $1"); log "FAIL  $1"; FAILED=$((FAILED + 1)); }
info() { RESULTS+=("INFO  $1"); log "INFO  $1"; }

# wait_for SECONDS CMD...: run CMD every 0.5 s until it succeeds; 1 on timeout.
wait_for() {
  local timeout=$1; shift
  local deadline=$(( $(date +%s) + timeout ))
  while :; do
    "$@" >/dev/null 2>&1 && return 0
    [ "$(date +%s)" -ge "$deadline" ] && return 1
    sleep 0.5
  done
}

health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "$1" 2>/dev/null; }
health_is() { [ "$(health "$1")" = "$2" ]; }
running() { [ "$(docker inspect -f '{{.State.Running}}' "$1" 2>/dev/null)" = true ]; }

cleanup() {
  local rc=$?
  for c in "$C1" "$C2" "$C3" "$C4" "$C5" "$C6" "$CH"; do
    docker logs "$c" >"$LOG_DIR/$c.log" 2>&1 || true
    docker rm -f -v "$c" >/dev/null 2>&1 || true
  done
  for v in "$VOLUME" "$RESTORED" "$STARTING" "$UPGRADE"; do docker volume rm -f "$v" >/dev/null 2>&1 || true; done
  compose_down >/dev/null 2>&1 || true
  scale_down >/dev/null 2>&1 || true
  if [ -n "$FAKE_PID" ]; then
    [ -n "$CONTROL" ] && curl -s -m 2 -X POST "$CONTROL/_control/shutdown" >/dev/null 2>&1 || true
    for _ in 1 2 3 4; do kill -0 "$FAKE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -TERM -- "-$FAKE_PID" 2>/dev/null || kill -TERM "$FAKE_PID" 2>/dev/null || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

summary() {
  echo
  echo "== docker smoke test: $(( $(date +%s) - T0 )) s =="
  printf '%s\n' "${RESULTS[@]}"
  local p f
  p=$(printf '%s\n' "${RESULTS[@]}" | grep -c '^PASS' || true)
  f=$(printf '%s\n' "${RESULTS[@]}" | grep -c '^FAIL' || true)
  echo "docker-smoke: $p passed, $f failed"
  [ "$f" -eq 0 ] || echo "logs: $LOG_DIR"
}

# Stops the test early (after a failure the rest cannot run).
abort() { fail "$1"; summary; exit 1; }

show_tail() { # FILE: last lines, indented
  [ -f "$1" ] && tail -n "${2:-25}" "$1" | sed 's/^/    | /'
}

# ------------------------------------------------------------------ preflight
docker info >/dev/null 2>&1 || abort "preflight: no Docker engine answers (run docker/ci-docker.sh)"
for tool in curl java mvn; do
  command -v "$tool" >/dev/null || abort "preflight: $tool is missing"
done
for base in "$BUILD_IMAGE" "$RUNTIME_IMAGE" "$POSTGRES_IMAGE"; do
  docker image inspect "$base" >/dev/null 2>&1 || abort "preflight: base image $base is missing (run docker/build-base-images.sh)"
done

# ---------------------------------------------------------------------- build
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building $IMAGE (FROM $BUILD_IMAGE / $RUNTIME_IMAGE)"
  old=$(docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)
  t=$(ms)
  if docker build --network host --force-rm \
       --build-arg BUILD_IMAGE="$BUILD_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" \
       -t "$IMAGE" "$REPO" >"$LOG_DIR/build.log" 2>&1; then
    took=$(( ($(ms) - t) / 1000 ))
    cached=$(grep -cE 'Using cache|CACHED' "$LOG_DIR/build.log" || true)
    pass "build: image built in ${took} s (${cached} cached steps)"
    # Tidy up after earlier runs without losing the layer cache: tag this build
    # stage (all cached, so instant), then remove the previous image and build
    # stage of these tags if they changed and nothing else uses them.
    old_stage=$(docker image inspect -f '{{.Id}}' "$IMAGE-build" 2>/dev/null || true)
    docker build --network host --force-rm --target build \
      --build-arg BUILD_IMAGE="$BUILD_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" \
      -t "$IMAGE-build" "$REPO" >>"$LOG_DIR/build.log" 2>&1 || true
    [ -n "$old" ] && [ "$old" != "$(docker image inspect -f '{{.Id}}' "$IMAGE")" ] \
      && docker image rm "$old" >/dev/null 2>&1 || true
    [ -n "$old_stage" ] && [ "$old_stage" != "$(docker image inspect -f '{{.Id}}' "$IMAGE-build" 2>/dev/null)" ] \
      && docker image rm "$old_stage" >/dev/null 2>&1 || true
  else
    show_tail "$LOG_DIR/build.log" 40
    abort "build: docker build failed (log: $LOG_DIR/build.log)"
  fi
fi
docker image inspect "$IMAGE" >/dev/null 2>&1 || abort "build: no image $IMAGE"

# ---------------------------------------------------------------------- image
user=$(docker image inspect -f '{{.Config.User}}' "$IMAGE")
hc=$(docker image inspect -f '{{if .Config.Healthcheck}}{{json .Config.Healthcheck.Test}}{{end}}' "$IMAGE")
vols=$(docker image inspect -f '{{json .Config.Volumes}}' "$IMAGE")
uid=$(docker run --rm --network none --entrypoint id "$IMAGE" -u 2>/dev/null)
if [ "${user%%:*}" = 10001 ] && [ "$uid" = 10001 ] && [ -n "$hc" ] \
   && [[ "$vols" == *'"/var/lib/lalaland"'* ]]; then
  pass "image: runs as uid $uid, HEALTHCHECK and VOLUME /var/lib/lalaland declared"
else
  fail "image: user='$user' uid='$uid' healthcheck='$hc' volumes='$vols'"
fi

# ---------------------------------------------------------------------- token
# No DISCORD_TOKEN: exit 2 and one line that names it (the network is not needed).
out=$(docker run --rm --network none "$IMAGE" 2>&1); rc=$?
printf '%s\n' "$out" >"$LOG_DIR/no-token.txt"
lines=$(printf '%s\n' "$out" | grep -c . || true)
if [ "$rc" = 2 ] && [ "$lines" = 1 ] && grep -q DISCORD_TOKEN <<<"$out"; then
  pass "token: without DISCORD_TOKEN exit 2: $out"
else
  fail "token: without DISCORD_TOKEN: exit $rc, $lines line(s): $(head -c 300 <<<"$out" | tr '\n' ' ')"
fi

# -------------------------------------------------------------------- console
out=$(printf '/cast name:Emma Stone\n' | docker run --rm -i --network none "$IMAGE" console 2>&1); rc=$?
printf '%s\n' "$out" >"$LOG_DIR/console.txt"
if [ "$rc" = 0 ] && grep -qi 'Emma Stone' <<<"$out"; then
  pass "console: console mode in the image answers /cast name:Emma Stone"
else
  fail "console: exit $rc: $(head -c 300 <<<"$out" | tr '\n' ' ')"
fi

# ------------------------------------------------------- health check logic
# The image's HEALTHCHECK against a stand-in that touches the file on command.
docker run -d --name "$CH" --network none -e BOT_HEALTH_MAX_AGE=3 \
  --health-interval=1s --health-timeout=2s --health-retries=2 --health-start-period=1s \
  --entrypoint /bin/sh "$IMAGE" -c '
    while [ ! -e /tmp/go ]; do sleep 0.2; done
    while [ ! -e /tmp/stop ]; do touch "$BOT_HEALTH_FILE"; sleep 1; done
    exec sleep 600' >/dev/null
if wait_for 30 health_is "$CH" unhealthy; then
  docker exec "$CH" touch /tmp/go
  if wait_for 30 health_is "$CH" healthy; then
    docker exec "$CH" touch /tmp/stop
    t=$(ms)
    if wait_for 30 health_is "$CH" unhealthy; then
      pass "hclogic: absent file unhealthy, fresh healthy, stale unhealthy ($(( ($(ms) - t) / 1000 )) s after the last touch, max age 3 s)"
    else fail "hclogic: still $(health "$CH") 30 s after the file went stale"; fi
  else fail "hclogic: not healthy while the file is touched every second: $(health "$CH")"; fi
else fail "hclogic: not unhealthy without a health file: $(health "$CH")"; fi
docker rm -f -v "$CH" >/dev/null 2>&1

# ----------------------------------------------------------- the fake Discord
log "compiling the test classes (fake Discord)"
if ! (cd "$REPO" && mvn -B -q test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/test-classpath.txt) >"$LOG_DIR/mvn-test-compile.log" 2>&1; then
  show_tail "$LOG_DIR/mvn-test-compile.log"
  abort "fake: mvn test-compile failed"
fi
[ -f "$REPO/target/test-classes/dev/lalaland/bot/testing/FakeDiscordMain.class" ] \
  || abort "fake: no dev.lalaland.bot.testing.FakeDiscordMain in the test classes (not on this branch yet?)"

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  for _ in $(seq 200); do
    p=$(( 20000 + RANDOM % 20000 ))
    [ "$p" != "${1:-}" ] && port_free "$p" && { echo "$p"; return 0; }
  done
  return 1
}
# start_fake LOGFILE [OPTIONS...]: the fake Discord on free loopback ports (FakeDiscordMain's
# options); sets FAKE_PID, CONTROL, REST_URL and GW_URL, or stops the test
start_fake() {
  local logfile=$1; shift
  REST_PORT=$(free_port) || abort "fake: no free port"
  GW_PORT=$(free_port "$REST_PORT") || abort "fake: no free port"
  CONTROL=http://127.0.0.1:$REST_PORT
  log "starting the fake Discord on 127.0.0.1:$REST_PORT (REST) and :$GW_PORT (gateway) $*"
  setsid java -cp "$REPO/target/test-classes:$REPO/target/classes:$(cat "$REPO/target/test-classpath.txt")" \
    dev.lalaland.bot.testing.FakeDiscordMain --rest-port "$REST_PORT" --gateway-port "$GW_PORT" --token "$TOKEN" \
    "$@" >"$logfile" 2>&1 </dev/null &
  FAKE_PID=$!
  FAKE_LOG=$logfile
  if ! wait_for 60 fake_up; then
    show_tail "$logfile"
    abort "fake: the fake Discord did not answer on $CONTROL/_control/status within 60 s"
  fi
  REST_URL=$(grep -oE 'https?://[^[:space:]"]+' "$logfile" | head -1)
  GW_URL=$(grep -oE 'wss?://[^[:space:]"]+' "$logfile" | head -1)
  case "$REST_URL" in */) ;; *) REST_URL="$REST_URL/" ;; esac
  log "fake Discord up: REST $REST_URL, gateway $GW_URL"
  case "$REST_URL$GW_URL" in
    *127.0.0.1*|*localhost*) ;;
    *) abort "fake: the fake's URLs are not on loopback: $REST_URL $GW_URL" ;;
  esac
}
fake_up() { curl -sf -m 2 "$CONTROL/_control/status" && grep -q 'ws://' "$FAKE_LOG"; }
# stop_fake: shuts the running fake down (its control call, then SIGTERM)
stop_fake() {
  [ -n "$FAKE_PID" ] || return 0
  curl -s -m 2 -X POST "$CONTROL/_control/shutdown" >/dev/null 2>&1 || true
  for _ in $(seq 10); do kill -0 "$FAKE_PID" 2>/dev/null || break; sleep 0.5; done
  kill -TERM -- "-$FAKE_PID" 2>/dev/null || kill -TERM "$FAKE_PID" 2>/dev/null || true
  wait "$FAKE_PID" 2>/dev/null || true
  FAKE_PID=""
}

start_fake "$LOG_DIR/fake-discord.log"

# fake_gone: true (and says so, once) if the fake Discord process has exited
FAKE_REPORTED=0
fake_gone() {
  [ -n "$FAKE_PID" ] && ! kill -0 "$FAKE_PID" 2>/dev/null || return 1
  if [ "$FAKE_REPORTED" = 0 ]; then
    FAKE_REPORTED=1
    wait "$FAKE_PID" 2>/dev/null; local code=$?
    show_tail "$FAKE_LOG" 10
    fail "fake: the fake Discord process exited during the test (exit code $code): later checks cannot pass"
  fi
  return 0
}

status_connected() { curl -sf -m 2 "$CONTROL/_control/status" | grep -Eq '"connected" *: *true'; }
status_disconnected() { curl -sf -m 2 "$CONTROL/_control/status" | grep -Eq '"connected" *: *false'; }

# slash_cast FILE: /cast name:Emma Stone through the control API; reply in FILE
slash_cast() {
  curl -s -m 10 -X POST -H 'Content-Type: application/json' \
    -d '{"user":"400000000000000001","channel":"300000000000000001","name":"cast","options":{"name":"Emma Stone"}}' \
    "$CONTROL/_control/slash" >"$1" 2>&1 && grep -qi 'Emma Stone' "$1"
}

# configure_daily_post FILE: an admin turns the daily post on; reply in FILE
configure_daily_post() {
  curl -s -m 10 -X POST -H 'Content-Type: application/json' \
    -d '{"user":"400000000000000001","channel":"300000000000000001","name":"config","sub":"onthisday","options":{"channel":{"type":7,"value":"300000000000000001"},"time":"21:17","timezone":"Europe/Paris"}}' \
    "$CONTROL/_control/slash" >"$1" 2>&1 && grep -q 'Europe/Paris' "$1"
}

# show_config FILE: /config show as the admin; it must still name the first container's setting
show_config() {
  curl -s -m 10 -X POST -H 'Content-Type: application/json' \
    -d '{"user":"400000000000000001","channel":"300000000000000001","name":"config","sub":"show","options":{}}' \
    "$CONTROL/_control/slash" >"$1" 2>&1 && grep -q 'Europe/Paris' "$1" && grep -q '21:17' "$1"
}

ADMIN=400000000000000001
# alice (the admin), bob, carol and dave of the fake's server
PLAYERS=(400000000000000001 400000000000000002 400000000000000003 400000000000000004)
CHANNEL=300000000000000001
# control POST ACTION JSON OUT: a call to the fake's control API, its answer in OUT
control() {
  curl -s -m 15 -X POST -H 'Content-Type: application/json' -d "$2" "$CONTROL/_control/$1" >"$3" 2>&1
}
slash() { # OUT NAME SUB OPTIONS-JSON, as alice (admin)
  control slash "{\"user\":\"$ADMIN\",\"channel\":\"$CHANNEL\",\"name\":\"$2\",\"sub\":\"$3\",\"options\":$4}" "$1"
}
start_quiz() { # OUT: a 2-question night, 10 s a question
  slash "$1" quiz start '{"questions":{"type":4,"value":2},"seconds":{"type":4,"value":10}}' && grep -q 'Quiz night' "$1"
}
leaderboard() { # OUT: /quiz leaderboard names one of the four players (one answer each was right)
  slash "$1" quiz leaderboard '{}' && grep -Eq 'alice|bob|carol|dave' "$1"
}
embed_text() { # FILE: the text of an interaction reply's embeds (title, description, fields)
  python3 - "$1" <<'PY'
import json, sys
data = json.load(open(sys.argv[1])).get("data", {})
for e in data.get("embeds", []):
    print(e.get("title", ""), e.get("description", ""))
    for f in e.get("fields", []):
        print(f.get("name", ""), f.get("value", ""))
PY
}
# await_message TEXT SECONDS OUT: a channel message containing TEXT (its JSON in OUT)
await_message() {
  local q
  q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1")
  curl -sf -m $(( $2 + 5 )) "$CONTROL/_control/await-message?channel=$CHANNEL&contains=$q&timeout_ms=$(( $2 * 1000 ))" >"$3" 2>&1
}
# json_field FILE id|custom_ids: the message id, or its buttons' custom ids in order
json_field() {
  python3 - "$1" "$2" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
if sys.argv[2] == "id":
    print(m["id"])
else:
    print(" ".join(c["custom_id"] for row in m.get("components", []) for c in row.get("components", [])))
PY
}
click() { # USER MESSAGE CUSTOM-ID OUT
  control button "{\"user\":\"$1\",\"channel\":\"$CHANNEL\",\"message\":\"$2\",\"custom_id\":\"$3\"}" "$4"
}

run_bot() { # NAME [VOLUME [IMAGE [real]]]: start a bot container against the fake
  local health=("${TEST_HEALTH[@]}")
  [ "${4:-}" = real ] && health=()   # the image's own health timings
  docker run -d --name "$1" --network host \
    -e DISCORD_TOKEN="$TOKEN" -e DISCORD_REST_URL="$REST_URL" -e DISCORD_GATEWAY_URL="$GW_URL" \
    "${health[@]}" -v "${2:-$VOLUME}:/var/lib/lalaland" "${3:-$IMAGE}" >/dev/null
}

# health_checks CONTAINER LABEL HEALTHY-WITHIN UNHEALTHY-WITHIN NOTE: healthy once connected,
# then unhealthy after the fake drops the gateway (allowed again afterwards)
health_checks() {
  local t
  t=$(ms)
  if wait_for "$3" health_is "$1" healthy; then
    pass "$2 health: healthy $(( ($(ms) - t) / 1000 )) s after connecting"
  else
    fail "$2 health: $(health "$1") $3 s after connecting (want healthy)"
  fi
  curl -s -m 5 -X POST "$CONTROL/_control/drop-gateway" >/dev/null
  t=$(ms)
  if wait_for "$4" health_is "$1" unhealthy; then
    pass "$2 health: unhealthy $(( ($(ms) - t) / 1000 )) s after the gateway dropped ($5)"
  else
    fail "$2 health: still $(health "$1") $4 s after the gateway dropped"
  fi
  curl -s -m 5 -X POST "$CONTROL/_control/allow-gateway" >/dev/null
}

# stop_bot NAME LABEL: docker stop, exit code 0 within 10 s
stop_bot() {
  local t took rc code
  t=$(ms)
  docker stop -t 15 "$1" >/dev/null 2>&1; rc=$?
  took=$(( $(ms) - t ))
  code=$(docker inspect -f '{{.State.ExitCode}}' "$1" 2>/dev/null)
  if [ "$rc" = 0 ] && [ "$code" = 0 ] && [ "$took" -le 10000 ]; then
    pass "$2: docker stop: exit code 0 after $(secs "$took") s"
  else
    fail "$2: docker stop: rc $rc, container exit code '$code' after $took ms (want 0 within 10 s)"
  fi
}

# db_snapshot DIR: copy the volume's files out (read-only) into DIR
db_snapshot() { # DIR [VOLUME]
  rm -rf "$1"; mkdir -p "$1"
  docker run --rm --network none -v "${2:-$VOLUME}:/data:ro" --entrypoint tar "$IMAGE" -C /data -cf - . \
    | tar -C "$1" -xf -
}
# db_marker DIR: inode-independent identity of the database: Flyway's first
# migration row (written once when the database is created), table row counts
db_marker() {
  command -v python3 >/dev/null || { echo "python3-missing"; return 0; }
  python3 - "$1/lalaland.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
tables = [r[0] for r in db.execute("select name from sqlite_master where type='table' order by name")]
out = []
for t in tables:
    if t.lower() == "flyway_schema_history":
        row = db.execute('select installed_rank, version, installed_on from "%s" order by installed_rank limit 1' % t).fetchone()
        out.append("created=" + "|".join(str(x) for x in (row or ())).replace(" ", "_"))
for t in tables:
    out.append("%s=%d" % (t, db.execute('select count(*) from "%s"' % t).fetchone()[0]))
print(" ".join(out))
PY
}

# -------------------------------------------------------- (a)-(d) first run
docker volume create "$VOLUME" >/dev/null
log "starting the bot ($C1) against the fake"
t=$(ms)
run_bot "$C1" || abort "(a) docker run failed"

if wait_for 90 status_connected; then
  pass "(a) the bot connected to the fake gateway in $(( ($(ms) - t) / 1000 )) s"
  if wait_for 60 slash_cast "$LOG_DIR/cast-reply-1.txt"; then
    pass "(a) /cast name:Emma Stone answered: $(head -c 160 "$LOG_DIR/cast-reply-1.txt" | tr '\n' ' ')"
    if configure_daily_post "$LOG_DIR/config-reply-1.txt"; then
      pass "(e) marker: an admin set the daily post to 21:17 Europe/Paris in the first container"
    else
      fail "(e) marker: /config onthisday was not accepted: $(head -c 300 "$LOG_DIR/config-reply-1.txt" | tr '\n' ' ')"
    fi
  else
    fail "(a) /cast name:Emma Stone: no reply naming Emma Stone: $(head -c 300 "$LOG_DIR/cast-reply-1.txt" | tr '\n' ' ')"
    fake_gone
  fi
else
  docker logs "$C1" >"$LOG_DIR/$C1.log" 2>&1; show_tail "$LOG_DIR/$C1.log"
  running "$C1" || log "container exited with code $(docker inspect -f '{{.State.ExitCode}}' "$C1")"
  fake_gone
  abort "(a) the bot did not connect to the fake within 90 s"
fi

pid1=$(docker exec "$C1" cat /proc/1/comm 2>/dev/null)
puid=$(docker exec "$C1" sh -c 'stat -c %u /proc/1' 2>/dev/null)
if [ "$pid1" = java ] && [ "$puid" = 10001 ]; then
  pass "(a) java is PID 1 (gets SIGTERM) and runs as uid 10001"
else
  fail "(a) PID 1 is '$pid1' running as uid '$puid' (want java as 10001)"
fi

health_checks "$C1" "(b, c)" 60 90 "test max age 20 s"
t=$(ms)
if wait_for 150 health_is "$C1" healthy; then
  pass "(c) health: healthy again $(( ($(ms) - t) / 1000 )) s after the gateway came back (bot reconnected)"
else
  fail "(c) health: $(health "$C1") 150 s after the gateway came back (want healthy)"
  fake_gone
fi

docker logs "$C1" >"$LOG_DIR/$C1.log" 2>&1
if grep -qF "$TOKEN" "$LOG_DIR/$C1.log"; then
  fail "token: the bot printed its token in the container log"
else
  pass "token: the token appears nowhere in the container log"
fi

# (f) a quiz night is running when docker stop comes: four players each click another
# answer of question 1, so exactly one of them scores
if start_quiz "$LOG_DIR/quiz-start.txt" && await_message "Question 1 of 2" 40 "$LOG_DIR/quiz-q1.json"; then
  q1=$(json_field "$LOG_DIR/quiz-q1.json" id)
  read -r -a choices <<<"$(json_field "$LOG_DIR/quiz-q1.json" custom_ids)"
  for i in 0 1 2 3; do
    click "${PLAYERS[$i]}" "$q1" "${choices[$i]:-none}" "$LOG_DIR/click-$i.txt"
  done
  pass "(f) quiz night started; four players answered question 1 (${choices[*]})"
else
  fail "(f) no quiz night question 1: $(head -c 300 "$LOG_DIR/quiz-start.txt" | tr '\n' ' ')"
fi
stop_bot "$C1" "(d) during a quiz night"
docker logs "$C1" >"$LOG_DIR/$C1.log" 2>&1

# ------------------------------------------------ (e) same volume, 2nd container
db_snapshot "$LOG_DIR/volume-1"
owner=$(docker run --rm --network none -v "$VOLUME:/data:ro" --entrypoint stat "$IMAGE" -c '%u %i %s' /data/lalaland.db 2>/dev/null)
if [ -n "$owner" ] && [ "${owner%% *}" = 10001 ]; then
  pass "(e) the database is on the volume, owned by 10001 ($(cut -d' ' -f3 <<<"$owner") bytes)"
else
  fail "(e) no /var/lib/lalaland/lalaland.db owned by 10001 on the volume after the first run: '$owner'"
fi
[ -e "$LOG_DIR/volume-1/lalaland.db-wal" ] && [ -s "$LOG_DIR/volume-1/lalaland.db-wal" ] \
  && info "(d) a non-empty lalaland.db-wal was left after the stop (database not checkpointed on close?)"
marker1=$(db_marker "$LOG_DIR/volume-1")
log "database after the first run: $marker1"

log "starting a second container ($C2) on the same volume"
run_bot "$C2" || abort "(e) docker run failed"
if wait_for 90 status_connected && wait_for 60 slash_cast "$LOG_DIR/cast-reply-2.txt"; then
  pass "(e) the second container connected and answered /cast"
  if show_config "$LOG_DIR/config-reply-2.txt"; then
    pass "(e) /config show in the second container still shows the first one's daily post (21:17 Europe/Paris)"
  else
    fail "(e) /config show in the second container lost the setting: $(head -c 300 "$LOG_DIR/config-reply-2.txt" | tr '\n' ' ')"
  fi
else
  docker logs "$C2" >"$LOG_DIR/$C2.log" 2>&1; show_tail "$LOG_DIR/$C2.log"
  fail "(e) the second container did not connect and answer /cast"
  fake_gone
fi
if await_message "Quiz night over" 90 "$LOG_DIR/quiz-end.json"; then
  pass "(f) the quiz night stopped by docker stop went on after the start and finished"
  if leaderboard "$LOG_DIR/leaderboard-2.txt"; then
    pass "(f) /quiz leaderboard: $(embed_text "$LOG_DIR/leaderboard-2.txt" | tr '\n' ' ' | head -c 200)"
  else
    fail "(f) /quiz leaderboard names none of the players: $(head -c 300 "$LOG_DIR/leaderboard-2.txt" | tr '\n' ' ')"
  fi
else
  fail "(f) the quiz night did not finish within 90 s of the second start"
fi

# (b2) backup while the bot runs: another container on the same volume, SQLite's online backup
docker run --rm --network none -v "$VOLUME:/var/lib/lalaland" "$IMAGE" backup - \
  >"$LOG_DIR/backup.db" 2>"$LOG_DIR/backup.err"; rc=$?
if [ "$rc" = 0 ] && [ "$(head -c 15 "$LOG_DIR/backup.db")" = "SQLite format 3" ] && grep -q '^ok: backed up' "$LOG_DIR/backup.err"; then
  pass "(b2) backup while running: $(stat -c %s "$LOG_DIR/backup.db") bytes; $(grep '^ok:' "$LOG_DIR/backup.err")"
else
  fail "(b2) backup while running: exit $rc: $(tail -c 300 "$LOG_DIR/backup.err" | tr '\n' ' ')"
fi
running "$C2" && pass "(b2) the bot kept running during the backup" || fail "(b2) the bot stopped during the backup"

stop_bot "$C2" "(e)"
owner2=$(docker run --rm --network none -v "$VOLUME:/data:ro" --entrypoint stat "$IMAGE" -c '%u %i %s' /data/lalaland.db 2>/dev/null)
db_snapshot "$LOG_DIR/volume-2"
marker2=$(db_marker "$LOG_DIR/volume-2")
log "database after the second run: $marker2"
inode1=$(cut -d' ' -f2 <<<"$owner"); inode2=$(cut -d' ' -f2 <<<"$owner2")
created1=$(grep -oE 'created=[^ ]*' <<<"$marker1" || true)
created2=$(grep -oE 'created=[^ ]*' <<<"$marker2" || true)
# every table keeps at least the rows it had
shrunk=""
for kv in $marker1; do
  case "$kv" in created=*|python3-missing) continue ;; esac
  k=${kv%%=*}; v1=${kv#*=}
  v2=$(tr ' ' '\n' <<<"$marker2" | grep "^$k=" | cut -d= -f2)
  [ -n "$v2" ] && [ "$v2" -ge "$v1" ] || shrunk="$shrunk $k:$v1->${v2:-gone}"
done
if [ -n "$inode1" ] && [ "$inode1" = "$inode2" ] && [ "$created1" = "$created2" ] && [ -z "$shrunk" ]; then
  pass "(e) the second container kept the first one's database (same file, ${created1:-no Flyway history}, no table lost rows)"
else
  fail "(e) database not kept: inode $inode1 -> $inode2, $created1 -> $created2, shrunk:${shrunk:- none}"
fi

fake_gone || true

# ------------------------------------------------ (r) restore into a fresh volume
docker volume create "$RESTORED" >/dev/null
docker run --rm -i --network none -v "$RESTORED:/var/lib/lalaland" "$IMAGE" restore - \
  <"$LOG_DIR/backup.db" >"$LOG_DIR/restore.out" 2>"$LOG_DIR/restore.err"; rc=$?
if [ "$rc" = 0 ] && grep -q '^ok: restored' "$LOG_DIR/restore.out"; then
  pass "(r) restore into a fresh volume: $(cat "$LOG_DIR/restore.out")"
else
  fail "(r) restore into a fresh volume: exit $rc: $(cat "$LOG_DIR/restore.out" "$LOG_DIR/restore.err" | head -c 400 | tr '\n' ' ')"
fi
out=$(docker run --rm -i --network none -v "$RESTORED:/var/lib/lalaland" "$IMAGE" restore - <"$LOG_DIR/backup.db" 2>&1); rc=$?
if [ "$rc" = 2 ] && grep -q -- '--force' <<<"$out"; then
  pass "(r) a second restore over the settings and scores is refused: $out"
else
  fail "(r) a second restore without --force: exit $rc: $(head -c 300 <<<"$out")"
fi
out=$(printf 'not a database\n' | docker run --rm -i --network none -v "$RESTORED:/var/lib/lalaland" "$IMAGE" restore - --force 2>&1); rc=$?
if [ "$rc" = 2 ] && [ "$(grep -c . <<<"$out")" = 1 ] && grep -q 'not an SQLite database' <<<"$out"; then
  pass "(r) a file that is not a backup: exit 2: $out"
else
  fail "(r) restoring a text file: exit $rc: $(head -c 300 <<<"$out")"
fi

# (h) the bot on the restored volume, with the image's own health timings
log "starting a bot ($C3) on the restored volume, with the image's health timings"
run_bot "$C3" "$RESTORED" "$IMAGE" real || fail "(r) docker run failed"
if wait_for 90 status_connected && wait_for 60 slash_cast "$LOG_DIR/cast-reply-3.txt"; then
  show_config "$LOG_DIR/config-reply-3.txt" && leaderboard "$LOG_DIR/leaderboard-3.txt" \
    && [ "$(embed_text "$LOG_DIR/leaderboard-3.txt")" = "$(embed_text "$LOG_DIR/leaderboard-2.txt")" ] \
    && pass "(r) the bot on the restored volume has the daily post (21:17 Europe/Paris) and the same leaderboard" \
    || fail "(r) restored bot lost settings or scores: $(cat "$LOG_DIR/config-reply-3.txt" "$LOG_DIR/leaderboard-3.txt" | head -c 400 | tr '\n' ' ')"
  health_checks "$C3" "(h) the image's timings:" 60 150 "documented: within about 90 s"
else
  docker logs "$C3" >"$LOG_DIR/$C3.log" 2>&1; show_tail "$LOG_DIR/$C3.log"
  fail "(r) the bot on the restored volume did not connect and answer /cast"
  fake_gone
fi
stop_bot "$C3" "(r)"

# ------------------------------------------------ (s) docker stop during start-up
# Discord's gateway does not answer (a closed port): the bot waits for it, and is stopped then.
closed=$(free_port "$REST_PORT") || closed=9
docker run -d --name "$C4" --network host -e DISCORD_TOKEN="$TOKEN" -e DISCORD_REST_URL="$REST_URL" \
  -e DISCORD_GATEWAY_URL="ws://127.0.0.1:$closed/" -v "$STARTING:/var/lib/lalaland" "$IMAGE" >/dev/null
starting_up() { docker logs "$C4" 2>&1 | grep -q 'fact store loaded'; }
if wait_for 90 starting_up; then
  stop_bot "$C4" "(s) during start-up"
  docker logs "$C4" 2>&1 | grep -q 'stopped while starting' \
    && pass "(s) the log says it stopped while starting" || fail "(s) no 'stopped while starting' in the log"
else
  fail "(s) the bot did not reach its start-up within 90 s: $(docker logs "$C4" 2>&1 | tail -3 | tr '\n' ' ')"
fi

# ------------------------------------------------ (u) upgrade from the previous image's volume
if prev=$(git -C "$REPO" rev-parse --verify -q "$PREVIOUS_COMMIT^{commit}" 2>/dev/null); then
  log "building the previous image from ${prev:0:10} ($PREVIOUS_COMMIT)"
  t=$(ms)
  if git -C "$REPO" archive --format=tar "$prev" | docker build --network host --force-rm \
       --build-arg BUILD_IMAGE="$BUILD_IMAGE" --build-arg RUNTIME_IMAGE="$RUNTIME_IMAGE" \
       -t "$PREVIOUS_IMAGE" - >"$LOG_DIR/build-previous.log" 2>&1; then
    info "(u) previous image built from ${prev:0:10} in $(( ($(ms) - t) / 1000 )) s"
    docker volume create "$UPGRADE" >/dev/null
    run_bot "$C5" "$UPGRADE" "$PREVIOUS_IMAGE"
    if wait_for 90 status_connected && wait_for 60 slash_cast "$LOG_DIR/cast-reply-5.txt" \
       && configure_daily_post "$LOG_DIR/config-reply-5.txt"; then
      pass "(u) the previous image ran and an admin set the daily post"
    else
      fail "(u) the previous image did not connect or take /config: $(docker logs "$C5" 2>&1 | tail -3 | tr '\n' ' ')"
    fi
    stop_bot "$C5" "(u) previous image"
    db_snapshot "$LOG_DIR/volume-previous" "$UPGRADE"
    before=$(db_marker "$LOG_DIR/volume-previous")
    run_bot "$C6" "$UPGRADE"
    if wait_for 90 status_connected && wait_for 60 slash_cast "$LOG_DIR/cast-reply-6.txt" \
       && show_config "$LOG_DIR/config-reply-6.txt"; then
      pass "(u) the new image started on the previous image's volume and kept its daily post"
    else
      docker logs "$C6" >"$LOG_DIR/$C6.log" 2>&1; show_tail "$LOG_DIR/$C6.log"
      fail "(u) the new image on the previous image's volume: no connection or setting lost"
    fi
    stop_bot "$C6" "(u) upgraded"
    db_snapshot "$LOG_DIR/volume-upgraded" "$UPGRADE"
    after=$(db_marker "$LOG_DIR/volume-upgraded")
    info "(u) database before: $before"
    info "(u) database after:  $after"
  else
    show_tail "$LOG_DIR/build-previous.log"
    fail "(u) the previous image ($PREVIOUS_COMMIT) did not build (log: $LOG_DIR/build-previous.log)"
  fi
else
  info "(u) skipped: $PREVIOUS_COMMIT is not in this clone's history (a shallow clone?)"
fi

fake_gone || true

# ------------------------------------------------ (k) docker compose, with .env and without
if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose)
elif command -v docker-compose >/dev/null; then COMPOSE=(docker-compose)
else COMPOSE=(); fi
COMPOSE_DIR=$(mktemp -d /tmp/lalaland-compose.XXXXXX)
# The real compose file; the override only keeps the test apart (names, the image under
# test, the host network to reach the fake on loopback).
cat >"$COMPOSE_DIR/smoke.override.yml" <<EOF
services:
  bot:
    image: $IMAGE
    container_name: $RUN-compose
    network_mode: host
volumes:
  lalaland-data:
    name: $RUN-compose-data
  lalaland-postgres:
    name: $RUN-compose-postgres
EOF
# compose ARGS...: compose in a folder of its own, with only COMPOSE_ENV (VAR=value ...) exported
COMPOSE_ENV=()
compose() {
  (cd "$COMPOSE_DIR" && env -u DISCORD_TOKEN -u DISCORD_REST_URL -u DISCORD_GATEWAY_URL "${COMPOSE_ENV[@]}" \
     "${COMPOSE[@]}" -p "$RUN" --project-directory "$COMPOSE_DIR" \
     -f "$REPO/docker-compose.yml" -f "$COMPOSE_DIR/smoke.override.yml" "$@")
}
compose_down() { [ "${#COMPOSE[@]}" -gt 0 ] && compose down -v -t 15 >/dev/null 2>&1; rm -rf "$COMPOSE_DIR"; }
# compose_case LABEL ENV...: compose up with ENV (VAR=value) exported, then connected and /cast
compose_case() {
  local label=$1; shift
  COMPOSE_ENV=("$@")
  compose up -d --no-build >"$LOG_DIR/compose-$label.log" 2>&1 \
    || { show_tail "$LOG_DIR/compose-$label.log"; fail "(k) $label: compose up failed"; return; }
  if wait_for 90 status_connected && wait_for 60 slash_cast "$LOG_DIR/cast-compose-$label.txt"; then
    pass "(k) $label: docker compose up, the bot connected and answered /cast"
    # Without a profile: the one bot on SQLite, none of the scale profile's services
    local services
    services=$(docker ps -a --filter "label=com.docker.compose.project=$RUN" \
                 --format '{{.Label "com.docker.compose.service"}}' | sort | tr '\n' ' ')
    if [ "$services" = "bot " ] && ! docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$RUN-compose" \
         | grep -q '^BOT_DATABASE_URL='; then
      pass "(k) $label: one container (bot), on SQLite"
    else
      fail "(k) $label: compose up without a profile started: $services"
    fi
  else
    docker logs "$RUN-compose" 2>&1 | tail -5 | sed 's/^/    | /'
    fail "(k) $label: the compose bot did not connect and answer /cast"
  fi
  compose down -v -t 15 >>"$LOG_DIR/compose-$label.log" 2>&1
  COMPOSE_ENV=()
  wait_for 30 status_disconnected || true
}
if [ "${#COMPOSE[@]}" -eq 0 ]; then
  fail "(k) no docker compose or docker-compose (docker/ci-docker.sh installs it)"
else
  info "(k) compose: $("${COMPOSE[@]}" version 2>/dev/null | head -1)"
  printf 'DISCORD_TOKEN=%s\nDISCORD_REST_URL=%s\nDISCORD_GATEWAY_URL=%s\n' "$TOKEN" "$REST_URL" "$GW_URL" >"$COMPOSE_DIR/.env"
  compose_case with-env-file
  rm -f "$COMPOSE_DIR/.env"
  compose_case exported-token-only DISCORD_TOKEN="$TOKEN" DISCORD_REST_URL="$REST_URL" DISCORD_GATEWAY_URL="$GW_URL"
  out=$(compose up -d --no-build 2>&1); rc=$?
  if [ "$rc" != 0 ] && grep -q DISCORD_TOKEN <<<"$out"; then
    pass "(k) neither .env nor an exported token: compose refuses, naming DISCORD_TOKEN"
  else
    fail "(k) without any token: compose exit $rc: $(tail -c 300 <<<"$out" | tr '\n' ' ')"
  fi
  compose down -v -t 15 >/dev/null 2>&1
fi

# ------------------------------------------------ (cd) check-data inside the image
out=$(docker run --rm --network none "$IMAGE" check-data 2>&1); rc=$?
if [ "$rc" = 0 ] && grep -q '^ok: ' <<<"$out"; then
  pass "(cd) check-data in the image: $out"
else
  fail "(cd) check-data in the image: exit $rc: $(head -c 300 <<<"$out")"
fi
BROKEN=$(mktemp -d /tmp/lalaland-broken-data.XXXXXX)
cp "$REPO"/data/*.json "$BROKEN"/
printf '{"events": [{"id": "x", "date": "2016-02-30"}]}\n' >"$BROKEN/events.json"
chmod -R a+rX "$BROKEN"
out=$(docker run --rm --network none -v "$BROKEN:/facts:ro" "$IMAGE" check-data /facts 2>&1); rc=$?
rm -rf "$BROKEN"
if [ "$rc" = 2 ] && grep -q 'events.json' <<<"$out" && ! grep -q '	at ' <<<"$out"; then
  pass "(cd) check-data on a broken folder: exit 2, naming events.json"
else
  fail "(cd) check-data on a broken folder: exit $rc: $(head -c 300 <<<"$out")"
fi

# ----------------------------------------------------------------- (g) size and contents
size=$(docker image inspect -f '{{.Size}}' "$IMAGE")
mib=$(( size / 1024 / 1024 ))
if [ "$mib" -le "$MAX_IMAGE_MIB" ]; then
  pass "(g) image $IMAGE: $mib MiB ($size bytes) on $RUNTIME_IMAGE, at most $MAX_IMAGE_MIB MiB"
else
  fail "(g) image $IMAGE: $mib MiB, more than $MAX_IMAGE_MIB MiB"
fi
sources=$(docker run --rm --network none --entrypoint sh "$IMAGE" -c \
  'find / -xdev \( -type f -name "*.java" -o -name pom.xml -o -name src.zip -o -path /build \) -print 2>/dev/null | head -5')
rm -f "$LOG_DIR/lalaland-bot.jar"
ctr=$(docker create "$IMAGE") && docker cp "$ctr:/app/lalaland-bot.jar" "$LOG_DIR/lalaland-bot.jar" >/dev/null 2>&1
docker rm -f -v "$ctr" >/dev/null 2>&1
in_jar=$(python3 -c 'import sys, zipfile; print("\n".join(n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.endswith(".java")))' \
  "$LOG_DIR/lalaland-bot.jar" 2>&1 | head -5)
if [ -z "$sources" ] && [ -z "$in_jar" ] && [ -s "$LOG_DIR/lalaland-bot.jar" ]; then
  pass "(g) no sources in the image: no .java file, pom.xml or build folder, none in the jar"
else
  fail "(g) sources in the image: $(tr '\n' ' ' <<<"$sources $in_jar")"
fi

# ------------------------------------------------ (p) the scale profile: PostgreSQL and two shard processes
# A fake Discord of its own for this part: 4 shards, one more server on each. The compose file
# as it is, run with the profile; the override keeps the test apart (names, images, the host
# network: PostgreSQL on a free loopback port, the bots' URL pointing there).
scale_profile() {
  if [ "${#COMPOSE[@]}" -eq 0 ]; then
    fail "(p) no docker compose or docker-compose (docker/ci-docker.sh installs it)"; return
  fi
  stop_fake
  start_fake "$LOG_DIR/fake-discord-sharded.log" --shards 4 --servers-per-shard 1
  local pg_port pg_password t
  pg_port=$(free_port "$REST_PORT") || { fail "(p) no free port for PostgreSQL"; return; }
  pg_password=smoke${RANDOM}pw$$
  SCALE_DIR=$(mktemp -d /tmp/lalaland-scale.XXXXXX)
  # The bots' URL: the compose file's, but on loopback (no service names on the host network)
  local url="postgresql://lalaland:\${POSTGRES_PASSWORD:-lalaland}@127.0.0.1:$pg_port/lalaland"
  cat >"$SCALE_DIR/scale.override.yml" <<YAML
services:
  bot:
    image: $IMAGE
    container_name: $SCALE_RUN-bot
    network_mode: host
  postgres:
    image: $POSTGRES_IMAGE
    container_name: $SCALE_RUN-postgres
    network_mode: host
    command: ["postgres", "-c", "listen_addresses=127.0.0.1"]
    environment:
      PGPORT: "$pg_port"
  bot-a:
    image: $IMAGE
    container_name: $SCALE_RUN-bot-a
    network_mode: host
    environment:
      BOT_DATABASE_URL: $url
    healthcheck: {interval: 2s, timeout: 2s, retries: 2, start_period: 1s}
  bot-b:
    image: $IMAGE
    container_name: $SCALE_RUN-bot-b
    network_mode: host
    environment:
      BOT_DATABASE_URL: $url
    healthcheck: {interval: 2s, timeout: 2s, retries: 2, start_period: 1s}
volumes:
  lalaland-data:
    name: $SCALE_RUN-data
  lalaland-postgres:
    name: $SCALE_RUN-postgres-data
YAML
  # The settings as a self-hoster writes them: in .env. Shards 0-1 on bot-a, 2-3 on bot-b.
  printf '%s\n' "DISCORD_TOKEN=$TOKEN" "DISCORD_REST_URL=$REST_URL" "DISCORD_GATEWAY_URL=$GW_URL" \
    "POSTGRES_PASSWORD=$pg_password" BOT_SHARD_TOTAL=4 BOT_A_SHARDS=0-1 BOT_B_SHARDS=2-3 \
    BOT_HEALTH_MAX_AGE=20 >"$SCALE_DIR/.env"

  log "docker compose --profile scale up -d --scale bot=0 (PostgreSQL on 127.0.0.1:$pg_port)"
  t=$(ms)
  if ! scale_compose up -d --no-build --scale bot=0 >"$LOG_DIR/compose-scale.log" 2>&1; then
    show_tail "$LOG_DIR/compose-scale.log"
    fail "(p) docker compose --profile scale up failed"
    scale_down; return
  fi
  local services
  services=$(docker ps -a --filter "label=com.docker.compose.project=$SCALE_RUN" \
               --format '{{.Label "com.docker.compose.service"}}' | sort | tr '\n' ' ')
  if [ "$services" = "bot-a bot-b postgres " ]; then
    pass "(p) compose --profile scale up: postgres, bot-a and bot-b, no single-process bot ($(( ($(ms) - t) / 1000 )) s)"
  else
    fail "(p) compose --profile scale up started: ${services:-nothing }(want bot-a bot-b postgres)"
  fi
  local c
  for c in postgres bot-a bot-b; do
    if wait_for 120 health_is "$SCALE_RUN-$c" healthy; then
      pass "(p) $c healthy $(( ($(ms) - t) / 1000 )) s after compose up"
    else
      docker logs "$SCALE_RUN-$c" 2>&1 | tail -8 | sed 's/^/    | /'
      fail "(p) $c: $(health "$SCALE_RUN-$c") 120 s after compose up (want healthy)"
    fi
  done

  # The fake's view: every shard of 4 identified and connected once, no other total.
  local shards
  wait_for 30 shards_are "0/4 1/4 2/4 3/4"
  shards=$(connected_shards)
  if [ "$shards" = "0/4 1/4 2/4 3/4" ] && identifies_all_of 4; then
    pass "(p) the fake Discord saw IDENTIFY for shards [0,4] [1,4] [2,4] [3,4], each connected once"
  else
    fail "(p) connected shards: '$shards' (want 0/4 1/4 2/4 3/4); $(curl -s -m 5 "$CONTROL/_control/sessions" | head -c 300)"
  fi
  # Each process's own view: its range (two ids are logged as a list, "0,1"), its own shards only.
  own_shards bot-a "0,1 of 4" "0 1" "2 3"
  own_shards bot-b "2,3 of 4" "2 3" "0 1"

  # One server on each shard: an admin sets its daily post, answered by the process running it.
  local shard server channel answered=""
  for shard in 0 1 2 3; do
    read -r server channel <<<"$(server_on_shard "$shard")"
    if configure_daily_post_in "$channel" "$LOG_DIR/scale-config-$shard.txt"; then
      answered="$answered $shard"
    else
      fail "(p) /config onthisday in server $server (shard $shard) not answered: $(head -c 200 "$LOG_DIR/scale-config-$shard.txt" | tr '\n' ' ')"
    fi
  done
  [ "$answered" = " 0 1 2 3" ] && pass "(p) /config onthisday answered in a server on each shard (0, 1 by bot-a; 2, 3 by bot-b)"
  local rows
  rows=$(docker exec "$SCALE_RUN-postgres" psql -U lalaland -d lalaland -tAc \
           "SELECT count(*) FROM daily_post_config WHERE zone = 'Europe/Paris' AND post_time = '21:17'" 2>&1)
  if [ "$rows" = 4 ]; then
    pass "(p) PostgreSQL holds the 4 servers' daily post settings (psql in the postgres container)"
  else
    fail "(p) daily_post_config rows in PostgreSQL: '$rows' (want 4)"
  fi

  # One process stopped (a rolling restart): its shards go, the other's stay.
  stop_bot "$SCALE_RUN-bot-b" "(p) bot-b"
  local channel0
  read -r _ channel0 <<<"$(server_on_shard 0)"
  read -r server channel <<<"$(server_on_shard 2)"
  if wait_for 30 shards_are "0/4 1/4" && ! show_config_in "$channel" "$LOG_DIR/scale-show-2-down.txt" \
     && show_config_in "$channel0" "$LOG_DIR/scale-show-0.txt"; then
    pass "(p) bot-b stopped: shards 2, 3 gone from the fake, shard 2's server unanswered, shard 0's still answered by bot-a"
  else
    fail "(p) bot-b stopped: connected shards '$(connected_shards)'; $(head -c 200 "$LOG_DIR/scale-show-2-down.txt" | tr '\n' ' ')"
  fi
  scale_compose start bot-b >>"$LOG_DIR/compose-scale.log" 2>&1
  if wait_for 120 shards_are "0/4 1/4 2/4 3/4" && wait_for 60 show_config_in "$channel" "$LOG_DIR/scale-show-2.txt"; then
    pass "(p) bot-b started again: shard 2's server answered, its daily post read back from PostgreSQL"
  else
    fail "(p) bot-b started again: shards '$(connected_shards)'; $(head -c 200 "$LOG_DIR/scale-show-2.txt" | tr '\n' ' ')"
  fi
  for c in postgres bot-a bot-b; do docker logs "$SCALE_RUN-$c" >"$LOG_DIR/scale-$c.log" 2>&1; done
  if grep -qF "$pg_password" "$LOG_DIR/scale-bot-a.log" "$LOG_DIR/scale-bot-b.log"; then
    fail "(p) a bot printed the PostgreSQL password in its log"
  else
    pass "(p) the PostgreSQL password appears in neither bot's log"
  fi

  t=$(ms)
  if scale_compose down -v -t 15 >>"$LOG_DIR/compose-scale.log" 2>&1 \
     && [ -z "$(docker ps -aq --filter "label=com.docker.compose.project=$SCALE_RUN")" ] \
     && [ -z "$(docker volume ls -q --filter "name=$SCALE_RUN")" ]; then
    pass "(p) docker compose --profile scale down -v: no container or volume left ($(( ($(ms) - t) / 1000 )) s)"
  else
    fail "(p) after compose down: containers '$(docker ps -aq --filter "label=com.docker.compose.project=$SCALE_RUN" | tr '\n' ' ')' volumes '$(docker volume ls -q --filter "name=$SCALE_RUN" | tr '\n' ' ')'"
  fi
  rm -rf "$SCALE_DIR"; SCALE_DIR=""
}
# scale_compose ARGS...: compose with the scale profile, settings from its .env only
scale_compose() {
  (cd "$SCALE_DIR" && env -u DISCORD_TOKEN -u DISCORD_REST_URL -u DISCORD_GATEWAY_URL -u POSTGRES_PASSWORD \
     -u BOT_SHARD_TOTAL -u BOT_A_SHARDS -u BOT_B_SHARDS -u BOT_HEALTH_MAX_AGE -u POSTGRES_IMAGE \
     "${COMPOSE[@]}" -p "$SCALE_RUN" --project-directory "$SCALE_DIR" --profile scale \
     -f "$REPO/docker-compose.yml" -f "$SCALE_DIR/scale.override.yml" "$@")
}
scale_down() {
  [ -n "$SCALE_DIR" ] && [ -d "$SCALE_DIR" ] || return 0
  scale_compose down -v -t 15 >/dev/null 2>&1; rm -rf "$SCALE_DIR"; SCALE_DIR=""
}
# connected_shards: the fake's connected sessions as "id/total", sorted
connected_shards() {
  curl -s -m 5 "$CONTROL/_control/sessions" | python3 -c '
import json, sys
s = json.load(sys.stdin)["sessions"]
print(" ".join(sorted("%d/%d" % tuple(x["shard"]) for x in s if x["connected"])))' 2>/dev/null
}
shards_are() { [ "$(connected_shards)" = "$1" ]; }
# identifies_all_of TOTAL: every IDENTIFY the fake saw named that shard total
identifies_all_of() {
  curl -s -m 5 "$CONTROL/_control/sessions" | python3 -c '
import json, sys
i = json.load(sys.stdin)["identifies"]
sys.exit(0 if i and all(x["shard"][1] == int(sys.argv[1]) for x in i) else 1)' "$1"
}
# server_on_shard N: "server-id channel-id" of one of the fake's extra servers on shard N
server_on_shard() {
  curl -s -m 5 "$CONTROL/_control/guilds" | python3 -c '
import json, sys
g = [x for x in json.load(sys.stdin) if x["shard"] == int(sys.argv[1]) and x["name"].startswith("Server ")]
print(g[0]["id"], g[0]["channels"][0])' "$1"
}
# own_shards SERVICE RANGE OWN OTHERS: the process logs its range and connects its own shards only
own_shards() {
  local log=$LOG_DIR/scale-$1.log n ok=1
  docker logs "$SCALE_RUN-$1" >"$log" 2>&1
  grep -q "running shards $2" "$log" || ok=0
  for n in $3; do grep -q "shard \[$n / 4\] connected" "$log" || ok=0; done
  for n in $4; do grep -q "shard \[$n / 4\]" "$log" && ok=0; done
  if [ "$ok" = 1 ]; then
    pass "(p) $1 logs 'running shards $2' and connected shards $3 only"
  else
    fail "(p) $1: want 'running shards $2', shards $3 connected, none of $4: $(grep -E 'running shards|shard \[' "$log" | head -6 | tr '\n' ' ')"
  fi
}
configure_daily_post_in() { # CHANNEL OUT: the admin sets the daily post of the channel's server
  control slash "{\"user\":\"$ADMIN\",\"channel\":\"$1\",\"name\":\"config\",\"sub\":\"onthisday\",\"options\":{\"channel\":{\"type\":7,\"value\":\"$1\"},\"time\":\"21:17\",\"timezone\":\"Europe/Paris\"}}" "$2" \
    && grep -q 'Europe/Paris' "$2"
}
show_config_in() { # CHANNEL OUT: /config show in the channel's server names that daily post
  control slash "{\"user\":\"$ADMIN\",\"channel\":\"$1\",\"name\":\"config\",\"sub\":\"show\",\"options\":{}}" "$2" \
    && grep -q 'Europe/Paris' "$2" && grep -q '21:17' "$2"
}
scale_profile

summary
[ "$FAILED" -eq 0 ]
