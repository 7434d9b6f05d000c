#!/usr/bin/env bash
# Shared by the bench/ scripts: builds the API in Release and runs it on a free loopback port with its own
# embedded PostgreSQL cluster in a temporary folder, so that a benchmark never touches the developer's .data/.
# After `start_api`, API_URL, API_PID and BENCH_DIR are set; `stop_api` stops the API (and with it the cluster).
# API_PROJECT names another host of the API to build and run (bench/api's BaselineHost); it runs from src/WebApi too.

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

start_api() {
  BENCH_DIR="$(mktemp -d /tmp/brandauto-bench-XXXXXX)"
  chmod 755 "$BENCH_DIR"
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  API_URL="http://127.0.0.1:$port"
  local project="${API_PROJECT:-$BENCH_ROOT/src/WebApi/WebApi.csproj}"
  echo "Building the API (Release) ..." >&2
  dotnet build "$project" -c Release --nologo -v quiet >&2
  local dll
  dll="$(dotnet msbuild "$project" -getProperty:TargetPath -p:Configuration=Release)"
  (
    cd "$BENCH_ROOT/src/WebApi"
    # Benchmarks measure the API, not the limits that protect it.
    ASPNETCORE_ENVIRONMENT=Development \
    RateLimits__PerUserPerMinute=1000000 RateLimits__AuthPerIpPerMinute=1000000 RateLimits__AnonymousPerIpPerMinute=1000000 \
    Serilog__MinimumLevel__Default=Warning \
    exec dotnet "$dll" --urls "$API_URL" --Embedded:DataDirectory="$BENCH_DIR/data" "$@"
  ) > "$BENCH_DIR/api.log" 2>&1 &
  API_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "$API_URL/health/ready" >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "$API_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "The API did not become ready; its log:" >&2
  cat "$BENCH_DIR/api.log" >&2
  stop_api
  return 1
}

stop_api() {
  if [[ -n "${API_PID:-}" ]] && kill -0 "$API_PID" 2>/dev/null; then
    kill -TERM "$API_PID"
    wait "$API_PID" 2>/dev/null || true
  fi
  [[ -n "${BENCH_DIR:-}" ]] && rm -rf "$BENCH_DIR"
}
