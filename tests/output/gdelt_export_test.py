#!/usr/bin/env python3
"""Bar: `dragoman export --format gdelt` on a store made from the bundled samples writes GDELT 2.0's
event table: every row has exactly 61 tab-separated fields, read back with pandas and GDELT's own
column list (as a GDELT user loads *.export.CSV); the counts, the codes (three or four digits) and
NumMentions/NumArticles agree with `dragoman query events`, and the mentions table has one row per
mention in GDELT's 16 columns. Exit 77 (ctest SKIP) when pandas is absent.

usage: gdelt_export_test.py DRAGOMAN SAMPLES_DIR SHARED_DIR OUT_DIR
"""
import csv
import io
import os
import subprocess
import sys

try:
    import pandas as pd
except ImportError:
    print("SKIP: pandas is absent (scripts/setup.sh --test installs python3-pandas)")
    sys.exit(77)

# GDELT 2.0 event table header, in GDELT's documented order (GDELT Event Codebook V2.0).
GDELT_EVENT_COLUMNS = (
    "GlobalEventID Day MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()
GDELT_MENTION_COLUMNS = (
    "GlobalEventID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier "
    "SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen "
    "MentionDocTone MentionDocTranslationInfo Extras"
).split()
assert len(GDELT_EVENT_COLUMNS) == 61 and len(GDELT_MENTION_COLUMNS) == 16


def run(*args):
    result = subprocess.run(args, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"FAIL: {' '.join(args)} exited {result.returncode}: {result.stderr}")
    return result.stdout


def main():
    dragoman, samples, shared, out = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    db = os.path.join(out, "samples.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    inputs = [samples]
    if os.path.isdir(os.path.join(shared, "samples")):
        inputs.append(os.path.join(shared, "samples"))
    run(dragoman, "ingest", *inputs, "--db", db)

    export_path = os.path.join(out, "events.export.CSV")
    run(dragoman, "export", "--db", db, "--format", "gdelt", "-o", export_path)
    with open(export_path, encoding="utf-8") as f:
        raw = f.read().splitlines()
    assert raw, "FAIL: the export is empty"
    for i, line in enumerate(raw, 1):
        fields = line.split("\t")
        assert len(fields) == 61, f"FAIL: line {i} has {len(fields)} fields, expected 61: {line[:120]}"

    # As GDELT users load the event files: no header, GDELT's column list, tab-separated.
    events = pd.read_csv(export_path, sep="\t", header=None, names=GDELT_EVENT_COLUMNS,
                         dtype={"EventCode": str, "EventBaseCode": str, "EventRootCode": str})
    query = list(csv.DictReader(io.StringIO(run(dragoman, "query", "events", "--db", db, "--format", "csv",
                                                "--limit", "100000"))))
    assert len(events) == len(query), f"FAIL: {len(events)} exported events, query has {len(query)}"
    by_id = {int(r["event_id"]): r for r in query}
    for _, e in events.iterrows():
        q = by_id.get(int(e.GlobalEventID))
        assert q is not None, f"FAIL: event {e.GlobalEventID} is not in query events"
        assert e.EventCode == q["code"] and len(e.EventCode) in (3, 4), f"FAIL: code {e.EventCode} vs {q['code']}"
        assert e.EventRootCode == e.EventCode[:2] and e.EventBaseCode == e.EventCode[:3]
        assert int(e.NumMentions) == int(q["num_mentions"]), f"FAIL: NumMentions of {e.GlobalEventID}"
        assert int(e.NumArticles) == int(q["num_articles"]), f"FAIL: NumArticles of {e.GlobalEventID}"
        assert int(e.QuadClass) == int(q["quad_class"])
        assert e.Actor1Code == q["source"] and str(e.Day) == q["date"].replace("-", "")
    located = int((events.ActionGeo_Type > 0).sum())

    mentions_path = os.path.join(out, "mentions.CSV")
    run(dragoman, "export", "--db", db, "--format", "gdelt-mentions", "-o", mentions_path)
    mentions = pd.read_csv(mentions_path, sep="\t", header=None, names=GDELT_MENTION_COLUMNS)
    assert len(mentions.columns) == 16
    assert len(mentions) == int(events.NumMentions.sum()), "FAIL: mentions rows != sum of NumMentions"
    per_event = mentions.groupby("GlobalEventID").size()
    for _, e in events.iterrows():
        assert per_event[e.GlobalEventID] == e.NumMentions, f"FAIL: mentions of {e.GlobalEventID}"
    print(f"PASS: {len(events)} events x 61 columns, {len(mentions)} mentions x 16 columns, "
          f"{located} events located; counts and codes agree with query events")


if __name__ == "__main__":
    main()
