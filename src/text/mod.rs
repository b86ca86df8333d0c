//! The text as the layers read it, built once per document.
//!
//! - [`normalize`]: typographic normalisation with a piecewise map back to the original offsets;
//! - [`segment`]: blocks (lines), sentences and tokens;
//! - [`offsets`]: UTF-8 → UTF-16 / code-point offsets;
//! - [`doc`]: the document — text, lower case, segmentation, per-token vocabulary ids and word
//!   classes, chrome flags — and the map of its spans to the original text;
//! - [`lang`]: a cheap language check (French or not, and which).

pub(crate) mod doc;
pub(crate) mod lang;
pub(crate) mod normalize;
pub(crate) mod offsets;
pub(crate) mod segment;

/// The largest char boundary of `text` at or below `i` (`text.len()` when `i` is past the end):
/// where to cut a byte budget without splitting a character. (`str::floor_char_boundary` needs a
/// newer Rust than the crate's minimum.)
pub(crate) fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut end = i.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}
