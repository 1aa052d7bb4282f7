#!/usr/bin/env bash
# Builds local stand-ins for the official base images named in the Dockerfile,
# for machines that reach Debian's package archive but not a Docker registry:
#
#   local/jre17:bookworm       ~ eclipse-temurin:17-jre         (runtime stage)
#   local/maven17:bookworm     ~ maven:3.9-eclipse-temurin-17   (build stage)
#   local/postgres15:bookworm  ~ postgres:15                    (compose's scale profile)
#
# The first two are Debian bookworm "minbase" roots made by debootstrap and imported
# with `docker import`. The PostgreSQL one is docker/postgres/Dockerfile on a bare
# minbase root (local/debian:bookworm): Debian's postgresql-15 and an entrypoint that
# takes POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB and PGPORT like the official image.
# Idempotent: an image whose tag exists and carries the current recipe label is kept
# as is (pass --force to rebuild). Needs root, debootstrap and a running Docker engine.
# About a minute per image.
#
# Use them with:
#   docker build --network host \
#     --build-arg BUILD_IMAGE=local/maven17:bookworm \
#     --build-arg RUNTIME_IMAGE=local/jre17:bookworm .
#   POSTGRES_IMAGE=local/postgres15:bookworm docker compose --profile scale up ...
set -euo pipefail

SUITE=bookworm
# Bump when the recipe below changes, so cached images are rebuilt.
RECIPE=3
FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

log() { printf '[base-images] %s\n' "$*" >&2; }

command -v debootstrap >/dev/null || { log "debootstrap is missing (apt-get install debootstrap)"; exit 1; }
docker info >/dev/null 2>&1 || { log "no Docker engine answers (start dockerd first)"; exit 1; }

# The Debian mirror: the one this machine's apt already uses, so no host name is
# written here; debootstrap's own default if none is found.
mirror() {
  local m=""
  if [ -r /etc/apt/sources.list.d/debian.sources ]; then
    m=$(awk '/^URIs:/ { for (i = 2; i <= NF; i++) if ($i !~ /security/) { print $i; exit } }' \
          /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$m" ] && [ -r /etc/apt/sources.list ]; then
    m=$(awk '$1 == "deb" && $2 !~ /^\[/ && $2 !~ /security/ { print $2; exit }
             $1 == "deb" && $2 ~ /^\[/ { for (i = 3; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { if ($i !~ /security/) print $i; exit } }' \
          /etc/apt/sources.list)
  fi
  printf '%s' "$m"
}
MIRROR=$(mirror)
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
JAVA_HOME_IN_IMAGE=/usr/lib/jvm/java-17-openjdk-$ARCH
CACHE_DIR=/var/cache/lalaland-debootstrap
mkdir -p "$CACHE_DIR"

# CA certificates this machine added to its own trust store, if any (for example
# those of a TLS-inspecting proxy on the way to the package repositories). The
# stand-ins trust them too, so Maven inside `docker build` reaches the Maven
# repository exactly as Maven on this machine does. The official images need none.
LOCAL_CA_DIR=/usr/local/share/ca-certificates
LOCAL_CAS=$(find "$LOCAL_CA_DIR" -name '*.crt' -type f 2>/dev/null | sort || true)
CA_SUM=none
if [ -n "$LOCAL_CAS" ]; then
  # shellcheck disable=SC2086
  CA_SUM=$(cat $LOCAL_CAS | sha256sum | cut -c1-16)
fi
VERSION="$RECIPE-$CA_SUM"

have_current() { # TAG [VERSION]
  local tag=$1 label
  label=$(docker image inspect -f '{{ index .Config.Labels "dev.lalaland.base-recipe" }}' "$tag" 2>/dev/null) || return 1
  [ "$label" = "${2:-$VERSION}" ]
}

# build TAG PACKAGES...
build() {
  local tag=$1; shift
  local include
  include=$(IFS=,; echo "$*")
  if [ "$FORCE" = 0 ] && have_current "$tag"; then
    log "$tag exists (recipe $VERSION): skipped"
    return 0
  fi
  local root start old
  start=$(date +%s)
  old=$(docker image inspect -f '{{.Id}}' "$tag" 2>/dev/null || true)
  root=$(mktemp -d /tmp/lalaland-rootfs.XXXXXX)
  # shellcheck disable=SC2064
  trap "rm -rf '$root'" RETURN
  log "$tag: debootstrap --variant=minbase $SUITE with ${include:-nothing more} ${MIRROR:+(mirror from apt sources)}"
  # shellcheck disable=SC2086
  if ! debootstrap --variant=minbase --cache-dir="$CACHE_DIR" ${include:+--include="$include"} \
        "$SUITE" "$root" $MIRROR >"$root.log" 2>&1; then
    tail -30 "$root.log" >&2
    log "$tag: debootstrap failed (log: $root.log)"
    return 1
  fi
  rm -f "$root.log"
  # Slim the root: downloaded .debs, package lists, docs and man pages.
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
         "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
         "$root"/var/log/*.log "$root"/tmp/* 2>/dev/null || true
  # The local CAs and JAVA_HOME only where there are a trust store and a Java.
  local ca with_cas="" java_env=()
  [[ ",$include," == *,ca-certificates,* ]] && with_cas=$LOCAL_CAS
  [[ ",$include," == *,openjdk-* ]] && java_env=(--change "ENV JAVA_HOME=$JAVA_HOME_IN_IMAGE")
  if [ -n "$with_cas" ]; then
    mkdir -p "$root$LOCAL_CA_DIR/local"
    for ca in $with_cas; do cp "$ca" "$root$LOCAL_CA_DIR/local/"; done
  fi
  # What `docker import` would otherwise leave unset (the official images set these too).
  tar --numeric-owner -C "$root" -c . | docker import \
      --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      --change "ENV LANG=C.UTF-8" \
      "${java_env[@]}" \
      --change "LABEL dev.lalaland.base-recipe=$VERSION" \
      --change 'CMD ["/bin/bash"]' \
      - "$tag" >/dev/null
  if [ -n "$with_cas" ]; then
    # update-ca-certificates also refreshes Java's cacerts (ca-certificates-java's
    # hook runs java, so it runs in a container rather than in the bare chroot).
    local ctr="lalaland-base-ca-$$"
    docker rm -f "$ctr" >/dev/null 2>&1 || true
    if ! docker run --name "$ctr" --network none "$tag" update-ca-certificates >"$root.ca.log" 2>&1; then
      cat "$root.ca.log" >&2; docker rm -f "$ctr" >/dev/null 2>&1 || true
      log "$tag: update-ca-certificates failed"; docker image rm "$tag" >/dev/null 2>&1 || true
      return 1
    fi
    docker commit --change 'CMD ["/bin/bash"]' "$ctr" "$tag" >/dev/null
    docker rm -f "$ctr" >/dev/null
    rm -f "$root.ca.log"
  fi
  # the image this one replaces, unless something still uses it
  [ -n "$old" ] && docker image rm "$old" >/dev/null 2>&1 || true
  log "$tag: built in $(( $(date +%s) - start )) s, $(docker image inspect -f '{{.Size}}' "$tag") bytes"
}

# passwd (useradd) and findutils are in minbase already; named so a change of
# Debian's priorities cannot drop them.
build local/jre17:bookworm openjdk-17-jre-headless ca-certificates passwd findutils
build local/maven17:bookworm openjdk-17-jdk-headless maven ca-certificates passwd findutils

# PostgreSQL: docker/postgres/Dockerfile installs Debian's postgresql-15 with apt inside
# the build (not with debootstrap, whose package scripts would create and start a
# cluster in the chroot, on the host). Rebuilt when the Dockerfile or entrypoint changes.
build local/debian:bookworm
PG_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/postgres
PG_VERSION_LABEL="$VERSION-$(cat "$PG_DIR/Dockerfile" "$PG_DIR/docker-entrypoint.sh" | sha256sum | cut -c1-16)"
if [ "$FORCE" = 0 ] && have_current local/postgres15:bookworm "$PG_VERSION_LABEL"; then
  log "local/postgres15:bookworm exists (recipe $PG_VERSION_LABEL): skipped"
else
  start=$(date +%s)
  old=$(docker image inspect -f '{{.Id}}' local/postgres15:bookworm 2>/dev/null || true)
  log "local/postgres15:bookworm: docker/postgres/Dockerfile on local/debian:bookworm"
  if ! docker build --network host --force-rm --build-arg BASE_IMAGE=local/debian:bookworm \
        --label "dev.lalaland.base-recipe=$PG_VERSION_LABEL" \
        -t local/postgres15:bookworm "$PG_DIR" >/tmp/lalaland-postgres15-build.log 2>&1; then
    tail -30 /tmp/lalaland-postgres15-build.log >&2
    log "local/postgres15:bookworm: docker build failed (log: /tmp/lalaland-postgres15-build.log)"
    exit 1
  fi
  rm -f /tmp/lalaland-postgres15-build.log
  [ -n "$old" ] && [ "$old" != "$(docker image inspect -f '{{.Id}}' local/postgres15:bookworm)" ] \
    && docker image rm "$old" >/dev/null 2>&1 || true
  log "local/postgres15:bookworm: built in $(( $(date +%s) - start )) s, $(docker image inspect -f '{{.Size}}' local/postgres15:bookworm) bytes"
fi
