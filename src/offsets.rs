//! Conversion of UTF-8 byte offsets to UTF-16 code units and to Unicode code points.
//!
//! [`OffsetIndex`] stores one checkpoint every [`STRIDE`] bytes, so a lookup costs at most
//! `STRIDE` bytes of scanning and the index costs `16 / STRIDE` bytes per input byte.
//!
//! Invariant: for every char boundary `b` of the text,
//! `utf16(b) == text[..b].encode_utf16().count()` and `chars(b) == text[..b].chars().count()`.

/// Bytes between two checkpoints.
pub const STRIDE: usize = 64;

#[derive(Debug, Clone)]
pub struct OffsetIndex<'a> {
    text: &'a str,
    /// `(byte, utf16, chars)` at the first char boundary at or after each multiple of `STRIDE`.
    checkpoints: Vec<(usize, usize, usize)>,
}

impl<'a> OffsetIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 2);
        checkpoints.push((0, 0, 0));
        let (mut u16s, mut chars) = (0usize, 0usize);
        let mut next = STRIDE;
        for (i, c) in text.char_indices() {
            if i >= next {
                checkpoints.push((i, u16s, chars));
                next = (i / STRIDE + 1) * STRIDE;
            }
            u16s += c.len_utf16();
            chars += 1;
        }
        OffsetIndex { text, checkpoints }
    }

    fn scan(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let i = self.checkpoints.partition_point(|&(b, _, _)| b <= byte) - 1;
        let (b0, u16s, chars) = self.checkpoints[i];
        // Count from the bytes: every non-continuation byte starts a char; a 4-byte char
        // (leading byte >= 0xF0) is two UTF-16 code units.
        let (mut n, mut wide) = (0usize, 0usize);
        for &b in &self.text.as_bytes()[b0..byte] {
            n += ((b & 0xC0) != 0x80) as usize;
            wide += (b >= 0xF0) as usize;
        }
        (u16s + n + wide, chars + n)
    }

    /// UTF-16 offset of a byte offset (which must be a char boundary).
    pub fn utf16(&self, byte: usize) -> usize {
        self.scan(byte).0
    }

    /// Code-point offset of a byte offset (which must be a char boundary).
    pub fn chars(&self, byte: usize) -> usize {
        self.scan(byte).1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_naive_counts() {
        let text = "Élysée « 😀 » Tokaïev\n".repeat(40);
        let idx = OffsetIndex::new(&text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(idx.utf16(b), text[..b].encode_utf16().count());
            assert_eq!(idx.chars(b), text[..b].chars().count());
        }
    }
}
