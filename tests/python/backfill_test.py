#!/usr/bin/env python3
"""Backfills on Dask into PostgreSQL against `dragoman ingest` into SQLite, over a WARC of 1,000
pages: (1) a 2-worker LocalCluster backfill stores the same articles, events and mentions;
(2) one worker killed mid-run, then the same command again: the same store, nothing missing and
nothing duplicated.

usage: backfill_test.py DRAGOMAN SOURCE_DIR SHARED_DIR TMP_DIR   (PYTHONPATH=<build>/python,
DRAGOMAN_TEST_PG_HOST=the throwaway cluster's socket folder). Exit 77: skipped.
"""
import collections
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

def main():
    dragoman_exe, source_dir, shared_dir, tmp = sys.argv[1:5]
    os.makedirs(tmp, exist_ok=True)
    pg_host = os.environ.get("DRAGOMAN_TEST_PG_HOST", "")
    agnews = os.path.join(shared_dir, "news", "agnews_dev.jsonl")
    if not pg_host or not os.path.exists(os.path.join(pg_host, ".s.PGSQL.5432")):
        print(f"SKIP: no PostgreSQL server at {pg_host!r} (tests/store/pg_cluster.sh: install Debian's postgresql)")
        sys.exit(77)
    if not os.path.exists(agnews):
        print(f"SKIP: {agnews} is absent (the pages are made from it)")
        sys.exit(77)

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from make_warc import make_warc  # noqa: E402

    import dragoman  # noqa: E402
    from dragoman.backfill import backfill  # noqa: E402

    PAGES = 1000
    warc = os.path.join(tmp, "pages.warc.gz")
    make_warc(agnews, PAGES, warc)
    stamp = f"{os.getpid()}_{int(time.time())}"


    def pg_url(name):
        return f"postgresql://postgres@/dragoman_backfill_{name}_{stamp}?host={pg_host}"


    def cli(*args):
        return subprocess.run([dragoman_exe, *args], capture_output=True, text=True, check=True).stdout


    # Event fields that do not depend on which mention was stored first (ids and the first mention's
    # provenance do: partitions finish in any order).
    EVENT_FIELDS = ["date", "source", "target", "code", "root", "quad_class", "goldstein", "plover_type", "plover_mode",
                    "num_mentions", "num_articles", "num_sources", "tone"]


    def canonical(db):
        """What a store holds, independent of storage order: counts, events, and every mention with
        its words and place (GDELT's mentions table without the event id and the times of storing)."""
        stats = [line for line in cli("query", "stats", "--db", db).splitlines()
                 if not line.lower().startswith(("store", "file", "database", "schema", "db"))]
        events = collections.Counter()
        for row in dragoman.read_store(db).to_dict("records"):
            # (An event's tone is the mean over its mentions, summed in the order they were stored:
            # its last bits differ with the order partitions finish, so it is compared to 9 places.)
            events[json.dumps([None if (isinstance(row[k], float) and row[k] != row[k])
                               else round(row[k], 9) if k == "tone" and isinstance(row[k], float) else row[k]
                               for k in EVENT_FIELDS], default=str)] += 1
        mentions = collections.Counter()
        for cells in csv.reader(io.StringIO(cli("export", "--db", db, "--format", "gdelt-mentions")), delimiter="\t"):
            mentions["\t".join(cells[3:])] += 1
        return stats, events, mentions


    def same_store(got_db, want, what):
        stats, events, mentions = canonical(got_db)
        assert stats == want[0], f"{what}: stats differ:\n{stats}\n!=\n{want[0]}"
        assert events == want[1], f"{what}: events differ: {len(events)} kinds != {len(want[1])}"
        assert mentions == want[2], f"{what}: mentions differ: {sum(mentions.values())} != {sum(want[2].values())}"
        print(f"ok: {what}: {sum(events.values())} events, {sum(mentions.values())} mentions, as dragoman ingest")


    # The reference: dragoman ingest into SQLite.
    ref_db = os.path.join(tmp, "reference.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(ref_db + suffix):
            os.remove(ref_db + suffix)
    t = time.monotonic()
    subprocess.run([dragoman_exe, "ingest", "-q", warc, "--db", ref_db], check=True)
    print(f"dragoman ingest: {PAGES} pages in {time.monotonic() - t:.1f} s")
    want = canonical(ref_db)
    assert sum(want[1].values()) > 100, f"too few events to compare: {sum(want[1].values())}"

    # (1) A 2-worker LocalCluster backfill into PostgreSQL.
    db = pg_url("full")
    totals = backfill([warc], db, workers=2, partition_records=100)
    print(f"backfill: {totals}")
    assert totals["read"] == PAGES and totals["failed"] == 0, totals
    same_store(db, want, "2-worker backfill into PostgreSQL")
    # Again: nothing is coded twice, nothing changes.
    again = backfill([warc], db, workers=2, partition_records=100)
    assert again["stored"] == 0 and again["unchanged"] == PAGES - again["rejected"] - again["skipped"], again
    same_store(db, want, "re-run of the backfill")

    # (2) A worker killed mid-run, then the same command again.
    db = pg_url("killed")
    command = [sys.executable, "-m", "dragoman.backfill", warc, "--db", db, "--workers", "2", "--partition-records", "50"]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    done_lines = 0
    killed = None
    for line in run.stderr:
        sys.stdout.write("  " + line)
        if "partition " in line:
            done_lines += 1
        if done_lines == 3 and killed is None:
            import psutil

            workers = [p for p in psutil.Process(run.pid).children(recursive=True)
                       if any("spawn_main" in part or "forkserver" in part for part in p.cmdline())]
            assert workers, "no worker process to kill"
            killed = workers[0].pid
            os.kill(killed, signal.SIGKILL)
            print(f"  (killed worker process {killed} after 3 partitions)")
    run.wait(timeout=600)
    assert killed, "the backfill finished before a worker could be killed"
    print(f"killed run ended with status {run.returncode}")
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    print("re-run: " + rerun.stderr.strip().splitlines()[-1])
    assert rerun.returncode == 0, rerun.stderr
    same_store(db, want, "killed worker, then re-run")
    print("backfill_test: all passed")


# Dask starts its workers with multiprocessing's spawn, which imports this file again in each.
if __name__ == "__main__":
    main()
