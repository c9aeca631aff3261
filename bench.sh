#!/usr/bin/env bash
# Benchmarks: builds Release and prints figures; asserts nothing.
#   ./bench.sh              every section
#   ./bench.sh matching     only the named sections
# Add a section as a function named section_<name> and list it in SECTIONS.
set -euo pipefail
cd "$(dirname "$0")"

SECTIONS=(matching)

section_matching() {
    # Ranking 10,000 teams against one need and planning 1,000 needs against 10,000 teams (issue 5).
    dotnet build -c Release --nologo -v quiet tests/Dispatch.Matching.Benchmarks >/dev/null
    dotnet tests/Dispatch.Matching.Benchmarks/bin/Release/net10.0/Dispatch.Matching.Benchmarks.dll
}

wanted=("$@")
[ ${#wanted[@]} -eq 0 ] && wanted=("${SECTIONS[@]}")
for name in "${wanted[@]}"; do
    if ! declare -F "section_$name" >/dev/null; then
        echo "bench.sh: no section '$name' (have: ${SECTIONS[*]})" >&2
        exit 2
    fi
    echo "== $name =="
    started=$(date +%s)
    "section_$name"
    echo "== $name done in $(( $(date +%s) - started )) s"
    echo
done
