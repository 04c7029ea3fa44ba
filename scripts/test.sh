#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian machine (Chromium for the browser
# tests, PostgreSQL's binaries for the server-store tests: no system cluster is created, the tests start and stop
# their own through scripts/postgres-for-tests.sh), installs the npm packages exactly as locked, then runs the
# type-check, the linter, the unit and integration tests, the production build, and the browser end-to-end tests.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need_apt+=(postgresql)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: please install ${need_apt[*]} (apt-get install ${need_apt[*]}), or run as root" >&2
    exit 1
  fi
  apt-get update -qq
  # Debian's postgresql package creates and starts a "main" cluster unless told not to; the tests need none.
  mkdir -p /etc/postgresql-common
  [ -f /etc/postgresql-common/createcluster.conf ] || echo 'create_main_cluster = false' >/etc/postgresql-common/createcluster.conf
  apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold "${need_apt[@]}" >/dev/null
fi
# A botbuilder dependency runs `npx rimraf` at install; answer npx's prompt.
export npm_config_yes=true
npm ci --no-audit --no-fund
npm test
# The production build compiles and its entry runs (the Dockerfile and the README's deployment use it).
npm run build
node dist/bot/cli/entry.js parse "add Ana to Marketing" >/dev/null
npm run test:e2e
