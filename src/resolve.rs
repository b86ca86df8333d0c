//! Resolution: the entity table — one entity per (type, canonical name; people by
//! transliteration key), with its role, acronym, gazetteer source and confidence — and every
//! layer's annotations in the schema's terms, pointing at that table (a quote's speaker, a
//! stance's holders: coreference through the mentions).
//!
//! From here on the layers are only read, except that each annotation's `Rule` (and the few
//! strings nothing reads again) is moved into the result rather than cloned.

use crate::fxhash::FxHashMap as HashMap;
use crate::layers::dates::DateAnn;
use crate::layers::entities::{self, EMention};
use crate::layers::frames::FrameAnn;
use crate::layers::quotes::QuoteAnn;
use crate::layers::stance::StanceAnn;
use crate::lexicon;
use crate::schema::*;
use crate::text::doc::{Doc, SpanMapper};

/// The layers resolved against the entity table.
pub(crate) struct Resolved {
    pub(crate) entities: Vec<Entity>,
    pub(crate) mentions: Vec<Mention>,
    /// Per mention of the entity layer: its entity.
    pub(crate) mention_entity: Vec<usize>,
    pub(crate) quotes: Vec<Quote>,
    pub(crate) stances: Vec<Stance>,
    pub(crate) frames: Vec<FrameMention>,
    pub(crate) dates: Vec<DateMention>,
}

impl Resolved {
    /// The name of a stance's holders (`hs`, mention indices): their entities' canonical names
    /// joined by « + », else the holder text, else « ? ».
    pub(crate) fn holder_name(&self, hs: &[usize], ht: &Option<String>) -> String {
        holder_name(&self.entities, &self.mention_entity, hs, ht)
    }
}

fn holder_name(
    entities: &[Entity],
    mention_entity: &[usize],
    hs: &[usize],
    ht: &Option<String>,
) -> String {
    if hs.is_empty() {
        return ht.clone().unwrap_or_else(|| "?".into());
    }
    let mut names: Vec<String> = Vec::new();
    for &h in hs {
        let n = entities[mention_entity[h]].canonical.clone();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.join(" + ")
}

/// Builds the entity table and converts every layer (see the module documentation).
pub(crate) fn resolve(
    doc: &Doc,
    map: &SpanMapper,
    ments: &mut [EMention],
    quotes: &mut [QuoteAnn],
    stances: &mut [StanceAnn],
    frames: &mut [FrameAnn],
    dates: &mut [DateAnn],
) -> Resolved {
    let take = std::mem::take::<Rule>;

    // Entity table: one entity per (type, canonical).
    let mut entities: Vec<Entity> = Vec::new();
    // Per entity type, canonical name → entity index (the name is cloned once per entity).
    let mut key_to_entity: [HashMap<String, usize>; 4] = Default::default();
    let mut mentions: Vec<Mention> = Vec::with_capacity(ments.len());
    let mut mention_entity = Vec::with_capacity(ments.len());
    let lex = lexicon::lexicons();
    for (mi, m) in ments.iter_mut().enumerate() {
        let by_name = &mut key_to_entity[m.etype as usize];
        // People by transliteration key: « Tokaev » and « Tokaïev » are one person.
        let key = if m.etype == EntityType::PER {
            lexicon::translit_key(&m.canonical)
        } else {
            m.canonical.clone()
        };
        let ei = match by_name.get(key.as_str()) {
            Some(&ei) => ei,
            None => {
                entities.push(Entity {
                    canonical: m.canonical.clone(),
                    etype: m.etype,
                    acronym: None,
                    role: None,
                    mentions: Vec::new(),
                    source: m.entry.map(|e| lex.gaz[e].origin.clone()),
                    confidence: Confidence::Guess,
                });
                by_name.insert(key, entities.len() - 1);
                entities.len() - 1
            }
        };
        let surface = doc.slice(m.span);
        let e = &mut entities[ei];
        e.mentions.push(mi);
        e.confidence = e.confidence.min(m.rule.confidence);
        // A name matched to a gazetteer entry is known, whatever rule found this mention.
        if e.source.is_some() {
            e.confidence = Confidence::Sure;
        }
        if e.role.is_none() {
            e.role = m.role.take();
        }
        if m.etype != EntityType::PER
            && surface != e.canonical
            && (surface
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit())
                || entities::is_word_acronym_of(surface, &e.canonical))
            && e.acronym.is_none()
        {
            e.acronym = Some(surface.to_string());
        }
        mention_entity.push(ei);
        mentions.push(Mention {
            span: map.span(m.span),
            text: doc.original_slice(m.span).to_string(),
            etype: m.etype,
            entity: ei,
            rule: take(&mut m.rule),
        });
    }

    let quotes_out: Vec<Quote> = quotes
        .iter_mut()
        .map(|q| Quote {
            span: map.span(q.span),
            text: doc.original_slice(q.span).to_string(),
            speaker: q.speaker.map(|m| mention_entity[m]),
            speaker_text: q.speaker_text.take(),
            rule: take(&mut q.rule),
        })
        .collect();
    let stances_out: Vec<Stance> = stances
        .iter_mut()
        .map(|s| {
            let mut hs: Vec<usize> = s.holders.iter().map(|&m| mention_entity[m]).collect();
            hs.dedup();
            Stance {
                span: map.span(s.span),
                text: doc.original_slice(s.span).to_string(),
                polarity: s.polarity,
                holders: hs,
                holder_text: s
                    .holder_text
                    .clone()
                    .or_else(|| Some(holder_name(&entities, &mention_entity, &s.holders, &None)))
                    .filter(|t| t != "?"),
                target: s.target.clone(),
                rule: take(&mut s.rule),
            }
        })
        .collect();
    let frames_out: Vec<FrameMention> = frames
        .iter_mut()
        .map(|f| FrameMention {
            span: map.span(f.span),
            text: doc.original_slice(f.span).to_string(),
            frame: f.frame.clone(),
            rule: take(&mut f.rule),
        })
        .collect();
    let dates_out: Vec<DateMention> = dates
        .iter_mut()
        .map(|d| DateMention {
            span: map.span(d.span),
            text: doc.original_slice(d.span).to_string(),
            iso: d.iso(),
            rule: take(&mut d.rule),
        })
        .collect();
    Resolved {
        entities,
        mentions,
        mention_entity,
        quotes: quotes_out,
        stances: stances_out,
        frames: frames_out,
        dates: dates_out,
    }
}
