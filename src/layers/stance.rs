//! Stance phrases (holder → polarity → target), from the lexicon `data/lexicon/stance.tsv`
//! (narrative frames: [`super::frames`]).
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

use crate::layers::entities::EMention;
use crate::layers::quotes::QuoteAnn;
use crate::layers::syntax::{governed, resolve_pronoun, resolve_role_np, PREPOSITIONS};
use crate::lexicon::{class, lexicons, CueHit, Form, SpeechKind, Vocab};
use crate::schema::{EntityType, Polarity, Rule};
use crate::text::doc::{Doc, NSpan};

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

/// How many sentences back the context holder (the last rule) may be named.
const CONTEXT_SENTENCES: usize = 2;

fn mention_before(ms: &[EMention], t: usize) -> usize {
    ms.partition_point(|m| m.a < t)
}

fn holder_for(
    doc: &Doc,
    ms: &[EMention],
    quotes: &[QuoteAnn],
    cue_a: usize,
    eval: bool,
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
    // An evaluation (« est inacceptable », « constitue une ingérence », « joue un rôle clé »)
    // is held by whoever makes it: the speaker, never the thing evaluated.
    if eval {
        // A verb of judgement before it in its clause (« a jugé ces propos inacceptables »,
        // « qualifiant la décision d'erreur »): the judgement is its subject's.
        // (Over quotation marks: « a qualifié ces mesures de « provocation » ».)
        let mut wide = cue_a;
        while wide > s.tokens.start
            && cue_a - wide < HOLDER_WINDOW
            && (!is_clause_break(doc.tok(wide - 1))
                || matches!(doc.tok(wide - 1), "«" | "»" | "“" | "”"))
        {
            wide -= 1;
        }
        let wide = if let Some(q) = in_quote {
            wide.max(q.a)
        } else {
            wide
        };
        if let Some(j) = (wide..cue_a)
            .rev()
            .find(|&k| is_judgement(doc.tok_lower(k)))
        {
            let (h, ht, how) = holder_for(doc, ms, quotes, j, false);
            if !h.is_empty() || ht.is_some() {
                return (h, ht, how);
            }
        }
        return match speaker_of(doc, ms, quotes, cue_a) {
            Some((m, how)) => (vec![m], None, how),
            None => (Vec::new(), None, "evaluation"),
        };
    }
    // « nous » / « notre » speaks for the speaker's country when the speaker's role or the
    // gazetteer gives one that the text names (a spokesman's « nous » is China); « je » for
    // the speaker.
    if let Some(plural) = first_person(doc, clause_start, cue_a) {
        if let Some((sp, _)) = speaker_of(doc, ms, quotes, cue_a) {
            if plural {
                if let Some(c) = country_of(doc, ms, sp) {
                    return (vec![c], None, "first-person-country");
                }
            }
            return (vec![sp], None, "first-person");
        }
        // « je », « nous » in the words of someone the text does not name.
        if in_quote.is_some_and(|q| unnamed_source(doc, q)) {
            return (Vec::new(), None, "first-person");
        }
    }
    // A relative « qui » right before the verb: its antecedent (« les enseignants, qui se sont
    // déclarés prêts à… »).
    let mut v = cue_a;
    while v > clause_start && matches!(doc.tok_lower(v - 1), "ne" | "n'") {
        v -= 1;
    }
    if v > clause_start && doc.tok_lower(v - 1) == "qui" {
        let q = v - 1;
        let mut at = q;
        if at > s.tokens.start && doc.tok(at - 1) == "," {
            at -= 1;
        }
        let end = mention_before(ms, at);
        if end > 0 && ms[end - 1].b == at && ms[end - 1].etype != EntityType::MISC {
            // « le président de LR, qui soutient … »: the person with that role, not the
            // body of the complement.
            let m = &ms[end - 1];
            if m.etype != EntityType::PER && governed(doc, m) {
                let person = (m.a.saturating_sub(8).max(s.tokens.start)..m.a)
                    .filter(|&t| matches!(doc.tok_lower(t), "le" | "la" | "l'"))
                    .find_map(|t| resolve_role_np(doc, ms, t, at).filter(|&(_, e)| e >= m.b));
                if let Some((p, _)) = person {
                    return (vec![p], None, "relative");
                }
            }
            return (coordinated(doc, ms, end - 1), None, "relative");
        }
        // A noun phrase: back to its determiner.
        let det = (at.saturating_sub(6).max(s.tokens.start)..at)
            .rev()
            .find(|&k| is_determiner(doc.tok_lower(k)));
        if let Some(d) = det {
            if (d..at).all(|k| doc.is_word(k)) {
                return (
                    Vec::new(),
                    Some(doc.slice(doc.tspan(d, at)).to_string()),
                    "relative",
                );
            }
        }
    }
    // A participial clause opening the sentence (« Dénonçant une réforme injuste, les
    // cheminots ont voté la grève », « Condamnant lui aussi les violences, il a proposé … »):
    // the subject of the main clause, after the comma.
    if in_quote.is_none() && clause_start == s.tokens.start {
        if let Some(h) = participle_subject(doc, ms, s.tokens.clone(), cue_a) {
            return h;
        }
    }
    // An inverted subject after a quote or a comma (« « … », fustige Raoul Dupont »).
    if cue_a > s.tokens.start && matches!(doc.tok(cue_a - 1), "," | "»" | "\"" | "”") {
        let mut e = cue_a;
        while e < s.tokens.end && e - cue_a < 3 && doc.is_word(e) && !doc.is_cap(e) {
            e += 1;
        }
        let mi = ms.partition_point(|m| m.a < e);
        if let Some(m) = ms.get(mi) {
            let gap_ok = (e..m.a).all(|k| matches!(doc.tok_lower(k), "m." | "m" | "mme" | "."));
            if gap_ok && m.a <= e + 2 && m.etype == EntityType::PER {
                return (vec![mi], None, "inverted-subject");
            }
        }
    }
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
            // « Les membres de l'OCS ont déclaré qu'ils continueraient … »: the body or the
            // members opening the sentence.
            if matches!(w, "ils" | "elles") && is_determiner(doc.tok_lower(s.tokens.start)) {
                let st = s.tokens.start;
                let mi = ms.partition_point(|m| m.a < st);
                if let Some(m) = ms.get(mi).filter(|m| m.b <= k && m.b <= st + 5) {
                    if let Some(h) = np_complement(doc, ms, st, m.b) {
                        return (vec![h], None, "member-of");
                    }
                }
            }
            if let Some(m) = resolve_pronoun(doc, ms, k) {
                // « Marie Dunand et Paul Orsk sont arrivés. Ils ont appelé … »: both.
                if matches!(w, "ils" | "elles") {
                    let both = coordinated(doc, ms, m);
                    if both.len() > 1 {
                        return (both, None, "pronoun");
                    }
                }
                return (vec![m], None, "pronoun");
            }
        }
        // « Ce dernier a salué », « cette dernière dénonce ».
        if matches!(w, "dernier" | "dernière") && k > clause_start {
            if let Some(m) = crate::layers::syntax::resolve_ce_dernier(doc, ms, k - 1) {
                return (vec![m], None, "pronoun");
            }
        }
        if !doc.is_word(k) {
            break;
        }
    }
    // A headline's role without its article as subject (« Président du Kirghizistan salue
    // … »): the person the text names in that role, when the role runs up to the verb.
    if in_quote.is_none() && clause_start == s.tokens.start && doc.is_cap(clause_start) {
        if let Some((mi, e)) = resolve_role_np(doc, ms, clause_start, cue_a) {
            if e == cue_a && ms[mi].etype == EntityType::PER {
                return (vec![mi], None, "role");
            }
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
    // A role noun phrase as the subject of a subordinate clause whose sentence names someone
    // else before it (« L'Ukraine a raté une occasion lorsque le président russe a proposé
    // une initiative »): the person with that role, not the main clause's subject.
    if clause_has_mention {
        let sub = (clause_start..cue_a).rev().find(|&k| {
            matches!(
                doc.tok_lower(k),
                "lorsque" | "quand" | "puisque" | "tandis" | "alors" | "après" | "avant"
            ) && k + 1 < cue_a
        });
        if let Some(k) = sub {
            let mut t = k + 1;
            if matches!(doc.tok_lower(t), "que" | "qu'") {
                t += 1;
            }
            let none_between = ms.get(mention_before(ms, t)).is_none_or(|m| m.a >= cue_a);
            if t < cue_a && none_between && matches!(doc.tok_lower(t), "le" | "la" | "l'") {
                if let Some((mi, e)) = resolve_role_np(doc, ms, t, cue_a) {
                    if e <= cue_a {
                        return (vec![mi], None, "role");
                    }
                }
            }
        }
    }
    // An indefinite pronoun as subject (« tandis que d'autres s'y opposent »).
    let mut v = cue_a;
    while v > clause_start && matches!(doc.tok_lower(v - 1), "ne" | "n'" | "se" | "s'" | "y" | "en")
    {
        v -= 1;
    }
    if v > clause_start
        && matches!(
            doc.tok_lower(v - 1),
            "autres"
                | "certains"
                | "certaines"
                | "plusieurs"
                | "beaucoup"
                | "tous"
                | "toutes"
                | "aucun"
                | "aucune"
                | "chacun"
                | "chacune"
                | "personne"
                | "nombreux"
        )
    {
        let d = if v >= clause_start + 2
            && matches!(doc.tok_lower(v - 2), "d'" | "les" | "des" | "de")
        {
            v - 2
        } else {
            v - 1
        };
        return (
            Vec::new(),
            Some(doc.slice(doc.tspan(d, v)).to_string()),
            "noun-phrase",
        );
    }
    // 1. Subject-like mention in the clause before the cue, within its own subordinate clause
    // (« Plusieurs députés LR soutiennent le projet, tandis que d'autres s'y opposent »: not LR).
    let sub_start = (clause_start..cue_a)
        .rev()
        .find(|&k| {
            matches!(
                doc.tok_lower(k),
                "que" | "qu'" | "mais" | "car" | "lorsque" | "puisque" | "quand" | "si" | "s'il"
            ) && k > clause_start
        })
        .map_or(clause_start, |k| k + 1);
    for mi in (0..end).rev() {
        let m = &ms[mi];
        if m.a < sub_start {
            break;
        }
        if m.etype != EntityType::MISC && !governed(doc, m) && !apposition_governed(doc, m) {
            return (coordinated(doc, ms, mi), None, "subject");
        }
    }
    // A state's collective opening the subordinate clause (« montrant que le gouvernement
    // ivoirien considère … »).
    if sub_start > clause_start && sub_start < cue_a && is_determiner(doc.tok_lower(sub_start)) {
        if let Some(c) = collective_country(doc, ms, sub_start, cue_a.min(sub_start + 4)) {
            return (vec![c], None, "collective");
        }
    }
    // A source opening the sentence (« Selon Mme Dupont, l'accord souligne l'importance … »).
    if let Some(m) = selon_source(doc, ms, s.tokens.clone(), cue_a) {
        return (vec![m], None, "source");
    }
    // A plain noun phrase as subject (« Plusieurs eurodéputés accusent… », « Les gens sont
    // inquiets »): no entity holds it.
    if cue_a > clause_start && cue_a - clause_start <= 10 {
        let det = doc.tok_lower(clause_start);
        let words_only = (clause_start..cue_a)
            .all(|k| doc.is_word(k) || doc.tok(k).bytes().all(|c| c.is_ascii_digit()));
        // A number or a quantity opens it too (« Au moins sept des candidats ont félicité … »,
        // « 40 députés ont dénoncé … »).
        let quantity = det.bytes().all(|c| c.is_ascii_digit())
            || (det == "au" && doc.tok_lower(clause_start + 1) == "moins")
            || (matches!(
                det,
                "deux" | "trois" | "quatre" | "cinq" | "six" | "sept" | "huit" | "dix" | "la"
            ) && matches!(
                doc.tok_lower(clause_start + 1),
                "des" | "plupart" | "majorité"
            ));
        if words_only
            && (quantity
                || matches!(
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
                ))
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
                // A state's collective (« le gouvernement ivoirien », « les autorités du
                // Canada », « le peuple chinois ») speaks for the country.
                if let Some(c) = collective_country(doc, ms, clause_start, np_end) {
                    return (vec![c], None, "collective");
                }
                // A role or a body of an organisation or a place (« le secrétaire général de
                // l'ONU », « les dirigeants du G7 », « la mairie de Nantes »): it speaks for it.
                if let Some(m) = np_complement(doc, ms, clause_start, np_end) {
                    return (vec![m], None, "member-of");
                }
                return (
                    Vec::new(),
                    Some(doc.slice(doc.tspan(clause_start, np_end)).to_string()),
                    "noun-phrase",
                );
            }
        }
    }
    // A noun phrase right before the verb (« …, que le gouvernement entend faire adopter »).
    if let Some((d, v)) = np_before(doc, clause_start, cue_a) {
        if let Some(c) = collective_country(doc, ms, d, v) {
            return (vec![c], None, "collective");
        }
        if let Some(m) = np_complement(doc, ms, d, v) {
            return (vec![m], None, "member-of");
        }
        return (
            Vec::new(),
            Some(doc.slice(doc.tspan(d, v)).to_string()),
            "noun-phrase",
        );
    }
    // Inside a quote: its speaker.
    if let Some(q) = in_quote {
        if q.speaker.is_some() || q.speaker_text.is_some() {
            return (
                q.speaker.into_iter().collect(),
                q.speaker_text.clone(),
                "quote-speaker",
            );
        }
    }
    // A body or the members of an organisation opening the sentence (« Les pays du BRICS,
    // se tenant à l'avant-garde …, doivent … défendre ensemble … »).
    if is_determiner(doc.tok_lower(s.tokens.start)) {
        let st = s.tokens.start;
        let mi = ms.partition_point(|m| m.a < st);
        if let Some(m) = ms.get(mi).filter(|m| m.b < cue_a && m.b <= st + 5) {
            if let Some(h) = np_complement(doc, ms, st, m.b) {
                return (vec![h], None, "member-of");
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
        if lex.speech.get(doc.tok_lower(k)) == Some(&SpeechKind::Speech)
            && (cue_a..k)
                .chain(cue_a.checked_sub(1))
                .any(|t| matches!(doc.tok(t), "," | "»" | "\"" | "”"))
        {
            if let Some(m) = mention_after_speech(doc, ms, k, s.tokens.end) {
                return (vec![m], None, "speaker-after");
            }
            if let Some(m) = resolve_pronoun(doc, ms, k) {
                return (vec![m], None, "speaker-after");
            }
        }
    }
    // 5. Context: the person the previous sentences are about, when named close by (in this
    // sentence or the two before it, in this paragraph or the one before). Further back, a
    // narrative sentence without a subject of its own (« un fort soutien populaire », « les
    // appels à manifester ») is nobody's named stance.
    // A subject pronoun earlier in the sentence (« Il a également appelé à …, à résister à »)
    // carries its person however far back the name is.
    if let Some(k) = (s.tokens.start..cue_a).find(|&k| {
        matches!(doc.tok_lower(k), "il" | "elle") && !crate::layers::syntax::in_quote_tok(doc, k)
    }) {
        if let Some(m) = resolve_pronoun(doc, ms, k) {
            return (vec![m], None, "context");
        }
    }
    if let Some(m) = resolve_pronoun(doc, ms, cue_a) {
        let ps = &doc.seg.sentences[doc.tokens()[ms[m].a].sent()];
        if ps.block + 1 >= s.block && doc.tokens()[ms[m].a].sent() + CONTEXT_SENTENCES >= sent {
            return (vec![m], None, "context");
        }
    }
    (Vec::new(), None, "none")
}

/// A present participle (or gerund) after a comma in the middle of its sentence, its clitic
/// before it (« …, l'accusant d'attiser … », « …, exprimant sa sympathie », « …, en
/// soulignant … »): the participial clause hangs on the main verb, whose subject holds it.
fn trailing_participle(doc: &Doc, lo: usize, a: usize) -> bool {
    // A noun cue in the participle's object (« …, exprimant sa profonde sympathie »).
    let a = (a.saturating_sub(4).max(lo)..a)
        .rev()
        .take_while(|&k| doc.is_word(k) && !doc.is_cap(k))
        .find(|&k| {
            let w = doc.tok_lower(k);
            w.ends_with("ant")
                && (k + 1..a).all(|j| {
                    matches!(
                        doc.tok_lower(j),
                        "sa" | "son"
                            | "ses"
                            | "leur"
                            | "leurs"
                            | "le"
                            | "la"
                            | "les"
                            | "l'"
                            | "un"
                            | "une"
                            | "des"
                    ) || doc.tok_lower(j).ends_with("e")
                        || doc.tok_lower(j).ends_with("es")
                        || doc.tok_lower(j).ends_with('l')
                })
        })
        .unwrap_or(a);
    let w = doc.tok_lower(a);
    if !(w.ends_with("ant") && w.chars().count() > 5) || crate::layers::syntax::in_quote_tok(doc, a)
    {
        return false;
    }
    let mut k = a;
    while k > lo
        && matches!(
            doc.tok_lower(k - 1),
            "l'" | "le" | "la" | "les" | "lui" | "leur" | "se" | "s'" | "y" | "en" | "tout"
        )
    {
        k -= 1;
    }
    k > lo + 2 && doc.tok(k - 1) == ","
}

/// The subject of the main clause of the sentence `lo..a` for a participle hanging on it: a
/// role phrase opening it (« Le ministère turc a critiqué … »), else its first entity not
/// governed by a preposition within its first words — never a dateline's city (« MANILLE,
/// (Xinhua) — »).
fn main_clause_subject(doc: &Doc, ms: &[EMention], lo: usize, a: usize) -> Option<Vec<usize>> {
    let dateline = |m: &EMention| {
        m.b + 1 < a
            && matches!(doc.tok(m.b), "," | "(" | "—" | "–" | "-")
            && (m.b..(m.b + 4).min(a)).any(|k| matches!(doc.tok(k), "(" | "—" | "–" | "/"))
    };
    let mut start = lo;
    let first = ms.partition_point(|m| m.a < lo);
    if let Some(m) = ms.get(first).filter(|m| m.a == lo && dateline(m)) {
        // Past the dateline's agency credit and dash.
        start = (m.b..a.min(m.b + 8))
            .find(|&k| matches!(doc.tok(k), "—" | "–" | "-"))
            .map_or(m.b, |k| k + 1);
    }
    if start < a && matches!(doc.tok_lower(start), "le" | "la" | "l'") {
        if let Some((mi, e)) = resolve_role_np(doc, ms, start, a) {
            if e <= a {
                return Some(vec![mi]);
            }
        }
    }
    let mi = ms.partition_point(|m| m.a < start);
    let m = ms.get(mi).filter(|m| m.a < a && m.a <= start + 4)?;
    (m.etype != EntityType::MISC && !governed(doc, m) && !dateline(m))
        .then(|| coordinated(doc, ms, mi))
}

/// « ils » / « elles » as the subject right before the cue (« Ils ont réitéré leur soutien »).
fn plural_subject_pronoun(doc: &Doc, lo: usize, a: usize) -> bool {
    (a.saturating_sub(4).max(lo)..a)
        .rev()
        .take_while(|&k| doc.is_word(k))
        .any(|k| matches!(doc.tok_lower(k), "ils" | "elles"))
}

/// The holder of a present participle `cue_a` opening its sentence (only « en », « tout »
/// before it): the subject right after the comma that ends the participial clause — a
/// pronoun's person, an entity, a role phrase's person, or a plain noun phrase (« les
/// cheminots »: nobody named). None when the words after the comma are no subject.
fn participle_subject(
    doc: &Doc,
    ms: &[EMention],
    sent: std::ops::Range<usize>,
    cue_a: usize,
) -> Option<(Vec<usize>, Option<String>, &'static str)> {
    let w = doc.tok_lower(cue_a);
    let opens = (sent.start..cue_a).all(|k| matches!(doc.tok_lower(k), "en" | "tout"));
    if !(w.ends_with("ant") && w.chars().count() > 5 && opens) {
        return None;
    }
    let end = sent.end.min(cue_a + HOLDER_WINDOW);
    let c = (cue_a + 1..end).find(|&k| doc.tok(k) == ",")?;
    let mut j = c + 1;
    while j < end
        && matches!(
            doc.tok_lower(j),
            "lui" | "elle" | "aussi" | "enfin" | "alors"
        )
        && doc.tok_lower(j) != "elle"
    {
        j += 1;
    }
    if j >= end {
        return None;
    }
    let first = doc.tok_lower(j);
    if matches!(first, "il" | "elle") {
        return resolve_pronoun(doc, ms, j).map(|m| (vec![m], None, "participle-subject"));
    }
    if let Some((mi, m)) = mentions_in_range(ms, j, (j + 3).min(end)) {
        let lead_ok = (j..m.a).all(|t| {
            matches!(
                doc.tok_lower(t),
                "le" | "la" | "l'" | "les" | "m." | "m" | "mme" | "."
            )
        });
        if lead_ok && m.etype != EntityType::MISC && !governed(doc, m) {
            return Some((coordinated(doc, ms, mi), None, "participle-subject"));
        }
    }
    if matches!(first, "le" | "la" | "l'") {
        if let Some((mi, _)) = resolve_role_np(doc, ms, j, end) {
            return Some((vec![mi], None, "participle-subject"));
        }
    }
    if is_determiner(first) {
        let np_end = (j + 1..(j + 6).min(end)).find(|&k| {
            !doc.is_word(k)
                || lexicons().class(doc.tok_ids()[k]) & (class::AUX_ETRE | class::AUX_AVOIR) != 0
                || matches!(doc.tok_lower(k), "ne" | "n'" | "se" | "s'" | "qui")
        })?;
        if np_end > j + 1 && (j..np_end).all(|k| doc.is_word(k) && !doc.is_cap(k) || k == j) {
            return Some((
                Vec::new(),
                Some(doc.slice(doc.tspan(j, np_end)).to_string()),
                "participle-subject",
            ));
        }
    }
    None
}

/// The first mention starting in `a..b`, with its index.
fn mentions_in_range(ms: &[EMention], a: usize, b: usize) -> Option<(usize, &EMention)> {
    let i = ms.partition_point(|m| m.a < a);
    ms.get(i).filter(|m| m.a < b).map(|m| (i, m))
}

/// Forms of the verbs of judgement that introduce an evaluation (« juger », « qualifier de »,
/// « estimer », « considérer comme », « percevoir comme », « décrire comme », « dépeindre »).
fn is_judgement(w: &str) -> bool {
    (w.starts_with("qualifi") && !w.starts_with("qualificat"))
        || (w.starts_with("jug") && !w.starts_with("jugul"))
        || w.starts_with("estim")
        || (w.starts_with("considér") && !w.starts_with("considérab"))
        || w.starts_with("perç")
        || w.starts_with("percev")
        || w.starts_with("décri")
        || w.starts_with("dépei")
}

/// Words that may stand between a verb and a noun heading its object (« rejette ces
/// accusations », « fournirons notre soutien au… », « dit non à la proposition »).
fn is_object_word(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "des"
            | "ce"
            | "cet"
            | "cette"
            | "ces"
            | "son"
            | "sa"
            | "ses"
            | "leur"
            | "leurs"
            | "notre"
            | "nos"
            | "votre"
            | "vos"
            | "à"
            | "au"
            | "aux"
            | "tout"
            | "toute"
            | "tous"
            | "toutes"
    )
}

/// The infinitives of demanding (« réclamer », « exiger », « revendiquer », « demander »):
/// what a crowd gathers « pour réclamer » is what it demands.
fn is_demand(w: &str) -> bool {
    matches!(w, "réclamer" | "exiger" | "revendiquer" | "demander")
}

/// Is the verb cue at `a` an infinitive of purpose (« pour préserver », « afin de défendre »,
/// « dans le but de », « en vue de », « visant à encourager »)?
fn purpose_infinitive(doc: &Doc, lo: usize, a: usize) -> bool {
    let v = if matches!(doc.tok_lower(a), "se" | "s'") {
        a + 1
    } else {
        a
    };
    if v >= doc.tokens().len() || a < lo + 1 {
        return false;
    }
    let w = doc.tok_lower(v);
    let infinitive = w.ends_with("er") || w.ends_with("ir") || w.ends_with("re");
    // (A demand is a stance whatever it is for: « ont défilé pour réclamer une hausse des
    // salaires », « se sont rassemblés pour exiger sa libération ».)
    if !infinitive || is_demand(w) {
        return false;
    }
    let before = |k: usize| {
        if a >= lo + k {
            doc.tok_lower(a - k)
        } else {
            ""
        }
    };
    match before(1) {
        "pour" => !matches!(before(2), "plaider" | "plaide" | "militer" | "milite"),
        "de" | "d'" => matches!(before(2), "afin" | "but" | "vue"),
        "à" => {
            let w2 = before(2);
            w2.starts_with("vis") || w2.starts_with("destiné")
        }
        _ => false,
    }
}

/// Words between the items of an enumeration (« le terrorisme, le séparatisme et
/// l'extrémisme »).
pub(crate) fn is_enumeration_word(w: &str) -> bool {
    matches!(
        w,
        "," | "et"
            | "ou"
            | "le"
            | "la"
            | "les"
            | "l'"
            | "du"
            | "des"
            | "de"
            | "d'"
            | "ainsi"
            | "que"
    )
}

/// Articles and determiners that open a noun phrase.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "le" | "la"
            | "les"
            | "l'"
            | "un"
            | "une"
            | "des"
            | "ces"
            | "ce"
            | "cette"
            | "plusieurs"
            | "certains"
            | "certaines"
            | "de"
            | "d'"
            | "nombre"
            | "leurs"
            | "leur"
            | "tous"
            | "toutes"
    )
}

/// A subject noun phrase right before the verb group at `cue_a`: back over « ne » and
/// pronouns to a determiner opening it (at most 6 words), after a clause word (« que »,
/// « dont », « et », « mais ») or the clause start, not after a preposition.
fn np_before(doc: &Doc, clause_start: usize, cue_a: usize) -> Option<(usize, usize)> {
    let mut v = cue_a;
    while v > clause_start
        && matches!(
            doc.tok_lower(v - 1),
            "ne" | "n'" | "se" | "s'" | "y" | "en" | "le" | "la" | "les" | "l'" | "lui" | "leur"
        )
    {
        v -= 1;
    }
    let mut d = v;
    while d > clause_start && v - d < 6 {
        d -= 1;
        let w = doc.tok_lower(d);
        if !doc.is_word(d) || matches!(w, "que" | "qu'" | "qui" | "dont" | "et" | "mais" | "ou") {
            return None;
        }
        if matches!(
            w,
            "le" | "la" | "les" | "l'" | "ce" | "cette" | "ces" | "leurs" | "plusieurs"
        ) {
            // Not the object of a preposition (« de la réforme »), and a real phrase.
            let before = if d > 0 { doc.tok_lower(d - 1) } else { "" };
            let governed = matches!(
                before,
                "de" | "d'"
                    | "à"
                    | "par"
                    | "pour"
                    | "sur"
                    | "avec"
                    | "contre"
                    | "dans"
                    | "en"
                    | "sans"
                    | "vers"
                    | "chez"
                    | "entre"
            );
            let opens = d == clause_start
                || matches!(
                    before,
                    "que" | "qu'" | "dont" | "et" | "mais" | "ou" | "," | "puis"
                );
            return (!governed && opens && v > d + 1).then_some((d, v));
        }
    }
    None
}

/// Nouns for a state's collective voice: its government, authorities, diplomacy, people.
fn is_collective(w: &str) -> bool {
    matches!(
        w,
        "gouvernement"
            | "autorités"
            | "diplomatie"
            | "exécutif"
            | "régime"
            | "pouvoir"
            | "état"
            | "armée"
            | "peuple"
            | "population"
            | "partie"
            | "dirigeants"
            | "ministère"
            | "pays"
            | "nation"
            | "administration"
            | "côté"
            | "chancellerie"
            | "primature"
            | "présidence"
            | "junte"
    )
}

/// The country a collective noun phrase (`a..b`) speaks for: « le gouvernement ivoirien » (a
/// demonym), « les autorités du Canada » (a place named in it). The holder is a mention of that
/// country in the document.
fn collective_country(doc: &Doc, ms: &[EMention], a: usize, b: usize) -> Option<usize> {
    let lex = lexicons();
    // The collective noun heads the phrase (« le gouvernement ivoirien »), not a complement
    // of a role (« le chef de l'État mauritanien » is a person).
    let k = (a..b)
        .find(|&k| !is_determiner(doc.tok_lower(k)))
        .filter(|&k| is_collective(doc.tok_lower(k)))?;
    // A place named inside the phrase.
    let mi = ms.partition_point(|m| m.a < k);
    if ms
        .get(mi)
        .is_some_and(|m| m.b <= b && m.etype == EntityType::LOC)
    {
        return Some(mi);
    }
    // A demonym right after the noun.
    let country = lex
        .demonyms
        .get(doc.tok_lower(k + 1).to_string().as_str())?;
    ms.iter()
        .position(|m| &m.canonical == country && m.etype == EntityType::LOC)
}

/// Is the mention an apposition to a role governed by a preposition (« en présence du
/// vice-président ivoirien, Jean Koné, »)? Then it is no subject either.
fn apposition_governed(doc: &Doc, m: &EMention) -> bool {
    if m.a < 2 || doc.tok(m.a - 1) != "," {
        return false;
    }
    let lex = lexicons();
    let mut k = m.a - 1;
    let mut words = 0;
    while k > 0 && words < 6 {
        let w = doc.tok_lower(k - 1);
        if lex.titles.contains_key(w) || lex.demonyms.contains_key(w) || w.contains('-') {
            words += 1;
            k -= 1;
            continue;
        }
        return words > 0 && matches!(w, "du" | "des" | "de" | "d'" | "avec" | "par" | "à" | "au");
    }
    false
}

/// Nouns for a body or the members of an organisation or a place, whose stance is that of the
/// organisation (« le secrétaire général de l'ONU », « les dirigeants du G7 », « les pays des
/// BRICS », « la mairie de Nantes », « les membres de l'alliance »).
fn is_member_noun(w: &str) -> bool {
    matches!(
        w,
        "secrétaire"
            | "président"
            | "présidente"
            | "présidence"
            | "direction"
            | "dirigeants"
            | "dirigeant"
            | "chef"
            | "chefs"
            | "pays"
            | "membres"
            | "états"
            | "mairie"
            | "conseil"
            | "commission"
            | "bureau"
            | "porte-parole"
            | "délégation"
            | "représentant"
            | "représentants"
            | "ministres"
            | "leaders"
            | "préfecture"
            | "municipalité"
            | "ambassade"
            | "gouvernements"
            | "directeur"
            | "directrice"
            | "directeurs"
            | "patron"
            | "patronne"
            | "patrons"
            | "dirigeante"
            | "responsable"
            | "responsables"
            | "vice-président"
            | "vice-présidente"
            | "coordinateur"
            | "coordinatrice"
            | "délégué"
            | "déléguée"
            | "commissaire"
            | "haut-commissaire"
            | "ambassadeur"
            | "ambassadrice"
            | "pdg"
            | "fondateur"
            | "fondatrice"
    )
}

/// The organisation or place a subject noun phrase (`a..b`) stands for when it is a body or the
/// members of it: a member noun heading the phrase, then « de / du / des » and the mention,
/// which ends the phrase.
fn np_complement(doc: &Doc, ms: &[EMention], a: usize, b: usize) -> Option<usize> {
    let k = (a..b).find(|&k| !is_determiner(doc.tok_lower(k)))?;
    if !is_member_noun(doc.tok_lower(k)) {
        return None;
    }
    let mi = ms.partition_point(|m| m.a < k);
    let m = ms.get(mi)?;
    if m.b != b || !matches!(m.etype, EntityType::ORG | EntityType::LOC) {
        return None;
    }
    // Only « général », « de », an article between the noun and the name.
    (k + 1..m.a)
        .all(|t| {
            matches!(
                doc.tok_lower(t),
                "de" | "d'"
                    | "du"
                    | "des"
                    | "la"
                    | "le"
                    | "l'"
                    | "les"
                    | "général"
                    | "générale"
                    | "exécutif"
                    | "exécutive"
                    | "adjoint"
                    | "adjointe"
            )
        })
        .then_some(mi)
}

/// Is the subject of the cue at `cue_a` the first person? `Some(true)` for « nous » / « notre »,
/// `Some(false)` for « je » / « mon ».
fn first_person(doc: &Doc, clause_start: usize, cue_a: usize) -> Option<bool> {
    // The cue's own pronoun (« nous soutenons » read as « se soutenir »).
    match doc.tok_lower(cue_a) {
        "nous" => return Some(true),
        "je" | "j'" | "me" | "m'" => return Some(false),
        _ => {}
    }
    let mut k = cue_a;
    while k > clause_start && cue_a - k < 4 {
        k -= 1;
        match doc.tok_lower(k) {
            "nous" | "notre" | "nos" => return Some(true),
            "je" | "j'" | "mon" | "ma" | "mes" => return Some(false),
            "ne" | "n'" | "le" | "la" | "les" | "l'" | "lui" | "leur" | "y" | "en" | "vous"
            | "ferme" | "profonde" | "vive" | "totale" | "pleine" | "entière" | "toujours"
            | "aussi" | "également" | "bien" | "déjà" | "vraiment" | "très" | "tout" | "tous"
            | "pas" | "jamais" => {}
            // An auxiliary or a copula (« nous sommes déterminés »).
            w if lexicons().class(doc.tok_ids()[k]) & (class::AUX_ETRE | class::AUX_AVOIR) != 0
                && !w.is_empty() => {}
            _ => return None,
        }
    }
    None
}

/// Who says the words at `cue_a`: the speaker of the quote around it, of the transcript
/// paragraph (« Mao Ning : … »), the source opening the sentence (« Selon X, »), the subject of
/// a speech verb before « que » (« X a déclaré que … ») or of one after (« …, a déclaré X »).
fn speaker_of(
    doc: &Doc,
    ms: &[EMention],
    quotes: &[QuoteAnn],
    cue_a: usize,
) -> Option<(usize, &'static str)> {
    let lex = lexicons();
    let s = &doc.seg.sentences[doc.tokens()[cue_a].sent()];
    let qi = quotes.partition_point(|q| q.b <= cue_a);
    if let Some(q) = quotes.get(qi).filter(|q| q.a <= cue_a && cue_a < q.b) {
        if let Some(sp) = q.speaker {
            return Some((sp, "quote-speaker"));
        }
        // A quote the text attributes to nobody it names (« a dit un manifestant ») speaks for
        // no one: not for a name met later in the sentence (« explique à l'AFP le rappeur »).
        if unnamed_source(doc, q) {
            return None;
        }
    }
    // A transcript: the paragraph, or the nearest one before it, opens with « Name : ».
    for bk in (s.block.saturating_sub(6)..=s.block).rev() {
        let block = &doc.seg.blocks[bk];
        if block.tokens.is_empty() || doc.boilerplate_blocks[bk] {
            continue;
        }
        let bi = ms.partition_point(|m| m.a < block.tokens.start);
        let label = ms.get(bi).filter(|m| {
            m.a <= block.tokens.start + 1
                && m.b < block.tokens.end
                && doc.tok(m.b) == ":"
                && m.b < cue_a
        });
        match label {
            Some(m) if m.etype == EntityType::PER => return Some((bi, "transcript-speaker")),
            // Another label (a journalist's question), or a « Question : » line.
            Some(_) => break,
            None if block.tokens.len() > 1 && doc.tok(block.tokens.start + 1) == ":" => break,
            None => {}
        }
    }
    if let Some(m) = selon_source(doc, ms, s.tokens.clone(), cue_a) {
        return Some((m, "source"));
    }
    // « X a déclaré que … <cue> ».
    for k in (s.tokens.start..cue_a).rev() {
        if !matches!(doc.tok_lower(k), "que" | "qu'") || k == s.tokens.start {
            continue;
        }
        let v = k - 1;
        if lex.speech.get(doc.tok_lower(v)) != Some(&SpeechKind::Speech) {
            continue;
        }
        let end = mention_before(ms, v);
        for mi in (0..end).rev() {
            let m = &ms[mi];
            if m.a < s.tokens.start {
                break;
            }
            // (Not an outlet's dateline: « Agence X – Le vice-ministre … a déclaré que ».)
            if matches!(doc.tok(m.b), "–" | "—" | "-") {
                if let Some((r, _)) = (m.b + 1..v)
                    .filter(|&t| matches!(doc.tok_lower(t), "le" | "la" | "l'"))
                    .find_map(|t| resolve_role_np(doc, ms, t, v))
                {
                    return Some((r, "speech-subject"));
                }
                continue;
            }
            if m.etype != EntityType::MISC && !governed(doc, m) && !apposition_governed(doc, m) {
                return Some((mi, "speech-subject"));
            }
        }
        if let Some(m) = resolve_pronoun(doc, ms, v) {
            return Some((m, "speech-subject"));
        }
        break;
    }
    // « …, a déclaré X », « …, a estimé le chef de la diplomatie française, X ».
    for k in cue_a..s.tokens.end.min(cue_a + HOLDER_WINDOW) {
        if lex.speech.get(doc.tok_lower(k)) == Some(&SpeechKind::Speech)
            && (cue_a..k)
                .chain(cue_a.checked_sub(1))
                .any(|t| matches!(doc.tok(t), "," | "»" | "\"" | "”"))
        {
            if let Some(m) = mention_after_speech(doc, ms, k, s.tokens.end) {
                return Some((m, "speaker-after"));
            }
        }
    }
    // « …, selon X. » closing the sentence after the cue (« est devenu un modèle de
    // coopération, selon le ministre X »): X is the source.
    if let Some(k) = (cue_a + 1..s.tokens.end.min(cue_a + HOLDER_WINDOW))
        .find(|&k| doc.tok_lower(k) == "selon" && doc.tok(k - 1) == ",")
    {
        let mi = ms.partition_point(|m| m.a < k + 1);
        if let Some(m) = ms.get(mi) {
            let closes = m.b >= s.tokens.end || matches!(doc.tok(m.b), "." | "," | "!");
            if m.a <= k + 6
                && (k + 1..m.a).all(|t| doc.is_word(t))
                && closes
                && m.etype != EntityType::MISC
            {
                return Some((mi, "source"));
            }
        }
    }
    // The speaker of the last quote before it in the paragraph (the words go on after the
    // closing mark: « « … », a-t-il expliqué. Nous fournirons … »); not for words inside a
    // quote of their own attribution that named no one (« « … », a martelé la porte-parole »).
    if quotes
        .get(qi)
        .is_some_and(|q| q.a <= cue_a && cue_a < q.b && !q.rule.id.ends_with("unknown"))
    {
        return None;
    }
    let block = &doc.seg.blocks[s.block];
    quotes[..qi]
        .iter()
        .rev()
        .take_while(|q| q.a >= block.tokens.start)
        .find_map(|q| q.speaker)
        .map(|sp| (sp, "quote-nearby"))
}

/// A quote left without speaker because its source is someone indefinite (« a dit un
/// manifestant », « une source proche du dossier a confié : « … » », « a-t-on indiqué »), not
/// a role phrase no rule resolved (« estime la présidente du jury »): words of an indefinite
/// source in the few tokens around the quote, in its sentence.
fn unnamed_source(doc: &Doc, q: &QuoteAnn) -> bool {
    if q.speaker_text.is_some() || q.rule.id.ends_with("unknown") {
        return false;
    }
    let sb = &doc.seg.sentences[doc.tokens()[q.b.saturating_sub(1)].sent()].tokens;
    let sa = &doc.seg.sentences[doc.tokens()[q.a].sent()].tokens;
    let after = q.b..(q.b + 8).min(sb.end);
    let before = q.a.saturating_sub(8).max(sa.start)..q.a;
    after.chain(before).any(|t| {
        let w = doc.tok_lower(t);
        matches!(
            w,
            "un" | "une"
                | "des"
                | "on"
                | "plusieurs"
                | "certains"
                | "certaines"
                | "source"
                | "sources"
                | "entourage"
                | "proche"
                | "proches"
        ) || w.ends_with("-t-on")
    })
}

/// The subject of a speech verb at `k` that follows it (« a déclaré M. Wang », « a estimé le
/// chef de la diplomatie française, Jean Caron »): the first mention after it, right after or
/// after a role written in lower-case words and commas; not a mention in a clause it opens.
fn mention_after_speech(doc: &Doc, ms: &[EMention], k: usize, end: usize) -> Option<usize> {
    let mut after = mention_before(ms, k + 1);
    // A circumstance before the subject (« explique à l'AFP le rappeur X », « a dit sur TF1
    // X »): passed over, its words with it.
    let mut skipped = k + 1..k + 1;
    loop {
        let m = ms.get(after)?;
        if m.a >= end || m.a > k + 8 || !governed(doc, m) {
            break;
        }
        let to = (k + 1..m.a)
            .rev()
            .find(|&t| PREPOSITIONS.contains(&doc.tok_lower(t)))?;
        if (k + 1..to).any(|t| !doc.is_word(t) || doc.is_cap(t)) {
            break;
        }
        skipped = k + 1..m.b;
        after += 1;
    }
    let m = ms.get(after)?;
    if m.a >= end || matches!(doc.tok_lower(m.a - 1), "que" | "qu'") {
        return None;
    }
    if m.a <= k + 4 {
        return Some(after);
    }
    let role = m.a <= k + 10 + skipped.len()
        && m.etype == EntityType::PER
        && (k + 1..m.a).all(|t| {
            let w = doc.tok(t);
            skipped.contains(&t)
                || w == ","
                || (doc.is_word(t) && !doc.is_cap(t) && !matches!(w, "que" | "qu'" | "et"))
        });
    role.then_some(after)
}

/// The holder named after a noun cue (« la détermination du Kenya », « le soutien du
/// Kazakhstan »): a mention right after « de / du / d' » (and an article).
fn genitive_holder(doc: &Doc, ms: &[EMention], b: usize, hi: usize, adj: bool) -> Option<usize> {
    // (« des » too for the nouns whose genitive is their holder: « le soutien des États-Unis ».)
    let de = |k: usize| match doc.tok_lower(k) {
        "de" | "d'" | "du" => true,
        "des" => adj,
        _ => false,
    };
    let mut k = if b > 0 && de(b - 1) {
        b
    } else if b > 1 && matches!(doc.tok_lower(b - 1), "la" | "l'") && de(b - 2) {
        // The cue took the article (« l'opposition de la Russie à »).
        b
    } else if b < hi && de(b) {
        b + 1
    } else if adj
        && b + 1 < hi
        && de(b + 1)
        && doc.is_word(b)
        && doc.tok(b).chars().all(|c| c.is_lowercase() || c == '-')
        && !is_determiner(doc.tok_lower(b))
        && !lexicons().function_words.contains(doc.tok_lower(b))
    {
        // An adjective between (« le soutien indéfectible du Kazakhstan à », « l'appui
        // constant de l'Algérie »): only for nouns whose genitive is their holder, not the
        // object of a condemnation (« la condamnation unanime de la Russie »).
        b + 2
    } else {
        return None;
    };
    if k < hi && matches!(doc.tok_lower(k), "la" | "le" | "l'" | "les") {
        k += 1;
    }
    let mi = ms.partition_point(|m| m.a < k);
    ms.get(mi)
        .filter(|m| m.a == k && m.etype != EntityType::MISC)
        .map(|_| mi)
}

/// « Selon X, … » / « D'après X, … » opening the sentence (before the cue): X.
fn selon_source(
    doc: &Doc,
    ms: &[EMention],
    sent: std::ops::Range<usize>,
    cue_a: usize,
) -> Option<usize> {
    // « …, selon Moscou, … » in the sentence before the cue.
    if let Some(k) = (sent.start + 1..cue_a)
        .rev()
        .take(HOLDER_WINDOW)
        .find(|&k| doc.tok_lower(k) == "selon" && doc.tok(k - 1) == ",")
    {
        let mi = ms.partition_point(|m| m.a < k + 1);
        if let Some(m) = ms.get(mi) {
            if m.a <= k + 3 && m.b < cue_a && doc.tok(m.b) == "," && m.etype != EntityType::MISC {
                return Some(mi);
            }
        }
    }
    let a = sent.start;
    let (after, pour) = match doc.tok_lower(a) {
        "selon" => (a + 1, false),
        "pour" => (a + 1, true),
        "d'" if a + 1 < sent.end && doc.tok_lower(a + 1) == "après" => (a + 2, false),
        _ => return None,
    };
    let mi = ms.partition_point(|m| m.a < after);
    let m = ms.get(mi)?;
    // The name may follow a role (« Selon le ministre de l'Intérieur Gérard Lambert, »): words
    // only, up to the comma that closes the source. « Pour » opens a source only when it is a
    // person or a body and a comma follows its name (« Pour le sénateur X, … »).
    let words_only = (after..m.a).all(|k| doc.is_word(k));
    let closed = doc.tok(m.b) == "," || !pour;
    (m.a <= after + 8 && words_only && closed && m.b < cue_a && m.etype != EntityType::MISC)
        .then_some(mi)
}

/// The mention of the country a speaker speaks for, if the text names it: from the speaker's
/// gazetteer entry, or a demonym in their role (« porte-parole du ministère chinois … »).
fn country_of(doc: &Doc, ms: &[EMention], sp: usize) -> Option<usize> {
    // Remembered per document and mention list (the answer depends on the name alone).
    let memo = &doc.country_memo;
    let list = (ms.as_ptr() as usize, ms.len());
    if memo.mentions.get() != list {
        memo.mentions.set(list);
        memo.answers.borrow_mut().clear();
    }
    let name = &ms[sp].canonical;
    if let Some(&r) = memo.answers.borrow().get(name) {
        return r;
    }
    let r = country_of_uncached(ms, sp);
    memo.answers.borrow_mut().insert(name.clone(), r);
    r
}

fn country_of_uncached(ms: &[EMention], sp: usize) -> Option<usize> {
    let lex = lexicons();
    let m = &ms[sp];
    // The gazetteer entry of any mention of the person, else the entry named like them.
    let entries = ms
        .iter()
        .filter(|x| x.canonical == m.canonical)
        .filter_map(|x| x.entry)
        .chain(
            lex.by_form
                .get(&m.canonical.to_lowercase())
                .into_iter()
                .flatten()
                .copied(),
        );
    let mut country = entries
        .filter_map(|e| lex.gaz.get(e))
        .filter(|g| g.etype == EntityType::PER)
        .find_map(|g| g.country.clone());
    if country.is_none() {
        let roles = ms
            .iter()
            .filter(|x| x.canonical == m.canonical)
            .filter_map(|x| x.role.as_deref());
        'roles: for r in roles {
            for w in r.split(|c: char| !c.is_alphanumeric() && c != '-') {
                if let Some(c) = lex.demonyms.get(&w.to_lowercase()) {
                    country = Some(c.clone());
                    break 'roles;
                }
            }
        }
    }
    let country = country?;
    ms.iter()
        .position(|x| x.canonical == country && x.etype == EntityType::LOC)
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

/// Sentence adverbs that may stand between a verb and its object.
fn is_adverb(w: &str) -> bool {
    matches!(
        w,
        "toutefois"
            | "cependant"
            | "pourtant"
            | "néanmoins"
            | "également"
            | "aussi"
            | "notamment"
            | "surtout"
            | "encore"
            | "toujours"
            | "déjà"
            | "ainsi"
            | "donc"
            | "alors"
            | "enfin"
            | "désormais"
            | "plutôt"
            | "même"
            | "particulièrement"
            | "clairement"
            | "ouvertement"
            | "publiquement"
            | "officiellement"
            | "d'ailleurs"
    ) || (w.len() > 7 && w.ends_with("ment") && !w.ends_with("ements"))
}

/// Words that end a target noun phrase: relatives, conjunctions, and the prepositions that
/// open an adjunct rather than a complement.
fn ends_target(w: &str) -> bool {
    matches!(
        w,
        "qui"
            | "que"
            | "qu'"
            | "dont"
            | "où"
            | "mais"
            | "car"
            | "lorsque"
            | "quand"
            | "si"
            | "afin"
            | "pour"
            | "parce"
            | "puisque"
            | "tandis"
            | "alors"
            | "après"
            | "avant"
            | "depuis"
            | "lors"
            | "selon"
            | "a"
            | "ont"
            | "est"
            | "sont"
            | "était"
            | "sera"
            | "avait"
            | "serait"
            | "aurait"
            | "ne"
            | "n'"
            | "se"
            | "s'"
            | "il"
            | "elle"
            | "ils"
            | "elles"
            | "nous"
            | "on"
    )
}

/// What the stance is about, kept short: the noun phrase after the cue (over a leading
/// preposition and one « de » complement: « aux sanctions unilatérales des États-Unis »), or the
/// clause a « que » opens, at most 10 words; for an evaluation, the subject it evaluates (« Cette
/// décision est inacceptable » → « Cette décision »).
fn target_of(doc: &Doc, a: usize, b: usize, lo: usize, hi: usize, eval: bool) -> Option<String> {
    let punct = |k: usize| {
        matches!(
            doc.tok(k),
            "," | ";" | "." | ":" | "»" | "«" | "!" | "?" | "(" | ")" | "\"" | "“" | "”"
        )
    };
    if eval && a > lo {
        // The clause before the cue, back to a break (at most 10 words).
        let mut s = a;
        while s > lo
            && a - s < 10
            && !punct(s - 1)
            && !matches!(doc.tok_lower(s - 1), "que" | "qu'" | "qui")
        {
            s -= 1;
        }
        let mut e = a;
        // Not the copula and article before an evaluating noun (« Cet accord est une [étape
        // historique] » → « Cet accord »).
        while e > s
            && (matches!(
                doc.tok_lower(e - 1),
                "ne" | "n'"
                    | "se"
                    | "s'"
                    | "un"
                    | "une"
                    | "des"
                    | "le"
                    | "la"
                    | "les"
                    | "l'"
                    | "constitue"
                    | "constituent"
                    | "représente"
                    | "représentent"
                    | "reste"
                    | "restent"
                    | "demeure"
                    | "c'"
                    | "ce"
                    | "ça"
            ) || lexicons().class(doc.tok_ids()[e - 1]) & (class::AUX_ETRE | class::AUX_AVOIR)
                != 0)
        {
            e -= 1;
        }
        if e > s && (s..e).any(|k| doc.is_word(k)) {
            return Some(doc.slice(doc.tspan(s, e)).to_string());
        }
    }
    // Not an adverb between the verb and its object (« s'inquiète toutefois du débit »).
    let mut b = b;
    while b < hi && is_adverb(doc.tok_lower(b)) {
        b += 1;
    }
    // A quoted object: the quoted words (« a salué « l'esprit de fraternité » »).
    if b + 1 < hi && matches!(doc.tok(b), "«" | "“" | "\"") {
        let mut e = b + 1;
        while e < hi && e - b <= 10 && !matches!(doc.tok(e), "»" | "”" | "\"") {
            e += 1;
        }
        if e < hi && e > b + 1 && e - b <= 10 {
            return Some(doc.slice(doc.tspan(b + 1, e)).to_string());
        }
    }
    let mut e = b;
    let mut de_seen = false;
    while e < hi && e - b < 10 && !punct(e) {
        let w = doc.tok_lower(e);
        if e > b && ends_target(w) {
            break;
        }
        // One « de » complement; a second preposition ends the phrase (« … à Pékin »).
        if e > b + 1
            && matches!(
                w,
                "à" | "au" | "aux" | "dans" | "sur" | "en" | "par" | "avec" | "contre"
            )
        {
            break;
        }
        if e > b + 1 && matches!(w, "de" | "du" | "des" | "d'") {
            if de_seen {
                break;
            }
            de_seen = true;
        }
        e += 1;
    }
    // A « que » clause: the words after it.
    if e == b && b < hi && matches!(doc.tok_lower(b), "que" | "qu'") {
        e = b + 1;
        while e < hi && e - b < 11 && !punct(e) {
            e += 1;
        }
    }
    // Not a dangling article or preposition at the end.
    while e > b
        && matches!(
            doc.tok_lower(e - 1),
            "le" | "la"
                | "les"
                | "l'"
                | "de"
                | "d'"
                | "du"
                | "des"
                | "à"
                | "au"
                | "aux"
                | "et"
                | "un"
                | "une"
        )
    {
        e -= 1;
    }
    if !(e > b && (b..e).any(|k| doc.is_word(k))) {
        return None;
    }
    // The noun phrase without the verb's preposition: « aux sanctions » → « les sanctions »,
    // « contre l'accord » → « l'accord ».
    let mut s = b;
    let lead = match doc.tok_lower(s) {
        "au" => Some("le "),
        "aux" => Some("les "),
        "du" if e > s + 1 => Some("le "),
        "à" | "contre" | "envers" | "sur" | "pour" | "vers" | "avec" | "par" if e > s + 1 => {
            Some("")
        }
        _ => None,
    };
    if lead.is_some() {
        s += 1;
    }
    let rest = doc.slice(doc.tspan(s, e));
    Some(match lead {
        Some(l) if !l.is_empty() => [l, rest].concat(),
        _ => rest.to_string(),
    })
}

/// Where a negation of the cue `h` (in sentence tokens `lo..hi`) spans, if the cue is negated:
/// « ne … pas / jamais / plus / guère… » around its verb group (« ne soutient pas », « n'a
/// jamais condamné », « ne le soutiendra pas », « ne s'est pas opposé »), « ne pas » before an
/// infinitive, « sans » before a verb, « pas de / aucun / sans » before a noun. « ne … que »
/// is no negation.
fn negation(doc: &Doc, lo: usize, hi: usize, h: &CueHit) -> Option<(usize, usize)> {
    let lex = lexicons();
    let ids = doc.tok_ids();
    let cls = |k: usize| lex.class(ids[k]);
    let a = h.start;
    // « ne pas soutenir », « ne jamais accepter ».
    if a >= lo + 2 && cls(a - 2) & class::NE != 0 && cls(a - 1) & class::NEG != 0 {
        return Some((a - 2, h.end));
    }
    if a > lo && doc.tok_lower(a - 1) == "sans" {
        return Some((a - 1, h.end));
    }
    // « sans pour autant proposer », « sans même condamner », « sans jamais critiquer ».
    if h.form != Form::Plain {
        let mut k = a;
        while k > lo && a - k < 3 {
            k -= 1;
            match doc.tok_lower(k) {
                "sans" if k + 1 < a => return Some((k, h.end)),
                "pour" | "autant" | "même" | "jamais" | "vraiment" | "explicitement"
                | "nommément" | "ouvertement" => {}
                _ => break,
            }
        }
    }
    if h.form == Form::Plain {
        // « pas de soutien », « aucun soutien », « sans aucune hésitation », « il n'y a pas
        // eu de provocation ».
        for k in a.saturating_sub(3).max(lo)..a {
            if (k + 3 > a
                && matches!(
                    doc.tok_lower(k),
                    "aucun" | "aucune" | "sans" | "nul" | "nulle"
                ))
                || (doc.tok_lower(k) == "pas"
                    && ((k + 2 == a && matches!(doc.tok_lower(k + 1), "de" | "d'"))
                        || (k + 3 == a
                            && matches!(doc.tok_lower(k + 1), "eu" | "été")
                            && matches!(doc.tok_lower(k + 2), "de" | "d'"))))
            {
                return Some((k, h.end));
            }
        }
    }
    // A negated copula before an adjective or a noun (« n'est pas ridicule », « ne sont pas
    // légitimes », « n'est pas vraiment une catastrophe »).
    if h.form == Form::Plain {
        let mut k = a;
        if k > lo
            && matches!(
                doc.tok_lower(k - 1),
                "très"
                    | "si"
                    | "aussi"
                    | "vraiment"
                    | "forcément"
                    | "totalement"
                    | "tout"
                    | "complètement"
                    | "franchement"
                    | "une"
                    | "un"
                    | "du"
                    | "de"
                    | "d'"
            )
        {
            k -= 1;
        }
        if k >= lo + 3
            && cls(k - 1) & class::NEG != 0
            && matches!(
                doc.tok_lower(k - 2),
                "est"
                    | "sont"
                    | "était"
                    | "étaient"
                    | "sera"
                    | "seront"
                    | "serait"
                    | "soit"
                    | "semble"
                    | "semblent"
                    | "paraît"
                    | "reste"
                    | "restent"
            )
            && cls(k - 3) & class::NE != 0
        {
            return Some((k - 3, h.end));
        }
    }
    // « ne » before the verb group, over object pronouns (« ne le soutient pas »).
    let mut k = a;
    let mut ne = None;
    while k > lo && a - k < 3 {
        k -= 1;
        if cls(k) & class::NE != 0 {
            ne = Some(k);
            break;
        }
        if !matches!(
            doc.tok_lower(k),
            "le" | "la"
                | "les"
                | "l'"
                | "lui"
                | "leur"
                | "y"
                | "en"
                | "se"
                | "s'"
                | "nous"
                | "vous"
                | "me"
                | "m'"
                | "te"
                | "t'"
        ) {
            break;
        }
    }
    let ne = ne?;
    // Its second half inside the cue or right after its verb.
    (a..(h.end + 2).min(hi))
        .find(|&j| cls(j) & class::NEG != 0)
        .map(|j| (ne, h.end.max(j + 1)))
}

/// Does the cue at `a` stand in a question that its own clause asks (« Le Canada va-t-il
/// soutenir … ? », « Faut-il condamner … ? », « Est-ce que la Chine acceptera … ? »)? (Not a
/// journalist's question that reports a stance before asking for comment.)
fn question(doc: &Doc, lo: usize, hi: usize, a: usize) -> bool {
    (hi.saturating_sub(3)..hi).any(|k| doc.tok(k) == "?")
        && (a.saturating_sub(6).max(lo)..=a).any(|k| {
            let w = doc.tok_lower(k);
            w.starts_with("est-ce")
                || ["-il", "-elle", "-ils", "-elles", "-on"]
                    .iter()
                    .any(|p| w.ends_with(p))
        })
}

/// Is the cue at `a` in a hypothesis (« si » and an imperfect or a conditional: « Si l'Italie
/// condamnait … ») or an indirect question (« ne sait pas si Berlin soutiendra … »)?
fn hypothesis(doc: &Doc, lo: usize, a: usize) -> bool {
    // « Il n'est pas certain que la Grèce soutienne … », « la possibilité de suspendre … ».
    let window = a.saturating_sub(8).max(lo)..a;
    if window
        .clone()
        .rev()
        .take_while(|&k| !is_clause_break(doc.tok(k)))
        .any(|k| {
            let w = doc.tok_lower(k);
            let next = doc.tok_lower(k + 1);
            (matches!(next, "que" | "qu'")
                && (w.starts_with("dout")
                    || matches!(w, "possible" | "probable" | "improbable" | "envisageable")
                    || (matches!(w, "certain" | "sûr" | "clair" | "acquis")
                        && k > lo
                        && matches!(doc.tok_lower(k - 1), "pas" | "peu"))))
                || (matches!(w, "possibilité" | "éventualité" | "hypothèse")
                    && matches!(next, "de" | "d'"))
        })
    {
        return true;
    }
    // « Pékin pourrait soutenir … »: a possibility.
    if (a.saturating_sub(3).max(lo)..a).any(|k| {
        matches!(
            doc.tok_lower(k),
            "pourrait" | "pourraient" | "pourrais" | "pourrions" | "pourriez"
        )
    }) {
        return true;
    }
    let Some(si) = (a.saturating_sub(8).max(lo)..a)
        .rev()
        .take_while(|&k| !is_clause_break(doc.tok(k)) && doc.tok(k) != ",")
        .find(|&k| matches!(doc.tok_lower(k), "si" | "s'il" | "s'ils"))
    else {
        return false;
    };
    let w = doc.tok_lower(a);
    let imperfect = w.ends_with("ait") || w.ends_with("aient");
    let before = if si > lo + 1 && matches!(doc.tok_lower(si - 1), "encore" | "pas" | "toujours") {
        si - 1
    } else {
        si
    };
    let asks = before > lo
        && matches!(
            doc.tok_lower(before - 1),
            "sait"
                | "savent"
                | "savoir"
                | "demande"
                | "demandent"
                | "demander"
                | "ignore"
                | "ignorent"
                | "voir"
                | "incertain"
                | "préciser"
                | "précisé"
                | "dit"
        );
    imperfect || asks
}

/// Is the cue `a..b` (a form of « condamner ») a court's sentence: a penalty after it (« à deux
/// ans de prison », « à une amende », « à mort »), a court as its subject, or confirmed or
/// overturned on appeal?
fn judicial(doc: &Doc, lo: usize, hi: usize, a: usize, b: usize) -> bool {
    if !(a..b).any(|k| doc.tok_lower(k).starts_with("condamn")) {
        return false;
    }
    let penalty = (b..hi.min(b + 8)).any(|k| {
        doc.tok_lower(k) == "à" && k + 1 < doc.tokens().len() && {
            let n = doc.tok_lower(k + 1);
            n.bytes().all(|c| c.is_ascii_digit())
                || matches!(
                    n,
                    "un" | "une"
                        | "deux"
                        | "trois"
                        | "quatre"
                        | "cinq"
                        | "six"
                        | "sept"
                        | "huit"
                        | "dix"
                        | "vingt"
                        | "mort"
                        | "perpétuité"
                        | "la"
                        | "payer"
                )
        }
    });
    let court = (a.saturating_sub(6).max(lo)..a).any(|k| {
        matches!(
            doc.tok_lower(k),
            "tribunal"
                | "cour"
                | "juge"
                | "juges"
                | "justice"
                | "confirmé"
                | "annulé"
                | "jury"
                | "assises"
                | "correctionnelle"
                | "confirme"
                | "infirmé"
        )
    });
    penalty || court
}

/// Forms of « nier » and « démentir ».
fn is_denial(w: &str) -> bool {
    w.starts_with("démen")
        || matches!(
            w,
            "nie" | "nient" | "nié" | "niée" | "niés" | "niait" | "niaient" | "nier" | "niant"
        )
}

/// Is the cue at `a` the content of a denial (« a démenti que le ministre ait critiqué »,
/// « a nié avoir accusé », « a démenti vendredi avoir accusé »)?
fn denied(doc: &Doc, lo: usize, a: usize) -> bool {
    let opens = |k: usize| k < a && matches!(doc.tok_lower(k), "que" | "qu'" | "avoir" | "être");
    (a.saturating_sub(8).max(lo)..a)
        .rev()
        .take_while(|&k| !is_clause_break(doc.tok(k)))
        .any(|k| {
            is_denial(doc.tok_lower(k))
                && (opens(k + 1) || (doc.is_word(k + 1) && doc.tok(k + 1) != "," && opens(k + 2)))
        })
}

/// « ni » before the verb (« ni ne soutient ni ne condamne », « n'a ni salué ni critiqué »), or
/// « ne » without « pas » after a negative subject (« Aucun pays n'a appelé … »).
fn other_negation(doc: &Doc, lo: usize, a: usize, b: usize) -> bool {
    let prev = |k: usize| if k > lo { doc.tok_lower(k - 1) } else { "" };
    if prev(a) == "ni"
        || (matches!(prev(a), "ne" | "n'") && prev(a - 1) == "ni")
        || (a..b).any(|k| doc.tok_lower(k) == "ni")
    {
        return true;
    }
    // Back over an auxiliary to « ne ».
    let mut k = a;
    if matches!(
        prev(k),
        "a" | "ont" | "avait" | "avaient" | "est" | "sont" | "se" | "s'"
    ) {
        k -= 1;
    }
    if !matches!(prev(k), "ne" | "n'") {
        return false;
    }
    let n = k - 1;
    (n.saturating_sub(3).max(lo)..n).any(|t| {
        matches!(
            doc.tok_lower(t),
            "aucun" | "aucune" | "personne" | "nul" | "nulle" | "rien"
        )
    })
}

/// Verbs of appeal, whose complement is what is called for (« exhorter », « appeler à »,
/// « demander à », « espérer que », « souhaiter que », « inviter à », « prier »).
fn is_appeal(w: &str) -> bool {
    w.starts_with("exhort")
        || w.starts_with("appel")
        || w.starts_with("demand")
        || w.starts_with("espér")
        || w.starts_with("espèr")
        || w.starts_with("souhait")
        || w.starts_with("invit")
        || w.starts_with("pri")
        || w.starts_with("urg")
        || w.starts_with("enjoi")
}

/// Is the verb form at `k` a noun (« La critique a encensé », « une promesse »)? After an
/// unambiguous determiner, or after « le / la / les » opening the sentence (where they cannot be
/// object pronouns: « il la critique »).
fn noun_homograph(doc: &Doc, lo: usize, k: usize) -> bool {
    match doc.tok_lower(k - 1) {
        "un" | "une" | "cette" | "cet" | "ce" | "ces" | "sa" | "son" | "ses" | "leurs"
        | "notre" | "nos" | "votre" | "vos" | "du" | "au" | "aux" => true,
        "le" | "la" | "les" | "l'" => k - 1 == lo,
        _ => false,
    }
}

/// The verb of a cue `a..b`, after an auxiliary, a pronoun or an adverb (« a exhorté »,
/// « Nous exhortons », « a également appelé »).
fn appeal_verb(doc: &Doc, a: usize, b: usize) -> usize {
    (a..b)
        .find(|&k| {
            !matches!(
                doc.tok_lower(k),
                "a" | "ont"
                    | "avait"
                    | "nous"
                    | "je"
                    | "j'"
                    | "il"
                    | "elle"
                    | "se"
                    | "s'"
                    | "ne"
                    | "n'"
                    | "vivement"
                    | "également"
                    | "aussi"
            )
        })
        .unwrap_or(a)
}

/// Manner and intensity adverbs that complete a stance verb (« s'oppose fermement »).
fn is_intensifier(w: &str) -> bool {
    matches!(
        w,
        "fermement"
            | "résolument"
            | "pleinement"
            | "vivement"
            | "totalement"
            | "fortement"
            | "énergiquement"
            | "catégoriquement"
            | "vigoureusement"
            | "entièrement"
            | "profondément"
            | "sincèrement"
            | "chaleureusement"
            | "activement"
            | "inconditionnellement"
            | "unanimement"
            | "publiquement"
            | "ouvertement"
            | "sévèrement"
            | "durement"
            | "violemment"
            | "farouchement"
            | "mutuellement"
            | "conjointement"
            | "hautement"
            | "grandement"
    )
}

/// The agent of a passive cue ending in « par » (« soutenu par la Chine »): the mention right
/// after it, or the noun phrase as written.
fn passive_agent(
    doc: &Doc,
    ms: &[EMention],
    b: usize,
    hi: usize,
) -> Option<(Vec<usize>, Option<String>)> {
    let mi = ms.partition_point(|m| m.a < b);
    if let Some(m) = ms.get(mi) {
        if m.a <= b + 1
            && m.a < hi
            && (m.a == b || matches!(doc.tok_lower(b), "la" | "le" | "les" | "l'"))
        {
            return Some((coordinated_after(doc, ms, mi), None));
        }
    }
    let mut e = b;
    while e < hi
        && e - b < 5
        && doc.is_word(e)
        && !matches!(
            doc.tok_lower(e),
            "qui" | "que" | "et" | "pour" | "à" | "dans"
        )
    {
        e += 1;
    }
    (e > b + 1).then(|| (Vec::new(), Some(doc.slice(doc.tspan(b, e)).to_string())))
}

/// A mention plus the mentions coordinated after it (« par la Chine et la Russie »).
fn coordinated_after(doc: &Doc, ms: &[EMention], mi: usize) -> Vec<usize> {
    let mut out = vec![mi];
    let mut cur = mi;
    while let Some(next) = ms.get(cur + 1) {
        let gap = ms[cur].b..next.a.max(ms[cur].b);
        if gap.len() > 3
            || !gap.clone().any(|k| doc.tok_lower(k) == "et")
            || !gap
                .clone()
                .all(|k| matches!(doc.tok_lower(k), "et" | "la" | "le" | "les" | "l'" | ","))
        {
            break;
        }
        out.push(cur + 1);
        cur += 1;
    }
    out
}

/// The inverted subject pronouns written onto a verb with a hyphen (« regrette-t-il »,
/// « promet-elle », « dénoncent-ils », « s'inquiète-t-on »), longest first.
const INVERTED_SUBJECTS: [&str; 10] = [
    "-t-elles", "-t-elle", "-t-ils", "-t-il", "-t-on", "-elles", "-elle", "-ils", "-il", "-on",
];

/// The document's token ids, a verb with an inverted subject pronoun (« regrette-t-il »,
/// « promet-elle », the incise after a quotation) read as the verb alone: the cue lexicon knows
/// « regrette », not every pronoun suffix. (The auxiliaries, « a-t-il », « s'est-elle », stay
/// as they are: the verb groups know them.)
fn uninverted_ids(doc: &Doc) -> Vec<u32> {
    let lex = lexicons();
    let mut ids = doc.tok_ids().to_vec();
    for (k, id) in ids.iter_mut().enumerate() {
        if lex.class(*id) & (class::AUX_AVOIR | class::AUX_ETRE) != 0 {
            continue;
        }
        let w = doc.tok_lower(k);
        // (Every suffix starts with a hyphen: most tokens have none.)
        if !w.contains('-') {
            continue;
        }
        if let Some(stem) = INVERTED_SUBJECTS
            .iter()
            .find_map(|suf| w.strip_suffix(suf))
            .filter(|st| st.len() >= 3 && !st.contains('-'))
        {
            // (Not a verb of modality or movement, whose inversion asks or reports: « va-t-il
            // réagir ? », « entend-on dire », « peut-on accepter ».)
            let modal = matches!(
                stem,
                "va" | "vont"
                    | "allait"
                    | "allaient"
                    | "ira"
                    | "iront"
                    | "entend"
                    | "entendent"
                    | "compte"
                    | "comptent"
                    | "veut"
                    | "veulent"
                    | "voudrait"
                    | "peut"
                    | "peuvent"
                    | "pourrait"
                    | "doit"
                    | "doivent"
                    | "devrait"
                    | "faut"
                    | "sait"
            );
            let s = lex.vocab.id(stem);
            if s != Vocab::NONE && !modal {
                *id = s;
            }
        }
    }
    ids
}

// Out of line (one call per document) so that instruction profiles show the stage.
#[inline(never)]
pub fn find_stances(doc: &Doc, ms: &[EMention], quotes: &[QuoteAnn]) -> Vec<StanceAnn> {
    let lex = lexicons();
    let ids = uninverted_ids(doc);
    let mut out = Vec::new();
    for s in &doc.seg.sentences {
        if doc.boilerplate_blocks[s.block] {
            continue;
        }
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        // Where the last cue dropped for negation ends (its object is not a stance either).
        let mut dropped_end = 0;
        // The index in `out` of this sentence's last stance held by a verb (its object may
        // hold evaluations that belong to it).
        let mut last_verb: Option<usize> = None;
        for h in lex.stance.find_all_ids(doc, &ids, lo, hi) {
            if doc.tok_in_boilerplate(h.start) {
                continue;
            }
            let (cue, pattern, origin) = &lex.stance.entries[h.entry];
            // A blocker (« soutient que », « s'appuie sur »): no stance.
            let Some(pol) = cue.polarity else {
                continue;
            };
            // An attack claimed by a group is claimed, not supported (« L'attentat a été
            // revendiqué par le groupe », « a revendiqué au nom du groupe les attentats »).
            let window = if h.form == Form::Passive {
                h.start.saturating_sub(6).max(lo)..h.start
            } else {
                h.end..(h.end + 10).min(hi)
            };
            if pattern.starts_with("revendiquer/v")
                && window.into_iter().any(|k| {
                    let w = doc.tok_lower(k);
                    [
                        "attentat",
                        "attaque",
                        "assassinat",
                        "enlèvement",
                        "explosion",
                        "meurtre",
                        "fusillade",
                        "tir",
                        "frappe",
                        "incendie",
                        "sabotage",
                    ]
                    .iter()
                    .any(|x| w.starts_with(x))
                })
            {
                continue;
            }
            // A passive without its agent says who was wronged, not who holds the stance; only
            // an evaluation keeps it (« ont été trompés », held by whoever says it).
            if h.form == Form::PassiveBare && !cue.eval {
                continue;
            }
            // A question (« Le Canada va-t-il soutenir … ? »), a hypothesis or an open issue
            // (« Si l'Italie condamnait … », « Personne ne sait si Berlin soutiendra … »), the
            // complement of a denial (« a démenti que le ministre ait critiqué … », « a nié
            // avoir accusé … »): nobody takes the stance.
            if question(doc, lo, hi, h.start)
                || hypothesis(doc, lo, h.start)
                || denied(doc, lo, h.start)
            {
                continue;
            }
            // A negated cue is no stance (« ne soutient pas »), unless the row is about the
            // negation itself (« ne tolérera pas »); « ni … ni » and a negative subject
            // (« Aucun pays n'a appelé … ») negate too.
            if !cue.neg_only && other_negation(doc, lo, h.start, h.end) {
                dropped_end = h.end;
                continue;
            }
            // A noun in the object of a negated verb (« n'a pas appelé au boycott »).
            if h.form == Form::Plain
                && dropped_end > lo
                && dropped_end <= h.start
                && h.start - dropped_end <= 3
                && (dropped_end..h.start).all(|k| is_object_word(doc.tok_lower(k)))
            {
                continue;
            }
            // A court's sentence (« condamné à deux ans de prison », « le tribunal a
            // condamné », « la condamnation de l'ancien maire » confirmed on appeal).
            if pol == Polarity::Oppose && judicial(doc, lo, hi, h.start, h.end) {
                continue;
            }
            // A cue inside the complement of an appeal (« exhortons la Lituanie à respecter … »,
            // « espère que les pays concernés respecteront … ») is what is called for, part
            // of that stance's target.
            if let Some(p) = out
                .last()
                .filter(|p: &&StanceAnn| p.a >= lo && p.b <= h.start)
            {
                if p.polarity == Polarity::Support
                    && is_appeal(doc.tok_lower(appeal_verb(doc, p.a, p.b)))
                    && h.start - p.b <= 15
                    && !cue.eval
                    && (p.b..h.start).all(|k| {
                        !is_clause_break(doc.tok(k))
                            && !matches!(doc.tok_lower(k), "et" | "mais" | "tandis" | "alors")
                    })
                {
                    continue;
                }
            }
            // A verb form right after an unambiguous determiner, or after « le / la / les »
            // opening the sentence, is a noun (« La critique a encensé … », « Une promesse … »).
            if h.form == Form::Finite && h.start > lo && noun_homograph(doc, lo, h.start) {
                continue;
            }
            let neg = negation(doc, lo, hi, &h);
            if neg.is_some() != cue.neg_only {
                if neg.is_some() {
                    dropped_end = neg.map_or(h.end, |n| n.1);
                }
                continue;
            }
            let (a, mut b) = neg.unwrap_or((h.start, h.end));
            // An article ending the cue belongs to the target (« défend un texte »).
            while b > a + 1
                && is_determiner(doc.tok_lower(b - 1))
                && !matches!(doc.tok_lower(b - 1), "de" | "d'")
            {
                b -= 1;
            }
            // An intensity adverb right after belongs to the cue (« soutient fermement »).
            while b < hi && b < h.end + 2 && is_intensifier(doc.tok_lower(b)) {
                b += 1;
            }
            // A cue right after another one completes it (« prêts à se battre », « a promis
            // de combattre », « sa détermination à défendre »): one stance.
            if let Some(p) = out
                .last_mut()
                .filter(|p: &&mut StanceAnn| p.a >= lo && p.b <= a && a - p.b <= 2)
            {
                if (p.b..a).all(|k| {
                    matches!(
                        doc.tok_lower(k),
                        "à" | "de" | "d'" | "pour" | "se" | "s'" | "nous" | "en"
                    )
                }) {
                    p.b = b;
                    p.span = doc.tspan(p.a, b);
                    p.target = target_of(doc, p.a, b, lo, hi, cue.eval);
                    continue;
                }
            }
            // A noun cue in the object of the cue before it (« rejette ces accusations »,
            // « fournirons notre soutien », « a balayé les critiques »): part of that stance.
            // (Not one that names its own holder: « a salué la détermination du Kenya ».)
            // (An evaluation or the accusations a rejection answers are the object all the
            // same: « a salué le rôle constructif du Qatar », « a rejeté les accusations de la
            // Grèce ».)
            let adj_genitive = !matches!(pol, Polarity::Oppose | Polarity::Accuse);
            let after_rejection = out
                .last()
                .is_some_and(|p: &StanceAnn| p.polarity == Polarity::Oppose)
                && pol == Polarity::Accuse;
            if h.form == Form::Plain
                && (cue.eval
                    || after_rejection
                    || genitive_holder(doc, ms, h.end, hi, adj_genitive).is_none())
            {
                if let Some(p) = out
                    .last_mut()
                    .filter(|p: &&mut StanceAnn| p.a >= lo && p.b <= a && a - p.b <= 3)
                {
                    if (p.b..a).all(|k| is_object_word(doc.tok_lower(k))) {
                        p.b = b;
                        p.span = doc.tspan(p.a, b);
                        continue;
                    }
                }
            }
            // Evaluations coordinated with the one before (« des relations fraternelles et
            // exemplaires »): one stance.
            if cue.eval {
                if let Some(p) = out.last_mut().filter(|p: &&mut StanceAnn| {
                    p.a >= lo && p.b <= a && a - p.b <= 2 && p.polarity == pol
                }) {
                    if (p.b..a).all(|k| matches!(doc.tok_lower(k), "et" | "," | "mais" | "voire")) {
                        p.b = b;
                        p.span = doc.tspan(p.a, b);
                        continue;
                    }
                }
            }
            // An evaluation after a participle of judgement that restates the stance before it
            // (« a critiqué la décision, la qualifiant d'« inacceptable » »): part of it.
            if cue.eval {
                if let Some(p) = out.last().filter(|p: &&StanceAnn| {
                    p.a >= lo && p.b <= a && p.polarity == pol && a - p.b <= 12
                }) {
                    if (p.b..a).any(|k| {
                        let w = doc.tok_lower(k);
                        w.ends_with("ant") && is_judgement(w)
                    }) {
                        continue;
                    }
                }
            }
            // A cue inside the object of the verb stance before it: an evaluation of the same
            // family (« a salué la mobilisation exemplaire », « a salué un partenaire fiable »,
            // « dénonce un passage en force ») or anything inside the content of an accusation
            // (« accuse la préfecture de négligence », « accuse Kinshasa de soutenir des groupes
            // armés hostiles ») is part of that stance.
            if let Some(p) = last_verb
                .and_then(|i| out.get(i))
                .filter(|p: &&StanceAnn| p.a >= lo && p.b <= h.start && h.start - p.b <= 10)
            {
                let between_ok = (p.b..h.start).all(|k| {
                    (!is_clause_break(doc.tok(k)) || matches!(doc.tok(k), "«" | "»" | "“" | "”"))
                        && !matches!(
                            doc.tok_lower(k),
                            "," | "mais" | "tandis" | "alors" | "qui" | "que" | "qu'" | "dont"
                        )
                });
                let same_family = (cue.eval || h.form == Form::Plain)
                    && match p.polarity {
                        Polarity::Praise => pol == Polarity::Praise,
                        Polarity::Accuse | Polarity::Oppose => {
                            matches!(pol, Polarity::Accuse | Polarity::Oppose)
                        }
                        _ => false,
                    };
                let accusation = p.polarity == Polarity::Accuse
                    && (p.a..p.b).any(|k| {
                        let w = doc.tok_lower(k);
                        ["accus", "reproch", "soupçonn", "impute", "tax"]
                            .iter()
                            .any(|st| w.starts_with(st))
                    })
                    && (p.b..h.start).any(|k| matches!(doc.tok_lower(k), "de" | "d'"));
                if between_ok && (same_family || accusation) {
                    continue;
                }
            }
            // An infinitive of purpose (« pour préserver », « afin de défendre », « visant à
            // encourager ») says what an action is for, not whom its subject supports (a
            // purpose against something, « afin de s'opposer à », still opposes).
            if pol == Polarity::Support && h.form == Form::Finite && purpose_infinitive(doc, lo, a)
            {
                continue;
            }
            // A verb coordinated with the previous cue of the sentence shares its subject
            // (« Les deux dirigeants ont exprimé leur opposition …, et ont appelé au … »).
            let prev = out.last().filter(|p: &&StanceAnn| p.a >= lo && p.b <= a);
            let passive = if h.form == Form::Passive && !cue.eval {
                passive_agent(doc, ms, h.end, hi)
            } else {
                None
            };
            let genitive = if h.form == Form::Plain && !cue.eval {
                genitive_holder(doc, ms, h.end, hi, adj_genitive)
            } else {
                None
            };
            // A noun cue with its agent (« la ferme condamnation de l'attaque par l'Union
            // africaine »): « par » and a name after its complement.
            let passive = passive.or_else(|| {
                if h.form != Form::Plain || cue.eval {
                    return None;
                }
                // (Not « son mécontentement après l'expulsion … par X »: the noun is no
                // subject with a possessive, nor is the agent that of another noun.)
                if a > lo
                    && matches!(
                        doc.tok_lower(a - 1),
                        "son" | "sa" | "ses" | "leur" | "leurs"
                    )
                {
                    return None;
                }
                let k = (b..hi.min(b + 8))
                    .take_while(|&k| {
                        !is_clause_break(doc.tok(k))
                            && !matches!(
                                doc.tok_lower(k),
                                "," | "après"
                                    | "avant"
                                    | "contre"
                                    | "pour"
                                    | "dans"
                                    | "sur"
                                    | "avec"
                                    | "lors"
                                    | "depuis"
                            )
                    })
                    .find(|&k| doc.tok_lower(k) == "par")?;
                let (hs, ht) = passive_agent(doc, ms, k + 1, hi)?;
                (!hs.is_empty()).then_some((hs, ht))
            });
            // « l'opposition de la confédération à … » names its holder in the genitive even
            // when it is no entity: not the clause's subject nor the speaker.
            let own_genitive = h.form == Form::Plain
                && pattern.starts_with("opposition/n d")
                && genitive.is_none();
            let (holders, holder_text, how) = match (passive, prev) {
                (Some((hs, ht)), _) => (hs, ht, "passive-agent"),
                _ if genitive.is_some() => (genitive.into_iter().collect(), None, "genitive"),
                _ if own_genitive => (Vec::new(), None, "genitive"),
                // (Or a coordinated infinitive complement: « est déterminé à sauvegarder …, à
                // combattre … et à s'opposer … ».)
                (None, Some(p))
                    if a > 0
                        && (doc.tok_lower(a - 1) == "et"
                            || (a > lo + 1
                                && matches!(doc.tok_lower(a - 1), "à" | "de" | "d'")
                                && matches!(doc.tok_lower(a - 2), "et" | "," | "ou"))) =>
                {
                    (p.holders.clone(), p.holder_text.clone(), "coordinated-verb")
                }
                // A participle hanging on the main verb: that verb's stance, else its subject.
                (None, Some(p))
                    if !cue.eval
                        && trailing_participle(doc, lo, a)
                        && (!p.holders.is_empty() || p.holder_text.is_some()) =>
                {
                    (p.holders.clone(), p.holder_text.clone(), "participle-main")
                }
                _ if !cue.eval && trailing_participle(doc, lo, a) => {
                    match main_clause_subject(doc, ms, lo, a) {
                        Some(hs) => (hs, None, "participle-main"),
                        None => holder_for(doc, ms, quotes, a, cue.eval),
                    }
                }
                _ => holder_for(doc, ms, quotes, a, cue.eval),
            };
            // « ils » / « elles » cannot be one person: when the pronoun found no group of its
            // own, it continues the group or body holding the stance just before (« Les
            // membres de l'OCS ont déclaré … Ils ont réitéré leur soutien … »).
            let single_person = holders.len() == 1 && ms[holders[0]].etype == EntityType::PER;
            let (holders, holder_text, how) = match out.last() {
                Some(p)
                    if matches!(how, "pronoun" | "context" | "none")
                        && (holders.is_empty() || single_person)
                        && holder_text.is_none()
                        && plural_subject_pronoun(doc, lo, a)
                        && p.b <= a
                        && doc.tokens()[p.a].sent() + 1 >= doc.tokens()[a].sent()
                        && (p.holders.len() > 1
                            || p.holders
                                .first()
                                .is_some_and(|&m| ms[m].etype == EntityType::ORG)
                            || (p.holders.is_empty()
                                && p.holder_text.as_deref().is_some_and(|t| {
                                    let t = t.to_lowercase();
                                    t.starts_with("les ") || t.starts_with("des ")
                                }))) =>
                {
                    (p.holders.clone(), p.holder_text.clone(), "plural-pronoun")
                }
                _ => (holders, holder_text, how),
            };
            // An inverted subject right after the cue is its holder, not its target.
            let target = if how == "inverted-subject" {
                None
            } else {
                target_of(doc, a, b, lo, hi, cue.eval)
            };
            last_verb = (h.form != Form::Plain).then_some(out.len());
            out.push(StanceAnn {
                span: doc.tspan(a, b),
                a,
                b,
                polarity: pol,
                holders,
                holder_text,
                target,
                rule: Rule::new(
                    ["stance:", how, if neg.is_some() { "+negation" } else { "" }].concat(),
                    [origin, ": ", pattern].concat(),
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layers::frames::find_frames;

    pub(super) fn stances(t: &str) -> Vec<(String, Polarity, Vec<String>)> {
        let mut d = Doc::new(t);
        crate::layers::boilerplate::detect(&mut d);
        let ms = crate::layers::entities::find(&d, &Default::default());
        let qs = crate::layers::quotes::find(&d, &ms);
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

    fn rules(t: &str) -> Vec<(String, Polarity, Vec<String>, String)> {
        let a = crate::analyze(t);
        a.stances
            .iter()
            .map(|s| {
                (
                    s.text.clone(),
                    s.polarity,
                    s.holders
                        .iter()
                        .map(|&h| a.entities[h].canonical.clone())
                        .collect(),
                    s.rule.id.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn word_families_cover_tenses_and_forms() {
        for (t, cue) in [
            (
                "La Norvège soutiendrait volontiers le plan.",
                "soutiendrait",
            ),
            (
                "Le Chili avait vivement soutenu la réforme.",
                "avait vivement soutenu",
            ),
            ("Le Pérou s'était opposé au projet.", "s'était opposé"),
            ("Nous nous opposons à cette loi.", "nous opposons"),
            ("Les Pays-Bas se disent prêts à aider.", "se disent prêts"),
            (
                "Le syndicat a, pour sa part, dénoncé la fermeture.",
                "a, pour sa part, dénoncé",
            ),
            ("Le Ghana exprime son inquiétude.", "inquiétude"),
        ] {
            let s = rules(t);
            assert!(s.iter().any(|x| x.0 == cue), "{t}: {s:?}");
        }
    }

    /// Word families of each polarity beyond the core verbs: support by endorsement (« donner
    /// son aval », « prendre la défense »), opposition by disagreement (« désaccord », « fin de
    /// non-recevoir »), blame (« s'en est pris à », « soupçonner »), plans (« prévoir de »),
    /// worry and thanks.
    #[test]
    fn broader_word_families_by_polarity() {
        for (t, cue, pol) in [
            (
                "Le maire a pris la défense des pêcheurs.",
                "a pris la défense",
                Polarity::Support,
            ),
            (
                "La Zambie a donné son aval au projet.",
                "a donné son aval",
                Polarity::Support,
            ),
            (
                "Le Chili a donné son feu vert à la fusion.",
                "a donné son feu vert",
                Polarity::Support,
            ),
            (
                "Le Pérou réaffirme son attachement au multilatéralisme.",
                "réaffirme son attachement",
                Polarity::Support,
            ),
            (
                "La fédération souhaite la création d'une ligue.",
                "souhaite",
                Polarity::Support,
            ),
            (
                "Le Ghana a exprimé son désaccord avec la méthode.",
                "a exprimé son désaccord",
                Polarity::Oppose,
            ),
            (
                "Le Togo a opposé une fin de non-recevoir à la requête.",
                "fin de non-recevoir",
                Polarity::Oppose,
            ),
            (
                "Le Sénat a retoqué l'amendement.",
                "a retoqué",
                Polarity::Oppose,
            ),
            (
                "Le sénateur a désavoué son parti.",
                "a désavoué",
                Polarity::Oppose,
            ),
            (
                "Le syndicat s'en est violemment pris à la direction.",
                "s'en est violemment pris à",
                Polarity::Accuse,
            ),
            (
                "La police soupçonne le gérant d'avoir menti.",
                "soupçonne",
                Polarity::Accuse,
            ),
            (
                "La région prévoit de rouvrir la ligne.",
                "prévoit de",
                Polarity::Commit,
            ),
            (
                "Le Bénin a fait part de son intention de porter plainte.",
                "son intention de porter plainte",
                Polarity::Commit,
            ),
            (
                "Les pêcheurs ont exprimé leur anxiété.",
                "anxiété",
                Polarity::Concern,
            ),
            (
                "La ministre a exprimé sa reconnaissance aux bénévoles.",
                "a exprimé sa reconnaissance",
                Polarity::Praise,
            ),
        ] {
            let s = rules(t);
            assert!(s.iter().any(|x| x.0 == cue && x.1 == pol), "{t}: {s:?}");
        }
        // Blame by imputed aims, pledges in the future, a refusal that is negated.
        for (t, pol) in [
            (
                "« Ils cherchent à diviser le pays », a affirmé Paul Mensah.",
                Polarity::Accuse,
            ),
            (
                "« Le voisin ne veut pas la paix », a dit Paul Mensah.",
                Polarity::Accuse,
            ),
            (
                "Le Népal prendra des mesures de rétorsion.",
                Polarity::Commit,
            ),
            (
                "« Nous agirons vite », a promis Paul Mensah.",
                Polarity::Commit,
            ),
        ] {
            let s = rules(t);
            assert!(
                s.iter().any(|x| x.1 == pol && !x.2.is_empty()),
                "{t}: {s:?}"
            );
        }
        // Not stances: a physical sense, a greeting, a forecast, intentions described by others.
        for t in [
            "La poutre soutient le toit de la grange.",
            "Le maire a souhaité la bienvenue aux délégués.",
            "La météo prévoit de la pluie pour demain.",
            "Le texte confirme les intentions de la coalition.",
            "Le critique de cinéma a aimé le film.",
        ] {
            assert!(rules(t).is_empty(), "{t}: {:?}", rules(t));
        }
    }

    #[test]
    fn object_nouns_purpose_infinitives_and_sans_pour_autant() {
        // A noun cue in the object of a verb cue is part of that stance.
        let s = rules("Le Honduras rejette fermement ces accusations.");
        assert_eq!(s.len(), 1, "{s:?}");
        assert_eq!(s[0].1, Polarity::Oppose);
        let s = rules("Nous apporterons tout notre soutien aux sinistrés.");
        assert!(s.len() <= 1, "{s:?}");
        // An infinitive of purpose is no support; a finite verb still is.
        assert!(rules("Le Laos a investi pour préserver ses forêts.").is_empty());
        assert!(rules("La ville a fermé la route afin de défendre les riverains.").is_empty());
        assert!(!rules("Le Laos défend ses forêts.").is_empty());
        // Opposing as a purpose still opposes.
        assert!(rules("Ils coopèrent afin de s'opposer aux trafiquants.")
            .iter()
            .any(|x| x.1 == Polarity::Oppose));
        // « sans pour autant » negates the verb.
        assert!(
            rules("Le Bhoutan a réagi sans pour autant condamner le coup de force.")
                .iter()
                .all(|x| x.1 != Polarity::Oppose)
        );
    }

    #[test]
    fn coordinated_infinitives_share_the_holder() {
        let s = rules("Le Ghana est déterminé à protéger ses côtes, à combattre la pêche illégale et à s'opposer aux trafics.");
        let opp: Vec<_> = s.iter().filter(|x| x.1 == Polarity::Oppose).collect();
        assert!(
            !opp.is_empty() && opp.iter().all(|x| x.2 == ["Ghana"]),
            "{s:?}"
        );
    }

    #[test]
    fn a_verb_of_judgement_holds_the_evaluation() {
        let s = rules("Le ministre Paul Mensah a jugé ces propos inacceptables.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Oppose && x.2 == ["Paul Mensah"]),
            "{s:?}"
        );
        // Without a verb of judgement or a speaker, an evaluation has no holder.
        let s = rules("Ces propos sont inacceptables.");
        assert!(s.iter().all(|x| x.2.is_empty()), "{s:?}");
    }

    #[test]
    fn negation_drops_the_stance_unless_the_cue_is_about_it() {
        for t in [
            "La Suède ne soutient pas cette candidature.",
            "Le Mexique n'a jamais condamné l'opération.",
            "Le Japon ne s'est pas opposé au texte.",
            "Oslo a décidé de ne pas soutenir le plan.",
            "Le Brésil ne le soutiendra plus.",
        ] {
            let s = rules(t);
            assert!(
                !s.iter()
                    .any(|x| matches!(x.1, Polarity::Support | Polarity::Oppose)
                        && !x.3.contains("negation")),
                "{t}: {s:?}"
            );
        }
        let s = rules("L'Inde ne tolérera pas de nouvelles provocations.");
        assert!(
            s.iter()
                .any(|x| x.0 == "ne tolérera pas" && x.1 == Polarity::Oppose && x.2 == ["Inde"]),
            "{s:?}"
        );
        let s = rules("Le Canada n'hésitera pas à riposter.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Commit && x.0.starts_with("n'hésitera pas")),
            "{s:?}"
        );
        // « ne … que » is no negation.
        let s = rules("La Tunisie ne fait que soutenir ses voisins.");
        assert!(s.iter().any(|x| x.1 == Polarity::Support), "{s:?}");
        // Without negation, a « :neg » cue is nothing.
        assert!(rules("Le Maroc tolère ces pratiques.").is_empty());
    }

    #[test]
    fn blockers_and_homographs_are_no_stances() {
        for t in [
            "Le chercheur soutient que la Terre se réchauffe.",
            "Le plan s'appuie sur trois piliers.",
            "L'opposant a été condamné à cinq ans de prison.",
            "Le ministère a refusé de commenter.",
            "La société a accusé réception du courrier.",
            "La Grèce a voté contre, la Croatie aussi.",
            "Il est contre cette idée.",
        ] {
            let s = rules(t);
            assert!(
                !s.iter().any(|x| x.0 == "contre"
                    || x.0.starts_with("soutient")
                    || x.0.contains("appuie")
                    || x.0.contains("condamné")
                    || x.0.contains("refusé")
                    || x.0.contains("accusé")),
                "{t}: {s:?}"
            );
        }
    }

    #[test]
    fn evaluations_in_the_object_and_the_content_of_an_accusation_belong_to_the_verb() {
        // Invented sentences: one stance each, held by the verb's subject.
        for (t, pol) in [
            (
                "Le ministre Paul Girard a salué la mobilisation exemplaire des soignants.",
                Polarity::Praise,
            ),
            (
                "Le Ghana a salué un partenaire fiable et un allié précieux.",
                Polarity::Praise,
            ),
            (
                "L'avocate Anne Morel accuse la préfecture de négligence.",
                Polarity::Accuse,
            ),
            (
                "Le Rwanda accuse Kinshasa de soutenir des groupes armés hostiles.",
                Polarity::Accuse,
            ),
            (
                "Greenpeace dénonce « un passage en force » du gouvernement.",
                Polarity::Accuse,
            ),
        ] {
            let s = stances(t);
            assert_eq!(s.len(), 1, "{t}: {s:?}");
            assert_eq!(s[0].1, pol, "{t}: {s:?}");
        }
        // A new clause is a new stance.
        let s = stances("Le Ghana a salué l'accord, qui reste selon lui exemplaire.");
        assert!(!s.is_empty(), "{s:?}");
    }

    #[test]
    fn nouns_after_a_determiner_denials_with_an_adverb_and_compte() {
        for t in [
            "La critique a encensé la mise en scène du nouvel opéra.",
            "Une critique de cinéma a été publiée mardi.",
        ] {
            let s = stances(t);
            assert!(s.iter().all(|x| x.1 != Polarity::Oppose), "{t}: {s:?}");
        }
        assert!(
            stances("Le gouvernement kényan a démenti vendredi avoir accusé l'Ouganda.")
                .iter()
                .all(|x| x.1 != Polarity::Accuse)
        );
        let s = stances("Le Japon compte bien renforcer sa défense.");
        assert!(s.iter().any(|x| x.1 == Polarity::Commit), "{s:?}");
        assert!(stances("La ville compte trois mille habitants.").is_empty());
        // A « :neg » row with its complement: « pas » may stand between the simple tense and it.
        let s = stances("La France ne restera pas les bras croisés face à cette menace.");
        assert!(s.iter().any(|x| x.1 == Polarity::Oppose), "{s:?}");
        assert!(stances("Le Japon laissera passer le convoi humanitaire.").is_empty());
        for t in [
            "La nageuse Léa Morin défendra son titre à Rome.",
            "La camionnette s'est engagée sur l'autoroute à contresens.",
            "Météo-France promet des averses sur le sud-est.",
        ] {
            assert!(stances(t).is_empty(), "{t}: {:?}", stances(t));
        }
    }

    #[test]
    fn passive_agent_and_participles_without_auxiliary() {
        let s = rules("Le plan, soutenu par la Norvège et la Suède, a été adopté.");
        assert!(
            s.iter().any(|x| x.1 == Polarity::Support
                && x.2 == ["Norvège", "Suède"]
                && x.3 == "stance:passive-agent"),
            "{s:?}"
        );
        // A participle with no auxiliary and no agent is an adjective, not a stance.
        assert!(rules("Les militants soutenus manifestent.").is_empty());
        // A passive without agent: only an evaluation, held by the speaker.
        assert!(rules("Le plan a été soutenu.").is_empty());
        let s = rules("« Les électeurs ont été trompés », a affirmé Paul Mensah.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Accuse && x.2 == ["Paul Mensah"]),
            "{s:?}"
        );
    }

    #[test]
    fn future_of_action_verbs_commits() {
        let s = rules("Le Japon fournira une aide d'urgence à la région.");
        assert!(
            s.iter()
                .any(|x| x.0 == "fournira" && x.1 == Polarity::Commit && x.2 == ["Japon"]),
            "{s:?}"
        );
        assert!(rules("Le Japon fournit une aide d'urgence.").is_empty());
    }

    #[test]
    fn evaluations_are_held_by_the_speaker() {
        let s = rules("Le ministre Ahmed Benali a déclaré que cette décision est inacceptable.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Oppose && x.2 == ["Ahmed Benali"]),
            "{s:?}"
        );
        let s = rules("« L'Ouganda viole le droit international », a affirmé Paul Mensah.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Accuse && x.2 == ["Paul Mensah"]),
            "{s:?}"
        );
        // A plain stance keeps its subject in reported speech.
        let s = rules("Paul Mensah a déclaré que la Zambie soutient le projet.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Support && x.2 == ["Zambie"]),
            "{s:?}"
        );
    }

    #[test]
    fn first_person_speaks_for_the_speaker_or_their_country() {
        let t = "Le Premier ministre japonais Fumio Kishida était au Japon mardi. « Nous soutenons la paix », a déclaré Fumio Kishida.";
        let s = rules(t);
        assert!(
            s.iter().any(|x| x.1 == Polarity::Support
                && x.2 == ["Japon"]
                && x.3 == "stance:first-person-country"),
            "{s:?}"
        );
        let s = rules("« Je soutiens la paix », a déclaré Fumio Kishida.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Support && x.2 == ["Fumio Kishida"]),
            "{s:?}"
        );
    }

    #[test]
    fn relative_inverted_source_and_genitive_holders() {
        let s = rules("Le maire a reçu les enseignants, qui se sont déclarés prêts à négocier.");
        let c = s.iter().find(|x| x.1 == Polarity::Commit).expect("commit");
        assert!(c.2.is_empty() && c.3 == "stance:relative", "{c:?}");
        let s = rules("« C'est une honte », fustige Paul Mensah, député du Ghana.");
        assert!(
            s.iter().any(|x| x.1 == Polarity::Oppose
                && x.2 == ["Paul Mensah"]
                && x.3 == "stance:inverted-subject"),
            "{s:?}"
        );
        let s = rules("Selon Paul Mensah, la réunion souligne l'importance de la coopération.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Support && x.2 == ["Paul Mensah"]),
            "{s:?}"
        );
        let s = rules("Le Ghana accueille le sommet. Le gouvernement ghanéen soutient le projet.");
        assert!(
            s.iter().any(|x| x.1 == Polarity::Support
                && x.2 == ["Ghana"]
                && x.3 == "stance:collective"),
            "{s:?}"
        );
        let s = rules("Il a salué la détermination du Kenya à réformer.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Commit && x.2 == ["Kenya"] && x.3 == "stance:genitive"),
            "{s:?}"
        );
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
            let mut floor = a;
            while i < b {
                match m.longest_at(d, i, b) {
                    Some(mut h) => {
                        h.start = h.start.max(floor);
                        out.push(h);
                        i = h.end;
                        floor = h.end;
                    }
                    None => i += 1,
                }
            }
            out
        }
        for text in [
            include_str!("../../tests/fixtures/nancy-conseil-municipal.txt"),
            include_str!("../../tests/fixtures/russie-turquie-gaz.txt"),
            include_str!("../../tests/fixtures/ue-maroc-commerce.txt"),
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
    fn clitics_indefinites_and_subordinate_subjects() {
        let s = rules("Plusieurs députés du Parti vert soutiennent le projet, tandis que d'autres s'y opposent.");
        let opp = s
            .iter()
            .find(|x| x.1 == Polarity::Oppose)
            .expect("s'y opposent");
        assert_eq!(opp.0, "s'y opposent");
        assert!(opp.2.is_empty(), "{opp:?}");
        let s = rules("La réforme, que le gouvernement entend faire adopter, divise.");
        let c = s
            .iter()
            .find(|x| x.1 == Polarity::Commit)
            .expect("entend faire");
        assert_eq!(c.3, "stance:noun-phrase");
        let a = crate::analyze("Le ministre s'en est félicité.");
        assert_eq!(a.stances[0].text, "s'en est félicité");
        // The article after the verb goes to the target.
        let a = crate::analyze("Le maire a défendu un budget prudent.");
        assert_eq!(a.stances[0].text, "a défendu");
        assert_eq!(a.stances[0].target.as_deref(), Some("un budget prudent"));
    }

    #[test]
    fn targets_are_short_noun_phrases() {
        let target = |t: &str| crate::analyze(t).stances[0].target.clone();
        assert_eq!(
            target("La Chine s'oppose fermement aux sanctions unilatérales des États-Unis contre la Russie.").as_deref(),
            Some("les sanctions unilatérales des États-Unis")
        );
        assert_eq!(
            target("Le Canada soutient l'Ukraine dans sa guerre.").as_deref(),
            Some("l'Ukraine")
        );
        assert_eq!(
            target("Cette décision est inacceptable, a dit le ministre.").as_deref(),
            Some("Cette décision")
        );
        assert_eq!(
            target("Nous espérons que les deux parties reprendront le dialogue.").as_deref(),
            Some("que les deux parties reprendront le dialogue")
        );
        assert_eq!(
            target("Le Chili soutient le plan qui a été voté hier.").as_deref(),
            Some("le plan")
        );
    }

    #[test]
    fn weak_frame_cues_need_a_second_cue() {
        let frames = |t: &str| -> Vec<String> {
            crate::analyze(t)
                .frames
                .iter()
                .map(|f| f.text.clone())
                .collect()
        };
        // « terrorisme » alone is ordinary news; the triad is the frame.
        assert!(frames("La police enquête sur le terrorisme.").is_empty());
        // Families beyond the core phrases: meddling steered from abroad, Western pressure.
        assert_eq!(
            frames("Les émeutes étaient pilotées de l'étranger."),
            ["pilotées de l'étranger"]
        );
        assert_eq!(
            frames("Il dénonce la pression occidentale."),
            ["pression occidentale"]
        );
        assert!(frames("La coopération pragmatique progresse.").is_empty());
        // An enumeration leaning on weak words is one frame; strong words stay apart.
        assert_eq!(
            frames("Ils veulent éradiquer l'extrémisme, le séparatisme et le terrorisme."),
            ["extrémisme, le séparatisme et le terrorisme"]
        );
        assert_eq!(
            frames("Ils défendent l'hégémonisme et l'unilatéralisme."),
            ["hégémonisme", "unilatéralisme"]
        );
        assert!(frames("Les pays occidentaux ont voté le texte.").is_empty());
        // A strong cue counts alone; a name inside a cue does not hide it.
        assert_eq!(
            frames("Il défend la politique d'une seule Chine."),
            ["une seule Chine"]
        );
        assert_eq!(
            frames("Le pays traverse une période d'instabilité."),
            ["instabilité"]
        );
        // Technical, economic and weather uses of the words are no frame.
        assert!(frames("La banque centrale veille à la stabilité des prix.").is_empty());
        assert!(frames("Le pacte de stabilité limite le déficit à 3 %.").is_empty());
        assert!(frames("Une instabilité orageuse gagnera l'est du pays.").is_empty());
        assert_eq!(
            frames("Ils menacent la stabilité financière et la stabilité du pays."),
            ["stabilité"]
        );
        // « ingérence dans les affaires intérieures » carries two frames.
        let a = crate::analyze("Moscou dénonce une ingérence dans ses affaires intérieures.");
        let labels: Vec<&str> = a.frames.iter().map(|f| f.frame.as_str()).collect();
        assert_eq!(labels, ["foreign_interference", "sovereignty"]);
    }

    #[test]
    fn names_are_not_frames() {
        let mut d =
            Doc::new("L'Organisation de coopération de Shanghai défend la souveraineté des États.");
        crate::layers::boilerplate::detect(&mut d);
        let ms = crate::layers::entities::find(&d, &Default::default());
        let f = find_frames(&d, &ms);
        let frames: Vec<&str> = f.iter().map(|x| x.frame.as_str()).collect();
        assert_eq!(frames, vec!["sovereignty"]);
    }
}

/// Holder resolution on reported news (invented sentences).
#[cfg(test)]
mod holder_tests {
    /// (cue text, holder names, rule) of every stance of `t`.
    fn holders(t: &str) -> Vec<(String, Vec<String>, String)> {
        let a = crate::analyze(t);
        a.stances
            .iter()
            .map(|s| {
                (
                    s.text.clone(),
                    s.holders
                        .iter()
                        .map(|&h| a.entities[h].canonical.clone())
                        .collect(),
                    s.rule.id.to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn a_role_opening_the_sentence_or_the_headline_is_its_holder() {
        let t = "Président du Kirghizistan salue le rôle de la Chine dans la région\n\nBichkek, 3 mai - Le président du Kirghizistan, Almaz Toktobekov, a reçu l'ambassadeur chinois.\nLa porte-parole du gouvernement Inès Marbot a plaidé pour un accord.";
        assert_eq!(holder_of(t, "salue"), vec!["Almaz Toktobekov".to_string()]);
        assert_eq!(holder_of(t, "a plaidé"), vec!["Inès Marbot".to_string()]);
        // (A headline whose role names nobody in the text keeps no holder.)
        let t = "Ministre de la Pêche salue le rôle des coopératives\n\nLe texte a été adopté.";
        assert!(holder_of(t, "salue").is_empty());
    }

    fn holder_of(t: &str, cue: &str) -> Vec<String> {
        holders(t)
            .into_iter()
            .find(|(c, _, _)| c.contains(cue))
            .unwrap_or_else(|| panic!("no stance « {cue} » in {:?}", holders(t)))
            .1
    }

    #[test]
    fn a_participial_clause_takes_the_main_subject() {
        let t = "Le ministre Paul Girard a reçu les syndicats lundi. Dénonçant une réforme \
                 injuste, les cheminots ont voté la grève. Critiquant le projet, la CGT a appelé \
                 à manifester.";
        assert!(holder_of(t, "Dénonçant").is_empty());
        assert_eq!(
            holder_of(t, "Critiquant"),
            ["Confédération générale du travail"]
        );
        let t =
            "Marc Dorval a pris la parole. Condamnant les violences, il a proposé une médiation.";
        assert_eq!(holder_of(t, "Condamnant"), ["Marc Dorval"]);
    }

    #[test]
    fn a_participle_after_the_main_clause_takes_its_subject() {
        // The main verb's stance lends its holder; else the main clause's subject, never a
        // dateline's city or the subject of a « que » clause.
        let t = "VARNOS, 3 mai (Xinhua) — Le président Karl Dunmore a fermement condamné mardi \
                 l'attentat, exprimant sa profonde sympathie aux familles des victimes.";
        assert_eq!(holder_of(t, "sympathie"), ["Karl Dunmore"]);
        let t = "La Turquie a critiqué le gouvernement de Mirovie, l'accusant d'attiser les \
                 tensions régionales.";
        assert_eq!(holder_of(t, "accusant"), ["Turquie"]);
        let t = "Pavel Orsk a déclaré que la Syrie et l'Algérie ont des liens anciens, \
                 soulignant la nécessité de renforcer la coopération.";
        assert_eq!(holder_of(t, "soulignant"), ["Pavel Orsk"]);
        // Not a participle opening a clause of its own after a comma, nor a quote's words.
        let t =
            "Pavel Orsk a parlé. « Nous avons vu la Mirovie, soutenant les milices », a-t-il dit.";
        assert!(holders(t)
            .iter()
            .all(|(_, _, r)| r != "stance:participle-main"));
    }

    #[test]
    fn a_role_subject_of_a_subordinate_clause_is_its_person() {
        let t =
            "Le président russe Vladimir Poutine a reçu Pavel Orsk lundi. L'Ukraine a raté une \
                 occasion lorsque le président russe a proposé une initiative de paix.";
        assert_eq!(holder_of(t, "a proposé"), ["Vladimir Poutine"]);
        // A subordinate clause with a named subject keeps it.
        let t =
            "Le président russe Vladimir Poutine a reçu Pavel Orsk lundi. L'Ukraine a raté une \
                 occasion lorsque la Pologne a proposé une initiative de paix.";
        assert_eq!(holder_of(t, "a proposé"), ["Pologne"]);
    }

    #[test]
    fn disregarding_in_the_compound_past_is_a_charge() {
        let t =
            "La Mirovie a ignoré les représentations solennelles de Varnos, a déclaré Pavel Orsk.";
        assert_eq!(holder_of(t, "a ignoré"), ["Pavel Orsk"]);
        // « ignorer » in the present is « not to know ».
        assert!(holders("On ignore encore les causes de l'accident.").is_empty());
    }

    #[test]
    fn an_attack_claimed_by_a_group_is_no_support() {
        for t in [
            "L'attentat-suicide a été revendiqué par le groupe Ansar Varnos.",
            "Le groupe Ansar Varnos a revendiqué l'attentat-suicide de lundi.",
            "Le groupe Ansar Varnos a revendiqué la responsabilité de l'explosion.",
            "Le porte-parole avait revendiqué, au nom du groupe, les attentats de Varnos.",
        ] {
            assert!(holders(t).is_empty(), "{t}: {:?}", holders(t));
        }
        // A demand claimed is support.
        let t = "Les infirmières de Varnos revendiquent une hausse des salaires.";
        assert!(!holders(t).is_empty());
    }

    #[test]
    fn a_plural_pronoun_continues_the_body_before_it() {
        let t = "Les membres de l'OCS ont déclaré qu'ils continueraient à coopérer. Ils ont \
                 réitéré leur soutien au plan de paix de l'ONU. Ils condamnent le terrorisme.";
        let o = "Organisation de coopération de Shanghai";
        assert_eq!(holder_of(t, "continueraient"), [o]);
        assert_eq!(holder_of(t, "soutien"), [o]);
        assert_eq!(holder_of(t, "condamnent"), [o]);
        // « ils » never continues one person, nor a city, nor a body two sentences back.
        let t = "Le maire de Varnos a salué la décision. Ils ont peur, disent les habitants.";
        assert!(holders(t)
            .iter()
            .all(|(_, _, r)| r != "stance:plural-pronoun"));
        let t = "Les dirigeants du G7 ont appelé à un cessez-le-feu. Marie Dunand et Paul Orsk \
                 sont arrivés à Genève. Ils ont appelé à la retenue.";
        assert_eq!(holders(t)[1].2, "stance:pronoun");
    }

    #[test]
    fn a_relative_after_a_role_of_a_party_is_the_person() {
        let t = "Le président des Républicains, Laurent Wauquiez, a présenté son équipe. « Nous \
                 proposerons une alternative », a expliqué le président de LR, qui soutient le \
                 mouvement des gilets jaunes. Les militants de la CGT, qui dénoncent la réforme, \
                 manifestent.";
        assert_eq!(holder_of(t, "soutient"), ["Laurent Wauquiez"]);
        // Members of a body speak for the body.
        assert_eq!(
            holder_of(t, "dénoncent"),
            ["Confédération générale du travail"]
        );
    }

    #[test]
    fn unnamed_speakers_and_far_names_hold_nothing() {
        // « je » in the words of someone unnamed: not the agency the words were said to.
        let t = "Le rappeur Marc Dorval a sorti une chanson. « Je soutiens ceux qui manifestent \
                 chaque samedi », explique à l'AFP un autre rappeur.";
        assert!(holder_of(t, "soutiens").is_empty());
        // A circumstance before the named speaker is passed over.
        let t = "« Nous soutenons les agriculteurs », explique à l'AFP le porte-parole de la \
                 Confédération rurale, Paul Marin.";
        assert_eq!(holder_of(t, "soutenons"), ["Paul Marin"]);
        // Words of a quote attributed to an unnamed spokeswoman are not the previous speaker's.
        let t = "« Nous irons jusqu'au bout », a lancé Marc Dorval. « Ces ingérences sont \
                 inacceptables », a martelé la porte-parole du ministère.";
        assert!(holder_of(t, "inacceptables").is_empty());
    }
}

#[cfg(test)]
mod recall_tests {
    use super::tests::stances;
    use crate::schema::Polarity;

    #[test]
    fn a_verb_with_an_inverted_pronoun_is_the_verb() {
        let t = "Le maire de Castelbourg, Paul Vigneau, a visité le chantier mardi. « Le retard \
                 est considérable », regrette-t-il.";
        let s = stances(t);
        assert!(s.iter().any(|x| x.0 == "regrette-t-il"
            && x.1 == Polarity::Concern
            && x.2 == vec!["Paul Vigneau".to_string()]));
        for (t, cue, pol) in [
            (
                "« Nous rouvrirons la ligne », promet-elle.",
                "promet-elle",
                Polarity::Commit,
            ),
            (
                "« Rien ne bouge », critiquent-ils.",
                "critiquent-ils",
                Polarity::Oppose,
            ),
            (
                "« Il faut agir », s'inquiète-t-on à la mairie.",
                "s'inquiète-t-on",
                Polarity::Concern,
            ),
        ] {
            assert!(stances(t).iter().any(|x| x.0 == cue && x.1 == pol), "{t}");
        }
        // Not a speech verb with its pronoun, nor the auxiliary alone.
        assert!(stances("« Le train partira à midi », ajoute-t-il.").is_empty());
        assert!(stances("Le maire soutient-il ce projet ?").is_empty());
        assert!(stances("Comment vont-ils réagir à la fermeture de l'usine ?").is_empty());
        assert!(stances("Dans les couloirs, entend-on dire que le chantier avance.").is_empty());
    }

    #[test]
    fn a_demand_is_a_stance_whatever_it_is_for() {
        let s = stances("Des centaines de viticulteurs se sont rassemblés à Castelbourg pour réclamer une aide d'urgence.");
        assert!(
            s.iter()
                .any(|x| x.0 == "réclamer" && x.1 == Polarity::Support),
            "{s:?}"
        );
        let s =
            stances("Les éleveurs ont bloqué la route pour exiger la réouverture de l'abattoir.");
        assert!(
            s.iter()
                .any(|x| x.0 == "exiger" && x.1 == Polarity::Support),
            "{s:?}"
        );
        // A purpose that is no demand stays no stance.
        assert!(
            stances("La commune a voté un budget pour préserver la piscine municipale.").is_empty()
        );
    }

    #[test]
    fn everyday_evaluations_in_predicate_position() {
        let has = |t: &str, cue: &str, pol: Polarity| {
            let s = stances(t);
            assert!(s.iter().any(|x| x.0 == cue && x.1 == pol), "{t}: {s:?}");
        };
        has(
            "« Ce tarif est ridicule », a estimé la conseillère Claire Fauvel.",
            "ridicule",
            Polarity::Oppose,
        );
        has(
            "Pour Claire Fauvel, la fermeture de la gare est une catastrophe.",
            "est une catastrophe",
            Polarity::Oppose,
        );
        has(
            "« Vous avez raison », a répondu la ministre Claire Fauvel aux pêcheurs.",
            "avez raison",
            Polarity::Support,
        );
        has(
            "« C'est une bonne nouvelle pour le quartier », a déclaré Marc Dorval.",
            "est une bonne nouvelle",
            Polarity::Praise,
        );
        has(
            "Les riverains se disent excédés par le bruit du chantier.",
            "se disent excédés",
            Polarity::Oppose,
        );
        has(
            "Le maire s'est dit ouvert à une discussion sur les horaires.",
            "s'est dit ouvert à",
            Polarity::Support,
        );
        // Overcoming is no approval; a negated evaluation is none.
        assert!(stances("La fatigue a eu raison des coureurs de Castelbourg.").is_empty());
        assert!(stances("« Ce tarif n'est pas ridicule », a estimé Claire Fauvel.").is_empty());
        assert!(
            stances("« Ces accords ne sont pas inacceptables », a dit Marc Dorval.").is_empty()
        );
    }

    #[test]
    fn a_passive_agent_after_a_day_or_an_adverb() {
        let s = stances("Le projet de tramway a été soutenu lundi par le maire Paul Vigneau.");
        assert!(s
            .iter()
            .any(|x| x.0 == "soutenu lundi par" && x.1 == Polarity::Support));
        let s =
            stances("Le budget, critiqué notamment par la députée Claire Fauvel, a été adopté.");
        assert!(s
            .iter()
            .any(|x| x.0 == "critiqué notamment par" && x.1 == Polarity::Oppose));
        // Any other word between is no agent's: the passive without its agent is dropped.
        assert!(stances("Le projet a été soutenu, dans un premier temps, par erreur.").is_empty());
    }

    #[test]
    fn an_appeal_with_a_long_object_before_its_infinitive() {
        let s = stances(
            "Le syndicat Force ouvrière a appelé hier matin les salariés à rejoindre le cortège.",
        );
        assert!(s
            .iter()
            .any(|x| x.0.starts_with("a appelé hier matin") && x.1 == Polarity::Support));
        // « appeler » + a time with « à » is no appeal.
        assert!(stances("Le joueur Marc Dorval a été appelé par son club à 14 heures.").is_empty());
        assert!(stances(
            "Le club a appelé son nouveau stade construit en 2019 à Castelbourg « le Chaudron »."
        )
        .is_empty());
    }

    #[test]
    fn negated_idioms_of_praise_and_refusal() {
        let s = stances("Ses coéquipiers ne tarissent pas d'éloges sur le gardien Marc Dorval.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Praise && x.0.contains("tarissent")),
            "{s:?}"
        );
        let s = stances("Trois partis n'ont pas reconnu la légitimité du nouveau conseil.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Oppose && x.0.contains("reconnu")),
            "{s:?}"
        );
        // Recognised, the legitimacy is no refusal.
        assert!(stances("Le comité a reconnu la légitimité de la demande.").is_empty());
    }

    #[test]
    fn blameworthy_manners_open_doors_and_prompt_replies() {
        let has = |t: &str, pol: Polarity| {
            let s = stances(t);
            assert!(s.iter().any(|x| x.1 == pol), "{t}: {s:?}");
        };
        has(
            "Selon Marc Dorval, les douaniers ont agi de manière déloyale.",
            Polarity::Accuse,
        );
        has(
            "« La porte du dialogue n'est pas fermée », a dit Claire Fauvel.",
            Polarity::Support,
        );
        has(
            "La commune ne tardera pas à répondre, a prévenu Claire Fauvel.",
            Polarity::Commit,
        );
        // A neutral manner, and a prompt reply not negated, are no stances.
        assert!(stances("Les élèves ont agi de manière autonome.").is_empty());
        assert!(stances("La réponse tardera à venir.").is_empty());
    }

    #[test]
    fn agency_wording_contractions_genitives_and_trailing_sources() {
        // A cue ending in « à » also ends in « au » / « aux ».
        let s = stances("Le Ghana est attaché au principe de non-ingérence.");
        assert!(
            s.iter()
                .any(|x| x.0 == "attaché au" && x.1 == Polarity::Support),
            "{s:?}"
        );
        let s = stances("Moscou s'en est pris aux pays occidentaux, selon l'agence.");
        assert!(
            s.iter()
                .any(|x| x.0 == "s'en est pris aux" && x.1 == Polarity::Accuse),
            "{s:?}"
        );
        // The holder in the genitive of a noun, over an adjective (« soutien indéfectible du
        // Ghana à »), and of « l'opposition de la Norvège à » …
        let s = stances(
            "Le ministre Kofi Mensah a réitéré le soutien indéfectible du Ghana à la paix.",
        );
        assert!(
            s.iter().any(|x| x.0 == "soutien" && x.2 == ["Ghana"]),
            "{s:?}"
        );
        let s = stances("L'opposition de la Norvège à ce projet est connue.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Oppose && x.2 == ["Norvège"]),
            "{s:?}"
        );
        // … but not the object of a condemnation (« la condamnation unanime de la Norvège »).
        let s = stances("Le Ghana a exprimé sa condamnation unanime de la Norvège.");
        assert!(s.iter().all(|x| x.2 != ["Norvège"]), "{s:?}");
        // « …, selon X. » after an evaluation: X is its source.
        let s =
            stances("Le port est devenu un modèle de coopération régionale, selon Kofi Mensah.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Praise && x.2 == ["Kofi Mensah"]),
            "{s:?}"
        );
    }

    #[test]
    fn agency_wording_what_is_no_commitment() {
        // An itinerary, a quantity's course, a pronominal future of growth, a promise named
        // rather than made: no commit.
        for t in [
            "La délégation poursuivra sa visite par la région de Kumasi.",
            "La nébulosité continuera à augmenter dans la soirée.",
            "Les échanges se développeront encore l'an prochain.",
            "Malgré les promesses du gouvernement, les prix n'ont pas baissé.",
            "Les prix ont baissé grâce aux efforts conjoints des deux ministères.",
        ] {
            let s = stances(t);
            assert!(s.iter().all(|x| x.1 != Polarity::Commit), "{t}: {s:?}");
        }
        // Still pledges: a future of action, a pronominal pledge, a promise made.
        for t in [
            "Le Ghana renforcera sa coopération avec le Togo.",
            "Le syndicat se mobilisera contre la réforme.",
            "Le président Kofi Mensah a fait la promesse de relever les pensions.",
        ] {
            let s = stances(t);
            assert!(!s.is_empty(), "{t}: {s:?}");
        }
    }

    #[test]
    fn agency_wording_hope_standing_position_and_formal_agreement() {
        let s =
            stances("Le Ghana a exprimé l'espoir que les deux parties reprendront le dialogue.");
        assert!(
            s.iter()
                .any(|x| x.1 == Polarity::Support && x.2 == ["Ghana"]),
            "{s:?}"
        );
        let s = stances("Les deux parties sont convenues de promouvoir les échanges culturels.");
        assert!(s.iter().any(|x| x.1 == Polarity::Commit), "{s:?}");
        let s = stances("Le Ghana a réaffirmé sa position constante en faveur du dialogue.");
        assert!(s.iter().any(|x| x.1 == Polarity::Support), "{s:?}");
        // A hope named, not expressed; a price agreed: no stance.
        assert!(stances("L'espoir renaît dans le village de Kpando.").is_empty());
        assert!(stances("Le prix convenu a été payé en mars.").is_empty());
    }

    #[test]
    fn charges_whose_subject_is_the_accused_belong_to_the_speaker() {
        // « aller trop loin », « dénigrer », « s'immiscer », « une lourde responsabilité »,
        // « un soutien complice », « la coercition »: the accused is the subject, the charge is
        // whoever says it.
        for (t, cue) in [
            (
                "La Mirovie est allée trop loin, a jugé Pavel Orsk.",
                "allée trop loin",
            ),
            (
                "La Mirovie doit cesser de dénigrer ses voisins, a déclaré Pavel Orsk.",
                "dénigrer",
            ),
            (
                "La Mirovie s'immisce dans les affaires de Varnos, a déclaré Pavel Orsk.",
                "immisce",
            ),
            (
                "« La Mirovie porte une lourde responsabilité », a affirmé Pavel Orsk.",
                "lourde responsabilité",
            ),
            (
                "« La Mirovie a apporté un soutien complice aux milices », a affirmé Pavel Orsk.",
                "soutien complice",
            ),
            (
                "La Mirovie se livre à une coercition économique, a déclaré Pavel Orsk.",
                "coercition",
            ),
        ] {
            let s = stances(t);
            assert!(
                s.iter()
                    .any(|x| x.0.contains(cue) && x.1 == Polarity::Accuse && x.2 == ["Pavel Orsk"]),
                "{t}: {s:?}"
            );
            assert!(s.iter().all(|x| x.1 != Polarity::Support), "{t}: {s:?}");
        }
        // A distance, and a provocation denied, are no charges.
        assert!(stances("Le randonneur est allé trop loin de son camp.").is_empty());
        let s = stances("Pavel Orsk a affirmé qu'il n'y a pas eu de provocation de Varnos.");
        assert!(s.is_empty(), "{s:?}");
    }
}
