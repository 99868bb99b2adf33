#!/usr/bin/env python3
"""The Python package against the CLI: dragoman.Coder().code on the samples gives exactly the rows
of `dragoman code`'s JSON Lines, field for field (files, dicts and DataFrames alike); the issue's
one-line example; errors name their record; threads share one coder; read_store gives the rows
of `dragoman export --format jsonl`.

usage: coder_test.py DRAGOMAN SOURCE_DIR SHARED_DIR TMP_DIR   (PYTHONPATH=<build>/python)
"""
import json
import math
import os
import shutil
import subprocess
import sys
import threading

dragoman_exe, source_dir, shared_dir, tmp = sys.argv[1:5]
os.makedirs(tmp, exist_ok=True)

import dragoman  # noqa: E402


def plain(value):
    """A DataFrame cell as JSON would have it (NaN -> None, numpy -> Python)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return value  # compared with == below, so 1.0 == 1
    return value


def frame_rows(df):
    return [{k: plain(v) for k, v in row.items()} for row in df.to_dict("records")]


def cli_rows(*args):
    out = subprocess.run([dragoman_exe, "code", "-q", "-j", "1", *args], capture_output=True, text=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def same_rows(got, want, what):
    assert len(got) == len(want), f"{what}: {len(got)} rows from Python, {len(want)} from dragoman code"
    assert len(want) > 0, f"{what}: no rows to compare"
    for i, (g, w) in enumerate(zip(got, want)):
        assert sorted(g.keys()) == sorted(w.keys()), f"{what} row {i}: fields {sorted(g)} != {sorted(w)}"
        for key in w:
            assert g[key] == w[key], f"{what} row {i} field {key}: {g[key]!r} != {w[key]!r}"
    print(f"ok: {what}: {len(got)} rows equal field for field")


coder = dragoman.Coder()

# The example: one sentence, no date.
example = coder.code(["Xi Jinping met Kazakh President Tokayev in Beijing on Friday."])
print(example[["source", "target", "code"]])
hit = example[(example.source == "CHNGOV") & (example.target == "KAZGOV") & (example.code == "040")]
assert len(hit) == 1, f"no CHNGOV -> KAZGOV 040 row:\n{example}"

# Files: the bundled samples (and the real article of ../shared when present).
inputs = [os.path.join(source_dir, "samples")]
if os.path.isdir(os.path.join(shared_dir, "samples")):
    inputs.append(os.path.join(shared_dir, "samples"))
same_rows(frame_rows(coder.code_files(inputs)), cli_rows(*inputs), "samples (files)")

# Records: JSON Lines dicts and a DataFrame of them, named as a file records.jsonl would be.
agnews = os.path.join(shared_dir, "news", "agnews_dev.jsonl")
if os.path.exists(agnews):
    with open(agnews, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()][:120]
    path = os.path.join(tmp, "records.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    want = cli_rows(path)
    same_rows(frame_rows(coder.code(records)), want, "AG News records (dicts)")
    import pandas

    same_rows(frame_rows(coder.code(pandas.DataFrame(records))), want, "AG News records (DataFrame)")

    # One coder, four threads at once (the GIL is released while coding): the same rows.
    results = [None] * 4

    def work(k):
        results[k] = frame_rows(coder.code(records))

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k in range(4):
        same_rows(results[k], want, f"thread {k}")
else:
    print(f"note: {agnews} is absent: the records comparison was left out")

# Errors are Python exceptions naming the record.
try:
    coder.code(["China is ready to work with Kazakhstan.", "   "])
    raise AssertionError("an empty record was accepted")
except dragoman.RecordError as e:
    assert e.origin == "records#2", e.origin
    print(f"ok: error names the record: {e}")
assert len(coder.code(["China is ready to work with Kazakhstan.", "   "], errors="ignore")) >= 0
try:
    dragoman.Coder(parser="slow")
    raise AssertionError("a bad parser name was accepted")
except ValueError as e:
    print(f"ok: {e}")

# read_store: a store's rows as `dragoman export --format jsonl` writes them.
db = os.path.join(tmp, "samples.db")
for suffix in ("", "-wal", "-shm"):
    if os.path.exists(db + suffix):
        os.remove(db + suffix)
subprocess.run([dragoman_exe, "ingest", "-q", *inputs, "--db", db], check=True)
exported = subprocess.run([dragoman_exe, "export", "--db", db, "--format", "jsonl"], capture_output=True, text=True,
                          check=True)
want = [json.loads(line) for line in exported.stdout.splitlines() if line.strip()]
same_rows(frame_rows(dragoman.read_store(db)), want, "read_store")
chn = dragoman.read_store(db, actor="CHN", limit=5)
assert all(("CHN" in (r["source"] or "")[:3]) or ("CHN" in (r["target"] or "")[:3]) for r in frame_rows(chn))
try:
    dragoman.read_store(db, root="5x")
    raise AssertionError("a bad root was accepted")
except ValueError as e:
    print(f"ok: {e}")
try:
    dragoman.read_store(os.path.join(tmp, "missing.db"))
    raise AssertionError("a missing store was opened")
except KeyError as e:
    print(f"ok: {e}")
print("coder_test: all passed")
