//! The pipeline: the stage order, once.
//!
//! | stage | reads | produces |
//! |---|---|---|
//! | `text` | the input | [`Doc`]: normalised text, blocks, sentences, tokens, vocabulary ids |
//! | `boilerplate` | the doc | page chrome set aside, title, datelines; the map back to the input's offsets |
//! | `dates` | the doc, the chrome | date expressions, the publication date, weekdays resolved against it |
//! | `entities` | the doc, the date tokens | entity mentions outside chrome |
//! | `quotes` | the doc, the mentions | quotes and their speakers |
//! | `stance` | the doc, the mentions, the quotes | stance cues with holder and target |
//! | `frames` | the doc, the mentions | narrative frames |
//! | `resolve` | every layer | the entity table (canonical names, roles, acronyms) and the layers in the schema's terms |
//! | `card` | every layer, the entity table | the summary card |
//! | `result` | everything | the [`Analysis`] with its statistics |
//!
//! [`STAGES`] names them in this order; [`run`] runs them and reports each one's end (the
//! stage timings of `examples/stages.rs`).

use crate::card;
use crate::fxhash::FxHashSet as HashSet;
use crate::layers::boilerplate::{self, Chrome};
use crate::layers::dates::{self, DateAnn};
use crate::layers::entities::{self, EMention};
use crate::layers::frames::{self, FrameAnn};
use crate::layers::quotes::{self, QuoteAnn};
use crate::layers::stance::{self, StanceAnn};
use crate::resolve;
use crate::schema::*;
use crate::text::doc::{self, Doc, SpanMapper};
use crate::text::{lang, segment};

/// The stages, in the order [`run`] runs them.
pub const STAGES: [&str; 10] = [
    "text",
    "boilerplate",
    "dates",
    "entities",
    "quotes",
    "stance",
    "frames",
    "resolve",
    "card",
    "result",
];

/// Analyses a text of at most [`crate::MAX_TEXT_BYTES`] (normalisation never makes a text
/// longer, so the normalised text fits too), calling `done` with each stage's name (of
/// [`STAGES`], in order) as it ends.
pub(crate) fn run(text: &str, mut done: impl FnMut(&'static str)) -> Analysis {
    debug_assert!(segment::within_max(text.len()));
    let mut doc = Doc::new(text);
    done(STAGES[0]);
    let (mut chrome, lead) = chrome(&mut doc);
    let map = SpanMapper::new(&doc);
    done(STAGES[1]);
    let (mut dates, date_tokens, pub_date) = dates(&doc, &chrome, lead);
    done(STAGES[2]);
    let mut ments = mentions(&doc, &date_tokens, &mut dates);
    done(STAGES[3]);
    let mut quotes = quotes(&doc, &ments);
    done(STAGES[4]);
    let mut stances = stances(&doc, &ments, &quotes);
    done(STAGES[5]);
    let mut frames = frames(&doc, &ments);
    done(STAGES[6]);
    let resolved = resolve::resolve(
        &doc,
        &map,
        &mut ments,
        &mut quotes,
        &mut stances,
        &mut frames,
        &mut dates,
    );
    done(STAGES[7]);
    // The publisher (before the blocks take their rules: it reads them).
    let publisher = card::publisher(&doc, &chrome, lead);
    let blocks = blocks(&doc, &map, &mut chrome);
    let card = card::build(card::Layers {
        doc: &doc,
        chrome: &chrome,
        ments: &ments,
        stances: &stances,
        frames: &frames,
        resolved: &resolved,
        publisher,
        pub_date,
    });
    done(STAGES[8]);
    let a = result(text, &doc, &map, chrome, blocks, resolved, card);
    done(STAGES[9]);
    a
}

/// `boilerplate`: page chrome and the first paragraph (a wire-style dateline may open it: card
/// date and publisher). (The stage also builds the map back to the input's offsets.)
fn chrome(doc: &mut Doc) -> (Chrome, Option<usize>) {
    let chrome = boilerplate::detect(doc);
    let lead = (0..doc.seg.blocks.len()).find(|&bi| chrome.blocks[bi].kind == BlockKind::Paragraph);
    (chrome, lead)
}

/// `dates` (before entities: guessing rules never take date tokens): the dates, their tokens and
/// the publication date they are resolved against.
#[allow(clippy::type_complexity)]
fn dates(
    doc: &Doc,
    chrome: &Chrome,
    lead: Option<usize>,
) -> (Vec<DateAnn>, HashSet<usize>, Option<(i32, u32, u32)>) {
    let mut dates = dates::find(doc);
    let date_tokens: HashSet<usize> = dates.iter().flat_map(|d| d.a..d.b).collect();
    let pub_date = card::publication_date(doc, chrome, &dates, lead);
    dates::resolve(&mut dates, pub_date);
    (dates, date_tokens, pub_date)
}

// Nothing is annotated inside page chrome, also where chrome is only part of a line (a « Lire
// aussi » link or a web address glued to the last sentence).

/// `entities`: the mentions outside chrome (the dates outside chrome are kept here too).
fn mentions(doc: &Doc, date_tokens: &HashSet<usize>, dates: &mut Vec<DateAnn>) -> Vec<EMention> {
    let mut ments = entities::find(doc, date_tokens);
    ments.retain(|m| !doc.in_boilerplate(m.span));
    dates.retain(|d| !doc.in_boilerplate(d.span));
    ments
}

/// `quotes`: quotes outside chrome, with their speakers.
fn quotes(doc: &Doc, ments: &[EMention]) -> Vec<QuoteAnn> {
    let mut quotes = quotes::find(doc, ments);
    quotes.retain(|q| !doc.in_boilerplate(q.span));
    quotes
}

/// `stance`: stance cues outside chrome.
fn stances(doc: &Doc, ments: &[EMention], quotes: &[QuoteAnn]) -> Vec<StanceAnn> {
    let mut stances = stance::find_stances(doc, ments, quotes);
    stances.retain(|s| !doc.in_boilerplate(s.span));
    stances
}

/// `frames`: narrative frames outside chrome.
fn frames(doc: &Doc, ments: &[EMention]) -> Vec<FrameAnn> {
    let mut frames = frames::find_frames(doc, ments);
    frames.retain(|f| !doc.in_boilerplate(f.span));
    frames
}

/// The blocks in the schema's terms (each takes its rule out of the chrome).
fn blocks(doc: &Doc, map: &SpanMapper, chrome: &mut Chrome) -> Vec<Block> {
    doc.seg
        .blocks
        .iter()
        .zip(&mut chrome.blocks)
        .map(|(b, info)| Block {
            span: map.span(doc::NSpan::new(b.start, b.end)),
            kind: info.kind,
            rule: info.rule.take(),
        })
        .collect()
}

/// `result`: the [`Analysis`], with the sentences and the statistics.
fn result(
    text: &str,
    doc: &Doc,
    map: &SpanMapper,
    chrome: Chrome,
    blocks: Vec<Block>,
    resolved: resolve::Resolved,
    card: Card,
) -> Analysis {
    let sentences: Vec<Sentence> = doc
        .seg
        .sentences
        .iter()
        .map(|s| Sentence {
            span: map.span(doc::NSpan::new(s.start, s.end)),
            block: s.block,
        })
        .collect();
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
        mentions: resolved.mentions,
        entities: resolved.entities,
        dates: resolved.dates,
        quotes: resolved.quotes,
        stances: resolved.stances,
        frames: resolved.frames,
        card,
        truncated: None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn stages_end_in_the_listed_order() {
        let mut seen = Vec::new();
        let a = super::run(
            "Le président russe Vladimir Poutine a reçu M. Wang.",
            |s| seen.push(s),
        );
        assert_eq!(seen, super::STAGES);
        assert_eq!(
            a,
            crate::analyze("Le président russe Vladimir Poutine a reçu M. Wang.")
        );
    }
}
