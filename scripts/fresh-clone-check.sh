#!/usr/bin/env bash
# The README's two commands, typed literally in a fresh clone of the committed HEAD: what a
# newcomer meets, with nothing from this working copy (no node_modules, no data, no dist, no
# uncommitted edits). Prints the commands' whole output and a summary; exits 1 if either fails.
#
#   scripts/fresh-clone-check.sh               both: `npm ci && npm start`, then `npm ci && npm test`
#   scripts/fresh-clone-check.sh --start-only  only `npm ci && npm start` (a few minutes)
#   scripts/fresh-clone-check.sh --test-only   only `npm ci && npm test`
#   --keep                                     leave the clone in place to look at afterwards
#
# `npm start` runs until it is stopped, so the check waits until http://127.0.0.1:$PORT answers,
# then stops it with SIGTERM to its whole process group, as a service manager would. (Not
# SIGINT: a script's background jobs start with SIGINT ignored, and socat would keep it so.)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

run_start=1 run_test=1 keep=0
for arg in "$@"; do
  case "$arg" in
    --start-only) run_test=0 ;;
    --test-only) run_start=0 ;;
    --keep) keep=1 ;;
    *) echo "usage: $0 [--start-only | --test-only] [--keep]" >&2; exit 2 ;;
  esac
done

# npm ci compiles the SQLite module where its prebuilt binary cannot be fetched: minutes, not seconds.
START_TIMEOUT=${START_TIMEOUT:-1200}
STOP_TIMEOUT=${STOP_TIMEOUT:-20}

head=$(git -C "$root" rev-parse HEAD)
tmp=$(mktemp -d /tmp/yzt-fresh.XXXXXX)
clone="$tmp/yzt"
starter= group=
# Anything of the group still running; zombies do not count (they wait for init to reap them).
alive() { ps -o stat= -g "$1" 2>/dev/null | grep -qv '^Z'; }
cleanup() {
  if [ -n "$group" ] && alive "$group"; then kill -KILL -- "-$group" 2>/dev/null; fi
  if [ "$keep" = 1 ]; then echo "clone kept in $clone"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --no-local: a real clone through git's transport, not hard links into this repository.
git clone -q --no-local "$root" "$clone" && git -C "$clone" checkout -q --detach "$head" || exit 1
cd "$clone" || exit 1
echo "fresh clone of $head in $clone"
unset YZT_TEST_PG_URL

summary=()
status=0

if [ "$run_start" = 1 ]; then
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  echo
  echo "\$ npm ci && npm start        (PORT=$port)"
  # setsid: its own process group, so the stop reaches npm, the kiosk server, the gateway and the
  # simulator. setsid forks when called from a group leader, so the group's id comes from inside.
  PORT=$port setsid -w bash -c 'echo $$ > "$0"; npm ci && npm start' "$tmp/start.pgid" > >(tee "$tmp/start.log") 2>&1 &
  starter=$!
  until [ -s "$tmp/start.pgid" ] || ! kill -0 "$starter" 2>/dev/null; do sleep 0.2; done
  group=$(cat "$tmp/start.pgid" 2>/dev/null)
  began=$SECONDS
  answered=0
  while kill -0 "$starter" 2>/dev/null && [ $((SECONDS - began)) -lt "$START_TIMEOUT" ]; do
    if node -e "fetch('http://127.0.0.1:$port/').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"; then
      answered=1
      break
    fi
    sleep 2
  done
  waited=$((SECONDS - began))
  if [ "$answered" = 1 ]; then
    kill -TERM -- "-$group" 2>/dev/null
    stopped=0
    for _ in $(seq "$STOP_TIMEOUT"); do
      alive "$group" || { stopped=1; break; }
      sleep 1
    done
    wait "$starter" 2>/dev/null
    if [ "$stopped" = 1 ]; then
      summary+=("npm ci && npm start: http://127.0.0.1:$port answered after ${waited}s; stopped cleanly on SIGTERM")
    else
      summary+=("npm ci && npm start: answered after ${waited}s, but these still ran ${STOP_TIMEOUT}s after SIGTERM (killed): $(pgrep -g "$group" -a | tr '\n' ';')")
      kill -KILL -- "-$group" 2>/dev/null
      status=1
    fi
  else
    summary+=("npm ci && npm start: FAILED, http://127.0.0.1:$port did not answer (waited ${waited}s)")
    status=1
  fi
  starter= group=
fi

if [ "$run_test" = 1 ]; then
  echo
  echo "\$ npm ci && npm test"
  bash -c 'npm ci && npm test' 2>&1 | tee "$tmp/test.log"
  code=${PIPESTATUS[0]}
  last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$tmp/test.log" | tail -1)
  summary+=("npm ci && npm test: exit $code; ${last:-no closing line}")
  [ "$code" = 0 ] || status=1
fi

echo
echo "== fresh-clone check of $head =="
printf '%s\n' "${summary[@]}"
exit "$status"
