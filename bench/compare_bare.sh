#!/usr/bin/env bash
# kientao's authenticated JSON list beside a bare Boost.Beast server answering the same bytes on one
# thread (bench/bare_server.cpp), in one run, with wrk at the same connections, alternated so both
# see the same machine: bare, kientao, bare, kientao. Usage: bench/compare_bare.sh [connections=64]
# [seconds=10] [rounds=2]. With KIENTAO_BENCH_PG_URL (a PostgreSQL database to fill with the demo;
# `./kientao.sh bench-http` starts a throwaway server for it) the same list is served from PostgreSQL by a
# second kientao and measured in the same rounds. A third kientao on the same SQLite file with
# reads_on_io_thread = false (every request handed to the worker pool and back, as before
# 2026-12-04) is measured in the same rounds too. Prints the lines to paste into bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/release/src/kientao
BARE=build/release/bench/bare_server
CONN=${1:-64}
SECS=${2:-10}
ROUNDS=${3:-2}
DIR=$(mktemp -d /tmp/kientao-bare.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$DIR"' EXIT
session_cookie() {  # PORT: signs the office in, prints kt_session=…
  curl -s -i -X POST -H 'Content-Type: application/json' \
    -d '{"username":"vanphong","password":"LacPhuong@2026"}' "http://127.0.0.1:$1/api/v1/session" |
    sed -n 's/^Set-Cookie: \(kt_session=[0-9a-f]*\).*/\1/p'
}
"$BIN" demo-data --db "$DIR/demo.db" >/dev/null 2>&1
PORT=$(( 30000 + RANDOM % 10000 ))
BARE_PORT=$(( PORT + 10000 ))
"$BIN" serve --db "$DIR/demo.db" --listen 127.0.0.1:$PORT >"$DIR/out" 2>"$DIR/err" &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; do sleep 0.01; done
COOKIE=$(session_cookie $PORT)
curl -s -H "Cookie: $COOKIE" "http://127.0.0.1:$PORT/api/v1/staff" >"$DIR/body.json"
HANDOVER_PORT=$(( PORT + 2500 ))
KIENTAO_SERVER_READS_ON_IO_THREAD=false "$BIN" serve --db "$DIR/demo.db" --listen 127.0.0.1:$HANDOVER_PORT \
  >"$DIR/handover-out" 2>"$DIR/handover-err" &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$HANDOVER_PORT/healthz" >/dev/null 2>&1; do sleep 0.01; done
HANDOVER_COOKIE=$(session_cookie $HANDOVER_PORT)
cmp -s "$DIR/body.json" <(curl -s -H "Cookie: $HANDOVER_COOKIE" "http://127.0.0.1:$HANDOVER_PORT/api/v1/staff") ||
  { echo "the hand-over server's body differs" >&2; exit 1; }
PG_PORT=$(( PORT + 5000 ))
if [ -n "${KIENTAO_BENCH_PG_URL:-}" ]; then
  "$BIN" demo-data --db "$KIENTAO_BENCH_PG_URL" >/dev/null 2>&1
  "$BIN" serve --db "$KIENTAO_BENCH_PG_URL" --listen 127.0.0.1:$PG_PORT >"$DIR/pg-out" 2>"$DIR/pg-err" &
  PIDS+=($!)
  until curl -sf "http://127.0.0.1:$PG_PORT/healthz" >/dev/null 2>&1; do sleep 0.01; done
  PG_COOKIE=$(session_cookie $PG_PORT)
fi
"$BARE" $BARE_PORT "$DIR/body.json" >/dev/null &
PIDS+=($!)
until curl -sf "http://127.0.0.1:$BARE_PORT/" >/dev/null 2>&1; do sleep 0.01; done
cmp -s "$DIR/body.json" <(curl -s "http://127.0.0.1:$BARE_PORT/") || { echo "bodies differ" >&2; exit 1; }
echo "body: $(wc -c <"$DIR/body.json") bytes ($(grep -o '"full_name"' "$DIR/body.json" | wc -l) staff); wrk -t2 -c$CONN -d${SECS}s; $(nproc) cores"
run() {  # name url [header]
  local out
  if [ -n "${3:-}" ]; then out=$(wrk -t2 -c"$CONN" -d"${SECS}s" --latency -H "$3" "$2"); else out=$(wrk -t2 -c"$CONN" -d"${SECS}s" --latency "$2"); fi
  printf '%-28s %s req/s  p50 %s  p99 %s  %s\n' "$1" "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="50%" {print $2}' <<<"$out")" "$(awk '$1=="99%" {print $2}' <<<"$out")" \
    "$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr -s ' ' | tr '\n' ' ')"
}
for r in $(seq "$ROUNDS"); do
  run "bare Beast (1 thread)" "http://127.0.0.1:$BARE_PORT/api/v1/staff"
  run "kientao /api/v1/staff" "http://127.0.0.1:$PORT/api/v1/staff" "Cookie: $COOKIE"
  run "kientao, all via workers" "http://127.0.0.1:$HANDOVER_PORT/api/v1/staff" "Cookie: $HANDOVER_COOKIE"
  if [ -n "${PG_COOKIE:-}" ]; then
    run "kientao on PostgreSQL" "http://127.0.0.1:$PG_PORT/api/v1/staff" "Cookie: $PG_COOKIE"
  fi
done
echo "kientao rss after load: $(awk '/VmRSS/ {print $2, $3}' /proc/${PIDS[0]}/status)"
