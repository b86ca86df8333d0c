//! The annotation layers, each a pass over the [`Doc`](crate::text::doc::Doc) that reads the
//! layers before it (the order is [`crate::pipeline`]'s):
//!
//! - [`boilerplate`]: page chrome set aside; title and dateline;
//! - [`dates`]: French date expressions to ISO dates;
//! - [`entities`]: people, organisations, places, events (candidates, then one selection);
//! - [`quotes`]: quotations and transcripts with their speaker;
//! - [`stance`]: stance cues with negation, holder and short target;
//! - [`frames`]: narrative frames from the frame lexicon;
//! - [`syntax`]: the sentence helpers quotes and stance share (pronouns, role phrases, subjects).

pub(crate) mod boilerplate;
pub(crate) mod dates;
pub(crate) mod entities;
pub(crate) mod frames;
pub(crate) mod quotes;
pub(crate) mod stance;
pub(crate) mod syntax;
