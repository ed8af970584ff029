#!/usr/bin/env bash
# Runs every test: installs what the tests need (pinned npm tools, Debian's Chromium for the browser tests;
# the tests start their own Azurite and maildev on free ports), builds, runs each test project, checks the
# Bicep template (bicep build + lint, the CLI from NuGet) and that ./run.sh stops cleanly on Ctrl-C
# (scripts/run-stop-check.sh), and ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
source scripts/dev-services.sh

ensure_npm_tools || { echo "0 passed, 1 failed"; exit 1; }
ensure_chromium || { echo "0 passed, 1 failed"; exit 1; }

mkdir -p .run
log=.run/test-output.txt
: > "$log"
status=0
dotnet build LumoFlow.sln -c Release -nologo -v quiet 2>&1 | tee -a "$log" | grep -E " error |Warn|Elapsed" || true
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1

if [ "$status" -eq 0 ]; then
  for project in tests/*/*.csproj; do
    echo "== $project"
    dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee -a "$log" | grep -vE "^\s*$"
    [ "${PIPESTATUS[0]}" -eq 0 ] || status=1
  done
fi

# dotnet test prints per assembly: "Passed!  - Failed:     0, Passed:   189, Skipped:     0, Total: ..."
sum() { grep -oE "$1: +[0-9]+" "$log" | grep -oE "[0-9]+" | awk '{s+=$1} END {print s+0}'; }
passed=$(sum Passed); failed=$(sum Failed); skipped=$(sum Skipped)

# The infrastructure template counts as one check.
echo "== infra/main.bicep"
if scripts/bicep-check.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

# ./run.sh stops cleanly on Ctrl-C: one check.
echo "== scripts/run-stop-check.sh"
if scripts/run-stop-check.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi

# A build or runner failure that produced no test result still counts as a failure.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
exit "$status"
