#!/usr/bin/env bash
# Checks that ./test.sh tells the truth about a broken build: in a throw-away clone of HEAD, it runs ./test.sh once on
# a good build (which must pass and leave its binaries behind), then breaks the build (a type error in
# functions/LumoFlow.Domain) and runs ./test.sh again, which must fail, show the compiler's error line, and run no test
# at all: with the first run's binaries still on disk, running tests would mean running the old code and could pass.
# Both runs are partial (LUMOFLOW_TEST_PROJECTS=tests/LumoFlow.Domain.Tests, a few seconds of tests).
#
# Not part of ./test.sh (it runs ./test.sh). Run it after changing test.sh:  scripts/broken-build-check.sh
# Only what is committed is checked. Prints one verdict line; exits non-zero on failure. Takes a minute or two.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

work="$(mktemp -d "${TMPDIR:-/tmp}/lumoflow-broken-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
fail() { echo "broken-build-check: FAILED ($*; the runs' output: $work kept)"; trap - EXIT; exit 1; }

git clone -q "$root" "$work/repo" || fail "could not clone $root"
cd "$work/repo"
# The pinned npm tools of this checkout, if installed (test.sh installs them otherwise).
[ -d "$root/node_modules" ] && ln -s "$root/node_modules" node_modules
export LUMOFLOW_TEST_PROJECTS=tests/LumoFlow.Domain.Tests
# Build servers would outlive the clone.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false

echo "broken-build-check: 1. ./test.sh on a good build (in $work/repo)"
./test.sh > "$work/good.txt" 2>&1
good_status=$?
good_line="$(tail -n 1 "$work/good.txt")"
echo "   $good_line (exit $good_status)"
[ "$good_status" -eq 0 ] || fail "./test.sh failed on the good build"
[[ "$good_line" =~ ^[1-9][0-9]*\ passed,\ 0\ failed ]] || fail "the good build's run did not pass any test: '$good_line'"
dll=tests/LumoFlow.Domain.Tests/bin/Release/net10.0/LumoFlow.Domain.Tests.dll
[ -f "$dll" ] || fail "no $dll after the good build"

echo "broken-build-check: 2. ./test.sh after breaking the build (the good build's binaries still on disk)"
cat > functions/LumoFlow.Domain/BrokenOnPurpose.cs <<'EOF'
namespace LumoFlow.Domain;

internal static class BrokenOnPurpose
{
    private static readonly int X = "a";
}
EOF
./test.sh > "$work/broken.txt" 2>&1
broken_status=$?
broken_line="$(tail -n 1 "$work/broken.txt")"
echo "   $broken_line (exit $broken_status)"
grep -E "error CS0029" "$work/broken.txt" | sort -u | sed 's/^/   /'

[ "$broken_status" -ne 0 ] || fail "./test.sh exited 0 on a broken build"
grep -qE "BrokenOnPurpose.cs\([0-9]+,[0-9]+\): error CS0029" "$work/broken.txt" || fail "./test.sh did not show the compiler's error"
! grep -qE "Test run for |(Passed|Failed)! +- Failed:" "$work/broken.txt" || fail "./test.sh ran tests on the broken build (the old binaries)"
[[ "$broken_line" =~ ^0\ passed,\ [1-9][0-9]*\ failed$ ]] || fail "the last line is not '0 passed, N failed': '$broken_line'"
echo "broken-build-check: OK (a good build passed; the broken one failed with its compiler error and ran no test)"
