//! The document under analysis: original text, normalised text, segmentation and per-token views.
//!
//! All annotation layers work on the *normalised* text in byte offsets ([`NSpan`]); the pipeline
//! converts them to original UTF-8 and UTF-16 offsets once, at the end ([`Doc::span`]).

pub(crate) use crate::lexicon::lower_same_len;
use crate::lexicon::Tokens;
use crate::schema::Span;
use crate::text::normalize::{normalize, Normalized};
use crate::text::offsets::OffsetIndex;
use crate::text::segment::{segment, Segmentation, TokKind, Token};

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
    /// Per token: the [`crate::lexicon::class`] bits of its vocabulary id (looked up once here:
    /// the entity rules scan them pass after pass).
    tok_cls: Vec<u32>,
    /// Per token: a word whose first character is upper case.
    tok_cap: Vec<bool>,
    /// Per sentence: token counts by kind.
    sent_counts: Vec<SentCounts>,
    /// Answers of [`crate::layers::quotes::resolve_role_np`] by (token, limit), for the mention list
    /// whose address and length are in `role_np_for` (pronoun and holder searches look back
    /// over the same sentences again and again).
    pub(crate) role_np_memo: RoleNpMemo,
    /// Answers of the stance layer's `country_of` by canonical name, for the mention list whose
    /// address and length are in its first field (each answer scans the whole list: asked
    /// once per first-person cue, it made the stance layer quadratic on long texts).
    pub(crate) country_memo: CountryMemo,
    /// The quotation-mark tokens, in order: (token, kind), kind 1 opening, 2 closing, 3 straight
    /// (filled on first use by [`Doc::quote_marks`]).
    quote_marks: std::cell::OnceCell<Vec<(u32, u8)>>,
}

/// See [`Doc::country_memo`].
#[derive(Default)]
pub(crate) struct CountryMemo {
    pub(crate) mentions: std::cell::Cell<(usize, usize)>,
    pub(crate) answers: std::cell::RefCell<crate::fxhash::FxHashMap<String, Option<usize>>>,
}

/// See [`Doc::role_np_memo`].
#[derive(Default)]
pub(crate) struct RoleNpMemo {
    pub(crate) mentions: std::cell::Cell<(usize, usize)>,
    pub(crate) answers: std::cell::RefCell<crate::fxhash::FxHashMap<(u32, u32), RoleNp>>,
}

/// A role phrase's person (mention index) and the end token of the phrase, if it names one.
pub(crate) type RoleNp = Option<(u32, u32)>;

/// Token counts of one sentence (`u32`: offsets fit in `u32`, so counts do).
#[derive(Debug, Clone, Copy, Default)]
struct SentCounts {
    words: u32,
    non_punct: u32,
}

/// The class bits of each vocabulary id (apart from [`Doc::new`]'s token pass, which it would
/// slow down inlined).
#[inline(never)]
fn classes_of(lex: &crate::lexicon::Lexicons, ids: &[u32]) -> Vec<u32> {
    ids.iter().map(|&id| lex.class(id)).collect()
}

/// The partition point of `s` for `pred` (true on a prefix, false after), found by doubling
/// steps from the start, then a binary search: O(log k) for a point k, reading only the start.
fn gallop<T>(s: &[T], pred: impl Fn(&T) -> bool) -> usize {
    let mut hi = 1;
    while hi <= s.len() && pred(&s[hi - 1]) {
        hi *= 2;
    }
    // `pred` holds on `s[..hi / 2]`, and fails at `hi - 1` if `hi <= s.len()`.
    let lo = hi / 2;
    lo + s[lo..hi.min(s.len())].partition_point(pred)
}

/// Whether the char at byte `i` of `text` is upper case (ASCII without decoding).
#[inline]
fn starts_upper(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => text[i..].chars().next().is_some_and(char::is_uppercase),
    }
}

/// The cue matchers read a document through [`Tokens`].
impl Tokens for Doc<'_> {
    #[inline]
    fn tok_count(&self) -> usize {
        self.tokens().len()
    }
    #[inline]
    fn tok_lower(&self, i: usize) -> &str {
        Doc::tok_lower(self, i)
    }
    #[inline]
    fn is_word(&self, i: usize) -> bool {
        Doc::is_word(self, i)
    }
    #[inline]
    fn tok_ids(&self) -> &[u32] {
        Doc::tok_ids(self)
    }
    #[inline]
    fn is_capitalized(&self, i: usize) -> bool {
        Doc::is_cap(self, i)
    }
}

impl<'a> Doc<'a> {
    #[inline(never)] // once per document: keeps its cost apart in instruction profiles
    pub fn new(original: &'a str) -> Self {
        let norm = normalize(original);
        let seg = segment(&norm.text);
        let lower = lower_same_len(&norm.text);
        let nb = seg.blocks.len();
        let lex = crate::lexicon::lexicons();
        let vocab = &lex.vocab;
        // One pass over the tokens for all per-token and per-sentence views (the token array is
        // streamed once, not once per view).
        let mut tok_ids = Vec::with_capacity(seg.tokens.len());
        let mut tok_cap = Vec::with_capacity(seg.tokens.len());
        let mut sent_counts = vec![SentCounts::default(); seg.sentences.len()];
        for t in &seg.tokens {
            tok_ids.push(vocab.id(&lower[t.start()..t.end()]));
            tok_cap.push(t.kind == TokKind::Word && starts_upper(&norm.text, t.start()));
            let c = &mut sent_counts[t.sent()];
            c.words += u32::from(t.kind == TokKind::Word);
            c.non_punct += u32::from(t.kind != TokKind::Punct);
        }
        let tok_cls = classes_of(lex, &tok_ids);
        Doc {
            original,
            norm,
            lower,
            seg,
            boilerplate_blocks: vec![false; nb],
            boilerplate: Vec::new(),
            tok_boilerplate: Vec::new(),
            tok_ids,
            tok_cls,
            tok_cap,
            sent_counts,
            role_np_memo: RoleNpMemo::default(),
            country_memo: CountryMemo::default(),
            quote_marks: std::cell::OnceCell::new(),
        }
    }

    /// Number of word tokens ([`TokKind::Word`]) in sentence `si`.
    pub fn sentence_words(&self, si: usize) -> usize {
        self.sent_counts[si].words as usize
    }

    /// Number of word and number tokens (all but punctuation) in sentence `si`.
    pub fn sentence_non_punct(&self, si: usize) -> usize {
        self.sent_counts[si].non_punct as usize
    }

    /// Vocabulary ids of all tokens (see [`crate::lexicon::Vocab`]).
    pub fn tok_ids(&self) -> &[u32] {
        &self.tok_ids
    }

    /// [`crate::lexicon::class`] bits of all tokens (`lexicons().class(tok_ids()[i])`).
    pub fn tok_cls(&self) -> &[u32] {
        &self.tok_cls
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

    /// The quotation-mark tokens, in order: (token, kind), kind 1 for « “ ‹ „, 2 for » ” ›,
    /// 3 for the straight ".
    pub(crate) fn quote_marks(&self) -> &[(u32, u8)] {
        self.quote_marks.get_or_init(|| {
            (0..self.seg.tokens.len())
                .filter_map(|k| {
                    let kind = match self.tok(k) {
                        "«" | "“" | "‹" | "„" => 1,
                        "»" | "”" | "›" => 2,
                        "\"" => 3,
                        _ => return None,
                    };
                    Some((k as u32, kind))
                })
                .collect()
        })
    }

    pub fn tok(&self, i: usize) -> &str {
        let t = &self.seg.tokens[i];
        &self.norm.text[t.start()..t.end()]
    }

    pub fn tok_lower(&self, i: usize) -> &str {
        let t = &self.seg.tokens[i];
        &self.lower[t.start()..t.end()]
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
        let spans = &self.boilerplate;
        let toks = &self.seg.tokens;
        let flags: Vec<bool> = if spans.windows(2).all(|w| w[0].end <= w[1].start) {
            // Sorted and non-overlapping (as `boilerplate::detect` gives them): a token is in a
            // span iff it overlaps it, and the tokens that do are a range, found by galloping
            // forward from the previous span's (token starts and ends both increase; a search
            // over the whole token array per span misses the cache on a long text).
            let mut flags = vec![false; toks.len()];
            let mut from = 0;
            for s in spans {
                let a = from + gallop(&toks[from..], |t| t.end() <= s.start);
                let b = a + gallop(&toks[a..], |t| t.start() < s.end);
                if a < b {
                    flags[a..b].fill(true);
                }
                from = a;
            }
            flags
        } else if self.boilerplate.is_sorted_by_key(|b| b.end) {
            // Tokens come in order: the span that `in_boilerplate` would find by a binary search
            // only moves forward.
            let mut i = 0;
            self.seg
                .tokens
                .iter()
                .map(|t| {
                    let s = NSpan::new(t.start(), t.end());
                    while i < self.boilerplate.len() && self.boilerplate[i].end <= s.start {
                        i += 1;
                    }
                    self.boilerplate.get(i).is_some_and(|b| b.overlaps(&s))
                })
                .collect()
        } else {
            self.seg
                .tokens
                .iter()
                .map(|t| self.in_boilerplate(NSpan::new(t.start(), t.end())))
                .collect()
        };
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
        let a = self.seg.tokens.partition_point(|t| t.start() < s.start);
        let b = self.seg.tokens.partition_point(|t| t.end() <= s.end);
        a..b.max(a)
    }

    /// Index of the token starting exactly at `pos`, if any.
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.seg.tokens.partition_point(|t| t.start() < pos);
        (i < self.seg.tokens.len() && self.seg.tokens[i].start() == pos).then_some(i)
    }

    /// Span of tokens `a..b` (b exclusive, b > a).
    pub fn tspan(&self, a: usize, b: usize) -> NSpan {
        NSpan::new(self.seg.tokens[a].start(), self.seg.tokens[b - 1].end())
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
        let (start16, end16) = self.index.utf16_pair(start, end);
        Span {
            start,
            end,
            start16,
            end16,
        }
    }
    pub fn chars(&self, byte: usize) -> usize {
        self.index.chars(byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The char-by-char lower-casing this module did before the ASCII fast path.
    fn reference_lower(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(lc), None) if lc.len_utf8() == c.len_utf8() => out.push(lc),
                _ => out.push(c),
            }
        }
        out
    }

    #[test]
    fn lower_same_len_of_every_char() {
        let all: String = (0..=0x10FFFF).filter_map(char::from_u32).collect();
        assert_eq!(lower_same_len(&all), reference_lower(&all));
    }

    #[test]
    fn lower_same_len_at_every_alignment() {
        for pad in 0..10 {
            let s = format!("{}ÉTÉ À PARIS İ KELVIN \u{212A} ẞ Ω", "X".repeat(pad));
            assert_eq!(lower_same_len(&s), reference_lower(&s));
            assert_eq!(crate::lexicon::fold::next_non_ascii(s.as_bytes(), 0), pad);
        }
        assert_eq!(lower_same_len(""), "");
        assert_eq!(lower_same_len("ABC"), "abc");
    }

    #[test]
    fn token_boilerplate_flags_as_in_boilerplate() {
        let text = "Accueil | Monde\nLe président a parlé. Partager sur Facebook\nFin.";
        let spans = [
            vec![NSpan::new(0, 15), NSpan::new(38, 58)],
            vec![NSpan::new(3, 4), NSpan::new(20, 21), NSpan::new(60, 62)],
            vec![NSpan::new(20, 30), NSpan::new(0, 5)], // not sorted: the binary search's answer
            vec![NSpan::new(0, 10), NSpan::new(10, 16), NSpan::new(17, 17)], // touching, empty
            vec![NSpan::new(2, 2), NSpan::new(30, 30), NSpan::new(64, 64)], // empty, in tokens
            vec![NSpan::new(0, 40), NSpan::new(10, 20)], // overlapping
            vec![],
        ];
        for sp in spans {
            let mut d = Doc::new(text);
            d.set_boilerplate(sp, vec![false; d.seg.blocks.len()]);
            for (i, t) in d.tokens().iter().enumerate() {
                let s = NSpan::new(t.start(), t.end());
                assert_eq!(d.tok_in_boilerplate(i), d.in_boilerplate(s), "{i}");
            }
        }
    }

    #[test]
    fn gallop_as_partition_point() {
        for n in 0..70 {
            let v: Vec<usize> = (0..n).collect();
            for k in 0..=n {
                assert_eq!(gallop(&v, |&x| x < k), k, "{n} {k}");
            }
        }
    }

    #[test]
    fn starts_upper_as_char_is_uppercase() {
        for w in ["A", "a", "É", "é", "1", "", "«", "Ω", "ǅx"] {
            assert_eq!(
                starts_upper(w, 0),
                w.chars().next().is_some_and(char::is_uppercase),
                "{w}"
            );
        }
    }
}
