//! The embedding protocol `loupe-embed/1`: the messages a host page posts to the widget in an
//! `<iframe>` (`window.postMessage`), how they are validated, and the widget's replies.
//!
//! Pure Rust with no web dependency, so every rule is unit-tested natively; `app::embed` is the
//! browser glue (message events, replies, height reports). The README's « Embedding » section is
//! the reference for hosts.
//!
//! Host → widget (an object, or the same object as a JSON string):
//!
//! ```json
//! {"protocol": "loupe-embed/1", "type": "analyze", "id": 7, "text": "…",
//!  "options": {"layers": ["entities", "quotes"], "lang": "fr"}}
//! ```
//!
//! `type` is `analyze` (needs `text`), `configure` (only `options`) or `ping` (asks for `ready`
//! again). `id` (optional: a string of at most [`MAX_ID_CHARS`] characters or a finite number) is
//! echoed in the answer. Unknown top-level fields are ignored (forward compatibility); unknown
//! option names are rejected (they are almost always typos).
//!
//! Widget → host: `ready`, `result` (the `loupe.analysis/1` object), `configured`, `error`,
//! `height` — see [`ready_message`], [`result_message`], [`configured_message`],
//! [`error_message`], [`height_message`].
//!
//! ```
//! use loupe::protocol::{parse, Command, Reason};
//! let cmd = parse(r#"{"protocol":"loupe-embed/1","type":"analyze","id":1,"text":"Bonjour"}"#);
//! assert!(matches!(cmd, Ok(Command::Analyze { .. })));
//! let bad = parse(r#"{"protocol":"loupe-embed/1","type":"analyze","text":42}"#).unwrap_err();
//! assert_eq!(bad.reason, Reason::BadShape);
//! assert!(bad.should_reply());
//! ```

use crate::schema::{Analysis, SCHEMA};
use crate::value::{Map, Value};

/// Protocol id and version carried by every message, both ways.
pub const PROTOCOL: &str = "loupe-embed/1";
/// Prefix shared by every version of the protocol: a message with another version is answered
/// with [`Reason::UnsupportedVersion`]; a message without the prefix is not for Loupe.
pub const PROTOCOL_FAMILY: &str = "loupe-embed/";
/// Largest `text` accepted by `analyze`, in UTF-8 bytes (2 MiB, about 300 000 French words).
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// Largest message considered at all, serialised as JSON (8 MiB). Larger messages are dropped
/// without an answer, before parsing.
pub const MAX_MESSAGE_BYTES: usize = 8 * 1024 * 1024;
/// Longest string `id`, in characters.
pub const MAX_ID_CHARS: usize = 200;

/// A highlight layer of the widget's view (`options.layers`): a group of the schema's layers
/// ([`crate::schema::LayerGroup`], the one layer vocabulary).
pub use crate::schema::LayerGroup as Layer;

/// Interface language of the widget (`options.lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_name(s: &str) -> Option<Lang> {
        match s {
            "fr" => Some(Lang::Fr),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// Display options. `None` leaves the current setting unchanged.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The highlight layers to show (the others are shown as plain text). The `result` JSON is
    /// always complete whatever the layers.
    pub layers: Option<Vec<Layer>>,
    pub lang: Option<Lang>,
}

/// A validated host message.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Analyse `text` (at most [`MAX_TEXT_BYTES`]), show it, answer with `result`.
    Analyze {
        id: Option<Value>,
        text: String,
        options: Options,
    },
    /// Apply `options`, answer with `configured`.
    Configure { id: Option<Value>, options: Options },
    /// Answer with `ready` (for hosts that started listening late).
    Ping { id: Option<Value> },
}

/// Why a message was rejected. [`Reason::code`] is the `reason` of the `error` answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Not JSON (a string that does not parse, or an object that cannot be serialised).
    NotJson,
    /// JSON, but not a Loupe message (no `protocol` starting with `loupe-embed/`).
    NotLoupe,
    /// `text` over [`MAX_TEXT_BYTES`], or the whole message over [`MAX_MESSAGE_BYTES`].
    TooLarge,
    /// A Loupe message of another protocol version.
    UnsupportedVersion,
    /// A required field is missing or has the wrong type (`type`, `text`, `id`).
    BadShape,
    /// `type` is not one of `analyze`, `configure`, `ping`.
    UnknownType,
    /// `options` is not an object, or has an unknown name or an invalid value.
    BadOptions,
    /// The sender's origin is not in the embedder's allowed-origins list.
    OriginNotAllowed,
}

impl Reason {
    pub fn code(self) -> &'static str {
        match self {
            Reason::NotJson => "not-json",
            Reason::NotLoupe => "not-loupe",
            Reason::TooLarge => "too-large",
            Reason::UnsupportedVersion => "unsupported-version",
            Reason::BadShape => "bad-shape",
            Reason::UnknownType => "unknown-type",
            Reason::BadOptions => "bad-options",
            Reason::OriginNotAllowed => "origin-not-allowed",
        }
    }
}

/// A rejected message: why, the message's `id` when it had a valid one, and a human-readable
/// detail (English, for the host developer's console).
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub reason: Reason,
    pub id: Option<Value>,
    pub detail: String,
    /// True when the message was recognisably addressed to Loupe (it carries a `loupe-embed/`
    /// protocol id): only those are answered with an `error`; anything else — other scripts'
    /// messages, garbage, messages from origins not allowed, oversized blobs — is only logged.
    addressed: bool,
}

impl Rejection {
    fn new(reason: Reason, id: Option<Value>, detail: impl Into<String>, addressed: bool) -> Self {
        Rejection {
            reason,
            id,
            detail: detail.into(),
            addressed,
        }
    }

    /// Whether the widget answers this rejection with an `error` message (see `addressed`).
    pub fn should_reply(&self) -> bool {
        self.addressed
    }

    /// The rejection of a message whose origin is not allowed (never answered).
    pub fn origin_not_allowed(origin: &str) -> Self {
        Rejection::new(
            Reason::OriginNotAllowed,
            None,
            format!("origin {origin} is not in the allowed-origins list"),
            false,
        )
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.reason.code(), self.detail)
    }
}

/// Parses and validates one host message, given as JSON text.
pub fn parse(raw: &str) -> Result<Command, Rejection> {
    if raw.len() > MAX_MESSAGE_BYTES {
        return Err(Rejection::new(
            Reason::TooLarge,
            None,
            format!("message of {} bytes (limit {MAX_MESSAGE_BYTES})", raw.len()),
            false,
        ));
    }
    let value: Value = crate::value::parse(raw)
        .map_err(|e| Rejection::new(Reason::NotJson, None, format!("not JSON: {e}"), false))?;
    parse_value(value)
}

/// Validates one host message already parsed as JSON.
pub fn parse_value(value: Value) -> Result<Command, Rejection> {
    let Value::Object(mut obj) = value else {
        return Err(Rejection::new(
            Reason::NotLoupe,
            None,
            "not an object",
            false,
        ));
    };
    let protocol = match obj.get("protocol") {
        Some(Value::String(p)) if p.starts_with(PROTOCOL_FAMILY) => p.clone(),
        _ => {
            return Err(Rejection::new(
                Reason::NotLoupe,
                None,
                format!("no \"protocol\": \"{PROTOCOL}\" field"),
                false,
            ))
        }
    };
    let id = match obj.remove("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.chars().count() <= MAX_ID_CHARS => Some(Value::String(s)),
        Some(Value::Number(n)) => Some(Value::Number(n)),
        Some(_) => {
            return Err(Rejection::new(
                Reason::BadShape,
                None,
                format!("\"id\" must be a number or a string of at most {MAX_ID_CHARS} characters"),
                true,
            ))
        }
    };
    let reject = |reason, detail: String| Err(Rejection::new(reason, id.clone(), detail, true));
    if protocol != PROTOCOL {
        return reject(
            Reason::UnsupportedVersion,
            format!("protocol {protocol} is not supported (this widget speaks {PROTOCOL})"),
        );
    }
    let kind = match obj.get("type") {
        Some(Value::String(t)) => t.clone(),
        _ => return reject(Reason::BadShape, "\"type\" must be a string".into()),
    };
    let options = match parse_options(obj.remove("options")) {
        Ok(o) => o,
        Err(detail) => return reject(Reason::BadOptions, detail),
    };
    match kind.as_str() {
        "analyze" => {
            let text = match obj.remove("text") {
                Some(Value::String(t)) => t,
                _ => return reject(Reason::BadShape, "\"text\" must be a string".into()),
            };
            if text.len() > MAX_TEXT_BYTES {
                return reject(
                    Reason::TooLarge,
                    format!(
                        "text of {} bytes (limit {MAX_TEXT_BYTES} UTF-8 bytes)",
                        text.len()
                    ),
                );
            }
            Ok(Command::Analyze { id, text, options })
        }
        "configure" => Ok(Command::Configure { id, options }),
        "ping" => Ok(Command::Ping { id }),
        other => reject(
            Reason::UnknownType,
            format!("unknown type {other:?} (expected analyze, configure or ping)"),
        ),
    }
}

fn parse_options(v: Option<Value>) -> Result<Options, String> {
    let obj = match v {
        None | Some(Value::Null) => return Ok(Options::default()),
        Some(Value::Object(o)) => o,
        Some(_) => return Err("\"options\" must be an object".into()),
    };
    let mut out = Options::default();
    for (k, v) in obj {
        match k.as_str() {
            "layers" => {
                let Value::Array(items) = v else {
                    return Err("\"layers\" must be an array of layer names".into());
                };
                let mut layers = Vec::with_capacity(items.len());
                for item in &items {
                    let layer = item.as_str().and_then(Layer::from_name).ok_or_else(|| {
                        format!(
                            "unknown layer {item} (expected {})",
                            layer_names().join(", ")
                        )
                    })?;
                    if !layers.contains(&layer) {
                        layers.push(layer);
                    }
                }
                // In the groups' order (`layers` has no duplicates): no sort in the page program.
                layers = Layer::ALL
                    .into_iter()
                    .filter(|l| layers.contains(l))
                    .collect();
                out.layers = Some(layers);
            }
            "lang" => {
                out.lang = Some(
                    v.as_str()
                        .and_then(Lang::from_name)
                        .ok_or_else(|| format!("unknown lang {v} (expected \"fr\" or \"en\")"))?,
                );
            }
            other => return Err(format!("unknown option {other:?} (expected layers, lang)")),
        }
    }
    Ok(out)
}

fn layer_names() -> Vec<&'static str> {
    Layer::ALL.iter().map(|l| l.as_str()).collect()
}

/// Which origins may drive the widget.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origins {
    /// No list given: any origin (replies still go only to the sender's origin).
    Any,
    /// Only these serialised origins (`https://blog.example`, lower-case, no trailing slash).
    /// An empty list (every entry was invalid) allows nothing: the list fails closed.
    Only(Vec<String>),
}

impl Origins {
    /// Parses the `origins` URL parameter: origins separated by commas or spaces.
    /// Returns the list and the entries that are not valid origins (to be logged).
    pub fn parse(list: &str) -> (Origins, Vec<String>) {
        let mut ok = Vec::new();
        let mut bad = Vec::new();
        for item in list
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
        {
            match normalize_origin(item) {
                Some(o) => {
                    if !ok.contains(&o) {
                        ok.push(o)
                    }
                }
                None => bad.push(item.to_string()),
            }
        }
        (Origins::Only(ok), bad)
    }

    /// Whether a message from `origin` (a `MessageEvent.origin`) is accepted.
    pub fn allows(&self, origin: &str) -> bool {
        match self {
            Origins::Any => true,
            Origins::Only(list) => list.iter().any(|o| o == origin),
        }
    }
}

/// `https://Blog.Example:443/` → `https://blog.example`; `None` for anything that is not an
/// http(s) origin (paths, queries, credentials, other schemes, `null`, `*`).
pub fn normalize_origin(s: &str) -> Option<String> {
    let lower = s.trim().to_ascii_lowercase();
    let (scheme, rest) = lower.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host_port = rest.strip_suffix('/').unwrap_or(rest);
    if host_port.is_empty() || host_port.contains(['/', '?', '#', '@', '*', ' ', '\\']) {
        return None;
    }
    let (host, port) = if host_port.starts_with('[') {
        // An IPv6 literal: `[::1]` or `[::1]:8080`.
        let close = host_port.find(']')?;
        let (h, rest) = host_port.split_at(close + 1);
        match rest {
            "" => (h, None),
            r => (h, Some(r.strip_prefix(':')?)),
        }
    } else {
        match host_port.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        }
    };
    if host.is_empty() {
        return None;
    }
    let default_port = if scheme == "https" { "443" } else { "80" };
    match port {
        None => Some(format!("{scheme}://{host}")),
        Some(p) if p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()) || p.len() > 5 => None,
        Some(p) if p == default_port => Some(format!("{scheme}://{host}")),
        Some(p) => Some(format!("{scheme}://{host}:{p}")),
    }
}

/// Where to send the answer to a message from `sender_origin`: that origin only, or `*` for an
/// opaque (`null`) sender — which is possible only when no allowed-origins list is configured.
pub fn reply_target(origins: &Origins, sender_origin: &str) -> Option<String> {
    if sender_origin == "null" {
        (*origins == Origins::Any).then(|| "*".to_string())
    } else {
        Some(sender_origin.to_string())
    }
}

/// The widget's settings read from its URL query (`?embed=1&origins=…&lang=en&layers=…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedConfig {
    /// `embed=1` (or `embed` / `embed=true`): compact layout and the postMessage API.
    pub embed: bool,
    pub origins: Origins,
    /// `lang` and `layers` (comma-separated) from the URL: the initial options.
    pub options: Options,
    /// Problems found in the query (invalid origins, layers or language), to be logged.
    pub warnings: Vec<String>,
}

impl EmbedConfig {
    /// Reads `location.search` (with or without the leading `?`).
    pub fn from_query(query: &str) -> EmbedConfig {
        let mut cfg = EmbedConfig {
            embed: false,
            origins: Origins::Any,
            options: Options::default(),
            warnings: Vec::new(),
        };
        for pair in query.trim_start_matches('?').split('&') {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let v = percent_decode(v);
            match percent_decode(k).as_str() {
                "embed" => cfg.embed = matches!(v.as_str(), "" | "1" | "true" | "yes"),
                "origins" => {
                    let (o, bad) = Origins::parse(&v);
                    cfg.warnings.extend(
                        bad.into_iter()
                            .map(|b| format!("ignored invalid origin {b:?}")),
                    );
                    cfg.origins = o;
                }
                "lang" => match Lang::from_name(&v) {
                    Some(l) => cfg.options.lang = Some(l),
                    None => cfg.warnings.push(format!("ignored unknown lang {v:?}")),
                },
                "layers" => {
                    let mut layers = Vec::new();
                    for name in v.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                        match Layer::from_name(name) {
                            Some(l) if !layers.contains(&l) => layers.push(l),
                            Some(_) => {}
                            None => cfg.warnings.push(format!("ignored unknown layer {name:?}")),
                        }
                    }
                    // In the groups' order (`layers` has no duplicates): no sort in the page program.
                    layers = Layer::ALL
                        .into_iter()
                        .filter(|l| layers.contains(l))
                        .collect();
                    cfg.options.layers = Some(layers);
                }
                _ => {}
            }
        }
        cfg
    }
}

/// Decodes `%XX` escapes and `+` (as in `application/x-www-form-urlencoded`); invalid escapes are
/// kept as they are, invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match (hex(b[i + 1]), hex(b[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn envelope(kind: &str) -> Map {
    let mut m = Map::new();
    m.insert("protocol".into(), PROTOCOL.into());
    m.insert("type".into(), kind.into());
    m
}

/// `ready`: sent once the widget listens, and in answer to `ping`.
pub fn ready_message(id: Option<&Value>) -> Value {
    let mut m = envelope("ready");
    if let Some(id) = id {
        m.insert("id".into(), id.clone());
    }
    m.insert("schema".into(), SCHEMA.into());
    m.insert(
        "generator".into(),
        format!("loupe {}", env!("CARGO_PKG_VERSION")).into(),
    );
    m.insert("maxTextBytes".into(), MAX_TEXT_BYTES.into());
    m.insert("layers".into(), layer_names().into());
    m.insert("langs".into(), vec!["fr", "en"].into());
    Value::Object(m)
}

/// `result`: the complete `loupe.analysis/1` object for an `analyze` message.
pub fn result_message(id: Option<&Value>, analysis: &Analysis) -> Value {
    let json = serde_json::to_string(analysis).unwrap_or_default();
    result_message_value(id, crate::value::parse(&json).unwrap_or(Value::Null))
}

/// `result` with an analysis already as JSON (the engine's `loupe.analysis/1` output, parsed).
pub fn result_message_value(id: Option<&Value>, analysis: Value) -> Value {
    let mut m = envelope("result");
    m.insert("id".into(), id.cloned().unwrap_or(Value::Null));
    m.insert("result".into(), analysis);
    Value::Object(m)
}

/// `configured`: the options now in force, after a `configure` message.
pub fn configured_message(id: Option<&Value>, layers: &[Layer], lang: Option<Lang>) -> Value {
    let mut m = envelope("configured");
    m.insert("id".into(), id.cloned().unwrap_or(Value::Null));
    let mut options = Map::new();
    options.insert(
        "layers".into(),
        layers.iter().map(|l| l.as_str()).collect::<Vec<_>>().into(),
    );
    options.insert("lang".into(), lang.map(Lang::as_str).into());
    m.insert("options".into(), options.into());
    Value::Object(m)
}

/// `error`: a rejected message (only those with [`Rejection::should_reply`]).
pub fn error_message(r: &Rejection) -> Value {
    let mut m = envelope("error");
    m.insert("id".into(), r.id.clone().unwrap_or(Value::Null));
    m.insert("reason".into(), r.reason.code().into());
    m.insert("message".into(), r.detail.clone().into());
    Value::Object(m)
}

/// `height`: the widget's content height in CSS pixels, each time it changes.
pub fn height_message(px: u32) -> Value {
    let mut m = envelope("height");
    m.insert("height".into(), px.into());
    Value::Object(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// serde_json's `json!`, as this module's [`Value`].
    macro_rules! json {
        ($($t:tt)+) => {
            crate::value::parse(&serde_json::json!($($t)+).to_string()).unwrap()
        };
    }

    fn msg(v: Value) -> Result<Command, Rejection> {
        parse(&v.to_string())
    }

    #[test]
    fn analyze_with_options() {
        let c = msg(
            json!({"protocol": PROTOCOL, "type": "analyze", "id": "a-1", "text": "Bonjour",
            "options": {"layers": ["quotes", "entities", "quotes"], "lang": "en"}}),
        )
        .unwrap();
        assert_eq!(
            c,
            Command::Analyze {
                id: Some(json!("a-1")),
                text: "Bonjour".into(),
                options: Options {
                    layers: Some(vec![Layer::Entities, Layer::Quotes]),
                    lang: Some(Lang::En)
                }
            }
        );
        // Unknown top-level fields are ignored; null id and options are absent ones.
        let c = msg(
            json!({"protocol": PROTOCOL, "type": "analyze", "text": "", "id": null,
            "options": null, "extra": [1]}),
        )
        .unwrap();
        assert_eq!(
            c,
            Command::Analyze {
                id: None,
                text: String::new(),
                options: Options::default()
            }
        );
    }

    #[test]
    fn configure_and_ping() {
        assert_eq!(
            msg(json!({"protocol": PROTOCOL, "type": "ping", "id": 3})).unwrap(),
            Command::Ping { id: Some(json!(3)) }
        );
        assert_eq!(
            msg(json!({"protocol": PROTOCOL, "type": "configure", "options": {"layers": []}}))
                .unwrap(),
            Command::Configure {
                id: None,
                options: Options {
                    layers: Some(vec![]),
                    lang: None
                }
            }
        );
    }

    fn reason(v: Value) -> (Reason, bool, Option<Value>) {
        let r = msg(v).unwrap_err();
        (r.reason, r.should_reply(), r.id)
    }

    #[test]
    fn foreign_and_garbage_messages_are_ignored_silently() {
        assert_eq!(parse("{not json").unwrap_err().reason, Reason::NotJson);
        assert!(!parse("{not json").unwrap_err().should_reply());
        assert_eq!(reason(json!("hello")), (Reason::NotLoupe, false, None));
        assert_eq!(reason(json!([1, 2])), (Reason::NotLoupe, false, None));
        assert_eq!(
            reason(json!({"type": "analyze", "text": "x"})),
            (Reason::NotLoupe, false, None)
        );
        assert_eq!(
            reason(json!({"protocol": "other/1", "type": "analyze"})),
            (Reason::NotLoupe, false, None)
        );
        assert_eq!(
            reason(json!({"protocol": 1, "type": "analyze"})),
            (Reason::NotLoupe, false, None)
        );
    }

    #[test]
    fn malformed_loupe_messages_are_answered() {
        let p = PROTOCOL;
        assert_eq!(
            reason(json!({"protocol": "loupe-embed/2", "type": "analyze", "id": 9, "text": ""})),
            (Reason::UnsupportedVersion, true, Some(json!(9)))
        );
        assert_eq!(
            reason(json!({"protocol": p, "id": 1})),
            (Reason::BadShape, true, Some(json!(1)))
        );
        assert_eq!(
            reason(json!({"protocol": p, "type": 5})),
            (Reason::BadShape, true, None)
        );
        assert_eq!(
            reason(json!({"protocol": p, "type": "analyze", "id": "x", "text": 42})),
            (Reason::BadShape, true, Some(json!("x")))
        );
        assert_eq!(
            reason(json!({"protocol": p, "type": "analyze"})).0,
            Reason::BadShape
        );
        assert_eq!(
            reason(json!({"protocol": p, "type": "analyze", "id": {"a": 1}, "text": ""})),
            (Reason::BadShape, true, None)
        );
        let long_id = "i".repeat(MAX_ID_CHARS + 1);
        assert_eq!(
            reason(json!({"protocol": p, "type": "ping", "id": long_id})).0,
            Reason::BadShape
        );
        assert_eq!(
            reason(json!({"protocol": p, "type": "explode", "id": 2})),
            (Reason::UnknownType, true, Some(json!(2)))
        );
    }

    #[test]
    fn bad_options() {
        for options in [
            serde_json::json!("fr"),
            serde_json::json!({"lang": "de"}),
            serde_json::json!({"lang": 1}),
            serde_json::json!({"layers": "entities"}),
            serde_json::json!({"layers": ["entities", "colours"]}),
            serde_json::json!({"layers": [1]}),
            serde_json::json!({"layer": ["entities"]}),
        ] {
            let r = msg(
                json!({"protocol": PROTOCOL, "type": "analyze", "id": 4, "text": "",
                "options": options}),
            )
            .unwrap_err();
            assert_eq!(r.reason, Reason::BadOptions, "{options}");
            assert_eq!(r.id, Some(json!(4)));
            assert!(r.should_reply());
        }
    }

    #[test]
    fn size_limits() {
        let at_limit = "é".repeat(MAX_TEXT_BYTES / 2);
        assert!(matches!(
            msg(json!({"protocol": PROTOCOL, "type": "analyze", "text": at_limit})),
            Ok(Command::Analyze { .. })
        ));
        let over = "a".repeat(MAX_TEXT_BYTES + 1);
        assert_eq!(
            reason(json!({"protocol": PROTOCOL, "type": "analyze", "id": 5, "text": over})),
            (Reason::TooLarge, true, Some(json!(5)))
        );
        // A message over the hard limit is dropped before parsing, without an answer.
        let huge = format!(
            "{{\"protocol\":\"{PROTOCOL}\",\"type\":\"analyze\",\"text\":\"{}\"}}",
            "a".repeat(MAX_MESSAGE_BYTES)
        );
        let r = parse(&huge).unwrap_err();
        assert_eq!(r.reason, Reason::TooLarge);
        assert!(!r.should_reply());
    }

    #[test]
    fn origins() {
        assert_eq!(
            normalize_origin("HTTPS://Blog.Example/").as_deref(),
            Some("https://blog.example")
        );
        assert_eq!(
            normalize_origin("https://blog.example:443").as_deref(),
            Some("https://blog.example")
        );
        assert_eq!(
            normalize_origin("http://localhost:8080").as_deref(),
            Some("http://localhost:8080")
        );
        assert_eq!(
            normalize_origin("http://[::1]:8080").as_deref(),
            Some("http://[::1]:8080")
        );
        assert_eq!(
            normalize_origin("http://[::1]").as_deref(),
            Some("http://[::1]")
        );
        for bad in [
            "blog.example",
            "ftp://x.example",
            "https://x.example/path",
            "https://x.example?q",
            "https://user@x.example",
            "https://*.example",
            "https://x.example:port",
            "null",
            "*",
            "https://",
        ] {
            assert_eq!(normalize_origin(bad), None, "{bad}");
        }
        let (o, bad) = Origins::parse("https://a.example, http://127.0.0.1:8000 nope");
        assert_eq!(bad, vec!["nope".to_string()]);
        assert!(o.allows("https://a.example"));
        assert!(o.allows("http://127.0.0.1:8000"));
        assert!(!o.allows("http://127.0.0.1:8001"));
        assert!(!o.allows("null"));
        // Fails closed: a list with no valid origin allows nothing.
        let (none, _) = Origins::parse("nope");
        assert!(!none.allows("https://a.example"));
        assert!(Origins::Any.allows("https://anything.example"));
        assert!(!Rejection::origin_not_allowed("https://x.example").should_reply());
    }

    #[test]
    fn replies_go_to_the_sender_only() {
        assert_eq!(
            reply_target(&Origins::Any, "https://a.example").as_deref(),
            Some("https://a.example")
        );
        assert_eq!(reply_target(&Origins::Any, "null").as_deref(), Some("*"));
        let only = Origins::Only(vec!["https://a.example".into()]);
        assert_eq!(reply_target(&only, "null"), None);
        assert_eq!(
            reply_target(&only, "https://a.example").as_deref(),
            Some("https://a.example")
        );
    }

    #[test]
    fn embed_config_from_query() {
        let c = EmbedConfig::from_query(
            "?embed=1&origins=https%3A%2F%2Fa.example%2Chttp://b.example:8080,bad&lang=en&layers=quotes,entities,nope",
        );
        assert!(c.embed);
        assert_eq!(
            c.origins,
            Origins::Only(vec![
                "https://a.example".into(),
                "http://b.example:8080".into()
            ])
        );
        assert_eq!(c.options.lang, Some(Lang::En));
        assert_eq!(c.options.layers, Some(vec![Layer::Entities, Layer::Quotes]));
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
        let plain = EmbedConfig::from_query("");
        assert!(!plain.embed);
        assert_eq!(plain.origins, Origins::Any);
        assert!(EmbedConfig::from_query("embed").embed);
        assert!(!EmbedConfig::from_query("?embed=0").embed);
        assert_eq!(percent_decode("a%2Cb+c%zz%"), "a,b c%zz%");
        assert_eq!(percent_decode("%C3%A9"), "é");
    }

    /// A message as serde_json reads its text.
    fn sj(v: Value) -> serde_json::Value {
        serde_json::from_str(&v.to_string()).unwrap()
    }

    #[test]
    fn messages() {
        let r = sj(ready_message(None));
        assert_eq!(r["protocol"], PROTOCOL);
        assert_eq!(r["type"], "ready");
        assert_eq!(r["schema"], SCHEMA);
        assert_eq!(r["maxTextBytes"], MAX_TEXT_BYTES);
        assert_eq!(r["layers"].as_array().unwrap().len(), Layer::ALL.len());
        assert_eq!(sj(ready_message(Some(&json!("p"))))["id"], "p");

        let a = crate::analyze("Le président Emmanuel Macron était à Lyon.");
        let m = sj(result_message(Some(&json!(7)), &a));
        assert_eq!(m["type"], "result");
        assert_eq!(m["id"], 7);
        // The result is exactly the analysis's own JSON.
        let back: Analysis = serde_json::from_value(m["result"].clone()).unwrap();
        assert_eq!(back, a);
        assert_eq!(m["result"]["schema"], SCHEMA);

        let e = sj(error_message(
            &msg(json!({"protocol": PROTOCOL, "type": "nope", "id": "z"})).unwrap_err(),
        ));
        assert_eq!(e["type"], "error");
        assert_eq!(e["reason"], "unknown-type");
        assert_eq!(e["id"], "z");
        assert!(e["message"].as_str().unwrap().contains("nope"));

        assert_eq!(sj(height_message(321))["height"], 321);
        let c = sj(configured_message(None, &[Layer::Quotes], Some(Lang::Fr)));
        assert_eq!(
            c["options"],
            serde_json::json!({"layers": ["quotes"], "lang": "fr"})
        );
        assert_eq!(c["id"], serde_json::Value::Null);
    }
}
