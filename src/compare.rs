//! The same story across outlets: several analyses side by side (`loupe.comparison/1`).
//!
//! Built only from each article's own analysis (nothing is re-analysed): actors matched across
//! articles by canonical name (people by their transliteration key, so « Tokaïev » and
//! « Tokayev » meet), stances aligned on the same holder and target (from each card's stance
//! matrix), frame counts on one scale, quotes grouped by speaker, and the dates. Every cell keeps
//! the span of its first mention in its article, so a viewer can jump there.
//!
//! Invariants: `articles.len()` is the length of every per-article vector; indices (`entity`,
//! `stance`, `quote`) point into that article's analysis.

use crate::schema::{Analysis, Confidence, EntityType, Polarity, Span};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Identifier of the comparison schema.
pub const SCHEMA: &str = "loupe.comparison/1";

/// How many articles a comparison holds.
pub const MIN_ARTICLES: usize = 2;
pub const MAX_ARTICLES: usize = 6;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub schema: String,
    pub generator: String,
    pub articles: Vec<ArticleInfo>,
    /// People, organisations and places, most widely named first.
    pub actors: Vec<Actor>,
    /// One row per (holder, target), the articles' polarities side by side.
    pub stances: Vec<StanceRow>,
    /// Frame counts per article; `frames_max` is the common scale of the charts.
    pub frames: Vec<FrameRow>,
    pub frames_max: usize,
    /// One row per speaker.
    pub quotes: Vec<QuoteRow>,
    pub dates: Vec<ArticleDates>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub words: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub name: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// Per article: how it names and presents the actor, or null when it does not name it.
    pub in_articles: Vec<Option<ActorIn>>,
    /// The one article that names it, when only one of several does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only_in: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorIn {
    /// Index into that article's `entities`.
    pub entity: usize,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub mentions: usize,
    /// The first mention, to jump to.
    pub first: Span,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceRow {
    pub holder: String,
    pub target: String,
    /// Per article: its stances of this holder on this target (empty: none).
    pub in_articles: Vec<Vec<StanceIn>>,
    /// The articles give this holder different polarities on this target.
    pub differs: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub only_in: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceIn {
    pub polarity: Polarity,
    /// Indices into that article's `stances`.
    pub stances: Vec<usize>,
    pub first: Span,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameRow {
    pub frame: String,
    pub counts: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    pub speaker: String,
    pub in_articles: Vec<Vec<QuoteIn>>,
    /// Quoted in several articles, with different words.
    pub differs: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteIn {
    /// Index into that article's `quotes`.
    pub quote: usize,
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleDates {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub mentioned: Vec<DateIn>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateIn {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    pub span: Span,
}

/// A name as a matching key: lower case, accents and punctuation dropped; people by their
/// transliteration key.
fn key(etype: EntityType, name: &str) -> String {
    if etype == EntityType::PER {
        return crate::translit::translit_key(name);
    }
    fold(name)
}

fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            '’' | '\'' | '-' => ' ',
            c => c,
        };
        if c.is_alphanumeric() || (c == ' ' && !out.ends_with(' ')) {
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// A stance target as a matching key: folded, without its leading article (« le plan de
/// reboisement » and « un plan de reboisement » meet).
fn target_key(t: &str) -> String {
    let f = fold(t);
    for a in [
        "le ", "la ", "les ", "l ", "un ", "une ", "des ", "du ", "de la ", "de l ",
    ] {
        if let Some(r) = f.strip_prefix(a) {
            return r.to_string();
        }
    }
    f
}

/// Compares 2 to 6 analysed articles, given with their ids (file names, titles…).
pub fn compare(articles: &[(String, &Analysis)]) -> Result<Comparison, String> {
    let n = articles.len();
    if !(MIN_ARTICLES..=MAX_ARTICLES).contains(&n) {
        return Err(format!(
            "a comparison takes {MIN_ARTICLES} to {MAX_ARTICLES} articles, not {n}"
        ));
    }
    let info = articles
        .iter()
        .map(|(id, a)| ArticleInfo {
            id: id.clone(),
            title: a.card.title.clone(),
            publisher: a.card.publisher.as_ref().map(|p| p.name.clone()),
            date: a.card.date.clone(),
            words: a.card.words,
        })
        .collect();

    // Actors.
    let mut actors: Vec<Actor> = Vec::new();
    let mut by_key: BTreeMap<(EntityType, String), usize> = BTreeMap::new();
    for (ai, (_, a)) in articles.iter().enumerate() {
        for (ei, e) in a.entities.iter().enumerate() {
            if e.etype == EntityType::MISC {
                continue;
            }
            let k = (e.etype, key(e.etype, &e.canonical));
            let row = *by_key.entry(k).or_insert_with(|| {
                actors.push(Actor {
                    name: e.canonical.clone(),
                    etype: e.etype,
                    in_articles: vec![None; n],
                    only_in: None,
                });
                actors.len() - 1
            });
            let first = e
                .mentions
                .first()
                .map(|&m| a.mentions[m].span)
                .unwrap_or_default();
            let slot = &mut actors[row].in_articles[ai];
            match slot {
                // Two entities of one article on one key: keep the more mentioned.
                Some(x) if x.mentions >= e.mentions.len() => {}
                _ => {
                    *slot = Some(ActorIn {
                        entity: ei,
                        name: e.canonical.clone(),
                        role: e.role.clone(),
                        mentions: e.mentions.len(),
                        first,
                        confidence: e.confidence,
                    })
                }
            }
        }
    }
    for a in &mut actors {
        a.only_in = only_in(a.in_articles.iter().map(Option::is_some));
    }
    let present = |a: &Actor| a.in_articles.iter().filter(|x| x.is_some()).count();
    let total = |a: &Actor| {
        a.in_articles
            .iter()
            .flatten()
            .map(|x| x.mentions)
            .sum::<usize>()
    };
    actors.sort_by(|x, y| {
        present(y)
            .cmp(&present(x))
            .then(total(y).cmp(&total(x)))
            .then(x.name.cmp(&y.name))
    });

    // Stances, from each card's stance matrix (holder and target already resolved there).
    let mut stances: Vec<StanceRow> = Vec::new();
    let mut row_of: BTreeMap<(String, String), usize> = BTreeMap::new();
    for (ai, (_, a)) in articles.iter().enumerate() {
        for c in &a.card.stance_matrix {
            let k = (fold(&c.holder), target_key(&c.target));
            let row = *row_of.entry(k).or_insert_with(|| {
                stances.push(StanceRow {
                    holder: c.holder.clone(),
                    target: c.target.clone(),
                    in_articles: vec![Vec::new(); n],
                    differs: false,
                    only_in: None,
                });
                stances.len() - 1
            });
            let first = c
                .stances
                .first()
                .map(|&s| a.stances[s].span)
                .unwrap_or_default();
            stances[row].in_articles[ai].push(StanceIn {
                polarity: c.polarity,
                stances: c.stances.clone(),
                first,
                confidence: c.confidence,
            });
        }
    }
    for r in &mut stances {
        let mut pols: Vec<Polarity> = r.in_articles.iter().flatten().map(|s| s.polarity).collect();
        pols.sort();
        pols.dedup();
        let articles_with = r.in_articles.iter().filter(|x| !x.is_empty()).count();
        r.differs = articles_with > 1 && pols.len() > 1;
        r.only_in = only_in(r.in_articles.iter().map(|x| !x.is_empty()));
    }
    let weight = |r: &StanceRow| r.in_articles.iter().filter(|x| !x.is_empty()).count();
    stances.sort_by(|x, y| {
        y.differs
            .cmp(&x.differs)
            .then(weight(y).cmp(&weight(x)))
            .then(x.holder.cmp(&y.holder))
            .then(x.target.cmp(&y.target))
    });

    // Frames on one scale.
    let mut frames: Vec<FrameRow> = Vec::new();
    for (ai, (_, a)) in articles.iter().enumerate() {
        for f in &a.card.frames {
            let row = match frames.iter().position(|r| r.frame == f.frame) {
                Some(r) => r,
                None => {
                    frames.push(FrameRow {
                        frame: f.frame.clone(),
                        counts: vec![0; n],
                    });
                    frames.len() - 1
                }
            };
            frames[row].counts[ai] += f.count;
        }
    }
    frames.sort_by(|x, y| {
        y.counts
            .iter()
            .sum::<usize>()
            .cmp(&x.counts.iter().sum())
            .then(x.frame.cmp(&y.frame))
    });
    let frames_max = frames
        .iter()
        .flat_map(|r| r.counts.iter().copied())
        .max()
        .unwrap_or(0);

    // Quotes by speaker.
    let mut quotes: Vec<QuoteRow> = Vec::new();
    let mut q_of: BTreeMap<String, usize> = BTreeMap::new();
    for (ai, (_, a)) in articles.iter().enumerate() {
        for (qi, q) in a.quotes.iter().enumerate() {
            let speaker = q
                .speaker
                .map(|e| a.entities[e].canonical.clone())
                .or_else(|| q.speaker_text.clone())
                .unwrap_or_default();
            let k = match q.speaker {
                Some(e) => key(a.entities[e].etype, &speaker),
                None => fold(&speaker),
            };
            let row = *q_of.entry(k).or_insert_with(|| {
                quotes.push(QuoteRow {
                    speaker: speaker.clone(),
                    in_articles: vec![Vec::new(); n],
                    differs: false,
                });
                quotes.len() - 1
            });
            quotes[row].in_articles[ai].push(QuoteIn {
                quote: qi,
                text: q.text.clone(),
                span: q.span,
            });
        }
    }
    for r in &mut quotes {
        let with: Vec<&Vec<QuoteIn>> = r.in_articles.iter().filter(|x| !x.is_empty()).collect();
        // Quoted by several articles and no quote of one found word for word in another.
        r.differs = !r.speaker.is_empty()
            && with.len() > 1
            && with.iter().enumerate().any(|(i, qs)| {
                with.iter().enumerate().any(|(j, other)| {
                    i != j
                        && qs
                            .iter()
                            .all(|q| !other.iter().any(|o| fold(&o.text) == fold(&q.text)))
                })
            });
    }
    quotes.sort_by(|x, y| {
        let w = |r: &QuoteRow| r.in_articles.iter().filter(|q| !q.is_empty()).count();
        x.speaker
            .is_empty()
            .cmp(&y.speaker.is_empty())
            .then(w(y).cmp(&w(x)))
            .then(x.speaker.cmp(&y.speaker))
    });

    let dates = articles
        .iter()
        .map(|(_, a)| ArticleDates {
            published: a.card.date.clone(),
            mentioned: a
                .dates
                .iter()
                .map(|d| DateIn {
                    text: d.text.clone(),
                    iso: d.iso.clone(),
                    span: d.span,
                })
                .collect(),
        })
        .collect();

    Ok(Comparison {
        schema: SCHEMA.to_string(),
        generator: format!("loupe {}", env!("CARGO_PKG_VERSION")),
        articles: info,
        actors,
        stances,
        frames,
        frames_max,
        quotes,
        dates,
    })
}

/// The only index that is true, when exactly one of several is.
fn only_in(present: impl Iterator<Item = bool>) -> Option<usize> {
    let v: Vec<bool> = present.collect();
    let hits: Vec<usize> = (0..v.len()).filter(|&i| v[i]).collect();
    (v.len() > 1 && hits.len() == 1).then(|| hits[0])
}

fn polarity_fr(p: Polarity) -> &'static str {
    match p {
        Polarity::Support => "soutien",
        Polarity::Oppose => "opposition",
        Polarity::Accuse => "accusation",
        Polarity::Commit => "engagement",
        Polarity::Concern => "inquiétude",
        Polarity::Praise => "éloge",
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

impl Comparison {
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a comparison is always serialisable")
    }

    /// The comparison as Markdown tables (French labels, like the card's export).
    pub fn to_markdown(&self) -> String {
        let n = self.articles.len();
        let mut md = String::from("# Comparaison d'articles\n\n");
        let head = |md: &mut String, first: &str| {
            md.push_str(&format!("| {first} |"));
            for (i, a) in self.articles.iter().enumerate() {
                let name = a.publisher.clone().unwrap_or_else(|| a.id.clone());
                md.push_str(&format!(" {} · {} |", i + 1, cell(&name)));
            }
            md.push('\n');
            md.push_str(&"|---".repeat(n + 1));
            md.push_str("|\n");
        };
        md.push_str("## Articles\n\n");
        for (i, a) in self.articles.iter().enumerate() {
            md.push_str(&format!(
                "{}. **{}** — {} — {} — {} mots\n",
                i + 1,
                cell(a.title.as_deref().unwrap_or(&a.id)),
                a.publisher.as_deref().unwrap_or("éditeur non indiqué"),
                a.date.as_deref().unwrap_or("date non indiquée"),
                a.words
            ));
        }
        md.push_str("\n## Acteurs\n\n");
        head(&mut md, "Acteur");
        for a in &self.actors {
            md.push_str(&format!("| {} ({}) |", cell(&a.name), a.etype.as_str()));
            for x in &a.in_articles {
                let c = match x {
                    None => "—".to_string(),
                    Some(x) => {
                        let mut c = format!("{}×", x.mentions);
                        if let Some(r) = &x.role {
                            c.push_str(&format!(" ({})", cell(r)));
                        }
                        if x.confidence == Confidence::Guess {
                            c.push_str(" · à vérifier");
                        }
                        c
                    }
                };
                md.push_str(&format!(" {c} |"));
            }
            md.push('\n');
        }
        md.push_str("\n## Prises de position\n\n");
        head(&mut md, "Qui → sur quoi");
        for r in &self.stances {
            let mark = if r.differs { " ⚠ divergent" } else { "" };
            md.push_str(&format!(
                "| {} → {}{} |",
                cell(&r.holder),
                cell(&r.target),
                mark
            ));
            for x in &r.in_articles {
                let c = if x.is_empty() {
                    "—".to_string()
                } else {
                    x.iter()
                        .map(|s| polarity_fr(s.polarity))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                md.push_str(&format!(" {c} |"));
            }
            md.push('\n');
        }
        md.push_str(&format!(
            "\n## Cadrages (échelle commune : 0–{})\n\n",
            self.frames_max
        ));
        head(&mut md, "Cadrage");
        for r in &self.frames {
            md.push_str(&format!("| {} |", cell(&r.frame)));
            for c in &r.counts {
                md.push_str(&format!(" {c} |"));
            }
            md.push('\n');
        }
        md.push_str("\n## Citations\n\n");
        head(&mut md, "Locuteur");
        for r in &self.quotes {
            let who = if r.speaker.is_empty() {
                "(non identifié)".to_string()
            } else {
                cell(&r.speaker)
            };
            let mark = if r.differs {
                " ⚠ cité différemment"
            } else {
                ""
            };
            md.push_str(&format!("| {who}{mark} |"));
            for x in &r.in_articles {
                let c = if x.is_empty() {
                    "—".to_string()
                } else {
                    x.iter()
                        .map(|q| format!("« {} »", cell(&q.text)))
                        .collect::<Vec<_>>()
                        .join("<br>")
                };
                md.push_str(&format!(" {c} |"));
            }
            md.push('\n');
        }
        md.push_str("\n## Dates\n\n");
        head(&mut md, "Dates");
        md.push_str("| publication |");
        for d in &self.dates {
            md.push_str(&format!(" {} |", d.published.as_deref().unwrap_or("—")));
        }
        md.push_str("\n| citées |");
        for d in &self.dates {
            let c = d
                .mentioned
                .iter()
                .map(|x| x.iso.clone().unwrap_or_else(|| x.text.clone()))
                .collect::<Vec<_>>()
                .join(", ");
            md.push_str(&format!(
                " {} |",
                if c.is_empty() { "—".into() } else { cell(&c) }
            ));
        }
        md.push('\n');
        md
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Three short accounts of one invented event, in different voices.
    const AGENCY: &str = "Lyon, 3 mars 2025 (Agence Presse Rhône) — Le Premier ministre japonais Fumio Kishida a rencontré mardi à Lyon le président kényan William Ruto. Le Japon soutient le plan de reboisement du Kenya, a déclaré Fumio Kishida. « Nous fournirons une aide de dix millions d'euros », a-t-il ajouté.";
    const OFFICIAL: &str = "Le président William Ruto a salué l'engagement du Japon. « Le Kenya remercie ses amis japonais », a déclaré William Ruto. Le Japon s'oppose au plan de reboisement, selon des sources proches du dossier. Kishida est reparti mercredi 4 mars 2025.";
    const PAPER: &str = "Les écologistes de Nairobi critiquent le sommet de Lyon. « C'est une opération de communication », a déclaré Wangari Otieno, militante à Nairobi.";

    fn cmp3() -> Comparison {
        let a = crate::analyze(AGENCY);
        let b = crate::analyze(OFFICIAL);
        let c = crate::analyze(PAPER);
        compare(&[
            ("agence".to_string(), &a),
            ("officiel".to_string(), &b),
            ("journal".to_string(), &c),
        ])
        .unwrap()
    }

    #[test]
    fn actors_match_across_articles_and_say_who_is_missing() {
        let c = cmp3();
        assert_eq!(c.schema, SCHEMA);
        let ruto = c
            .actors
            .iter()
            .find(|a| a.name == "William Ruto")
            .expect("Ruto");
        assert!(ruto.in_articles[0].is_some() && ruto.in_articles[1].is_some());
        assert!(ruto.in_articles[2].is_none());
        assert_eq!(ruto.only_in, None);
        // Kishida is « Fumio Kishida » in one account and « Kishida » in another: one actor.
        let kishida: Vec<&Actor> = c
            .actors
            .iter()
            .filter(|a| a.name.contains("Kishida"))
            .collect();
        assert_eq!(kishida.len(), 1, "{kishida:?}");
        let otieno = c
            .actors
            .iter()
            .find(|a| a.name == "Wangari Otieno")
            .expect("Otieno");
        assert_eq!(otieno.only_in, Some(2));
        // Every cell's span is its first mention in its own article.
        let texts = [AGENCY, OFFICIAL, PAPER];
        for a in &c.actors {
            for (i, x) in a.in_articles.iter().enumerate() {
                if let Some(x) = x {
                    assert!(texts[i][x.first.start..x.first.end].len() > 1);
                }
            }
        }
        // Most widely named first.
        assert!(
            c.actors[0]
                .in_articles
                .iter()
                .filter(|x| x.is_some())
                .count()
                >= 2
        );
    }

    #[test]
    fn stances_are_aligned_and_divergences_flagged() {
        let c = cmp3();
        let japan: Vec<&StanceRow> = c
            .stances
            .iter()
            .filter(|r| r.holder == "Japon" && r.target.contains("reboisement"))
            .collect();
        assert_eq!(japan.len(), 1, "{:?}", c.stances);
        let r = japan[0];
        assert_eq!(r.in_articles[0][0].polarity, Polarity::Support);
        assert_eq!(r.in_articles[1][0].polarity, Polarity::Oppose);
        assert!(r.in_articles[2].is_empty());
        assert!(r.differs);
        // Divergences come first.
        assert!(c.stances[0].differs);
    }

    #[test]
    fn quotes_frames_dates_and_exports() {
        let c = cmp3();
        let ruto = c
            .quotes
            .iter()
            .find(|q| q.speaker == "William Ruto")
            .expect("Ruto quoted");
        assert_eq!(ruto.in_articles[1].len(), 1);
        assert_eq!(c.dates.len(), 3);
        assert_eq!(c.dates[0].published.as_deref(), Some("2025-03-03"));
        assert!(c.dates[1]
            .mentioned
            .iter()
            .any(|d| d.iso.as_deref() == Some("2025-03-04")));
        assert_eq!(
            c.frames_max,
            c.frames
                .iter()
                .flat_map(|f| f.counts.clone())
                .max()
                .unwrap_or(0)
        );
        let md = c.to_markdown();
        assert!(
            md.contains("## Acteurs") && md.contains("William Ruto") && md.contains("⚠ divergent")
        );
        let back: Comparison = serde_json::from_str(&c.to_json_pretty()).unwrap();
        assert_eq!(back, c);
    }

    #[test]
    fn two_to_six_articles() {
        let a = crate::analyze(AGENCY);
        assert!(compare(&[("a".into(), &a)]).is_err());
        let many: Vec<(String, &Analysis)> = (0..7).map(|i| (i.to_string(), &a)).collect();
        assert!(compare(&many).is_err());
        assert!(compare(&many[..6]).is_ok());
    }
}
