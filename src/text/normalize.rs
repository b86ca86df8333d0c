//! Text normalisation with a map back to the original offsets.
//!
//! The analysis runs on a normalised copy of the input where French typography is made uniform:
//!
//! | input                                                   | normalised |
//! |---------------------------------------------------------|------------|
//! | `\r\n`, `\r`, U+2028, U+2029                             | `\n`       |
//! | no-break U+00A0, narrow no-break U+202F, thin/figure/… spaces, tab | ` ` |
//! | apostrophes `’ ‘ ʼ ′ ´` and backtick                     | `'`        |
//! | hyphens U+2010, U+2011                                   | `-`        |
//! | zero-width space/joiners, BOM, soft hyphen              | removed    |
//! | other control characters                                | ` `        |
//! | base letter + combining accent (NFD)                    | precomposed letter (NFC) |
//!
//! Guillemets, curly double quotes and dashes are kept: the quote layer needs them.
//!
//! Invariants:
//! - [`Normalized::to_original`] maps every `char` boundary of the normalised text to a `char`
//!   boundary of the original text, monotonically (a ≤ b ⇒ map(a) ≤ map(b));
//! - `to_original(norm.len()) == original.len()`; removed characters belong to the span after them;
//! - text that needs no change is borrowed-equal: `norm == original` and the map is the identity.

/// Bytes of the normalised text per entry of the anchor index ([`Normalized::to_original`]).
const BUCKET: usize = 64;

/// A normalised text plus the piecewise-linear map back to the original byte offsets.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// Anchors `(normalised byte, original byte)`, sorted, where the offset difference changes;
    /// before the first one the offsets are equal (no anchors: the map is the identity).
    anchors: Vec<(usize, usize)>,
    /// `first[k]`: number of anchors at or before normalised byte `k * BUCKET`, for every `k` up
    /// to `text.len() / BUCKET` (empty when there are no anchors).
    first: Vec<usize>,
    /// Number of characters replaced, removed or composed.
    pub changed: usize,
}

impl Normalized {
    /// Maps a byte offset of the normalised text to the matching byte offset of the original.
    ///
    /// The anchor index gives the anchors before `pos`'s bucket; only the anchors inside the
    /// bucket are searched (usually none or one).
    pub fn to_original(&self, pos: usize) -> usize {
        if self.anchors.is_empty() {
            return pos;
        }
        // Number of anchors whose normalised offset is <= pos: all those up to the bucket start,
        // plus those in the bucket up to pos (a search, as removals can pile anchors up).
        let k = (pos / BUCKET).min(self.first.len() - 1);
        let (lo, hi) = (
            self.first[k],
            *self.first.get(k + 1).unwrap_or(&self.anchors.len()),
        );
        let i = lo + self.anchors[lo..hi].partition_point(|&(n, _)| n <= pos);
        if i == 0 {
            return pos;
        }
        let (n, o) = self.anchors[i - 1];
        o + (pos - n)
    }
}

/// The anchor index of [`Normalized::first`].
fn bucket_index(anchors: &[(usize, usize)], len: usize) -> Vec<usize> {
    if anchors.is_empty() {
        return Vec::new();
    }
    let mut first = Vec::with_capacity(len / BUCKET + 1);
    let mut i = 0;
    for k in 0..=len / BUCKET {
        while i < anchors.len() && anchors[i].0 <= k * BUCKET {
            i += 1;
        }
        first.push(i);
    }
    first
}

fn combining_compose(base: char, mark: char) -> Option<char> {
    // The marks that French (and most Latin-script names in the news) use.
    const TABLE: &[(char, &str, &str)] = &[
        ('\u{0300}', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
        ('\u{0301}', "aeiouyAEIOUYcnszCNSZ", "áéíóúýÁÉÍÓÚÝćńśźĆŃŚŹ"),
        ('\u{0302}', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
        ('\u{0303}', "anoANO", "ãñõÃÑÕ"),
        ('\u{0308}', "aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ"),
        ('\u{0327}', "cCsStT", "çÇşŞţŢ"),
        ('\u{030C}', "cszCSZrRgG", "čšžČŠŽřŘǧǦ"),
        ('\u{0306}', "agAG", "ăğĂĞ"),
        ('\u{030A}', "aAuU", "åÅůŮ"),
    ];
    let (_, bases, composed) = TABLE.iter().find(|(m, _, _)| *m == mark)?;
    let idx = bases.chars().position(|b| b == base)?;
    composed.chars().nth(idx)
}

fn is_combining_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// What one input character becomes.
enum Edit {
    Keep,
    Replace(char),
    Remove,
}

fn classify(c: char) -> Edit {
    match c {
        '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{200A}' | '\u{2002}'
        | '\u{2003}' | '\u{2004}' | '\u{2005}' | '\u{2006}' | '\u{2008}' | '\u{205F}'
        | '\u{3000}' | '\t' | '\u{000B}' | '\u{000C}' => Edit::Replace(' '),
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '\u{00B4}' | '`' => Edit::Replace('\''),
        '\u{2010}' | '\u{2011}' => Edit::Replace('-'),
        '\u{2028}' | '\u{2029}' | '\u{0085}' => Edit::Replace('\n'),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Edit::Remove,
        '\n' => Edit::Keep,
        c if c.is_control() => Edit::Replace(' '),
        _ => Edit::Keep,
    }
}

/// Per byte value: true when the byte never needs a look at its char, because it is a
/// continuation byte, or starts a char that [`classify`] keeps and that is neither `\r` nor a
/// combining mark. Conservative: a `false` byte may still start a kept char.
///
/// The leading bytes set to `false` cover: `C2` U+0080–U+00BF (C1 controls, no-break space,
/// soft hyphen, acute accent), `CA` U+0280–U+02BF (U+02BC), `CC`/`CD` the combining marks,
/// `E2` U+2000–U+2FFF (spaces, quotes, hyphens, separators, invisibles), `E3` U+3000 and
/// `EF` U+FEFF (checked exhaustively by a test).
static PLAIN: [bool; 256] = {
    let mut t = [true; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b == b'\n' as usize;
        b += 1;
    }
    t[b'`' as usize] = false;
    t[0x7F] = false;
    t[0xC2] = false;
    t[0xCA] = false;
    t[0xCC] = false;
    t[0xCD] = false;
    t[0xE2] = false;
    t[0xE3] = false;
    t[0xEF] = false;
    t
};

/// The edit of the input at char boundary `i`, a byte that is not [`PLAIN`]: the replacement
/// (`None`: removed) and the end of the replaced input, or `None` when the char is kept.
///
/// A combining mark composes with the ASCII letter just before it (`i - 1`), which is then part
/// of the replaced input: callers have not copied it yet (an ASCII letter is never edited).
fn edit_at(input: &str, i: usize) -> Option<(usize, Option<char>, usize)> {
    let bytes = input.as_bytes();
    let c = input[i..].chars().next()?;
    let end = i + c.len_utf8();
    if c == '\r' {
        // CRLF and CR.
        let end = if bytes.get(end) == Some(&b'\n') {
            end + 1
        } else {
            end
        };
        return Some((i, Some('\n'), end));
    }
    if is_combining_mark(c) {
        // Base letter followed by a combining mark we can compose.
        let base = *bytes.get(i.checked_sub(1)?)?;
        if !base.is_ascii_alphabetic() {
            return None;
        }
        let composed = combining_compose(base as char, c)?;
        return Some((i - 1, Some(composed), end));
    }
    match classify(c) {
        Edit::Keep => None,
        Edit::Replace(r) => Some((i, Some(r), end)),
        Edit::Remove => Some((i, None, end)),
    }
}

/// First offset at or after `i` that does not start eight [`PLAIN`] bytes; the caller goes on
/// byte by byte from there.
#[inline]
fn skip_plain(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        if !chunk.iter().fold(true, |all, &b| all & PLAIN[b as usize]) {
            break;
        }
        i += 8;
    }
    i
}

fn push_anchor(anchors: &mut Vec<(usize, usize)>, n: usize, o: usize) {
    let (ln, lo) = anchors.last().copied().unwrap_or((0, 0));
    if n - ln == o - lo {
        return; // same offset difference: the previous anchor still holds
    }
    anchors.push((n, o));
}

/// Normalises `input` (see the module table). Linear time, one pass: runs of bytes that need
/// no look at their char ([`PLAIN`], nearly all of a French text) are copied as they are.
pub fn normalize(input: &str) -> Normalized {
    let bytes = input.as_bytes();
    let mut out = String::with_capacity(input.len());
    let mut anchors = Vec::new();
    let mut changed = 0;
    // `input[..copied]` has been normalised into `out`.
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if PLAIN[bytes[i] as usize] {
            i = skip_plain(bytes, i + 1);
            continue;
        }
        // Not plain: an ASCII byte or a leading byte, so `i` is a char boundary.
        match edit_at(input, i) {
            None => i += 1,
            Some((start, replacement, end)) => {
                debug_assert!(copied <= start);
                out.push_str(&input[copied..start]);
                if let Some(r) = replacement {
                    out.push(r);
                }
                changed += 1;
                push_anchor(&mut anchors, out.len(), end);
                copied = end;
                i = end;
            }
        }
    }
    out.push_str(&input[copied..]);
    // Every anchor records "from here on, difference is constant"; make sure the end maps exactly.
    debug_assert_eq!(
        {
            let (n, o) = anchors.last().copied().unwrap_or((0, 0));
            o + (out.len() - n)
        },
        input.len()
    );
    let first = bucket_index(&anchors, out.len());
    Normalized {
        text: out,
        anchors,
        first,
        changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(input: &str) -> Normalized {
        let n = normalize(input);
        assert_eq!(n.to_original(n.text.len()), input.len());
        let mut last = 0;
        for (i, _) in n.text.char_indices() {
            let o = n.to_original(i);
            assert!(input.is_char_boundary(o), "{o} not a boundary in {input:?}");
            assert!(o >= last);
            last = o;
        }
        n
    }

    #[test]
    fn identity_when_clean() {
        let n = roundtrip("La Chine et la Russie.");
        assert_eq!(n.text, "La Chine et la Russie.");
        assert_eq!(n.changed, 0);
    }

    #[test]
    fn french_typography() {
        let n = roundtrip("l’OTSC\u{00A0}: «\u{202F}chaos\u{202F}»\r\nFin");
        assert_eq!(n.text, "l'OTSC : « chaos »\nFin");
        // "Fin" maps back to the original "Fin".
        let fin = n.text.find("Fin").unwrap();
        let o = n.to_original(fin);
        assert_eq!(
            &"l’OTSC\u{00A0}: «\u{202F}chaos\u{202F}»\r\nFin"[o..],
            "Fin"
        );
        assert_eq!(n.changed, 5);
    }

    #[test]
    fn nfd_is_composed() {
        let nfd = "Toka\u{0069}\u{0308}ev a de\u{0301}clare\u{0301}";
        let n = roundtrip(nfd);
        assert_eq!(n.text, "Tokaïev a déclaré");
        let a = n.text.find("a déclaré").unwrap();
        assert_eq!(&nfd[n.to_original(a)..], "a de\u{0301}clare\u{0301}");
    }

    #[test]
    fn zero_width_removed() {
        let n = roundtrip("Pé\u{200B}kin\u{00AD}");
        assert_eq!(n.text, "Pékin");
    }

    /// The char-by-char normalisation this module did before the byte-level fast path:
    /// `(text, anchors, changed)`.
    fn reference(input: &str) -> (String, Vec<(usize, usize)>, usize) {
        let mut out = String::new();
        let mut anchors = vec![(0, 0)];
        let mut changed = 0;
        let mut iter = input.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let end = if c == '\r' {
                let mut end = i + 1;
                if let Some(&(_, '\n')) = iter.peek() {
                    iter.next();
                    end += 1;
                }
                out.push('\n');
                end
            } else if let Some(composed) = iter
                .peek()
                .filter(|&&(_, m)| is_combining_mark(m))
                .and_then(|&(_, m)| combining_compose(c, m))
            {
                let (j, m) = iter.next().unwrap();
                out.push(composed);
                j + m.len_utf8()
            } else {
                match classify(c) {
                    Edit::Keep => {
                        out.push(c);
                        continue;
                    }
                    Edit::Replace(r) => out.push(r),
                    Edit::Remove => {}
                }
                i + c.len_utf8()
            };
            changed += 1;
            let &(ln, lo) = anchors.last().unwrap();
            if out.len() - ln != end - lo {
                anchors.push((out.len(), end));
            }
        }
        (out, anchors, changed)
    }

    #[test]
    fn same_as_char_by_char() {
        let pieces = [
            "a",
            "é",
            "e\u{301}",
            "\u{301}",
            "E\u{327}",
            "\r\n",
            "\r",
            "\n",
            "\t",
            "`",
            "’",
            "\u{a0}",
            "\u{202f}",
            "\u{200b}",
            "\u{ad}",
            "\u{feff}",
            "\u{85}",
            "\u{1}",
            "«",
            "😀",
            "\u{2028}",
            "\u{2010}",
            "\u{3000}",
            "ʼ",
            "x\u{308}\u{308}",
            "\u{7f}",
            " ",
        ];
        // Every sequence of three pieces, and a long mix.
        let mut inputs: Vec<String> = Vec::new();
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    inputs.push(format!("{a}{b}{c}"));
                }
            }
        }
        inputs.push(pieces.concat().repeat(20));
        // Specials at every offset of long runs (the eight-byte skip).
        let run = "Le président a dit (1990-2024) : ~{ok}|_@#$%^&*+=[]<>?/\\;!\"x.";
        for special in [
            "`", "\u{7f}", "\t", "\r\n", "\n", "\u{a0}", "é", "\u{1}", "\u{301}", " ",
        ] {
            for k in (0..run.len()).filter(|&k| run.is_char_boundary(k)) {
                inputs.push(format!("{}{special}{}", &run[..k], &run[k..]));
            }
        }
        for input in &inputs {
            let n = roundtrip(input);
            let (text, anchors, changed) = reference(input);
            assert_eq!(n.text, text, "{input:?}");
            assert_eq!(n.changed, changed, "{input:?}");
            for pos in 0..=n.text.len() {
                let (an, ao) = anchors[anchors.partition_point(|&(a, _)| a <= pos) - 1];
                assert_eq!(n.to_original(pos), ao + (pos - an), "{input:?} at {pos}");
            }
        }
    }

    #[test]
    fn plain_bytes_never_start_an_edit() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let looked_at = c == '\r' || is_combining_mark(c) || !matches!(classify(c), Edit::Keep);
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(!looked_at || !PLAIN[first as usize], "{c:?}");
        }
        assert!(PLAIN[0x80..0xC0].iter().all(|&p| p), "continuation bytes");
    }

    #[test]
    fn to_original_index_matches_a_search() {
        let input = "’a\u{200b}\u{200b}b’".repeat(100)
            + &"x".repeat(300)
            + "’"
            + &"\u{200b}".repeat(500)
            + "y’";
        let n = roundtrip(&input);
        for pos in 0..=n.text.len() + 5 {
            let i = n.anchors.partition_point(|&(a, _)| a <= pos);
            let expected = if i == 0 {
                pos
            } else {
                n.anchors[i - 1].1 + (pos - n.anchors[i - 1].0)
            };
            assert_eq!(n.to_original(pos), expected, "{pos}");
        }
    }

    #[test]
    fn lone_combining_mark_kept() {
        let n = roundtrip("\u{0301}x");
        assert_eq!(n.text, "\u{0301}x");
    }
}
