#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian machine (Chromium for the browser
# tests, PostgreSQL for the server-store tests), installs the npm packages exactly as locked, then runs the
# type-check, the linter, the unit and integration tests, and the browser end-to-end tests.
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
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
# A botbuilder dependency runs `npx rimraf` at install; answer npx's prompt.
export npm_config_yes=true
npm ci --no-audit --no-fund
npm test
npm run test:e2e
