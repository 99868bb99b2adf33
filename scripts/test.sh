#!/usr/bin/env bash
# Sets up, builds everything and runs every test (unit, end-to-end and the browser test); then
# builds again with AddressSanitizer and UndefinedBehaviorSanitizer (clang-14, build-asan/), runs
# the unit tests under them, and runs each libFuzzer target for FUZZ_SECONDS (default 30) there.
# DRAGOMAN_SANITIZERS=0 skips the second build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DDRAGOMAN_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j"$(nproc)"

if [[ "${DRAGOMAN_SANITIZERS:-1}" != 0 ]]; then
  # One instrumented build serves both: the unit tests under the sanitizers, and the fuzz targets.
  # -O1 keeps the build and the tests quick; the kill-and-resume, browser, export script, Python
  # and PostgreSQL tests (which drive the program as a user does) ran above and are not repeated.
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DCMAKE_CXX_COMPILER=clang++-14 \
    -DDRAGOMAN_BUILD_TESTS=ON -DDRAGOMAN_BUILD_FUZZERS=ON -DDRAGOMAN_BUILD_BENCH=OFF -DDRAGOMAN_BUILD_PYTHON=OFF >/dev/null
  cmake --build build-asan -j"$(nproc)"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
  ctest --test-dir build-asan --output-on-failure -j"$(nproc)" -E '^(store\.|postgres\.|python\.|serve\.dashboard_e2e|output\.gdelt_export)'
  FUZZ_BUILD=build-asan bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
fi
