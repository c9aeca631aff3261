#!/usr/bin/env bash
# Starts the whole volunteer-dispatch system on this machine: PostgreSQL and RabbitMQ (the ones
# POSTGRES_URL / RABBITMQ_URL name, or private ones under .data/), the needs, teams and matching
# services and the gateway, which serves the web UI and the API. Ctrl-C stops everything.
#
#   ./run.sh            start the system
#   ./run.sh --demo     also load the demo street (文昌路街道: 5 communities, 75 teams, 44 needs)
#
# Configuration (environment): see README.md, "Configuration".
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD

DEMO=0
for arg in "$@"; do
  case "$arg" in
    --demo) DEMO=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done

DATA=${DISPATCH_DATA_DIR:-$ROOT/.data}
BIND=${DISPATCH_BIND:-127.0.0.1}
GATEWAY_PORT=${DISPATCH_GATEWAY_PORT:-8080}
NEEDS_PORT=${DISPATCH_NEEDS_PORT:-5101}
TEAMS_PORT=${DISPATCH_TEAMS_PORT:-5102}
MATCHING_PORT=${DISPATCH_MATCHING_PORT:-5103}
GATEWAY_METRICS_PORT=${DISPATCH_GATEWAY_METRICS_PORT:-9464}
CONFIGURATION=${CONFIGURATION:-Release}
LOGS="$DATA/logs"

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# shellcheck source=infra.sh
source infra.sh
infra_init "$DATA"
mkdir -p "$LOGS"

PIDS=()
stop_all() {
  trap - EXIT INT TERM
  if [ ${#PIDS[@]} -gt 0 ]; then
    echo "stopping the services…" >&2
    kill -TERM "${PIDS[@]}" 2>/dev/null || true
    wait "${PIDS[@]}" 2>/dev/null || true
  fi
  infra_stop
  echo "stopped." >&2
}
trap stop_all EXIT
trap 'exit 130' INT TERM

infra_ensure_packages
infra_start_postgres
infra_start_rabbitmq

# Secrets kept in the data folder so that a restart keeps the same admin password and signing key.
secret() { # file, length
  [ -s "$1" ] || { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "$2" > "$1"; chmod 600 "$1"; }
  cat "$1"
}
ADMIN_PASSWORD=${DISPATCH_ADMIN_PASSWORD:-$(secret "$DATA/admin-password" 16)}
SIGNING_KEYS=${DISPATCH_SIGNING_KEYS:-$(secret "$DATA/signing-key" 48)}
DEMO_PASSWORD=${DISPATCH_DEMO_PASSWORD:-demo-2026}

echo "building ($CONFIGURATION)…" >&2
dotnet build VolunteerDispatch.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v quiet >&2

PG=${POSTGRES_URL%/}
# The private PostgreSQL is on this machine: its Unix socket costs less per round trip than TCP over loopback.
PG_ON_THIS_MACHINE=${POSTGRES_SOCKET_DIR:+?host=$POSTGRES_SOCKET_DIR}
export ConnectionStrings__RabbitMq="$RABBITMQ_URL"
export Auth__SigningKeys="$SIGNING_KEYS"
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}

start() { # name, project dir, assembly, port, extra env…
  local name=$1 dir=$2 assembly=$3 port=$4; shift 4
  # From its output folder, so it finds its appsettings.json and wwwroot as in a deployment.
  (cd "$dir/bin/$CONFIGURATION/net10.0" && exec env "$@" dotnet "$assembly.dll" --urls "http://$BIND:$port") >>"$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
  echo "started $name on http://$BIND:$port (log: $LOGS/$name.log)" >&2
}

start needs services/needs Dispatch.Needs "$NEEDS_PORT" ConnectionStrings__Needs="$PG/dispatch_needs$PG_ON_THIS_MACHINE"
start teams services/teams Dispatch.Teams "$TEAMS_PORT" ConnectionStrings__Teams="$PG/dispatch_teams$PG_ON_THIS_MACHINE"
start matching services/matching Dispatch.Matching "$MATCHING_PORT" ConnectionStrings__Matching="$PG/dispatch_matching$PG_ON_THIS_MACHINE"
start gateway gateway Dispatch.Gateway "$GATEWAY_PORT" \
  Metrics__Port="$GATEWAY_METRICS_PORT" \
  ConnectionStrings__Identity="$PG/dispatch_identity$PG_ON_THIS_MACHINE" \
  Dispatch__AdminPassword="$ADMIN_PASSWORD" \
  Services__Teams="http://127.0.0.1:$TEAMS_PORT" \
  ReverseProxy__Clusters__needs__Destinations__d1__Address="http://127.0.0.1:$NEEDS_PORT" \
  ReverseProxy__Clusters__teams__Destinations__d1__Address="http://127.0.0.1:$TEAMS_PORT" \
  ReverseProxy__Clusters__matching__Destinations__d1__Address="http://127.0.0.1:$MATCHING_PORT"

# Ready means the gateway answers and every service behind it has its database and broker.
deadline=$((SECONDS + 120))
until curl -fsS "http://127.0.0.1:$GATEWAY_PORT/health/ready" >/dev/null 2>&1; do
  for pid in "${PIDS[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "run.sh: a service exited during start; see $LOGS/" >&2; tail -n 20 "$LOGS"/*.log >&2; exit 1; }
  done
  [ $SECONDS -lt $deadline ] || { echo "run.sh: not ready after 120 s:" >&2; curl -sS "http://127.0.0.1:$GATEWAY_PORT/health/ready" >&2 || true; exit 1; }
  sleep 1
done

if [ "$DEMO" = 1 ]; then
  echo "loading the demo street…" >&2
  dotnet "tools/demo-street/bin/$CONFIGURATION/net10.0/Dispatch.DemoStreet.dll" \
    --gateway "http://127.0.0.1:$GATEWAY_PORT" --admin-password "$ADMIN_PASSWORD" --password "$DEMO_PASSWORD"
fi

SIGN_IN="admin"
[ "$DEMO" = 1 ] && SIGN_IN="wenchanglu-coordinator (协调员), huiquan-branch (党支部) or team-01 (队伍), password $DEMO_PASSWORD; the accounts are listed above"
cat <<MSG

  志愿服务派单系统 is running.
  Web UI and API:  http://$BIND:$GATEWAY_PORT/
  Sign in as:      $SIGN_IN
  Health:          http://$BIND:$GATEWAY_PORT/health/ready
  Metrics:         http://$BIND:$GATEWAY_METRICS_PORT/metrics (gateway), http://$BIND:{$NEEDS_PORT,$TEAMS_PORT,$MATCHING_PORT}/metrics (services)
  Admin account:   admin / $ADMIN_PASSWORD   (kept in $DATA/admin-password unless DISPATCH_ADMIN_PASSWORD is set)
  Logs:            $LOGS/
  Press Ctrl-C to stop.

MSG

# Stay in the foreground until Ctrl-C (the trap stops everything) or until a service dies.
wait -n "${PIDS[@]}" || true
echo "run.sh: a service stopped unexpectedly; see $LOGS/" >&2
exit 1
