#!/usr/bin/env bash
# Runs LumoFlow locally on real components: Azurite (blob, queue and table storage: LumoFlow's records and Durable's
# task hub), maildev (SMTP sink) and the local host on http://localhost:7071, which serves the same routes and runs the
# same orchestrations as the Azure Functions app. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/dev-services.sh
trap stop_dev_services EXIT
trap 'exit 130' INT TERM

ensure_npm_tools
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
dotnet build functions/LumoFlow.LocalHost -c Release -nologo -v quiet
# In the foreground, so Ctrl-C reaches the app itself; the EXIT trap then stops Azurite and maildev.
dotnet functions/LumoFlow.LocalHost/bin/Release/net10.0/LumoFlow.LocalHost.dll \
  --urls http://localhost:7071 --contentRoot "$PWD/functions/LumoFlow.LocalHost"
