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

/// A normalised text plus the piecewise-linear map back to the original byte offsets.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// Anchors `(normalised byte, original byte)`, sorted, where the offset difference changes.
    anchors: Vec<(usize, usize)>,
    /// Number of characters replaced, removed or composed.
    pub changed: usize,
}

impl Normalized {
    /// Maps a byte offset of the normalised text to the matching byte offset of the original.
    pub fn to_original(&self, pos: usize) -> usize {
        if self.anchors.is_empty() {
            return pos;
        }
        // Last anchor whose normalised offset is <= pos.
        let i = self.anchors.partition_point(|&(n, _)| n <= pos);
        if i == 0 {
            return pos;
        }
        let (n, o) = self.anchors[i - 1];
        o + (pos - n)
    }
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

fn push_anchor(anchors: &mut Vec<(usize, usize)>, n: usize, o: usize) {
    if let Some(&(ln, lo)) = anchors.last() {
        if n - ln == o - lo {
            return; // same offset difference: the previous anchor still holds
        }
    }
    anchors.push((n, o));
}

/// Normalises `input` (see the module table). Linear time, one pass.
pub fn normalize(input: &str) -> Normalized {
    // Fast path: nothing to change.
    let needs = input.chars().any(|c| {
        !matches!(classify(c), Edit::Keep) || c == '\r' || ('\u{0300}'..='\u{036F}').contains(&c)
    });
    if !needs {
        return Normalized {
            text: input.to_string(),
            anchors: Vec::new(),
            changed: 0,
        };
    }
    let mut out = String::with_capacity(input.len());
    let mut anchors = vec![(0usize, 0usize)];
    let mut changed = 0;
    let mut iter = input.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let clen = c.len_utf8();
        // CRLF and CR.
        if c == '\r' {
            let mut end = i + 1;
            if let Some(&(_, '\n')) = iter.peek() {
                iter.next();
                end += 1;
            }
            out.push('\n');
            changed += 1;
            push_anchor(&mut anchors, out.len(), end);
            continue;
        }
        // Base letter followed by a combining mark we can compose.
        if let Some(&(j, m)) = iter.peek() {
            if ('\u{0300}'..='\u{036F}').contains(&m) {
                if let Some(composed) = combining_compose(c, m) {
                    iter.next();
                    out.push(composed);
                    changed += 1;
                    push_anchor(&mut anchors, out.len(), j + m.len_utf8());
                    continue;
                }
            }
        }
        match classify(c) {
            Edit::Keep => out.push(c),
            Edit::Replace(r) => {
                out.push(r);
                changed += 1;
                push_anchor(&mut anchors, out.len(), i + clen);
            }
            Edit::Remove => {
                changed += 1;
                push_anchor(&mut anchors, out.len(), i + clen);
            }
        }
    }
    // Every anchor records "from here on, difference is constant"; make sure the end maps exactly.
    debug_assert_eq!(
        {
            let (n, o) = *anchors.last().unwrap();
            o + (out.len() - n)
        },
        input.len()
    );
    Normalized {
        text: out,
        anchors,
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

    #[test]
    fn lone_combining_mark_kept() {
        let n = roundtrip("\u{0301}x");
        assert_eq!(n.text, "\u{0301}x");
    }
}
