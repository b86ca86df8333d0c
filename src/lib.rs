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
//! Modules (one line each below; the long form is `docs/architecture.md`): `pipeline` (the stage
//! order, once), `text`, `lexicon`, `layers`, `resolve`, `card` — the core, `pub(crate)`: the
//! crate's interface is this facade, [`schema`], and the modules of the CLI and of the web
//! programs ([`compare`], [`eval`], [`protocol`], [`ui`], `app`). Dependencies go one way (text
//! → lexicon; layers → text; resolve → layers; card → resolve; pipeline → all), checked by
//! `tests/architecture.rs`.
//!
//! ```
//! let a = loupe::analyze("Le président russe Vladimir Poutine a reçu lundi 10 janvier M. Wang.");
//! assert!(a.entities.iter().any(|e| e.canonical == "Vladimir Poutine"));
//! assert_eq!(a.dates[0].text, "lundi 10 janvier");
//! ```

/// The page's browser glue (Leptos).
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod app;
/// The whole summary card.
#[cfg(feature = "engine")]
mod card;
/// The JSON result's sibling `loupe.comparison/1`: several analyses side by side.
pub mod compare;
/// The scorer's JSONL output (`--eval`).
#[cfg(feature = "engine")]
pub mod eval;
/// A small fast hasher.
#[cfg(feature = "engine")]
mod fxhash;
/// The annotation layers: boilerplate, dates, entities, quotes, stance, frames, syntax.
#[cfg(feature = "engine")]
mod layers;
/// The compiled-in knowledge: load, vocab, trie, cues, fold, words, morph.
#[cfg(feature = "engine")]
mod lexicon;
/// The stage order, once.
#[cfg(feature = "engine")]
mod pipeline;
/// Page ↔ engine and embed message formats.
pub mod protocol;
/// The entity table: canonical names, roles, coreference; the layers in the schema's terms.
#[cfg(feature = "engine")]
mod resolve;
/// The JSON result `loupe.analysis/1` and the one layer vocabulary.
pub mod schema;
/// The text: normalize, segment, offsets, doc, lang.
#[cfg(feature = "engine")]
mod text;
/// Transliteration keys (Tokaev = Tokaïev).
mod translit;
/// The page's pure logic, tested natively.
pub mod ui;
/// A JSON value, parser and writers (the page's, instead of serde_json).
pub mod value;

pub use schema::{Analysis, Truncation, SCHEMA};

#[cfg(feature = "engine")]
pub use card::clean_sentence;
#[cfg(feature = "engine")]
pub use pipeline::STAGES;

#[cfg(feature = "engine")]
use schema::Span;

/// The longest text analysed whole: offsets inside the pipeline are `u32` (see
/// `segment::Token`). [`analyze`] and [`analyze_limited`] cut longer texts, as
/// [`analyze_limited`] does, and say so in [`Analysis::truncated`].
#[cfg(feature = "engine")]
pub const MAX_TEXT_BYTES: usize = text::segment::MAX_TEXT_BYTES;

/// Analyses one document. A text longer than [`MAX_TEXT_BYTES`] (4 GiB) is cut as by
/// [`analyze_limited`]`(text, MAX_TEXT_BYTES)`.
#[cfg(feature = "engine")]
pub fn analyze(text: &str) -> Analysis {
    analyze_limited(text, MAX_TEXT_BYTES)
}

/// [`analyze`], calling `done` with the name of each stage of [`STAGES`] as it ends (for
/// profiling: `examples/stages.rs`).
#[cfg(feature = "engine")]
pub fn analyze_staged(text: &str, done: impl FnMut(&'static str)) -> Analysis {
    assert!(
        text::segment::within_max(text.len()),
        "analyze_staged: text longer than MAX_TEXT_BYTES"
    );
    pipeline::run(text, done)
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
    let max_bytes = if text::segment::within_max(max_bytes) {
        max_bytes
    } else {
        MAX_TEXT_BYTES
    };
    if text.len() <= max_bytes {
        return pipeline::run(text, |_| {});
    }
    let cut = cut_point(text, max_bytes);
    let mut a = pipeline::run(&text[..cut], |_| {});
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

/// The end of the longest "natural" prefix of `text` within `max` bytes (see [`analyze_limited`]).
/// Always a char boundary in `1..=max` when `max > 0` and the text is longer (0 if `max == 0`).
#[cfg(feature = "engine")]
fn cut_point(text: &str, max: usize) -> usize {
    let end = text::floor_char_boundary(text, max);
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
