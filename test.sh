#!/usr/bin/env bash
# Runs every test of the system — unit, integration and end-to-end — against real PostgreSQL and
# RabbitMQ. Uses POSTGRES_URL / RABBITMQ_URL (+ RABBITMQ_MANAGEMENT_URL) when they are set;
# otherwise starts private servers under .data/test (installing the Debian packages if missing).
#
#   ./test.sh                 everything
#   ./test.sh --filter X      only tests matching the dotnet test filter X
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
CONFIGURATION=${CONFIGURATION:-Release}
FILTER=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) FILTER=(--filter "$2"); shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

command -v dotnet >/dev/null || { echo "test.sh: the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Each test fixture makes its own database (test_*) and virtual host (test-*); drop the ones
# an earlier run left behind so the private servers do not grow from run to run.
forget_earlier_test_runs() {
  local db vhost
  for db in $(psql "${POSTGRES_URL%/}/postgres" -Atc "select datname from pg_database where datname like 'test\_%'" 2>/dev/null); do
    psql "${POSTGRES_URL%/}/postgres" -qc "drop database if exists \"$db\" with (force)" >/dev/null 2>&1 || true
  done
  for vhost in $(curl -fsS "${RABBITMQ_MANAGEMENT_URL%/}/api/vhosts?columns=name" 2>/dev/null | grep -o '"name":"test-[^"]*"' | cut -d'"' -f4); do
    curl -fsS -X DELETE "${RABBITMQ_MANAGEMENT_URL%/}/api/vhosts/$vhost" >/dev/null 2>&1 || true
  done
}

# shellcheck source=infra.sh
source infra.sh
infra_init "$ROOT/.data/test"
infra_ensure_packages
trap infra_stop EXIT
trap 'exit 130' INT TERM
infra_start_postgres
infra_start_rabbitmq
forget_earlier_test_runs

# The browser tests drive Debian's Chromium (never a downloaded browser), with a Chinese font so that the
# screenshots they keep are readable, and inject axe-core from npm. The operations tests scrape a running system
# with Debian's Prometheus, started privately under .data/test (DISPATCH_TEST_DATA_DIR).
test_pkgs=()
[ -x /usr/bin/chromium ] || test_pkgs+=(chromium)
{ command -v fc-list >/dev/null && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; } || test_pkgs+=(fonts-wqy-zenhei)
[ -x /usr/bin/prometheus ] && [ -x /usr/bin/promtool ] || test_pkgs+=(prometheus)
# The certificate tests read their PDFs as a person would: text (pdftotext), a picture (pdftoppm), the QR code (zbarimg)
# and the Chinese words on the picture (tesseract).
command -v pdftoppm >/dev/null || test_pkgs+=(poppler-utils)
command -v zbarimg >/dev/null || test_pkgs+=(zbar-tools)
command -v tesseract >/dev/null || test_pkgs+=(tesseract-ocr)
tesseract --list-langs 2>/dev/null | grep -qx chi_sim || test_pkgs+=(tesseract-ocr-chi-sim)
if ((${#test_pkgs[@]})); then
  infra_apt_install "${test_pkgs[@]}" ||
    echo "test.sh: could not install ${test_pkgs[*]}; the browser, certificate and operations tests will fail without them" >&2
fi
export DISPATCH_TEST_DATA_DIR="$ROOT/.data/test"
if command -v npm >/dev/null; then
  ( cd tests/Dispatch.Browser.Tests/axe && { [ -f node_modules/axe-core/axe.min.js ] || npm ci --no-audit --no-fund --loglevel=error; } ) ||
    echo "test.sh: could not install axe-core; the browser tests will fail" >&2
fi

echo "== build ($CONFIGURATION)"
dotnet build VolunteerDispatch.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly

# Minimal console output: a failure prints its message and stack; the services' own log lines stay out of
# the way (the .trx files under TestResults/ and the end-to-end tests' e2e-logs/ keep the detail).
echo "== test"
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
status=0
dotnet test VolunteerDispatch.sln -c "$CONFIGURATION" --no-build --nologo \
  --results-directory "$RESULTS" --logger "trx" --logger "console;verbosity=minimal" \
  "${FILTER[@]}" || status=$?

# The gateway's OpenAPI document (the whole public API) must lint clean with a third-party linter.
echo "== openapi lint (Redocly, recommended rules)"
if command -v npm >/dev/null; then
  ( cd tests/openapi-lint \
    && { [ -x node_modules/.bin/redocly ] || npm ci --no-audit --no-fund --loglevel=error; } \
    && npx --no-install redocly lint ../../gateway/wwwroot/openapi.yaml --format=stylish ) || {
    echo "test.sh: the OpenAPI document has lint errors (gateway/wwwroot/openapi.yaml)" >&2
    status=1
  }
else
  echo "test.sh: npm (Node.js 20.19+) is required to lint the OpenAPI document" >&2
  status=1
fi

# One closing line that any CI reads: the totals over every test project.
passed=0 failed=0 skipped=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  status=1
fi
if [ "$failed" -gt 0 ]; then
  echo "failed tests:"
  grep -ho '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$RESULTS"/*.trx | sed -n 's/.*testName="\([^"]*\)".*/  \1/p'
fi
echo "test.sh: finished in $((SECONDS / 60)) min $((SECONDS % 60)) s"
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
