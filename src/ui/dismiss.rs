//! Card items the reader dismissed (« Écarter »): a person, an organisation, a place, a cell of the
//! stance matrix or a key quote that the reader judges wrong. Pure logic: item identities, the
//! storage key of a text, the card without its dismissed items (for the Markdown and PNG
//! exports), the JSON export with a `dismissed` field, and the highlights to tone down.
//!
//! Items are named by their content, not by their index (`per:Emmanuel Macron`,
//! `stance:la Chine|oppose|les sanctions`, `quote:…`), so a list kept for a text still applies
//! when the same text is analysed again. Lists are kept per text under
//! [`storage_key`]`(text)` = `loupe.dismissed.` + 16 hexadecimal digits of a 64-bit hash of the
//! text's UTF-8 bytes.

use crate::schema::{Analysis, Card, CardOrg, CardPerson, CardPlace, CardQuote, StanceCell};
use crate::value::Value;

/// Prefix of the storage keys of dismissed lists.
pub const KEY_PREFIX: &str = "loupe.dismissed.";

/// A 64-bit hash of `bytes` (eight bytes at a time, then the length): cheap enough for a 10 MB
/// text on the main thread (≈ 1.3 M steps). Not cryptographic: it only names a storage key.
pub fn text_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut add = |w: u64| h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        add(u64::from_le_bytes(buf));
    }
    add(bytes.len() as u64);
    // Final avalanche (splitmix64), so that close texts get unrelated keys.
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The storage key of the dismissed list of `text`.
pub fn storage_key(text: &str) -> String {
    format!("{KEY_PREFIX}{:016x}", text_hash(text.as_bytes()))
}

pub fn person_id(p: &CardPerson) -> String {
    format!("per:{}", p.name)
}
pub fn org_id(o: &CardOrg) -> String {
    format!("org:{}", o.name)
}
pub fn place_id(p: &CardPlace) -> String {
    format!("loc:{}", p.name)
}
pub fn stance_id(s: &StanceCell) -> String {
    format!("stance:{}|{}|{}", s.holder, s.polarity.as_str(), s.target)
}
pub fn quote_id(q: &CardQuote) -> String {
    format!("quote:{}", q.text)
}

/// The dismissed items of one text, in the order they were dismissed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dismissed {
    ids: Vec<String>,
}

impl Dismissed {
    /// Reads a stored list (a JSON array of strings); anything else is an empty list.
    pub fn parse(json: &str) -> Dismissed {
        // Only an array of strings counts (as serde_json's `Vec<String>`).
        let ids: Vec<String> = crate::value::parse(json)
            .ok()
            .and_then(|v| {
                v.as_array()?
                    .iter()
                    .map(|x| x.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default();
        let mut d = Dismissed::default();
        for id in ids {
            if !d.contains(&id) {
                d.ids.push(id);
            }
        }
        d
    }
    pub fn to_json(&self) -> String {
        Value::from(self.ids.clone()).to_string()
    }
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
    pub fn len(&self) -> usize {
        self.ids.len()
    }
    pub fn contains(&self, id: &str) -> bool {
        self.ids.iter().any(|x| x == id)
    }
    /// Dismisses `id`, or restores it when it was dismissed.
    pub fn toggle(&mut self, id: &str) {
        match self.ids.iter().position(|x| x == id) {
            Some(i) => {
                self.ids.remove(i);
            }
            None => self.ids.push(id.to_string()),
        }
    }

    /// The card without its dismissed items (what the Markdown and PNG exports show).
    pub fn card(&self, card: &Card) -> Card {
        let mut c = card.clone();
        if self.is_empty() {
            return c;
        }
        c.people.retain(|p| !self.contains(&person_id(p)));
        c.organizations.retain(|o| !self.contains(&org_id(o)));
        c.places.retain(|p| !self.contains(&place_id(p)));
        c.stance_matrix.retain(|s| !self.contains(&stance_id(s)));
        c.quotes.retain(|q| !self.contains(&quote_id(q)));
        c
    }

    /// The analysis with its card filtered ([`Dismissed::card`]); the annotation layers are
    /// untouched (they say what Loupe found in the text).
    pub fn analysis(&self, a: &Analysis) -> Analysis {
        let mut out = a.clone();
        out.card = self.card(&a.card);
        out
    }

    /// The JSON export: the analysis with dismissed items left out of `card`, and listed under a
    /// top-level `dismissed` object (`people`, `organizations`, `places`, `stance_matrix`,
    /// `quotes`: each in the shape of the card's list of the same name; only non-empty lists).
    /// Without dismissed items this is exactly the analysis (the CLI's output). Written by
    /// [`crate::ui::json`] (the page links no serde serialiser for the schema).
    pub fn export_json(&self, a: &Analysis) -> String {
        use crate::ui::json;
        if self.is_empty() {
            return json::pretty(a);
        }
        let mut v = json::value(&self.analysis(a));
        let c = &a.card;
        let mut gone = crate::value::Map::new();
        let mut put = |name: &str, items: Vec<Value>| {
            if !items.is_empty() {
                gone.insert(name.to_string(), Value::Array(items));
            }
        };
        let pick = |ids: Vec<(String, Value)>| -> Vec<Value> {
            ids.into_iter()
                .filter(|(id, _)| self.contains(id))
                .map(|(_, v)| v)
                .collect()
        };
        put(
            "people",
            pick(c.people.iter().map(|p| (person_id(p), val(p))).collect()),
        );
        put(
            "organizations",
            pick(
                c.organizations
                    .iter()
                    .map(|o| (org_id(o), val(o)))
                    .collect(),
            ),
        );
        put(
            "places",
            pick(c.places.iter().map(|p| (place_id(p), val(p))).collect()),
        );
        put(
            "stance_matrix",
            pick(
                c.stance_matrix
                    .iter()
                    .map(|s| (stance_id(s), val(s)))
                    .collect(),
            ),
        );
        put(
            "quotes",
            pick(c.quotes.iter().map(|q| (quote_id(q), val(q))).collect()),
        );
        if let Value::Object(o) = &mut v {
            o.insert("dismissed".into(), Value::Object(gone));
        }
        crate::value::to_string_pretty(&v)
    }

    /// Keys of the highlights (`m3`, `s12`, `q0`) of the dismissed items: every mention of a
    /// dismissed person, organisation or place, the stance cues of a dismissed matrix cell, the
    /// quote of a dismissed key quote.
    pub fn highlight_keys(&self, a: &Analysis) -> Vec<String> {
        let mut keys = Vec::new();
        if self.is_empty() {
            return keys;
        }
        let c = &a.card;
        let mut entity = |e: usize| {
            if let Some(ent) = a.entities.get(e) {
                keys.extend(ent.mentions.iter().map(|m| format!("m{m}")));
            }
        };
        for p in c.people.iter().filter(|p| self.contains(&person_id(p))) {
            entity(p.entity);
        }
        for o in c.organizations.iter().filter(|o| self.contains(&org_id(o))) {
            entity(o.entity);
        }
        for p in c.places.iter().filter(|p| self.contains(&place_id(p))) {
            entity(p.entity);
        }
        for s in c
            .stance_matrix
            .iter()
            .filter(|s| self.contains(&stance_id(s)))
        {
            keys.extend(s.stances.iter().map(|i| format!("s{i}")));
        }
        for q in c.quotes.iter().filter(|q| self.contains(&quote_id(q))) {
            keys.push(format!("q{}", q.quote));
        }
        keys
    }
}

fn val<T: crate::ui::json::ToJson>(x: &T) -> Value {
    crate::ui::json::value(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Analysis {
        crate::analyze(include_str!("../../tests/fixtures/russie-turquie-gaz.txt"))
    }

    #[test]
    fn keys_are_per_text_and_stable() {
        let a = storage_key("Le président Emmanuel Macron a parlé.");
        assert_eq!(a, storage_key("Le président Emmanuel Macron a parlé."));
        assert_ne!(a, storage_key("Le président Emmanuel Macron a parlé!"));
        assert_ne!(storage_key(""), storage_key(" "));
        assert_ne!(storage_key("12345678"), storage_key("12345678\0"));
        assert!(a.starts_with(KEY_PREFIX));
        assert_eq!(a.len(), KEY_PREFIX.len() + 16);
        // The format is a storage key: it must never change silently.
        assert_eq!(text_hash(b""), text_hash(b""));
        assert_eq!(format!("{:016x}", text_hash(b"Loupe")), "63205fc3aeb3b82e");
    }

    #[test]
    fn parse_toggle_round_trip() {
        let mut d = Dismissed::parse("not json");
        assert!(d.is_empty());
        d.toggle("per:A");
        d.toggle("loc:B");
        d.toggle("per:A");
        d.toggle("per:C");
        assert_eq!(d.to_json(), r#"["loc:B","per:C"]"#);
        assert_eq!(Dismissed::parse(&d.to_json()), d);
        assert_eq!(Dismissed::parse(r#"["x","x",3]"#), Dismissed::default());
        assert_eq!(Dismissed::parse(r#"["x","x"]"#).len(), 1);
    }

    #[test]
    fn dismissed_items_leave_the_card_and_the_exports() {
        let a = sample();
        let c = &a.card;
        assert!(!c.people.is_empty() && !c.places.is_empty() && !c.quotes.is_empty());
        let mut d = Dismissed::default();
        let p = &c.people[0];
        let l = &c.places[0];
        let q = &c.quotes[0];
        d.toggle(&person_id(p));
        d.toggle(&place_id(l));
        d.toggle(&quote_id(q));
        let f = d.card(c);
        assert_eq!(f.people.len(), c.people.len() - 1);
        assert!(f.people.iter().all(|x| x.name != p.name));
        assert!(f.places.iter().all(|x| x.name != l.name));
        assert!(f.quotes.iter().all(|x| x.text != q.text));
        assert_eq!(f.organizations, c.organizations);

        let md = crate::ui::markdown::card(&d.analysis(&a), crate::ui::i18n::Lang::Fr);
        assert!(!md.contains(&format!("**{}**", p.name)), "{md}");

        let json: serde_json::Value = serde_json::from_str(&d.export_json(&a)).unwrap();
        assert_eq!(json["dismissed"]["people"][0]["name"], p.name.as_str());
        assert_eq!(json["dismissed"]["places"][0]["name"], l.name.as_str());
        assert_eq!(json["dismissed"]["quotes"][0]["text"], q.text.as_str());
        assert!(json["dismissed"].get("organizations").is_none());
        assert_eq!(
            json["card"]["people"].as_array().unwrap().len(),
            c.people.len() - 1
        );
        // The layers are untouched.
        assert_eq!(json["entities"].as_array().unwrap().len(), a.entities.len());
        // Nothing dismissed: exactly the analysis.
        assert_eq!(Dismissed::default().export_json(&a), a.to_json_pretty());

        let keys = d.highlight_keys(&a);
        for m in &a.entities[p.entity].mentions {
            assert!(keys.contains(&format!("m{m}")));
        }
        assert!(keys.contains(&format!("q{}", q.quote)));
    }
}
