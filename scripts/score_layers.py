#!/usr/bin/env python3
"""Scores Loupe's non-entity layers against the seed gold (`../shared/eval/seeds/*.json`).

Extends the idea of `../shared/eval/score.py` (one-to-one greedy overlap matching on code-point
spans) to the other layers of a prediction JSONL written by `loupe --eval`:

* quotes      — a gold quote is *found* when a predicted quote overlaps it (one-to-one); it is found
                *with the right speaker* when the predicted speaker equals the gold speaker
                (canonical names; "A + B" speakers match when the predicted one is among them);
* stance      — overlap matching of cue spans: precision, recall, F1; polarity agreement on matches;
* frames      — overlap matching with the same frame label (typed) and without (untyped);
* boilerplate — every gold segment must be set aside (>= 90 % of its characters inside predicted
                boilerplate), and no content line may be lost (a line outside every gold segment
                with >= 50 % of its characters predicted as boilerplate);
* card        — title, publisher and date agreement.

Usage: score_layers.py GOLD_DIR PRED.jsonl [--json OUT] [--verbose]
"""
import argparse
import glob
import json
import os
import sys


def load_preds(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[str(d["id"])] = d
    return out


def match(gold, pred, same=None):
    """One-to-one greedy matching on overlap length. Returns list of (gi, pi)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0 and (same is None or same(g, p)):
                pairs.append((-ov, gi, pi))
    pairs.sort()
    ug, up, res = set(), set(), []
    for _, gi, pi in pairs:
        if gi in ug or pi in up:
            continue
        ug.add(gi)
        up.add(pi)
        res.append((gi, pi))
    return res


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def norm(s):
    return (s or "").strip().lower()


def speaker_ok(gold_sp, pred_sp):
    if not pred_sp:
        return False
    g = [norm(x) for x in (gold_sp or "").split("+")]
    return norm(pred_sp) in g or norm(pred_sp) == norm(gold_sp)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir")
    ap.add_argument("pred")
    ap.add_argument("--json")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    preds = load_preds(a.pred)
    tot = {k: 0 for k in ["q_gold", "q_found", "q_speaker", "s_gold", "s_pred", "s_tp", "s_pol",
                          "f_gold", "f_pred", "f_tp", "f_tp_untyped", "b_gold", "b_covered",
                          "lines", "lines_lost", "docs", "title", "publisher", "date"]}
    for path in sorted(glob.glob(os.path.join(a.gold_dir, "*.json"))):
        g = json.load(open(path, encoding="utf-8"))
        did = g["doc"]
        p = preds.get(did)
        if p is None:
            print(f"warning: no prediction for {did}", file=sys.stderr)
            p = {}
        tot["docs"] += 1
        # Quotes.
        gq, pq = g.get("quotes", []), p.get("quotes", [])
        m = match(gq, pq)
        tot["q_gold"] += len(gq)
        tot["q_found"] += len(m)
        for gi, pi in m:
            ok = speaker_ok(gq[gi].get("speaker"), pq[pi].get("speaker"))
            tot["q_speaker"] += ok
            if a.verbose and not ok:
                print(f"  [quote speaker] {did} gold={gq[gi].get('speaker')!r} pred={pq[pi].get('speaker')!r}: {gq[gi]['text'][:60]!r}")
        if a.verbose:
            found = {gi for gi, _ in m}
            for gi, q in enumerate(gq):
                if gi not in found:
                    print(f"  [quote missed] {did}: {q['text'][:70]!r}")
        # Stance.
        gs, ps = g.get("stance", []), p.get("stance", [])
        m = match(gs, ps)
        tot["s_gold"] += len(gs)
        tot["s_pred"] += len(ps)
        tot["s_tp"] += len(m)
        tot["s_pol"] += sum(1 for gi, pi in m if gs[gi]["polarity"] == ps[pi]["polarity"])
        if a.verbose:
            mg = {gi for gi, _ in m}
            mp = {pi for _, pi in m}
            for gi, s in enumerate(gs):
                if gi not in mg:
                    print(f"  [stance missed] {did}: {s['text']!r} ({s['polarity']}, {s['holder']})")
            for pi, s in enumerate(ps):
                if pi not in mp:
                    print(f"  [stance extra] {did}: {s['start']}-{s['end']} ({s['polarity']}, {s.get('holder')})")
        # Frames.
        gf, pf = g.get("frames", []), p.get("frames", [])
        m = match(gf, pf, same=lambda x, y: x["frame"] == y["frame"])
        mu = match(gf, pf)
        tot["f_gold"] += len(gf)
        tot["f_pred"] += len(pf)
        tot["f_tp"] += len(m)
        tot["f_tp_untyped"] += len(mu)
        if a.verbose:
            mg = {gi for gi, _ in m}
            mp = {pi for _, pi in m}
            for gi, s in enumerate(gf):
                if gi not in mg:
                    print(f"  [frame missed] {did}: {s['text']!r} ({s['frame']})")
            for pi, s in enumerate(pf):
                if pi not in mp:
                    print(f"  [frame extra] {did}: {s['start']}-{s['end']} ({s['frame']})")
        # Boilerplate.
        pb = p.get("boilerplate", [])
        covered = set()
        for b in pb:
            covered.update(range(b["start"], b["end"]))
        gold_chars = set()
        for b in g.get("boilerplate", []):
            chars = set(range(b["start"], b["end"]))
            gold_chars |= chars
            tot["b_gold"] += 1
            ok = chars and len(chars & covered) / len(chars) >= 0.9
            tot["b_covered"] += bool(ok)
            if a.verbose and not ok:
                print(f"  [boilerplate missed] {did}: {b['text'][:70]!r}")
        # Content lines lost: need the text; rebuild line spans from gold entity-free info.
        seeds_dir = os.path.join(os.path.dirname(os.path.abspath(a.gold_dir.rstrip('/'))), "..", "seeds")
        tpath = os.path.join(seeds_dir, did)
        if os.path.exists(tpath):
            text = open(tpath, encoding="utf-8").read()
            pos = 0
            for line in text.split("\n"):
                s, e = pos, pos + len(line)
                pos = e + 1
                if not line.strip():
                    continue
                chars = set(range(s, e))
                if chars <= gold_chars or len(chars & gold_chars) / len(chars) >= 0.5:
                    continue
                tot["lines"] += 1
                if len(chars & covered) / len(chars) >= 0.5:
                    tot["lines_lost"] += 1
                    if a.verbose:
                        print(f"  [content lost] {did}: {line[:70]!r}")
        # Card.
        tot["title"] += norm(g.get("title")) == norm(p.get("title"))
        gpub = (g.get("source") or {}).get("publisher")
        ppub = p.get("publisher")
        tot["publisher"] += bool((norm(gpub) == norm(ppub)) or (gpub and ppub and (norm(gpub) in norm(ppub) or norm(ppub) in norm(gpub))))
        tot["date"] += (g.get("source") or {}).get("date") == p.get("date")
        if a.verbose:
            print(f"  [card] {did}: title {'ok' if norm(g.get('title')) == norm(p.get('title')) else 'DIFF ' + repr(p.get('title'))}, publisher gold={gpub!r} pred={ppub!r}, date gold={(g.get('source') or {}).get('date')!r} pred={p.get('date')!r}")

    res = {}
    print("== Loupe layers vs seed gold (overlap matching, one-to-one)")
    print(f"documents: {tot['docs']}")
    qf = tot["q_found"] / tot["q_gold"] if tot["q_gold"] else 0
    qs = tot["q_speaker"] / tot["q_gold"] if tot["q_gold"] else 0
    print(f"quotes      gold {tot['q_gold']:>4}  found {tot['q_found']:>4} ({qf*100:5.1f}%)  with right speaker {tot['q_speaker']:>4} ({qs*100:5.1f}%)")
    sp, sr, sf = prf(tot["s_tp"], tot["s_pred"], tot["s_gold"])
    print(f"stance      gold {tot['s_gold']:>4}  pred {tot['s_pred']:>4}  P {sp*100:5.1f}  R {sr*100:5.1f}  F1 {sf*100:5.1f}  polarity agreement on matches {tot['s_pol']}/{tot['s_tp']}")
    fp, fr, ff = prf(tot["f_tp"], tot["f_pred"], tot["f_gold"])
    up, ur, uf = prf(tot["f_tp_untyped"], tot["f_pred"], tot["f_gold"])
    print(f"frames      gold {tot['f_gold']:>4}  pred {tot['f_pred']:>4}  P {fp*100:5.1f}  R {fr*100:5.1f}  F1 {ff*100:5.1f}   (label ignored: P {up*100:5.1f} R {ur*100:5.1f})")
    print(f"boilerplate gold segments {tot['b_gold']:>3}  set aside {tot['b_covered']:>3}   content lines {tot['lines']:>3}  lost {tot['lines_lost']:>3}")
    print(f"card        title {tot['title']}/{tot['docs']}  publisher {tot['publisher']}/{tot['docs']}  date {tot['date']}/{tot['docs']}")
    res = {"quotes": {"found": qf, "speaker": qs}, "stance": {"p": sp, "r": sr, "f1": sf},
           "frames": {"p": fp, "r": fr, "f1": ff}, "boilerplate": {"gold": tot["b_gold"], "covered": tot["b_covered"],
           "content_lines": tot["lines"], "lost": tot["lines_lost"]}, "totals": tot}
    if a.json:
        json.dump(res, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    main()
