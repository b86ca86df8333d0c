//! Case folding shared by the lexicons' keys and the document's tokens (so both agree): lower
//! case with the same byte length.

/// Lower case with the same byte length (characters whose lower case has another UTF-8 length
/// are kept as they are), so that offsets are shared with the original.
///
/// ASCII is lower-cased in one pass over the whole string; non-ASCII chars are decoded one by one
/// (found eight bytes at a time) and only those that change are written apart.
pub(crate) fn lower_same_len(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // `s[..copied]` is in `out` (non-ASCII chars lower-cased, ASCII not yet).
    let mut copied = 0;
    let mut i = next_non_ascii(bytes, 0);
    while i < bytes.len() {
        let c = s[i..].chars().next().unwrap();
        let len = c.len_utf8();
        if let Some(lc) = lower_non_ascii(c) {
            out.push_str(&s[copied..i]);
            out.push(lc);
            copied = i + len;
        }
        i = next_non_ascii(bytes, i + len);
    }
    out.push_str(&s[copied..]);
    // Non-ASCII lower cases of the same length are non-ASCII: this only touches ASCII letters.
    out.make_ascii_lowercase();
    out
}

/// First offset at or after `i` that holds a non-ASCII byte, or `bytes.len()`.
pub(crate) fn next_non_ascii(bytes: &[u8], mut i: usize) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    while i + 8 <= bytes.len() {
        let w = u64::from_le_bytes(bytes[i..i + 8].try_into().unwrap());
        if w & HIGH_BITS != 0 {
            // The lowest set high bit is the first non-ASCII byte (little-endian load).
            return i + (w & HIGH_BITS).trailing_zeros() as usize / 8;
        }
        i += 8;
    }
    while i < bytes.len() && bytes[i].is_ascii() {
        i += 1;
    }
    i
}

/// The lower case of a non-ASCII char when it differs and is one char of the same UTF-8 length.
#[inline]
fn lower_non_ascii(c: char) -> Option<char> {
    if ('\u{DF}'..='\u{FF}').contains(&c) {
        return None; // ß, à…ÿ and ÷: their own lower case
    }
    let mut l = c.to_lowercase();
    match (l.next(), l.next()) {
        (Some(lc), None) if lc != c && lc.len_utf8() == c.len_utf8() => Some(lc),
        _ => None,
    }
}
