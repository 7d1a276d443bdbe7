#!/usr/bin/env bash
# The Alkire–Foster figures of a country's households (issue 12), side by side in one run: kientao
# streaming the generated file through poverty::MeasuresAccumulator, and DuckDB on the same file.
# Usage: bench/poverty_compare.sh [households=27000000]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-27000000}
DIR=$(mktemp -d /tmp/kientao-poverty-bench.XXXXXX)
trap 'rm -rf "$DIR"' EXIT
build/release/bench/poverty_bench "$DIR" "$N" | tee "$DIR/out"
KIENTAO_WEB_DIR=${KIENTAO_WEB_DIR:-$PWD/web} node bench/poverty_duckdb.mjs "$DIR/households.csv" | tee "$DIR/duck"
ours=$(sed -n 's/^kientao_seconds=//p' "$DIR/out")
duck=$(sed -n 's/^duckdb_seconds=//p' "$DIR/duck")
awk -v o="$ours" -v d="$duck" 'BEGIN { printf "kientao time / DuckDB time (both from the file): %.2f\n", o / d }'
