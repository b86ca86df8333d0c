#!/usr/bin/env python3
"""Scores Loupe's non-entity layers against gold records in the seed scheme
(`../shared/eval/seeds/*.json`, `../shared/eval/dev/dNN.json`).

Extends the idea of `../shared/eval/score.py` (one-to-one greedy matching on overlap length of
code-point spans) to the other layers of a prediction JSONL written by `loupe --eval`:

* quotes      — a gold quote is *found* when a predicted quote overlaps it (one-to-one); it is found
                *with the right speaker* when the predicted speaker equals the gold speaker
                (canonical names, case and accents ignored; "A + B" speakers match when the
                predicted one is among them); a gold speaker of null wants a null prediction;
* stance      — overlap matching of cue spans with the same polarity: precision, recall, F1; the
                same without the polarity (untyped); holder right on the typed matches (same
                rule as quote speakers);
* frames      — overlap matching with the same frame label (typed) and without (untyped);
* boilerplate — every gold segment must be set aside (>= 90 % of its characters inside predicted
                boilerplate), and no content line may be lost (a line outside every gold segment
                with >= 50 % of its characters predicted as boilerplate);
* card        — title, publisher and date, counted on the documents whose gold states them
                (and, apart, the documents that state none where Loupe also says nothing).

Usage: score_layers.py GOLD_DIR PRED.jsonl [--texts DIR] [--halves] [--per-doc] [--json OUT]
                       [--verbose] [--label NAME]
"""
import argparse
import glob
import json
import os
import sys
import unicodedata


def load_preds(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                out[doc_key(str(d["id"]))] = d
    return out


def doc_key(s):
    return s[:-4] if s.endswith(".txt") else s


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
    s = unicodedata.normalize("NFKD", (s or "").strip().lower())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("\u2019", "'").replace("\u00a0", " ").split())


def name_ok(gold, pred):
    """Speaker / holder agreement: both null, or the prediction is the gold name or one of its parts."""
    if not gold:
        return not pred
    if not pred:
        return False
    g = [norm(x) for x in gold.split("+")]
    p = [norm(x) for x in pred.split("+")]
    return norm(pred) == norm(gold) or all(x in g for x in p)


POLS = ["support", "oppose", "accuse", "commit", "concern", "praise"]
KEYS = [f"pol_{g}_{p}" for g in POLS for p in POLS] + [f"polgold_{g}" for g in POLS] + [f"polpred_{g}" for g in POLS] + ["q_gold", "q_found", "q_speaker", "s_gold", "s_pred", "s_tp", "s_tp_untyped", "s_holder",
        "f_gold", "f_pred", "f_tp", "f_tp_untyped", "b_gold", "b_covered", "lines", "lines_lost",
        "docs", "title_gold", "title", "publisher_gold", "publisher", "date_gold", "date",
        "none_docs", "none_ok"] + [f"{w}_wrong_{k}" for w in "qs" for k in ("nopred", "nogold", "part", "other")]


def wrong_kind(gold, pred):
    """Why a speaker or holder is wrong, as a count-only class (no text is printed)."""
    if not pred:
        return "nopred"
    if not gold:
        return "nogold"
    gw = set(norm(gold).replace("+", " ").split())
    pw = set(norm(pred).replace("+", " ").split())
    return "part" if gw & pw else "other"


def score_doc(g, p, text, did, verbose):
    t = {k: 0 for k in KEYS}
    t["docs"] = 1
    log = []
    # Quotes.
    gq, pq = g.get("quotes", []), p.get("quotes", [])
    m = match(gq, pq)
    t["q_gold"] += len(gq)
    t["q_found"] += len(m)
    for gi, pi in m:
        ok = name_ok(gq[gi].get("speaker"), pq[pi].get("speaker"))
        t["q_speaker"] += ok
        if not ok:
            t["q_wrong_" + wrong_kind(gq[gi].get("speaker"), pq[pi].get("speaker"))] += 1
            log.append(f"  [quote speaker] {did} gold={gq[gi].get('speaker')!r} pred={pq[pi].get('speaker')!r}: {gq[gi]['text'][:60]!r}")
    found = {gi for gi, _ in m}
    for gi, q in enumerate(gq):
        if gi not in found:
            log.append(f"  [quote missed] {did}: {q['text'][:70]!r}")
    # Stance: typed (polarity agreeing) and untyped matching; holder on typed matches.
    gs, ps = g.get("stance", []), p.get("stance", [])
    m = match(gs, ps, same=lambda x, y: x["polarity"] == y["polarity"])
    mu = match(gs, ps)
    t["s_gold"] += len(gs)
    t["s_pred"] += len(ps)
    t["s_tp"] += len(m)
    t["s_tp_untyped"] += len(mu)
    for gi, pi in m:
        ok = name_ok(gs[gi].get("holder"), ps[pi].get("holder"))
        t["s_holder"] += ok
        if not ok:
            t["s_wrong_" + wrong_kind(gs[gi].get("holder"), ps[pi].get("holder"))] += 1
            log.append(f"  [stance holder] {did}: {gs[gi]['text']!r} gold={gs[gi].get('holder')!r} pred={ps[pi].get('holder')!r}")
    for gi, pi in mu:
        gp_, pp_ = gs[gi]["polarity"], ps[pi]["polarity"]
        if gp_ in POLS and pp_ in POLS:
            t[f"pol_{gp_}_{pp_}"] += 1
    for x in gs:
        if x["polarity"] in POLS:
            t[f"polgold_{x['polarity']}"] += 1
    for x in ps:
        if x["polarity"] in POLS:
            t[f"polpred_{x['polarity']}"] += 1
    mg = {gi for gi, _ in m}
    mp = {pi for _, pi in m}
    upol = {gi: pi for gi, pi in mu}
    for gi, s in enumerate(gs):
        if gi not in mg:
            extra = ""
            if gi in upol:
                extra = f" [pred polarity {ps[upol[gi]]['polarity']}]"
            log.append(f"  [stance missed] {did}: {s['text']!r} ({s['polarity']}, {s['holder']}){extra}")
    for pi, s in enumerate(ps):
        if pi not in mp:
            st = text[s["start"]:s["end"]] if text else ""
            log.append(f"  [stance extra] {did}: {st!r} {s['start']}-{s['end']} ({s['polarity']}, {s.get('holder')})")
    # Frames.
    gf, pf = g.get("frames", []), p.get("frames", [])
    m = match(gf, pf, same=lambda x, y: x["frame"] == y["frame"])
    mu = match(gf, pf)
    t["f_gold"] += len(gf)
    t["f_pred"] += len(pf)
    t["f_tp"] += len(m)
    t["f_tp_untyped"] += len(mu)
    mg = {gi for gi, _ in m}
    mp = {pi for _, pi in m}
    for gi, s in enumerate(gf):
        if gi not in mg:
            log.append(f"  [frame missed] {did}: {s['text']!r} ({s['frame']})")
    for pi, s in enumerate(pf):
        if pi not in mp:
            st = text[s["start"]:s["end"]] if text else ""
            log.append(f"  [frame extra] {did}: {st!r} {s['start']}-{s['end']} ({s['frame']})")
    # Boilerplate.
    covered = set()
    for b in p.get("boilerplate", []):
        covered.update(range(b["start"], b["end"]))
    gold_chars = set()
    for b in g.get("boilerplate", []):
        chars = set(range(b["start"], b["end"]))
        gold_chars |= chars
        t["b_gold"] += 1
        ok = chars and len(chars & covered) / len(chars) >= 0.9
        t["b_covered"] += bool(ok)
        if not ok:
            log.append(f"  [boilerplate missed] {did}: {b['text'][:70]!r}")
    if text is not None:
        pos = 0
        for line in text.split("\n"):
            s, e = pos, pos + len(line)
            pos = e + 1
            if not line.strip():
                continue
            chars = set(range(s, e))
            if chars <= gold_chars or len(chars & gold_chars) / len(chars) >= 0.5:
                continue
            t["lines"] += 1
            if len(chars & covered) / len(chars) >= 0.5:
                t["lines_lost"] += 1
                log.append(f"  [content lost] {did}: {line[:70]!r}")
    # Card: scored where the gold states the field.
    src = g.get("source") or {}
    gt, gp, gd = g.get("title"), src.get("publisher"), src.get("date")
    pt, pp, pd = p.get("title"), p.get("publisher"), p.get("date")
    if gt:
        t["title_gold"] += 1
        t["title"] += norm(gt) == norm(pt)
    if gp:
        t["publisher_gold"] += 1
        t["publisher"] += bool(pp and (norm(gp) == norm(pp) or norm(gp) in norm(pp) or norm(pp) in norm(gp)))
    if gd:
        t["date_gold"] += 1
        t["date"] += gd == pd
    if not (gt or gp or gd):
        t["none_docs"] += 1
        t["none_ok"] += not (pt or pp or pd)
    card_ok = (not gt or norm(gt) == norm(pt)) and (not gd or gd == pd) and \
        (not gp or (pp and (norm(gp) in norm(pp) or norm(pp) in norm(gp))))
    log.append(f"  [card{'' if card_ok else ' DIFF'}] {did}: title gold={gt!r} pred={pt!r}; publisher gold={gp!r} pred={pp!r}; date gold={gd!r} pred={pd!r}")
    if verbose:
        for line in log:
            print(line)
    return t


def pct(a, b):
    return f"{a / b * 100:5.1f}" if b else "    -"


def report(name, tot, show_confusion=False):
    print(f"== {name}: {tot['docs']} documents (overlap matching, one-to-one)")
    print(f"quotes      gold {tot['q_gold']:>4}  found {tot['q_found']:>4} ({pct(tot['q_found'], tot['q_gold'])}%)"
          f"  right speaker {tot['q_speaker']:>4} ({pct(tot['q_speaker'], tot['q_gold'])}% of gold, {pct(tot['q_speaker'], tot['q_found'])}% of found)")
    sp, sr, sf = prf(tot["s_tp"], tot["s_pred"], tot["s_gold"])
    up, ur, uf = prf(tot["s_tp_untyped"], tot["s_pred"], tot["s_gold"])
    print(f"stance      gold {tot['s_gold']:>4}  pred {tot['s_pred']:>4}  P {sp*100:5.1f}  R {sr*100:5.1f}  F1 {sf*100:5.1f}"
          f"   (polarity ignored: P {up*100:5.1f} R {ur*100:5.1f})  holder right {tot['s_holder']}/{tot['s_tp']} ({pct(tot['s_holder'], tot['s_tp'])}%)")
    if show_confusion:
        print("            polarity on overlapping pairs (rows gold, columns predicted); gold / predicted totals")
        print("            " + " ".join(f"{p[:7]:>8}" for p in POLS) + "     gold  pred")
        for g in POLS:
            print(f"            {g[:7]:<8}" + " ".join(f"{tot[f'pol_{g}_{p}']:>8}" for p in POLS)
                  + f"  {tot[f'polgold_{g}']:>6} {tot[f'polpred_{g}']:>5}")
        for w, what in (("q", "quote speaker"), ("s", "stance holder")):
            print(f"            wrong {what}: none predicted {tot[w + '_wrong_nopred']}, gold has none {tot[w + '_wrong_nogold']},"
                  f" shares a word with gold {tot[w + '_wrong_part']}, another name {tot[w + '_wrong_other']}")
    fp, fr, ff = prf(tot["f_tp"], tot["f_pred"], tot["f_gold"])
    fu, fru, _ = prf(tot["f_tp_untyped"], tot["f_pred"], tot["f_gold"])
    print(f"frames      gold {tot['f_gold']:>4}  pred {tot['f_pred']:>4}  P {fp*100:5.1f}  R {fr*100:5.1f}  F1 {ff*100:5.1f}"
          f"   (label ignored: P {fu*100:5.1f} R {fru*100:5.1f})")
    print(f"boilerplate gold segments {tot['b_gold']:>3}  set aside {tot['b_covered']:>3} ({pct(tot['b_covered'], tot['b_gold'])}%)"
          f"   content lines {tot['lines']:>4}  lost {tot['lines_lost']:>3}")
    print(f"card        title {tot['title']}/{tot['title_gold']}  publisher {tot['publisher']}/{tot['publisher_gold']}"
          f"  date {tot['date']}/{tot['date_gold']}   (of the documents stating each; stating none and none said:"
          f" {tot['none_ok']}/{tot['none_docs']})")
    return {
        "documents": tot["docs"],
        "quotes": {"gold": tot["q_gold"], "found": tot["q_found"], "speaker": tot["q_speaker"]},
        "stance": {"p": sp, "r": sr, "f1": sf, "p_untyped": up, "r_untyped": ur, "holder": tot["s_holder"], "matches": tot["s_tp"]},
        "frames": {"p": fp, "r": fr, "f1": ff},
        "boilerplate": {"gold": tot["b_gold"], "covered": tot["b_covered"], "content_lines": tot["lines"], "lost": tot["lines_lost"]},
        "card": {k: tot[k] for k in ["title", "title_gold", "publisher", "publisher_gold", "date", "date_gold"]},
        "totals": tot,
    }


def per_doc_table(rows):
    print("per document: quotes found/gold speaker-ok | stance tp/pred/gold holder-ok | frames tp/pred/gold |"
          " chrome set-aside/gold lost | card t p d")
    for did, t in rows:
        card = " ".join(
            ("-" if not t[k + "_gold"] else ("ok" if t[k] else "x")) for k in ["title", "publisher", "date"])
        print(f"  {did:<22} q {t['q_found']:>2}/{t['q_gold']:<2} {t['q_speaker']:>2} | s {t['s_tp']:>2}/{t['s_pred']:>2}/{t['s_gold']:<2}"
              f" {t['s_holder']:>2} | f {t['f_tp']:>2}/{t['f_pred']:>2}/{t['f_gold']:<2} | b {t['b_covered']:>2}/{t['b_gold']:<2}"
              f" {t['lines_lost']} | {card}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold_dir")
    ap.add_argument("pred")
    ap.add_argument("--texts", help="folder of the documents' texts (default: GOLD_DIR/texts, else ../../seeds)")
    ap.add_argument("--halves", action="store_true", help="also report odd and even document numbers apart")
    ap.add_argument("--per-doc", action="store_true", help="one line per document")
    ap.add_argument("--label", default="layers")
    ap.add_argument("--confusion", action="store_true", help="stance polarity confusion matrix")
    ap.add_argument("--json")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    preds = load_preds(a.pred)
    texts = a.texts
    if not texts:
        cand = os.path.join(a.gold_dir, "texts")
        texts = cand if os.path.isdir(cand) else os.path.join(a.gold_dir, "..", "..", "seeds")
    rows = []
    for path in sorted(glob.glob(os.path.join(a.gold_dir, "*.json"))):
        g = json.load(open(path, encoding="utf-8"))
        if "doc" not in g:
            continue
        did = doc_key(g["doc"])
        p = preds.get(did)
        if p is None:
            print(f"warning: no prediction for {did}", file=sys.stderr)
            p = {}
        tpath = os.path.join(texts, g["doc"])
        text = open(tpath, encoding="utf-8").read() if os.path.exists(tpath) else None
        rows.append((did, score_doc(g, p, text, did, a.verbose)))

    def total(sel):
        tot = {k: 0 for k in KEYS}
        for _, t in sel:
            for k in KEYS:
                tot[k] += t[k]
        return tot

    out = {"all": report(a.label, total(rows), a.confusion)}
    if a.halves:
        def num(did):
            digits = "".join(c for c in did if c.isdigit())
            return int(digits) if digits else 0
        for half, par in (("odd", 1), ("even", 0)):
            sel = [r for r in rows if num(r[0]) % 2 == par]
            print()
            out[half] = report(f"{a.label}, {half} half", total(sel), a.confusion)
    if a.per_doc:
        print()
        per_doc_table(rows)
    if a.json:
        json.dump(out, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    main()
