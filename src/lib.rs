//! Loupe — reads a French news article: named entities, dates, quotes with speakers, stance
//! phrases, narrative frames, page chrome, and a summary card.
//!
//! The core is pure Rust (no web dependency). It is a pipeline over one document:
//!
//! ```text
//! normalize (map to original offsets) → segment (blocks, sentences, tokens)
//!   → boilerplate → dates → entities → quotes → stance → frames
//!   → resolve (entity table, canonical names, roles) → card → Analysis (JSON schema)
//! ```
//!
//! ```
//! let a = loupe::analyze("Le président russe Vladimir Poutine a reçu lundi 10 janvier M. Wang.");
//! assert!(a.entities.iter().any(|e| e.canonical == "Vladimir Poutine"));
//! assert_eq!(a.dates[0].text, "lundi 10 janvier");
//! ```

#[cfg(feature = "engine")]
pub mod boilerplate;
#[cfg(feature = "engine")]
pub mod card;
pub mod compare;
#[cfg(feature = "engine")]
pub mod dates;
#[cfg(feature = "engine")]
pub mod doc;
#[cfg(feature = "engine")]
pub mod entities;
#[cfg(feature = "engine")]
pub mod eval;
pub mod fxhash;
#[cfg(feature = "engine")]
pub mod lang;
#[cfg(feature = "engine")]
pub mod lexicon;
#[cfg(feature = "engine")]
pub(crate) mod morph;
#[cfg(feature = "engine")]
pub mod normalize;
#[cfg(feature = "engine")]
pub mod offsets;
pub mod protocol;
#[cfg(feature = "engine")]
pub mod quotes;
pub mod schema;
#[cfg(feature = "engine")]
pub mod segment;
#[cfg(feature = "engine")]
pub mod stance;
pub mod translit;

#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod app;
/// The web app's pure half (layout, HTML, i18n, exports; no web dependency), compiled on every
/// target so that native tests cover it. Lives beside the app in `src/app/`.
#[path = "app/ui.rs"]
pub mod ui;

#[cfg(feature = "engine")]
use doc::{Doc, SpanMapper};
#[cfg(feature = "engine")]
use fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
#[cfg(feature = "engine")]
use schema::*;

pub use schema::{Analysis, Truncation, SCHEMA};

/// The longest text analysed whole: offsets inside the pipeline are `u32` (see
/// [`segment::Token`]). [`analyze`] and [`analyze_limited`] cut longer texts, as
/// [`analyze_limited`] does, and say so in [`Analysis::truncated`].
#[cfg(feature = "engine")]
pub const MAX_TEXT_BYTES: usize = segment::MAX_TEXT_BYTES;

/// Analyses one document. A text longer than [`MAX_TEXT_BYTES`] (4 GiB) is cut as by
/// [`analyze_limited`]`(text, MAX_TEXT_BYTES)`.
#[cfg(feature = "engine")]
pub fn analyze(text: &str) -> Analysis {
    analyze_limited(text, MAX_TEXT_BYTES)
}

/// Analyses a text of at most [`MAX_TEXT_BYTES`] (normalisation never makes a text longer, so
/// the normalised text fits too).
#[cfg(feature = "engine")]
fn analyze_whole(text: &str) -> Analysis {
    debug_assert!(segment::within_max(text.len()));
    let mut doc = Doc::new(text);
    let mut chrome = boilerplate::detect(&mut doc);
    let map = SpanMapper::new(&doc);
    // The first paragraph: a wire-style dateline may open it (card date and publisher).
    let lead = (0..doc.seg.blocks.len()).find(|&bi| chrome.blocks[bi].kind == BlockKind::Paragraph);

    // Dates (before entities: guessing rules never take date tokens).
    let mut dates = dates::find(&doc);
    let date_tokens: HashSet<usize> = dates.iter().flat_map(|d| d.a..d.b).collect();
    let pub_date = card::publication_date(&doc, &chrome, &dates, lead);
    dates::resolve(&mut dates, pub_date);

    // Nothing is annotated inside page chrome, also where chrome is only part of a line (a « Lire
    // aussi » link or a web address glued to the last sentence).
    let mut ments = entities::find(&doc, &date_tokens);
    ments.retain(|m| !doc.in_boilerplate(m.span));
    dates.retain(|d| !doc.in_boilerplate(d.span));
    let mut quotes = quotes::find(&doc, &ments);
    quotes.retain(|q| !doc.in_boilerplate(q.span));
    let mut stances = stance::find_stances(&doc, &ments, &quotes);
    stances.retain(|s| !doc.in_boilerplate(s.span));
    let mut frames = stance::find_frames(&doc, &ments);
    frames.retain(|f| !doc.in_boilerplate(f.span));
    // From here on the layers are only read, except that each annotation's `Rule` (and the few
    // strings nothing reads again) is moved into the result rather than cloned.
    let take = std::mem::take::<Rule>;

    // Entity table: one entity per (type, canonical).
    let mut entities: Vec<Entity> = Vec::new();
    // Per entity type, canonical name → entity index (the name is cloned once per entity).
    let mut key_to_entity: [HashMap<String, usize>; 4] = Default::default();
    let mut mentions: Vec<Mention> = Vec::with_capacity(ments.len());
    let mut mention_entity = Vec::with_capacity(ments.len());
    let lex = lexicon::lexicons();
    for (mi, m) in ments.iter_mut().enumerate() {
        let by_name = &mut key_to_entity[m.etype as usize];
        // People by transliteration key: « Tokaev » and « Tokaïev » are one person.
        let key = if m.etype == EntityType::PER {
            lexicon::translit_key(&m.canonical)
        } else {
            m.canonical.clone()
        };
        let ei = match by_name.get(key.as_str()) {
            Some(&ei) => ei,
            None => {
                entities.push(Entity {
                    canonical: m.canonical.clone(),
                    etype: m.etype,
                    acronym: None,
                    role: None,
                    mentions: Vec::new(),
                    source: m.entry.map(|e| lex.gaz[e].origin.clone()),
                    confidence: Confidence::Guess,
                });
                by_name.insert(key, entities.len() - 1);
                entities.len() - 1
            }
        };
        let surface = doc.slice(m.span);
        let e = &mut entities[ei];
        e.mentions.push(mi);
        e.confidence = e.confidence.min(m.rule.confidence);
        // A name matched to a gazetteer entry is known, whatever rule found this mention.
        if e.source.is_some() {
            e.confidence = Confidence::Sure;
        }
        if e.role.is_none() {
            e.role = m.role.take();
        }
        if m.etype != EntityType::PER
            && surface != e.canonical
            && (surface
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
                || entities::is_word_acronym_of(surface, &e.canonical))
            && e.acronym.is_none()
        {
            e.acronym = Some(surface.to_string());
        }
        mention_entity.push(ei);
        mentions.push(Mention {
            span: map.span(m.span),
            text: doc.original_slice(m.span).to_string(),
            etype: m.etype,
            entity: ei,
            rule: take(&mut m.rule),
        });
    }

    let quotes_out: Vec<Quote> = quotes
        .iter_mut()
        .map(|q| Quote {
            span: map.span(q.span),
            text: doc.original_slice(q.span).to_string(),
            speaker: q.speaker.map(|m| mention_entity[m]),
            speaker_text: q.speaker_text.take(),
            rule: take(&mut q.rule),
        })
        .collect();
    let holder_name = |hs: &[usize], ht: &Option<String>| -> String {
        if hs.is_empty() {
            return ht.clone().unwrap_or_else(|| "?".into());
        }
        let mut names: Vec<String> = Vec::new();
        for &h in hs {
            let n = entities[mention_entity[h]].canonical.clone();
            if !names.contains(&n) {
                names.push(n);
            }
        }
        names.join(" + ")
    };
    let stances_out: Vec<Stance> = stances
        .iter_mut()
        .map(|s| {
            let mut hs: Vec<usize> = s.holders.iter().map(|&m| mention_entity[m]).collect();
            hs.dedup();
            Stance {
                span: map.span(s.span),
                text: doc.original_slice(s.span).to_string(),
                polarity: s.polarity,
                holders: hs,
                holder_text: s
                    .holder_text
                    .clone()
                    .or_else(|| Some(holder_name(&s.holders, &None)))
                    .filter(|t| t != "?"),
                target: s.target.clone(),
                rule: take(&mut s.rule),
            }
        })
        .collect();
    let frames_out: Vec<FrameMention> = frames
        .iter_mut()
        .map(|f| FrameMention {
            span: map.span(f.span),
            text: doc.original_slice(f.span).to_string(),
            frame: f.frame.clone(),
            rule: take(&mut f.rule),
        })
        .collect();
    let dates_out: Vec<DateMention> = dates
        .iter_mut()
        .map(|d| DateMention {
            span: map.span(d.span),
            text: doc.original_slice(d.span).to_string(),
            iso: d.iso(),
            rule: take(&mut d.rule),
        })
        .collect();

    // The publisher (before the blocks take their rules: it reads them).
    let publisher = card::publisher(&doc, &chrome, lead);

    // Blocks and sentences.
    let blocks: Vec<Block> = doc
        .seg
        .blocks
        .iter()
        .zip(&mut chrome.blocks)
        .map(|(b, info)| Block {
            span: map.span(doc::NSpan::new(b.start, b.end)),
            kind: info.kind,
            rule: info.rule.take(),
        })
        .collect();
    let sentences: Vec<Sentence> = doc
        .seg
        .sentences
        .iter()
        .map(|s| Sentence {
            span: map.span(doc::NSpan::new(s.start, s.end)),
            block: s.block,
        })
        .collect();

    // Card.
    let content: Vec<bool> = chrome
        .blocks
        .iter()
        .map(|i| matches!(i.kind, BlockKind::Paragraph | BlockKind::Caption))
        .collect();
    let pub_name = publisher.as_ref().map(|f| f.canonical.clone());
    // Words and numbers outside boilerplate blocks (every token is in one sentence, every
    // sentence in one block: counted per sentence, without a pass over the tokens).
    let words: usize = (0..doc.seg.sentences.len())
        .filter(|&si| !doc.boilerplate_blocks[doc.seg.sentences[si].block])
        .map(|si| doc.sentence_non_punct(si))
        .sum();

    let mut people = Vec::new();
    let mut orgs = Vec::new();
    let mut places = Vec::new();
    for (ei, e) in entities.iter().enumerate() {
        let src_is_pub = e.source.is_some() && pub_name.as_deref() == Some(e.canonical.as_str());
        let in_dateline_only = e.mentions.iter().all(|&m| {
            let s = ments[m].span;
            chrome.datelines.iter().any(|&bi| {
                let b = &doc.seg.blocks[bi];
                s.start >= b.start && s.end <= b.end
            })
        });
        match e.etype {
            EntityType::PER => people.push(CardPerson {
                name: e.canonical.clone(),
                role: e.role.clone(),
                entity: ei,
                mentions: e.mentions.len(),
                confidence: e.confidence,
            }),
            EntityType::ORG if !(src_is_pub || in_dateline_only) => orgs.push(CardOrg {
                name: e.canonical.clone(),
                acronym: e.acronym.clone(),
                entity: ei,
                mentions: e.mentions.len(),
                confidence: e.confidence,
            }),
            EntityType::LOC => places.push(CardPlace {
                name: e.canonical.clone(),
                entity: ei,
                mentions: e.mentions.len(),
                confidence: e.confidence,
            }),
            _ => {}
        }
    }

    // Stance matrix.
    let mut cells: Vec<StanceCell> = Vec::new();
    let mut cell_index: HashMap<(String, Polarity, String), usize> = HashMap::default();
    for (si, s) in stances.iter().enumerate() {
        let holder = holder_name(&s.holders, &s.holder_text);
        let target = s
            .target
            .as_ref()
            .and_then(|t| {
                // First entity mentioned in the target words.
                let tstart = doc.tokens()[s.b.min(doc.tokens().len() - 1)].start();
                let tend = tstart + t.len();
                let k = ments.partition_point(|m| m.span.start < tstart);
                ments
                    .get(k)
                    .filter(|m| m.span.end <= tend)
                    .map(|m| m.canonical.clone())
            })
            .or_else(|| s.target.clone())
            .unwrap_or_default();
        let key = (holder.clone(), s.polarity, target.clone());
        match cell_index.get(&key) {
            Some(&ci) => {
                let c: &mut StanceCell = &mut cells[ci];
                c.count += 1;
                c.stances.push(si);
                c.confidence = c.confidence.min(stances_out[si].rule.confidence);
            }
            None => {
                cell_index.insert(key, cells.len());
                cells.push(StanceCell {
                    holder,
                    polarity: s.polarity,
                    target,
                    count: 1,
                    stances: vec![si],
                    confidence: stances_out[si].rule.confidence,
                });
            }
        }
    }

    let mut qorder: Vec<usize> = (0..quotes_out.len()).collect();
    qorder.sort_by_key(|&i| {
        std::cmp::Reverse(
            quotes_out[i].text.chars().count().min(400)
                + if quotes_out[i].speaker.is_some() {
                    400
                } else {
                    0
                },
        )
    });
    let mut card_quotes: Vec<CardQuote> = qorder
        .into_iter()
        .take(5)
        .map(|i| CardQuote {
            text: quotes_out[i].text.clone(),
            speaker: quotes_out[i].speaker_text.clone(),
            quote: i,
            confidence: quotes_out[i].rule.confidence,
        })
        .collect();
    card_quotes.sort_by_key(|q| q.quote);

    let mut fcount: Vec<FrameCount> = Vec::new();
    for f in &frames {
        match fcount.iter_mut().find(|c| c.frame == f.frame) {
            Some(c) => c.count += 1,
            None => fcount.push(FrameCount {
                frame: f.frame.clone(),
                count: 1,
            }),
        }
    }
    fcount.sort_by(|a, b| b.count.cmp(&a.count).then(a.frame.cmp(&b.frame)));

    let mut weights = vec![0f32; doc.seg.sentences.len()];
    // Mentions and stances come in text order: their sentences are found by a cursor over the
    // sentence list rather than one random read of the token array each.
    let mut cursor = SentenceCursor::default();
    for m in &ments {
        weights[cursor.sentence_of(&doc, m.a)] += 1.0;
    }
    let mut cursor = SentenceCursor::default();
    for s in &stances {
        weights[cursor.sentence_of(&doc, s.a)] += 1.5;
    }
    for f in &frames {
        let t = doc.token_at(f.span.start).unwrap_or(0);
        weights[doc.tokens()[t].sent()] += 0.5;
    }
    let summary = card::summary(&doc, &content, &weights, 3)
        .into_iter()
        .map(|si| SummarySentence {
            text: card::clean_sentence(doc.original_slice(doc::NSpan::new(
                doc.seg.sentences[si].start,
                doc.seg.sentences[si].end,
            ))),
            sentence: si,
        })
        .collect();

    let title = chrome.title.map(|t| {
        let b = &doc.seg.blocks[t];
        doc.original_slice(doc::NSpan::new(b.start, b.end))
            .to_string()
    });
    let card = Card {
        title,
        publisher: publisher.map(|f| f.publisher),
        // A full date only: a month or a year alone is no publication date.
        date: pub_date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        people,
        organizations: orgs,
        places,
        stance_matrix: cells,
        quotes: card_quotes,
        frames: fcount,
        summary,
        words,
        reading_minutes: card::reading_minutes(words),
    };

    let stats = Stats {
        bytes: text.len(),
        utf16: map
            .span(doc::NSpan::new(doc.norm.text.len(), doc.norm.text.len()))
            .end16,
        chars: map.chars(text.len()),
        blocks: doc.seg.blocks.len(),
        sentences: doc.seg.sentences.len(),
        tokens: doc.seg.tokens.len(),
        normalized_chars: doc.norm.changed,
        language: lang::guess(
            (0..doc.tokens().len())
                .filter(|&i| doc.is_word(i))
                .map(|i| doc.tok_lower(i)),
        )
        .to_string(),
    };

    Analysis {
        schema: SCHEMA.to_string(),
        generator: format!("loupe {}", env!("CARGO_PKG_VERSION")),
        stats,
        blocks,
        boilerplate: chrome
            .spans
            .into_iter()
            .map(|(s, rule)| BoilerplateSpan {
                span: map.span(s),
                rule,
            })
            .collect(),
        sentences,
        mentions,
        entities,
        dates: dates_out,
        quotes: quotes_out,
        stances: stances_out,
        frames: frames_out,
        card,
        truncated: None,
    }
}

/// Finds the sentence of a token by moving forward over the sentence list: constant time a
/// call when the tokens asked for come in order (a binary search when they go back).
#[cfg(feature = "engine")]
#[derive(Default)]
struct SentenceCursor {
    si: usize,
}

#[cfg(feature = "engine")]
impl SentenceCursor {
    /// The index of the sentence holding token `k` (`doc.tokens()[k].sent()`: every token lies
    /// in exactly one sentence, whose `tokens` range holds it, and sentences are sorted).
    fn sentence_of(&mut self, doc: &Doc, k: usize) -> usize {
        let ss = &doc.seg.sentences;
        if self.si >= ss.len() || ss[self.si].tokens.start > k {
            self.si = ss.partition_point(|s| s.tokens.end <= k);
        }
        while ss[self.si].tokens.end <= k {
            self.si += 1;
        }
        debug_assert_eq!(self.si, doc.tokens()[k].sent());
        self.si
    }
}

/// Analyses at most the first `max_bytes` bytes of `text`, cut at a paragraph break, else a line
/// break, else a sentence end (`. `, `! `, `? `), else a space, else a char boundary — whichever
/// comes last before the limit. When nothing is cut the result equals [`analyze`]`(text)`;
/// otherwise [`Analysis::truncated`] says how much was analysed, and every span lies inside the
/// analysed prefix (offsets are those of the whole text, since the prefix starts at 0).
///
/// ```
/// let text = "Premier paragraphe à Paris.\n\nSecond paragraphe à Lyon.";
/// let a = loupe::analyze_limited(text, 40);
/// let t = a.truncated.unwrap();
/// assert_eq!(&text[..t.analysed.end], "Premier paragraphe à Paris.\n\n");
/// assert_eq!(t.total_bytes, text.len());
/// assert!(a.entities.iter().all(|e| e.canonical != "Lyon"));
/// ```
///
/// A `max_bytes` above [`MAX_TEXT_BYTES`] counts as [`MAX_TEXT_BYTES`].
#[cfg(feature = "engine")]
pub fn analyze_limited(text: &str, max_bytes: usize) -> Analysis {
    let max_bytes = if segment::within_max(max_bytes) {
        max_bytes
    } else {
        MAX_TEXT_BYTES
    };
    if text.len() <= max_bytes {
        return analyze_whole(text);
    }
    let cut = cut_point(text, max_bytes);
    let mut a = analyze_whole(&text[..cut]);
    let total16 = text.encode_utf16().count();
    a.truncated = Some(Truncation {
        analysed: Span {
            start: 0,
            end: cut,
            start16: 0,
            end16: text[..cut].encode_utf16().count(),
        },
        total_bytes: text.len(),
        total_utf16: total16,
    });
    a
}

/// The largest char boundary of `text` at or below `i` (`text.len()` when `i` is past the end):
/// where to cut a byte budget without splitting a character. (`str::floor_char_boundary` needs a
/// newer Rust than the crate's minimum.)
#[cfg(feature = "engine")]
pub(crate) fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut end = i.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// The end of the longest "natural" prefix of `text` within `max` bytes (see [`analyze_limited`]).
/// Always a char boundary in `1..=max` when `max > 0` and the text is longer (0 if `max == 0`).
#[cfg(feature = "engine")]
fn cut_point(text: &str, max: usize) -> usize {
    let end = floor_char_boundary(text, max);
    let head = &text[..end];
    // Do not cut absurdly early: a break is accepted only in the last half of the window.
    let floor = end / 2;
    let after = |pat: &str| {
        head.rfind(pat)
            .map(|i| i + pat.len())
            .filter(|&i| i > floor)
    };
    after("\n\n")
        .or_else(|| after("\n"))
        .or_else(|| {
            [". ", "! ", "? ", "» "]
                .iter()
                .filter_map(|p| after(p))
                .max()
        })
        .or_else(|| after(" "))
        .unwrap_or(end)
}
