#!/usr/bin/env bash
# A mixed soak: wrk cycling through lists, tasks, the dashboard, pages and exports (bench/soak.lua) of a
# signed-in office account on the demo database, with the server's resident memory sampled every 5 s.
# Usage: bench/soak.sh [seconds=300] [connections=8] [pool_size=4]. Prints a block for bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/release/src/kientao
SECS=${1:-300}
CONN=${2:-8}
POOL=${3:-4}
DIR=$(mktemp -d /tmp/kientao-soak.XXXXXX)
trap 'kill "$PID" "$SAMPLER" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -rf "$DIR"' EXIT
"$BIN" demo-data --db "$DIR/demo.db" >/dev/null 2>&1
PORT=$(( 30000 + RANDOM % 20000 ))
printf '[database]\npool_size = %s\n' "$POOL" >"$DIR/soak.toml"
"$BIN" serve --config "$DIR/soak.toml" --db "$DIR/demo.db" --listen 127.0.0.1:$PORT >"$DIR/out" 2>"$DIR/err" &
PID=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.05; done
KT_COOKIE=$(curl -s -i -X POST -H 'Content-Type: application/json' \
  -d '{"username":"vanphong","password":"LacPhuong@2026"}' "http://127.0.0.1:$PORT/api/v1/session" |
  sed -n 's/^Set-Cookie: \(kt_session=[0-9a-f]*\).*/\1/p')
export KT_COOKIE
( while kill -0 "$PID" 2>/dev/null; do
    awk -v t="$(date +%s)" '/VmRSS/ {print t, $2}' /proc/$PID/status
    sleep 5
  done ) >"$DIR/rss" &
SAMPLER=$!
echo "mixed soak: $SECS s, $CONN connections, pool_size $POOL, $(date -u +%F)"
wrk -t1 -c"$CONN" -d"${SECS}s" --timeout 30s --latency -s bench/soak.lua "http://127.0.0.1:$PORT/" |
  grep -E 'Requests/sec|requests in|50%|99%|Non-2xx|Socket errors'
kill "$SAMPLER" 2>/dev/null || true
echo "healthz afterwards: $(curl -s -m 5 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/healthz")"
# Memory over the run: at the start, after the first minute (warmed up), the highest, and at the end.
echo "rss (kB) start / 1 min / max / end: $(awk 'NR==1 {t0=$1; f=$2} $1-t0<=60 {w=$2} {if ($2>m) m=$2; l=$2} END {print f, "/", w, "/", m, "/", l}' "$DIR/rss")"
echo "pool timeouts: $(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^kientao_db_pool_timeouts_total/ {print $2}')"
echo "server errors logged: $(grep -c '\[error\]' "$DIR/err" || true)"
