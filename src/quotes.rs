//! Quotations and their speakers.
//!
//! Quotes are « … », “ … ” and " … " pairs (nested marks stay inside the outer quote; a « … »
//! quote may run over several paragraphs). Very short quoted phrases (fewer than four words,
//! « sans limites ») and quoted names (« la Ceinture et la Route », a gazetteer entry) are scare
//! quotes or names, not quotations.
//!
//! Speaker attribution, in order:
//! 1. `», a déclaré M. Wang` / `», indique le ministère … dans un communiqué` / `a-t-il ajouté`
//!    (speech verb right after the quote, then its subject);
//! 2. `X a affirmé que « … »`, `selon lui « … »`, `dans lequel il exprime « … »` (speech verb or
//!    « selon » before the quote in the same sentence, then its subject);
//! 3. otherwise the speaker of the previous quote in the same or previous paragraph, or the
//!    subject of the previous sentence (reported speech across sentences).
//!
//! Pronouns (« il », « elle », « lui ») resolve to the first person named in the current
//! sentence, else to the last sentence-initial person before it.
//!
//! Invariants: quote spans exclude the marks and surrounding spaces, are sorted and do not
//! overlap; `speaker`, when set, indexes the mention list given to [`find`].

use crate::doc::{Doc, NSpan};
use crate::entities::EMention;
use crate::lexicon::{lexicons, SpeechKind};
use crate::schema::{EntityType, Rule};

#[derive(Debug, Clone)]
pub struct QuoteAnn {
    pub span: NSpan,
    /// Token range of the content.
    pub a: usize,
    pub b: usize,
    /// Mention index of the speaker.
    pub speaker: Option<usize>,
    pub speaker_text: Option<String>,
    pub rule: Rule,
}

/// Raw quote pairs (open mark start, close mark end, content span).
fn pairs(text: &str) -> Vec<NSpan> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Positions of every closing guillemet: an opening « with none in its window is skipped
    // at once (without this, text full of unclosed « costs a 20 KB scan per mark).
    let closers: Vec<usize> = text.match_indices('»').map(|(k, _)| k).collect();
    let mut i = 0;
    while i < text.len() {
        // Marks start with byte 22 (« " »), C2 (« « ») or E2 (« “ », « „ »); these bytes only
        // ever start a character, so the others are passed over without decoding.
        i = find_byte3(b, i, [b'"', 0xC2, 0xE2]);
        if i == b.len() {
            break;
        }
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let clen = c.len_utf8();
        let close = match c {
            '«' => Some('»'),
            '“' => Some('”'),
            '„' => Some('“'),
            '"' => Some('"'),
            _ => None,
        };
        let Some(close) = close else {
            i += clen;
            continue;
        };
        // Find the matching closer; « » nest (at most MAX_DEPTH deep); allow paragraph
        // continuation « marks.
        const MAX_DEPTH: usize = 4;
        let mut depth = 1;
        let mut j = i + clen;
        let mut found = None;
        let limit = (i + 20_000).min(text.len());
        if c == '«' {
            let k = closers.partition_point(|&p| p < j);
            if closers.get(k).is_none_or(|&p| p >= limit) {
                i += clen;
                continue;
            }
        }
        // Only the first bytes of the opening mark, of the closing mark and of a line break
        // matter below: other bytes are passed over without decoding.
        let (first_open, first_close) = (first_byte(c), first_byte(close));
        while j < limit {
            j = find_byte3(&b[..limit], j, [first_open, first_close, b'\n']);
            if j == limit {
                break;
            }
            let Some(d) = text[j..].chars().next() else {
                break;
            };
            if c == '"' {
                if d == '"' {
                    found = Some(j);
                    break;
                }
                if d == '\n' {
                    break;
                }
            } else if d == c && c != close {
                // A « at the start of a paragraph continues the same quote.
                let at_par_start = text[..j].trim_end_matches(' ').ends_with('\n');
                if !at_par_start {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        break;
                    }
                }
            } else if d == close {
                depth -= 1;
                if depth == 0 {
                    found = Some(j);
                    break;
                }
            } else if d == '\n' && c != '«' {
                break;
            }
            j += d.len_utf8();
        }
        match found {
            Some(j) => {
                let mut s = i + clen;
                let mut e = j;
                while s < e && b[s] == b' ' {
                    s += 1;
                }
                while e > s && b[e - 1] == b' ' {
                    e -= 1;
                }
                if e > s {
                    out.push(NSpan::new(s, e));
                }
                i = j + close.len_utf8();
            }
            None => i += clen,
        }
    }
    out
}

/// Index of the first byte at or after `from` equal to one of `bytes`, or `b.len()`. Eight
/// bytes at a time while none matches.
fn find_byte3(b: &[u8], from: usize, bytes: [u8; 3]) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Non-zero when some byte of `v` is zero.
    let has_zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let [p, q, r] = bytes.map(|x| u64::from(x) * LO);
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if has_zero(v ^ p) | has_zero(v ^ q) | has_zero(v ^ r) != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && !bytes.contains(&b[i]) {
        i += 1;
    }
    i
}

/// First UTF-8 byte of a character.
fn first_byte(c: char) -> u8 {
    let mut buf = [0; 4];
    c.encode_utf8(&mut buf);
    buf[0]
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w,
        "il" | "elle"
            | "lui"
            | "ils"
            | "elles"
            | "eux"
            | "a-t-il"
            | "a-t-elle"
            | "ont-ils"
            | "ont-elles"
            | "-t-il"
            | "-t-elle"
    )
}

/// Mentions whose first token lies in `a..b`.
fn mentions_in(ms: &[EMention], a: usize, b: usize) -> impl Iterator<Item = (usize, &EMention)> {
    let k = ms.partition_point(|m| m.a < a);
    ms[k..]
        .iter()
        .enumerate()
        .map(move |(o, m)| (k + o, m))
        .take_while(move |(_, m)| m.a < b)
}

/// Resolves a pronoun at token `at`: first PER in the sentence before it, else the subject of a
/// previous sentence (first PER mention of the sentence), looking back at most 6 sentences.
pub fn resolve_pronoun(doc: &Doc, ms: &[EMention], at: usize) -> Option<usize> {
    let sent = doc.tokens()[at].sent();
    let s = &doc.seg.sentences[sent];
    if let Some((k, _)) =
        mentions_in(ms, s.tokens.start, at).find(|(_, m)| m.etype == EntityType::PER)
    {
        return Some(k);
    }
    // Earlier sentences: the nearest subject person. A person named only after a preposition
    // (« à la demande du président Tokaïev ») is rarely what « il » refers to: it is kept as
    // a fallback while earlier sentences are searched for a subject.
    let mut fallback = None;
    for back in 1..=10 {
        let Some(ps) = sent.checked_sub(back) else {
            break;
        };
        if let Some(k) = sentence_subject(doc, ms, ps, usize::MAX) {
            return Some(k);
        }
        let ps = &doc.seg.sentences[ps];
        if let Some((k, _)) = mentions_in(ms, ps.tokens.start, ps.tokens.end)
            .find(|(_, m)| m.etype == EntityType::PER)
        {
            fallback.get_or_insert(k);
        }
    }
    fallback
}

/// Resolves a role noun phrase starting at token `at` (« le ministre turc », « le président
/// russe ») to an earlier person mention whose role contains the same title and nationality
/// words. Returns the mention index and the end token of the phrase.
pub fn resolve_role_np(
    doc: &Doc,
    ms: &[EMention],
    at: usize,
    lim: usize,
) -> Option<(usize, usize)> {
    let lex = lexicons();
    let mut k = at;
    if k < lim && matches!(doc.tok_lower(k), "le" | "la" | "l'") {
        k += 1;
    }
    let t0 = k;
    if let Some(found) = resolve_periphrasis(doc, ms, at, t0, lim) {
        return Some(found);
    }
    while k < lim && k - t0 < 4 && doc.is_word(k) && !doc.is_cap(k) {
        let w = doc.tok_lower(k);
        if !(lex.titles.contains_key(w) || lex.demonyms.contains_key(w)) {
            break;
        }
        k += 1;
    }
    if k == t0 || !lex.titles.contains_key(doc.tok_lower(t0)) {
        return None;
    }
    let title = doc.tok_lower(t0);
    // Generic titles match any role of the same nationality (« le dirigeant russe »).
    let generic = matches!(
        title,
        "dirigeant" | "dirigeante" | "chef" | "leader" | "homologue" | "numéro"
    );
    let words: Vec<&str> = (t0..k).map(|t| doc.tok_lower(t)).collect();
    if generic && words.len() < 2 {
        return None;
    }
    // Only the recent past: a role phrase refers back to a person named at most
    // `ROLE_WINDOW` mentions earlier.
    let end = ms.partition_point(|m| m.a < at);
    (end.saturating_sub(ROLE_WINDOW)..end).rev().find_map(|mi| {
        let m = &ms[mi];
        let role = m.role.as_deref()?.to_lowercase();
        let rw: Vec<&str> = role
            .split(|c: char| c.is_whitespace() || c == '\'')
            .collect();
        words
            .iter()
            .enumerate()
            .all(|(i, w)| (i == 0 && generic) || rw.contains(w))
            .then_some((mi, k))
    })
}

/// A periphrasis at token `t0` (« chef de la diplomatie russe », « chef du gouvernement », « chef
/// de l'État kazakh »; `titles.tsv`'s third column) refers back to the latest person, among
/// the `ROLE_WINDOW` mentions before `at`, whose role has the words of the role it names
/// (« ministre … des Affaires étrangères ») and the nationality that follows it (as a word of
/// the role, or its country's name: « kazakh » → « président du Kazakhstan »).
fn resolve_periphrasis(
    doc: &Doc,
    ms: &[EMention],
    at: usize,
    t0: usize,
    lim: usize,
) -> Option<(usize, usize)> {
    let lex = lexicons();
    let h = lex.title_cues.longest_at(doc, t0, lim)?;
    let same = lex.title_same.get(h.entry)?.as_ref()?;
    let need: Vec<&str> = same
        .split(|c: char| c.is_whitespace() || c == '\'')
        .filter(|w| !matches!(*w, "" | "de" | "des" | "du" | "la" | "le" | "l" | "d"))
        .collect();
    let mut k = h.end;
    while k < lim && k - h.end < 2 && doc.is_word(k) && lex.demonyms.contains_key(doc.tok_lower(k))
    {
        k += 1;
    }
    let end = ms.partition_point(|m| m.a < at);
    (end.saturating_sub(ROLE_WINDOW)..end).rev().find_map(|mi| {
        let role = ms[mi].role.as_deref()?.to_lowercase();
        let rw: Vec<&str> = role
            .split(|c: char| c.is_whitespace() || c == '\'')
            .collect();
        let nationality_ok = (h.end..k).all(|t| {
            let d = doc.tok_lower(t);
            rw.contains(&d)
                || lex
                    .demonyms
                    .get(d)
                    .is_some_and(|country| role.contains(&country.to_lowercase()))
        });
        (need.iter().all(|w| rw.contains(w)) && nationality_ok).then_some((mi, k))
    })
}

/// How far back (in mentions) a role phrase may refer: keeps the search linear in the document.
const ROLE_WINDOW: usize = 80;

/// Prepositions that govern a noun phrase (a governed mention is not a subject).
pub const PREPOSITIONS: &[&str] = &[
    "de", "d'", "du", "des", "à", "au", "aux", "avec", "contre", "en", "dans", "sur", "pour",
    "par", "entre", "vers", "chez", "sans", "sous", "selon", "envers", "auprès", "depuis",
];

/// Is the mention governed by a preposition (so not a subject)?
pub fn governed(doc: &Doc, m: &EMention) -> bool {
    let lex = lexicons();
    let mut k = m.a;
    // Skip articles, honorifics and role words back to the governing word.
    while k > 0 {
        let w = doc.tok_lower(k - 1);
        if matches!(w, "le" | "la" | "les" | "l'" | "m." | "m" | "mme" | ".")
            || (lex.titles.contains_key(w) && !PREPOSITIONS.contains(&w))
            || lex.demonyms.contains_key(w)
        {
            k -= 1;
            continue;
        }
        return PREPOSITIONS.contains(&w);
    }
    false
}

/// The subject of a sentence: its first person mention not governed by a preposition, or a role
/// noun phrase (« le dirigeant russe ») naming a person met earlier.
fn sentence_subject(doc: &Doc, ms: &[EMention], sent: usize, before: usize) -> Option<usize> {
    let s = &doc.seg.sentences[sent];
    let end = before.min(s.tokens.end);
    let mut t = s.tokens.start;
    // First mention starting at or after `t` (`t` only grows).
    let mut mi = ms.partition_point(|m| m.a < t);
    while t < end {
        while ms.get(mi).is_some_and(|m| m.a < t) {
            mi += 1;
        }
        if let Some(m) = ms.get(mi).filter(|m| m.a == t) {
            if m.etype == EntityType::PER && !governed(doc, m) {
                return Some(mi);
            }
            t = m.b.max(t + 1);
            continue;
        }
        if matches!(doc.tok_lower(t), "le" | "la")
            && !(t > s.tokens.start && PREPOSITIONS.contains(&doc.tok_lower(t - 1)))
        {
            if let Some((mi, _)) = resolve_role_np(doc, ms, t, end) {
                return Some(mi);
            }
        }
        t += 1;
    }
    None
}

/// Subject of a speech verb after a quote: tokens `from..lim`. Returns (mention, text).
fn subject_after(
    doc: &Doc,
    ms: &[EMention],
    from: usize,
    lim: usize,
) -> Option<(Option<usize>, String)> {
    let lex = lexicons();
    let mut k = from;
    // Inverted pronoun in the verb itself: « a-t-il ajouté ».
    while k < lim && k < from + 8 {
        let w = doc.tok_lower(k);
        if is_pronoun(w)
            || w.ends_with("-t-il")
            || w.ends_with("-t-elle")
            || w.ends_with("-il")
            || w.ends_with("-elle")
        {
            if let Some(m) = resolve_pronoun(doc, ms, k) {
                return Some((Some(m), ms[m].canonical.clone()));
            }
        }
        if let Some((mi, _)) = mentions_in(ms, k, k + 1).next() {
            return Some((Some(mi), ms[mi].canonical.clone()));
        }
        // Honorifics before the name (« M. Morozov »).
        if lex.titles.get(doc.tok(k)) == Some(&crate::lexicon::TitleKind::Honorific) || w == "." {
            k += 1;
            continue;
        }
        // A role noun phrase naming a person met earlier (« a déclaré le ministre turc »).
        if let Some((mi, _)) = resolve_role_np(doc, ms, k, lim) {
            return Some((Some(mi), ms[mi].canonical.clone()));
        }
        // A noun phrase « le communiqué », « le ministère » (no entity).
        if matches!(w, "le" | "la" | "l'" | "les") && k + 1 < lim && doc.is_word(k + 1) {
            if let Some((mi, _)) = mentions_in(ms, k + 1, (k + 8).min(lim)).next() {
                // « le ministère chinois des Affaires étrangères »
                let between_ok = (k + 1..ms[mi].a).all(|t| {
                    doc.is_word(t) && lexicons().title_words.contains(doc.tok_lower(t))
                        || lex.demonyms.contains_key(doc.tok_lower(t))
                });
                if between_ok {
                    return Some((Some(mi), ms[mi].canonical.clone()));
                }
            }
            let noun = doc.tok(k + 1);
            return Some((None, format!("{} {}", doc.tok(k), noun)));
        }
        if lex
            .speech
            .get(w)
            .is_some_and(|s| matches!(s, SpeechKind::Speech | SpeechKind::Aux))
            || w == ","
        {
            k += 1;
            continue;
        }
        // Adverbs between verb and subject (« a encore déclaré »).
        if w.ends_with("ment")
            || matches!(w, "aussi" | "encore" | "également" | "alors" | "ensuite")
        {
            k += 1;
            continue;
        }
        break;
    }
    None
}

/// Subject before a speech verb at token `v` within the sentence.
fn subject_before(doc: &Doc, ms: &[EMention], v: usize) -> Option<(Option<usize>, String)> {
    let s = &doc.seg.sentences[doc.tokens()[v].sent()];
    // Pronoun right before the verb (or its auxiliary).
    let mut k = v;
    while k > s.tokens.start && k + 4 > v {
        k -= 1;
        let w = doc.tok_lower(k);
        if is_pronoun(w) {
            if let Some(m) = resolve_pronoun(doc, ms, k) {
                return Some((Some(m), ms[m].canonical.clone()));
            }
        }
    }
    // Otherwise the last PER/ORG mention before the verb, preferring persons.
    let before: Vec<(usize, &EMention)> = mentions_in(ms, s.tokens.start, v).collect();
    if let Some((k, m)) = before
        .iter()
        .rev()
        .find(|(_, m)| m.etype == EntityType::PER)
    {
        return Some((Some(*k), m.canonical.clone()));
    }
    before
        .iter()
        .rev()
        .find(|(_, m)| m.etype == EntityType::ORG)
        .map(|(k, m)| (Some(*k), m.canonical.clone()))
}

/// Number of characters of the longest gazetteer form (`by_form` key).
fn max_form_chars() -> usize {
    static MAX: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *MAX.get_or_init(|| {
        lexicons()
            .by_form
            .keys()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0)
    })
}

/// Is `content`, lower-cased, a gazetteer form? Lower-casing never shortens a text in characters
/// (each character becomes one to three), so a content longer than `max_form` characters (the
/// longest form, [`max_form_chars`]) is not one, and is not lower-cased.
fn is_gazetteer_form(content: &str, max_form: usize) -> bool {
    // At most four bytes per character.
    if content.len() > 4 * max_form || content.chars().count() > max_form {
        return false;
    }
    lexicons().by_form.contains_key(&content.to_lowercase())
}

/// Finds quotes and attributes speakers. `ms` must be sorted by token.
// Out of line (one call per document) so that instruction profiles show the stage.
#[inline(never)]
pub fn find(doc: &Doc, ms: &[EMention]) -> Vec<QuoteAnn> {
    let lex = lexicons();
    let max_form = max_form_chars();
    let mut out: Vec<QuoteAnn> = Vec::new();
    for span in pairs(doc.text()) {
        if doc.in_boilerplate(span) {
            continue;
        }
        let r = doc.tokens_in(span);
        if r.is_empty() {
            continue;
        }
        let words = r.clone().filter(|&k| doc.is_word(k)).count();
        if words < 4 {
            continue;
        }
        // A quoted name (gazetteer entry) is not a quotation.
        if is_gazetteer_form(doc.slice(span), max_form) {
            continue;
        }
        let (a, b) = (r.start, r.end);
        // Nor is a quoted term of the frame lexicon (« la mentalité de la guerre froide »,
        // « agents de l'étranger »): the marks flag the term, nobody is quoted.
        if lex.frames.longest_at(doc, a, b).is_some_and(|h| h.end == b) {
            continue;
        }
        let n = doc.tokens().len();
        let closer = b; // token of the closing mark
        let mut speaker = None;
        let mut rule = Rule::new("quote", "quotation marks, speaker unknown");
        // 1. Speech verb after the quote.
        if closer + 1 < n {
            let lim = doc.seg.sentences[doc.tokens()[closer].sent()]
                .tokens
                .end
                .min(n);
            let mut k = closer + 1;
            while k < lim && matches!(doc.tok(k), "," | "»" | "”" | "\"" | ".") {
                if doc.tok(k) == "." {
                    break;
                }
                k += 1;
            }
            let mut has_verb = false;
            let mut v = k;
            while v < lim && v < k + 4 {
                let w = doc.tok_lower(v);
                if lex.speech.get(w) == Some(&SpeechKind::Speech) || w.contains("-t-") {
                    has_verb = true;
                    break;
                }
                if lex.speech.get(w) == Some(&SpeechKind::Aux) {
                    v += 1;
                    continue;
                }
                break;
            }
            if has_verb {
                if let Some(mut sp) = subject_after(doc, ms, v, lim) {
                    // « a poursuivi le communiqué »: a speech noun speaks for the previous speaker.
                    if sp.0.is_none() {
                        let noun = sp.1.rsplit(' ').next().unwrap_or("").to_lowercase();
                        if lex.speech.get(noun.as_str()) == Some(&SpeechKind::Noun) {
                            if let Some(prev) = out.last().filter(|p| p.speaker.is_some()) {
                                sp = (prev.speaker, prev.speaker_text.clone().unwrap_or_default());
                            }
                        }
                    }
                    speaker = Some(sp);
                    rule = Rule::new(
                        "quote:verb-after",
                        format!("speech verb « {} » after the quote", doc.tok(v)),
                    );
                }
            }
        }
        // 2. Speech verb or « selon » before the quote in the same sentence.
        if speaker.is_none() && a > 0 {
            let s = &doc.seg.sentences[doc.tokens()[a - 1].sent()];
            let mut k = a - 1;
            while k > s.tokens.start {
                k -= 1;
                let w = doc.tok_lower(k);
                match lex.speech.get(w) {
                    Some(SpeechKind::Speech) | Some(SpeechKind::Noun) => {
                        if let Some(sp) = subject_before(doc, ms, k) {
                            speaker = Some(sp);
                            rule = Rule::new(
                                "quote:verb-before",
                                format!("speech verb « {} » before the quote", doc.tok(k)),
                            );
                        }
                        break;
                    }
                    Some(SpeechKind::Source) => {
                        // « selon lui », « selon X ».
                        if k + 1 < a {
                            let nw = doc.tok_lower(k + 1);
                            if is_pronoun(nw) {
                                if let Some(m) = resolve_pronoun(doc, ms, k + 1) {
                                    speaker = Some((Some(m), ms[m].canonical.clone()));
                                }
                            } else if let Some((mi, _)) = resolve_role_np(doc, ms, k + 1, a) {
                                // « selon le chef de la diplomatie russe » names a person.
                                speaker = Some((Some(mi), ms[mi].canonical.clone()));
                            } else if let Some((mi, m)) = mentions_in(ms, k + 1, a).next() {
                                speaker = Some((Some(mi), m.canonical.clone()));
                            }
                            if speaker.is_some() {
                                rule = Rule::new(
                                    "quote:selon",
                                    format!("« {} » before the quote", doc.tok(k)),
                                );
                            }
                        }
                        if speaker.is_some() {
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        // 2b. The subject of the sentence that introduces the quote (« Le ministre marocain a
        // salué « … » »).
        if speaker.is_none() && a > 0 {
            let sent = doc.tokens()[a - 1].sent();
            if doc.seg.sentences[sent].tokens.start + 1 < a {
                if let Some(m) = sentence_subject(doc, ms, sent, a) {
                    speaker = Some((Some(m), ms[m].canonical.clone()));
                    rule = Rule::new(
                        "quote:subject",
                        "subject of the sentence introducing the quote",
                    );
                }
            }
        }
        // 3. Context: previous quote's speaker nearby, or the previous sentence's subject.
        if speaker.is_none() {
            let block = doc.seg.sentences[doc.tokens()[a].sent()].block;
            if let Some(prev) = out.last() {
                let pblock = doc.seg.sentences[doc.tokens()[prev.a].sent()].block;
                if block <= pblock + 1 && prev.speaker_text.is_some() {
                    speaker = Some((prev.speaker, prev.speaker_text.clone().unwrap()));
                    rule = Rule::new("quote:continuation", "same speaker as the previous quote");
                }
            }
            if speaker.is_none() {
                if let Some(m) = resolve_pronoun(doc, ms, a) {
                    speaker = Some((Some(m), ms[m].canonical.clone()));
                    rule = Rule::new("quote:context", "subject of the surrounding sentences");
                }
            }
        }
        let (sp, st) = match speaker {
            Some((m, t)) => (m, Some(t)),
            None => (None, None),
        };
        out.push(QuoteAnn {
            span,
            a,
            b,
            speaker: sp,
            speaker_text: st,
            rule,
        });
    }
    transcript_quotes(doc, ms, &mut out);
    out
}

/// Transcripts and interviews (« Mao Ning : La question de Taïwan relève … »): a paragraph that
/// opens with a person's name and a colon is that person speaking, without quotation marks.
/// Only paragraphs with no quotation of their own; at least 4 words after the colon. Keeps `out`
/// sorted.
fn transcript_quotes(doc: &Doc, ms: &[EMention], out: &mut Vec<QuoteAnn>) {
    let mut added = false;
    for (bi, blk) in doc.seg.blocks.iter().enumerate() {
        let t0 = blk.tokens.start;
        if doc.boilerplate_blocks[bi] || blk.tokens.len() < 6 {
            continue;
        }
        let mi = ms.partition_point(|m| m.a < t0);
        let Some(m) = ms
            .get(mi)
            .filter(|m| m.a == t0 && m.etype == EntityType::PER)
        else {
            continue;
        };
        if m.b + 1 >= blk.tokens.end || doc.tok(m.b) != ":" {
            continue;
        }
        let (a, b) = (m.b + 1, blk.tokens.end);
        let words = (a..b).filter(|&k| doc.is_word(k)).count();
        let start = doc.tokens()[a].start();
        let end = doc.tokens()[b - 1].end();
        let has_quote = out
            .iter()
            .any(|q| q.span.start < blk.end && blk.start < q.span.end);
        if words < 4 || has_quote {
            continue;
        }
        out.push(QuoteAnn {
            span: NSpan::new(start, end),
            a,
            b,
            speaker: Some(mi),
            speaker_text: Some(m.canonical.clone()),
            rule: Rule::new("quote:transcript", "name and colon opening the paragraph"),
        });
        added = true;
    }
    if added {
        out.sort_by_key(|q| q.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `pairs` as first written: one decoded character at a time.
    fn reference_pairs(text: &str) -> Vec<NSpan> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let closers: Vec<usize> = text.match_indices('»').map(|(k, _)| k).collect();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap();
            let clen = c.len_utf8();
            let close = match c {
                '«' => '»',
                '“' => '”',
                '„' => '“',
                '"' => '"',
                _ => {
                    i += clen;
                    continue;
                }
            };
            let mut depth = 1;
            let mut j = i + clen;
            let mut found = None;
            let limit = (i + 20_000).min(text.len());
            if c == '«' {
                let k = closers.partition_point(|&p| p < j);
                if closers.get(k).is_none_or(|&p| p >= limit) {
                    i += clen;
                    continue;
                }
            }
            while j < limit {
                let d = text[j..].chars().next().unwrap();
                if c == '"' {
                    if d == '"' {
                        found = Some(j);
                        break;
                    }
                    if d == '\n' {
                        break;
                    }
                } else if d == c && c != close {
                    if !text[..j].trim_end_matches(' ').ends_with('\n') {
                        depth += 1;
                        if depth > 4 {
                            break;
                        }
                    }
                } else if d == close {
                    depth -= 1;
                    if depth == 0 {
                        found = Some(j);
                        break;
                    }
                } else if d == '\n' && c != '«' {
                    break;
                }
                j += d.len_utf8();
            }
            match found {
                Some(j) => {
                    let (mut s, mut e) = (i + clen, j);
                    while s < e && b[s] == b' ' {
                        s += 1;
                    }
                    while e > s && b[e - 1] == b' ' {
                        e -= 1;
                    }
                    if e > s {
                        out.push(NSpan::new(s, e));
                    }
                    i = j + close.len_utf8();
                }
                None => i += clen,
            }
        }
        out
    }

    #[test]
    fn pairs_agree_with_reference() {
        let pieces = [
            "«", "»", "“", "”", "„", "\"", "\n", " ", "a", "é", "\u{a0}", "’", "—", "mot ", "« ",
            " »",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..400 {
            let mut t = String::new();
            for _ in 0..len % 60 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            assert_eq!(pairs(&t), reference_pairs(&t), "{t:?}");
        }
        // A closing mark across the 20 000-byte window, and one just after it.
        for pad in [19_996, 19_997, 19_998, 19_999] {
            let t = format!("«{}» « b »", "a".repeat(pad));
            assert_eq!(pairs(&t), reference_pairs(&t), "{pad}");
            let t = format!("“{}” x", "é".repeat(pad / 2));
            assert_eq!(pairs(&t), reference_pairs(&t), "{pad}");
        }
    }

    #[test]
    fn pairs_nest_and_continue() {
        let t = "« Il a parlé d'une “révolution de couleur” ici », dit-il. \"Trop court\"\n« Premier paragraphe\n« Suite du texte. »";
        let p = pairs(t);
        let got: Vec<&str> = p.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            got,
            vec![
                "Il a parlé d'une “révolution de couleur” ici",
                "Trop court",
                "Premier paragraphe\n« Suite du texte."
            ]
        );
    }
}
