//! Named entities (PER, ORG, LOC, MISC): candidate generators, selection and resolution.
//!
//! Candidates come from
//! 1. the gazetteers (`gazetteer`), case-sensitive, on token boundaries;
//! 2. acronym definitions « Organisation du traité de sécurité collective (OTSC) » (`acronym-def`);
//! 3. titles and honorifics before a capitalised name: « M. Wang », « le président kazakh
//!    Kassym-Jomart Tokaïev » (`title+name`);
//! 4. « ministère [demonym] de(s) <portfolio> » (`ministry`);
//! 5. head words that open a multi-word name: « Traité de … », « Conseil de … » (`head`);
//! 6. a known first name followed by a capitalised word (`firstname`);
//! 7. other capitalised sequences, typed by context (`caps`), and unknown acronyms (`acronym`).
//!
//! Selection keeps the longest candidates first (ties broken by rule priority), never two
//! overlapping mentions. Resolution then links short forms to full names (« M. Wang », « Wang »
//! → Wang Yi), acronyms to expansions, and attaches roles. Spans hold the name only: no article,
//! title or role, as in the evaluation data.
//!
//! Invariants: mentions are sorted, non-overlapping, on token boundaries, outside boilerplate.

use crate::doc::{Doc, NSpan};
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::lexicon::{self, lexicons, TitleKind};
use crate::schema::{EntityType, Rule};

#[derive(Debug, Clone)]
pub struct Cand {
    /// Token range (tokens overlapping the span).
    pub a: usize,
    pub b: usize,
    /// Set when the mention is only part of a token (« Pékin » in « Pékin-Moscou »).
    pub sub: Option<NSpan>,
    pub etype: EntityType,
    pub canonical: Option<String>,
    pub entry: Option<usize>,
    pub role: Option<String>,
    pub rule: Rule,
    pub prio: u8,
}

impl Cand {
    /// A candidate of the whole tokens `a..b` with no canonical name, entry or role yet.
    fn new(a: usize, b: usize, etype: EntityType, rule: Rule, prio: u8) -> Self {
        Cand {
            a,
            b,
            sub: None,
            etype,
            canonical: None,
            entry: None,
            role: None,
            rule,
            prio,
        }
    }
}

/// A selected mention with its resolved entity key.
#[derive(Debug, Clone)]
pub struct EMention {
    pub a: usize,
    pub b: usize,
    pub span: NSpan,
    pub etype: EntityType,
    pub canonical: String,
    pub entry: Option<usize>,
    pub role: Option<String>,
    pub rule: Rule,
}

/// Words that link parts of a multi-word name (« Organisation de coopération de Shanghai »).
const CONNECTORS: &[&str] = &[
    "de", "du", "des", "d'", "la", "le", "les", "l'", "et", "pour", "en", "sur", "à", "au", "aux",
];

/// Particles inside personal names (« Charles de Gaulle », « Ursula von der Leyen »).
const NAME_PARTICLES: &[&str] = &[
    "de", "du", "d'", "van", "von", "der", "den", "al", "ben", "bin", "el", "da", "dos", "di",
    "le", "la",
];

/// Lower-case words that end a multi-word name (verbs, relatives, prepositions of clauses).
const NAME_BREAKERS: &[&str] = &[
    "qui", "que", "qu'", "dont", "où", "comme", "est", "sont", "a", "ont", "sera", "seront",
    "était", "étaient", "avait", "avaient", "fut", "dans", "par", "avec", "selon", "lors",
    "depuis", "contre", "entre", "vers", "chez", "sans", "sous", "mais", "ou", "ni", "car", "si",
    "afin", "après", "avant", "pendant", "il", "elle", "ils", "elles", "on", "se", "s'", "ne",
    "n'", "y", "lui", "leur", "ce", "cette", "ces", "cet", "son", "sa", "ses", "leurs", "un",
    "une", "a-t-il", "a-t-elle", "the", "and", "of",
];

fn is_all_caps(w: &str) -> bool {
    let mut n = 0;
    for c in w.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// Roman numerals and other upper-case tokens that are not organisations.
fn is_not_acronym(w: &str) -> bool {
    // Upper-case common nouns and units of French text, not organisations.
    const STOP: &[&str] = &[
        "TV", "OK", "PDF", "HTML", "URL", "NB", "HLM", "ONG", "ISBN", "CO2", "TVA", "PME", "SMS",
        "PIB", "SIDA", "VIH", "ADN", "OGM", "TGV", "RER", "SDF", "CDI", "CDD", "RSA", "SMIC",
        "IVG", "PMA", "GPS", "USB", "QR", "PC", "CV", "DVD", "CD", "KO", "PV", "RIB", "TTC", "HT",
        "PDG", "DG", "DRH", "BTP", "QG", "JT", "AG", "CA", "VTT", "GPL", "LED", "WC", "VIP", "FAQ",
        "ID", "IP", "UV", "AM", "PM", "AOC", "IGP", "OVNI", "SAMU", "SMUR", "IRM", "ORL", "HIV",
    ];
    w.chars().all(|c| "IVXLCDM".contains(c)) || STOP.contains(&w)
}

/// Is token `i` the first word of its sentence (after opening quotes/dashes)?
fn sentence_initial(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens()[i];
    let s = &doc.seg.sentences[t.sent];
    let mut k = s.tokens.start;
    while k < i && !doc.is_word(k) {
        k += 1;
    }
    k == i
}

fn add_gazetteer(doc: &Doc, out: &mut Vec<Cand>) {
    let lex = lexicons();
    let text = doc.text();
    let toks = doc.tokens();
    // Match positions: token starts, and the starts of the parts of hyphenated tokens
    // (« Pékin-Moscou »). Every form whose first word is the text's first word there is tried
    // (all overlapping matches are candidates: « L'Union » the newspaper and « Union
    // européenne »; selection happens later).
    // (start, end, form, token at start)
    let mut matches: Vec<(usize, usize, usize, usize)> = Vec::new();
    // The forms of `forms` that the text at byte `s` (in token `ti`) starts with.
    let try_forms = |s: usize, ti: usize, forms: Option<&Vec<u32>>, matches: &mut Vec<_>| {
        for &p in forms.into_iter().flatten() {
            let f = lex.gaz_forms[p as usize].0.as_str();
            if text[s..].starts_with(f) {
                matches.push((s, s + f.len(), p as usize, ti));
            }
        }
    };
    let by_word = |s: usize| lex.gaz_first.get(lexicon::first_word(&text[s..]));
    let ids = doc.tok_ids();
    for (ti, t) in toks.iter().enumerate() {
        let w = &text[t.start..t.end];
        // A single-word token: its vocabulary id finds the forms (no string hashing).
        let forms = if lexicon::first_word(w).len() == w.len() {
            lex.gaz_first_id.get(&ids[ti])
        } else {
            by_word(t.start)
        };
        try_forms(t.start, ti, forms, &mut matches);
        for (i, _) in w.match_indices('-') {
            if i + 1 < w.len() {
                try_forms(t.start + i + 1, ti, by_word(t.start + i + 1), &mut matches);
            }
        }
    }
    for (s, e, p, a) in matches {
        // Tokens a..b cover the match (b found by a short forward scan, never a search over the
        // whole token list, whose cache misses dominated this layer).
        let mut b = a + 1;
        while b < toks.len() && toks[b].start < e {
            b += 1;
        }
        if a >= b {
            continue;
        }
        let start_ok = toks[a].start == s
            || (text[..s].ends_with('-')
                && text[s..].chars().next().is_some_and(char::is_uppercase)
                && text[toks[a].start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase));
        let end_ok = toks[b - 1].end == e
            || (text[e..].starts_with('-')
                && text[e + 1..].chars().next().is_some_and(char::is_uppercase));
        if !start_ok || !end_ok {
            continue;
        }
        let sub = (toks[a].start != s || toks[b - 1].end != e).then(|| NSpan::new(s, e));
        if doc.in_boilerplate(NSpan::new(s, e)) {
            continue;
        }
        let entry = lex.gaz_forms[p].1;
        let g = &lex.gaz[entry];
        // Lower-case forms: fine for places (« mer de Chine méridionale »), but a lower-case
        // event or initiative (« nouveau coronavirus ») is a description, not a name; and
        // single lower-case words are too ambiguous.
        let surface = &text[s..e];
        // (A name may open with its article: « la Ceinture et la Route ».)
        let after_article = ["la ", "le ", "les ", "l'"]
            .iter()
            .find_map(|a| surface.strip_prefix(a))
            .unwrap_or(surface);
        let lower_initial = after_article.chars().next().is_some_and(char::is_lowercase);
        if lower_initial && (b - a == 1 || g.etype == EntityType::MISC) {
            continue;
        }
        // A place name that is also a given name, followed by a capitalised word or a name
        // particle (« Dominique de Villepin », « Florence Dupont ») is a person.
        if b - a == 1
            && g.etype == EntityType::LOC
            && lex.firstnames.contains(surface)
            && b < toks.len()
        {
            let next = doc.tok(b);
            if doc.is_cap(b)
                || (matches!(next, "de" | "d'") && b + 1 < toks.len() && doc.is_cap(b + 1))
            {
                continue;
            }
        }
        // A sentence-initial single word that is also a function word (« Nice » vs « Sens »).
        if b - a == 1 && sentence_initial(doc, a) && lex.function_words.contains(doc.tok_lower(a)) {
            continue;
        }
        out.push(Cand {
            sub: None,
            a,
            b,
            etype: g.etype,
            canonical: Some(g.canonical.clone()),
            entry: Some(entry),
            role: None,
            rule: Rule::new("gazetteer", format!("{}: {}", g.origin, g.canonical)),
            prio: 5,
        });
        if let Some(c) = out.last_mut() {
            c.sub = sub;
        }
    }
}

/// Is token `i` inside a ministerial portfolio (« ministre marocain de l'Industrie et du
/// Commerce »)? Such capitalised words name a portfolio, not an organisation.
fn in_portfolio(doc: &Doc, i: usize) -> bool {
    let lex = lexicons();
    let mut k = i;
    while k > 0 && i - k < 8 {
        k -= 1;
        let w = doc.tok_lower(k);
        if matches!(
            w,
            "ministre"
                | "ministres"
                | "commissaire"
                | "secrétaire"
                | "délégué"
                | "déléguée"
                | "chargé"
                | "chargée"
        ) {
            return true;
        }
        let ok = CONNECTORS.contains(&w) || lex.demonyms.contains_key(w) || doc.is_cap(k);
        if !ok {
            return false;
        }
    }
    false
}

/// Capitalised name run starting at `i`: returns the exclusive end token (≥ i+1) or `i`.
fn name_run(doc: &Doc, i: usize, limit: usize, max: usize) -> usize {
    let mut j = i;
    let mut last_cap = i;
    while j < limit && j - i < max {
        if doc.is_cap(j) {
            j += 1;
            last_cap = j;
            continue;
        }
        if j > i && NAME_PARTICLES.contains(&doc.tok(j)) && j + 1 < limit && doc.is_cap(j + 1) {
            j += 1;
            continue;
        }
        break;
    }
    last_cap
}

fn sentence_end(doc: &Doc, i: usize) -> usize {
    doc.seg.sentences[doc.tokens()[i].sent].tokens.end
}

fn add_acronym_definitions(doc: &Doc, out: &mut Vec<Cand>) {
    let lex = lexicons();
    let toks = doc.tokens();
    #[allow(clippy::needless_range_loop)] // i indexes tokens and neighbours
    for i in 1..toks.len().saturating_sub(2) {
        if doc.tok(i) != "(" || doc.tok(i + 2) != ")" {
            continue;
        }
        let acr = doc.tok(i + 1);
        if !is_all_caps(acr) || acr.chars().count() > 8 || doc.tok_in_boilerplate(i) {
            continue;
        }
        let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
        // Walk back over the candidate expansion; initials of content words must spell the acronym
        // (in order, as a subsequence ending with the last content word).
        let sent_start = doc.seg.sentences[toks[i].sent].tokens.start;
        let mut k = i;
        let mut li = letters.len();
        let mut start = None;
        while k > sent_start && i - k < 16 {
            k -= 1;
            if !doc.is_word(k) {
                break;
            }
            let w = doc.tok(k);
            let wl = doc.tok_lower(k);
            if CONNECTORS.contains(&wl) {
                continue;
            }
            let init = w.chars().next().unwrap().to_uppercase().next().unwrap();
            if li > 0 && init == letters[li - 1] {
                li -= 1;
                if li == 0 {
                    // The expansion starts with a capital.
                    if doc.is_cap(k) {
                        start = Some(k);
                    }
                    break;
                }
            } else if li == letters.len() {
                break; // the last word must match the last letter
            }
        }
        let Some(a) = start else { continue };
        let known = lex
            .by_form
            .get(&acr.to_lowercase())
            .and_then(|v| v.iter().find(|&&e| lex.gaz[e].etype != EntityType::PER))
            .copied();
        let head_type = lex.heads.get(doc.tok(a)).map(|h| h.0);
        let etype = known
            .map(|e| lex.gaz[e].etype)
            .or(head_type)
            .unwrap_or(EntityType::ORG);
        let canonical = known
            .map(|e| lex.gaz[e].canonical.clone())
            .unwrap_or_else(|| doc.slice(doc.tspan(a, i)).to_string());
        out.push(Cand {
            sub: None,
            a,
            b: i,
            etype,
            canonical: Some(canonical.clone()),
            entry: known,
            role: None,
            rule: Rule::new("acronym-def", format!("expansion of ({acr})")),
            prio: 6,
        });
        out.push(Cand {
            sub: None,
            a: i + 1,
            b: i + 2,
            etype,
            canonical: Some(canonical),
            entry: known,
            role: None,
            rule: Rule::new(
                "acronym-def",
                format!("acronym defined after « {} »", doc.slice(doc.tspan(a, i))),
            ),
            prio: 6,
        });
    }
}

/// Role phrase ending right before token `end` (skipping one comma): returns (start token, text).
pub fn role_before(doc: &Doc, end: usize) -> Option<(usize, String)> {
    let lex = lexicons();
    let mut j = end;
    if j > 0 && doc.tok(j - 1) == "," {
        j -= 1;
    }
    let stop = doc.seg.sentences[doc.tokens()[end.min(doc.tokens().len() - 1)].sent]
        .tokens
        .start;
    let mut k = j;
    let mut best = None;
    while k > stop && j - k < 14 {
        let w = doc.tok_lower(k - 1);
        let roleish = lex.title_words.contains(w)
            || lex.demonyms.contains_key(w)
            || matches!(w, "et" | "de" | "des" | "du" | "la" | "l'" | "d'" | "le")
            || (doc.is_cap(k - 1) && matches!(w, "affaires" | "état" | "premier" | "première"));
        if !roleish {
            break;
        }
        k -= 1;
        if lex.titles.get(w) == Some(&TitleKind::Role)
            && !matches!(w, "de" | "des" | "du" | "la" | "le" | "et")
        {
            best = Some(k);
        }
    }
    let a = best?;
    // Drop a leading article kept by accident.
    let text = doc.slice(doc.tspan(a, j)).to_string();
    Some((a, text))
}

fn add_titles(doc: &Doc, out: &mut Vec<Cand>) {
    let lex = lexicons();
    let n = doc.tokens().len();
    let mut i = 0;
    while i < n {
        if !doc.is_word(i) || !lex.title_first.contains(doc.tok_lower(i)) {
            i += 1;
            continue;
        }
        let w = doc.tok(i);
        let lim = sentence_end(doc, i);
        // Honorific: « M. Wang », « Mme Li ».
        let hon = lex.titles.get(w.trim_end_matches('.')) == Some(&TitleKind::Honorific)
            && doc.is_word(i)
            && w.chars().next().is_some_and(char::is_uppercase);
        if hon {
            let mut j = i + 1;
            if j < lim && doc.tok(j) == "." {
                j += 1;
            }
            let e = name_run(doc, j, lim, 4);
            if e > j && !doc.tok_in_boilerplate(j) {
                out.push(Cand::new(
                    j,
                    e,
                    EntityType::PER,
                    Rule::new("title+name", format!("honorific « {w} »")),
                    7,
                ));
                i = e;
                continue;
            }
        }
        // Role phrase then a capitalised name.
        if let Some(h) = lex.title_cues.longest_at(doc, i, lim) {
            if lex.title_cues.entries[h.entry].0 == TitleKind::Role {
                // Extend over demonyms, portfolios and « et <role> ».
                let mut j = h.end;
                loop {
                    if j < lim && lex.demonyms.contains_key(doc.tok_lower(j)) {
                        j += 1;
                        continue;
                    }
                    if let Some(h2) = lex.title_cues.longest_at(doc, j, lim) {
                        j = h2.end;
                        continue;
                    }
                    if j + 1 < lim && doc.tok_lower(j) == "et" {
                        if let Some(h2) = lex.title_cues.longest_at(doc, j + 1, lim) {
                            j = h2.end;
                            continue;
                        }
                    }
                    break;
                }
                let role_end = j;
                if j < lim && doc.tok(j) == "," {
                    j += 1;
                }
                let e = name_run(doc, j, lim, 4);
                if e > j && !doc.tok_in_boilerplate(j) {
                    let name = doc.slice(doc.tspan(j, e));
                    let known_non_per = lex
                        .by_form
                        .get(&name.to_lowercase())
                        .is_some_and(|v| v.iter().all(|&g| lex.gaz[g].etype != EntityType::PER));
                    if !known_non_per && !lex.function_words.contains(doc.tok_lower(j)) {
                        out.push(Cand {
                            sub: None,
                            a: j,
                            b: e,
                            etype: EntityType::PER,
                            canonical: None,
                            entry: None,
                            role: Some(doc.slice(doc.tspan(i, role_end)).to_string()),
                            rule: Rule::new(
                                "title+name",
                                format!("role « {} »", doc.slice(doc.tspan(h.start, h.end))),
                            ),
                            prio: 7,
                        });
                        i = e;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
}

fn add_ministries(doc: &Doc, out: &mut Vec<Cand>) {
    let lex = lexicons();
    let n = doc.tokens().len();
    for i in 0..n {
        let wl = doc.tok_lower(i);
        if !matches!(
            wl,
            "ministère" | "ministere" | "département" | "secrétariat"
        ) || doc.tok_in_boilerplate(i)
        {
            continue;
        }
        let lim = sentence_end(doc, i);
        let mut j = i + 1;
        if j < lim && lex.demonyms.contains_key(doc.tok_lower(j)) {
            j += 1;
        }
        if let Some(h) = lex.title_cues.longest_at(doc, j, lim) {
            if lex.title_cues.entries[h.entry].0 == TitleKind::Portfolio {
                out.push(Cand::new(
                    i,
                    h.end,
                    EntityType::ORG,
                    Rule::new(
                        "ministry",
                        format!("ministère + « {} »", lex.title_cues.entries[h.entry].1),
                    ),
                    6,
                ));
            }
        }
    }
}

/// `known`: tokens inside a gazetteer name → the end of the name starting there (0 inside a
/// name). The gazetteer knows where such a name ends (« Union européenne | et le Maroc »), so a
/// head rule may only extend it by a complement (« Jeux olympiques d'hiver | de Beijing »).
fn add_heads(doc: &Doc, known: &HashMap<usize, usize>, out: &mut Vec<Cand>) {
    let lex = lexicons();
    let n = doc.tokens().len();
    for i in 0..n {
        if !doc.is_cap(i) {
            continue;
        }
        let gaz_end = known.get(&i).copied();
        if gaz_end == Some(0) {
            continue;
        }
        let Some(&(etype, ambiguous)) = lex.heads.get(doc.tok(i)) else {
            continue;
        };
        if ambiguous || in_portfolio(doc, i) {
            continue;
        }
        if doc.tok_in_boilerplate(i) {
            continue;
        }
        let lim = sentence_end(doc, i);
        // Extend over connectors, capitalised words and lower-case content words. The name ends
        // at punctuation, at a clause word (verb, relative, preposition of the clause), at « et »
        // followed by a lower-case word, and at a lower-case word after a capitalised one
        // (« Conseil de sécurité des Nations unies | et voisins »).
        let mut j = i + 1;
        let mut last_good = i + 1;
        let mut has_cap_or_content = false;
        let mut seen_cap = false;
        while j < lim && j - i < 18 {
            let wl = doc.tok_lower(j);
            if !doc.is_word(j) {
                break;
            }
            if NAME_BREAKERS.contains(&wl) || lex.speech.contains_key(wl) {
                break;
            }
            if wl == "et" {
                let next_lower_content = j + 1 < lim
                    && doc.is_word(j + 1)
                    && !doc.is_cap(j + 1)
                    && !CONNECTORS.contains(&doc.tok_lower(j + 1));
                if next_lower_content {
                    break;
                }
            }
            if CONNECTORS.contains(&wl) {
                j += 1;
                continue;
            }
            if doc.is_cap(j) || is_all_caps(doc.tok(j)) {
                seen_cap = true;
            } else if seen_cap && CONNECTORS.contains(&doc.tok_lower(j - 1)) {
                // « … des Nations unies et des pays » : a lower-case noun after a connector that
                // follows a capitalised word ends the name.
                break;
            }
            has_cap_or_content = true;
            j += 1;
            last_good = j;
        }
        if !has_cap_or_content || last_good - i < 2 {
            continue;
        }
        if let Some(g) = gaz_end {
            let complement =
                g < last_good && matches!(doc.tok_lower(g), "de" | "d'" | "du" | "des");
            if !complement {
                continue;
            }
        }
        // The name must contain a connector or a capitalised word after the head.
        let tail_caps = (i + 1..last_good).any(|k| doc.is_cap(k));
        let conn = (i + 1..last_good).any(|k| CONNECTORS.contains(&doc.tok_lower(k)));
        if !tail_caps && !conn {
            continue;
        }
        out.push(Cand::new(
            i,
            last_good,
            etype,
            Rule::new("head", format!("heads.tsv: « {} »", doc.tok(i))),
            3,
        ));
    }
}

/// Lower-case common nouns that name an event when a proper name follows: « l'affaire
/// Dreyfus », « la convention de Genève », « le traité de Maastricht », « le plan Marshall ».
const EVENT_NOUNS: &[&str] = &[
    "affaire",
    "scandale",
    "traité",
    "traités",
    "convention",
    "accord",
    "accords",
    "guerre",
    "procès",
    "plan",
    "opération",
    "fête",
    "festival",
    "pacte",
    "protocole",
];

fn add_event_names(doc: &Doc, out: &mut Vec<Cand>) {
    let n = doc.tokens().len();
    for i in 0..n {
        let w = doc.tok(i);
        if !EVENT_NOUNS.contains(&w) || doc.tok_in_boilerplate(i) {
            continue;
        }
        let lim = sentence_end(doc, i);
        let mut j = i + 1;
        // Optional « de », « du », « des », « d' », « de la », « de l' ».
        if j < lim && matches!(doc.tok_lower(j), "de" | "du" | "des" | "d'") {
            j += 1;
            if j < lim && matches!(doc.tok_lower(j), "la" | "l'") && doc.tok_lower(j - 1) == "de" {
                j += 1;
            }
        }
        let e = name_run(doc, j, lim, 4);
        if e == j {
            continue;
        }
        out.push(Cand::new(
            i,
            e,
            EntityType::MISC,
            Rule::new("event-noun", format!("« {w} » + name")),
            3,
        ));
    }
}

fn add_firstnames_and_caps(doc: &Doc, out: &mut Vec<Cand>) {
    let lex = lexicons();
    let n = doc.tokens().len();
    let mut i = 0;
    while i < n {
        if !doc.is_cap(i) || doc.tok_in_boilerplate(i) {
            i += 1;
            continue;
        }
        let lim = sentence_end(doc, i);
        let e = name_run(doc, i, lim, 6);
        let w = doc.tok(i);
        let wl = doc.tok_lower(i);
        let initial = sentence_initial(doc, i);
        // Skip a leading function word or month/weekday (« Selon », « Vendredi »), and honorifics.
        let honorific = lex.titles.get(w) == Some(&TitleKind::Honorific)
            || (w.chars().count() == 1 && i + 1 < n && doc.tok(i + 1) == ".");
        if lex.function_words.contains(wl) || honorific {
            i += 1;
            continue;
        }
        if in_portfolio(doc, i) {
            i = e;
            continue;
        }
        let len = e - i;
        let prev = if i > 0 { doc.tok_lower(i - 1) } else { "" };
        let span_text = doc.slice(doc.tspan(i, e));
        let all_caps = is_all_caps(w);
        // Unknown acronym.
        if len == 1 && all_caps {
            if !is_not_acronym(w) && w.chars().count() <= 8 {
                out.push(Cand::new(
                    i,
                    e,
                    EntityType::ORG,
                    Rule::new("acronym", "upper-case word"),
                    1,
                ));
            }
            i = e;
            continue;
        }
        if lex.firstnames.contains(w) && len >= 2 {
            out.push(Cand::new(
                i,
                e,
                EntityType::PER,
                Rule::new("firstname", format!("firstnames.txt: {w}")),
                4,
            ));
            i = e;
            continue;
        }
        if initial && len == 1 {
            i = e;
            continue;
        }
        // Only single letters (« C F », « Q J »: initials without a name, or letters left over
        // from junk): not a name.
        if (i..e).all(|k| doc.tok(k).chars().nth(1).is_none()) {
            i = e;
            continue;
        }
        // Type by context.
        let has_head = (i..e).find_map(|k| lex.heads.get(doc.tok(k)).filter(|h| !h.1).map(|h| h.0));
        let loc_shape = span_text.contains("-sur-")
            || span_text.contains("-lès-")
            || span_text.contains("-les-")
            || span_text.starts_with("Saint-")
            || span_text.starts_with("Sainte-")
            || span_text.contains("-en-");
        let has_acronym = (i..e).any(|k| is_all_caps(doc.tok(k)) && !is_not_acronym(doc.tok(k)));
        let ambiguous_head = len == 1
            && lex.heads.get(w).is_some_and(|h| h.0 == EntityType::ORG)
            && !in_portfolio(doc, i);
        let etype = if let Some(t) = has_head {
            Some(t)
        } else if ambiguous_head
            && !initial
            && matches!(prev, "la" | "le" | "l'" | "du" | "au" | "cette" | "ce")
        {
            // « la Commission », « le Parlement », « du Conseil »: an institution.
            Some(EntityType::ORG)
        } else if len >= 2 && has_acronym {
            Some(EntityType::ORG)
        } else if len == 1 && lex.firstnames.contains(w) {
            Some(EntityType::PER)
        } else if matches!(prev, "à" | "en" | "vers") || loc_shape {
            Some(EntityType::LOC)
        } else if lex.titles.get(prev) == Some(&TitleKind::Role) || len >= 2 {
            Some(EntityType::PER)
        } else if matches!(prev, "de" | "d'") {
            let before = if i >= 2 { doc.tok_lower(i - 2) } else { "" };
            matches!(
                before,
                "ville"
                    | "villes"
                    | "région"
                    | "commune"
                    | "village"
                    | "province"
                    | "département"
                    | "et"
                    | "près"
                    | "environs"
                    | "ouest"
                    | "est"
                    | "nord"
                    | "sud"
                    | "centre"
            )
            .then_some(EntityType::LOC)
        } else {
            None
        };
        if let Some(etype) = etype {
            out.push(Cand::new(
                i,
                e,
                etype,
                Rule::new(
                    "caps",
                    format!("capitalised words, typed {} by context", etype.as_str()),
                ),
                2,
            ));
        }
        i = e;
    }
}

fn cand_span(doc: &Doc, c: &Cand) -> NSpan {
    c.sub.unwrap_or_else(|| doc.tspan(c.a, c.b))
}

/// Greedy selection: longest first (in tokens), then priority; no two selected spans overlap.
/// Two tiers: names backed by data or a strong pattern first; capitalisation guesses (`caps`,
/// bare acronyms) only fill the gaps.
fn select(doc: &Doc, cands: Vec<Cand>) -> Vec<Cand> {
    let spans: Vec<NSpan> = cands.iter().map(|c| cand_span(doc, c)).collect();
    let mut order: Vec<usize> = (0..cands.len()).collect();
    order.sort_by_key(|&i| {
        let c = &cands[i];
        let bytes = spans[i].end - spans[i].start;
        (
            c.prio <= 2,
            std::cmp::Reverse(c.b - c.a),
            std::cmp::Reverse(bytes),
            std::cmp::Reverse(c.prio),
            c.a,
        )
    });
    // Tokens wholly taken, and the parts of compound tokens taken by sub-token mentions.
    let mut full = vec![false; doc.tokens().len()];
    let mut parts: HashMap<usize, Vec<NSpan>> = HashMap::default();
    let mut chosen = Vec::new();
    for i in order {
        let (c, sp) = (&cands[i], spans[i]);
        let clash = (c.a..c.b).any(|k| {
            full[k]
                || parts
                    .get(&k)
                    .is_some_and(|v| v.iter().any(|u| u.overlaps(&sp)))
        });
        if clash {
            continue;
        }
        if c.sub.is_some() {
            for k in c.a..c.b {
                parts.entry(k).or_default().push(sp);
            }
        } else {
            full[c.a..c.b].iter_mut().for_each(|f| *f = true);
        }
        chosen.push(i);
    }
    chosen.sort_by_key(|&i| (cands[i].a, spans[i].start));
    let mut slots: Vec<Option<Cand>> = cands.into_iter().map(Some).collect();
    chosen.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// Finds, selects and resolves entity mentions.
pub fn find(doc: &Doc, date_tokens: &HashSet<usize>) -> Vec<EMention> {
    let lex = lexicons();
    let mut cands = Vec::new();
    add_gazetteer(doc, &mut cands);
    add_acronym_definitions(doc, &mut cands);
    add_titles(doc, &mut cands);
    add_ministries(doc, &mut cands);
    let mut known: HashMap<usize, usize> = HashMap::default();
    for c in cands
        .iter()
        .filter(|c| c.rule.id == "gazetteer" && c.sub.is_none())
    {
        for k in c.a..c.b {
            let e = known.entry(k).or_insert(0);
            // Start tokens record the name's end; inner tokens record 0 (never a head).
            if k == c.a {
                *e = (*e).max(c.b);
            }
        }
    }
    let known_starts = known;
    add_heads(doc, &known_starts, &mut cands);
    add_event_names(doc, &mut cands);
    add_firstnames_and_caps(doc, &mut cands);
    // Guessing rules never claim date tokens (« Vendredi », « Mars »).
    cands.retain(|c| c.prio >= 5 || !(c.a..c.b).any(|k| date_tokens.contains(&k)));
    let mut sel = select(doc, cands);

    // Short forms of people found in this document (« Wang » → Wang Yi, « Tokaïev » → …).
    let mut short: HashMap<String, (String, Option<usize>)> = HashMap::default();
    for c in &sel {
        if c.etype != EntityType::PER {
            continue;
        }
        let full = c
            .canonical
            .clone()
            .unwrap_or_else(|| doc.slice(doc.tspan(c.a, c.b)).to_string());
        if let Some(e) = c.entry {
            for s in &lex.gaz[e].short {
                short.entry(s.clone()).or_insert((full.clone(), Some(e)));
            }
        }
        if c.b - c.a >= 2 {
            short
                .entry(doc.tok(c.b - 1).to_string())
                .or_insert((full.clone(), c.entry));
            // Family name first (« Wang Yi » → « M. Wang »): a two-word name whose first word is
            // not a known given name.
            let first = doc.tok(c.a);
            if c.b - c.a == 2 && !lex.firstnames.contains(first) && c.entry.is_none() {
                short
                    .entry(first.to_string())
                    .or_insert((full.clone(), c.entry));
            }
        }
    }
    // Relink single-token PER mentions and find bare short mentions.
    let covered: HashSet<usize> = sel.iter().flat_map(|c| c.a..c.b).collect();
    let mut extra = Vec::new();
    for i in 0..doc.tokens().len() {
        if covered.contains(&i) || !doc.is_cap(i) || doc.tok_in_boilerplate(i) {
            continue;
        }
        let w = doc.tok(i);
        let linked = short.get(w).cloned().or_else(|| {
            // A well-known person named by surname alone (« Poutine »), if unambiguous.
            let ids = lex.person_short.get(w)?;
            (ids.len() == 1
                && w.chars().count() >= 5
                && !lex.function_words.contains(doc.tok_lower(i))
                && !lex.firstnames.contains(w))
            .then(|| (lex.gaz[ids[0]].canonical.clone(), Some(ids[0])))
        });
        if let Some((full, entry)) = linked {
            extra.push(Cand {
                sub: None,
                a: i,
                b: i + 1,
                etype: EntityType::PER,
                canonical: Some(full.clone()),
                entry,
                role: None,
                rule: Rule::new("coref", format!("short form of {full}")),
                prio: 4,
            });
        }
    }
    sel.extend(extra);
    sel.sort_by_key(|c| (c.a, cand_span(doc, c).start));

    // Acronyms defined in the text (« … (APLN) ») name the same entity wherever they recur.
    let mut acronyms: HashMap<String, (String, Option<usize>, EntityType)> = HashMap::default();
    for c in &sel {
        if c.rule.id == "acronym-def" && c.b == c.a + 1 {
            if let Some(canon) = &c.canonical {
                acronyms.entry(doc.tok(c.a).to_string()).or_insert((
                    canon.clone(),
                    c.entry,
                    c.etype,
                ));
            }
        }
    }

    // Resolve canonical names.
    let mut out = Vec::with_capacity(sel.len());
    for c in sel {
        let span = cand_span(doc, &c);
        let surface = doc.slice(span).to_string();
        let mut canonical = c.canonical.clone().unwrap_or_else(|| surface.clone());
        let mut entry = c.entry;
        let mut etype = c.etype;
        if c.rule.id == "acronym" {
            if let Some((canon, e, t)) = acronyms.get(&surface) {
                canonical = canon.clone();
                entry = *e;
                etype = *t;
            }
        }
        if c.etype == EntityType::PER && c.canonical.is_none() {
            if let Some((full, e)) = short.get(&surface) {
                canonical = full.clone();
                entry = *e;
            } else if let Some(ids) = lex.person_short.get(&surface) {
                if ids.len() == 1 {
                    canonical = lex.gaz[ids[0]].canonical.clone();
                    entry = Some(ids[0]);
                }
            }
        }
        let role = c.role.clone().or_else(|| {
            (c.etype == EntityType::PER)
                .then(|| role_before(doc, c.a).map(|(_, r)| r))
                .flatten()
        });
        out.push(EMention {
            a: c.a,
            b: c.b,
            span,
            etype,
            canonical,
            entry,
            role,
            rule: c.rule,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(t: &str) -> Vec<(String, EntityType, String, String)> {
        let mut d = Doc::new(t);
        crate::boilerplate::detect(&mut d);
        find(&d, &HashSet::default())
            .into_iter()
            .map(|m| {
                (
                    d.slice(m.span).to_string(),
                    m.etype,
                    m.canonical,
                    m.rule.id.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn single_letters_are_not_names() {
        // Letters separated by control characters (normalised to spaces) or bare initials.
        assert!(ents("Le texte\u{1}C\u{2}F est ici. Puis Q J encore.").is_empty());
        // A name with a single-letter part is still found.
        let e = ents("Le romancier George R Martin a écrit ce livre.");
        assert!(e.iter().any(|x| x.0 == "George R Martin"), "{e:?}");
    }

    #[test]
    fn titles_names_and_short_forms() {
        let e = ents("Le ministre kazakh des Affaires étrangères Erlan Moukhtarov a rencontré mardi M. Moukhtarov et son collègue.");
        assert_eq!(e[0].0, "Erlan Moukhtarov");
        assert_eq!(e[0].1, EntityType::PER);
        assert_eq!(e[0].3, "title+name");
        // « M. Moukhtarov »: the span is the name only, resolved to the full name.
        assert_eq!(e[1].0, "Moukhtarov");
        assert_eq!(e[1].2, "Erlan Moukhtarov");
    }

    #[test]
    fn acronym_definition_links_both_forms() {
        let e = ents("La réunion de l'Association des producteurs de lin normands (APLN) a eu lieu. L'APLN a voté.");
        let apln: Vec<_> = e
            .iter()
            .filter(|x| x.2 == "Association des producteurs de lin normands")
            .collect();
        assert_eq!(apln.len(), 3, "{e:?}");
        assert!(apln.iter().all(|x| x.1 == EntityType::ORG));
    }

    #[test]
    fn hyphenated_places_and_no_articles() {
        let e = ents("L'axe Paris-Berlin reste solide, selon la Commission européenne.");
        let texts: Vec<&str> = e.iter().map(|x| x.0.as_str()).collect();
        assert!(
            texts.contains(&"Paris") && texts.contains(&"Berlin"),
            "{texts:?}"
        );
        assert!(texts.contains(&"Commission européenne"));
        assert!(!texts
            .iter()
            .any(|t| t.starts_with("la ") || t.starts_with("L'")));
    }

    #[test]
    fn event_nouns_name_events() {
        let e = ents("L'affaire Dreyfus divisa la France ; la convention de Genève fut signée. La guerre mondiale contre le fascisme.");
        assert!(
            e.iter()
                .any(|x| x.0 == "affaire Dreyfus" && x.1 == EntityType::MISC),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|x| x.0 == "convention de Genève" && x.1 == EntityType::MISC),
            "{e:?}"
        );
        // No proper name after the noun: not an event name.
        assert!(!e.iter().any(|x| x.0.starts_with("guerre")), "{e:?}");
    }

    #[test]
    fn ministry_and_given_names() {
        let e =
            ents("Selon le ministère français des Affaires étrangères, Jeanne Martin sera reçue.");
        assert!(
            e.iter()
                .any(|x| x.0 == "ministère français des Affaires étrangères"
                    && x.1 == EntityType::ORG),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|x| x.0 == "Jeanne Martin" && x.1 == EntityType::PER),
            "{e:?}"
        );
        // « Selon » is not a name.
        assert!(!e.iter().any(|x| x.0.starts_with("Selon")));
    }
}
