//! Token-pattern cues (stance and frame lexicons): the patterns with `*` prefix, `?` optional and
//! `_` wildcard tokens, built once ([`CueMatcher`]'s construction) and matched over a document's
//! tokens by vocabulary id (its `find_all` and `longest_at`).

use super::*;

/// What a cue matcher reads of a tokenised text (the document, `text::doc::Doc`, implements
/// it): the lexicon knows nothing of documents.
pub(crate) trait Tokens {
    /// Number of tokens.
    fn tok_count(&self) -> usize;
    /// Lower-cased form of token `i`.
    fn tok_lower(&self, i: usize) -> &str;
    /// Is token `i` a word (not punctuation)?
    fn is_word(&self, i: usize) -> bool;
    /// Vocabulary ids of all tokens ([`Vocab`] ids of their lower-cased forms).
    fn tok_ids(&self) -> &[u32];
    /// Does token `i` start with a capital letter?
    fn is_capitalized(&self, _i: usize) -> bool {
        false
    }
}

/// What a `stance.tsv` row says: its polarity (`None` for a blocker, « none »), and whether it
/// counts only when negated (« :neg »: « ne tolérera pas »).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StanceCue {
    pub polarity: Option<Polarity>,
    pub neg_only: bool,
    /// « :eval »: the cue evaluates its subject (« est inacceptable », « viole », « joue un rôle
    /// clé »): the holder is the speaker, never the subject.
    pub eval: bool,
}

/// A `frames.tsv` row: its frame id, and whether it is weak evidence alone (noted AMBIGUOUS:
/// « stabilité », « terrorisme », « occidental »): a weak cue counts only beside another cue of
/// the same frame in its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameCue {
    pub frame: String,
    pub weak: bool,
}

/// A token pattern element (see `data/lexicon/README.md`).
#[derive(Debug, Clone, PartialEq)]
enum PTok {
    /// A lower-cased word, by its [`Vocab`] id.
    Exact(u32),
    Prefix(String),
    Any,
    /// One of the words of [`CueMatcher::sets`] (the inflected forms of a lemma).
    Set(u32),
    /// `INF`: a word that looks like an infinitive (« -er », « -ir », « -re », « -oir », not a
    /// function word): « compte renforcer », « entend poursuivre ».
    Inf,
}

/// The words that stand between a passive participle and « par » with its agent: a day
/// (« a été soutenu lundi par ») or an adverb of degree or addition (« critiqué notamment par »,
/// « salué unanimement par »).
const AGENT_GAP: [&str; 20] = [
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
    "notamment",
    "également",
    "aussi",
    "surtout",
    "vivement",
    "fermement",
    "largement",
    "unanimement",
    "publiquement",
    "ouvertement",
    "aussitôt",
    "immédiatement",
];

/// What must stand before an inflected verb for a pattern to match: the rest of its verb group.
/// The hit then starts at that group's first word (« s' oppose », « a fermement soutenu »).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Nothing,
    /// A simple form of a verb that is not pronominal: no « se » / « s' » right before (« se
    /// défend » is not « défendre », « s'était opposé » not « être opposé »).
    NoSe,
    /// A reflexive pronoun right before (« s' oppose », « nous opposons »).
    Refl,
    /// A form of « avoir » at most [`GROUP_WINDOW`] words before (« a soutenu », « n' a jamais
    /// soutenu », « a pour sa part salué »), with no « être » closer.
    Avoir,
    /// A reflexive pronoun and a form of « être » (« s' est opposé », « se sont dits »).
    ReflEtre,
    /// A form of « être » and no reflexive pronoun: a passive (« ont été trompés »).
    Etre,
}

/// Which kind of word form a hit starts with (for the stance rules: a passive names its holder
/// after « par »).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Form {
    /// Literal words, a noun or an adjective.
    #[default]
    Plain,
    /// A conjugated verb, an infinitive or a present participle.
    Finite,
    /// A past participle in a compound tense.
    Participle,
    /// A past participle followed by « par » (« soutenu par »).
    Passive,
    /// A passive with no agent (« ont été trompés »): only an evaluation keeps it.
    PassiveBare,
}

/// How many words may stand between an auxiliary and its participle (« a pour sa part salué »).
pub const GROUP_WINDOW: usize = 5;

/// One way to match a cue word: its elements and, for the cue's first verb, its requirement.
type Alt = (Vec<PTok>, Option<(Need, Form)>);

/// A pattern: its elements, the cue line it comes from, and its verb-group requirement.
#[derive(Debug)]
struct Pat {
    toks: Vec<PTok>,
    entry: usize,
    need: Need,
    form: Form,
}

/// Patterns sharing an exact first word.
#[derive(Debug, Default)]
struct FirstBucket {
    /// One-token patterns and patterns whose second token is not exact.
    any_second: Vec<usize>,
    /// Patterns by exact second word id.
    by_second: HashMap<u32, Vec<usize>>,
}

/// Which tokens can start a pattern of a [`CueMatcher`]: a prefilter filled from the expanded
/// patterns as they are added, so that [`CueMatcher::find_all`] costs one table lookup per token
/// where no cue can start (function words like « a » or « la » start many cues, but only before
/// a few words — « la souveraineté » — or one token before them — « a _ soutenu »). Invariant: if [`CueStarts::may_start`] is false at `i`, no pattern
/// matches at `i` (it may be true where none matches).
#[derive(Debug)]
struct CueStarts {
    /// Per vocabulary id: bits [`CueStarts::ANY_NEXT`], [`CueStarts::NEXT`],
    /// [`CueStarts::AFTER_NEXT`] (as a first word), [`CueStarts::SECOND`], [`CueStarts::THIRD`].
    bits: Vec<u8>,
    /// Exact first and second words of patterns (their ids' [`CueStarts::pair`]).
    next: HashSet<u64>,
    /// Exact first and third words of patterns whose second token is `_`.
    after_next: HashSet<u64>,
    /// First-word prefixes (`oppos*`) by their first byte, and the length of the shortest.
    prefixes: Vec<Vec<String>>,
    prefix_min: usize,
}

impl Default for CueStarts {
    fn default() -> Self {
        CueStarts {
            bits: Vec::new(),
            next: HashSet::default(),
            after_next: HashSet::default(),
            prefixes: vec![Vec::new(); 256],
            prefix_min: usize::MAX,
        }
    }
}

impl CueStarts {
    /// A pattern starts with this word whatever follows (one word, or a prefix next).
    const ANY_NEXT: u8 = 1;
    /// A pattern starts with this word and an exact second word (see `next`).
    const NEXT: u8 = 2;
    /// A pattern starts with this word, `_` and an exact third word (see `after_next`).
    const AFTER_NEXT: u8 = 4;
    /// The word is the second word of a `NEXT` pattern (most words are not: no set lookup).
    const SECOND: u8 = 8;
    /// The word is the third word of an `AFTER_NEXT` pattern.
    const THIRD: u8 = 16;

    /// The key of a word pair, one-to-one: `a` in the high half, `b` mixed with `a` in the low
    /// half. (The Fx hash of a `u64` is one multiplication, and a hash table's bucket is its low
    /// bits, which depend only on the key's low bits: with `a << 32 | b`, every pair of the same
    /// second word — « … la », « … de » — probed the same bucket chain.)
    #[inline]
    fn pair(a: u32, b: u32) -> u64 {
        u64::from(a) << 32 | u64::from(b ^ a.wrapping_mul(0x9E37_79B9))
    }

    /// Records one expanded pattern (non-empty, not starting with `_`).
    fn add(&mut self, pat: &[PTok]) {
        use PTok::*;
        match pat {
            [Exact(a), rest @ ..] => self.add_first(*a, rest),
            [Set(_), ..] => {} // added member by member by `CueMatcher::add`
            [Prefix(p), ..] => {
                self.prefixes[p.as_bytes()[0] as usize].push(p.clone());
                self.prefix_min = self.prefix_min.min(p.len());
            }
            _ => {}
        }
    }

    /// Records a pattern that starts with the exact word `a` followed by `rest` (a set word
    /// after it lets any word follow).
    fn add_first(&mut self, a: u32, rest: &[PTok]) {
        use PTok::*;
        match rest {
            [Exact(b), ..] => {
                self.mark(a, Self::NEXT);
                self.next.insert(Self::pair(a, *b));
                self.mark(*b, Self::SECOND);
            }
            [Any, Exact(c), ..] => {
                self.mark(a, Self::AFTER_NEXT);
                self.after_next.insert(Self::pair(a, *c));
                self.mark(*c, Self::THIRD);
            }
            _ => self.mark(a, Self::ANY_NEXT),
        }
    }

    fn mark(&mut self, id: u32, bit: u8) {
        let id = id as usize;
        if self.bits.len() <= id {
            self.bits.resize(id + 1, 0);
        }
        self.bits[id] |= bit;
    }

    /// Can a pattern start at token `i` (vocabulary ids `ids`) and end by token `limit`?
    #[inline(always)]
    fn may_start<D: Tokens + ?Sized>(&self, doc: &D, ids: &[u32], i: usize, limit: usize) -> bool {
        let bits_at = |k: usize| self.bits.get(ids[k] as usize).copied().unwrap_or(0);
        let bits = bits_at(i);
        let by_word = bits & Self::ANY_NEXT != 0
            || (bits & Self::NEXT != 0
                && i + 1 < limit
                && bits_at(i + 1) & Self::SECOND != 0
                && self.next.contains(&Self::pair(ids[i], ids[i + 1])))
            || (bits & Self::AFTER_NEXT != 0
                && i + 2 < limit
                && bits_at(i + 2) & Self::THIRD != 0
                && self.after_next.contains(&Self::pair(ids[i], ids[i + 2])));
        by_word
            || (self.prefix_min != usize::MAX && {
                let w = doc.tok_lower(i).as_bytes();
                w.len() >= self.prefix_min
                    && self.prefixes[w[0] as usize]
                        .iter()
                        .any(|p| w.starts_with(p.as_bytes()))
            })
    }
}

/// Matches token-sequence cues (with `*` prefix, `?` optional and `_` wildcard tokens).
///
/// Exact words are compared by [`Vocab`] id: a matcher is used with the token ids computed with
/// the vocabulary it was built with (the lexicons' one for [`Doc::tok_id`]).
#[derive(Debug, Default)]
pub struct CueMatcher<T> {
    patterns: Vec<Pat>,
    /// Word sets of [`PTok::Set`], sorted vocabulary ids.
    sets: Vec<Vec<u32>>,
    set_ids: HashMap<Vec<u32>, u32>,
    /// Per verb lemma: the sets of its finite forms, participles and future (built once).
    verb_sets: HashMap<String, [u32; 3]>,
    /// Patterns by exact first word id.
    by_first: HashMap<u32, FirstBucket>,
    /// Patterns whose first token is a prefix, by the prefix's first character.
    prefix_first: HashMap<char, Vec<usize>>,
    /// Which tokens can start a pattern (used by [`CueMatcher::find_all`]).
    starts: CueStarts,
    /// Payload and origin per cue line.
    pub entries: Vec<(T, String, String)>,
    /// Words an inflected lemma never stands for: its forms that are function words
    /// (« contre », a form of « contrer »).
    pub(crate) homographs: HashSet<String>,
}

/// A cue match: token range and entry index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
    pub form: Form,
}

impl<T> CueMatcher<T> {
    pub(super) fn new() -> Self {
        CueMatcher {
            patterns: Vec::new(),
            sets: Vec::new(),
            set_ids: HashMap::default(),
            verb_sets: HashMap::default(),
            homographs: HashSet::default(),
            by_first: HashMap::default(),
            prefix_first: HashMap::default(),
            starts: CueStarts::default(),
            entries: Vec::new(),
        }
    }

    /// The set of these words (interned once).
    fn set(&mut self, vocab: &mut Vocab, words: &[String]) -> u32 {
        let mut ids: Vec<u32> = words
            .iter()
            .filter(|w| !self.homographs.contains(w.as_str()))
            .map(|w| vocab.intern(w))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        if let Some(&k) = self.set_ids.get(&ids) {
            return k;
        }
        let k = self.sets.len() as u32;
        self.sets.push(ids.clone());
        self.set_ids.insert(ids, k);
        k
    }

    /// The finite, participle and future sets of a verb lemma.
    fn verb(&mut self, vocab: &mut Vocab, lemma: &str) -> [PTok; 3] {
        let ids = match self.verb_sets.get(lemma) {
            Some(ids) => *ids,
            None => {
                let f = crate::lexicon::morph::verb(lemma);
                let ids = [
                    self.set(vocab, &f.finite),
                    self.set(vocab, &f.participles),
                    self.set(vocab, &f.future),
                ];
                self.verb_sets.insert(lemma.to_string(), ids);
                ids
            }
        };
        ids.map(PTok::Set)
    }

    /// Adds a cue such as `s' oppos* résolument? à` or `s' opposer/v résolument? à`, interning
    /// its words in `vocab` (syntax: `data/lexicon/README.md`).
    #[inline(never)] // once per cue row: kept apart in instruction profiles
    pub(super) fn add(&mut self, vocab: &mut Vocab, cue: &str, payload: T, origin: String) {
        let entry = self.entries.len();
        self.entries.push((payload, cue.to_string(), origin));
        // Each variant: elements, verb-group requirement, form.
        let mut variants: Vec<(Vec<PTok>, Need, Form)> =
            vec![(Vec::new(), Need::Nothing, Form::Plain)];
        let raws: Vec<String> = cue.split_whitespace().map(apos_lc).collect();
        let mut k = 0;
        while k < raws.len() {
            let raw = &raws[k];
            k += 1;
            // A reflexive marker before an inflected verb: a pronominal verb.
            if (raw == "s'" || raw == "se") && raws.get(k).is_some_and(|n| n.ends_with("/v")) {
                let lemma = &raws[k][..raws[k].len() - 2];
                k += 1;
                let [fin, pp, _] = self.verb(vocab, lemma);
                let mut next = Vec::new();
                for (v, need, form) in &variants {
                    // Only the first verb of a cue gets a verb group.
                    let first = v.is_empty();
                    let mut a = v.clone();
                    a.push(fin.clone());
                    next.push((
                        a,
                        if first { Need::Refl } else { *need },
                        if first { Form::Finite } else { *form },
                    ));
                    if first {
                        next.push((vec![pp.clone()], Need::ReflEtre, Form::Participle));
                    }
                }
                variants = next;
                continue;
            }
            let (w, optional) = match raw.strip_suffix('?') {
                Some(w) if !w.is_empty() => (w.to_string(), true),
                _ => (raw.clone(), false),
            };
            let alts: Vec<Alt> = if w == "_" {
                vec![(vec![PTok::Any], None)]
            } else if w == "inf" {
                vec![(vec![PTok::Inf], None)]
            } else if let Some(lemma) = w.strip_suffix("/v") {
                let [fin, pp, _] = self.verb(vocab, lemma);
                let par = PTok::Exact(vocab.intern("par"));
                // (Function words all: not through `set`, which drops them as homographs.)
                let between = {
                    let mut ids: Vec<u32> = AGENT_GAP.iter().map(|w| vocab.intern(w)).collect();
                    ids.sort_unstable();
                    match self.set_ids.get(&ids) {
                        Some(&k) => k,
                        None => {
                            let k = self.sets.len() as u32;
                            self.sets.push(ids.clone());
                            self.set_ids.insert(ids, k);
                            k
                        }
                    }
                };
                vec![
                    (vec![fin], Some((Need::NoSe, Form::Finite))),
                    (vec![pp.clone()], Some((Need::Avoir, Form::Participle))),
                    (vec![pp.clone()], Some((Need::Etre, Form::PassiveBare))),
                    (
                        vec![pp.clone(), par.clone()],
                        Some((Need::Nothing, Form::Passive)),
                    ),
                    // (« soutenu lundi par », « critiqué notamment par »)
                    (
                        vec![pp, PTok::Set(between), par],
                        Some((Need::Nothing, Form::Passive)),
                    ),
                ]
            } else if let Some(lemma) = w.strip_suffix("/vf") {
                // The future and conditional only, and « aller » + infinitive.
                let [_, _, fut] = self.verb(vocab, lemma);
                let aller: Vec<String> = [
                    "vais", "vas", "va", "allons", "allez", "vont", "allait", "allaient",
                ]
                .iter()
                .map(|s| s.to_string())
                .collect();
                let aller = PTok::Set(self.set(vocab, &aller));
                let inf = PTok::Exact(vocab.intern(lemma));
                vec![
                    // (Not after « se »: « la visite se poursuivra », « le sommet se tiendra »
                    // are pronominal verbs, no pledge.)
                    (vec![fut], Some((Need::Nothing, Form::Finite))),
                    (vec![aller, inf], Some((Need::Nothing, Form::Finite))),
                ]
            } else if let Some(lemma) = w.strip_suffix("/n") {
                vec![(
                    vec![PTok::Set(
                        self.set(vocab, &crate::lexicon::morph::noun(lemma)),
                    )],
                    None,
                )]
            } else if let Some(lemma) = w.strip_suffix("/a") {
                vec![(
                    vec![PTok::Set(
                        self.set(vocab, &crate::lexicon::morph::adjective(lemma)),
                    )],
                    None,
                )]
            } else if let Some(p) = w.strip_suffix('*').filter(|p| !p.is_empty()) {
                vec![(vec![PTok::Prefix(p.to_string())], None)]
            } else if w == "à" && k == raws.len() && !optional {
                // A cue ending in « à » (« nuire à », « attaché à ») also ends in its
                // contractions with the article (« nuit aux intérêts », « attaché au principe »).
                ["à", "au", "aux"]
                    .iter()
                    .map(|x| (vec![PTok::Exact(vocab.intern(x))], None))
                    .collect()
            } else {
                vec![(vec![PTok::Exact(vocab.intern(&w))], None)]
            };
            let mut next = Vec::new();
            for (v, need, form) in &variants {
                if optional {
                    next.push((v.clone(), *need, *form));
                }
                for (alt, nf) in &alts {
                    // A passive ends the cue: its complement words are not there.
                    if v.last().is_some_and(|_| *form == Form::Passive) {
                        continue;
                    }
                    let mut a = v.clone();
                    a.extend(alt.iter().cloned());
                    let (need, form) = match nf {
                        Some(x) if v.is_empty() => *x,
                        // A verb after the first word: its finite forms only.
                        Some((_, f)) if *f != Form::Finite => continue,
                        _ => (*need, *form),
                    };
                    next.push((a, need, form));
                }
            }
            if next.len() <= 256 {
                variants = next;
            }
        }
        for (v, need, form) in variants {
            if v.is_empty() || matches!(v[0], PTok::Any | PTok::Inf) {
                continue;
            }
            let pid = self.patterns.len();
            let firsts: Vec<u32> = match &v[0] {
                PTok::Exact(w) => vec![*w],
                PTok::Set(k) => self.sets[*k as usize].clone(),
                PTok::Prefix(p) => {
                    self.prefix_first
                        .entry(p.chars().next().unwrap_or(' '))
                        .or_default()
                        .push(pid);
                    Vec::new()
                }
                PTok::Any | PTok::Inf => unreachable!(),
            };
            for &w in &firsts {
                let bucket = self.by_first.entry(w).or_default();
                match v.get(1) {
                    Some(PTok::Exact(s)) => bucket.by_second.entry(*s).or_default().push(pid),
                    _ => bucket.any_second.push(pid),
                }
                self.starts.add_first(w, &v[1..]);
            }
            if matches!(v[0], PTok::Prefix(_)) {
                self.starts.add(&v);
            }
            self.patterns.push(Pat {
                toks: v,
                entry,
                need,
                form,
            });
        }
    }

    /// Does token `k` (vocabulary id `ids[k]`) match pattern element `p`? (Only a prefix looks
    /// at the token's text.)
    #[inline]
    fn tok_matches<D: Tokens + ?Sized>(&self, p: &PTok, doc: &D, ids: &[u32], k: usize) -> bool {
        match p {
            PTok::Exact(e) => *e == ids[k],
            PTok::Prefix(pre) => doc.tok_lower(k).starts_with(pre.as_str()),
            PTok::Any => true,
            PTok::Set(s) => self.sets[*s as usize].binary_search(&ids[k]).is_ok(),
            PTok::Inf => {
                let w = doc.tok_lower(k);
                w.len() >= 4
                    && (w.ends_with("er") || w.ends_with("ir") || looks_infinitive_re(w))
                    && lexicons().class(ids[k]) & class::FUNCTION == 0
                    && doc.is_word(k)
                    // (Not a name: « son compte Twitter ».)
                    && !doc.is_capitalized(k)
            }
        }
    }

    /// Longest match starting at token `i` that stays inside `limit` (exclusive end token).
    pub fn longest_at<D: Tokens + ?Sized>(
        &self,
        doc: &D,
        i: usize,
        limit: usize,
    ) -> Option<CueHit> {
        self.longest_at_ids(doc, doc.tok_ids(), i, limit)
    }

    /// [`CueMatcher::longest_at`] with explicit token ids (`ids[i]` = vocabulary id of token i).
    pub fn longest_at_ids<D: Tokens + ?Sized>(
        &self,
        doc: &D,
        ids: &[u32],
        i: usize,
        limit: usize,
    ) -> Option<CueHit> {
        let limit = limit.min(doc.tok_count());
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
        // (Exact second words first: on a tie the more specific row wins, « veut dire » the
        // blocker over « veut » + infinitive.)
        for &pid in exact_second.iter().chain(any_second).chain(by_prefix) {
            let pat = &self.patterns[pid];
            let len = pat.toks.len();
            if i + len > limit {
                continue;
            }
            let ok = pat
                .toks
                .iter()
                .enumerate()
                .all(|(k, p)| self.tok_matches(p, doc, ids, i + k));
            if !ok {
                continue;
            }
            let Some(start) = group_start(ids, i, pat.need) else {
                continue;
            };
            // The longest hit, its verb group included (« s' était opposé » before « opposé
            // au »); then the one reaching furthest.
            if best.is_some_and(|b| (b.end - b.start, b.end) >= (i + len - start, i + len)) {
                continue;
            }
            best = Some(CueHit {
                start,
                end: i + len,
                entry: pat.entry,
                form: pat.form,
            });
        }
        best
    }

    /// Can a cue start at token `i` and end by token `limit`? False means [`CueMatcher::longest_at`]
    /// finds nothing there; true is only a candidate.
    #[cfg(test)]
    pub fn may_start<D: Tokens + ?Sized>(&self, doc: &D, i: usize, limit: usize) -> bool {
        let limit = limit.min(doc.tok_count());
        i < limit && self.starts.may_start(doc, doc.tok_ids(), i, limit)
    }

    /// All leftmost-longest, non-overlapping matches in token range `a..b` (the matcher is tried
    /// only where a cue may start).
    pub fn find_all<D: Tokens + ?Sized>(&self, doc: &D, a: usize, b: usize) -> Vec<CueHit> {
        self.find_all_ids(doc, doc.tok_ids(), a, b)
    }

    /// [`CueMatcher::find_all`] with explicit token ids.
    pub fn find_all_ids<D: Tokens + ?Sized>(
        &self,
        doc: &D,
        ids: &[u32],
        a: usize,
        b: usize,
    ) -> Vec<CueHit> {
        let b = b.min(doc.tok_count());
        let mut out = Vec::new();
        let mut i = a;
        let mut floor = a;
        while i < b {
            if self.starts.may_start(doc, ids, i, b) {
                if let Some(mut h) = self.longest_at_ids(doc, ids, i, b) {
                    // The verb group never reaches back into the previous hit or the range's start.
                    h.start = h.start.max(floor);
                    out.push(h);
                    i = h.end;
                    floor = h.end;
                    continue;
                }
            }
            i += 1;
        }
        out
    }
}

/// Where the verb group of an inflected verb at token `i` starts, if `need` is met (see [`Need`]);
/// `i` itself when nothing is needed.
fn group_start(ids: &[u32], i: usize, need: Need) -> Option<usize> {
    if need == Need::Nothing {
        return Some(i);
    }
    let cls = |k: usize| lexicons().class(ids[k]);
    match need {
        Need::Nothing => Some(i),
        Need::NoSe => {
            let se = i > 0 && {
                let l = lexicons();
                ids[i - 1] == l.vocab.id("se") || ids[i - 1] == l.vocab.id("s'")
            };
            (!se).then_some(i)
        }
        // « s'oppose », and over the clitics « y » / « en »: « s'y oppose », « s'en félicite ».
        Need::Refl => {
            let k = i.checked_sub(1)?;
            if cls(k) & class::REFL != 0 {
                Some(k)
            } else {
                (cls(k) & class::CLITIC != 0 && k > 0 && cls(k - 1) & class::REFL != 0)
                    .then(|| k - 1)
            }
        }
        Need::Avoir | Need::ReflEtre | Need::Etre => {
            let mut k = i;
            // Words between (commas around an incise do not count: « a, pour sa part, salué »).
            let mut words = 0;
            while k > 0 && words <= GROUP_WINDOW && i - k < GROUP_WINDOW + 3 {
                k -= 1;
                let c = cls(k);
                if c & class::COMMA == 0 {
                    words += 1;
                }
                if c & class::AUX_AVOIR != 0 {
                    return (need == Need::Avoir).then_some(k);
                }
                if c & class::AUX_ETRE != 0 {
                    // The reflexive pronoun, maybe with « y » / « en » (« s'en est félicité »).
                    let mut r = k;
                    if r > 0 && cls(r - 1) & class::CLITIC != 0 {
                        r -= 1;
                    }
                    let refl = r > 0 && cls(r - 1) & class::REFL != 0;
                    return match need {
                        Need::ReflEtre if refl => Some(r - 1),
                        Need::Etre if !refl => Some(k),
                        _ => None,
                    };
                }
                if c & class::GROUP_STOP != 0 {
                    // A participle coordinated right after « et » shares the auxiliary of the
                    // verb before it (« a réagi sur Twitter et condamné les violences », « a dit
                    // comprendre le mouvement et critiqué la politique »): the group is the
                    // participle alone.
                    if need == Need::Avoir && k + 1 == i && ids[k] == lexicons().vocab.id("et") {
                        return shared_avoir(ids, k).then_some(i);
                    }
                    return None;
                }
            }
            None
        }
    }
}

/// An ending in « -re » that may be an infinitive (« mettre », « dire », « conclure »), not one
/// only nouns and adjectives have (« colère », « membre », « ministre », « mesure »).
fn looks_infinitive_re(w: &str) -> bool {
    w.ends_with("re")
        && !w.ends_with("ère")
        && !w.ends_with("bre")
        && !w.ends_with("stre")
        && (!w.ends_with("ure") || w.ends_with("clure"))
}

/// How far back (in tokens) a participle after « et » looks for the auxiliary it shares.
const SHARED_AUX_WINDOW: usize = 25;

/// A form of « avoir » before the « et » at `et`, in the same clause (no conjunction, relative or
/// punctuation other than commas between), with no « être » closer (« a été arrêté et
/// condamné » is a passive).
fn shared_avoir(ids: &[u32], et: usize) -> bool {
    let cls = |k: usize| lexicons().class(ids[k]);
    let floor = et.saturating_sub(SHARED_AUX_WINDOW);
    let mut k = et;
    while k > floor {
        k -= 1;
        let c = cls(k);
        if c & class::AUX_ETRE != 0 || c & class::GROUP_STOP != 0 {
            return false;
        }
        if c & class::AUX_AVOIR != 0 {
            return true;
        }
    }
    false
}
