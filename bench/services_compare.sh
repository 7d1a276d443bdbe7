#!/usr/bin/env bash
# A city's year of dossiers (issue 11), side by side in one run: kientao's import with every check
# against `sqlite3 .import` of the same file without any, and kientao's statistics of the year on
# SQLite against the same counts in DuckDB. Usage: bench/services_compare.sh [rows=1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
DIR=$(mktemp -d /tmp/kientao-services-bench.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
build/release/bench/services_bench "$DIR" "$ROWS" 2>/dev/null | tee "$DIR/out"
ours=$(sed -n 's/^import_seconds=//p' "$DIR/out")
start=$(date +%s%N)
sqlite3 "$DIR/plain.db" ".import --csv $DIR/dossiers.csv dossiers"
end=$(date +%s%N)
plain=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
echo "sqlite3 .import, no validation: ${plain} s ($(sqlite3 "$DIR/plain.db" 'SELECT COUNT(*) FROM dossiers') rows)"
awk -v o="$ours" -v p="$plain" 'BEGIN { printf "kientao import speed / sqlite3 .import speed: %.2f\n", p / o }'
KIENTAO_WEB_DIR=${KIENTAO_WEB_DIR:-$PWD/web} node bench/services_duckdb.mjs "$DIR/dossiers.csv"
