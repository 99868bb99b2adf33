#!/usr/bin/env python3
"""Writes the seed corpus of each fuzz target (tests/fuzz/) from the repository's test data.

Usage: python3 scripts/fuzz_seeds.py OUT_DIR  (one folder per target; files are small pieces)"""
import glob
import gzip
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
LIMIT = 16 << 10


def head(path, n=LIMIT):
    with open(path, "rb") as f:
        return f.read(n)


def warc_record(kind, uri, block, content_type):
    h = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-05-20T10:00:00Z\r\n"
         f"WARC-Record-ID: <urn:uuid:{abs(hash(uri))}>\r\nContent-Type: {content_type}\r\n"
         f"Content-Length: {len(block)}\r\n\r\n").encode()
    return h + block + b"\r\n\r\n"


PAGE = (b"<html><head><title>Talks</title><meta property='article:published_time' content='2022-05-20'>"
        b"</head><body><article><h1>Talks</h1><p>China is ready to work with Kazakhstan, the minister said."
        b"</p><div><p>More <b>talks</b> came.</div></article></body></html>")


def seeds():
    out = {k: [] for k in ["text_article", "json_lines", "html", "warc", "conllu", "our_dictionary",
                           "petrarch_dictionary", "model_file", "petrarch_records", "http_params"]}
    for p in sorted(glob.glob(os.path.join(ROOT, "samples", "*.txt"))) + [
            os.path.join(ROOT, "tests", "data", "text", "news_repair.txt")]:
        out["text_article"].append(head(p))
    news = os.path.join(SHARED, "news", "agnews_dev.jsonl")
    if os.path.exists(news):
        lines = head(news, 64 << 10).split(b"\n")[:20]
        out["json_lines"] += [l for l in lines if l]
        out["json_lines"].append(b"[" + b",".join(lines[:3]) + b"]")
    out["json_lines"].append(b'{"id":"a","date":"2022-05-20","title":"T","text":"China met Kazakhstan.","url":"<http://x>"}')
    out["html"] += [PAGE, PAGE.decode().encode("utf-16"), b"<div></span>" * 50, b"<svg><path/></svg><p>x"]
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + PAGE
    image = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8\xff"
    redirect = b"HTTP/1.1 302 Found\r\nLocation: /b\r\n\r\n"
    records = [warc_record("warcinfo", "", b"software: x\r\n", "application/warc-fields"),
               warc_record("response", "https://example.org/a", http, "application/http; msgtype=response"),
               warc_record("response", "https://example.org/i", image, "application/http; msgtype=response"),
               warc_record("response", "https://example.org/r", redirect, "application/http; msgtype=response")]
    out["warc"] += [b"".join(records), b"".join(gzip.compress(r) for r in records), gzip.compress(records[1])]
    for p in glob.glob(os.path.join(ROOT, "tests", "data", "syntax", "*.conllu")):
        out["conllu"].append(head(p, 8 << 10))
    for p in sorted(glob.glob(os.path.join(ROOT, "data", "dict", "*.txt")))[:12]:
        out["our_dictionary"].append(head(p, 4 << 10))
    for p in sorted(glob.glob(os.path.join(SHARED, "petrarch", "*.txt"))):
        out["petrarch_dictionary"].append(head(p, 8 << 10))
    for p in glob.glob(os.path.join(ROOT, "models", "*.bin")):
        out["model_file"].append(head(p, 4 << 10))
    records_xml = os.path.join(SHARED, "petrarch", "PETR.UnitTest.records.ud.xml")
    if os.path.exists(records_xml):
        text = head(records_xml, 256 << 10).decode("utf-8", "replace")
        start = text.find("<Sentence ")
        for i in range(4):
            end = text.find("</Sentence>", start) + len("</Sentence>")
            if start < 0 or end < len("</Sentence>"):
                break
            out["petrarch_records"].append(("<Sentences>" + text[start:end] + "</Sentences>").encode())
            start = text.find("<Sentence ", end)
    out["http_params"] += [b"summary", b"events?a=CHN&b=KAZ&root=05&quad=1,2&from=2022-01&to=2022-12&limit=10",
                           b"timeline?a=CHN&b=KAZ&by=week", b"mentions?event=1", b"article?id=a1&mention=2",
                           b"actors?from=2022&limit=5&country=1", b"chart?actor=CHN&by=month",
                           b"places?text=talks&offset=18446744073709551615"]
    return out


def main():
    root = sys.argv[1]
    for target, items in seeds().items():
        folder = os.path.join(root, target)
        os.makedirs(folder, exist_ok=True)
        for i, data in enumerate(items):
            with open(os.path.join(folder, f"seed_{i:03d}"), "wb") as f:
                f.write(data)


if __name__ == "__main__":
    main()
