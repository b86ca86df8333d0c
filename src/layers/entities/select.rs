//! The selection: of the overlapping candidates, the longest first in two tiers (rules that
//! know a name before those that guess one); then the kept names' short forms, roles and
//! transliteration variants, as mentions sorted by position.

use super::candidates::*;
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::lexicon::{class, lexicons, translit_key};
use crate::schema::EntityType;
use crate::text::doc::{Doc, NSpan};

fn cand_span(doc: &Doc, c: &Cand) -> NSpan {
    c.sub.unwrap_or_else(|| doc.tspan(c.a, c.b))
}

/// Greedy selection: longest first (in tokens), then priority; no two selected spans overlap.
/// Two tiers: names backed by data or a strong pattern first; capitalisation guesses (`caps`,
/// bare acronyms) only fill the gaps. Equal keys keep the candidates' order. Returns the chosen
/// candidates in text order.
///
/// A candidate can only clash with one that shares a token, so the greedy order is followed
/// within each group of candidates linked by shared tokens (groups are disjoint token ranges,
/// mostly of one or two candidates): the same choices as one pass over all candidates in that
/// order, without sorting them all.
fn select<'d>(doc: &Doc, cands: &[Cand<'d>]) -> Vec<Cand<'d>> {
    let spans: Vec<NSpan> = cands.iter().map(|c| cand_span(doc, c)).collect();
    let key = |i: usize| {
        let (c, sp) = (&cands[i], spans[i]);
        (
            c.prio <= 2,
            std::cmp::Reverse(c.b - c.a),
            std::cmp::Reverse(sp.end - sp.start),
            std::cmp::Reverse(c.prio),
            c.a,
            i,
        )
    };
    // Candidates by first token (each generator emits them in token order: a cheap merge).
    let mut by_start: Vec<usize> = (0..cands.len()).collect();
    by_start.sort_by_key(|&i| cands[i].a);
    // Tokens wholly taken, and the parts of compound tokens taken by sub-token mentions.
    let mut full = TokSet::new(doc.tokens().len());
    let mut parts: HashMap<usize, Vec<NSpan>> = HashMap::default();
    let mut out = Vec::new();
    let mut group = Vec::new();
    let mut chosen: Vec<(usize, usize, usize)> = Vec::new();
    let mut g = 0;
    while g < by_start.len() {
        let mut end = cands[by_start[g]].b;
        let mut h = g + 1;
        while h < by_start.len() && cands[by_start[h]].a < end {
            end = end.max(cands[by_start[h]].b);
            h += 1;
        }
        group.clear();
        group.extend(by_start[g..h].iter().map(|&i| key(i)));
        // The index is part of the key: an unstable sort gives the stable order.
        group.sort_unstable();
        chosen.clear();
        for &(.., i) in &group {
            let (c, sp) = (&cands[i], spans[i]);
            let clash = (c.a..c.b).any(|k| {
                full.contains(k)
                    || (!parts.is_empty()
                        && parts
                            .get(&k)
                            .is_some_and(|v| v.iter().any(|u| u.overlaps(&sp))))
            });
            if clash {
                continue;
            }
            if c.sub.is_some() {
                for k in c.a..c.b {
                    parts.entry(k).or_default().push(sp);
                }
            } else {
                full.insert_range(c.a..c.b);
            }
            chosen.push((c.a, sp.start, i));
        }
        // No two chosen candidates share (a, span start): they would overlap.
        chosen.sort_unstable_by_key(|&(a, start, _)| (a, start));
        out.extend(chosen.iter().map(|&(.., i)| cands[i]));
        g = h;
    }
    out
}

/// Finds, selects and resolves entity mentions.
pub fn find(doc: &Doc, date_tokens: &HashSet<usize>) -> Vec<EMention> {
    let lex = lexicons();
    let n = doc.tokens().len();
    let first = first_words(doc);
    let mut cands = Vec::new();
    // Guessing rules never claim date tokens (« Vendredi », « Mars »).
    let mut dates = TokSet::new(n);
    for &k in date_tokens.iter().filter(|&&k| k < n) {
        dates.insert_range(k..k + 1);
    }
    let mut roles = TokSet::new(n);
    add_gazetteer(doc, &first, &mut cands);
    add_contracted_media(doc, &mut cands);
    let known = KnownNames::new(&cands);
    add_acronym_definitions(doc, &mut cands);
    add_titles(doc, &known, &mut roles, &mut cands);
    add_ministries(doc, &mut cands);
    add_heads(doc, &first, &known, &roles, &dates, &mut cands);
    add_event_names(doc, &mut cands);
    add_streets(doc, &first, &mut cands);
    add_typed_names(doc, &mut cands);
    add_affiliations(doc, &known, &mut cands);
    add_firstnames_and_caps(doc, &first, &known, &roles, &mut cands);
    cands.retain(|c| c.prio >= 5 || !dates.any_in(c.a..c.b));
    let mut sel = select(doc, &cands);
    // People found by a rule whose name the gazetteer knows, maybe in another transliteration
    // (« le président Kassym-Jomart Tokaev » → Kassym-Jomart Tokaïev).
    for c in sel.iter_mut() {
        if c.etype == EntityType::PER && c.canonical.is_none() && c.b - c.a >= 2 {
            let surface = doc.slice(cand_span(doc, c));
            let e = lex
                .by_form
                .get(&surface.to_lowercase())
                .and_then(|v| {
                    v.iter()
                        .copied()
                        .find(|&g| lex.gaz[g].etype == EntityType::PER)
                })
                .or_else(|| lex.person_key.get(&translit_key(surface)).copied());
            if let Some(e) = e {
                c.canonical = Some(&lex.gaz[e].canonical);
                c.entry = Some(e);
            }
        }
    }

    // Short forms of people found in this document (« Wang » → Wang Yi, « Tokaïev » → …).
    let mut short: HashMap<&str, (&str, Option<usize>)> = HashMap::default();
    for c in &sel {
        if c.etype != EntityType::PER {
            continue;
        }
        let full = c
            .canonical
            .unwrap_or_else(|| doc.slice(doc.tspan(c.a, c.b)));
        if let Some(e) = c.entry {
            for s in &lex.gaz[e].short {
                short.entry(s).or_insert((full, Some(e)));
            }
        }
        // (Never a function word: a wrong name must not tag every « Les ».)
        if c.b - c.a >= 2 && cls(lex, doc, c.b - 1) & (class::FUNCTION | class::CONNECTOR) == 0 {
            short.entry(doc.tok(c.b - 1)).or_insert((full, c.entry));
            // Family name first (« Wang Yi » → « M. Wang »): a two-word name whose first word is
            // not a known given name.
            let first = doc.tok(c.a);
            if c.b - c.a == 2 && c.entry.is_none() && !is_firstname(lex, doc, c.a) {
                short.entry(first).or_insert((full, c.entry));
            }
        }
        // A surname with its particle (« Jean-Yves Le Drian » → « Le Drian »).
        if let Some(p) = (c.a + 1..c.b.saturating_sub(1)).find(|&p| is_particle(lex, doc, p)) {
            short
                .entry(doc.slice(doc.tspan(p, c.b)))
                .or_insert((full, c.entry));
        }
    }
    // One type per name in a document. A one-word name guessed a place or an organisation that
    // is the surname of a person named in full by a sure rule is that person (« Nabih Haddad …
    // à Haddad »). (Not a name the gazetteer knows: a person may bear a place's name.)
    let sure_surnames: HashSet<&str> = sel
        .iter()
        .filter(|c| {
            c.etype == EntityType::PER
                && c.b - c.a >= 2
                && matches!(
                    c.why,
                    Why::Gazetteer(_) | Why::Role(_) | Why::Honorific(_) | Why::Firstname(_)
                )
        })
        .map(|c| doc.tok(c.b - 1))
        .collect();
    for c in sel.iter_mut() {
        if c.etype != EntityType::PER
            && c.b - c.a == 1
            && c.sub.is_none()
            && matches!(c.why, Why::Caps(_) | Why::Acronym)
            && sure_surnames.contains(doc.tok(c.a))
        {
            if let Some(&(full, entry)) = short.get(doc.tok(c.a)) {
                *c = Cand {
                    canonical: Some(full),
                    entry,
                    ..Cand::new(c.a, c.b, EntityType::PER, Why::Coref(full), 4)
                };
            }
        }
    }
    // A capitalisation guess takes the type that a surer rule gives the same words elsewhere in
    // the document.
    let mut sure_type: HashMap<&str, (EntityType, Option<&str>, Option<usize>)> =
        HashMap::default();
    for c in &sel {
        if !matches!(c.why, Why::Caps(_) | Why::Acronym | Why::Coref(_)) {
            sure_type.entry(doc.slice(cand_span(doc, c))).or_insert((
                c.etype,
                c.canonical,
                c.entry,
            ));
        }
    }
    for c in sel.iter_mut() {
        if matches!(c.why, Why::Caps(_) | Why::Acronym) {
            if let Some(&(t, canon, entry)) = sure_type.get(doc.slice(cand_span(doc, c))) {
                if t != c.etype {
                    c.etype = t;
                    c.canonical = canon;
                    c.entry = entry;
                }
            }
        }
    }
    // A name a common noun types as an organisation (« la coalition Horizon », « le média
    // Orion ») stays one where it stands alone, even if it is also a place's name.
    let typed_org: HashSet<&str> = sel
        .iter()
        .filter(|c| c.etype == EntityType::ORG && matches!(c.why, Why::Typed(_)))
        .map(|c| doc.slice(cand_span(doc, c)))
        .collect();
    if !typed_org.is_empty() {
        for c in sel.iter_mut() {
            if c.etype == EntityType::LOC
                && c.sub.is_none()
                && typed_org.contains(doc.slice(cand_span(doc, c)))
            {
                c.etype = EntityType::ORG;
                c.canonical = None;
                c.entry = None;
            }
        }
    }
    // The same short forms by transliteration key (« Tokaev » for « Tokaïev »).
    let short_key: HashMap<String, (&str, Option<usize>)> =
        short.iter().map(|(k, &v)| (translit_key(k), v)).collect();
    // Relink single-token PER mentions and find bare short mentions.
    let mut covered = TokSet::new(n);
    for c in &sel {
        covered.insert_range(c.a..c.b);
    }
    let mut extra = Vec::new();
    let mut i = 0;
    while i < n {
        i += 1;
        let i = i - 1;
        // A surname with its particle (« Le Drian », « von der Leyen »), known in this document
        // or unambiguous in the gazetteer.
        // (The particle first: it rules out most tokens with one look.)
        if is_particle(lex, doc, i)
            && i + 1 < n
            && (doc.is_cap(i + 1) || is_particle(lex, doc, i + 1))
            && !covered.contains(i)
        {
            let linked = [3, 2].into_iter().find_map(|k| {
                if i + k > n
                    || !doc.is_cap(i + k - 1)
                    || covered.any_in(i..i + k)
                    || doc.tok_in_boilerplate(i)
                {
                    return None;
                }
                let joined = doc.slice(doc.tspan(i, i + k));
                short
                    .get(joined)
                    .copied()
                    .or_else(|| {
                        let ids = lex.person_short.get(joined)?;
                        (ids.len() == 1).then(|| (lex.gaz[ids[0]].canonical.as_str(), Some(ids[0])))
                    })
                    .map(|l| (k, l))
            });
            if let Some((k, (full, entry))) = linked {
                extra.push(Cand {
                    canonical: Some(full),
                    entry,
                    ..Cand::new(i, i + k, EntityType::PER, Why::Coref(full), 4)
                });
                covered.insert_range(i..i + k);
                continue;
            }
        }
        if !doc.is_cap(i) || covered.contains(i) || doc.tok_in_boilerplate(i) {
            continue;
        }
        let w = doc.tok(i);
        let c = cls(lex, doc, i);
        let linked = short.get(w).copied().or_else(|| {
            // A well-known person named by surname alone (« Poutine »), if unambiguous; or a
            // person of this document or of the gazetteer in another transliteration.
            if c & (class::FUNCTION | class::CONNECTOR) != 0
                || w.chars().count() < 5
                || is_firstname(lex, doc, i)
            {
                return None;
            }
            let unique = |ids: &Vec<usize>| {
                (ids.len() == 1).then(|| (lex.gaz[ids[0]].canonical.as_str(), Some(ids[0])))
            };
            if c & class::PERSON_SHORT != 0 {
                if let Some(l) = lex.person_short.get(w).and_then(unique) {
                    return Some(l);
                }
            }
            // (Globally, not a capitalised common word: « Salle » is no « Sall ».)
            let global = w.chars().count() >= 6 && !sentence_initial(doc, &first, i);
            if short_key.is_empty() && !global {
                return None;
            }
            let key = translit_key(w);
            short_key.get(&key).copied().or_else(|| {
                global
                    .then(|| lex.person_short_key.get(&key).and_then(unique))
                    .flatten()
            })
        });
        if let Some((full, entry)) = linked {
            extra.push(Cand {
                canonical: Some(full),
                entry,
                ..Cand::new(i, i + 1, EntityType::PER, Why::Coref(full), 4)
            });
        }
    }
    sel.extend(extra);
    sel.sort_by_key(|c| (c.a, cand_span(doc, c).start));

    // Organisations and places, for role phrases that name them.
    let names: Vec<(usize, usize)> = sel
        .iter()
        .filter(|c| matches!(c.etype, EntityType::ORG | EntityType::LOC))
        .map(|c| (c.a, c.b))
        .collect();

    // Acronyms defined in the text (« … (APLN) ») name the same entity wherever they recur.
    let mut acronyms: HashMap<&str, (&str, Option<usize>, EntityType)> = HashMap::default();
    for c in &sel {
        if matches!(c.why, Why::Expansion(_) | Why::Defined(_)) && c.b == c.a + 1 {
            if let Some(canon) = c.canonical {
                acronyms
                    .entry(doc.tok(c.a))
                    .or_insert((canon, c.entry, c.etype));
            }
        }
    }

    // Resolve canonical names.
    let mut out = Vec::with_capacity(sel.len());
    for c in sel {
        let mut span = cand_span(doc, &c);
        let mut c = c;
        // « BRICS+ », « G7+ »: a glued « + » extends a group's name.
        let toks = doc.tokens();
        if c.etype == EntityType::ORG
            && c.sub.is_none()
            && c.b < n
            && doc.tok(c.b) == "+"
            && toks[c.b].start() == span.end
            && (c.b + 1 == n || toks[c.b + 1].start() > toks[c.b].end() || !doc.is_word(c.b + 1))
            && !doc.text()[span.start..span.end].ends_with('+')
        {
            c.b += 1;
            span = doc.tspan(c.a, c.b);
            c.canonical = None;
        }
        let surface = doc.slice(span);
        let mut canonical = c.canonical.unwrap_or(surface);
        let mut entry = c.entry;
        let mut etype = c.etype;
        // A seat of power where the text goes there is a place (« à Matignon »).
        if etype == EntityType::ORG
            && matches!(c.why, Why::Gazetteer(_))
            && SEATS.contains(&surface)
            && seat_as_place(doc, c.a)
        {
            etype = EntityType::LOC;
            canonical = surface;
        }
        // (Also a defined word acronym met again as a capitalised word: « l'Anru ».)
        if c.why == Why::Acronym
            || (c.b == c.a + 1 && c.canonical.is_none() && is_word_acronym(surface))
        {
            if let Some(&(canon, e, t)) = acronyms.get(surface) {
                canonical = canon;
                entry = e;
                etype = t;
            }
        }
        if c.etype == EntityType::PER && c.canonical.is_none() {
            let unique = |ids: &Vec<usize>| {
                (ids.len() == 1).then(|| (lex.gaz[ids[0]].canonical.as_str(), Some(ids[0])))
            };
            let found = short.get(surface).copied().or_else(|| {
                if c.b - c.a != 1 {
                    return None;
                }
                let key = translit_key(surface);
                short_key
                    .get(&key)
                    .copied()
                    .or_else(|| lex.person_short.get(surface).and_then(unique))
                    .or_else(|| lex.person_short_key.get(&key).and_then(unique))
            });
            if let Some((full, e)) = found {
                canonical = full;
                entry = e;
            }
        }
        let mut role = match c.role {
            Some(r) => Some(r.to_string()),
            None if c.etype == EntityType::PER => role_before(doc, c.a, &names).map(|(_, r)| r),
            None => None,
        };
        // An apposition after the name says more than a bare title before it (« le général
        // Salifou Mody, ministre nigérien de la Défense, »).
        if c.etype == EntityType::PER && role.as_deref().is_none_or(|r| !r.contains(' ')) {
            if let Some(r) = role_after(doc, c.b, &names) {
                role = Some(r);
            }
        }
        out.push(EMention {
            a: c.a,
            b: c.b,
            span,
            etype,
            canonical: canonical.to_string(),
            entry,
            role,
            rule: c.why.rule(),
        });
    }
    out
}
