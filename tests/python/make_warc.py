#!/usr/bin/env python3
"""A WARC of N news pages for the backfill tests and benchmark: the AG News development
articles (../shared/news/agnews_dev.jsonl) as HTML pages, cycled over as many sites as it takes
so that no site prints the same paragraph twice (which the site-boilerplate filter would drop),
one gzip member per record as CC-NEWS ships them.

usage: python3 tests/python/make_warc.py AGNEWS_JSONL N OUT.warc.gz
"""
import datetime
import gzip
import html
import json
import sys


def make_warc(agnews_path, n, out_path):
    with open(agnews_path, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    with open(out_path, "wb") as out:
        for i in range(n):
            r = records[i % len(records)]
            site = i // len(records)
            url = f"https://news{site}.example/{r['date'].replace('-', '/')}/{r['id']}.html"
            page = (
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                f"<title>{html.escape(html.unescape(r['title']))}</title>"
                f"<meta property=\"article:published_time\" content=\"{r['date']}T09:00:00Z\"></head>"
                f"<body><nav><a href=\"/\">Home</a></nav><article><h1>{html.escape(html.unescape(r['title']))}</h1>"
                f"<p>{html.escape(html.unescape(r['text']))}</p></article><footer>News {site}</footer></body></html>"
            ).encode("utf-8")
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + \
                str(len(page)).encode() + b"\r\n\r\n" + page
            crawl = datetime.datetime(2024, 1, 1) + datetime.timedelta(seconds=i)
            head = (
                "WARC/1.0\r\nWARC-Type: response\r\n"
                f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{i:012d}>\r\n"
                f"WARC-Date: {crawl.strftime('%Y-%m-%dT%H:%M:%SZ')}\r\nWARC-Target-URI: {url}\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n"
            ).encode()
            out.write(gzip.compress(head + http + b"\r\n\r\n"))


if __name__ == "__main__":
    make_warc(sys.argv[1], int(sys.argv[2]), sys.argv[3])
