#!/usr/bin/env bash
# The reporting benchmark's database comparison, in one run on the same synthetic data (one period):
# kientao's in-memory cube, DuckDB (@duckdb/node-api from npm), PostgreSQL (the throwaway server that
# `./kientao.sh bench-db` starts; KIENTAO_TEST_PG_URL) and SQLite, each answering
#   A: the sum by indicator            SELECT indicator, SUM(num), SUM(den) … GROUP BY indicator
#   B: the sum by commune × indicator  SELECT commune, indicator, SUM(num), SUM(den) … GROUP BY 1, 2
# Best of 3 runs each, after loading. Usage: bench/db_compare.sh [country|city]
set -euo pipefail
cd "$(dirname "$0")/.."
SHAPE=${1:-country}
BUILD=build/release
DIR=$(mktemp -d /tmp/kientao-dbcmp.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
chmod 755 "$DIR"
QA="SELECT indicator, SUM(num), SUM(den) FROM v WHERE period = 0 GROUP BY indicator"
QB="SELECT commune, indicator, SUM(num), SUM(den) FROM v WHERE period = 0 GROUP BY commune, indicator"

"$BUILD/bench/gen_values" "$SHAPE" 1 > "$DIR/values.csv"
echo "data: $SHAPE, $(wc -l < "$DIR/values.csv") values in one period"

echo "--- kientao cube (in memory, Google Benchmark)"
"$BUILD/bench/rollup_bench" --benchmark_filter="BM_CubeTotals.*/$([ "$SHAPE" = country ] && echo 1 || echo 0)" \
  --benchmark_min_time=1 2>/dev/null | grep BM_

echo "--- DuckDB"
KIENTAO_WEB_DIR="$PWD/web" node bench/duckdb_compare.mjs "$DIR/values.csv" "$QA" "$QB"

echo "--- PostgreSQL"
if [ -n "${KIENTAO_TEST_PG_URL:-}" ]; then
  psql -q "$KIENTAO_TEST_PG_URL" -c "SET client_min_messages = warning" -c "DROP TABLE IF EXISTS v" \
    -c "CREATE TABLE v (commune INT, unit INT, indicator INT, period INT, num DOUBLE PRECISION, den DOUBLE PRECISION)"
  start=$(date +%s%N)
  psql -q "$KIENTAO_TEST_PG_URL" -c "\\copy v FROM '$DIR/values.csv' CSV" -c "VACUUM ANALYZE v"
  echo "load: $(( ($(date +%s%N) - start) / 1000000 )) ms"
  for q in "A|$QA" "B|$QB"; do
    best=$(for i in 1 2 3; do
      printf '\\timing on\n\\o /dev/null\n%s;\n' "${q#*|}" | psql -q "$KIENTAO_TEST_PG_URL" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
    done | sort -n | head -1)
    echo "${q%%|*}: $best ms"
  done
  psql -q "$KIENTAO_TEST_PG_URL" -c "DROP TABLE v"
else
  echo "skipped: no KIENTAO_TEST_PG_URL (run through ./kientao.sh bench-db)"
fi

echo "--- SQLite"
start=$(date +%s%N)
sqlite3 "$DIR/v.db" <<SQL
CREATE TABLE v (commune INT, unit INT, indicator INT, period INT, num REAL, den REAL);
.mode csv
.import $DIR/values.csv v
SQL
echo "load: $(( ($(date +%s%N) - start) / 1000000 )) ms"
for q in "A|$QA" "B|$QB"; do
  best=$(for i in 1 2 3; do
    printf '.timer on\n.output /dev/null\n%s;\n' "${q#*|}" | sqlite3 "$DIR/v.db" | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p'
  done | sort -n | head -1)
  echo "${q%%|*}: $(awk "BEGIN {printf \"%.0f\", $best * 1000}") ms"
done
