//! Named entities: [`candidates`] proposes every name a rule can see (gazetteer, acronyms,
//! titles, heads, capitalised sequences…), [`select`] keeps one reading of each stretch of text
//! and attaches short forms and roles.

mod candidates;
mod select;

pub(crate) use candidates::{is_word_acronym_of, EMention};
pub(crate) use select::find;
