//! The one versioned JSON result schema shared by the CLI, the web UI, exports and the iframe API.
//!
//! Invariants (checked by tests):
//! - every [`Span`] lies inside the *original* input text, on `char` boundaries, with
//!   `start <= end`; `start`/`end` are UTF-8 byte offsets, `start16`/`end16` the same positions in
//!   UTF-16 code units (what JavaScript's `String.prototype.slice` expects);
//! - every layer vector is sorted by `(start, end)`;
//! - every `entity` index in a [`Mention`], a [`Quote`] speaker or a [`Stance`] holder is a valid
//!   index into [`Analysis::entities`];
//! - the schema id changes whenever a field is removed or its meaning changes (fields may be added).

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Identifier of this schema; bumped on any breaking change.
pub const SCHEMA: &str = "loupe.analysis/1";

/// A half-open range of the original text, in UTF-8 bytes and in UTF-16 code units.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub start16: usize,
    pub end16: usize,
}

/// How sure Loupe is of an annotation, from the rule that made it (see [`Confidence::of`]):
/// `sure` — a gazetteer entry, a defined acronym, a speaker named by the speech verb of the
/// quote's own sentence; `likely` — a lexicon cue with its grammatical subject, a name typed by
/// its title, most page-chrome rules; `guess` — a capitalised word typed by context, a speaker
/// or holder carried over from earlier sentences, a stance with no holder found.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Sure,
    #[default]
    Likely,
    Guess,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Sure => "sure",
            Confidence::Likely => "likely",
            Confidence::Guess => "guess",
        }
    }

    /// The confidence class of a rule id: one table for every layer (documented in the README,
    /// « Confidence »). Unknown ids are `likely`.
    pub fn of(rule_id: &str) -> Confidence {
        // A negation changes the polarity's evidence, not the holder's.
        let id = rule_id.strip_suffix("+negation").unwrap_or(rule_id);
        match id {
            // Entities.
            "gazetteer" | "acronym-def" => Confidence::Sure,
            "caps" | "event-noun" => Confidence::Guess,
            // Quotes: the speaker named in the quote's own sentence, or none claimed.
            "quote:verb-after" | "quote:verb-before" | "quote:transcript" => Confidence::Sure,
            "quote:context" | "quote:continuation" | "quote:previous" => Confidence::Guess,
            // Stances: the holder carried over, or not found.
            "stance:context"
            | "stance:quote-nearby"
            | "stance:evaluation"
            | "stance:none"
            | "stance:sentence-subject" => Confidence::Guess,
            // Frames kept only because a second cue stands beside them.
            "frame:paired" => Confidence::Guess,
            "boilerplate:duplicate" | "date" => Confidence::Sure,
            _ => Confidence::Likely,
        }
    }
}

/// Why an annotation exists: the layer, the rule id and (for lexicon hits) the entry that fired,
/// and how sure that makes Loupe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Rule {
    /// A stable rule identifier, e.g. `gazetteer`, `title+name`, `dateline`.
    pub id: Cow<'static, str>,
    /// Human-readable detail: the data file and entry, or the pattern description.
    pub detail: Cow<'static, str>,
    /// The rule's confidence class ([`Confidence::of`] its id).
    #[serde(default)]
    pub confidence: Confidence,
}

impl Rule {
    /// Rule ids and many details are string literals: they are borrowed, not copied, so a
    /// document with half a million annotations does not allocate a million small strings.
    /// (Serialised as plain strings either way.)
    pub fn new(id: impl Into<Cow<'static, str>>, detail: impl Into<Cow<'static, str>>) -> Self {
        let id = id.into();
        Rule {
            confidence: Confidence::of(&id),
            id,
            detail: detail.into(),
        }
    }
}

/// Entity types, as in the evaluation data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    PER,
    ORG,
    LOC,
    MISC,
}

impl EntityType {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::ORG => "ORG",
            EntityType::LOC => "LOC",
            EntityType::MISC => "MISC",
        }
    }
}

/// Kind of a block (one line or paragraph of the input).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Title,
    Dateline,
    Paragraph,
    Caption,
    Boilerplate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub span: Span,
    pub kind: BlockKind,
    /// Set for boilerplate blocks: why it was set aside.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<Rule>,
}

/// A part of the page set aside as chrome (a whole block, or a segment such as a keyword tail).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoilerplateSpan {
    pub span: Span,
    pub rule: Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index of the block holding the sentence.
    pub block: usize,
}

/// One mention of a named entity in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// Index into [`Analysis::entities`].
    pub entity: usize,
    pub rule: Rule,
}

/// A real-world entity: all mentions resolved to one canonical name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub canonical: String,
    #[serde(rename = "type")]
    pub etype: EntityType,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Indices into [`Analysis::mentions`], in text order.
    pub mentions: Vec<usize>,
    /// Gazetteer entry the entity was matched to, if any (e.g. `people.tsv: Wang Yi`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// How sure Loupe is of it: the best confidence of its evidence ([`Confidence`]).
    #[serde(default)]
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    pub text: String,
    /// ISO 8601 form where resolvable: `2022-01-12`, `2022-01`, `2022`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    pub rule: Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub span: Span,
    pub text: String,
    /// Speaker entity, when resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<usize>,
    /// Speaker as written or resolved (also set for unnamed speakers such as « le communiqué »).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker_text: Option<String>,
    pub rule: Rule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Support,
    Oppose,
    Accuse,
    Commit,
    Concern,
    Praise,
}

impl Polarity {
    pub fn as_str(self) -> &'static str {
        match self {
            Polarity::Support => "support",
            Polarity::Oppose => "oppose",
            Polarity::Accuse => "accuse",
            Polarity::Commit => "commit",
            Polarity::Concern => "concern",
            Polarity::Praise => "praise",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    /// The stance cue phrase.
    pub span: Span,
    pub text: String,
    pub polarity: Polarity,
    /// Holder entities (one or more: « la Chine et la Russie »).
    pub holders: Vec<usize>,
    /// Holder as written when not resolved to an entity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holder_text: Option<String>,
    /// What the stance is about: the words following the cue up to the end of the clause.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub rule: Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameMention {
    pub span: Span,
    pub text: String,
    pub frame: String,
    pub rule: Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Publisher {
    pub name: String,
    /// True when the outlet is publicly known to be state-owned or state-controlled.
    pub state_affiliated: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub rule: Rule,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CardPerson {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub entity: usize,
    pub mentions: usize,
    /// How sure Loupe is of it: the best confidence of its evidence ([`Confidence`]).
    #[serde(default)]
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CardOrg {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    pub entity: usize,
    pub mentions: usize,
    /// How sure Loupe is of it: the best confidence of its evidence ([`Confidence`]).
    #[serde(default)]
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct CardPlace {
    pub name: String,
    pub entity: usize,
    pub mentions: usize,
    /// How sure Loupe is of it: the best confidence of its evidence ([`Confidence`]).
    #[serde(default)]
    pub confidence: Confidence,
}

/// One cell of the stance matrix: holder × target with a polarity and how often it occurs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceCell {
    pub holder: String,
    pub polarity: Polarity,
    pub target: String,
    pub count: usize,
    /// Indices into [`Analysis::stances`].
    pub stances: Vec<usize>,
    /// How sure Loupe is of it: the best confidence of its evidence ([`Confidence`]).
    #[serde(default)]
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardQuote {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// Index into [`Analysis::quotes`].
    pub quote: usize,
    /// How sure Loupe is of it: the best confidence of its evidence ([`Confidence`]).
    #[serde(default)]
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameCount {
    pub frame: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    pub text: String,
    /// Index into [`Analysis::sentences`].
    pub sentence: usize,
}

/// The summary card, built only from the layers above.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Card {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<Publisher>,
    /// Publication date, ISO 8601 where resolvable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub people: Vec<CardPerson>,
    pub organizations: Vec<CardOrg>,
    pub places: Vec<CardPlace>,
    pub stance_matrix: Vec<StanceCell>,
    pub quotes: Vec<CardQuote>,
    pub frames: Vec<FrameCount>,
    pub summary: Vec<SummarySentence>,
    pub words: usize,
    /// Reading time in minutes at 230 words per minute, at least 1 for a non-empty text.
    pub reading_minutes: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Stats {
    pub bytes: usize,
    pub utf16: usize,
    pub chars: usize,
    pub blocks: usize,
    pub sentences: usize,
    pub tokens: usize,
    /// Number of characters changed by normalisation (apostrophes, spaces, line endings…).
    pub normalized_chars: usize,
    /// The text's language as a cheap check of function words sees it (`crate::text::lang::guess`):
    /// `fr`, `en`, `de`, `es`, `it`, `pt`, or `und` when too short or mixed to tell. Loupe reads
    /// French; the page says so when this is another language.
    #[serde(default)]
    pub language: String,
}

/// The complete result for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: String,
    pub generator: String,
    pub stats: Stats,
    pub blocks: Vec<Block>,
    /// Everything set aside as page chrome, sorted.
    pub boilerplate: Vec<BoilerplateSpan>,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<Quote>,
    pub stances: Vec<Stance>,
    pub frames: Vec<FrameMention>,
    pub card: Card,
    /// Present when only a prefix of the text was analysed ([`crate::analyze_limited`]): every
    /// span then lies inside `0..truncated.analysed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truncated: Option<Truncation>,
}

/// How much of a long text was analysed by [`crate::analyze_limited`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Truncation {
    /// The analysed prefix `0..analysed.end` of the original text (a whole number of blocks or
    /// sentences when possible).
    pub analysed: Span,
    /// Length of the whole original text in UTF-8 bytes.
    pub total_bytes: usize,
    /// Length of the whole original text in UTF-16 code units.
    pub total_utf16: usize,
}

impl Analysis {
    /// Pretty JSON (the CLI's output and the UI's download).
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("Analysis is always serialisable")
    }
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("Analysis is always serialisable")
    }
}

/// The highlight layers of an analysis: the one vocabulary of the page's layer toggles, its CSS
/// ids (`#layer-per`, `.hide-per`, [`Layer::selector`]) and of the embed protocol's
/// `options.layers` (each layer belongs to one [`LayerGroup`]: `entities`, `dates`…).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Layer {
    Per,
    Org,
    Loc,
    Misc,
    Date,
    Quote,
    Stance,
    Frame,
    Chrome,
}

impl Layer {
    pub const ALL: [Layer; 9] = [
        Layer::Per,
        Layer::Org,
        Layer::Loc,
        Layer::Misc,
        Layer::Date,
        Layer::Quote,
        Layer::Stance,
        Layer::Frame,
        Layer::Chrome,
    ];
    /// Short id, used in CSS classes (`hide-per`), element ids (`layer-per`) and test ids.
    pub fn id(self) -> &'static str {
        match self {
            Layer::Per => "per",
            Layer::Org => "org",
            Layer::Loc => "loc",
            Layer::Misc => "misc",
            Layer::Date => "date",
            Layer::Quote => "quote",
            Layer::Stance => "stance",
            Layer::Frame => "frame",
            Layer::Chrome => "chrome",
        }
    }
    /// CSS selector of the highlights of this layer inside the highlighted view.
    pub fn selector(self) -> &'static str {
        match self {
            Layer::Per => "mark.ent-PER",
            Layer::Org => "mark.ent-ORG",
            Layer::Loc => "mark.ent-LOC",
            Layer::Misc => "mark.ent-MISC",
            Layer::Date => "mark.ent-DATE",
            Layer::Quote => "q.quote",
            Layer::Stance => ".stance",
            Layer::Frame => ".frame",
            Layer::Chrome => ".chrome",
        }
    }
    /// The layer of an entity type's mentions.
    pub fn of_type(t: EntityType) -> Layer {
        match t {
            EntityType::PER => Layer::Per,
            EntityType::ORG => Layer::Org,
            EntityType::LOC => Layer::Loc,
            EntityType::MISC => Layer::Misc,
        }
    }
    /// The protocol's group of this layer.
    pub fn group(self) -> LayerGroup {
        match self {
            Layer::Per | Layer::Org | Layer::Loc | Layer::Misc => LayerGroup::Entities,
            Layer::Date => LayerGroup::Dates,
            Layer::Quote => LayerGroup::Quotes,
            Layer::Stance => LayerGroup::Stances,
            Layer::Frame => LayerGroup::Frames,
            Layer::Chrome => LayerGroup::Boilerplate,
        }
    }
}

/// A group of [`Layer`]s as the embed protocol names them (`options.layers`), one per layer of
/// the JSON result (`entities`, `dates`, `quotes`, `stances`, `frames`, `boilerplate`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LayerGroup {
    Entities,
    Dates,
    Quotes,
    Stances,
    Frames,
    Boilerplate,
}

impl LayerGroup {
    /// Every group, in documentation order.
    pub const ALL: [LayerGroup; 6] = [
        LayerGroup::Entities,
        LayerGroup::Dates,
        LayerGroup::Quotes,
        LayerGroup::Stances,
        LayerGroup::Frames,
        LayerGroup::Boilerplate,
    ];

    /// The group's name in messages and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            LayerGroup::Entities => "entities",
            LayerGroup::Dates => "dates",
            LayerGroup::Quotes => "quotes",
            LayerGroup::Stances => "stances",
            LayerGroup::Frames => "frames",
            LayerGroup::Boilerplate => "boilerplate",
        }
    }

    pub fn from_name(s: &str) -> Option<LayerGroup> {
        LayerGroup::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// The layers of the group, in [`Layer::ALL`] order.
    pub fn layers(self) -> impl Iterator<Item = Layer> {
        Layer::ALL.into_iter().filter(move |l| l.group() == self)
    }
}

#[cfg(test)]
mod layer_tests {
    use super::{Layer, LayerGroup};

    #[test]
    fn every_layer_is_in_one_group_and_groups_cover_all() {
        let n: usize = LayerGroup::ALL.iter().map(|g| g.layers().count()).sum();
        assert_eq!(n, Layer::ALL.len());
        for g in LayerGroup::ALL {
            assert!(g.layers().count() >= 1);
            assert_eq!(LayerGroup::from_name(g.as_str()), Some(g));
        }
        let ids: Vec<&str> = LayerGroup::Entities.layers().map(Layer::id).collect();
        assert_eq!(ids, ["per", "org", "loc", "misc"]);
    }

    /// The stylesheet hides every layer by its id (`.hide-per mark.ent-PER`) and styles every
    /// toggle (`.layer-per`).
    #[test]
    fn the_stylesheet_knows_every_layer() {
        let css = include_str!("../www/style.css");
        for l in Layer::ALL {
            let hide = format!(".hide-{} {}", l.id(), l.selector());
            assert!(css.contains(&hide), "www/style.css has no `{hide}`");
            let toggle = format!(".layer-{} ", l.id());
            assert!(css.contains(&toggle), "www/style.css has no `{toggle}`");
        }
    }
}
