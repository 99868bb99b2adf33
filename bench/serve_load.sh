#!/usr/bin/env bash
# Load test of the dashboard server (issue 15, bar 7): wrk -t2 -c256 -d20s on the events route
# (and the summary and timeline routes), while ten slow clients trickle one header line every 3 s
# and a 2,000-range request is sent. Prints wrk's figures (requests/s, latency percentiles, errors),
# the answers to the hostile requests, and the load average at the time. The server keeps answers
# in memory until the store changes, so the events route is also measured with every request a
# different query (bench/serve_distinct_queries.lua): the cost of the query itself.
# Usage: bash bench/serve_load.sh [build/dragoman] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
dragoman="${1:-build/dragoman}"
seconds="${2:-20}"
work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

# A store of real news: the 300 development articles, coded.
"$dragoman" ingest -q ../shared/news/agnews_dev.jsonl samples/ --db "$work/events.db" >/dev/null 2>&1 || true
port=$((20000 + RANDOM % 20000))
"$dragoman" serve --db "$work/events.db" --port "$port" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/api/summary" >/dev/null && break; sleep 0.1; done

# Ten slow clients: a request line, then one header line every 3 s.
python3 - "$port" "$seconds" <<'PY' &
import socket, sys, time
port, seconds = int(sys.argv[1]), float(sys.argv[2])
socks = []
for _ in range(10):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/summary HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    socks.append(s)
end = time.time() + seconds + 5
while time.time() < end:
    time.sleep(3)
    for s in socks:
        try:
            s.sendall(b"X-Slow: 1\r\n")
        except OSError:
            pass
# What became of them: still held open (unanswered), or closed by the server.
held = closed = 0
for s in socks:
    s.setblocking(False)
    try:
        closed += s.recv(1) == b""
    except BlockingIOError:
        held += 1
    except OSError:
        closed += 1
print(f"slow clients: {held} still unanswered, {closed} closed by the server", flush=True)
PY
pids+=($!)

ranges="bytes=0-0"; for i in $(seq 1 1999); do ranges+=",$i-$i"; done
range_status=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -H "Range: $ranges" "http://127.0.0.1:$port/")
echo "multi-range request (2,000 ranges): HTTP status and bytes: $range_status"
host_status=$(curl -s -o /dev/null -w '%{http_code}' -H "Host: rebind.attacker.example" "http://127.0.0.1:$port/api/summary")
echo "foreign Host header: HTTP $host_status"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c256 -d"${seconds}s" --latency "http://127.0.0.1:$port/api/events?a=USA&b=IRQ&limit=50" | sed 's/^/events: /'
wrk -t2 -c256 -d"${seconds}s" --latency -s bench/serve_distinct_queries.lua "http://127.0.0.1:$port" |
  grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' | sed 's/^/events, every request distinct (no cached answers): /'
wrk -t2 -c64 -d5s --latency "http://127.0.0.1:$port/api/summary" | grep -E 'Requests/sec|99%|Non-2xx|Socket errors' | sed 's/^/summary: /'
wrk -t2 -c64 -d5s --latency "http://127.0.0.1:$port/api/timeline?a=USA&b=IRQ&by=month" | grep -E 'Requests/sec|99%|Non-2xx|Socket errors' | sed 's/^/timeline: /'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
