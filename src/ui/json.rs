//! The `loupe.analysis/1` JSON written by hand, byte for byte as serde_json writes the schema's
//! derived `Serialize` ([`Analysis::to_json`], [`Analysis::to_json_pretty`]): the page's
//! exports and embed answers without serde's serialisers, which were monomorphised three times
//! in the page program (compact, pretty, `Value`; issue 14). The CLI and the engine keep
//! serde. Tests compare both writers on real analyses.
//!
//! Every struct is written from an exhaustive destructuring, so a field added to the schema
//! fails to compile here until it is written too.
//!
//! The reading half, [`FromJson`], turns a `serde_json::Value` into the schema's types with the
//! derived `Deserialize`'s rules (missing fields refused unless optional or defaulted, unknown
//! fields ignored, integers only where the schema has integers): how the page validates an
//! imported library without serde's derived deserialisers.

use crate::schema::*;
use crate::value::{Map, Value};
use std::borrow::Cow;

/// JSON output: compact (`{"a":1}`) or pretty (serde_json's two-space `PrettyFormatter`).
pub struct W {
    out: String,
    pretty: bool,
    depth: usize,
    /// Nothing written yet in the innermost open object or array.
    first: bool,
}

/// A value the page writes as JSON.
pub trait ToJson {
    fn json(&self, w: &mut W);
}

/// `x` as compact JSON (as `serde_json::to_string`).
pub fn compact<T: ToJson + ?Sized>(x: &T) -> String {
    write(x, false)
}

/// `x` as pretty JSON (as `serde_json::to_string_pretty`).
pub fn pretty<T: ToJson + ?Sized>(x: &T) -> String {
    write(x, true)
}

fn write<T: ToJson + ?Sized>(x: &T, pretty: bool) -> String {
    let mut w = W {
        out: String::new(),
        pretty,
        depth: 0,
        first: true,
    };
    x.json(&mut w);
    w.out
}

/// `x` as a `serde_json::Value` (as `serde_json::to_value`: objects with sorted keys), through
/// the compact text and the one JSON parser the page already has.
pub fn value<T: ToJson + ?Sized>(x: &T) -> Value {
    crate::value::parse(&compact(x)).unwrap_or(Value::Null)
}

impl W {
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.depth {
            self.out.push_str("  ");
        }
    }

    fn open(&mut self, c: char) {
        self.out.push(c);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, c: char) {
        self.depth -= 1;
        if self.pretty && !self.first {
            self.newline();
        }
        self.out.push(c);
        self.first = false;
    }

    /// Before an element of an array or a key of an object.
    fn sep(&mut self) {
        if !self.first {
            self.out.push(',');
        }
        if self.pretty {
            self.newline();
        }
        self.first = false;
    }

    fn obj(&mut self, body: impl FnOnce(&mut Self)) {
        self.open('{');
        body(self);
        self.close('}');
    }

    /// A field. Keys are the schema's field names (ASCII identifiers): written as they are.
    fn f<T: ToJson + ?Sized>(&mut self, k: &str, v: &T) {
        debug_assert!(k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        self.sep();
        self.out.push('"');
        self.out.push_str(k);
        self.out.push_str(if self.pretty { "\": " } else { "\":" });
        v.json(self);
    }

    /// A field left out when `None` (`skip_serializing_if = "Option::is_none"`).
    fn opt<T: ToJson>(&mut self, k: &str, v: &Option<T>) {
        if let Some(x) = v {
            self.f(k, x);
        }
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }
}

impl ToJson for str {
    fn json(&self, w: &mut W) {
        crate::value::write_str(&mut w.out, self);
    }
}

impl ToJson for String {
    fn json(&self, w: &mut W) {
        self.as_str().json(w);
    }
}

impl ToJson for Cow<'static, str> {
    fn json(&self, w: &mut W) {
        self.as_ref().json(w);
    }
}

impl ToJson for usize {
    fn json(&self, w: &mut W) {
        // Two digits at a time from a table ("00" to "99"): numbers are most of an analysis.
        const DIGITS2: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut v = *self;
        while v >= 100 {
            let d = (v % 100) * 2;
            v /= 100;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&DIGITS2[d..d + 2]);
        }
        if v >= 10 {
            let d = v * 2;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&DIGITS2[d..d + 2]);
        } else {
            i -= 1;
            buf[i] = b'0' + v as u8;
        }
        w.raw(std::str::from_utf8(&buf[i..]).unwrap_or("0"));
    }
}

impl ToJson for bool {
    fn json(&self, w: &mut W) {
        w.raw(if *self { "true" } else { "false" });
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn json(&self, w: &mut W) {
        match self {
            Some(x) => x.json(w),
            None => w.raw("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn json(&self, w: &mut W) {
        w.open('[');
        for x in self {
            w.sep();
            x.json(w);
        }
        w.close(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn json(&self, w: &mut W) {
        self.as_slice().json(w);
    }
}

impl ToJson for Confidence {
    fn json(&self, w: &mut W) {
        self.as_str().json(w);
    }
}

impl ToJson for EntityType {
    fn json(&self, w: &mut W) {
        self.as_str().json(w);
    }
}

impl ToJson for Polarity {
    fn json(&self, w: &mut W) {
        self.as_str().json(w);
    }
}

impl ToJson for BlockKind {
    fn json(&self, w: &mut W) {
        match self {
            BlockKind::Title => "title",
            BlockKind::Dateline => "dateline",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Caption => "caption",
            BlockKind::Boilerplate => "boilerplate",
        }
        .json(w);
    }
}

impl ToJson for Span {
    fn json(&self, w: &mut W) {
        let Span {
            start,
            end,
            start16,
            end16,
        } = self;
        w.obj(|w| {
            w.f("start", start);
            w.f("end", end);
            w.f("start16", start16);
            w.f("end16", end16);
        });
    }
}

impl ToJson for Rule {
    fn json(&self, w: &mut W) {
        let Rule {
            id,
            detail,
            confidence,
        } = self;
        w.obj(|w| {
            w.f("id", id);
            w.f("detail", detail);
            w.f("confidence", confidence);
        });
    }
}

impl ToJson for Block {
    fn json(&self, w: &mut W) {
        let Block { span, kind, rule } = self;
        w.obj(|w| {
            w.f("span", span);
            w.f("kind", kind);
            w.opt("rule", rule);
        });
    }
}

impl ToJson for BoilerplateSpan {
    fn json(&self, w: &mut W) {
        let BoilerplateSpan { span, rule } = self;
        w.obj(|w| {
            w.f("span", span);
            w.f("rule", rule);
        });
    }
}

impl ToJson for Sentence {
    fn json(&self, w: &mut W) {
        let Sentence { span, block } = self;
        w.obj(|w| {
            w.f("span", span);
            w.f("block", block);
        });
    }
}

impl ToJson for Mention {
    fn json(&self, w: &mut W) {
        let Mention {
            span,
            text,
            etype,
            entity,
            rule,
        } = self;
        w.obj(|w| {
            w.f("span", span);
            w.f("text", text);
            w.f("type", etype);
            w.f("entity", entity);
            w.f("rule", rule);
        });
    }
}

impl ToJson for Entity {
    fn json(&self, w: &mut W) {
        let Entity {
            canonical,
            etype,
            acronym,
            role,
            mentions,
            source,
            confidence,
        } = self;
        w.obj(|w| {
            w.f("canonical", canonical);
            w.f("type", etype);
            w.opt("acronym", acronym);
            w.opt("role", role);
            w.f("mentions", mentions);
            w.opt("source", source);
            w.f("confidence", confidence);
        });
    }
}

impl ToJson for DateMention {
    fn json(&self, w: &mut W) {
        let DateMention {
            span,
            text,
            iso,
            rule,
        } = self;
        w.obj(|w| {
            w.f("span", span);
            w.f("text", text);
            w.opt("iso", iso);
            w.f("rule", rule);
        });
    }
}

impl ToJson for Quote {
    fn json(&self, w: &mut W) {
        let Quote {
            span,
            text,
            speaker,
            speaker_text,
            rule,
        } = self;
        w.obj(|w| {
            w.f("span", span);
            w.f("text", text);
            w.opt("speaker", speaker);
            w.opt("speaker_text", speaker_text);
            w.f("rule", rule);
        });
    }
}

impl ToJson for Stance {
    fn json(&self, w: &mut W) {
        let Stance {
            span,
            text,
            polarity,
            holders,
            holder_text,
            target,
            rule,
        } = self;
        w.obj(|w| {
            w.f("span", span);
            w.f("text", text);
            w.f("polarity", polarity);
            w.f("holders", holders);
            w.opt("holder_text", holder_text);
            w.opt("target", target);
            w.f("rule", rule);
        });
    }
}

impl ToJson for FrameMention {
    fn json(&self, w: &mut W) {
        let FrameMention {
            span,
            text,
            frame,
            rule,
        } = self;
        w.obj(|w| {
            w.f("span", span);
            w.f("text", text);
            w.f("frame", frame);
            w.f("rule", rule);
        });
    }
}

impl ToJson for Publisher {
    fn json(&self, w: &mut W) {
        let Publisher {
            name,
            state_affiliated,
            country,
            rule,
        } = self;
        w.obj(|w| {
            w.f("name", name);
            w.f("state_affiliated", state_affiliated);
            w.opt("country", country);
            w.f("rule", rule);
        });
    }
}

impl ToJson for CardPerson {
    fn json(&self, w: &mut W) {
        let CardPerson {
            name,
            role,
            entity,
            mentions,
            confidence,
        } = self;
        w.obj(|w| {
            w.f("name", name);
            w.opt("role", role);
            w.f("entity", entity);
            w.f("mentions", mentions);
            w.f("confidence", confidence);
        });
    }
}

impl ToJson for CardOrg {
    fn json(&self, w: &mut W) {
        let CardOrg {
            name,
            acronym,
            entity,
            mentions,
            confidence,
        } = self;
        w.obj(|w| {
            w.f("name", name);
            w.opt("acronym", acronym);
            w.f("entity", entity);
            w.f("mentions", mentions);
            w.f("confidence", confidence);
        });
    }
}

impl ToJson for CardPlace {
    fn json(&self, w: &mut W) {
        let CardPlace {
            name,
            entity,
            mentions,
            confidence,
        } = self;
        w.obj(|w| {
            w.f("name", name);
            w.f("entity", entity);
            w.f("mentions", mentions);
            w.f("confidence", confidence);
        });
    }
}

impl ToJson for StanceCell {
    fn json(&self, w: &mut W) {
        let StanceCell {
            holder,
            polarity,
            target,
            count,
            stances,
            confidence,
        } = self;
        w.obj(|w| {
            w.f("holder", holder);
            w.f("polarity", polarity);
            w.f("target", target);
            w.f("count", count);
            w.f("stances", stances);
            w.f("confidence", confidence);
        });
    }
}

impl ToJson for CardQuote {
    fn json(&self, w: &mut W) {
        let CardQuote {
            text,
            speaker,
            quote,
            confidence,
        } = self;
        w.obj(|w| {
            w.f("text", text);
            w.opt("speaker", speaker);
            w.f("quote", quote);
            w.f("confidence", confidence);
        });
    }
}

impl ToJson for FrameCount {
    fn json(&self, w: &mut W) {
        let FrameCount { frame, count } = self;
        w.obj(|w| {
            w.f("frame", frame);
            w.f("count", count);
        });
    }
}

impl ToJson for SummarySentence {
    fn json(&self, w: &mut W) {
        let SummarySentence { text, sentence } = self;
        w.obj(|w| {
            w.f("text", text);
            w.f("sentence", sentence);
        });
    }
}

impl ToJson for Card {
    fn json(&self, w: &mut W) {
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
        } = self;
        w.obj(|w| {
            w.opt("title", title);
            w.opt("publisher", publisher);
            w.opt("date", date);
            w.f("people", people);
            w.f("organizations", organizations);
            w.f("places", places);
            w.f("stance_matrix", stance_matrix);
            w.f("quotes", quotes);
            w.f("frames", frames);
            w.f("summary", summary);
            w.f("words", words);
            w.f("reading_minutes", reading_minutes);
        });
    }
}

impl ToJson for Stats {
    fn json(&self, w: &mut W) {
        let Stats {
            bytes,
            utf16,
            chars,
            blocks,
            sentences,
            tokens,
            normalized_chars,
            language,
        } = self;
        w.obj(|w| {
            w.f("bytes", bytes);
            w.f("utf16", utf16);
            w.f("chars", chars);
            w.f("blocks", blocks);
            w.f("sentences", sentences);
            w.f("tokens", tokens);
            w.f("normalized_chars", normalized_chars);
            w.f("language", language);
        });
    }
}

impl ToJson for Truncation {
    fn json(&self, w: &mut W) {
        let Truncation {
            analysed,
            total_bytes,
            total_utf16,
        } = self;
        w.obj(|w| {
            w.f("analysed", analysed);
            w.f("total_bytes", total_bytes);
            w.f("total_utf16", total_utf16);
        });
    }
}

impl ToJson for Analysis {
    fn json(&self, w: &mut W) {
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
        } = self;
        w.obj(|w| {
            w.f("schema", schema);
            w.f("generator", generator);
            w.f("stats", stats);
            w.f("blocks", blocks);
            w.f("boilerplate", boilerplate);
            w.f("sentences", sentences);
            w.f("mentions", mentions);
            w.f("entities", entities);
            w.f("dates", dates);
            w.f("quotes", quotes);
            w.f("stances", stances);
            w.f("frames", frames);
            w.f("card", card);
            w.opt("truncated", truncated);
        });
    }
}

/// A schema value read from JSON, as the derived `Deserialize` would read it; `None` when it
/// would refuse it.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Option<Self>;
    /// The value of a missing field: refused, except for `Option` (`None`).
    fn missing() -> Option<Self> {
        None
    }
}

/// `x` read from a `Value` (as `serde_json::from_value`).
pub fn from_value<T: FromJson>(v: &Value) -> Option<T> {
    T::from_json(v)
}

fn field<T: FromJson>(o: &Map, k: &str) -> Option<T> {
    match o.get(k) {
        Some(v) => T::from_json(v),
        None => T::missing(),
    }
}

/// A `#[serde(default)]` field.
fn field_or_default<T: FromJson + Default>(o: &Map, k: &str) -> Option<T> {
    match o.get(k) {
        Some(v) => T::from_json(v),
        None => Some(T::default()),
    }
}

impl FromJson for usize {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_u64().and_then(|n| usize::try_from(n).ok())
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_bool()
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_str().map(str::to_string)
    }
}

impl FromJson for Cow<'static, str> {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_str().map(|s| Cow::Owned(s.to_string()))
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            v => T::from_json(v).map(Some),
        }
    }
    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_array()?.iter().map(T::from_json).collect()
    }
}

/// Fieldless enums by their JSON names (each name is checked against the writer in the tests).
macro_rules! enums_from {
    ($($t:ident { $($v:ident),* $(,)? })*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Option<Self> {
                let s = v.as_str()?;
                [$($t::$v),*].into_iter().find(|x| compact(x) .trim_matches('"') == s)
            }
        }
    )*};
}

enums_from! {
    Confidence { Sure, Likely, Guess }
    EntityType { PER, ORG, LOC, MISC }
    BlockKind { Title, Dateline, Paragraph, Caption, Boilerplate }
    Polarity { Support, Oppose, Accuse, Commit, Concern, Praise }
}

/// Structs: `field "key"`, or `field "key" default` for a `#[serde(default)]` field. The struct
/// literal names every field (a new one fails to compile until it is listed).
macro_rules! structs_from {
    ($($t:ident { $($f:ident $k:literal $($d:ident)?),* $(,)? })*) => {$(
        impl FromJson for $t {
            fn from_json(v: &Value) -> Option<Self> {
                let o = v.as_object()?;
                Some($t { $($f: structs_from!(@get o $k $($d)?)?),* })
            }
        }
    )*};
    (@get $o:ident $k:literal) => { field($o, $k) };
    (@get $o:ident $k:literal default) => { field_or_default($o, $k) };
}

structs_from! {
    Span { start "start", end "end", start16 "start16", end16 "end16" }
    Rule { id "id", detail "detail", confidence "confidence" default }
    Block { span "span", kind "kind", rule "rule" }
    BoilerplateSpan { span "span", rule "rule" }
    Sentence { span "span", block "block" }
    Mention { span "span", text "text", etype "type", entity "entity", rule "rule" }
    Entity { canonical "canonical", etype "type", acronym "acronym", role "role",
             mentions "mentions", source "source", confidence "confidence" default }
    DateMention { span "span", text "text", iso "iso", rule "rule" }
    Quote { span "span", text "text", speaker "speaker", speaker_text "speaker_text",
            rule "rule" }
    Stance { span "span", text "text", polarity "polarity", holders "holders",
             holder_text "holder_text", target "target", rule "rule" }
    FrameMention { span "span", text "text", frame "frame", rule "rule" }
    Publisher { name "name", state_affiliated "state_affiliated", country "country",
                rule "rule" }
    CardPerson { name "name", role "role", entity "entity", mentions "mentions",
                 confidence "confidence" default }
    CardOrg { name "name", acronym "acronym", entity "entity", mentions "mentions",
              confidence "confidence" default }
    CardPlace { name "name", entity "entity", mentions "mentions",
                confidence "confidence" default }
    StanceCell { holder "holder", polarity "polarity", target "target", count "count",
                 stances "stances", confidence "confidence" default }
    CardQuote { text "text", speaker "speaker", quote "quote",
                confidence "confidence" default }
    FrameCount { frame "frame", count "count" }
    SummarySentence { text "text", sentence "sentence" }
    Card { title "title", publisher "publisher", date "date", people "people",
           organizations "organizations", places "places", stance_matrix "stance_matrix",
           quotes "quotes", frames "frames", summary "summary", words "words",
           reading_minutes "reading_minutes" }
    Stats { bytes "bytes", utf16 "utf16", chars "chars", blocks "blocks",
            sentences "sentences", tokens "tokens", normalized_chars "normalized_chars",
            language "language" default }
    Truncation { analysed "analysed", total_bytes "total_bytes", total_utf16 "total_utf16" }
    Analysis { schema "schema", generator "generator", stats "stats", blocks "blocks",
               boilerplate "boilerplate", sentences "sentences", mentions "mentions",
               entities "entities", dates "dates", quotes "quotes", stances "stances",
               frames "frames", card "card", truncated "truncated" default }
}

#[cfg(test)]
#[path = "../../tests/common/every_field.rs"]
pub(crate) mod every_field;

#[cfg(test)]
mod tests {
    use super::*;

    use super::every_field::FIXTURES;

    fn same_as_serde(a: &Analysis) {
        let mine = compact(a);
        assert!(
            mine == a.to_json(),
            "hand-written JSON differs from serde_json's:\n{mine}\n{}",
            a.to_json()
        );
        assert_eq!(pretty(a), a.to_json_pretty());
    }

    #[test]
    fn needs_escape_at_every_position() {
        use crate::value::needs_escape;
        for len in 0..20 {
            for at in 0..len {
                for c in [0u8, 0x1F, b'"', b'\\'] {
                    let mut v = vec![b'a'; len];
                    v[at] = c;
                    assert!(needs_escape(&v), "{len} {at} {c}");
                }
                for c in [0x20u8, 0x21, 0x7F, 0x80, 0xFF, b'#', b'[', b']'] {
                    let mut v = vec![b'a'; len];
                    v[at] = c;
                    assert!(!needs_escape(&v), "{len} {at} {c}");
                }
            }
        }
    }

    #[test]
    fn numbers_as_serde_json() {
        for n in (0..100_000usize).chain([usize::MAX, usize::MAX - 1, 1 << 40, 999_999_999]) {
            assert_eq!(compact(&n), serde_json::to_string(&n).unwrap(), "{n}");
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
            assert_eq!(compact(s), serde_json::to_string(s).unwrap(), "{s:?}");
        }
    }

    #[test]
    fn every_fixture_and_every_field_as_serde_json() {
        for a in every_field::samples(crate::analyze, crate::analyze_limited) {
            same_as_serde(&a);
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let mut all: Vec<Analysis> = FIXTURES.iter().map(|t| crate::analyze(t)).collect();
        all.push(crate::analyze_limited(FIXTURES[0], 800));
        all.push(crate::analyze(""));
        // Every string escape, in a field of each kind.
        let mut odd = crate::analyze(FIXTURES[1]);
        let nasty: String =
            (0u8..0x20).map(char::from).collect::<String>() + "\"\\/\u{7f}é « » \u{2028} 😀";
        odd.generator = nasty.clone();
        odd.card.title = Some(nasty.clone());
        odd.card.publisher = None;
        odd.entities[0].role = Some(nasty);
        all.push(odd);
        for a in &all {
            assert_eq!(compact(a), a.to_json());
            assert_eq!(pretty(a), a.to_json_pretty());
            let v: serde_json::Value = serde_json::from_str(&value(a).to_string()).unwrap();
            assert_eq!(v, serde_json::to_value(a).unwrap());
            let c = &a.card;
            assert_eq!(
                compact(&c.people),
                serde_json::to_string(&c.people).unwrap()
            );
            assert_eq!(
                pretty(&c.stance_matrix),
                serde_json::to_string_pretty(&c.stance_matrix).unwrap()
            );
        }
        let empty: Vec<usize> = Vec::new();
        assert_eq!(pretty(&empty), "[]");
        assert_eq!(compact(&usize::MAX), usize::MAX.to_string());
    }

    #[test]
    fn reads_what_serde_reads() {
        use serde_json::Value;
        let mine = |v: &Value| crate::value::parse(&v.to_string()).unwrap();
        let a = crate::analyze(FIXTURES[0]);
        assert_eq!(from_value::<Analysis>(&value(&a)), Some(a.clone()));
        let v: Value = serde_json::from_str(&compact(&a)).unwrap();
        let t = crate::analyze_limited(FIXTURES[0], 800);
        assert_eq!(from_value::<Analysis>(&value(&t)), Some(t));
        // Accepted and refused as the derived Deserialize accepts and refuses them.
        let same = |v: &Value| {
            let serde = serde_json::from_value::<Analysis>(v.clone()).ok();
            assert_eq!(
                from_value::<Analysis>(&mine(v)),
                serde,
                "{}",
                &v.to_string()[..200.min(v.to_string().len())]
            );
        };
        let mut cases: Vec<Value> = Vec::new();
        let obj = v.as_object().unwrap();
        for k in obj.keys() {
            for bad in [
                Value::Null,
                Value::from("x"),
                Value::from(-1),
                Value::from(1.5),
            ] {
                let mut m = v.clone();
                m[k] = bad;
                cases.push(m);
            }
            let mut m = v.clone();
            m.as_object_mut().unwrap().remove(k);
            cases.push(m);
        }
        for (path, bad) in [
            ("/entities/0/confidence", Value::from("certain")),
            ("/entities/0/type", Value::from("per")),
            ("/entities/0/mentions/0", Value::from(-3)),
            ("/mentions/0/rule/confidence", Value::Null),
            ("/mentions/0/span/start", Value::from(2.0)),
            ("/blocks/0/kind", Value::from("Title")),
            ("/stats/language", Value::Null),
            ("/card/people", Value::from(3)),
            ("/card/publisher", Value::Null),
            ("/card/title", Value::from(false)),
            (
                "/stances",
                serde_json::json!([{"span": {"start": 0, "end": 1, "start16": 0, "end16": 1}, "text": "t", "polarity": "praise", "holders": [], "rule": {"id": "i", "detail": "d"}}]),
            ),
            ("/stances/0/polarity", Value::from("neutral")),
        ] {
            let mut m = v.clone();
            if let Some(x) = m.pointer_mut(path) {
                *x = bad;
                cases.push(m);
            }
        }
        for k in ["confidence", "language"] {
            let mut m = v.clone();
            if let Some(o) = m.pointer_mut("/entities/0").and_then(Value::as_object_mut) {
                o.remove(k);
            }
            if let Some(o) = m.pointer_mut("/stats").and_then(Value::as_object_mut) {
                o.remove(k);
            }
            cases.push(m);
        }
        let mut m = v.clone();
        m["extra"] = Value::from("ignored");
        cases.push(m);
        for c in &cases {
            same(c);
        }
        assert!(cases
            .iter()
            .any(|c| from_value::<Analysis>(&mine(c)).is_some()));
        assert!(cases
            .iter()
            .any(|c| from_value::<Analysis>(&mine(c)).is_none()));
    }
}
