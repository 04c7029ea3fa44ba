#!/usr/bin/env bash
# Makes a throwaway PostgreSQL cluster available for groupbot's store tests and prints its URL on stdout
# (the only thing printed on stdout; progress goes to stderr).
#
#   - installs Debian's `postgresql` package when it is missing (needs root; runs apt-get update first);
#   - creates a cluster under /tmp/groupbot-test-pg-$PORT (initdb), owned by the `postgres` user when run as root
#     (root may not run the server) or by the calling user otherwise;
#   - starts it listening on 127.0.0.1:$PORT only (default 54329, override with GROUPBOT_TEST_PG_PORT);
#   - creates the role and database `groupbot_test` (password groupbot_test: a throwaway test cluster on loopback).
# Idempotent and safe to run concurrently (flock). Stop it with:
#   pg_ctl -D /tmp/groupbot-test-pg-54329/data stop   (as the cluster's owner)
set -euo pipefail

PORT="${GROUPBOT_TEST_PG_PORT:-54329}"
BASE="/tmp/groupbot-test-pg-${PORT}"
DATA="${BASE}/data"
ROLE=groupbot_test
PASSWORD=groupbot_test
DB=groupbot_test
URL="postgres://${ROLE}:${PASSWORD}@127.0.0.1:${PORT}/${DB}"

log() { echo "postgres-for-tests: $*" >&2; }

exec 9>"/tmp/groupbot-test-pg-${PORT}.lock"
flock 9

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; fi
}

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this is not root: install the 'postgresql' package, or set TEST_DATABASE_URL."
    exit 2
  fi
  log "installing Debian's postgresql package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  BIN="$(find_bin)"
  if [ -z "$BIN" ]; then log "postgresql installed but initdb not found under /usr/lib/postgresql"; exit 2; fi
fi

if [ "$(id -u)" -eq 0 ]; then
  OWNER=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

mkdir -p "$BASE"
chown "$OWNER" "$BASE"
chmod 700 "$BASE"

if [ ! -f "$DATA/PG_VERSION" ]; then
  log "initialising a cluster in $DATA"
  rm -rf "$DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >&2
  {
    echo "listen_addresses = '127.0.0.1'"
    echo "port = ${PORT}"
    echo "unix_socket_directories = '${BASE}'"
    echo "max_connections = 200"
    echo "fsync = off"
    echo "synchronous_commit = off"
    echo "full_page_writes = off"
  } | as_owner tee -a "$DATA/postgresql.conf" >/dev/null
fi

if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "starting the cluster on 127.0.0.1:${PORT}"
  # 9>&- : the server must not inherit the lock; </dev/null >&2 : nor our stdout (the caller reads it to EOF).
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$BASE/server.log" -w -t 60 start </dev/null >&2 9>&-
fi

psql_owner() { as_owner "$BIN/psql" -h "$BASE" -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }
if [ "$(psql_owner -c "SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'")" != "1" ]; then
  log "creating role ${ROLE}"
  psql_owner -c "CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'" >&2
fi
if [ "$(psql_owner -c "SELECT 1 FROM pg_database WHERE datname = '${DB}'")" != "1" ]; then
  log "creating database ${DB}"
  psql_owner -c "CREATE DATABASE ${DB} OWNER ${ROLE}" >&2
fi

echo "$URL"
