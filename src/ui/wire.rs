//! The engine → page hop in a compact binary form: the analysis (cut into [`parts`]) and a
//! comparison cross from the worker as bytes that the page reads with the small decoder below,
//! not with serde's derived JSON deserialisers (issue 14: those were ≈ 130 KB of the page
//! program). JSON stays the format of everything a person or a host sees (exports, the embed
//! API, the CLI); this is only the two programs' private wire.
//!
//! Format: unsigned integers as LEB128, strings and vectors as a length then the items,
//! `Option` as a byte 0/1 then the value, enums as their index in the lists below, struct
//! fields in declaration order. Decoding is total: truncated or invalid input gives `None`
//! ([`decode`]), never a panic. Every struct is listed with all its fields (an exhaustive
//! destructuring), so a field added to the schema fails to compile here until it is added to
//! the wire too.
//!
//! [`parts`]: super::parts

use super::parts::{Head, Part};
use crate::compare::*;
use crate::schema::*;
use std::borrow::Cow;

/// A value that crosses the wire.
pub trait Wire: Sized {
    fn put(&self, w: &mut Vec<u8>);
    fn get(r: &mut Reader) -> Self;
}

/// Reads a wire buffer. Reading past the end or an invalid value sets `bad` and gives a default.
pub struct Reader<'a> {
    b: &'a [u8],
    i: usize,
    bad: bool,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> u8 {
        match self.b.get(self.i) {
            Some(&x) => {
                self.i += 1;
                x
            }
            None => {
                self.bad = true;
                0
            }
        }
    }

    fn uint(&mut self) -> u64 {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let x = self.byte();
            if shift > 63 {
                self.bad = true;
                return 0;
            }
            v |= u64::from(x & 0x7f) << shift;
            if x & 0x80 == 0 {
                return v;
            }
            shift += 7;
        }
    }

    /// A length that cannot exceed what is left (every item takes at least one byte).
    fn len(&mut self) -> usize {
        let n = self.uint();
        let left = self.b.len() - self.i;
        if n > left as u64 {
            self.bad = true;
            return 0;
        }
        n as usize
    }

    fn bytes(&mut self) -> &'a [u8] {
        let n = self.len();
        let s = &self.b[self.i..self.i + n];
        self.i += n;
        s
    }
}

fn put_uint(w: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        w.push(v as u8 | 0x80);
        v >>= 7;
    }
    w.push(v as u8);
}

/// `x` as wire bytes.
pub fn encode<T: Wire>(x: &T) -> Vec<u8> {
    let mut w = Vec::new();
    x.put(&mut w);
    w
}

/// Reads a whole buffer; `None` when it is truncated, invalid or has bytes left over.
pub fn decode<T: Wire>(b: &[u8]) -> Option<T> {
    let mut r = Reader {
        b,
        i: 0,
        bad: false,
    };
    let x = T::get(&mut r);
    (!r.bad && r.i == b.len()).then_some(x)
}

/// Several wire documents in one buffer: their count and ends (each `u32`, little-endian), then
/// the documents. What `analyze_parts` returns: the head, then each part.
pub fn frame(docs: &[Vec<u8>]) -> Vec<u8> {
    let head = 4 * (docs.len() + 1);
    let mut out = Vec::with_capacity(head + docs.iter().map(Vec::len).sum::<usize>());
    out.extend_from_slice(&(docs.len() as u32).to_le_bytes());
    let mut end = head;
    for d in docs {
        end += d.len();
        out.extend_from_slice(&(end as u32).to_le_bytes());
    }
    for d in docs {
        out.extend_from_slice(d);
    }
    out
}

/// The length of a frame's header given its first 4 bytes (the count).
pub fn frame_header_len(first4: &[u8]) -> Option<usize> {
    let n = u32::from_le_bytes(first4.try_into().ok()?) as usize;
    n.checked_add(1)?.checked_mul(4)
}

/// The `[lo, hi)` ranges of a frame's documents, from its header ([`frame_header_len`] bytes)
/// and the whole frame's length.
pub fn frame_ranges(header: &[u8], total: usize) -> Option<Vec<(usize, usize)>> {
    let n = frame_header_len(header.get(..4)?)?;
    if header.len() != n || n > total {
        return None;
    }
    let mut lo = n;
    let mut out = Vec::new();
    for c in header[4..].chunks_exact(4) {
        let hi = u32::from_le_bytes(c.try_into().ok()?) as usize;
        if hi < lo || hi > total {
            return None;
        }
        out.push((lo, hi));
        lo = hi;
    }
    Some(out)
}

impl Wire for usize {
    fn put(&self, w: &mut Vec<u8>) {
        put_uint(w, *self as u64);
    }
    fn get(r: &mut Reader) -> Self {
        let v = r.uint();
        usize::try_from(v).unwrap_or_else(|_| {
            r.bad = true;
            0
        })
    }
}

impl Wire for bool {
    fn put(&self, w: &mut Vec<u8>) {
        w.push(*self as u8);
    }
    fn get(r: &mut Reader) -> Self {
        match r.byte() {
            0 => false,
            1 => true,
            _ => {
                r.bad = true;
                false
            }
        }
    }
}

impl Wire for String {
    fn put(&self, w: &mut Vec<u8>) {
        put_uint(w, self.len() as u64);
        w.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader) -> Self {
        match std::str::from_utf8(r.bytes()) {
            Ok(s) => s.to_string(),
            Err(_) => {
                r.bad = true;
                String::new()
            }
        }
    }
}

impl Wire for Cow<'static, str> {
    fn put(&self, w: &mut Vec<u8>) {
        put_uint(w, self.len() as u64);
        w.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader) -> Self {
        Cow::Owned(String::get(r))
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut Vec<u8>) {
        match self {
            None => w.push(0),
            Some(x) => {
                w.push(1);
                x.put(w);
            }
        }
    }
    fn get(r: &mut Reader) -> Self {
        match r.byte() {
            0 => None,
            1 => Some(T::get(r)),
            _ => {
                r.bad = true;
                None
            }
        }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, w: &mut Vec<u8>) {
        put_uint(w, self.len() as u64);
        for x in self {
            x.put(w);
        }
    }
    fn get(r: &mut Reader) -> Self {
        let n = r.len();
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            if r.bad {
                break;
            }
            v.push(T::get(r));
        }
        v
    }
}

impl<const N: usize> Wire for [usize; N] {
    fn put(&self, w: &mut Vec<u8>) {
        for x in self {
            x.put(w);
        }
    }
    fn get(r: &mut Reader) -> Self {
        std::array::from_fn(|_| usize::get(r))
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, w: &mut Vec<u8>) {
        self.0.put(w);
        self.1.put(w);
    }
    fn get(r: &mut Reader) -> Self {
        let a = A::get(r);
        (a, B::get(r))
    }
}

/// Structs: every field, in declaration order (the destructuring is exhaustive).
macro_rules! structs {
    ($($t:ident { $($f:ident),* $(,)? })*) => {$(
        impl Wire for $t {
            fn put(&self, w: &mut Vec<u8>) {
                let $t { $($f),* } = self;
                $($f.put(w);)*
            }
            fn get(r: &mut Reader) -> Self {
                $t { $($f: Wire::get(r)),* }
            }
        }
    )*};
}

/// Fieldless enums: the index of the variant in the list (the match is exhaustive).
macro_rules! enums {
    ($($t:ident [$($v:ident),* $(,)?])*) => {$(
        impl Wire for $t {
            fn put(&self, w: &mut Vec<u8>) {
                // Exhaustive: a new variant fails to compile until it is listed.
                match *self { $($t::$v => {})* }
                const ALL: &[$t] = &[$($t::$v),*];
                w.push(ALL.iter().position(|x| x == self).unwrap_or(0) as u8);
            }
            fn get(r: &mut Reader) -> Self {
                const ALL: &[$t] = &[$($t::$v),*];
                match ALL.get(r.byte() as usize) {
                    Some(x) => *x,
                    None => {
                        r.bad = true;
                        ALL[0]
                    }
                }
            }
        }
    )*};
}

enums! {
    Confidence [Sure, Likely, Guess]
    EntityType [PER, ORG, LOC, MISC]
    BlockKind [Title, Dateline, Paragraph, Caption, Boilerplate]
    Polarity [Support, Oppose, Accuse, Commit, Concern, Praise]
}

structs! {
    Span { start, end, start16, end16 }
    Rule { id, detail, confidence }
    Block { span, kind, rule }
    BoilerplateSpan { span, rule }
    Sentence { span, block }
    Mention { span, text, etype, entity, rule }
    Entity { canonical, etype, acronym, role, mentions, source, confidence }
    DateMention { span, text, iso, rule }
    Quote { span, text, speaker, speaker_text, rule }
    Stance { span, text, polarity, holders, holder_text, target, rule }
    FrameMention { span, text, frame, rule }
    Publisher { name, state_affiliated, country, rule }
    CardPerson { name, role, entity, mentions, confidence }
    CardOrg { name, acronym, entity, mentions, confidence }
    CardPlace { name, entity, mentions, confidence }
    StanceCell { holder, polarity, target, count, stances, confidence }
    CardQuote { text, speaker, quote, confidence }
    FrameCount { frame, count }
    SummarySentence { text, sentence }
    Card { title, publisher, date, people, organizations, places, stance_matrix, quotes, frames,
           summary, words, reading_minutes }
    Stats { bytes, utf16, chars, blocks, sentences, tokens, normalized_chars, language }
    Analysis { schema, generator, stats, blocks, boilerplate, sentences, mentions, entities,
               dates, quotes, stances, frames, card, truncated }
    Truncation { analysed, total_bytes, total_utf16 }
    Head { analysis, counts, parts, text_end }
    Part { lo, hi, blocks, boilerplate, sentences, mentions, dates, quotes, stances, frames }
    Comparison { schema, generator, articles, actors, stances, frames, frames_max, quotes, dates }
    ArticleInfo { id, title, publisher, date, words }
    Actor { name, etype, in_articles, only_in }
    ActorIn { entity, name, role, mentions, first, confidence }
    StanceRow { holder, target, in_articles, differs, only_in }
    StanceIn { polarity, stances, first, confidence }
    FrameRow { frame, counts }
    QuoteRow { speaker, in_articles, differs }
    QuoteIn { quote, text, span }
    ArticleDates { published, mentioned }
    DateIn { text, iso, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ui::json::every_field::FIXTURES;

    #[test]
    fn analyses_and_parts_round_trip() {
        for text in FIXTURES {
            let a = crate::analyze(text);
            assert_eq!(decode::<Analysis>(&encode(&a)).as_ref(), Some(&a));
            let (head, parts) = super::super::parts::split(a.clone(), text.len(), 200);
            assert!(parts.len() > 1);
            let docs: Vec<Vec<u8>> = std::iter::once(encode(&head))
                .chain(parts.iter().map(encode))
                .collect();
            let f = frame(&docs);
            let hl = frame_header_len(&f[..4]).unwrap();
            let ranges = frame_ranges(&f[..hl], f.len()).unwrap();
            assert_eq!(ranges.len(), parts.len() + 1);
            let mut back = decode::<Head>(&f[ranges[0].0..ranges[0].1]).unwrap();
            assert_eq!(back, head);
            for &(lo, hi) in &ranges[1..] {
                super::super::parts::merge(&mut back.analysis, decode::<Part>(&f[lo..hi]).unwrap());
            }
            assert_eq!(back.analysis, a);
        }
        // Truncated analyses keep their truncation.
        let a = crate::analyze_limited(FIXTURES[0], 800);
        assert!(a.truncated.is_some());
        assert_eq!(decode::<Analysis>(&encode(&a)), Some(a));
    }

    #[test]
    fn comparisons_round_trip() {
        let a = crate::analyze(FIXTURES[2]);
        let b = crate::analyze(FIXTURES[3]);
        let c = crate::compare::compare(&[("a".to_string(), &a), ("b".to_string(), &b)]).unwrap();
        let x = (c.clone(), c.to_json_pretty());
        assert_eq!(decode::<(Comparison, String)>(&encode(&x)), Some(x));
    }

    #[test]
    fn bad_input_is_refused_without_panic() {
        let a = crate::analyze(FIXTURES[1]);
        let bytes = encode(&a);
        // Every truncation, and trailing bytes, are refused.
        for n in (0..bytes.len()).step_by(97) {
            assert!(decode::<Analysis>(&bytes[..n]).is_none(), "prefix {n}");
        }
        let mut long = bytes.clone();
        long.push(0);
        assert!(decode::<Analysis>(&long).is_none());
        // Garbage: a huge length, a bad enum, invalid UTF-8.
        assert!(decode::<Vec<String>>(&[0xff, 0xff, 0xff, 0xff, 0x0f]).is_none());
        assert!(decode::<Confidence>(&[7]).is_none());
        assert!(decode::<String>(&[2, 0xc3, 0x28]).is_none());
        assert!(decode::<usize>(&[0xff; 12]).is_none());
        assert!(frame_ranges(&[2, 0, 0, 0, 12, 0, 0, 0, 11, 0, 0, 0], 20).is_none());
        assert!(frame_ranges(&[1, 0, 0, 0, 30, 0, 0, 0], 20).is_none());
    }
}
