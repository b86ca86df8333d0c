#!/usr/bin/env python3
"""Lists entity errors (false positives / false negatives, exact match) of a prediction JSONL
against a gold JSONL in the scorer's format. Usage: ner_diff.py GOLD PRED [--types PER,ORG] [--max N]"""
import argparse, json
from collections import Counter

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("pred")
ap.add_argument("--types", default=None); ap.add_argument("--max", type=int, default=60)
ap.add_argument("--summary", action="store_true", help="only the most frequent error strings")
a = ap.parse_args()
types = set(a.types.split(",")) if a.types else None
pred = {str(d["id"]): d for d in map(json.loads, open(a.pred, encoding="utf-8"))}
fp, fn = Counter(), Counter()
lines = []
for d in map(json.loads, open(a.gold, encoding="utf-8")):
    t = d["text"]
    g = {(e["start"], e["end"], e["type"]) for e in d["entities"] if not types or e["type"] in types}
    pe = pred.get(str(d["id"]), {}).get("entities", [])
    rules = {(e["start"], e["end"], e["type"]): e.get("rule", "") for e in pe}
    p = {(e["start"], e["end"], e["type"]) for e in pe if not types or e["type"] in types}
    for s, e, ty in sorted(p - g):
        fp[(ty, t[s:e])] += 1
        lines.append(f"FP {d['id']} {ty:4} {t[s:e]!r} [{rules.get((s, e, ty))}] ctx={t[max(0,s-30):e+20]!r}")
    for s, e, ty in sorted(g - p):
        fn[(ty, t[s:e])] += 1
        lines.append(f"FN {d['id']} {ty:4} {t[s:e]!r}  ctx={t[max(0,s-30):e+20]!r}")
if a.summary:
    print("top FP:", fp.most_common(a.max))
    print("top FN:", fn.most_common(a.max))
else:
    print("\n".join(lines[: a.max]))
