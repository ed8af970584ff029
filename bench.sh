#!/usr/bin/env bash
# Measures LumoFlow against its own Azurite (in memory) and prints a table of figures, all from this run:
# the raw insert floor, intake throughput and latency, the sweep, one lifecycle's storage requests, and a year's replay.
# ./bench.sh [--quick] [--sweep N] [--replay N] [--only intake|sweep|lifecycle|replay] [--stock-azurite]
#   --quick scales every size down 20x (a smoke run); --sweep sets the cases due at once (10000);
#   --replay the notifications replayed over a year (23000); --only runs one part;
#   --stock-azurite runs Azurite without bench/azurite-keyed-lookups.js (see that file and docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/dev-services.sh
trap stop_dev_services EXIT
trap 'exit 130' INT TERM

ensure_npm_tools
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 10102)
args=()
preload="--require \"$PWD/bench/azurite-keyed-lookups.js\""
for arg in "$@"; do
  if [ "$arg" = --stock-azurite ]; then preload=""; else args+=("$arg"); fi
done
# The preload must find what Azurite would find without it (a second's self-check).
[ -z "$preload" ] || node bench/azurite-keyed-lookups.check.js
NODE_OPTIONS="$preload" start_azurite "$port" --inMemoryPersistence --skipApiVersionCheck --silent
dotnet build bench/LumoFlow.Benchmarks -c Release -nologo -v quiet > /dev/null
mkdir -p .run
dotnet bench/LumoFlow.Benchmarks/bin/Release/net10.0/LumoFlow.Benchmarks.dll --table-port "$port" --out .run/bench-latest.md --azurite-pid "${LUMOFLOW_PIDS[-1]}" \
  --azurite "$(node -p 'require("./node_modules/azurite/package.json").version') in memory${preload:+, with bench/azurite-keyed-lookups.js}" \
  "${args[@]}"
echo
echo "(also written to .run/bench-latest.md)"
