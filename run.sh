#!/usr/bin/env bash
# The one command that runs AI Brand Automator: ./run.sh, then open http://127.0.0.1:5080.
# Without ConnectionStrings__Default the API starts its own PostgreSQL cluster under .data/ from the machine's
# PostgreSQL binaries and stops it again on Ctrl-C. Set URLS to listen elsewhere.
# Started in the background (./run.sh &), it ignores Ctrl-C/SIGINT as every background job does: stop it with
# `kill <pid>` (SIGTERM), which stops the API and its PostgreSQL as cleanly ($! is the API itself: run.sh execs it).
# As root, a data folder the postgres user cannot reach (a clone in /root) keeps the cluster's files under that user's
# home instead; the API prints where (see README). A failed start ends with one sentence and an exit code (README).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"

if ! command -v dotnet >/dev/null; then
  echo "dotnet was not found. Install the .NET 10 SDK (https://dotnet.microsoft.com/download) and run ./run.sh again." >&2
  exit 1
fi

if [[ -z "${ConnectionStrings__Default:-}" ]] && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  if [[ "$(id -u)" -eq 0 ]]; then
    echo "PostgreSQL server binaries are missing: installing them with apt ..."
    install_postgres() {
      apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
    }
    install_postgres || { sleep 5; install_postgres; }
  else
    cat >&2 <<'MSG'
PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them:

  sudo apt-get update && sudo apt-get install -y --no-install-recommends postgresql

or point ConnectionStrings__Default at an existing PostgreSQL server, then run ./run.sh again.
MSG
    exit 1
  fi
fi

if [[ -f client/package.json ]]; then
  if ! command -v npm >/dev/null; then
    echo "npm was not found. Install Node.js 20 or later to build the web client." >&2
    exit 1
  fi
  echo "Building the web client into src/WebApi/wwwroot ..."
  (
    cd client
    [[ -d node_modules ]] || npm ci --no-audit --no-fund
    npm run build
  )
fi

echo "Building the API ..."
dotnet build src/WebApi/WebApi.csproj -c Release --nologo -v quiet
api="$(dotnet msbuild src/WebApi/WebApi.csproj -getProperty:TargetPath -p:Configuration=Release)"

# exec the built API itself rather than `dotnet run`, which swallows a SIGINT sent to its own pid: this way
# Ctrl-C or `kill -INT` reaches the API, which stops the embedded PostgreSQL. The project folder is the working
# directory, as with `dotnet run`, so the content root (and wwwroot) is src/WebApi.
cd "$ROOT/src/WebApi"
exec dotnet "$api" \
  --urls "${URLS:-http://127.0.0.1:5080}" \
  --Embedded:DataDirectory="$ROOT/.data"
