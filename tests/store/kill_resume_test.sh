#!/usr/bin/env bash
# Kill-and-resume test of `dragoman ingest` (run by ctest; see tests/store/store_tests.cmake).
#
# 1. Generates 2,000 news-like articles as JSON Lines (plus two broken lines and ten records that
#    re-use earlier ids with new text, which must replace the earlier articles).
# 2. Ingests them without interruption into full.db; ingesting again changes no count.
# 3. Ingests them into killed.db and SIGKILLs the process as soon as the first batch is committed;
#    every article stored at that point must be complete (same sentences and mentions as in
#    full.db).
# 4. Runs the same command again: it resumes (skips stored articles) and ends with exactly the
#    events, mentions and counts of full.db.
#
# usage: kill_resume_test.sh DRAGOMAN OUT_DIR
set -euo pipefail
dragoman="$1"
out="$2"
rm -rf "$out"
mkdir -p "$out"
cd "$out"

fail() { echo "FAIL: $*" >&2; exit 1; }

# --- 1. input -------------------------------------------------------------------------------
awk 'BEGIN {
  n = split("China|Kazakhstan|Russia|Mongolia|Uzbekistan|Kyrgyzstan|India|Japan", actor, "|");
  split("Chinese President Xi Jinping|Kazakh President Kassym-Jomart Tokayev|Russian President Vladimir Putin|Mongolian President Ukhnaagiin Khurelsukh|Uzbek President Shavkat Mirziyoyev", leader, "|");
  v = split("met with|is ready to work with|strongly supports|criticized|accused|signed a trade agreement with|congratulated|hopes to deepen cooperation with|condemned|praised", verb, "|");
  split("Silk Road Observer|Astana Times|Steppe News|Eurasia Daily", source, "|");
  for (i = 1; i <= 2000; i++) {
    id = sprintf("gen-%04d", i);
    # Records 1991-2000 re-use the ids of records 11-20 with new text: the later one wins.
    if (i > 1990) id = sprintf("gen-%04d", i - 1980);
    year = 2019 + (i % 5); month = 1 + (i * 7) % 12; day = 1 + (i * 13) % 28;
    date = sprintf("%04d-%02d-%02d", year, month, day);
    a = actor[1 + (i * 3) % n]; b = actor[1 + (i * 5 + 1) % n];
    if (a == b) b = actor[1 + (i * 5 + 2) % n];
    title = a " and " b " discuss cooperation";
    text = "";
    sentences = 3 + i % 4;
    for (s = 0; s < sentences; s++) {
      x = actor[1 + (i + s * 3) % n]; y = actor[1 + (i * 7 + s) % n];
      if (x == y) y = actor[1 + (i * 7 + s + 1) % n];
      if (s % 3 == 1) x = leader[1 + (i + s) % 5];
      text = text x " " verb[1 + (i * 11 + s * 5 + (i > 1990 ? 3 : 0)) % v] " " y " on " (s % 2 ? "trade" : "security") ". ";
    }
    printf "{\"id\":\"%s\",\"date\":\"%s\",\"source\":\"%s\",\"url\":\"https://news.example/%s\",\"title\":\"%s\",\"text\":\"%s\"}\n",
      id, date, source[1 + i % 4], id, title, text;
    if (i == 700 || i == 1400) print "{\"id\": broken json";
  }
}' > input.jsonl
lines=$(wc -l < input.jsonl)
[[ "$lines" -eq 2002 ]] || fail "generated $lines lines, expected 2002"

stats() { "$dragoman" query stats --db "$1" --format csv | tail -n 1 | cut -d, -f1-5; }
events() { "$dragoman" query events --db "$1" --format tsv --limit 100000 | cut -f1-11,13-; }  # all but event_id
articles() { "$dragoman" query articles --db "$1" --format csv --limit 100000 | cut -d, -f1,4,5; }

# --- 2. uninterrupted run -------------------------------------------------------------------
# Exit status 1: the two broken lines are rejected (and stored as error records).
set +e
"$dragoman" ingest input.jsonl --db full.db -j 2 --batch 20 -q
rc=$?
set -e
[[ $rc -le 1 ]] || fail "uninterrupted ingest exited with $rc"
full_stats=$(stats full.db)
echo "uninterrupted: articles,sentences,events,mentions,errors = $full_stats"
IFS=, read -r n_articles _ n_events n_mentions n_errors <<< "$full_stats"
[[ "$n_articles" -eq 1990 ]] || fail "expected 1990 articles (2000 records, 10 replacing earlier ids), got $n_articles"
[[ "$n_errors" -eq 2 ]] || fail "expected 2 error records, got $n_errors"
[[ "$n_events" -gt 100 ]] || fail "only $n_events events: the coder found too little to test with"
events full.db > full.events
articles full.db > full.articles

set +e
"$dragoman" ingest input.jsonl --db full.db -j 2 -q
set -e
[[ "$(stats full.db)" == "$full_stats" ]] || fail "ingesting twice changed the counts: $(stats full.db)"
"$dragoman" ingest input.jsonl --db full.db -j 2 -q --force || true
[[ "$(stats full.db)" == "$full_stats" ]] || fail "re-coding (--force) changed the counts: $(stats full.db)"
events full.db | cmp -s - full.events || fail "re-coding (--force) changed the events"

# --- 3. killed run ----------------------------------------------------------------------------
# One thread and small batches: the run takes long enough to be killed in the middle.
"$dragoman" ingest input.jsonl --db killed.db -j 1 --batch 10 -q 2> killed.log &
pid=$!
committed=0
for _ in $(seq 1 2000); do
  if [[ -f killed.db ]]; then
    committed=$("$dragoman" query stats --db killed.db --format csv 2>/dev/null | tail -n 1 | cut -d, -f1 || echo 0)
    [[ "$committed" =~ ^[0-9]+$ ]] || committed=0
    [[ "$committed" -gt 0 ]] && break
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.02
done
kill -KILL "$pid" 2>/dev/null || fail "ingest finished before it could be killed ($committed articles seen)"
set +e
wait "$pid"
rc=$?
set -e
[[ $rc -eq 137 ]] || fail "killed ingest exited with $rc, expected 137 (SIGKILL)"
partial=$(stats killed.db)
IFS=, read -r k_articles _ _ _ _ <<< "$partial"
echo "killed after the first commit: $partial"
[[ "$k_articles" -gt 0 && "$k_articles" -lt "$n_articles" ]] ||
  fail "the kill did not land mid-run: $k_articles of $n_articles articles stored"
# Every stored article is complete: the same sentences and mentions as in the full run.
articles killed.db > killed.articles
missing=$(comm -23 <(sort killed.articles) <(sort full.articles) | head -n 5)
# An article whose id a later record re-uses may legitimately be the earlier version here.
missing=$(grep -v '^gen-00[12][0-9],' <<< "$missing" || true)
[[ -z "$missing" ]] || fail "partial articles after the kill (id,sentences,mentions): $missing"

# --- 4. resume ------------------------------------------------------------------------------
set +e
"$dragoman" ingest input.jsonl --db killed.db -j 2 --batch 20 2> resume.log
rc=$?
set -e
cat resume.log
[[ $rc -le 1 ]] || fail "resumed ingest exited with $rc"
grep -Eq ' [1-9][0-9]* unchanged \(skipped\)' resume.log || fail "the rerun did not skip the stored articles"
[[ "$(stats killed.db)" == "$full_stats" ]] || fail "after resuming: $(stats killed.db), uninterrupted: $full_stats"
events killed.db > resumed.events
if ! cmp -s resumed.events full.events; then
  diff full.events resumed.events | head -n 20 >&2
  fail "the resumed store's events differ from the uninterrupted run's"
fi
articles killed.db | cmp -s - full.articles || fail "the resumed store's articles differ"
echo "PASS: killed after $k_articles articles; resumed store equals the uninterrupted one ($n_events events, $n_mentions mentions)"
