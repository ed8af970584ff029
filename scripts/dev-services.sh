# Shared by run.sh, test.sh and bench.sh: install the pinned local tools and start/stop the local stand-ins
# for Azure (Azurite for blob, queue and table storage, maildev as the SMTP sink). Source it; don't run it.
# Everything started here is stopped by stop_dev_services (run.sh and bench.sh call it from an EXIT trap).

LUMOFLOW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LUMOFLOW_PIDS=()
LUMOFLOW_NAMES=() # what each of LUMOFLOW_PIDS is, for messages
LUMOFLOW_SIGNALS=() # the signal that stops each of LUMOFLOW_PIDS cleanly
LUMOFLOW_RUN_DIR="$LUMOFLOW_ROOT/.run"

# npm tools from the lockfile; reinstalled only when the lockfile changed since the last install.
ensure_npm_tools() {
  command -v node >/dev/null || { echo "Node.js 20+ is required (for Azurite and maildev)." >&2; return 1; }
  local stamp="$LUMOFLOW_ROOT/node_modules/.lumoflow-lock-hash"
  local want; want="$(sha256sum "$LUMOFLOW_ROOT/package-lock.json" | cut -d' ' -f1)"
  if [ ! -x "$LUMOFLOW_ROOT/node_modules/.bin/azurite" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "Installing Azurite and maildev from package-lock.json ..."
    (cd "$LUMOFLOW_ROOT" && npm ci --no-audit --no-fund --loglevel=error) || return 1
    echo "$want" > "$stamp"
  fi
}

# Debian's Chromium, for the browser tests (never a downloaded browser build).
ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  echo "Installing Debian chromium for browser tests ..."
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || return 1
  else
    (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || return 1
  fi
}

wait_for_port() { # host port seconds
  local i
  for ((i = 0; i < $3 * 10; i++)); do
    # The subshell opens and closes the connection; nothing is left open here.
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "Nothing is listening on $1:$2 after $3 s." >&2
  return 1
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Fails, naming the first taken port, before a stand-in is started on them.
ports_free_for() { # what port...
  local what="$1" port; shift
  for port in "$@"; do
    if port_in_use "$port"; then echo "Port $port is taken: is another $what running?" >&2; return 1; fi
  done
}

wait_for_ports() { # port... (30 s each, on 127.0.0.1)
  local port
  for port in "$@"; do wait_for_port 127.0.0.1 "$port" 30 || return 1; done
}

# Fails before anything is started if a port is taken, naming each taken port and what it is for.
require_free_ports() { # port:purpose ...
  local entry taken=0
  for entry in "$@"; do
    if port_in_use "${entry%%:*}"; then
      echo "Port ${entry%%:*} (${entry#*:}) is already in use: is another ./run.sh running? (ss -ltnp 'sport = :${entry%%:*}' shows who has it)" >&2
      taken=1
    fi
  done
  return "$taken"
}

# Starts a stand-in in the background, in a process group of its own. A terminal's Ctrl-C goes to its foreground
# process group, and Node resets SIGINT to its default: in the script's group, Azurite and maildev would stop at the
# first Ctrl-C, while the app that uses them is still shutting down. Whoever starts one stops it (stop_dev_services),
# with SIGTERM, or with the signal LUMOFLOW_STOP_SIGNAL names.
start_service() { # name log-file command [args...]
  local name="$1" log="$2"; shift 2
  local monitor=0; [[ $- == *m* ]] && monitor=1
  set -m # job control: the job gets its own process group
  "$@" < /dev/null > "$log" 2>&1 &
  LUMOFLOW_PIDS+=("$!")
  LUMOFLOW_NAMES+=("$name")
  LUMOFLOW_SIGNALS+=("${LUMOFLOW_STOP_SIGNAL:-TERM}")
  [ "$monitor" = 1 ] || set +m
}

# Stops a process this script started: SIGTERM (or the signal given), then up to <seconds> for it to end, then SIGKILL.
# Setting LUMOFLOW_HURRY=1 (a second Ctrl-C does, in run.sh) skips the rest of the wait.
stop_process() { # pid seconds name [signal]
  local pid="$1" seconds="$2" name="$3" signal="${4:-TERM}" i
  # Every step may fail (the process may be gone already): none of them may end a caller's EXIT trap under set -e.
  kill "-$signal" "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  # bash reaps its children as they end, so kill -0 fails as soon as this one has ended.
  for ((i = 0; i < seconds * 10 && ${LUMOFLOW_HURRY:-0} == 0; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1 || true # a second Ctrl-C interrupts the sleep, too
  done
  if kill -0 "$pid" 2>/dev/null; then
    if [ "${LUMOFLOW_HURRY:-0}" = 1 ]; then echo "Killing $name (pid $pid) at once." >&2
    else echo "$name (pid $pid) has not stopped in $seconds s; killing it." >&2; fi
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  return 0
}

# Azurite with all three services: LumoFlow's records are tables; Durable's task hub uses queues, tables and blobs.
# --skipApiVersionCheck: the Azure SDKs may speak a newer storage API version than this Azurite knows.
start_azurite() { # blob-port queue-port table-port [extra azurite args...]
  local blob="$1" queue="$2" table="$3"; shift 3
  mkdir -p "$LUMOFLOW_RUN_DIR"
  ports_free_for Azurite "$blob" "$queue" "$table" || return 1
  start_service Azurite "$LUMOFLOW_RUN_DIR/azurite.log" "$LUMOFLOW_ROOT/node_modules/.bin/azurite" --blobHost 127.0.0.1 --blobPort "$blob" \
    --queueHost 127.0.0.1 --queuePort "$queue" --tableHost 127.0.0.1 --tablePort "$table" --disableTelemetry --skipApiVersionCheck "$@"
  wait_for_ports "$blob" "$queue" "$table"
}

# For the soak (scripts/soak.sh): Azurite's three services each in a process of its own, as Azure has them (one Node.js
# thread each, where one process gives the three one thread); the table and queue services with
# scripts/azurite-indexed.js, which has them find rows and messages through their indexes instead of scanning (that
# file says why). Blobs and queues are kept on disk in <location>; the tables in memory: on disk, Azurite writes its
# whole table database out every 5 s, which stops its thread for seconds once the tables hold minutes of soak (in
# memory, its queue service slows with every message it ever held). Azurite's table service saves its data on SIGINT
# only, so all three are stopped with SIGINT.
start_azurite_for_soak() { # blob-port queue-port table-port location
  local blob="$1" queue="$2" table="$3" location="$4"
  mkdir -p "$LUMOFLOW_RUN_DIR" "$location"
  ports_free_for Azurite "$blob" "$queue" "$table" || return 1
  local service port preload storage
  for service in blob queue table; do
    case "$service" in
      blob) port="$blob" preload=() storage=(--location "$location") ;;
      queue) port="$queue" preload=(-r "$LUMOFLOW_ROOT/scripts/azurite-indexed.js") storage=(--location "$location") ;;
      table) port="$table" preload=(-r "$LUMOFLOW_ROOT/scripts/azurite-indexed.js") storage=(--inMemoryPersistence) ;;
    esac
    LUMOFLOW_STOP_SIGNAL=INT start_service "Azurite $service" "$LUMOFLOW_RUN_DIR/azurite-$service.log" \
      node "${preload[@]}" "$LUMOFLOW_ROOT/node_modules/azurite/dist/src/$service/main.js" \
      "--${service}Host" 127.0.0.1 "--${service}Port" "$port" --disableTelemetry --skipApiVersionCheck --silent "${storage[@]}"
  done
  wait_for_ports "$blob" "$queue" "$table"
}

start_maildev() { # smtp-port web-port
  mkdir -p "$LUMOFLOW_RUN_DIR"
  ports_free_for maildev "$1" "$2" || return 1
  start_service maildev "$LUMOFLOW_RUN_DIR/maildev.log" "$LUMOFLOW_ROOT/node_modules/.bin/maildev" --smtp "$1" --web "$2" --ip 127.0.0.1
  wait_for_ports "$1" "$2"
}

stop_dev_services() {
  local i
  for i in "${!LUMOFLOW_PIDS[@]}"; do stop_process "${LUMOFLOW_PIDS[$i]}" 5 "${LUMOFLOW_NAMES[$i]}" "${LUMOFLOW_SIGNALS[$i]}"; done
  LUMOFLOW_PIDS=()
  LUMOFLOW_NAMES=()
  LUMOFLOW_SIGNALS=()
}
