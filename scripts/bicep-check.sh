#!/usr/bin/env bash
# Compiles and lints infra/main.bicep with the Bicep CLI and checks infra/main.parameters.json against it.
# Fails on a build error, on any build or lint warning or error, and on a parameter the template does not declare.
#
# The Bicep CLI comes from NuGet (Azure.Bicep.CommandLine.linux-x64), the only package source this machine
# reaches. A throw-away project outside the repo downloads it, so the repo's Directory.Build.props and
# Directory.Packages.props (central package management, warnings as errors) do not apply to it.
# Usage: scripts/bicep-check.sh [file.bicep]   (default infra/main.bicep; runs from any directory)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template="$(realpath "${1:-$root/infra/main.bicep}")"
parameters="${template%.bicep}.parameters.json"
version=0.49.2

# NuGet's global packages folder (honours NUGET_PACKAGES and nuget.config); package folders are lowercase.
packages="$(dotnet nuget locals global-packages --list --force-english-output | sed -n 's/^global-packages: *//p')"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"

if [ ! -f "$bicep" ]; then
  work="${TMPDIR:-/tmp}/lumoflow-bicep"
  mkdir -p "$work"
  # PackageDownload only fetches the package (no reference, no assets); it requires an exact [version].
  cat > "$work/bicep.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Azure.Bicep.CommandLine.linux-x64" Version="[$version]" /></ItemGroup>
</Project>
EOF
  # The -p flags only matter if some directory above $work holds Directory.*.props of its own.
  dotnet restore "$work/bicep.csproj" --configfile "$root/nuget.config" -nologo -v quiet \
    -p:ImportDirectoryBuildProps=false -p:ImportDirectoryPackagesProps=false >&2
fi
[ -f "$bicep" ] || { echo "bicep-check: FAILED (no bicep executable at $bicep)"; exit 1; }
# NuGet extracts files without the executable bit.
[ -x "$bicep" ] || chmod +x "$bicep"

# Build: stdout is the ARM JSON (kept for the parameter check), diagnostics go to stderr.
json="$(mktemp)"; trap 'rm -f "$json"' EXIT
if ! build_out="$("$bicep" build "$template" --stdout 2>&1 >"$json")"; then
  printf '%s\n' "$build_out" >&2
  echo "bicep-check: FAILED (build) $template"
  exit 1
fi
# bicep lint exits 0 on warnings, so the output is checked as well: any diagnostic line is a failure.
lint_status=0
lint_out="$("$bicep" lint "$template" 2>&1)" || lint_status=$?
if [ "$lint_status" -ne 0 ] || printf '%s\n%s\n' "$build_out" "$lint_out" | grep -qE '\b(Warning|Error)\b'; then
  printf '%s\n%s\n' "$build_out" "$lint_out" >&2
  echo "bicep-check: FAILED (lint) $template"
  exit 1
fi

# A parameter file naming a parameter the template lacks fails only at deployment time; catch it here.
checked=""
if [ -f "$parameters" ]; then
  checked="; $(basename "$parameters") matches"
  if ! python3 - "$json" "$parameters" <<'EOF'
import json, sys
declared = json.load(open(sys.argv[1]))["parameters"]
given = json.load(open(sys.argv[2]))["parameters"]
unknown = sorted(set(given) - set(declared))
missing = sorted(n for n, p in declared.items() if "defaultValue" not in p and n not in given)
for n in unknown: print(f"{sys.argv[2]}: parameter '{n}' is not declared by the template", file=sys.stderr)
for n in missing: print(f"{sys.argv[2]}: required parameter '{n}' has no value", file=sys.stderr)
sys.exit(1 if unknown or missing else 0)
EOF
  then
    echo "bicep-check: FAILED (parameters) $parameters"
    exit 1
  fi
fi
echo "bicep-check: OK (bicep $version build + lint, no warnings$checked) $template"
