#!/usr/bin/env bash
# Prints the postgresql:// URL of a fresh, empty database (with a role of its own) on this machine's
# PostgreSQL, for the store tests. Starts the cluster if it is installed but stopped; with
# --install, installs Debian's postgresql package first where it is missing. Needs root (or
# passwordless sudo) to act as the postgres user. Everything but the URL goes to standard error.
# Databases it made more than a day ago are dropped.
set -euo pipefail

install=no
if [[ "${1:-}" == --install ]]; then
  install=yes
fi

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  if [[ $install == no ]]; then
    echo "PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2
    exit 3
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

as_postgres() {
  if [[ $(id -u) == 0 ]]; then
    runuser -u postgres -- "$@"
  else
    sudo -n -u postgres -- "$@"
  fi
}

if [[ -z "$(pg_lsclusters --no-header 2>/dev/null)" ]]; then
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_createcluster "$version" main >&2
fi
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -1)
if [[ $status != online* ]]; then
  pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start >&2
fi
for _ in $(seq 1 30); do
  as_postgres pg_isready -q -p "$port" && break
  sleep 1
done

now=$(date +%s)
name="lalaland_test_${now}_$$"
password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
as_postgres psql -q -X -p "$port" -v ON_ERROR_STOP=1 -d postgres >&2 <<SQL
CREATE ROLE $name LOGIN PASSWORD '$password';
CREATE DATABASE $name OWNER $name TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C';
SQL
# Earlier runs' databases and roles, a day old or more.
as_postgres psql -X -At -p "$port" -d postgres -c \
  "SELECT datname FROM pg_database WHERE datname ~ '^lalaland_test_[0-9]+_[0-9]+$'" |
  while read -r old; do
    made=$(cut -d_ -f3 <<<"$old")
    if (( now - made > 86400 )); then
      as_postgres psql -q -X -p "$port" -d postgres -c "DROP DATABASE IF EXISTS $old" -c "DROP ROLE IF EXISTS $old" >&2 || true
    fi
  done
echo "postgresql://$name:$password@localhost:$port/$name"
