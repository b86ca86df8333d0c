//! The explanation of one highlight (what the popover shows), in the interface's language: what
//! was found (« Personne », « Citation de … », « Prise de position : soutien », « Cadre narratif :
//! Hégémonie »), why, in words (« nom précédé du titre « ministre » », « le verbe de parole
//! « déclaré » suit la citation », « la négation « ne … pas » est prise en compte »), how sure
//! Loupe is (« sûr », « probable », « à vérifier »), the data entry that produced it (`stance.tsv:24:
//! soutenir/v`, once) and the other mentions of the same entity — all read from the analysis,
//! keyed like the rendered highlights (`m12`, `d3`, `q0`, `s4`, `f1`, `c2`).
//!
//! Every rule id the core emits has a phrase here ([`rule_reason`]); the tests collect the ids
//! from the core's source and from analyses, and fail on one without a phrase.

use super::i18n::{self, Lang};
use crate::schema::{Analysis, Confidence, Rule, Span, Stance};

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

/// A stance read as a chain: who → polarity → on what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    /// The holder's names, or « auteur non trouvé ».
    pub holder: String,
    /// Whether a holder was found.
    pub holder_found: bool,
    /// The polarity glyph (▲ ▼ ! → ? ★).
    pub glyph: &'static str,
    /// The polarity in words (« soutien »).
    pub polarity: &'static str,
    /// The target, or « objet non précisé ».
    pub target: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub key: String,
    /// CSS kind id (`per`, `date`, `quote`…), for the colour chip.
    pub kind: &'static str,
    /// What was found: « Personne », « Citation de Sergueï Lavrov », « Prise de position :
    /// soutien », « Cadre narratif : Hégémonie »…
    pub title: String,
    /// The highlighted words (cut when very long).
    pub text: String,
    /// Facts as label/value rows: full name, role, acronym, date, speaker…
    pub facts: Vec<(&'static str, String)>,
    /// A stance: holder → polarity → target.
    pub chain: Option<Chain>,
    /// A stance: the sentence it comes from.
    pub sentence: Option<String>,
    /// A frame: what the frame means (from the taxonomy).
    pub meaning: Option<&'static str>,
    /// Why, in words: one phrase per piece of evidence.
    pub reasons: Vec<String>,
    /// How sure Loupe is.
    pub confidence: Confidence,
    /// The data entry behind it (`people.tsv:133: Wang Yi`), shown once.
    pub source: Option<String>,
    /// The rule id (for `data-rule`, never shown as text).
    pub rule_id: String,
    /// Other mentions of the same entity, in text order (at most [`MAX_OTHERS`]).
    pub others: Vec<Other>,
    /// Number of other mentions in all (may exceed `others.len()`).
    pub others_total: usize,
    /// Position of this mention among all mentions of its entity (1-based) and their number.
    pub position: Option<(usize, usize)>,
}

/// At most this many other mentions are listed.
pub const MAX_OTHERS: usize = 12;

/// Rule ids of entity mentions (`Why::id` in `src/entities.rs`).
pub const ENTITY_RULES: &[&str] = &[
    "gazetteer",
    "acronym-def",
    "title+name",
    "ministry",
    "head",
    "event-noun",
    "acronym",
    "firstname",
    "caps",
    "typed-noun",
    "coref",
];
/// Rule ids of quotes (`src/quotes.rs`).
pub const QUOTE_RULES: &[&str] = &[
    "quote:unknown",
    "quote:verb-after",
    "quote:verb-before",
    "quote:selon",
    "quote:subject",
    "quote:continuation",
    "quote:context",
    "quote:transcript",
    "quote:interview",
    "quote:agent",
    "quote:incise",
    "quote:headline",
    "quote:forward",
    "quote:repeated",
    "quote:term",
    "quote:cut",
];
/// How a stance's holder was found: the `<how>` of `stance:<how>` (`src/stance.rs`), each
/// possibly followed by `+negation`.
pub const STANCE_HOWS: &[&str] = &[
    "subject",
    "sentence-subject",
    "pronoun",
    "role",
    "relative",
    "participle-subject",
    "participle-main",
    "plural-pronoun",
    "inverted-subject",
    "first-person",
    "first-person-country",
    "source",
    "noun-phrase",
    "quote-speaker",
    "transcript-speaker",
    "speech-subject",
    "speaker-after",
    "quote-nearby",
    "context",
    "evaluation",
    "none",
    "passive-agent",
    "genitive",
    "coordinated-verb",
    "collective",
    "member-of",
];
/// Rule ids of frames (`src/stance.rs`).
pub const FRAME_RULES: &[&str] = &["frame", "frame:paired"];
/// Kinds of page chrome: the `<kind>` of `boilerplate:<kind>` (`src/boilerplate.rs` and the
/// first column of `data/lexicon/boilerplate.tsv`).
pub const CHROME_KINDS: &[&str] = &[
    "share",
    "related",
    "tags",
    "nav",
    "follow",
    "footer",
    "caption_en",
    "url",
    "duplicate",
    "logo",
];
/// Rule ids of the card's publisher (`src/card.rs`).
pub const PUBLISHER_RULES: &[&str] = &[
    "publisher:media",
    "publisher:domain",
    "publisher:dateline",
    "publisher:copyright",
];

/// Every rule id the core emits (stance ids without and with `+negation`).
pub fn all_rule_ids() -> Vec<String> {
    let mut v: Vec<String> = ENTITY_RULES.iter().map(|s| s.to_string()).collect();
    v.push("date".into());
    v.extend(QUOTE_RULES.iter().map(|s| s.to_string()));
    for h in STANCE_HOWS {
        v.push(format!("stance:{h}"));
        v.push(format!("stance:{h}+negation"));
    }
    v.extend(FRAME_RULES.iter().map(|s| s.to_string()));
    v.extend(CHROME_KINDS.iter().map(|k| format!("boilerplate:{k}")));
    v.extend(PUBLISHER_RULES.iter().map(|s| s.to_string()));
    v
}

/// « mot » in the interface's quotation marks, with no-break spaces in French.
fn q(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{s}\u{a0}»"),
        Lang::En => format!("“{s}”"),
    }
}

/// The words between the first « and the next » of a detail (« role « ministre » » → ministre).
fn quoted(detail: &str) -> Option<&str> {
    let a = detail.find('«')? + '«'.len_utf8();
    let b = a + detail[a..].find('»')?;
    Some(detail[a..b].trim())
}

/// `detail` without `prefix`, trimmed.
fn after<'d>(detail: &'d str, prefix: &str) -> Option<&'d str> {
    detail
        .strip_prefix(prefix)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// The two phrases of a pair by language.
fn pick(lang: Lang, fr: String, en: String) -> String {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// The directory of names a gazetteer file stands for.
fn directory(lang: Lang, file: &str) -> &'static str {
    let name = file.rsplit('/').next().unwrap_or(file);
    let name = name.split(':').next().unwrap_or(name);
    match (lang, name) {
        (Lang::Fr, "people.tsv") => "personnes",
        (Lang::Fr, "orgs.tsv") => "organisations",
        (Lang::Fr, "places.tsv") => "lieux",
        (Lang::Fr, "media.tsv") => "médias",
        (Lang::Fr, _) => "événements, traités et autres noms",
        (Lang::En, "people.tsv") => "people",
        (Lang::En, "orgs.tsv") => "organisations",
        (Lang::En, "places.tsv") => "places",
        (Lang::En, "media.tsv") => "media outlets",
        (Lang::En, _) => "events, treaties and other names",
    }
}

/// A lexicon cue written for a reader: classes and operators dropped (« défendre/v notre » →
/// « défendre notre », « s' opposer/v » → « s'opposer », « extrémis* » → « extrémis… »).
pub fn cue_words(pattern: &str) -> String {
    let mut out = String::new();
    for tok in pattern.split_whitespace() {
        let w = tok.split('/').next().unwrap_or(tok);
        let w = w.trim_end_matches('?');
        let w = match w {
            "_" => "…".to_string(),
            "INF" => "(infinitif)".to_string(),
            w => w.replace('*', "…"),
        };
        if w.is_empty() {
            continue;
        }
        // « s' » before a consonant is « se » (« s' soutenir/v » → « se soutenir »).
        let vowel = w
            .chars()
            .next()
            .is_some_and(|c| "aeiouyhéèêàâîôûAEIOUYHÉ".contains(c));
        if out.ends_with(" s'") || out == "s'" {
            if !vowel {
                out.pop();
                out.push_str("e ");
            }
        } else if !out.is_empty() && !out.ends_with('\'') {
            out.push(' ');
        }
        out.push_str(&w);
    }
    out
}

/// Why an entity mention was found, from its rule (`text`: the mention's words).
fn entity_reason(lang: Lang, id: &str, detail: &str, text: &str) -> Option<String> {
    Some(match id {
        "gazetteer" => {
            let d = directory(lang, detail);
            pick(
                lang,
                format!("nom connu du répertoire ({d})"),
                format!("a name known to the directory ({d})"),
            )
        }
        "acronym-def" => {
            if let Some(acr) = detail
                .strip_prefix("expansion of (")
                .and_then(|r| r.strip_suffix(')'))
            {
                let acr = q(lang, &format!("({acr})"));
                pick(
                    lang,
                    format!("nom complet suivi de son sigle {acr}"),
                    format!("full name followed by its acronym {acr}"),
                )
            } else if let Some(exp) = quoted(detail) {
                pick(
                    lang,
                    format!("sigle défini dans le texte\u{a0}: {text} = {exp}"),
                    format!("acronym defined in the text: {text} = {exp}"),
                )
            } else {
                pick(
                    lang,
                    "sigle défini dans le texte".into(),
                    "acronym defined in the text".into(),
                )
            }
        }
        "title+name" => {
            if let Some(h) = detail.strip_prefix("honorific") {
                let h = quoted(h).unwrap_or("M.");
                let h = match h {
                    "M" => "M.",
                    h => h,
                };
                let h = q(lang, h);
                pick(
                    lang,
                    format!("nom précédé de la civilité {h}"),
                    format!("name preceded by the courtesy title {h}"),
                )
            } else {
                match quoted(detail) {
                    Some(r) => {
                        let r = q(lang, r);
                        pick(
                            lang,
                            format!("nom précédé du titre {r}"),
                            format!("name preceded by the title {r}"),
                        )
                    }
                    None => pick(
                        lang,
                        "nom précédé d’un titre".into(),
                        "name preceded by a title".into(),
                    ),
                }
            }
        }
        "ministry" => {
            let cue = quoted(detail).map(|c| q(lang, c)).unwrap_or_default();
            pick(
                lang,
                format!(
                    "nom de ministère\u{a0}: «\u{a0}ministère\u{a0}» suivi de son domaine {cue}"
                )
                .trim_end()
                .to_string(),
                format!("a ministry’s name: “ministère” followed by its portfolio {cue}")
                    .trim_end()
                    .to_string(),
            )
        }
        "head" => {
            let h = quoted(detail).map(|c| q(lang, c)).unwrap_or_default();
            pick(
                lang,
                format!("nom introduit par le mot {h}"),
                format!("name introduced by the word {h}"),
            )
        }
        "event-noun" => {
            let w = quoted(detail).map(|c| q(lang, c)).unwrap_or_default();
            pick(
                lang,
                format!("nom propre après le mot {w}, type deviné"),
                format!("proper name after the word {w}, type guessed"),
            )
        }
        "acronym" => pick(
            lang,
            "mot en capitales, pris pour un sigle".into(),
            "a word in capitals, taken for an acronym".into(),
        ),
        "firstname" => {
            let w = after(detail, "firstnames.txt:").map(|w| q(lang, w));
            match w {
                Some(w) => pick(
                    lang,
                    format!("commence par un prénom connu ({w})"),
                    format!("starts with a known given name ({w})"),
                ),
                None => pick(
                    lang,
                    "commence par un prénom connu".into(),
                    "starts with a known given name".into(),
                ),
            }
        }
        "caps" => pick(
            lang,
            "mot capitalisé, type deviné d’après le contexte".into(),
            "capitalised word, type guessed from the context".into(),
        ),
        "typed-noun" => {
            let w = quoted(detail).map(|c| q(lang, c)).unwrap_or_default();
            pick(
                lang,
                format!("nom précédé de {w}, qui en donne le type"),
                format!("name preceded by {w}, which gives its type"),
            )
        }
        "coref" => match after(detail, "short form of") {
            Some(full) => {
                let full = q(lang, full);
                pick(
                    lang,
                    format!("forme courte de {full}, nommé plus haut"),
                    format!("short form of {full}, named earlier"),
                )
            }
            None => pick(
                lang,
                "forme courte d’un nom cité plus haut".into(),
                "short form of a name given earlier".into(),
            ),
        },
        _ => return None,
    })
}

/// How a date was read, from its rule detail; `resolved`: it has an ISO form.
fn date_reason(lang: Lang, detail: &str, resolved: bool) -> String {
    let (fr, en) = match detail {
        "ISO YYYY-MM-DD" => (
            "date au format année-mois-jour",
            "a date written year-month-day",
        ),
        "ISO YYYY-MM" => ("mois au format année-mois", "a month written year-month"),
        "numeric DD.MM.YYYY" => (
            "date en chiffres (jour, mois, année)",
            "a date in figures (day, month, year)",
        ),
        "numeric DD/MM" => (
            "date en chiffres (jour/mois)",
            "a date in figures (day/month)",
        ),
        "English date" => ("date écrite en anglais", "a date written in English"),
        "holiday" => (
            "jour de fête (Noël, Pâques)",
            "a holiday (Christmas, Easter)",
        ),
        "day month [year]" => (
            "jour et mois en toutes lettres",
            "day and month written out",
        ),
        "weekday" if resolved => (
            "jour de la semaine, situé d’après la date de l’article",
            "a day of the week, placed from the article’s date",
        ),
        "weekday" => (
            "jour de la semaine (pas de date d’article pour le situer)",
            "a day of the week (no article date to place it)",
        ),
        "month year" => ("mois et année", "month and year"),
        d if d.starts_with("month after") => (
            "mois après «\u{a0}en\u{a0}», «\u{a0}début\u{a0}» ou «\u{a0}fin\u{a0}»",
            "a month after “en”, “début” or “fin”",
        ),
        "year" => ("année seule", "a year alone"),
        _ => ("expression de date", "a date expression"),
    };
    pick(lang, fr.into(), en.into())
}

/// Why a quote was found and how its speaker was found.
fn quote_reason(lang: Lang, id: &str, detail: &str) -> Option<String> {
    let word = quoted(detail).map(|w| q(lang, w));
    Some(match (id, word) {
        ("quote" | "quote:unknown", _) => pick(
            lang,
            "entre guillemets\u{a0}; locuteur non nommé".into(),
            "between quotation marks; the speaker is not named".into(),
        ),
        ("quote:agent", _) => pick(
            lang,
            "locuteur\u{a0}: l’auteur nommé après «\u{a0}par\u{a0}» qui suit la citation".into(),
            "speaker: the person named after “par” (by) following the quote".into(),
        ),
        ("quote:incise", w) => match w {
            Some(v) => pick(
                lang,
                format!("le verbe de parole {v} en incise dans la phrase"),
                format!("the speech verb {v} in an aside of the sentence"),
            ),
            None => pick(
                lang,
                "un verbe de parole en incise dans la phrase".into(),
                "a speech verb in an aside of the sentence".into(),
            ),
        },
        ("quote:headline", _) => pick(
            lang,
            "titre\u{a0}: le nom et deux-points accompagnent la citation".into(),
            "headline: a name and a colon go with the quote".into(),
        ),
        ("quote:forward", _) => pick(
            lang,
            "locuteur nommé juste après la citation («\u{a0}c’est ce qu’a dit…\u{a0}»)".into(),
            "speaker named right after the quote (“that is what … said”)".into(),
        ),
        ("quote:repeated", _) => pick(
            lang,
            "les mêmes mots sont cités ailleurs avec leur locuteur".into(),
            "the same words are quoted elsewhere with their speaker".into(),
        ),
        ("quote:term", _) => pick(
            lang,
            "terme cité entre guillemets, pas des paroles de quelqu’un".into(),
            "a term cited between quotation marks, nobody’s words".into(),
        ),
        ("quote:cut", _) => pick(
            lang,
            "citation coupée par la fin du texte\u{a0}; locuteur non indiqué".into(),
            "quote cut off by the end of the text; speaker not given".into(),
        ),
        ("quote:verb-after", Some(v)) => pick(
            lang,
            format!("le verbe de parole {v} suit la citation"),
            format!("the speech verb {v} follows the quote"),
        ),
        ("quote:verb-after", None) => pick(
            lang,
            "un verbe de parole suit la citation".into(),
            "a speech verb follows the quote".into(),
        ),
        ("quote:verb-before", Some(v)) => pick(
            lang,
            format!("le verbe de parole {v} précède la citation"),
            format!("the speech verb {v} comes before the quote"),
        ),
        ("quote:verb-before", None) => pick(
            lang,
            "un verbe de parole précède la citation".into(),
            "a speech verb comes before the quote".into(),
        ),
        ("quote:selon", w) => {
            let w = w.unwrap_or_else(|| q(lang, "selon"));
            pick(
                lang,
                format!("{w} et le locuteur précèdent la citation"),
                format!("{w} and the speaker come before the quote"),
            )
        }
        ("quote:subject", _) => pick(
            lang,
            "locuteur\u{a0}: sujet de la phrase qui introduit la citation".into(),
            "speaker: subject of the sentence that introduces the quote".into(),
        ),
        ("quote:continuation", _) => pick(
            lang,
            "locuteur repris de la citation précédente".into(),
            "speaker carried over from the previous quote".into(),
        ),
        ("quote:context", _) => pick(
            lang,
            "locuteur deviné d’après les phrases précédentes".into(),
            "speaker guessed from the previous sentences".into(),
        ),
        ("quote:transcript", _) => pick(
            lang,
            "transcription\u{a0}: nom suivi de deux-points en tête du paragraphe".into(),
            "transcript: a name and a colon opening the paragraph".into(),
        ),
        ("quote:interview", _) => pick(
            lang,
            "entretien\u{a0}: la personne interrogée parle à la première personne".into(),
            "interview: the interviewee speaking in the first person".into(),
        ),
        _ => return None,
    })
}

/// How a stance's holder was found (`how` of `stance:<how>`).
fn holder_reason(lang: Lang, how: &str) -> Option<String> {
    let (fr, en) = match how {
        "subject" => (
            "auteur\u{a0}: sujet du verbe",
            "holder: subject of the verb",
        ),
        "sentence-subject" => (
            "auteur\u{a0}: premier nom de la phrase, pris pour son sujet",
            "holder: first name in the sentence, taken as its subject",
        ),
        "pronoun" => (
            "auteur\u{a0}: désigné par un pronom («\u{a0}il\u{a0}», «\u{a0}elle\u{a0}»…)",
            "holder: referred to by a pronoun (“il”, “elle”…)",
        ),
        "role" => (
            "auteur\u{a0}: désigné par son titre («\u{a0}le ministre turc\u{a0}»)",
            "holder: referred to by a title (“le ministre turc”)",
        ),
        "relative" => (
            "auteur\u{a0}: ce que reprend le relatif «\u{a0}qui\u{a0}»",
            "holder: what the relative “qui” refers to",
        ),
        "participle-subject" => (
            "auteur\u{a0}: sujet de la principale après un participe («\u{a0}Dénonçant…, les syndicats\u{a0}»)",
            "holder: subject of the main clause after a participle (“Dénonçant…, les syndicats”)",
        ),
        "participle-main" => (
            "auteur\u{a0}: sujet du verbe principal dont dépend le participe («\u{a0}…, l'accusant de…\u{a0}»)",
            "holder: subject of the main verb the participle hangs on (“…, l'accusant de…”)",
        ),
        "plural-pronoun" => (
            "auteur\u{a0}: le groupe que reprend «\u{a0}ils\u{a0}» (position de la phrase précédente)",
            "holder: the group “ils” refers back to (the stance of the sentence before)",
        ),
        "inverted-subject" => (
            "auteur\u{a0}: sujet placé après le verbe",
            "holder: subject placed after the verb",
        ),
        "first-person" => (
            "auteur\u{a0}: le locuteur, qui parle à la première personne",
            "holder: the speaker, speaking in the first person",
        ),
        "first-person-country" => (
            "auteur\u{a0}: le pays du locuteur, qui dit «\u{a0}nous\u{a0}»",
            "holder: the speaker’s country (the speaker says “nous”)",
        ),
        "source" => (
            "auteur\u{a0}: la source citée par «\u{a0}selon\u{a0}»",
            "holder: the source named by “selon”",
        ),
        // (Emitted by the core on main after this branch: « le gouvernement ivoirien », « les
        // autorités du Canada » speak for their country.)
        "collective" => (
            "auteur\u{a0}: le pays, par la voix de son gouvernement ou de son peuple",
            "holder: the country, speaking through its government or its people",
        ),
        "member-of" => (
            "auteur\u{a0}: l’organisation ou le lieu dont le sujet est un membre ou un organe («\u{a0}le secrétaire général de l’ONU\u{a0}»)",
            "holder: the organisation or place the subject is a member or body of (“the Secretary-General of the UN”)",
        ),
        "noun-phrase" => (
            "auteur\u{a0}: le groupe de mots sujet (aucun nom propre)",
            "holder: the subject phrase (no proper name)",
        ),
        "quote-speaker" => (
            "auteur\u{a0}: le locuteur de la citation",
            "holder: the speaker of the quote",
        ),
        "transcript-speaker" => (
            "auteur\u{a0}: la personne nommée en tête du paragraphe («\u{a0}Nom\u{a0}: …\u{a0}»)",
            "holder: the person named at the head of the paragraph (“Name: …”)",
        ),
        "speech-subject" => (
            "auteur\u{a0}: sujet du verbe de parole («\u{a0}X a déclaré que…\u{a0}»)",
            "holder: subject of the speech verb (“X a déclaré que…”)",
        ),
        "speaker-after" => (
            "auteur\u{a0}: nommé par le verbe de parole qui suit («\u{a0}…, a déclaré X\u{a0}»)",
            "holder: named by the speech verb that follows (“…, a déclaré X”)",
        ),
        "quote-nearby" => (
            "auteur\u{a0}: locuteur de la citation précédente du paragraphe",
            "holder: speaker of the previous quote in the paragraph",
        ),
        "context" => (
            "auteur\u{a0}: repris des phrases précédentes",
            "holder: carried over from the previous sentences",
        ),
        "evaluation" => (
            "jugement dont le locuteur n’est pas identifié",
            "a judgement whose speaker is not identified",
        ),
        "none" => ("auteur non trouvé", "holder not found"),
        "passive-agent" => (
            "auteur\u{a0}: le complément d’agent («\u{a0}par…\u{a0}»)",
            "holder: the agent of the passive (“par…”)",
        ),
        "genitive" => (
            "auteur\u{a0}: nommé après «\u{a0}de\u{a0}» («\u{a0}le soutien de la Chine\u{a0}»)",
            "holder: named after “de” (“le soutien de la Chine”)",
        ),
        "coordinated-verb" => (
            "auteur\u{a0}: même sujet que le verbe précédent («\u{a0}… et ont appelé\u{a0}»)",
            "holder: same subject as the previous verb (“… et ont appelé”)",
        ),
        _ => return None,
    };
    Some(pick(lang, fr.into(), en.into()))
}

/// The negation words of a negated cue (« ne cédons pas » → « ne … pas »).
fn negation_words(text: &str) -> String {
    let words: Vec<String> = text.split_whitespace().map(|w| w.to_lowercase()).collect();
    let first = words
        .iter()
        .find(|w| matches!(w.as_str(), "ne" | "sans") || w.starts_with("n'"))
        .map(|w| {
            if w.starts_with("n'") {
                "n’"
            } else {
                w.as_str()
            }
        });
    let second = words.iter().find(|w| {
        matches!(
            w.as_str(),
            "pas"
                | "jamais"
                | "plus"
                | "guère"
                | "point"
                | "aucun"
                | "aucune"
                | "rien"
                | "nullement"
        )
    });
    match (first, second) {
        (Some("sans"), _) => "sans".into(),
        (Some(n), Some(p)) => format!("{n} … {p}"),
        (Some(n), None) => n.to_string(),
        (None, Some(p)) => p.to_string(),
        (None, None) => "ne … pas".into(),
    }
}

/// The negation phrase of a negated stance cue.
fn negation_reason(lang: Lang, text: &str) -> String {
    let n = q(lang, &negation_words(text));
    pick(
        lang,
        format!("la négation {n} est prise en compte"),
        format!("the negation {n} is taken into account"),
    )
}

/// The pattern part of a lexicon detail (`lexicon/stance.tsv:24: soutenir/v` → `soutenir/v`).
fn lexicon_pattern(detail: &str) -> Option<&str> {
    let (file, rest) = detail.split_once(": ")?;
    (file.contains(".tsv") || file.contains(".txt")).then_some(rest.trim())
}

/// The stance cue, in words.
fn stance_cue_reason(lang: Lang, detail: &str) -> String {
    match lexicon_pattern(detail).map(cue_words) {
        Some(c) if !c.is_empty() => {
            let c = q(lang, &c);
            pick(
                lang,
                format!("expression {c} du lexique des prises de position"),
                format!("the phrase {c} from the stance lexicon"),
            )
        }
        _ => pick(
            lang,
            "expression du lexique des prises de position".into(),
            "a phrase from the stance lexicon".into(),
        ),
    }
}

/// Why a frame cue was found.
fn frame_reason(lang: Lang, id: &str, detail: &str) -> Option<String> {
    let cue = lexicon_pattern(detail)
        .map(cue_words)
        .filter(|c| !c.is_empty())
        .map(|c| q(lang, &c));
    Some(match (id, cue) {
        ("frame", Some(c)) => pick(
            lang,
            format!("expression {c} du lexique des cadrages"),
            format!("the phrase {c} from the frame lexicon"),
        ),
        ("frame", None) => pick(
            lang,
            "expression du lexique des cadrages".into(),
            "a phrase from the frame lexicon".into(),
        ),
        ("frame:paired", c) => {
            let c = c.map(|c| format!(" {c}")).unwrap_or_default();
            pick(
                lang,
                format!(
                    "le mot{c}, faible à lui seul, est retenu parce qu’un autre indice du même cadrage est à côté"
                ),
                format!(
                    "the word{c}, weak on its own, is kept because another cue of the same frame stands beside it"
                ),
            )
        }
        _ => return None,
    })
}

/// What a kind of page chrome is.
pub fn chrome_kind(lang: Lang, kind: &str) -> Option<&'static str> {
    Some(match (lang, kind) {
        (Lang::Fr, "share") => "partage et réseaux sociaux",
        (Lang::Fr, "related") => "lien vers d’autres articles",
        (Lang::Fr, "tags") => "mots-clés de la page",
        (Lang::Fr, "nav") => "menu ou navigation du site",
        (Lang::Fr, "follow") => "invitation à suivre le média",
        (Lang::Fr, "footer") => "pied de page, crédits",
        (Lang::Fr, "caption_en") => "légende en anglais",
        (Lang::Fr, "url") => "adresse web",
        (Lang::Fr, "duplicate") => "ligne en double",
        (Lang::Fr, "logo") => "nom ou slogan du site",
        (Lang::En, "share") => "sharing and social buttons",
        (Lang::En, "related") => "links to other articles",
        (Lang::En, "tags") => "the page’s keywords",
        (Lang::En, "nav") => "site menu or navigation",
        (Lang::En, "follow") => "invitation to follow the outlet",
        (Lang::En, "footer") => "footer, credits",
        (Lang::En, "caption_en") => "English caption",
        (Lang::En, "url") => "web address",
        (Lang::En, "duplicate") => "repeated line",
        (Lang::En, "logo") => "site name or tagline",
        _ => return None,
    })
}

/// The page-chrome details the core writes (`src/boilerplate.rs`), in words: the detail's
/// template (`{}` a number or a quoted word), French, English.
const CHROME_DETAILS: &[(&str, &str, &str)] = &[
    (
        "line repeated earlier in the page",
        "ligne déjà vue plus haut dans la page",
        "a line seen earlier in the page",
    ),
    (
        "page title: headline of line {} and site name",
        "titre de la page\u{a0}: le titre de la ligne {} suivi du nom du site",
        "page title: the headline of line {} and the site’s name",
    ),
    (
        "repeats line {} before a credit",
        "répète la ligne {} avant un crédit photo",
        "repeats line {} before a photo credit",
    ),
    (
        "copy cut short of line {}",
        "copie tronquée de la ligne {}",
        "a copy of line {} cut short",
    ),
    (
        "teaser cut short of line {}",
        "accroche tronquée de la ligne {}",
        "a teaser of line {} cut short",
    ),
    (
        "web address opening the line",
        "adresse web en tête de ligne",
        "a web address opening the line",
    ),
    (
        "related-article URL",
        "adresse d’un autre article",
        "the address of another article",
    ),
    (
        "English page stamp (last modified, updated…)",
        "mention de page en anglais (mise à jour…)",
        "an English page stamp (last modified, updated…)",
    ),
    (
        "credit or copyright line",
        "ligne de crédit ou de copyright",
        "a credit or copyright line",
    ),
    (
        "navigation bar of {} items",
        "barre de navigation de {} éléments",
        "a navigation bar of {} items",
    ),
    (
        "link under « {} »",
        "lien sous «\u{a0}{}\u{a0}»",
        "a link under “{}”",
    ),
    (
        "menu of navigation words",
        "menu fait de mots de navigation",
        "a menu of navigation words",
    ),
    (
        "breadcrumb with « {} »",
        "fil d’Ariane avec «\u{a0}{}\u{a0}»",
        "a breadcrumb with “{}”",
    ),
    (
        "breadcrumb from « {} »",
        "fil d’Ariane à partir de «\u{a0}{}\u{a0}»",
        "a breadcrumb from “{}”",
    ),
    ("rubric line", "ligne de rubrique", "a section line"),
    (
        "readers' comment section",
        "section des commentaires des lecteurs",
        "the readers’ comment section",
    ),
    (
        "author box after the text",
        "encadré sur l’auteur après le texte",
        "an author box after the text",
    ),
    (
        "separators without words",
        "séparateurs sans mots (barre vide)",
        "separators without words (an empty bar)",
    ),
    (
        "tag line of {} items",
        "ligne de {} mots-clés",
        "a line of {} tags",
    ),
    ("reading time", "temps de lecture", "a reading time"),
    (
        "counter",
        "compteur (vues, commentaires, partages)",
        "a counter (views, comments, shares)",
    ),
    (
        "pager or player clock",
        "pagination ou minutage d’un lecteur",
        "a pager or a player clock",
    ),
    (
        "news ticker line",
        "ligne de fil d’actualité (heure et titre)",
        "a news ticker line (time and headline)",
    ),
    (
        "menu of {} items",
        "menu de {} éléments",
        "a menu of {} items",
    ),
    (
        "English text ({}% English function words)",
        "texte en anglais ({}\u{a0}% de mots-outils anglais)",
        "English text ({}% English function words)",
    ),
    (
        "short label above the headline",
        "courte étiquette au-dessus du titre",
        "a short label above the headline",
    ),
    (
        "site tagline in lower case above the headline",
        "slogan du site en minuscules au-dessus du titre",
        "the site’s tagline in lower case above the headline",
    ),
    (
        "item of a menu written one per line",
        "élément d’un menu écrit un par ligne",
        "an item of a menu written one per line",
    ),
    (
        "site name above the navigation",
        "nom du site au-dessus de la navigation",
        "the site’s name above the navigation",
    ),
    (
        "related-article link after the text",
        "lien vers un autre article, collé après le texte",
        "a link to another article after the text",
    ),
    (
        "source credit closing the text",
        "mention de source qui clôt le texte",
        "a source credit closing the text",
    ),
    ("web address", "adresse web", "a web address"),
];

/// A chrome detail in words (`None` when the core wrote one this table does not know, or a
/// data entry: that is the source).
pub fn chrome_detail(lang: Lang, detail: &str) -> Option<String> {
    if let Some(pat) = after(detail, "boilerplate.tsv:") {
        let (pat, copyright) = match pat.strip_suffix("(copyright notice)") {
            Some(p) => (p.trim(), true),
            None => (pat, false),
        };
        let p = q(lang, pat);
        return Some(if copyright {
            pick(
                lang,
                format!("mention de copyright ({p})"),
                format!("a copyright notice ({p})"),
            )
        } else {
            pick(
                lang,
                format!("formule connue des pages web\u{a0}: {p}"),
                format!("a known web-page phrase: {p}"),
            )
        });
    }
    for (template, fr, en) in CHROME_DETAILS {
        let hit = match template.split_once("{}") {
            None => (detail == *template).then_some(""),
            Some((a, b)) => detail
                .strip_prefix(a)
                .and_then(|r| r.strip_suffix(b))
                .filter(|m| !m.is_empty()),
        };
        if let Some(m) = hit {
            let out = match lang {
                Lang::Fr => fr,
                Lang::En => en,
            };
            return Some(out.replace("{}", m));
        }
    }
    None
}

/// Why a publisher was named (the card's rule; not a highlight).
fn publisher_reason(lang: Lang, id: &str, detail: &str) -> Option<String> {
    let (fr, en) = match id {
        "publisher:media" => (
            "nom d’un média connu du répertoire".to_string(),
            "the name of an outlet known to the directory".to_string(),
        ),
        "publisher:domain" => {
            let w = quoted(detail).map(|w| q(lang, w)).unwrap_or_default();
            (
                format!("nom de domaine {w} dans la page"),
                format!("the domain name {w} in the page"),
            )
        }
        "publisher:dateline" => (
            "nom en tête de la ligne de date (média inconnu du répertoire)".into(),
            "a name opening the dateline (outlet not in the directory)".into(),
        ),
        "publisher:copyright" => (
            "nom dans la ligne de copyright de la page (média inconnu du répertoire)".into(),
            "a name in the page’s copyright line (outlet not in the directory)".into(),
        ),
        _ => return None,
    };
    Some(pick(lang, fr, en))
}

/// The phrase for a rule in words, or `None` for a rule id this module does not know. `text`
/// is the highlighted words (an acronym's definition names it); a stance's phrase is how its
/// holder was found (its cue and its negation are separate phrases: [`explain`]).
pub fn rule_reason(lang: Lang, rule: &Rule, text: &str) -> Option<String> {
    let (id, detail) = (rule.id.as_ref(), rule.detail.as_ref());
    if let Some(how) = id.strip_prefix("stance:") {
        return holder_reason(lang, how.strip_suffix("+negation").unwrap_or(how));
    }
    if let Some(kind) = id.strip_prefix("boilerplate:") {
        return chrome_kind(lang, kind).map(|k| {
            chrome_detail(lang, detail).unwrap_or_else(|| match lang {
                Lang::Fr => format!("mis de côté\u{a0}: {k}"),
                Lang::En => format!("set aside: {k}"),
            })
        });
    }
    match id {
        "date" => Some(date_reason(lang, detail, false)),
        _ if id == "quote" || id.starts_with("quote:") => quote_reason(lang, id, detail),
        _ if id.starts_with("frame") => frame_reason(lang, id, detail),
        _ if id.starts_with("publisher:") => publisher_reason(lang, id, detail),
        _ => entity_reason(lang, id, detail, text),
    }
}

/// Is `id` a rule id the explanations know?
pub fn is_known(id: &str) -> bool {
    rule_reason(Lang::Fr, &Rule::new(id.to_string(), ""), "X").is_some()
}

/// How sure Loupe is, in words: « sûr », « probable », « à vérifier ».
pub fn confidence_label(lang: Lang, c: Confidence) -> &'static str {
    match (lang, c) {
        (Lang::Fr, Confidence::Sure) => "sûr",
        (Lang::Fr, Confidence::Likely) => "probable",
        (Lang::Fr, Confidence::Guess) => "à vérifier",
        (Lang::En, Confidence::Sure) => "sure",
        (Lang::En, Confidence::Likely) => "likely",
        (Lang::En, Confidence::Guess) => "to check",
    }
}

/// What a confidence class means for the reader.
pub fn confidence_help(lang: Lang, c: Confidence) -> &'static str {
    match (lang, c) {
        (Lang::Fr, Confidence::Sure) => "entrée d’un répertoire ou indice sans ambiguïté",
        (Lang::Fr, Confidence::Likely) => "indice solide, mais une règle peut se tromper",
        (Lang::Fr, Confidence::Guess) => "deviné d’après le contexte\u{a0}: à relire",
        (Lang::En, Confidence::Sure) => "a directory entry or an unambiguous cue",
        (Lang::En, Confidence::Likely) => "strong evidence, but a rule can be wrong",
        (Lang::En, Confidence::Guess) => "guessed from the context: read it again",
    }
}

/// A three-step meter of a confidence class (a shape cue besides the words).
pub fn confidence_meter(c: Confidence) -> &'static str {
    match c {
        Confidence::Sure => "●●●",
        Confidence::Likely => "●●○",
        Confidence::Guess => "●○○",
    }
}

/// The data entry behind a rule, written `file:line: entry` without the data directory
/// (`gazetteer/people.tsv:133: Wang Yi` → `people.tsv:133: Wang Yi`), when it names one.
pub fn rule_source(rule: &Rule) -> Option<String> {
    let d = rule.detail.trim();
    let strip = |s: &str| -> String {
        let s = s
            .strip_prefix("gazetteer/")
            .or_else(|| s.strip_prefix("lexicon/"))
            .unwrap_or(s);
        s.to_string()
    };
    if d.starts_with("gazetteer/") || d.starts_with("lexicon/") {
        // A media match says what it matched: only the entry is the source.
        let d = d.split(" (matched").next().unwrap_or(d);
        return Some(strip(d));
    }
    if let Some(w) = after(d, "firstnames.txt:") {
        return Some(format!("firstnames.txt: {w}"));
    }
    if let Some(h) = d.strip_prefix("heads.tsv:") {
        return Some(format!("heads.tsv: {}", quoted(h).unwrap_or(h.trim())));
    }
    if let Some(p) = after(d, "boilerplate.tsv:") {
        let p = p.strip_suffix("(copyright notice)").unwrap_or(p).trim();
        return Some(format!("boilerplate.tsv: {p}"));
    }
    None
}

/// `s` with its white space collapsed and cut to about `max` characters around byte
/// `focus` (with « … » where cut).
fn excerpt(s: &str, focus: usize, max: usize) -> String {
    let s = s.trim();
    let n = s.chars().count();
    let (mut a, mut b) = (0, s.len());
    if n > max {
        // A window of `max` bytes (at most `max` characters) around `focus`.
        let focus = focus.min(s.len());
        a = focus.saturating_sub(max / 2);
        b = (a + max).min(s.len());
        a = b.saturating_sub(max);
        while !s.is_char_boundary(a) {
            a -= 1;
        }
        while !s.is_char_boundary(b) {
            b += 1;
        }
        // Whole words.
        if a > 0 {
            a = s[a..].find(' ').map_or(a, |k| a + k + 1);
        }
        if b < s.len() {
            b = s[..b].rfind(' ').filter(|&k| k > a).unwrap_or(b);
        }
    }
    let mut out = String::new();
    if a > 0 {
        out.push_str("… ");
    }
    let mut space = false;
    for c in s[a..b].chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if b < s.len() {
        out.push_str(" …");
    }
    out
}

/// The sentence holding `span`, from the text.
fn sentence_of(text: &str, a: &Analysis, span: &Span) -> Option<String> {
    let i = a
        .sentences
        .partition_point(|s| s.span.start <= span.start)
        .checked_sub(1)?;
    let s = &a.sentences[i];
    if s.span.end < span.end {
        return None;
    }
    let t = text.get(s.span.start..s.span.end)?;
    Some(excerpt(t, span.start - s.span.start, 320))
}

/// « de Wang Yi », « d’Emmanuel Macron ».
fn de(name: &str) -> String {
    let vowel = name
        .chars()
        .next()
        .is_some_and(|c| "AEIOUYÉÈÊÀÂÎÔÛŒaeiouyéèêàâîôûœ".contains(c));
    if vowel {
        format!("d’{name}")
    } else {
        format!("de {name}")
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// « même personne que « Wang Yi » plus haut ».
fn same_as(lang: Lang, etype: crate::schema::EntityType, earlier: &str) -> String {
    use crate::schema::EntityType::*;
    let e = q(lang, earlier);
    match (lang, etype) {
        (Lang::Fr, PER) => format!("même personne que {e} plus haut"),
        (Lang::Fr, ORG) => format!("même organisation que {e} plus haut"),
        (Lang::Fr, LOC) => format!("même lieu que {e} plus haut"),
        (Lang::Fr, MISC) => format!("même nom que {e} plus haut"),
        (Lang::En, PER) => format!("the same person as {e} earlier"),
        (Lang::En, ORG) => format!("the same organisation as {e} earlier"),
        (Lang::En, LOC) => format!("the same place as {e} earlier"),
        (Lang::En, MISC) => format!("the same name as {e} earlier"),
    }
}

/// The explanation of the highlight `key` of the analysis `a` of `text`, or `None` if there is
/// no such highlight.
pub fn explain(text: &str, a: &Analysis, key: &str, lang: Lang) -> Option<Explanation> {
    let t = lang.t();
    let (prefix, idx) = key.split_at(1.min(key.len()));
    let i: usize = idx.parse().ok()?;
    let mut x = Explanation {
        key: key.to_string(),
        kind: "",
        title: String::new(),
        text: String::new(),
        facts: Vec::new(),
        chain: None,
        sentence: None,
        meaning: None,
        reasons: Vec::new(),
        confidence: Confidence::Likely,
        source: None,
        rule_id: String::new(),
        others: Vec::new(),
        others_total: 0,
        position: None,
    };
    let rule: &Rule;
    match prefix {
        "m" => {
            let m = a.mentions.get(i)?;
            rule = &m.rule;
            let e = a.entities.get(m.entity);
            x.kind = super::html::Kind::of_type(m.etype).id();
            x.title = capitalise(i18n::type_label(lang, m.etype));
            x.text = m.text.clone();
            x.reasons.extend(rule_reason(lang, rule, &m.text));
            x.confidence = rule.confidence;
            x.source = rule_source(rule);
            if let Some(e) = e {
                // The entity's evidence, gathered over all its mentions.
                x.confidence = x.confidence.min(e.confidence);
                if e.canonical != m.text {
                    x.facts.push((t.f_canonical, e.canonical.clone()));
                }
                if let Some(r) = &e.role {
                    x.facts.push((t.f_role, r.clone()));
                }
                if let Some(ac) = e.acronym.as_ref().filter(|ac| **ac != m.text) {
                    x.facts.push((t.f_acronym, ac.clone()));
                }
                let all = &e.mentions;
                let pos = all.iter().position(|&k| k == i);
                x.position = pos.map(|p| (p + 1, all.len()));
                // Linked to an earlier mention written otherwise.
                if let Some(first) = all
                    .first()
                    .filter(|_| pos.is_some_and(|p| p > 0))
                    .and_then(|&k| a.mentions.get(k))
                {
                    let coref_says_it = rule.id == "coref" && first.text == e.canonical;
                    if first.text != m.text && !coref_says_it {
                        x.reasons.push(same_as(lang, m.etype, &first.text));
                    }
                }
                if let Some(src) = &e.source {
                    if rule.id != "gazetteer" {
                        x.reasons.push(entity_reason(lang, "gazetteer", src, "")?);
                    }
                    if x.source.is_none() || rule.id != "gazetteer" {
                        let s = src.strip_prefix("gazetteer/").unwrap_or(src).to_string();
                        x.source = Some(format!("{s}: {}", e.canonical));
                    }
                }
                x.others_total = all.len().saturating_sub(1);
                x.others = all
                    .iter()
                    .filter(|&&k| k != i)
                    .filter_map(|&k| a.mentions.get(k).map(|o| (k, o)))
                    .take(MAX_OTHERS)
                    .map(|(k, o)| Other {
                        key: format!("m{k}"),
                        text: o.text.clone(),
                    })
                    .collect();
            }
        }
        "d" => {
            let d = a.dates.get(i)?;
            rule = &d.rule;
            x.kind = "date";
            x.title = capitalise(t.date);
            x.text = d.text.clone();
            if let Some(iso) = &d.iso {
                x.facts
                    .push((t.f_iso, format!("{} ({iso})", i18n::date_label(lang, iso))));
            }
            x.reasons
                .push(date_reason(lang, &d.rule.detail, d.iso.is_some()));
            x.confidence = rule.confidence;
        }
        "q" => {
            let qt = a.quotes.get(i)?;
            rule = &qt.rule;
            x.kind = "quote";
            x.text = qt.text.clone();
            let entity = qt.speaker.and_then(|s| a.entities.get(s));
            let speaker = entity
                .map(|e| e.canonical.clone())
                .or_else(|| qt.speaker_text.clone());
            x.title = match (&speaker, lang) {
                (Some(s), Lang::Fr) => format!("Citation {}", de(s)),
                (Some(s), Lang::En) => format!("Quote by {s}"),
                (None, _) => format!("{} ({})", capitalise(t.quote), t.unknown_speaker),
            };
            if let Some(e) = entity {
                if let Some(r) = &e.role {
                    x.facts.push((t.f_role, r.clone()));
                }
                x.others_total = e.mentions.len();
                x.others = e
                    .mentions
                    .iter()
                    .take(MAX_OTHERS)
                    .filter_map(|&k| a.mentions.get(k).map(|o| (k, o)))
                    .map(|(k, o)| Other {
                        key: format!("m{k}"),
                        text: o.text.clone(),
                    })
                    .collect();
            }
            x.reasons.extend(rule_reason(lang, rule, &qt.text));
            x.confidence = rule.confidence;
        }
        "s" => {
            let s = a.stances.get(i)?;
            rule = &s.rule;
            x.kind = "stance";
            let pol = i18n::polarity_label(lang, s.polarity);
            x.title = format!("{}\u{a0}: {pol}", capitalise(t.stance));
            if lang == Lang::En {
                x.title = format!("{}: {pol}", capitalise(t.stance));
            }
            x.text = s.text.clone();
            let holder = holder_names(a, s).filter(|h| !h.is_empty());
            x.chain = Some(Chain {
                holder_found: holder.is_some(),
                holder: holder.unwrap_or_else(|| t.unknown_holder.to_string()),
                glyph: i18n::polarity_glyph(s.polarity),
                polarity: pol,
                target: s
                    .target
                    .clone()
                    .filter(|x| !x.is_empty())
                    .unwrap_or_else(|| t.no_target.to_string()),
            });
            x.sentence = sentence_of(text, a, &s.span);
            x.reasons.push(stance_cue_reason(lang, &rule.detail));
            x.reasons.extend(rule_reason(lang, rule, &s.text));
            if rule.id.ends_with("+negation") {
                x.reasons.push(negation_reason(lang, &s.text));
            }
            x.confidence = rule.confidence;
            x.source = rule_source(rule);
        }
        "f" => {
            let f = a.frames.get(i)?;
            rule = &f.rule;
            x.kind = "frame";
            let label = i18n::frame_label(lang, &f.frame);
            x.title = match lang {
                Lang::Fr => format!("{}\u{a0}: {label}", t.frame_title),
                Lang::En => format!("{}: {label}", t.frame_title),
            };
            x.text = f.text.clone();
            x.meaning = i18n::frame_description(lang, &f.frame);
            x.reasons.extend(rule_reason(lang, rule, &f.text));
            x.confidence = rule.confidence;
            x.source = rule_source(rule);
            let same: Vec<usize> = (0..a.frames.len())
                .filter(|&k| a.frames[k].frame == f.frame)
                .collect();
            x.position = same
                .iter()
                .position(|&k| k == i)
                .map(|p| (p + 1, same.len()));
            x.others_total = same.len().saturating_sub(1);
            x.others = same
                .iter()
                .filter(|&&k| k != i)
                .take(MAX_OTHERS)
                .map(|&k| Other {
                    key: format!("f{k}"),
                    text: a.frames[k].text.clone(),
                })
                .collect();
        }
        "c" => {
            let b = a.boilerplate.get(i)?;
            rule = &b.rule;
            x.kind = "chrome";
            let kind = rule
                .id
                .strip_prefix("boilerplate:")
                .and_then(|k| chrome_kind(lang, k));
            x.title = match (kind, lang) {
                (Some(k), Lang::Fr) => format!("{}\u{a0}: {k}", t.chrome_title),
                (Some(k), Lang::En) => format!("{}: {k}", t.chrome_title),
                (None, _) => t.chrome_title.to_string(),
            };
            x.text = text
                .get(b.span.start..b.span.end)
                .map(|s| excerpt(s, 0, 120))
                .unwrap_or_default();
            if let Some(d) = chrome_detail(lang, &rule.detail) {
                x.reasons.push(d);
            }
            x.reasons.push(match lang {
                Lang::Fr => "ne fait pas partie de l’article\u{a0}: rien n’y est analysé".into(),
                Lang::En => "not part of the article: nothing in it is analysed".into(),
            });
            x.confidence = rule.confidence;
            x.source = rule_source(rule);
        }
        _ => return None,
    }
    x.rule_id = rule.id.to_string();
    // (Cut a very long highlight: the text is right under the popover.)
    if x.text.chars().count() > 240 {
        x.text = excerpt(&x.text, 0, 240);
    }
    Some(x)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Project-written texts that make the core use every rule (checked by
    /// `the_corpus_covers_every_rule`), with the fixtures.
    const CORPUS: &[&str] = &[
        // Entities.
        "Le président français Emmanuel Macron a rencontré mardi M. Martin au ministère chinois des Affaires étrangères. L'Organisation du traité de sécurité collective (OTSC) s'est réunie. Le groupe XKZT a protesté. Julien Bérard a parlé à Brumelland. Le média Zelopress a publié la Fondation Marchand. Le sommet de Zorbaz aura lieu le 12 mars 2024. Nabih Haddad est arrivé. Haddad a souri.",
        "Le procès Zimbrov a commencé. Selon la BRKZ, tout va bien. Le XKZT a protesté.",
        "Le ministre russe des Affaires étrangères Sergueï Lavrov a rencontré son homologue chinois Wang Yi. M. Wang a salué « une étape historique ».",
        // Quotes.
        "« Nous soutenons ce projet », a déclaré Emmanuel Macron. Le ministre Jean Dupuis a affirmé : « Nous refusons cette décision ». Selon Jean Dupuis, « la situation est grave ».\nMao Ning : La question de Taïwan relève des affaires intérieures de la Chine.",
        "Emmanuel Macron est arrivé à Paris.\n« Nous sommes déterminés à agir. »\n« Nous fournirons du gaz », a déclaré Olaf Scholz. Cette décision est inacceptable.\nWang Yi a déclaré que cette décision est inacceptable.\nCette initiative est inacceptable.\nOlaf Scholz est arrivé à Berlin. Pour lui, il faut soutenir le projet.\nRabat a signé l'accord ; puis soutient le plan.",
        "Xi Jinping : « Nous soutenons la coopération ». Ce projet est une réussite exemplaire.\nOlaf Scholz a pris la parole. Il a expliqué : « C'est une étape historique ».\n« C'est une étape historique. » Cette initiative est inacceptable.",
        "Entretien avec Sophie Lantier, maraîchère.\nR. : Je leur ai écrit en mai : « Sans eau, nos serres seront vides dès juillet. »",
        // Stances.
        "La Chine soutient fermement le Kazakhstan. Le ministre turc a salué l'accord. Les enseignants, qui se sont déclarés prêts à négocier, ont protesté. « C'est une honte », fustige Raoul Dupont. Selon Mme Durand, l'accord souligne l'importance de la paix. Plusieurs eurodéputés accusent Bruxelles. « Nous condamnons ces actes et nous soutiendrons l'Ukraine », a affirmé Vladimir Poutine. Vladimir Poutine a déclaré que la Russie ne tolérera pas cette ingérence. Cette décision est inacceptable, a déclaré Olaf Scholz. L'accord a été critiqué par la France. Le soutien de la Chine est total. Les deux dirigeants ont exprimé leur opposition aux sanctions, et ont appelé au dialogue. La Russie ne cède pas aux pressions.",
        "Le ministre turc des Affaires étrangères Mevlüt Çavuşoğlu est arrivé à Ankara. Le ministre turc a salué l'accord.\nAngela Merkel est arrivée à Berlin. Elle a dénoncé les sanctions.",
        "Les membres de l'OCS ont appelé au dialogue. Ils ont réitéré leur soutien au plan de paix.",
        "Dénonçant une réforme injuste, les cheminots ont voté la grève.",
        "Olaf Scholz est arrivé à Berlin. Ensuite : soutien total au projet.",
        "Le Ghana accueille le sommet. Le gouvernement ghanéen soutient le projet.",
        "Le secrétaire général de l'ONU a condamné l'attaque.",
        // Quote attributions.
        "« Nous ne laisserons personne menacer notre souveraineté » : Xi Jinping met en garde Washington\n\nLe projet a été qualifié de « véritable trahison des électeurs » par Jean Dupuis. « Nous ne céderons sur rien, a déclaré Jean Dupuis, ni sur les salaires ni sur les horaires ». « Nous sommes prêts à tout. » C'est ce qu'a déclaré Jean Dupuis mardi. Les deux pays discutent de la formule « une paix juste et durable » depuis des années. La réunion a duré trois heures.\n\n« Les autres pays doivent maintenant faire leur part et nous att",
        "« Nous tiendrons nos engagements » : le gouvernement rassure\n\n« Nous tiendrons nos engagements jusqu'au bout », a déclaré Jean Dupuis.",
        // Dates and frames.
        "Paris, 16 mai 2024 (Chine Nouvelle) -- Lundi, la réunion a eu lieu. Le 2024-05-16 et le 12. 01. 2022, puis le 12/03, et May 5, 2024, à Noël, en février 2022, début 2022 et en juin, en 2023.\nIl a dénoncé l'hégémonie américaine, le terrorisme, le séparatisme et l'extrémisme.",
        // Page chrome.
        "Le Quotidien\nAccueil | Monde | Politique | Économie | Sport\nAccueil > Monde > Europe\nMonde\nVladimir Poutine rencontre Recep Tayyip Erdoğan à Istanbul\nPublié le 12 mars 2024\nPartager\nFacebook\n12 commentaires\nLecture : 3 min\nVladimir Poutine rencontre Recep Tayyip Erdoğan à Istanbul\nLe président russe Vladimir Poutine a rencontré mardi son homologue turc Recep Tayyip Erdoğan à Istanbul pour discuter du gaz. Les deux dirigeants ont évoqué la coopération énergétique et la situation régionale.\nRussian President Vladimir Putin met his Turkish counterpart in Istanbul on Tuesday.\nLes discussions ont duré trois heures. Selon le Kremlin, un nouvel accord sera signé en juin.\nhttps://www.exemple.fr/monde/article-123.html\nLire aussi : Gaz : la Hongrie veut prolonger son contrat avec Moscou\nMots-clés : Russie, Turquie, gaz\nSuivez-nous sur Twitter\n© 2024 Le Quotidien. Tous droits réservés.",
        include_str!("../../tests/fixtures/russie-turquie-gaz.txt"),
        include_str!("../../tests/fixtures/nancy-conseil-municipal.txt"),
        include_str!("../../tests/fixtures/ue-maroc-commerce.txt"),
    ];

    /// Code words that must never reach a reader.
    const JARGON: &[&str] = &[
        "caps",
        "coref",
        "PER",
        "ORG",
        "LOC",
        "MISC",
        "title+name",
        "stance:",
        "quote:",
        "boilerplate:",
        "frame:paired",
        "publisher:",
        "+negation",
        "gazetteer",
        ".tsv",
        ".txt",
        "/v",
        "/n",
        "/a",
        "_",
    ];
    /// English words of the core's details that must not reach the French interface.
    const ENGLISH: &[&str] = &[
        " the ",
        " of ",
        "speech verb",
        "expansion",
        "honorific",
        "short form",
        "upper-case",
        "capitalised",
        "by context",
        "before the",
        "after the",
        "line repeated",
        "items",
    ];

    fn clean(lang: Lang, phrase: &str, what: &str) {
        assert!(!phrase.trim().is_empty(), "{what}: empty phrase");
        for j in JARGON {
            assert!(!phrase.contains(j), "{what}: {j:?} in {phrase:?}");
        }
        if lang == Lang::Fr {
            for e in ENGLISH {
                assert!(!phrase.contains(e), "{what}: English {e:?} in {phrase:?}");
            }
        }
    }

    /// Every highlight key of an analysis.
    fn keys(a: &Analysis) -> Vec<String> {
        let mut k = Vec::new();
        k.extend((0..a.mentions.len()).map(|i| format!("m{i}")));
        k.extend((0..a.dates.len()).map(|i| format!("d{i}")));
        k.extend((0..a.quotes.len()).map(|i| format!("q{i}")));
        k.extend((0..a.stances.len()).map(|i| format!("s{i}")));
        k.extend((0..a.frames.len()).map(|i| format!("f{i}")));
        k.extend((0..a.boilerplate.len()).map(|i| format!("c{i}")));
        k
    }

    /// Every rule of an analysis (the card's publisher too).
    fn rules(a: &Analysis) -> Vec<&Rule> {
        let mut r: Vec<&Rule> = Vec::new();
        r.extend(a.mentions.iter().map(|m| &m.rule));
        r.extend(a.dates.iter().map(|m| &m.rule));
        r.extend(a.quotes.iter().map(|m| &m.rule));
        r.extend(a.stances.iter().map(|m| &m.rule));
        r.extend(a.frames.iter().map(|m| &m.rule));
        r.extend(a.boilerplate.iter().map(|m| &m.rule));
        r.extend(a.card.publisher.iter().map(|p| &p.rule));
        r
    }

    #[test]
    fn every_rule_id_has_a_plain_phrase_in_both_languages() {
        for id in all_rule_ids() {
            let r = Rule::new(id.clone(), "");
            let fr = rule_reason(Lang::Fr, &r, "OTSC").unwrap_or_else(|| panic!("{id}: no FR"));
            let en = rule_reason(Lang::En, &r, "OTSC").unwrap_or_else(|| panic!("{id}: no EN"));
            clean(Lang::Fr, &fr, &id);
            clean(Lang::En, &en, &id);
            assert_ne!(fr, en, "{id}: the same phrase in both languages");
            assert!(is_known(&id));
        }
        assert!(!is_known("stance:telepathy"));
        assert!(!is_known("no-such-rule"));
        assert!(!is_known("boilerplate:weather"));
    }

    #[test]
    fn entity_phrases() {
        let r = |id: &str, d: &str, lang| {
            rule_reason(lang, &Rule::new(id.to_string(), d.to_string()), "OTSC").unwrap()
        };
        use Lang::{En, Fr};
        let g = "gazetteer/people.tsv:8: Sergueï Lavrov";
        assert_eq!(r("gazetteer", g, Fr), "nom connu du répertoire (personnes)");
        assert_eq!(
            r("gazetteer", g, En),
            "a name known to the directory (people)"
        );
        assert_eq!(
            r("gazetteer", "gazetteer/orgs.tsv:90: OTSC", Fr),
            "nom connu du répertoire (organisations)"
        );
        assert_eq!(
            r("title+name", "role « président »", Fr),
            "nom précédé du titre «\u{a0}président\u{a0}»"
        );
        assert_eq!(
            r("title+name", "role « président »", En),
            "name preceded by the title “président”"
        );
        assert_eq!(
            r("title+name", "honorific « M »", Fr),
            "nom précédé de la civilité «\u{a0}M.\u{a0}»"
        );
        assert_eq!(
            r(
                "acronym-def",
                "acronym defined after « Organisation du traité de sécurité collective »",
                Fr
            ),
            "sigle défini dans le texte\u{a0}: OTSC = Organisation du traité de sécurité collective"
        );
        assert_eq!(
            r("acronym-def", "expansion of (OTSC)", En),
            "full name followed by its acronym “(OTSC)”"
        );
        assert_eq!(
            r("caps", "capitalised words, typed PER by context", Fr),
            "mot capitalisé, type deviné d’après le contexte"
        );
        assert_eq!(
            r("caps", "capitalised words, typed PER by context", En),
            "capitalised word, type guessed from the context"
        );
        assert_eq!(
            r("coref", "short form of Wang Yi", Fr),
            "forme courte de «\u{a0}Wang Yi\u{a0}», nommé plus haut"
        );
        assert_eq!(
            r("firstname", "firstnames.txt: Julien", Fr),
            "commence par un prénom connu («\u{a0}Julien\u{a0}»)"
        );
        assert_eq!(
            r("head", "heads.tsv: « Fondation »", Fr),
            "nom introduit par le mot «\u{a0}Fondation\u{a0}»"
        );
        assert_eq!(
            r("typed-noun", "the noun « média » before the name", Fr),
            "nom précédé de «\u{a0}média\u{a0}», qui en donne le type"
        );
        assert_eq!(
            r("event-noun", "« procès » + name", En),
            "proper name after the word “procès”, type guessed"
        );
        assert_eq!(
            r("acronym", "upper-case word", Fr),
            "mot en capitales, pris pour un sigle"
        );
        assert!(r("ministry", "ministère + « des Affaires étrangères »", Fr)
            .ends_with("«\u{a0}des Affaires étrangères\u{a0}»"));
    }

    #[test]
    fn quote_stance_frame_date_and_chrome_phrases() {
        let r = |id: &str, d: &str, lang| {
            rule_reason(lang, &Rule::new(id.to_string(), d.to_string()), "x").unwrap()
        };
        use Lang::{En, Fr};
        assert_eq!(
            r(
                "quote:verb-after",
                "speech verb « a déclaré » after the quote",
                Fr
            ),
            "le verbe de parole «\u{a0}a déclaré\u{a0}» suit la citation"
        );
        assert_eq!(
            r(
                "quote:verb-before",
                "speech verb « affirmé » before the quote",
                En
            ),
            "the speech verb “affirmé” comes before the quote"
        );
        assert_eq!(
            r(
                "quote:continuation",
                "same speaker as the previous quote",
                Fr
            ),
            "locuteur repris de la citation précédente"
        );
        assert_eq!(
            r("quote:selon", "« Selon » before the quote", Fr),
            "«\u{a0}Selon\u{a0}» et le locuteur précèdent la citation"
        );
        assert_eq!(
            r("stance:subject", "lexicon/stance.tsv:24: soutenir/v", Fr),
            "auteur\u{a0}: sujet du verbe"
        );
        assert_eq!(
            r(
                "stance:subject+negation",
                "lexicon/stance.tsv:24: soutenir/v",
                En
            ),
            "holder: subject of the verb"
        );
        assert_eq!(
            stance_cue_reason(Fr, "lexicon/stance.tsv:25: s' soutenir/v"),
            "expression «\u{a0}se soutenir\u{a0}» du lexique des prises de position"
        );
        assert_eq!(
            stance_cue_reason(En, "lexicon/stance.tsv:782: étape/n historique"),
            "the phrase “étape historique” from the stance lexicon"
        );
        assert_eq!(
            negation_reason(Fr, "ne tolérera pas"),
            "la négation «\u{a0}ne … pas\u{a0}» est prise en compte"
        );
        assert_eq!(
            negation_reason(En, "n'a jamais soutenu"),
            "the negation “n’ … jamais” is taken into account"
        );
        assert_eq!(
            r("frame", "lexicon/frames.tsv:24: forces extérieures", Fr),
            "expression «\u{a0}forces extérieures\u{a0}» du lexique des cadrages"
        );
        assert!(r("frame:paired", "lexicon/frames.tsv:402: séparatis*", Fr)
            .starts_with("le mot «\u{a0}séparatis…\u{a0}», faible à lui seul"));
        assert_eq!(
            date_reason(Fr, "weekday", true),
            "jour de la semaine, situé d’après la date de l’article"
        );
        assert_eq!(
            date_reason(En, "English date", true),
            "a date written in English"
        );
        assert_eq!(
            r("boilerplate:nav", "navigation bar of 5 items", Fr),
            "barre de navigation de 5 éléments"
        );
        assert_eq!(
            r("boilerplate:share", "boilerplate.tsv: partager", Fr),
            "formule connue des pages web\u{a0}: «\u{a0}partager\u{a0}»"
        );
        assert_eq!(
            r(
                "boilerplate:caption_en",
                "English text (58% English function words)",
                Fr
            ),
            "texte en anglais (58\u{a0}% de mots-outils anglais)"
        );
        // An unknown detail still says what kind of chrome it is.
        assert_eq!(
            r("boilerplate:nav", "something new", Fr),
            "mis de côté\u{a0}: menu ou navigation du site"
        );
        assert_eq!(cue_words("s' opposer/v à"), "s'opposer à");
        assert_eq!(cue_words("s' soutenir/v"), "se soutenir");
        assert_eq!(cue_words("l' importance"), "l'importance");
        assert_eq!(cue_words("_ soutien/n ferme?"), "… soutien ferme");
        assert_eq!(cue_words("compter/v INF"), "compter (infinitif)");
    }

    #[test]
    fn confidence_in_words() {
        use Confidence::*;
        assert_eq!(confidence_label(Lang::Fr, Sure), "sûr");
        assert_eq!(confidence_label(Lang::Fr, Likely), "probable");
        assert_eq!(confidence_label(Lang::Fr, Guess), "à vérifier");
        assert_eq!(confidence_label(Lang::En, Sure), "sure");
        assert_eq!(confidence_label(Lang::En, Likely), "likely");
        assert_eq!(confidence_label(Lang::En, Guess), "to check");
        for c in [Sure, Likely, Guess] {
            assert_ne!(confidence_help(Lang::Fr, c), confidence_help(Lang::En, c));
        }
        assert_ne!(confidence_meter(Sure), confidence_meter(Guess));
    }

    #[test]
    fn sources_are_file_line_entry() {
        let s = |d: &str| rule_source(&Rule::new("x", d.to_string()));
        assert_eq!(
            s("lexicon/stance.tsv:24: soutenir/v").as_deref(),
            Some("stance.tsv:24: soutenir/v")
        );
        assert_eq!(
            s("gazetteer/people.tsv:8: Sergueï Lavrov").as_deref(),
            Some("people.tsv:8: Sergueï Lavrov")
        );
        assert_eq!(
            s("gazetteer/media.tsv:262: Le Quotidien (matched « Le Quotidien »)").as_deref(),
            Some("media.tsv:262: Le Quotidien")
        );
        assert_eq!(
            s("heads.tsv: « Fondation »").as_deref(),
            Some("heads.tsv: Fondation")
        );
        assert_eq!(
            s("boilerplate.tsv: © (copyright notice)").as_deref(),
            Some("boilerplate.tsv: ©")
        );
        assert_eq!(s("role « ministre »"), None);
        assert_eq!(s("weekday"), None);
    }

    #[test]
    fn a_mention_explains_its_entity_in_words() {
        let text = "Le ministre russe des Affaires étrangères Sergueï Lavrov est arrivé. M. Lavrov a parlé. Sergueï Lavrov est reparti.";
        let a = crate::analyze(text);
        let i = a
            .mentions
            .iter()
            .position(|m| m.text == "Lavrov")
            .expect("short mention");
        let x = explain(text, &a, &format!("m{i}"), Lang::Fr).unwrap();
        assert_eq!(x.kind, "per");
        assert_eq!(x.title, "Personne");
        assert!(
            x.facts.contains(&("Nom complet", "Sergueï Lavrov".into())),
            "{:?}",
            x.facts
        );
        assert_eq!(x.rule_id, "title+name");
        assert_eq!(
            x.reasons,
            [
                "nom précédé de la civilité «\u{a0}M.\u{a0}»",
                "même personne que «\u{a0}Sergueï Lavrov\u{a0}» plus haut",
                "nom connu du répertoire (personnes)",
            ],
        );
        // The entity is in the gazetteer: sure, and its entry is the one source.
        assert_eq!(x.confidence, Confidence::Sure);
        let src = x.source.as_deref().unwrap();
        assert!(src.starts_with("people.tsv:"), "{src}");
        assert!(src.ends_with(": Sergueï Lavrov"), "{src}");
        assert_eq!(x.others_total, 2);
        assert_eq!(x.others.len(), 2);
        assert_eq!(x.position, Some((2, 3)));
        let en = explain(text, &a, &format!("m{i}"), Lang::En).unwrap();
        assert_eq!(en.title, "Person");
        assert!(en.facts.contains(&("Full name", "Sergueï Lavrov".into())));
        assert_eq!(en.reasons[1], "the same person as “Sergueï Lavrov” earlier");
    }

    #[test]
    fn a_stance_reads_as_a_chain_with_its_sentence() {
        let text = "Le sommet s'est ouvert. La Russie ne cède pas aux pressions occidentales, a-t-on appris. Fin.";
        let a = crate::analyze(text);
        let i = a
            .stances
            .iter()
            .position(|s| s.text.contains("cède"))
            .expect("stance");
        let x = explain(text, &a, &format!("s{i}"), Lang::Fr).unwrap();
        assert!(
            x.title.starts_with("Prise de position\u{a0}: "),
            "{}",
            x.title
        );
        let c = x.chain.as_ref().unwrap();
        assert_eq!(c.holder, "Russie");
        assert!(c.holder_found);
        assert!(c.target.contains("pressions"), "{c:?}");
        assert_eq!(
            x.sentence.as_deref(),
            Some("La Russie ne cède pas aux pressions occidentales, a-t-on appris.")
        );
        assert!(
            x.reasons[0].contains("«\u{a0}céder\u{a0}»"),
            "{:?}",
            x.reasons
        );
        assert!(
            x.reasons
                .iter()
                .any(|r| r == "la négation «\u{a0}ne … pas\u{a0}» est prise en compte"),
            "{:?}",
            x.reasons
        );
        assert_eq!(x.source.as_deref().map(|s| &s[..11]), Some("stance.tsv:"));
        let en = explain(text, &a, &format!("s{i}"), Lang::En).unwrap();
        assert!(en.title.starts_with("Stance: "), "{}", en.title);
        assert!(en
            .reasons
            .iter()
            .any(|r| r == "the negation “ne … pas” is taken into account"));
    }

    #[test]
    fn quotes_frames_chrome_and_unknown_keys() {
        let text = "« Nous soutenons fermement ce projet », a déclaré le président français Emmanuel Macron. Il a dénoncé l'hégémonie américaine.\nPartager";
        let a = crate::analyze(text);
        let q = explain(text, &a, "q0", Lang::Fr).unwrap();
        assert_eq!(q.title, "Citation d’Emmanuel Macron");
        assert_eq!(de("Wang Yi"), "de Wang Yi");
        assert_eq!(
            q.reasons,
            ["le verbe de parole «\u{a0}déclaré\u{a0}» suit la citation"]
        );
        assert_eq!(q.confidence, Confidence::Sure);
        assert_eq!(q.source, None);
        let qe = explain(text, &a, "q0", Lang::En).unwrap();
        assert_eq!(qe.title, "Quote by Emmanuel Macron");
        let f = explain(text, &a, "f0", Lang::Fr).unwrap();
        assert_eq!(f.title, "Cadre narratif\u{a0}: Hégémonie");
        assert!(f.meaning.is_some_and(|m| m.contains("hégémonisme")));
        assert_eq!(
            f.source.as_deref().map(|s| s.split(':').next().unwrap()),
            Some("frames.tsv")
        );
        let c = explain(text, &a, "c0", Lang::Fr).unwrap();
        assert_eq!(
            c.title,
            "Mise en page écartée\u{a0}: partage et réseaux sociaux"
        );
        assert_eq!(c.text, "Partager");
        assert_eq!(c.source.as_deref(), Some("boilerplate.tsv: partager"));
        assert_eq!(explain(text, &a, "x0", Lang::Fr), None);
        assert_eq!(explain(text, &a, "m999", Lang::Fr), None);
        assert_eq!(explain(text, &a, "", Lang::Fr), None);
        assert_eq!(explain(text, &a, "mé", Lang::Fr), None);
    }

    #[test]
    fn long_sentences_are_cut_around_the_stance() {
        let long = format!(
            "{} la Chine soutient le projet {}.",
            "mot ".repeat(200),
            "fin ".repeat(200)
        );
        let focus = long.find("soutient").unwrap();
        let e = excerpt(&long, focus, 320);
        assert!(e.starts_with("… ") && e.ends_with(" …"), "{e}");
        assert!(e.contains("la Chine soutient le projet"));
        assert!(e.chars().count() <= 330);
        assert_eq!(excerpt("  a\n b  ", 0, 320), "a b");
    }

    #[test]
    fn every_highlight_of_the_corpus_explains_itself_in_plain_words() {
        for text in CORPUS {
            let a = crate::analyze(text);
            for r in rules(&a) {
                assert!(is_known(&r.id), "rule id {:?} has no explanation", r.id);
                if let Some(kind) = r.id.strip_prefix("boilerplate:") {
                    assert!(
                        chrome_detail(Lang::Fr, &r.detail).is_some(),
                        "{kind}: detail {:?} has no words",
                        r.detail
                    );
                }
            }
            for k in keys(&a) {
                for lang in [Lang::Fr, Lang::En] {
                    let x = explain(text, &a, &k, lang).unwrap();
                    assert!(!x.reasons.is_empty(), "{k}: no reason");
                    let what = format!("{k} ({})", x.rule_id);
                    for r in &x.reasons {
                        clean(lang, r, &what);
                    }
                    clean(lang, &x.title, &what);
                    for (l, _) in &x.facts {
                        clean(lang, l, &what);
                    }
                    // The source, when any, is a data file and a line, without its directory.
                    if let Some(s) = &x.source {
                        assert!(
                            s.contains(".tsv") || s.contains(".txt"),
                            "{what}: source {s:?}"
                        );
                        assert!(!s.contains("gazetteer/") && !s.contains("lexicon/"), "{s}");
                    }
                    if k.starts_with('s') {
                        assert!(x.sentence.is_some(), "{what}: no sentence");
                        assert!(x.chain.is_some());
                    }
                }
            }
        }
    }

    #[test]
    fn the_corpus_covers_every_rule() {
        let mut seen = BTreeSet::new();
        for text in CORPUS {
            let a = crate::analyze(text);
            for r in rules(&a) {
                seen.insert(r.id.to_string());
            }
        }
        let mut missing: Vec<String> = all_rule_ids()
            .into_iter()
            .filter(|id| !id.ends_with("+negation") && !seen.contains(id))
            .collect();
        // The card's publisher rules are not highlights (a few only appear on real pages).
        missing.retain(|id| !id.starts_with("publisher:"));
        assert!(missing.is_empty(), "no corpus text uses {missing:?}");
        assert!(seen.iter().any(|id| id.ends_with("+negation")));
    }

    /// The string literals of Rust source `src` outside its tests, with the text right before
    /// and right after each.
    fn literals(src: &str) -> Vec<(&str, &str, &str)> {
        let src = &src[..src.find("#[cfg(test)]\nmod tests").unwrap_or(src.len())];
        let b = src.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                b'\'' => {
                    // A char literal ('"', '\'', 'x'), or a lifetime.
                    if b.get(i + 1) == Some(&b'\\') {
                        i += 2;
                        while i < b.len() && b[i] != b'\'' {
                            i += 1;
                        }
                        i += 1;
                    } else {
                        let c = src[i + 1..].chars().next().map_or(1, char::len_utf8);
                        if b.get(i + 1 + c) == Some(&b'\'') {
                            i += 2 + c;
                        } else {
                            i += 1;
                        }
                    }
                }
                b'"' => {
                    let start = i + 1;
                    let mut j = start;
                    while j < b.len() && b[j] != b'"' {
                        j += if b[j] == b'\\' { 2 } else { 1 };
                    }
                    out.push((&src[..i], &src[start..j], &src[j + 1..]));
                    i = j + 1;
                }
                _ => i += 1,
            }
        }
        out
    }

    #[test]
    fn every_rule_id_in_the_core_source_has_an_explanation() {
        let mut ids: BTreeSet<String> = BTreeSet::new();
        // Entities: the ids of `Why::id`.
        let ent = include_str!("../layers/entities/candidates.rs");
        let a = ent.find("pub fn id(&self)").unwrap();
        let b = a + ent[a..].find("pub fn rule(&self)").unwrap();
        for (before, lit, _) in literals(&ent[a..b]) {
            if before.trim_end().ends_with("=>") {
                ids.insert(lit.to_string());
            }
        }
        assert!(ids.len() >= 10, "{ids:?}");
        // Stances: every holder rule returned as the last item of a tuple
        // (`(vec![m], None, "context")`, `Some((m, "quote-speaker"))`).
        let stance = include_str!("../layers/stance.rs");
        let mut hows = 0;
        for (before, lit, after) in literals(stance) {
            let tuple_end = after.trim_start().trim_start_matches(',').trim_start();
            if before.trim_end().ends_with(',')
                && tuple_end.starts_with(')')
                && !lit.is_empty()
                && lit.bytes().all(|c| c.is_ascii_lowercase() || c == b'-')
            {
                ids.insert(format!("stance:{lit}"));
                hows += 1;
            }
        }
        assert!(hows >= 20, "{hows} holder rules found in stance.rs");
        // Every literal that is a layer's rule id, in every core file.
        let sources = [
            include_str!("../layers/boilerplate.rs"),
            include_str!("../card.rs"),
            include_str!("../layers/dates.rs"),
            include_str!("../layers/quotes.rs"),
            include_str!("../layers/frames.rs"),
            include_str!("../layers/syntax.rs"),
            stance,
            ent,
        ];
        for src in sources {
            for (before, lit, _) in literals(src) {
                let prefixed = ["quote:", "boilerplate:", "frame:", "publisher:"]
                    .iter()
                    .any(|p| lit.starts_with(p) && lit.len() > p.len() && !lit.contains('{'));
                // (Within a `Rule::new(` call: « if cue.weak { "frame:paired" } else { "frame" } ».)
                let bare = matches!(lit, "quote" | "frame" | "date")
                    && before
                        .rfind("Rule::new(")
                        .is_some_and(|k| before.len() - k < 80);
                if prefixed || bare {
                    ids.insert(lit.to_string());
                }
            }
        }
        // `boilerplate:{kind}`: the kinds of the chrome lexicon and of the inline chrome.
        for line in include_str!("../../data/lexicon/boilerplate.tsv").lines() {
            if let Some(kind) = line.split('\t').next().filter(|_| !line.starts_with('#')) {
                if !kind.is_empty() {
                    ids.insert(format!("boilerplate:{kind}"));
                }
            }
        }
        let bp = include_str!("../layers/boilerplate.rs");
        let a = bp.find("fn inline_chrome").unwrap();
        for (before, lit, after) in literals(&bp[a..]) {
            if before.trim_end().ends_with(',')
                && after.starts_with("))")
                && lit.bytes().all(|c| c.is_ascii_lowercase())
            {
                ids.insert(format!("boilerplate:{lit}"));
            }
        }
        let unknown: Vec<&String> = ids.iter().filter(|id| !is_known(id)).collect();
        assert!(
            unknown.is_empty(),
            "rule ids without an explanation: {unknown:?}"
        );
        // And the lists hold nothing the core no longer emits.
        for id in all_rule_ids() {
            let id = id.strip_suffix("+negation").unwrap_or(&id);
            assert!(
                ids.contains(id),
                "{id} is explained but not in the core's source"
            );
        }
    }
}
