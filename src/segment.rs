//! Segmentation of the normalised text into blocks (non-empty lines), sentences and tokens.
//!
//! French typography handled: elided articles and pronouns (`l'`, `d'`, `qu'`, `jusqu'`…) are
//! split off as their own token; hyphenated names (`Kassym-Jomart`, `Saint-Dizier`,
//! `COVID-19`) and domains (`french.china.org.cn`) stay whole; numbers keep their inner
//! separators (`1 770` is two tokens, `3,5` one). Sentences do not end after abbreviations
//! (`M.`, `Mme`, `St.`, `av.`…), after initials (`J. K.`), inside numeric dates (`12. 01. 2022`)
//! or before a lower-case word; closing quotes and brackets after the final mark stay in the
//! sentence; `...` and `…` are one token.
//!
//! Invariants:
//! - blocks, sentences and tokens are sorted, non-overlapping and on char boundaries;
//! - every token lies inside exactly one sentence, every sentence inside exactly one block;
//! - `Sentence::tokens` is the token index range of the sentence.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Index of the sentence holding the token.
    pub sent: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    pub block: usize,
    pub tokens: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

/// Elided forms split off before an apostrophe (lower-cased, without the apostrophe).
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "quelqu",
];

/// Abbreviations after which a period does not end a sentence (compared case-sensitively first,
/// then lower-cased).
const ABBREVIATIONS: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Dr", "Pr", "Me", "St", "Ste", "Sts", "Jr",
    "Sr", "av", "apr", "J.-C", "cf", "etc", "env", "ex", "éd", "vol", "chap", "art", "al", "fig",
    "p", "pp", "n", "no", "nº", "tél", "min", "max", "gén", "col", "cdt", "lt", "adj", "dépt",
    "janv", "févr", "avr", "juil", "sept", "oct", "nov", "déc", "Rep", "Sen", "Gov", "Gen", "Mr",
    "Mrs", "Ms", "vs", "Cie", "Sté", "bd", "av", "ch", "boul",
];

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Tokenises `text[range]`, pushing tokens with `sent = usize::MAX` (filled by sentence split).
fn tokenize_into(text: &str, base: usize, out: &mut Vec<Token>) {
    let s = text;
    let bytes = s.as_bytes();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    all_digits &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // Connectors that stay inside a token when followed by a word char.
                let next_is_word = s[j + d.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char);
                if !next_is_word {
                    break;
                }
                match d {
                    '\'' => {
                        let w = &s[i..end];
                        if w.len() <= 8 && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(w)) {
                            // Split: "l'" is its own token.
                            end = j + 1;
                            it.next();
                            break;
                        }
                        end = j + 1;
                        it.next();
                    }
                    '-' | '_' => {
                        all_digits = false;
                        end = j + 1;
                        it.next();
                    }
                    '.' | ',' if all_digits => {
                        // 3,5 or 1.5 — but not "12. 01" (space after) which breaks above.
                        let nd = s[j + 1..].chars().next().unwrap();
                        if !nd.is_ascii_digit() {
                            break;
                        }
                        end = j + 1;
                        it.next();
                    }
                    '.' => {
                        // Domains and dotted names: "china.org.cn" (lower-case after the dot).
                        let nd = s[j + 1..].chars().next().unwrap();
                        if nd.is_lowercase() && !s[i..end].chars().all(|c| c.is_uppercase()) {
                            all_digits = false;
                            end = j + 1;
                            it.next();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let kind = if all_digits {
                TokKind::Number
            } else {
                TokKind::Word
            };
            out.push(Token {
                start: base + i,
                end: base + end,
                kind,
                sent: usize::MAX,
            });
            continue;
        }
        // Punctuation: "..." as one token.
        let mut end = i + c.len_utf8();
        if c == '.' && bytes.get(i + 1) == Some(&b'.') && bytes.get(i + 2) == Some(&b'.') {
            it.next();
            it.next();
            end = i + 3;
        }
        out.push(Token {
            start: base + i,
            end: base + end,
            kind: TokKind::Punct,
            sent: usize::MAX,
        });
    }
}

fn is_closer(t: &str) -> bool {
    matches!(t, "»" | "”" | "\"" | ")" | "]" | "'" | "’")
}

fn is_abbreviation(word: &str) -> bool {
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    let mut cs = word.chars();
    // Single letter: an initial ("J. K. Rowling") or "p." — never a sentence end.
    if let (Some(_), None) = (cs.next(), cs.next()) {
        return true;
    }
    let lower = |w: &str| w.chars().flat_map(char::to_lowercase).collect::<String>();
    let l = lower(word);
    l != "me"
        && ABBREVIATIONS
            .iter()
            .any(|a| a.len() > 1 && a.chars().flat_map(char::to_lowercase).eq(l.chars()))
}

/// Segments a normalised text.
pub fn segment(text: &str) -> Segmentation {
    let mut seg = Segmentation::default();
    let mut line_start = 0;
    for line in text.split('\n') {
        let ls = line_start;
        line_start += line.len() + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = ls + (line.len() - line.trim_start().len());
        let end = start + trimmed.len();
        let t0 = seg.tokens.len();
        tokenize_into(trimmed, start, &mut seg.tokens);
        let block_idx = seg.blocks.len();
        seg.blocks.push(Block {
            start,
            end,
            tokens: t0..seg.tokens.len(),
        });
        split_sentences(text, &mut seg, block_idx);
    }
    seg
}

fn split_sentences(text: &str, seg: &mut Segmentation, block_idx: usize) {
    let range = seg.blocks[block_idx].tokens.clone();
    let tok = |k: usize| -> &str { &text[seg.tokens[k].start..seg.tokens[k].end] };
    let mut s0 = range.start;
    let mut k = range.start;
    let mut bounds = Vec::new();
    while k < range.end {
        let t = tok(k);
        let is_term = matches!(t, "." | "!" | "?" | "…" | "...");
        if is_term {
            // Extend over further terminators and closers.
            let mut e = k + 1;
            while e < range.end && (matches!(tok(e), "." | "!" | "?") || is_closer(tok(e))) {
                // A closing straight quote only if directly attached.
                e += 1;
            }
            let next = (e < range.end).then(|| tok(e));
            let ends = match next {
                None => true,
                Some(n) => {
                    let first = n.chars().next().unwrap();
                    let upper_next = first.is_uppercase()
                        || matches!(n, "«" | "“" | "\"" | "—" | "–" | "-" | "(")
                        || first.is_ascii_digit();
                    let mut ok = upper_next;
                    if t == "." && k > range.start {
                        let prev = tok(k - 1);
                        let prev_kind = seg.tokens[k - 1].kind;
                        // No space between the word and the period is required for abbreviations.
                        let attached = seg.tokens[k - 1].end == seg.tokens[k].start;
                        if attached && prev_kind == TokKind::Word && is_abbreviation(prev) {
                            ok = false;
                        }
                        // "12. 01. 2022": number, period, number.
                        if prev_kind == TokKind::Number && first.is_ascii_digit() && prev.len() <= 2
                        {
                            ok = false;
                        }
                    }
                    ok
                }
            };
            if ends {
                bounds.push((s0, e));
                s0 = e;
            }
            k = e;
            continue;
        }
        k += 1;
    }
    if s0 < range.end {
        bounds.push((s0, range.end));
    }
    for (a, b) in bounds {
        let si = seg.sentences.len();
        for t in &mut seg.tokens[a..b] {
            t.sent = si;
        }
        seg.sentences.push(Sentence {
            start: seg.tokens[a].start,
            end: seg.tokens[b - 1].end,
            block: block_idx,
            tokens: a..b,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let seg = segment(s);
        seg.tokens.iter().map(|t| &s[t.start..t.end]).collect()
    }
    fn sents(s: &str) -> Vec<&str> {
        let seg = segment(s);
        seg.sentences.iter().map(|t| &s[t.start..t.end]).collect()
    }

    #[test]
    fn elision_and_hyphens() {
        assert_eq!(
            toks("l'OTSC d'Asie qu'elle aujourd'hui Kassym-Jomart a-t-il COVID-19"),
            vec![
                "l'",
                "OTSC",
                "d'",
                "Asie",
                "qu'",
                "elle",
                "aujourd'hui",
                "Kassym-Jomart",
                "a-t-il",
                "COVID-19"
            ]
        );
    }

    #[test]
    fn domains_numbers_punct() {
        assert_eq!(
            toks("French.china.org.cn | 12. 01. 2022, 3,5 % « oui »..."),
            vec![
                "French.china.org.cn",
                "|",
                "12",
                ".",
                "01",
                ".",
                "2022",
                ",",
                "3,5",
                "%",
                "«",
                "oui",
                "»",
                "..."
            ]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_dates() {
        assert_eq!(
            sents("M. Wang a parlé. Mme Li aussi ! Le 12. 01. 2022 rien. J. K. Rowling écrit."),
            vec![
                "M. Wang a parlé.",
                "Mme Li aussi !",
                "Le 12. 01. 2022 rien.",
                "J. K. Rowling écrit."
            ]
        );
    }

    #[test]
    fn sentence_keeps_closing_quote() {
        assert_eq!(
            sents("Il dit « Assez. » Puis il part. « Non ? » a-t-il demandé."),
            vec![
                "Il dit « Assez. »",
                "Puis il part.",
                "« Non ? » a-t-il demandé."
            ]
        );
    }

    #[test]
    fn blocks_are_lines() {
        let s = "Titre\n\n  Premier paragraphe. Deux. \nFin";
        let seg = segment(s);
        assert_eq!(seg.blocks.len(), 3);
        assert_eq!(
            &s[seg.blocks[1].start..seg.blocks[1].end],
            "Premier paragraphe. Deux."
        );
        assert_eq!(seg.sentences.len(), 4);
    }
}
