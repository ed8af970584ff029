#!/usr/bin/env bash
# The soak: LumoFlow at a realistic peak on loopback for a while, to see that nothing fails, what the answers take, and
# that memory levels off. Starts its own Azurite and maildev on free ports, and the app as ./run.sh starts it (Release
# build, Development environment), from a copy of its own in .run/soak-app (a build during the soak cannot swap its
# files). Azurite runs as three processes, its table and queue services with scripts/azurite-indexed.js, so that
# storage finds rows and messages through its indexes as Azure Storage does; blobs and queues on disk in .run/soak,
# tables in memory (start_azurite_for_soak in scripts/dev-services.sh says why).
# LUMOFLOW_SOAK_AZURITE=stock runs stock Azurite as ./run.sh does (one process, on disk in .run/soak), where its scans
# are the limit (docs/reliability.md#soak).
# Then scripts/soak.py sends 5 notifications/s and 20 staff events/s, open loop, and prints errors, answer p50/p99 for
# intake and events, every answer over 5 s, and the app's RSS every 10 s.
# scripts/soak.sh [minutes (default 10)] [notifications/s (5)] [events/s (20)]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/dev-services.sh
minutes="${1:-10}" notifications="${2:-5}" events="${3:-20}"
azurite="${LUMOFLOW_SOAK_AZURITE:-indexed}"
case "$azurite" in indexed | stock) ;; *) echo "LUMOFLOW_SOAK_AZURITE is indexed (the default) or stock." >&2; exit 2 ;; esac
app=""
finish() { [ -z "$app" ] || stop_process "$app" 15 "LumoFlow"; stop_dev_services; }
trap finish EXIT
trap 'exit 130' INT TERM

ensure_npm_tools
read -r blob queue table smtp web http < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(6)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))')
rm -rf .run/soak .run/soak-app
mkdir -p .run/soak
dotnet publish functions/LumoFlow.LocalHost -c Release -o .run/soak-app -nologo -v quiet --disable-build-servers
if [ "$azurite" = indexed ]; then start_azurite_for_soak "$blob" "$queue" "$table" .run/soak
else start_azurite "$blob" "$queue" "$table" --location .run/soak --silent; fi
start_maildev "$smtp" "$web"

# Azurite's well-known development account, on this run's ports.
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
AzureWebJobsStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;"
AzureWebJobsStorage+="BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;"
AzureWebJobsStorage+="TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
export AzureWebJobsStorage
export DevFunctionKey=DevFunctionKey
export LumoFlow__Email__Provider=smtp LumoFlow__Email__SmtpHost=127.0.0.1 LumoFlow__Email__SmtpPort="$smtp"
export LumoFlow__PublicBaseUrl="http://127.0.0.1:$http"
# One client sends every notification here: the per-client hourly limit is for the public, not for a load test.
export LumoFlow__Intake__SubmissionsPerClientPerHour=0
dotnet .run/soak-app/LumoFlow.LocalHost.dll --urls "http://127.0.0.1:$http" --contentRoot "$PWD/functions/LumoFlow.LocalHost" \
  --environment Development > .run/soak-app.log 2>&1 &
app=$!
for _ in $(seq 1 900); do
  curl -fs "http://127.0.0.1:$http/api/health" > /dev/null && break
  kill -0 "$app" 2> /dev/null || { echo "The app exited at start: .run/soak-app.log" >&2; exit 1; }
  sleep 0.2
done
echo "app up (pid $app, port $http); $(nproc) cores; $(date -u +%FT%TZ); commit $(git rev-parse --short HEAD); Azurite $azurite"
status=0
python3 scripts/soak.py --port "$http" --pid "$app" --minutes "$minutes" \
  --notifications-per-second "$notifications" --events-per-second "$events" || status=$?
mails="$(curl -fs "http://127.0.0.1:$web/api/email" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))' || echo '?')"
echo "emails in maildev at the end: $mails; app log: .run/soak-app.log"
exit "$status"
