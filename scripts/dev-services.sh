# Shared by run.sh, test.sh and bench.sh: install the pinned local tools and start/stop the local stand-ins
# for Azure (Azurite for blob, queue and table storage, maildev as the SMTP sink). Source it; don't run it.
# Everything started here is stopped by stop_dev_services (run.sh/test.sh call it from an EXIT trap).

LUMOFLOW_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LUMOFLOW_PIDS=()
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

# Azurite with all three services: LumoFlow's records are tables; Durable's task hub uses queues, tables and blobs.
# --skipApiVersionCheck: the Azure SDKs may speak a newer storage API version than this Azurite knows.
start_azurite() { # blob-port queue-port table-port [extra azurite args...]
  local blob="$1" queue="$2" table="$3"; shift 3
  mkdir -p "$LUMOFLOW_RUN_DIR"
  local port
  for port in "$blob" "$queue" "$table"; do
    if port_in_use "$port"; then echo "Port $port is taken: is another Azurite running?" >&2; return 1; fi
  done
  "$LUMOFLOW_ROOT/node_modules/.bin/azurite" --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" --disableTelemetry --skipApiVersionCheck "$@" \
    > "$LUMOFLOW_RUN_DIR/azurite.log" 2>&1 &
  LUMOFLOW_PIDS+=("$!")
  wait_for_port 127.0.0.1 "$blob" 30 && wait_for_port 127.0.0.1 "$queue" 30 && wait_for_port 127.0.0.1 "$table" 30
}

start_maildev() { # smtp-port web-port
  mkdir -p "$LUMOFLOW_RUN_DIR"
  if port_in_use "$1" || port_in_use "$2"; then echo "Port $1 or $2 is taken: is another maildev running?" >&2; return 1; fi
  "$LUMOFLOW_ROOT/node_modules/.bin/maildev" --smtp "$1" --web "$2" --ip 127.0.0.1 > "$LUMOFLOW_RUN_DIR/maildev.log" 2>&1 &
  LUMOFLOW_PIDS+=("$!")
  wait_for_port 127.0.0.1 "$1" 30 && wait_for_port 127.0.0.1 "$2" 30
}

stop_dev_services() {
  local pid
  for pid in "${LUMOFLOW_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${LUMOFLOW_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  LUMOFLOW_PIDS=()
}
