//! The summary card: built only from the analysis layers (never from the raw text alone).
//!
//! - publisher: a known outlet (media gazetteer) or a domain named in a dateline, else in a
//!   « Source : » footer (not a photo credit), a logo line or an agency credit opening the
//!   first paragraph; flagged state-affiliated where that is public knowledge;
//! - date: the first date of a dateline block, else the full date of a wire-style dateline
//!   opening the first paragraph (chosen in `lib.rs`, which resolves weekdays against it), ISO
//!   8601;
//! - people (with roles), organisations (with the acronym used in the text), places, ordered by
//!   first mention; the publisher's own mentions are left out;
//! - stance matrix: stances grouped by holder × polarity × target (target = first entity named
//!   after the cue, else the target words);
//! - quotes: up to five, longest first, with speakers; frames: counts, most frequent first;
//! - summary: three sentences chosen by a lead-biased score of entity, stance and frame density,
//!   returned in text order.

use crate::doc::{Doc, NSpan};
use crate::lexicon::lexicons;
use crate::schema::*;

/// Finds the publisher, from the strongest evidence to the weakest: a known outlet or a domain
/// in the datelines, then in the footers; a known outlet alone on a short line above the title
/// (a logo: « CGTN Français »); an agency credited at the start of the first paragraph
/// (« FRANCFORT, 6 juin (Reuters) - », « ASTANA, 12 novembre. /Kazinform/ - », « Moscou, 18
/// février - Sputnik. »); else the name that opens a dateline (« Le Courrier de l'Est | Publié
/// le … »).
pub fn publisher(
    doc: &Doc,
    datelines: &[usize],
    footers: &[usize],
    header: std::ops::Range<usize>,
    lead: Option<usize>,
) -> Option<(Publisher, NSpan)> {
    datelines
        .iter()
        .find_map(|&bi| known_publisher(doc, bi))
        .or_else(|| {
            footers
                .iter()
                .filter(|&&bi| !photo_credit(doc, bi))
                .find_map(|&bi| known_publisher(doc, bi))
        })
        .or_else(|| {
            header
                .filter(|&bi| doc.seg.blocks[bi].tokens.len() <= 6)
                .find_map(|bi| known_media(doc, bi, usize::MAX, |_, _| true))
        })
        .or_else(|| lead.and_then(|bi| known_media(doc, bi, LEAD_BYTES, agency_credit)))
        .or_else(|| datelines.iter().find_map(|&bi| dateline_name(doc, bi)))
}

/// The end of a wire-style dateline opening block `bi` (« Pékin, 16 mai 2024 (Chine Nouvelle)
/// -- Le président … »): the byte offset of the dash that closes it, when it comes within
/// `LEAD_BYTES` and after at most 10 words.
pub fn lead_dateline_end(doc: &Doc, bi: usize) -> Option<usize> {
    let b = &doc.seg.blocks[bi];
    let end = crate::floor_char_boundary(&doc.text()[..b.end], b.start + LEAD_BYTES);
    let head = &doc.text()[b.start..end];
    let dash = [" -- ", " - ", " — ", " – "]
        .iter()
        .filter_map(|d| head.find(d))
        .min()?;
    (head[..dash].split_whitespace().count() <= 10).then_some(b.start + dash)
}

/// A photo credit, caption or sources footer (« Photo : … REUTERS/Pavel Mikheyev », « Crédit
/// photo : AFP », « (Avec AFP et Reuters) »): the agency named there took the picture or
/// supplied material, it did not publish the article.
fn photo_credit(doc: &Doc, bi: usize) -> bool {
    let b = &doc.seg.blocks[bi];
    let lower = doc.lower[b.start..b.end].trim_start();
    [
        "photo",
        "crédit",
        "credit",
        "illustration",
        "image",
        "légende",
        "(avec ",
        "avec ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// How far into the first paragraph an agency credit is looked for.
const LEAD_BYTES: usize = 100;

/// Is a media name between `before` and `after` set off like an agency credit: « (Reuters) »,
/// « /Kazinform/ », « - Sputnik. », « (Xinhua) -- »?
fn agency_credit(before: &str, after: &str) -> bool {
    let b = before.trim_end().chars().next_back();
    let a = after.trim_start().chars().next();
    matches!(b, Some('(' | '/' | '-' | '–' | '—'))
        && matches!(a, Some(')' | '/' | '.' | '-' | '–' | '—' | ','))
}

/// The first segment of a dateline when it reads like a name: 1–6 words, capitalised, no digits.
fn dateline_name(doc: &Doc, bi: usize) -> Option<(Publisher, NSpan)> {
    let b = &doc.seg.blocks[bi];
    let line = &doc.text()[b.start..b.end];
    let cut = line
        .find(['|', '•', '·'])
        .or_else(|| line.find(" - "))
        .or_else(|| line.find(" — "))?;
    let seg = line[..cut].trim();
    let words = seg.split_whitespace().count();
    let ok = (1..=6).contains(&words)
        && seg.chars().next().is_some_and(char::is_uppercase)
        && !seg.chars().any(|c| c.is_ascii_digit())
        && !seg.to_lowercase().starts_with("publié")
        && !seg.to_lowercase().starts_with("mis");
    if !ok {
        return None;
    }
    let start = b.start + (line.len() - line.trim_start().len());
    Some((
        Publisher {
            name: seg.to_string(),
            state_affiliated: false,
            country: None,
            rule: Rule::new(
                "publisher:dateline",
                "name opening the dateline (not a known outlet)",
            ),
        },
        NSpan::new(start, start + seg.len()),
    ))
}

/// A known outlet (media gazetteer) or a domain name in block `bi`.
fn known_publisher(doc: &Doc, bi: usize) -> Option<(Publisher, NSpan)> {
    known_media(doc, bi, usize::MAX, |_, _| true).or_else(|| domain_name(doc, bi))
}

/// The first known outlet named in the first `limit` bytes of block `bi` (whole words) for which
/// `accept(text before, text after)` holds.
fn known_media(
    doc: &Doc,
    bi: usize,
    limit: usize,
    accept: impl Fn(&str, &str) -> bool,
) -> Option<(Publisher, NSpan)> {
    let lex = lexicons();
    let b = &doc.seg.blocks[bi];
    let end = crate::floor_char_boundary(&doc.lower[..b.end], b.start.saturating_add(limit));
    let lower = &doc.lower[b.start..end];
    for m in lex.media_ac.find_iter(lower) {
        let (s, e) = (b.start + m.start(), b.start + m.end());
        let text = doc.text();
        let before_ok = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '.');
        let after_ok = text[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if !before_ok || !after_ok || !accept(&text[b.start..s], &text[e..b.end]) {
            continue;
        }
        let g = &lex.gaz[lex.media_pat[m.pattern().as_usize()]];
        return Some((
            Publisher {
                name: g.canonical.clone(),
                state_affiliated: g.state_affiliated,
                country: g.country.clone(),
                rule: Rule::new(
                    "publisher:media",
                    format!(
                        "{}: {} (matched « {} »)",
                        g.origin,
                        g.canonical,
                        &text[s..e]
                    ),
                ),
            },
            NSpan::new(s, e),
        ));
    }
    None
}

/// A bare domain name in block `bi` (a dateline or footer).
fn domain_name(doc: &Doc, bi: usize) -> Option<(Publisher, NSpan)> {
    let b = &doc.seg.blocks[bi];
    for k in b.tokens.clone() {
        let w = doc.tok(k);
        let dots = w.matches('.').count();
        if dots >= 1
            && w.len() > 4
            && w.rsplit('.').next().is_some_and(|tld| {
                (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
            })
        {
            return Some((
                Publisher {
                    name: w.to_string(),
                    state_affiliated: false,
                    country: None,
                    rule: Rule::new("publisher:domain", format!("domain name « {w} »")),
                },
                NSpan::new(doc.tokens()[k].start(), doc.tokens()[k].end()),
            ));
        }
    }
    None
}

/// Picks `n` summary sentences (indices into `doc.seg.sentences`), in text order.
pub fn summary(doc: &Doc, content: &[bool], weights: &[f32], n: usize) -> Vec<usize> {
    let mut scored: Vec<(f32, usize)> = Vec::new();
    let mut rank = 0usize;
    for (si, s) in doc.seg.sentences.iter().enumerate() {
        if !content[s.block] {
            continue;
        }
        let words = doc.sentence_words(si);
        if !(8..=70).contains(&words) {
            continue;
        }
        let lead = 1.0 / (1.0 + rank as f32 * 0.35);
        rank += 1;
        scored.push((weights[si] / (words as f32).sqrt() + 1.5 * lead, si));
    }
    scored.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    let mut pick: Vec<usize> = scored.into_iter().take(n).map(|(_, i)| i).collect();
    pick.sort_unstable();
    pick
}

pub fn reading_minutes(words: usize) -> usize {
    if words == 0 {
        0
    } else {
        words.div_ceil(230)
    }
}
