#!/usr/bin/env bash
# Runs Tilsyn on this machine: builds, creates the SQLite database under ./data/, seeds the demo
# municipality, and prints the URL and the demo logins. Needs only the .NET SDK.
# Override with the usual ASP.NET settings, e.g.
#   ASPNETCORE_URLS=http://0.0.0.0:8080 ./run.sh
#   Database__Provider=Postgres ConnectionStrings__Tilsyn="Host=...;Database=tilsyn;Username=...;Password=..." ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
export Demo__Seed="${Demo__Seed:-true}"
export Demo__PrintLogins="${Demo__PrintLogins:-true}"
mkdir -p data
# dotnet run starts in the project folder: give the data folder as an absolute path.
export ConnectionStrings__Tilsyn="${ConnectionStrings__Tilsyn:-Data Source=$PWD/data/tilsyn.db}"
export DataProtection__KeyFolder="${DataProtection__KeyFolder:-$PWD/data/keys}"
exec dotnet run --project src/Tilsyn.Web -c Release --no-launch-profile
