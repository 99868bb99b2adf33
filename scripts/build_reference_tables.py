#!/usr/bin/env python3
"""Builds data/reference/cameo_codes.tsv from the CAMEO/PLOVER reference tables.

Usage: scripts/build_reference_tables.py [SHARED_REFERENCE_DIR] [OUT_DIR]
Defaults: ../shared/reference relative to the repository, and data/reference.

One row per CAMEO event code with the facts the coder attaches to every event:
  code, name, root, goldstein (blank when GDELT gives none), quad_class_gdelt (09 -> 2, 14 -> 3),
  quad_class_alt (09 -> 3, 14 -> 4), plover_type, plover_mode, plover_context.
Root 08 has two PLOVER rows (CONCEDE for 081-083, RETREAT for 084-087); the root row keeps the
first (CONCEDE), and each 3/4-digit row keeps its own mapping.
"""
import csv
import os
import sys


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(repo, "..", "shared", "reference")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(repo, "data", "reference")
    codes = read_tsv(os.path.join(src, "cameo_event_codes.tsv"))
    plover = {}
    for row in read_tsv(os.path.join(src, "cameo_to_plover.tsv")):
        plover.setdefault(row["cameo_code"], row)  # first row wins (root 08: CONCEDE)
    os.makedirs(out, exist_ok=True)
    path = os.path.join(out, "cameo_codes.tsv")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("code\tname\troot\tgoldstein\tquad_class_gdelt\tquad_class_alt\t"
                "plover_type\tplover_mode\tplover_context\n")
        for row in codes:
            code = row["code"]
            p = plover.get(code, {})
            fields = [code, row["name"], row["root_code"], row["goldstein"],
                      row["quad_class_gdelt"], row["quad_class"],
                      p.get("plover_type", ""), p.get("plover_mode", ""),
                      p.get("plover_context", "")]
            for x in fields:
                if "\t" in x or "\n" in x:
                    raise SystemExit(f"{code}: field with tab or newline: {x!r}")
            f.write("\t".join(fields) + "\n")
    print(f"wrote {path}: {len(codes)} codes", file=sys.stderr)


if __name__ == "__main__":
    main()
