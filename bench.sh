#!/usr/bin/env bash
# Measures LumoFlow on Durable against its own stock Azurite (in memory, blob + queue + table, free ports) and prints
# one table of figures, all from this run, each beside what a bare Durable orchestration of the same shape (the peer)
# gets on the same backend with the same settings:
#   floor     raw single-entity table inserts
#   peer      the peer alone: its start rate, events, catch-up and storage requests (no LumoFlow)
#   intake    notifications accepted per second at concurrency 1, 8 and 32 (taking turns with the floor and peer starts)
#   events    staff events per second, from 202 to visible in the case's status
#   catchup   cases registered with a past time of receipt (1,000; --catchup N), every escalation due at once
#   cost      storage requests per complete lifecycle, per call, and an idle app's requests per hour
#   admin     administrators' reads at 10,000 cases: a filtered list page and THL's compliance report
# and the peak memory, then the targets, each met or missed. Also written to .run/bench-latest.md.
# ./bench.sh [--quick] [--only floor|peer|intake|events|catchup|cost|admin] [--catchup N] [--events N]
#   --quick runs one round of each part at small sizes (catch-up 300) in about 5 minutes; the full run takes five
#   rounds of intake, more events and a catch-up of 1,000 (about 20 minutes on 2 cores). Sizes stay small on purpose:
#   stock Azurite scans every queue message of the account on each dequeue, so waiting cases slow everything (see
#   docs/performance.md); --catchup 10000 runs the catch-up the issue names, for hours.
#   --only runs one part (a LumoFlow part runs its peer beside it: the ratios need it).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/dev-services.sh
trap stop_dev_services EXIT
trap 'exit 130' INT TERM

ensure_npm_tools
read -r blob queue table < <(python3 -c '
import socket
sockets = [socket.socket() for _ in range(3)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in sockets))')
start_azurite "$blob" "$queue" "$table" --inMemoryPersistence --silent
dotnet build bench/LumoFlow.Benchmarks -c Release -nologo -v quiet -clp:ErrorsOnly
mkdir -p .run
dotnet bench/LumoFlow.Benchmarks/bin/Release/net10.0/LumoFlow.Benchmarks.dll \
  --blob-port "$blob" --queue-port "$queue" --table-port "$table" --out .run/bench-latest.md --azurite-pid "${LUMOFLOW_PIDS[-1]}" \
  --azurite "$(node -p 'require("./node_modules/azurite/package.json").version') (stock) in memory" \
  "$@"
echo
echo "(also written to .run/bench-latest.md)"
