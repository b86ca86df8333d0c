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
/// « affaires internes »), a branding as terrorists for a weak word of unrest, security
/// language for a weak euphemism, an outside hand and unrest for each other, and a war aim for
/// a weak « néonazi ».
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
        // Unrest blamed on outsiders is the order narrative (« les émeutiers, manipulés par des
        // services étrangers », « l'ingérence étrangère menace la stabilité du pays »), and an
        // outside hand beside unrest is interference (« entraînés à l'étranger » beside
        // « fomenter des troubles »).
        || (weak == "stability_order" && other == "foreign_interference" && !other_weak)
        || (weak == "foreign_interference" && other == "stability_order" && !other_weak)
        // « néonazis » beside the war aims that name them (« dénazification »).
        || (weak == "historical_legitimacy" && other == "euphemism" && !other_weak)
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

#[cfg(test)]
mod tests {
    /// (text, frame) of every frame found in `text`.
    fn frames(text: &str) -> Vec<(String, String)> {
        crate::analyze(text)
            .frames
            .into_iter()
            .map(|f| (f.text, f.frame))
            .collect()
    }

    /// Is `cue` found in `text` with `frame`? (Panics with every frame found if not.)
    #[track_caller]
    fn assert_frame(text: &str, cue: &str, frame: &str) {
        let found = frames(text);
        assert!(
            found.iter().any(|(t, f)| t == cue && f == frame),
            "« {cue} » {frame}: {found:?}"
        );
    }

    #[test]
    fn unrest_blamed_on_outsiders_lets_a_weak_word_of_unrest_count() {
        let t =
            "Les émeutiers, manipulés par des services étrangers, ont pillé un dépôt de la ville.";
        assert_frame(t, "émeutiers", "stability_order");
        assert_frame(
            t,
            "manipulés par des services étrangers",
            "foreign_interference",
        );
        // The weak word alone stays out, and so does a weak outside hand beside it.
        let t = "Les émeutiers ont pillé un dépôt de la ville dans la nuit de samedi.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
        let t =
            "Les émeutiers, dont plusieurs entraînés à l'étranger selon la police, ont été jugés.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn a_weak_outside_hand_counts_beside_unrest() {
        let t =
            "Des agitateurs entraînés à l'étranger cherchent à fomenter des troubles dans le pays.";
        assert_frame(t, "entraînés à l'étranger", "foreign_interference");
        let t = "La gymnaste Ilona Varek, entraînée à l'étranger depuis ses douze ans, a remporté l'or.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn neo_nazi_counts_beside_a_war_aim_or_when_it_brands_a_state() {
        let t = "La dénazification vise les néonazis qui terrorisent la population, selon Moscou.";
        assert_frame(t, "néonazis", "historical_legitimacy");
        let t = "Le régime néonazi de Kiev bombarde les villes du Donbass, a affirmé la diplomate.";
        assert_frame(t, "régime néonazi", "historical_legitimacy");
        // A real extreme-right group in a court report stays plain news.
        let t = "Trois militants néonazis ont été condamnés par le tribunal correctionnel de Metz.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn bloc_politics_and_extra_regional_powers() {
        let t = "Pékin s'oppose à la politique de bloc menée par des puissances extrarégionales.";
        assert_frame(t, "politique de bloc", "hegemony");
        assert_frame(t, "puissances extrarégionales", "foreign_interference");
        // A block of flats, a political bloc in parliament: no frame.
        let t = "Le bloc de gauche a voté contre la réforme, tandis que le camp présidentiel s'est abstenu.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn sanctions_branded_cruel_and_unfriendly_countries() {
        let t = "Téhéran dénonce les sanctions tyranniques imposées par les pays inamicaux.";
        assert_frame(t, "sanctions tyranniques", "hegemony");
        assert_frame(t, "pays inamicaux", "anti_west");
        let t = "L'Union européenne a adopté de nouvelles sanctions contre trois armateurs.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn works_and_power_grids_are_no_chaos_nor_destabilisation() {
        for t in [
            "Les riverains dénoncent le chaos des travaux sur la rue principale depuis mars.",
            "La vague de froid a déstabilisé le réseau électrique pendant deux jours.",
        ] {
            assert!(frames(t).is_empty(), "{t}: {:?}", frames(t));
        }
        let t = "Des forces étrangères cherchent à semer le chaos et à déstabiliser le pays.";
        assert_frame(t, "semer le chaos", "stability_order");
    }

    #[test]
    fn algerian_official_wording() {
        let t = "Des lobbies hostiles à l'Algérie tentent de ternir l'image du pays, selon le ministre.";
        assert_frame(t, "lobbies hostiles", "foreign_interference");
        let t =
            "Le peuple reste fidèle au message des martyrs de la glorieuse guerre de libération.";
        assert_frame(t, "message des martyrs", "historical_legitimacy");
        // A lobby of farmers is not a hostile circle.
        let t = "Le lobby des céréaliers a obtenu une baisse de la taxe sur les engrais.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn a_state_declared_sovereign_and_nobody_dictating_its_policy() {
        let t = "Le Plateau demeure souverain dans ses décisions et personne ne peut lui dicter sa politique, a dit le ministre.";
        assert_frame(t, "demeure souverain", "sovereignty");
        assert_frame(t, "dicter sa politique", "sovereignty");
        // The hegemon dictating its law to others stays hegemony; a chef's recipes are no frame.
        let t =
            "Washington veut dicter sa conduite aux autres pays de la région, selon le ministre.";
        assert_frame(t, "dicter sa conduite aux autres", "hegemony");
        let t = "Le chef dicte ses recettes à la brigade chaque matin.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn colonialism_renewed_and_a_backyard() {
        let t = "Un nouveau colonialisme se met en place et le continent reste le pré carré français, estime l'expert.";
        assert_frame(t, "nouveau colonialisme", "hegemony");
        assert_frame(t, "pré carré français", "hegemony");
    }

    #[test]
    fn intervenir_taking_place_and_the_monarch_are_no_frames() {
        // « intervient dans le cadre » is « takes place »; beside « souveraineté » it stays out.
        let t = "Cette décision intervient dans le cadre de la réforme, alors que la souveraineté du pays est en jeu.";
        assert!(
            !frames(t).iter().any(|(c, _)| c.starts_with("intervient")),
            "{:?}",
            frames(t)
        );
        assert_frame(t, "souveraineté", "sovereignty");
        // « le Souverain » is the king, not the sovereignty frame.
        let t =
            "La lettre adressée au Souverain évoque la souveraineté du Royaume sur ses provinces.";
        assert!(
            !frames(t).iter().any(|(c, _)| c == "Souverain"),
            "{:?}",
            frames(t)
        );
        // Foreign powers intervening in a country's affairs still count.
        let t = "Les puissances étrangères n'ont pas le droit d'intervenir dans les affaires de notre pays.";
        assert!(
            frames(t).iter().any(|(_, f)| f == "foreign_interference"),
            "{:?}",
            frames(t)
        );
    }

    #[test]
    fn taiwan_independence_stability_maintenance_and_overstretched_security() {
        let t = "Le porte-parole a mis en garde les forces séparatistes de l'indépendance de Taiwan contre toute provocation.";
        assert!(
            frames(t)
                .iter()
                .any(|(c, f)| c.contains("indépendance de Taiwan") && f == "three_evils"),
            "{:?}",
            frames(t)
        );
        let t = "La province a poursuivi la lutte contre le terrorisme et le maintien de la stabilité, selon le document.";
        assert_frame(t, "maintien de la stabilité", "stability_order");
        let t = "Nous demandons à Washington de cesser d'étendre à l'excès le concept de sécurité et sa propagande sur la soi-disant menace chinoise.";
        assert_frame(
            t,
            "étendre à l'excès le concept de sécurité",
            "politicization",
        );
        assert_frame(t, "soi-disant menace chinoise", "politicization");
        // A country's independence day is no separatism; the stability of a bridge is no frame.
        let t = "Le pays a fêté samedi le jour de son indépendance par un défilé dans la capitale.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn western_backing_sovereign_rights_and_no_lessons() {
        let t =
            "Les médias soutenus par l'Occident ont exploité l'incident, selon le porte-parole.";
        assert_frame(t, "soutenus par l'Occident", "foreign_interference");
        let t = "Le pays n'est pas prêt à recevoir des leçons de qui que ce soit, a souligné le ministre.";
        assert_frame(t, "recevoir des leçons de qui que ce soit", "anti_west");
        let t =
            "L'accord repose sur la reconnaissance des droits souverains du Royaume sur ses côtes.";
        assert_frame(t, "droits souverains", "sovereignty");
        // A student taking lessons is no frame.
        let t = "Elle va recevoir des leçons de piano chaque mardi au conservatoire.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn colonial_habits_monopoly_and_blocs() {
        let t = "L'Occident veut vivre en prélevant sa rente coloniale et garder le monopole de l'Occident sur les affaires du monde, selon le ministre.";
        assert_frame(t, "rente coloniale", "hegemony");
        assert_frame(t, "monopole de l'Occident", "hegemony");
        let t = "Le ministre souhaite que le nouvel ordre évite une division entre blocs.";
        assert_frame(t, "division entre blocs", "hegemony");
        // A colonial house in a museum, a division of a company are no frames.
        let t = "La maison coloniale abrite un musée et la division des ventes a déménagé.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
    }

    #[test]
    fn the_countries_of_the_global_south_are_a_place_not_a_frame() {
        // « Sud global » is a name (a place of the gazetteer): « les pays du Sud global » names
        // countries; the call for their voice or a multipolar world is the frame.
        let t =
            "Les pays du Sud global se sont réunis mardi pour discuter du commerce des céréales.";
        assert!(frames(t).is_empty(), "{:?}", frames(t));
        let t = "Les pays du Sud global appellent à un monde multipolaire, a dit le ministre.";
        assert_frame(t, "monde multipolaire", "multipolarity");
    }
}
