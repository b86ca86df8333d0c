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
