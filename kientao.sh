#!/usr/bin/env bash
# kientao's two commands.
#   ./kientao.sh demo   install what is missing, build, create the demo database and serve it at
#                       http://127.0.0.1:8080 (KIENTAO_LISTEN to change)
#   ./kientao.sh test   install what is missing, build, and run every test tier against SQLite and a
#                       throwaway PostgreSQL server; ends with ctest's summary
# Other verbs: setup (install + build only), bench (benchmarks; see bench/RESULTS.md).
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
BUILD=$ROOT/build/release

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages() {
  local missing=()
  while read -r pkg; do
    pkg=${pkg%%#*}; pkg=${pkg// /}
    [ -z "$pkg" ] && continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done < deps/debian-packages.txt
  # Node.js and npm: Debian's packages unless a node/npm is already installed (e.g. from NodeSource,
  # whose nodejs conflicts with Debian's npm).
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

install_web() {
  if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules/.package-lock.json ]; then
    say "Installing front-end files (npm ci)"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

build() {
  say "Building (CMake preset release, Ninja)"
  cmake --preset release >/dev/null
  cmake --build --preset release
}

setup() {
  install_packages
  install_web
  build
}

demo() {
  setup
  mkdir -p var
  local db=${KIENTAO_DATABASE_URL:-var/kientao.db}
  if [ ! -f "$db" ]; then
    say "Creating the demo database $db"
    "$BUILD/src/kientao" demo-data --db "$db"
  else
    say "Using the existing database $db (remove it to start the demo afresh)"
    echo "Demo accounts: quantri, chutich, vanphong, truongphong, congchuc, motcua, truongthon, giamsat — password LacPhuong@2026"
  fi
  say "Serving at http://${KIENTAO_LISTEN:-127.0.0.1:8080}/ (Ctrl+C to stop)"
  exec "$BUILD/src/kientao" serve --db "$db" --listen "${KIENTAO_LISTEN:-127.0.0.1:8080}"
}

# A throwaway PostgreSQL server in a temporary folder, removed on exit. Exports KIENTAO_TEST_PG_URL.
PG_DIR=""
start_postgres() {
  local bindir
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/kientao-pg.XXXXXX)
  chmod 755 "$PG_DIR"
  local port=$(( 20000 + RANDOM % 20000 ))
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  say "Starting a throwaway PostgreSQL on port $port"
  "${run[@]}" "$bindir/initdb" -D "$PG_DIR/data" -U kientao --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  "${run[@]}" "$bindir/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null
  export KIENTAO_TEST_PG_URL="postgresql://kientao@127.0.0.1:$port/postgres"
  export KIENTAO_TEST_PG_BINDIR="$bindir"
}
stop_postgres() {
  [ -n "$PG_DIR" ] || return 0
  local run=()
  [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
  "${run[@]}" "$KIENTAO_TEST_PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}

run_tests() {
  setup
  start_postgres
  trap stop_postgres EXIT
  say "Running every test tier (unit, store, integration on SQLite and PostgreSQL, browser)"
  ctest --test-dir "$BUILD" --output-on-failure -j 2
  # The suites pin the app's clock, so the machine's date must not change any answer: run the
  # date-sensitive ones again with the machine's calendar moved (one just before midnight in Vietnam).
  # -m: the suites and the servers they start are multi-threaded, and the default libfaketime is
  # not safe there (CI saw a rare SIGSEGV in server_test with it); the monotonic clock is left alone
  # because only the calendar is under test, and timeouts should measure real time.
  local day
  for day in "2027-03-15 02:00:00" "2029-02-28 16:59:00" "2031-06-30 09:30:00"; do
    say "Running the date-sensitive suites with the machine's clock at $day UTC (faketime)"
    TZ=UTC faketime -m --exclude-monotonic "$day" ctest --test-dir "$BUILD" --output-on-failure -j 2 \
      -R '^(base_test|directive_domain_test|app_test_sqlite|server_test_sqlite)$'
  done
}

bench() {
  setup
  "$ROOT/bench/run.sh"
}

# The reporting benchmark's comparison of kientao's cube with DuckDB, PostgreSQL and SQLite (bench/RESULTS.md).
bench_db() {
  setup
  start_postgres
  trap stop_postgres EXIT
  "$ROOT/bench/db_compare.sh" "${1:-country}"
}

# The HTTP path beside a bare Beast server, on SQLite and on a throwaway PostgreSQL (bench/RESULTS.md).
bench_http() {
  setup
  start_postgres
  trap stop_postgres EXIT
  KIENTAO_BENCH_PG_URL="$KIENTAO_TEST_PG_URL" "$ROOT/bench/compare_bare.sh" "$@"
}

case "${1:-}" in
  demo) demo ;;
  test) run_tests ;;
  setup) setup ;;
  bench) bench ;;
  bench-db) bench_db "${2:-country}" ;;
  bench-http) shift; bench_http "$@" ;;
  *) echo "usage: $0 demo|test|setup|bench|bench-db [city|country]|bench-http [conn secs rounds]" >&2; exit 2 ;;
esac
