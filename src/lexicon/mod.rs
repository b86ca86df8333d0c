//! Gazetteers and lexicons, compiled into the binary from `data/` and parsed once.
//!
//! - [`load`]: the data files parsed into [`Lexicons`] (building, apart from matching);
//! - [`vocab`]: the interned vocabulary (one id per lexicon word);
//! - [`trie`]: byte tries for gazetteer forms and media names;
//! - [`cues`]: token-pattern cue matchers (stance, frames), over any [`Tokens`];
//! - [`fold`]: the case folding keys and tokens share;
//! - [`morph`]: French inflection of the lexicons' word families;
//! - [`words`]: closed word lists of the entity rules, interned as word classes;
//! - here: the [`Lexicons`] themselves, word classes ([`class`]) and closed word lists.
//!
//! Every entry keeps its origin (`file:line`), so every annotation can say which entry produced
//! it. File formats are documented in `data/gazetteer/README.md` and `data/lexicon/README.md`.
//!
//! Invariants:
//! - parsing never panics on a malformed line: it is skipped (and counted in `skipped`);
//! - [`lexicons`] returns the same `'static` instance on every call (built on first use).

use crate::fxhash::{FxHashMap as HashMap, FxHashSet as HashSet};
use crate::schema::{EntityType, Polarity};
use std::sync::OnceLock;

mod cues;
pub(crate) mod fold;
mod load;
pub(crate) mod morph;
mod trie;
mod vocab;
pub(crate) mod words;

pub(crate) use cues::*;
pub(crate) use fold::lower_same_len;
use load::{apos, apos_lc, build};
pub(crate) use trie::*;
pub(crate) use vocab::*;

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
    /// An entry of the media gazetteer (an outlet, an agency, a platform).
    pub fn is_outlet(&self) -> bool {
        self.origin.starts_with("gazetteer/media.tsv")
    }

    /// An entry with no acronym, role, country, short form or media flags.
    fn new(canonical: &str, etype: EntityType, kind: &str, origin: String) -> Self {
        GazEntry {
            canonical: apos(canonical),
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

/// Word classes of a vocabulary word ([`Lexicons::class`]), as bits: one array lookup by a
/// token's [`Doc::tok_ids`] id instead of hashing its text into each set.
///
/// An *exact* class holds the words of a lower-case set: a token's lower-cased form is in the set
/// iff its id has the bit. A *prefilter* class holds the lower case of a case-sensitive set's
/// keys: a token in the set has the bit (the set itself then gives the answer).
pub mod class {
    /// Prefilter: a gazetteer form's first word ([`super::first_word`]).
    pub const GAZ_FIRST: u32 = 1;
    /// Exact: `function_words`.
    pub const FUNCTION: u32 = 1 << 1;
    /// Exact: `title_first`.
    pub const TITLE_FIRST: u32 = 1 << 2;
    /// Exact: keys of `demonyms`.
    pub const DEMONYM: u32 = 1 << 3;
    /// Exact: `title_words`.
    pub const TITLE_WORD: u32 = 1 << 4;
    /// Exact: keys of `speech`.
    pub const SPEECH: u32 = 1 << 5;
    /// Prefilter: `firstnames`.
    pub const FIRSTNAME: u32 = 1 << 6;
    /// Prefilter: keys of `heads`.
    pub const HEAD: u32 = 1 << 7;
    /// Prefilter: keys of `titles` (honorifics keep their case: « M », « Mme »).
    pub const TITLE: u32 = 1 << 8;
    /// Prefilter: keys of `person_short`.
    pub const PERSON_SHORT: u32 = 1 << 9;
    /// Exact: the entity rules' connectors (`words::CONNECTORS`).
    pub const CONNECTOR: u32 = 1 << 10;
    /// Exact: the entity rules' name breakers (`words::NAME_BREAKERS`).
    pub const NAME_BREAKER: u32 = 1 << 11;
    /// Prefilter: the entity rules' event nouns (`words::EVENT_NOUNS`).
    pub const EVENT_NOUN: u32 = 1 << 12;
    /// Prefilter: the entity rules' name particles (`words::NAME_PARTICLES`).
    pub const NAME_PARTICLE: u32 = 1 << 13;
    /// Exact: forms of « avoir » that make a compound tense (« a », « ont », « avoir », « ayant »,
    /// « a-t-il »…).
    pub const AUX_AVOIR: u32 = 1 << 14;
    /// Exact: forms of « être » that make a compound tense or a passive (« est », « sont »,
    /// « été », « étant »…).
    pub const AUX_ETRE: u32 = 1 << 15;
    /// Exact: reflexive pronouns (« se », « s' », « nous », « me »…).
    pub const REFL: u32 = 1 << 16;
    /// Exact: words a verb group does not run back over (punctuation, conjunctions, relatives).
    pub const GROUP_STOP: u32 = 1 << 17;
    /// Exact: the second half of a negation (« pas », « jamais », « plus », « guère »…).
    pub const NEG: u32 = 1 << 18;
    /// Exact: the first half of a negation (« ne », « n' »).
    pub const NE: u32 = 1 << 19;
    /// Exact: the comma.
    pub const COMMA: u32 = 1 << 20;
    /// Exact: the adverbial clitics « y » and « en » (« s'y oppose »).
    pub const CLITIC: u32 = 1 << 24;
    /// Prefilter: the entity rules' typing nouns (`entities::TYPE_NOUNS`).
    pub const TYPE_NOUN: u32 = 1 << 21;
    /// Exact: the entity rules' ministry nouns (`words::MINISTRY_NOUNS`).
    pub const MINISTRY_NOUN: u32 = 1 << 22;
    /// Exact: « ( ».
    pub const OPEN_PAREN: u32 = 1 << 23;
}

/// Forms of « avoir » that make a compound tense ([`class::AUX_AVOIR`]).
pub const AUX_AVOIR_WORDS: &[&str] = &[
    "ai",
    "as",
    "a",
    "avons",
    "avez",
    "ont",
    "avais",
    "avait",
    "avions",
    "aviez",
    "avaient",
    "aurai",
    "auras",
    "aura",
    "aurons",
    "aurez",
    "auront",
    "aurais",
    "aurait",
    "aurions",
    "auriez",
    "auraient",
    "eut",
    "eurent",
    "aie",
    "ait",
    "ayons",
    "ayez",
    "aient",
    "avoir",
    "ayant",
    "a-t-il",
    "a-t-elle",
    "a-t-on",
    "ont-ils",
    "ont-elles",
    "avait-il",
    "avait-elle",
    "aurait-il",
    "aurait-elle",
    "avons-nous",
    "ai-je",
];
/// Forms of « être » that make a compound tense ([`class::AUX_ETRE`]).
pub const AUX_ETRE_WORDS: &[&str] = &[
    "suis",
    "es",
    "est",
    "sommes",
    "êtes",
    "sont",
    "étais",
    "était",
    "étions",
    "étiez",
    "étaient",
    "serai",
    "seras",
    "sera",
    "serons",
    "serez",
    "seront",
    "serais",
    "serait",
    "serions",
    "seriez",
    "seraient",
    "fut",
    "furent",
    "sois",
    "soit",
    "soyons",
    "soyez",
    "soient",
    "être",
    "étant",
    "été",
    "est-il",
    "est-elle",
    "sont-ils",
    "sont-elles",
];
/// Reflexive pronouns ([`class::REFL`]).
pub const REFL_WORDS: &[&str] = &["se", "s'", "me", "m'", "te", "t'", "nous", "vous"];
/// Words a verb group does not run back over ([`class::GROUP_STOP`]).
pub const GROUP_STOP_WORDS: &[&str] = &[
    ".", ";", ":", "!", "?", "«", "»", "\"", "“", "”", "(", ")", "que", "qu'", "qui", "dont", "et",
    "ou", "mais", "car", "si", "lorsque", "quand", "où",
];
/// Second halves of a negation ([`class::NEG`]).
pub const NEG_WORDS: &[&str] = &[
    "pas",
    "jamais",
    "plus",
    "guère",
    "point",
    "nullement",
    "aucunement",
    "aucun",
    "aucune",
    "rien",
    "personne",
    "ni",
];

pub struct Lexicons {
    pub gaz: Vec<GazEntry>,
    /// Gazetteer surface forms (case-sensitive, at least 2 chars, first entry wins), with the
    /// entry each names: `gaz_forms[p] = (form, entry)`.
    pub gaz_forms: Vec<(String, usize)>,
    /// The forms of `gaz_forms`, valued by their index: the forms a text starts with.
    pub gaz_trie: ByteTrie,
    /// Per form: byte length of its first word ([`first_word`]) when that is alphanumeric, 0 when
    /// the form starts with another character.
    pub gaz_first_len: Vec<u32>,
    /// Per vocabulary id of a lower-cased first word of forms: the range of `gaz_first_nodes`
    /// that holds that word as the forms write it (« La », « la »), with the [`ByteTrie`] node it
    /// leads to ([`Lexicons::gaz_first_node`]).
    pub gaz_first_at: Vec<(u32, u32)>,
    pub gaz_first_nodes: Vec<(String, u32)>,
    /// Bytes after which a form can go on inside a token: the first byte of the character that
    /// follows a form's first word (« - » in « États-Unis », « ' » in « Côte d'Ivoire », « . »
    /// in « france24.com »), and the hyphen (parts of hyphenated tokens are match positions).
    pub gaz_follow: [bool; 256],
    /// Case-insensitive matcher of media names and domains (for publisher detection).
    pub media_ac: MediaMatcher,
    pub media_pat: Vec<usize>,
    /// Per media pattern: the form is an acronym in capitals (« APP », « MAP »), which names the
    /// outlet only when written in capitals (« App Store » does not).
    pub media_acronym: Vec<bool>,
    /// Lower-cased surface form → entry indices (exact lookups, e.g. acronyms, short names).
    pub by_form: HashMap<String, Vec<usize>>,
    /// Short form of a person (« Poutine », « Wang ») → person entries.
    pub person_short: HashMap<String, Vec<usize>>,
    /// [`translit_key`] of a person's full forms → the person, when no other person shares it
    /// (« Tokaev », « Tokayev », « Tokaïev » are one key).
    pub person_key: HashMap<String, usize>,
    /// [`translit_key`] of a person's short forms → the persons.
    pub person_short_key: HashMap<String, Vec<usize>>,
    /// Demonym (lower case) → country canonical.
    pub demonyms: HashMap<String, String>,
    pub firstnames: HashSet<String>,
    /// Given name → a woman's name (true) or a man's (false); names given to both are absent.
    pub firstname_sex: HashMap<String, bool>,
    pub function_words: HashSet<String>,
    pub stance: CueMatcher<StanceCue>,
    pub frames: CueMatcher<FrameCue>,
    /// Frame id → (French label, English label) (read by the tests that keep the UI's labels equal).
    #[cfg_attr(not(test), allow(dead_code))]
    pub frame_labels: Vec<(String, String, String)>,
    pub speech: HashMap<String, SpeechKind>,
    /// One-word titles (« ministre », « président », « M ») → kind.
    pub titles: HashMap<String, TitleKind>,
    /// Per `title_cues` entry: for a periphrasis (« chef de la diplomatie »), the role it names
    /// in lower case (« ministre des affaires étrangères »): `titles.tsv`'s third column.
    pub title_same: Vec<Option<String>>,
    /// Every lower-cased word occurring in a title or portfolio (« affaires », « d' », « état »).
    pub title_words: HashSet<String>,
    /// Lower-cased first words of honorifics and role titles (where a title can start).
    pub title_first: HashSet<String>,
    /// Multi-word titles and portfolios as token sequences.
    pub title_cues: CueMatcher<TitleKind>,
    /// Words of the cue matchers above and of the word classes (see [`Vocab`]).
    pub vocab: Vocab,
    /// Per vocabulary id: its [`class`] bits.
    pub classes: Vec<u32>,
    /// Capitalised head word → (entity type, ambiguous) (« Organisation » → ORG).
    pub heads: HashMap<String, (EntityType, bool)>,
    /// Heads of streets and squares (`STREET` in heads.tsv): « rue », « place », « quai ».
    pub street_heads: HashSet<String>,
    /// Boilerplate patterns: (kind, lower-cased pattern, whole-line only).
    pub boilerplate: Vec<(String, String, bool)>,
    /// Index of `boilerplate`: whole-line patterns by text, line-start patterns by their first
    /// (up to three) characters.
    pub boilerplate_whole: HashMap<String, Vec<usize>>,
    pub boilerplate_prefix: HashMap<String, Vec<usize>>,
    pub english_words: HashSet<String>,
    /// Malformed data lines skipped while parsing (for debugging: nothing reads it).
    #[allow(dead_code)]
    pub skipped: usize,
}

static LEX: OnceLock<Lexicons> = OnceLock::new();

pub use crate::translit::translit_key;

/// The first word of a gazetteer form or of the text at a position: its leading run of
/// alphanumeric characters (« États » for « États-Unis », « l » for « l'Union », « COVID » for
/// « COVID-19 »), or its first character when it starts with anything else. A form is tried
/// where the text's first word (or the token, when the token is one word) is the form's first
/// word ([`Lexicons::gaz_first_len`]).
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

/// The compiled-in lexicons (parsed on first use).
pub fn lexicons() -> &'static Lexicons {
    LEX.get_or_init(build)
}

impl Lexicons {
    /// The [`Lexicons::gaz_trie`] node reached by `w`, the text of a token with vocabulary id
    /// `id`, if `w` is the first word of a form as the form writes it.
    #[inline]
    pub fn gaz_first_node(&self, id: u32, w: &[u8]) -> Option<u32> {
        let &(a, b) = self.gaz_first_at.get(id as usize)?;
        self.gaz_first_nodes[a as usize..b as usize]
            .iter()
            .find(|(fw, _)| fw.as_bytes() == w)
            .map(|&(_, node)| node)
    }

    /// The [`class`] bits of vocabulary id `id` (none for [`Vocab::NONE`]).
    #[inline]
    pub fn class(&self, id: u32) -> u32 {
        self.classes.get(id as usize).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::doc::Doc;

    #[test]
    fn no_data_row_is_listed_twice() {
        // A second copy of a row is never read (the first wins) and hides an edit made to it;
        // a title listed twice keeps only one of its `same` roles.
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut files = 0;
        for dir in ["lexicon", "gazetteer"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let p = e.unwrap().path();
                if !p.extension().is_some_and(|x| x == "tsv" || x == "txt") {
                    continue;
                }
                files += 1;
                let text = std::fs::read_to_string(&p).unwrap();
                let titles = p.ends_with("titles.tsv");
                let mut seen = std::collections::HashSet::new();
                for line in text
                    .lines()
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                {
                    let key = if titles {
                        line.split('\t').next().unwrap()
                    } else {
                        line
                    };
                    assert!(seen.insert(key), "{}: {key:?} twice", p.display());
                }
            }
        }
        assert!(files >= 10, "data files not found");
    }

    /// `translit_key` as it was before its in-place rewrite (the reference it must agree with).
    fn reference_translit_key(name: &str) -> String {
        let mut a: Vec<char> = Vec::with_capacity(name.len());
        for c in name.chars().flat_map(char::to_lowercase) {
            let c = match c {
                'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' | 'ā' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => 'e',
                'î' | 'ï' | 'í' | 'ì' | 'ı' | 'ī' => 'i',
                'ô' | 'ö' | 'ó' | 'ò' | 'õ' | 'ø' | 'ō' => 'o',
                'ù' | 'û' | 'ü' | 'ú' | 'ū' => 'u',
                'ç' | 'ć' => 'c',
                'ÿ' | 'ý' => 'y',
                'ñ' | 'ń' => 'n',
                'ğ' => 'g',
                'ş' | 'ś' => 's',
                'ž' => 'j',
                'š' => {
                    a.push('c');
                    'h'
                }
                'č' => {
                    a.push('c');
                    'h'
                }
                '-' | '\'' | '’' => ' ',
                c => c,
            };
            a.push(c);
        }
        // Digraphs, longest first, in one left-to-right pass.
        let mut b: Vec<char> = Vec::with_capacity(a.len());
        let mut i = 0;
        let at = |i: usize, p: &str| p.chars().enumerate().all(|(k, c)| a.get(i + k) == Some(&c));
        while i < a.len() {
            let (rep, n): (&str, usize) = if at(i, "tch") || at(i, "sch") {
                ("ch", 3)
            } else if at(i, "dzh") {
                ("j", 3)
            } else if at(i, "sh") {
                ("ch", 2)
            } else if at(i, "kh") {
                ("h", 2)
            } else if at(i, "dj") || at(i, "zh") {
                ("j", 2)
            } else if at(i, "ou") {
                ("u", 2)
            } else if at(i, "ck") {
                ("k", 2)
            } else if at(i, "ph") {
                ("f", 2)
            } else if at(i, "gu") && matches!(a.get(i + 2), Some('e' | 'i' | 'y')) {
                ("g", 2)
            } else {
                match a[i] {
                    'w' => ("v", 1),
                    'y' => ("i", 1),
                    _ => ("", 1),
                }
            };
            if rep.is_empty() {
                b.push(a[i]);
            } else {
                b.extend(rep.chars());
            }
            i += n;
        }
        let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u');
        let mut out = String::with_capacity(b.len());
        let mut prev: Option<char> = None;
        for k in 0..b.len() {
            let c = b[k];
            if Some(c) == prev {
                continue; // doubled letter
            }
            if c == 'i' && k > 0 && vowel(b[k - 1]) && b.get(k + 1).copied().is_some_and(vowel) {
                continue; // « Tokaïev » / « Tokaev »
            }
            let word_end = b.get(k + 1).is_none_or(|&n| n == ' ');
            if c == 'e' && word_end && k >= 2 && !vowel(b[k - 1]) && b[k - 1] != ' ' {
                continue; // « Poutine » / « Putin »
            }
            out.push(c);
            prev = Some(c);
        }
        out
    }

    #[test]
    fn translit_key_as_reference() {
        let l = lexicons();
        let mut n = 0;
        for (f, _) in &l.gaz_forms {
            assert_eq!(translit_key(f), reference_translit_key(f), "{f}");
            n += 1;
        }
        assert!(n > 1000);
        for s in [
            "",
            "-",
            "'",
            "’",
            "Tchad",
            "Schröder",
            "Dzhokhar",
            "Shoigu",
            "Khodorkovski",
            "Djibouti",
            "Zhou",
            "Ouattara",
            "Mackenzie",
            "Philippe",
            "Guy",
            "Guillaume",
            "Gueorgui",
            "Wladimir",
            "Yves",
            "Šešelj",
            "Čapek",
            "İstanbul",
            "ẞ",
            "Ǆ",
            "ﬁ",
            "Tokaïev",
            "Poutine",
            "Ahmadinejad",
            "ouou",
            "tchtch",
            "eée",
            "Haddad-Le Drian",
            "SHCH",
            "Dżoh",
            "gue",
            "gu",
            "g",
            "tc",
            "dz",
            "kéh",
            "ÉTÉ",
            "Łódź",
        ] {
            assert_eq!(translit_key(s), reference_translit_key(s), "{s}");
        }
        // Every pair and triple of a small alphabet (the digraph rules' edges).
        let al: Vec<char> = "tscdzhkjouphgueiyw aé-'’ïš".chars().collect();
        for &x in &al {
            for &y in &al {
                for &z in &al {
                    for s in [
                        format!("{x}{y}"),
                        format!("{x}{y}{z}"),
                        format!("{z}{x}{y}{z}e"),
                    ] {
                        assert_eq!(translit_key(&s), reference_translit_key(&s), "{s}");
                    }
                }
            }
        }
    }

    #[test]
    fn transliterations_share_a_key() {
        for group in [
            &["Tokaïev", "Tokayev", "Tokaev", "Tokaiev"][..],
            &["Sergueï", "Sergei", "Serguei", "Sergey"],
            &["Zelensky", "Zelenski", "Zelenskyy", "Zelenskiy"],
            &["Mirziyoyev", "Mirzioïev", "Mirziyoïev"],
            &["Michoustine", "Mishustin"],
            &["Poutine", "Putin"],
            &["Kassym-Jomart Tokaïev", "Kassym Jomart Tokayev"],
            &["Ahmadinejad", "Ahmadinedjad"],
            &["Khamenei", "Hamenei"],
        ] {
            let k = translit_key(group[0]);
            for v in group {
                assert_eq!(translit_key(v), k, "{v} vs {}", group[0]);
            }
        }
        // Different names stay apart.
        for (a, b) in [
            ("Lavrov", "Lavrenti"),
            ("Macron", "Marcon"),
            ("Sall", "Sarr"),
        ] {
            assert_ne!(translit_key(a), translit_key(b));
        }
        let l = lexicons();
        let tok = l
            .person_key
            .get(&translit_key("Kassym-Jomart Tokayev"))
            .copied();
        assert_eq!(
            tok.map(|e| l.gaz[e].canonical.as_str()),
            Some("Kassym-Jomart Tokaïev")
        );
    }

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

    #[test]
    fn byte_trie_lists_prefixes_shortest_first() {
        let keys = ["La", "La Paz", "La Haye", "Laos", "La"];
        let t = ByteTrie::new(keys.iter().zip(0..).map(|(k, i)| (k.as_bytes(), i)));
        let found: Vec<_> = t.prefixes(b"La Paz est haute").collect();
        assert_eq!(found, vec![(2, 0), (6, 1)]);
        assert_eq!(t.prefixes(b"Lao").collect::<Vec<_>>(), vec![(2, 0)]);
        assert_eq!(t.prefixes(b"Lima").count(), 0);
        let node = t.walk(b"La");
        let resumed: Vec<_> = t.prefixes_from(node, b"La Haye", 2).collect();
        assert_eq!(resumed, vec![(2, 0), (7, 2)]);
        assert_eq!(t.walk(b"Lx"), ByteTrie::NONE);
    }

    #[test]
    fn media_matches_are_leftmost_longest() {
        let pats: Vec<String> = ["le monde", "monde", "lemonde.fr", "afp"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let m = MediaMatcher::new(&pats);
        let hits: Vec<_> = m
            .find_iter("selon le monde et lemonde.fr (AFP)")
            .map(|h| (h.start(), h.end(), h.pattern().as_usize()))
            .collect();
        assert_eq!(hits, vec![(6, 14, 0), (18, 28, 2), (30, 33, 3)]);
    }
}
