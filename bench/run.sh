#!/usr/bin/env bash
# Benchmark: Tilsyn's extract import + KPI cube against DuckDB on the same synthetic file.
#   bench/run.sh [rows]     (default 10,000,000; the generated file is kept in /tmp and reused)
# Prints figures; the last line is: rows=N tilsyn_s=X duckdb_s=Y ratio=X/Y peak_mib=M same_results=true|false
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Tilsyn.Bench -c Release -nologo -v quiet >/dev/null
exec dotnet Tilsyn.Bench/bin/Release/net10.0/Tilsyn.Bench.dll "$@"
