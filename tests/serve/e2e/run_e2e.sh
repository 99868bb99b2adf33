#!/usr/bin/env bash
# Runs the dashboard's browser test (dashboard_test.js) for ctest.
#   run_e2e.sh fixture DRAGOMAN STORE_FIXTURE OUT_DIR   the hand-written test corpus
#   run_e2e.sh sample  DRAGOMAN SHARED_DIR OUT_DIR      the real sample article, coded by dragoman
#   run_e2e.sh fixture-postgres DRAGOMAN STORE_FIXTURE OUT_DIR   the test corpus in a new database of
#                                                      the PostgreSQL server at $DRAGOMAN_TEST_PG_HOST
# Exit 77 (ctest SKIP) when Node.js, Chromium or tests/serve/e2e/node_modules are missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mode="$1" dragoman="$2" input="$3" out="$4"
if ! command -v node >/dev/null; then
  echo "SKIP: Node.js is not installed (apt-get install nodejs npm)"; exit 77
fi
if [[ ! -x "${DRAGOMAN_CHROMIUM:-/usr/bin/chromium}" ]]; then
  echo "SKIP: no Chromium (apt-get install chromium chromium-driver)"; exit 77
fi
if [[ ! -d "$here/node_modules/playwright-core" ]]; then
  echo "SKIP: playwright-core is not installed (cd tests/serve/e2e && npm ci)"; exit 77
fi
mkdir -p "$out"
case "$mode" in
  fixture)
    "$input" "$out/fixture.db"
    exec node "$here/dashboard_test.js" --dragoman "$dragoman" --db "$out/fixture.db" \
      --screenshot "$out/dashboard_fixture.png" \
      --expect-sentence "China is ready to work with Kazakhstan on trade."
    ;;
  fixture-postgres)
    if [[ ! -S "${DRAGOMAN_TEST_PG_HOST:-}/.s.PGSQL.5432" ]]; then
      echo "SKIP: no PostgreSQL server at ${DRAGOMAN_TEST_PG_HOST:-} (install Debian's postgresql)"; exit 77
    fi
    db="postgresql://postgres@/dragoman_e2e_$$_$(date +%s)?host=$DRAGOMAN_TEST_PG_HOST"
    "$input" "$db"
    exec node "$here/dashboard_test.js" --dragoman "$dragoman" --db "$db" \
      --screenshot "$out/dashboard_postgres.png" \
      --expect-sentence "China is ready to work with Kazakhstan on trade."
    ;;
  sample)
    sample="$input/samples/000_9dc233296e0b742c.txt"
    if [[ ! -f "$sample" ]]; then echo "SKIP: $sample is absent"; exit 77; fi
    rm -f "$out/sample.db" "$out/sample.db-wal" "$out/sample.db-shm"
    "$dragoman" ingest "$sample" --db "$out/sample.db" -q
    exec node "$here/dashboard_test.js" --dragoman "$dragoman" --db "$out/sample.db" \
      --screenshot "$out/dashboard_sample.png"
    ;;
  *) echo "usage: run_e2e.sh fixture|sample DRAGOMAN INPUT OUT_DIR" >&2; exit 2 ;;
esac
