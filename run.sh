#!/usr/bin/env bash
# Runs Tilsyn on this machine: builds, creates the SQLite database under ./data/, seeds the demo
# municipality, and prints the URL and the demo logins. Needs only the .NET SDK.
# Override with the usual ASP.NET settings, e.g.
#   ASPNETCORE_URLS=http://0.0.0.0:8080 ./run.sh
#   Database__Provider=Postgres ConnectionStrings__Tilsyn="Host=...;Database=tilsyn;Username=...;Password=..." ./run.sh
set -euo pipefail
cd "$(dirname "$0")"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5080}"
# The demo runs as "Demo": like Production (no developer pages) but over plain HTTP on this machine,
# so cookies follow the request's scheme and the production settings check (PublicBaseUrl,
# AllowedHosts) does not apply. A real installation runs as Production with those settings.
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Demo}"
# The citizens' status links point at the first address the demo listens on.
first_url="${ASPNETCORE_URLS%%;*}"
first_url="${first_url/\/\/0.0.0.0/\/\/$(hostname)}"
first_url="${first_url/\/\/\[::\]/\/\/$(hostname)}"
first_url="${first_url/\/\/+/\/\/$(hostname)}"
first_url="${first_url/\/\/\*/\/\/$(hostname)}"
export PublicBaseUrl="${PublicBaseUrl:-$first_url}"
export Demo__Seed="${Demo__Seed:-true}"
export Demo__PrintLogins="${Demo__PrintLogins:-true}"
# The demo logins use the password only; a real installation keeps two-step login required (the default).
export Identity__Mfa__Required="${Identity__Mfa__Required:-false}"
mkdir -p data
# dotnet run starts in the project folder: give the data folder as an absolute path.
export ConnectionStrings__Tilsyn="${ConnectionStrings__Tilsyn:-Data Source=$PWD/data/tilsyn.db}"
export DataProtection__KeyFolder="${DataProtection__KeyFolder:-$PWD/data/keys}"
exec dotnet run --project src/Tilsyn.Web -c Release --no-launch-profile
