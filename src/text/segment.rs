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

/// A token: byte range in the normalised text, kind, and the index of its sentence.
///
/// Offsets and the sentence index are stored as `u32` (16 bytes a token instead of 32: every
/// stage streams the token array, so its size is memory traffic on large documents). This limits
/// a document to [`MAX_TEXT_BYTES`]; [`crate::analyze`] cuts longer inputs and [`segment`]
/// refuses them. The accessors return `usize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokKind,
    /// Index of the sentence holding the token (`u32::MAX` until the sentence split).
    sent: u32,
}

/// The longest text [`segment`] accepts: token offsets are `u32`.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// `len <= MAX_TEXT_BYTES` (always true where `usize` is 32 bits).
#[inline]
pub(crate) fn within_max(len: usize) -> bool {
    u32::try_from(len).is_ok()
}

impl Token {
    /// A token of `text[start..end]`, not yet in a sentence. Offsets must be at most
    /// [`MAX_TEXT_BYTES`] (checked by [`segment`] on the whole text).
    #[inline]
    fn new(start: usize, end: usize, kind: TokKind) -> Token {
        debug_assert!(start <= end && within_max(end));
        Token {
            start: start as u32,
            end: end as u32,
            kind,
            sent: u32::MAX,
        }
    }
    /// Byte offset of the first byte in the normalised text.
    #[inline]
    pub fn start(&self) -> usize {
        self.start as usize
    }
    /// Byte offset just past the last byte in the normalised text.
    #[inline]
    pub fn end(&self) -> usize {
        self.end as usize
    }
    /// Index of the sentence holding the token.
    #[inline]
    pub fn sent(&self) -> usize {
        self.sent as usize
    }
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

/// Letters, digits and combining marks: what words and numbers are made of.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Latin-1 Supplement and Latin Extended-A/B letters: the accented letters of French and of
    // most names in the news, without a Unicode table look-up (checked exhaustively by a test).
    if ('\u{C0}'..='\u{24F}').contains(&c) {
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Per byte value: an ASCII letter or digit.
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The char starting at byte `i` of `s` (a char boundary before `s.len()`), and its length.
#[inline]
fn char_at(s: &str, i: usize) -> (char, usize) {
    let b = s.as_bytes()[i];
    if b.is_ascii() {
        return (b as char, 1);
    }
    let c = s[i..].chars().next().unwrap();
    (c, c.len_utf8())
}

/// End of the word or number that starts at `i` with the word char `c`, and whether it is made
/// of ASCII digits only (a number).
///
/// A word char continues the token; a connector continues it only when a word char follows:
/// `'` (but an elided form before it ends the token, the apostrophe included), `-` and `_`,
/// `.` or `,` between digits (`3,5`), and `.` before a lower-case letter unless the token so
/// far is all upper case (`china.org.cn`, not `OTAN.le`).
fn scan_word(s: &str, i: usize, c: char) -> (usize, bool) {
    let bytes = s.as_bytes();
    let mut end = i + c.len_utf8();
    let mut all_digits = c.is_ascii_digit();
    while end < bytes.len() {
        // A run of ASCII letters and digits: the bulk of every token.
        let run = end;
        while end < bytes.len() && ASCII_ALNUM[bytes[end] as usize] {
            end += 1;
        }
        if all_digits {
            all_digits = bytes[run..end].iter().all(u8::is_ascii_digit);
        }
        if end == bytes.len() {
            break;
        }
        let (d, dlen) = char_at(s, end);
        if is_word_char(d) {
            all_digits = false; // not ASCII, hence not an ASCII digit
            end += dlen;
            continue;
        }
        if !matches!(d, '\'' | '-' | '_' | '.' | ',') {
            break;
        }
        // A connector (one byte): it stays inside the token only before a word char.
        let j = end;
        let Some(nd) = s[j + 1..].chars().next().filter(|&nd| is_word_char(nd)) else {
            break;
        };
        match d {
            '\'' => {
                let w = &s[i..j];
                end = j + 1;
                if w.len() <= 8 && ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(w)) {
                    // Split: "l'" is its own token.
                    break;
                }
            }
            '-' | '_' => {
                all_digits = false;
                end = j + 1;
            }
            '.' | ',' if all_digits => {
                // 3,5 or 1.5 — but not "12. 01" (space after) which breaks above.
                if !nd.is_ascii_digit() {
                    break;
                }
                end = j + 1;
            }
            '.' => {
                // Domains and dotted names: "china.org.cn" (lower-case after the dot).
                if nd.is_lowercase() && !s[i..j].chars().all(|c| c.is_uppercase()) {
                    all_digits = false;
                    end = j + 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    (end, all_digits)
}

/// Tokenises `text` (a block of the text starting at byte `base`), pushing tokens with
/// `sent = u32::MAX` (filled by the sentence split).
fn tokenize_into(text: &str, base: usize, out: &mut Vec<Token>) {
    let s = text;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        let (c, clen) = char_at(s, i);
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        let (end, kind) = if is_word_char(c) {
            let (end, all_digits) = scan_word(s, i, c);
            let kind = if all_digits {
                TokKind::Number
            } else {
                TokKind::Word
            };
            (end, kind)
        } else if c == '.' && bytes.get(i + 1) == Some(&b'.') && bytes.get(i + 2) == Some(&b'.') {
            // Punctuation: "..." as one token.
            (i + 3, TokKind::Punct)
        } else {
            (i + clen, TokKind::Punct)
        };
        out.push(Token::new(base + i, base + end, kind));
        i = end;
    }
}

fn is_closer(t: &str) -> bool {
    matches!(t, "»" | "”" | "\"" | ")" | "]" | "'" | "’")
}

/// Bytes of the longest abbreviation.
const MAX_ABBREVIATION_LEN: usize = {
    let (mut max, mut i) = (0, 0);
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > max {
            max = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    max
};

fn is_abbreviation(word: &str) -> bool {
    let mut cs = word.chars();
    // Single letter: an initial ("J. K. Rowling") or "p." — never a sentence end.
    if let (Some(_), None) = (cs.next(), cs.next()) {
        return true;
    }
    // More chars than any abbreviation has bytes: no match, even lower-cased (a char never
    // lower-cases to fewer chars, and the abbreviations keep their number of chars).
    if word.len() > MAX_ABBREVIATION_LEN
        && (word.is_ascii() || word.chars().nth(MAX_ABBREVIATION_LEN).is_some())
    {
        return false;
    }
    if word.is_ascii() {
        // The same tests in one pass, without allocation: an ASCII word lower-cases to ASCII,
        // which only the lower case of an ASCII abbreviation of its length can equal
        // (`eq_ignore_ascii_case` is false for the others).
        let lower_ok = !word.eq_ignore_ascii_case("me");
        return ABBREVIATIONS.iter().any(|a| {
            a.len() == word.len() && (*a == word || (lower_ok && a.eq_ignore_ascii_case(word)))
        });
    }
    if ABBREVIATIONS.contains(&word) {
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
///
/// # Panics
///
/// When `text` is longer than [`MAX_TEXT_BYTES`] (token offsets would not fit; [`crate::analyze`]
/// cuts such texts before).
pub fn segment(text: &str) -> Segmentation {
    assert!(
        within_max(text.len()),
        "segment: text of {} bytes is longer than MAX_TEXT_BYTES",
        text.len()
    );
    let mut seg = Segmentation::default();
    // About one token per 4.5 to 6 bytes in news text: no doubling (and no copy of the array)
    // usually; pages reserved but never written cost no memory.
    seg.tokens.reserve(text.len() / 4);
    // Sentence bounds of the current block (token indices), reused from block to block.
    let mut bounds = Vec::new();
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
        split_sentences(text, &mut seg, block_idx, &mut bounds);
    }
    seg
}

/// Splits block `block_idx` into sentences (`bounds` is scratch space).
fn split_sentences(
    text: &str,
    seg: &mut Segmentation,
    block_idx: usize,
    bounds: &mut Vec<(usize, usize)>,
) {
    let range = seg.blocks[block_idx].tokens.clone();
    let tok = |k: usize| -> &str { &text[seg.tokens[k].start()..seg.tokens[k].end()] };
    let mut s0 = range.start;
    let mut k = range.start;
    bounds.clear();
    while k < range.end {
        // Terminators are punctuation tokens: words and numbers go by without a look at their text.
        let t = if seg.tokens[k].kind == TokKind::Punct {
            tok(k)
        } else {
            ""
        };
        if matches!(t, "." | "!" | "?" | "…" | "...") {
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
    for &(a, b) in bounds.iter() {
        let si = seg.sentences.len();
        // `segment` checked the text length, and there are fewer sentences than bytes.
        let si32 = si as u32;
        for t in &mut seg.tokens[a..b] {
            t.sent = si32;
        }
        seg.sentences.push(Sentence {
            start: seg.tokens[a].start(),
            end: seg.tokens[b - 1].end(),
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
        seg.tokens.iter().map(|t| &s[t.start()..t.end()]).collect()
    }
    fn sents(s: &str) -> Vec<&str> {
        let seg = segment(s);
        seg.sentences.iter().map(|t| &s[t.start..t.end]).collect()
    }

    fn reference_is_word_char(c: char) -> bool {
        c.is_alphanumeric() || ('\u{0300}'..='\u{036F}').contains(&c)
    }

    /// The char-by-char tokeniser this module had before the ASCII fast paths.
    fn reference_tokenize(text: &str, base: usize, out: &mut Vec<Token>) {
        let s = text;
        let bytes = s.as_bytes();
        let mut it = s.char_indices().peekable();
        while let Some((i, c)) = it.next() {
            if c.is_whitespace() {
                continue;
            }
            if reference_is_word_char(c) {
                let mut end = i + c.len_utf8();
                let mut all_digits = c.is_ascii_digit();
                while let Some(&(j, d)) = it.peek() {
                    if reference_is_word_char(d) {
                        all_digits &= d.is_ascii_digit();
                        end = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                    // Connectors that stay inside a token when followed by a word char.
                    let next_is_word = s[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(reference_is_word_char);
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
                out.push(Token::new(base + i, base + end, kind));
                continue;
            }
            // Punctuation: "..." as one token.
            let mut end = i + c.len_utf8();
            if c == '.' && bytes.get(i + 1) == Some(&b'.') && bytes.get(i + 2) == Some(&b'.') {
                it.next();
                it.next();
                end = i + 3;
            }
            out.push(Token::new(base + i, base + end, TokKind::Punct));
        }
    }

    #[test]
    fn word_chars_are_alphanumerics_and_combining_marks() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), reference_is_word_char(c), "{c:?}");
        }
    }

    #[test]
    fn same_tokens_as_char_by_char() {
        let pieces = [
            "a", "Z", "é", "É", "7", "l", "qu", "OTAN", " ", "'", "-", "_", ".", ",", "…", "«",
            "»", "\u{301}", "😀", "\u{a0}", "ß", "×", "Ω", "٣", "\t",
        ];
        let mut inputs: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in ["", "'", ".", "x", "1"] {
                        inputs.push(format!("{a}{b}{d}{c}"));
                    }
                }
            }
        }
        inputs.push(pieces.concat().repeat(10));
        inputs.push("Lorsqu'il l'a dit... 3,5 % à french.china.org.cn, l'OTAN.fr, 12.5.a".into());
        for input in &inputs {
            let (mut got, mut expected) = (Vec::new(), Vec::new());
            tokenize_into(input, 3, &mut got);
            reference_tokenize(input, 3, &mut expected);
            assert_eq!(got, expected, "{input:?}");
        }
    }

    fn reference_is_abbreviation(word: &str) -> bool {
        if ABBREVIATIONS.contains(&word) {
            return true;
        }
        let mut cs = word.chars();
        if let (Some(_), None) = (cs.next(), cs.next()) {
            return true;
        }
        let l = word
            .chars()
            .flat_map(char::to_lowercase)
            .collect::<String>();
        l != "me"
            && ABBREVIATIONS
                .iter()
                .any(|a| a.len() > 1 && a.chars().flat_map(char::to_lowercase).eq(l.chars()))
    }

    #[test]
    fn abbreviations_same_as_lower_casing_everything() {
        // The ASCII fast path relies on this.
        for a in ABBREVIATIONS {
            assert_eq!(a.is_ascii(), a.to_lowercase().is_ascii(), "{a}");
            assert_eq!(a.chars().count(), a.to_lowercase().chars().count(), "{a}");
        }
        let mut words: Vec<String> = vec!["me".into(), "Me".into(), "ME".into(), "mE".into()];
        for a in ABBREVIATIONS {
            words.extend([
                a.to_string(),
                a.to_lowercase(),
                a.to_uppercase(),
                format!("{a}x"),
                a.chars().skip(1).collect(),
            ]);
        }
        words.extend(
            [
                "a",
                "É",
                "İ",
                "\u{212A}m",
                "parlé",
                "Li",
                "aussi",
                "ÉD",
                "TÉL",
                "NO",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(is_abbreviation(w), reference_is_abbreviation(w), "{w:?}");
        }
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

    #[test]
    fn tokens_are_16_bytes() {
        assert_eq!(std::mem::size_of::<Token>(), 16);
    }

    /// Longer texts are refused (offsets are `u32`); `vec![0; n]` maps zero pages lazily, so this
    /// costs a read of 4 GiB, not 4 GiB of memory.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn texts_above_max_text_bytes_are_refused() {
        let bytes = vec![0u8; MAX_TEXT_BYTES + 1];
        let text = std::str::from_utf8(&bytes).unwrap();
        let r = std::panic::catch_unwind(|| segment(text));
        assert!(r.is_err());
    }
}
