#!/usr/bin/env bash
# Entrypoint of the local PostgreSQL stand-in (docker/postgres/Dockerfile). It does the part
# of the official postgres image's entrypoint that a compose file relies on:
#   - the command `postgres [-c name=value ...]` (the default), or options alone (`-c ...`);
#     any other command runs as given
#   - started as root: the data folder and socket folder are handed to the postgres user,
#     and the server runs as that user
#   - an empty $PGDATA (default /var/lib/postgresql/data, the volume) is initialised once:
#     superuser POSTGRES_USER (default postgres) with POSTGRES_PASSWORD (required unless
#     POSTGRES_HOST_AUTH_METHOD=trust), database POSTGRES_DB (default the user's name), then
#     *.sql and *.sh of /docker-entrypoint-initdb.d; later starts keep what is there
#   - the server listens on every address (listen_addresses '*'), port $PGPORT (default 5432);
#     TCP logins need the password (POSTGRES_HOST_AUTH_METHOD, default scram-sha-256), the
#     local socket trusts, as in the official image
# One difference: the official image trusts TCP logins from 127.0.0.1 too. Here they need
# the password, since with `network_mode: host` the container's loopback is the host's.
set -Eeuo pipefail

if [ "${1:0:1}" = '-' ]; then
  set -- postgres "$@"
fi
if [ "$1" != postgres ]; then
  exec "$@"
fi

export PGDATA=${PGDATA:-/var/lib/postgresql/data}

if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  chmod 3777 /var/run/postgresql
  exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
fi

say() { printf 'docker-entrypoint: %s\n' "$*"; }

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  POSTGRES_USER=${POSTGRES_USER:-postgres}
  POSTGRES_DB=${POSTGRES_DB:-$POSTGRES_USER}
  auth=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
  if [ -z "${POSTGRES_PASSWORD:-}" ] && [ "$auth" != trust ]; then
    say "error: the database is uninitialised and POSTGRES_PASSWORD is not set" >&2
    say "set POSTGRES_PASSWORD (or POSTGRES_HOST_AUTH_METHOD=trust to allow logins without one)" >&2
    exit 1
  fi
  say "initialising $PGDATA (user $POSTGRES_USER, database $POSTGRES_DB)"
  pwargs=()
  if [ -n "${POSTGRES_PASSWORD:-}" ]; then
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    pwargs=(--pwfile="$pwfile")
  fi
  initdb --username="$POSTGRES_USER" "${pwargs[@]}" --auth-local=trust --auth-host="$auth" \
         --encoding=UTF8 -D "$PGDATA" >/dev/null
  if [ -n "${pwfile:-}" ]; then rm -f "$pwfile"; fi
  printf "\nlisten_addresses = '*'\n" >>"$PGDATA/postgresql.conf"
  printf 'host all all all %s\n' "$auth" >>"$PGDATA/pg_hba.conf"

  # A server on the socket only while the database is made, as the official image does:
  # nothing can connect over TCP before it is ready (and a health check sees it only then).
  pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start >/dev/null
  psql_init=(psql -v ON_ERROR_STOP=1 -q --username "$POSTGRES_USER" --no-password)
  if [ "$POSTGRES_DB" != postgres ]; then
    "${psql_init[@]}" --dbname postgres --set db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sql) say "running $f"; "${psql_init[@]}" --dbname "$POSTGRES_DB" -f "$f" ;;
      *.sh)  say "running $f"; bash "$f" ;;
      *)     if [ -e "$f" ]; then say "ignoring $f"; fi ;;
    esac
  done
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  say "initialised; starting PostgreSQL"
fi

exec "$@"
