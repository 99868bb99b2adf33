"""Backfills on Dask: code a large archive on a cluster's workers into one event store.

    python3 -m dragoman.backfill crawl/*.warc.gz --db postgresql://db.example/events \
        [--scheduler tcp://scheduler:8786] [--workers 2] [--partition-records 250]

    from dragoman.backfill import backfill
    summary = backfill(["crawl.warc.gz"], "postgresql:///events", workers=2)

The inputs (files, folders, globs) are split into partitions: ranges of each file's records (a
WARC's response records, a JSON Lines file's lines), counted on the workers. Each partition is one
Dask task: its worker codes it with a coder it loads once (kept for the life of the worker
process) and writes it to the store through the same loader as `dragoman ingest` (an article and
its rows in one transaction; writers take turns on the store's writer lock). So a worker lost
mid-run loses nothing committed and duplicates nothing (Dask re-runs its task elsewhere, and the
store's content hash and coder fingerprint skip what was already stored), and re-running after a
failure codes only what is missing. With no scheduler a LocalCluster of `workers` processes is
started on this machine. Progress: Dask's dashboard, and a line per finished partition.
"""

import argparse
import glob
import os
import sys
import time

import dragoman

# The coder of this worker process, per coder settings: loaded by the first task that needs it.
_CODERS = {}


def _coder(settings):
    key = tuple(sorted(settings.items()))
    if key not in _CODERS:
        _CODERS[key] = dragoman.Coder(**settings)
    return _CODERS[key]


def expand_inputs(inputs):
    """Files of the inputs, in the order `dragoman ingest` reads them: a folder's files
    recursively in sorted order (hidden files left out), a glob's matches sorted."""
    files = []
    for item in inputs:
        item = str(item)
        if os.path.isdir(item):
            found = []
            for root, dirs, names in os.walk(item):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [os.path.join(root, n) for n in names if not n.startswith(".")]
            files += sorted(found)
        elif os.path.exists(item):
            files.append(item)
        else:
            matches = sorted(glob.glob(item))
            if not matches:
                raise FileNotFoundError(f"{item}: no such file, folder or pattern")
            files += matches
    return files


def _count(path):
    return dragoman.count_records([path])


def _code_partition(path, first, last, db, settings, date, threads, batch):
    """One task: records [first, last) of path coded into the store at db."""
    start, cpu = time.monotonic(), time.process_time()
    summary = _coder(settings).ingest([path], db, first=first, last=last, date=date or "", threads=threads, batch=batch)
    summary["wall_seconds"] = time.monotonic() - start
    summary["cpu_seconds"] = time.process_time() - cpu  # this worker process, all its threads
    try:
        import psutil

        summary["worker_rss_mb"] = psutil.Process().memory_info().rss / 2**20
    except ImportError:
        summary["worker_rss_mb"] = None
    return summary


def partitions(counts, size):
    """(path, first, last) ranges of at most size records over each file's record count."""
    parts = []
    for path, n in counts:
        for first in range(0, n, size):
            parts.append((path, first, min(first + size, n)))
    return parts


def backfill(inputs, db, scheduler=None, workers=2, partition_records=250, threads_per_worker=1, batch=200,
             date=None, model=None, dicts=None, verbs=None, parser="fast", progress=print, client=None):
    """Codes inputs into the store at db (an SQLite file on this machine, or a postgresql:// URL
    every worker can reach) on a Dask cluster; returns totals over the partitions."""
    from dask.distributed import Client, LocalCluster, as_completed

    settings = {"model": model, "dicts": dicts, "verbs": verbs, "parser": parser}
    files = expand_inputs(inputs)
    # Create or upgrade the store once, before any worker writes to it.
    dragoman.create_store(db)

    cluster = None
    own_client = client is None
    if client is None:
        if scheduler:
            client = Client(scheduler)
        else:
            cluster = LocalCluster(n_workers=workers, threads_per_worker=threads_per_worker, processes=True,
                                   dashboard_address=":0")
            client = Client(cluster)
    try:
        if progress:
            progress(f"backfill: {len(files)} files; Dask dashboard at {client.dashboard_link}")
        counts = client.gather(client.map(_count, files, pure=False))
        parts = partitions(list(zip(files, counts)), partition_records)
        if progress:
            progress(f"backfill: {sum(counts)} records in {len(parts)} partitions of up to {partition_records}")
        start = time.monotonic()
        futures = [client.submit(_code_partition, path, first, last, db, settings, date, threads_per_worker, batch,
                                 pure=False, key=f"dragoman-{i}-{os.path.basename(path)}-{first}-{last}")
                   for i, (path, first, last) in enumerate(parts)]
        names = {f.key: (path, first, last) for f, (path, first, last) in zip(futures, parts)}
        totals = {"partitions": len(parts), "read": 0, "stored": 0, "unchanged": 0, "skipped": 0,
                  "rejected": 0, "failed": 0, "events": 0, "cpu_seconds": 0.0, "max_worker_rss_mb": 0.0}
        done = 0
        for future in as_completed(futures):
            s = future.result()
            done += 1
            for k in ("read", "stored", "unchanged", "skipped", "rejected", "failed", "events", "cpu_seconds"):
                totals[k] += s[k]
            if s.get("worker_rss_mb"):
                totals["max_worker_rss_mb"] = max(totals["max_worker_rss_mb"], s["worker_rss_mb"])
            if progress:
                path, first, last = names[future.key]
                rate = s["read"] / s["wall_seconds"] if s["wall_seconds"] > 0 else 0
                progress(f"backfill: partition {done}/{len(parts)} {os.path.basename(path)}[{first}:{last}]: "
                         f"{s['read']} read, {s['stored']} stored, {s['unchanged']} unchanged, "
                         f"{s['rejected']} rejected, {s['events']} events in {s['wall_seconds']:.1f} s "
                         f"({rate:.1f} records/s)")
        totals["seconds"] = time.monotonic() - start
        totals["records_per_second"] = totals["read"] / totals["seconds"] if totals["seconds"] > 0 else 0
        return totals
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()


def main(argv=None):
    p = argparse.ArgumentParser(prog="python3 -m dragoman.backfill", description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", help="files, folders or globs (WARC, JSON Lines, HTML, text)")
    p.add_argument("--db", required=True, help="the event store: postgresql://... (or an SQLite file on one machine)")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (default: a LocalCluster here)")
    p.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    p.add_argument("--threads-per-worker", type=int, default=1, help="coding threads per worker (default 1)")
    p.add_argument("--partition-records", type=int, default=250, help="records per task (default 250)")
    p.add_argument("--batch", type=int, default=200, help="articles per transaction (default 200)")
    p.add_argument("--date", help="date (YYYY-MM-DD) for records that carry none")
    p.add_argument("--model", help="syntax model file (default: built in)")
    p.add_argument("--dict", dest="dicts", help="dictionary folder (default: built in)")
    p.add_argument("--verbs", help="with --dict: the verb file in it")
    p.add_argument("--parser", default="fast", choices=["fast", "accurate"])
    args = p.parse_args(argv)
    try:
        totals = backfill(args.inputs, args.db, scheduler=args.scheduler, workers=args.workers,
                          partition_records=args.partition_records, threads_per_worker=args.threads_per_worker,
                          batch=args.batch, date=args.date, model=args.model, dicts=args.dicts, verbs=args.verbs,
                          parser=args.parser, progress=lambda line: print(line, file=sys.stderr, flush=True))
    except (OSError, ValueError, RuntimeError, KeyError) as e:
        print(f"dragoman.backfill: {e}", file=sys.stderr)
        return 1
    print(f"dragoman.backfill: {totals['read']} records read, {totals['stored']} articles stored, "
          f"{totals['unchanged']} unchanged (skipped), {totals['rejected']} rejected, {totals['failed']} failed; "
          f"{totals['events']} events in {totals['seconds']:.1f} s ({totals['records_per_second']:.1f} records/s; "
          f"largest worker {totals['max_worker_rss_mb']:.0f} MB)", file=sys.stderr)
    return 1 if totals["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
