#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/) with clang-14, AddressSanitizer and
# UndefinedBehaviorSanitizer into build-fuzz/ (or $FUZZ_BUILD), seeds each target's corpus from our test data, and
# runs each target for SECONDS seconds (default 30). Fails on any crash, leak or timeout; prints
# the executions per target. Usage: bash scripts/fuzz.sh [SECONDS] [TARGET...]
# A crash leaves its input in build-fuzz/crashes/TARGET/: turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-30}"
shift || true
build="${FUZZ_BUILD:-build-fuzz}"  # scripts/test.sh passes its sanitizer build
targets=("$@")
((${#targets[@]})) || targets=(text_article json_lines html warc conllu our_dictionary petrarch_dictionary model_file
                              petrarch_records http_params)

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DCMAKE_CXX_COMPILER=clang++-14 \
    -DDRAGOMAN_BUILD_FUZZERS=ON -DDRAGOMAN_BUILD_TESTS=OFF -DDRAGOMAN_BUILD_BENCH=OFF >/dev/null
fi
nice -n 10 cmake --build "$build" -j"$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

# Seed corpora: small pieces of the test data each reader reads.
python3 scripts/fuzz_seeds.py "$build/corpus"

failed=0
for t in "${targets[@]}"; do
  mkdir -p "$build/crashes/$t"
  log="$build/fuzz_$t.log"
  if "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
      -print_final_stats=1 -artifact_prefix="$build/crashes/$t/" "$build/corpus/$t" >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz $t: ${runs} executions in ${seconds} s, no crash"
  else
    failed=1
    echo "fuzz $t: FAILED (see $log and $build/crashes/$t/)"
    grep -m 5 -E 'ERROR|SUMMARY|Test unit written' "$log" || true
  fi
done
exit $failed
