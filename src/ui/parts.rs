//! An [`Analysis`] cut into a *head* (everything but the span layers: stats, entities, card,
//! truncation) and *parts* (the span layers of consecutive slices of the text), so that the
//! result of a long text crosses from the worker as small binary documents ([`super::wire`]) and the page decodes and
//! renders them one at a time, never blocking for long. [`merge`] of the head and every part, in
//! order, gives back the original analysis exactly.

use crate::schema::*;
use serde::{Deserialize, Serialize};

/// What arrives first: the analysis without its span layers, and how the rest is sliced.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Head {
    /// The analysis with empty `blocks`, `boilerplate`, `sentences`, `mentions`, `dates`,
    /// `quotes`, `stances` and `frames` (entities, card, stats and truncation are complete).
    pub analysis: Analysis,
    /// Length of each layer of the whole analysis (quotes, stances, frames, dates, boilerplate),
    /// for the layer toggles before every part has arrived.
    pub counts: [usize; 9],
    /// Number of parts that follow.
    pub parts: usize,
    /// End of the text covered by the analysis (the analysed prefix), in UTF-8 bytes.
    pub text_end: usize,
}

/// The span layers of one slice `[lo, hi)` of the text: every item whose span starts in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Part {
    pub lo: usize,
    pub hi: usize,
    pub blocks: Vec<Block>,
    pub boilerplate: Vec<BoilerplateSpan>,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<Quote>,
    pub stances: Vec<Stance>,
    pub frames: Vec<FrameMention>,
}

/// Moves the items of `v` whose span starts before `hi` (from the front: layers are sorted).
fn take<T>(
    v: &mut std::collections::VecDeque<T>,
    hi: usize,
    start: impl Fn(&T) -> usize,
) -> Vec<T> {
    let mut out = Vec::new();
    while v.front().is_some_and(|x| start(x) < hi) {
        out.extend(v.pop_front());
    }
    out
}

/// Cuts `a` (the analysis of `text_len` bytes, or of its analysed prefix when truncated) into a
/// head and parts of about `part_bytes` of text each, cut at block ends.
pub fn split(mut a: Analysis, text_len: usize, part_bytes: usize) -> (Head, Vec<Part>) {
    let text_end = a.truncated.map_or(text_len, |t| t.analysed.end);
    let counts = super::html::kind_counts(&a);
    // Slice boundaries: the end of the first block that reaches `part_bytes` past the last cut.
    let mut cuts = Vec::new();
    let mut lo = 0;
    for b in &a.blocks {
        if b.span.end >= lo + part_bytes.max(1) {
            cuts.push(b.span.end);
            lo = b.span.end;
        }
    }
    cuts.retain(|&c| c < text_end);
    cuts.push(text_end.max(lo));
    cuts.dedup();
    use std::collections::VecDeque;
    let mut blocks: VecDeque<_> = std::mem::take(&mut a.blocks).into();
    let mut boilerplate: VecDeque<_> = std::mem::take(&mut a.boilerplate).into();
    let mut sentences: VecDeque<_> = std::mem::take(&mut a.sentences).into();
    let mut mentions: VecDeque<_> = std::mem::take(&mut a.mentions).into();
    let mut dates: VecDeque<_> = std::mem::take(&mut a.dates).into();
    let mut quotes: VecDeque<_> = std::mem::take(&mut a.quotes).into();
    let mut stances: VecDeque<_> = std::mem::take(&mut a.stances).into();
    let mut frames: VecDeque<_> = std::mem::take(&mut a.frames).into();
    let mut parts = Vec::with_capacity(cuts.len());
    let mut lo = 0;
    let n = cuts.len();
    for (k, &cut) in cuts.iter().enumerate() {
        // The last part takes everything left (defensive: spans past the end).
        let hi = if k + 1 == n { usize::MAX } else { cut };
        parts.push(Part {
            lo,
            hi: cut,
            blocks: take(&mut blocks, hi, |x| x.span.start),
            boilerplate: take(&mut boilerplate, hi, |x| x.span.start),
            sentences: take(&mut sentences, hi, |x| x.span.start),
            mentions: take(&mut mentions, hi, |x| x.span.start),
            dates: take(&mut dates, hi, |x| x.span.start),
            quotes: take(&mut quotes, hi, |x| x.span.start),
            stances: take(&mut stances, hi, |x| x.span.start),
            frames: take(&mut frames, hi, |x| x.span.start),
        });
        lo = cut;
    }
    let head = Head {
        analysis: a,
        counts,
        parts: parts.len(),
        text_end,
    };
    (head, parts)
}

/// Appends a part to an analysis that holds the head and the parts before it.
pub fn merge(a: &mut Analysis, p: Part) {
    a.blocks.extend(p.blocks);
    a.boilerplate.extend(p.boilerplate);
    a.sentences.extend(p.sentences);
    a.mentions.extend(p.mentions);
    a.dates.extend(p.dates);
    a.quotes.extend(p.quotes);
    a.stances.extend(p.stances);
    a.frames.extend(p.frames);
}

/// The engine's answer as one buffer: the head, then each part, in the page's binary form
/// ([`super::wire::frame`] of [`super::wire::encode`]d documents).
pub fn to_wire(head: &Head, parts: &[Part]) -> Vec<u8> {
    use super::wire::encode;
    let docs: Vec<Vec<u8>> = std::iter::once(encode(head))
        .chain(parts.iter().map(encode))
        .collect();
    super::wire::frame(&docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_text() -> String {
        let base = include_str!("../../tests/fixtures/russie-turquie-gaz.txt");
        let mut s = String::new();
        for rep in 0..6 {
            for line in base.split('\n') {
                s.push_str(line);
                if !line.trim().is_empty() {
                    s.push_str(&format!(" ({rep})"));
                }
                s.push('\n');
            }
            s.push('\n');
        }
        s
    }

    #[test]
    fn split_then_merge_gives_back_the_analysis() {
        let text = long_text();
        let a = crate::analyze(&text);
        let (head, parts) = split(a.clone(), text.len(), 1_000);
        assert!(parts.len() > 5, "{}", parts.len());
        assert_eq!(head.parts, parts.len());
        assert!(head.analysis.mentions.is_empty() && head.analysis.blocks.is_empty());
        assert_eq!(
            head.counts[0],
            a.mentions
                .iter()
                .filter(|m| m.etype == EntityType::PER)
                .count()
        );
        // Slices are contiguous and every item starts inside its slice.
        let mut lo = 0;
        for p in &parts {
            assert_eq!(p.lo, lo);
            assert!(p
                .mentions
                .iter()
                .all(|m| m.span.start >= p.lo && m.span.start < p.hi));
            assert!(p.blocks.iter().all(|b| b.span.end <= p.hi));
            lo = p.hi;
        }
        assert_eq!(lo, text.len());
        // Through the wire, as from the worker.
        use crate::ui::wire::{decode, frame_header_len, frame_ranges};
        let f = to_wire(&head, &parts);
        let ranges = frame_ranges(&f[..frame_header_len(&f[..4]).unwrap()], f.len()).unwrap();
        let mut back: Head = decode(&f[ranges[0].0..ranges[0].1]).unwrap();
        for &(lo, hi) in &ranges[1..] {
            merge(&mut back.analysis, decode(&f[lo..hi]).unwrap());
        }
        assert_eq!(back.analysis, a);
    }

    #[test]
    fn truncated_analysis_ends_at_the_cut() {
        let text = long_text();
        let a = crate::analyze_limited(&text, text.len() / 2);
        let end = a.truncated.unwrap().analysed.end;
        let (head, parts) = split(a, text.len(), 1_000);
        assert_eq!(head.text_end, end);
        assert_eq!(parts.last().unwrap().hi, end);
    }

    #[test]
    fn empty_analysis_has_one_empty_part() {
        let a = crate::analyze("");
        let (head, parts) = split(a, 0, 1_000);
        assert_eq!(head.parts, 1);
        assert_eq!(parts[0], Part::default());
    }
}
