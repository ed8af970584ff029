#!/usr/bin/env bash
# Checks that ./run.sh stops cleanly, as on a Ctrl-C in a terminal: starts it in a session and process group of its
# own (SIGINT at its default, as a terminal leaves it), waits until the app answers /api/health, sends SIGINT to the
# whole process group (what Ctrl-C does), and then requires
#   - that the app stops before Azurite and maildev (it still uses them while it stops), and, within
#     LUMOFLOW_STOP_SECONDS (default 5),
#   - nothing listening on 7071 (the app), 10000-10002 (Azurite) or 1025 and 1080 (maildev), and
#   - no process left of the ones run.sh started (none left in its session: the app, Azurite, maildev, anything else).
# Refuses to start if any of those ports is already taken (it never touches a process it did not start), and stops
# whatever it started if it fails. Prints one verdict line; exits non-zero on failure. ./test.sh runs it as one check.
# run.sh's output is kept in .run/run-stop-check.log.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source scripts/dev-services.sh

ports=(7071 10000 10001 10002 1025 1080)
limit="${LUMOFLOW_STOP_SECONDS:-5}"
start_limit="${LUMOFLOW_START_SECONDS:-300}" # run.sh builds the local host first (and may install the npm tools)
log="$root/.run/run-stop-check.log"
session="" sid_file=""

fail() { echo "run-stop-check: FAILED ($*)"; exit 1; }

# Every process of run.sh's session: run.sh, and all it started (jobs in their own process groups stay in the session).
session_processes() { [ -n "$session" ] && ps -e -o sid=,pid=,args= | awk -v s="$session" '$1 == s { $1 = ""; print substr($0, 2) }'; }
taken_ports() { local p; for p in "${ports[@]}"; do port_in_use "$p" && printf '%s ' "$p"; done; }

# Whatever happens, nothing this check started outlives it: TERM, a moment, then KILL, for each process of the session.
cleanup() {
  local pids
  [ -z "$sid_file" ] || rm -f "$sid_file"
  pids="$(session_processes | awk '{ print $1 }')"
  [ -z "$pids" ] && return 0
  kill -TERM $pids 2>/dev/null
  sleep 3
  pids="$(session_processes | awk '{ print $1 }')"
  [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
  return 0
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

taken="$(taken_ports)"
[ -z "$taken" ] || fail "port(s) ${taken% } already in use before the start: stop whatever holds them (ss -ltnp); nothing was started"

mkdir -p "$root/.run"
# A background job of a script starts with SIGINT ignored, and bash cannot undo that: Python resets it to the default
# (as in a terminal), makes the new session (run.sh becomes its leader: session id = process group id = its pid),
# writes that id down (python3 may be a wrapper that forks, so $! is not it), and then becomes run.sh.
sid_file="$(mktemp)"
python3 -c '
import os, signal, sys
for s in (signal.SIGINT, signal.SIGQUIT): signal.signal(s, signal.SIG_DFL)
os.setsid()
with open(sys.argv[1], "w") as f: f.write(str(os.getpid()))
os.execv("./run.sh", ["./run.sh"])' "$sid_file" > "$log" 2>&1 < /dev/null &
for ((i = 0; i < 100; i++)); do [ -s "$sid_file" ] && break; sleep 0.1; done
session="$(cat "$sid_file")"
[ -n "$session" ] || fail "run.sh did not start; see $log"

started=$SECONDS
until curl -sf -o /dev/null --max-time 2 http://127.0.0.1:7071/api/health; do
  if ! kill -0 "$session" 2>/dev/null; then tail -n 20 "$log" >&2; fail "run.sh ended before the app answered; see $log"; fi
  [ $((SECONDS - started)) -lt "$start_limit" ] || { tail -n 20 "$log" >&2; fail "the app did not answer /api/health within $start_limit s; see $log"; }
  sleep 1
done
# Not a check of nothing: the app, Azurite and maildev must be there, in run.sh's session, before the Ctrl-C.
running="$(session_processes)"
for what in LumoFlow.LocalHost.dll node_modules/.bin/azurite node_modules/.bin/maildev; do
  grep -qF "$what" <<< "$running" || { printf '%s\n' "$running" >&2; fail "no $what among run.sh's processes before the Ctrl-C"; }
done
echo "run-stop-check: the app answers after $((SECONDS - started)) s; sending SIGINT to run.sh's process group"

sent=$(date +%s%N)
kill -INT -- "-$session" || fail "could not send SIGINT to process group $session"
left="" taken="" early=""
for ((i = 0; i < limit * 10; i++)); do
  # Ports first: if the app is still there after, it was there while the ports were probed.
  taken="$(taken_ports)"
  left="$(session_processes)"
  [ -z "$left" ] && [ -z "$taken" ] && break
  # The app first: storage and the mail server must outlast it (it still writes while it stops).
  if grep -qF LumoFlow.LocalHost.dll <<< "$left"; then
    for what in azurite maildev; do
      grep -qF "node_modules/.bin/$what" <<< "$left" || [[ "$early " == *" $what "* ]] || early="$early $what"
    done
    for port in "${ports[@]:1}"; do
      [[ " $taken" == *" $port "* ]] || [[ "$early " == *" port-$port "* ]] || early="$early port-$port"
    done
  fi
  sleep 0.1
done
elapsed="$(awk -v ns=$(( $(date +%s%N) - sent )) 'BEGIN { printf "%.1f", ns / 1e9 }')"
if [ -n "$left" ] || [ -n "$taken" ]; then
  [ -n "$left" ] && printf 'still running:\n%s\n' "$left" >&2
  [ -n "$taken" ] && { echo "still listening: ${taken% }" >&2; ss -ltnp 2>/dev/null | grep -E ":(7071|1000[0-2]|1025|1080)\b" >&2; }
  tail -n 20 "$log" >&2
  why=()
  [ -z "$left" ] || why+=("processes left")
  [ -z "$taken" ] || why+=("ports still in use: ${taken% }")
  [ -z "$early" ] || why+=("stopped before the app:$early")
  fail "${limit} s after Ctrl-C: $(printf '%s; ' "${why[@]}")see $log"
fi
[ -z "$early" ] || fail "stopped before the app:$early (the app still uses them while it stops); all gone after ${elapsed} s"
echo "run-stop-check: OK (Ctrl-C stopped the app, then Azurite and maildev, in ${elapsed} s: ports ${ports[*]} free, no process left)"
