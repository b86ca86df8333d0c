//! Stance phrases (holder → polarity → target) and narrative frames, from the lexicons
//! `data/lexicon/stance.tsv` and `data/lexicon/frames.tsv`.
//!
//! Stance holder (syntax-light):
//! 1. the nearest *subject-like* entity mention before the cue in the same clause — a mention not
//!    governed by a preposition (« de », « à », « avec »…) — extended over coordination
//!    (« la Chine et la Russie » → both);
//! 2. a subject pronoun (« il », « elle », « ils ») before the cue → its antecedent;
//! 3. the cue inside a quotation → the quote's speaker;
//! 4. a speech verb later in the sentence (« …, a déclaré M. Wang ») → its subject;
//! 5. otherwise the subject of the previous sentences.
//!
//! Target: the words after the cue up to the end of the clause (at most 16 tokens).
//!
//! Invariants: cue spans are on token boundaries, outside boilerplate, sorted and
//! non-overlapping within each layer; every holder index is a valid mention index.

use crate::doc::{Doc, NSpan};
use crate::entities::EMention;
use crate::lexicon::{lexicons, CueHit, SpeechKind};
use crate::quotes::{governed, resolve_pronoun, resolve_role_np, QuoteAnn};
use crate::schema::{EntityType, Polarity, Rule};

#[derive(Debug, Clone)]
pub struct StanceAnn {
    pub span: NSpan,
    pub a: usize,
    pub b: usize,
    pub polarity: Polarity,
    pub holders: Vec<usize>,
    pub holder_text: Option<String>,
    pub target: Option<String>,
    pub rule: Rule,
}

#[derive(Debug, Clone)]
pub struct FrameAnn {
    pub span: NSpan,
    pub frame: String,
    pub rule: Rule,
}

/// Tokens that end a clause.
fn is_clause_break(tok: &str) -> bool {
    matches!(
        tok,
        ";" | ":" | "(" | ")" | "»" | "«" | "“" | "”" | "?" | "!" | "."
    )
}

/// How far (in tokens) the holder search looks back for the clause start and forward for a
/// speech verb: keeps the search linear in the text even for pathological run-on sentences
/// (a real clause is far shorter).
const HOLDER_WINDOW: usize = 60;

fn mention_before(ms: &[EMention], t: usize) -> usize {
    ms.partition_point(|m| m.a < t)
}

fn holder_for(
    doc: &Doc,
    ms: &[EMention],
    quotes: &[QuoteAnn],
    cue_a: usize,
) -> (Vec<usize>, Option<String>, &'static str) {
    let sent = doc.tokens()[cue_a].sent();
    let s = &doc.seg.sentences[sent];
    let qi = quotes.partition_point(|q| q.b <= cue_a);
    let in_quote = quotes.get(qi).filter(|q| q.a <= cue_a && cue_a < q.b);
    let clause_start = {
        let mut k = cue_a;
        let floor = s.tokens.start.max(cue_a.saturating_sub(HOLDER_WINDOW));
        while k > floor {
            if is_clause_break(doc.tok(k - 1)) {
                break;
            }
            k -= 1;
        }
        if let Some(q) = in_quote {
            k.max(q.a)
        } else {
            k
        }
    };
    // 2. Subject pronoun right before the cue (« qu'elle soutenait », « il a salué »).
    let mut k = cue_a;
    while k > clause_start && cue_a - k < 4 {
        k -= 1;
        let w = doc.tok_lower(k);
        if matches!(w, "il" | "elle" | "ils" | "elles") {
            // Nearest subject-like mention before the pronoun in the sentence, else context.
            let end = mention_before(ms, k);
            for mi in (0..end).rev() {
                let m = &ms[mi];
                if m.a < s.tokens.start {
                    break;
                }
                if !governed(doc, m) && m.etype != EntityType::MISC {
                    return (coordinated(doc, ms, mi), None, "pronoun");
                }
            }
            if let Some(m) = resolve_pronoun(doc, ms, k) {
                return (vec![m], None, "pronoun");
            }
        }
        if !doc.is_word(k) {
            break;
        }
    }
    // A role noun phrase as subject (« Le ministre turc a salué… »).
    let end = mention_before(ms, cue_a);
    let clause_has_mention = ms
        .get(mention_before(ms, clause_start))
        .is_some_and(|m| m.a < cue_a);
    if !clause_has_mention {
        let mut t = clause_start;
        while t < cue_a {
            if !matches!(doc.tok_lower(t), "le" | "la" | "l'") {
                t += 1;
                continue;
            }
            if let Some((mi, e)) = resolve_role_np(doc, ms, t, cue_a) {
                if e <= cue_a {
                    return (vec![mi], None, "role");
                }
            }
            t += 1;
        }
    }
    // 1. Subject-like mention in the clause before the cue.
    for mi in (0..end).rev() {
        let m = &ms[mi];
        if m.a < clause_start {
            break;
        }
        if m.etype != EntityType::MISC && !governed(doc, m) {
            return (coordinated(doc, ms, mi), None, "subject");
        }
    }
    // 3. Inside a quote: its speaker.
    if let Some(q) = in_quote {
        if q.speaker.is_some() || q.speaker_text.is_some() {
            return (
                q.speaker.into_iter().collect(),
                q.speaker_text.clone(),
                "quote-speaker",
            );
        }
    }
    // A plain noun phrase as subject (« Plusieurs eurodéputés accusent… »): no entity holds it.
    if in_quote.is_none() && cue_a > clause_start && cue_a - clause_start <= 6 {
        let det = doc.tok_lower(clause_start);
        let words_only = (clause_start..cue_a).all(|k| doc.is_word(k));
        if words_only
            && matches!(
                det,
                "les"
                    | "des"
                    | "plusieurs"
                    | "certains"
                    | "certaines"
                    | "de"
                    | "nombre"
                    | "ces"
                    | "un"
                    | "une"
                    | "le"
                    | "la"
                    | "l'"
            )
        {
            // The noun phrase ends at its verb (« Les deux dirigeants ont exprimé leur
            // opposition » → « Les deux dirigeants »).
            let lex = lexicons();
            let np_end = (clause_start + 1..cue_a)
                .find(|&k| {
                    let w = doc.tok_lower(k);
                    matches!(
                        w,
                        "a" | "ont"
                            | "avait"
                            | "avaient"
                            | "aura"
                            | "auront"
                            | "est"
                            | "sont"
                            | "était"
                            | "étaient"
                            | "sera"
                            | "seront"
                            | "se"
                            | "s'"
                            | "ne"
                            | "n'"
                            | "doit"
                            | "doivent"
                            | "va"
                            | "vont"
                            | "qui"
                    ) || lex.speech.contains_key(w)
                })
                .unwrap_or(cue_a);
            // (A determiner alone is no noun phrase: « … de contester »; the next rules try.)
            if np_end - clause_start >= 2 {
                return (
                    Vec::new(),
                    Some(doc.slice(doc.tspan(clause_start, np_end)).to_string()),
                    "noun-phrase",
                );
            }
        }
    }
    // Otherwise the sentence's subject: its first mention not governed by a preposition
    // (« Rabat soutient …, mais s'oppose … »).
    let first = ms.partition_point(|m| m.a < s.tokens.start);
    for mi in first..end {
        let m = &ms[mi];
        if m.etype != EntityType::MISC && !governed(doc, m) {
            return (coordinated(doc, ms, mi), None, "sentence-subject");
        }
    }
    // A role phrase opening the sentence, as its subject (« Le ministre turc a salué « une
    // étape historique » » → the Turkish minister named earlier). Only at the sentence's start:
    // one lookup per stance.
    let t = s.tokens.start;
    if t < cue_a && matches!(doc.tok_lower(t), "le" | "la" | "l'") {
        if let Some((mi, _)) = resolve_role_np(doc, ms, t, cue_a) {
            return (vec![mi], None, "sentence-subject");
        }
    }
    // 4. Speech verb later in the sentence: « …, a déclaré M. Wang » (not the subject of a
    // clause it introduces: « a assuré qu'Ankara livrerait … »).
    let lex = lexicons();
    for k in cue_a..s.tokens.end.min(cue_a + HOLDER_WINDOW) {
        if lex.speech.get(doc.tok_lower(k)) == Some(&SpeechKind::Speech) {
            let after = mention_before(ms, k);
            if ms.get(after).is_some_and(|m| {
                m.a < s.tokens.end
                    && m.a <= k + 4
                    && !matches!(doc.tok_lower(m.a - 1), "que" | "qu'")
            }) {
                return (vec![after], None, "speaker-after");
            }
            if let Some(m) = resolve_pronoun(doc, ms, k) {
                return (vec![m], None, "speaker-after");
            }
        }
    }
    // 5. Context.
    if let Some(m) = resolve_pronoun(doc, ms, cue_a) {
        return (vec![m], None, "context");
    }
    (Vec::new(), None, "none")
}

/// A mention plus the mentions coordinated with it (« la Chine et la Russie »).
fn coordinated(doc: &Doc, ms: &[EMention], mi: usize) -> Vec<usize> {
    let mut out = vec![mi];
    let mut cur = mi;
    while cur > 0 {
        let prev = &ms[cur - 1];
        let between = prev.b..ms[cur].a.max(prev.b);
        let words = || between.clone().map(|k| doc.tok_lower(k));
        let comma_only = !words().any(|w| w == "et" || w == "ainsi");
        let ok = (1..=4).contains(&between.len())
            && (!comma_only || (between.len() <= 2 && doc.tok_lower(between.start) == ","))
            && words().all(|w| {
                matches!(
                    w,
                    "et" | ","
                        | "la"
                        | "le"
                        | "les"
                        | "l'"
                        | "ainsi"
                        | "que"
                        | "qu'"
                        | "m."
                        | "m"
                        | "."
                        | "mme"
                )
            });
        // A comma alone joins names of one kind (« la Chine, la Russie et l'Inde »); before a
        // person it closes the institution in their role (« Le porte-parole du ministère …,
        // Lin Jian, a accusé … »: the spokesman holds the stance, not the ministry).
        // (Nor does it join a place governed by a preposition: « À Pékin, la Chine a … ».)
        let comma_ok = !comma_only || (prev.etype == ms[cur].etype && !governed(doc, prev));
        if ok && prev.etype != EntityType::MISC && comma_ok {
            out.push(cur - 1);
            cur -= 1;
        } else {
            break;
        }
    }
    out.reverse();
    out
}

fn target_after(doc: &Doc, b: usize) -> Option<String> {
    let n = doc.tokens().len();
    let lim = doc.seg.sentences[doc.tokens()[b.min(n - 1)].sent()]
        .tokens
        .end;
    let mut e = b;
    while e < lim
        && e - b < 16
        && !matches!(
            doc.tok(e),
            "," | ";" | "." | ":" | "»" | "«" | "!" | "?" | "(" | ")"
        )
    {
        e += 1;
    }
    (e > b).then(|| doc.slice(doc.tspan(b, e)).to_string())
}

// Out of line (one call per document) so that instruction profiles show the stage.
#[inline(never)]
pub fn find_stances(doc: &Doc, ms: &[EMention], quotes: &[QuoteAnn]) -> Vec<StanceAnn> {
    let lex = lexicons();
    let mut out = Vec::new();
    // Token ids with one or two incise tokens overwritten (see `incise_hits`); copied on first
    // need, once per document.
    let mut ids2: Vec<u32> = Vec::new();
    for s in &doc.seg.sentences {
        if doc.boilerplate_blocks[s.block] {
            continue;
        }
        let mut hits = lex.stance.find_all(doc, s.tokens.start, s.tokens.end);
        incise_hits(doc, s.tokens.clone(), &mut ids2, &mut hits);
        for h in hits {
            if doc.tok_in_boilerplate(h.start) {
                continue;
            }
            let (pol, cue, origin) = &lex.stance.entries[h.entry];
            // A verb coordinated with the previous cue of the sentence shares its subject
            // (« Les deux dirigeants ont exprimé leur opposition …, et ont appelé au … »).
            let prev = out
                .last()
                .filter(|p: &&StanceAnn| p.a >= s.tokens.start && p.b <= h.start);
            let (holders, holder_text, how) = match prev {
                Some(p) if h.start > 0 && doc.tok_lower(h.start - 1) == "et" => {
                    (p.holders.clone(), p.holder_text.clone(), "coordinated-verb")
                }
                _ => holder_for(doc, ms, quotes, h.start),
            };
            out.push(StanceAnn {
                span: doc.tspan(h.start, h.end),
                a: h.start,
                b: h.end,
                polarity: *pol,
                holders,
                holder_text,
                target: target_after(doc, h.end),
                rule: Rule::new(["stance:", how].concat(), [origin, ": ", cue].concat()),
            });
        }
    }
    out
}

/// Stance cues with an incise between the auxiliary and the participle (« a pour sa part
/// accusé », « s'est en revanche félicité »; `lexicon/incises.txt`): the cue is matched as if
/// the incise were absent, by overwriting its last one or two tokens' ids with the auxiliary's
/// (`ids2`, a copy of the document's ids made on first need and restored after each try).
/// Hits (covering auxiliary to participle) are merged into `hits`, which stays sorted and
/// non-overlapping.
fn incise_hits(
    doc: &Doc,
    sent: std::ops::Range<usize>,
    ids2: &mut Vec<u32>,
    hits: &mut Vec<CueHit>,
) {
    let lex = lexicons();
    let ids = doc.tok_ids();
    let mut found = Vec::new();
    // Only right after an auxiliary (one table lookup per token).
    for p in sent.start + 1..sent.end {
        let aux = ids[p - 1] as usize;
        if !lex.auxiliary.get(aux).copied().unwrap_or(false) {
            continue;
        }
        let Some(inc) = lex.incises.longest_at(doc, p, sent.end) else {
            continue;
        };
        let q = inc.end;
        // Already inside a cue, or nothing after it.
        if q >= sent.end || hits.iter().any(|h| h.start < q && p < h.end) {
            continue;
        }
        if ids2.is_empty() {
            ids2.extend_from_slice(ids);
        }
        let mut best: Option<CueHit> = None;
        // The auxiliary alone (« a ») or with its pronoun (« s' est »).
        for aux in 1..=2usize.min(p - sent.start).min(q - p) {
            let at = q - aux;
            for k in 0..aux {
                ids2[at + k] = ids2[p - aux + k];
            }
            if let Some(h) = lex.stance.longest_at_ids(doc, ids2, at, sent.end) {
                if h.end > q && best.is_none_or(|b| h.end > b.end) {
                    best = Some(CueHit {
                        start: p - aux,
                        ..h
                    });
                }
            }
            ids2[at..q].copy_from_slice(&ids[at..q]);
        }
        if let Some(h) = best {
            if !hits.iter().any(|x| x.start < h.end && h.start < x.end) {
                found.push(h);
            }
        }
    }
    if !found.is_empty() {
        hits.extend(found);
        hits.sort_by_key(|h| h.start);
    }
}

/// Frame cues; a cue that overlaps a named entity (« Organisation de coopération de Shanghai »)
/// is a name, not a frame.
// Out of line (one call per document) so that instruction profiles show the stage.
#[inline(never)]
pub fn find_frames(doc: &Doc, ms: &[EMention]) -> Vec<FrameAnn> {
    let lex = lexicons();
    let mut out = Vec::new();
    for s in &doc.seg.sentences {
        if doc.boilerplate_blocks[s.block] {
            continue;
        }
        for h in lex.frames.find_all(doc, s.tokens.start, s.tokens.end) {
            if doc.tok_in_boilerplate(h.start) {
                continue;
            }
            let span = doc.tspan(h.start, h.end);
            let k = ms.partition_point(|m| m.span.end <= span.start);
            if ms.get(k).is_some_and(|m| m.span.overlaps(&span)) {
                continue;
            }
            let (frame, cue, origin) = &lex.frames.entries[h.entry];
            out.push(FrameAnn {
                span: doc.tspan(h.start, h.end),
                frame: frame.clone(),
                rule: Rule::new("frame", [origin, ": ", cue].concat()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stances(t: &str) -> Vec<(String, Polarity, Vec<String>)> {
        let mut d = Doc::new(t);
        crate::boilerplate::detect(&mut d);
        let ms = crate::entities::find(&d, &Default::default());
        let qs = crate::quotes::find(&d, &ms);
        find_stances(&d, &ms, &qs)
            .into_iter()
            .map(|s| {
                (
                    d.slice(s.span).to_string(),
                    s.polarity,
                    s.holders.iter().map(|&h| ms[h].canonical.clone()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn coordinated_subjects_hold_the_stance() {
        let s = stances("La France et l'Allemagne se sont engagées à renforcer leur coopération.");
        assert_eq!(s[0].1, Polarity::Commit);
        assert_eq!(s[0].2, vec!["France".to_string(), "Allemagne".to_string()]);
    }

    #[test]
    fn comma_enumerations_but_not_role_institutions() {
        let s = stances("La Chine, la Russie et l'Inde ont condamné l'attaque.");
        assert_eq!(
            s[0].2,
            vec![
                "Chine".to_string(),
                "Russie".to_string(),
                "Inde".to_string()
            ]
        );
        let s = stances("À Pékin, la Chine a condamné l'attaque.");
        assert_eq!(s[0].2, vec!["Chine".to_string()]);
        let s = stances("Le porte-parole du ministère chinois des Affaires étrangères, Lin Jian, a accusé Washington de semer la discorde.");
        let acc = s.iter().find(|x| x.1 == Polarity::Accuse).expect("accuse");
        assert_eq!(acc.2, vec!["Lin Jian".to_string()]);
    }

    #[test]
    fn coordinated_verb_shares_the_subject() {
        let a = crate::analyze("Les deux dirigeants ont exprimé leur opposition à l'hégémonisme, et ont appelé au respect de la Charte des Nations unies. Le président Vladimir Poutine est arrivé hier.");
        let calls = a
            .stances
            .iter()
            .find(|s| s.polarity == Polarity::Support)
            .expect("a support cue");
        assert_eq!(calls.holder_text.as_deref(), Some("Les deux dirigeants"));
        assert_eq!(calls.rule.id, "stance:coordinated-verb");
    }

    #[test]
    fn role_phrase_subject_and_not_a_subordinate_subject() {
        let s = stances("Le ministre turc de l'Énergie, Mehmet Aydın, était à Istanbul. Le ministre turc a salué « une étape historique » et a assuré qu'Ankara livrerait le gaz.");
        let praise = s.iter().find(|x| x.1 == Polarity::Praise).expect("praise");
        assert_eq!(praise.2, vec!["Mehmet Aydın".to_string()]);
    }

    #[test]
    fn noun_phrase_holder_ends_at_its_verb() {
        let a = crate::analyze("Les deux dirigeants ont exprimé leur opposition à l'hégémonisme.");
        let s = a.stances.first().expect("a stance");
        assert_eq!(s.holder_text.as_deref(), Some("Les deux dirigeants"));
    }

    #[test]
    fn incise_between_auxiliary_and_participle() {
        let s = stances("Le président biélorusse Alexandre Loukachenko a pour sa part accusé l'Occident de déstabiliser la région.");
        let acc = s.iter().find(|x| x.1 == Polarity::Accuse).expect("accuse");
        assert_eq!(acc.0, "a pour sa part accusé");
        assert_eq!(acc.2, vec!["Alexandre Loukachenko".to_string()]);
        let s = stances("Sergueï Lavrov s'est en revanche félicité du dialogue avec la Chine.");
        assert_eq!(s[0].0, "s'est en revanche félicité");
        assert_eq!(s[0].1, Polarity::Praise);
        // An incise that is not between an auxiliary and a cue changes nothing.
        let s = stances("La Russie, pour sa part, a accusé Kiev.");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].0, "a accusé");
    }

    #[test]
    fn pronoun_and_speaker_holders() {
        let s = stances("Le président brésilien Luiz Inácio Lula da Silva est arrivé à Pékin. Il s'oppose fermement aux sanctions unilatérales.");
        let opp = s.iter().find(|x| x.1 == Polarity::Oppose).expect("oppose");
        assert_eq!(opp.2, vec!["Luiz Inácio Lula da Silva".to_string()]);
    }

    /// The matchers' start prefilter never hides a match: `find_all` equals trying the matcher
    /// at every token.
    #[test]
    fn cue_starts_find_what_the_matcher_finds() {
        let lex = lexicons();
        fn every_token<T>(
            m: &crate::lexicon::CueMatcher<T>,
            d: &Doc,
            a: usize,
            b: usize,
        ) -> Vec<crate::lexicon::CueHit> {
            let mut out = Vec::new();
            let mut i = a;
            while i < b {
                match m.longest_at(d, i, b) {
                    Some(h) => {
                        out.push(h);
                        i = h.end;
                    }
                    None => i += 1,
                }
            }
            out
        }
        for text in [
            include_str!("../tests/fixtures/nancy-conseil-municipal.txt"),
            include_str!("../tests/fixtures/russie-turquie-gaz.txt"),
            include_str!("../tests/fixtures/ue-maroc-commerce.txt"),
            "Il s'oppose résolument à la guerre ; elle soutient fermement l'accord et dénonce l'ingérence.",
        ] {
            let d = Doc::new(text);
            for s in &d.seg.sentences {
                let (a, b) = (s.tokens.start, s.tokens.end);
                assert_eq!(
                    lex.stance.find_all(&d, a, b),
                    every_token(&lex.stance, &d, a, b)
                );
                assert_eq!(
                    lex.frames.find_all(&d, a, b),
                    every_token(&lex.frames, &d, a, b)
                );
                for i in a..b {
                    if !lex.stance.may_start(&d, i, b) {
                        assert_eq!(lex.stance.longest_at(&d, i, b), None);
                    }
                    if !lex.frames.may_start(&d, i, b) {
                        assert_eq!(lex.frames.longest_at(&d, i, b), None);
                    }
                }
            }
        }
    }

    #[test]
    fn names_are_not_frames() {
        let mut d =
            Doc::new("L'Organisation de coopération de Shanghai défend la souveraineté des États.");
        crate::boilerplate::detect(&mut d);
        let ms = crate::entities::find(&d, &Default::default());
        let f = find_frames(&d, &ms);
        let frames: Vec<&str> = f.iter().map(|x| x.frame.as_str()).collect();
        assert_eq!(frames, vec!["sovereignty"]);
    }
}
