#!/usr/bin/env bash
# Private PostgreSQL and RabbitMQ for the fault tests, which stop and restart them: never the
# servers ./test.sh shares with the other test projects. Reads one command per line on stdin and
# answers one line on stdout ("ok ..." or "failed ..."); infra.sh logs go to stderr.
#
#   fault-servers.sh <repo> <data_dir>     (DISPATCH_*_PORT set by the caller: fixed ports, so a
#                                           restarted server comes back where the services look)
# Commands: start-postgres, stop-postgres, start-rabbitmq, stop-rabbitmq, quit.
# End of input (the test process died) stops both servers; a leftover from a run that was killed
# harder is stopped by infra.sh at the next start on the same data dir.
set -uo pipefail
repo=${1:?repo root}
data=${2:?data dir}
# Never the shared servers: infra.sh would use them instead of starting its own.
unset POSTGRES_URL RABBITMQ_URL RABBITMQ_MANAGEMENT_URL
# shellcheck source=../../infra.sh
source "$repo/infra.sh"
infra_init "$data" || { echo "failed infra_init"; exit 1; }
trap infra_stop EXIT
trap 'exit 130' INT TERM
infra_ensure_packages || { echo "failed packages"; exit 1; }

while IFS= read -r command; do
  case $command in
    start-postgres) if infra_start_postgres; then echo "ok $POSTGRES_URL"; else echo "failed start-postgres"; fi ;;
    stop-postgres) _infra_stop_postgres; echo "ok" ;;
    start-rabbitmq) if infra_start_rabbitmq; then echo "ok $RABBITMQ_URL $RABBITMQ_MANAGEMENT_URL"; else echo "failed start-rabbitmq"; fi ;;
    stop-rabbitmq) _infra_stop_rabbitmq; echo "ok" ;;
    quit) break ;;
    *) echo "failed unknown command $command" ;;
  esac
done
