//! The invariants of `loupe.analysis/1` (see `src/schema.rs`), checked on one analysis of one
//! text. Shared by the property tests, the hostile-input tests, the fuzz-regression test and the
//! cargo-fuzz target (`fuzz/fuzz_targets/analyze.rs` includes this file by path).
//!
//! Every check panics with a message naming the broken invariant.
#![allow(dead_code)]

use loupe::schema::{Analysis, Span};

/// UTF-16 offset of every UTF-8 char boundary of a text (`None` inside a char), so that span
/// checks stay linear on multi-megabyte inputs.
pub struct Utf16Index {
    at: Vec<u32>,
}

const INSIDE: u32 = u32::MAX;

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let mut at = vec![INSIDE; text.len() + 1];
        let mut u = 0u32;
        for (i, c) in text.char_indices() {
            at[i] = u;
            u += c.len_utf16() as u32;
        }
        at[text.len()] = u;
        Utf16Index { at }
    }
    pub fn get(&self, byte: usize) -> Option<usize> {
        self.at
            .get(byte)
            .filter(|&&u| u != INSIDE)
            .map(|&u| u as usize)
    }
    pub fn len16(&self) -> usize {
        *self.at.last().unwrap() as usize
    }
}

/// Checks one span: inside `0..limit`, on char boundaries, `start <= end`, UTF-16 offsets equal
/// to the UTF-8 ones.
pub fn check_span(what: &str, text: &str, ix: &Utf16Index, limit: usize, s: &Span) {
    assert!(
        s.start <= s.end && s.end <= limit,
        "{what}: {s:?} outside 0..{limit} (text {} bytes)",
        text.len()
    );
    let (a, b) = (ix.get(s.start), ix.get(s.end));
    assert!(
        a.is_some() && b.is_some(),
        "{what}: {s:?} not on char boundaries"
    );
    assert_eq!(
        (a.unwrap(), b.unwrap()),
        (s.start16, s.end16),
        "{what}: UTF-16 offsets of {s:?} do not match the UTF-8 ones"
    );
}

fn sorted(what: &str, spans: &[Span]) {
    for w in spans.windows(2) {
        assert!(
            (w[0].start, w[0].end) <= (w[1].start, w[1].end),
            "{what}: layer not sorted: {:?} before {:?}",
            w[0],
            w[1]
        );
    }
}

fn disjoint(what: &str, spans: &[Span]) {
    for w in spans.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{what}: overlapping spans {:?} and {:?}",
            w[0],
            w[1]
        );
    }
}

fn valid_iso(iso: &str) -> bool {
    let parts: Vec<&str> = iso.split('-').collect();
    let num = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap()),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap())
                && (1..=31).contains(&d.parse::<u32>().unwrap())
        }
        _ => false,
    }
}

/// Checks every documented invariant of `a`, the analysis of `text` (by `analyze` or
/// `analyze_limited`: when `a.truncated` is set, every span must lie inside the analysed prefix).
pub fn check(text: &str, a: &Analysis) {
    let ix = Utf16Index::new(text);
    check_with(text, &ix, a);
}

/// [`check`] with a prebuilt index (reuse it when checking several analyses of one text).
pub fn check_with(text: &str, ix: &Utf16Index, a: &Analysis) {
    assert_eq!(a.schema, loupe::SCHEMA, "schema id");
    let limit = match &a.truncated {
        None => {
            assert_eq!(a.stats.bytes, text.len(), "stats.bytes");
            assert_eq!(a.stats.utf16, ix.len16(), "stats.utf16");
            assert_eq!(a.stats.chars, text.chars().count(), "stats.chars");
            text.len()
        }
        Some(t) => {
            assert_eq!(t.total_bytes, text.len(), "truncated.total_bytes");
            assert_eq!(t.total_utf16, ix.len16(), "truncated.total_utf16");
            assert_eq!(t.analysed.start, 0, "the analysed part is a prefix");
            check_span("truncated.analysed", text, ix, text.len(), &t.analysed);
            assert!(t.analysed.end < text.len(), "truncated but nothing was cut");
            assert_eq!(a.stats.bytes, t.analysed.end, "stats.bytes of a prefix");
            assert_eq!(a.stats.utf16, t.analysed.end16, "stats.utf16 of a prefix");
            assert_eq!(
                a.stats.chars,
                text[..t.analysed.end].chars().count(),
                "stats.chars of a prefix"
            );
            t.analysed.end
        }
    };
    let spans = |what: &str, v: Vec<Span>| -> Vec<Span> {
        for s in &v {
            check_span(what, text, ix, limit, s);
        }
        sorted(what, &v);
        v
    };
    let slice = |s: &Span| &text[s.start..s.end];

    // Blocks: sorted, disjoint; sentences inside their block.
    let blocks = spans("blocks", a.blocks.iter().map(|b| b.span).collect());
    disjoint("blocks", &blocks);
    let sentences = spans("sentences", a.sentences.iter().map(|s| s.span).collect());
    disjoint("sentences", &sentences);
    for s in &a.sentences {
        assert!(s.block < a.blocks.len(), "sentence.block out of range");
        let b = a.blocks[s.block].span;
        assert!(
            b.start <= s.span.start && s.span.end <= b.end,
            "sentence {:?} outside its block {b:?}",
            s.span
        );
    }
    let chrome = spans(
        "boilerplate",
        a.boilerplate.iter().map(|b| b.span).collect(),
    );
    disjoint("boilerplate", &chrome);
    let in_chrome = |s: &Span| {
        let k = chrome.partition_point(|c| c.end <= s.start);
        chrome
            .get(k)
            .is_some_and(|c| c.start < s.end && s.start < c.end)
    };

    // Mentions and entities: valid both ways, types agree, names only outside chrome.
    let mentions = spans("mentions", a.mentions.iter().map(|m| m.span).collect());
    disjoint("mentions", &mentions);
    let mut owner = vec![usize::MAX; a.mentions.len()];
    for (ei, e) in a.entities.iter().enumerate() {
        assert!(
            !e.mentions.is_empty(),
            "entity {} without mention",
            e.canonical
        );
        assert!(
            !e.canonical.is_empty(),
            "entity with an empty canonical name"
        );
        for w in e.mentions.windows(2) {
            assert!(w[0] < w[1], "entity.mentions not in text order");
        }
        for &mi in &e.mentions {
            assert!(mi < a.mentions.len(), "entity.mentions index out of range");
            assert_eq!(owner[mi], usize::MAX, "mention {mi} in two entities");
            owner[mi] = ei;
        }
    }
    for (mi, m) in a.mentions.iter().enumerate() {
        assert_eq!(slice(&m.span), m.text, "mention.text is not its span");
        assert!(!m.text.is_empty(), "empty mention");
        assert!(m.entity < a.entities.len(), "mention.entity out of range");
        assert_eq!(owner[mi], m.entity, "mention and entity disagree");
        assert_eq!(a.entities[m.entity].etype, m.etype, "mention/entity type");
        assert!(!in_chrome(&m.span), "mention {:?} inside chrome", m.text);
    }

    // Dates.
    let dates = spans("dates", a.dates.iter().map(|d| d.span).collect());
    disjoint("dates", &dates);
    for d in &a.dates {
        assert_eq!(slice(&d.span), d.text, "date.text is not its span");
        if let Some(iso) = &d.iso {
            assert!(valid_iso(iso), "invalid ISO date {iso:?}");
        }
    }

    // Quotes, stances, frames.
    let quotes = spans("quotes", a.quotes.iter().map(|q| q.span).collect());
    disjoint("quotes", &quotes);
    for q in &a.quotes {
        assert_eq!(slice(&q.span), q.text, "quote.text is not its span");
        assert!(
            q.speaker.is_none_or(|e| e < a.entities.len()),
            "quote.speaker out of range"
        );
    }
    let stances = spans("stances", a.stances.iter().map(|s| s.span).collect());
    disjoint("stances", &stances);
    for s in &a.stances {
        assert_eq!(slice(&s.span), s.text, "stance.text is not its span");
        assert!(
            s.holders.iter().all(|&e| e < a.entities.len()),
            "stance.holders out of range"
        );
        assert!(!in_chrome(&s.span), "stance cue {:?} inside chrome", s.text);
    }
    let frames = spans("frames", a.frames.iter().map(|f| f.span).collect());
    disjoint("frames", &frames);
    for f in &a.frames {
        assert_eq!(slice(&f.span), f.text, "frame.text is not its span");
        assert!(!f.frame.is_empty(), "frame without an id");
    }

    // The card: every reference valid, names equal to the entity table's.
    let c = &a.card;
    for p in &c.people {
        assert!(p.entity < a.entities.len(), "card person out of range");
        assert_eq!(a.entities[p.entity].canonical, p.name, "card person name");
    }
    for o in &c.organizations {
        assert!(o.entity < a.entities.len(), "card org out of range");
        assert_eq!(a.entities[o.entity].canonical, o.name, "card org name");
    }
    for p in &c.places {
        assert!(p.entity < a.entities.len(), "card place out of range");
        assert_eq!(a.entities[p.entity].canonical, p.name, "card place name");
    }
    for q in &c.quotes {
        assert!(q.quote < a.quotes.len(), "card quote out of range");
        assert_eq!(a.quotes[q.quote].text, q.text, "card quote text");
    }
    for s in &c.summary {
        assert!(
            s.sentence < a.sentences.len(),
            "summary sentence out of range"
        );
        assert_eq!(
            loupe::clean_sentence(slice(&a.sentences[s.sentence].span)),
            s.text,
            "summary text is not its (cleaned) sentence"
        );
    }
    let mut cell_total = 0;
    for cell in &c.stance_matrix {
        assert_eq!(cell.count, cell.stances.len(), "stance cell count");
        assert!(
            cell.stances.iter().all(|&k| k < a.stances.len()),
            "stance cell index out of range"
        );
        cell_total += cell.count;
    }
    assert_eq!(
        cell_total,
        a.stances.len(),
        "every stance in one matrix cell"
    );
    assert_eq!(
        c.frames.iter().map(|f| f.count).sum::<usize>(),
        a.frames.len(),
        "frame counts"
    );
    if let Some(d) = &c.date {
        assert!(valid_iso(d), "invalid card date {d:?}");
    }
    assert!(
        (c.words == 0) == (c.reading_minutes == 0),
        "reading time {} min for {} words",
        c.reading_minutes,
        c.words
    );
}

/// Checks `a` and that the analysis is deterministic and survives the CLI's JSON path
/// (pretty JSON → parse → equal).
pub fn check_json_roundtrip(a: &Analysis) {
    let back: Analysis = serde_json::from_str(&a.to_json_pretty()).expect("JSON parses back");
    assert_eq!(&back, a, "JSON round trip changes the analysis");
}

/// Full check of `analyze`: invariants, determinism, JSON round trip.
pub fn check_analyze(text: &str) -> Analysis {
    let a = loupe::analyze(text);
    check(text, &a);
    assert_eq!(loupe::analyze(text), a, "analysis is not deterministic");
    check_json_roundtrip(&a);
    a
}

/// Checks `analyze_limited(text, max)`: invariants with spans inside the analysed prefix, the
/// cut within the limit on a char boundary and not earlier than half the limit, and the result
/// equal to `analyze` of the prefix.
pub fn check_limited(text: &str, ix: &Utf16Index, max: usize) -> Analysis {
    let a = loupe::analyze_limited(text, max);
    check_with(text, ix, &a);
    match &a.truncated {
        None => {
            assert!(
                text.len() <= max,
                "{} bytes > {max} but not truncated",
                text.len()
            );
        }
        Some(t) => {
            assert!(text.len() > max, "truncated although within the limit");
            let end = t.analysed.end;
            assert!(end <= max, "cut at {end} beyond the limit {max}");
            let mut floor = max;
            while !text.is_char_boundary(floor) {
                floor -= 1;
            }
            assert!(
                2 * end >= floor,
                "cut at {end}: more than half of the {max}-byte window lost"
            );
            let mut prefix = loupe::analyze(&text[..end]);
            prefix.truncated = a.truncated;
            assert!(prefix == a, "analyze_limited differs from analyze(prefix)");
        }
    }
    a
}
