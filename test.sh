#!/usr/bin/env bash
# Runs every test: installs what the tests need (pinned npm tools, Debian's Chromium for the browser tests;
# the tests start their own Azurite and maildev on free ports), builds, runs each test project, checks the
# Bicep template (bicep build + lint, the CLI from NuGet) and that ./run.sh stops cleanly on Ctrl-C
# (scripts/run-stop-check.sh), and ends with one line "N passed, N failed" (", N skipped" if any).
#
# What counts as failed, besides a failed test: a build that fails (then no test runs: the binaries on disk would
# be an earlier build's), a test project whose run crashed, hung, ran out of time, gave no result summary or exited
# non-zero without a failed test (at least one each, named before the summary line), and each check that fails.
# The exit status is non-zero whenever anything failed.
#
# LUMOFLOW_TEST_PROJECTS  test projects to run (folders or .csproj, space-separated) instead of every
#                         tests/*/*.csproj: a partial run, so the Bicep and run.sh checks are left out too.
#                         scripts/broken-build-check.sh uses it (LUMOFLOW_TEST_PROJECTS=tests/LumoFlow.Domain.Tests).
# LUMOFLOW_TEST_MINUTES   time limit per test project (default 30); a single test is given 10 minutes.
set -uo pipefail
cd "$(dirname "$0")"
source scripts/dev-services.sh

ensure_npm_tools || { echo "0 passed, 1 failed"; exit 1; }
ensure_chromium || { echo "0 passed, 1 failed"; exit 1; }

mkdir -p .run
log=.run/test-output.txt
results=.run/test-results # blame's sequence files: which test was running when a test host crashed or hung
: > "$log"
rm -rf "$results"
passed=0 failed=0 skipped=0
problems=() # failures that no test result counts, one line each, listed before the summary

if [ -n "${LUMOFLOW_TEST_PROJECTS:-}" ]; then
  read -r -a projects <<< "$LUMOFLOW_TEST_PROJECTS"
  echo "Partial run (LUMOFLOW_TEST_PROJECTS): ${projects[*]}; the Bicep and run.sh checks are left out."
else
  projects=(tests/*/*.csproj)
fi

# While a test project runs, Ctrl-C (or TERM) stops it and everything it started: see run_tests.
test_pid=""
stop_tests() { [ -z "$test_pid" ] || { kill -TERM "$test_pid" 2>/dev/null; wait "$test_pid" 2>/dev/null; }; }
trap 'stop_tests; exit 130' INT
trap 'stop_tests; exit 143' TERM

echo "== build"
build_out=.run/build-output.txt
dotnet build LumoFlow.sln -c Release -nologo -v quiet > "$build_out" 2>&1
build_status=$?
cat "$build_out" >> "$log"
grep -E "Warning\(s\)|Error\(s\)|Elapsed" "$build_out"
if [ "$build_status" -ne 0 ]; then
  # The compiler's own lines (each error is reported twice by MSBuild: once as it happens, once in the recap).
  errors="$(grep -E ": error [A-Z]+[0-9]*:|^MSBUILD : error|error MSB[0-9]+" "$build_out" | sort -u)"
  if [ -n "$errors" ]; then printf '%s\n' "$errors"; else tail -n 30 "$build_out"; fi
  problems+=("build: FAILED (exit $build_status, $(printf '%s' "$errors" | grep -c .) error line(s) above); no test was run")
fi

# Each project's run: in the background under timeout (which gives it a process group of its own and, at the limit,
# stops the whole group: dotnet test, its test host and whatever the tests started), its output shown as it comes.
# Blame mode names the test that was running when the test host crashed, and ends a test that hangs.
run_tests() { # project output-file
  : > "$2"
  timeout --kill-after=30 "$((${LUMOFLOW_TEST_MINUTES:-30} * 60))" \
    dotnet test "$1" -c Release --no-build -nologo --results-directory "$results" \
      --blame-hang-timeout 10min --blame-hang-dump-type none < /dev/null > "$2" 2>&1 &
  test_pid=$!
  tail -n +1 -f --pid="$test_pid" "$2" | grep --line-buffered -vE "^\s*$"
  local status=0
  wait "$test_pid" || status=$?
  test_pid=""
  return "$status"
}

# "Passed!  - Failed:     0, Passed:   189, Skipped:     0, Total: ..." (one per test assembly)
count() { # Failed|Passed|Skipped summary-lines
  printf '%s\n' "$2" | grep -oE "$1: +[0-9]+" | grep -oE "[0-9]+" | awk '{ s += $1 } END { print s + 0 }'
}

if [ "$build_status" -eq 0 ]; then
  solution="$(dotnet sln LumoFlow.sln list)"
  for project in "${projects[@]}"; do
    echo "== $project"
    name="$(basename "${project%.csproj}")"
    # --no-build runs what is on disk: only what the build above just built may run.
    if ! grep -qF "/$name/$name.csproj" <<< "$solution"; then
      problems+=("$project: not in LumoFlow.sln, so not built; not run")
      continue
    fi
    out=".run/test-output-$name.txt"
    status=0
    run_tests "$project" "$out" || status=$?
    cat "$out" >> "$log"

    summary="$(grep -oE "(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+" "$out")"
    project_failed="$(count Failed "$summary")"
    passed=$((passed + $(count Passed "$summary")))
    failed=$((failed + project_failed))
    skipped=$((skipped + $(count Skipped "$summary")))

    why=()
    if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then why+=("did not finish within ${LUMOFLOW_TEST_MINUTES:-30} min and was stopped"); fi
    if grep -q "Test Run Aborted" "$out"; then
      running="$(sed -n '/The test running when the crash occurred:/,/This test may, or may not/p' "$out" | sed '1d;$d' | grep -vE "^\s*$" | paste -sd, - | sed 's/,/, /g')"
      why+=("its test host crashed or hung (test run aborted${running:+; running then: $running})")
    fi
    [ -n "$summary" ] || why+=("gave no result summary")
    if [ "$status" -ne 0 ] && [ "$project_failed" -eq 0 ] && [ "${#why[@]}" -eq 0 ]; then why+=("exited with status $status without a failed test"); fi
    if [ "${#why[@]}" -gt 0 ]; then
      problems+=("$project: $(printf '%s; ' "${why[@]}" | sed 's/; $//') (output: $out)")
    fi
  done
else
  echo "== tests: not run (the build failed)"
fi

if [ -z "${LUMOFLOW_TEST_PROJECTS:-}" ]; then
  # The infrastructure template counts as one check.
  echo "== infra/main.bicep"
  if scripts/bicep-check.sh; then passed=$((passed + 1)); else problems+=("infra/main.bicep: scripts/bicep-check.sh failed"); fi

  # ./run.sh stops cleanly on Ctrl-C: one check (it runs the app this build made).
  echo "== scripts/run-stop-check.sh"
  if [ "$build_status" -ne 0 ]; then
    echo "not run: the build failed"
  elif scripts/run-stop-check.sh; then passed=$((passed + 1))
  else problems+=("scripts/run-stop-check.sh failed"); fi
fi

# Every failure no test counted is one more failed, and is named here.
if [ "${#problems[@]}" -gt 0 ]; then
  echo "== failures besides failed tests"
  printf '  %s\n' "${problems[@]}"
  failed=$((failed + ${#problems[@]}))
fi
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
