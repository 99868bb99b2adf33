#!/usr/bin/env python3
"""Backfill throughput and memory: `dragoman.backfill` over a WARC of N generated news pages
(tests/python/make_warc.py, from ../shared/news/agnews_dev.jsonl) into a throwaway PostgreSQL
cluster, with a LocalCluster of 1 and then 2 worker processes (one coding thread each). Prints
pages/s and the largest worker's resident memory, and appends them to bench/results.log.

usage: PYTHONPATH=build/python /usr/bin/python3 bench/backfill_bench.py [PAGES]   (default 2000)
"""
import datetime
import os
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, os.path.join(root, "tests", "python"))
from make_warc import make_warc  # noqa: E402

from dragoman.backfill import _coder, backfill  # noqa: E402


def main():
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    agnews = os.path.join(root, "..", "shared", "news", "agnews_dev.jsonl")
    work = tempfile.mkdtemp(prefix="dragoman-bench-")
    pg = f"/tmp/dragoman-bench-pg-{os.getpid()}"  # the server (user postgres) must reach it: not under mkdtemp's 0700 folder
    cluster = os.path.join(root, "tests", "store", "pg_cluster.sh")
    subprocess.run(["bash", cluster, "start", pg, "5432"], check=True)
    try:
        warc = os.path.join(work, "pages.warc.gz")
        make_warc(agnews, pages, warc)
        results = []
        from dask.distributed import Client, LocalCluster

        settings = {"model": None, "dicts": None, "verbs": None, "parser": "fast"}
        for workers in (1, 2):
            db = f"postgresql://postgres@/bench_{workers}?host={pg}"
            with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0") as lc, \
                    Client(lc) as client:
                # Each worker loads its coder before the clock starts (about 3 s, once per worker process).
                client.run(lambda: bool(_coder(settings)))
                t = backfill([warc], db, partition_records=100, progress=None, client=client)
            results.append((workers, t))
            print(f"{workers} worker(s): {t['read']} pages in {t['seconds']:.1f} s = {t['read'] / t['seconds']:.1f} "
                  f"pages/s ({t['read'] / t['cpu_seconds']:.1f} pages per worker CPU second), {t['events']} events, "
                  f"largest worker RSS {t['max_worker_rss_mb']:.0f} MB")
        commit = subprocess.run(["git", "-C", root, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True).stdout.strip()
        load = os.getloadavg()[0]
        line = (f"{datetime.datetime.now().strftime('%Y-%m-%d %H:%M')} {commit} bench/backfill_bench.py "
                f"(dragoman.backfill, {pages} generated news pages in one WARC, partitions of 100, LocalCluster with "
                f"coders loaded before timing, 1 coding thread per worker, "
                f"PostgreSQL 15 on a local socket, Release, shared 2-core machine, load {load:.1f}): " +
                "; ".join(f"{w} worker{'s' if w > 1 else ''} {t['read'] / t['seconds']:.1f} pages/s "
                          f"({t['read'] / t['cpu_seconds']:.1f} pages per worker CPU second, largest worker RSS "
                          f"{t['max_worker_rss_mb']:.0f} MB)" for w, t in results) +
                f"; speedup {results[1][1]['read'] / results[1][1]['seconds'] / (results[0][1]['read'] / results[0][1]['seconds']):.2f}x")
        print(line)
        with open(os.path.join(here, "results.log"), "a") as f:
            f.write(line + "\n")
    finally:
        subprocess.run(["bash", cluster, "stop", pg], check=False)


if __name__ == "__main__":
    main()
