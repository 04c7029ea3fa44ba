#!/usr/bin/env bash
# Start check: `npm start` (local mode: Graph emulator, bot, Agents Playground) must print its ready line within
# START_CHECK_TIMEOUT seconds (default 180), then stop on Ctrl-C (SIGINT to its process group, as a terminal
# sends it) with exit code 0 and leave no process behind, the detached Playground child included. Runs on
# whichever `node` is first in PATH, in a private data folder on free loopback ports, so it touches neither
# .data nor a groupbot already running. Prints the seconds from launch to the ready line.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${START_CHECK_TIMEOUT:-180}
work=$(mktemp -d "${TMPDIR:-/tmp}/groupbot-start-check.XXXXXX")
out="$work/npm-start.log"
leader=''
procs=''

# Every live descendant of a pid, as "pid:starttime" (the start time tells a reused pid apart).
descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1"); do
    echo "$child:$(cut -d' ' -f22 "/proc/$child/stat" 2>/dev/null || echo gone)"
    descendants "$child"
  done
}
alive() { [ "$(cut -d' ' -f22 "/proc/${1%%:*}/stat" 2>/dev/null || echo gone)" = "${1#*:}" ]; }

# On any failure: show the output, then end what this check started (the group, then any recorded child).
cleanup() {
  local code=$?
  [ "$code" -eq 0 ] && return
  echo "--- npm start output ($out) ---" >&2
  tail -n 40 "$out" >&2 || true
  if [ -n "$leader" ] && kill -0 "$leader" 2>/dev/null; then
    kill -INT -- "-$leader" 2>/dev/null || true
    sleep 5
    kill -KILL -- "-$leader" 2>/dev/null || true
  fi
  for p in $procs; do alive "$p" && kill -KILL "${p%%:*}" 2>/dev/null; done
  return 0
}
trap cleanup EXIT
fail() {
  echo "start-check: $*" >&2
  exit 1
}

# Job control gives npm its own process group, as a terminal's foreground job has; Ctrl-C goes to that group.
# bash as npm's script shell execs `node bin/groupbot.js start` in place, so npm's exit code is groupbot's own;
# with Debian's sh (dash) the shell dies of the SIGINT itself and npm re-raises it (exit 130) whatever groupbot did.
set -m
t0=$(date +%s%N)
DATA_DIR="$work/data" PORT=0 GRAPH_EMULATOR_PORT=0 PLAYGROUND_PORT=0 LOG_LEVEL=info npm_config_script_shell=bash \
  npm start >"$out" 2>&1 &
leader=$!
set +m

ready=''
while [ -z "$ready" ]; do
  if grep -q '^ready in .* Press Ctrl-C to stop\.$' "$out"; then
    ready=$((($(date +%s%N) - t0) / 1000000))
  elif ! kill -0 "$leader" 2>/dev/null; then
    fail "npm start exited before it was ready"
  elif [ $((($(date +%s%N) - t0) / 1000000000)) -ge "$limit" ]; then
    fail "npm start was not ready within $limit s"
  else
    sleep 0.2
  fi
done
grep -q '^Agents Playground: http://localhost:[0-9]*' "$out" || fail "no Playground URL before the ready line"
procs=$(descendants "$leader")
[ -n "$procs" ] || fail "npm start has no child processes"
echo "start-check: node $(node --version): npm start ready after $((ready / 1000)).$(printf '%03d' $((ready % 1000))) s;" \
  "processes under npm:"
for p in $procs; do ps -o pid=,args= -p "${p%%:*}" | cut -c1-150 | sed 's/^ */  /' || true; done
echo "start-check: sending SIGINT to the npm start process group"

kill -INT -- "-$leader"
code=0
wait "$leader" || code=$?
leader=''
[ "$code" -eq 0 ] || fail "npm start exited with code $code after SIGINT (expected 0)"
left=()
for _ in $(seq 1 100); do
  left=()
  for p in $procs; do alive "$p" && left+=("${p%%:*}"); done
  [ ${#left[@]} -eq 0 ] && break
  sleep 0.2
done
[ ${#left[@]} -eq 0 ] || fail "processes still running 20 s after npm start exited: ${left[*]}"
rm -rf "$work"
echo "start-check: npm start exited with code 0 and left no process"
