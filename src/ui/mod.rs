//! The pure half of the web app: everything the UI computes that needs no browser. Compiled on
//! every target (the Leptos half, [`crate::app`], is wasm32 only), so native `cargo test` covers
//! it. Nothing here analyses text: it lays out, formats and exports what the core produced.
//!
//! - [`highlight`]: nesting of the overlapping annotation layers into one tree per block;
//! - [`html`]: that tree as escaped HTML (the highlighted view, rendered slice by slice);
//! - [`explain`]: the explanation shown for one highlight;
//! - [`place`]: where the explanation popover goes (next to its highlight, never over it);
//! - [`parts`]: an analysis cut into a head and parts, so that a long result crosses from the
//!   worker and is rendered piece by piece;
//! - [`i18n`]: French and English strings;
//! - [`json`]: the analysis as JSON, written without serde (exactly as serde_json writes it);
//! - [`dismiss`]: card items the reader dismissed (storage key, filtered card and exports);
//! - [`markdown`]: the summary card as Markdown;
//! - [`share`]: the share-link fragment format;
//! - [`sort`]: one small stable sort for the page (instead of one standard sort per call site);
//! - [`textin`]: pasted HTML and Markdown files to plain text;
//! - [`libfile`]: the library of kept articles (metadata, export file, validated import);
//! - [`cmpview`]: the comparison view's layout (dates on one line, frame scale, jump targets).
//! - [`wire`]: the compact binary form in which the engine sends results to the page.

pub mod cmpview;
pub mod dismiss;
pub mod explain;
pub mod highlight;
pub mod html;
pub mod i18n;
pub mod json;
pub mod libfile;
pub mod markdown;
pub mod parts;
pub mod place;
pub mod share;
pub mod sort;
pub mod textin;
pub mod wire;

/// The web app analyses at most this many bytes of a text (cut at a paragraph or sentence
/// break by [`crate::analyze_limited`]); the text area always keeps the whole text.
pub const MAX_ANALYSED_BYTES: usize = 2_000_000;

/// Example article offered by the « Essayer un exemple » button (written for the project).
pub const EXAMPLE: &str = include_str!("../../tests/fixtures/nancy-conseil-municipal.txt");

/// The example's title, as its card shows it (named in the notice that says it was loaded).
pub const EXAMPLE_TITLE: &str =
    "Nancy\u{a0}: le conseil municipal adopte le plan vélo malgré l’opposition";

/// Target size of the text covered by one part of a result (see [`parts`]): small enough that
/// decoding and rendering one part stays well under a frame budget on a phone.
pub const PART_BYTES: usize = 6_000;

#[cfg(test)]
mod tests {
    #[test]
    fn example_title_is_the_card_title() {
        let a = crate::analyze(super::EXAMPLE);
        assert_eq!(a.card.title.as_deref(), Some(super::EXAMPLE_TITLE));
    }
}
