#!/usr/bin/env bash
# A private, throwaway PostgreSQL server for one test run. It installs nothing: it uses Debian's PostgreSQL
# binaries (scripts/test.sh installs the package on a fresh machine, without a system cluster).
#
#   postgres-for-tests.sh start   creates a cluster in a new temp folder, starts it on 127.0.0.1 at a free port
#                                 and prints two lines on stdout: the database URL, then the cluster's folder;
#   postgres-for-tests.sh stop DIR   stops that server and deletes its folder (test/support/postgres.ts calls it
#                                 when the test process exits).
#
# Progress goes to stderr. As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -Eeuo pipefail

ROLE=groupbot_test
PASSWORD=groupbot_test
DB=groupbot_test

log() { echo "postgres-for-tests: $*" >&2; }

find_bin() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; fi
}

if [ "$(id -u)" -eq 0 ]; then
  OWNER=postgres
  as_owner() { runuser -u postgres -- "$@"; }
else
  OWNER="$(id -un)"
  as_owner() { "$@"; }
fi

BIN="$(find_bin)"
if [ -z "$BIN" ]; then
  log "PostgreSQL is not installed: run scripts/test.sh as root once (it installs Debian's postgresql package), or set TEST_DATABASE_URL."
  exit 2
fi

stop_cluster() {
  local base="$1"
  case "$base" in
    /tmp/groupbot-pg-*) ;;
    *) log "refusing to stop '$base': not a folder this script made"; exit 2 ;;
  esac
  if [ -f "$base/data/postmaster.pid" ]; then
    as_owner "$BIN/pg_ctl" -D "$base/data" -m immediate -w -t 30 stop >&2 || log "pg_ctl stop failed for $base"
  fi
  rm -rf "$base"
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  log "no free port found"
  return 1
}

start_cluster() {
  local base data port url
  base="$(mktemp -d /tmp/groupbot-pg-XXXXXX)"
  data="$base/data"
  chown "$OWNER" "$base"
  chmod 700 "$base"
  trap 'stop_cluster "$base"' ERR
  as_owner "$BIN/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = ${port}"
      echo "unix_socket_directories = '${base}'"
      echo "max_connections = 200"
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    } | as_owner tee "$data/postgresql.auto.conf" >/dev/null
    # </dev/null >&2: the server must not hold our stdout (the caller reads it to the end).
    if as_owner "$BIN/pg_ctl" -D "$data" -l "$base/server.log" -w -t 60 start </dev/null >&2; then break; fi
    log "start on port ${port} failed (attempt ${attempt}); trying another port"
    if [ "$attempt" -eq 5 ]; then cat "$base/server.log" >&2; false; fi
  done
  local psql=(as_owner "$BIN/psql" -h "$base" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
  "${psql[@]}" -c "CREATE ROLE ${ROLE} LOGIN PASSWORD '${PASSWORD}'" >&2
  "${psql[@]}" -c "CREATE DATABASE ${DB} OWNER ${ROLE}" >&2
  trap - ERR
  url="postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${DB}"
  log "started ${url} in ${base}"
  echo "$url"
  echo "$base"
}

case "${1:-}" in
  start) start_cluster ;;
  stop)
    [ -n "${2:-}" ] || { log "usage: postgres-for-tests.sh stop DIR"; exit 2; }
    stop_cluster "$2"
    ;;
  *) log "usage: postgres-for-tests.sh start | stop DIR"; exit 2 ;;
esac
