//! Named entities: [`candidates`] proposes every name a rule can see (gazetteer, acronyms,
//! titles, heads, capitalised sequences…), [`select`] keeps one reading of each stretch of text
//! and attaches short forms and roles.

mod candidates;

pub(crate) use candidates::*;
