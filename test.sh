#!/usr/bin/env bash
# Runs every test of Tilsyn: unit tests once, then the HTTP and browser tests on SQLite and on
# PostgreSQL. Installs what the tests need when it is missing (Debian packages: PostgreSQL,
# Chromium, poppler-utils, fonts), starts a private PostgreSQL on a free port in a temporary folder,
# and stops it again. Ends with the line "N passed, N failed"; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
out="$root/.test-output"
rm -rf "$out"; mkdir -p "$out"

log() { printf '\n== %s\n' "$*"; }

# --- 1. What the tests need -----------------------------------------------------------------
missing=()
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "Missing packages (${missing[*]}); run as root or install them." >&2; exit 2; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$out/apt.log" 2>&1 \
    || { cat "$out/apt.log" >&2; echo "apt-get install failed" >&2; exit 2; }
fi

# --- 2. A private PostgreSQL --------------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/tilsyn-pg.XXXXXX)
port=55432
while (echo >/dev/tcp/127.0.0.1/$port) >/dev/null 2>&1; do port=$((port + 1)); done
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
stop_pg() { as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; rm -rf "$pgdir"; }
trap stop_pg EXIT
log "Starting PostgreSQL on port $port"
as_pg "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$out/initdb.log" 2>&1 \
  || { cat "$out/initdb.log" >&2; exit 2; }
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 60 \
  -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$pgdir/server.log" >&2; exit 2; }
"$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE ROLE tilsyn LOGIN CREATEDB PASSWORD 'tilsyn'" >/dev/null
pg="Host=127.0.0.1;Port=$port;Username=tilsyn;Password=tilsyn"

# --- 3. Build once, then run -----------------------------------------------------------------
log "Building"
dotnet build Tilsyn.slnx -c Debug -nologo -v quiet >"$out/build.log" 2>&1 || { cat "$out/build.log"; echo "0 passed, 1 failed"; exit 1; }

status=0
run() { # name, project, extra env...
  local name=$1 project=$2; shift 2
  log "Tests: $name"
  env "$@" dotnet test "$project" --no-build -c Debug -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$out" || status=1
}
run domain tests/Tilsyn.Domain.Tests
run web-sqlite tests/Tilsyn.Web.Tests TILSYN_TEST_DB=Sqlite
run web-postgres tests/Tilsyn.Web.Tests TILSYN_TEST_DB=Postgres "TILSYN_TEST_PG=$pg"

# --- 4. One line for all runs ----------------------------------------------------------------
passed=0; failed=0
for name in domain web-sqlite web-postgres; do
  trx="$out/$name.trx"
  if [ ! -f "$trx" ]; then echo "$name: no result file (the run crashed)"; failed=$((failed + 1)); status=1; continue; fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  echo "$name: ${p:-0} passed, $(( ${f:-0} + ${e:-0} )) failed"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0} + ${e:-0}))
done
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
