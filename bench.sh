#!/usr/bin/env bash
# Benchmarks: builds Release and prints figures; asserts nothing.
#   ./bench.sh              every section
#   ./bench.sh matching     only the named sections (matching, system)
# Add a section as a function named section_<name> and list it in SECTIONS.
set -euo pipefail
cd "$(dirname "$0")"

SECTIONS=(matching system)

section_matching() {
    # Ranking 10,000 teams against one need and planning 1,000 needs against 10,000 teams (issue 5).
    dotnet build -c Release --nologo -v quiet tests/Dispatch.Matching.Benchmarks >/dev/null
    dotnet tests/Dispatch.Matching.Benchmarks/bin/Release/net10.0/Dispatch.Matching.Benchmarks.dll
}

section_system() {
    # The whole system as real processes against this machine's limits (issue 9): publish rate, publish → hall,
    # the claim race, gateway overhead, peak memory; a bare Kestrel endpoint, pgbench and RabbitMQ.Client as limits.
    # Private PostgreSQL and RabbitMQ under .data/bench unless POSTGRES_URL / RABBITMQ_URL are set.
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
    # shellcheck source=infra.sh
    source infra.sh
    infra_init "$PWD/.data/bench"
    infra_ensure_packages
    trap infra_stop EXIT
    infra_start_postgres
    infra_start_rabbitmq
    # pgbench comes with Debian's postgresql-NN server package (postgresql-client-NN from 16 on).
    local pgbench
    pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$pgbench" ]; then
        POSTGRES_URL='' infra_ensure_packages
        pgbench=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)
    fi
    dotnet build VolunteerDispatch.sln -c Release -nologo -clp:ErrorsOnly -v quiet >&2
    # Their pids let the benchmark count the CPU time each part spends per operation.
    local pg_pid="" rmq_pid=""
    [ -n "${_INFRA_PG_DATA:-}" ] && pg_pid=$(head -1 "$_INFRA_PG_DATA/postmaster.pid" 2>/dev/null || true)
    rmq_pid=$(_infra_rmq_beam_pid 2>/dev/null || true)
    BENCH_POSTGRES_PID="$pg_pid" BENCH_RABBITMQ_PID="$rmq_pid" PGBENCH="$pgbench" dotnet tests/Dispatch.System.Benchmarks/bin/Release/net10.0/Dispatch.System.Benchmarks.dll
    infra_stop
    trap - EXIT
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
