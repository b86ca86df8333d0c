//! Narrative frames from the frame lexicon `data/lexicon/frames.tsv` (« forces extérieures »,
//! « révolution de couleur », « hégémonie »…): a cue inside a name is part of the name, a weak
//! cue (« stabilité ») counts only beside another cue of its frame, and an enumeration of one
//! frame's words is one frame.
//!
//! Invariants: spans are on token boundaries, outside boilerplate, sorted and non-overlapping.

use crate::layers::entities::EMention;
use crate::layers::stance::is_enumeration_word;
use crate::lexicon::lexicons;
use crate::schema::Rule;
use crate::text::doc::{Doc, NSpan};

#[derive(Debug, Clone)]
pub struct FrameAnn {
    pub span: NSpan,
    pub frame: String,
    pub rule: Rule,
}

/// Whether a cue of frame `other` in the sentence lets a weak cue of frame `weak` count: its own
/// frame, interference and sovereignty for each other, which name the two sides of one claim
/// (« n'ont pas le droit d'intervenir » beside « affaires intérieures », « immixtion » beside
/// « affaires internes »), a branding as terrorists for a weak word of unrest, and security
/// language for a weak euphemism.
fn supports(weak: &str, other: &str, other_weak: bool) -> bool {
    const PAIR: [&str; 2] = ["foreign_interference", "sovereignty"];
    weak == other
        || (PAIR.contains(&weak) && PAIR.contains(&other))
        // Rioters and unrest become the order narrative when their authors are branded
        // terrorists (« qualifié les émeutiers de bandits et de terroristes »), not beside a
        // mere mention of terrorism.
        || (weak == "stability_order" && other == "three_evils" && !other_weak)
        // A plain-looking official name (« centres de formation professionnelle ») becomes the
        // euphemism beside the security language it serves (« éradiquer l'extrémisme »).
        || (weak == "euphemism" && other == "three_evils")
}

/// Whether two cue spans (token ranges) share a content word, its plural aside (« attentat
/// terroriste » / « infraction terroriste », « les Occidentaux » twice); words of four letters or
/// fewer (articles, prepositions) are ignored, and kin words (« l'Occident » / « occidentales »)
/// differ.
fn shares_stem(doc: &Doc, a: (usize, usize), b: (usize, usize)) -> bool {
    fn key(w: &str) -> Option<&str> {
        (w.chars().count() >= 5).then(|| w.strip_suffix('s').unwrap_or(w))
    }
    (a.0..a.1).any(|i| {
        key(doc.tok_lower(i)).is_some_and(|x| (b.0..b.1).any(|j| key(doc.tok_lower(j)) == Some(x)))
    })
}

/// The reserved frame id of `frames.tsv` rows that are no frame (see `data/lexicon/README.md`).
const NOT_A_FRAME: &str = "not_a_frame";

/// Frame cues; a cue that overlaps a named entity (« Organisation de coopération de Shanghai »)
/// is a name, not a frame.
// Out of line (one call per document) so that instruction profiles show the stage.
#[inline(never)]
pub fn find_frames(doc: &Doc, ms: &[EMention]) -> Vec<FrameAnn> {
    let lex = lexicons();
    let mut out: Vec<FrameAnn> = Vec::new();
    for s in &doc.seg.sentences {
        if doc.boilerplate_blocks[s.block] {
            continue;
        }
        let hits: Vec<_> = lex
            .frames
            .find_all(doc, s.tokens.start, s.tokens.end)
            .into_iter()
            .filter(|h| !doc.tok_in_boilerplate(h.start))
            // A technical, economic or weather use (« pacte de stabilité », « instabilité
            // orageuse »), matched as the longest cue, hides the frame word inside it.
            .filter(|h| lex.frames.entries[h.entry].0.frame != NOT_A_FRAME)
            // A cue that starts inside a name is part of the name (« Organisation de
            // coopération de Shanghai »); a name inside a cue is not (« une seule Chine »).
            .filter(|h| {
                let span = doc.tspan(h.start, h.end);
                let k = ms.partition_point(|m| m.span.end <= span.start);
                // A capitalised run that the gazetteer does not know and that the cue covers
                // whole (« Ingérence Étrangère » in a title) is the cue, not a name.
                !ms.get(k).is_some_and(|m| {
                    m.span.start <= span.start
                        && m.span.overlaps(&span)
                        && !(m.entry.is_none()
                            && m.span.start == span.start
                            && m.span.end <= span.end)
                })
            })
            .collect();
        // Token end of the last frame pushed in this sentence.
        let mut last_end: Option<usize> = None;
        let mut last_weak = false;
        for h in &hits {
            let (cue, pattern, origin) = &lex.frames.entries[h.entry];
            // Weak evidence alone (« terrorisme », « stabilité »): only beside another cue of the
            // same frame (« le terrorisme, le séparatisme et l'extrémisme ») or of its sister frame
            // (see `supports`).
            // A repetition of the same word (« attentat terroriste … infraction terroriste »,
            // « les Occidentaux … les Occidentaux ») is one piece of evidence, not two.
            if cue.weak
                && !hits.iter().any(|o| {
                    o != h
                        && supports(&cue.frame, &lex.frames.entries[o.entry].0.frame, {
                            lex.frames.entries[o.entry].0.weak
                        })
                        && !shares_stem(doc, (h.start, h.end), (o.start, o.end))
                })
            {
                continue;
            }
            // An enumeration of one frame's words that leans on a weak word is one frame (« le
            // terrorisme, le séparatisme et l'extrémisme », « la souveraineté, l'indépendance et
            // l'intégrité territoriale »); strong words side by side stay apart unless they touch.
            if let (Some(e), Some(prev)) = (last_end, out.last_mut()) {
                // A comparative that touches a cue of its frame qualifies it: one phrase
                // (« système de gouvernance mondiale » + « plus juste et plus équitable »).
                let touching = e == h.start && doc.tok_lower(h.start) == "plus";
                if prev.frame == cue.frame
                    && e <= h.start
                    && (touching
                        || (cue.weak || last_weak)
                            && h.start - e <= 4
                            && (e..h.start).all(|k| is_enumeration_word(doc.tok_lower(k))))
                {
                    prev.span.end = doc.tspan(h.start, h.end).end;
                    last_end = Some(h.end);
                    last_weak = cue.weak;
                    continue;
                }
            }
            last_end = Some(h.end);
            last_weak = cue.weak;
            out.push(FrameAnn {
                span: doc.tspan(h.start, h.end),
                frame: cue.frame.clone(),
                rule: Rule::new(
                    if cue.weak { "frame:paired" } else { "frame" },
                    [origin, ": ", pattern].concat(),
                ),
            });
        }
    }
    out
}
