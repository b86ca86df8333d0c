//! A JSON value, its parser and its writers: what the page needs of JSON beyond the schema's own
//! writer (`ui::json`) — embed messages, stored library metadata, the library's import file,
//! the JSON export with dismissed items. The page program links this instead of `serde_json`
//! (issue 14: serde_json's parser, `Value` serialiser and float formatting were ≈ 30 KB of the
//! page's code). The CLI and the engine keep serde_json; the tests check this module against it.
//!
//! The same model as `serde_json::Value` without `preserve_order`: objects are sorted maps (the
//! last of duplicate keys wins), output is compact ([`Value`]'s `Display`) or pretty
//! ([`to_string_pretty`], two spaces) with the same escapes. A number keeps its JSON text, so
//! it is written back as it was read ([`Number`]).

use std::collections::BTreeMap;
use std::fmt;

/// A JSON object: keys in sorted order.
pub type Map = BTreeMap<String, Value>;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number, kept as its (valid) JSON text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number(String);

impl Number {
    /// The number when it is written as a non-negative integer that fits a `u64` (as serde_json:
    /// `1.0` and `1e3` are floats, not integers).
    pub fn as_u64(&self) -> Option<u64> {
        let s = self.0.as_bytes();
        if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        s.iter().try_fold(0u64, |n, &d| {
            n.checked_mul(10)?.checked_add(u64::from(d - b'0'))
        })
    }

    /// The number as an `f64`: exact for integers and for decimals of at most 15 significant
    /// digits with an exponent of at most 22 (every timestamp and count the page stores);
    /// otherwise within an ulp or two.
    pub fn as_f64(&self) -> Option<f64> {
        let s = self.0.as_str();
        let (neg, s) = match s.strip_prefix('-') {
            Some(r) => (true, r),
            None => (false, s),
        };
        let (mant, exp) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], s[i + 1..].parse::<i32>().ok()?),
            None => (s, 0),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        // Up to 19 significant digits in a u64, the rest in the exponent.
        let (mut m, mut sig, mut e) = (0u64, 0, exp);
        for d in int.bytes() {
            if sig < 19 {
                m = m * 10 + u64::from(d - b'0');
                sig += usize::from(m != 0);
            } else {
                e += 1;
            }
        }
        for d in frac.bytes() {
            if sig < 19 {
                m = m * 10 + u64::from(d - b'0');
                sig += usize::from(m != 0);
                e -= 1;
            }
        }
        let x = if e >= 0 {
            m as f64 * pow10(e)
        } else {
            m as f64 / pow10(-e)
        };
        Some(if neg { -x } else { x })
    }
}

/// 10^e as an `f64` (exact up to 10^22).
fn pow10(e: i32) -> f64 {
    let mut x = 1f64;
    for _ in 0..e.min(400) {
        x *= 10.0;
    }
    x
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

static NULL: Value = Value::Null;

/// `v["key"]`: the field, or `null` (as serde_json).
impl std::ops::Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

/// `v[i]`: the element, or `null`.
impl std::ops::Index<usize> for Value {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&NULL)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}
impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Number(Number(n.to_string()))
    }
}
impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::Number(Number(n.to_string()))
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(o: Option<T>) -> Value {
        o.map_or(Value::Null, Into::into)
    }
}
impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(v: Vec<T>) -> Value {
        Value::Array(v.into_iter().map(Into::into).collect())
    }
}
impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Object(m)
    }
}

/// Why a text is not JSON (byte offset of the problem).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub at: usize,
    pub what: &'static str,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

/// Deepest nesting accepted (serde_json's limit too): deeper input is refused, not a stack
/// overflow.
const MAX_DEPTH: usize = 128;

/// Parses one JSON text (whitespace around it allowed, nothing else).
pub fn parse(s: &str) -> Result<Value, Error> {
    let mut p = Parser {
        s,
        b: s.as_bytes(),
        i: 0,
    };
    let v = p.value(0)?;
    p.ws();
    if p.i != p.b.len() {
        return p.err("trailing characters");
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn err<T>(&self, what: &'static str) -> Result<T, Error> {
        Err(Error { at: self.i, what })
    }

    fn ws(&mut self) {
        while matches!(self.b.get(self.i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn lit(&mut self, word: &str, v: Value) -> Result<Value, Error> {
        if self.b[self.i..].starts_with(word.as_bytes()) {
            self.i += word.len();
            Ok(v)
        } else {
            self.err("expected value")
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.ws();
        let Some(&c) = self.b.get(self.i) else {
            return self.err("EOF while parsing a value");
        };
        match c {
            b'n' => self.lit("null", Value::Null),
            b't' => self.lit("true", Value::Bool(true)),
            b'f' => self.lit("false", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' => {
                if depth >= MAX_DEPTH {
                    return self.err("recursion limit exceeded");
                }
                self.i += 1;
                if c == b'[' {
                    self.array(depth + 1)
                } else {
                    self.object(depth + 1)
                }
            }
            _ => self.err("expected value"),
        }
    }

    /// After `[`.
    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        let mut out = Vec::new();
        self.ws();
        if self.b.get(self.i) == Some(&b']') {
            self.i += 1;
            return Ok(Value::Array(out));
        }
        loop {
            out.push(self.value(depth)?);
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(out));
                }
                _ => return self.err("expected `,` or `]`"),
            }
        }
    }

    /// After `{`.
    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        let mut out = Map::new();
        self.ws();
        if self.b.get(self.i) == Some(&b'}') {
            self.i += 1;
            return Ok(Value::Object(out));
        }
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return self.err("key must be a string");
            }
            let k = self.string()?;
            self.ws();
            if self.b.get(self.i) != Some(&b':') {
                return self.err("expected `:`");
            }
            self.i += 1;
            let v = self.value(depth)?;
            out.insert(k, v);
            self.ws();
            match self.b.get(self.i) {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(out));
                }
                _ => return self.err("expected `,` or `}`"),
            }
        }
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.i;
        let digits = |p: &mut Self| {
            let from = p.i;
            while p.b.get(p.i).is_some_and(u8::is_ascii_digit) {
                p.i += 1;
            }
            p.i - from
        };
        if self.b[self.i] == b'-' {
            self.i += 1;
        }
        match self.b.get(self.i) {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return self.err("invalid number"),
        }
        if self.b.get(self.i) == Some(&b'.') {
            self.i += 1;
            if digits(self) == 0 {
                return self.err("invalid number");
            }
        }
        if matches!(self.b.get(self.i), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.b.get(self.i), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if digits(self) == 0 {
                return self.err("invalid number");
            }
        }
        Ok(Value::Number(Number(self.s[start..self.i].to_string())))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut n = 0;
        for _ in 0..4 {
            let d = match self.b.get(self.i) {
                Some(c @ b'0'..=b'9') => c - b'0',
                Some(c @ b'a'..=b'f') => c - b'a' + 10,
                Some(c @ b'A'..=b'F') => c - b'A' + 10,
                _ => return self.err("invalid escape"),
            };
            n = n * 16 + u32::from(d);
            self.i += 1;
        }
        Ok(n)
    }

    /// At `"`.
    fn string(&mut self) -> Result<String, Error> {
        self.i += 1;
        let mut out = String::new();
        let mut run = self.i;
        loop {
            let Some(&c) = self.b.get(self.i) else {
                return self.err("EOF while parsing a string");
            };
            match c {
                b'"' => {
                    out.push_str(&self.s[run..self.i]);
                    self.i += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(&self.s[run..self.i]);
                    self.i += 1;
                    let Some(&e) = self.b.get(self.i) else {
                        return self.err("EOF while parsing a string");
                    };
                    self.i += 1;
                    match e {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let mut n = self.hex4()?;
                            if (0xD800..0xDC00).contains(&n) {
                                if !self.b[self.i..].starts_with(b"\\u") {
                                    return self.err("lone leading surrogate in hex escape");
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return self.err("lone leading surrogate in hex escape");
                                }
                                n = 0x10000 + ((n - 0xD800) << 10) + (lo - 0xDC00);
                            }
                            match char::from_u32(n) {
                                Some(ch) => out.push(ch),
                                None => return self.err("lone trailing surrogate in hex escape"),
                            }
                        }
                        _ => return self.err("invalid escape"),
                    }
                    run = self.i;
                }
                0..=0x1f => return self.err("control character while parsing a string"),
                _ => self.i += 1,
            }
        }
    }
}

/// Whether `b` holds a byte JSON escapes (`"`, `\`, a control character), eight bytes at a time:
/// most strings of an analysis have none and are copied in one go (also used by the schema's
/// writer `ui::json` and the CLI's compact writer, `src/batch/json.rs`).
pub fn needs_escape(b: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte of `x` below `n` (n <= 0x80) sets its high bit in the result (exact as a test of
    // presence).
    let below = |x: u64, n: u8| x.wrapping_sub(ONES * u64::from(n)) & !x & HIGH;
    let chunks = b.chunks_exact(8);
    let tail = chunks.remainder();
    for c in chunks {
        let x = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        if below(x, 0x20)
            | below(x ^ (ONES * u64::from(b'"')), 1)
            | below(x ^ (ONES * u64::from(b'\\')), 1)
            != 0
        {
            return true;
        }
    }
    tail.iter().any(|&c| c < 0x20 || c == b'"' || c == b'\\')
}

/// `s` as a JSON string, escaped as serde_json escapes it.
/// (The one string writer of the page: the schema's writer, `ui::json`, calls it too.)
pub fn write_str(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    if !needs_escape(s.as_bytes()) {
        out.push_str(s);
        out.push('"');
        return;
    }
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            out.push_str("\\u00");
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 0xf) as usize] as char);
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn write(out: &mut String, v: &Value, indent: Option<usize>) {
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.0),
        Value::String(s) => write_str(out, s),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(d) = indent {
                    newline(out, d + 1);
                }
                write(out, x, indent.map(|d| d + 1));
            }
            if let (Some(d), false) = (indent, a.is_empty()) {
                newline(out, d);
            }
            out.push(']');
        }
        Value::Object(o) => {
            out.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(d) = indent {
                    newline(out, d + 1);
                }
                write_str(out, k);
                out.push(':');
                if indent.is_some() {
                    out.push(' ');
                }
                write(out, x, indent.map(|d| d + 1));
            }
            if let (Some(d), false) = (indent, o.is_empty()) {
                newline(out, d);
            }
            out.push('}');
        }
    }
}

/// Compact JSON (as serde_json's `to_string`).
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write(&mut out, self, None);
        f.write_str(&out)
    }
}

/// Pretty JSON, two-space indents (as serde_json's `to_string_pretty`).
pub fn to_string_pretty(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, Some(0));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: &[&str] = &[
        r#"{"protocol":"loupe-embed/1","type":"analyze","id":7,"text":"Bonjour","options":{"layers":["entities","quotes"],"lang":"fr"}}"#,
        r#"[1,-2,3.25,-0.005,0,1733380000000.0,18446744073709551615,-9223372036854775808]"#,
        r#"{"s":"é\"\\\n\t\r\b\f\u0001\u00e9\ud83d\ude00/\/","e":{},"a":[],"n":null,"t":true,"f":false}"#,
        r#"  {"b":1,"a":{"d":[{"x":[]},{}],"c":"z"},"b":2}  "#,
        "\"\u{2028}\"",
    ];

    #[test]
    fn reads_and_writes_as_serde_json() {
        for s in SAMPLES {
            let mine = parse(s).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(s).unwrap();
            assert_eq!(
                mine.to_string(),
                serde_json::to_string(&theirs).unwrap(),
                "{s}"
            );
            assert_eq!(
                to_string_pretty(&mine),
                serde_json::to_string_pretty(&theirs).unwrap(),
                "{s}"
            );
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        let deep = "[".repeat(200) + &"]".repeat(200);
        for s in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "nul",
            "tru",
            "\"a",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\u{1}\"",
            "{1:2}",
            "[1 2]",
            "1 2",
            "{\"a\" 1}",
            "NaN",
            &deep,
        ] {
            assert!(parse(s).is_err(), "{s:?}");
            assert!(
                serde_json::from_str::<serde_json::Value>(s).is_err(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn numbers() {
        let n = |s: &str| match parse(s).unwrap() {
            Value::Number(n) => n,
            _ => panic!(),
        };
        assert_eq!(n("42").as_u64(), Some(42));
        assert_eq!(n("18446744073709551615").as_u64(), Some(u64::MAX));
        assert_eq!(n("18446744073709551616").as_u64(), None);
        for s in ["1.0", "1e3", "-1", "0.5"] {
            assert_eq!(n(s).as_u64(), None, "{s}");
        }
        for s in [
            "0",
            "-0",
            "1733380000000",
            "1733380000000.0",
            "1733380000000.5",
            "0.1",
            "2.5e3",
            "-7.25",
            "1e22",
            "123456789012345e-10",
        ] {
            let theirs: f64 = s.parse().unwrap();
            assert_eq!(n(s).as_f64(), Some(theirs), "{s}");
        }
        assert_eq!(Value::from(12usize).to_string(), "12");
        // Written back as read (serde_json would write `1000.0`: the same number for a reader).
        assert_eq!(parse("[1e3,-0.5E-2]").unwrap().to_string(), "[1e3,-0.5E-2]");
    }

    #[test]
    fn index_and_accessors() {
        let v = parse(r#"{"a":[1,"x"],"b":true}"#).unwrap();
        assert_eq!(v["a"][1].as_str(), Some("x"));
        assert_eq!(v["a"][0].as_u64(), Some(1));
        assert!(v["zz"].is_null());
        assert_eq!(v["b"].as_bool(), Some(true));
        assert!(v.is_object());
    }
}
