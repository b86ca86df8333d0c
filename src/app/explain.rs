//! The explanation of one highlight (what the popover shows): its type, the canonical name and
//! role of the entity, the rule or lexicon entry that produced it and the other mentions of the
//! same entity — all read from the analysis, keyed like the rendered highlights (`m12`, `d3`,
//! `q0`, `s4`, `f1`, `c2`).

use super::i18n::{self, Lang};
use crate::schema::{Analysis, Stance};

/// Who holds a stance, as shown: the canonical names of its holder entities joined by commas,
/// else the holder phrase the core kept (« Plusieurs eurodéputés »), else `None`.
pub fn holder_names(a: &Analysis, s: &Stance) -> Option<String> {
    if s.holders.is_empty() {
        return s.holder_text.clone();
    }
    let names: Vec<&str> = s
        .holders
        .iter()
        .filter_map(|&h| a.entities.get(h).map(|e| e.canonical.as_str()))
        .collect();
    Some(names.join(", "))
}

/// Another mention of the same entity (or another highlight of the same frame).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Other {
    pub key: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub key: String,
    /// CSS kind id (`per`, `date`, `quote`…), for the colour chip.
    pub kind: &'static str,
    /// Heading: « Personne », « Citation »…
    pub title: String,
    /// The highlighted words.
    pub text: String,
    /// Label/value rows.
    pub rows: Vec<(&'static str, String)>,
    /// Other mentions of the same entity, in text order (at most [`MAX_OTHERS`]).
    pub others: Vec<Other>,
    /// Number of other mentions in all (may exceed `others.len()`).
    pub others_total: usize,
    /// Position of this mention among all mentions of its entity (1-based) and their number.
    pub position: Option<(usize, usize)>,
}

/// At most this many other mentions are listed.
pub const MAX_OTHERS: usize = 12;

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn rule_rows(rows: &mut Vec<(&'static str, String)>, lang: Lang, r: &crate::schema::Rule) {
    let t = lang.t();
    rows.push((t.f_rule, r.id.to_string()));
    if !r.detail.is_empty() && r.detail != r.id {
        rows.push((t.f_source, r.detail.to_string()));
    }
}

/// The explanation of the highlight `key`, or `None` if there is no such highlight.
pub fn explain(a: &Analysis, key: &str, lang: Lang) -> Option<Explanation> {
    let t = lang.t();
    let (prefix, idx) = key.split_at(1.min(key.len()));
    let i: usize = idx.parse().ok()?;
    let mut rows = Vec::new();
    let mut others = Vec::new();
    let mut others_total = 0;
    let mut position = None;
    let (kind, title, text) = match prefix {
        "m" => {
            let m = a.mentions.get(i)?;
            let e = a.entities.get(m.entity);
            rows.push((t.f_type, capitalise(i18n::type_label(lang, m.etype))));
            if let Some(e) = e {
                rows.push((t.f_canonical, e.canonical.clone()));
                if let Some(r) = &e.role {
                    rows.push((t.f_role, r.clone()));
                }
                if let Some(ac) = &e.acronym {
                    rows.push((t.f_acronym, ac.clone()));
                }
                let all = &e.mentions;
                position = all.iter().position(|&x| x == i).map(|p| (p + 1, all.len()));
                others_total = all.len().saturating_sub(1);
                others = all
                    .iter()
                    .filter(|&&x| x != i)
                    .filter_map(|&x| a.mentions.get(x).map(|o| (x, o)))
                    .take(MAX_OTHERS)
                    .map(|(x, o)| Other {
                        key: format!("m{x}"),
                        text: o.text.clone(),
                    })
                    .collect();
            }
            rule_rows(&mut rows, lang, &m.rule);
            if let Some(src) = e.and_then(|e| e.source.as_ref()) {
                if !rows.iter().any(|(_, v)| v == src) {
                    rows.push((t.f_source, src.clone()));
                }
            }
            let kind = super::html::Kind::of_type(m.etype).id();
            (
                kind,
                capitalise(i18n::type_label(lang, m.etype)),
                m.text.clone(),
            )
        }
        "d" => {
            let d = a.dates.get(i)?;
            if let Some(iso) = &d.iso {
                rows.push((t.f_iso, format!("{} ({iso})", i18n::date_label(lang, iso))));
            }
            rule_rows(&mut rows, lang, &d.rule);
            ("date", capitalise(t.date), d.text.clone())
        }
        "q" => {
            let q = a.quotes.get(i)?;
            let speaker = q
                .speaker
                .and_then(|s| a.entities.get(s))
                .map(|e| e.canonical.clone())
                .or_else(|| q.speaker_text.clone());
            rows.push((
                t.f_speaker,
                speaker.unwrap_or_else(|| t.unknown_speaker.to_string()),
            ));
            if let Some(e) = q.speaker.and_then(|s| a.entities.get(s)) {
                if let Some(r) = &e.role {
                    rows.push((t.f_role, r.clone()));
                }
                others_total = e.mentions.len();
                others = e
                    .mentions
                    .iter()
                    .take(MAX_OTHERS)
                    .filter_map(|&x| a.mentions.get(x).map(|o| (x, o)))
                    .map(|(x, o)| Other {
                        key: format!("m{x}"),
                        text: o.text.clone(),
                    })
                    .collect();
            }
            rule_rows(&mut rows, lang, &q.rule);
            ("quote", capitalise(t.quote), q.text.clone())
        }
        "s" => {
            let s = a.stances.get(i)?;
            let pol = i18n::polarity_label(lang, s.polarity);
            rows.push((
                t.f_polarity,
                format!("{} {pol}", i18n::polarity_glyph(s.polarity)),
            ));
            let holder = holder_names(a, s);
            rows.push((t.f_holder, holder.unwrap_or_else(|| "?".into())));
            if let Some(target) = s.target.as_ref().filter(|x| !x.is_empty()) {
                rows.push((t.f_target, target.clone()));
            }
            rule_rows(&mut rows, lang, &s.rule);
            ("stance", capitalise(t.stance), s.text.clone())
        }
        "f" => {
            let f = a.frames.get(i)?;
            rows.push((t.f_frame, i18n::frame_label(lang, &f.frame)));
            rule_rows(&mut rows, lang, &f.rule);
            let same: Vec<usize> = (0..a.frames.len())
                .filter(|&x| a.frames[x].frame == f.frame)
                .collect();
            position = same
                .iter()
                .position(|&x| x == i)
                .map(|p| (p + 1, same.len()));
            others_total = same.len().saturating_sub(1);
            others = same
                .iter()
                .filter(|&&x| x != i)
                .take(MAX_OTHERS)
                .map(|&x| Other {
                    key: format!("f{x}"),
                    text: a.frames[x].text.clone(),
                })
                .collect();
            ("frame", capitalise(t.frame), f.text.clone())
        }
        "c" => {
            let b = a.boilerplate.get(i)?;
            rule_rows(&mut rows, lang, &b.rule);
            ("chrome", capitalise(t.chrome), String::new())
        }
        _ => return None,
    };
    Some(Explanation {
        key: key.to_string(),
        kind,
        title,
        text,
        rows,
        others,
        others_total,
        position,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_explains_its_entity_and_rule() {
        let text = "Le ministre russe des Affaires étrangères Sergueï Lavrov est arrivé. M. Lavrov a parlé. Sergueï Lavrov est reparti.";
        let a = crate::analyze(text);
        let i = a
            .mentions
            .iter()
            .position(|m| m.text == "Lavrov")
            .expect("short mention");
        let x = explain(&a, &format!("m{i}"), Lang::Fr).unwrap();
        assert_eq!(x.kind, "per");
        assert_eq!(x.title, "Personne");
        assert!(
            x.rows.contains(&("Nom canonique", "Sergueï Lavrov".into())),
            "{:?}",
            x.rows
        );
        assert!(x.rows.iter().any(|(l, _)| *l == "Règle"));
        assert_eq!(x.others_total, 2);
        assert_eq!(x.others.len(), 2);
        assert_eq!(x.position, Some((2, 3)));
        let en = explain(&a, &format!("m{i}"), Lang::En).unwrap();
        assert!(en
            .rows
            .contains(&("Canonical name", "Sergueï Lavrov".into())));
    }

    #[test]
    fn quotes_stances_and_unknown_keys() {
        let text = "« Nous soutenons fermement ce projet », a déclaré le président français Emmanuel Macron.";
        let a = crate::analyze(text);
        assert!(!a.quotes.is_empty());
        let q = explain(&a, "q0", Lang::Fr).unwrap();
        assert!(
            q.rows
                .iter()
                .any(|(l, v)| *l == "Locuteur" && v == "Emmanuel Macron"),
            "{:?}",
            q.rows
        );
        assert_eq!(explain(&a, "x0", Lang::Fr), None);
        assert_eq!(explain(&a, "m999", Lang::Fr), None);
        assert_eq!(explain(&a, "", Lang::Fr), None);
        assert_eq!(explain(&a, "mé", Lang::Fr), None);
    }
}
