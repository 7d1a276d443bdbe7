#!/usr/bin/env bash
# HTTP benchmarks with wrk on loopback against the demo database, plus start-up time and resident memory.
# Usage: bench/run.sh [connections=64] [seconds=15]. Prints a block to paste into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/release/src/kientao
CONN=${1:-64}
SECS=${2:-15}
DIR=$(mktemp -d /tmp/kientao-bench.XXXXXX)
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DIR"' EXIT
"$BIN" demo-data --db "$DIR/demo.db" >/dev/null 2>&1
PORT=$(( 30000 + RANDOM % 20000 ))

# Start to first answered request.
start=$(date +%s%N)
"$BIN" serve --db "$DIR/demo.db" --listen 127.0.0.1:$PORT >"$DIR/out" 2>"$DIR/err" &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.005; done
end=$(date +%s%N)
echo "start to first answered request: $(( (end - start) / 1000000 )) ms"

COOKIE=$(curl -s -i -X POST -H 'Content-Type: application/json' \
  -d '{"username":"vanphong","password":"LacPhuong@2026"}' "http://127.0.0.1:$PORT/api/v1/session" |
  sed -n 's/^Set-Cookie: \(kt_session=[0-9a-f]*\).*/\1/p')
ROWS=$(curl -s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/api/v1/staff" | grep -o '"full_name"' | wc -l)
echo "authenticated staff list: $ROWS rows"
echo "rss after start and login: $(awk '/VmRSS/ {print $2, $3}' /proc/$PID/status)"

echo "--- wrk /healthz, $CONN connections, ${SECS}s"
wrk -t2 -c"$CONN" -d"${SECS}s" --latency "http://127.0.0.1:$PORT/healthz" | grep -E 'Requests/sec|50%|99%|Non-2xx'
echo "--- wrk /api/v1/staff (authenticated, $ROWS rows), $CONN connections, ${SECS}s"
wrk -t2 -c"$CONN" -d"${SECS}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/api/v1/staff" |
  grep -E 'Requests/sec|50%|99%|Non-2xx'
echo "rss after load: $(awk '/VmRSS/ {print $2, $3}' /proc/$PID/status)"
