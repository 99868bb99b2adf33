#!/usr/bin/env bash
# Peak memory and time for huge records (issue 15, bar 3): one 15 MB JSON Lines record with -j 1
# (real wire news repeated, and a synthetic text dense with events), four of them with -j 4, and an HTML page of '<div></span>' * 1,000,000 (12 MB) that the HTML
# parser would nest a million deep. Prints one line per case: wall seconds, peak RSS (MB), exit
# status. Usage: bash bench/huge_records.sh [build/dragoman]
set -euo pipefail
cd "$(dirname "$0")/.."
dragoman="${1:-build/dragoman}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
paragraph = ("China accused Japan of provocation on Monday, and the foreign ministry summoned the ambassador. "
             "Kazakhstan said it was ready to work with Russia on trade. The weather in the capital was mild. ")
parts, size = [], 0
while size < 15_000_000:
    parts.append(paragraph + ("\n\n" if len(parts) % 3 else " "))
    size += len(parts[-1])
text = "".join(parts)
record = json.dumps({"id": "huge", "date": "2022-05-20", "title": "Talks", "text": text}) + "\n"
open(f"{work}/one.jsonl", "w").write(record)
# Real wire news (../shared/news, 300 AG News articles) repeated to 15 MB, one paragraph each.
news = [json.loads(l) for l in open("../shared/news/agnews_dev.jsonl")]
paragraphs = [n.get("title", "") + ". " + n.get("text", "") for n in news]
parts, size = [], 0
while size < 15_000_000:
    parts.append(paragraphs[len(parts) % len(paragraphs)])
    size += len(parts[-1]) + 2
news_record = json.dumps({"id": "news", "date": "2022-05-20", "title": "Wire", "text": "\n\n".join(parts)}) + "\n"
open(f"{work}/news.jsonl", "w").write(news_record)
open(f"{work}/four.jsonl", "w").write("".join(record.replace('"huge"', f'"huge{i}"') for i in range(4)))
open(f"{work}/nest.html", "w").write("<html><body>" + "<div></span>" * 1_000_000 + "<p>China met Kazakhstan.</p>")
PY

measure() {
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" && rc=0 || rc=$?
  read -r secs kb < <(tail -n 1 "$work/time")
  printf '%s: %.1f s, peak RSS %d MB, exit %d (%s)\n' "$label" "$secs" $((kb / 1024)) "$rc" \
    "$(tail -n 1 "$work/err" | cut -c1-120)"
}
measure "one 15 MB record of real wire news (AG News repeated), -j 1" "$dragoman" code -q -j 1 "$work/news.jsonl"
measure "one 15 MB record dense with events (2 per 3 sentences), -j 1" "$dragoman" code -q -j 1 "$work/one.jsonl"
measure "four 15 MB records, -j 4" "$dragoman" code -q -j 4 "$work/four.jsonl"
measure "'<div></span>' x 1,000,000 (12 MB page)" "$dragoman" code -q -j 1 --date 2022-05-20 "$work/nest.html"
measure "a tiny article, -j 1 (the constant part)" "$dragoman" code -q -j 1 samples/mongolia_russia_talks.txt
