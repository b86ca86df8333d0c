//! Gazetteers and lexicons, compiled into the binary from `data/` and parsed once.
//!
//! Every entry keeps its origin (`file:line`), so every annotation can say which entry produced
//! it. File formats are documented in `data/gazetteer/README.md` and `data/lexicon/README.md`.
//!
//! Invariants:
//! - parsing never panics on a malformed line: it is skipped (and counted in `skipped`);
//! - [`lexicons`] returns the same `'static` instance on every call (built on first use).

use crate::doc::Doc;
use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::schema::{EntityType, Polarity};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::OnceLock;

macro_rules! data {
    ($p:literal) => {
        (
            $p,
            // Minified by build.rs (same line numbers, comments and notes dropped).
            include_str!(concat!(env!("OUT_DIR"), "/data/", $p)),
        )
    };
}

/// Iterates over the non-comment, non-empty lines of a TSV file: `(line number, columns)`.
fn rows<'a>(src: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    src.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            None
        } else {
            Some((i + 1, l.split('\t').map(str::trim).collect()))
        }
    })
}

fn multi(col: Option<&&str>) -> Vec<String> {
    col.map(|c| {
        c.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.replace('’', "'"))
            .collect()
    })
    .unwrap_or_default()
}

/// One gazetteer entry (a real-world entity).
#[derive(Debug, Clone)]
pub struct GazEntry {
    pub canonical: String,
    pub etype: EntityType,
    /// `country`, `city`, `intergov`, `state_media`… (the file's kind column).
    pub kind: String,
    pub acronym: Option<String>,
    pub role: Option<String>,
    pub country: Option<String>,
    /// Short forms for people (« Wang », « Poutine »).
    pub short: Vec<String>,
    pub state_affiliated: bool,
    /// `people.tsv:12`.
    pub origin: String,
}

impl GazEntry {
    /// An entry with no acronym, role, country, short form or media flags.
    fn new(canonical: &str, etype: EntityType, kind: &str, origin: String) -> Self {
        GazEntry {
            canonical: canonical.replace('’', "'"),
            etype,
            kind: kind.to_string(),
            acronym: None,
            role: None,
            country: None,
            short: Vec::new(),
            state_affiliated: false,
            origin,
        }
    }
}

/// Interned lower-cased words of the token lexicons: each word used by a cue pattern gets a dense
/// id, and [`Doc`] looks every token up once ([`Doc::tok_id`]), so matching compares integers
/// instead of hashing the same token string again for every lexicon.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
}

impl Vocab {
    /// Id of a token not in the vocabulary.
    pub const NONE: u32 = u32::MAX;

    fn intern(&mut self, w: &str) -> u32 {
        let n = self.ids.len() as u32;
        *self.ids.entry(w.to_string()).or_insert(n)
    }

    /// Id of a lower-cased word, or [`Vocab::NONE`].
    pub fn id(&self, w: &str) -> u32 {
        self.ids.get(w).copied().unwrap_or(Self::NONE)
    }

    /// Ids of all tokens of `doc` (lower-cased forms).
    pub fn ids(&self, doc: &Doc) -> Vec<u32> {
        (0..doc.tokens().len())
            .map(|i| self.id(doc.tok_lower(i)))
            .collect()
    }
}

/// A token pattern element (see `data/lexicon/README.md`).
#[derive(Debug, Clone, PartialEq)]
enum PTok {
    /// A lower-cased word, by its [`Vocab`] id.
    Exact(u32),
    Prefix(String),
    Any,
}

/// Patterns sharing an exact first word.
#[derive(Debug, Default)]
struct FirstBucket {
    /// One-token patterns and patterns whose second token is not exact.
    any_second: Vec<usize>,
    /// Patterns by exact second word id.
    by_second: HashMap<u32, Vec<usize>>,
}

/// Matches token-sequence cues (with `*` prefix, `?` optional and `_` wildcard tokens).
///
/// Exact words are compared by [`Vocab`] id: a matcher is used with the token ids computed with
/// the vocabulary it was built with (the lexicons' one for [`Doc::tok_id`]).
#[derive(Debug, Default)]
pub struct CueMatcher<T> {
    patterns: Vec<(Vec<PTok>, usize)>,
    /// Patterns by exact first word id.
    by_first: HashMap<u32, FirstBucket>,
    /// Patterns whose first token is a prefix, by the prefix's first character.
    prefix_first: HashMap<char, Vec<usize>>,
    /// Payload and origin per cue line.
    pub entries: Vec<(T, String, String)>,
}

/// A cue match: token range and entry index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

impl<T> CueMatcher<T> {
    fn new() -> Self {
        CueMatcher {
            patterns: Vec::new(),
            by_first: HashMap::default(),
            prefix_first: HashMap::default(),
            entries: Vec::new(),
        }
    }

    /// Adds a cue such as `s' oppos* résolument? à`, interning its words in `vocab`.
    fn add(&mut self, vocab: &mut Vocab, cue: &str, payload: T, origin: String) {
        let entry = self.entries.len();
        self.entries.push((payload, cue.to_string(), origin));
        // Expand optionals.
        let mut variants: Vec<Vec<PTok>> = vec![Vec::new()];
        for raw in cue.split_whitespace() {
            let raw = raw.replace('’', "'").to_lowercase();
            let (w, optional) = match raw.strip_suffix('?') {
                Some(w) if !w.is_empty() => (w.to_string(), true),
                _ => (raw.clone(), false),
            };
            let t = if w == "_" {
                PTok::Any
            } else if let Some(p) = w.strip_suffix('*').filter(|p| !p.is_empty()) {
                PTok::Prefix(p.to_string())
            } else {
                PTok::Exact(vocab.intern(&w))
            };
            if optional && variants.len() < 64 {
                let mut with = variants.clone();
                for v in &mut with {
                    v.push(t.clone());
                }
                variants.extend(with);
            } else {
                for v in &mut variants {
                    v.push(t.clone());
                }
            }
        }
        for v in variants {
            if v.is_empty() || v[0] == PTok::Any {
                continue;
            }
            let pid = self.patterns.len();
            match &v[0] {
                PTok::Exact(w) => {
                    let bucket = self.by_first.entry(*w).or_default();
                    match v.get(1) {
                        Some(PTok::Exact(s)) => bucket.by_second.entry(*s).or_default().push(pid),
                        _ => bucket.any_second.push(pid),
                    }
                }
                PTok::Prefix(p) => self
                    .prefix_first
                    .entry(p.chars().next().unwrap_or(' '))
                    .or_default()
                    .push(pid),
                PTok::Any => unreachable!(),
            }
            self.patterns.push((v, entry));
        }
    }

    fn tok_matches(p: &PTok, id: u32, w: &str) -> bool {
        match p {
            PTok::Exact(e) => *e == id,
            PTok::Prefix(pre) => w.starts_with(pre.as_str()),
            PTok::Any => true,
        }
    }

    /// Longest match starting at token `i` that stays inside `limit` (exclusive end token).
    pub fn longest_at(&self, doc: &Doc, i: usize, limit: usize) -> Option<CueHit> {
        self.longest_at_ids(doc, doc.tok_ids(), i, limit)
    }

    /// [`CueMatcher::longest_at`] with explicit token ids (`ids[i]` = vocabulary id of token i).
    pub fn longest_at_ids(&self, doc: &Doc, ids: &[u32], i: usize, limit: usize) -> Option<CueHit> {
        let limit = limit.min(doc.tokens().len());
        if i >= limit {
            return None;
        }
        let mut best: Option<CueHit> = None;
        let bucket = self.by_first.get(&ids[i]);
        let any_second = bucket.map(|b| b.any_second.as_slice()).unwrap_or_default();
        let exact_second = bucket
            .filter(|_| i + 1 < limit && ids[i + 1] != Vocab::NONE)
            .and_then(|b| b.by_second.get(&ids[i + 1]))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let by_prefix = if self.prefix_first.is_empty() {
            &[][..]
        } else {
            doc.tok_lower(i)
                .chars()
                .next()
                .and_then(|c| self.prefix_first.get(&c))
                .map(Vec::as_slice)
                .unwrap_or_default()
        };
        for &pid in any_second.iter().chain(exact_second).chain(by_prefix) {
            let (pat, entry) = &self.patterns[pid];
            if i + pat.len() > limit {
                continue;
            }
            let ok = pat
                .iter()
                .enumerate()
                .all(|(k, p)| Self::tok_matches(p, ids[i + k], doc.tok_lower(i + k)));
            if ok && best.is_none_or(|b| i + pat.len() > b.end) {
                best = Some(CueHit {
                    start: i,
                    end: i + pat.len(),
                    entry: *entry,
                });
            }
        }
        best
    }

    /// All leftmost-longest, non-overlapping matches in token range `a..b`.
    pub fn find_all(&self, doc: &Doc, a: usize, b: usize) -> Vec<CueHit> {
        self.find_all_ids(doc, doc.tok_ids(), a, b)
    }

    /// [`CueMatcher::find_all`] with explicit token ids.
    pub fn find_all_ids(&self, doc: &Doc, ids: &[u32], a: usize, b: usize) -> Vec<CueHit> {
        let mut out = Vec::new();
        let mut i = a;
        while i < b {
            if let Some(h) = self.longest_at_ids(doc, ids, i, b) {
                out.push(h);
                i = h.end;
            } else {
                i += 1;
            }
        }
        out
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeechKind {
    Speech,
    Source,
    Noun,
    Aux,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    Honorific,
    Role,
    Portfolio,
}

pub struct Lexicons {
    pub gaz: Vec<GazEntry>,
    /// Gazetteer surface forms (case-sensitive, at least 2 chars, first entry wins), with the
    /// entry each names: `gaz_forms[p] = (form, entry)`.
    pub gaz_forms: Vec<(String, usize)>,
    /// Forms by their first word ([`first_word`]), each list longest form first.
    pub gaz_first: HashMap<String, Vec<u32>>,
    /// The same lists by the [`Vocab`] id of the lower-cased first word, for tokens that are a
    /// single word ([`Doc::tok_id`]): one integer lookup per token.
    pub gaz_first_id: HashMap<u32, Vec<u32>>,
    /// Case-insensitive automaton over media names and domains (for publisher detection).
    pub media_ac: AhoCorasick,
    pub media_pat: Vec<usize>,
    /// Lower-cased surface form → entry indices (exact lookups, e.g. acronyms, short names).
    pub by_form: HashMap<String, Vec<usize>>,
    /// Short form of a person (« Poutine », « Wang ») → person entries.
    pub person_short: HashMap<String, Vec<usize>>,
    /// Demonym (lower case) → country canonical.
    pub demonyms: HashMap<String, String>,
    pub firstnames: HashSet<String>,
    pub function_words: HashSet<String>,
    pub stance: CueMatcher<Polarity>,
    pub frames: CueMatcher<String>,
    /// Frame id → (French label, English label).
    pub frame_labels: Vec<(String, String, String)>,
    pub speech: HashMap<String, SpeechKind>,
    /// One-word titles (« ministre », « président », « M ») → kind.
    pub titles: HashMap<String, TitleKind>,
    /// Every lower-cased word occurring in a title or portfolio (« affaires », « d' », « état »).
    pub title_words: HashSet<String>,
    /// Lower-cased first words of honorifics and role titles (where a title can start).
    pub title_first: HashSet<String>,
    /// Multi-word titles and portfolios as token sequences.
    pub title_cues: CueMatcher<TitleKind>,
    /// Words of the cue matchers above (see [`Vocab`]).
    pub vocab: Vocab,
    /// Capitalised head word → (entity type, ambiguous) (« Organisation » → ORG).
    pub heads: HashMap<String, (EntityType, bool)>,
    /// Boilerplate patterns: (kind, lower-cased pattern, whole-line only).
    pub boilerplate: Vec<(String, String, bool)>,
    /// Index of `boilerplate`: whole-line patterns by text, line-start patterns by their first
    /// (up to three) characters.
    pub boilerplate_whole: HashMap<String, Vec<usize>>,
    pub boilerplate_prefix: HashMap<String, Vec<usize>>,
    pub english_words: HashSet<String>,
    pub skipped: usize,
}

static LEX: OnceLock<Lexicons> = OnceLock::new();

/// The compiled-in lexicons (parsed on first use).
/// The first word of a gazetteer form or of the text at a position: its leading run of
/// alphanumeric characters (« États » for « États-Unis », « l » for « l'Union », « COVID » for
/// « COVID-19 »), or its first character when it starts with anything else. Every match of a form
/// starts with the form's first word, so looking it up at each token start finds all the forms
/// that can match there (what an overlapping Aho-Corasick search found, at a fraction of the cost).
pub fn first_word(s: &str) -> &str {
    let b = s.as_bytes();
    let mut end = 0;
    while end < b.len() {
        if b[end] < 0x80 {
            if !b[end].is_ascii_alphanumeric() {
                break;
            }
            end += 1;
        } else {
            match s[end..].chars().next() {
                Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
                _ => break,
            }
        }
    }
    if end == 0 {
        s.chars().next().map_or("", |c| &s[..c.len_utf8()])
    } else {
        &s[..end]
    }
}

pub fn lexicons() -> &'static Lexicons {
    LEX.get_or_init(build)
}

fn build() -> Lexicons {
    let mut skipped = 0;
    let mut gaz: Vec<GazEntry> = Vec::new();
    let mut forms: Vec<(String, usize)> = Vec::new();
    let mut demonyms = HashMap::default();
    let mut person_short: HashMap<String, Vec<usize>> = HashMap::default();

    let (name, src) = data!("gazetteer/places.tsv");
    for (ln, c) in rows(src) {
        if c.len() < 2 || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        let kind = c[1].to_string();
        gaz.push(GazEntry::new(
            c[0],
            EntityType::LOC,
            &kind,
            format!("{name}:{ln}"),
        ));
        forms.push((gaz[id].canonical.clone(), id));
        for v in multi(c.get(2)) {
            forms.push((v, id));
        }
        for d in multi(c.get(3)) {
            demonyms
                .entry(d.to_lowercase())
                .or_insert_with(|| gaz[id].canonical.clone());
        }
    }

    let (name, src) = data!("gazetteer/orgs.tsv");
    for (ln, c) in rows(src) {
        if c.is_empty() || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        let acr = multi(c.get(1));
        let mut g = GazEntry::new(
            c[0],
            EntityType::ORG,
            c.get(3).unwrap_or(&""),
            format!("{name}:{ln}"),
        );
        g.acronym = acr.first().cloned();
        gaz.push(g);
        forms.push((gaz[id].canonical.clone(), id));
        for v in acr.into_iter().chain(multi(c.get(2))) {
            forms.push((v, id));
        }
    }

    let (name, src) = data!("gazetteer/people.tsv");
    for (ln, c) in rows(src) {
        if c.is_empty() || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        let short = multi(c.get(1));
        let mut g = GazEntry::new(c[0], EntityType::PER, "person", format!("{name}:{ln}"));
        g.role = c.get(3).filter(|s| !s.is_empty()).map(|s| s.to_string());
        g.country = c.get(4).filter(|s| !s.is_empty()).map(|s| s.to_string());
        g.short = short.clone();
        gaz.push(g);
        forms.push((gaz[id].canonical.clone(), id));
        for v in multi(c.get(2)) {
            forms.push((v, id));
        }
        for s in short {
            person_short.entry(s).or_default().push(id);
        }
    }

    let mut media_forms: Vec<(String, usize)> = Vec::new();
    let (name, src) = data!("gazetteer/media.tsv");
    for (ln, c) in rows(src) {
        if c.is_empty() || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        let mut g = GazEntry::new(
            c[0],
            EntityType::ORG,
            c.get(4).unwrap_or(&""),
            format!("{name}:{ln}"),
        );
        g.country = c.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string());
        g.state_affiliated = c.get(3).is_some_and(|s| s.eq_ignore_ascii_case("yes"));
        gaz.push(g);
        media_forms.push((gaz[id].canonical.clone(), id));
        forms.push((gaz[id].canonical.clone(), id));
        for v in multi(c.get(1)) {
            media_forms.push((v.clone(), id));
            // Capitalised forms are names in running text; bare domains only match as written.
            forms.push((v, id));
        }
    }

    let (name, src) = data!("gazetteer/misc.tsv");
    for (ln, c) in rows(src) {
        if c.is_empty() || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        gaz.push(GazEntry::new(
            c[0],
            EntityType::MISC,
            c.get(2).unwrap_or(&""),
            format!("{name}:{ln}"),
        ));
        forms.push((gaz[id].canonical.clone(), id));
        for v in multi(c.get(1)) {
            forms.push((v, id));
        }
    }

    // Surface forms: first entry wins for a duplicated form (files are read in priority order).
    let mut seen = HashSet::default();
    let mut pats = Vec::new();
    let mut gaz_pat = Vec::new();
    let mut by_form: HashMap<String, Vec<usize>> = HashMap::default();
    for (f, id) in forms {
        by_form.entry(f.to_lowercase()).or_default().push(id);
        if f.chars().count() < 2 || !seen.insert(f.clone()) {
            continue;
        }
        pats.push(f);
        gaz_pat.push(id);
    }
    let mut vocab = Vocab::default();
    let mut gaz_first: HashMap<String, Vec<u32>> = HashMap::default();
    for (p, f) in pats.iter().enumerate() {
        gaz_first
            .entry(first_word(f).to_string())
            .or_default()
            .push(p as u32);
    }
    for v in gaz_first.values_mut() {
        v.sort_by_key(|&p| std::cmp::Reverse(pats[p as usize].len()));
    }
    let mut gaz_first_id: HashMap<u32, Vec<u32>> = HashMap::default();
    for (w, v) in &gaz_first {
        gaz_first_id
            .entry(vocab.intern(&crate::doc::lower_same_len(w)))
            .or_default()
            .extend(v);
    }
    for v in gaz_first_id.values_mut() {
        v.sort_by_key(|&p| (std::cmp::Reverse(pats[p as usize].len()), p));
    }
    let gaz_forms: Vec<(String, usize)> = pats.into_iter().zip(gaz_pat).collect();
    let mut mseen = HashSet::default();
    let mut mpats = Vec::new();
    let mut media_pat = Vec::new();
    for (f, id) in media_forms {
        if f.chars().count() < 2 || !mseen.insert(f.to_lowercase()) {
            continue;
        }
        mpats.push(f.to_lowercase());
        media_pat.push(id);
    }
    let media_ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&mpats)
        .expect("media automaton");

    let (_, src) = data!("gazetteer/firstnames.txt");
    let firstnames = src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.replace('’', "'"))
        .collect();

    let (_, src) = data!("lexicon/function_words.txt");
    let function_words: HashSet<String> = src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.replace('’', "'").to_lowercase())
        .collect();

    let mut stance = CueMatcher::new();
    let (name, src) = data!("lexicon/stance.tsv");
    for (ln, c) in rows(src) {
        let pol = match c.first().copied() {
            Some("support") => Polarity::Support,
            Some("oppose") => Polarity::Oppose,
            Some("accuse") => Polarity::Accuse,
            Some("commit") => Polarity::Commit,
            Some("concern") => Polarity::Concern,
            Some("praise") => Polarity::Praise,
            _ => {
                skipped += 1;
                continue;
            }
        };
        match c.get(1) {
            Some(cue) if !cue.is_empty() => {
                stance.add(&mut vocab, cue, pol, format!("{name}:{ln}"))
            }
            _ => skipped += 1,
        }
    }

    let mut frames = CueMatcher::new();
    let (name, src) = data!("lexicon/frames.tsv");
    for (ln, c) in rows(src) {
        match (c.first(), c.get(1)) {
            (Some(f), Some(cue)) if !f.is_empty() && !cue.is_empty() => {
                frames.add(&mut vocab, cue, f.to_string(), format!("{name}:{ln}"))
            }
            _ => skipped += 1,
        }
    }
    let (_, src) = data!("lexicon/frames_taxonomy.tsv");
    let frame_labels = rows(src)
        .filter(|(_, c)| c.len() >= 3)
        .map(|(_, c)| (c[0].to_string(), c[1].to_string(), c[2].to_string()))
        .collect();

    let (_, src) = data!("lexicon/speech_verbs.tsv");
    let mut speech = HashMap::default();
    for (_, c) in rows(src) {
        let kind = match c.get(2).copied() {
            Some("speech") => SpeechKind::Speech,
            Some("source") => SpeechKind::Source,
            Some("noun") => SpeechKind::Noun,
            Some("aux") => SpeechKind::Aux,
            _ => {
                skipped += 1;
                continue;
            }
        };
        speech.insert(c[0].replace('’', "'").to_lowercase(), kind);
    }

    let (name, src) = data!("lexicon/titles.tsv");
    let mut titles = HashMap::default();
    let mut title_words = HashSet::default();
    let mut title_first: HashSet<String> = HashSet::default();
    let mut title_cues = CueMatcher::new();
    for (ln, c) in rows(src) {
        let kind = match c.get(1).copied() {
            Some("honorific") => TitleKind::Honorific,
            Some("role") => TitleKind::Role,
            Some("portfolio") => TitleKind::Portfolio,
            _ => {
                skipped += 1;
                continue;
            }
        };
        let t = c[0].replace('’', "'");
        if kind == TitleKind::Honorific {
            titles.insert(t.trim_end_matches('.').to_string(), kind);
            title_first.insert(t.trim_end_matches('.').to_lowercase());
        } else {
            // Tokenise like the text: split elisions "d'État" → "d' État".
            let spaced = t.replace("' ", "'").replace('\'', "' ");
            title_cues.add(&mut vocab, &spaced, kind, format!("{name}:{ln}"));
            let words: Vec<&str> = spaced.split_whitespace().collect();
            if kind == TitleKind::Role {
                if let Some(w) = words.first() {
                    title_first.insert(w.to_lowercase());
                }
            }
            if words.len() == 1 {
                titles.insert(words[0].to_lowercase(), kind);
            }
            for w in words {
                title_words.insert(w.to_lowercase());
            }
        }
    }

    let (_, src) = data!("lexicon/heads.tsv");
    let mut heads = HashMap::default();
    for (_, c) in rows(src) {
        let t = match c.first().copied() {
            Some("ORG") => EntityType::ORG,
            Some("LOC") => EntityType::LOC,
            Some("MISC") => EntityType::MISC,
            Some("PER") => EntityType::PER,
            _ => {
                skipped += 1;
                continue;
            }
        };
        if let Some(h) = c.get(1).filter(|h| !h.is_empty()) {
            let ambiguous = c.get(2).is_some_and(|n| n.contains("AMBIGUOUS"));
            heads.insert(h.to_string(), (t, ambiguous));
        }
    }

    let (_, src) = data!("lexicon/boilerplate.tsv");
    let mut boilerplate = Vec::new();
    let mut english_words = HashSet::default();
    for (_, c) in rows(src) {
        let (Some(kind), Some(pat)) = (c.first(), c.get(1)) else {
            skipped += 1;
            continue;
        };
        if *kind == "caption_en" {
            for w in pat.split_whitespace() {
                english_words.insert(w.to_lowercase());
            }
            continue;
        }
        let whole = c.get(2).is_some_and(|n| n.to_lowercase().contains("whole"));
        boilerplate.push((
            kind.to_string(),
            pat.replace('’', "'").to_lowercase(),
            whole,
        ));
    }

    let mut boilerplate_whole: HashMap<String, Vec<usize>> = HashMap::default();
    let mut boilerplate_prefix: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, (_, pat, whole)) in boilerplate.iter().enumerate() {
        if pat.is_empty() {
            continue;
        }
        if *whole {
            boilerplate_whole.entry(pat.clone()).or_default().push(i);
        } else {
            let key: String = pat.chars().take(3).collect();
            boilerplate_prefix.entry(key).or_default().push(i);
        }
    }

    Lexicons {
        gaz,
        gaz_forms,
        gaz_first,
        gaz_first_id,
        media_ac,
        media_pat,
        by_form,
        person_short,
        demonyms,
        firstnames,
        function_words,
        stance,
        frames,
        frame_labels,
        speech,
        titles,
        title_words,
        title_first,
        title_cues,
        vocab,
        heads,
        boilerplate,
        boilerplate_whole,
        boilerplate_prefix,
        english_words,
        skipped,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_load_and_are_substantial() {
        let l = lexicons();
        assert!(l.gaz.len() > 1000, "{}", l.gaz.len());
        assert!(l.stance.entries.len() > 100);
        assert!(l.frames.entries.len() > 100);
        assert!(l.firstnames.len() > 500);
        assert_eq!(l.frame_labels.len(), 13);
        assert!(l.demonyms.get("kazakh").is_some_and(|c| c == "Kazakhstan"));
    }

    #[test]
    fn cue_matcher_optional_and_prefix() {
        let mut v = Vocab::default();
        let mut m = CueMatcher::new();
        m.add(&mut v, "s' oppos* résolument? à", 1u8, "t:1".into());
        let d = Doc::new("Il s'oppose résolument à tout. Elle s'opposait à lui.");
        let n = d.tokens().len();
        let hits = m.find_all_ids(&d, &v.ids(&d), 0, n);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[0].end - hits[0].start, 4);
        assert_eq!(hits[1].end - hits[1].start, 3);
    }
}
