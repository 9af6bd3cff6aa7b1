#!/usr/bin/env bash
# Benchmarks. See bench/README.md.
#   bench/run.sh [rows]              extract import + KPI cube against DuckDB (default 10,000,000 rows)
#                                    last line: rows=N tilsyn_s=X duckdb_s=Y ratio=X/Y peak_mib=M same_results=true|false
#   bench/run.sh publish [rows]      audit sample + annual report (PDF, DOCX)
#   bench/run.sh web [--postgres] [seconds]
#                                    load check: starts Tilsyn on the demo data (SQLite, or a private PostgreSQL),
#                                    200 connections for 30 s as a caseworker, then 200 complaints at once
#                                    last line: conns=200 requests=N errors=E p95_ms=P complaints=200 stored=S distinct_numbers=D
set -euo pipefail
cd "$(dirname "$0")"
bench=$(pwd)
dotnet build Tilsyn.Bench -c Release -nologo -v quiet >/dev/null
if [ "${1:-}" != web ]; then
  exec dotnet Tilsyn.Bench/bin/Release/net10.0/Tilsyn.Bench.dll "$@"
fi

shift
db=sqlite
if [ "${1:-}" = --postgres ]; then db=postgres; shift; fi
seconds=${1:-30}
work=$(mktemp -d /tmp/tilsyn-bench-web.XXXXXX)
app_pid=""
pgbin=""
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
  [ -n "$pgbin" ] && as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { local p=$1; while (echo >/dev/tcp/127.0.0.1/$p) >/dev/null 2>&1; do p=$((p + 1)); done; echo $p; }

if [ "$db" = postgres ]; then
  # A private PostgreSQL in the temporary folder, as ./test.sh starts one (install: apt-get install postgresql).
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$pgbin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 2; }
  chmod 755 "$work"; mkdir -p "$work/pg"; [ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
  pgport=$(free_port 55800)
  as_pg "$pgbin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; exit 2; }
  as_pg "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
    -o "-p $pgport -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=300" start >/dev/null \
    || { cat "$work/pg/server.log" >&2; exit 2; }
  "$pgbin/psql" -h 127.0.0.1 -p "$pgport" -U postgres -qc "CREATE ROLE tilsyn LOGIN CREATEDB PASSWORD 'tilsyn'" >/dev/null
  connection="Host=127.0.0.1;Port=$pgport;Database=tilsyn;Username=tilsyn;Password=tilsyn"
  export Database__Provider=Postgres
else
  connection="Data Source=$work/tilsyn.db"
fi

# The app as ./run.sh starts it (Release, Production, demo data), built with the bench, started from its project folder.
port=$(free_port 5600)
export ASPNETCORE_URLS="http://127.0.0.1:$port" ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Tilsyn="$connection" DataProtection__KeyFolder="$work/keys"
export Demo__Seed=true Demo__PrintLogins=false PublicBaseUrl="http://127.0.0.1:$port" AllowedHosts="127.0.0.1;localhost"
export Logging__LogLevel__Default=Warning
# The limits the product puts on one client address would stop a load test from one machine: raised for the bench only.
export RateLimiting__ComplaintsPerTenMinutes=100000 RateLimiting__MaxConcurrentRequests=100000 RateLimiting__LoginsPerMinute=1000
(cd ../src/Tilsyn.Web && exec dotnet bin/Release/net10.0/Tilsyn.Web.dll) >"$work/app.log" 2>&1 &
app_pid=$!
echo "Tilsyn ($db) on http://127.0.0.1:$port, log $work/app.log"
status=0
dotnet "$bench/Tilsyn.Bench/bin/Release/net10.0/Tilsyn.Bench.dll" web "http://127.0.0.1:$port" "$db" "$connection" "$seconds" | tee "$work/bench.out" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- what the app logged as errors (or the end of its log):"
  grep -E -A4 "fail:|crit:" "$work/app.log" | head -n 80 || tail -n 30 "$work/app.log"
  tail -n 1 "$work/bench.out" # the result line stays last
fi
exit "$status"
