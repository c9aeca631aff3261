#!/usr/bin/env bash
# Benchmarks: builds Release and prints figures; asserts nothing.
#   ./bench.sh              every section
#   ./bench.sh matching     only the named sections (matching, system)
#   ./bench.sh compare REV [RUNS]
#   ./bench.sh compare telemetry [RUNS]   this tree with OpenTelemetry off, default (not exporting) and on (exporting, scraped)
#                           the system section of REV's services against this tree's, alternating, RUNS (3) each
#                           on the same servers, then the medians: is a change faster, on a noisy machine?
# Add a section as a function named section_<name> and list it in SECTIONS.
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=infra.sh
source infra.sh

SECTIONS=(matching system)

section_matching() {
    # Ranking 10,000 teams against one need and planning 1,000 needs against 10,000 teams.
    dotnet build -c Release --nologo -v quiet bench/Dispatch.Matching.Benchmarks >/dev/null
    dotnet bench/Dispatch.Matching.Benchmarks/bin/Release/net10.0/Dispatch.Matching.Benchmarks.dll
}

# Private PostgreSQL and RabbitMQ under .data/bench unless POSTGRES_URL / RABBITMQ_URL are set; exports what the
# system benchmark reads (PGBENCH, and the servers' pids so that it can count the CPU time each part spends).
start_servers() {
    export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
    infra_init "$PWD/.data/bench"
    infra_ensure_packages
    infra_start_postgres
    infra_start_rabbitmq
    # pgbench comes with Debian's postgresql-NN server package (postgresql-client-NN from 16 on).
    PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$PGBENCH" ]; then
        POSTGRES_URL='' infra_ensure_packages
        PGBENCH=$(ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1)
    fi
    # A private PostgreSQL is reached over its Unix socket, as run.sh's services reach theirs.
    [ -n "${POSTGRES_SOCKET_DIR:-}" ] && export POSTGRES_URL="$POSTGRES_URL?host=$POSTGRES_SOCKET_DIR"
    BENCH_POSTGRES_PID="" BENCH_RABBITMQ_PID=""
    [ -n "${_INFRA_PG_DATA:-}" ] && BENCH_POSTGRES_PID=$(head -1 "$_INFRA_PG_DATA/postmaster.pid" 2>/dev/null || true)
    BENCH_RABBITMQ_PID=$(_infra_rmq_beam_pid 2>/dev/null || true)
    export PGBENCH BENCH_POSTGRES_PID BENCH_RABBITMQ_PID
}

# Runs the system benchmark as built in the tree $1 (its own services, started by its own harness).
run_system() {
    (cd "$1" && dotnet bench/Dispatch.System.Benchmarks/bin/Release/net10.0/Dispatch.System.Benchmarks.dll)
}

section_system() {
    # The whole system as real processes against this machine's limits: publish rate, publish → hall,
    # the claim race, gateway overhead, peak memory; a bare Kestrel endpoint, pgbench and RabbitMQ.Client as limits.
    trap 'infra_stop' EXIT
    start_servers
    dotnet build VolunteerDispatch.sln -c Release -nologo -clp:ErrorsOnly -v quiet >&2
    run_system "$PWD"
    infra_stop
    trap - EXIT
}

# The median of each figure over the lines of a BENCH_SUMMARY file (key=value ...), on one line.
medians() {
    awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); key[i] = kv[1]; v[kv[1], NR] = kv[2] } n = NR; fields = NF }
         END { for (i = 1; i <= fields; i++) { k = key[i]; m = 0
                   for (r = 1; r <= n; r++) s[++m] = v[k, r] + 0
                   for (a = 1; a <= m; a++) for (b = a + 1; b <= m; b++) if (s[b] < s[a]) { t = s[a]; s[a] = s[b]; s[b] = t }
                   printf " %s=%s", k, (m % 2 ? s[(m + 1) / 2] : (s[m / 2] + s[m / 2 + 1]) / 2) }
               print "" }' "$1"
}

# ./bench.sh compare REV [RUNS]: REV's services and this tree's, measured by this tree's benchmark program
# (copied into a worktree of REV), alternating on the same servers; prints each run's line and the medians.
compare() {
    local rev=$1 runs=${2:-3}
    if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
        echo "bench.sh compare: RUNS must be a whole number from 1 (got '$runs')" >&2
        exit 2
    fi
    if [ "$rev" = telemetry ]; then
        compare_telemetry "$runs"
        return $?
    fi
    if ! git rev-parse --verify -q "$rev^{commit}" >/dev/null; then
        echo "bench.sh compare: '$rev' is not a commit of this repository" >&2
        exit 2
    fi
    local other results
    other=$(mktemp -d "${TMPDIR:-/tmp}/dispatch-bench-XXXXXX")
    results="$PWD/.data/bench/compare-$(date +%Y%m%d-%H%M%S)"
    mkdir -p "$results"
    trap 'infra_stop; git worktree remove --force "'"$other"'" >/dev/null 2>&1 || true' EXIT
    git worktree add --detach -q "$other" "$rev"
    # Built on its own after REV's solution, which may not list it (before bench/ existed it was under tests/).
    mkdir -p "$other/bench/Dispatch.System.Benchmarks"
    cp bench/Directory.Build.props "$other/bench/"
    cp bench/Dispatch.System.Benchmarks/*.cs bench/Dispatch.System.Benchmarks/*.csproj "$other/bench/Dispatch.System.Benchmarks/"
    echo "building $rev ($other) and this tree, Release …"
    if ! (cd "$other" && dotnet build VolunteerDispatch.sln -c Release -nologo -clp:ErrorsOnly -v quiet >&2 &&
            dotnet build bench/Dispatch.System.Benchmarks -c Release -nologo -clp:ErrorsOnly -v quiet >&2); then
        echo "bench.sh compare: $rev does not build with this tree's benchmark program (it needs tests/Dispatch.Testing's DispatchSystem)" >&2
        exit 1
    fi
    dotnet build VolunteerDispatch.sln -c Release -nologo -clp:ErrorsOnly -v quiet >&2
    start_servers
    local failed=0
    run_tree() { if [ "$1" = base ]; then run_system "$other"; else run_system "$PWD"; fi; }
    alternate "$results" "$runs" run_tree base this || failed=1
    echo "medians over $runs runs each (base = $rev, this = the working tree); full outputs in $results"
    print_medians "$results" base this
    infra_stop
    git worktree remove --force "$other" >/dev/null 2>&1 || true
    trap - EXIT
    return "$failed"
}

# ./bench.sh compare telemetry [RUNS]: this tree with OpenTelemetry off (OTEL_SDK_DISABLED), as ./run.sh runs it by
# default (trace context passed on, no span recorded, /metrics not scraped) and on (every span exported over OTLP,
# /metrics scraped every 15 s), in turn on the same servers.
compare_telemetry() {
    local runs=$1 results failed=0
    results="$PWD/.data/bench/compare-telemetry-$(date +%Y%m%d-%H%M%S)"
    mkdir -p "$results"
    dotnet build VolunteerDispatch.sln -c Release -nologo -clp:ErrorsOnly -v quiet >&2
    start_servers
    trap 'infra_stop' EXIT
    run_telemetry() { BENCH_TELEMETRY=$1 run_system "$PWD"; }
    alternate "$results" "$runs" run_telemetry off default on || failed=1
    echo "medians over $runs runs each (telemetry off, default, on); full outputs in $results"
    print_medians "$results" off default on
    infra_stop
    trap - EXIT
    return "$failed"
}

# alternate RESULTS RUNS RUNNER NAME...: RUNS rounds of "RUNNER NAME" for each NAME in turn, each run's summary line
# appended to RESULTS/NAME.txt and its output kept in RESULTS/NAME-ROUND.log; fails when a run failed.
alternate() {
    local results=$1 runs=$2 runner=$3 run name failed=0
    shift 3
    for run in $(seq 1 "$runs"); do
        for name in "$@"; do
            if ! BENCH_SUMMARY="$results/$name.txt" "$runner" "$name" >"$results/$name-$run.log" 2>&1; then
                echo "  run $run of $name failed: see $results/$name-$run.log"
                failed=1
            fi
            echo "  run $run $name: $(tail -1 "$results/$name.txt" 2>/dev/null)"
        done
    done
    return "$failed"
}

# print_medians RESULTS NAME...: one line of medians for each NAME.
print_medians() {
    local results=$1 name
    shift
    for name in "$@"; do
        printf '  %-8s' "$name"
        medians "$results/$name.txt"
    done
}

if [ "${1:-}" = compare ]; then
    [ $# -ge 2 ] || { echo "usage: ./bench.sh compare REV [RUNS]" >&2; exit 2; }
    compare "$2" "${3:-3}"
    exit $?
fi

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
