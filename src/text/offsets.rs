//! Conversion of UTF-8 byte offsets to UTF-16 code units and to Unicode code points.
//!
//! [`OffsetIndex`] stores one checkpoint per [`STRIDE`] bytes: checkpoint `k` sits at the first
//! char boundary at or after `k * STRIDE`. A lookup finds its checkpoint by a division (no
//! search) and counts at most `STRIDE + 3` bytes from there, eight bytes at a time; the index
//! costs `24 / STRIDE` bytes per input byte.
//!
//! Invariant: for every char boundary `b` of the text,
//! `utf16(b) == text[..b].encode_utf16().count()` and `chars(b) == text[..b].chars().count()`.

/// Bytes between two checkpoints.
pub const STRIDE: usize = 64;

#[derive(Debug, Clone)]
pub struct OffsetIndex<'a> {
    text: &'a str,
    /// `(byte, utf16, chars)` at the first char boundary at or after each multiple of `STRIDE`
    /// (index `k` for `k * STRIDE`); multiples past the last char have no checkpoint.
    checkpoints: Vec<(usize, usize, usize)>,
}

/// The high bit of every byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// Number of bytes whose high bit is set in `mask` (`mask` has only [`HIGH_BITS`] bits).
#[inline]
fn count_high_bits(mask: u64) -> usize {
    // One 0/1 per byte, summed into the top byte (at most 8: no carry).
    ((mask >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// `(chars, 4-byte chars)` starting in `bytes`, a slice of UTF-8 that may cut chars at its ends.
///
/// Every byte that is not a continuation byte (`0b10xx_xxxx`) starts a char, and a leading byte
/// `>= 0xF0` starts a 4-byte char, which is two UTF-16 code units.
#[inline]
fn count_chars(bytes: &[u8]) -> (usize, usize) {
    let (mut continuation, mut wide) = (0usize, 0usize);
    let mut words = bytes.chunks_exact(8);
    for word in &mut words {
        let w = u64::from_le_bytes(word.try_into().unwrap());
        if w & HIGH_BITS == 0 {
            continue; // eight ASCII chars
        }
        // Bit 7 of each byte, set when bit 7 is 1 and bit 6 is 0 (shifts stay within the byte
        // where it matters: bit 6 moves to bit 7, bit 7 leaves for the next byte's bit 0).
        continuation += count_high_bits(w & !(w << 1) & HIGH_BITS);
        wide += count_high_bits(w & (w << 1) & (w << 2) & (w << 3) & HIGH_BITS);
    }
    for &b in words.remainder() {
        continuation += (b & 0xC0 == 0x80) as usize;
        wide += (b >= 0xF0) as usize;
    }
    (bytes.len() - continuation, wide)
}

impl<'a> OffsetIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 2);
        checkpoints.push((0, 0, 0));
        let (mut last, mut u16s, mut chars) = (0usize, 0usize, 0usize);
        let mut k = STRIDE;
        while k < bytes.len() {
            let Some(b) = (k..bytes.len()).find(|&b| text.is_char_boundary(b)) else {
                break;
            };
            let (n, wide) = count_chars(&bytes[last..b]);
            chars += n;
            u16s += n + wide;
            checkpoints.push((b, u16s, chars));
            last = b;
            k += STRIDE;
        }
        OffsetIndex { text, checkpoints }
    }

    /// The checkpoint at or before `byte` (`byte <= text.len()`).
    #[inline]
    fn checkpoint(&self, byte: usize) -> (usize, usize, usize) {
        let mut i = (byte / STRIDE).min(self.checkpoints.len() - 1);
        // Only for a byte inside the char that straddles `i * STRIDE` (not a char boundary).
        while self.checkpoints[i].0 > byte {
            i -= 1;
        }
        self.checkpoints[i]
    }

    fn scan(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.text.len());
        let (b0, u16s, chars) = self.checkpoint(byte);
        let (n, wide) = count_chars(&self.text.as_bytes()[b0..byte]);
        (u16s + n + wide, chars + n)
    }

    /// UTF-16 offsets of `start` and `end` (char boundaries, `start <= end`): the same as
    /// `(utf16(start), utf16(end))`, but `end` is counted from `start` when that is closer than
    /// its checkpoint (short spans).
    pub fn utf16_pair(&self, start: usize, end: usize) -> (usize, usize) {
        let start16 = self.utf16(start);
        let (start, end) = (start.min(self.text.len()), end.min(self.text.len()));
        if end < start || self.checkpoint(end).0 > start {
            return (start16, self.utf16(end));
        }
        let (n, wide) = count_chars(&self.text.as_bytes()[start..end]);
        (start16, start16 + n + wide)
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

    fn check_all_boundaries(text: &str) {
        let idx = OffsetIndex::new(text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(idx.utf16(b), text[..b].encode_utf16().count(), "{b}");
            assert_eq!(idx.chars(b), text[..b].chars().count(), "{b}");
        }
    }

    #[test]
    fn utf16_pair_as_two_lookups() {
        let text = format!("{}{}", "a".repeat(61), "xé€😀 ".repeat(40));
        let idx = OffsetIndex::new(&text);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in bounds[k..].iter().take(STRIDE + 8) {
                assert_eq!(
                    idx.utf16_pair(a, b),
                    (idx.utf16(a), idx.utf16(b)),
                    "{a}..{b}"
                );
            }
        }
    }

    #[test]
    fn matches_naive_counts() {
        check_all_boundaries(&"Élysée « 😀 » Tokaïev\n".repeat(40));
    }

    #[test]
    fn every_length_and_alignment() {
        // Chars of 1 to 4 bytes straddling the checkpoints at every offset, text ending anywhere.
        for pad in 0..8 {
            let text = format!("{}{}", "a".repeat(pad), "xé€😀".repeat(30));
            for end in 0..=text.len() {
                if text.is_char_boundary(end) {
                    check_all_boundaries(&text[..end]);
                }
            }
        }
        check_all_boundaries("");
    }

    #[test]
    fn checkpoints_at_first_boundary_after_each_stride() {
        let text = "é".repeat(200);
        let idx = OffsetIndex::new(&text);
        for (k, &(b, _, _)) in idx.checkpoints.iter().enumerate() {
            assert_eq!(
                b,
                (k * STRIDE..).find(|&b| text.is_char_boundary(b)).unwrap()
            );
        }
        assert_eq!(idx.checkpoints.len(), (text.len() - 1) / STRIDE + 1);
    }
}
