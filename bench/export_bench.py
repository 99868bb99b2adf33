#!/usr/bin/env python3
"""Export throughput and memory: `dragoman export` on stores of N events (default 100,000 and
1,000,000), each event with one mention in its own sentence of a synthetic article (10 events per
article), located and toned as coded events are. Prints rows/s and the peak RSS of each run: the
export streams, so the peak must not grow with the store.

usage: python3 bench/export_bench.py build/dragoman [OUT_DIR] [N ...]
"""
import datetime
import os
import sqlite3
import subprocess
import sys
import time


def make_store(dragoman, path, n_events):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    # An empty store with the current schema, made by dragoman itself.
    empty = os.path.join(os.path.dirname(path), "empty.txt")
    with open(empty, "w") as f:
        f.write("")
    subprocess.run([dragoman, "ingest", empty, "--db", path, "-q"], capture_output=True)
    db = sqlite3.connect(path)
    db.execute("PRAGMA synchronous = OFF")
    per_article = 10
    sentence = "Chinese President Xi Jinping met with Kazakh President Tokayev in Astana on Monday."
    text = " ".join([sentence] * per_article)
    step = len(sentence) + 1
    n_articles = n_events // per_article

    def articles():
        for a in range(n_articles):
            aid = "a%07d" % a
            yield (aid, "2022-%02d-%02d" % (1 + a % 12, 1 + a % 28), "wire%d" % (a % 50),
                   "https://news.example/%s" % aid, "Talks", text, 2.5)

    def sentences():
        for a in range(n_articles):
            for i in range(per_article):
                yield ("a%07d" % a, i, i * step, i * step + len(sentence))

    first_day = datetime.date(2015, 1, 1)

    def events():
        # (date, source, target, code) is unique per event: the day from e % 3650, the target
        # from e // 3650 (two letters after KAZ).
        for e in range(n_events):
            day = (first_day + datetime.timedelta(days=e % 3650)).isoformat()
            k = e // 3650
            yield (e + 1, day, "CHNGOV", "KAZ" + chr(65 + k // 26 % 26) + chr(65 + k % 26))

    def mentions():
        for e in range(n_events):
            a, i = divmod(e, per_article)
            b = i * step
            yield (e + 1, e + 1, "a%07d" % a, i, b + 8, b + 33, b + 34, b + 42, b + 43, b + 67)

    with db:
        db.executemany("INSERT INTO articles(id, date, source, url, title, text, tone) VALUES(?,?,?,?,?,?,?)",
                       articles())
        db.executemany("INSERT INTO sentences(article_id, idx, begin, end) VALUES(?,?,?,?)", sentences())
        db.executemany("INSERT INTO events(id, date, source, target, code, root, quad_class, goldstein, "
                       "plover_type, num_mentions, num_articles, num_sources) "
                       "VALUES(?,?,?,?,'040','04',1,1.0,'CONSULT',1,1,1)", events())
        db.executemany("INSERT INTO mentions(id, event_id, article_id, sentence_index, source_begin, source_end, "
                       "verb_begin, verb_end, target_begin, target_end, rule, geo_type, geo_name, geo_country, "
                       "geo_adm1, geo_lat, geo_lon, geo_feature_id) VALUES(?,?,?,?,?,?,?,?,?,?,'verbs.txt:1',4,"
                       "'Astana, Kazakhstan','KZ','KZ05',51.1801,71.44598,'1526273')", mentions())
    db.close()


def main():
    dragoman = sys.argv[1]
    out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/dragoman_export_bench"
    sizes = [int(n) for n in sys.argv[3:]] or [100000, 1000000]
    os.makedirs(out, exist_ok=True)
    for n in sizes:
        path = os.path.join(out, "events_%d.db" % n)
        t = time.time()
        make_store(dragoman, path, n)
        print("store of %d events made in %.0f s" % (n, time.time() - t), flush=True)
        for fmt in ("gdelt", "csv"):
            err_path = os.path.join(out, "export.err")
            t = time.time()
            with open(err_path, "w") as err:
                child = subprocess.Popen([dragoman, "export", "--db", path, "--format", fmt, "-o", os.devnull],
                                         stderr=err)
                _, status, usage = os.wait4(child.pid, 0)  # this child's own peak RSS
            seconds = time.time() - t
            message = open(err_path).read()
            assert os.waitstatus_to_exitcode(status) == 0, message
            rows = int(message.split()[2])
            assert rows == n, message
            print("export --format %-6s %8d events: %.1f s, %.0f rows/s, peak RSS %.1f MB" % (
                fmt, n, seconds, n / seconds, usage.ru_maxrss / 1024), flush=True)

if __name__ == "__main__":
    main()
