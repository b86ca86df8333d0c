//! Compact JSON of an [`Analysis`], written by hand into a byte buffer: the same bytes as
//! `serde_json::to_writer(&mut buf, &analysis)` (checked by the tests below and by
//! `scripts/identity.sh`), at a fraction of the cost.
//!
//! Why it is kept (measured with callgrind on `loupe batch --jobs 1` over the ten 264 KB corpus
//! documents, 1.35 MB of JSON each): serde_json spent ≈ 19 M instructions per document, most
//! of them escaping the struct keys byte by byte and appending each key, quote, colon and
//! comma separately; here the keys and punctuation between two values are one constant slice,
//! and only the text values are scanned for escapes. Every struct is destructured without `..`,
//! so a field added to the schema does not compile here until it is written out too.

use loupe::schema::*;
use loupe::value::needs_escape;

/// Appends `a` as compact JSON to `out`.
pub fn write_analysis(out: &mut Vec<u8>, a: &Analysis) {
    let mut w = W(out);
    w.analysis(a);
}

/// Appends `s` as a JSON string (serde_json's escapes) to `out`.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    W(out).str(s);
}

struct W<'o>(&'o mut Vec<u8>);

/// "00" to "99".
static DIGITS2: [u8; 200] = {
    let mut t = [0u8; 200];
    let mut i = 0;
    while i < 100 {
        t[2 * i] = b'0' + (i / 10) as u8;
        t[2 * i + 1] = b'0' + (i % 10) as u8;
        i += 1;
    }
    t
};

/// Whether a string has a byte JSON escapes (`"`, `\` or a control character), eight bytes at
/// a time.
impl W<'_> {
    #[inline]
    fn raw(&mut self, b: &[u8]) {
        self.0.extend_from_slice(b);
    }

    /// A JSON string: serde_json escapes `"`, `\` and the control characters (`\b`, `\t`, `\n`,
    /// `\f`, `\r`, else `\u00xx` in lower-case hex) and writes everything else as it is.
    fn str(&mut self, s: &str) {
        let b = s.as_bytes();
        let out = &mut *self.0;
        out.reserve(b.len() + 2);
        out.push(b'"');
        if !needs_escape(b) {
            // Most strings: one copy.
            out.extend_from_slice(b);
            out.push(b'"');
            return;
        }
        let mut start = 0;
        for (i, &c) in b.iter().enumerate() {
            if c >= 0x20 && c != b'"' && c != b'\\' {
                continue;
            }
            out.extend_from_slice(&b[start..i]);
            match c {
                b'"' => out.extend_from_slice(b"\\\""),
                b'\\' => out.extend_from_slice(b"\\\\"),
                0x08 => out.extend_from_slice(b"\\b"),
                0x0C => out.extend_from_slice(b"\\f"),
                b'\n' => out.extend_from_slice(b"\\n"),
                b'\r' => out.extend_from_slice(b"\\r"),
                b'\t' => out.extend_from_slice(b"\\t"),
                _ => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(&[
                        b'\\',
                        b'u',
                        b'0',
                        b'0',
                        HEX[(c >> 4) as usize],
                        HEX[(c & 0xF) as usize],
                    ]);
                }
            }
            start = i + 1;
        }
        out.extend_from_slice(&b[start..]);
        out.push(b'"');
    }

    /// A decimal number, two digits at a time (as itoa does for serde_json).
    fn num(&mut self, n: usize) {
        if n < 10 {
            self.0.push(b'0' + n as u8);
            return;
        }
        let mut n = n as u64;
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        while n >= 100 {
            let r = (n % 100) as usize * 2;
            n /= 100;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&DIGITS2[r..r + 2]);
        }
        if n >= 10 {
            let r = n as usize * 2;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&DIGITS2[r..r + 2]);
        } else {
            i -= 1;
            buf[i] = b'0' + n as u8;
        }
        self.raw(&buf[i..]);
    }

    fn nums(&mut self, v: &[usize]) {
        self.raw(b"[");
        for (i, &n) in v.iter().enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            self.num(n);
        }
        self.raw(b"]");
    }

    fn list<T>(&mut self, v: &[T], mut item: impl FnMut(&mut Self, &T)) {
        self.raw(b"[");
        for (i, x) in v.iter().enumerate() {
            if i > 0 {
                self.raw(b",");
            }
            item(self, x);
        }
        self.raw(b"]");
    }

    /// `,"key":` then the string, when there is one (a `skip_serializing_if` option).
    fn opt_str(&mut self, key: &[u8], v: &Option<String>) {
        if let Some(s) = v {
            self.raw(key);
            self.str(s);
        }
    }

    fn span(&mut self, s: &Span) {
        let Span {
            start,
            end,
            start16,
            end16,
        } = s;
        self.raw(b"{\"start\":");
        self.num(*start);
        self.raw(b",\"end\":");
        self.num(*end);
        self.raw(b",\"start16\":");
        self.num(*start16);
        self.raw(b",\"end16\":");
        self.num(*end16);
        self.raw(b"}");
    }

    fn confidence(&mut self, c: Confidence) {
        self.raw(match c {
            Confidence::Sure => b"\"sure\"",
            Confidence::Likely => b"\"likely\"",
            Confidence::Guess => b"\"guess\"",
        });
    }

    fn etype(&mut self, t: EntityType) {
        self.raw(match t {
            EntityType::PER => b"\"PER\"",
            EntityType::ORG => b"\"ORG\"",
            EntityType::LOC => b"\"LOC\"",
            EntityType::MISC => b"\"MISC\"",
        });
    }

    fn polarity(&mut self, p: Polarity) {
        self.raw(match p {
            Polarity::Support => b"\"support\"" as &[u8],
            Polarity::Oppose => b"\"oppose\"",
            Polarity::Accuse => b"\"accuse\"",
            Polarity::Commit => b"\"commit\"",
            Polarity::Concern => b"\"concern\"",
            Polarity::Praise => b"\"praise\"",
        });
    }

    fn rule(&mut self, r: &Rule) {
        let Rule {
            id,
            detail,
            confidence,
        } = r;
        self.raw(b"{\"id\":");
        self.str(id);
        self.raw(b",\"detail\":");
        self.str(detail);
        self.raw(b",\"confidence\":");
        self.confidence(*confidence);
        self.raw(b"}");
    }

    fn analysis(&mut self, a: &Analysis) {
        let Analysis {
            schema,
            generator,
            stats,
            blocks,
            boilerplate,
            sentences,
            mentions,
            entities,
            dates,
            quotes,
            stances,
            frames,
            card,
            truncated,
        } = a;
        self.raw(b"{\"schema\":");
        self.str(schema);
        self.raw(b",\"generator\":");
        self.str(generator);
        self.raw(b",\"stats\":");
        self.stats(stats);
        self.raw(b",\"blocks\":");
        self.list(blocks, |w, b| {
            let Block { span, kind, rule } = b;
            w.raw(b"{\"span\":");
            w.span(span);
            w.raw(b",\"kind\":");
            w.raw(match kind {
                BlockKind::Title => b"\"title\"" as &[u8],
                BlockKind::Dateline => b"\"dateline\"",
                BlockKind::Paragraph => b"\"paragraph\"",
                BlockKind::Caption => b"\"caption\"",
                BlockKind::Boilerplate => b"\"boilerplate\"",
            });
            if let Some(r) = rule {
                w.raw(b",\"rule\":");
                w.rule(r);
            }
            w.raw(b"}");
        });
        self.raw(b",\"boilerplate\":");
        self.list(boilerplate, |w, b| {
            let BoilerplateSpan { span, rule } = b;
            w.raw(b"{\"span\":");
            w.span(span);
            w.raw(b",\"rule\":");
            w.rule(rule);
            w.raw(b"}");
        });
        self.raw(b",\"sentences\":");
        self.list(sentences, |w, s| {
            let Sentence { span, block } = s;
            w.raw(b"{\"span\":");
            w.span(span);
            w.raw(b",\"block\":");
            w.num(*block);
            w.raw(b"}");
        });
        self.raw(b",\"mentions\":");
        self.list(mentions, |w, m| {
            let Mention {
                span,
                text,
                etype,
                entity,
                rule,
            } = m;
            w.raw(b"{\"span\":");
            w.span(span);
            w.raw(b",\"text\":");
            w.str(text);
            w.raw(b",\"type\":");
            w.etype(*etype);
            w.raw(b",\"entity\":");
            w.num(*entity);
            w.raw(b",\"rule\":");
            w.rule(rule);
            w.raw(b"}");
        });
        self.raw(b",\"entities\":");
        self.list(entities, |w, e| {
            let Entity {
                canonical,
                etype,
                acronym,
                role,
                mentions,
                source,
                confidence,
            } = e;
            w.raw(b"{\"canonical\":");
            w.str(canonical);
            w.raw(b",\"type\":");
            w.etype(*etype);
            w.opt_str(b",\"acronym\":", acronym);
            w.opt_str(b",\"role\":", role);
            w.raw(b",\"mentions\":");
            w.nums(mentions);
            w.opt_str(b",\"source\":", source);
            w.raw(b",\"confidence\":");
            w.confidence(*confidence);
            w.raw(b"}");
        });
        self.raw(b",\"dates\":");
        self.list(dates, |w, d| {
            let DateMention {
                span,
                text,
                iso,
                rule,
            } = d;
            w.raw(b"{\"span\":");
            w.span(span);
            w.raw(b",\"text\":");
            w.str(text);
            w.opt_str(b",\"iso\":", iso);
            w.raw(b",\"rule\":");
            w.rule(rule);
            w.raw(b"}");
        });
        self.raw(b",\"quotes\":");
        self.list(quotes, |w, q| {
            let Quote {
                span,
                text,
                speaker,
                speaker_text,
                rule,
            } = q;
            w.raw(b"{\"span\":");
            w.span(span);
            w.raw(b",\"text\":");
            w.str(text);
            if let Some(s) = speaker {
                w.raw(b",\"speaker\":");
                w.num(*s);
            }
            w.opt_str(b",\"speaker_text\":", speaker_text);
            w.raw(b",\"rule\":");
            w.rule(rule);
            w.raw(b"}");
        });
        self.raw(b",\"stances\":");
        self.list(stances, |w, s| {
            let Stance {
                span,
                text,
                polarity,
                holders,
                holder_text,
                target,
                rule,
            } = s;
            w.raw(b"{\"span\":");
            w.span(span);
            w.raw(b",\"text\":");
            w.str(text);
            w.raw(b",\"polarity\":");
            w.polarity(*polarity);
            w.raw(b",\"holders\":");
            w.nums(holders);
            w.opt_str(b",\"holder_text\":", holder_text);
            w.opt_str(b",\"target\":", target);
            w.raw(b",\"rule\":");
            w.rule(rule);
            w.raw(b"}");
        });
        self.raw(b",\"frames\":");
        self.list(frames, |w, f| {
            let FrameMention {
                span,
                text,
                frame,
                rule,
            } = f;
            w.raw(b"{\"span\":");
            w.span(span);
            w.raw(b",\"text\":");
            w.str(text);
            w.raw(b",\"frame\":");
            w.str(frame);
            w.raw(b",\"rule\":");
            w.rule(rule);
            w.raw(b"}");
        });
        self.raw(b",\"card\":");
        self.card(card);
        if let Some(t) = truncated {
            let Truncation {
                analysed,
                total_bytes,
                total_utf16,
            } = t;
            self.raw(b",\"truncated\":{\"analysed\":");
            self.span(analysed);
            self.raw(b",\"total_bytes\":");
            self.num(*total_bytes);
            self.raw(b",\"total_utf16\":");
            self.num(*total_utf16);
            self.raw(b"}");
        }
        self.raw(b"}");
    }

    fn stats(&mut self, s: &Stats) {
        let Stats {
            bytes,
            utf16,
            chars,
            blocks,
            sentences,
            tokens,
            normalized_chars,
            language,
        } = s;
        self.raw(b"{\"bytes\":");
        self.num(*bytes);
        self.raw(b",\"utf16\":");
        self.num(*utf16);
        self.raw(b",\"chars\":");
        self.num(*chars);
        self.raw(b",\"blocks\":");
        self.num(*blocks);
        self.raw(b",\"sentences\":");
        self.num(*sentences);
        self.raw(b",\"tokens\":");
        self.num(*tokens);
        self.raw(b",\"normalized_chars\":");
        self.num(*normalized_chars);
        self.raw(b",\"language\":");
        self.str(language);
        self.raw(b"}");
    }

    fn card(&mut self, c: &Card) {
        let Card {
            title,
            publisher,
            date,
            people,
            organizations,
            places,
            stance_matrix,
            quotes,
            frames,
            summary,
            words,
            reading_minutes,
        } = c;
        // The optional fields come first: each writes its own separator.
        self.raw(b"{");
        let mut sep: &[u8] = b"";
        if let Some(t) = title {
            self.raw(b"\"title\":");
            self.str(t);
            sep = b",";
        }
        if let Some(p) = publisher {
            let Publisher {
                name,
                state_affiliated,
                country,
                rule,
            } = p;
            self.raw(sep);
            self.raw(b"\"publisher\":{\"name\":");
            self.str(name);
            self.raw(if *state_affiliated {
                b",\"state_affiliated\":true"
            } else {
                b",\"state_affiliated\":false"
            });
            self.opt_str(b",\"country\":", country);
            self.raw(b",\"rule\":");
            self.rule(rule);
            self.raw(b"}");
            sep = b",";
        }
        if let Some(d) = date {
            self.raw(sep);
            self.raw(b"\"date\":");
            self.str(d);
            sep = b",";
        }
        self.raw(sep);
        self.raw(b"\"people\":");
        self.list(people, |w, p| {
            let CardPerson {
                name,
                role,
                entity,
                mentions,
                confidence,
            } = p;
            w.raw(b"{\"name\":");
            w.str(name);
            w.opt_str(b",\"role\":", role);
            w.raw(b",\"entity\":");
            w.num(*entity);
            w.raw(b",\"mentions\":");
            w.num(*mentions);
            w.raw(b",\"confidence\":");
            w.confidence(*confidence);
            w.raw(b"}");
        });
        self.raw(b",\"organizations\":");
        self.list(organizations, |w, o| {
            let CardOrg {
                name,
                acronym,
                entity,
                mentions,
                confidence,
            } = o;
            w.raw(b"{\"name\":");
            w.str(name);
            w.opt_str(b",\"acronym\":", acronym);
            w.raw(b",\"entity\":");
            w.num(*entity);
            w.raw(b",\"mentions\":");
            w.num(*mentions);
            w.raw(b",\"confidence\":");
            w.confidence(*confidence);
            w.raw(b"}");
        });
        self.raw(b",\"places\":");
        self.list(places, |w, p| {
            let CardPlace {
                name,
                entity,
                mentions,
                confidence,
            } = p;
            w.raw(b"{\"name\":");
            w.str(name);
            w.raw(b",\"entity\":");
            w.num(*entity);
            w.raw(b",\"mentions\":");
            w.num(*mentions);
            w.raw(b",\"confidence\":");
            w.confidence(*confidence);
            w.raw(b"}");
        });
        self.raw(b",\"stance_matrix\":");
        self.list(stance_matrix, |w, s| {
            let StanceCell {
                holder,
                polarity,
                target,
                count,
                stances,
                confidence,
            } = s;
            w.raw(b"{\"holder\":");
            w.str(holder);
            w.raw(b",\"polarity\":");
            w.polarity(*polarity);
            w.raw(b",\"target\":");
            w.str(target);
            w.raw(b",\"count\":");
            w.num(*count);
            w.raw(b",\"stances\":");
            w.nums(stances);
            w.raw(b",\"confidence\":");
            w.confidence(*confidence);
            w.raw(b"}");
        });
        self.raw(b",\"quotes\":");
        self.list(quotes, |w, q| {
            let CardQuote {
                text,
                speaker,
                quote,
                confidence,
            } = q;
            w.raw(b"{\"text\":");
            w.str(text);
            w.opt_str(b",\"speaker\":", speaker);
            w.raw(b",\"quote\":");
            w.num(*quote);
            w.raw(b",\"confidence\":");
            w.confidence(*confidence);
            w.raw(b"}");
        });
        self.raw(b",\"frames\":");
        self.list(frames, |w, f| {
            let FrameCount { frame, count } = f;
            w.raw(b"{\"frame\":");
            w.str(frame);
            w.raw(b",\"count\":");
            w.num(*count);
            w.raw(b"}");
        });
        self.raw(b",\"summary\":");
        self.list(summary, |w, s| {
            let SummarySentence { text, sentence } = s;
            w.raw(b"{\"text\":");
            w.str(text);
            w.raw(b",\"sentence\":");
            w.num(*sentence);
            w.raw(b"}");
        });
        self.raw(b",\"words\":");
        self.num(*words);
        self.raw(b",\"reading_minutes\":");
        self.num(*reading_minutes);
        self.raw(b"}");
    }
}

#[cfg(test)]
#[path = "../../tests/common/every_field.rs"]
mod every_field;

#[cfg(test)]
mod tests {
    use super::*;

    fn same_as_serde(a: &Analysis) {
        let mut mine = Vec::new();
        write_analysis(&mut mine, a);
        let theirs = serde_json::to_vec(a).unwrap();
        assert!(
            mine == theirs,
            "hand-written JSON differs from serde_json's:\n{}\n{}",
            String::from_utf8_lossy(&mine),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn numbers_as_serde_json() {
        for n in (0..100_000usize).chain([usize::MAX, usize::MAX - 1, 1 << 40, 999_999_999]) {
            let mut mine = Vec::new();
            W(&mut mine).num(n);
            assert_eq!(mine, serde_json::to_vec(&n).unwrap(), "{n}");
        }
    }

    #[test]
    fn strings_escape_as_serde_json() {
        let all: String = (0u32..0x300)
            .chain([0x2028, 0x2029, 0xFEFF, 0x1F600])
            .filter_map(char::from_u32)
            .collect();
        for s in [
            "",
            "abc",
            "\"\\",
            "a\u{7f}b",
            "«é»\n\t\r\u{8}\u{c}\u{1}\u{1f}",
            &all,
        ] {
            let mut mine = Vec::new();
            write_str(&mut mine, s);
            assert_eq!(mine, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn every_fixture_and_every_field_as_serde_json() {
        for a in every_field::samples(loupe::analyze, loupe::analyze_limited) {
            same_as_serde(&a);
        }
    }
}
