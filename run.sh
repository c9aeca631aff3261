#!/usr/bin/env bash
# Starts the whole volunteer-dispatch system on this machine: PostgreSQL and RabbitMQ (the ones
# POSTGRES_URL / RABBITMQ_URL name, or private ones under .data/), the needs, teams and matching
# services and the gateway, which serves the web UI and the API. Ctrl-C stops everything.
#
#   ./run.sh                start the system
#   ./run.sh --demo         also load the demo street (文昌路街道: 5 communities, 75 teams, 44 needs)
#   ./run.sh backup [DIR]   back up every database, the signing keys and the admin password (running or not);
#                           DIR defaults to .data/backups/<UTC time>; keep a copy off this machine
#   ./run.sh restore DIR    bring a fresh data folder back to that backup, then start with ./run.sh
#
# Configuration (environment): see README.md, "Configuration" and "Backups".
set -euo pipefail
CALLER_DIR=$PWD
cd "$(dirname "$0")"
ROOT=$PWD

DEMO=0
COMMAND=run
case "${1:-}" in
  backup|restore) COMMAND=$1; shift; TARGET=${1:-}; [ $# -le 1 ] || { echo "run.sh: $COMMAND takes one folder" >&2; exit 2; } ;;
  *)
    for arg in "$@"; do
      case "$arg" in
        --demo) DEMO=1 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "run.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
      esac
    done ;;
esac

DATA=${DISPATCH_DATA_DIR:-$ROOT/.data}
case "${TARGET:-}" in /*|'') ;; *) TARGET=$CALLER_DIR/$TARGET ;; esac
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

# Backups are of the private PostgreSQL this script runs; a server of POSTGRES_URL has its own tools.
if [ "$COMMAND" != run ] && [ -n "${POSTGRES_URL:-}" ]; then
  echo "run.sh: POSTGRES_URL names a server this script does not run: back it up with its own tools (pg_basebackup," \
    "or your provider's snapshots), and keep DISPATCH_SIGNING_KEYS and DISPATCH_ADMIN_PASSWORD with it" >&2
  exit 2
fi

if [ "$COMMAND" = backup ]; then
  # A consistent copy while the system runs: one base backup of the whole cluster (every service's database at the
  # same moment), with the secrets that make its tokens and the admin's sign-in valid. Private: only its owner reads it.
  umask 077
  TARGET=${TARGET:-$DATA/backups/$(date -u +%Y%m%dT%H%M%SZ)}
  if [ -e "$TARGET" ] && [ -n "$(ls -A "$TARGET" 2>/dev/null)" ]; then echo "run.sh: $TARGET is not empty" >&2; exit 2; fi
  mkdir -p "$TARGET" && chmod 700 "$TARGET"
  infra_init "$DATA" --no-lock
  if ! infra_postgres_running; then
    infra_lock
    trap infra_stop EXIT
    infra_ensure_packages
    infra_start_postgres
  fi
  infra_backup_postgres "$TARGET"
  for secret in signing-key admin-password; do
    [ ! -s "$DATA/$secret" ] || cp "$DATA/$secret" "$TARGET/$secret"
  done
  [ -z "${DISPATCH_SIGNING_KEYS:-}" ] || printf '%s' "$DISPATCH_SIGNING_KEYS" > "$TARGET/signing-key"
  [ -z "${DISPATCH_ADMIN_PASSWORD:-}" ] || printf '%s' "$DISPATCH_ADMIN_PASSWORD" > "$TARGET/admin-password"
  printf 'created_at=%s\npostgres=%s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$INFRA_PG_VERSION" > "$TARGET/backup.info"
  chmod -R go-rwx "$TARGET"
  echo "backed up to $TARGET ($(du -sh "$TARGET" | cut -f1)); restore with: ./run.sh restore $TARGET" >&2
  exit 0
fi

if [ "$COMMAND" = restore ]; then
  [ -n "$TARGET" ] && [ -f "$TARGET/backup.info" ] || { echo "run.sh: restore needs the folder of a backup (with backup.info)" >&2; exit 2; }
  infra_init "$DATA" # the system must be stopped
  trap infra_stop EXIT
  infra_ensure_packages
  infra_restore_postgres "$TARGET"
  umask 077
  for secret in signing-key admin-password; do
    [ ! -s "$TARGET/$secret" ] || { cp "$TARGET/$secret" "$DATA/$secret"; chmod 600 "$DATA/$secret"; }
  done
  infra_start_postgres
  # The broker starts empty: events sent shortly before the backup may not have reached their consumers. Each
  # service's outbox sends the last hour's events again; the consumers' inboxes (kept another retention period)
  # drop the ones they had, and apply the rest.
  backup_time=$(sed -n 's/^created_at=//p' "$TARGET/backup.info")
  PSQL="$(_infra_pg_bindir)/psql"
  for db in $("$PSQL" "${POSTGRES_URL%/}/postgres" -Atc "select datname from pg_database where datname like 'dispatch\_%'"); do
    "$PSQL" "${POSTGRES_URL%/}/$db" -qAt -v ON_ERROR_STOP=1 -c "
      update outbox_messages set sent_at = null where sent_at > timestamptz '$backup_time' - interval '1 hour';
      update inbox_messages set handled_at = now() where handled_at > timestamptz '$backup_time' - interval '1 hour';" >/dev/null
  done
  echo "restored $TARGET into $DATA; start the system with ./run.sh" >&2
  exit 0
fi

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

if [ -z "${DISPATCH_SKIP_BUILD:-}" ]; then
  echo "building ($CONFIGURATION)…" >&2
  dotnet build VolunteerDispatch.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v quiet >&2
fi

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

start needs services/needs Dispatch.Needs "$NEEDS_PORT" ConnectionStrings__Needs="$PG/dispatch_needs$PG_ON_THIS_MACHINE" \
  Requests__PublicBaseUrl="${DISPATCH_PUBLIC_URL:-http://$BIND:$GATEWAY_PORT}"
start teams services/teams Dispatch.Teams "$TEAMS_PORT" ConnectionStrings__Teams="$PG/dispatch_teams$PG_ON_THIS_MACHINE" \
  Certificates__VerifyBaseUrl="${DISPATCH_PUBLIC_URL:-http://$BIND:$GATEWAY_PORT}"
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
  # The admin's password by the environment, not the command line (which anyone on the machine can read with ps).
  DISPATCH_ADMIN_PASSWORD="$ADMIN_PASSWORD" dotnet "tools/demo-street/bin/$CONFIGURATION/net10.0/Dispatch.DemoStreet.dll" \
    --gateway "http://127.0.0.1:$GATEWAY_PORT" --password "$DEMO_PASSWORD"
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
