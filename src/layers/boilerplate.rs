//! Page chrome: share buttons (also whole rows of them), menus and breadcrumbs, keyword lines,
//! « Lire aussi » links (also the short lines listed under an « À lire aussi » heading),
//! related-article URLs, follow-us lines, labelled banners (« Cookies : nous utilisons … »),
//! footers and copyright notices, English captions, duplicated lines, logo words. Also
//! classifies the remaining blocks (title, dateline, caption, paragraph).
//!
//! Invariants:
//! - a block is either wholly boilerplate or has zero or more boilerplate *segments* (parts
//!   between ` | ` separators, e.g. a « Mots clés : … » tail on a dateline);
//! - datelines and bylines are content, never boilerplate (the card reads source and date
//!   from them);
//! - the output `Doc::boilerplate` is sorted and non-overlapping.

use crate::fxhash::FxHashMap;
use crate::lexicon::lexicons;
use crate::schema::{BlockKind, Rule};
use crate::text::doc::{Doc, NSpan};

/// Result of the boilerplate pass for one block.
#[derive(Debug, Clone)]
pub struct BlockInfo {
    pub kind: BlockKind,
    pub rule: Option<Rule>,
}

/// Boilerplate spans with their reasons (whole blocks and segments).
#[derive(Debug, Clone)]
pub struct Chrome {
    pub blocks: Vec<BlockInfo>,
    pub spans: Vec<(NSpan, Rule)>,
    /// Index of the title block, if any.
    pub title: Option<usize>,
    /// Indices of dateline blocks.
    pub datelines: Vec<usize>,
}

/// Number of words: maximal runs of alphanumeric characters, apostrophes and hyphens.
fn word_count(s: &str) -> usize {
    word_count_upto(s, usize::MAX)
}

/// Position of the first byte of `b` equal to `x` or `y`, eight bytes at a time (the rules
/// below look for a rare byte in every line: « ( », « © », the lead byte of « é »).
fn find_byte2(b: &[u8], x: u8, y: u8) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // The high bit of each zero byte of `v`, and maybe of bytes above one (never below: the
    // lowest set bit is exact).
    let zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let (px, py) = (LO * u64::from(x), LO * u64::from(y));
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("8 bytes"));
        let m = zero(v ^ px) | zero(v ^ py);
        if m != 0 {
            return Some(at + (m.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&c| c == x || c == y)
        .map(|k| at + k)
}

/// High bit of each byte of `v` that is an ASCII digit (clearing the high bits first, the sums
/// of [`ascii_word_mask`]'s range test cannot carry).
#[inline]
fn digit_bits(v: u64) -> u64 {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let x = v & !H;
    x.wrapping_add(L * u64::from(0x80 - b'0'))
        & !x.wrapping_add(L * u64::from(0x7F - b'9'))
        & !v
        & H
}

/// Number of ASCII digits of `b`, eight bytes at a time.
fn ascii_digits(b: &[u8]) -> usize {
    let mut chunks = b.chunks_exact(8);
    let mut n = 0;
    for c in &mut chunks {
        n += digit_bits(u64::from_le_bytes(c.try_into().expect("8 bytes"))).count_ones() as usize;
    }
    n + chunks
        .remainder()
        .iter()
        .filter(|c| c.is_ascii_digit())
        .count()
}

/// Does `b` hold an ASCII digit? (Eight bytes at a time.)
fn has_ascii_digit(b: &[u8]) -> bool {
    let mut chunks = b.chunks_exact(8);
    chunks.any(|c| digit_bits(u64::from_le_bytes(c.try_into().expect("8 bytes"))) != 0)
        || chunks.remainder().iter().any(u8::is_ascii_digit)
}

/// Block word counts saturate here: every rule compares them with thresholds of at most 40.
const WORDS_CAP: usize = 41;

/// At most this many short lines after a « À lire aussi » or « Mots-clés » heading are read as
/// its links or tags.
const RELATED_LINKS: usize = 6;

/// [`word_count`], or `cap` when there are at least `cap` words (the count stops there).
///
/// ASCII bytes are classified eight at a time: a bit mask of the word bytes, whose word starts
/// (a word byte after a non-word byte) are counted at once.
fn word_count_upto(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let (mut n, mut in_word, mut i) = (0, 0u32, 0);
    while i < b.len() && n < cap {
        if let Some(chunk) = b.get(i..i + 8) {
            let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            // Number of leading ASCII bytes of the chunk.
            let ascii = ((v & 0x8080_8080_8080_8080).trailing_zeros() / 8) as usize;
            if ascii > 0 {
                let m = ascii_word_mask(v) & ((1u32 << ascii) - 1);
                n += POPCOUNT[(m & !((m << 1) | in_word)) as usize] as usize;
                in_word = (m >> (ascii - 1)) & 1;
                i += ascii;
                if ascii == 8 {
                    continue;
                }
            }
        }
        let c = b[i];
        let w = if c < 0x80 {
            i += 1;
            u32::from(ASCII_WORD[c as usize])
        } else {
            let (w, len) = non_ascii_word(s, i);
            i += len;
            u32::from(w)
        };
        n += (w & !in_word) as usize;
        in_word = w;
    }
    n.min(cap)
}

/// Bit k set when byte k of `v` (little-endian) is an ASCII word byte ([`ASCII_WORD`]), for the
/// bytes before the first non-ASCII one (the bits of the later bytes are meaningless).
///
/// Range tests on all eight bytes at once: for an ASCII byte `b`, `b + (0x80 - lo)` has its high
/// bit set iff `b >= lo`, and `b + (0x7F - hi)` iff `b > hi`, without a carry into the next
/// byte (a non-ASCII byte may carry, but only into the bytes after it).
#[inline]
fn ascii_word_mask(v: u64) -> u32 {
    const L: u64 = 0x0101_0101_0101_0101;
    const H: u64 = 0x8080_8080_8080_8080;
    let range = |x: u64, lo: u8, hi: u8| {
        x.wrapping_add(L * u64::from(0x80 - lo)) & !x.wrapping_add(L * u64::from(0x7F - hi))
    };
    // (`| 0x20` maps « A »–« Z » onto « a »–« z », and no other byte into that range.)
    let m = (range(v | (L * 0x20), b'a', b'z')
        | range(v, b'0', b'9')
        | range(v, b'\'', b'\'')
        | range(v, b'-', b'-'))
        & H;
    // Gathers the high bits: bit k of the top byte of the product is byte k's.
    ((m >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
}

/// Number of set bits of a byte.
static POPCOUNT: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = (k as u8).count_ones() as u8;
        k += 1;
    }
    t
};

/// ASCII bytes that belong to words: alphanumerics, apostrophe, hyphen.
static ASCII_WORD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = (b.is_ascii_alphanumeric() || b == b'\'' || b == b'-') as u8;
        c += 1;
    }
    t
};

/// Is the non-ASCII character at byte `i` alphanumeric? Returns it with its length. Latin-1
/// letters (U+0080–U+00FF) and general punctuation (U+2000–U+203F: « ’ », spaces) are decided
/// from their bytes; other characters are decoded.
fn non_ascii_word(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes();
    match (b[i], b.get(i + 1).copied().unwrap_or(0)) {
        // U+00C0–U+00FF: letters except « × » and « ÷ ».
        (0xC3, c) => (!matches!(c, 0x97 | 0xB7), 2),
        // U+0080–U+00BF: « ª », « ² », « ³ », « µ », « ¹ », « º », « ¼ », « ½ », « ¾ ».
        (0xC2, c) => (
            matches!(c, 0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE),
            2,
        ),
        (0xE2, 0x80) => (false, 3),
        _ => {
            let c = s[i..].chars().next().unwrap_or(' ');
            (c.is_alphanumeric(), c.len_utf8())
        }
    }
}

/// Separator-delimited segments of a line: (start, end) relative to the line, trimmed.
fn segments(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    let push = |out: &mut Vec<(usize, usize)>, a: usize, b: usize| {
        let seg = &line[a..b];
        let lt = seg.len() - seg.trim_start().len();
        let t = seg.trim();
        if !t.is_empty() {
            out.push((a + lt, a + lt + t.len()));
        }
    };
    // Separators: « | », « > », « • » (E2 80 A2), « · » (C2 B7) and a spaced « / ». Their
    // bytes never occur inside another character, so the bytes are scanned directly.
    let b = line.as_bytes();
    let mut from = 0;
    // (Only the bytes that may start a separator are looked at, found with a table.)
    while let Some(k) = b[from..].iter().position(|&c| SEP_LEAD[c as usize]) {
        let i = from + k;
        let c = b[i];
        from = i + 1;
        let len = match c {
            b'|' | b'>' => 1,
            b'/' if i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ') => 1,
            0xE2 if b[i + 1..].starts_with(&[0x80, 0xA2]) => 3,
            0xC2 if b.get(i + 1) == Some(&0xB7) => 2,
            _ => continue,
        };
        push(&mut out, s, i);
        s = i + len;
    }
    push(&mut out, s, line.len());
    out
}

/// Bytes that may start a [`segments`] separator: « | », « > », « / », C2 and E2.
static SEP_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'|' as usize] = true;
    t[b'>' as usize] = true;
    t[b'/' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// A line without trailing bracketed groups (« [A A] »), digits and punctuation.
fn whole_line_core(lower: &str) -> &str {
    let mut t = lower.trim();
    loop {
        let before = t;
        t = t.trim_end_matches(|c: char| !c.is_alphabetic() && c != ']' && c != ')');
        if t.ends_with(']') || t.ends_with(')') {
            let open = if t.ends_with(']') { '[' } else { '(' };
            if let Some(i) = t.rfind(open) {
                t = t[..i].trim_end();
            }
        }
        if t == before {
            return t;
        }
    }
}

/// Does a (lower-cased) line start with a boilerplate pattern? Returns (kind, pattern).
fn pattern_hit(lower: &str, words: usize) -> Option<(String, String)> {
    let lex = lexicons();
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '[' && c != '©');
    // Candidates: whole-line patterns equal to the line's core, and line-start patterns sharing
    // its first one, two or three characters. The earliest entry of the file wins.
    let mut cands: Vec<usize> = lex
        .boilerplate_whole
        .get(whole_line_core(lower))
        .cloned()
        .unwrap_or_default();
    for (n, (i, c)) in lower.char_indices().take(3).enumerate() {
        let key = &lower[..i + c.len_utf8()];
        if let Some(v) = lex.boilerplate_prefix.get(key) {
            cands.extend(
                v.iter()
                    .copied()
                    .filter(|&p| n == 2 || lex.boilerplate[p].1.chars().count() == n + 1),
            );
        }
    }
    cands.sort_unstable();
    for p in cands {
        let (kind, pat, whole) = &lex.boilerplate[p];
        let hit = if *whole {
            // A button never asks: « Comment ? » in an interview is the interviewer's question.
            !(kind == "share" && lower.trim_end().ends_with('?'))
        } else if lower.starts_with(pat.as_str()) {
            // The pattern must end at a word boundary.
            let rest = &lower[pat.len()..];
            let boundary = rest.chars().next().is_none_or(|c| {
                !c.is_alphanumeric() || !pat.chars().last().unwrap().is_alphanumeric()
            });
            // Short lines only, except "related"/"tags"/"footer" lines which are chrome whatever
            // follows. A row of share buttons (« Partager sur Facebook  Partager sur X  Envoyer
            // par e-mail ») or a specific phrase of three words or more (« Nous utilisons des
            // cookies … ») may run to 20 words, as long as the line does not end like a sentence.
            // A banner phrase of four words or more (« Nous utilisons des cookies », « Cet
            // article est réservé aux abonnés ») makes chrome of a banner of full sentences too.
            // A photo credit pattern (« Photo : », « Crédit : ») opening a long line opens a
            // caption, which is content (« Photo : Anne Martin Le Quotidien Des immeubles … »).
            // A sentence (final stop) opening with a related or tag label is content unless
            // a colon follows the label or the label is a link's (« Sur ce sujet, le ministre
            // a déclaré … », « En lien avec la police, … »; « Lire aussi : … »). Footers and
            // invitations: a one-word label makes chrome of a long sentence only with a colon
            // (« Dossier sensible, … ») or as an invitation (« Suivez », « Retrouvez »).
            let colon = rest.trim_start().starts_with(':') || pat.ends_with(':');
            let sentence = ends_like_sentence(lower);
            // A sentence that attributes what it says is the text's (« Copyright : la directive
            // reste mal appliquée, selon eux. », « Suivez le maillot jaune, …, selon son
            // directeur sportif. »).
            let reported_sentence = || sentence && words >= 8 && reported(lower);
            // « Suivez » then a long line that names no channel (« Suivez le guide : trois
            // scènes, quarante concerts … ») is the text's; a follow button says where (« sur »).
            // « Contact : » then a sentence about a third party, with no address and no « nous /
            // vous » (« Contact : la médiathèque répond au … du mardi au samedi. »): the text's
            // practical information, not the outlet's.
            let contact_text = || {
                pat.starts_with("contact")
                    && sentence
                    && words >= 10
                    && !lower.contains('@')
                    && !lower.contains("http")
                    && !lower
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| matches!(w, "nous" | "notre" | "nos" | "vous" | "votre" | "vos"))
            };
            let invitation_text =
                pat == "suivez" && words >= 8 && !lower.contains(" sur") && !lower.contains("nous");
            let labelled = match kind.as_str() {
                // (A long sentence with commas is the text's, even after a link's label:
                // « Voir aussi le vote des sénateurs, attendu à l'automne, qui … ».)
                "related" | "tags" => {
                    !sentence
                        || colon
                        || ([
                            "lire", "à lire", "a lire", "voir", "à voir", "a voir", "[lire",
                            "(lire", "read",
                        ]
                        .iter()
                        .any(|p| pat.starts_with(p))
                            && !(words >= 12 && rest.contains(", ")))
                }
                _ => {
                    word_count(pat) >= 2
                        || pat.contains(|c: char| !c.is_alphanumeric() && c != ' ')
                        || colon
                        || !sentence
                        || kind == "follow"
                        || matches!(pat.as_str(), "retrouvez" | "découvrez" | "copyright")
                }
            };
            let related_like = matches!(kind.as_str(), "related" | "tags");
            boundary
                && (words <= 8 && (labelled || !related_like)
                    || (matches!(kind.as_str(), "related" | "tags" | "footer" | "follow")
                        && labelled
                        && !(words > 12 && credit_pattern(pat)))
                    || (words <= 20 && !sentence && (kind == "share" || word_count(pat) >= 3))
                    || (words <= 40 && kind == "nav" && word_count(pat) >= 4))
                && !reported_sentence()
                && !invitation_text
                && !contact_text()
        } else {
            false
        };
        if hit {
            return Some((kind.clone(), pat.clone()));
        }
    }
    None
}

/// A photo-credit pattern (« photo : », « crédit : », « image d'illustration »).
fn credit_pattern(pat: &str) -> bool {
    [
        "photo",
        "(photo",
        "crédit",
        "credit",
        "image",
        "illustration",
        "légende",
    ]
    .iter()
    .any(|p| pat.starts_with(p))
}

/// Does a line end like a sentence (final punctuation or closing quote)?
fn ends_like_sentence(line: &str) -> bool {
    line.trim_end()
        .ends_with(['.', '!', '?', '»', '"', '…', ';'])
}

/// « Newsletter : recevez chaque matin … », « Cookies : nous utilisons des cookies … »: a
/// chrome label (a whole-line pattern such as « Newsletter ») then a colon, then text that is
/// itself chrome. Returns (kind, « label : pattern »). A rubric label alone is not enough
/// (« Politique : le gouvernement … » is a headline).
fn labelled_hit(lower: &str) -> Option<(String, String)> {
    // A label of at most three words: the colon comes early.
    let colon = lower[..crate::text::floor_char_boundary(lower, 48)].find(':')?;
    let label = lower[..colon].trim();
    let label_words = word_count(label);
    if label.is_empty() || label_words > 3 {
        return None;
    }
    let (lk, _) = pattern_hit(label, label_words)?;
    if !matches!(lk.as_str(), "nav" | "share" | "follow") {
        return None;
    }
    let rest = lower[colon + 1..].trim();
    if let Some((kind, pat)) = pattern_hit(rest, word_count(rest)) {
        return Some((kind, format!("{label} : {pat}")));
    }
    // « Partager : Facebook Twitter Telegram »: a share or follow label then a few names.
    let names = rest.split_whitespace().count();
    (lk != "nav" && (1..=8).contains(&names) && !ends_like_sentence(rest))
        .then(|| (lk, format!("{label} : (list)")))
}

/// A menu without separators (« Accueil Actualités Politique »): 3 to 8 words, each a
/// whole-line navigation pattern (two are too few: « En France » is a phrase).
fn menu_words(lower: &str) -> bool {
    let lex = lexicons();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let nav = |w: &str| {
        lex.boilerplate_whole
            .get(w)
            .is_some_and(|v| v.iter().any(|&p| lex.boilerplate[p].0 == "nav"))
    };
    if (3..=8).contains(&words.len()) && words.iter().all(|w| nav(w)) {
        return true;
    }
    // A site's menu also names its country and region rubrics (« Accueil Algérie Monde
    // Économie Sport », « Monde Türkiye Afrique Économie »): place names among four rubric
    // words or more, the rubrics at least half the line; a list of places alone is a caption.
    let rubrics = words.iter().filter(|w| nav(w) && !is_place(w)).count();
    (4..=10).contains(&words.len())
        && rubrics >= 4
        && 2 * rubrics >= words.len()
        && words.iter().all(|w| nav(w) || is_place(w))
}

/// Share of words in a line that are English function words, and of French function words.
fn language_ratios(lower: &str) -> (f32, f32, usize) {
    let lex = lexicons();
    // (Counted in one pass, without collecting the words.)
    let (mut n, mut en, mut fr) = (0usize, 0usize, 0usize);
    for w in lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
    {
        n += 1;
        en += usize::from(lex.english_words.contains(w));
        fr += usize::from(FRENCH_MARKERS.contains(&w) || w.ends_with('\''));
    }
    if n == 0 {
        return (0.0, 0.0, 0);
    }
    (en as f32 / n as f32, fr as f32 / n as f32, n)
}

/// Frequent French words that are not English words.
const FRENCH_MARKERS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "sur", "pour", "par",
    "avec", "qui", "que", "au", "aux", "ce", "cette", "ces", "il", "elle", "ils", "son", "sa",
    "ses", "leur", "leurs", "ont", "été", "sont", "pas", "ne", "plus", "entre", "selon",
];

/// A line that starts with a URL (a related-article link, possibly followed by its title).
fn looks_like_url(t: &str) -> bool {
    let t = t.trim();
    t.starts_with("http://")
        || t.starts_with("https://")
        || (t.starts_with("www.") && !t.contains(' '))
        || t.split(char::is_whitespace).next().is_some_and(bare_url)
}

/// Length of the web address opening `s`: up to a space, or to punctuation no pasted address
/// holds (« », quotes, dashes, « … »), which glues it to the text in pages with embedded posts
/// (« pic.twitter.com/AbCdEfGhIj«J'ai », « …/AbCdEfGhIj— Anne (@anne) »).
fn url_len(s: &str) -> usize {
    s.find(|c: char| c.is_whitespace() || (!c.is_ascii() && !c.is_alphanumeric()) || c == '"')
        .unwrap_or(s.len())
}

/// A web address without its scheme: a domain then a path (« exemple.fr/monde/article-123 »).
fn bare_url(w: &str) -> bool {
    let Some(slash) = w.find('/') else {
        return false;
    };
    let host = &w[..slash];
    let tld = host.rsplit('.').next().unwrap_or("");
    host.contains('.')
        && !host.contains(char::is_uppercase)
        && (2..=6).contains(&tld.len())
        && tld.bytes().all(|b| b.is_ascii_lowercase())
        && w.len() > slash + 1
}

/// « Il y a 3 heures », « il y a 12 min »: an age alone.
fn relative_age(lower: &str) -> bool {
    let core: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    core.len() == 5
        && core[..3] == ["il", "y", "a"]
        && core[3].bytes().all(|b| b.is_ascii_digit())
        && matches!(
            core[4],
            "min"
                | "minute"
                | "minutes"
                | "h"
                | "heure"
                | "heures"
                | "jour"
                | "jours"
                | "semaine"
                | "semaines"
                | "mois"
                | "an"
                | "ans"
        )
}

/// A domain name alone, without a path (« lequotidien.fr », « www.exemple.com »): lower-case
/// letters, digits, hyphens and dots, a known kind of ending.
fn bare_domain(w: &str) -> bool {
    let Some((host, tld)) = w.rsplit_once('.') else {
        return false;
    };
    !host.is_empty()
        && host
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && matches!(
            tld,
            "fr" | "com"
                | "net"
                | "org"
                | "info"
                | "be"
                | "ch"
                | "ca"
                | "lu"
                | "sn"
                | "ci"
                | "cm"
                | "cd"
                | "bf"
                | "ml"
                | "ne"
                | "tg"
                | "bj"
                | "ga"
                | "ma"
                | "dz"
                | "tn"
                | "lb"
                | "cn"
                | "ru"
                | "ir"
                | "tr"
                | "uz"
                | "kz"
                | "africa"
                | "news"
                | "tv"
        )
}

/// A header line of an e-mail pasted with a newsletter (« De : … », « Objet : … », « Envoyé : … »,
/// « From: … »): the label and a colon.
fn mail_header(lower: &str) -> bool {
    let l = lower.trim_start();
    let Some((label, _)) = l.split_once(':') else {
        return false;
    };
    matches!(
        label.trim(),
        "de" | "à"
            | "a"
            | "envoyé"
            | "objet"
            | "cc"
            | "cci"
            | "répondre à"
            | "from"
            | "to"
            | "sent"
            | "subject"
            | "reply-to"
    )
}

/// A phone's status bar pasted at the top of a page (« 14:32 », « 4G 78 % », « 09:41 5G »):
/// nothing but a clock time, a network name and a battery level.
fn status_bar(lower: &str) -> bool {
    let mut signal = false;
    let all = lower.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != ':');
        let clock = w.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        });
        let network = matches!(
            w,
            "3g" | "4g" | "4g+" | "5g" | "lte" | "edge" | "wi-fi" | "wifi"
        );
        signal |= clock || network;
        clock
            || network
            || w.is_empty()
            || w == "%"
            || w.trim_end_matches('%').bytes().all(|b| b.is_ascii_digit())
    });
    all && signal
}

/// A clock time alone on its line (« 22:41 », « 9h05 », « 14 h 32 »).
fn clock_alone(lower: &str) -> bool {
    if lower.trim().len() > 10 {
        return false;
    }
    let t: String = lower
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let Some((h, m)) = t.split_once([':', 'h']) else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
}

/// An agency's transmission line (« AFP 221034 GMT JAN 24 », « 121530 UTC MAR 2024 »): a time
/// stamp of six digits and GMT or UTC, in a line of at most eight words.
fn wire_stamp(lower: &str, words: usize) -> bool {
    words <= 8
        && (lower.contains("gmt") || lower.contains("utc"))
        && lower.split_whitespace().any(|w| matches!(w, "gmt" | "utc"))
        && lower
            .split_whitespace()
            .any(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit()))
}

/// A postal address without a sentence (« Le Journal, rue des Dominicains 12, 4000 Liège »): a
/// street word and a postal code of four or five digits before a capitalised town, in a line of
/// at most sixteen words.
fn postal_address(line: &str, lower: &str, words: usize) -> bool {
    words <= 16
        && !ends_like_sentence(line)
        && line.bytes().any(|b| b.is_ascii_digit())
        && lower.split_whitespace().any(|w| {
            matches!(
                w,
                "rue"
                    | "avenue"
                    | "av."
                    | "boulevard"
                    | "bd"
                    | "chemin"
                    | "quai"
                    | "place"
                    | "route"
            )
        })
        && {
            let mut ws = line.split_whitespace().peekable();
            let mut code = false;
            while let Some(w) = ws.next() {
                let d = w.trim_end_matches(',');
                if (4..=5).contains(&d.len())
                    && d.bytes().all(|b| b.is_ascii_digit())
                    && ws
                        .peek()
                        .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase))
                {
                    code = true;
                    break;
                }
            }
            code
        }
}

/// The length of a numeric date stamp opening a line and followed by a space (« 2025-03-10 »,
/// « 09.04.2025 », « 10/03/2025 »), or 0.
fn numeric_date_prefix(lower: &str) -> usize {
    let Some(tok) = lower.split(' ').next() else {
        return 0;
    };
    if tok.len() == lower.len() || !(8..=10).contains(&tok.len()) {
        return 0;
    }
    let parts: Vec<&str> = tok.split(['-', '.', '/']).collect();
    let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
    };
    let ok = parts.len() == 3
        && (digits(parts[0], 4..=4) && digits(parts[1], 1..=2) && digits(parts[2], 1..=2)
            || digits(parts[0], 1..=2) && digits(parts[1], 1..=2) && digits(parts[2], 4..=4));
    if ok {
        tok.len() + 1
    } else {
        0
    }
}

fn has_date_signal(lower: &str) -> bool {
    let b = lower.as_bytes();
    let digits = ascii_digits(b);
    if digits >= 4 {
        // A maximal run of four digits starting with 19 or 20.
        let mut has_year = false;
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_digit() {
                i += 1;
                continue;
            }
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i - s == 4 && (b[s..].starts_with(b"19") || b[s..].starts_with(b"20")) {
                has_year = true;
                break;
            }
        }
        if has_year
            && (digits >= 6
                || crate::layers::dates::MONTHS
                    .iter()
                    .any(|(m, _)| m.len() > 4 && lower.contains(m)))
        {
            return true;
        }
    }
    has_update_phrase(lower)
}

/// Does the line contain « mis à jour », « mise à jour » or « publié le »? Each has an « à » or
/// « é » (bytes C3 A0 / C3 A9), which is where the search anchors.
fn has_update_phrase(lower: &str) -> bool {
    let b = lower.as_bytes();
    let mut from = 0;
    while let Some(k) = find_byte2(&b[from..], 0xC3, 0xC3) {
        let j = from + k;
        let (head, tail) = (&b[..j], &b[(j + 2).min(b.len())..]);
        match b.get(j + 1) {
            Some(0xA0)
                if tail.starts_with(b" jour")
                    && (head.ends_with(b"mis ") || head.ends_with(b"mise ")) =>
            {
                return true
            }
            Some(0xA9) if head.ends_with(b"publi") && tail.starts_with(b" le") => return true,
            _ => {}
        }
        from = j + 1;
    }
    false
}

/// Is a line English (a caption in a French article)? Returns its share of English function
/// words. A short line (six or seven words) needs more English and no French at all; an
/// intertitle between paragraphs is never taken for a short caption.
fn english_caption(lower: &str, words: usize, intertitle: bool) -> Option<f32> {
    // (Accented French letters rule English out cheaply.)
    let (en, fr, n) = if has_french_accent(lower) {
        (0.0, 1.0, words)
    } else {
        language_ratios(lower)
    };
    ((n >= 8 && en >= 0.25 && fr <= 0.08_f32.max(en / 4.0))
        || (n >= 6 && en >= 0.34 && fr == 0.0 && !intertitle))
        .then_some(en)
}

/// Does a line hold « é », « è », « à », « ç », « ê » or « ù » (C3 A9, C3 A8, C3 A0, C3 A7,
/// C3 AA, C3 B9)? (The lead byte C3 is found by a byte search, not by decoding chars.)
fn has_french_accent(lower: &str) -> bool {
    let b = lower.as_bytes();
    let mut from = 0;
    while let Some(k) = find_byte2(&b[from..], 0xC3, 0xC3) {
        let j = from + k;
        if matches!(b.get(j + 1), Some(0xA9 | 0xA8 | 0xA0 | 0xA7 | 0xAA | 0xB9)) {
            return true;
        }
        from = j + 1;
    }
    false
}

/// A byline: « Par » or « By » then a capitalised name (« Par la rédaction » is a `nav`
/// pattern).
fn byline(line: &str) -> bool {
    let t = line.trim_start();
    ["Par ", "PAR ", "By ", "BY ", "Par : ", "Par: ", "PAR : "]
        .iter()
        .any(|p| t.starts_with(p) && t[p.len()..].chars().next().is_some_and(char::is_uppercase))
}

/// A line opening with a publication or update phrase and a number (« Publié le 12 mars 2024
/// Lecture : 3 minutes. », « Publié à 5 h 00 HNE », « Modifié le : 07/03/2024 - 08:02 »): a
/// dateline, even with a final stop or a time alone.
fn dateline_start(lower: &str) -> bool {
    let t = lower.trim_start();
    [
        "publié ",
        "publiée ",
        "publié:",
        "modifié ",
        "modifiée ",
        "mis à jour ",
        "mise à jour ",
        "actualisé ",
        "posté ",
        "postée ",
        "paru ",
    ]
    .iter()
    .any(|p| t.starts_with(p))
        && t.bytes().take(40).any(|b| b.is_ascii_digit())
}

/// Reader markers of a site's prompt: second person, a first-person button (« Je m'abonne »),
/// imperatives and infinitives of site actions.
const READER_WORDS: &[&str] = &[
    "vous",
    "votre",
    "vos",
    "découvrez",
    "découvrir",
    "profitez",
    "essayez",
    "inscrivez",
    "abonnez",
    "connectez",
    "téléchargez",
    "cliquez",
    "acceptez",
    "consultez",
    "activez",
    "installez",
    "rejoignez",
    "soutenez",
    "identifiez",
    "créez",
    "gérez",
    "veuillez",
    "tu",
    "ta",
    "inscris",
];

/// Word starts of what a site's prompt is about: subscriptions, accounts, newsletters, comments,
/// consent, ads, the device or browser, the article itself.
const SITE_WORDS: &[&str] = &[
    "abonn",
    "newsletter",
    "mail",
    "courriel",
    "cookie",
    "commentaire",
    "inscri",
    "connect",
    "connex",
    "navigateur",
    "appareil",
    "notification",
    "confidentialit",
    "consentement",
    "publicit",
    "offres",
    "identifiant",
    "erreur",
    "partenaires",
    "telegram",
    "facebook",
    "twitter",
    "instagram",
    "youtube",
    "whatsapp",
    "tiktok",
    "réaction",
];

/// The [`SITE_WORDS`] that name a social network (also the subject of many articles).
const SOCIAL_NETWORKS: &[&str] = &[
    "telegram",
    "facebook",
    "twitter",
    "instagram",
    "youtube",
    "whatsapp",
    "tiktok",
];

/// Sentence breaks in `s` (« . », « ? », « ! » or « … », then spaces and a capital), counting up
/// to `cap`.
fn prose_sentences(s: &str, cap: usize) -> usize {
    let mut n = 0;
    for (i, c) in s.char_indices() {
        if n >= cap {
            break;
        }
        if matches!(c, '.' | '?' | '!' | '…') {
            let rest = s[i + c.len_utf8()..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
            let spaced = rest.len() < s.len() - i - c.len_utf8();
            if spaced && rest.chars().next().is_some_and(char::is_uppercase) {
                n += 1;
            }
        }
    }
    n
}

/// First bytes of the [`SITE_WORDS`] (a word starting with another byte starts with none).
static SITE_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < SITE_WORDS.len() {
        t[SITE_WORDS[k].as_bytes()[0] as usize] = true;
        k += 1;
    }
    t
};

/// Is `w` one of the [`READER_WORDS`]? (A `match` on the string: by length, then bytes.)
fn reader_word(w: &str) -> bool {
    let hit = matches!(
        w,
        "vous"
            | "votre"
            | "vos"
            | "découvrez"
            | "découvrir"
            | "profitez"
            | "essayez"
            | "inscrivez"
            | "abonnez"
            | "connectez"
            | "téléchargez"
            | "cliquez"
            | "acceptez"
            | "consultez"
            | "activez"
            | "installez"
            | "rejoignez"
            | "soutenez"
            | "identifiez"
            | "créez"
            | "gérez"
            | "veuillez"
            | "tu"
            | "ta"
            | "inscris"
    );
    debug_assert_eq!(hit, READER_WORDS.contains(&w));
    hit
}

/// Two-word phrases that say what a site's prompt is about (the words alone are ordinary:
/// « l'article 5 », « tenir compte », « secteur privé »).
const SITE_PHRASES: &[&str] = &[
    "cet article",
    "de l'article",
    "votre compte",
    "un compte",
    "vie privée",
    "la suite",
    "cette offre",
    "notre offre",
    "nos articles",
    "nos contenus",
    "en illimité",
    "lecture audio",
];

/// A site speaking to its reader about the site (« Il vous reste 72 % de cet article à lire »,
/// « Vous avez trouvé une erreur ? Merci de nous la signaler. », « Votre adresse e-mail ne sera
/// pas publiée », « Avec votre accord, nos partenaires et nous utilisons des cookies … »): a
/// reader marker and a site word, in a line of at most 40 words (80 for a consent banner with
/// two site words and cookies), without quotation marks (a quote may address anyone) and not a
/// question (an interviewer's).
fn reader_prompt(line: &str, lower: &str, words: usize) -> bool {
    if words > 80 || lower.trim_end().ends_with('?') {
        return false;
    }
    // A button of a few words speaks in the first person too (« Je me connecte », « Je crée mon
    // compte », « Profitez de l'offre »); a longer line in the first person is a speaker's.
    let button = words <= 8;
    // (Cheap test first: every reader marker holds « vo », « ez », « tu », « ta » or « découvrir », or is a
    // button's first person.)
    if !(lower.contains("vo")
        || lower.contains("ez")
        || lower.contains("tu ")
        || lower.contains("ta ")
        || lower.contains("découvrir")
        || (button
            && (lower.contains("je ")
                || lower.contains("me ")
                || lower.contains("mes ")
                || lower.contains("mon "))))
    {
        return false;
    }
    let (mut reader, mut site, mut social, mut cookie) = (0, 0, 0, false);
    for w in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 2)
    {
        if reader_word(w) || (button && matches!(w, "je" | "me" | "mon" | "mes")) {
            reader += 1;
        } else if button && matches!(w, "offre" | "compte" | "article") {
            site += 1;
        } else if let Some(p) = SITE_FIRST[w.as_bytes()[0] as usize]
            .then(|| SITE_WORDS.iter().find(|p| w.starts_with(**p)))
            .flatten()
        {
            site += 1;
            social += usize::from(SOCIAL_NETWORKS.contains(p));
            cookie |= *p == "cookie" || *p == "consentement";
        }
    }
    if reader == 0 {
        return false; // (the phrases are not looked for)
    }
    site += SITE_PHRASES.iter().filter(|p| lower.contains(**p)).count();
    // A social network named in running text of several sentences is the writer's subject
    // (« Qui lit encore ? Vous, moi… Facebook et Twitter s'en chargent. »); the site's prompt
    // to follow it is one sentence (« Suivez-nous sur Facebook et Twitter »).
    if site == social && prose_sentences(line, 2) >= 2 {
        return false;
    }
    // (A quotation of a few words is a button's or an outlet's name: « Accepter », la «Tribune».)
    let quoted = lower.contains(['«', '"', '“']) && long_quotation(lower);
    // (A reported advice is the text's: « Vous pouvez refuser les cookies, rappelle la Cnil. »)
    reader >= 1
        && site >= 1
        && ((words <= 40 && !quoted) || (site >= 2 && cookie))
        && !reported(lower)
}

/// Does a line attribute what it says (« …, rappelle la Cnil. », « … selon le ministère »)? Page
/// chrome never does.
fn reported(lower: &str) -> bool {
    // (One pass over the « , » of the line, then « selon ».)
    const VERBS: &[&str] = &[
        "rappelle",
        "explique",
        "précise",
        "indique",
        "souligne",
        "conseille",
        "recommande",
        "prévient",
        "déplore",
        "estime",
        "affirme",
        "assure",
        "ajoute",
    ];
    lower
        .match_indices(", ")
        .any(|(i, _)| VERBS.iter().any(|v| lower[i + 2..].starts_with(v)))
        || lower.contains("selon ")
}

/// Does a line quote five words or more (« … », " … ", “ … ”)? An unclosed quotation counts.
fn long_quotation(lower: &str) -> bool {
    let mut rest = lower;
    while let Some(i) = rest.find(['«', '"', '“']) {
        let open = rest[i..].chars().next().unwrap();
        let after = &rest[i + open.len_utf8()..];
        let close = match open {
            '«' => '»',
            '“' => '”',
            _ => '"',
        };
        let end = after.find(close).unwrap_or(after.len());
        if word_count_upto(&after[..end], 5) >= 5 {
            return true;
        }
        rest = &after[(end + close.len_utf8()).min(after.len())..];
    }
    false
}

/// A short copyright notice without a caption: a piece between « © », « – », « - » or « | »
/// that is a footer words pattern (« TAP © 2024 – Tous droits réservés », « Tous droits réservés
/// © 2024 Le Quotidien »; not a credit pattern: « Photo : X © Agence » goes with its caption),
/// or a name of at most three words then « © » and a year alone (« Radio Nationale © 2024 »).
fn copyright_notice(lower: &str) -> Option<(String, String)> {
    let (before, after) = lower.split_once('©')?;
    let after = after.trim();
    if after.len() == 4
        && (after.starts_with("19") || after.starts_with("20"))
        && after.bytes().all(|b| b.is_ascii_digit())
        && (1..=3).contains(&word_count(before))
        && !ends_like_sentence(before)
    {
        return Some(("footer".into(), "© and a year".into()));
    }
    lower
        .split(['©', '–', '|'])
        .flat_map(|p| p.split(" - "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .find_map(|piece| {
            pattern_hit(piece, word_count(piece))
                .filter(|(k, p)| k == "footer" && word_count(p) >= 2 && !credit_pattern(p))
        })
}

/// A row of buttons or network names without separators (« Facebook Twitter WhatsApp Copier le
/// lien ») or with bars (« Imprimer | Envoyer à un ami »): two items or more, each a share,
/// follow or navigation pattern of one to four words, one of them at least a share or follow
/// button.
fn button_row(lower: &str, words: usize) -> bool {
    if !(2..=12).contains(&words) || ends_like_sentence(lower) {
        return false;
    }
    let lex = lexicons();
    // Words as byte ranges: a phrase of n words is a slice of the line (no allocation).
    let ws: Vec<(usize, usize)> = lower
        .split_whitespace()
        .map(|w| {
            let a = w.as_ptr() as usize - lower.as_ptr() as usize;
            (a, a + w.len())
        })
        .collect();
    let (mut i, mut items, mut share) = (0, 0, false);
    'next: while i < ws.len() {
        // (Buttons separated by bars or dots: « Imprimer | Envoyer à un ami ».)
        if matches!(&lower[ws[i].0..ws[i].1], "|" | "•" | "·" | "-" | "–" | "/") {
            i += 1;
            continue;
        }
        for n in (1..=4).rev().filter(|n| i + n <= ws.len()) {
            // (Buttons in brackets: « [Imprimer] [Fermer] », « 【Imprimer】 ».)
            let phrase = lower[ws[i].0..ws[i + n - 1].1]
                .trim_matches(|c: char| matches!(c, '[' | ']' | '【' | '】' | '(' | ')'));
            let kind = lex
                .boilerplate_whole
                .get(whole_line_core(phrase))
                .and_then(|v| {
                    v.iter()
                        .map(|&p| lex.boilerplate[p].0.as_str())
                        .find(|k| matches!(*k, "share" | "follow" | "nav"))
                });
            if let Some(k) = kind {
                items += 1;
                share |= k != "nav";
                i += n;
                continue 'next;
            }
        }
        return false;
    }
    items >= 2 && share
}

/// The credit line of an embedded post (« — Anne Martin (@annemartin) September 2, 2024 »): an
/// account handle in brackets, after a dash or with a year, in a short line.
fn embed_credit(line: &str, words: usize) -> bool {
    let t = line.trim();
    words <= 20
        && t.contains("(@")
        && (t.starts_with(['—', '–', '-'])
            || t.split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20"))))
}

/// Length of an embedded post's credit glued after its address in a page pasted as one line
/// (« pic.example/AbC— Anne Martin (@annemartin) 1 décembre 2018 »): a dash, at most eight words,
/// an account handle in brackets, then a date ending with its year. 0 when `rest` does not open
/// with one.
fn inline_embed_credit(rest: &str) -> usize {
    let t = rest.trim_start();
    let Some(body) = t.strip_prefix(['—', '–']) else {
        return 0;
    };
    let Some(h) = body.find("(@") else {
        return 0;
    };
    let Some(close) = body[h..].find(')').map(|k| h + k + 1) else {
        return 0;
    };
    if body[..h].split_whitespace().count() > 8 || body[h + 2..close - 1].contains(' ') {
        return 0;
    }
    // The date: at most four words, the last a year.
    let mut end = None;
    let mut at = close;
    for (n, w) in body[close..].split(' ').enumerate() {
        let wend = at + w.len();
        let year = w.trim_end_matches(|c: char| !c.is_ascii_digit());
        if year.len() == 4
            && (year.starts_with("19") || year.starts_with("20"))
            && year.bytes().all(|b| b.is_ascii_digit())
        {
            end = Some(at + w.find(year).unwrap_or(0) + 4);
            break;
        }
        if n > 4 {
            break;
        }
        at = wend + 1;
    }
    end.map_or(0, |e| rest.len() - t.len() + (t.len() - body.len()) + e)
}

/// A line of hashtags (« #Mongolie #Chine #Matières premières »): it opens with « # » and has
/// two hashtags or at most three words, and is not a sentence.
fn hashtag_line(line: &str, words: usize) -> bool {
    let t = line.trim();
    t.starts_with('#')
        && t[1..].starts_with(|c: char| c.is_alphanumeric())
        && (t.matches(" #").count() >= 1 || words <= 3)
        && words <= 20
        && !ends_like_sentence(t)
}

/// A link to a video on the outlet's player (« Les marchés reculent-ils ? - Regarder sur
/// Le Quotidien Live »): a title, a dash, « regarder sur » and at most four words of the player's
/// name, nothing after.
fn video_link(lower: &str, words: usize) -> bool {
    let t = lower.trim_end();
    words <= 30
        && [" - regarder sur ", " – regarder sur ", " — regarder sur "]
            .iter()
            .filter_map(|sep| t.rfind(sep).map(|i| &t[i + sep.len()..]))
            .any(|player| (1..=4).contains(&word_count(player)) && !ends_like_sentence(player))
}

/// A markup tag alone on its line (« </ARTICLE> », « </doc> », « <doc id="4"> »): one tag, its
/// name in ASCII letters, nothing around it.
fn markup_tag_line(line: &str) -> bool {
    let t = line.trim();
    let Some(inner) = t.strip_prefix('<').and_then(|r| r.strip_suffix('>')) else {
        return false;
    };
    let name = inner.strip_prefix('/').unwrap_or(inner);
    t.len() <= 80
        && !inner.contains(['<', '>'])
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .split([' ', '/'])
            .next()
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// The kind of the outlet (media gazetteer) whose name is the whole of `core` (a lower-cased
/// line without its edges), if any: « agency » for « afp », « ats », « reuters ».
fn media_line_kind(core: &str) -> Option<&'static str> {
    let lex = lexicons();
    let p = lex.media_ac.whole_name(core)?;
    Some(lex.gaz[lex.media_pat[p]].kind.as_str())
}

/// A line naming outlets only (« Xinhua | French.news.cn », « AFP / Reuters »): two items or
/// more, each a name of the media gazetteer.
fn outlets_line(lower: &str, words: usize) -> bool {
    if words > 8 {
        return false;
    }
    let (items, _) = rubric_items(lower);
    let lex = lexicons();
    items.len() >= 2 && items.iter().all(|it| lex.media_ac.is_name(it))
}

/// A photo credit alone on its line: a name, a slash and a name, one of them an outlet or
/// « archives » (« AFP/Archives », « REUTERS/Ravi Kumar », « Li Ming/Xinhua »).
pub(crate) fn slash_credit(lower: &str, words: usize) -> bool {
    if words > 6 || !slash_between_names(lower) {
        return false;
    }
    let lex = lexicons();
    let sides: Vec<&str> = lower
        .split('/')
        .map(|s| {
            s.trim_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches(" photo")
                .trim_start_matches("photo ")
        })
        .collect();
    // (A wire line names a place: « AA / Istanbul ».)
    sides
        .iter()
        .any(|s| *s == "archives" || *s == "dr" || lex.media_ac.is_name(s))
        && !sides.iter().any(|s| is_place(s))
}

/// A related-article link glued to its label (« Lire aussiSénégal : le Conseil … »): the label,
/// then a capital letter without a space.
fn glued_related(line: &str, lower: &str, words: usize) -> bool {
    let lead = lower.len() - lower.trim_start().len();
    let t = &lower[lead..];
    words <= 30
        && [
            "à lire aussi",
            "a lire aussi",
            "lire aussi",
            "voir aussi",
            "lire également",
        ]
        .iter()
        .any(|p| {
            t.starts_with(p)
                && line[lead + p.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
        })
}

/// Does a line end with a photo credit (« … à Lille, le 2 mars 2021 ( AFP / Anne MARTIN ) »,
/// « … le 15 septembre 2023. Anne Martin/ Le Quotidien », « … (Photo : Xinhua) », « … AFP -
/// ANNE MARTIN »)? Such a line is a caption: content, but never the title.
fn ends_with_credit(line: &str, lower: &str) -> bool {
    let t = lower.trim_end();
    if t.ends_with(')') {
        if let Some(i) = t.rfind('(') {
            let inner = t[i + 1..t.len() - 1].trim();
            if slash_between_names(inner)
                || ["photo", "crédit", "credit", "©", "illustration", "image"]
                    .iter()
                    .any(|p| inner.starts_with(p))
            {
                return true;
            }
        }
    }
    // The words after the last sentence: a short credit with a slash or an agency's mark
    // (looked for in the last 160 bytes).
    let window = crate::text::floor_char_boundary(t, t.len().saturating_sub(160));
    let tb = t.as_bytes();
    let tail_from = (window..tb.len().saturating_sub(1))
        .rev()
        .find(|&i| tb[i] == b'.' && tb[i + 1] == b' ')
        .map_or(0, |i| i + 2);
    let tail = &t[tail_from..];
    let tail_line = &line.trim_end()[tail_from..];
    tail_from > 0
        && word_count(tail) <= 8
        && (slash_between_names(tail)
            || [
                "afp -",
                "afp/",
                "reuters/",
                "ap photo",
                "getty images",
                "photo :",
                "photo:",
            ]
            .iter()
            .any(|p| tail.contains(p))
            // An agency or a picture agency opening the tail (« … le 2 juillet. AP - Anne
            // Martin », « … EPA-EFE/ANNE MARTIN », « … via Reuters »).
            || [
                "ap -", "ap/", "reuters -", "epa -", "epa/", "epa-efe", "xinhua -", "anadolu -",
                "via reuters", "via afp", "sipa", "abaca", "maxppp", "hans lucas", "afp photo",
            ]
            .iter()
            .any(|p| tail.starts_with(p)))
        && tail_line
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
}

/// Number of « . » followed by a space in `s`, counting up to `cap`.
fn sentence_ends(s: &str, cap: usize) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    let mut from = 0;
    while n < cap {
        // (`str::find` of an ASCII char is a memchr, several bytes at a time; `from` follows a
        // « . », a char boundary.)
        match s[from..].find('.') {
            Some(k) => {
                let i = from + k;
                n += usize::from(b.get(i + 1) == Some(&b' '));
                from = i + 1;
            }
            None => break,
        }
    }
    n
}

/// Is there a « / » between two names (« Li Xin/Xinhua », « AFP / Anne MARTIN », « Anne Martin/
/// Le Quotidien »), not between numbers (« 12/03/2024 »)?
fn slash_between_names(s: &str) -> bool {
    s.match_indices('/').any(|(i, _)| {
        let before = s[..i].trim_end().chars().next_back();
        let after = s[i + 1..].trim_start().chars().next();
        before.is_some_and(char::is_alphabetic) && after.is_some_and(char::is_alphabetic)
    })
}

/// A line reduced for comparison with other lines: leading bullets, dashes and other
/// non-alphanumeric characters and trailing punctuation and ellipses removed (« • Titre … » and
/// « Titre » compare equal).
fn line_key(lower: &str) -> &str {
    lower
        .trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '«' | '"' | '('))
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '»' | '"' | ')' | '?'))
}

/// The headline part of a page title (« titre de l'article | le quotidien » → « titre de
/// l'article »): the text before the last « | », « - », « – » or « — » between spaces, when what
/// follows is a site name of at most five words and the headline has four words or more.
/// A site's address may follow its name (« titre - xinhua - french.news.cn » → « titre »).
fn page_title_head(key: &str) -> Option<&str> {
    // (head, whether the tail cut off is a web address)
    fn strip(k: &str) -> Option<(&str, bool)> {
        let (i, len) = last_title_sep(k)?;
        let head = k[..i].trim_end();
        let tail = k[i + len..].trim();
        let domain = !tail.contains(' ')
            && tail.contains('.')
            && tail
                .split('.')
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '-'));
        ((1..=5).contains(&word_count(tail))
            && word_count(head) >= 4
            && (domain || !tail.contains(['.', '?', '!'])))
        .then_some((head, domain))
    }
    let (head, domain) = strip(key)?;
    Some(
        domain
            .then(|| strip(head).map(|(h, _)| h))
            .flatten()
            .unwrap_or(head),
    )
}

/// The last « | », « - », « – » or « — » between spaces in `key`: (offset of its first space,
/// length of the separator). (One backward pass over the bytes, anchored on the spaces, instead
/// of a substring search per separator.)
fn last_title_sep(key: &str) -> Option<(usize, usize)> {
    let b = key.as_bytes();
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        if b[i] != b' ' {
            continue;
        }
        let r = &b[i + 1..];
        if r.starts_with(b"| ") || r.starts_with(b"- ") {
            return Some((i, 3));
        }
        if r.starts_with("– ".as_bytes()) || r.starts_with("— ".as_bytes()) {
            return Some((i, 5));
        }
    }
    None
}

/// Items of a line separated by runs of two or more spaces (a navigation bar pasted from a page:
/// « Ambassade   Actualités   Contactez-nous »), trimmed.
fn spaced_items(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line.trim();
    while let Some(i) = rest.find("  ") {
        out.push(rest[..i].trim());
        rest = rest[i..].trim_start();
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// A navigation bar of items separated by runs of spaces: at least three items of at most six
/// words, none of them a sentence, short on average, most of them capitalised.
fn spaced_nav_bar(line: &str) -> Option<usize> {
    if !line.contains("  ") {
        return None;
    }
    let items = spaced_items(line);
    if items.len() < 3 {
        return None;
    }
    let mut words = 0;
    let mut caps = 0;
    for it in &items {
        let w = word_count(it);
        if w > 6 || it.ends_with(['.', '!', '?', ';', ',', ':']) || it.contains(". ") {
            return None;
        }
        words += w;
        caps += usize::from(
            it.chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        );
    }
    let n = items.len();
    let avg_ok = if n >= 4 {
        words <= 5 * n
    } else {
        2 * words <= 7 * n
    };
    (avg_ok && 3 * caps >= 2 * n).then_some(n)
}

/// Separators of rubric, tag and breadcrumb lines: « , », « ; », « | », « > », « » », « › »,
/// « → », « • », « · » and a spaced « - », « – », « — » or « / ». Returns the trimmed items
/// and whether a breadcrumb separator occurred (not a comma, semicolon or dash: « Politique -
/// Le gouvernement démissionne » is a headline with its rubric).
fn rubric_items(line: &str) -> (Vec<&str>, bool) {
    let mut out = Vec::new();
    let mut strong = false;
    let mut start = 0;
    // (Every separator is ASCII or starts with byte C2 or E2: other bytes are skipped without
    // decoding.)
    let bytes = line.as_bytes();
    for (i, &lead) in bytes.iter().enumerate() {
        if !matches!(lead, b',' | b';' | b'|' | b'>' | b'/' | b'-' | 0xC2 | 0xE2) {
            continue;
        }
        let c = line[i..].chars().next().unwrap_or(' ');
        let spaced = line[..i].ends_with(' ') && line[i + c.len_utf8()..].starts_with(' ');
        let sep = match c {
            ',' | ';' => true,
            '|' | '>' | '›' | '→' | '•' | '·' => {
                strong = true;
                true
            }
            '»' | '/' if spaced => {
                strong = true;
                true
            }
            '-' | '–' | '—' if spaced => true,
            _ => false,
        };
        if sep {
            out.push(line[start..i].trim());
            start = i + c.len_utf8();
        }
    }
    out.push(line[start..].trim());
    out.retain(|s| !s.is_empty());
    (out, strong)
}

/// Words that may stand inside a rubric or tag in lower case (« Afrique du Nord », « Fil d'info »).
const RUBRIC_PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "les", "l'", "d'", "et", "en", "à", "au", "aux", "&", "of",
    "the", "and",
];

/// Is `item` a rubric or tag: one to three words, capitalised (or a « #tag »), its other
/// lower-case words particles only?
fn rubric_item(item: &str) -> bool {
    let words: Vec<&str> = item
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 3 || item.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let first = item.trim_start_matches('#').chars().next();
    if !first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    words.iter().skip(1).all(|w| {
        let lw = w.to_lowercase();
        w.chars().next().is_some_and(|c| !c.is_lowercase())
            || RUBRIC_PARTICLES.contains(&lw.as_str())
            || lw.starts_with("l'")
            || lw.starts_with("d'")
    })
}

/// Is a (lower-case) rubric a place name of the gazetteer (« France », « Asie »)? A line of place
/// names is a location caption (« Moscou, Russie »), not a rubric line.
fn is_place(lower_item: &str) -> bool {
    let lex = lexicons();
    lex.by_form.get(lower_item).is_some_and(|v| {
        v.iter()
            .any(|&e| lex.gaz[e].etype == crate::schema::EntityType::LOC)
    })
}

/// A wire line with its author (« AA / Istanbul / Anne Martin »): an outlet, a slash, a place.
fn wire_line(line: &str) -> bool {
    let lex = lexicons();
    let mut parts = line.split('/').map(|p| p.trim().to_lowercase());
    let (Some(first), Some(second)) = (parts.next(), parts.next()) else {
        return false;
    };
    let outlet = lex
        .media_ac
        .find_iter(&first)
        .any(|m| m.start() == 0 && m.end() == first.len());
    outlet && is_place(&second)
}

/// A rubric, tag or breadcrumb line without a label: « Türkiye, Politique », « Politique -
/// Présidentielle », « Monde > Asie > Chine », « Chine, Russie, Diplomatie, Énergie ». Returns a
/// description. Items are rubrics (one to three capitalised words); the line must have a
/// navigation word that is not a place, or three items or more (a tag list). A breadcrumb
/// opening with a navigation word (« Accueil › Monde › Le titre de l'article ») may end with a
/// longer item (the page's own headline).
fn rubric_line(line: &str, lower: &str, words: usize) -> Option<String> {
    if words > 30 || ends_like_sentence(line) && !line.trim_end().ends_with('?') {
        return None;
    }
    // An item of a numbered list (« 1. Italie - 0,56 €/an ») is the text's, never a tag line.
    let digits = line
        .trim_start()
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if digits > 0 && line.trim_start()[digits..].starts_with(['.', ')']) {
        return None;
    }
    let (items, strong) = rubric_items(line);
    if items.len() < 2 {
        return None;
    }
    let nav_word = |item: &str| {
        let l = item.to_lowercase();
        let lex = lexicons();
        lex.boilerplate_whole
            .get(whole_line_core(&l))
            .is_some_and(|v| v.iter().any(|&p| lex.boilerplate[p].0 == "nav"))
            .then_some(l)
    };
    // A breadcrumb: a navigation word, a strong separator, then anything short.
    if strong && !lower.contains(". ") {
        if let Some(first) = nav_word(items[0]) {
            if !is_place(&first) || items.len() >= 3 {
                return Some(format!("breadcrumb from « {first} »"));
            }
        }
    }
    // (A navigation word of the lexicon is a rubric in any case: « Faits divers, Toulouse ».)
    if words > 12
        || !items
            .iter()
            .all(|i| rubric_item(i) || nav_word(i).is_some())
    {
        return None;
    }
    let non_place_nav = items
        .iter()
        .filter_map(|i| nav_word(i))
        .any(|l| !is_place(&l));
    if non_place_nav {
        return Some("rubric line".into());
    }
    // Three tags or more, at least one of them not a place (« Paris, Lyon, Marseille » is a
    // list of places in a caption or an intertitle), and not a byline of people (« Anne
    // Martin, Paul Durand, Léa Petit »: most items open with a first name).
    let lex = lexicons();
    let people = items
        .iter()
        .filter(|i| {
            let w = i.split_whitespace().next().unwrap_or("");
            i.split_whitespace().count() >= 2 && lex.firstnames.contains(w)
        })
        .count();
    let wire = wire_line(line);
    (items.len() >= 3
        && !wire
        && 2 * people < items.len()
        && items.iter().any(|i| !is_place(&i.to_lowercase())))
    .then(|| format!("tag line of {} items", items.len()))
}

/// A comment counter, share counter or reading-time line: « 12 commentaires », « 3 min de
/// lecture », « Lecture : 4 min », « Temps de lecture : 3 minutes », « 5 min read ».
fn counter_line(lower: &str, words: usize) -> Option<&'static str> {
    if words > 7 || !lower.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let core: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let counted = [
        "commentaire",
        "commentaires",
        "réaction",
        "réactions",
        "partage",
        "partages",
        "vue",
        "vues",
        "lecture",
        "lectures",
        "like",
        "likes",
        "comment",
        "comments",
        "share",
        "shares",
        "view",
        "views",
        "read",
        "reads",
        "réponse",
        "réponses",
    ];
    // (« La lecture du verdict a duré 40 minutes. » is a sentence.)
    let reading = ["de lecture", "lecture :", "lecture:", "lecture ", " read"]
        .iter()
        .any(|p| lower.contains(p))
        && core
            .iter()
            .any(|w| matches!(*w, "min" | "mn" | "minute" | "minutes"))
        && (!lower.trim_end().ends_with('.') || words <= 4)
        && words <= 6;
    // (A reading time alone: « 3 min », « 2 mn ».)
    let bare = core.len() == 2
        && core[0].bytes().all(|b| b.is_ascii_digit())
        && matches!(core[1], "min" | "mn" | "minutes");
    if reading || bare {
        return Some("reading time");
    }
    // A number and a counted noun, and not a sentence (« 12 commentaires », « Commentaires 3 »,
    // « Voir les 12 commentaires »).
    // (« Lu 1 245 fois », « Vu 300 fois ».)
    let times = core.last() == Some(&"fois")
        && matches!(
            core.first(),
            Some(&("lu" | "lue" | "vu" | "vue" | "consulté"))
        );
    (core.len() <= 4
        && !ends_like_sentence(lower)
        && core.iter().any(|w| w.bytes().all(|b| b.is_ascii_digit()))
        && (times || core.iter().any(|w| counted.contains(w))))
    .then_some("counter")
}

/// A news ticker line (« 14:32 La Bourse de Paris ouvre en hausse », « 9h05 Séisme au Japon »),
/// a video player's clock (« 0:00 / 2:35 ») or a pager (« 1 2 3 4 5 », « Page 2 sur 5 »).
fn ticker_or_pager(line: &str, lower: &str, words: usize) -> Option<&'static str> {
    // (Both a pager and a ticker line hold an ASCII digit.)
    if words > 25 || !has_ascii_digit(lower.as_bytes()) {
        return None;
    }
    let t = lower.trim();
    // Digits, separators and pager words only: three numbers or more, or a pager word (a time
    // alone, « 16:48 », may belong to a dateline).
    // (Only a line of twelve words at most can be one; the words are read up to the first that is
    // neither a number nor a pager word.)
    let pager = words <= 12 && {
        let pager_word =
            |w: &str| matches!(w, "page" | "sur" | "of" | "suivant" | "précédent" | "next");
        let (mut numbers, mut with_word) = (0, false);
        let all = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                if w.bytes().all(|b| b.is_ascii_digit()) {
                    numbers += 1;
                    true
                } else {
                    with_word |= pager_word(w);
                    pager_word(w)
                }
            });
        all && numbers >= 1 && (numbers >= 3 || with_word)
    };
    if pager {
        return Some("pager or player clock");
    }
    // A number of five to ten digits alone on its line: the page's article number (« 882188 »
    // under a headline), never a year nor a sentence.
    if (5..=10).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        return Some("article number");
    }
    // « hh:mm » or « hhhmm » then a headline.
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let time = (1..=2).contains(&digits)
        && matches!(b.get(digits), Some(b':' | b'h'))
        && b.len() > digits + 3
        && b[digits + 1..digits + 3].iter().all(u8::is_ascii_digit)
        && b.get(digits + 3) == Some(&b' ');
    // (« 20h30 : concert de jazz » is an item of a programme in the text.)
    let programme = time && t[digits + 4..].trim_start().starts_with(':');
    (time && !programme && (4..=25).contains(&words) && !ends_like_sentence(line))
        .then_some("news ticker line")
}

/// An English page stamp (« (last modified 2023-04-02T08:41:10+00:00 ) », « Updated: … »,
/// « Published on … »): the French datelines are content, English stamps are chrome.
fn english_stamp(lower: &str) -> bool {
    let l = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    [
        "last modified",
        "last updated",
        "last update",
        "updated",
        "published",
        "posted",
        "modified",
    ]
    .iter()
    .any(|p| {
        l.starts_with(p)
            && l[p.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

/// A page's machine time stamp: a time of day, and a time-zone name of the tz database as the
/// last word (« avr. 02, 2025 16:20 Europe/Paris », « 2025-04-02 16:20 Asia/Tehran »). A
/// dateline names a city, never a zone.
fn zone_stamp(lower: &str) -> bool {
    let mut ws = lower.split_whitespace().rev();
    let Some((area, city)) = ws.next().and_then(|w| w.split_once('/')) else {
        return false;
    };
    const AREAS: [&str; 8] = [
        "europe",
        "asia",
        "africa",
        "america",
        "atlantic",
        "indian",
        "pacific",
        "australia",
    ];
    AREAS.contains(&area)
        && city.chars().next().is_some_and(char::is_alphabetic)
        && ws.any(|w| {
            let (h, m) = w.split_once(':').unwrap_or(("", ""));
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        })
}

/// A site tagline above the headline: a short line in lower case, without a date or final
/// punctuation (« l'information au cœur de la région », « le quotidien libre depuis 1945 »).
fn lower_case_tagline(line: &str, lower: &str, words: usize) -> bool {
    (2..=12).contains(&words)
        && line
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(char::is_lowercase)
        && !has_date_signal(lower)
        && !lower.trim_start().starts_with("date ")
        && !ends_like_sentence(line)
        && !line.trim_end().ends_with([',', ':'])
}

/// What inline chrome a (lower-case) line may hold, as bits: [`INLINE_LINK`] (a word group
/// « lire aussi », « lire également », « voir aussi », « read also », « read more »),
/// [`INLINE_SOURCE`] (a word starting with « source »), [`INLINE_URL`] (a « / »). One pass over
/// the bytes, testing word starts only.
fn inline_candidate(lower: &str) -> u8 {
    let b = lower.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c >= 0x80;
    let mut bits = 0;
    let mut from = 0;
    // (Only « / » and the first letters of the words looked for are stopped at, found with a
    // table; a word starts where the byte before is no word byte.)
    while let Some(k) = b[from..].iter().position(|&c| INLINE_LEAD[c as usize]) {
        let i = from + k;
        from = i + 1;
        if b[i] == b'/' {
            bits |= INLINE_URL;
            continue;
        }
        if i == 0 || !word(b[i - 1]) {
            let w = &b[i..];
            if w.starts_with(b"source") {
                bits |= INLINE_SOURCE;
            } else if w.starts_with("lire aussi".as_bytes())
                || w.starts_with("lire également".as_bytes())
                || w.starts_with(b"voir aussi")
                || w.starts_with(b"read also")
                || w.starts_with(b"read more")
            {
                bits |= INLINE_LINK;
            }
        }
    }
    bits
}

/// Bytes where [`inline_candidate`] stops: « / » and « s », « l », « v », « r ».
static INLINE_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'/' as usize] = true;
    t[b's' as usize] = true;
    t[b'l' as usize] = true;
    t[b'v' as usize] = true;
    t[b'r' as usize] = true;
    t
};

/// [`inline_candidate`] bits.
const INLINE_LINK: u8 = 1;
const INLINE_SOURCE: u8 = 2;
const INLINE_URL: u8 = 4;

/// Inline chrome inside a content line: a « Lire aussi » link glued after the last sentence, a
/// trailing « SOURCE : … » credit and web addresses. Returns byte ranges relative to the line.
fn inline_chrome(line: &str, lower: &str, bits: u8) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    // A related-article link after a sentence, running to the end of the line (30 words at most).
    const LINKS: &[&str] = &[
        "à lire aussi",
        "a lire aussi",
        "à lire également",
        "a lire également",
        "lire aussi",
        "lire également",
        "voir aussi",
        "read also",
        "read more",
    ];
    let mut related_from = None;
    for pat in LINKS.iter().filter(|_| bits & INLINE_LINK != 0) {
        let mut from = 0;
        while let Some(k) = lower[from..].find(pat) {
            let i = from + k;
            from = i + pat.len();
            let before = lower[..i].trim_end();
            let after_sentence = before.ends_with(['.', '!', '?', '»', '"', ')']);
            // A link title does not end like a sentence, unless a colon introduces it.
            let link = lower[from..].trim_start().starts_with(':') || !ends_like_sentence(line);
            if i > 0 && after_sentence && link && word_count_upto(&line[i..], 31) <= 30 {
                related_from = Some(related_from.map_or(i, |r: usize| r.min(i)));
                break;
            }
        }
    }
    if let Some(i) = related_from {
        out.push((i, line.len(), "related"));
    }
    // A source credit closing the line (« … a-t-il conclu. SOURCE : FRENCH PRESS TV »).
    let limit = related_from.unwrap_or(line.len());
    if let Some(i) = (bits & INLINE_SOURCE != 0)
        .then(|| lower[..limit].rfind("source"))
        .flatten()
    {
        let rest = lower[i + "source".len()..limit]
            .trim_start_matches('s')
            .trim_start();
        let before = lower[..i].trim_end();
        if i > 0
            && rest.starts_with(':')
            && before.ends_with(['.', '!', '?', '»', '"', ')'])
            && word_count_upto(&rest[1..], 9) <= 8
            && !rest.contains(". ")
        {
            out.push((i, limit, "footer"));
        }
    }
    if bits & INLINE_URL == 0 {
        out.sort_unstable();
        return out;
    }
    // Web addresses (also without their scheme: « exemple.fr/monde/article-123 »).
    let mut at = 0;
    for w in line.split(' ') {
        let i = at;
        at += w.len() + 1;
        let w = &w[..url_len(w)];
        if !w.starts_with("http") && bare_url(w) && !out.iter().any(|&(a, b, _)| a <= i && i < b) {
            let end = i + w.len();
            out.push((i, end + inline_embed_credit(&line[end..]), "url"));
        }
    }
    let mut from = 0;
    while let Some(k) = lower[from..].find("http") {
        let i = from + k;
        let rest = &lower[i..];
        let end = i + url_len(rest);
        from = end.max(i + 4);
        // (At a word boundary: an address glued to a name, « Poutinehttps://… », would cut a
        // token in two; spans keep to token boundaries.)
        let boundary = lower[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if (rest.starts_with("http://") || rest.starts_with("https://"))
            && boundary
            && !out.iter().any(|&(a, b, _)| a <= i && i < b)
        {
            let credit = inline_embed_credit(&line[end..]);
            from = from.max(end + credit);
            out.push((i, end + credit, "url"));
        }
    }
    out.sort_unstable();
    out
}

/// Runs the boilerplate pass, fills `doc.boilerplate*` and returns block kinds.
// Out of line (one call per document) so that instruction profiles show the stage.
#[inline(never)]
pub fn detect(doc: &mut Doc) -> Chrome {
    let nb = doc.seg.blocks.len();
    let mut infos = vec![
        BlockInfo {
            kind: BlockKind::Paragraph,
            rule: None
        };
        nb
    ];
    let mut spans: Vec<(NSpan, Rule)> = Vec::new();
    let mut datelines = Vec::new();
    // Lines seen so far (by `line_key`), with their block.
    // (Sized for every block at once: no rehashing as the page is read.)
    let mut seen_lines: FxHashMap<&str, usize> =
        FxHashMap::with_capacity_and_hasher(nb, Default::default());
    // The first lines of the page (by `line_key`): a copy cut short (« Le ministre a déclaré
    // que… ») is looked for among them.
    let mut head_lines: Vec<(&str, usize)> = Vec::new();
    // Headlines of page titles (« Titre | Site » → « titre »), with their block.
    let mut page_titles: FxHashMap<&str, usize> = Default::default();
    // Lines still to read as links under a related-articles heading, and that heading.
    let mut related_links = 0;
    let mut related_heading = String::new();
    // Lines still to read as an author box after the text (« À propos de l'auteur », « Auteur »):
    // the author's name and a short biography.
    let mut author_box = 0;
    let mut tag_list = false;
    // Word counts per block (up to `WORDS_CAP`), computed once.
    let block_words: Vec<usize> = doc
        .seg
        .blocks
        .iter()
        .map(|b| word_count_upto(&doc.norm.text[b.start..b.end], WORDS_CAP))
        .collect();
    let mut first_long = nb; // first block that looks like running text
    for (bi, b) in doc.seg.blocks.iter().enumerate() {
        let line = &doc.norm.text[b.start..b.end];
        if block_words[bi] >= 12 && line.trim_end().ends_with(['.', '»', '"', '!', '?']) {
            first_long = bi;
            break;
        }
    }

    // Is block `bi` between two paragraphs of running text (twelve words or more, ending like
    // a sentence)?
    let running = |k: usize| {
        let b = &doc.seg.blocks[k];
        block_words[k] >= 12 && ends_like_sentence(&doc.norm.text[b.start..b.end])
    };
    let between_paragraphs =
        |bi: usize| bi > 0 && bi + 1 < nb && running(bi - 1) && running(bi + 1);
    // Lines that are a clock time alone (a live page's time stamps).
    let live_stamps = (0..nb)
        .filter(|&k| {
            let b = &doc.seg.blocks[k];
            block_words[k] <= 2 && clock_alone(&doc.lower[b.start..b.end])
        })
        .count();
    // Has a paragraph of running text been kept as content yet?
    let mut text_seen = false;
    for bi in 0..nb {
        let b = &doc.seg.blocks[bi];
        let line = &doc.norm.text[b.start..b.end];
        let lower = &doc.lower[b.start..b.end];
        let words = block_words[bi];
        text_seen |= bi > 0 && infos[bi - 1].kind != BlockKind::Boilerplate && running(bi - 1);
        // Running text pasted as one long line (several sentences): line-start patterns do not
        // make it chrome, only its inline chrome is set aside.
        let long_prose = words >= WORDS_CAP && sentence_ends(lower, 2) >= 2;
        let set =
            |infos: &mut Vec<BlockInfo>, id: std::borrow::Cow<'static, str>, detail: String| {
                infos[bi] = BlockInfo {
                    kind: BlockKind::Boilerplate,
                    rule: Some(Rule::new(id, detail)),
                };
            };

        // The lines of an author box after the text: a name, a biography of a few sentences (up
        // to three lines of at most 40 words, until the next chrome line).
        if author_box > 0 {
            author_box -= 1;
            if words <= 40 && !long_prose && pattern_hit(lower, words).is_none() {
                set(
                    &mut infos,
                    "boilerplate:related".into(),
                    "author box after the text".into(),
                );
                continue;
            }
            author_box = 0;
        }
        // A short line with « tous droits réservés » anywhere (« Le Quotidien 2024 Tous droits
        // réservés »): a copyright notice.
        if words <= 10
            && !long_prose
            && (lower.contains("droits réservés") || lower.contains("rights reserved"))
            && !reported(lower)
        {
            set(
                &mut infos,
                "boilerplate:footer".into(),
                "credit or copyright line".into(),
            );
            continue;
        }
        // A markup tag alone on its line (« </ARTICLE> », « <doc id=\"4\"> »), left by the tool that
        // stored the page: no reader's text.
        if words <= 6 && markup_tag_line(line) {
            set(
                &mut infos,
                "boilerplate:footer".into(),
                "markup tag alone on its line".into(),
            );
            continue;
        }
        // The outlet's name alone on its line below the top of the page (« Le Quotidien »
        // between the lead and the text): the site's logo, as the media gazetteer writes it.
        // (A news agency alone on its line is the article's credit, « ATS » above its dateline:
        // content, and the card's source.)
        if words <= 3
            && text_seen
            && !ends_like_sentence(line)
            && media_line_kind(whole_line_core(lower)).is_some_and(|k| k != "agency")
        {
            set(
                &mut infos,
                "boilerplate:logo".into(),
                "outlet's name alone on its line".into(),
            );
            continue;
        }
        // The lines of an e-mail's header (« De : … », « Objet : … ») pasted with a newsletter:
        // with an address in it, or beside another header line.
        if words <= 15 && !long_prose && mail_header(lower) && {
            let header_at = |k: usize| {
                let b = &doc.seg.blocks[k];
                mail_header(&doc.lower[b.start..b.end])
            };
            lower.contains('@')
                || (bi > 0 && header_at(bi - 1))
                || (bi + 1 < nb && header_at(bi + 1))
        } {
            set(
                &mut infos,
                "boilerplate:nav".into(),
                "e-mail header line".into(),
            );
            continue;
        }
        // The time stamps of a live page's posts, each alone on its line (« 22:41 », « 22:35 »):
        // chrome when the page has two of them or more.
        if words <= 2 && clock_alone(lower) && live_stamps >= 2 {
            set(
                &mut infos,
                "boilerplate:nav".into(),
                "time stamp of a live post".into(),
            );
            continue;
        }
        // Above the text, after nothing but chrome: a phone's status bar (« 14:32 », « 4G 78 % »)
        // or the address bar (« lequotidien.fr »).
        if words <= 4
            && bi < first_long
            && infos[..bi].iter().all(|i| i.kind == BlockKind::Boilerplate)
            && (status_bar(lower) || (words <= 1 && bare_domain(line.trim())))
        {
            set(
                &mut infos,
                "boilerplate:nav".into(),
                "phone status or address bar".into(),
            );
            continue;
        }
        // An agency's transmission line (« AFP 221034 GMT JAN 24 »).
        if wire_stamp(lower, words) {
            set(
                &mut infos,
                "boilerplate:footer".into(),
                "agency transmission line".into(),
            );
            continue;
        }
        // The outlet's postal address after the text (« Le Journal, rue des Dominicains 12,
        // 4000 Liège »).
        if text_seen && postal_address(line, lower, words) {
            set(
                &mut infos,
                "boilerplate:footer".into(),
                "postal address".into(),
            );
            continue;
        }
        // A site's domain alone on its line after the text (« lequotidien.fr »): its footer.
        if words <= 3 && text_seen && bare_domain(line.trim()) {
            set(
                &mut infos,
                "boilerplate:footer".into(),
                "credit or copyright line".into(),
            );
            continue;
        }
        // The age of a related article or a comment after the text (« Il y a 2 jours »; above
        // the text it is the article's own dateline).
        if text_seen && words <= 5 && relative_age(lower) {
            set(&mut infos, "boilerplate:share".into(), "counter".into());
            continue;
        }
        // « Le Quotidien sur Google News »: an outlet's follow button.
        if words <= 6 && {
            let t = lower.trim_end_matches(|c: char| !c.is_alphanumeric());
            t.ends_with("sur google news") || t.ends_with("sur google actualités")
        } {
            set(
                &mut infos,
                "boilerplate:follow".into(),
                "boilerplate.tsv: google news".into(),
            );
            continue;
        }
        // A line of separators alone (« | | », « > > »): an empty share bar or breadcrumb.
        if words == 0 && line.contains(['|', '>', '›', '/', '•']) {
            set(
                &mut infos,
                "boilerplate:nav".into(),
                "separators without words".into(),
            );
            continue;
        }
        // Duplicated line (a repeated headline, lead or menu), also behind a bullet.
        let key = line_key(lower);
        if words >= 3 {
            if seen_lines.contains_key(key) {
                set(
                    &mut infos,
                    "boilerplate:duplicate".into(),
                    "line repeated earlier in the page".into(),
                );
                continue;
            }
            seen_lines.insert(key, bi);
        }
        // The page's title (« Titre de l'article | Le Quotidien », « Titre - Site ») above the
        // headline: when the headline comes, the page title is set aside.
        if words >= 3 {
            if let Some(&first) = page_titles.get(key) {
                if infos[first].kind != BlockKind::Boilerplate {
                    infos[first] = BlockInfo {
                        kind: BlockKind::Boilerplate,
                        rule: Some(Rule::new(
                            "boilerplate:duplicate",
                            format!("page title: headline of line {} and site name", bi + 1),
                        )),
                    };
                    datelines.retain(|&d| d != first);
                }
            }
            if let Some(head) = (words <= 30).then(|| page_title_head(key)).flatten() {
                page_titles.entry(head).or_insert(bi);
                // The headline came first: this is the page title.
                if let Some(&first) = seen_lines.get(head).filter(|&&f| f != bi) {
                    set(
                        &mut infos,
                        "boilerplate:duplicate".into(),
                        format!("page title: headline of line {} and site name", first + 1),
                    );
                    continue;
                }
            }
        }
        // A repeated headline with a photo credit glued to it (an image title: « Titre© AFP »):
        // the repeated part is chrome, the credit stays with the caption.
        // (Short lines only; bytes: « © » is C2 A9.)
        let credit_at = || {
            let b = lower.as_bytes();
            let mut from = 1.min(b.len());
            while let Some(k) = find_byte2(&b[from..], b'(', 0xC2) {
                let i = from + k;
                if b[i] == b'(' || b.get(i + 1) == Some(&0xA9) {
                    return Some(i);
                }
                from = i + 1;
            }
            None
        };
        if let Some(k) = (words < WORDS_CAP).then(credit_at).flatten() {
            let prefix = line_key(&lower[..k]);
            // (Counted up to four: the prefix may be most of a long line.)
            if word_count_upto(prefix, 4) >= 4 {
                if let Some(&first) = seen_lines.get(prefix).filter(|&&f| f != bi) {
                    let s = b.start + (prefix.as_ptr() as usize - lower.as_ptr() as usize);
                    spans.push((
                        NSpan::new(s, s + prefix.len()),
                        Rule::new(
                            "boilerplate:duplicate",
                            format!("repeats line {} before a credit", first + 1),
                        ),
                    ));
                }
            }
        }
        // A copy cut short of an earlier line among the first lines of the page, or an earlier
        // teaser cut short (ending with an ellipsis) of this line.
        if bi < 40 && words >= 6 {
            let cut = lower.trim_end().ends_with(['…']) || lower.trim_end().ends_with("...");
            // (An earlier line already set aside, a page title, is no original.)
            let earlier = head_lines.iter().find(|&&(k, f)| {
                k.len() > key.len() + 1
                    && k.starts_with(key)
                    && (cut || words >= 8)
                    && infos[f].kind != BlockKind::Boilerplate
            });
            if let Some(&(_, first)) = earlier {
                set(
                    &mut infos,
                    "boilerplate:duplicate".into(),
                    format!("copy cut short of line {}", first + 1),
                );
                continue;
            }
            for &(k, first) in &head_lines {
                let fb = &doc.seg.blocks[first];
                let flower = doc.lower[fb.start..fb.end].trim_end();
                let teaser = flower.ends_with('…') || flower.ends_with("...");
                // A copy cut short without an ellipsis: cut inside a word, or long (a headline
                // that the lead repeats word for word ends at a word boundary, and is short).
                if key.len() <= k.len() + 1 || !key.starts_with(k) {
                    continue;
                }
                let cut_in_word = key[k.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
                    && k.chars().next_back().is_some_and(char::is_alphanumeric);
                if teaser || cut_in_word || word_count(k) >= 20 {
                    infos[first] = BlockInfo {
                        kind: BlockKind::Boilerplate,
                        rule: Some(Rule::new(
                            "boilerplate:duplicate",
                            format!("teaser cut short of line {}", bi + 1),
                        )),
                    };
                    datelines.retain(|&d| d != first);
                }
            }
            head_lines.push((key, bi));
        }
        if looks_like_url(line) {
            if long_prose {
                // A one-line paste opening with its address: only the address goes.
                let end = line.find(char::is_whitespace).unwrap_or(line.len());
                spans.push((
                    NSpan::new(b.start, b.start + end),
                    Rule::new("boilerplate:url", "web address opening the line"),
                ));
            } else {
                set(
                    &mut infos,
                    "boilerplate:url".into(),
                    "related-article URL".into(),
                );
                continue;
            }
        }
        if words <= 25 && english_stamp(lower) {
            set(
                &mut infos,
                "boilerplate:nav".into(),
                "English page stamp (last modified, updated…)".into(),
            );
            continue;
        }
        if words <= 10 && zone_stamp(lower) {
            set(
                &mut infos,
                "boilerplate:nav".into(),
                "page stamp with a time-zone name (« 16:20 Europe/Paris »)".into(),
            );
            continue;
        }
        // Photo captions and credits are content (« ©Reuters » is a mention of Reuters), and
        // never datelines even when they carry a date; but a copyright notice (« © Reuters
        // 2024. Tous droits réservés. ») is a footer: one of its sentences after the first is
        // a footer pattern. A credit alone on its line (« © Photo : Sputnik / Ivan Petrov »,
        // « © 2024 Le Quotidien ») is chrome too: there is no caption for it to go with.
        if words <= 12 && !reported(lower) && {
            let l = lower.trim_start_matches(|c: char| c.is_whitespace() || c == '(');
            l.starts_with('©') || l.starts_with("copyright")
        } {
            set(
                &mut infos,
                "boilerplate:footer".into(),
                "credit or copyright line".into(),
            );
            continue;
        }
        if line.contains('©') && !long_prose {
            let footer = lower
                .split(". ")
                .skip(1)
                .find_map(|piece| {
                    // A words pattern (« Tous droits réservés »), not « © » itself: « … du
                    // Kazakhstan. ©Reuters » is a photo credit.
                    pattern_hit(piece, word_count(piece))
                        .filter(|(k, p)| k == "footer" && p.chars().any(char::is_alphabetic))
                })
                .or_else(|| (words <= 12).then(|| copyright_notice(lower)).flatten());
            match footer {
                Some((kind, pat)) => set(
                    &mut infos,
                    format!("boilerplate:{kind}").into(),
                    format!("boilerplate.tsv: {pat} (copyright notice)"),
                ),
                None => infos[bi].kind = BlockKind::Caption,
            }
            continue;
        }
        // A caption that ends with its photo credit (never a dateline, even with a date),
        // unless it is in English or opens with a credit pattern (« Photo : … »): chrome.
        if words <= 60
            && !long_prose
            && ends_with_credit(line, lower)
            && english_caption(lower, words, false).is_none()
            && pattern_hit(lower, words).is_none()
        {
            infos[bi].kind = BlockKind::Caption;
            continue;
        }
        // A navigation bar of items separated by runs of spaces (a bar that also shows the
        // day's date needs six items: « Par X   Publié le …   Mis à jour le … » is a byline).
        // (A bar does not end like a sentence; long paragraphs are not scanned.)
        if !long_prose && (words < WORDS_CAP || !ends_like_sentence(line)) {
            if let Some(n) = spaced_nav_bar(line) {
                if n >= 6 || !has_date_signal(lower) {
                    set(
                        &mut infos,
                        "boilerplate:nav".into(),
                        format!("navigation bar of {n} items"),
                    );
                    continue;
                }
            }
        }
        // Separator-delimited segments matter only on short lines (datelines, breadcrumbs, menus).
        // (A long menu, « Accueil | Monde | … » with thirty items, is read too.)
        let many_bars = words > 40 && line.bytes().filter(|&c| c == b'|').count() >= 6;
        // (Cut when first needed: most lines never get to the tests that read them.)
        let segs_cell = std::cell::OnceCell::new();
        let segs = || {
            segs_cell.get_or_init(|| {
                if words <= 40 || many_bars {
                    segments(line)
                } else {
                    Vec::new()
                }
            })
        };
        // Datelines are content; their keyword tails are not. (A related-article link whose
        // title holds a year, « » LIRE AUSSI - La croissance en 2018 et 2019 », is no dateline.)
        if words <= 25
            && ((!line.trim_end().ends_with('.') && has_date_signal(lower))
                || dateline_start(lower))
            && pattern_hit(lower, words).is_none_or(|(k, _)| k != "related")
            // (Under a related heading, a date stamp then a headline is a dated link.)
            && !(related_links > 0 && {
                let st = numeric_date_prefix(lower);
                st > 0 && !has_date_signal(&lower[st..]) && word_count(&lower[st..]) >= 3
            })
        {
            datelines.push(bi);
            infos[bi].kind = BlockKind::Dateline;
            if segs().len() > 1 {
                for &(a, e) in segs().iter().skip(1) {
                    let seg_lower = &lower[a..e];
                    if has_date_signal(seg_lower) {
                        continue;
                    }
                    let seg_words = word_count(seg_lower);
                    if let Some(what) = counter_line(seg_lower, seg_words) {
                        spans.push((
                            NSpan::new(b.start + a, b.start + e),
                            Rule::new("boilerplate:share", what),
                        ));
                        continue;
                    }
                    if let Some((kind, pat)) = pattern_hit(seg_lower, seg_words) {
                        spans.push((
                            NSpan::new(b.start + a, b.start + e),
                            Rule::new(
                                format!("boilerplate:{kind}"),
                                format!("boilerplate.tsv: {pat}"),
                            ),
                        ));
                    }
                }
            }
            continue;
        }
        // A byline without a date (« Par Anne Martin », « Par Anne Martin (AFP) ») is page
        // metadata like a dateline: content, never the title.
        if words <= 12 && !ends_like_sentence(line) && byline(line) {
            datelines.push(bi);
            infos[bi].kind = BlockKind::Dateline;
            continue;
        }
        // An intertitle between two paragraphs of running text is content, even when it is
        // also a rubric (« Diplomatie », « Réactions », « Sport, Culture »).
        // (Also between two short sentences of the text, six words or more: « Santé » between
        // « Le ticket modérateur passera de 30 % à 40 %. » and the next point.)
        let sentence = |k: usize| {
            let b = &doc.seg.blocks[k];
            block_words[k] >= 6 && ends_like_sentence(&doc.norm.text[b.start..b.end])
        };
        let intertitle = words <= 4
            && (between_paragraphs(bi)
                || (text_seen
                    && bi > 0
                    && bi + 1 < nb
                    && infos[bi - 1].kind != BlockKind::Boilerplate
                    && sentence(bi - 1)
                    && sentence(bi + 1)));
        let hit = if long_prose {
            None
        } else {
            pattern_hit(lower, words)
                .or_else(|| labelled_hit(lower))
                // (An ad label is chrome between paragraphs too: « PUBLICITÉ ».)
                .filter(|(k, p)| {
                    !(intertitle
                        && k == "nav"
                        && whole_line_core(lower) == p
                        && !matches!(p.as_str(), "publicité" | "advertisement"))
                })
        };
        // « À lire » alone above a sentence is an intertitle of the text (a book review's « À
        // lire », then « « Le Titre », de Anne Martin (Éditions X, 20 euros). »), not a related
        // heading: its links are no sentences.
        // A navigation word inside a list of the text, one item per line (« Danemark »,
        // « France », « Italie »): between two short lines that are content.
        let in_list = |k: &str, p: &str| {
            k == "nav"
                && text_seen
                && whole_line_core(lower) == p
                && bi > 0
                && bi + 1 < nb
                && infos[bi - 1].kind != BlockKind::Boilerplate
                && (1..=3).contains(&block_words[bi - 1])
                && (1..=3).contains(&block_words[bi + 1])
                && {
                    let nb_ = &doc.seg.blocks[bi + 1];
                    pattern_hit(&doc.lower[nb_.start..nb_.end], block_words[bi + 1]).is_none()
                }
        };
        let hit = hit.filter(|(k, p)| !in_list(k, p));
        let hit = hit.filter(|(k, _)| {
            !(k == "related"
                && matches!(
                    whole_line_core(lower.trim()),
                    "à lire" | "a lire" | "à voir" | "à écouter" | "à découvrir"
                )
                && bi + 1 < nb
                && block_words[bi + 1] >= 6
                && ends_like_sentence(
                    &doc.norm.text[doc.seg.blocks[bi + 1].start..doc.seg.blocks[bi + 1].end],
                ))
        });
        if let Some((kind, pat)) = hit {
            // A heading alone (« À lire aussi », « Mots-clés ») announces links or tags on the
            // next lines.
            if text_seen
                && matches!(
                    pat.as_str(),
                    "auteur"
                        | "l'auteur"
                        | "à propos de l'auteur"
                        | "à propos de l'autrice"
                        | "à propos des auteurs"
                )
                && word_count(whole_line_core(lower)) <= 4
            {
                author_box = 3;
            }
            if matches!(kind.as_str(), "related" | "tags")
                && word_count(whole_line_core(lower)) <= 4
            {
                related_links = RELATED_LINKS;
                related_heading = pat.clone();
                tag_list = kind == "tags";
            }
            set(
                &mut infos,
                format!("boilerplate:{kind}").into(),
                format!("boilerplate.tsv: {pat}"),
            );
            continue;
        }
        if let Some(what) = counter_line(lower, words) {
            set(&mut infos, "boilerplate:share".into(), what.into());
            continue;
        }
        if let Some(what) = ticker_or_pager(line, lower, words) {
            set(&mut infos, "boilerplate:nav".into(), what.into());
            continue;
        }
        // Links listed under a « À lire aussi » heading: short lines that are not sentences (one
        // to four words under a tags heading); above the text, not a headline followed by the
        // text.
        if related_links > 0 {
            let fits = if tag_list {
                (1..=4).contains(&words)
            } else {
                (2..=20).contains(&words)
            };
            // (Before any text, a line followed by the text, a byline or a dateline is the
            // headline.)
            let headline = !text_seen
                && bi + 1 < nb
                && (running(bi + 1) || {
                    let nb_ = &doc.seg.blocks[bi + 1];
                    let (nl, nlow) = (
                        &doc.norm.text[nb_.start..nb_.end],
                        &doc.lower[nb_.start..nb_.end],
                    );
                    byline(nl)
                        || (block_words[bi + 1] <= 25
                            && (has_date_signal(nlow) || dateline_start(nlow)))
                });
            // (A headline may end with a quotation or a question.)
            let link_end = !line.trim_end().ends_with(['.', ';', '!', '…']);
            // A link may open with its date stamp (« 2025-03-10 Le titre », « 09.04.2025 Le
            // titre »): the rest of the line must hold no date of its own.
            let stamp = numeric_date_prefix(lower);
            let dated_link = stamp > 0 && !has_date_signal(&lower[stamp..]);
            if fits && !headline && link_end && (dated_link || !has_date_signal(lower)) {
                related_links -= 1;
                set(
                    &mut infos,
                    "boilerplate:related".into(),
                    format!("link under « {related_heading} »"),
                );
                continue;
            }
            related_links = 0;
        }
        // Classes of chrome that need no pattern of their own.
        if !long_prose && !intertitle {
            let what = if glued_related(line, lower, words) {
                Some(("related", "related-article link glued to its label"))
            } else if slash_credit(lower, words) {
                Some(("footer", "photo credit alone on its line"))
            } else if video_link(lower, words) {
                Some(("related", "link to a video on the outlet's player"))
            } else if outlets_line(lower, words) {
                Some(("footer", "line of outlet names"))
            } else if embed_credit(line, words) {
                Some(("share", "credit of an embedded post"))
            } else if hashtag_line(line, words) {
                Some(("tags", "line of hashtags"))
            } else if button_row(lower, words) {
                Some(("share", "row of buttons"))
            } else if reader_prompt(line, lower, words) {
                Some(("nav", "the site addressing its reader"))
            } else {
                None
            };
            if let Some((kind, what)) = what {
                set(
                    &mut infos,
                    format!("boilerplate:{kind}").into(),
                    what.into(),
                );
                continue;
            }
        }
        if (3..=10).contains(&words) && !intertitle && menu_words(lower) {
            set(
                &mut infos,
                "boilerplate:nav".into(),
                "menu of navigation words".into(),
            );
            continue;
        }
        // Breadcrumbs: short separated items, one of which is a navigation word (« Accueil > … »).
        if words <= 10 && !line.contains(". ") && segs().len() >= 2 {
            let nav = segs().iter().find_map(|&(a, e)| {
                let seg = &lower[a..e];
                pattern_hit(seg, word_count(seg)).filter(|(k, _)| k == "nav")
            });
            if let Some((_, pat)) = nav {
                set(
                    &mut infos,
                    "boilerplate:nav".into(),
                    format!("breadcrumb with « {pat} »"),
                );
                continue;
            }
        }
        // Rubric, tag and breadcrumb lines without a label.
        if let Some(what) = rubric_line(line, lower, words).filter(|_| !intertitle) {
            set(&mut infos, "boilerplate:nav".into(), what);
            continue;
        }
        // Breadcrumbs and menus: several short separator-delimited items.
        if (words <= 40 || many_bars)
            && !line.contains(". ")
            && segs().len() >= 3
            && !wire_line(line)
        {
            let segs = segs();
            let all_words = if many_bars { word_count(line) } else { words };
            let avg = all_words as f32 / segs.len() as f32;
            if avg <= 5.0 {
                set(
                    &mut infos,
                    "boilerplate:nav".into(),
                    format!("menu of {} items", segs.len()),
                );
                continue;
            }
        }
        // An English caption inside a French article.
        if let Some(en) = english_caption(lower, words, intertitle) {
            set(
                &mut infos,
                "boilerplate:caption_en".into(),
                format!("English text ({:.0}% English function words)", en * 100.0),
            );
            continue;
        }
        // Above the running text, after nothing but chrome: a logo or section word, a tagline.
        let first = infos[..bi].iter().all(|i| i.kind == BlockKind::Boilerplate);
        if bi < first_long && first && bi + 1 < nb {
            // Logo or section word: one or two words, no verb, no date.
            let next_words = block_words[bi + 1];
            // (Above a lead that ends with a full stop, the short line is the headline
            // itself: « Condition(s) » then « Le carnet de Jeanne Roux. Tout commence. ».)
            let next = &doc.norm.text[doc.seg.blocks[bi + 1].start..doc.seg.blocks[bi + 1].end];
            if words <= 2
                && line.chars().count() <= 20
                && next_words >= 3
                && !next.trim_end().ends_with('.')
                && !line.contains(". ")
                && !line.chars().any(|c| c.is_ascii_digit())
            {
                set(
                    &mut infos,
                    "boilerplate:logo".into(),
                    "short label above the headline".into(),
                );
                continue;
            }
            // The outlet's name alone (« Agence de presse africaine »), as the media
            // gazetteer writes it.
            if words <= 6 && lexicons().media_ac.is_name(whole_line_core(lower)) {
                set(
                    &mut infos,
                    "boilerplate:logo".into(),
                    "outlet's name above the headline".into(),
                );
                continue;
            }
            if lower_case_tagline(line, lower, words) {
                set(
                    &mut infos,
                    "boilerplate:logo".into(),
                    "site tagline in lower case above the headline".into(),
                );
                continue;
            }
        }
    }

    // A menu written one item per line (« Accueil », « Chine-Afrique », « Coopération »,
    // « Vidéos »): a run of three lines or more of at most three words each, none a sentence or
    // a dateline, a third of them or more already chrome (navigation, share, logo words): the
    // others are menu items too.
    let short_item = |bi: usize, infos: &[BlockInfo]| {
        let b = &doc.seg.blocks[bi];
        let line = &doc.norm.text[b.start..b.end];
        block_words[bi] <= 3
            && !ends_like_sentence(line)
            && matches!(
                infos[bi].kind,
                BlockKind::Paragraph | BlockKind::Boilerplate
            )
            && !line.trim_start().starts_with(['-', '–', '—', '«', '"'])
            // (« franceinfo avec AFP » is a credit, not a menu item.)
            && !line.split_whitespace().any(|w| matches!(w, "avec" | "par" | "with" | "by"))
    };
    let mut i = 0;
    while i < nb {
        if !short_item(i, &infos) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < nb && short_item(j, &infos) {
            j += 1;
        }
        let menu = (i..j)
            .filter(|&k| {
                infos[k].rule.as_ref().is_some_and(|r| {
                    matches!(
                        r.id.as_ref(),
                        "boilerplate:nav" | "boilerplate:share" | "boilerplate:logo"
                    )
                })
            })
            .count();
        if j - i >= 3 && 3 * menu >= j - i {
            for info in &mut infos[i..j] {
                if info.kind != BlockKind::Boilerplate {
                    *info = BlockInfo {
                        kind: BlockKind::Boilerplate,
                        rule: Some(Rule::new(
                            "boilerplate:nav",
                            "item of a menu written one per line",
                        )),
                    };
                }
            }
        }
        i = j;
    }

    // The site's name above its navigation (« Le Courrier du Plateau » then « Politique
    // Économie Sport »): at the top of the page, after nothing but chrome, a short line that is
    // not a sentence, right above a menu, a navigation bar or a breadcrumb.
    for bi in 0..nb.saturating_sub(1).min(first_long) {
        if infos[bi].kind == BlockKind::Boilerplate {
            continue;
        }
        let b = &doc.seg.blocks[bi];
        let line = &doc.norm.text[b.start..b.end];
        let next_is_nav = infos[bi + 1]
            .rule
            .as_ref()
            .is_some_and(|r| r.id == "boilerplate:nav");
        // (Also with its tagline: « Le Quotidien d'Oran - Le journal des Algériens ».)
        let name_words = [" - ", " | ", " — ", " – "]
            .iter()
            .filter_map(|sep| line.find(sep))
            .min()
            .map_or(block_words[bi], |i| word_count(&line[..i]));
        if infos[bi].kind == BlockKind::Paragraph
            && name_words <= 6
            && block_words[bi] <= 10
            && !ends_like_sentence(line)
            && !line.contains(':')
            && next_is_nav
        {
            infos[bi] = BlockInfo {
                kind: BlockKind::Boilerplate,
                rule: Some(Rule::new(
                    "boilerplate:logo",
                    "site name above the navigation",
                )),
            };
        }
        break;
    }

    // Rubric lines above the headline (« Suisse », « Votations fédérales », « Bretagne »): after
    // nothing but chrome, a run of short lines (one to three capitalised words, no digit, no
    // final punctuation) right above a headline of four words or more.
    let mut rubrics = Vec::new();
    for k in 0..nb {
        if infos[k].kind == BlockKind::Boilerplate {
            continue;
        }
        let b = &doc.seg.blocks[k];
        let line = doc.norm.text[b.start..b.end].trim();
        let capital = line.chars().next().is_some_and(char::is_uppercase);
        if infos[k].kind != BlockKind::Paragraph {
            break;
        }
        // (A kicker and its headline on one line, « Éditorial. Exemplaire », is the headline.)
        if block_words[k] <= 3
            && capital
            && !line.contains(". ")
            && line.chars().count() <= 30
            && !line.bytes().any(|c| c.is_ascii_digit())
            && !line.ends_with(['.', '!', '?', ':', ';', ',', '»', '"'])
        {
            rubrics.push(k);
            continue;
        }
        let headline = (4..=30).contains(&block_words[k])
            && !line.ends_with('.')
            && (capital || line.starts_with(['«', '"']));
        if headline {
            for &r in &rubrics {
                infos[r] = BlockInfo {
                    kind: BlockKind::Boilerplate,
                    rule: Some(Rule::new("boilerplate:nav", "rubric above the headline")),
                };
            }
        }
        break;
    }

    // A readers' comment section pasted with the page: from a comment heading or counter
    // (« 48 commentaires », « Commentaires », « Vos réactions ») after some running text, when a
    // comment button alone on its line (« Répondre », « Signaler ») follows within eight lines,
    // everything to the end is chrome (readers' names, ages of the posts, their comments).
    let first_text = (0..nb).find(|&k| infos[k].kind != BlockKind::Boilerplate && running(k));
    if let Some(first_text) = first_text {
        let button = |k: usize| {
            let b = &doc.seg.blocks[k];
            matches!(
                whole_line_core(doc.lower[b.start..b.end].trim()),
                "répondre" | "signaler" | "signaler un abus" | "signaler ce commentaire"
            )
        };
        let heading = (first_text + 1..nb).find(|&k| {
            let b = &doc.seg.blocks[k];
            let l = doc.lower[b.start..b.end].trim();
            infos[k].kind == BlockKind::Boilerplate
                && block_words[k] <= 4
                && (l.contains("commentaire") || l.contains("réactions"))
                && (k + 1..(k + 9).min(nb)).any(button)
        });
        if let Some(h) = heading {
            for info in &mut infos[h + 1..] {
                if info.kind != BlockKind::Boilerplate {
                    *info = BlockInfo {
                        kind: BlockKind::Boilerplate,
                        rule: Some(Rule::new("boilerplate:nav", "readers' comment section")),
                    };
                }
            }
            datelines.retain(|&d| d <= h);
        }
    }

    // The page's tail, after the last paragraph of running text: a run of short lines that are
    // not sentences between two chrome lines (or two lines or more between a chrome line and the
    // end) is a list of links, offers or tags (« Le journal en version numérique », « SNCF »). A
    // name and a role (« Anne Martin, correspondante à Tokyo »), a caption above its credit stay.
    if let Some(last) = (0..nb)
        .rev()
        .find(|&k| infos[k].kind != BlockKind::Boilerplate && running(k))
    {
        let lex = lexicons();
        // (A caption sits right above its credit: « Des courtiers à Tokyo » then « © AFP ».)
        let credit = |k: usize| {
            k < nb && {
                let b = &doc.seg.blocks[k];
                let l = doc.lower[b.start..b.end].trim_start();
                l.starts_with('©')
                    || l.starts_with("photo")
                    || l.starts_with("crédit")
                    || slash_credit(l, block_words[k])
            }
        };
        let line_of = |k: usize| {
            let b = &doc.seg.blocks[k];
            doc.norm.text[b.start..b.end].trim()
        };
        // (A bulleted line is an item only under a bulleted chrome line: a list of links whose
        // first is the page's own headline, « • Titre » then « • Autre titre ».)
        let item = |k: usize, infos: &[BlockInfo], bullets: bool| {
            let line = line_of(k);
            let first = line.split_whitespace().next().unwrap_or("");
            infos[k].kind == BlockKind::Paragraph
                && (1..=12).contains(&block_words[k])
                && !ends_like_sentence(line)
                && (block_words[k] > 6 || !lex.firstnames.contains(first))
                && !line.starts_with(['«', '"', '-', '–', '—'])
                && (bullets || !line.starts_with('•'))
                && !credit(k + 1)
        };
        let mut k = last + 1;
        while k < nb {
            let start = k;
            let bullets = start > last + 1
                && infos[start - 1].kind == BlockKind::Boilerplate
                && line_of(start - 1).starts_with('•');
            while k < nb && item(k, &infos, bullets) {
                k += 1;
            }
            let left = start > last + 1 && infos[start - 1].kind == BlockKind::Boilerplate;
            // (Up to the end, a list of two lines or more: an excerpt may stop in a sentence,
            // after an ad label.)
            let right = if k == nb {
                k >= start + 2
            } else {
                infos[k].kind == BlockKind::Boilerplate
            };
            if k > start && left && right {
                for info in &mut infos[start..k] {
                    *info = BlockInfo {
                        kind: BlockKind::Boilerplate,
                        rule: Some(Rule::new(
                            "boilerplate:related",
                            "short line among chrome after the text",
                        )),
                    };
                }
            }
            k = k.max(start + 1);
        }
    }

    // Inline chrome in the lines that stay content: « Lire aussi » links glued after the last
    // sentence, a closing « SOURCE : … », web addresses.
    for (bi, info) in infos.iter().enumerate() {
        if info.kind == BlockKind::Boilerplate {
            continue;
        }
        let b = &doc.seg.blocks[bi];
        let lower = &doc.lower[b.start..b.end];
        let bits = inline_candidate(lower);
        if bits == 0 {
            continue;
        }
        let line = &doc.norm.text[b.start..b.end];
        for (a, e, kind) in inline_chrome(line, lower, bits) {
            spans.push((
                NSpan::new(b.start + a, b.start + e),
                Rule::new(
                    format!("boilerplate:{kind}"),
                    match kind {
                        "related" => "related-article link after the text",
                        "footer" => "source credit closing the text",
                        _ => "web address",
                    },
                ),
            ));
        }
    }

    // Title: the first content block before the running text that reads like a headline.
    // A long headline with a date in it (« Conférence de presse régulière du 15 mars 2024
    // tenue par … ») was read as a dateline: as the first content block, with eight words or
    // more, a capital first letter, no separators and no dateline phrase (« Publié le »), it
    // is the title.
    let mut title = None;
    let mut first_content = true;
    // (Up to six lines of one or two words above it are a logo or rubrics: « 24 heures »,
    // « Suisse ».)
    let mut short_skipped = 0;
    // (Once: a photo caption followed by its credit line.)
    let mut caption_skipped = false;
    for (bi, info) in infos.iter().enumerate() {
        let b = &doc.seg.blocks[bi];
        let line = &doc.norm.text[b.start..b.end];
        let lower = &doc.lower[b.start..b.end];
        let words = block_words[bi];
        if info.kind == BlockKind::Dateline {
            let headline = first_content
                && !byline(line)
                && (8..=30).contains(&words)
                && line
                    .trim_start()
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && segments(line).len() == 1
                // (Word count 1: any chrome pattern starting the line, whatever its length.)
                && pattern_hit(lower, 1).is_none();
            if headline {
                title = Some(bi);
                break;
            }
        }
        if info.kind != BlockKind::Boilerplate {
            first_content = false;
        }
        if info.kind != BlockKind::Paragraph {
            continue;
        }
        // (A headline starts with a capital, a digit or a quotation mark: a line in lower case
        // is a tagline or a fragment. It may end with « ... » when short and one sentence: « Et
        // maintenant, les actes... »; a longer one is a teaser cut short.)
        let suspended = |k: usize, line: &str| {
            let t = line.trim_end();
            block_words[k] <= 15
                && t.ends_with("...")
                && !t.ends_with("....")
                && sentence_ends(t.trim_end_matches('.'), 1) == 0
        };
        let candidate = |k: usize, line: &str| {
            (3..=30).contains(&block_words[k])
                    && (!line.trim_end().ends_with('.') || suspended(k, line))
                    // (« AA / Istanbul / Anne Martin » is a wire line, no headline.)
                    && !wire_line(line)
                    && line.trim_start().chars().next().is_some_and(|c| {
                        c.is_uppercase() || c.is_ascii_digit() || "«\"“'".contains(c)
                    })
        };
        if candidate(bi, line) {
            title = Some(bi);
            // A kicker of three words or fewer above a longer headline (« Guerre en Ukraine »
            // then « Kiev affirme avoir repoussé une offensive dans l'est »).
            // A kicker of four to six words without a colon, a question or a quotation (« Élection
            // présidentielle en Côte d'Ivoire ») above a headline at least as long, not a
            // byline.
            let long_kicker = (4..=6).contains(&words)
                && !line.contains([':', '?', '!', '«', '"', '“', ',', '.'])
                && !byline(line);
            if words <= 3 || long_kicker {
                let next = (bi + 1..nb).find(|&k| infos[k].kind != BlockKind::Boilerplate);
                if let Some(k) = next {
                    let nb_ = &doc.seg.blocks[k];
                    let next_line = &doc.norm.text[nb_.start..nb_.end];
                    if infos[k].kind == BlockKind::Paragraph
                        && block_words[k] >= 5
                        && (words <= 3 || (block_words[k] >= words && !byline(next_line)))
                        && candidate(k, next_line)
                    {
                        title = Some(k);
                    }
                }
            }
        } else if (4..=20).contains(&words)
            && line.trim_end().ends_with('.')
            && sentence_ends(line.trim_end(), 1) == 0
            && line
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
            && (bi + 1..nb)
                .find(|&k| infos[k].kind != BlockKind::Boilerplate)
                .is_some_and(|k| infos[k].kind == BlockKind::Dateline)
        {
            // A headline with a final stop (« Le Premier ministre reçoit … . »): one sentence
            // right above a dateline.
            title = Some(bi);
        } else if words <= 2 && short_skipped < 6 {
            short_skipped += 1;
            continue;
        } else if !caption_skipped
            && (4..=40).contains(&words)
            && line.trim_end().ends_with('.')
            && bi + 1 < nb
            && infos[bi + 1].kind == BlockKind::Boilerplate
            && {
                let cb = &doc.seg.blocks[bi + 1];
                let cl = doc.lower[cb.start..cb.end].trim_start();
                cl.starts_with('©') || cl.starts_with("copyright") || credit_pattern(cl)
            }
        {
            // A photo caption and its credit above the headline (« Le pont sera fermé … . »
            // then « © Agence – Anne Martin »): the caption is not the title; the headline may
            // come next.
            caption_skipped = true;
            continue;
        }
        break;
    }
    // A headline repeated (the page's title, then its heading) is the title, rather than a short
    // line above it (a programme's name, « Marché en main », over « Conférence ministérielle … »
    // given twice).
    let repeated = |k: usize| {
        let b = &doc.seg.blocks[k];
        let line = doc.norm.text[b.start..b.end].trim();
        (k + 1..nb.min(k + 6)).any(|j| {
            let bj = &doc.seg.blocks[j];
            infos[j]
                .rule
                .as_ref()
                .is_some_and(|r| r.id == "boilerplate:duplicate")
                && doc.norm.text[bj.start..bj.end].trim() == line
        })
    };
    if let Some(t) = title.filter(|&t| block_words[t] <= 15 && !repeated(t)) {
        let b = &doc.seg.blocks[t];
        let short_line = !doc.norm.text[b.start..b.end].contains([':', '?', '«', '"']);
        if short_line {
            if let Some(k) = (t + 1..nb.min(t + 5)).find(|&k| {
                let bk = &doc.seg.blocks[k];
                let line = &doc.norm.text[bk.start..bk.end];
                infos[k].kind == BlockKind::Paragraph
                    && (5..=30).contains(&block_words[k])
                    && !line.trim_end().ends_with('.')
                    && repeated(k)
            }) {
                title = Some(k);
            }
        }
    }
    if let Some(t) = title {
        infos[t].kind = BlockKind::Title;
        datelines.retain(|&d| d != t);
    }
    // Lines that are just a date (« 2020-07-16 ») right after the title are datelines.
    for (bi, info) in infos.iter_mut().enumerate() {
        let b = &doc.seg.blocks[bi];
        let line = doc.norm.text[b.start..b.end].trim();
        if info.kind == BlockKind::Paragraph
            && line.len() <= 12
            && line
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '.' | ' '))
            && line.chars().filter(|c| c.is_ascii_digit()).count() >= 6
        {
            info.kind = BlockKind::Dateline;
            datelines.push(bi);
        }
    }
    datelines.sort_unstable();

    for (bi, info) in infos.iter().enumerate() {
        if let (BlockKind::Boilerplate, Some(r)) = (info.kind, &info.rule) {
            let b = &doc.seg.blocks[bi];
            spans.push((NSpan::new(b.start, b.end), r.clone()));
        }
    }
    spans.sort_by_key(|(s, _)| (s.start, s.end));
    // Overlapping spans (an inline span inside a line set aside later) are merged.
    spans.dedup_by(|next, prev| {
        if next.0.start < prev.0.end {
            prev.0 = NSpan::new(prev.0.start, prev.0.end.max(next.0.end));
            true
        } else {
            false
        }
    });
    doc.set_boilerplate(
        spans.iter().map(|(s, _)| *s).collect(),
        infos
            .iter()
            .map(|i| i.kind == BlockKind::Boilerplate)
            .collect(),
    );
    Chrome {
        blocks: infos,
        spans,
        title,
        datelines,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn article_numbers_handles_and_back_to_top_links() {
        let text = "Un barrage ouvert sur le fleuve du Plateau\n\n884512\n\nLe nouveau barrage a été inauguré samedi, a annoncé le ministère de l'Eau.\n\nIl alimentera trois villes en électricité, selon les autorités, à partir de l'an prochain.\n\nAbonnez-vous @exemple_plateau\n\nRetournez en haut de la page";
        let d = crate::analyze(text);
        let aside: Vec<&str> = d
            .boilerplate
            .iter()
            .map(|b| &text[b.span.start..b.span.end])
            .collect();
        for l in [
            "884512",
            "Abonnez-vous @exemple_plateau",
            "Retournez en haut de la page",
        ] {
            assert!(aside.contains(&l), "{l:?} not in {aside:?}");
        }
        // A year, a figure in a sentence, an invitation without a handle stay content.
        let text = "Un barrage ouvert sur le fleuve du Plateau\n\n2024\n\nLe barrage produit 125000 mégawattheures par an, a annoncé le ministère.\n\nAbonnez-vous, a lancé le maire aux habitants réunis devant la mairie pour l'inauguration.";
        let d = crate::analyze(text);
        assert!(
            d.boilerplate
                .iter()
                .all(|b| !text[b.span.start..b.span.end].contains("125000")
                    && !text[b.span.start..b.span.end].contains("a lancé le maire")),
            "{:?}",
            d.boilerplate
        );
    }

    #[test]
    fn a_wire_line_with_its_author_is_no_tag_line() {
        let text = "Un pont relie deux villes du Plateau\n\nAA / Istanbul / Anne Martin\n\nLe nouveau pont a été inauguré samedi, a annoncé le ministère des Transports devant la presse.\n\nIl relie deux villes séparées par le fleuve, selon les autorités locales.";
        let d = crate::analyze(text);
        assert!(d.boilerplate.is_empty(), "{:?}", d.boilerplate);
        // Tags after the text stay chrome.
        let text = "Un pont relie deux villes du Plateau\n\nLe nouveau pont a été inauguré samedi, a annoncé le ministère des Transports devant la presse.\n\nIl relie deux villes séparées par le fleuve, selon les autorités locales.\n\nPont / Transports / Plateau";
        let d = crate::analyze(text);
        assert_eq!(d.boilerplate.len(), 1, "{:?}", d.boilerplate);
    }

    #[test]
    fn pagers_and_their_counter_examples() {
        let pager = |l: &str| {
            let lower = l.to_lowercase();
            let words = super::word_count_upto(&lower, super::WORDS_CAP);
            super::ticker_or_pager(l, &lower, words) == Some("pager or player clock")
        };
        for l in [
            "1 2 3 4 5",
            "Page 3 sur 7",
            "0:00 / 4:12",
            "« 1 2 3 … 9 Suivant »",
        ] {
            assert!(pager(l), "{l:?}");
        }
        for l in [
            "",
            "Page d'accueil",
            "2 ministres sur 3",
            "Il est 12:30",
            "1 2 3 4 5 6 7 8 9 10 11 12 13",
            "Les 3 candidats",
        ] {
            assert!(!pager(l), "{l:?}");
        }
    }

    #[test]
    fn ascii_digits_of_every_byte() {
        for len in 0..20 {
            for c in 0..=255u8 {
                for at in 0..len {
                    let mut v = vec![b'x'; len];
                    v[at] = c;
                    if at + 1 < len {
                        v[at + 1] = c.wrapping_add(1);
                    }
                    let want = v.iter().filter(|c| c.is_ascii_digit()).count();
                    assert_eq!(ascii_digits(&v), want, "{v:?}");
                    assert_eq!(has_ascii_digit(&v), want > 0, "{v:?}");
                }
            }
        }
    }

    #[test]
    fn find_byte2_as_position() {
        for len in 0..40 {
            for at in 0..len {
                for (x, y) in [(b'(', 0xC2), (0xC3, 0xC3), (0x01, 0xFF)] {
                    let mut v: Vec<u8> = (0..len).map(|i| b'a' + (i % 20) as u8).collect();
                    v[at] = y;
                    if at + 3 < len {
                        v[at + 3] = x; // a later match, and bytes above the first one
                    }
                    for from in 0..=len {
                        assert_eq!(
                            find_byte2(&v[from..], x, y),
                            v[from..].iter().position(|&c| c == x || c == y),
                            "{v:?} {from}"
                        );
                    }
                }
            }
        }
        // A byte one above a match (the borrow of `zero` does not go down).
        assert_eq!(
            find_byte2(&[0x29, 0x28, 0x29, 0, 0, 0, 0, 0, 0], b'(', b'('),
            Some(1)
        );
        assert_eq!(find_byte2(&[1, 0, 1, 1, 1, 1, 1, 1, 1], 0, 0), Some(1));
    }

    use super::*;

    /// (line, kind) for each block of a text.
    pub(super) fn kinds(text: &str) -> Vec<(String, BlockKind)> {
        let mut d = Doc::new(text);
        let c = detect(&mut d);
        d.seg
            .blocks
            .iter()
            .zip(c.blocks)
            .map(|(b, i)| (text[b.start..b.end].to_string(), i.kind))
            .collect()
    }

    /// Asserts that no line of `text` is set aside.
    pub(super) fn all_kept(text: &str) {
        let k = kinds(text);
        assert!(k.iter().all(|(_, t)| *t != BlockKind::Boilerplate), "{k:?}");
    }

    #[test]
    fn chrome_is_set_aside_and_content_kept() {
        let text = "Imprimer\n\nLe maire de Nancy inaugure un pont\n\nLe Journal de l'Est | Publié le 3 mars 2023 | Mots clés : Nancy, pont\n\nLe maire de Nancy a inauguré mardi un nouveau pont sur la Meurthe, en présence de nombreux habitants du quartier.\n\nLire aussi : Les travaux du tram reprennent\n\nThe mayor of Nancy opens a new bridge over the river during a ceremony with residents on Tuesday.\n\nPartager cet article";
        let k = kinds(text);
        assert_eq!(k[0].1, BlockKind::Boilerplate, "{k:?}");
        assert_eq!(k[1].1, BlockKind::Title);
        assert_eq!(k[2].1, BlockKind::Dateline);
        assert_eq!(k[3].1, BlockKind::Paragraph);
        assert_eq!(k[4].1, BlockKind::Boilerplate);
        assert_eq!(k[5].1, BlockKind::Boilerplate);
        assert_eq!(k[6].1, BlockKind::Boilerplate);
        // The keyword tail of the dateline is a boilerplate segment.
        let mut d = Doc::new(text);
        let c = detect(&mut d);
        assert!(c
            .spans
            .iter()
            .any(|(s, _)| &d.norm.text[s.start..s.end] == "Mots clés : Nancy, pont"));
    }

    #[test]
    fn button_rows_labelled_chrome_copyright_and_related_links() {
        let body = "Le maire de Nancy a inauguré mardi un nouveau pont sur la Meurthe, en présence de nombreux habitants du quartier.";
        let text = format!(
            "Accueil Actualités Politique\n\nLe maire de Nancy inaugure un pont\n\nPartager sur Facebook  Partager sur X  Envoyer par e-mail\n\n{body}\n\nÀ lire aussi\n\nBudget 2025 : ce que contient le projet de loi\n\nNewsletter : recevez chaque matin l'essentiel de l'actualité régionale\n\nCookies : nous utilisons des cookies pour améliorer votre expérience. Accepter Refuser\n\n© Le Journal de l'Est 2024. Tous droits réservés.\n\nPartager : Facebook Twitter Telegram VK"
        );
        let k = kinds(&text);
        let kind = |prefix: &str| k.iter().find(|(l, _)| l.starts_with(prefix)).unwrap().1;
        assert_eq!(kind("Le maire de Nancy inaugure"), BlockKind::Title);
        assert_eq!(kind("Le maire de Nancy a inauguré"), BlockKind::Paragraph);
        for chrome in [
            "Partager sur",
            "À lire",
            "Budget 2025",
            "Newsletter",
            "Cookies",
            "©",
            "Accueil Actualités",
            "Partager : Facebook",
        ] {
            assert_eq!(kind(chrome), BlockKind::Boilerplate, "{chrome}: {k:?}");
        }
        // Not chrome: a rubric label before a headline, a sentence after « À lire aussi », a
        // share word in a long sentence, a photo credit.
        let text = format!(
            "Politique : le gouvernement engage sa responsabilité\n\n{body}\n\nÀ lire aussi\n\n{body} Il a remercié les ouvriers.\n\nPartager sur Facebook des vidéos de violences est puni par la loi depuis le mois dernier.\n\nLe pont au coucher du soleil. ©Reuters"
        );
        let k = kinds(&text);
        assert_eq!(k[0].1, BlockKind::Title, "{k:?}");
        assert_eq!(k[3].1, BlockKind::Paragraph, "{k:?}");
        assert_eq!(k[4].1, BlockKind::Paragraph, "{k:?}");
        assert_eq!(k[5].1, BlockKind::Caption, "{k:?}");
    }

    #[test]
    fn copyright_notices_prompts_ad_labels_and_bulleted_links() {
        let body = "Le conseil municipal de Vesoul a voté jeudi soir la rénovation complète de la piscine couverte, fermée depuis deux ans.";
        let body2 = "Les travaux doivent commencer au printemps et durer dix-huit mois, selon le calendrier présenté par l'adjoint aux sports.";
        let text = format!(
            "Faits divers, Vesoul, Haute-Saône\n\nVesoul : la piscine couverte sera rénovée\n\n{body}\n\nPUBLICITÉ\n\n{body2}\n\nTu veux recevoir l'essentiel dans ta boîte mail? Inscris-toi à notre newsletter.\n\nVous voulez rester informé? La «Gazette de l'Est» vous propose une lettre chaque matin dans votre boîte e-mail.\n\n| |\n\n• Vesoul : la piscine couverte sera rénovée\n\n• Gray : le pont de pierre restauré\n\n• Lure : un nouveau marché couvert\n\nLa Gazette © 2024\n\nGAZETTE © 2024 – Tous droits réservés\n\nLa Gazette de l'Est 2024 Tous droits réservés\n\nTraduit de l'allemand\n\nLa Gazette sur Google News\n\nlagazette-est.fr\n\nIl y a 2 jours"
        );
        let k = kinds(&text);
        let kind = |prefix: &str| k.iter().find(|(l, _)| l.starts_with(prefix)).unwrap().1;
        assert_eq!(kind("Vesoul : la piscine"), BlockKind::Title, "{k:?}");
        for chrome in [
            "Faits divers",
            "PUBLICITÉ",
            "Tu veux",
            "Vous voulez",
            "| |",
            "• Gray",
            "• Lure",
            "La Gazette ©",
            "GAZETTE ©",
            "La Gazette de l'Est 2024",
            "Traduit de",
            "La Gazette sur",
            "lagazette-est.fr",
            "Il y a 2 jours",
        ] {
            assert_eq!(kind(chrome), BlockKind::Boilerplate, "{chrome}: {k:?}");
        }
        // Not chrome: a caption with its credit after a © (a name, not a year), a long quote
        // addressing « vous », an intertitle, a bulleted list inside the text, « tous droits
        // réservés » in a long sentence.
        let text = format!(
            "{body}\n\nLa piscine en 2019. © La Gazette\n\n« Vous verrez, cette piscine sera la plus belle de la région, vous pourrez vous inscrire aux cours dès l'été », promet le maire.\n\nLe chantier\n\n{body2}\n\n• un bassin de 25 mètres\n\n• un bassin pour les enfants\n\nLe maire rappelle que tous droits réservés aux associations seront maintenus pendant les travaux, sans exception.\n\nLes riverains seront informés chaque mois de l'avancement des travaux par une lettre municipale."
        );
        let k = kinds(&text);
        let kind = |prefix: &str| k.iter().find(|(l, _)| l.starts_with(prefix)).unwrap().1;
        assert_eq!(kind("La piscine en 2019"), BlockKind::Caption, "{k:?}");
        for content in [
            "« Vous verrez",
            "Le chantier",
            "• un bassin de",
            "• un bassin pour",
            "Le maire rappelle",
        ] {
            assert_ne!(kind(content), BlockKind::Boilerplate, "{content}: {k:?}");
        }
    }

    #[test]
    fn readers_comment_sections() {
        let body = "Le conseil municipal de Vesoul a voté jeudi soir la rénovation complète de la piscine couverte, fermée depuis deux ans.";
        let text = format!(
            "Vesoul : la piscine couverte sera rénovée\n\n{body}\n\n12 commentaires\n\nPaul70\n\nil y a 2 heures\n\nEnfin une bonne nouvelle pour les nageurs du quartier, il était temps que la ville se décide.\n\nRépondre\n\nSignaler\n\nAnne L.\n\nEt le coût pour les contribuables ?"
        );
        let k = kinds(&text);
        assert_eq!(k[1].1, BlockKind::Paragraph, "{k:?}");
        assert!(
            k[2..].iter().all(|(_, t)| *t == BlockKind::Boilerplate),
            "{k:?}"
        );
        // Not a comment section: a counter under the byline, then the text (no comment button).
        let text = format!(
            "Vesoul : la piscine couverte sera rénovée\n\n{body}\n\n12 commentaires\n\nLes travaux doivent commencer au printemps et durer dix-huit mois, selon l'adjoint aux sports.\n\nLe chantier coûtera douze millions d'euros, financés pour moitié par la région."
        );
        let k = kinds(&text);
        assert_eq!(k[3].1, BlockKind::Paragraph, "{k:?}");
        assert_eq!(k[4].1, BlockKind::Paragraph, "{k:?}");
    }

    #[test]
    fn author_boxes_after_the_text() {
        let body = "Le conseil municipal de Vesoul a voté jeudi soir la rénovation complète de la piscine couverte, fermée depuis deux ans.";
        let body2 = "Les travaux doivent commencer au printemps et durer dix-huit mois, selon le calendrier présenté par l'adjoint aux sports.";
        let text = format!(
            "Vesoul : la piscine couverte sera rénovée\n\n{body}\n\n{body2}\n\nÀ propos de l'auteur\n\nPaul Girard\n\nPaul Girard couvre la Haute-Saône depuis 2012. Il a auparavant travaillé pour plusieurs radios locales.\n\nVoir tous ses articles"
        );
        let k = kinds(&text);
        assert!(
            k[3..].iter().all(|(_, t)| *t == BlockKind::Boilerplate),
            "{k:?}"
        );
        // An intertitle « L'auteur » between two paragraphs is content, and so is what follows.
        let text = format!(
            "Un roman sur la Haute-Saône\n\n{body}\n\nL'auteur\n\n{body2}\n\nPaul Girard couvre la Haute-Saône depuis 2012 et publie ici son premier roman, salué par la critique."
        );
        let k = kinds(&text);
        assert!(
            k[2..].iter().all(|(_, t)| *t != BlockKind::Boilerplate),
            "{k:?}"
        );
    }

    #[test]
    fn programme_items_and_book_review_intertitles_stay() {
        let body = "Cinq scènes seront installées vendredi dans le centre historique, de la place du Marché au parvis de la cathédrale.";
        let text = format!(
            "Fête de la musique : le programme\n\n{body}\n\n18h00 : chorale des écoles du quartier\n\n20h30 : concert de jazz\n\nÀ lire\n\n« La Maison du port », de Claire Vidal (Éditions du Sud, 320 pages, 21 euros).\n\n{body}\n\nÀ lire aussi\n\nLe conseil municipal a voté le budget de la culture jeudi soir, sans débat."
        );
        let k = kinds(&text);
        let kind = |prefix: &str| k.iter().find(|(l, _)| l.starts_with(prefix)).unwrap().1;
        for content in ["18h00", "20h30", "À lire\n", "« La Maison"] {
            let content = content.trim_end_matches('\n');
            let got = k
                .iter()
                .find(|(l, _)| l == content || l.starts_with(content))
                .unwrap()
                .1;
            assert_ne!(got, BlockKind::Boilerplate, "{content}: {k:?}");
        }
        // (« À lire aussi » stays a related heading, whatever follows; a ticker line has no
        // colon after its time.)
        assert_eq!(kind("À lire aussi"), BlockKind::Boilerplate, "{k:?}");
        let text = format!(
            "Fête de la musique : le programme\n\n{body}\n\n{body}\n\n14:32 La Bourse de Paris ouvre en hausse\n\n14:05 Un séisme frappe le nord du Japon"
        );
        let k = kinds(&text);
        assert_eq!(k[3].1, BlockKind::Boilerplate, "{k:?}");
    }

    #[test]
    fn list_items_and_reported_advice_stay() {
        let body = "Sept États membres ont notifié à la Commission le rétablissement temporaire de contrôles à leurs frontières intérieures.";
        let text = format!(
            "Schengen : sept pays rétablissent des contrôles\n\n{body}\n\nAllemagne\n\nDanemark\n\nFrance\n\nItalie\n\nVous pourrez toujours refuser les cookies dans les paramètres de votre navigateur, rappelle la Cnil.\n\nCopyright : la directive de 2019 reste mal appliquée, selon eux.\n\nSuivez le maillot jaune, qui a promis d'attaquer dès les premières pentes, selon son directeur.\n\nVoir aussi le vote des sénateurs, attendu à l'automne, qui pourrait modifier profondément le texte.\n\nLa Commission rappelle que ces contrôles doivent rester exceptionnels et proportionnés."
        );
        all_kept(&text);
        // Rubric-like intertitles between short sentences of the text.
        let text = format!(
            "Budget : ce qui change\n\n{body}\n\nSanté\n\nLe ticket modérateur passera de 30 % à 40 %.\n\nCulture\n\nLe pass Culture sera recentré sur les jeunes.\n\nLe texte sera examiné à l'Assemblée à partir du 21 octobre prochain."
        );
        all_kept(&text);
        // (A rubric alone between chrome lines, a consent prompt without attribution, are chrome.)
        let text = format!(
            "Partager\n\nFrance\n\nSchengen : sept pays rétablissent des contrôles\n\n{body}\n\nVous pouvez refuser les cookies dans les paramètres de votre navigateur."
        );
        let k = kinds(&text);
        assert_eq!(k[1].1, BlockKind::Boilerplate, "{k:?}");
        assert_eq!(k[4].1, BlockKind::Boilerplate, "{k:?}");
    }

    #[test]
    fn short_logo_and_rubric_lines_above_the_headline() {
        let text = "24 heures\n\nVaud\n\nSuisse\n\nUn éboulement coupe la route du col\n\nPublié aujourd'hui à 14h12\n\nLa route du col est coupée depuis samedi matin à la hauteur du village, a indiqué la police cantonale.";
        let k = kinds(text);
        assert_eq!(k[3].1, BlockKind::Title, "{k:?}");
        // (A short line alone before the text stays the only candidate: no title.)
        let k = kinds("Suisse\n\nLa route du col est coupée depuis samedi matin à la hauteur du village, a indiqué la police cantonale.");
        assert!(k.iter().all(|(_, t)| *t != BlockKind::Title), "{k:?}");
    }

    #[test]
    fn captions_ending_with_an_agency_credit_after_a_dash() {
        let text = "Le Kenya dans la rue\n\nPublié le : 02/07/2024 - 13:45\n\nDes centaines de jeunes ont défilé mardi dans le centre de Nairobi, malgré le retrait du projet de loi de finances.\n\nManifestants à Nairobi, le 2 juillet 2024. AP - Brian Otieno\n\nLes protestataires réclament désormais la démission du président, selon plusieurs organisations.";
        let k = kinds(text);
        assert_eq!(k[3].1, BlockKind::Caption, "{k:?}");
        // (« … au cap - » is no agency: the tail must open with it.)
        assert!(!ends_with_credit(
            "Le navire a passé le cap. Escap - Anne Martin",
            "le navire a passé le cap. escap - anne martin"
        ));
    }

    #[test]
    fn a_long_headline_with_a_date_is_the_title() {
        let body = "Le maire de Nancy a inauguré mardi un nouveau pont sur la Meurthe, en présence de nombreux habitants du quartier.";
        let k = kinds(&format!("Point de presse du 15 mars 2024 donné par la porte-parole du gouvernement\n\n2024-03-15 19:30\n\n{body}"));
        assert_eq!(k[0].1, BlockKind::Title, "{k:?}");
        assert_eq!(k[1].1, BlockKind::Dateline, "{k:?}");
        // A dateline phrase stays a dateline.
        let k = kinds(&format!("Publié le 15 mars 2024 à 19h30 par la rédaction du journal régional\n\nLe maire inaugure un pont\n\n{body}"));
        assert_eq!(k[0].1, BlockKind::Dateline, "{k:?}");
        assert_eq!(k[1].1, BlockKind::Title, "{k:?}");
    }

    #[test]
    fn word_count_decides_like_is_alphanumeric() {
        let reference = |s: &str| {
            s.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                .filter(|w| !w.is_empty())
                .count()
        };
        for c in (0u32..0x3000).filter_map(char::from_u32) {
            let s = format!("a{c}b {c} x{c}");
            assert_eq!(word_count(&s), reference(&s), "{c:?}");
        }
        let t = "L’État, « 1er » — n° 3 ½ × 2 : Œuvre µ-ondes";
        assert_eq!(word_count(t), reference(t));
        // Every ASCII byte at every place of a chunk, also before a non-ASCII byte.
        for c in 0u8..128 {
            for k in 0..8 {
                for tail in ["", "é", "xy"] {
                    let mut b = vec![b'a'; 10];
                    b[k] = c;
                    b[(k + 3) % 8] = b' ';
                    let s = String::from_utf8(b).unwrap() + tail;
                    assert_eq!(word_count(&s), reference(&s), "{s:?}");
                    let s = format!("{}é{}", &s[..k], &s[k..]);
                    assert_eq!(word_count(&s), reference(&s), "{s:?}");
                }
            }
        }
        for c in 0u8..128 {
            let m = ascii_word_mask(u64::from_le_bytes([c, b' ', c, b'a', c, b'-', c, 0xC3]));
            let want: u32 = [c, b' ', c, b'a', c, b'-', c]
                .iter()
                .enumerate()
                .map(|(k, &x)| u32::from(ASCII_WORD[x as usize]) << k)
                .sum();
            assert_eq!(m & 0x7F, want, "{c}");
        }
        for w in READER_WORDS {
            assert!(reader_word(w));
        }
        for w in ["vou", "vouss", "créer", "découvre", "ez", ""] {
            assert!(!reader_word(w));
        }
        let long = "un deux trois quatre cinq six sept huit neuf dix ".repeat(5);
        assert_eq!(word_count(&long), 50);
        assert_eq!(word_count_upto(&long, WORDS_CAP), WORDS_CAP);
        assert_eq!(word_count_upto(&long[..30], WORDS_CAP), 6);
    }

    /// The straightforward versions of the byte-level scans above.
    mod reference {
        pub fn has_date_signal(lower: &str) -> bool {
            let digits = lower.bytes().filter(u8::is_ascii_digit).count();
            let phrase = lower.contains("mis à jour")
                || lower.contains("publié le")
                || lower.contains("mise à jour");
            if digits < 4 {
                return phrase;
            }
            let has_year = lower
                .split(|c: char| !c.is_ascii_digit())
                .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
            (has_year
                && (digits >= 6
                    || crate::layers::dates::MONTHS
                        .iter()
                        .any(|(m, _)| m.len() > 4 && lower.contains(m))))
                || phrase
        }

        pub fn segments(line: &str) -> Vec<(usize, usize)> {
            let mut out = Vec::new();
            let mut s = 0;
            let push = |out: &mut Vec<(usize, usize)>, a: usize, b: usize| {
                let seg = &line[a..b];
                let lt = seg.len() - seg.trim_start().len();
                let t = seg.trim();
                if !t.is_empty() {
                    out.push((a + lt, a + lt + t.len()));
                }
            };
            for (i, c) in line.char_indices() {
                let spaced_slash =
                    c == '/' && line[..i].ends_with(' ') && line[i + 1..].starts_with(' ');
                if matches!(c, '|' | '>' | '•' | '·') || spaced_slash {
                    push(&mut out, s, i);
                    s = i + c.len_utf8();
                }
            }
            push(&mut out, s, line.len());
            out
        }
    }

    #[test]
    fn scans_agree_with_reference() {
        let mut lines: Vec<String> = [
            include_str!("../../tests/fixtures/nancy-conseil-municipal.txt"),
            include_str!("../../tests/fixtures/russie-turquie-gaz.txt"),
            include_str!("../../tests/fixtures/ue-maroc-commerce.txt"),
        ]
        .iter()
        .flat_map(|t| t.lines())
        .map(crate::text::doc::lower_same_len)
        .collect();
        lines.extend(
            [
                "mis à jour",
                "mise à jour le 3",
                "publié le",
                "publiée le 12 mars 2020",
                "à jour",
                "mis  à jour",
                "le 2020 x",
                "12 01 2022",
                "1999 et 20",
                "19999 20201",
                "123 2019 mars",
                "2021 · février",
                "a / b /c / d",
                "/ x",
                "x /",
                "• un • deux",
                "accueil > monde > europe",
                "a|b||c",
                "  |  ",
                "é·è",
                "1 2 3 4 septembre 2019",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        for l in &lines {
            assert_eq!(has_date_signal(l), reference::has_date_signal(l), "{l:?}");
            assert_eq!(segments(l), reference::segments(l), "{l:?}");
            let reference_words = l
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                .filter(|w| !w.is_empty())
                .count();
            assert_eq!(word_count(l), reference_words, "{l:?}");
            assert_eq!(
                word_count_upto(l, WORDS_CAP),
                reference_words.min(WORDS_CAP),
                "{l:?}"
            );
        }
    }

    #[test]
    fn url_and_menu_lines() {
        let k = kinds("Accueil | Monde | Europe | Économie\nhttps://exemple.fr/article/123\nUn texte normal et assez long pour être un paragraphe de l'article lui-même.");
        assert_eq!(k[0].1, BlockKind::Boilerplate);
        assert_eq!(k[1].1, BlockKind::Boilerplate);
        assert_eq!(k[2].1, BlockKind::Paragraph);
    }
}

#[cfg(test)]
mod page_chrome_tests {
    use super::tests::{all_kept, kinds};
    use super::*;

    fn kind_of(k: &[(String, BlockKind)], prefix: &str) -> BlockKind {
        k.iter()
            .find(|(l, _)| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line {prefix:?} in {k:?}"))
            .1
    }

    /// Boilerplate spans of a page, as text.
    fn chrome_spans(text: &str) -> Vec<String> {
        let mut d = Doc::new(text);
        let c = detect(&mut d);
        c.spans
            .iter()
            .map(|(s, _)| d.norm.text[s.start..s.end].to_string())
            .collect()
    }

    const BODY: &str = "Les dirigeants de douze pays se sont réunis mardi à Lyon pour discuter de la sécurité alimentaire, a annoncé le ministère.";
    const BODY2: &str = "Les discussions ont porté sur les stocks de céréales et les routes commerciales, a précisé un porte-parole du ministère.";

    #[test]
    fn navigation_bars_breadcrumbs_and_rubrics() {
        let text = format!(
            "Le Courrier du Plateau\nActualité   Politique   Société   Sport   Contactez-nous   Fighting fake news together\nPage d'accueil > Propos du ministère\nAccueil » Monde » Asie\nSanté, Politique\nÉconomie - Agriculture\nHome | News | World | Politique | Contact\nSommet régional sur la sécurité alimentaire à Lyon\n{BODY}\n{BODY2}"
        );
        let k = kinds(&text);
        for chrome in [
            "Le Courrier du Plateau",
            "Actualité   Politique",
            "Page d'accueil",
            "Accueil »",
            "Santé, Politique",
            "Économie - Agriculture",
            "Home | News",
        ] {
            assert_eq!(
                kind_of(&k, chrome),
                BlockKind::Boilerplate,
                "{chrome}: {k:?}"
            );
        }
        assert_eq!(kind_of(&k, "Sommet régional"), BlockKind::Title, "{k:?}");
        // Not chrome: a headline with its rubric, a place and its country, a list of places,
        // a byline of three people, an intertitle that is also a rubric, two sentences with
        // double spaces between them.
        let text = format!(
            "Politique - Le gouvernement démissionne après le vote\nMoscou, Russie\n{BODY}\nLyon, Grenoble, Annecy\nAnne Martin, Paul Durand, Léa Petit\n{BODY2}\nDiplomatie\n{BODY}  Il a remercié les délégués.  Ils repartent demain."
        );
        let k = kinds(&text);
        assert_eq!(kind_of(&k, "Politique - Le"), BlockKind::Title, "{k:?}");
        for content in [
            "Moscou, Russie",
            "Lyon, Grenoble",
            "Anne Martin",
            "Diplomatie",
            "Les dirigeants de douze pays se sont réunis mardi à Lyon pour discuter de la sécurité alimentaire, a annoncé le ministère.  Il",
        ] {
            assert_ne!(kind_of(&k, content), BlockKind::Boilerplate, "{content}: {k:?}");
        }
    }

    #[test]
    fn menus_one_item_per_line_and_tickers() {
        let text = format!(
            "Français\nEnglish\nAccueil\nCoopération\nMultimédia\n14:32 La Bourse de Paris ouvre en hausse\nSommet régional sur la sécurité alimentaire\n{BODY}\nRéforme\n{BODY2}\n0:00 / 2:35\nPage 1 sur 3"
        );
        let k = kinds(&text);
        for chrome in ["Coopération", "Multimédia", "14:32", "0:00", "Page 1"] {
            assert_eq!(
                kind_of(&k, chrome),
                BlockKind::Boilerplate,
                "{chrome}: {k:?}"
            );
        }
        // An intertitle between two paragraphs, a time alone (part of a dateline).
        assert_eq!(kind_of(&k, "Réforme"), BlockKind::Paragraph, "{k:?}");
        let k = kinds(&format!("Sommet régional à Lyon\n16:48\n{BODY}"));
        assert_ne!(kind_of(&k, "16:48"), BlockKind::Boilerplate, "{k:?}");
    }

    #[test]
    fn repeated_and_cut_short_headlines_and_leads() {
        let text = format!(
            "Sommet régional sur la sécurité alimentaire à Lyon\n  • Sommet régional sur la sécurité alimentaire à Lyon\nSommet régional sur la sécurité alimentaire à Lyon© Photo Anne Martin\n{BODY}\n{BODY}\nLes dirigeants de douze pays se sont réunis mardi à Lyon pour discuter de la sécu\n{BODY2}"
        );
        let k = kinds(&text);
        assert_eq!(k[0].1, BlockKind::Title, "{k:?}");
        assert_eq!(k[1].1, BlockKind::Boilerplate, "{k:?}");
        assert_eq!(k[3].1, BlockKind::Paragraph, "{k:?}");
        assert_eq!(k[4].1, BlockKind::Boilerplate, "{k:?}");
        assert_eq!(k[5].1, BlockKind::Boilerplate, "{k:?}");
        // The repeated headline of an image title goes, its credit stays.
        let spans = chrome_spans(&text);
        assert!(
            spans.contains(&"Sommet régional sur la sécurité alimentaire à Lyon".to_string()),
            "{spans:?}"
        );
        assert!(
            !spans.iter().any(|s| s.contains("Anne Martin")),
            "{spans:?}"
        );
        // A teaser cut short before the full lead; the page title with the site's name.
        let text = format!(
            "Sommet régional sur la sécurité alimentaire à Lyon | Le Courrier du Plateau\nSommet régional sur la sécurité alimentaire à Lyon\nLes dirigeants de douze pays se sont réunis mardi à Lyon pour...\n{BODY}"
        );
        let k = kinds(&text);
        assert_eq!(k[0].1, BlockKind::Boilerplate, "{k:?}");
        assert_eq!(k[1].1, BlockKind::Title, "{k:?}");
        assert_eq!(k[2].1, BlockKind::Boilerplate, "{k:?}");
        assert_eq!(k[3].1, BlockKind::Paragraph, "{k:?}");
        // Not a copy: a lead that repeats the headline word for word and goes on.
        let k = kinds("La Chine et le Brésil signent un accord sur le soja\nLa Chine et le Brésil signent un accord sur le soja, a annoncé mardi le ministère du Commerce à Pékin.");
        assert_eq!(k[0].1, BlockKind::Title, "{k:?}");
        assert_eq!(k[1].1, BlockKind::Paragraph, "{k:?}");
    }

    #[test]
    fn stamps_counters_banners_credits_and_taglines() {
        let text = format!(
            "l'information indépendante depuis 1945\nSommet régional sur la sécurité alimentaire à Lyon\n(last modified 2024-03-12T11:16:14+00:00 )\nPar Jeanne Morel, publié le 12 mars 2024 à 14h32, mis à jour le 12 mars 2024 à 18h05\nTemps de lecture : 3 min\nLecture 4 min.\n{BODY}\n© Photo : Anne Martin / Le Courrier\n12 commentaires\nCet article est réservé aux abonnés. Il vous reste 80% à lire.\nNous utilisons des cookies pour vous offrir la meilleure expérience. En poursuivant votre navigation, vous acceptez leur utilisation.\nDéjà abonné ? Se connecter\n© 2024 Le Courrier du Plateau\n{BODY2}"
        );
        let k = kinds(&text);
        for chrome in [
            "l'information",
            "(last modified",
            "Temps de lecture",
            "Lecture 4",
            "© Photo",
            "12 commentaires",
            "Cet article est réservé",
            "Nous utilisons des cookies",
            "Déjà abonné",
            "© 2024",
        ] {
            assert_eq!(
                kind_of(&k, chrome),
                BlockKind::Boilerplate,
                "{chrome}: {k:?}"
            );
        }
        assert_eq!(kind_of(&k, "Sommet"), BlockKind::Title, "{k:?}");
        // A byline with its dates is content (the card reads it).
        assert_eq!(kind_of(&k, "Par Jeanne"), BlockKind::Dateline, "{k:?}");
        // Not chrome: sentences about reading and comments, a caption with its credit, a
        // sentence about cookies in an article, a fragment opening an excerpt.
        let text = format!(
            "{BODY}\nLa lecture du verdict a duré 40 minutes.\nIl a reçu 12 commentaires.\nLe maire inaugure le pont, le 3 mars 2024. © Anne Martin / Le Courrier\nLes députés ont voté la loi sur les cookies, qui oblige les sites à demander le consentement des internautes avant tout suivi.\n{BODY2}"
        );
        let k = kinds(&text);
        for content in ["La lecture", "Il a reçu", "Le maire", "Les députés"] {
            assert_ne!(
                kind_of(&k, content),
                BlockKind::Boilerplate,
                "{content}: {k:?}"
            );
        }
    }

    #[test]
    fn inline_chrome_and_one_line_pastes() {
        // An article pasted as one line: content, only its closing credit and address go.
        let one = format!(
            "https://www.exemple.example/monde/article-123 {BODY} {BODY2} « Nous voulons une coopération mutuellement bénéfique », a-t-il ajouté. La réunion durera deux jours. SOURCE: FRENCH PRESS TV"
        );
        let k = kinds(&one);
        assert_eq!(k.len(), 1);
        assert_eq!(k[0].1, BlockKind::Paragraph, "{k:?}");
        let spans = chrome_spans(&one);
        assert_eq!(
            spans,
            vec![
                "https://www.exemple.example/monde/article-123".to_string(),
                "SOURCE: FRENCH PRESS TV".to_string()
            ]
        );
        // A one-line paste opening with a line-start pattern and ending with a copyright.
        let one = format!("Photo : le sommet de Lyon. {BODY} {BODY2} Tous droits réservés.");
        assert_eq!(kinds(&one)[0].1, BlockKind::Paragraph);
        // « Lire aussi » glued after the last sentence, a web address inside a sentence.
        let text = format!(
            "{BODY} Lire aussi sur notre site : La Chine et l'Inde relancent leur dialogue\n{BODY2} Le rapport est en ligne sur https://www.exemple.example/rapport.pdf depuis mardi."
        );
        let spans = chrome_spans(&text);
        assert_eq!(
            spans,
            vec![
                "Lire aussi sur notre site : La Chine et l'Inde relancent leur dialogue"
                    .to_string(),
                "https://www.exemple.example/rapport.pdf".to_string()
            ]
        );
        // Not chrome: « lire aussi » inside a sentence, a « source » that is not a credit.
        let text = format!(
            "{BODY} Il faut lire aussi le rapport de la commission. Une source : le ministère."
        );
        assert!(chrome_spans(&text).is_empty(), "{:?}", chrome_spans(&text));
    }

    #[test]
    fn real_page_text_that_looks_like_chrome_stays() {
        // An opinion column addressing its reader about social networks, a numbered ranking
        // after its announcing sentence, an interviewer's « Comment ? »: the text's.
        let text = format!(
            "{BODY}\nEt qui lira encore la presse ? Vous, moi, quelques curieux… Facebook et YouTube s'en moquent bien.\nLe classement des tarifs annuels est le suivant :\n1. Norvège - 0,80 €/an\n2. Portugal - 1,2 €/an\n3. Canada - 2 à 3 €/an\nVous dites que les jeunes votent moins.\nComment ?\n{BODY2}"
        );
        all_kept(&text);
        // Counter-examples: the site's one-sentence prompt, a share button, a tag line.
        let text = format!(
            "{BODY}\nSuivez-nous sur Facebook et Instagram\nPartager\nPolitique, Santé, Transports\n{BODY2}"
        );
        let k = kinds(&text);
        for l in ["Suivez-nous", "Partager", "Politique, Santé"] {
            assert_eq!(kind_of(&k, l), BlockKind::Boilerplate, "{l} {k:?}");
        }
        // A related link whose title holds years is a link, not a dateline.
        let text =
            format!("{BODY}\n» LIRE AUSSI - La croissance ralentira en 2018 et 2019\n{BODY2}");
        assert_eq!(
            kind_of(&kinds(&text), "» LIRE"),
            BlockKind::Boilerplate,
            "{:?}",
            kinds(&text)
        );
        // An embedded post pasted as one line: its address stops at the glued quotation mark,
        // and its credit (« — Name (@handle) date ») goes with it.
        let one = format!(
            "{BODY} Des renforts sont arrivés ce matin pic.example.com/AbCdEfGhIj— Léa Petit (@leapetit) 3 mars 2024 Le maire a salué leur venue. Images du cortège pic.example.com/KlMnOpQrSt«Nous restons», a-t-elle dit. {BODY2}"
        );
        assert_eq!(
            chrome_spans(&one),
            vec![
                "pic.example.com/AbCdEfGhIj— Léa Petit (@leapetit) 3 mars 2024".to_string(),
                "pic.example.com/KlMnOpQrSt".to_string()
            ]
        );
    }

    #[test]
    fn bylines_captions_kickers_and_bare_addresses() {
        let text = format!(
            "Guerre en Ukraine\nKiev affirme avoir repoussé une offensive dans l'est\nPar Anne Martin (AFP)\nUn soldat dans une tranchée près de la ville, le 2 mars 2024 ( AFP / Paul DURAND )\n{BODY}\nLe maire devant le pont, le 3 mars 2024. Léa Petit/ Le Courrier\nexemple.fr/monde/ukraine-offensive-123\nVoir les 12 commentaires\n{BODY2} Le rapport est sur exemple.fr/rapport-annuel depuis mardi."
        );
        let k = kinds(&text);
        assert_eq!(kind_of(&k, "Kiev affirme"), BlockKind::Title, "{k:?}");
        assert_eq!(kind_of(&k, "Par Anne"), BlockKind::Dateline, "{k:?}");
        assert_eq!(kind_of(&k, "Un soldat"), BlockKind::Caption, "{k:?}");
        assert_eq!(kind_of(&k, "Le maire"), BlockKind::Caption, "{k:?}");
        assert_eq!(kind_of(&k, "exemple.fr"), BlockKind::Boilerplate, "{k:?}");
        assert_eq!(kind_of(&k, "Voir les 12"), BlockKind::Boilerplate, "{k:?}");
        let spans = chrome_spans(&text);
        assert!(
            spans.contains(&"exemple.fr/rapport-annuel".to_string()),
            "{spans:?}"
        );
        // Not a kicker: a short headline followed by a sentence; not a byline: « Par » in a
        // sentence, « Par la rédaction » (a pattern).
        let k = kinds(&format!(
            "Le Drian à Beyrouth\n{BODY}\nPar ailleurs, le ministre a quitté la salle.\n{BODY2}"
        ));
        assert_eq!(k[0].1, BlockKind::Title, "{k:?}");
        assert_eq!(kind_of(&k, "Par ailleurs"), BlockKind::Paragraph, "{k:?}");
        // Not a credit: dates with slashes in a dateline.
        let k = kinds(&format!(
            "Sommet à Lyon\nPublié le 12/03/2024. Mis à jour le 13/03/2024\n{BODY}"
        ));
        assert_eq!(k[1].1, BlockKind::Dateline, "{k:?}");
        // Not a credit: a headline ending with a bracketed speaker.
        let k = kinds(&format!(
            "La Chine refuse toute ingérence (porte-parole)\n{BODY}"
        ));
        assert_eq!(k[0].1, BlockKind::Title, "{k:?}");
    }

    #[test]
    fn english_captions_short_and_long() {
        let text = format!(
            "{BODY}\nChinese President Xi Jinping speaks in Beijing\nThe leaders pose for a group photo during the summit in Lyon, France, on March 12, 2024.\n{BODY2}\nXi Jinping et Vladimir Poutine à Moscou"
        );
        let k = kinds(&text);
        assert_eq!(
            kind_of(&k, "Chinese President"),
            BlockKind::Boilerplate,
            "{k:?}"
        );
        assert_eq!(kind_of(&k, "The leaders"), BlockKind::Boilerplate, "{k:?}");
        assert_ne!(
            kind_of(&k, "Xi Jinping et"),
            BlockKind::Boilerplate,
            "{k:?}"
        );
    }

    #[test]
    fn mail_headers_status_bars_wire_stamps_and_addresses() {
        assert!(mail_header("objet : votre lettre du matin"));
        assert!(mail_header("de : la rédaction <lettre@exemple.fr>"));
        assert!(!mail_header("q : que faut-il planter ?"));
        assert!(status_bar("14:32") && status_bar("4g 78 %") && status_bar("09:41 5g"));
        assert!(!status_bar("22 %") && !status_bar("14h32 le ministre"));
        assert!(wire_stamp("afp 221034 gmt jan 24", 5));
        assert!(clock_alone("22:41") && clock_alone("9h05") && clock_alone("14 h 32"));
        assert!(!clock_alone("14h32 le ministre arrive") && !clock_alone("2024"));
        assert!(!wire_stamp("le sommet s'ouvre à 14 h gmt", 7));
        let addr = "Le Journal, rue des Dominicains 12, 4000 Liège";
        assert!(postal_address(addr, &addr.to_lowercase(), 8));
        let fire = "Le feu a pris rue des Dominicains 12, 4000 Liège, dans la nuit.";
        assert!(!postal_address(fire, &fire.to_lowercase(), 12));
        let k = kinds(&format!(
            "De : La Lettre <lettre@exemple.fr>\nEnvoyé : mardi 5 mars 2024 06:02\nObjet : La lettre du matin\nLe pont rouvre en avril\n{BODY}\nQ : Pourquoi ce retard ?\nR : Le froid.\n{BODY2}\nLe Journal, rue des Dominicains 12, 4000 Liège"
        ));
        assert_eq!(kind_of(&k, "De : La"), BlockKind::Boilerplate, "{k:?}");
        assert_eq!(kind_of(&k, "Objet"), BlockKind::Boilerplate, "{k:?}");
        assert_ne!(kind_of(&k, "Q : Pourquoi"), BlockKind::Boilerplate, "{k:?}");
        assert_ne!(kind_of(&k, "R : Le froid"), BlockKind::Boilerplate, "{k:?}");
        assert_eq!(
            kind_of(&k, "Le Journal, rue"),
            BlockKind::Boilerplate,
            "{k:?}"
        );
    }

    #[test]
    fn markup_tags_logos_below_the_top_and_one_word_headlines() {
        // A storage tool's tag alone on its line is no text; a comparison in a sentence is.
        let text = format!("{BODY}\n{BODY2}\n</ARTICLE>");
        assert_eq!(kind_of(&kinds(&text), "</ARTICLE>"), BlockKind::Boilerplate);
        let text = format!("<doc id=\"12\">\n{BODY}\n{BODY2}\n</doc>");
        let k = kinds(&text);
        assert_eq!(kind_of(&k, "<doc"), BlockKind::Boilerplate, "{k:?}");
        assert_eq!(kind_of(&k, "</doc>"), BlockKind::Boilerplate, "{k:?}");
        all_kept(&format!(
            "{BODY}\nLe professeur a écrit <a < b> au tableau.\n{BODY2}"
        ));
        // The outlet's name alone between the lead and the text is its logo.
        let text = format!("{BODY}\nLibération\n{BODY2}");
        assert_eq!(kind_of(&kinds(&text), "Libération"), BlockKind::Boilerplate);
        // A one-word headline above a lead that ends with a full stop is the headline; a
        // kicker and its headline on one line too.
        all_kept(&format!(
            "Équilibres\nLa chronique de Jeanne Roux. Rien n'est joué. Tout commence.\n{BODY}\n{BODY2}"
        ));
        all_kept(&format!(
            "Éditorial. Vertiges\nL'éditorial de Paul Marchand\n{BODY}\n{BODY2}"
        ));
        // A « see also » link whose title asks a question, a video link on the outlet's player;
        // a sentence that merely says « regarder sur » stays.
        let text = format!(
            "{BODY}\nÀ VOIR AUSSI - Les marchés reculent-ils encore?\nLes marchés : reculent-ils encore ? - Regarder sur Le Quotidien Live\n{BODY2}"
        );
        let k = kinds(&text);
        assert_eq!(kind_of(&k, "À VOIR"), BlockKind::Boilerplate, "{k:?}");
        assert_eq!(
            kind_of(&k, "Les marchés :"),
            BlockKind::Boilerplate,
            "{k:?}"
        );
        all_kept(&format!(
            "{BODY}\nLes enfants ont pris l'habitude de regarder sur une tablette - regarder sur un écran, toujours.\n{BODY2}"
        ));
        // Counter-example: a section word above a headline stays chrome.
        let text =
            format!("Économie\nLa Banque centrale relève son taux directeur\n{BODY}\n{BODY2}");
        assert_eq!(kind_of(&kinds(&text), "Économie"), BlockKind::Boilerplate);
    }

    #[test]
    fn state_media_menus_dated_links_button_bars_and_zone_stamps() {
        let text = format!(
            "Accueil Algérie Monde Économie Sport Culture Régions Santé\nҚаз Рус Eng Fr 中文\nLe sommet régional se tiendra en octobre à Lyon\nImprimer | Envoyer à un ami\navr. 02, 2025 16:20 Europe/Paris\n{BODY}\n{BODY2}\nArticles similaires\n2025-03-10 Le Kirghizistan ouvre un nouveau poste-frontière\n09.04.2025 Astana et Bakou signent un accord sur le transit\nTéléchargez l'application du Courrier sur Google Play et App Store"
        );
        let k = kinds(&text);
        for chrome in [
            "Accueil Algérie",
            "Қаз",
            "Imprimer |",
            "avr. 02",
            "2025-03-10",
            "09.04.2025",
            "Téléchargez",
        ] {
            assert_eq!(
                kind_of(&k, chrome),
                BlockKind::Boilerplate,
                "{chrome}: {k:?}"
            );
        }
        // Not chrome: places listed in a caption, a dateline with a numeric date, a time and a
        // city, a sentence naming an app store, a dated line that is not under a links heading.
        let text = format!(
            "Algérie Maroc Tunisie Libye Égypte Mauritanie\nLe sommet régional se tiendra en octobre à Lyon\n09.04.2025 Astana et Bakou signent un accord sur le transit\nDépart prévu à 16:20 heure de Paris\n{BODY}\nTéléchargez l'application, a conseillé la ministre, car le formulaire papier disparaîtra en juin selon le décret.\n{BODY2}"
        );
        let k = kinds(&text);
        for content in ["Algérie Maroc", "09.04.2025", "Départ prévu", "Téléchargez"] {
            assert_ne!(
                kind_of(&k, content),
                BlockKind::Boilerplate,
                "{content}: {k:?}"
            );
        }
    }
}
