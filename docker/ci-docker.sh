#!/usr/bin/env bash
# Everything the Docker smoke test needs, from a bare Debian machine (as root):
#   1. docker.io, docker-compose, debootstrap, curl, git and python3 from Debian's
#      packages, if missing (Debian's docker-compose is Compose 1.29; a `docker compose`
#      plugin, where there is one, is used instead)
#   2. a Docker engine without the default bridge (containers use --network host
#      or --network none only), if none answers; stopped again at the end
#   3. the local stand-in base images (docker/build-base-images.sh, cached by tag)
#   4. docker/smoke-test.sh
# Exit code: that of the smoke test (non-zero if any step before it fails).
#
#   bash docker/ci-docker.sh            KEEP_DOCKERD=1 leaves the engine running
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
T0=$(date +%s)
log() { printf '[ci-docker %3ss] %s\n' "$(( $(date +%s) - T0 ))" "$*"; }

if [ "$(id -u)" != 0 ]; then
  log "must run as root (installs packages and starts dockerd)"; exit 1
fi

# 1. packages
missing=()
command -v dockerd >/dev/null     || missing+=(docker.io)
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v curl >/dev/null        || missing+=(curl)
command -v git >/dev/null         || missing+=(git)
command -v python3 >/dev/null     || missing+=(python3)
docker compose version >/dev/null 2>&1 || command -v docker-compose >/dev/null || missing+=(docker-compose)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 2. the engine
STARTED_PID=""
# shellcheck disable=SC2317  # called by the EXIT trap
stop_dockerd() {
  if [ -n "$STARTED_PID" ] && [ "${KEEP_DOCKERD:-0}" != 1 ]; then
    log "stopping the Docker engine this script started (pid $STARTED_PID)"
    kill -TERM "$STARTED_PID" 2>/dev/null || true
    for _ in $(seq 40); do kill -0 "$STARTED_PID" 2>/dev/null || break; sleep 0.5; done
  fi
}
trap stop_dockerd EXIT

if ! docker info >/dev/null 2>&1; then
  mkdir -p "$REPO/target"
  log "starting dockerd (no bridge, no iptables; log: target/dockerd.log)"
  # No default bridge: nothing here may use the 172.x network, only loopback.
  dockerd --bridge=none --iptables=false --ip-masq=false >"$REPO/target/dockerd.log" 2>&1 &
  STARTED_PID=$!
  for _ in $(seq 120); do
    docker info >/dev/null 2>&1 && break
    kill -0 "$STARTED_PID" 2>/dev/null || { tail -20 "$REPO/target/dockerd.log"; log "dockerd exited"; exit 1; }
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { tail -20 "$REPO/target/dockerd.log"; log "dockerd did not answer within 60 s"; exit 1; }
fi
log "Docker engine $(docker version -f '{{.Server.Version}}' 2>/dev/null) answers"

# 3. base images
t=$(date +%s)
bash "$HERE/build-base-images.sh"
log "base images ready in $(( $(date +%s) - t )) s"

# 4. the smoke test
set +e
bash "$HERE/smoke-test.sh"
rc=$?
set -e
log "done in $(( $(date +%s) - T0 )) s, smoke test exit code $rc"
exit "$rc"
