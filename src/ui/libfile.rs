//! The reader's library of kept articles (« Garder »), pure half: what is kept for an article,
//! its name, and the library's export file (`loupe.library/1`) — written, and read back with
//! every article validated before anything is changed. The browser half (IndexedDB, the list,
//! the buttons) is `crate::app::library`.
//!
//! An article is kept as its metadata ([`Meta`]: id, name, title, publisher, date, words, when
//! it was kept) and its body (the text and its `loupe.analysis/1` JSON). Its id is derived from
//! the text (`a` + 16 hexadecimal digits of [`text_hash`]), so the same text is kept once and an
//! import never duplicates an article already in the library.
//!
//! The export file:
//!
//! ```json
//! {"schema": "loupe.library/1", "generator": "loupe 0.1.0",
//!  "articles": [{"id", "name", "title"?, "publisher"?, "date"?, "words", "added", "text",
//!                "analysis": {loupe.analysis/1}}]}
//! ```

use crate::schema::Analysis;
use crate::ui::dismiss::text_hash;
use crate::value::{write_str, Value};

/// Identifier of the library's export format.
pub const SCHEMA: &str = "loupe.library/1";

/// Longest article name, in characters.
pub const NAME_MAX: usize = 200;

/// What the list shows of a kept article (the body is stored apart).
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub id: String,
    /// The reader's name for it (the title at first; « Renommer » changes it). Also its id in a
    /// comparison (`loupe.comparison/1` `articles[].id`).
    pub name: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<String>,
    pub words: usize,
    /// When it was kept: milliseconds since 1970-01-01 UTC.
    pub added: f64,
}

/// The id of the article whose text is `text`.
pub fn id_of(text: &str) -> String {
    format!("a{:016x}", text_hash(text.as_bytes()))
}

/// A name typed by the reader, tidied: spaces collapsed, at most [`NAME_MAX`] characters; `None`
/// when nothing is left.
pub fn clean_name(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let joined = words.join(" ");
    let cut: String = joined.chars().take(NAME_MAX).collect();
    let cut = cut.trim_end().to_string();
    (!cut.is_empty()).then_some(cut)
}

/// The first name of an article: its title, else its first words (about 60 characters, cut at
/// a space, « … » added), else « Article sans titre ».
pub fn default_name(a: &Analysis, text: &str) -> String {
    if let Some(t) = a.card.title.as_deref().and_then(clean_name) {
        return t;
    }
    let flat = clean_name(text).unwrap_or_default();
    if flat.is_empty() {
        return "Article sans titre".to_string();
    }
    if flat.chars().count() <= 60 {
        return flat;
    }
    let head: String = flat.chars().take(60).collect();
    let cut = head.rfind(' ').filter(|&i| i > 20).unwrap_or(head.len());
    format!("{}…", head[..cut].trim_end())
}

/// The metadata of a freshly kept article.
pub fn meta_of(a: &Analysis, text: &str, added: f64) -> Meta {
    Meta {
        id: id_of(text),
        name: default_name(a, text),
        title: a.card.title.clone(),
        publisher: a.card.publisher.as_ref().map(|p| p.name.clone()),
        date: a.card.date.clone(),
        words: a.card.words,
        added,
    }
}

impl Meta {
    /// As JSON (`{"id":…,"name":…,"title"?,"publisher"?,"date"?,"words":…,"added":…}`, the
    /// stored form), with a last field `text` when given (an article of the export file).
    pub fn to_json(&self, text: Option<&str>) -> String {
        let mut o = String::from("{\"id\":");
        write_str(&mut o, &self.id);
        o.push_str(",\"name\":");
        write_str(&mut o, &self.name);
        for (k, v) in [
            ("title", &self.title),
            ("publisher", &self.publisher),
            ("date", &self.date),
        ] {
            if let Some(v) = v {
                o.push_str(",\"");
                o.push_str(k);
                o.push_str("\":");
                write_str(&mut o, v);
            }
        }
        o.push_str(",\"words\":");
        o.push_str(&self.words.to_string());
        o.push_str(",\"added\":");
        write_f64(&mut o, self.added);
        if let Some(t) = text {
            o.push_str(",\"text\":");
            write_str(&mut o, t);
        }
        o.push('}');
        o
    }

    /// Reads the stored form (unknown fields ignored, `title`, `publisher` and `date` optional).
    pub fn from_json(json: &str) -> Option<Meta> {
        let v = crate::value::parse(json).ok()?;
        let o = v.as_object()?;
        let text = |k: &str| o.get(k)?.as_str().map(str::to_string);
        let opt = |k: &str| match o.get(k) {
            None | Some(Value::Null) => Some(None),
            Some(v) => v.as_str().map(|s| Some(s.to_string())),
        };
        Some(Meta {
            id: text("id")?,
            name: text("name")?,
            title: opt("title")?,
            publisher: opt("publisher")?,
            date: opt("date")?,
            words: usize::try_from(o.get("words")?.as_u64()?).ok()?,
            added: o.get("added")?.as_f64()?,
        })
    }
}

/// An `f64` as serde_json writes it for the values the library holds (whole milliseconds:
/// `1733380000000.0`; a fraction with its shortest decimals; not finite: `null`).
fn write_f64(o: &mut String, x: f64) {
    if !x.is_finite() {
        return o.push_str("null");
    }
    if x < 0.0 {
        o.push('-');
    }
    let x = x.abs();
    if x.fract() == 0.0 && x < 1e16 {
        o.push_str(&(x as u64).to_string());
        return o.push_str(".0");
    }
    let int = x.trunc();
    let mut scale = 1f64;
    for k in 1..=17 {
        scale *= 10.0;
        let frac = ((x - int) * scale).round();
        if frac < scale && int + frac / scale == x || k == 17 {
            o.push_str(&(int as u64).to_string());
            o.push('.');
            let digits = (frac as u64).to_string();
            for _ in digits.len()..k {
                o.push('0');
            }
            return o.push_str(digits.trim_end_matches('0'));
        }
    }
}

/// The whole library as one export file: `(meta, text, analysis JSON)` per article, in list
/// order. The analysis is written as stored (it is `loupe.analysis/1` JSON already).
pub fn export_json(items: &[(Meta, String, String)], generator: &str) -> String {
    let mut out = String::from("{\n  \"schema\": ");
    write_str(&mut out, SCHEMA);
    out.push_str(",\n  \"generator\": ");
    write_str(&mut out, generator);
    out.push_str(",\n  \"articles\": [");
    for (i, (meta, text, analysis)) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let head = meta.to_json(Some(text));
        out.push_str("\n    ");
        // `{…"text":"…"}` + `,"analysis":{…}}`
        out.push_str(head.strip_suffix('}').unwrap_or(&head));
        out.push_str(",\"analysis\":");
        let analysis = analysis.trim();
        out.push_str(if analysis.is_empty() {
            "null"
        } else {
            analysis
        });
        out.push('}');
    }
    out.push_str("\n  ]\n}\n");
    out
}

/// One article of an export file, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub meta: Meta,
    pub text: String,
    /// The analysis as `loupe.analysis/1` JSON.
    pub analysis: String,
}

/// What is wrong with a file given to « Importer ».
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON at all (or not UTF-8).
    NotJson,
    /// JSON, but not a Loupe library (no `schema`, or another format such as a single analysis).
    NotLibrary,
    /// A `loupe.library/N` other than 1.
    Version(String),
    /// No article in it.
    Empty,
    /// Article `index` (0-based) is unusable.
    Article { index: usize, why: Why },
}

/// Why one article of an export file is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    NotObject,
    NoText,
    BadName,
    NoAnalysis,
    /// The analysis is not a `loupe.analysis/1` result.
    BadAnalysis,
    /// The analysis is of another text (its length differs).
    Mismatch,
    BadDate,
}

/// Reads an export file. Every article is checked before any is returned: one bad article
/// refuses the whole file, so an import changes nothing or adds every new article.
pub fn parse_import(bytes: &[u8]) -> Result<Vec<Imported>, ImportError> {
    // From a `str`, like every other JSON the page parses (one `Value` parser in the wasm).
    let v: Value = std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| crate::value::parse(s).ok())
        .ok_or(ImportError::NotJson)?;
    let schema = v
        .get("schema")
        .and_then(Value::as_str)
        .ok_or(ImportError::NotLibrary)?;
    if schema != SCHEMA {
        return Err(if schema.starts_with("loupe.library/") {
            ImportError::Version(schema.to_string())
        } else {
            ImportError::NotLibrary
        });
    }
    let list = v
        .get("articles")
        .and_then(Value::as_array)
        .ok_or(ImportError::NotLibrary)?;
    if list.is_empty() {
        return Err(ImportError::Empty);
    }
    let mut out: Vec<Imported> = Vec::with_capacity(list.len());
    for (index, item) in list.iter().enumerate() {
        let bad = |why| ImportError::Article { index, why };
        let obj = item.as_object().ok_or(bad(Why::NotObject))?;
        let text = obj
            .get("text")
            .and_then(Value::as_str)
            .filter(|t| !t.trim().is_empty())
            .ok_or(bad(Why::NoText))?;
        let analysis_v = obj.get("analysis").ok_or(bad(Why::NoAnalysis))?;
        if !analysis_v.is_object() {
            return Err(bad(Why::NoAnalysis));
        }
        if analysis_v.get("schema").and_then(Value::as_str) != Some(crate::schema::SCHEMA) {
            return Err(bad(Why::BadAnalysis));
        }
        // Read by hand with the derived `Deserialize`'s rules ([`crate::ui::json::FromJson`]):
        // the page links no serde deserialiser for the schema.
        let a: Analysis = crate::ui::json::from_value(analysis_v).ok_or(bad(Why::BadAnalysis))?;
        let total = a.truncated.map_or(a.stats.bytes, |t| t.total_bytes);
        if total != text.len() {
            return Err(bad(Why::Mismatch));
        }
        let name = match obj.get("name") {
            None | Some(Value::Null) => default_name(&a, text),
            Some(Value::String(s)) => clean_name(s).ok_or(bad(Why::BadName))?,
            Some(_) => return Err(bad(Why::BadName)),
        };
        let added = match obj.get("added") {
            None | Some(Value::Null) => 0.0,
            Some(x) => x
                .as_f64()
                .filter(|t| t.is_finite() && *t >= 0.0)
                .ok_or(bad(Why::BadDate))?,
        };
        let mut meta = meta_of(&a, text, added);
        meta.name = name;
        // The same text twice in one file: kept once.
        if out.iter().any(|o| o.meta.id == meta.id) {
            continue;
        }
        out.push(Imported {
            meta,
            text: text.to_string(),
            analysis: crate::ui::json::compact(&a),
        });
    }
    Ok(out)
}

/// The list in its shown order: most recently kept first, then by name.
pub fn sort_list(list: &mut [Meta]) {
    super::sort::sort_by(list, |a, b| {
        b.added
            .partial_cmp(&a.added)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn meta_json() {
        let mut m = Meta {
            id: "a0123456789abcdef".into(),
            name: "Un \"nom\"\n".into(),
            title: Some("Titre".into()),
            publisher: None,
            date: Some("2026-12-05".into()),
            words: 42,
            added: 1_733_380_000_000.0,
        };
        assert_eq!(
            m.to_json(None),
            r#"{"id":"a0123456789abcdef","name":"Un \"nom\"\n","title":"Titre","date":"2026-12-05","words":42,"added":1733380000000.0}"#
        );
        assert_eq!(Meta::from_json(&m.to_json(None)), Some(m.clone()));
        let t = m.to_json(Some("texte"));
        assert!(
            t.ends_with(r#","added":1733380000000.0,"text":"texte"}"#),
            "{t}"
        );
        for x in [
            0.0,
            1.5,
            1_733_380_000_000.25,
            0.1,
            12.345,
            1e15,
            3.0e15 + 0.5,
        ] {
            m.added = x;
            let mut o = String::new();
            write_f64(&mut o, x);
            assert_eq!(o, serde_json::to_string(&x).unwrap(), "{x}");
            assert_eq!(Meta::from_json(&m.to_json(None)).map(|m| m.added), Some(x));
        }
        assert_eq!(Meta::from_json(r#"{"id":"a","name":"n","words":1}"#), None);
        assert_eq!(
            Meta::from_json(r#"{"id":"a","name":"n","words":-1,"added":0}"#),
            None
        );
        let min = Meta::from_json(r#"{"id":"a","name":"n","words":1,"added":5,"x":[]}"#).unwrap();
        assert_eq!((min.title, min.added), (None, 5.0));
    }

    const A: &str = include_str!("../../tests/fixtures/compare/a-agence.txt");
    const B: &str = include_str!("../../tests/fixtures/compare/b-officiel.txt");

    fn kept(text: &str, added: f64) -> (Meta, String, String) {
        let a = crate::analyze(text);
        (meta_of(&a, text, added), text.to_string(), a.to_json())
    }

    #[test]
    fn ids_follow_the_text_and_names_the_title() {
        let a = crate::analyze(A);
        let m = meta_of(&a, A, 5.0);
        assert_eq!(m.id, id_of(A));
        assert_ne!(m.id, id_of(B));
        assert_eq!(m.id.len(), 17);
        assert_eq!(Some(m.name.clone()), a.card.title.clone());
        assert_eq!(m.words, a.card.words);
    }

    #[test]
    fn names_are_tidied() {
        assert_eq!(
            clean_name("  Le   sommet\n de Lyon ").as_deref(),
            Some("Le sommet de Lyon")
        );
        assert_eq!(clean_name(" \n\t"), None);
        assert_eq!(
            clean_name(&"é".repeat(500)).map(|s| s.chars().count()),
            Some(NAME_MAX)
        );
        let text = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize";
        let a = crate::analyze(text);
        let n = default_name(&a, text);
        assert!(n.ends_with('…') && n.chars().count() <= 61, "{n}");
        assert!(text.starts_with(n.trim_end_matches('…')));
    }

    #[test]
    fn export_then_import_gives_the_same_articles() {
        let items = vec![kept(A, 1_700_000_000_000.0), kept(B, 1_700_000_001_000.0)];
        let json = export_json(&items, "loupe test");
        let v: Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["schema"], SCHEMA);
        assert_eq!(
            v["articles"][1]["analysis"]["schema"],
            crate::schema::SCHEMA
        );
        let back = parse_import(json.as_bytes()).expect("valid library");
        assert_eq!(back.len(), 2);
        for (b, (m, t, a)) in back.iter().zip(&items) {
            assert_eq!(&b.meta, m);
            assert_eq!(&b.text, t);
            assert_eq!(&b.analysis, a);
        }
    }

    #[test]
    fn bad_files_are_refused_whole() {
        assert_eq!(parse_import(b"pas du json"), Err(ImportError::NotJson));
        assert_eq!(parse_import(b"[1,2]"), Err(ImportError::NotLibrary));
        let one = crate::analyze(A).to_json();
        assert_eq!(parse_import(one.as_bytes()), Err(ImportError::NotLibrary));
        assert_eq!(
            parse_import(br#"{"schema":"loupe.library/2","articles":[]}"#),
            Err(ImportError::Version("loupe.library/2".into()))
        );
        assert_eq!(
            parse_import(br#"{"schema":"loupe.library/1","articles":[]}"#),
            Err(ImportError::Empty)
        );
        // The second article is bad: nothing is imported.
        let items = vec![kept(A, 1.0), kept(B, 2.0)];
        let good = export_json(&items, "g");
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["articles"][1]["text"] = Value::from("un autre texte");
        assert_eq!(
            parse_import(v.to_string().as_bytes()),
            Err(ImportError::Article {
                index: 1,
                why: Why::Mismatch
            })
        );
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["articles"][0]["analysis"]["entities"] = Value::from("x");
        assert_eq!(
            parse_import(v.to_string().as_bytes()),
            Err(ImportError::Article {
                index: 0,
                why: Why::BadAnalysis
            })
        );
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["articles"][0]["text"] = Value::from("  ");
        assert!(matches!(
            parse_import(v.to_string().as_bytes()),
            Err(ImportError::Article {
                index: 0,
                why: Why::NoText
            })
        ));
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["articles"][0]["name"] = Value::from(3);
        assert!(matches!(
            parse_import(v.to_string().as_bytes()),
            Err(ImportError::Article {
                index: 0,
                why: Why::BadName
            })
        ));
        let mut v: Value = serde_json::from_str(&good).unwrap();
        v["articles"][0]["added"] = Value::from(-4);
        assert!(matches!(
            parse_import(v.to_string().as_bytes()),
            Err(ImportError::Article {
                index: 0,
                why: Why::BadDate
            })
        ));
    }

    #[test]
    fn import_recomputes_what_it_can_and_keeps_the_name() {
        let mut items = vec![kept(A, 1.0)];
        items[0].0.name = "Mon nom".into();
        items[0].0.id = "forged".into();
        items[0].0.title = Some("faux titre".into());
        let json = export_json(&items, "g");
        let back = parse_import(json.as_bytes()).unwrap();
        assert_eq!(back[0].meta.name, "Mon nom");
        assert_eq!(back[0].meta.id, id_of(A));
        assert_ne!(back[0].meta.title.as_deref(), Some("faux titre"));
        // The same article twice in a file is kept once.
        let twice = export_json(&[kept(A, 1.0), kept(A, 2.0)], "g");
        assert_eq!(parse_import(twice.as_bytes()).unwrap().len(), 1);
    }

    #[test]
    fn newest_first() {
        let a = crate::analyze(A);
        let mut l = vec![
            meta_of(&a, A, 1.0),
            meta_of(&a, B, 3.0),
            meta_of(&a, "x", 2.0),
        ];
        sort_list(&mut l);
        let order: Vec<f64> = l.iter().map(|m| m.added).collect();
        assert_eq!(order, vec![3.0, 2.0, 1.0]);
    }
}
