#!/usr/bin/env bash
# Bar: ingesting the real sample article (../shared/samples) and asking for the CHN-KAZ dyad per
# month gives its events in May 2022, in quad classes 1 and 2 only; ingesting it twice changes no
# count. Exit 77 (ctest SKIP) when the shared sample is absent.
# usage: sample_dyad_test.sh DRAGOMAN SHARED_DIR OUT_DIR
set -euo pipefail
dragoman="$1" shared="$2" out="$3"
sample="$shared/samples/000_9dc233296e0b742c.txt"
[[ -f "$sample" ]] || { echo "SKIP: $sample is absent"; exit 77; }
fail() { echo "FAIL: $*" >&2; exit 1; }
mkdir -p "$out"
db="$out/sample.db"
rm -f "$db" "$db-wal" "$db-shm"
"$dragoman" ingest "$sample" --db "$db"
json=$("$dragoman" query dyad CHN KAZ --by month --format json --db "$db")
echo "$json"
periods=$(grep -o '"period": "[^"]*"' <<< "$json" | cut -d'"' -f4 | tr '\n' ' ')
[[ "$periods" == "2022-05 " ]] || fail "expected one period, 2022-05; got: $periods"
q1=$(grep -o '"1": [0-9]*' <<< "$json" | grep -o '[0-9]*$')
q3=$(grep -o '"3": [0-9]*' <<< "$json" | grep -o '[0-9]*$')
q4=$(grep -o '"4": [0-9]*' <<< "$json" | grep -o '[0-9]*$')
[[ "$q1" -gt 0 ]] || fail "no verbal cooperation (quad class 1) events"
[[ "$q3" -eq 0 && "$q4" -eq 0 ]] || fail "conflict events in a cooperative article: quad 3 = $q3, quad 4 = $q4"
before=$("$dragoman" query stats --db "$db" --format csv | tail -n 1)
"$dragoman" ingest "$sample" --db "$db"
"$dragoman" ingest "$sample" --db "$db" --force
after=$("$dragoman" query stats --db "$db" --format csv | tail -n 1)
[[ "$before" == "$after" ]] || fail "ingesting again changed the store: $before -> $after"
echo "PASS: May 2022 only, quad 1 = $q1, no conflict; re-ingest keeps $after"
