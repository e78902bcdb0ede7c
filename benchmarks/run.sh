#!/usr/bin/env bash
# Reproduces CartKit's benchmark figures (docs/performance.md) and keeps them in benchmarks/results.
#
#   benchmarks/run.sh                 every BenchmarkDotNet class, then the hit-versus-miss chart
#   benchmarks/run.sh '*CartRead*'    only the classes matching a BenchmarkDotNet filter (then the chart, if it can)
#   benchmarks/run.sh scale           Redis bytes per cart size and per live session (10k, 100k)
#   benchmarks/run.sh chart           only redraw docs/images/cache-hit-vs-miss.svg from benchmarks/results
#   benchmarks/run.sh reuse-memory    the worst-case memory of the reuse tables (ReuseTables) at their capacity
#
# Needs redis-server on the PATH (apt-get install -y redis-server) unless CARTKIT_BENCH_REDIS=host:port is set;
# CARTKIT_BENCH_MONGO=<connection string> makes MongoDB the source of truth behind cache misses and writes.
# The HTTP load run is separate: benchmarks/load/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

RESULTS=benchmarks/results
PROJECT=benchmarks/CartKit.Benchmarks
BIN=$PROJECT/bin/Release/net10.0/CartKit.Benchmarks.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

command -v redis-server >/dev/null || [ -n "${CARTKIT_BENCH_REDIS:-}" ] || {
  echo "benchmarks need redis-server (apt-get install -y redis-server) or CARTKIT_BENCH_REDIS=host:port" >&2
  exit 1
}

dotnet build "$PROJECT" -c Release --nologo -v quiet >/dev/null
mkdir -p "$RESULTS"

case "${1:-*}" in
  scale)
    dotnet "$BIN" scale "$RESULTS/scale.json"
    ;;
  reuse-memory)
    dotnet "$BIN" reuse-memory "$RESULTS/reuse-memory.json"
    ;;
  chart)
    dotnet "$BIN" chart "$RESULTS" docs/images/cache-hit-vs-miss.svg
    ;;
  *)
    ARTIFACTS=$(mktemp -d)
    trap 'rm -rf "$ARTIFACTS"' EXIT
    # BenchmarkDotNet builds and runs every case in a child process from the project directory.
    (cd "$PROJECT" && dotnet run -c Release --no-build -- --filter "${1:-*}" --artifacts "$ARTIFACTS")
    cp "$ARTIFACTS"/results/*-report-brief.json "$ARTIFACTS"/results/*-report-github.md "$RESULTS"/
    dotnet "$BIN" chart "$RESULTS" docs/images/cache-hit-vs-miss.svg || true
    ;;
esac
