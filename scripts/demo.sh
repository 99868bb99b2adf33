#!/usr/bin/env bash
# Sets up, builds, and codes the bundled sample article (and the real one in ../shared/samples
# when present), printing the events as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target dragoman
inputs=(samples/*.txt)
[[ -f ../shared/samples/000_9dc233296e0b742c.txt ]] && inputs+=(../shared/samples/000_9dc233296e0b742c.txt)
build/dragoman code --format table "${inputs[@]}"
