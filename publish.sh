#!/usr/bin/env bash
# Builds the Azure Functions app (functions/LumoFlow.Functions, .NET 10 isolated worker) and packs it as
# out/lumoflow-functions.zip for deployment to the Flex Consumption app (infra/README.md, "Deploy the app").
#
# Framework-dependent on purpose: Flex Consumption provides the .NET runtime (functionAppConfig.runtime
# dotnet-isolated 10.0), so no --self-contained / -r. The zip holds the *contents* of out/publish, so
# host.json, worker.config.json, functions.metadata and .azurefunctions/ sit at its root, where the host looks.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

publish_dir=out/publish
package=out/lumoflow-functions.zip

# Start clean: files left over from an earlier publish would otherwise end up in the package.
rm -rf "$publish_dir" "$package"
dotnet publish functions/LumoFlow.Functions -c Release -o "$publish_dir" -nologo

# `zip` may be missing and `python3 -m zipfile -c` would prefix every entry with the directory name, so a few
# lines of Python write entries relative to out/publish, hidden directories (.azurefunctions) included.
python3 - "$publish_dir" "$package" <<'EOF'
import os, sys, zipfile
source, target = sys.argv[1], sys.argv[2]
# strict_timestamps=False: some NuGet files carry dates a zip cannot store (before 1980).
with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, strict_timestamps=False) as archive:
    for folder, subfolders, files in os.walk(source):
        subfolders.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            archive.write(path, os.path.relpath(path, source))  # keeps the file mode bits too
EOF

# Refuse a package the host could not start from, or one carrying local development settings.
python3 - "$package" <<'EOF'
import sys, zipfile
names = set(zipfile.ZipFile(sys.argv[1]).namelist())
missing = [n for n in ("host.json", "worker.config.json", "functions.metadata", "LumoFlow.Functions.dll") if n not in names]
if missing:
    sys.exit(f"publish: {sys.argv[1]} lacks {', '.join(missing)} at its root")
if "local.settings.json" in names:
    sys.exit(f"publish: {sys.argv[1]} contains local.settings.json")
EOF

echo "$(pwd)/$package"
