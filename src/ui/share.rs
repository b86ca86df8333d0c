//! The share-link format. The text travels in the URL *fragment* (after `#`), which browsers
//! never send to a server:
//!
//! - `#t=` + base64url (RFC 4648 §5, no padding) of the UTF-8 text compressed with raw DEFLATE
//!   (RFC 1951; the browser's `CompressionStream("deflate-raw")`);
//! - `#u=` + base64url of the uncompressed UTF-8 text (written only where `CompressionStream` is
//!   missing; always read).
//!
//! Compression itself is done by the browser; this module only encodes and parses.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url without padding.
pub fn b64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
        }
    }
    out
}

/// Decodes base64url (padding and the `+`/`/` alphabet tolerated); `None` on any other byte.
pub fn b64url_decode(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        } as u32)
    };
    let s = s.trim_end_matches('=').as_bytes();
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.chunks(4) {
        let mut n = 0u32;
        for (k, &c) in chunk.iter().enumerate() {
            n |= val(c)? << (18 - 6 * k);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len() - 1]);
    }
    Some(out)
}

/// What a fragment carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shared {
    /// Raw-DEFLATE-compressed UTF-8 (to be inflated by the browser).
    Deflated(Vec<u8>),
    /// UTF-8 text, as is.
    Plain(Vec<u8>),
}

/// The fragment (without `#`) for a compressed text.
pub fn fragment_deflated(compressed: &[u8]) -> String {
    format!("t={}", b64url_encode(compressed))
}

/// The fragment (without `#`) for an uncompressed text.
pub fn fragment_plain(text: &str) -> String {
    format!("u={}", b64url_encode(text.as_bytes()))
}

/// Reads a location hash (`#t=…`, with or without `#`). `None` when it is not a share link;
/// `Some(Err(()))` when it looks like one but cannot be decoded.
pub fn parse(hash: &str) -> Option<Result<Shared, ()>> {
    let h = hash.strip_prefix('#').unwrap_or(hash);
    // Other parameters (`&embed=1`…) may follow.
    let first = h
        .split('&')
        .find(|p| p.starts_with("t=") || p.starts_with("u="))?;
    let (k, v) = first.split_at(2);
    Some(match (k, b64url_decode(v)) {
        (_, None) => Err(()),
        (_, Some(b)) if b.is_empty() => Err(()),
        ("t=", Some(b)) => Ok(Shared::Deflated(b)),
        (_, Some(b)) => Ok(Shared::Plain(b)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_and_matches_rfc4648() {
        // RFC 4648 §10 test vectors (base64url alphabet, no padding).
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(b64url_encode(raw.as_bytes()), enc);
            assert_eq!(b64url_decode(enc).unwrap(), raw.as_bytes());
        }
        let all: Vec<u8> = (0..=255).collect();
        let e = b64url_encode(&all);
        assert!(e
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        assert_eq!(b64url_decode(&e).unwrap(), all);
        assert_eq!(b64url_decode("Zm9vYg=="), Some(b"foob".to_vec()));
        assert_eq!(b64url_decode("Zm9v!"), None);
        assert_eq!(b64url_decode("Z"), None);
    }

    #[test]
    fn fragments() {
        let f = fragment_plain("Élysée « oui »");
        assert_eq!(
            parse(&format!("#{f}")),
            Some(Ok(Shared::Plain("Élysée « oui »".as_bytes().to_vec())))
        );
        assert_eq!(parse("#t=AAEC"), Some(Ok(Shared::Deflated(vec![0, 1, 2]))));
        assert_eq!(
            parse("#embed=1&t=AAEC"),
            Some(Ok(Shared::Deflated(vec![0, 1, 2])))
        );
        assert_eq!(parse("#t=%%%"), Some(Err(())));
        assert_eq!(parse("#t="), Some(Err(())));
        assert_eq!(parse("#section-2"), None);
        assert_eq!(parse(""), None);
    }
}
