#!/usr/bin/env bash
# Runs LumoFlow locally on real components: Azurite (blob, queue and table storage: LumoFlow's records and Durable's
# task hub), maildev (SMTP sink) and the local host on http://localhost:7071, which serves the same routes and runs the
# same orchestrations as the Azure Functions app. Ctrl-C stops everything this script started: the app first, then
# Azurite and maildev (the app still uses storage while it shuts down; without it, it retries for minutes and holds
# on to port 7071). A second Ctrl-C while it stops kills the app at once; Azurite and maildev are still stopped.
# scripts/run-stop-check.sh checks all of this.
set -euo pipefail
# Started in the background of another script (setsid bash -c ./run.sh &, an editor's task, ...), bash inherits SIGINT
# ignored, and a signal ignored on entry can be neither trapped nor reset: a Ctrl-C or kill -INT would stop nothing.
# Start over with SIGINT at its default (GNU env, same process); without GNU env, go on as before.
if [ -n "$(trap -p INT)" ] && [ -z "${LUMOFLOW_SIGINT_RESET:-}" ] && env --default-signal=INT true 2>/dev/null; then
  LUMOFLOW_SIGINT_RESET=1 exec env --default-signal=INT "$BASH" "$0" "$@"
fi
cd "$(dirname "$0")"
source scripts/dev-services.sh

app=""
stop_everything() {
  set +e # stop everything, whatever fails on the way
  trap 'LUMOFLOW_HURRY=1' INT TERM HUP
  if [ -n "$app" ]; then
    echo "Stopping LumoFlow ..." >&2
    stop_process "$app" 15 "LumoFlow's local host"
  fi
  # A second Ctrl-C was for the app. Azurite keeps its data in .run/azurite: it gets the time to close it (a third
  # Ctrl-C kills it, too).
  LUMOFLOW_HURRY=0
  stop_dev_services
}
trap stop_everything EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Before starting anything: a taken port would otherwise show up as a failure deep in Azurite's or the app's log.
require_free_ports 7071:LumoFlow 10000:"Azurite blob" 10001:"Azurite queue" 10002:"Azurite table" 1025:"maildev SMTP" 1080:"maildev web"
ensure_npm_tools
# No build servers: they would outlive this script.
dotnet build functions/LumoFlow.LocalHost -c Release -nologo -v quiet --disable-build-servers
mkdir -p .run/azurite
start_azurite 10000 10001 10002 --location .run/azurite --silent
start_maildev 1025 1080

settings=local.settings.json
[ -f "$settings" ] || settings=local.settings.sample.json
echo
echo "  LumoFlow      http://localhost:7071   (settings: $settings)"
echo "  maildev inbox http://localhost:1080   (every email the app sends lands here)"
echo "  Azurite       127.0.0.1:10000-10002   (blob, queue, table; data kept in .run/azurite)"
echo "  Ctrl-C stops all three."
echo
# In the background, so that this script decides the order of stopping. A background job of a script ignores SIGINT;
# the INT trap exits, and stop_everything sends the app SIGTERM, waits for it, then stops Azurite and maildev.
# The Development environment: the development sign-in runs only there (docs/configuration.md).
dotnet functions/LumoFlow.LocalHost/bin/Release/net10.0/LumoFlow.LocalHost.dll \
  --urls http://localhost:7071 --contentRoot "$PWD/functions/LumoFlow.LocalHost" --environment Development &
app=$!
status=0
wait "$app" || status=$?
app="" # it has ended by itself
exit "$status"
