#!/usr/bin/env python3
"""Runs the invented page-chrome corpus (tests/fixtures/chrome/*.txt, format in its README) through
the release CLI and prints every miss: chrome kept, content set aside, card fields wrong.

Usage: scripts/chrome_corpus.py [--bin target/release/loupe] [FILE...]
"""
import glob
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def parse(path):
    lines, card = [], {}
    for raw in open(path, encoding="utf-8").read().split("\n"):
        if raw.startswith("# "):
            k, _, v = raw[2:].partition(":")
            card[k.strip()] = v.strip()
            continue
        if "\t" in raw:
            tag, _, text = raw.partition("\t")
            lines.append((tag, text))
        elif raw.strip() == "":
            lines.append(("", ""))
    while lines and lines[-1][0] == "":
        lines.pop()
    return lines, card


def norm(s):
    s = unicodedata.normalize("NFKD", (s or "").strip().lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("\u2019", "'").split())


def main():
    args = sys.argv[1:]
    binary = os.path.join(ROOT, "target/release/loupe")
    if args[:1] == ["--bin"]:
        binary, args = args[1], args[2:]
    files = args or sorted(glob.glob(os.path.join(ROOT, "tests/fixtures/chrome/*.txt")))
    tmp = tempfile.mkdtemp()
    docs = []
    for f in files:
        lines, card = parse(f)
        text = "\n".join(t for _, t in lines)
        p = os.path.join(tmp, os.path.basename(f))
        open(p, "w", encoding="utf-8").write(text)
        docs.append((f, p, lines, card, text))
    out = subprocess.run([binary] + [d[1] for d in docs], capture_output=True, check=True).stdout
    results = [json.loads(l) for l in out.decode().splitlines() if l.strip()]
    tot = {"c": 0, "c_ok": 0, "k": 0, "k_lost": 0, "card": 0, "card_ok": 0}
    for (f, _, lines, card, text), r in zip(docs, results):
        a = r["analysis"]
        b = text.encode("utf-8")
        covered = bytearray(len(b))
        for s in a["boilerplate"]:
            for i in range(s["span"]["start"], s["span"]["end"]):
                covered[i] = 1
        pos = 0
        name = os.path.basename(f)
        for tag, t in lines:
            n = len(t.encode("utf-8"))
            share = sum(covered[pos:pos + n]) / n if n else 0
            pos += n + 1
            if tag == "c":
                tot["c"] += 1
                if share >= 0.9:
                    tot["c_ok"] += 1
                else:
                    print(f"{name}: chrome kept   {t[:90]!r}")
            elif tag in ("k", "t"):
                tot["k"] += 1
                if share >= 0.5:
                    tot["k_lost"] += 1
                    print(f"{name}: CONTENT LOST  {t[:90]!r}")
        c = a["card"]
        got = {"title": c.get("title"), "publisher": (c.get("publisher") or {}).get("name"),
               "date": c.get("date")}
        for k in ("title", "publisher", "date"):
            if k not in card:
                continue
            want = None if card[k] == "-" else card[k]
            tot["card"] += 1
            g = got[k]
            if want is None:
                ok = g is None
            elif k == "publisher":
                ok = bool(g) and any(norm(w) in norm(g) or norm(g) in norm(w) for w in want.split("|"))
            else:
                ok = norm(want) == norm(g)
            tot["card_ok"] += ok
            if not ok:
                print(f"{name}: card {k}: want {want!r} got {g!r}")
    print(f"chrome lines set aside {tot['c_ok']}/{tot['c']}; content lines lost {tot['k_lost']}/{tot['k']}; "
          f"card fields right {tot['card_ok']}/{tot['card']}")


if __name__ == "__main__":
    main()
