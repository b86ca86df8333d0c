//! Page chrome: share buttons, menus and breadcrumbs, keyword lines, « Lire aussi » links,
//! related-article URLs, follow-us lines, footers, English captions, duplicated lines, logo
//! words. Also classifies the remaining blocks (title, dateline, caption, paragraph).
//!
//! Invariants:
//! - a block is either wholly boilerplate or has zero or more boilerplate *segments* (parts
//!   between ` | ` separators, e.g. a « Mots clés : … » tail on a dateline);
//! - datelines and bylines are content, never boilerplate (the card reads source and date
//!   from them);
//! - the output `Doc::boilerplate` is sorted and non-overlapping.

use crate::doc::{Doc, NSpan};
use crate::lexicon::lexicons;
use crate::schema::{BlockKind, Rule};

/// Result of the boilerplate pass for one block.
#[derive(Debug, Clone)]
pub struct BlockInfo {
    pub kind: BlockKind,
    pub rule: Option<Rule>,
}

/// Boilerplate spans with their reasons (whole blocks and segments).
#[derive(Debug, Clone)]
pub struct Chrome {
    pub blocks: Vec<BlockInfo>,
    pub spans: Vec<(NSpan, Rule)>,
    /// Index of the title block, if any.
    pub title: Option<usize>,
    /// Indices of dateline blocks.
    pub datelines: Vec<usize>,
}

/// Number of words: maximal runs of alphanumeric characters, apostrophes and hyphens.
fn word_count(s: &str) -> usize {
    let b = s.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while i < b.len() {
        let w = if b[i] < 0x80 {
            let c = b[i];
            i += 1;
            c.is_ascii_alphanumeric() || c == b'\'' || c == b'-'
        } else {
            // Only non-ASCII characters are decoded.
            let c = s[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            c.is_alphanumeric()
        };
        n += usize::from(w && !in_word);
        in_word = w;
    }
    n
}

fn is_separator(c: char) -> bool {
    matches!(c, '|' | '>' | '•' | '·')
}

/// Separator-delimited segments of a line: (start, end) relative to the line, trimmed.
fn segments(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    let push = |out: &mut Vec<(usize, usize)>, a: usize, b: usize| {
        let seg = &line[a..b];
        let lt = seg.len() - seg.trim_start().len();
        let t = seg.trim();
        if !t.is_empty() {
            out.push((a + lt, a + lt + t.len()));
        }
    };
    for (i, c) in line.char_indices() {
        let spaced_slash = c == '/' && line[..i].ends_with(' ') && line[i + 1..].starts_with(' ');
        if is_separator(c) || spaced_slash {
            push(&mut out, s, i);
            s = i + c.len_utf8();
        }
    }
    push(&mut out, s, line.len());
    out
}

/// A line without trailing bracketed groups (« [A A] »), digits and punctuation.
fn whole_line_core(lower: &str) -> &str {
    let mut t = lower.trim();
    loop {
        let before = t;
        t = t.trim_end_matches(|c: char| !c.is_alphabetic() && c != ']' && c != ')');
        if t.ends_with(']') || t.ends_with(')') {
            let open = if t.ends_with(']') { '[' } else { '(' };
            if let Some(i) = t.rfind(open) {
                t = t[..i].trim_end();
            }
        }
        if t == before {
            return t;
        }
    }
}

/// Does a (lower-cased) line start with a boilerplate pattern? Returns (kind, pattern).
fn pattern_hit(lower: &str, words: usize) -> Option<(String, String)> {
    let lex = lexicons();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '[' && c != '©');
    // Candidates: whole-line patterns equal to the line's core, and line-start patterns sharing
    // its first one, two or three characters. The earliest entry of the file wins.
    let mut cands: Vec<usize> = lex
        .boilerplate_whole
        .get(whole_line_core(lower))
        .cloned()
        .unwrap_or_default();
    for (n, (i, c)) in lower.char_indices().take(3).enumerate() {
        let key = &lower[..i + c.len_utf8()];
        if let Some(v) = lex.boilerplate_prefix.get(key) {
            cands.extend(
                v.iter()
                    .copied()
                    .filter(|&p| n == 2 || lex.boilerplate[p].1.chars().count() == n + 1),
            );
        }
    }
    cands.sort_unstable();
    for p in cands {
        let (kind, pat, whole) = &lex.boilerplate[p];
        let hit = if *whole {
            true
        } else if lower.starts_with(pat.as_str()) {
            // The pattern must end at a word boundary.
            let rest = &lower[pat.len()..];
            let boundary = rest.chars().next().is_none_or(|c| {
                !c.is_alphanumeric() || !pat.chars().last().unwrap().is_alphanumeric()
            });
            // Short lines only, except "related"/"tags"/"footer" lines which are chrome whatever follows.
            boundary
                && (words <= 8 || matches!(kind.as_str(), "related" | "tags" | "footer" | "follow"))
        } else {
            false
        };
        if hit {
            return Some((kind.clone(), pat.clone()));
        }
    }
    None
}

/// Share of words in a line that are English function words, and of French function words.
fn language_ratios(lower: &str) -> (f32, f32, usize) {
    let lex = lexicons();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return (0.0, 0.0, 0);
    }
    let en = words
        .iter()
        .filter(|w| lex.english_words.contains(**w))
        .count();
    let fr = words
        .iter()
        .filter(|w| FRENCH_MARKERS.contains(w) || w.ends_with('\''))
        .count();
    (
        en as f32 / words.len() as f32,
        fr as f32 / words.len() as f32,
        words.len(),
    )
}

/// Frequent French words that are not English words.
const FRENCH_MARKERS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "sur", "pour", "par",
    "avec", "qui", "que", "au", "aux", "ce", "cette", "ces", "il", "elle", "ils", "son", "sa",
    "ses", "leur", "leurs", "ont", "été", "sont", "pas", "ne", "plus", "entre", "selon",
];

/// A line that starts with a URL (a related-article link, possibly followed by its title).
fn looks_like_url(t: &str) -> bool {
    let t = t.trim();
    t.starts_with("http://")
        || t.starts_with("https://")
        || (t.starts_with("www.") && !t.contains(' '))
}

fn has_date_signal(lower: &str) -> bool {
    let digits = lower.bytes().filter(u8::is_ascii_digit).count();
    if digits < 4 {
        return lower.contains("mis à jour")
            || lower.contains("publié le")
            || lower.contains("mise à jour");
    }
    let has_year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    (has_year
        && (digits >= 6
            || crate::dates::MONTHS
                .iter()
                .any(|(m, _)| m.len() > 4 && lower.contains(m))))
        || lower.contains("mis à jour")
        || lower.contains("publié le")
        || lower.contains("mise à jour")
}

/// Runs the boilerplate pass, fills `doc.boilerplate*` and returns block kinds.
pub fn detect(doc: &mut Doc) -> Chrome {
    let nb = doc.seg.blocks.len();
    let mut infos = vec![
        BlockInfo {
            kind: BlockKind::Paragraph,
            rule: None
        };
        nb
    ];
    let mut spans: Vec<(NSpan, Rule)> = Vec::new();
    let mut datelines = Vec::new();
    let mut seen_lines: std::collections::HashSet<String> = Default::default();
    let mut first_long = nb; // first block that looks like running text
    for (bi, b) in doc.seg.blocks.iter().enumerate() {
        let line = &doc.norm.text[b.start..b.end];
        if word_count(line) >= 12 && line.trim_end().ends_with(['.', '»', '"', '!', '?']) {
            first_long = bi;
            break;
        }
    }

    for bi in 0..nb {
        let b = doc.seg.blocks[bi].clone();
        let line = &doc.norm.text[b.start..b.end];
        let lower = &doc.lower[b.start..b.end];
        let words = word_count(line);
        let set = |infos: &mut Vec<BlockInfo>, id: &str, detail: String| {
            infos[bi] = BlockInfo {
                kind: BlockKind::Boilerplate,
                rule: Some(Rule::new(id, detail)),
            };
        };

        // Duplicated line (a repeated headline or menu).
        let key = lower.trim().to_string();
        if words >= 3 && !seen_lines.insert(key) {
            set(
                &mut infos,
                "boilerplate:duplicate",
                "line repeated earlier in the page".into(),
            );
            continue;
        }
        if looks_like_url(line) {
            set(&mut infos, "boilerplate:url", "related-article URL".into());
            continue;
        }
        // Photo captions and credits are content (« ©Reuters » is a mention of Reuters), and
        // never datelines even when they carry a date.
        if line.contains('©') {
            infos[bi].kind = BlockKind::Caption;
            continue;
        }
        // Datelines are content; their keyword tails are not.
        let segs = segments(line);
        let date_signal = has_date_signal(lower);
        if date_signal && words <= 25 && !line.trim_end().ends_with('.') {
            datelines.push(bi);
            infos[bi].kind = BlockKind::Dateline;
            if segs.len() > 1 {
                for &(a, e) in segs.iter().skip(1) {
                    let seg_lower = &lower[a..e];
                    if has_date_signal(seg_lower) {
                        continue;
                    }
                    if let Some((kind, pat)) = pattern_hit(seg_lower, word_count(seg_lower)) {
                        spans.push((
                            NSpan::new(b.start + a, b.start + e),
                            Rule::new(
                                format!("boilerplate:{kind}"),
                                format!("boilerplate.tsv: {pat}"),
                            ),
                        ));
                    }
                }
            }
            continue;
        }
        if let Some((kind, pat)) = pattern_hit(lower, words) {
            set(
                &mut infos,
                &format!("boilerplate:{kind}"),
                format!("boilerplate.tsv: {pat}"),
            );
            continue;
        }
        // Breadcrumbs: short separated items, one of which is a navigation word (« Accueil > … »).
        if segs.len() >= 2 && words <= 10 && !line.contains(". ") {
            let nav = segs.iter().find_map(|&(a, e)| {
                let seg = &lower[a..e];
                pattern_hit(seg, word_count(seg)).filter(|(k, _)| k == "nav")
            });
            if let Some((_, pat)) = nav {
                set(
                    &mut infos,
                    "boilerplate:nav",
                    format!("breadcrumb with « {pat} »"),
                );
                continue;
            }
        }
        // Breadcrumbs and menus: several short separator-delimited items.
        if segs.len() >= 3 && words <= 40 && !line.contains(". ") {
            let avg = words as f32 / segs.len() as f32;
            if avg <= 5.0 {
                set(
                    &mut infos,
                    "boilerplate:nav",
                    format!("menu of {} items", segs.len()),
                );
                continue;
            }
        }
        // An English caption inside a French article.
        // (Accented French letters rule English out cheaply.)
        let (en, fr, n) = if lower.contains(['é', 'è', 'à', 'ç', 'ê', 'ù']) {
            (0.0, 1.0, words)
        } else {
            language_ratios(lower)
        };
        if n >= 8 && en >= 0.25 && fr <= 0.08_f32.max(en / 4.0) {
            set(
                &mut infos,
                "boilerplate:caption_en",
                format!("English text ({:.0}% English function words)", en * 100.0),
            );
            continue;
        }
        // Logo or section word before the running text: one or two words, no verb, no date.
        if bi < first_long && words <= 2 && line.chars().count() <= 20 && bi + 1 < nb {
            let next_words = {
                let nbk = &doc.seg.blocks[bi + 1];
                word_count(&doc.norm.text[nbk.start..nbk.end])
            };
            if bi == 0 && next_words >= 3 && !line.chars().any(|c| c.is_ascii_digit()) {
                set(
                    &mut infos,
                    "boilerplate:logo",
                    "short label above the headline".into(),
                );
                continue;
            }
        }
        // Photo credits and captions are content ("©Reuters" is a mention of Reuters).
        if line.contains('©') {
            infos[bi].kind = BlockKind::Caption;
        }
    }

    // Title: the first content block before the running text that reads like a headline.
    let mut title = None;
    for (bi, info) in infos.iter().enumerate() {
        if info.kind != BlockKind::Paragraph {
            continue;
        }
        let b = &doc.seg.blocks[bi];
        let line = &doc.norm.text[b.start..b.end];
        let words = word_count(line);
        if (3..=30).contains(&words) && !line.trim_end().ends_with('.') {
            title = Some(bi);
        }
        break;
    }
    if let Some(t) = title {
        infos[t].kind = BlockKind::Title;
    }
    // Lines that are just a date (« 2020-07-16 ») right after the title are datelines.
    for (bi, info) in infos.iter_mut().enumerate() {
        let b = &doc.seg.blocks[bi];
        let line = doc.norm.text[b.start..b.end].trim();
        if info.kind == BlockKind::Paragraph
            && line.len() <= 12
            && line
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ' '))
            && line.chars().filter(|c| c.is_ascii_digit()).count() >= 6
        {
            info.kind = BlockKind::Dateline;
            datelines.push(bi);
        }
    }
    datelines.sort_unstable();

    for (bi, info) in infos.iter().enumerate() {
        if let (BlockKind::Boilerplate, Some(r)) = (info.kind, &info.rule) {
            let b = &doc.seg.blocks[bi];
            spans.push((NSpan::new(b.start, b.end), r.clone()));
        }
    }
    spans.sort_by_key(|(s, _)| (s.start, s.end));
    doc.set_boilerplate(
        spans.iter().map(|(s, _)| *s).collect(),
        infos
            .iter()
            .map(|i| i.kind == BlockKind::Boilerplate)
            .collect(),
    );
    Chrome {
        blocks: infos,
        spans,
        title,
        datelines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        let mut d = Doc::new(text);
        let c = detect(&mut d);
        d.seg
            .blocks
            .iter()
            .zip(c.blocks)
            .map(|(b, i)| (text[b.start..b.end].to_string(), i.kind))
            .collect()
    }

    #[test]
    fn chrome_is_set_aside_and_content_kept() {
        let text = "Imprimer\n\nLe maire de Nancy inaugure un pont\n\nLe Journal de l'Est | Publié le 3 mars 2023 | Mots clés : Nancy, pont\n\nLe maire de Nancy a inauguré mardi un nouveau pont sur la Meurthe, en présence de nombreux habitants du quartier.\n\nLire aussi : Les travaux du tram reprennent\n\nThe mayor of Nancy opens a new bridge over the river during a ceremony with residents on Tuesday.\n\nPartager cet article";
        let k = kinds(text);
        assert_eq!(k[0].1, BlockKind::Boilerplate, "{k:?}");
        assert_eq!(k[1].1, BlockKind::Title);
        assert_eq!(k[2].1, BlockKind::Dateline);
        assert_eq!(k[3].1, BlockKind::Paragraph);
        assert_eq!(k[4].1, BlockKind::Boilerplate);
        assert_eq!(k[5].1, BlockKind::Boilerplate);
        assert_eq!(k[6].1, BlockKind::Boilerplate);
        // The keyword tail of the dateline is a boilerplate segment.
        let mut d = Doc::new(text);
        let c = detect(&mut d);
        assert!(c
            .spans
            .iter()
            .any(|(s, _)| &d.norm.text[s.start..s.end] == "Mots clés : Nancy, pont"));
    }

    #[test]
    fn url_and_menu_lines() {
        let k = kinds("Accueil | Monde | Europe | Économie\nhttps://exemple.fr/article/123\nUn texte normal et assez long pour être un paragraphe de l'article lui-même.");
        assert_eq!(k[0].1, BlockKind::Boilerplate);
        assert_eq!(k[1].1, BlockKind::Boilerplate);
        assert_eq!(k[2].1, BlockKind::Paragraph);
    }
}
