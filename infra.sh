# shellcheck shell=bash
# Private PostgreSQL 15 and RabbitMQ 3.10 servers for ./run.sh and ./test.sh.
#
# Meant to be sourced (works under `set -euo pipefail`):
#
#   source infra.sh
#   infra_init "$repo/.data"        # or "$repo/.data/test"
#   infra_trap                      # optional: infra_stop on EXIT/INT/TERM
#   infra_ensure_packages
#   infra_start_postgres            # exports POSTGRES_URL
#   infra_start_rabbitmq            # exports RABBITMQ_URL, RABBITMQ_MANAGEMENT_URL
#   ...
#   infra_stop                      # stops only what was started here; idempotent
#   infra_backup_postgres DIR / infra_restore_postgres DIR   # the private cluster (./run.sh backup/restore)
#
# A URL already set in the environment (POSTGRES_URL, RABBITMQ_URL) means "use that
# server": nothing is installed or started for it.
#
# Exported once started: POSTGRES_URL (server-level, postgres://dispatch:dispatch@
# 127.0.0.1:PORT; services create their own databases), RABBITMQ_URL
# (amqp://guest:guest@127.0.0.1:PORT/), RABBITMQ_MANAGEMENT_URL
# (http://guest:guest@127.0.0.1:PORT). infra_stop unsets them again.
# Also exported when this script started PostgreSQL: POSTGRES_SOCKET_DIR, its Unix socket's
# directory (trust authentication, private to this user): processes on this machine connect
# there with ?host=DIR on a postgres:// URL, cheaper than TCP over loopback.
#
# Ports: DISPATCH_PG_PORT (55432), DISPATCH_RABBITMQ_PORT (56720),
#   DISPATCH_RABBITMQ_MANAGEMENT_PORT (56730), DISPATCH_RABBITMQ_DIST_PORT (56740),
#   DISPATCH_EPMD_PORT (56750). A default port that is taken slides to the next
#   free one (up to +9); a port set explicitly must be free.
# One run per data dir at a time (flock); INFRA_LOCK_WAIT=<s> waits instead of failing.
# Logs: <data_dir>/logs/postgres.log, <data_dir>/rabbitmq/log/.

INFRA_PG_VERSION=${INFRA_PG_VERSION:-15}
INFRA_RMQ_BIN=${INFRA_RMQ_BIN:-/usr/lib/rabbitmq/bin}
INFRA_PG_START_TIMEOUT=${INFRA_PG_START_TIMEOUT:-60}
INFRA_RMQ_START_TIMEOUT=${INFRA_RMQ_START_TIMEOUT:-120}

# Never fails: stderr may be a closed pipe (e.g. `./run.sh | tee` after Ctrl-C).
_infra_log() { printf '[infra] %s\n' "$*" >&2 2>/dev/null || true; }

# Size of a file in bytes (0 if missing): marks where this start's log lines begin.
_infra_size() { stat -c %s "$1" 2>/dev/null || echo 0; }

# Last lines that this start wrote to log file $1 (from byte offset $2), on stderr.
_infra_tail() {
  local f=$1 from=${2:-0} lines
  lines=$(tail -c +"$((from + 1))" "$f" 2>/dev/null | tail -n 30) || true
  [[ -n $lines ]] || return 0
  printf '[infra] --- last lines of %s ---\n%s\n' "$f" "$(sed 's/^/    /' <<<"$lines")" >&2 2>/dev/null || true
}

_infra_require_init() {
  if [[ -z ${INFRA_DATA_DIR:-} ]]; then
    _infra_log "infra_init <data_dir> must be called first"
    return 1
  fi
}

# True when something already accepts TCP connections on 127.0.0.1:$1.
_infra_port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Smallest offset k (0..9) such that every port given, plus k, is free on 127.0.0.1.
# With $1 = fixed (the user chose the ports) only k = 0 is acceptable. Default ports
# slide so that ./run.sh, ./test.sh and other instances on one machine coexist; the
# exported URLs carry the port actually used.
_infra_free_offset() {
  local mode=$1 k p max=9
  shift
  [[ $mode != fixed ]] || max=0
  for ((k = 0; k <= max; k++)); do
    for p in "$@"; do
      if _infra_port_busy $((p + k)); then continue 2; fi
    done
    printf '%s\n' "$k"
    return 0
  done
  return 1
}

# Name of the live process with pid $1 ("" if none). Guards against stale pid files
# whose pid now belongs to an unrelated process.
_infra_comm() { [[ -n ${1:-} && -r /proc/$1/comm ]] && cat "/proc/$1/comm" 2>/dev/null || true; }

infra_init() {
  local dir=${1:?usage: infra_init <data_dir> [--no-lock]}
  mkdir -p "$dir/logs"
  INFRA_DATA_DIR=$(cd "$dir" && pwd -P)
  # Short id, unique per data dir: keeps RabbitMQ node names and /tmp fallbacks apart
  # for run.sh (.data) and test.sh (.data/test).
  INFRA_ID=$(printf '%s' "$INFRA_DATA_DIR" | sha1sum | cut -c1-8)
  # --no-lock: for a command that works beside a run already using the data dir (./run.sh backup).
  [[ ${2:-} == --no-lock ]] || infra_lock
}

# One run per data dir at a time: a second ./test.sh on the same dir would
# otherwise restart the first one's servers under its feet. The lock is held
# until this shell exits; servers started here do not inherit it.
infra_lock() {
  [[ -z ${_INFRA_LOCK_FD:-} ]] || return 0
  exec {_INFRA_LOCK_FD}>>"$INFRA_DATA_DIR/.lock"
  if ! flock -n "$_INFRA_LOCK_FD"; then
    _infra_log "another run (pid $(cat "$INFRA_DATA_DIR/.lock.pid" 2>/dev/null || echo '?')) is using" \
      "$INFRA_DATA_DIR; waiting ${INFRA_LOCK_WAIT:-0} s for it (INFRA_LOCK_WAIT)"
    if ! flock -w "${INFRA_LOCK_WAIT:-0}" "$_INFRA_LOCK_FD"; then
      _infra_log "$INFRA_DATA_DIR is still in use; giving up (wait for it, or set INFRA_LOCK_WAIT)"
      exec {_INFRA_LOCK_FD}>&-
      _INFRA_LOCK_FD=
      return 1
    fi
  fi
  echo "$$" >"$INFRA_DATA_DIR/.lock.pid"
}

# Run "$@" without the data-dir lock fd (for anything that may outlive this shell).
_infra_nolock() {
  if [[ -n ${_INFRA_LOCK_FD:-} ]]; then
    "$@" {_INFRA_LOCK_FD}>&-
  else
    "$@"
  fi
}

# ---------------------------------------------------------------------------------
# Packages
# ---------------------------------------------------------------------------------

_infra_pg_bindir() {
  local d="/usr/lib/postgresql/$INFRA_PG_VERSION/bin"
  # The versioned dir, not whatever pg_ctl is first on PATH.
  [[ -x $d/initdb && -x $d/pg_ctl && -x $d/pg_isready ]] && { printf '%s\n' "$d"; return 0; }
  return 1
}

# Run as root: directly, or through non-interactive sudo (there is no stdin on CI).
_infra_as_root() {
  if [[ $(id -u) == 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    _infra_log "need root (or sudo) to run: $*"
    return 1
  fi
}

infra_ensure_packages() {
  local pkgs=()
  if [[ -z ${POSTGRES_URL:-} ]]; then
    _infra_pg_bindir >/dev/null || pkgs+=(postgresql)
  fi
  if [[ -z ${RABBITMQ_URL:-} ]]; then
    [[ -x $INFRA_RMQ_BIN/rabbitmq-server && -x $INFRA_RMQ_BIN/rabbitmqctl ]] || pkgs+=(rabbitmq-server)
    command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  fi
  # Service-record certificates print Chinese with this font (the teams service's Certificates__FontPath).
  [[ -n ${Certificates__FontPath:-} || -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]] || pkgs+=(fonts-wqy-zenhei)
  ((${#pkgs[@]})) || return 0
  infra_apt_install "${pkgs[@]}"
}

# Installs Debian packages (as root, with no standard input), never starting the system services their
# install scripts would start: these scripts run private instances of their own.
infra_apt_install() {
  _infra_log "installing $* with apt-get (once per machine) ..."
  # Without a policy-rc.d the postinst scripts would start the *system* services;
  # we never use them, so forbid that for the duration of the install.
  local policy=/usr/sbin/policy-rc.d added_policy=0 rc=0
  if [[ ! -e $policy ]]; then
    _infra_as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy" && added_policy=1
  fi
  {
    _infra_as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      _infra_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        -o DPkg::Lock::Timeout=300 --no-install-recommends "$@"
  } </dev/null >&2 || rc=$?
  if ((added_policy)); then _infra_as_root rm -f "$policy" || true; fi
  if ((rc)); then
    _infra_log "apt-get install $* failed (exit $rc)"
    return "$rc"
  fi
}

# ---------------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------------

# PostgreSQL refuses to run as root: then every server-side command runs as the
# `postgres` OS user (created by the Debian package). cwd / avoids "could not
# identify current directory" when the caller's cwd is not readable by postgres.
_infra_pg_run() {
  if [[ $(id -u) == 0 ]]; then
    (cd / && _infra_nolock runuser -u postgres -- "$@")
  else
    (cd / && _infra_nolock "$@")
  fi
}

# Give a path to the user the server runs as (no-op when not root).
_infra_pg_own() { [[ $(id -u) != 0 ]] || chown postgres:postgres "$@"; }

# Where the cluster lives: <data_dir>, or /tmp/dispatch-<id> when the postgres user
# cannot traverse to <data_dir> (some parent dir is not world-searchable).
_infra_pg_base() {
  [[ $(id -u) != 0 ]] || chmod o+x "$INFRA_DATA_DIR" # search only, no listing
  if [[ $(id -u) == 0 ]] && ! runuser -u postgres -- test -x "$INFRA_DATA_DIR" 2>/dev/null; then
    printf '/tmp/dispatch-%s\n' "$INFRA_ID"
  else
    printf '%s\n' "$INFRA_DATA_DIR"
  fi
}

infra_start_postgres() {
  _infra_require_init || return 1
  [[ -z ${_INFRA_PG_URL_SET:-} ]] || return 0 # already started here
  if [[ -n ${POSTGRES_URL:-} && -z ${_INFRA_PG_DATA:-} ]]; then
    _infra_log "using PostgreSQL from POSTGRES_URL"
    return 0
  fi
  local bin port=${DISPATCH_PG_PORT:-55432}
  bin=$(_infra_pg_bindir) || {
    _infra_log "PostgreSQL $INFRA_PG_VERSION binaries not found (run infra_ensure_packages)"
    return 1
  }

  local base pgdata sockdir logdir log
  base=$(_infra_pg_base)
  [[ $base == "$INFRA_DATA_DIR" ]] || _infra_log "postgres cannot reach $INFRA_DATA_DIR; using $base"
  pgdata=$base/postgres
  logdir=$base/logs
  log=$logdir/postgres.log
  sockdir=$base/postgres-socket
  # A unix socket path must fit in 107 bytes.
  if ((${#sockdir} + 20 > 100)); then sockdir=/tmp/dispatch-$INFRA_ID/postgres-socket; fi
  mkdir -p "$base" "$logdir" "$sockdir"
  chmod 755 "$base" "$logdir"
  chmod 700 "$sockdir"
  touch "$log"
  _infra_pg_own "$sockdir" "$log"
  # Fallback location: leave a pointer where people look for the log.
  [[ $base == "$INFRA_DATA_DIR" ]] || ln -sfn "$log" "$INFRA_DATA_DIR/logs/postgres.log"

  # Leftover from an earlier run that did not stop cleanly?
  if [[ -f $pgdata/postmaster.pid ]]; then
    local oldpid
    oldpid=$(head -n1 "$pgdata/postmaster.pid" 2>/dev/null || true)
    if [[ $(_infra_comm "$oldpid") == postgres* ]]; then
      _infra_log "PostgreSQL from an earlier run is still up (pid $oldpid); restarting it"
      _infra_pg_run "$bin/pg_ctl" stop -D "$pgdata" -m fast -w -t 60 -s >/dev/null 2>&1 ||
        _infra_pg_run "$bin/pg_ctl" stop -D "$pgdata" -m immediate -w -t 30 -s >/dev/null 2>&1 || true
    else
      # Dead server (or pid reused by an unrelated process): the lock file is stale.
      rm -f "$pgdata/postmaster.pid"
    fi
  fi

  local k
  if ! k=$(_infra_free_offset "${DISPATCH_PG_PORT:+fixed}" "$port"); then
    _infra_log "port 127.0.0.1:$port is already in use (and the next ones too unless" \
      "DISPATCH_PG_PORT is set); set DISPATCH_PG_PORT to a free port"
    return 1
  fi
  if ((k)); then
    _infra_log "port $port is taken by something else; using $((port + k))"
    port=$((port + k))
  fi

  if [[ ! -f $pgdata/PG_VERSION ]]; then
    _infra_log "initialising PostgreSQL cluster in $pgdata (first run only) ..."
    # initdb into a temp dir and rename it, so an interrupted initdb is simply redone.
    local tmp=$pgdata.initdb pwfile
    rm -rf "$pgdata" "$tmp"
    mkdir -p "$tmp"
    chmod 700 "$tmp"
    _infra_pg_own "$tmp"
    pwfile=$(mktemp "$base/.pgpass.XXXXXX")
    printf 'dispatch\n' >"$pwfile"
    _infra_pg_own "$pwfile"
    # Unix socket: trust (the socket dir is private). TCP: password (scram-sha-256).
    if ! _infra_pg_run "$bin/initdb" -D "$tmp" -U dispatch --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 \
      >"$logdir/postgres-initdb.log" 2>&1; then
      rm -f "$pwfile"
      _infra_log "initdb failed"
      _infra_tail "$logdir/postgres-initdb.log"
      return 1
    fi
    rm -f "$pwfile"
    # Our settings live in dispatch.conf, rewritten on every start.
    printf "\ninclude_if_exists = 'dispatch.conf'\n" >>"$tmp/postgresql.conf"
    mv "$tmp" "$pgdata"
  fi

  # Per-start settings (the port may differ between runs). fsync stays on.
  cat >"$pgdata/dispatch.conf" <<EOF
# Written by infra.sh on every start; edit the script, not this file.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sockdir'
max_connections = 300
shared_buffers = 128MB
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  _infra_pg_own "$pgdata/dispatch.conf"

  local log_from
  log_from=$(_infra_size "$log")
  _infra_log "starting PostgreSQL on 127.0.0.1:$port ..."
  # pg_ctl detaches the server with setsid, so Ctrl-C in the caller does not kill it
  # behind our back; infra_stop does the stopping.
  # Registered before starting, so that infra_stop from a trap (Ctrl-C during the
  # start) stops it too.
  _INFRA_PG_DATA=$pgdata
  _INFRA_PG_BIN=$bin
  if ! _infra_pg_run "$bin/pg_ctl" start -D "$pgdata" -l "$log" -w -t "$INFRA_PG_START_TIMEOUT" -s \
    >/dev/null 2>>"$log"; then
    _infra_log "PostgreSQL failed to start"
    _infra_tail "$log" "$log_from"
    _infra_stop_postgres
    return 1
  fi

  # pg_ctl -w already waited; confirm the TCP listener the services will use.
  local deadline=$((SECONDS + INFRA_PG_START_TIMEOUT))
  until "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -t 2; do
    if ((SECONDS >= deadline)); then
      _infra_log "PostgreSQL does not accept TCP connections on 127.0.0.1:$port"
      _infra_tail "$log" "$log_from"
      _infra_stop_postgres
      return 1
    fi
    sleep 0.2
  done
  export POSTGRES_URL="postgres://dispatch:dispatch@127.0.0.1:$port"
  export POSTGRES_SOCKET_DIR="$sockdir"
  _INFRA_PG_URL_SET=1
  _infra_log "PostgreSQL ready (${POSTGRES_URL})"
}

_infra_stop_postgres() {
  [[ -n ${_INFRA_PG_DATA:-} ]] || return 0
  # pg_ctl status: 0 = running (3 = not running, e.g. after a failed start).
  if _infra_pg_run "$_INFRA_PG_BIN/pg_ctl" status -D "$_INFRA_PG_DATA" >/dev/null 2>&1; then
    _infra_log "stopping PostgreSQL ..."
    _infra_pg_run "$_INFRA_PG_BIN/pg_ctl" stop -D "$_INFRA_PG_DATA" -m fast -w -t 60 -s >/dev/null 2>&1 ||
      _infra_pg_run "$_INFRA_PG_BIN/pg_ctl" stop -D "$_INFRA_PG_DATA" -m immediate -w -t 30 -s >/dev/null 2>&1 ||
      _infra_log "PostgreSQL did not stop cleanly (data dir $_INFRA_PG_DATA)"
  fi
  _INFRA_PG_DATA=
  if [[ -n ${_INFRA_PG_URL_SET:-} ]]; then unset POSTGRES_URL POSTGRES_SOCKET_DIR _INFRA_PG_URL_SET; fi
}

# ---------------------------------------------------------------------------------
# RabbitMQ
# ---------------------------------------------------------------------------------

# Environment for every RabbitMQ command (server and CLI) of the private node, in
# the array _INFRA_RMQ_ENV. Everything points into <data_dir>/rabbitmq; nothing
# reads /etc/rabbitmq or /var/lib/rabbitmq:
#  - HOME holds the private .erlang.cookie: server and rabbitmqctl both read
#    $HOME/.erlang.cookie, and must share it to talk to each other.
#  - RABBITMQ_CONF_ENV_FILE keeps /etc/rabbitmq/rabbitmq-env.conf out.
#  - A private epmd port, so other Erlang nodes on the machine (and their epmd)
#    neither see nor disturb ours.
#  - The distribution port is set explicitly: the default (AMQP port + 20000)
#    would be 76720, beyond 65535. It listens on loopback only.
#  - Any RABBITMQ_* variable from the caller's environment is dropped first.
_infra_rmq_env() {
  local b=$_INFRA_RMQ_BASE v
  _INFRA_RMQ_ENV=()
  for v in $(compgen -e); do
    [[ $v != RABBITMQ_* ]] || _INFRA_RMQ_ENV+=(-u "$v")
  done
  _INFRA_RMQ_ENV+=(
    HOME="$b/home"
    LC_ALL=C.UTF-8
    ERL_EPMD_PORT="$_INFRA_EPMD_PORT"
    ERL_EPMD_ADDRESS=127.0.0.1
    RABBITMQ_NODENAME="$_INFRA_RMQ_NODE"
    RABBITMQ_USE_LONGNAME=false
    RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$_INFRA_RMQ_PORT"
    RABBITMQ_DIST_PORT="$_INFRA_RMQ_DIST_PORT"
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    RABBITMQ_CONF_ENV_FILE="$b/etc/rabbitmq-env.conf"
    RABBITMQ_CONFIG_FILE="$b/etc/rabbitmq.conf"
    RABBITMQ_ADVANCED_CONFIG_FILE="$b/etc/advanced.config"
    RABBITMQ_ENABLED_PLUGINS_FILE="$b/etc/enabled_plugins"
    RABBITMQ_MNESIA_BASE="$b/mnesia"
    RABBITMQ_LOG_BASE="$b/log"
    RABBITMQ_PID_FILE="$b/rabbitmq.pid"
  )
}

# rabbitmqctl against the private node, bounded in time.
_infra_rmq_ctl() {
  _infra_rmq_env
  env "${_INFRA_RMQ_ENV[@]}" timeout 60 "$INFRA_RMQ_BIN/rabbitmqctl" -n "$_INFRA_RMQ_NODE" "$@"
}

# Pid of the node's Erlang VM from its pid file, if that process is alive.
_infra_rmq_beam_pid() {
  local pid
  pid=$(cat "$_INFRA_RMQ_BASE/rabbitmq.pid" 2>/dev/null || true)
  [[ $(_infra_comm "$pid") == beam* ]] && printf '%s\n' "$pid"
  return 0
}

# Stop the node behind $_INFRA_RMQ_BASE (ours, or one left by an earlier run) and
# wait until its VM is gone. SIGTERM to the VM is RabbitMQ's own graceful stop
# (same path as `rabbitmqctl stop`, without the ~2 s CLI start-up and without
# needing the cookie). Shutdown takes ~6 s: the management agent waits 5 s.
_infra_rmq_shutdown() {
  local pid deadline
  pid=$(_infra_rmq_beam_pid)
  if [[ -n $pid ]]; then
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + 60))
    while [[ $(_infra_comm "$pid") == beam* ]]; do
      if ((SECONDS >= deadline)); then
        _infra_log "RabbitMQ (pid $pid) ignored SIGTERM for 60 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
  elif [[ -n ${_INFRA_RMQ_WRAPPER:-} ]] && kill -0 "$_INFRA_RMQ_WRAPPER" 2>/dev/null; then
    # Still booting (no pid file yet): the start script forwards TERM to the VM.
    kill -TERM "$_INFRA_RMQ_WRAPPER" 2>/dev/null || true
  fi
  # The start script (our background job) exits with the VM.
  if [[ -n ${_INFRA_RMQ_WRAPPER:-} ]]; then
    deadline=$((SECONDS + 30))
    while kill -0 "$_INFRA_RMQ_WRAPPER" 2>/dev/null; do
      if ((SECONDS >= deadline)); then
        kill -KILL "$_INFRA_RMQ_WRAPPER" 2>/dev/null || true
        break
      fi
      sleep 0.2
    done
    _INFRA_RMQ_WRAPPER=
  fi
  rm -f "$_INFRA_RMQ_BASE/rabbitmq.pid"
  # The private epmd (port reserved for these scripts). It refuses to exit while
  # any node is still registered, so a node of another data dir is safe.
  ERL_EPMD_PORT=$_INFRA_EPMD_PORT epmd -kill >/dev/null 2>&1 || true
}

# Ready = the management API answers as *our* node (not some other broker on that
# port) and the AMQP port accepts connections.
_infra_rmq_ready() {
  local overview
  overview=$(curl -fsS --max-time 3 -u guest:guest "http://127.0.0.1:$_INFRA_RMQ_MGMT_PORT/api/overview" 2>/dev/null) &&
    [[ $overview == *"\"node\":\"$_INFRA_RMQ_NODE\""* ]] &&
    _infra_port_busy "$_INFRA_RMQ_PORT"
}

infra_start_rabbitmq() {
  _infra_require_init || return 1
  [[ -z ${_INFRA_RMQ_URL_SET:-} ]] || return 0 # already started here
  if [[ -n ${RABBITMQ_URL:-} && -z ${_INFRA_RMQ_RUNNING:-} ]]; then
    _infra_log "using RabbitMQ from RABBITMQ_URL"
    return 0
  fi
  if [[ ! -x $INFRA_RMQ_BIN/rabbitmq-server ]]; then
    _infra_log "RabbitMQ not found in $INFRA_RMQ_BIN (run infra_ensure_packages)"
    return 1
  fi
  _INFRA_RMQ_BASE=$INFRA_DATA_DIR/rabbitmq
  _INFRA_RMQ_NODE=dispatch-$INFRA_ID@localhost
  _INFRA_RMQ_PORT=${DISPATCH_RABBITMQ_PORT:-56720}
  _INFRA_RMQ_MGMT_PORT=${DISPATCH_RABBITMQ_MANAGEMENT_PORT:-56730}
  _INFRA_RMQ_DIST_PORT=${DISPATCH_RABBITMQ_DIST_PORT:-56740}
  _INFRA_EPMD_PORT=${DISPATCH_EPMD_PORT:-56750}
  local b=$_INFRA_RMQ_BASE log
  log=$b/log/startup.log
  mkdir -p "$b/home" "$b/etc" "$b/mnesia" "$b/log"

  # Erlang cookie: created once, private to this node (mode 400 or Erlang rejects it).
  if [[ ! -s $b/home/.erlang.cookie ]]; then
    (umask 077 && head -c 32 /dev/urandom | sha256sum | cut -c1-32 | tr -d '\n' >"$b/home/.erlang.cookie")
  fi
  chmod 400 "$b/home/.erlang.cookie"

  # Leftover node from an earlier run: stop it, so we start with our current settings.
  if [[ -n $(_infra_rmq_beam_pid) ]]; then
    _infra_log "RabbitMQ from an earlier run is still up (pid $(_infra_rmq_beam_pid)); restarting it"
    _infra_rmq_shutdown
  fi
  rm -f "$b/rabbitmq.pid"

  local k fixed=
  [[ -z ${DISPATCH_RABBITMQ_PORT:-}${DISPATCH_RABBITMQ_MANAGEMENT_PORT:-}${DISPATCH_RABBITMQ_DIST_PORT:-} ]] || fixed=fixed
  if ! k=$(_infra_free_offset "$fixed" "$_INFRA_RMQ_PORT" "$_INFRA_RMQ_MGMT_PORT" "$_INFRA_RMQ_DIST_PORT"); then
    _infra_log "ports $_INFRA_RMQ_PORT/$_INFRA_RMQ_MGMT_PORT/$_INFRA_RMQ_DIST_PORT (AMQP/management/Erlang" \
      "distribution) are in use; set DISPATCH_RABBITMQ_PORT, DISPATCH_RABBITMQ_MANAGEMENT_PORT" \
      "and DISPATCH_RABBITMQ_DIST_PORT to free ports"
    return 1
  fi
  if ((k)); then
    _infra_log "ports $_INFRA_RMQ_PORT/$_INFRA_RMQ_MGMT_PORT/$_INFRA_RMQ_DIST_PORT are taken by something" \
      "else; using +$k"
    _INFRA_RMQ_PORT=$((_INFRA_RMQ_PORT + k))
    _INFRA_RMQ_MGMT_PORT=$((_INFRA_RMQ_MGMT_PORT + k))
    _INFRA_RMQ_DIST_PORT=$((_INFRA_RMQ_DIST_PORT + k))
  fi

  cat >"$b/etc/rabbitmq.conf" <<EOF
# Written by infra.sh on every start.
listeners.tcp.default = 127.0.0.1:$_INFRA_RMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $_INFRA_RMQ_MGMT_PORT
log.file.level = info
log.console = false
EOF
  # Tests create a vhost per fixture through the management HTTP API.
  printf '[rabbitmq_management].\n' >"$b/etc/enabled_plugins"
  : >"$b/etc/rabbitmq-env.conf"

  # Private epmd, loopback only (ERL_EPMD_ADDRESS also covers the one the VM spawns
  # by itself if this one is gone by then).
  if ! ERL_EPMD_PORT=$_INFRA_EPMD_PORT epmd -names >/dev/null 2>&1; then
    ERL_EPMD_PORT=$_INFRA_EPMD_PORT ERL_EPMD_ADDRESS=127.0.0.1 _infra_nolock epmd -daemon </dev/null >/dev/null 2>&1 || true
  fi

  local nodelog=$b/log/$_INFRA_RMQ_NODE.log log_from nodelog_from
  log_from=$(_infra_size "$log")
  nodelog_from=$(_infra_size "$nodelog")
  _infra_log "starting RabbitMQ on 127.0.0.1:$_INFRA_RMQ_PORT (management :$_INFRA_RMQ_MGMT_PORT, node $_INFRA_RMQ_NODE) ..."
  # The real server script, not /usr/sbin/rabbitmq-server (that wrapper switches to
  # the rabbitmq user and the system paths). It stays in the foreground, so run it
  # as a background job with all output in a log, and disown it so that a plain
  # `wait` in the caller does not wait for the broker.
  _infra_rmq_env
  (cd "$b" && _infra_nolock exec env "${_INFRA_RMQ_ENV[@]}" "$INFRA_RMQ_BIN/rabbitmq-server") </dev/null >>"$log" 2>&1 &
  _INFRA_RMQ_WRAPPER=$!
  disown "$_INFRA_RMQ_WRAPPER" 2>/dev/null || true
  _INFRA_RMQ_RUNNING=1

  local deadline=$((SECONDS + INFRA_RMQ_START_TIMEOUT))
  until _infra_rmq_ready; do
    if ! kill -0 "$_INFRA_RMQ_WRAPPER" 2>/dev/null; then
      _infra_log "RabbitMQ exited during startup"
      _infra_tail "$log" "$log_from"
      _infra_tail "$nodelog" "$nodelog_from"
      _infra_rmq_stop_quiet
      return 1
    fi
    if ((SECONDS >= deadline)); then
      _infra_log "RabbitMQ did not become ready within ${INFRA_RMQ_START_TIMEOUT}s"
      _infra_tail "$log" "$log_from"
      _infra_tail "$nodelog" "$nodelog_from"
      _infra_rmq_stop_quiet
      return 1
    fi
    sleep 0.5
  done
  export RABBITMQ_URL="amqp://guest:guest@127.0.0.1:$_INFRA_RMQ_PORT/"
  export RABBITMQ_MANAGEMENT_URL="http://guest:guest@127.0.0.1:$_INFRA_RMQ_MGMT_PORT"
  _INFRA_RMQ_URL_SET=1
  _infra_log "RabbitMQ ready (${RABBITMQ_URL}, management ${RABBITMQ_MANAGEMENT_URL})"
}

_infra_rmq_stop_quiet() {
  [[ -n ${_INFRA_RMQ_RUNNING:-} ]] || return 0
  _infra_rmq_shutdown
  _INFRA_RMQ_RUNNING=
}

_infra_stop_rabbitmq() {
  [[ -n ${_INFRA_RMQ_RUNNING:-} ]] || return 0
  _infra_log "stopping RabbitMQ ..."
  _infra_rmq_stop_quiet
  if [[ -n ${_INFRA_RMQ_URL_SET:-} ]]; then unset RABBITMQ_URL RABBITMQ_MANAGEMENT_URL _INFRA_RMQ_URL_SET; fi
}

# ---------------------------------------------------------------------------------
# Backup and restore of the private PostgreSQL (./run.sh backup / restore)
# ---------------------------------------------------------------------------------

# True when the private PostgreSQL of this data dir is running (started here or by a run
# alongside); sets _INFRA_PG_RUNNING_PORT and _INFRA_PG_RUNNING_SOCKET from its postmaster.pid.
infra_postgres_running() {
  _infra_require_init || return 1
  local pidfile pid
  pidfile=$(_infra_pg_base)/postgres/postmaster.pid
  [[ -f $pidfile ]] || return 1
  pid=$(sed -n 1p "$pidfile")
  [[ $(_infra_comm "$pid") == postgres* ]] || return 1
  _INFRA_PG_RUNNING_PORT=$(sed -n 4p "$pidfile")
  _INFRA_PG_RUNNING_SOCKET=$(sed -n 5p "$pidfile")
}

# A base backup of the whole private cluster into <dir>/postgres (base.tar.gz, pg_wal.tar.gz,
# backup_manifest): every database at one and the same moment, taken while the system runs.
infra_backup_postgres() {
  local dir=${1:?usage: infra_backup_postgres <dir>} bin
  bin=$(_infra_pg_bindir) || { _infra_log "PostgreSQL $INFRA_PG_VERSION binaries not found"; return 1; }
  infra_postgres_running || { _infra_log "the private PostgreSQL is not running"; return 1; }
  _infra_log "backing up every database of the private PostgreSQL (port $_INFRA_PG_RUNNING_PORT) ..."
  "$bin/pg_basebackup" -h "$_INFRA_PG_RUNNING_SOCKET" -p "$_INFRA_PG_RUNNING_PORT" -U dispatch \
    -D "$dir/postgres" --format=tar --gzip --wal-method=stream --checkpoint=fast --label="dispatch $(date -u +%FT%TZ)"
}

# Puts a base backup (<dir>/postgres of infra_backup_postgres) where the private cluster lives, which
# must not exist yet; PostgreSQL replays the WAL that came with it on its next start.
infra_restore_postgres() {
  local dir=${1:?usage: infra_restore_postgres <dir>} pgdata
  _infra_require_init || return 1
  [[ -f $dir/postgres/base.tar.gz && -f $dir/postgres/pg_wal.tar.gz ]] ||
    { _infra_log "$dir/postgres holds no base backup (base.tar.gz, pg_wal.tar.gz)"; return 1; }
  pgdata=$(_infra_pg_base)/postgres
  if [[ -e $pgdata ]]; then
    _infra_log "$pgdata already exists: restore only into a fresh data folder (move that one away first)"
    return 1
  fi
  _infra_log "restoring the PostgreSQL cluster into $pgdata ..."
  mkdir -p "$pgdata/pg_wal"
  tar -xzf "$dir/postgres/base.tar.gz" -C "$pgdata"
  tar -xzf "$dir/postgres/pg_wal.tar.gz" -C "$pgdata/pg_wal"
  chmod 700 "$pgdata"
  [[ $(id -u) != 0 ]] || chown -R postgres:postgres "$pgdata"
}

# ---------------------------------------------------------------------------------
# Stop / traps
# ---------------------------------------------------------------------------------

# Stops only what infra_start_* started in this shell; safe to call twice and from
# traps (never fails, keeps the caller's exit status).
infra_stop() {
  local rc=$? saved
  # Finish stopping even if the user presses Ctrl-C again or the reader of our
  # output (a `| tee`) is gone; restore the caller's handlers afterwards.
  saved=$(trap -p INT TERM PIPE)
  trap '' INT TERM PIPE
  _infra_stop_rabbitmq || true
  _infra_stop_postgres || true
  trap - INT TERM PIPE
  eval "$saved"
  return "$rc"
}

# Convenience: stop the servers however the caller's script ends.
infra_trap() {
  trap 'infra_stop' EXIT
  trap 'infra_stop; trap - INT; kill -INT $$' INT
  trap 'infra_stop; trap - TERM; kill -TERM $$' TERM
}
