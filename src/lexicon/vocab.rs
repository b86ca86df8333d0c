//! The vocabulary: every lexicon word interned once, so that a token is hashed once per document.

use crate::fxhash::FxHashMap as HashMap;

/// Interned lower-cased words of the token lexicons: each word used by a cue pattern gets a dense
/// id, and [`Doc`] looks every token up once ([`Doc::tok_id`]), so matching compares integers
/// instead of hashing the same token string again for every lexicon.
#[derive(Debug, Default)]
pub struct Vocab {
    pub(super) ids: HashMap<String, u32>,
}

impl Vocab {
    /// Id of a token not in the vocabulary.
    pub const NONE: u32 = u32::MAX;

    pub(super) fn intern(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.ids.get(w) {
            return id;
        }
        let n = self.ids.len() as u32;
        self.ids.insert(w.to_string(), n);
        n
    }

    /// Id of a lower-cased word, or [`Vocab::NONE`].
    pub fn id(&self, w: &str) -> u32 {
        self.ids.get(w).copied().unwrap_or(Self::NONE)
    }

    /// Ids of all tokens of `doc` (lower-cased forms).
    #[cfg(test)]
    pub fn ids<D: super::Tokens + ?Sized>(&self, doc: &D) -> Vec<u32> {
        (0..doc.tok_count())
            .map(|i| self.id(doc.tok_lower(i)))
            .collect()
    }
}
