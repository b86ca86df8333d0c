//! Sentence helpers the quote and stance layers share: who a pronoun, a role phrase (« le
//! président russe », « le chef de la diplomatie ») or a periphrasis stands for, the gender of a
//! person, whether a mention is governed by a preposition (not a subject).
//!
//! - [`resolve_pronoun`]: the nearest subject person outside quotation marks and of the
//!   pronoun's gender;
//! - [`resolve_role_np`]: the person a role noun phrase names (title, nationality, gender),
//!   memoised per document;
//! - [`governed`]: a mention after « de », « à », « avec »….

use crate::layers::entities::EMention;
use crate::lexicon::lexicons;
use crate::schema::EntityType;
use crate::text::doc::Doc;

/// Grammatical gender of a person, when the text or general knowledge says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    M,
    F,
}

/// The personal pronoun a token is or ends with (« il », « elle », « a-t-il », « dit-elle »,
/// « lui » in « selon lui »): its gender and whether it is plural.
pub(crate) fn pronoun_of(w: &str) -> Option<(Gender, bool)> {
    let p = w.rsplit('-').next().unwrap_or(w);
    match p {
        "il" | "lui" => Some((Gender::M, false)),
        "elle" => Some((Gender::F, false)),
        "ils" | "eux" => Some((Gender::M, true)),
        "elles" => Some((Gender::F, true)),
        _ => None,
    }
}

/// « on », « a-t-on », « indique-t-on »: an indefinite speaker.
pub(crate) fn is_indefinite_pronoun(w: &str) -> bool {
    w == "on" || w.ends_with("-on")
}

/// How far back (in tokens) [`in_quote_tok`] counts quotation marks.
pub(crate) const QUOTE_SCAN: usize = 400;

/// Is token `t` inside quotation marks? Counts the marks from the start of its paragraph (at most
/// [`QUOTE_SCAN`] tokens back): « » and “ ” nest, straight quotes alternate.
pub(crate) fn in_quote_tok(doc: &Doc, t: usize) -> bool {
    let blk = &doc.seg.blocks[doc.seg.sentences[doc.tokens()[t].sent()].block];
    let from = blk.tokens.start.max(t.saturating_sub(QUOTE_SCAN));
    let mut depth = 0u32;
    let mut straight = false;
    let marks = doc.quote_marks();
    let lo = marks.partition_point(|&(k, _)| (k as usize) < from);
    for &(k, kind) in &marks[lo..] {
        if k as usize >= t {
            break;
        }
        match kind {
            1 => depth += 1,
            2 => depth = depth.saturating_sub(1),
            _ => straight = !straight,
        }
    }
    depth > 0 || straight
}

/// A word that takes a masculine and a feminine form among titles and nationalities
/// (« président », « ancienne », « canadienne »).
pub(crate) fn is_gendered_word(w: &str) -> bool {
    let lex = lexicons();
    lex.titles.contains_key(w)
        || lex.demonyms.contains_key(w)
        || matches!(
            w,
            "ancien" | "ancienne" | "premier" | "première" | "nouveau" | "nouvelle"
        )
}

/// Feminine endings and their masculine counterparts (« présidente » → « président »,
/// « directrice » → « directeur », « cheffe » → « chef », « conseillère » → « conseiller »).
pub(crate) const FEMININE_ENDINGS: &[(&str, &str)] = &[
    ("trice", "teur"),
    ("rice", "eur"),
    ("euse", "eur"),
    ("ière", "ier"),
    ("ère", "er"),
    ("enne", "en"),
    ("ffe", "f"),
    ("esse", ""),
    ("e", ""),
];

/// The masculine form of a title or nationality word when the word is feminine and its
/// masculine form is known (« présidente » → « président »); otherwise the word itself.
pub(crate) fn masculine(w: &str) -> std::borrow::Cow<'_, str> {
    if !w.ends_with('e') {
        return w.into();
    }
    for (f, m) in FEMININE_ENDINGS {
        if let Some(stem) = w.strip_suffix(f) {
            let cand = [stem, m].concat();
            if !stem.is_empty() && cand != w && is_gendered_word(&cand) {
                return cand.into();
            }
        }
    }
    w.into()
}

/// Gender of a title, nationality or article word (« présidente », « canadien », « la »,
/// « Mme »): a feminine form whose masculine is known, or a masculine form whose feminine is.
/// Words with one form for both (« ministre », « porte-parole », « russe ») say nothing.
pub(crate) fn word_gender(w: &str) -> Option<Gender> {
    match w {
        "mme" | "mlle" | "madame" | "mademoiselle" | "reine" | "la" | "une" => {
            return Some(Gender::F)
        }
        "m" | "m." | "monsieur" | "roi" | "le" | "un" => return Some(Gender::M),
        _ => {}
    }
    if !is_gendered_word(w) {
        return None;
    }
    if masculine(w) != w {
        return Some(Gender::F);
    }
    FEMININE_ENDINGS
        .iter()
        .any(|(f, m)| {
            w.strip_suffix(m)
                .is_some_and(|stem| !stem.is_empty() && is_gendered_word(&[stem, f].concat()))
        })
        .then_some(Gender::M)
}

/// Gender told by a role (« ancienne Première ministre » → F, « président turc » → M).
pub(crate) fn role_gender(role: &str) -> Option<Gender> {
    // Only the head of the role: « porte-parole du ministère chinois » says nothing of the
    // person's gender (« chinois » agrees with « ministère »).
    role.split(|c: char| c.is_whitespace() || c == '\'')
        .take_while(|w| {
            !matches!(
                *w,
                "de" | "du" | "des" | "d" | "à" | "au" | "aux" | "pour" | "chargé" | "chargée"
            )
        })
        .filter(|w| !matches!(*w, "la" | "le" | "un" | "une"))
        .find_map(|w| word_gender(&w.to_lowercase()))
}

/// Gender of the person named by mention `mi`, from the words around it: an honorific
/// (« Mme »), a title or article before it (« la porte-parole », « le président »), its role,
/// its first name, or the gazetteer's role.
pub(crate) fn mention_gender(doc: &Doc, m: &EMention) -> Option<Gender> {
    let lex = lexicons();
    // Honorific or role words before the name, back to the article that opens them.
    let lo = m.a.saturating_sub(8);
    let mut k = m.a;
    while k > lo {
        k -= 1;
        let w = doc.tok_lower(k);
        if w == "." {
            continue;
        }
        if matches!(w, "mme" | "mlle" | "madame" | "mademoiselle") {
            return Some(Gender::F);
        }
        if matches!(w, "m" | "monsieur" | "mm") {
            return Some(Gender::M);
        }
        // A nationality agrees with the noun before it, which may be no title (« la présidente
        // du club lensois, X »: « lensois » says nothing of X).
        let agrees_with_name = !lex.demonyms.contains_key(w)
            || k == 0
            || is_gendered_word(doc.tok_lower(k - 1))
            || matches!(
                doc.tok_lower(k - 1),
                "le" | "la" | "l'" | "un" | "une" | ","
            );
        if let Some(g) = word_gender(w).filter(|_| agrees_with_name && is_gendered_word(w)) {
            return Some(g);
        }
        let title_next = k + 1 < m.a && lex.title_first.contains(doc.tok_lower(k + 1));
        if matches!(w, "le" | "la" | "un" | "une") && title_next {
            return word_gender(w);
        }
        if !(lex.title_words.contains(w) || lex.demonyms.contains_key(w) || w == ",") {
            break;
        }
    }
    if let Some(g) = m.role.as_deref().and_then(role_gender) {
        return Some(g);
    }
    // The first name (« Angela Merkel »), when the mention starts with one.
    if m.b > m.a + 1 {
        if let Some(&woman) = lex.firstname_sex.get(doc.tok(m.a)) {
            return Some(if woman { Gender::F } else { Gender::M });
        }
    }
    gaz_person(m)
        .and_then(|g| g.role.as_deref())
        .and_then(role_gender)
}

/// The gazetteer entry of the person of mention `m` (by its entry, else by its canonical name).
pub(crate) fn gaz_person(m: &EMention) -> Option<&'static crate::lexicon::GazEntry> {
    let lex = lexicons();
    if m.etype != EntityType::PER {
        return None;
    }
    if let Some(e) = m.entry {
        return Some(&lex.gaz[e]);
    }
    lex.by_form
        .get(&m.canonical.to_lowercase())?
        .iter()
        .map(|&e| &lex.gaz[e])
        .find(|g| g.etype == EntityType::PER && g.canonical == m.canonical)
}

/// Gender of the person of mention `mi`, from it and the earlier mentions of the same person.
pub(crate) fn person_gender(doc: &Doc, ms: &[EMention], mi: usize) -> Option<Gender> {
    let m = &ms[mi];
    if m.etype != EntityType::PER {
        return None;
    }
    mention_gender(doc, m).or_else(|| {
        (mi.saturating_sub(ROLE_WINDOW)..mi)
            .rev()
            .filter(|&j| ms[j].canonical == m.canonical)
            .find_map(|j| mention_gender(doc, &ms[j]))
    })
}

/// A one-token mention that is an honorific (« M » of « le porte-parole M. Wang »): no name.
pub(crate) fn is_honorific_mention(doc: &Doc, m: &EMention) -> bool {
    m.b == m.a + 1
        && lexicons().titles.get(doc.tok(m.a)) == Some(&crate::lexicon::TitleKind::Honorific)
}

/// Mentions whose first token lies in `a..b`.
pub(crate) fn mentions_in(
    ms: &[EMention],
    a: usize,
    b: usize,
) -> impl Iterator<Item = (usize, &EMention)> {
    let k = ms.partition_point(|m| m.a < a);
    ms[k..]
        .iter()
        .enumerate()
        .map(move |(o, m)| (k + o, m))
        .take_while(move |(_, m)| m.a < b)
}

/// Resolves a pronoun at token `at` to a person: the first person that is the subject in the
/// sentence before it, else the subject of an earlier sentence (looking back at most 10
/// sentences), else a person named after a preposition. A gendered singular pronoun (« elle »,
/// « a-t-il ») skips persons of the other gender; a pronoun outside quotation marks skips the
/// persons named inside them (« « … le président Trump … », a-t-elle ajouté »).
pub(crate) fn resolve_pronoun(doc: &Doc, ms: &[EMention], at: usize) -> Option<usize> {
    let want = pronoun_of(doc.tok_lower(at)).filter(|p| !p.1).map(|p| p.0);
    resolve_pronoun_as(doc, ms, at, want)
}

/// « ce dernier », « cette dernière », « l'intéressé » at `at` (the determiner): the latest
/// person named before it, outside quotation marks, of that gender, in this sentence or the two before.
pub(crate) fn resolve_ce_dernier(doc: &Doc, ms: &[EMention], at: usize) -> Option<usize> {
    let n = doc.tokens().len();
    if at + 1 >= n {
        return None;
    }
    // « l'intéressé », « la principale intéressée »: the person just spoken of, too.
    let at_ = |t: usize| if t < n { doc.tok_lower(t) } else { "" };
    let want = match (at_(at), at_(at + 1), at_(at + 2)) {
        ("ce", "dernier", _) | ("l'", "intéressé", _) | ("le", "principal", "intéressé") => {
            Gender::M
        }
        ("cette", "dernière", _) | ("l'", "intéressée", _) | ("la", "principale", "intéressée") => {
            Gender::F
        }
        _ => return None,
    };
    let sent = doc.tokens()[at].sent();
    let end = ms.partition_point(|m| m.a < at);
    for mi in (0..end).rev() {
        let m = &ms[mi];
        if doc.tokens()[m.a].sent() + 2 < sent {
            break;
        }
        if m.etype == EntityType::PER
            && !in_quote_tok(doc, m.a)
            && person_gender(doc, ms, mi).is_none_or(|g| g == want)
        {
            return Some(mi);
        }
    }
    None
}

/// [`resolve_pronoun`] for a pronoun of gender `want` (None: either, as the « lui » of « un
/// journaliste lui a demandé »).
pub(crate) fn resolve_pronoun_as(
    doc: &Doc,
    ms: &[EMention],
    at: usize,
    want: Option<Gender>,
) -> Option<usize> {
    let w = doc.tok_lower(at);
    // An inverted pronoun (« a-t-il ») is the narrator's, even inside the marks of a quote
    // that the text does not close around it.
    let skip_quoted = w.contains('-') || !in_quote_tok(doc, at);
    let ok = |mi: usize, t: usize| {
        ms[mi].etype == EntityType::PER
            && !(skip_quoted && in_quote_tok(doc, t))
            && want.is_none_or(|g| person_gender(doc, ms, mi).is_none_or(|h| h == g))
    };
    let sent = doc.tokens()[at].sent();
    let s = &doc.seg.sentences[sent];
    let mut fallback = None;
    for (k, m) in mentions_in(ms, s.tokens.start, at) {
        if ok(k, m.a) {
            if !governed(doc, m) {
                return Some(k);
            }
            fallback.get_or_insert(k);
        }
    }
    // Earlier sentences: the nearest subject person. A person named only after a preposition
    // (« à la demande du président Tokaïev ») is rarely what « il » refers to: it is kept as
    // a fallback while earlier sentences are searched for a subject.
    for back in 1..=10 {
        let Some(ps) = sent.checked_sub(back) else {
            break;
        };
        if doc.boilerplate_blocks[doc.seg.sentences[ps].block] {
            continue;
        }
        // A sentence whose subject is a role phrase naming no one the text names (« D'ailleurs,
        // le ministre italien s'est dit prêt à rencontrer le président X »): « il » is that
        // unnamed person, not the object named after the verb.
        if let Some(k) = sentence_subject_where(doc, ms, ps, usize::MAX, &ok) {
            if want.is_some() && unresolved_role_subject(doc, ms, ps, want, ms[k].a) {
                return None;
            }
            return Some(k);
        }
        if want.is_some() && unresolved_role_subject(doc, ms, ps, want, usize::MAX) {
            return None;
        }
        let ps = &doc.seg.sentences[ps];
        // A sentence whose subject is a role phrase naming nobody the text names (« Le
        // porte-parole du Kremlin a démenti. « … », a-t-il dit. »): that is who « il » is.
        let t0 = ps.tokens.start;
        if want.is_some()
            && matches!(doc.tok_lower(t0), "le" | "la" | "l'")
            && !in_quote_tok(doc, t0)
        {
            if let Some(np) = parse_role_np(doc, ms, t0, ps.tokens.end) {
                if np.gender.is_none_or(|g| Some(g) == want) {
                    return None;
                }
            }
        }
        // Likewise a sentence whose subject is someone unnamed (« Un responsable, qui a requis
        // l'anonymat, a confié … », « Une mère rencontrée devant l'école est plus nuancée »).
        let indefinite = match doc.tok_lower(t0) {
            "un" => Some(Gender::M),
            "une" => Some(Gender::F),
            _ => None,
        };
        if indefinite.is_some()
            && indefinite == want
            && t0 + 1 < ps.tokens.end
            && doc.is_word(t0 + 1)
            && !doc.is_cap(t0 + 1)
            && !in_quote_tok(doc, t0)
        {
            return None;
        }
        if let Some((k, _)) =
            mentions_in(ms, ps.tokens.start, ps.tokens.end).find(|(k, m)| ok(*k, m.a))
        {
            fallback.get_or_insert(k);
        }
    }
    fallback
}

/// Adjectives that may come between an article and a title (« l'ancien ministre », « la nouvelle
/// présidente », « le futur chancelier »).
const TITLE_ADJECTIVES: &[&str] = &[
    "ancien", "ancienne", "nouveau", "nouvel", "nouvelle", "actuel", "actuelle", "futur", "future",
];

/// Does sentence `si` open (within its first words, before any person and before token
/// `before`) with a role phrase
/// of gender `want` that names nobody the text names (« le porte-parole du parquet », « la
/// source judiciaire » is no role)? Only a phrase not governed by a preposition, outside quotes.
fn unresolved_role_subject(
    doc: &Doc,
    ms: &[EMention],
    si: usize,
    want: Option<Gender>,
    before: usize,
) -> bool {
    let s = &doc.seg.sentences[si].tokens;
    let end = s.end.min(s.start + 12).min(before);
    let mut mi = ms.partition_point(|m| m.a < s.start);
    let mut t = s.start;
    while t < end {
        if let Some(m) = ms.get(mi).filter(|m| m.a == t) {
            if m.etype == EntityType::PER {
                return false;
            }
            t = m.b.max(t + 1);
            mi += 1;
            continue;
        }
        if ms.get(mi).is_some_and(|m| m.a < t) {
            mi += 1;
            continue;
        }
        // A quotation in the first words: no role subject of the narrator's (the marks tested
        // first, cheaper than [`in_quote_tok`] on every word).
        if matches!(doc.tok(t), "«" | "»" | "\"" | "“" | "”" | "„") {
            return false;
        }
        // (The first word after the article must open a title or be « ancien », « nouveau » …:
        // a cheap test before parsing.)
        if matches!(doc.tok_lower(t), "le" | "la" | "l'")
            && !(t > s.start && PREPOSITIONS.contains(&doc.tok_lower(t - 1)))
            && t + 1 < s.end
            && (lexicons().class(doc.tok_ids()[t + 1]) & crate::lexicon::class::TITLE_FIRST != 0
                || TITLE_ADJECTIVES.contains(&doc.tok_lower(t + 1)))
        {
            if in_quote_tok(doc, t) {
                return false;
            }
            if let Some(np) = parse_role_np(doc, ms, t, s.end) {
                return np.gender.is_none_or(|g| Some(g) == want)
                    && resolve_role_np(doc, ms, t, s.end).is_none();
            }
        }
        t += 1;
    }
    false
}

/// What a role noun phrase says of the person it names.
pub(crate) struct RoleNp {
    /// Title and portfolio words the person's role must have (masculine forms).
    need: Vec<String>,
    /// For a title that names several roles (« l'élu »: maire, député, sénateur …): the words
    /// of each; one of them must fit.
    alts: Vec<Vec<String>>,
    /// A generic title (« le dirigeant russe »): any role of the nationality matches.
    generic: bool,
    /// The organisation a complement names (« le chef du Département des finances »).
    org: Option<String>,
    /// The nationality (lower-case country name) of a demonym or complement (« russe »,
    /// « du Kazakhstan ») or implied by a periphrasis (« le locataire de la Maison-Blanche »).
    country: Option<String>,
    gender: Option<Gender>,
    /// End token (exclusive).
    end: usize,
}

/// Words of a role text: lower case, split at spaces and after apostrophes.
pub(crate) fn role_words(role: &str) -> Vec<String> {
    role.split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Words that carry no role (articles and prepositions of role phrases).
pub(crate) fn is_role_glue(w: &str) -> bool {
    matches!(
        w,
        "de" | "des" | "du" | "la" | "le" | "les" | "l" | "d" | "l'" | "d'" | "et" | "en" | "à"
    )
}

/// Parses a role noun phrase at `at` (« le président russe », « la porte-parole du ministère
/// chinois des Affaires étrangères », « le chef de la diplomatie kazakhe », « le locataire de
/// la Maison-Blanche »), within `at..lim`.
pub(crate) fn parse_role_np(doc: &Doc, ms: &[EMention], at: usize, lim: usize) -> Option<RoleNp> {
    let lex = lexicons();
    let mut k = at;
    let mut gender = None;
    match doc.tok_lower(k) {
        "le" => {
            gender = Some(Gender::M);
            k += 1;
        }
        "la" => {
            gender = Some(Gender::F);
            k += 1;
        }
        "l'" => k += 1,
        // « son homologue chinois »: the other side's counterpart, a role like any.
        "son" | "sa" | "leur" if k + 1 < lim && doc.tok_lower(k + 1).starts_with("homologue") => {
            k += 1
        }
        _ => {}
    }
    while k < lim && TITLE_ADJECTIVES.contains(&doc.tok_lower(k)) {
        k += 1;
    }
    if k >= lim || !doc.is_word(k) {
        return None;
    }
    let h = lex.title_cues.longest_at(doc, k, lim)?;
    let (kind, cue, _) = &lex.title_cues.entries[h.entry];
    if *kind != crate::lexicon::TitleKind::Role {
        return None;
    }
    let cue_words = role_words(cue);
    if let Some(g) = cue_words
        .iter()
        .filter(|w| is_gendered_word(w))
        .find_map(|w| word_gender(w))
    {
        gender = Some(g);
    }
    let mut country = None;
    let mut alts = Vec::new();
    let need_of = |text: &str| -> Vec<String> {
        role_words(text)
            .into_iter()
            .filter(|w| !is_role_glue(w))
            .map(|w| masculine(&w).into_owned())
            .collect()
    };
    let need = match lex.title_same.get(h.entry).and_then(|s| s.as_deref()) {
        Some(same) => {
            // « président (États-Unis) »: the role, then the country it implies.
            let (role, implied) = match same.split_once(" (") {
                Some((r, c)) => (r, Some(c.trim_end_matches(')').to_string())),
                None => (same, None),
            };
            country = implied;
            if role.contains('|') {
                alts = role.split('|').map(need_of).collect();
                Vec::new()
            } else {
                need_of(role)
            }
        }
        None => need_of(cue),
    };
    let first = need.first().map(String::as_str).unwrap_or("");
    let generic = matches!(
        first,
        "dirigeant" | "chef" | "leader" | "homologue" | "numéro" | "responsable" | "patron"
    ) && lex.title_same.get(h.entry).is_none_or(|s| s.is_none());
    let mut np = RoleNp {
        need,
        alts,
        generic,
        org: None,
        country,
        gender,
        end: h.end,
    };
    // Complements: nationality, portfolio, country (« russe », « des Affaires étrangères »,
    // « du Kazakhstan »).
    let mut e = h.end;
    while e < lim && e - h.end < 10 {
        let w = doc.tok_lower(e);
        if let Some(c) = lex.demonyms.get(w) {
            np.country.get_or_insert_with(|| c.to_lowercase());
            e += 1;
            continue;
        }
        if let Some(p) = lex.title_cues.longest_at(doc, e, lim) {
            if lex.title_cues.entries[p.entry].0 == crate::lexicon::TitleKind::Portfolio {
                np.need.extend(need_of(&lex.title_cues.entries[p.entry].1));
                e = p.end;
                continue;
            }
        }
        if matches!(w, "de" | "du" | "d'" | "des") {
            let mut j = e + 1;
            while j < lim && matches!(doc.tok_lower(j), "la" | "l'" | "le" | "les") {
                j += 1;
            }
            if let Some((_, m)) = mentions_in(ms, j, j + 1).next() {
                if m.etype == EntityType::LOC {
                    np.country.get_or_insert_with(|| m.canonical.to_lowercase());
                }
                if m.etype == EntityType::ORG && np.org.is_none() {
                    np.org = Some(m.canonical.clone());
                }
                if matches!(m.etype, EntityType::LOC | EntityType::ORG) && m.b <= lim {
                    e = m.b;
                    continue;
                }
            }
        }
        break;
    }
    np.end = e;
    Some(np)
}

/// Does a role text (« ministre kazakh des Affaires étrangères ») fit a role noun phrase? Its
/// words must hold the phrase's title words (a periphrasis in the role counts as the role it
/// names), and its nationality must be the phrase's (a demonym, the country's name, or the
/// person's country `gaz_country` from the gazetteer).
pub(crate) fn role_fits(np: &RoleNp, role: &str, gaz_country: Option<&str>) -> bool {
    let lex = lexicons();
    // Quick rejection, before any allocation: no word of the role starts like the title's first
    // word (« présid » also starts « présidente ») and none opens a periphrasis.
    if !np.generic && !role_may_fit(np, role) {
        return false;
    }
    let role_l = role.to_lowercase();
    let words: Vec<&str> = role_l
        .split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .filter(|w| !w.is_empty())
        .collect();
    // Words of the roles that periphrases in the role name (« chef de la diplomatie »).
    let mut extra: Vec<&str> = Vec::new();
    if words.len() > 2 {
        for (cue, same) in periphrases() {
            if words.windows(cue.len()).any(|w| w.iter().eq(cue.iter())) {
                extra.extend(same.iter().map(String::as_str));
            }
        }
    }
    let has = |w: &str| {
        extra.contains(&w)
            || words.contains(&w)
            || words.iter().any(|x| x.ends_with('e') && masculine(x) == w)
    };
    if !np.generic && !np.need.iter().all(|w| is_role_glue(w) || has(w)) {
        return false;
    }
    if !np.alts.is_empty() && !np.alts.iter().any(|alt| alt.iter().all(|w| has(w))) {
        return false;
    }
    // « le ministre » is not « le Premier ministre ».
    if np.need.iter().any(|w| w == "ministre")
        && !np.need.iter().any(|w| w == "premier")
        && words
            .windows(2)
            .any(|p| matches!(p[0], "premier" | "première") && p[1] == "ministre")
    {
        return false;
    }
    let Some(c) = &np.country else {
        return true;
    };
    let evidence = gaz_country.is_some_and(|g| g.to_lowercase() == *c)
        || role_l.contains(c.as_str())
        || words
            .iter()
            .any(|w| lex.demonyms.get(*w).is_some_and(|d| d.to_lowercase() == *c));
    if evidence {
        return true;
    }
    // No nationality said either way: the title alone decides.
    gaz_country.is_none() && !words.iter().any(|w| lex.demonyms.contains_key(*w))
}

/// Can `role` fit the phrase's title? Some word of it starts (ignoring case) like the title's first
/// word, or one of its alternatives', or opens a periphrasis.
pub(crate) fn role_may_fit(np: &RoleNp, role: &str) -> bool {
    // Five letters, but no further than before a « -teur » ending, whose feminine
    // « -trice » shares only the stem (« acteur » / « actrice », « auteur » / « autrice »).
    fn stem(w: &str) -> &str {
        let n = if w.ends_with("teur") {
            w.len() - 4
        } else {
            w.len()
        };
        let w = &w[..n.max(1).min(w.len())];
        &w[..w.char_indices().nth(5).map_or(w.len(), |(i, _)| i)]
    }
    fn starts_ci(word: &str, stem: &str) -> bool {
        let mut wc = word.chars().flat_map(char::to_lowercase);
        stem.chars().all(|c| wc.next() == Some(c))
    }
    let mut keys = np
        .need
        .iter()
        .find(|w| !is_role_glue(w))
        .map(|w| stem(w))
        .into_iter()
        .chain(
            np.alts
                .iter()
                .filter_map(|alt| alt.first())
                .map(|w| stem(w)),
        )
        .peekable();
    if keys.peek().is_none() {
        return true;
    }
    let words = || {
        role.split(|c: char| c.is_whitespace() || c == '\'' || c == '’')
            .filter(|w| !w.is_empty())
    };
    keys.any(|k| words().any(|x| starts_ci(x, k)))
        || words().any(|x| {
            periphrasis_first().contains(x)
                || (x.chars().any(char::is_uppercase)
                    && periphrasis_first().contains(&x.to_lowercase()))
        })
}

/// First words of the periphrases (« chef », « locataire », « patron » …).
pub(crate) fn periphrasis_first() -> &'static crate::fxhash::FxHashSet<String> {
    static F: std::sync::OnceLock<crate::fxhash::FxHashSet<String>> = std::sync::OnceLock::new();
    F.get_or_init(|| {
        periphrases()
            .iter()
            .map(|(cue, _)| cue[0].clone())
            .collect()
    })
}

/// The periphrases of `titles.tsv` that name one role: (cue words, words of the role, masculine),
/// built once.
pub(crate) fn periphrases() -> &'static [(Vec<String>, Vec<String>)] {
    static P: std::sync::OnceLock<Vec<(Vec<String>, Vec<String>)>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let lex = lexicons();
        lex.title_same
            .iter()
            .enumerate()
            .filter_map(|(i, same)| {
                let same = same.as_ref()?;
                let raw = &lex.title_cues.entries[i].1;
                // A periphrasis of several offices with a complement (« chef de la diplomatie »:
                // ministre des Affaires étrangères | secrétaire d'État | haut représentant; « chef
                // de l'État », « chef du gouvernement ») gives the words of each: a person so
                // described fits « le ministre russe ». Not a bare noun of many offices (« élu »,
                // « diplomate »): a diplomat is not thereby the minister.
                if same.contains('|')
                    && !raw
                        .split_whitespace()
                        .any(|w| matches!(w, "de" | "du" | "d'" | "des"))
                {
                    return None;
                }
                let cue = role_words(raw);
                let words = same
                    .split('|')
                    .flat_map(|alt| role_words(alt.split(" (").next().unwrap_or(alt)))
                    .map(|w| masculine(&w).into_owned())
                    .collect();
                (!cue.is_empty()).then_some((cue, words))
            })
            .collect()
    })
}

/// The words of the role phrase written just before mention `m` (« l'émissaire français pour
/// le Kosovo Marc Delorme »), even where they are no role of the entity recogniser.
pub(crate) fn role_before_words(doc: &Doc, m: &EMention) -> String {
    let lex = lexicons();
    // Most names follow no role word: nothing to collect.
    let prev_ok = m.a > 0 && {
        let w = doc.tok_lower(m.a - 1);
        w == ","
            || lex.title_words.contains(w)
            || lex.demonyms.contains_key(w)
            || doc.is_cap(m.a - 1)
    };
    if !prev_ok {
        return String::new();
    }
    // « l'avocat de M. Roux »: the role is someone else's.
    let mut p = m.a;
    while p > 0
        && (doc.tok(p - 1) == "."
            || lex.titles.get(doc.tok(p - 1)) == Some(&crate::lexicon::TitleKind::Honorific))
    {
        p -= 1;
    }
    if p > 0 && matches!(doc.tok_lower(p - 1), "de" | "d'" | "du" | "des") {
        return String::new();
    }
    let sent_start = doc.seg.sentences[doc.tokens()[m.a].sent()].tokens.start;
    let mut k = m.a;
    let mut commas = 0;
    while k > sent_start && m.a - k < 12 {
        let w = doc.tok_lower(k - 1);
        let ok = if w == "," {
            commas += 1;
            commas == 1 && k == m.a
        } else {
            doc.is_word(k - 1)
                && (lex.title_words.contains(w)
                    || lex.demonyms.contains_key(w)
                    || is_role_glue(w)
                    || matches!(w, "pour" | "auprès" | "spécial" | "spéciale")
                    || doc.is_cap(k - 1))
        };
        if !ok {
            break;
        }
        k -= 1;
    }
    (k..m.a)
        .map(|t| doc.tok_lower(t))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Does the person of mention `mi` fit the role phrase: any role the text gives the person in the
/// recent past, the role words before its mentions, or its gazetteer role?
pub(crate) fn person_fits(doc: &Doc, ms: &[EMention], group: &[usize], np: &RoleNp) -> bool {
    let m = &ms[group[0]];
    let gaz = gaz_person(m);
    let gaz_country = gaz.and_then(|g| g.country.as_deref());
    let role_ok = group.iter().any(|&j| match ms[j].role.as_deref() {
        // « avocate de la famille de » before the name: someone else's role.
        Some(r)
            if r.ends_with(" de")
                || r.ends_with(" du")
                || r.ends_with(" des")
                || r.ends_with(" d'")
                || r.ends_with(" d’") =>
        {
            false
        }
        Some(r) => {
            role_fits(np, r, gaz_country)
                || counterpart_role(doc, ms, j, r).is_some_and(|c| role_fits(np, &c, gaz_country))
        }
        // Role words the entity layer did not take as a role.
        None => role_fits_words(np, &role_before_words(doc, &ms[j]), gaz_country),
    }) || gaz
        .and_then(|g| g.role.as_deref())
        .is_some_and(|r| role_fits(np, r, gaz_country));
    // The gender last (the costlier check, for the few persons whose role fits).
    role_ok
        && np.gender.is_none_or(|g| {
            group
                .iter()
                .find_map(|&j| mention_gender(doc, &ms[j]))
                .is_none_or(|h| h == g)
        })
}

/// « Xi Jinping s'est entretenu avec son homologue kazakh Nourlan Abenov »: a counterpart holds the
/// office of the person of the same sentence whose counterpart it is, in its own country. For
/// mention `j` with role `r` (« homologue kazakh »), that person's role with its nationality
/// words replaced by the counterpart's (« président kazakh »), so that « le président kazakh »
/// or « le chef de l'État kazakh » refers back to Nourlan Abenov.
fn counterpart_role(doc: &Doc, ms: &[EMention], j: usize, r: &str) -> Option<String> {
    let lex = lexicons();
    let rl = r.to_lowercase();
    let mut words = rl.split_whitespace();
    if !words.next()?.starts_with("homologue") {
        return None;
    }
    let own: Vec<&str> = words.filter(|w| lex.demonyms.contains_key(*w)).collect();
    let sent = doc.tokens()[ms[j].a].sent();
    let other = (0..j)
        .rev()
        .map_while(|i| (doc.tokens()[ms[i].a].sent() == sent).then_some(i));
    let host = other
        .filter(|&i| ms[i].etype == EntityType::PER && ms[i].canonical != ms[j].canonical)
        .find_map(|i| {
            ms[i]
                .role
                .clone()
                .or_else(|| Some(role_before_words(doc, &ms[i])))
                .filter(|h| !h.is_empty() && !h.to_lowercase().starts_with("homologue"))
        })?;
    let mut out: Vec<String> = host
        .to_lowercase()
        .split_whitespace()
        .filter(|w| !lex.demonyms.contains_key(*w))
        .map(str::to_string)
        .collect();
    out.extend(own.iter().map(|w| w.to_string()));
    Some(out.join(" "))
}

/// [`role_fits`] on the words before a mention, when they hold a title.
pub(crate) fn role_fits_words(np: &RoleNp, words: &str, gaz_country: Option<&str>) -> bool {
    !words.is_empty()
        && words
            .split(' ')
            .any(|w| lexicons().titles.contains_key(w) || lexicons().title_first.contains(w))
        && role_fits(np, words, gaz_country)
}

/// After the comma closing a title at `from`, a continuation of that title up to the next
/// comma (returned): more portfolios, each a « de »/« du »/« des » + capitalised noun
/// (« de la Coopération et des Nigériens de l'extérieur »), or a second office (« porte-parole
/// du gouvernement », « chargé des Transports »). At most 12 words, no person, no verb.
fn title_continuation(doc: &Doc, ms: &[EMention], from: usize, lim: usize) -> Option<usize> {
    let lex = lexicons();
    let first = doc.tok_lower(from.min(doc.tokens().len().saturating_sub(1)));
    if from + 1 >= lim {
        return None;
    }
    let portfolio = matches!(first, "de" | "du" | "des" | "d'") && {
        let mut j = from + 1;
        if matches!(doc.tok_lower(j), "la" | "l'") {
            j += 1;
        }
        j < lim && doc.is_cap(j)
    };
    let office = lex.title_words.contains(first)
        && lex.titles.get(doc.tok(from)) != Some(&crate::lexicon::TitleKind::Honorific);
    if !(portfolio || office) {
        return None;
    }
    let mut k = from;
    while k < lim && k - from <= 12 {
        let w = doc.tok_lower(k);
        if w == "," {
            return (k > from + 1).then_some(k);
        }
        if !doc.is_word(k)
            || lex.speech.contains_key(w)
            || mentions_in(ms, k, k + 1).any(|(_, m)| m.etype == EntityType::PER)
        {
            return None;
        }
        k += 1;
    }
    None
}

/// A person named right after a role phrase ending at `e` (« le président turc Recep Tayyip
/// Erdogan », « la secrétaire générale du syndicat enseignant, Anne Roux »): the phrase is
/// that person's title, not a reference to someone named before.
pub(crate) fn apposed_name(doc: &Doc, ms: &[EMention], e: usize, lim: usize) -> Option<usize> {
    let lex = lexicons();
    let mut k = e;
    let mut plain = false;
    // Words a further portfolio or title between commas lets through (below).
    let mut budget = 10;
    while k < lim && k - e < budget {
        if let Some((mi, m)) = mentions_in(ms, k, k + 1)
            .next()
            .filter(|(_, m)| !is_honorific_mention(doc, m))
        {
            // Not the person of a « de » complement: « l'avocat de Marc Roux » is his lawyer.
            let mut p = k;
            while p > e
                && (doc.tok(p - 1) == "."
                    || lex.titles.get(doc.tok(p - 1))
                        == Some(&crate::lexicon::TitleKind::Honorific))
            {
                p -= 1;
            }
            let of = p > e && matches!(doc.tok_lower(p - 1), "de" | "d'" | "du" | "des");
            if m.etype == EntityType::PER && of {
                k = m.b;
                plain = true;
                continue;
            }
            if m.etype == EntityType::PER && (!plain || (k > e && doc.tok(k - 1) == ",")) {
                return Some(mi);
            }
            if m.etype == EntityType::PER {
                return None;
            }
            k = m.b;
            continue;
        }
        let w = doc.tok_lower(k);
        if w == "," {
            // The name must come right after the comma, or after an honorific (« l'avocate des
            // familles, Me Anne Roux », « son coordinateur, le Dr Paul Sy »).
            let article = k + 2 < lim
                && doc.tok_lower(k + 1) == "le"
                && lex.titles.get(doc.tok(k + 2)) == Some(&crate::lexicon::TitleKind::Honorific);
            let mut j = k + 1 + usize::from(article);
            while j < lim
                && j < k + 4
                && (lex.titles.get(doc.tok(j)) == Some(&crate::lexicon::TitleKind::Honorific)
                    || (j > k + 1 && doc.tok(j) == "."))
            {
                j += 1;
            }
            if let Some((mi, m)) = mentions_in(ms, j, j + 1)
                .next()
                .filter(|(_, m)| !is_honorific_mention(doc, m))
            {
                if m.etype == EntityType::PER {
                    return Some(mi);
                }
            }
            // A title goes on between commas with more portfolios or a second office before
            // the name (« le ministre des Affaires étrangères, de la Coopération et des
            // Nigériens de l'extérieur, Amadou Kiari », « le ministre de la Communication,
            // porte-parole du gouvernement, Paul Roux »): the next comma is tried in turn.
            if let Some(c) = title_continuation(doc, ms, k + 1, lim) {
                budget = budget.max(c - e + 4);
                k = c;
                continue;
            }
            return None;
        }
        // The period of an honorific (« M. », « Mme. »).
        if w == "."
            && k > e
            && lex.titles.get(doc.tok(k - 1)) == Some(&crate::lexicon::TitleKind::Honorific)
        {
            k += 1;
            continue;
        }
        if !doc.is_word(k) || lex.speech.contains_key(w) {
            return None;
        }
        if !(is_role_glue(w)
            || doc.is_cap(k)
            || lex.title_words.contains(w)
            || lex.demonyms.contains_key(w)
            || lex.titles.get(doc.tok(k)) == Some(&crate::lexicon::TitleKind::Honorific)
            // The head noun of a state body (« le directeur de la Communication de la présidence
            // turque Orhan Yildiz », « le porte-parole de l'ambassade chinoise Li Wei »).
            || matches!(
                w,
                "présidence"
                    | "ministère"
                    | "gouvernement"
                    | "ambassade"
                    | "consulat"
                    | "agence"
                    | "armée"
                    | "diplomatie"
                    | "commission"
                    | "parlement"
                    | "assemblée"
                    | "mission"
                    | "délégation"
            ))
        {
            // Other words (« du premier syndicat français ») only before a comma.
            plain = true;
        }
        k += 1;
    }
    None
}

/// Resolves a role noun phrase starting at token `at` (« le ministre turc », « le président
/// russe », « la porte-parole », « le chef de la diplomatie », « le locataire de la
/// Maison-Blanche ») to a person: the one named right after it (« le président turc, Recep
/// Tayyip Erdogan »), else the latest person before it whose role fits the title, nationality and
/// gender (roles the text gives the person, role words before its mentions, and the gazetteer's
/// role and country). Returns the mention
/// index and the end token of the phrase.
pub(crate) fn resolve_role_np(
    doc: &Doc,
    ms: &[EMention],
    at: usize,
    lim: usize,
) -> Option<(usize, usize)> {
    // Remembered per document and mention list (the answer depends on nothing else).
    let memo = &doc.role_np_memo;
    let list = (ms.as_ptr() as usize, ms.len());
    if memo.mentions.get() != list {
        memo.mentions.set(list);
        memo.answers.borrow_mut().clear();
    }
    let key = (at as u32, lim.min(u32::MAX as usize) as u32);
    if let Some(&r) = memo.answers.borrow().get(&key) {
        return r.map(|(a, b)| (a as usize, b as usize));
    }
    let r = resolve_role_np_uncached(doc, ms, at, lim);
    memo.answers
        .borrow_mut()
        .insert(key, r.map(|(a, b)| (a as u32, b as u32)));
    r
}

/// « Le ministère iranien des Affaires étrangères a réagi. « … », a averti le ministère »: a
/// definite article and the bare head noun of a body (« le ministère », « la présidence », « le
/// parti »: no complement after it) refer back to the nearest body the text named with that
/// head, in this paragraph or the one before.
pub(crate) fn org_antecedent(doc: &Doc, ms: &[EMention], k: usize) -> Option<usize> {
    if k + 1 >= doc.tokens().len() || !matches!(doc.tok_lower(k), "le" | "la" | "l'") {
        return None;
    }
    // Heads that, bare and definite, name a body met before; not « le mouvement », « le parti »,
    // « la police », mostly common nouns of their own (« sur le mouvement » of protesters).
    let noun = doc.tok_lower(k + 1);
    if !doc.is_word(k + 1)
        || doc.is_cap(k + 1)
        || !matches!(
            noun,
            "ministère"
                | "présidence"
                | "gouvernement"
                | "commission"
                | "assemblée"
                | "parlement"
                | "sénat"
                | "agence"
                | "organisation"
                | "institut"
                | "comité"
                | "conseil"
                | "fédération"
                | "mairie"
                | "préfecture"
                | "parquet"
                | "tribunal"
        )
    {
        return None;
    }
    // Not the complement of a noun (« le patron de la police », « le chef du gouvernement »).
    if k > 0 && doc.tok_lower(k - 1) != "selon" && PREPOSITIONS.contains(&doc.tok_lower(k - 1)) {
        return None;
    }
    // « selon l'agence », « a rapporté l'agence de presse officielle », « l'agence souligne »:
    // the news agency the text named last (an outlet of the media gazetteer, or a body named
    // « Agence … »), anywhere before.
    if noun == "agence" {
        let lex = lexicons();
        let n = doc.tokens().len();
        let mut e = k + 2;
        if e + 1 < n && doc.tok_lower(e) == "de" && doc.tok_lower(e + 1) == "presse" {
            e += 2;
        }
        while e < n
            && (matches!(
                doc.tok_lower(e),
                "officielle" | "nationale" | "publique" | "étatique" | "gouvernementale" | "d'état"
            ) || lex.demonyms.contains_key(doc.tok_lower(e)))
        {
            e += 1;
        }
        if e < n && matches!(doc.tok_lower(e), "de" | "du" | "des" | "d'") {
            return None;
        }
        let end = ms.partition_point(|m| m.a < k);
        return (0..end).rev().take(60).find(|&mi| {
            let m = &ms[mi];
            m.etype == EntityType::ORG
                && (m.canonical.to_lowercase().starts_with("agence")
                    || m.entry.is_some_and(|g| lex.gaz[g].is_outlet())
                    || lex
                        .by_form
                        .get(&m.canonical.to_lowercase())
                        .is_some_and(|v| v.iter().any(|&g| lex.gaz[g].is_outlet())))
        });
    }
    if k + 2 < doc.tokens().len()
        && (matches!(doc.tok_lower(k + 2), "de" | "du" | "des" | "d'")
            || lexicons().demonyms.contains_key(doc.tok_lower(k + 2)))
    {
        return None;
    }
    let block = doc.seg.sentences[doc.tokens()[k].sent()].block;
    let end = ms.partition_point(|m| m.a < k);
    (0..end).rev().take(30).find(|&mi| {
        let m = &ms[mi];
        m.etype == EntityType::ORG
            && doc.seg.sentences[doc.tokens()[m.a].sent()].block + 1 >= block
            && m.canonical
                .split_whitespace()
                .next()
                .is_some_and(|h| h.to_lowercase() == noun)
    })
}

/// « La partie ougandaise a affirmé que … » in the readout of a meeting: « la partie » and a
/// demonym name the side of that country, which speaks through the person of that nationality
/// the text named last before it (a role or role words with the demonym or the country, or the
/// gazetteer's country). Returns that mention and the end of the phrase.
fn side_person(doc: &Doc, ms: &[EMention], at: usize, lim: usize) -> Option<(usize, usize)> {
    let lex = lexicons();
    if at + 2 >= lim
        || doc.tok_lower(at) != "la"
        || doc.tok_lower(at + 1) != "partie"
        || (at > 0 && PREPOSITIONS.contains(&doc.tok_lower(at - 1)))
    {
        return None;
    }
    let country = lex.demonyms.get(doc.tok_lower(at + 2))?.to_lowercase();
    let of_country = |text: &str| {
        let t = text.to_lowercase();
        t.contains(country.as_str())
            || t.split(|c: char| c.is_whitespace() || c == '\'').any(|w| {
                lex.demonyms
                    .get(w)
                    .is_some_and(|d| d.to_lowercase() == country)
            })
    };
    let end = ms.partition_point(|m| m.a < at);
    // The meeting is in this paragraph or the one before, its person a subject or a guest, not
    // the complement of a noun (« le gouvernement de Xi Jinping » is no side's voice).
    let block = doc.seg.sentences[doc.tokens()[at].sent()].block;
    (end.saturating_sub(ROLE_WINDOW)..end)
        .rev()
        .find(|&j| {
            let m = &ms[j];
            m.etype == EntityType::PER
                && doc.seg.sentences[doc.tokens()[m.a].sent()].block + 1 >= block
                && !(m.a > 0 && matches!(doc.tok_lower(m.a - 1), "de" | "du" | "d'"))
                && !is_honorific_mention(doc, m)
                && (m.role.as_deref().is_some_and(of_country)
                    || of_country(&role_before_words(doc, m))
                    || gaz_person(m)
                        .and_then(|g| g.country.as_deref())
                        .is_some_and(|c| c.to_lowercase() == country))
        })
        .map(|j| (j, at + 3))
}

pub(crate) fn resolve_role_np_uncached(
    doc: &Doc,
    ms: &[EMention],
    at: usize,
    lim: usize,
) -> Option<(usize, usize)> {
    if let Some(r) = side_person(doc, ms, at, lim) {
        return Some(r);
    }
    let Some(np) = parse_role_np(doc, ms, at, lim) else {
        // « le ministère », « la présidence »: the body named before with that head.
        return org_antecedent(doc, ms, at).map(|mi| (mi, at + 2));
    };
    if let Some(mi) = apposed_name(doc, ms, np.end, lim) {
        return Some((mi, ms[mi].b));
    }
    // « le chef du Département des finances » after « Marc Roux, chef du Département des
    // finances »: the person the text gave that organisation's title.
    if let Some(org) = np.org.as_deref().filter(|_| np.generic) {
        if let Some(mi) = org_title_holder(doc, ms, org, at) {
            return Some((mi, np.end));
        }
    }
    if np.generic && np.country.is_none() {
        return None;
    }
    // Only the recent past: a role phrase refers back to a person named at most
    // `ROLE_WINDOW` mentions earlier (or a little later, below). The persons of the window,
    // each with its mentions, in one pass.
    let end = ms.partition_point(|m| m.a < at);
    let lo = end.saturating_sub(ROLE_WINDOW);
    let hi = (end + ROLE_WINDOW / 2).min(ms.len());
    let mut groups: crate::fxhash::FxHashMap<&str, Vec<usize>> =
        crate::fxhash::FxHashMap::with_capacity_and_hasher(hi - lo, Default::default());
    for (j, m) in ms.iter().enumerate().take(hi).skip(lo) {
        if m.etype == EntityType::PER && !is_honorific_mention(doc, m) {
            groups.entry(m.canonical.as_str()).or_default().push(j);
        }
    }
    // At most `ROLE_PERSONS` persons are tried (the nearest), which bounds the cost in texts
    // crowded with names.
    let mut tried: crate::fxhash::FxHashSet<&str> = Default::default();
    let mut fits = |mi: usize| {
        let name = ms[mi].canonical.as_str();
        tried.len() < ROLE_PERSONS
            && tried.insert(name)
            && groups
                .get(name)
                .is_some_and(|g| person_fits(doc, ms, g, &np))
    };
    for mi in (lo..end).rev() {
        if ms[mi].etype == EntityType::PER && fits(mi) {
            return Some((mi, np.end));
        }
    }
    // A role may name a person the text names only later (« Le président chinois met en garde
    // … » in a headline, « Xi Jinping a déclaré … » in the body); not a person of the same
    // sentence (« Le président a reçu Vladimir Poutine »: the guest is not the host).
    // Far ahead only where a text announces before it names: its headline and lede (the first
    // three paragraphs); further on, only the next sentence (« », a assuré le ministre » is
    // not a minister a later paragraph introduces).
    let sent = doc.tokens()[at].sent();
    let lede = doc.seg.sentences[sent].block < 3;
    if let Some(mi) = (end..hi).find(|&mi| {
        let ms_sent = doc.tokens()[ms[mi].a].sent();
        ms[mi].etype == EntityType::PER
            && ms_sent > sent
            && (lede || ms_sent == sent + 1)
            && fits(mi)
    }) {
        return Some((mi, np.end));
    }
    // An office in the lede naming nobody yet (« « … », a souligné le ministre de l'Intérieur »)
    // and a person the lede names next without any title (« « … », a ajouté Karim Benali »):
    // that person, when the text gives no one else the title and the person none at all.
    if lede && !np.generic {
        let roleless = |j: usize| {
            let name = ms[j].canonical.as_str();
            groups.get(name).is_some_and(|g| {
                g.iter().all(|&i| {
                    ms[i].role.is_none()
                        && !role_before_words(doc, &ms[i])
                            .split(' ')
                            .any(|w| lexicons().titles.contains_key(w))
                })
            }) && gaz_person(&ms[j]).is_none_or(|e| e.role.is_none())
        };
        let later = (end..hi).find(|&j| {
            ms[j].etype == EntityType::PER
                && doc.tokens()[ms[j].a].sent() > sent
                && doc.seg.sentences[doc.tokens()[ms[j].a].sent()].block < 3
                && !governed(doc, &ms[j])
                && !is_honorific_mention(doc, &ms[j])
        });
        // The person is a speaker there (« a souligné Karim Benali », « Karim Benali a déclaré »).
        let speaks = |j: usize| {
            let m = &ms[j];
            let n = doc.tokens().len();
            (m.a.saturating_sub(3)..m.a)
                .chain(m.b..(m.b + 3).min(n))
                .any(|t| {
                    lexicons().speech.get(doc.tok_lower(t))
                        == Some(&crate::lexicon::SpeechKind::Speech)
                })
        };
        let later = later.filter(|&j| speaks(j));
        if let Some(j) = later.filter(|&j| roleless(j)) {
            let no_earlier = (lo..end).all(|i| ms[i].etype != EntityType::PER);
            let g_ok = np.gender.is_none_or(|g| {
                groups
                    .get(ms[j].canonical.as_str())
                    .and_then(|gr| gr.iter().find_map(|&i| mention_gender(doc, &ms[i])))
                    .is_none_or(|h| h == g)
            });
            if no_earlier && g_ok {
                return Some((j, np.end));
            }
        }
    }
    // A profession noun the text never gave anyone (« la cinéaste », « le syndicaliste » after
    // « le premier film de Nadia Roux »): the single earlier person of that gender the text
    // gives no role at all (a person with another role is not meant).
    let profession = np.need.first().is_some_and(|w| is_profession(w))
        || np
            .alts
            .iter()
            .any(|a| a.first().is_some_and(|w| is_profession(w)));
    if !profession {
        return None;
    }
    let g = np.gender?;
    let mut pick: Option<usize> = None;
    for (name, group) in &groups {
        let first = group[0];
        if first >= end
            || group.iter().any(|&j| {
                ms[j].role.is_some()
                    || role_before_words(doc, &ms[j]).split(' ').any(|w| {
                        lexicons().titles.contains_key(w) || lexicons().title_first.contains(w)
                    })
            })
            || gaz_person(&ms[first]).is_some_and(|e| e.role.is_some())
            || group.iter().find_map(|&j| mention_gender(doc, &ms[j])) != Some(g)
        {
            continue;
        }
        let last = group
            .iter()
            .copied()
            .filter(|&j| j < end)
            .max()
            .unwrap_or(first);
        if pick.is_some_and(|p| ms[p].canonical != *name) {
            return None;
        }
        pick = Some(last);
    }
    pick.map(|mi| (mi, np.end))
}

/// Profession nouns (masculine) a text may use for a person it gave no title (« la cinéaste »,
/// « l'élu », « le syndicaliste »), unlike offices (« le ministre ») that name a post.
fn is_profession(w: &str) -> bool {
    matches!(
        w,
        "cinéaste"
            | "réalisateur"
            | "acteur"
            | "comédien"
            | "écrivain"
            | "romancier"
            | "auteur"
            | "chanteur"
            | "musicien"
            | "artiste"
            | "peintre"
            | "photographe"
            | "syndicaliste"
            | "élu"
            | "militant"
            | "chercheur"
            | "scientifique"
            | "historien"
            | "sociologue"
            | "économiste"
            | "avocat"
            | "médecin"
            | "entraîneur"
            | "architecte"
            | "agriculteur"
            | "éleveur"
            | "entrepreneur"
    )
}

/// The latest person before token `at` written with a title of organisation `org` in
/// apposition (« Marc Roux, chef du Département des finances »).
fn org_title_holder(doc: &Doc, ms: &[EMention], org: &str, at: usize) -> Option<usize> {
    let lex = lexicons();
    let end = ms.partition_point(|m| m.a < at);
    for oi in (end.saturating_sub(ROLE_WINDOW)..end).rev() {
        let o = &ms[oi];
        if o.etype != EntityType::ORG || o.canonical != org {
            continue;
        }
        let mut t = o.a;
        while t > 0 && o.a - t < 8 {
            let w = doc.tok_lower(t - 1);
            if w == "," {
                return ms[..oi]
                    .iter()
                    .rposition(|m| m.b == t - 1 && m.etype == EntityType::PER);
            }
            if !(is_role_glue(w) || lex.title_words.contains(w) || lex.demonyms.contains_key(w)) {
                break;
            }
            t -= 1;
        }
    }
    None
}

/// How far back (in mentions) a role phrase may refer: keeps the search linear in the document.
pub(crate) const ROLE_WINDOW: usize = 80;

/// How many persons (the nearest) a role phrase is tried against.
pub(crate) const ROLE_PERSONS: usize = 24;

/// Prepositions that govern a noun phrase (a governed mention is not a subject).
pub(crate) const PREPOSITIONS: &[&str] = &[
    "de", "d'", "du", "des", "à", "au", "aux", "avec", "contre", "en", "dans", "sur", "pour",
    "par", "entre", "vers", "chez", "sans", "sous", "selon", "envers", "auprès", "depuis",
];

/// Is the mention governed by a preposition (so not a subject)?
pub(crate) fn governed(doc: &Doc, m: &EMention) -> bool {
    let lex = lexicons();
    let mut k = m.a;
    // Skip articles, honorifics and role words back to the governing word.
    while k > 0 {
        let w = doc.tok_lower(k - 1);
        if matches!(w, "le" | "la" | "les" | "l'" | "m." | "m" | "mme" | ".")
            || (lex.titles.contains_key(w) && !PREPOSITIONS.contains(&w))
            || lex.demonyms.contains_key(w)
        {
            k -= 1;
            continue;
        }
        return PREPOSITIONS.contains(&w);
    }
    false
}

/// A sentence (or clause) opening at `start` with a present participle (« Critiquant la
/// politique de X, », « Accusant Washington de … », « Notant que … , », « Réagissant à … , »):
/// the token after the comma that closes that participial clause, where the main clause and
/// its subject begin (after a person in apposition right after that comma, « Évoquant le
/// président, Paul Roux, le ministre … », when another comma follows it). Not « Durant »,
/// « Pendant », « Cependant » …, not a name.
pub(crate) fn participial_clause_end(
    doc: &Doc,
    ms: &[EMention],
    start: usize,
    lim: usize,
) -> Option<usize> {
    if start >= lim || !doc.is_word(start) {
        return None;
    }
    let w = doc.tok_lower(start);
    if !w.ends_with("ant")
        || w.chars().count() < 6
        || matches!(
            w,
            "cependant"
                | "pendant"
                | "durant"
                | "maintenant"
                | "avant"
                | "suivant"
                | "moyennant"
                | "néanmoins"
                | "pourtant"
                | "devant"
                | "constant"
                | "important"
                | "méchant"
        )
        || mentions_in(ms, start, start + 1).next().is_some()
    {
        return None;
    }
    let mut k = start + 1;
    while k < lim && k - start < 40 {
        if doc.tok(k) == "," && !in_quote_tok(doc, k) {
            let mut e = k + 1;
            // A person in apposition inside the clause: its closing comma ends the clause.
            if let Some((_, m)) = mentions_in(ms, e, e + 1).next() {
                if m.etype == EntityType::PER && m.b < lim && doc.tok(m.b) == "," {
                    let rest = (m.b + 1..lim.min(m.b + 12)).any(|j| {
                        mentions_in(ms, j, j + 1).any(|(_, n)| n.etype == EntityType::PER)
                            || matches!(doc.tok_lower(j), "il" | "elle" | "le" | "la" | "l'")
                    });
                    if rest {
                        e = m.b + 1;
                    }
                }
            }
            return (e < lim).then_some(e);
        }
        k += 1;
    }
    None
}

/// The subject of a sentence (before token `before`): its first person mention not governed
/// by a preposition, or a role noun phrase (« le dirigeant russe ») naming a person met
/// earlier, that `ok(mention, token)` accepts.
pub(crate) fn sentence_subject_where(
    doc: &Doc,
    ms: &[EMention],
    sent: usize,
    before: usize,
    ok: &dyn Fn(usize, usize) -> bool,
) -> Option<usize> {
    let s = &doc.seg.sentences[sent];
    let end = before.min(s.tokens.end);
    // « Critiquant la politique de l'administration Trump, Karim Javadi a … »: the persons of an
    // opening participial clause are not the subject.
    let mut t = participial_clause_end(doc, ms, s.tokens.start, end).unwrap_or(s.tokens.start);
    // First mention starting at or after `t` (`t` only grows).
    let mut mi = ms.partition_point(|m| m.a < t);
    while t < end {
        while ms.get(mi).is_some_and(|m| m.a < t) {
            mi += 1;
        }
        if let Some(m) = ms.get(mi).filter(|m| m.a == t) {
            if m.etype == EntityType::PER && !governed(doc, m) && ok(mi, t) {
                return Some(mi);
            }
            t = m.b.max(t + 1);
            continue;
        }
        if matches!(doc.tok_lower(t), "le" | "la" | "l'")
            && !(t > s.tokens.start && PREPOSITIONS.contains(&doc.tok_lower(t - 1)))
        {
            if let Some((mi, e)) = resolve_role_np(doc, ms, t, end) {
                if ok(mi, t) {
                    return Some(mi);
                }
                t = e.max(t + 1);
                continue;
            }
        }
        t += 1;
    }
    None
}
