//! The document under analysis: original text, normalised text, segmentation and per-token views.
//!
//! All annotation layers work on the *normalised* text in byte offsets ([`NSpan`]); the pipeline
//! converts them to original UTF-8 and UTF-16 offsets once, at the end ([`Doc::span`]).

use crate::normalize::{normalize, Normalized};
use crate::offsets::OffsetIndex;
use crate::schema::Span;
use crate::segment::{segment, Segmentation, TokKind, Token};

/// A span of the normalised text, in bytes, half-open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct NSpan {
    pub start: usize,
    pub end: usize,
}

impl NSpan {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        NSpan { start, end }
    }
    pub fn overlaps(&self, o: &NSpan) -> bool {
        self.start < o.end && o.start < self.end
    }
    pub fn contains(&self, o: &NSpan) -> bool {
        self.start <= o.start && o.end <= self.end
    }
}

pub struct Doc<'a> {
    pub original: &'a str,
    pub norm: Normalized,
    /// Lower-cased normalised text, with the same byte offsets (characters whose lower case has
    /// another UTF-8 length are kept as they are).
    pub lower: String,
    pub seg: Segmentation,
    /// Per block: true when the block was set aside as page chrome.
    pub boilerplate_blocks: Vec<bool>,
    /// Boilerplate spans (whole blocks or parts of blocks), sorted.
    pub boilerplate: Vec<NSpan>,
    /// Per token: inside a boilerplate span (filled by [`Doc::set_boilerplate`]).
    tok_boilerplate: Vec<bool>,
    /// Per token: id of its lower-cased form in the lexicons' [`crate::lexicon::Vocab`].
    tok_ids: Vec<u32>,
    /// Per token: a word whose first character is upper case.
    tok_cap: Vec<bool>,
}

/// Lower case with the same byte length (characters whose lower case has another UTF-8 length
/// are kept as they are), so that offsets are shared with the original.
pub fn lower_same_len(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        let mut l = c.to_lowercase();
        match (l.next(), l.next()) {
            (Some(lc), None) if lc.len_utf8() == c.len_utf8() => out.push(lc),
            _ => out.push(c),
        }
    }
    out
}

impl<'a> Doc<'a> {
    pub fn new(original: &'a str) -> Self {
        let norm = normalize(original);
        let seg = segment(&norm.text);
        let lower = lower_same_len(&norm.text);
        let nb = seg.blocks.len();
        let vocab = &crate::lexicon::lexicons().vocab;
        let tok_ids = seg
            .tokens
            .iter()
            .map(|t| vocab.id(&lower[t.start..t.end]))
            .collect();
        let tok_cap = seg
            .tokens
            .iter()
            .map(|t| {
                t.kind == TokKind::Word
                    && norm.text[t.start..]
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
            .collect();
        Doc {
            original,
            norm,
            lower,
            seg,
            boilerplate_blocks: vec![false; nb],
            boilerplate: Vec::new(),
            tok_boilerplate: Vec::new(),
            tok_ids,
            tok_cap,
        }
    }

    /// Vocabulary ids of all tokens (see [`crate::lexicon::Vocab`]).
    pub fn tok_ids(&self) -> &[u32] {
        &self.tok_ids
    }

    pub fn text(&self) -> &str {
        &self.norm.text
    }

    pub fn slice(&self, s: NSpan) -> &str {
        &self.norm.text[s.start..s.end]
    }

    /// The original text of a normalised span.
    pub fn original_slice(&self, s: NSpan) -> &'a str {
        &self.original[self.norm.to_original(s.start)..self.norm.to_original(s.end)]
    }

    pub fn tokens(&self) -> &[Token] {
        &self.seg.tokens
    }

    pub fn tok(&self, i: usize) -> &str {
        let t = &self.seg.tokens[i];
        &self.norm.text[t.start..t.end]
    }

    pub fn tok_lower(&self, i: usize) -> &str {
        let t = &self.seg.tokens[i];
        &self.lower[t.start..t.end]
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokKind::Word
    }

    /// First character is upper case (and the token is a word).
    pub fn is_cap(&self, i: usize) -> bool {
        self.tok_cap[i]
    }

    /// Records the boilerplate spans (sorted, non-overlapping) and the blocks wholly set aside.
    pub fn set_boilerplate(&mut self, spans: Vec<NSpan>, blocks: Vec<bool>) {
        self.boilerplate = spans;
        self.boilerplate_blocks = blocks;
        let flags: Vec<bool> = self
            .seg
            .tokens
            .iter()
            .map(|t| self.in_boilerplate(NSpan::new(t.start, t.end)))
            .collect();
        self.tok_boilerplate = flags;
    }

    /// Token is in a block set aside as boilerplate, or inside a boilerplate span.
    pub fn tok_in_boilerplate(&self, i: usize) -> bool {
        self.tok_boilerplate.get(i).copied().unwrap_or(false)
    }

    pub fn in_boilerplate(&self, s: NSpan) -> bool {
        let i = self.boilerplate.partition_point(|b| b.end <= s.start);
        self.boilerplate.get(i).is_some_and(|b| b.overlaps(&s))
    }

    /// Token index range covering a span (tokens fully inside it).
    pub fn tokens_in(&self, s: NSpan) -> std::ops::Range<usize> {
        let a = self.seg.tokens.partition_point(|t| t.start < s.start);
        let b = self.seg.tokens.partition_point(|t| t.end <= s.end);
        a..b.max(a)
    }

    /// Index of the token starting exactly at `pos`, if any.
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.seg.tokens.partition_point(|t| t.start < pos);
        (i < self.seg.tokens.len() && self.seg.tokens[i].start == pos).then_some(i)
    }

    /// Span of tokens `a..b` (b exclusive, b > a).
    pub fn tspan(&self, a: usize, b: usize) -> NSpan {
        NSpan::new(self.seg.tokens[a].start, self.seg.tokens[b - 1].end)
    }
}

/// Converts normalised spans to schema spans over the original text.
pub struct SpanMapper<'d, 'a> {
    doc: &'d Doc<'a>,
    index: OffsetIndex<'a>,
}

impl<'d, 'a> SpanMapper<'d, 'a> {
    pub fn new(doc: &'d Doc<'a>) -> Self {
        SpanMapper {
            doc,
            index: OffsetIndex::new(doc.original),
        }
    }
    pub fn span(&self, s: NSpan) -> Span {
        let start = self.doc.norm.to_original(s.start);
        let end = self.doc.norm.to_original(s.end).max(start);
        Span {
            start,
            end,
            start16: self.index.utf16(start),
            end16: self.index.utf16(end),
        }
    }
    pub fn chars(&self, byte: usize) -> usize {
        self.index.chars(byte)
    }
}
