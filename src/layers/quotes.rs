//! Quotations and their speakers.
//!
//! Quotes are « … », “ … ”, ‹ … › and " … " pairs (nested marks stay inside the outer quote; a
//! « … » quote may run over several paragraphs); an opening mark in the last paragraph that the
//! text never closes (an excerpt cut mid-quote) opens a quote running to the end of the text.
//! Very short quoted phrases (fewer than four words, « sans limites »), quoted names (« la
//! Ceinture et la Route », a gazetteer entry) and titles a noun introduces (« le film « … » »,
//! « une campagne intitulée « … » ») are scare quotes or names, not quotations.
//!
//! Speaker attribution: the quote's own sentence first, then its context.
//! 0. a term cited after a noun (« l'image d'« … » », « la formule « … » »): nobody;
//! 1. `», a déclaré M. Wang` / `», a-t-il ajouté` / `», indique le ministère … dans un
//!    communiqué` (speech verb right after the quote, circumstances such as « mardi » or « à
//!    l'AFP » passed over), an incise later in the sentence (`» en cas de …, a prévenu X`),
//!    `», selon X`, `» : c'est ce qu'a dit X`, a headline `« … » : X met en garde`, a passive's
//!    agent `« … » par X`;
//! 2. an incise inside the quote (`« …, a-t-il expliqué. … »`);
//! 3. `X a affirmé que « … »`, `selon lui « … »`, `pour X, « … »`, `X a réagi par la voix de Y :
//!    « … »` (speech verb, speech noun or source before the quote in the same sentence, then its
//!    subject; a gerund's subject is the main clause's: `X a ouvert la séance en rappelant que`);
//! 4. the subject of the clause introducing the quote (`Le ministre turc a salué « … »`,
//!    `Elle se décrit comme la « … »`);
//! 5. a quote standing alone, attributed by the next sentence (`« … » C'est ce qu'a dit X`), or,
//!    opening its paragraph, the person the next sentence is about (`« … » Devant sa maison,
//!    X retient ses larmes.`);
//! 6. a quote cut by the end of the text has no speaker beyond these (its attribution is cut);
//! 7. a quote standing alone after a question put to someone (`Un journaliste lui a demandé
//!    si …`): the one asked;
//! 8. otherwise the previous quote's speaker, for a quote standing alone in the same paragraph
//!    or opening the next one — not across list items, nor past a sentence where someone else
//!    speaks or that is about another named person;
//! 9. else the speaker (or subject) of the sentence just before.
//!
//! Last, a quote left without speaker whose words are quoted again with one (a headline or
//! chapeau quote the body repeats) takes that speaker (`quote:repeated`); before that, in an
//! interview (headline `X : « … »`, « entretien avec X »), an answer's quote the interviewee
//! introduces in the first person (`R. : Je l'ai écrit au ministre : « … »`) is X's
//! (`quote:interview`).
//!
//! A source the text does not name (« selon des médias », « confie un diplomate », « a-t-on
//! indiqué », « son entourage ») gives no speaker, and no later rule overrides it. Role phrases
//! (« le président russe », « la porte-parole », « le chef de la diplomatie », « le locataire de
//! la Maison-Blanche », « l'élu ») resolve to the person with that title, nationality and gender
//! ([`resolve_role_np`]); pronouns to the nearest compatible subject outside quotation marks
//! ([`resolve_pronoun`]); « ils », « les deux dirigeants » to the persons named together, else
//! « ils » to the leader of a group named just before (« le camp de X »); « ses partisans »
//! speak for nobody named. A profession noun no one was given (« la cinéaste ») names the single
//! earlier person of that gender without a title; « le chef du Département de X » the person
//! given that title, never the body.
//!
//! Invariants: quote spans exclude the marks and surrounding spaces, are sorted and do not
//! overlap; `speaker`, when set, indexes the mention list given to [`find`].

use crate::layers::entities::EMention;
use crate::layers::syntax::*;
use crate::lexicon::{lexicons, SpeechKind};
use crate::schema::{EntityType, Rule};
use crate::text::doc::{Doc, NSpan};

#[derive(Debug, Clone)]
pub struct QuoteAnn {
    pub span: NSpan,
    /// Token range of the content.
    pub a: usize,
    pub b: usize,
    /// Mention index of the speaker.
    pub speaker: Option<usize>,
    pub speaker_text: Option<String>,
    pub rule: Rule,
}

/// Raw quote pairs (open mark start, close mark end, content span).
fn pairs(text: &str) -> Vec<NSpan> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    // Positions of every closing guillemet: an opening « with none in its window is skipped
    // at once (without this, text full of unclosed « costs a 20 KB scan per mark).
    let closers: Vec<usize> = text.match_indices('»').map(|(k, _)| k).collect();
    let mut i = 0;
    while i < text.len() {
        // Marks start with byte 22 (« " »), C2 (« « ») or E2 (« “ », « „ »); these bytes only
        // ever start a character, so the others are passed over without decoding.
        i = find_byte3(b, i, [b'"', 0xC2, 0xE2]);
        if i == b.len() {
            break;
        }
        let c = match text[i..].chars().next() {
            Some(c) => c,
            None => break,
        };
        let clen = c.len_utf8();
        let close = match c {
            '«' => Some('»'),
            '“' => Some('”'),
            '„' => Some('“'),
            '"' => Some('"'),
            '‹' => Some('›'),
            _ => None,
        };
        let Some(close) = close else {
            i += clen;
            continue;
        };
        // Find the matching closer; « » nest (at most MAX_DEPTH deep); allow paragraph
        // continuation « marks.
        const MAX_DEPTH: usize = 4;
        let mut depth = 1;
        let mut j = i + clen;
        let mut found = None;
        let limit = (i + 20_000).min(text.len());
        if c == '«' {
            let k = closers.partition_point(|&p| p < j);
            if closers.get(k).is_none_or(|&p| p >= limit) {
                i += clen;
                continue;
            }
        }
        // Only the first bytes of the opening mark, of the closing mark and of a line break
        // matter below: other bytes are passed over without decoding.
        let (first_open, first_close) = (first_byte(c), first_byte(close));
        while j < limit {
            j = find_byte3(&b[..limit], j, [first_open, first_close, b'\n']);
            if j == limit {
                break;
            }
            let Some(d) = text[j..].chars().next() else {
                break;
            };
            if c == '"' {
                if d == '"' {
                    found = Some(j);
                    break;
                }
                if d == '\n' {
                    break;
                }
            } else if d == c && c != close {
                // A « at the start of a paragraph continues the same quote.
                let at_par_start = text[..j].trim_end_matches(' ').ends_with('\n');
                if !at_par_start {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        break;
                    }
                }
            } else if d == close {
                depth -= 1;
                if depth == 0 {
                    found = Some(j);
                    break;
                }
            } else if d == '\n' && c != '«' {
                break;
            }
            j += d.len_utf8();
        }
        match found {
            Some(j) => {
                let mut s = i + clen;
                let mut e = j;
                while s < e && b[s] == b' ' {
                    s += 1;
                }
                while e > s && b[e - 1] == b' ' {
                    e -= 1;
                }
                if e > s {
                    out.push(NSpan::new(s, e));
                }
                i = j + close.len_utf8();
            }
            None => i += clen,
        }
    }
    out
}

/// Index of the first byte at or after `from` equal to one of `bytes`, or `b.len()`. Eight
/// bytes at a time while none matches.
fn find_byte3(b: &[u8], from: usize, bytes: [u8; 3]) -> usize {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    // Non-zero when some byte of `v` is zero.
    let has_zero = |v: u64| v.wrapping_sub(LO) & !v & HI;
    let [p, q, r] = bytes.map(|x| u64::from(x) * LO);
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        if has_zero(v ^ p) | has_zero(v ^ q) | has_zero(v ^ r) != 0 {
            break;
        }
        i += 8;
    }
    while i < b.len() && !bytes.contains(&b[i]) {
        i += 1;
    }
    i
}

/// First UTF-8 byte of a character.
fn first_byte(c: char) -> u8 {
    let mut buf = [0; 4];
    c.encode_utf8(&mut buf);
    buf[0]
}

/// A quote whose closing mark the text never gives, because the text ends first (an excerpt cut
/// mid-quote): an opening mark in the last paragraph, after the last closed quote (ending at
/// byte `after`), with no closing mark of its kind after it. The quote runs to the end of the
/// text.
fn unclosed_tail(text: &str, after: usize) -> Option<NSpan> {
    let end = text.trim_end().len();
    // `after` is the end of the last quote's content: past its closing mark.
    let rest = &text[after.min(end)..];
    let trimmed = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let after = after.min(end)
        + (rest.len() - trimmed.len())
        + trimmed
            .chars()
            .next()
            .filter(|c| matches!(c, '»' | '”' | '"' | '›' | '“'))
            .map_or(0, char::len_utf8);
    let last_par = text[..end].rfind('\n').map_or(0, |i| i + 1).max(after);
    if last_par >= end {
        return None;
    }
    let tail = &text[last_par..end];
    let (i, c) = tail
        .char_indices()
        .find(|&(_, c)| matches!(c, '«' | '“' | '"' | '‹' | '„'))?;
    let close: &[char] = match c {
        '«' => &['»'],
        '‹' => &['›'],
        '"' => &['"'],
        _ => &['”', '"'],
    };
    let rest = &tail[i + c.len_utf8()..];
    if rest.contains(close) {
        return None;
    }
    let s = last_par + i + c.len_utf8();
    let s = s + (text[s..end].len() - text[s..end].trim_start().len());
    (s < end).then(|| NSpan::new(s, end))
}

/// A quotation of several paragraphs in straight or curly marks opens each paragraph with a
/// mark and closes only the last one (`"Premier paragraphe` / `"Suite."`): a paragraph whose
/// last opening mark is left unclosed, followed by a paragraph opening with a mark, is quoted
/// from that mark to its end. (« … » paragraphs are paired by [`pairs`].)
fn continued_paragraphs(doc: &Doc) -> Vec<NSpan> {
    let text = doc.text();
    let blocks = &doc.seg.blocks;
    let mut out = Vec::new();
    for (bi, b) in blocks
        .iter()
        .enumerate()
        .take(blocks.len().saturating_sub(1))
    {
        let line = &text[b.start..b.end];
        let next = &text[blocks[bi + 1].start..blocks[bi + 1].end];
        // Straight quotes: an odd count leaves the last one open; curly: more “ than ”.
        let open = if line.matches('"').count() % 2 == 1 && next.starts_with('"') {
            line.rfind('"').map(|i| i + 1)
        } else if line.matches('“').count() > line.matches('”').count() && next.starts_with('“')
        {
            line.rfind('“').map(|i| i + '“'.len_utf8())
        } else {
            None
        };
        // Past the opening mark (« “ » is three bytes).
        let Some(i) = open else { continue };
        let s = b.start + i;
        let s = s + (text[s..b.end].len() - text[s..b.end].trim_start().len());
        if s < b.end {
            out.push(NSpan::new(s, b.end));
        }
    }
    out
}

/// Who an attribution names.
#[derive(Debug, Clone)]
enum Who {
    /// A person or body: its mention (when an entity) and text.
    Named(Option<usize>, String),
    /// Someone the text does not name (« selon des médias », « un diplomate », « a-t-on
    /// indiqué »): the speaker is null, and no carry-over overrides it.
    Unnamed,
}

fn named(ms: &[EMention], mi: usize) -> Who {
    Who::Named(Some(mi), ms[mi].canonical.clone())
}

/// The person a singular pronoun at `k` stands for; a plural one names a group (no one
/// person).
fn pronoun_who(doc: &Doc, ms: &[EMention], k: usize) -> Option<Who> {
    let (_, plural) = pronoun_of(doc.tok_lower(k))?;
    if plural {
        return Some(group_who(doc, ms, k));
    }
    resolve_pronoun(doc, ms, k)
        .map(|m| named(ms, m))
        .or_else(|| body_subject_before(doc, ms, k).map(|m| named(ms, m)))
}

/// « Le ministère a affirmé que « … ». Il a en outre appelé les médias à « … » »: a singular
/// « il »/« elle » that names no person stands for the body that is the subject of the sentence
/// before (an organisation opening it, after a fronted circumstance at most — « Dans un
/// communiqué, le ministère … » —, or « le ministère » referring back to one), of the
/// pronoun's gender by its article (« le »/« du » masculine, « la » feminine).
fn body_subject_before(doc: &Doc, ms: &[EMention], k: usize) -> Option<usize> {
    let (want, plural) = pronoun_of(doc.tok_lower(k))?;
    if plural {
        return None;
    }
    let sent = doc.tokens()[k].sent();
    let ps = sent.checked_sub(1)?;
    let s = &doc.seg.sentences[ps];
    if doc.seg.sentences[sent].block > s.block + 1 || doc.boilerplate_blocks[s.block] {
        return None;
    }
    // Only a pronoun opening its clause or inverted in an incise, not one inside a quote.
    if in_quote_tok(doc, k) && !doc.tok(k).contains('-') {
        return None;
    }
    let end = s.tokens.end.min(s.tokens.start + 15);
    let mut t = s.tokens.start;
    while t < end {
        if in_quote_tok(doc, t) {
            return None;
        }
        if let Some((mi, m)) = mentions_in(ms, t, t + 1).next() {
            if m.etype == EntityType::PER && !governed(doc, m) {
                return None;
            }
            if m.etype == EntityType::ORG && !governed(doc, m) {
                let art = if t > s.tokens.start {
                    doc.tok_lower(t - 1)
                } else {
                    ""
                };
                let g = match art {
                    "le" => Some(Gender::M),
                    "la" => Some(Gender::F),
                    _ => None,
                };
                // The body opens the clause: at the sentence's start or after the comma of a
                // fronted circumstance, with its article (not « (LFI, gauche) » in a title).
                let a = if g.is_some() { t - 1 } else { t };
                let opens = a == s.tokens.start || doc.tok(a - 1) == ",";
                // No person subject before the verb (« Le leader de LFI, Jean-Luc Mélenchon, a
                // réagi »).
                let person_after = (m.b..end)
                    .take_while(|&j| {
                        !matches!(
                            lexicons().speech.get(doc.tok_lower(j)),
                            Some(SpeechKind::Aux) | Some(SpeechKind::Speech)
                        )
                    })
                    .any(|j| {
                        mentions_in(ms, j, j + 1)
                            .any(|(_, p)| p.etype == EntityType::PER && !governed(doc, p))
                    });
                return (opens && !person_after && g.is_none_or(|g| g == want)).then_some(mi);
            }
            t = m.b.max(t + 1);
            continue;
        }
        let w = doc.tok_lower(t);
        if matches!(w, "le" | "la")
            && !(t > s.tokens.start && PREPOSITIONS.contains(&doc.tok_lower(t - 1)))
        {
            if let Some(mi) = org_antecedent(doc, ms, t) {
                let g = if w == "le" { Gender::M } else { Gender::F };
                return (g == want).then_some(mi);
            }
        }
        // The subject comes before the first verb: a speech verb or an auxiliary ends the search.
        if matches!(
            lexicons().speech.get(w),
            Some(SpeechKind::Speech) | Some(SpeechKind::Aux)
        ) {
            return None;
        }
        t += 1;
    }
    None
}

/// A group speaking (« ils », « ont-ils déclaré », « les deux dirigeants »): the persons named
/// together just before (« Emmanuel Macron et Olaf Scholz … »), any of whom is a speaker of the
/// group; else someone unnamed.
fn group_who(doc: &Doc, ms: &[EMention], k: usize) -> Who {
    let lex = lexicons();
    let sent = doc.tokens()[k].sent();
    // A pronoun refers to the last few sentences; a plural role phrase (« les ministres des
    // cinq pays ») may refer to a list given further back.
    let role = doc.tok_lower(k) == "les";
    let first_sent = sent.saturating_sub(if role { usize::MAX } else { 3 });
    let end = ms.partition_point(|m| m.a < k);
    let lo = end.saturating_sub(ROLE_WINDOW);
    for mi in (lo..end).rev() {
        let m = &ms[mi];
        if doc.tokens()[m.a].sent() < first_sent {
            break;
        }
        if m.etype != EntityType::PER || in_quote_tok(doc, m.a) {
            continue;
        }
        // « X et Y », « X et son homologue russe Y », « X, le ministre kirghize … Y ».
        let mut j = m.b;
        if j < k && matches!(doc.tok(j), "," | "et") {
            j += 1;
            while j < k
                && (lex.title_words.contains(doc.tok_lower(j))
                    || lex.demonyms.contains_key(doc.tok_lower(j))
                    || matches!(
                        doc.tok_lower(j),
                        "son" | "sa" | "le" | "la" | "l'" | "m" | "mme" | "." | "et"
                    ))
            {
                j += 1;
            }
            if mentions_in(ms, j, j + 1)
                .next()
                .is_some_and(|(_, n)| n.etype == EntityType::PER && n.canonical != m.canonical)
            {
                // The first of the list.
                let mut first = mi;
                while first > lo
                    && ms[first - 1].etype == EntityType::PER
                    && ms[first - 1].b + 12 > ms[first].a
                    && (ms[first - 1].b..ms[first].a).all(|t| {
                        matches!(doc.tok(t), "," | "et")
                            || lex.title_words.contains(doc.tok_lower(t))
                            || lex.demonyms.contains_key(doc.tok_lower(t))
                    })
                {
                    first -= 1;
                }
                return named(ms, first);
            }
        }
    }
    Who::Unnamed
}

/// The leader a group pronoun (« ils », « elles » at `k`) speaks for: the person of the nearest
/// earlier group noun with its leader named (« le camp de X », « l'équipe de campagne du
/// candidat », « les partisans de X »), in the last few sentences. None when the text names no
/// leader (« ses partisans » says nothing of whose).
fn group_leader(doc: &Doc, ms: &[EMention], k: usize) -> Option<usize> {
    let sent = doc.tokens()[k].sent();
    let lo = doc.seg.sentences[sent.saturating_sub(4)].tokens.start;
    let mut t = k;
    while t > lo {
        t -= 1;
        let group = matches!(
            doc.tok_lower(t),
            "camp" | "campagne" | "équipe" | "entourage" | "partisans" | "soutiens" | "proches"
        );
        if !group || t + 2 >= k || in_quote_tok(doc, t) {
            continue;
        }
        let s_end = doc.seg.sentences[doc.tokens()[t].sent()].tokens.end;
        match doc.tok_lower(t + 1) {
            "de" | "d'" => {
                let j = t + 2 + usize::from(matches!(doc.tok(t + 2), "M" | "Mme"));
                let j = j + usize::from(j > t + 2 && doc.tok(j) == ".");
                if let Some((mi, m)) = mentions_in(ms, j, j + 1).next() {
                    if m.etype == EntityType::PER {
                        return Some(mi);
                    }
                }
            }
            "du" => {
                if let Some((mi, _)) = resolve_role_np(doc, ms, t + 2, s_end.min(k)) {
                    return Some(mi);
                }
            }
            _ => {}
        }
    }
    None
}

/// « les deux dirigeants », « les trois ministres », « les présidents »: a plural role phrase at
/// `k` (its end), or None.
fn plural_role_end(doc: &Doc, k: usize, lim: usize) -> Option<usize> {
    if doc.tok_lower(k) != "les" {
        return None;
    }
    let mut j = k + 1;
    if j < lim && matches!(doc.tok_lower(j), "deux" | "trois" | "quatre" | "cinq") {
        j += 1;
    }
    (j < lim
        && matches!(
            doc.tok_lower(j),
            "dirigeants"
                | "présidents"
                | "ministres"
                | "chefs"
                | "homologues"
                | "responsables"
                | "leaders"
                | "dirigeantes"
                | "présidentes"
        ))
    .then_some(j + 1)
}

/// Determiners of an indefinite noun phrase: a speaker the text does not name.
fn is_indefinite_det(w: &str) -> bool {
    matches!(
        w,
        "un" | "une" | "des" | "plusieurs" | "certains" | "certaines" | "deux" | "trois" | "nos"
    )
}

/// Adverbs and set phrases between a speech verb and its subject, or between the subject and
/// the verb (« a encore déclaré », « a pour sa part estimé »): the number of tokens they take.
fn skippable(doc: &Doc, k: usize, lim: usize) -> usize {
    let w = doc.tok_lower(k);
    if (w.ends_with("ment") && w.len() > 5)
        || matches!(
            w,
            "aussi"
                | "encore"
                | "également"
                | "alors"
                | "ensuite"
                | "déjà"
                | "toutefois"
                | "pourtant"
                | "enfin"
                | "notamment"
                | "ainsi"
                | "plus"
                | "tard"
                | "ne"
                | "n'"
                | "pas"
                | "jamais"
                | "se"
                | "s'"
                | "y"
                | "en"
        )
    {
        return 1;
    }
    const PHRASES: &[&[&str]] = &[
        &["pour", "sa", "part"],
        &["de", "son", "côté"],
        &["quant", "à", "lui"],
        &["quant", "à", "elle"],
        &["pour", "leur", "part"],
        &["d'", "ailleurs"],
        &["lui", "aussi"],
        &["elle", "aussi"],
        &["d'", "ores", "et", "déjà"],
    ];
    PHRASES
        .iter()
        .find(|p| {
            k + p.len() <= lim
                && p.iter()
                    .enumerate()
                    .all(|(i, x)| doc.tok_lower(k + i) == *x)
        })
        .map_or(0, |p| p.len())
}

/// Is token `k` a speech verb (« déclaré », « répond-il », « savoir » of « a fait savoir »)?
fn is_speech_verb(doc: &Doc, k: usize) -> bool {
    speech_kind(doc, k) == Some(SpeechKind::Speech)
}

/// A form of « faire » (« fait savoir », « fait part », « fait valoir », « fait état »).
fn is_faire(w: &str) -> bool {
    matches!(
        w,
        "fait"
            | "font"
            | "faisait"
            | "faisaient"
            | "fera"
            | "feront"
            | "ferait"
            | "feraient"
            | "faisant"
            | "faire"
            | "fit"
            | "firent"
            | "fait-il"
            | "fait-elle"
            | "font-ils"
            | "font-elles"
    )
}

/// The complement of « faire » in a speech idiom (« fait savoir », « fait part »).
fn is_faire_idiom(w: &str) -> bool {
    matches!(
        w,
        "savoir" | "valoir" | "part" | "état" | "remarquer" | "observer"
    )
}

/// Kind of token `k` in the speech lexicon; the two words of « fait savoir », « fait part »,
/// « fait valoir », « fait état » are a speech verb.
fn speech_kind(doc: &Doc, k: usize) -> Option<SpeechKind> {
    let w = doc.tok_lower(k);
    // « peut-on lire sur la page de X », « lit-on dans son communiqué ».
    if w == "lit-on"
        || (w == "lire" && k > 0 && matches!(doc.tok_lower(k - 1), "peut-on" | "pouvait-on"))
    {
        return Some(SpeechKind::Speech);
    }
    // « a-t-on appris de source officielle », « apprend-on de sources diplomatiques », « avons-nous
    // appris »: the writer learning something reports a source it does not name (« le ministre a
    // appris la nouvelle » is no speech).
    if (w == "appris" && k > 0 && matches!(doc.tok_lower(k - 1), "a-t-on" | "avons-nous"))
        || matches!(w, "apprend-on" | "apprenait-on")
    {
        return Some(SpeechKind::Speech);
    }
    // « X continue : « … » », « », continue-t-il »: « continuer » reports speech only before a
    // colon or inverted in an incise (« la coopération continue », « continue de croître » do not).
    let n = doc.tokens().len();
    if (matches!(w, "continue" | "continuent" | "continuait" | "continué")
        && k + 1 < n
        && doc.tok(k + 1) == ":")
        || matches!(w, "continue-t-il" | "continue-t-elle")
    {
        return Some(SpeechKind::Speech);
    }
    if let Some(kind) = lexicons().speech.get(w) {
        // A participle right after an article is a noun (« le prévenu », « l'accusé », « les
        // intéressés »), not a verb (« comme le dit X » keeps its verb: no participle ending).
        if *kind == SpeechKind::Speech
            && k > 0
            && matches!(
                doc.tok_lower(k - 1),
                "le" | "la" | "les" | "l'" | "un" | "une" | "du" | "des" | "au" | "aux"
            )
            && ["é", "ée", "és", "ées", "u", "ue", "us", "ues"]
                .iter()
                .any(|e| w.ends_with(e))
        {
            return None;
        }
        return Some(*kind);
    }
    let idiom = (is_faire(w) && k + 1 < n && is_faire_idiom(doc.tok_lower(k + 1)))
        || (is_faire_idiom(w) && k > 0 && is_faire(doc.tok_lower(k - 1)))
        // « a mis en garde », « met en garde »
        || (w == "garde"
            && k >= 2
            && doc.tok_lower(k - 1) == "en"
            && matches!(doc.tok_lower(k - 2), "mis" | "met" | "mettent" | "mettait"));
    idiom.then_some(SpeechKind::Speech)
}

/// A verb before an infinitive (« revient exhorter », « a tenu à préciser », « doit annoncer »).
fn is_semi_aux(w: &str) -> bool {
    matches!(
        w,
        "va" | "vont"
            | "allait"
            | "ira"
            | "vient"
            | "viennent"
            | "venait"
            | "revient"
            | "reviennent"
            | "revenait"
            | "doit"
            | "doivent"
            | "devait"
            | "devrait"
            | "devra"
            | "peut"
            | "peuvent"
            | "pouvait"
            | "pourrait"
            | "veut"
            | "veulent"
            | "voulait"
            | "voudrait"
            | "entend"
            | "entendent"
            | "compte"
            | "comptent"
            | "souhaite"
            | "souhaitent"
            | "tient"
            | "tiennent"
            | "tenu"
            | "tenait"
            | "semble"
            | "semblent"
            | "espère"
            | "espèrent"
            | "hésite"
            | "cesse"
    )
}

/// An infinitive after « de », « à », « pour » (« avant de lui proposer », « pour dire »): not the
/// verb of the clause, so no attribution.
fn non_finite(doc: &Doc, v: usize) -> bool {
    let w = doc.tok_lower(v);
    if !(w.ends_with("er") || w.ends_with("ir") || w.ends_with("re")) {
        return false;
    }
    let mut k = v;
    while k > 0 {
        k -= 1;
        match doc.tok_lower(k) {
            "lui" | "leur" | "se" | "s'" | "les" | "le" | "la" | "l'" | "y" | "en" | "me"
            | "m'" | "nous" | "vous" | "ne" | "pas" => continue,
            "de" | "d'" | "à" | "pour" | "sans" | "afin" | "avant" | "par" => return true,
            _ => return false,
        }
    }
    false
}

/// Subject of an inverted speech verb: the noun phrase at `from..lim` after it (« a déclaré
/// M. Wang », « indique le ministère … dans un communiqué », « a-t-il ajouté », « a estimé le
/// président turc », « précise un diplomate »). `prev`: the previous quote, which a speech
/// noun continues (« a poursuivi le communiqué »).
fn subject_after(
    doc: &Doc,
    ms: &[EMention],
    from: usize,
    lim: usize,
    prev: Option<&QuoteAnn>,
) -> Option<Who> {
    let lex = lexicons();
    let mut k = from;
    while k < lim && k < from + 24 {
        let w = doc.tok_lower(k);
        if matches!(w, "sur" | "dans") && k > 0 && matches!(doc.tok_lower(k - 1), "lire" | "lit-on")
        {
            if let Some(who) = read_on_page_of(doc, ms, k, lim) {
                return Some(who);
            }
        }
        // « peut-on lire sur le compte Instagram de X », « lit-on dans un communiqué du
        // ministère »: the author of the page or the text read.
        if matches!(w, "peut-on" | "lit-on" | "pouvait-on") {
            if let Some(who) = read_on_page_of(doc, ms, k + 1, lim) {
                return Some(who);
            }
        }
        // Inverted pronoun in the verb itself: « a-t-il ajouté », « dit-elle ».
        if w.contains('-') || matches!(w, "il" | "elle" | "ils" | "elles") {
            if let Some(who) = w
                .contains('-')
                .then(|| continued_speaker(doc, ms, k, prev))
                .flatten()
            {
                return Some(who);
            }
            if let Some(who) = pronoun_who(doc, ms, k) {
                return Some(who);
            }
            if is_indefinite_pronoun(w) {
                return Some(Who::Unnamed);
            }
        }
        if let Some((mi, m)) = mentions_in(ms, k, k + 1)
            .next()
            .filter(|(_, m)| !is_honorific_mention(doc, m))
        {
            if m.etype != EntityType::MISC {
                return Some(named(ms, mi));
            }
        }
        // Honorifics before the name (« M. Morozov »).
        if lex.titles.get(doc.tok(k)) == Some(&crate::lexicon::TitleKind::Honorific) || w == "." {
            k += 1;
            continue;
        }
        // « explique ce dernier », « ajoute cette dernière ».
        if let Some(mi) = resolve_ce_dernier(doc, ms, k) {
            return Some(named(ms, mi));
        }
        // A role noun phrase naming a person (« a déclaré le ministre turc »).
        if let Some((mi, _)) = resolve_role_np(doc, ms, k, lim) {
            return Some(named(ms, mi));
        }
        if matches!(w, "le" | "la" | "l'" | "les") && k + 1 < lim && doc.is_word(k + 1) {
            if let Some((mi, m)) = mentions_in(ms, k + 1, (k + 8).min(lim)).next() {
                // « le ministère chinois des Affaires étrangères »
                // « le Dr Sy »: an honorific (and its period) before the name.
                let between_ok = (k + 1..m.a).all(|t| {
                    doc.is_word(t) && lex.title_words.contains(doc.tok_lower(t))
                        || lex.demonyms.contains_key(doc.tok_lower(t))
                        || lex.titles.get(doc.tok(t)) == Some(&crate::lexicon::TitleKind::Honorific)
                        || (doc.tok(t) == "." && t > k + 1)
                });
                // « le chef du Département de l'économie », « le maire de Brest » is a person,
                // not the body or the place: when no person with that title was found, the
                // incise names nobody for sure.
                let person_title = matches!(m.etype, EntityType::ORG | EntityType::LOC)
                    && (k + 1..m.a).any(|t| {
                        lex.titles.get(doc.tok_lower(t)) == Some(&crate::lexicon::TitleKind::Role)
                    });
                if between_ok && person_title {
                    return None;
                }
                // « l'avocat de M. Roux » is not M. Roux.
                let of_person = m.etype == EntityType::PER
                    && (k + 1..m.a)
                        .rev()
                        .find(|&t| {
                            doc.tok(t) != "."
                                && lex.titles.get(doc.tok(t))
                                    != Some(&crate::lexicon::TitleKind::Honorific)
                        })
                        .is_some_and(|t| matches!(doc.tok_lower(t), "de" | "d'" | "du" | "des"));
                if between_ok && m.etype != EntityType::MISC && !of_person {
                    return Some(named(ms, mi));
                }
            }
            if w != "les" {
                if let Some(mi) = described_person(doc, ms, k, lim)
                    .or_else(|| noun_antecedent(doc, ms, k, lim))
                    .or_else(|| redescribed_subject(doc, ms, k, lim))
                {
                    return Some(named(ms, mi));
                }
            }
            let noun = doc.tok_lower(k + 1);
            if lex.speech.get(noun) == Some(&SpeechKind::Noun) {
                // « précise le communiqué du ministère »; « a poursuivi le communiqué »: the
                // previous quote's speaker.
                if k + 3 < lim && matches!(doc.tok_lower(k + 2), "du" | "de" | "des" | "d'") {
                    if let Some((mi, m)) = mentions_in(ms, k + 3, (k + 5).min(lim)).next() {
                        if m.etype != EntityType::MISC {
                            return Some(named(ms, mi));
                        }
                    }
                }
                // (Not « la déclaration commune »: a joint text is no single speaker's.)
                let joint = k + 2 < lim
                    && matches!(
                        doc.tok_lower(k + 2),
                        "commune" | "communes" | "conjointe" | "conjointes" | "conjoint"
                    );
                if let Some(p) = prev.filter(|p| p.speaker_text.is_some() && !joint) {
                    return Some(Who::Named(p.speaker, p.speaker_text.clone()?));
                }
                if !joint {
                    if let Some(mi) = document_holder(doc, ms, k, noun) {
                        return Some(named(ms, mi));
                    }
                }
            }
            if let Some(mi) = org_antecedent(doc, ms, k) {
                return Some(named(ms, mi));
            }
            return Some(Who::Unnamed);
        }
        if plural_role_end(doc, k, lim).is_some() {
            return Some(group_who(doc, ms, k));
        }
        if (is_indefinite_det(w) || matches!(w, "son" | "sa" | "ses" | "leur" | "leurs"))
            && k + 1 < lim
            && doc.is_word(k + 1)
        {
            // « son avocat Me Paul Sy », « un habitant, Marc Roux »: named after all.
            if let Some(mi) = described_person(doc, ms, k, lim) {
                return Some(named(ms, mi));
            }
            return Some(Who::Unnamed);
        }
        // A name the entity recogniser missed (« a déclaré Jean Tremblay »).
        if let Some(t) = unknown_name(doc, k, lim) {
            return Some(Who::Named(None, t));
        }
        if lex
            .speech
            .get(w)
            .is_some_and(|s| matches!(s, SpeechKind::Speech | SpeechKind::Aux))
            || is_faire(w)
            || is_faire_idiom(w)
            || is_semi_aux(w)
            || matches!(w, "," | "mis" | "met" | "garde")
            || (w == "à" && k + 1 < lim && is_speech_verb(doc, k + 1))
        {
            k += 1;
            continue;
        }
        let n = skippable(doc, k, lim).max(circumstance(doc, ms, k, lim));
        if n > 0 {
            k += n;
            continue;
        }
        break;
    }
    None
}

/// After « peut-on (lire) »: « sur la page Facebook de X », « dans le communiqué du ministère
/// Y »: a place of writing (« sur » / « dans » and a short noun phrase) and « de » with the
/// person or body that wrote it.
fn read_on_page_of(doc: &Doc, ms: &[EMention], from: usize, lim: usize) -> Option<Who> {
    let mut k = from;
    if k < lim && doc.tok_lower(k) == "lire" {
        k += 1;
    }
    if k >= lim || !matches!(doc.tok_lower(k), "sur" | "dans") {
        return None;
    }
    let end = (k + 8).min(lim);
    let d = (k + 1..end).find(|&t| matches!(doc.tok_lower(t), "de" | "d'" | "du"))?;
    let (mi, m) = mentions_in(ms, d + 1, (d + 3).min(lim))
        .next()
        .filter(|(_, m)| matches!(m.etype, EntityType::PER | EntityType::ORG))?;
    (m.a <= d + 2).then(|| named(ms, mi))
}

/// A person named right after a descriptive noun phrase that starts with the determiner at `k`
/// (« le sondeur Marc Roux », « la présidente du groupe socialiste Anne Roux », « son avocat
/// Me Paul Sy », « un habitant du village, Marc Roux »): nouns and adjectives of no title list,
/// « de » complements (an organisation or place among them), then the name, or a comma and the
/// name. A preposition, a verb of speech, a capitalised word or a comma not followed by a
/// person ends the phrase without a name.
fn described_person(doc: &Doc, ms: &[EMention], k: usize, lim: usize) -> Option<usize> {
    let lex = lexicons();
    let end = (k + 10).min(lim);
    let mut t = k + 1;
    while t < end {
        if let Some((mi, m)) = mentions_in(ms, t, t + 1).next() {
            if is_honorific_mention(doc, m) {
                t = m.b;
                continue;
            }
            match m.etype {
                // Not the person of a « de » complement (« l'avocat de Marc Roux »), nor one an
                // indefinite phrase runs into (« un couple de retraités de X »): only a name in
                // apposition, after a comma, names an indefinite phrase's person.
                EntityType::PER => {
                    let mut p = t;
                    while p > k + 1
                        && (doc.tok(p - 1) == "."
                            || lex.titles.get(doc.tok(p - 1))
                                == Some(&crate::lexicon::TitleKind::Honorific))
                    {
                        p -= 1;
                    }
                    let de = matches!(doc.tok_lower(p - 1), "de" | "d'" | "du" | "des");
                    return (t > k + 1 && !de && !is_indefinite_det(doc.tok_lower(k)))
                        .then_some(mi);
                }
                EntityType::ORG | EntityType::LOC => {
                    t = m.b;
                    continue;
                }
                _ => return None,
            }
        }
        let w = doc.tok_lower(t);
        if w == "," {
            return mentions_in(ms, t + 1, t + 2)
                .next()
                .filter(|(_, m)| m.etype == EntityType::PER && !is_honorific_mention(doc, m))
                .map(|(mi, _)| mi)
                .filter(|_| t > k + 1);
        }
        // « le général à la retraite X », « le rédacteur en chef X ».
        if let Some(n) = [
            &["à", "la", "retraite"][..],
            &["en", "retraite"],
            &["en", "chef"],
        ]
        .iter()
        .find(|p| (0..p.len()).all(|i| t + i < end && doc.tok_lower(t + i) == p[i]))
        .map(|p| p.len())
        {
            t += n;
            continue;
        }
        let honorific = lex.titles.get(doc.tok(t)) == Some(&crate::lexicon::TitleKind::Honorific);
        // « un porte-parole des Affaires étrangères iranien, X »: a capitalised portfolio word.
        let portfolio = doc.is_word(t) && doc.is_cap(t) && t > k + 1 && lex.title_words.contains(w);
        let ok = honorific
            || portfolio
            || (w == "." && t > k + 1 && lex.titles.contains_key(doc.tok(t - 1)))
            || (doc.is_word(t)
                && !doc.is_cap(t)
                && !lex.speech.contains_key(w)
                && !matches!(w, "qui" | "que" | "qu'" | "dont" | "et" | "ou" | "mais")
                && (!PREPOSITIONS.contains(&w) || matches!(w, "de" | "d'" | "du" | "des"))
                || matches!(w, "la" | "le" | "l'" | "les"));
        if !ok {
            return None;
        }
        t += 1;
    }
    None
}

/// The age span (in years) an age noun names (« le quadragénaire »: 40 to 49).
fn age_noun(w: &str) -> Option<(u32, u32)> {
    let stem = w.strip_suffix('s').unwrap_or(w);
    Some(match stem {
        "vingtenaire" => (20, 29),
        "trentenaire" => (30, 39),
        "quadragénaire" | "quadra" => (40, 49),
        "quinquagénaire" | "quinqua" => (50, 59),
        "sexagénaire" | "sexa" => (60, 69),
        "septuagénaire" | "septua" => (70, 79),
        "octogénaire" => (80, 89),
        "nonagénaire" => (90, 99),
        "centenaire" => (100, 120),
        _ => return None,
    })
}

/// Does an age within `span` follow mention `m` (« Marc Roux, 45 ans », « Anne Roux, une
/// retraitée de 72 ans »)?
fn age_after(doc: &Doc, m: &EMention, span: (u32, u32)) -> bool {
    let s_end = doc.seg.sentences[doc.tokens()[m.a].sent()].tokens.end;
    (m.b..(m.b + 7).min(s_end)).any(|t| {
        t + 1 < s_end
            && doc.tok_lower(t + 1) == "ans"
            && doc
                .tok(t)
                .parse::<u32>()
                .is_ok_and(|n| n >= span.0 && n <= span.1)
    })
}

/// The person a definite noun phrase at `k` (« le rappeur », « l'humoriste », « la danseuse »,
/// « le quadragénaire ») refers back to when its noun is no title: the latest person the text
/// introduced with that same noun (« le rappeur Marc Roux », « Marc Roux, rappeur de 28 ans »),
/// or, for an age noun, given an age in that span (« Marc Roux, 45 ans »). Within the last few
/// paragraphs; None when nobody was so introduced.
fn noun_antecedent(doc: &Doc, ms: &[EMention], k: usize, lim: usize) -> Option<usize> {
    let lex = lexicons();
    let h = k + 1;
    if h >= lim || !doc.is_word(h) || doc.is_cap(h) {
        return None;
    }
    let noun = doc.tok_lower(h);
    // Titles are the role phrases' ([`resolve_role_np`]): « le ministre » is not « le Premier
    // ministre X ».
    if lex.function_words.contains(noun)
        || lex.speech.contains_key(noun)
        || lex.titles.contains_key(noun)
        || noun.len() < 4
    {
        return None;
    }
    let age = age_noun(noun);
    let sent = doc.tokens()[k].sent();
    let first_sent = sent.saturating_sub(8);
    let end = ms.partition_point(|m| m.a < k);
    let lo = end.saturating_sub(ROLE_WINDOW);
    for mi in (lo..end).rev() {
        let m = &ms[mi];
        if doc.tokens()[m.a].sent() < first_sent {
            break;
        }
        if m.etype != EntityType::PER || is_honorific_mention(doc, m) || in_quote_tok(doc, m.a) {
            continue;
        }
        if let Some(span) = age {
            if age_after(doc, m, span) {
                return Some(mi);
            }
            continue;
        }
        let s = &doc.seg.sentences[doc.tokens()[m.a].sent()].tokens;
        let is_noun = |t: usize| t >= s.start && t < s.end && doc.tok_lower(t) == noun;
        // « le rappeur Marc Roux », « du rappeur français Marc Roux »: the noun right before
        // the name, or before one adjective.
        let before = is_noun(m.a.wrapping_sub(1))
            || (m.a >= 2
                && is_noun(m.a - 2)
                && doc.is_word(m.a - 1)
                && !doc.is_cap(m.a - 1)
                && !is_role_glue(doc.tok_lower(m.a - 1)));
        // « Marc Roux, rappeur de 28 ans », « Marc Roux, un rappeur … », « Marc Roux, 28 ans,
        // rappeur »: the noun opening the apposition.
        let after = m.b < s.end
            && doc.tok(m.b) == ","
            && (is_noun(m.b + 1)
                || (matches!(doc.tok_lower(m.b + 1), "un" | "une" | "le" | "la" | "l'")
                    && is_noun(m.b + 2))
                || (m.b + 4 < s.end
                    && doc.tok_lower(m.b + 2) == "ans"
                    && doc.tok(m.b + 3) == ","
                    && is_noun(m.b + 4)));
        if before || after {
            return Some(mi);
        }
    }
    recent_person_of_gender(doc, ms, k, lim)
}

/// « X prend ses distances : « … », tranche la cofondatrice du mouvement »: a singular definite
/// phrase after the verb that no rule resolved re-describes the person subject of the same
/// sentence, before the quote (outside quotation marks, of the article's gender). Only a
/// person-like head noun (a title or a profession, not « le communiqué », « la préfecture »).
fn redescribed_subject(doc: &Doc, ms: &[EMention], k: usize, lim: usize) -> Option<usize> {
    let lex = lexicons();
    let head = doc.tok_lower(k + 1);
    let head = if matches!(head, "ancien" | "ancienne" | "jeune") && k + 2 < lim {
        doc.tok_lower(k + 2)
    } else {
        head
    };
    if lex.titles.get(head) != Some(&crate::lexicon::TitleKind::Role) {
        return None;
    }
    let g = match doc.tok_lower(k) {
        "le" => Some(Gender::M),
        "la" => Some(Gender::F),
        _ => word_gender(head),
    };
    let sent = doc.tokens()[k].sent();
    let ok = |mi: usize, t: usize| {
        !in_quote_tok(doc, t) && g.is_none_or(|g| person_gender(doc, ms, mi).is_none_or(|h| h == g))
    };
    sentence_subject_where(doc, ms, sent, k, &ok)
}

/// « la jeune femme », « le jeune homme », « l'homme », « le danseur de 28 ans »: a plain
/// person noun (or a noun with an age) names the latest person of that gender named in this
/// sentence or the two before (not inside a quote); None when the gender is unknown or nobody
/// fits.
fn recent_person_of_gender(doc: &Doc, ms: &[EMention], k: usize, lim: usize) -> Option<usize> {
    let at = |t: usize| if t < lim { doc.tok_lower(t) } else { "" };
    let (art, n1, n2) = (at(k), at(k + 1), at(k + 2));
    let person = match (n1, n2) {
        ("jeune", "femme" | "fille") | ("femme", _) => Some(Gender::F),
        ("jeune", "homme") | ("homme", _) => Some(Gender::M),
        _ => None,
    };
    // « le danseur de 28 ans »: a noun with an age, the article telling the gender.
    let aged = person.is_none()
        && matches!(n2, "de" | "d'")
        && doc.tok(k + 3).parse::<u32>().is_ok()
        && at(k + 4) == "ans";
    let g = match art {
        _ if person.is_some() => person?,
        "le" if aged => Gender::M,
        "la" if aged => Gender::F,
        _ => return None,
    };
    let sent = doc.tokens()[k].sent();
    let end = ms.partition_point(|m| m.a < k);
    for mi in (end.saturating_sub(ROLE_WINDOW)..end).rev() {
        let m = &ms[mi];
        if doc.tokens()[m.a].sent() + 2 < sent {
            break;
        }
        if m.etype != EntityType::PER || is_honorific_mention(doc, m) || in_quote_tok(doc, m.a) {
            continue;
        }
        // (A noun with an age is not someone the text gave another title: « le chanteur X ».)
        if person_gender(doc, ms, mi) == Some(g) && !(aged && m.role.is_some()) {
            return Some(mi);
        }
    }
    None
}

/// « « … », a dit X. « … », a-t-il ajouté »: an inverted singular pronoun at `k` goes on with
/// the previous quote's speaker when that quote ends in this sentence or the one before, the
/// gender fits, and no other person is the subject of this sentence outside quotes (« pour X,
/// « … ». « … », a-t-il témoigné » is X, not a person named further back).
fn continued_speaker(doc: &Doc, ms: &[EMention], k: usize, prev: Option<&QuoteAnn>) -> Option<Who> {
    let (g, plural) = pronoun_of(doc.tok_lower(k))?;
    let p = prev?;
    let sp = p.speaker.filter(|&sp| ms[sp].etype == EntityType::PER)?;
    let cur = doc.tokens()[k].sent();
    if doc.tokens()[p.b.saturating_sub(1)].sent() + 1 < cur || plural {
        return None;
    }
    if person_gender(doc, ms, sp).is_some_and(|h| h != g) {
        return None;
    }
    let start = doc.seg.sentences[cur].tokens.start.max(p.b);
    let other = mentions_in(ms, start, k).any(|(mi, m)| {
        m.etype == EntityType::PER
            && ms[mi].canonical != ms[sp].canonical
            && !in_quote_tok(doc, m.a)
            && !governed(doc, m)
    });
    (!other).then(|| named(ms, sp))
}

/// Days, months and time words of « a déclaré mardi soir », « a-t-il dit le 3 mars ».
fn is_time_word(doc: &Doc, k: usize) -> bool {
    let w = doc.tok_lower(k);
    !doc.is_word(k) && doc.tok(k).chars().all(|c| c.is_ascii_digit())
        || matches!(
            w,
            "lundi"
                | "mardi"
                | "mercredi"
                | "jeudi"
                | "vendredi"
                | "samedi"
                | "dimanche"
                | "hier"
                | "matin"
                | "soir"
                | "midi"
                | "après-midi"
                | "aujourd'"
                | "hui"
                | "dernier"
                | "dernière"
                | "janvier"
                | "février"
                | "mars"
                | "avril"
                | "mai"
                | "juin"
                | "juillet"
                | "août"
                | "septembre"
                | "octobre"
                | "novembre"
                | "décembre"
        )
}

/// A time phrase of a determiner and a time noun (« ce week-end », « cette semaine », « la
/// semaine dernière », « dès la veille », « ce matin-là »): its number of tokens, or 0.
fn time_phrase(doc: &Doc, k: usize, lim: usize) -> usize {
    let at = |t: usize| if t < lim { doc.tok_lower(t) } else { "" };
    let mut j = k;
    if matches!(at(j), "dès" | "encore" | "déjà") {
        j += 1;
    }
    if !matches!(at(j), "ce" | "cet" | "cette" | "la" | "le" | "l'") {
        return 0;
    }
    j += 1;
    let noun = at(j);
    let noun = noun.strip_suffix("-là").unwrap_or(noun);
    if !matches!(
        noun,
        "week-end"
            | "weekend"
            | "semaine"
            | "mois"
            | "année"
            | "matin"
            | "matinée"
            | "soir"
            | "soirée"
            | "nuit"
            | "jour"
            | "veille"
            | "lendemain"
            | "printemps"
            | "été"
            | "automne"
            | "hiver"
    ) {
        return 0;
    }
    j += 1;
    if matches!(at(j), "dernier" | "dernière" | "passé" | "passée" | "même") {
        j += 1;
    }
    j - k
}

/// A circumstance between an inverted speech verb and its subject (« mardi soir », « à l'AFP »,
/// « sur TF1 », « lors d'une conférence de presse », « devant les députés »): its number of
/// tokens, or 0.
fn circumstance(doc: &Doc, ms: &[EMention], k: usize, lim: usize) -> usize {
    if is_time_word(doc, k) {
        return 1;
    }
    let n = time_phrase(doc, k, lim);
    if n > 0 {
        return n;
    }
    let w = doc.tok_lower(k);
    if w == "le" && k + 1 < lim && is_time_word(doc, k + 1) {
        return 1;
    }
    if !matches!(
        w,
        "à" | "au"
            | "aux"
            | "devant"
            | "sur"
            | "dans"
            | "lors"
            | "pendant"
            | "depuis"
            | "auprès"
            | "en"
            | "via"
            | "face"
            | "par"
    ) {
        return 0;
    }
    let mut j = k + 1;
    // One noun phrase, then its « de » complements.
    loop {
        while j < lim && matches!(doc.tok_lower(j), "de" | "d'" | "du" | "des" | "à") {
            j += 1;
        }
        while j < lim
            && matches!(
                doc.tok_lower(j),
                "la" | "le"
                    | "l'"
                    | "les"
                    | "un"
                    | "une"
                    | "son"
                    | "sa"
                    | "ses"
                    | "leur"
                    | "leurs"
                    | "ce"
                    | "cette"
                    | "ces"
            )
        {
            j += 1;
        }
        if j >= lim || !doc.is_word(j) {
            return 0;
        }
        if let Some((_, m)) = mentions_in(ms, j, j + 1).next() {
            j = m.b;
        } else {
            j += 1;
            // Adjectives (« à la télévision publique »).
            while j < lim
                && doc.is_word(j)
                && !doc.is_cap(j)
                && !matches!(
                    doc.tok_lower(j),
                    "le" | "la" | "l'" | "les" | "un" | "une" | "de" | "d'" | "du" | "des"
                )
                && !is_indefinite_det(doc.tok_lower(j))
            {
                j += 1;
            }
            // The name in apposition to the noun (« à l'agence RIA Novosti », « à la chaîne
            // RT »): part of the phrase, not the speaker — a body or a title, never a person
            // (« dans un communiqué Paul Roux » would be the speaker).
            if let Some((_, m)) = mentions_in(ms, j, j + 1)
                .next()
                .filter(|(_, m)| m.etype != EntityType::PER)
            {
                if !doc.is_cap(j - 1) {
                    j = m.b;
                }
            }
        }
        if j < lim && matches!(doc.tok_lower(j), "de" | "d'" | "du" | "des") {
            continue;
        }
        return j - k;
    }
}

/// A run of capitalised words at `k` that looks like a person's name the entity recogniser
/// missed: a known given name and one to three more capitalised words, none a function word or
/// a title.
fn unknown_name(doc: &Doc, k: usize, lim: usize) -> Option<String> {
    let lex = lexicons();
    let mut j = k;
    while j < lim && j - k < 4 && doc.is_word(j) && doc.is_cap(j) {
        let w = doc.tok_lower(j);
        if lex.function_words.contains(w) || lex.titles.contains_key(w) {
            break;
        }
        j += 1;
    }
    (j - k >= 2 && lex.firstnames.contains(doc.tok(k)))
        .then(|| doc.slice(doc.tspan(k, j)).to_string())
}

/// Subject of a speech verb at `v` that follows it (« X a déclaré », « X, porte-parole du
/// ministère, a affirmé », « il a ajouté », « le président turc a estimé »). A participle after
/// a comma (« …, ajoutant que ») has the main clause's speaker.
fn subject_before(doc: &Doc, ms: &[EMention], v: usize, prev: Option<&QuoteAnn>) -> Option<Who> {
    let lex = lexicons();
    let s = &doc.seg.sentences[doc.tokens()[v].sent()];
    let start = s.tokens.start;
    // « X, …, disant « … » », and a gerund « X a ouvert la séance en rappelant que « … » ».
    let gerund = v > start
        && (doc.tok_lower(v - 1) == "en"
            || (v > start + 1
                && doc.tok_lower(v - 2) == "en"
                && matches!(doc.tok_lower(v - 1), "lui" | "leur" | "se" | "s'" | "nous")));
    if doc.tok_lower(v).ends_with("ant") && v > start && (doc.tok(v - 1) == "," || gerund) {
        // The main clause's speech verb, else its subject.
        if let Some(k) = (start..v - 1).rev().find(|&k| is_speech_verb(doc, k)) {
            if let Some(who) = verb_who(doc, ms, k, s.tokens.end, prev) {
                return Some(who);
            }
        }
        return sentence_subject_where(doc, ms, doc.tokens()[v].sent(), v, &|mi, t| {
            !in_quote_tok(doc, t) && ms[mi].etype == EntityType::PER
        })
        .map(|m| named(ms, m));
    }
    // Back over auxiliaries, adverbs, clitics and comma-delimited incises to the subject's
    // last token.
    let mut k = v;
    let mut found = None;
    while k > start {
        // « X a pour sa part appelé », « X, de son côté, a déclaré »: back over the phrase.
        if let Some(n) = (2..=3).find(|&n| k >= start + n && skippable(doc, k - n, k) == n) {
            k -= n;
            continue;
        }
        let w = doc.tok_lower(k - 1);
        if lex.speech.get(w) == Some(&SpeechKind::Aux)
            || skippable(doc, k - 1, v) == 1
            || is_faire(w)
            || is_semi_aux(w)
            || matches!(w, "lui" | "leur" | "l'" | "les" | "à")
            // « …, explique l'élu, qui promet « … » »: the relative's antecedent.
            || (w == "qui" && k >= 2)
        {
            k -= 1;
            continue;
        }
        if w == "," {
            // An apposition or incise: back to the comma that opens it.
            let lo = (k - 1).saturating_sub(20).max(start);
            match (lo..k - 1).rev().find(|&j| doc.tok(j) == ",") {
                Some(j) if j > start => {
                    // « La ministre de la Culture, Rachida Dati, a dénoncé »: the name in
                    // apposition; « X, porte-parole du ministère, a déclaré »: the name before
                    // the apposition.
                    // (« L'avocat de la défense, Me Paul Roux, a dénoncé »: an honorific first.)
                    let mut h = j + 1;
                    while h < k - 1
                        && h < j + 4
                        && (lex.titles.get(doc.tok(h))
                            == Some(&crate::lexicon::TitleKind::Honorific)
                            || doc.tok(h) == ".")
                    {
                        h += 1;
                    }
                    if let Some((mi, _)) = mentions_in(ms, h, h + 1)
                        .find(|(_, m)| m.etype == EntityType::PER && m.b + 1 == k)
                    {
                        return Some(named(ms, mi));
                    }
                    k = j;
                    continue;
                }
                _ => break,
            }
        }
        found = Some(k - 1);
        break;
    }
    if let Some(e) = found {
        let w = doc.tok_lower(e);
        if pronoun_of(w).is_some() && w != "lui" {
            return pronoun_who(doc, ms, e);
        }
        // « Ce dernier a affirmé que « … » ».
        if matches!(w, "dernier" | "dernière") && e > start {
            if let Some(mi) = resolve_ce_dernier(doc, ms, e - 1) {
                return Some(named(ms, mi));
            }
        }
        if is_indefinite_pronoun(w) {
            return Some(Who::Unnamed);
        }
        if let Some((mi, m)) = mentions_in(ms, start, e + 1)
            .filter(|(_, m)| m.b == e + 1)
            .last()
        {
            if m.etype != EntityType::MISC && !governed(doc, m) {
                return Some(named(ms, mi));
            }
        }
        // A name the entity recogniser missed (« Jean Tremblay a déclaré »).
        let mut f = e + 1;
        while f > start && e + 1 - f < 4 && doc.is_word(f - 1) && doc.is_cap(f - 1) {
            f -= 1;
        }
        if f <= e {
            if let Some(t) = unknown_name(doc, f, e + 1).filter(|_| f > start) {
                return Some(Who::Named(None, t));
            }
        }
        // A role phrase or a plain noun phrase ending at `e`: find its determiner.
        let lo = e.saturating_sub(12).max(start);
        for t in (lo..=e).rev() {
            let d = doc.tok_lower(t);
            // « Les deux dirigeants », « Les ministres des Affaires étrangères des cinq pays ».
            if plural_role_end(doc, t, e + 1).is_some()
                && (t..=e).all(|j| doc.is_word(j) || doc.tok(j) == "'")
            {
                return Some(group_who(doc, ms, t));
            }
            if matches!(d, "le" | "la" | "l'") || is_counterpart(doc, t) {
                if let Some((mi, end)) = resolve_role_np(doc, ms, t, e + 1) {
                    if end > e || ms[mi].b == e + 1 {
                        return Some(named(ms, mi));
                    }
                }
                if t > start && PREPOSITIONS.contains(&doc.tok_lower(t - 1)) {
                    // A complement inside the phrase (« le locataire de la Maison-Blanche »).
                    continue;
                }
                // « Le camp du candidat a déclaré »: nobody the text names.
                let np_ok = (t + 1..=e).all(|j| doc.is_word(j) || doc.tok(j) == "'");
                if np_ok && e - t <= 6 && !doc.is_cap(t + 1) {
                    return Some(Who::Unnamed);
                }
                break;
            }
            let det_ok = d != "des" || t == start || !doc.is_word(t - 1);
            if is_indefinite_det(d) && det_ok {
                let np_ok = (t + 1..=e).all(|j| doc.is_word(j) || doc.tok(j) == "'");
                if np_ok && e - t <= 6 {
                    return Some(Who::Unnamed);
                }
            }
            if !doc.is_word(t) && doc.tok(t) != "'" {
                break;
            }
        }
    }
    // A verb coordinated with the clause's first (« Le président a reçu X et a salué … »): the
    // clause's subject.
    if found.is_some_and(|e| matches!(doc.tok_lower(e), "et" | "puis" | "mais")) {
        if let Some(who @ Who::Named(..)) = clause_subject(doc, ms, doc.tokens()[v].sent(), v) {
            return Some(who);
        }
    }
    // Otherwise the last person named before the verb outside quotation marks, else the last
    // organisation.
    let before: Vec<(usize, &EMention)> = mentions_in(ms, start, v)
        .filter(|(_, m)| !in_quote_tok(doc, m.a))
        .collect();
    if let Some((k, _)) = before
        .iter()
        .rev()
        .find(|(_, m)| m.etype == EntityType::PER)
    {
        return Some(named(ms, *k));
    }
    before
        .iter()
        .rev()
        .find(|(_, m)| m.etype == EntityType::ORG && !governed(doc, m))
        .map(|(k, _)| named(ms, *k))
}

/// The speaker of speech verb `v`: after it when inverted (« », a déclaré X », « a-t-il dit »,
/// « …, estime X »), else before it.
fn verb_who(
    doc: &Doc,
    ms: &[EMention],
    v: usize,
    lim: usize,
    prev: Option<&QuoteAnn>,
) -> Option<Who> {
    let lex = lexicons();
    let start = doc.seg.sentences[doc.tokens()[v].sent()].tokens.start;
    // Start of the verb group (auxiliaries and adverbs before the participle).
    let mut g = v;
    while g > start {
        let w = doc.tok_lower(g - 1);
        if lex.speech.get(w) == Some(&SpeechKind::Aux)
            || skippable(doc, g - 1, v) == 1
            || is_faire(w)
        {
            g -= 1;
        } else {
            break;
        }
    }
    let inverted = doc.tok(v).contains('-')
        || (g..v).any(|k| doc.tok(k).contains('-'))
        || g == start
        || matches!(doc.tok(g - 1), "," | "»" | "”" | "\"" | "›" | "(")
        // « ce qu'a déclaré X », « les propos que tient X ».
        || matches!(doc.tok_lower(g - 1), "qu'" | "que");
    // « Élise Martin, sénatrice centriste, juge le texte « … » »: the comma closes an apposition
    // to the name that opens the clause, not an inverted incise.
    if g > start + 1 && doc.tok(g - 1) == "," {
        let lo = (g - 1).saturating_sub(12).max(start);
        if let Some(c) = (lo..g - 1).rev().find(|&j| doc.tok(j) == ",") {
            let opens = |a: usize| {
                a == start || matches!(doc.tok(a - 1), "-" | "–" | "—" | "•" | "*" | ":")
            };
            if let Some((mi, _)) = mentions_in(ms, start, c)
                .find(|(_, m)| m.etype == EntityType::PER && m.b == c && opens(m.a))
            {
                return Some(named(ms, mi));
            }
        }
    }
    // « Accusant les États-Unis de se prendre « … », le ministre russe a … »: a participle
    // opening the sentence has the subject of the main clause, after the participial clause
    // (not its object).
    if g == start && v == start {
        let send = doc.seg.sentences[doc.tokens()[v].sent()].tokens.end;
        if let Some(e) = participial_clause_end(doc, ms, start, send) {
            return clause_subject_from(doc, ms, e, send);
        }
    }
    if inverted {
        if let Some(who) = subject_after(doc, ms, g, lim, prev) {
            return Some(who);
        }
    }
    if g == start {
        return None;
    }
    // « comme l'a rappelé X », « ainsi que l'a souligné X »: inverted after « l' ».
    subject_before(doc, ms, v, prev).or_else(|| {
        (doc.tok_lower(g - 1) == "l'")
            .then(|| subject_after(doc, ms, g, lim, prev))
            .flatten()
    })
}

/// A speech verb group (auxiliaries, adverbs, the verb) at `k`, then its subject: the incise of
/// « », a déclaré M. Wang », « », a-t-il ajouté », « », estime le ministre ». Returns the
/// speaker and the verb token.
fn incise_at(
    doc: &Doc,
    ms: &[EMention],
    k: usize,
    lim: usize,
    prev: Option<&QuoteAnn>,
) -> Option<(Who, usize)> {
    // An object clitic opening the incise: « », lui a répondu le maire », « », nous a confié X ».
    let k = if k + 1 < lim
        && matches!(
            doc.tok_lower(k),
            "lui" | "leur" | "nous" | "vous" | "m'" | "me" | "t'" | "te"
        )
        && !doc.tok_lower(k + 1).starts_with([',', '.'])
    {
        k + 1
    } else {
        k
    };
    let mut v = k;
    while v < lim && v < k + 6 {
        let w = doc.tok_lower(v);
        match speech_kind(doc, v) {
            Some(SpeechKind::Speech) => {
                return subject_after(doc, ms, k, lim, prev).map(|who| (who, v));
            }
            Some(SpeechKind::Aux) => {
                v += 1;
                continue;
            }
            _ => {}
        }
        if w.contains("-t-") {
            // « a-t-il » without a listed participle (« a-t-il martelé »).
            return subject_after(doc, ms, k, lim, prev).map(|who| (who, v));
        }
        // « a tenu à préciser », « a mis en garde », « a fait savoir ».
        if is_semi_aux(w)
            || is_faire(w)
            || matches!(w, "à" | "mis" | "met" | "peut-on" | "pouvait-on")
        {
            v += 1;
            continue;
        }
        let n = skippable(doc, v, lim);
        if n == 0 {
            break;
        }
        v += n;
    }
    None
}

/// Verbs (stems) whose object takes a « de » complement (« accuser X de », « qualifier X de »).
const VERBS_WITH_DE: &[&str] = &[
    "accus",
    "qualifi",
    "trait",
    "soupçonn",
    "tax",
    "suspect",
    "remerci",
    "félicit",
    "convainc",
    "menac",
    "blâm",
    "persuad",
    "dissuad",
    "avert",
    "inform",
    "prévenu",
    "prévien",
    "charg",
    "empêch",
    "excus",
    "rend",
    "tien",
    "tenu",
    "jug",
];

/// « l'image d'« une ville à deux vitesses » », « la signature du « nouveau pacte pour
/// l'emploi » », « la formule « … » »: a quoted noun phrase complementing a noun cites a
/// term, a formula or a title that nobody in the text says. Not when the words speak (« nous »,
/// « je »).
fn cited_term(doc: &Doc, open: usize, a: usize, b: usize) -> bool {
    // « la formule « … » », « l'expression « … » », « le principe « … » »: a term cited.
    if open > 0
        && matches!(
            doc.tok_lower(open - 1),
            "formule"
                | "expression"
                | "concept"
                | "notion"
                | "terme"
                | "termes"
                | "mot"
                | "mots"
                | "principe"
                | "doctrine"
                | "appellation"
                | "qualificatif"
                | "étiquette"
        )
    {
        return true;
    }
    // « d' » before a mark is split in two tokens (« d », « ' »).
    let mut p = open;
    if p > 0 && doc.tok(p - 1) == "'" {
        p -= 1;
    }
    if p < 3 || !matches!(doc.tok_lower(p - 1), "de" | "d'" | "du" | "des" | "d") {
        return false;
    }
    let n = p - 2;
    if !doc.is_word(n) || doc.is_cap(n) || lexicons().speech.contains_key(doc.tok_lower(n)) {
        return false;
    }
    let det = |k: usize| {
        matches!(
            doc.tok_lower(k),
            "le" | "la"
                | "l'"
                | "les"
                | "un"
                | "une"
                | "ce"
                | "cet"
                | "cette"
                | "ces"
                | "sa"
                | "son"
                | "ses"
                | "leur"
                | "leurs"
        )
    };
    let d = if det(n - 1) {
        n - 1
    } else if n >= 2 && doc.is_word(n - 1) && det(n - 2) {
        n - 2
    } else {
        return false;
    };
    // « accuse la majorité de « … » », « qualifie cette décision de « … » »: the « de » belongs to
    // the verb, whose subject speaks.
    if d > 0
        && VERBS_WITH_DE
            .iter()
            .any(|v| doc.tok_lower(d - 1).starts_with(v))
    {
        return false;
    }
    // An infinitive clause (« de « mépriser les habitants » ») is words said, not a term.
    let first = doc.tok_lower(a);
    if first.ends_with("er") || first.ends_with("ir") {
        return false;
    }
    let words = (a..b).filter(|&k| doc.is_word(k)).count();
    words <= 15
        && !(a..b).any(|k| {
            matches!(
                doc.tok_lower(k),
                "je" | "j'"
                    | "nous"
                    | "notre"
                    | "nos"
                    | "me"
                    | "m'"
                    | "moi"
                    | "mon"
                    | "ma"
                    | "mes"
                    | "vous"
                    | "votre"
                    | "vos"
                    | "on"
                    | "."
                    | "?"
                    | "!"
            )
        })
}

/// The attribution a sentence makes of reported speech (« X a déclaré que … », « X a ajouté : »):
/// the speaker of its speech verb, or its subject when it ends with a colon.
fn sentence_speaker(doc: &Doc, ms: &[EMention], si: usize) -> Option<Who> {
    let s = &doc.seg.sentences[si];
    let r = s.tokens.clone();
    if let Some(v) = r
        .clone()
        .find(|&k| is_speech_verb(doc, k) && !in_quote_tok(doc, k))
    {
        if let Some(who) = verb_who(doc, ms, v, r.end, None) {
            return Some(who);
        }
    }
    if doc.tok(r.end - 1) == ":" {
        return sentence_subject_where(doc, ms, si, r.end, &|mi, t| {
            !in_quote_tok(doc, t) && ms[mi].etype == EntityType::PER
        })
        .map(|m| named(ms, m));
    }
    None
}

/// The person a question is put to in sentence `si` (« X lui a demandé si … », « on leur a posé
/// la question »): the one « lui » stands for, of either gender.
fn asked_person(doc: &Doc, ms: &[EMention], si: usize) -> Option<Who> {
    let s = &doc.seg.sentences[si];
    let r = s.tokens.clone();
    let k = r.clone().find(|&k| {
        doc.tok_lower(k) == "lui" && !in_quote_tok(doc, k) && {
            let mut v = k + 1;
            while v < r.end && lexicons().speech.get(doc.tok_lower(v)) == Some(&SpeechKind::Aux) {
                v += 1;
            }
            // An indirect question (« demandé si / pourquoi / ce que … »), not a request
            // (« lui a demandé de partir »).
            let question = v + 1 < r.end
                && (doc.tok(r.end - 1) == "?"
                    || matches!(
                        doc.tok_lower(v + 1),
                        "si" | "s'"
                            | "pourquoi"
                            | "comment"
                            | "quand"
                            | "combien"
                            | "où"
                            | "ce"
                            | "quel"
                            | "quelle"
                            | "quels"
                            | "quelles"
                    ));
            v < r.end
                && (doc.tok_lower(v).starts_with("demand") && question
                    || doc.tok_lower(v).starts_with("pos")
                        && v + 2 < r.end
                        && doc.tok_lower(v + 2) == "question")
        }
    })?;
    resolve_pronoun_as(doc, ms, k, None).map(|m| named(ms, m))
}

/// Is full sentence `si` (outside quotation marks) about a named person other than quote `p`'s
/// speaker: its subject in its first words?
fn other_subject(doc: &Doc, ms: &[EMention], si: usize, p: &QuoteAnn) -> bool {
    let s = &doc.seg.sentences[si];
    if s.tokens.len() < 4 || doc.tok(s.tokens.end - 1) != "." || in_quote_tok(doc, s.tokens.start) {
        return false;
    }
    let lim = (s.tokens.start + 12).min(s.tokens.end);
    matches!(
        clause_subject(doc, ms, si, lim),
        Some(Who::Named(Some(m), ref t))
            if ms[m].etype == EntityType::PER && p.speaker_text.as_ref() != Some(t)
    )
}

/// Is block `bi` an item of a list (« - … », « • … »)?
fn is_list_item(doc: &Doc, bi: usize) -> bool {
    let b = &doc.seg.blocks[bi];
    !b.tokens.is_empty() && matches!(doc.tok(b.tokens.start), "-" | "•" | "–" | "—" | "*" | "·")
}

/// The content block before block `bi` (boilerplate passed over), if any.
fn prev_content_block(doc: &Doc, bi: usize) -> Option<usize> {
    (0..bi).rev().find(|&b| !doc.boilerplate_blocks[b])
}

/// Number of characters of the longest gazetteer form (`by_form` key).
fn max_form_chars() -> usize {
    static MAX: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *MAX.get_or_init(|| {
        lexicons()
            .by_form
            .keys()
            .map(|k| k.chars().count())
            .max()
            .unwrap_or(0)
    })
}

/// Is `content`, lower-cased, a gazetteer form? Lower-casing never shortens a text in characters
/// (each character becomes one to three), so a content longer than `max_form` characters (the
/// longest form, [`max_form_chars`]) is not one, and is not lower-cased.
fn is_gazetteer_form(content: &str, max_form: usize) -> bool {
    // At most four bytes per character.
    if content.len() > 4 * max_form || content.chars().count() > max_form {
        return false;
    }
    lexicons().by_form.contains_key(&content.to_lowercase())
}

/// Finds quotes and attributes speakers. `ms` must be sorted by token.
// Out of line (one call per document) so that instruction profiles show the stage.
#[inline(never)]
pub fn find(doc: &Doc, ms: &[EMention]) -> Vec<QuoteAnn> {
    let lex = lexicons();
    let max_form = max_form_chars();
    let mut out: Vec<QuoteAnn> = Vec::new();
    let mut spans: Vec<(NSpan, bool)> = pairs(doc.text()).into_iter().map(|s| (s, false)).collect();
    let continued = continued_paragraphs(doc);
    if !continued.is_empty() {
        spans.extend(continued.into_iter().map(|s| (s, false)));
        // Outer quote first; a pair inside a continued paragraph stays part of it.
        spans.sort_by_key(|s| (s.0.start, std::cmp::Reverse(s.0.end)));
        let mut end = 0;
        spans.retain(|s| {
            let keep = s.0.start >= end;
            if keep {
                end = s.0.end;
            }
            keep
        });
    }
    if let Some(tail) = unclosed_tail(doc.text(), spans.last().map_or(0, |s| s.0.end)) {
        spans.push((tail, true));
    }
    for (span, unclosed) in spans {
        if doc.in_boilerplate(span) {
            continue;
        }
        let r = doc.tokens_in(span);
        if r.is_empty() {
            continue;
        }
        let words = r.clone().filter(|&k| doc.is_word(k)).count();
        if words < 4 {
            continue;
        }
        // A quoted name (gazetteer entry) is not a quotation.
        if is_gazetteer_form(doc.slice(span), max_form) {
            continue;
        }
        let (a, b) = (r.start, r.end);
        // Nor is the title or name a noun introduces (« le film « … » », « une campagne intitulée
        // « … » », « la coalition « … » »).
        if names_a_title(doc, a) {
            continue;
        }
        // Nor is a quoted term of the frame lexicon (« la mentalité de la guerre froide »,
        // « agents de l'étranger »): the marks flag the term, nobody is quoted.
        if lex.frames.longest_at(doc, a, b).is_some_and(|h| h.end == b) {
            continue;
        }
        // The previous quote (a cited term is none).
        let prev = out.iter().rev().find(|q| q.rule.id != "quote:term");
        let (who, rule) = attribute(doc, ms, a, b, unclosed, prev);
        let (speaker, speaker_text) = match who {
            Some(Who::Named(m, t)) => (m, Some(t)),
            _ => (None, None),
        };
        out.push(QuoteAnn {
            span,
            a,
            b,
            speaker,
            speaker_text,
            rule,
        });
    }
    interview_answers(doc, ms, &mut out);
    repeated_quotes(&mut out, doc);
    transcript_quotes(doc, ms, &mut out);
    out
}

/// A quote without speaker whose words are quoted again with a speaker (a headline or chapeau
/// quote the body repeats in full, « « Nous ne vendrons pas » : … » then « « Nous ne vendrons
/// pas. … », a-t-il affirmé »): that speaker.
fn repeated_quotes(out: &mut [QuoteAnn], doc: &Doc) {
    if !out.iter().any(|q| {
        q.speaker_text.is_none() && matches!(q.rule.id.as_ref(), "quote:unknown" | "quote:context")
    }) {
        return;
    }
    // Each quote's words, lower-cased, once (comparing every pair built them again and again:
    // quadratic in the number of quotes), with their count.
    let keys: Vec<(String, usize)> = out
        .iter()
        .map(|q| {
            let k = doc
                .slice(q.span)
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ')
                .flat_map(char::to_lowercase)
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let n = k.split(' ').count();
            (k, n)
        })
        .collect();
    let mut budget: usize = 1 << 20;
    for i in 0..out.len() {
        if out[i].speaker_text.is_some()
            || !matches!(out[i].rule.id.as_ref(), "quote:unknown" | "quote:context")
        {
            continue;
        }
        let ki = &keys[i].0;
        if ki.is_empty() {
            continue;
        }
        // A bound on the pairs compared, for pastes of thousands of quotes with no speaker (a
        // repeated line): a news article has a few dozen quotes, far below it.
        budget = budget.saturating_sub(out.len());
        if budget == 0 {
            break;
        }
        let Some(j) = (0..out.len()).find(|&j| {
            j != i && out[j].speaker_text.is_some() && {
                let (kj, nj) = (&keys[j].0, keys[j].1);
                kj.starts_with(ki.as_str()) || ki.starts_with(kj.as_str()) && nj >= 4
            }
        }) else {
            continue;
        };
        out[i].speaker = out[j].speaker;
        out[i].speaker_text = out[j].speaker_text.clone();
        out[i].rule = Rule::new(
            "quote:repeated",
            "the same words quoted elsewhere with a speaker",
        );
    }
}

/// Is the quote whose content starts at token `a` the title or name of what the word before its
/// mark names (« le film « … » », « son livre « … » », « une opération baptisée « … » »)?
fn names_a_title(doc: &Doc, a: usize) -> bool {
    let open = if a > 0 && matches!(doc.tok(a - 1), "«" | "“" | "„" | "\"" | "‹") {
        a - 1
    } else {
        a
    };
    open > 0
        && matches!(
            doc.tok_lower(open - 1),
            "film"
                | "films"
                | "livre"
                | "livres"
                | "roman"
                | "ouvrage"
                | "essai"
                | "documentaire"
                | "émission"
                | "série"
                | "feuilleton"
                | "chanson"
                | "album"
                | "pièce"
                | "spectacle"
                | "exposition"
                | "tableau"
                | "opéra"
                | "podcast"
                | "rubrique"
                | "chronique"
                | "opération"
                | "slogan"
                | "campagne"
                | "banderole"
                | "banderoles"
                | "pancarte"
                | "pancartes"
                | "affiche"
                | "reportage"
                | "pétition"
                | "manifeste"
                | "devise"
                | "hashtag"
                | "mot-clé"
                | "mot-dièse"
                | "mouvement"
                | "collectif"
                | "association"
                | "coalition"
                | "liste"
                | "label"
                | "festival"
                | "intitulé"
                | "intitulée"
                | "intitulés"
                | "intitulées"
                | "baptisé"
                | "baptisée"
                | "baptisés"
                | "baptisées"
                | "dénommé"
                | "dénommée"
                | "surnommé"
                | "surnommée"
                | "titré"
                | "titrée"
                | "nommé"
                | "nommée"
                | "appelé"
                | "appelée"
        )
}

/// The speaker of the quote of content tokens `a..b` (`unclosed`: cut by the end of the text),
/// and the rule that found it. `prev`: the previous quote.
fn attribute(
    doc: &Doc,
    ms: &[EMention],
    a: usize,
    b: usize,
    unclosed: bool,
    prev: Option<&QuoteAnn>,
) -> (Option<Who>, Rule) {
    let lex = lexicons();
    let n = doc.tokens().len();
    let is_mark = |k: usize| matches!(doc.tok(k), "«" | "“" | "„" | "\"" | "‹");
    // Token of the opening mark (when the mark is a token of its own).
    let open = if a > 0 && is_mark(a - 1) { a - 1 } else { a };
    let osent = doc.tokens()[open].sent();
    let os = &doc.seg.sentences[osent];
    // 0. A quoted term complementing a noun: nobody's words.
    if cited_term(doc, open, a, b) {
        return (
            None,
            Rule::new(
                "quote:term",
                "quoted noun phrase after « de » (a cited term)",
            ),
        );
    }
    let closer = b; // token of the closing mark
    if !unclosed && closer + 1 < n {
        let lim = doc.seg.sentences[doc.tokens()[closer].sent()]
            .tokens
            .end
            .min(n);
        // 1. Speech verb right after the quote: « », a déclaré M. Wang ».
        let mut k = closer + 1;
        while k < lim && matches!(doc.tok(k), "," | "»" | "”" | "\"" | "›") {
            k += 1;
        }
        if let Some((who, v)) = incise_at(doc, ms, k, lim, prev) {
            return (
                Some(who),
                Rule::new(
                    "quote:verb-after",
                    format!("speech verb « {} » after the quote", doc.tok(v)),
                ),
            );
        }
        // A headline « « … » : Xi Jinping met en garde Washington »: the subject after the colon.
        if k < lim && doc.tok(k) == ":" && open == os.tokens.start {
            let mut j = k + 1;
            while j < lim
                && (lex.titles.get(doc.tok(j)) == Some(&crate::lexicon::TitleKind::Honorific)
                    || doc.tok(j) == ".")
            {
                j += 1;
            }
            let who = match mentions_in(ms, j, j + 1).next() {
                Some((mi, m)) if matches!(m.etype, EntityType::PER | EntityType::ORG) => {
                    Some(named(ms, mi))
                }
                _ => resolve_role_np(doc, ms, j, lim).map(|(mi, _)| named(ms, mi)),
            };
            if let Some(who) = who {
                return (
                    Some(who),
                    Rule::new("quote:headline", "the name after the quote and a colon"),
                );
            }
        }
        // « « … » : c'est en ces termes que X a … », « « … », voilà ce qu'a dit X ».
        let kc = if k < lim && doc.tok(k) == ":" {
            k + 1
        } else {
            k
        };
        if let Some(who) = attribution_clause(doc, ms, kc, lim, prev) {
            return (
                Some(who),
                Rule::new("quote:forward", "« c'est ce qu'a dit X » after the quote"),
            );
        }
        // The agent of a passive: « qualifié de « … » par le ministre X ».
        if k < lim && doc.tok_lower(k) == "par" {
            let mut j = k + 1;
            while j < lim
                && (matches!(
                    doc.tok_lower(j),
                    "le" | "la" | "l'" | "les" | "m" | "mme" | "."
                ) || lex.title_words.contains(doc.tok_lower(j))
                    || lex.demonyms.contains_key(doc.tok_lower(j)))
                && j < k + 8
            {
                j += 1;
            }
            let agent = mentions_in(ms, j, j + 1)
                .next()
                .filter(|(_, m)| matches!(m.etype, EntityType::PER | EntityType::ORG))
                .map(|(mi, _)| named(ms, mi))
                .or_else(|| resolve_role_np(doc, ms, k + 1, lim).map(|(mi, _)| named(ms, mi)));
            if let Some(who) = agent {
                return (
                    Some(who),
                    Rule::new(
                        "quote:agent",
                        "« par X » after the quote (agent of a passive)",
                    ),
                );
            }
        }
        // « « … », selon le ministre ».
        let selon = k < lim && doc.tok_lower(k) == "selon";
        let d_apres = k + 1 < lim && doc.tok_lower(k) == "d'" && doc.tok_lower(k + 1) == "après";
        if selon || d_apres {
            let from = if selon { k + 1 } else { k + 2 };
            if let Some(who) = source_np(doc, ms, from, lim, false) {
                return (
                    Some(who),
                    Rule::new("quote:selon", format!("« {} » after the quote", doc.tok(k))),
                );
            }
        }
        // 1b. An incise later in the sentence: « « … » en cas de relèvement, a prévenu X ».
        for c in closer + 1..lim {
            if doc.tok(c) == "," {
                if let Some((who, v)) = incise_at(doc, ms, c + 1, lim, prev) {
                    return (
                        Some(who),
                        Rule::new(
                            "quote:verb-after",
                            format!("speech verb « {} » later in the sentence", doc.tok(v)),
                        ),
                    );
                }
            }
        }
    }
    // 2. An incise inside the quote: « « …, a-t-il expliqué. … » ».
    for c in a..b {
        if doc.tok(c) == "," {
            if let Some((who, v)) = incise_at(doc, ms, c + 1, b, prev) {
                // A place or body after the verb of a clause inside the quote is its object
                // (« c'était le premier pays qui, une semaine après, a reconnu la
                // Confédération »), not the speaker of an incise.
                let place_or_body = matches!(who, Who::Named(Some(m), _)
                    if matches!(ms[m].etype, EntityType::LOC | EntityType::ORG));
                if !matches!(who, Who::Unnamed) && !place_or_body {
                    return (
                        Some(who),
                        Rule::new(
                            "quote:incise",
                            format!("speech verb « {} » in an incise of the quote", doc.tok(v)),
                        ),
                    );
                }
            }
        }
    }
    // 3a. « Le Kremlin a réagi par la voix de Dmitri Peskov : « … » »: the voice is the speaker.
    if let Some(who) = voice_of(doc, ms, os.tokens.start, open) {
        return (
            Some(who),
            Rule::new("quote:verb-before", "« par la voix de X » before the quote"),
        );
    }
    // 3. Speech verb, speech noun or « selon » before the quote in the same sentence. A verb
    // whose subject is no person (« M. Wang a déclaré que la Chine soutenait « … » ») gives way
    // to a person's speech verb before it, whose reported speech the clause is.
    let mut k = open;
    let mut verb_fallback: Option<(Who, usize)> = None;
    let is_person =
        |w: &Who| matches!(w, Who::Named(Some(m), _) if ms[*m].etype == EntityType::PER);
    while k > os.tokens.start {
        k -= 1;
        let w = doc.tok_lower(k);
        match speech_kind(doc, k) {
            Some(SpeechKind::Speech) if !non_finite(doc, k) => {
                match verb_who(doc, ms, k, open, prev) {
                    Some(who) if is_person(&who) || matches!(who, Who::Named(None, _)) => {
                        return (
                            Some(who),
                            Rule::new(
                                "quote:verb-before",
                                format!("speech verb « {} » before the quote", doc.tok(k)),
                            ),
                        );
                    }
                    Some(who) => {
                        verb_fallback.get_or_insert((who, k));
                    }
                    None => {}
                }
                continue;
            }
            Some(SpeechKind::Noun) => {
                // « la déclaration du ministère : « … » »
                if k + 2 < open && matches!(doc.tok_lower(k + 1), "du" | "de" | "des" | "d'") {
                    if let Some((mi, m)) = mentions_in(ms, k + 2, (k + 4).min(open)).next() {
                        if m.etype != EntityType::MISC {
                            return (
                                Some(named(ms, mi)),
                                Rule::new(
                                    "quote:verb-before",
                                    format!("« {} » of a named speaker", doc.tok(k)),
                                ),
                            );
                        }
                    }
                }
                // « Selon un communiqué publié sur le site du Kremlin, « … » »: the
                // document's author.
                if k >= 2 && doc.tok_lower(k - 2) == "selon" {
                    if let Some(who) = document_author(doc, ms, k - 1, open) {
                        return (
                            Some(who),
                            Rule::new(
                                "quote:selon",
                                format!("« selon » a « {} » by its author", doc.tok(k)),
                            ),
                        );
                    }
                }
                // « X a indiqué dans un communiqué qu'elle « … » »: a circumstance of the
                // speech verb before it.
                if k >= 2
                    && doc.tok_lower(k - 2) == "dans"
                    && matches!(doc.tok_lower(k - 1), "un" | "une" | "son" | "sa" | "leur")
                {
                    continue;
                }
                // Otherwise the clause's subject (« X a envoyé un message dans lequel il exprime
                // « … » »).
                break;
            }
            Some(SpeechKind::Source) | None
                if matches!(w, "selon" | "pour")
                    || (w == "après" && k > 0 && doc.tok_lower(k - 1) == "d'") =>
            {
                // « pour X, « … » » only at the start of a clause and before a comma.
                // (« Mais pour X, « … » » too: a conjunction opening the sentence.)
                let opens = |t: usize| {
                    t == os.tokens.start
                        || matches!(
                            doc.tok(t - 1),
                            "," | ":" | "«" | "-" | "–" | "—" | "•" | "*"
                        )
                };
                if w == "pour"
                    && !(opens(k)
                        || (k > os.tokens.start
                            && matches!(doc.tok_lower(k - 1), "mais" | "et" | "or")
                            && opens(k - 1)))
                {
                    continue;
                }
                if let Some(who) = source_np(doc, ms, k + 1, open, w == "pour") {
                    return (
                        Some(who),
                        Rule::new(
                            "quote:selon",
                            format!("« {} » before the quote", doc.tok(k)),
                        ),
                    );
                }
            }
            _ => {}
        }
    }
    if let Some((who, k)) = verb_fallback {
        return (
            Some(who),
            Rule::new(
                "quote:verb-before",
                format!("speech verb « {} » before the quote", doc.tok(k)),
            ),
        );
    }
    // 4. The subject of the sentence that introduces the quote (« Le ministre marocain a salué
    // « … » », « Elle se décrit comme la « … » »).
    if open > os.tokens.start {
        // The subject of the auxiliary nearest before the quote (« Lors de sa visite, où il a
        // rencontré X, Joe Biden a appelé à « … » »), else the clause's first subject.
        let aux = (os.tokens.start + 1..open).rev().find(|&g| {
            lex.speech.get(doc.tok_lower(g)) == Some(&SpeechKind::Aux) && !in_quote_tok(doc, g)
        });
        let by_aux = aux.and_then(|g| match subject_before(doc, ms, g, prev) {
            Some(w) if is_person(&w) => Some(w),
            _ => None,
        });
        if let Some(who) = by_aux.or_else(|| clause_subject(doc, ms, osent, open)) {
            return (
                Some(who),
                Rule::new(
                    "quote:subject",
                    "subject of the sentence introducing the quote",
                ),
            );
        }
    }
    // 5. A quote standing alone, attributed by the next sentence (« « … » C'est ce qu'a déclaré
    // X », « C'est avec ces mots qu'un élu résume … »).
    if open == os.tokens.start && !unclosed {
        if let Some(who) = forward_attribution(doc, ms, open, closer, prev) {
            return (
                Some(who),
                Rule::new("quote:forward", "attributed by the next sentence"),
            );
        }
    }
    // 6. A quote cut by the end of the text: its attribution is cut too, unless the sentence
    // before introduces it (« X a déclaré : » / « « … »).
    if unclosed {
        let intro = osent.checked_sub(1).filter(|&si| {
            let ps = &doc.seg.sentences[si];
            doc.tok(ps.tokens.end - 1) == ":"
                && (ps.block == os.block || Some(ps.block) == prev_content_block(doc, os.block))
        });
        if let Some(who) = intro.and_then(|si| sentence_speaker(doc, ms, si)) {
            return (
                Some(who),
                Rule::new(
                    "quote:context",
                    "introduced by the sentence before (« … : »)",
                ),
            );
        }
        return (
            None,
            Rule::new(
                "quote:cut",
                "quote cut by the end of the text, attribution not given",
            ),
        );
    }
    let block = os.block;
    let standalone = open == os.tokens.start
        || narrative_infinitive(doc, os.tokens.start, open)
        || possessive_label(doc, os.tokens.start, open);
    // 7. A quote standing alone after a question put to someone (« Un journaliste lui a
    // demandé si … « … » »): the answer of the one asked.
    if open == os.tokens.start {
        let asked = osent.checked_sub(1).filter(|&si| {
            let sb = doc.seg.sentences[si].block;
            sb == block || Some(sb) == prev_content_block(doc, block)
        });
        if let Some(who) = asked.and_then(|si| asked_person(doc, ms, si)) {
            return (
                Some(who),
                Rule::new(
                    "quote:context",
                    "answer to the question of the sentence before",
                ),
            );
        }
    }
    // 8. The previous quote's speaker: a quote standing alone (or in the same paragraph)
    // continues the speech of the quote before it, unless someone else speaks in between or
    // a paragraph or list item intervenes.
    if let Some(p) = prev {
        let popen = doc.tokens()[p.a].sent();
        let pblock = doc.seg.sentences[popen].block;
        let adjacent = pblock == block
            || (standalone
                && prev_content_block(doc, block) == Some(pblock)
                && !is_list_item(doc, block)
                && !is_list_item(doc, pblock));
        let psent = doc.tokens()[p.b.min(n - 1)].sent();
        // Someone else speaks in between, or a full sentence in between is about another
        // person (« Dans la salle, la mère d'une victime, X, n'a pas retenu ses larmes. « … » »).
        let other_speaker = (psent + 1..osent).any(|si| {
            sentence_speaker(doc, ms, si)
                .is_some_and(|w| !matches!(&w, Who::Named(m, _) if *m == p.speaker))
                || other_subject(doc, ms, si, p)
        });
        if adjacent && !other_speaker && (standalone || psent + 1 >= osent) {
            match &p.speaker_text {
                Some(t) => {
                    return (
                        Some(Who::Named(p.speaker, t.clone())),
                        Rule::new("quote:continuation", "same speaker as the previous quote"),
                    )
                }
                // A quote of someone unnamed goes on (not one of unknown speaker).
                None if p.rule.id != "quote:unknown" && p.rule.id != "quote:cut" => {
                    return (
                        Some(Who::Unnamed),
                        Rule::new(
                            "quote:continuation",
                            "continues a quote of a speaker the text does not name",
                        ),
                    )
                }
                None => {}
            }
        }
    }
    // 9. The speaker of the sentence before (« X a déclaré : » / « X a affirmé que … »), in
    // the same paragraph, or ending the previous paragraph for a quote that opens its own.
    let before = osent.checked_sub(1).filter(|&si| {
        let sb = doc.seg.sentences[si].block;
        sb == block
            || (standalone
                && Some(sb) == prev_content_block(doc, block)
                && !is_list_item(doc, sb)
                && !is_list_item(doc, block))
    });
    if let Some(si) = before {
        if let Some(who) = sentence_speaker(doc, ms, si) {
            return (
                Some(who),
                Rule::new("quote:context", "speaker of the sentence before the quote"),
            );
        }
        // A quote opening its sentence after a sentence about a person (« X est resté prudent.
        // « … » »): that person, the subject of the sentence (a full sentence, not a caption).
        let ps = &doc.seg.sentences[si];
        let full = doc.tok(ps.tokens.end - 1) == "." && ps.tokens.len() >= 4;
        if standalone && full {
            let lim = (ps.tokens.start + 12).min(ps.tokens.end);
            if let Some(who @ Who::Named(..)) = clause_subject(doc, ms, si, lim) {
                return (
                    Some(who),
                    Rule::new("quote:context", "subject of the sentence before the quote"),
                );
            }
        }
    }
    (
        None,
        Rule::new("quote:unknown", "quotation marks, speaker unknown"),
    )
}

/// The source after « selon », « d'après » or « pour » at `from..lim`: a person or body named
/// (« selon le ministre turc », « selon lui », « selon l'agence Tass »), or someone unnamed
/// (« selon des médias », « selon nos informations », « selon une source »). `pour`: the noun
/// phrase must end at a comma.
fn source_np(doc: &Doc, ms: &[EMention], from: usize, lim: usize, pour: bool) -> Option<Who> {
    if from >= lim {
        return None;
    }
    // The noun phrase: up to a comma or the quote (at most 12 tokens).
    let np_end = (from..lim.min(from + 12))
        .find(|&k| matches!(doc.tok(k), "," | ":" | "«" | "“" | "\""))
        .unwrap_or(lim.min(from + 12));
    if pour && doc.tok(np_end.min(lim - 1)) != "," {
        return None;
    }
    let w = doc.tok_lower(from);
    if pronoun_of(w).is_some() {
        return pronoun_who(doc, ms, from);
    }
    // (A role phrase may be followed by its holder's name in apposition: « selon le porte-parole,
    // Nasser Kanaani, « … » ».)
    if let Some((mi, _)) = resolve_role_np(doc, ms, from, lim) {
        return Some(named(ms, mi));
    }
    let lex = lexicons();
    // The first entity of the phrase, when only articles, titles and honorifics come before it.
    if let Some((mi, m)) = mentions_in(ms, from, np_end).next() {
        let lead_ok = (from..m.a).all(|t| {
            let x = doc.tok_lower(t);
            matches!(x, "le" | "la" | "l'" | "les" | "." | "m" | "mme")
                || lex.title_words.contains(x)
                || lex.demonyms.contains_key(x)
                || lex.titles.contains_key(x)
                || lex.speech.get(x) == Some(&SpeechKind::Noun)
                || matches!(
                    x,
                    "de" | "du" | "des" | "d'" | "mots" | "termes" | "paroles"
                )
                // « selon le quotidien Le Monde », « selon l'ONG X »: a noun typing the source.
                || matches!(
                    x,
                    "quotidien"
                        | "journal"
                        | "hebdomadaire"
                        | "magazine"
                        | "agence"
                        | "chaîne"
                        | "radio"
                        | "média"
                        | "site"
                        | "ong"
                        | "organisation"
                        | "institut"
                        | "cabinet"
                        | "syndicat"
                        | "parti"
                )
        });
        if lead_ok && m.etype != EntityType::MISC {
            return Some(named(ms, mi));
        }
    }
    if pour {
        return None;
    }
    // « selon un communiqué publié sur le site du Kremlin », « selon une déclaration diffusée
    // par le ministère X »: a document whose author the phrase names — the body or person of
    // its « de » / « par » complement.
    if let Some(who) = document_author(doc, ms, from, np_end) {
        return Some(who);
    }
    // Anyone else: a source the text does not name.
    doc.is_word(from).then_some(Who::Unnamed)
}

/// At `from..end`, an article and a speech-event noun (« un communiqué », « la déclaration
/// commune »), then, within the phrase, a body or person introduced by « de » / « du » / « par »
/// (« publié sur le site du Kremlin », « de la présidence X »): that author.
fn document_author(doc: &Doc, ms: &[EMention], from: usize, end: usize) -> Option<Who> {
    let lex = lexicons();
    let end = (from..end)
        .find(|&k| matches!(doc.tok(k), "," | ":" | "«" | "“" | "\""))
        .unwrap_or(end);
    if !matches!(
        doc.tok_lower(from),
        "un" | "une" | "le" | "la" | "l'" | "les" | "des" | "ce" | "cette"
    ) || from + 1 >= end
        || lex.speech.get(doc.tok_lower(from + 1)) != Some(&SpeechKind::Noun)
    {
        return None;
    }
    let (mi, _) = mentions_in(ms, from + 2, end).find(|(_, m)| {
        m.etype != EntityType::MISC
            && m.a > from
            && (matches!(doc.tok_lower(m.a - 1), "de" | "d'" | "du" | "des" | "par")
                || (m.a > from + 1
                    && matches!(doc.tok_lower(m.a - 1), "le" | "la" | "l'" | "les")
                    && matches!(doc.tok_lower(m.a - 2), "de" | "par")))
    })?;
    Some(named(ms, mi))
}

/// The subject of the clause that introduces a quote at `open` in sentence `si`: a person named
/// as subject, a role phrase naming one, or a personal pronoun, whichever comes first.
fn clause_subject(doc: &Doc, ms: &[EMention], si: usize, open: usize) -> Option<Who> {
    let s = &doc.seg.sentences[si];
    let mut mi = ms.partition_point(|m| m.a < s.tokens.start);
    let mut t = s.tokens.start;
    while t < open {
        while ms.get(mi).is_some_and(|m| m.a < t) {
            mi += 1;
        }
        if in_quote_tok(doc, t) {
            t += 1;
            continue;
        }
        if let Some(m) = ms.get(mi).filter(|m| m.a == t) {
            if m.etype == EntityType::PER && !governed(doc, m) {
                return Some(named(ms, mi));
            }
            t = m.b.max(t + 1);
            continue;
        }
        let w = doc.tok_lower(t);
        if (matches!(w, "le" | "la" | "l'") || is_counterpart(doc, t))
            && !(t > s.tokens.start && PREPOSITIONS.contains(&doc.tok_lower(t - 1)))
        {
            if let Some((m, e)) = resolve_role_np(doc, ms, t, open) {
                let _ = e;
                return Some(named(ms, m));
            }
        }
        if matches!(w, "il" | "elle") && !impersonal(doc, t) {
            return pronoun_who(doc, ms, t);
        }
        // « Ce dernier a promis « … » », « L'intéressé a promis « … » ».
        if matches!(w, "ce" | "cette" | "l'" | "le" | "la")
            && !(t > s.tokens.start && PREPOSITIONS.contains(&doc.tok_lower(t - 1)))
        {
            if let Some(mi) = resolve_ce_dernier(doc, ms, t) {
                return Some(named(ms, mi));
            }
        }
        // « Ses partisans répètent que « … » »: supporters speak for no one named.
        if matches!(w, "ses" | "leurs")
            && t + 1 < open
            && matches!(
                doc.tok_lower(t + 1),
                "partisans" | "soutiens" | "sympathisants" | "militants" | "électeurs"
            )
            && !(t > s.tokens.start && PREPOSITIONS.contains(&doc.tok_lower(t - 1)))
        {
            return Some(Who::Unnamed);
        }
        // « Ils sont convaincus que « … » » after « le camp de X »: X's group speaks.
        if matches!(w, "ils" | "elles") {
            if let who @ Who::Named(..) = group_who(doc, ms, t) {
                return Some(who);
            }
            if let Some(mi) = group_leader(doc, ms, t) {
                return Some(named(ms, mi));
            }
        }
        t += 1;
    }
    None
}

/// The subject opening a main clause at `from` (within a few words): a person not governed by a
/// preposition, a role phrase, or « il »/« elle ».
fn clause_subject_from(doc: &Doc, ms: &[EMention], from: usize, lim: usize) -> Option<Who> {
    let end = lim.min(from + 14);
    let mut t = from;
    while t < end {
        if in_quote_tok(doc, t) {
            return None;
        }
        if let Some((mi, m)) = mentions_in(ms, t, t + 1).next() {
            if m.etype == EntityType::PER && !governed(doc, m) {
                return Some(named(ms, mi));
            }
            t = m.b.max(t + 1);
            continue;
        }
        let w = doc.tok_lower(t);
        if matches!(w, "le" | "la" | "l'") {
            if let Some((mi, _)) = resolve_role_np(doc, ms, t, lim) {
                return Some(named(ms, mi));
            }
        }
        if matches!(w, "il" | "elle") && !impersonal(doc, t) {
            return pronoun_who(doc, ms, t);
        }
        if lexicons().speech.contains_key(w) {
            return None;
        }
        t += 1;
    }
    None
}

/// « Dans un communiqué publié lundi, le ministère a dénoncé les sanctions. « … », précise le
/// communiqué »: a document noun (`noun`, at `k + 1`) refers back to the document of that name
/// in this sentence or the two before, whose author is that sentence's subject (the first
/// person or body not governed by a preposition, outside quotes).
fn document_holder(doc: &Doc, ms: &[EMention], k: usize, noun: &str) -> Option<usize> {
    let sent = doc.tokens()[k].sent();
    for si in (sent.saturating_sub(2)..=sent).rev() {
        let s = &doc.seg.sentences[si];
        let hi = if si == sent { k } else { s.tokens.end };
        let named_there =
            (s.tokens.start..hi).any(|t| doc.tok_lower(t) == noun && !in_quote_tok(doc, t));
        if !named_there {
            continue;
        }
        return mentions_in(ms, s.tokens.start, hi)
            .find(|(_, m)| {
                matches!(m.etype, EntityType::PER | EntityType::ORG)
                    && !governed(doc, m)
                    && !in_quote_tok(doc, m.a)
            })
            .map(|(mi, _)| mi);
    }
    None
}

/// « par la voix de X », « par l'intermédiaire de X », « par la bouche de X » in `from..open`: the
/// person named (or the role phrase) after it.
fn voice_of(doc: &Doc, ms: &[EMention], from: usize, open: usize) -> Option<Who> {
    let mut k = from;
    while k + 4 < open {
        if doc.tok_lower(k) == "par"
            && matches!(doc.tok_lower(k + 1), "la" | "l'")
            && matches!(doc.tok_lower(k + 2), "voix" | "intermédiaire" | "bouche")
            && matches!(doc.tok_lower(k + 3), "de" | "du" | "d'")
            && !in_quote_tok(doc, k)
        {
            let j = k + 4;
            if let Some((mi, _)) =
                mentions_in(ms, j, open).find(|(_, m)| m.etype == EntityType::PER && m.a <= j + 6)
            {
                return Some(named(ms, mi));
            }
            let j = if doc.tok_lower(k + 3) == "de" {
                k + 3
            } else {
                j
            };
            return resolve_role_np(doc, ms, j, open).map(|(mi, _)| named(ms, mi));
        }
        k += 1;
    }
    None
}

/// « son homologue », « sa homologue »: a possessive opening a counterpart's role phrase.
fn is_counterpart(doc: &Doc, t: usize) -> bool {
    matches!(doc.tok_lower(t), "son" | "sa" | "leur")
        && t + 1 < doc.tokens().len()
        && doc.tok_lower(t + 1).starts_with("homologue")
}

/// « Et d'ajouter : « … » », « Et de conclure « … » », « Et de rappeler la situation : « … » »,
/// « Et le syndicaliste de rappeler : « … » »: a narrative infinitive opening the sentence
/// before the quote (after « et » and a definite noun phrase at most), which goes on with the
/// speaker before it.
fn narrative_infinitive(doc: &Doc, start: usize, open: usize) -> bool {
    if open <= start + 2 || doc.tok_lower(start) != "et" {
        return false;
    }
    let np = matches!(
        doc.tok_lower(start + 1),
        "le" | "la" | "l'" | "notre" | "cette" | "ce"
    );
    let lim = if np {
        (start + 10).min(open)
    } else {
        start + 2
    };
    let Some(d) = (start + 1..lim)
        .find(|&t| matches!(doc.tok_lower(t), "de" | "d'") && is_speech_verb(doc, t + 1))
    else {
        return false;
    };
    // The infinitive's complement before the quote: a few words, no clause of its own.
    open <= d + 10
        && (d + 2..open).all(|t| {
            !matches!(doc.tok_lower(t), "." | "«" | "»" | "qui" | "dont")
                && lexicons().speech.get(doc.tok_lower(t)) != Some(&SpeechKind::Aux)
        })
}

/// « Son analyse : « … » », « Sa réponse : « … » », « Leur constat : « … » »: a possessive and a
/// noun (an adjective at most) then a colon open the sentence; the quote stands alone and
/// belongs to the person the text is about.
fn possessive_label(doc: &Doc, start: usize, open: usize) -> bool {
    open >= start + 3
        && open <= start + 4
        && matches!(doc.tok_lower(start), "son" | "sa" | "leur")
        && doc.tok(open - 1) == ":"
        && (start + 1..open - 1).all(|t| doc.is_word(t) && !doc.is_cap(t))
}

/// « Il faut », « il s'agit », « il est » …: an impersonal « il » (no speaker).
fn impersonal(doc: &Doc, t: usize) -> bool {
    t + 1 < doc.tokens().len()
        && matches!(
            doc.tok_lower(t + 1),
            "faut"
                | "fallait"
                | "faudra"
                | "faudrait"
                | "s'"
                | "est"
                | "était"
                | "sera"
                | "serait"
                | "y"
                | "reste"
                | "semble"
                | "convient"
                | "suffit"
                | "paraît"
                | "importe"
                | "vaut"
        )
}

/// A quote standing alone as a sentence, attributed by the next sentence of its paragraph:
/// « C'est ce qu'a déclaré X », « C'est avec ces mots qu'un élu résume … », « Ainsi
/// s'exprime X »; for a quote opening its paragraph, the person the next sentence is about.
fn forward_attribution(
    doc: &Doc,
    ms: &[EMention],
    open: usize,
    closer: usize,
    prev: Option<&QuoteAnn>,
) -> Option<Who> {
    let n = doc.tokens().len();
    let mut k = closer + 1;
    if k >= n {
        return None;
    }
    let cs = doc.tokens()[closer].sent();
    // The next sentence, in the same paragraph.
    if doc.tokens()[k].sent() == cs {
        // The quote is followed by more of its sentence: not alone.
        while k < n && doc.tokens()[k].sent() == cs {
            if doc.is_word(k) {
                return None;
            }
            k += 1;
        }
    }
    if k >= n || doc.seg.sentences[doc.tokens()[k].sent()].block != doc.seg.sentences[cs].block {
        return None;
    }
    let nsi = doc.tokens()[k].sent();
    let ns = &doc.seg.sentences[nsi];
    if let Some(who) = attribution_clause(doc, ms, k, ns.tokens.end, prev) {
        return Some(who);
    }
    // A quote opening its paragraph, then a full sentence (without quotation of its own) about a
    // person named in its first words: the quote is introduced by its speaker after it
    // (« « On a tout perdu. » Devant sa maison, Anne Roux, 74 ans, retient ses larmes. »).
    let block = &doc.seg.blocks[doc.seg.sentences[cs].block];
    let opens_block = (block.tokens.start..open).all(|t| !doc.is_word(t));
    let has_quote =
        (ns.tokens.start..ns.tokens.end).any(|t| matches!(doc.tok(t), "«" | "“" | "„" | "\""));
    if !opens_block || has_quote || doc.tok(ns.tokens.end - 1) != "." || ns.tokens.len() < 5 {
        return None;
    }
    let lim = (ns.tokens.start + 14).min(ns.tokens.end);
    match clause_subject(doc, ms, nsi, lim) {
        Some(Who::Named(Some(m), t)) if ms[m].etype == EntityType::PER => {
            Some(Who::Named(Some(m), t))
        }
        _ => None,
    }
}

/// « C'est ce qu'a déclaré X », « C'est avec ces mots qu'un élu résume … », « Ainsi
/// s'exprime X », « voilà ce qu'a dit X » at `k..lim`: who it names.
fn attribution_clause(
    doc: &Doc,
    ms: &[EMention],
    k: usize,
    lim: usize,
    prev: Option<&QuoteAnn>,
) -> Option<Who> {
    if k >= lim {
        return None;
    }
    let w0 = doc.tok_lower(k);
    // « Cette affirmation est de X », « Ces propos sont du ministre X », « Cette mise en garde
    // émane de X »: the words just quoted, and whose they are.
    if matches!(w0, "cette" | "ces" | "ce") && k + 4 < lim {
        let mut j = k + 1;
        if matches!(doc.tok_lower(j), "mise") && doc.tok_lower(j + 1) == "en" {
            j += 2;
        }
        let noun = matches!(
            doc.tok_lower(j),
            "affirmation"
                | "affirmations"
                | "déclaration"
                | "déclarations"
                | "propos"
                | "constat"
                | "avertissement"
                | "garde"
                | "analyse"
                | "appel"
                | "remarque"
                | "remarques"
                | "observation"
                | "commentaire"
                | "commentaires"
                | "citation"
                | "phrase"
                | "paroles"
        );
        if noun
            && j + 2 < lim
            && matches!(doc.tok_lower(j + 1), "est" | "sont" | "émane" | "émanent")
            && matches!(doc.tok_lower(j + 2), "de" | "du" | "d'")
        {
            let lex = lexicons();
            let mut t = j + 3;
            while t < lim
                && t < j + 11
                && (matches!(doc.tok_lower(t), "le" | "la" | "l'" | "m" | "mme" | ".")
                    || lex.title_words.contains(doc.tok_lower(t))
                    || lex.demonyms.contains_key(doc.tok_lower(t)))
            {
                t += 1;
            }
            if let Some((mi, _)) = mentions_in(ms, t, t + 1)
                .find(|(_, m)| matches!(m.etype, EntityType::PER | EntityType::ORG))
            {
                return Some(named(ms, mi));
            }
        }
    }
    let opener = matches!(
        w0,
        "c'" | "ce" | "tel" | "tels" | "telle" | "telles" | "ainsi" | "voilà"
    );
    if !opener {
        return None;
    }
    let q = (k..lim.min(k + 14)).find(|&j| matches!(doc.tok_lower(j), "que" | "qu'"));
    let from = match q {
        Some(j) => j + 1,
        // « Ainsi s'exprime X », « Tels sont les mots de X ».
        None => k + 1,
    };
    if from >= lim {
        return None;
    }
    if let Some(who) = subject_after(doc, ms, from, lim, prev) {
        return Some(who);
    }
    let v = (from..lim).find(|&j| is_speech_verb(doc, j))?;
    subject_before(doc, ms, v, prev)
}

/// The person an interview is with: named by the headline (« X : « … » ») or by « entretien
/// avec X », « interview de X » in the first paragraphs.
fn interviewee(doc: &Doc, ms: &[EMention]) -> Option<usize> {
    let blocks = &doc.seg.blocks;
    let first = blocks.first()?;
    let mi = ms.partition_point(|m| m.a < first.tokens.start);
    if ms.get(mi).is_some_and(|m| {
        m.a == first.tokens.start
            && m.etype == EntityType::PER
            && m.b + 1 < first.tokens.end
            && doc.tok(m.b) == ":"
    }) {
        return Some(mi);
    }
    for blk in blocks.iter().take(3) {
        // Its first words only (a chapeau), whatever the paragraph's length.
        let end = blk.tokens.end.saturating_sub(2).min(blk.tokens.start + 80);
        for t in blk.tokens.start..end {
            let intro = matches!(doc.tok_lower(t), "entretien" | "interview")
                && matches!(doc.tok_lower(t + 1), "avec" | "de" | "d'");
            if !intro {
                continue;
            }
            let j = ms.partition_point(|m| m.a < t + 2);
            if ms
                .get(j)
                .is_some_and(|m| m.etype == EntityType::PER && m.a < t + 5 && m.a < blk.tokens.end)
            {
                return Some(j);
            }
        }
    }
    None
}

/// Interview answers (« R. : », « — » paragraphs): a quote the interviewee introduces in the
/// first person (« Je l'ai écrit au ministre : « … » », « Et comme je le dis aux maires :
/// « … » ») is the interviewee's. Only quotes still without a speaker; a clause with another
/// subject (« Quand je suis arrivée, mon chef me répétait : « … » ») is not the interviewee's.
fn interview_answers(doc: &Doc, ms: &[EMention], out: &mut [QuoteAnn]) {
    if !out
        .iter()
        .any(|q| q.speaker.is_none() && q.speaker_text.is_none())
    {
        return;
    }
    let Some(x) = interviewee(doc, ms) else {
        return;
    };
    for q in out.iter_mut() {
        if q.speaker.is_some() || q.speaker_text.is_some() || q.a == 0 || q.a >= doc.tokens().len()
        {
            continue;
        }
        let sent = &doc.seg.sentences[doc.tokens()[q.a].sent()];
        let blk = &doc.seg.blocks[sent.block];
        let t0 = blk.tokens.start;
        // An answer: « R. : », « R : » or a dash opening a paragraph that asks nothing.
        let answer = match doc.tok(t0) {
            "R" | "R." => (t0 + 1..(t0 + 3).min(blk.tokens.end)).any(|t| doc.tok(t) == ":"),
            "—" | "–" => !doc.tok(blk.tokens.end - 1).ends_with('?'),
            _ => false,
        };
        if !answer {
            continue;
        }
        // The clause before the opening mark: back to the last comma, dash, colon or the
        // sentence start, past a conjunction (« Et je le répète : »).
        let mut k = q.a;
        while k > sent.tokens.start && !doc.is_word(k - 1) && doc.tok(k - 1) != "," {
            k -= 1;
        }
        let open = k;
        while k > sent.tokens.start && !matches!(doc.tok(k - 1), "," | "—" | "–" | ":") {
            k -= 1;
        }
        while k < open
            && matches!(
                doc.tok_lower(k),
                "et" | "mais" | "alors" | "comme" | "donc" | "puis"
            )
        {
            k += 1;
        }
        if k < open && matches!(doc.tok_lower(k), "je" | "j'") {
            q.speaker = Some(x);
            q.speaker_text = Some(ms[x].canonical.clone());
            q.rule = Rule::new(
                "quote:interview",
                "the interviewee speaking in the first person",
            );
        }
    }
}

/// Transcripts and interviews (« Mao Ning : La question de Taïwan relève … »): a paragraph that
/// opens with a person's name and a colon is that person speaking, without quotation marks.
/// Only paragraphs with no quotation of their own; at least 4 words after the colon. Keeps `out`
/// sorted.
fn transcript_quotes(doc: &Doc, ms: &[EMention], out: &mut Vec<QuoteAnn>) {
    let mut added = false;
    for (bi, blk) in doc.seg.blocks.iter().enumerate() {
        let t0 = blk.tokens.start;
        if doc.boilerplate_blocks[bi] || blk.tokens.len() < 6 {
            continue;
        }
        let mi = ms.partition_point(|m| m.a < t0);
        let Some(m) = ms
            .get(mi)
            .filter(|m| m.a == t0 && m.etype == EntityType::PER)
        else {
            continue;
        };
        if m.b + 1 >= blk.tokens.end || doc.tok(m.b) != ":" {
            continue;
        }
        let (a, b) = (m.b + 1, blk.tokens.end);
        let words = (a..b).filter(|&k| doc.is_word(k)).count();
        let start = doc.tokens()[a].start();
        let end = doc.tokens()[b - 1].end();
        let has_quote = out
            .iter()
            .any(|q| q.span.start < blk.end && blk.start < q.span.end);
        if words < 4 || has_quote {
            continue;
        }
        out.push(QuoteAnn {
            span: NSpan::new(start, end),
            a,
            b,
            speaker: Some(mi),
            speaker_text: Some(m.canonical.clone()),
            rule: Rule::new("quote:transcript", "name and colon opening the paragraph"),
        });
        added = true;
    }
    if added {
        out.sort_by_key(|q| q.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `pairs` as first written: one decoded character at a time.
    fn reference_pairs(text: &str) -> Vec<NSpan> {
        let b = text.as_bytes();
        let mut out = Vec::new();
        let closers: Vec<usize> = text.match_indices('»').map(|(k, _)| k).collect();
        let mut i = 0;
        while i < text.len() {
            let c = text[i..].chars().next().unwrap();
            let clen = c.len_utf8();
            let close = match c {
                '«' => '»',
                '“' => '”',
                '„' => '“',
                '"' => '"',
                '‹' => '›',
                _ => {
                    i += clen;
                    continue;
                }
            };
            let mut depth = 1;
            let mut j = i + clen;
            let mut found = None;
            let limit = (i + 20_000).min(text.len());
            if c == '«' {
                let k = closers.partition_point(|&p| p < j);
                if closers.get(k).is_none_or(|&p| p >= limit) {
                    i += clen;
                    continue;
                }
            }
            while j < limit {
                let d = text[j..].chars().next().unwrap();
                if c == '"' {
                    if d == '"' {
                        found = Some(j);
                        break;
                    }
                    if d == '\n' {
                        break;
                    }
                } else if d == c && c != close {
                    if !text[..j].trim_end_matches(' ').ends_with('\n') {
                        depth += 1;
                        if depth > 4 {
                            break;
                        }
                    }
                } else if d == close {
                    depth -= 1;
                    if depth == 0 {
                        found = Some(j);
                        break;
                    }
                } else if d == '\n' && c != '«' {
                    break;
                }
                j += d.len_utf8();
            }
            match found {
                Some(j) => {
                    let (mut s, mut e) = (i + clen, j);
                    while s < e && b[s] == b' ' {
                        s += 1;
                    }
                    while e > s && b[e - 1] == b' ' {
                        e -= 1;
                    }
                    if e > s {
                        out.push(NSpan::new(s, e));
                    }
                    i = j + close.len_utf8();
                }
                None => i += clen,
            }
        }
        out
    }

    #[test]
    fn pairs_agree_with_reference() {
        let pieces = [
            "«", "»", "“", "”", "„", "\"", "\n", " ", "a", "é", "\u{a0}", "’", "—", "mot ", "« ",
            " »",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..400 {
            let mut t = String::new();
            for _ in 0..len % 60 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            assert_eq!(pairs(&t), reference_pairs(&t), "{t:?}");
        }
        // A closing mark across the 20 000-byte window, and one just after it.
        for pad in [19_996, 19_997, 19_998, 19_999] {
            let t = format!("«{}» « b »", "a".repeat(pad));
            assert_eq!(pairs(&t), reference_pairs(&t), "{pad}");
            let t = format!("“{}” x", "é".repeat(pad / 2));
            assert_eq!(pairs(&t), reference_pairs(&t), "{pad}");
        }
    }

    #[test]
    fn pairs_nest_and_continue() {
        let t = "« Il a parlé d'une “révolution de couleur” ici », dit-il. \"Trop court\"\n« Premier paragraphe\n« Suite du texte. »";
        let p = pairs(t);
        let got: Vec<&str> = p.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            got,
            vec![
                "Il a parlé d'une “révolution de couleur” ici",
                "Trop court",
                "Premier paragraphe\n« Suite du texte."
            ]
        );
    }

    #[test]
    fn a_pair_inside_a_continued_paragraph_stays_inside_it() {
        // The curly quote opening the first paragraph continues in the second (left open by the
        // excerpt); the « … » it holds is part of it, not a second, overlapping quote.
        let t = "“Le maire a lancé « nous ne céderons rien sur le budget » devant le conseil\n“et la séance a continué tard.";
        let q: Vec<String> = speakers(t).into_iter().map(|(q, _)| q).collect();
        assert_eq!(
            q,
            vec![
                "Le maire a lancé « nous ne céderons rien sur le budget » devant le conseil",
                "et la séance a continué tard."
            ]
        );
    }

    /// (quote text, speaker canonical or text) for each quote of `text`.
    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let a = crate::analyze(text);
        a.quotes
            .iter()
            .map(|q| {
                let sp = q
                    .speaker
                    .map(|e| a.entities[e].canonical.clone())
                    .or_else(|| q.speaker_text.clone());
                (q.text.clone(), sp)
            })
            .collect()
    }

    /// The speakers only, `None` for a quote of no named speaker.
    fn who(text: &str) -> Vec<Option<String>> {
        speakers(text).into_iter().map(|(_, s)| s).collect()
    }

    fn some(names: &[&str]) -> Vec<Option<String>> {
        names
            .iter()
            .map(|n| (!n.is_empty()).then(|| n.to_string()))
            .collect()
    }

    #[test]
    fn interview_answers_in_the_first_person() {
        let t = "Entretien avec Sophie Lantier, maraîchère à Nantes.\n\n\
                 Q. : Que dites-vous aux élus ?\n\
                 R. : Je leur ai écrit en mai : « Sans eau, nos serres seront vides dès juillet. »\n\n\
                 Q. : Et vos voisins ?\n\
                 R. : Quand je suis arrivée, un voisin m'a répété : « Ici, la terre ne pardonne rien à personne. »";
        assert_eq!(who(t), some(&["Sophie Lantier", ""]));
    }

    #[test]
    fn a_camp_speaks_for_its_named_leader_only() {
        let t = "Le camp de Rose Ndiaye a réuni la presse. \
                 Ils sont persuadés que, « quoi qu'il arrive », leur candidate sera au second tour.";
        assert_eq!(who(t), some(&["Rose Ndiaye"]));
        // Supporters are no spokespeople: nobody named.
        let t = "Le président sortant Marc Diallo a voté à midi. \
                 Ses partisans répètent que « le peuple a déjà tranché au premier tour ».";
        assert_eq!(who(t), some(&[""]));
    }

    #[test]
    fn head_of_a_named_body_is_its_person() {
        let t = "Jean Morel, chef du Département de la santé, a présenté le plan. \
                 « Nous ouvrirons trois centres cet hiver », a poursuivi le chef du Département de la santé.";
        assert_eq!(who(t), some(&["Jean Morel"]));
        // Never the body itself: the previous quote's speaker goes on.
        let t = "Le conseiller d'État Paul Ney a été clair : « Les délais seront tenus. » \
                 « Nous ouvrirons trois centres cet hiver », a poursuivi le chef du Département de la santé.";
        assert_eq!(who(t), some(&["Paul Ney", "Paul Ney"]));
    }

    #[test]
    fn profession_nouns_name_the_one_person_without_role() {
        // « la cinéaste »: the only woman the text gives no title; the actor has his own role.
        let t =
            "Le prix est allé au premier film de Claire Ondine, remis par l'acteur Marc Tissot. \
                 « Je voulais filmer le travail des saisonniers », a expliqué la cinéaste.";
        assert_eq!(who(t), some(&["Claire Ondine"]));
        // Two women without a title: nobody is meant for sure.
        let t = "Le film de Claire Ondine et de Julie Arnaud a été primé. \
                 « Je voulais filmer le travail des saisonniers », a expliqué la cinéaste.";
        assert_eq!(who(t), some(&[""]));
        // A post (« le ministre ») is not a profession: no guess.
        let t = "Le rapport de Paul Verdier a été publié mardi. \
                 « Nous attendons des chiffres plus précis », a expliqué le ministre.";
        assert_eq!(who(t), some(&[""]));
    }

    #[test]
    fn speaker_before_after_and_inside() {
        // After: « », a déclaré X », with circumstances between verb and subject.
        assert_eq!(
            who("« Nous ne céderons pas aux pressions », a déclaré mardi soir sur TF1 le président russe Vladimir Poutine."),
            some(&["Vladimir Poutine"])
        );
        // Before: « X a déclaré : « … » ».
        assert_eq!(
            who("Le président russe Vladimir Poutine a déclaré : « Nous ne céderons pas aux pressions. »"),
            some(&["Vladimir Poutine"])
        );
        // An incise inside the quote, with the quote's own pronoun resolved outside it.
        assert_eq!(
            who("Vladimir Poutine a reçu le chancelier allemand à Moscou. « Nous ne céderons pas, a-t-il martelé. Nos intérêts passent avant tout. »"),
            some(&["Vladimir Poutine"])
        );
        // An incise later in the sentence, after a complement of the quote.
        assert_eq!(
            who("En tout cas, « les syndicats se mobiliseront » en cas de report de l'âge légal, a prévenu la secrétaire générale de la CGT, Sophie Binet."),
            some(&["Sophie Binet"])
        );
        // « selon X », « pour X, », « d'après X », before or after the quote.
        assert_eq!(
            who("Pour Marine Tondelier, « c'est une faute politique majeure du gouvernement »."),
            some(&["Marine Tondelier"])
        );
        assert_eq!(
            who("D'après Jean-Luc Mélenchon, « le gouvernement a perdu toute légitimité populaire »."),
            some(&["Jean-Luc Mélenchon"])
        );
        assert_eq!(
            who("« Nous ne paierons pas cette facture énergétique », selon le ministre Bruno Le Maire."),
            some(&["Bruno Le Maire"])
        );
        assert_eq!(
            who("Josep Borrell a rencontré Wang Yi. Selon M. Borrell, « l'Europe et la Chine doivent se parler franchement »."),
            some(&["Josep Borrell"])
        );
        assert_eq!(
            who("Selon le porte-parole de la diplomatie iranienne, Nasser Kanaani, « les sanctions n'ont aucun effet sur notre politique »."),
            some(&["Nasser Kanaani"])
        );
        // A title, an honorific and the name (the honorific alone is no speaker).
        assert_eq!(
            who("« Nous refusons toute ingérence », a déclaré le porte-parole M. Wang Wenbin."),
            some(&["Wang Wenbin"])
        );
        // « pour » is no source in « Il a agi pour … ».
        assert_eq!(
            who("Il a voté pour la réforme « sans aucune hésitation ni regret »."),
            some(&[""])
        );
        // Idioms and semi-auxiliaries: « a fait savoir », « a mis en garde », « a tenu à préciser ».
        assert_eq!(
            who("« Il faut que les choses changent rapidement », a fait savoir Olaf Scholz."),
            some(&["Olaf Scholz"])
        );
        assert_eq!(
            who("« Les risques d'escalade sont réels et croissants », a mis en garde António Guterres."),
            some(&["António Guterres"])
        );
        assert_eq!(
            who("« La décision sera prise dans les prochains jours », a tenu à préciser Gabriel Attal."),
            some(&["Gabriel Attal"])
        );
        // « comme l'a rappelé X », « c'est en ces termes que X … ».
        assert_eq!(
            who("Comme l'a rappelé Olaf Scholz, « l'Allemagne tiendra tous ses engagements envers l'Otan »."),
            some(&["Olaf Scholz"])
        );
        assert_eq!(
            who("« Nous ne reculerons devant aucune menace » : c'est en ces termes que Volodymyr Zelensky a répondu aux frappes."),
            some(&["Volodymyr Zelensky"])
        );
        // An apposition names the subject (« la ministre de la Culture, Rachida Dati, a … »).
        assert_eq!(
            who("De son côté, la ministre de la Culture, Rachida Dati, a dénoncé « une campagne de désinformation organisée »."),
            some(&["Rachida Dati"])
        );
        // A participle continues the main clause's speaker.
        assert_eq!(
            who("« La situation est grave », a déclaré Emmanuel Macron, ajoutant que « la France prendra ses responsabilités »."),
            some(&["Emmanuel Macron", "Emmanuel Macron"])
        );
        // The subject of the auxiliary nearest the quote, not a person of a relative clause.
        assert_eq!(
            who("Lors de sa visite à Paris, où il a rencontré Emmanuel Macron, Joe Biden a appelé à « une solidarité sans faille avec l'Ukraine »."),
            some(&["Joe Biden"])
        );
        // Reported speech: a country's « soutenait » inside what a person « a déclaré ».
        assert_eq!(
            who("M. Olaf Scholz a déclaré que l'Allemagne était prête et qu'elle soutenait le plan « pour aider la région à reconstruire ses ponts »."),
            some(&["Olaf Scholz"])
        );
        // An infinitive speech verb is not the clause's verb: « selon lui » is the attribution.
        assert_eq!(
            who("Emmanuel Macron a parlé. Selon lui, les banques vont prêter avant de proposer des taux « qui coûteront deux fois plus cher qu'avant »."),
            some(&["Emmanuel Macron"])
        );
    }

    #[test]
    fn headline_quotes() {
        assert_eq!(
            who("Erdogan : « Nous n'accepterons aucune pression extérieure sur ce dossier »"),
            some(&["Recep Tayyip Erdogan"])
        );
        assert_eq!(
            who("« Nous ne laisserons personne menacer notre souveraineté » : Xi Jinping met en garde Washington"),
            some(&["Xi Jinping"])
        );
        // A place as label is no speaker.
        assert_eq!(
            who("Sahel : « La situation sécuritaire continue de se dégrader »"),
            some(&[""])
        );
    }

    #[test]
    fn own_sentence_attribution_beats_carry_over() {
        // By name and by role: the second sentence names its own speaker.
        assert_eq!(
            who("« La situation est grave et nous devons agir vite », a déclaré Emmanuel Macron. Sergueï Lavrov a rencontré son homologue turc à Ankara. Le chef de la diplomatie russe s'est félicité de « relations excellentes entre nos deux pays »."),
            some(&["Emmanuel Macron", "Sergueï Lavrov"])
        );
        assert_eq!(
            who("« Nous soutenons ce plan de paix », a dit Emmanuel Macron. Le président américain Joe Biden a déclaré que « rien ne sera décidé sans l'Ukraine »."),
            some(&["Emmanuel Macron", "Joe Biden"])
        );
        // Counter-example: a quote standing alone continues the previous speaker.
        assert_eq!(
            who("« Nous soutenons ce plan de paix », a dit Emmanuel Macron. « Il est équilibré et juste pour les deux parties. »"),
            some(&["Emmanuel Macron", "Emmanuel Macron"])
        );
    }

    #[test]
    fn role_phrases_and_periphrases() {
        assert_eq!(
            who("Donald Trump a signé plusieurs décrets lundi. Le locataire de la Maison-Blanche a promis « une réponse très ferme et rapide » aux pays concernés."),
            some(&["Donald Trump"])
        );
        // Nationality from general knowledge: the text never says Xi Jinping is Chinese.
        assert_eq!(
            who("Vladimir Poutine a reçu Xi Jinping au Kremlin. Le président chinois a salué « une amitié sans limites entre nos peuples »."),
            some(&["Xi Jinping"])
        );
        // Gender of the role phrase: « la porte-parole » is not the minister named after her.
        assert_eq!(
            who("La porte-parole du gouvernement, Maud Bregeon, a répondu aux questions. Le ministre de l'Intérieur Bruno Retailleau était absent. « Nous ne reculerons pas sur cette réforme », a affirmé la porte-parole."),
            some(&["Maud Bregeon"])
        );
        assert_eq!(
            who("Le Premier ministre Gabriel Attal a présenté son plan mardi. Selon le Premier ministre, « la réforme est nécessaire pour le pays »."),
            some(&["Gabriel Attal"])
        );
        // A nationality after « du ministère » tells nothing of the spokeswoman's gender.
        assert_eq!(
            who("Mao Ning, porte-parole du ministère chinois des Affaires étrangères, a tenu un point de presse. « Nous ne céderons jamais à ces pressions », selon la porte-parole."),
            some(&["Mao Ning"])
        );
        // « le ministre » is not « le Premier ministre ».
        assert_eq!(
            who("Le Premier ministre Gabriel Attal était à Lyon. « Nous tiendrons nos engagements budgétaires », a assuré le ministre."),
            some(&[""])
        );
        // A role given by words the entity layer does not take as a role (« pour le Liban »).
        assert_eq!(
            who("L'émissaire français pour le Kosovo Marc Delorme est arrivé à Pristina. L'émissaire français vient exhorter les élus « à reprendre sans tarder le dialogue »."),
            some(&["Marc Delorme"])
        );
        // The unaccented capital of « chef de l'Etat ».
        assert_eq!(
            who("Le chef de l'Etat sénégalais Macky Sall a reçu les partis. « Le dialogue reste la seule voie possible pour notre pays », a martelé le chef de l'Etat."),
            some(&["Macky Sall"])
        );
        // A role named before the person: the person of a later sentence, not the guest of its
        // own sentence.
        assert_eq!(
            who("Le président chinois a reçu Emmanuel Macron à Pékin et a salué « une amitié ancienne entre nos deux peuples ». Xi Jinping a ensuite offert un dîner."),
            some(&["Xi Jinping"])
        );
        // Counter-example: a nationality that fits nobody named.
        assert_eq!(
            who("Vladimir Poutine a reçu Xi Jinping au Kremlin. Le président turc a salué « une amitié sans limites entre nos peuples »."),
            some(&[""])
        );
    }

    #[test]
    fn pronouns_by_gender_outside_quotes() {
        // « elle »: the woman, although the man is the sentence's subject.
        assert_eq!(
            who("Emmanuel Macron a reçu Angela Merkel à l'Élysée. « Nous avons beaucoup travaillé ensemble sur ce dossier », a-t-elle souligné."),
            some(&["Angela Merkel"])
        );
        assert_eq!(
            who("Giorgia Meloni a parlé avec Olaf Scholz. « Nous avons trouvé un accord sur les migrations », a-t-il déclaré."),
            some(&["Olaf Scholz"])
        );
        assert_eq!(
            who("Ursula von der Leyen a rencontré Olaf Scholz à Bruxelles. Selon elle, « l'Europe doit se réarmer sans attendre »."),
            some(&["Ursula von der Leyen"])
        );
        // « il » after a sentence about an unnamed spokesman is that spokesman, nobody named.
        assert_eq!(
            who("Vladimir Poutine a parlé lundi. Le porte-parole du Kremlin a démenti mardi ces informations. « Ce sont des rumeurs sans fondement », a-t-il dit."),
            some(&[""])
        );
        // A person named inside the quote is not what « elle » outside it refers to.
        assert_eq!(
            who("En conférence de presse, Mme Joly a confirmé la riposte. « Nous serons prêts si le président Trump va de l'avant », a-t-elle affirmé."),
            some(&["Mélanie Joly"])
        );
    }

    #[test]
    fn no_leak_across_paragraphs_and_list_items() {
        // A new speaker in the paragraph between: the standalone quote is his.
        assert_eq!(
            who("« Nous allons tout faire pour aider les sinistrés », a déclaré le maire Jean Dupont.\n\nLe préfet Marc Durand a annoncé de nouvelles mesures pour la région.\n\n« Les secours sont mobilisés jour et nuit dans toute la vallée. »"),
            some(&["Jean Dupont", "Marc Durand"])
        );
        // A list item does not inherit the previous item's speaker.
        assert_eq!(
            who("Les réactions se multiplient.\n- Le député Jean Martin a dénoncé « une décision injuste et brutale pour les familles ».\n- « Nous attendons des réponses claires du gouvernement »"),
            some(&["Jean Martin", ""])
        );
        // A photo caption is no speaker for the quote opening the next paragraph.
        assert_eq!(
            who("Le ministre Jean Dupont arrivant à Matignon, le 3 mars. Photo Marc Durand/ Agence\n\n« Dans les prochains mois, tout peut changer pour le pays. » C'est avec ces mots qu'un élu résume la situation."),
            some(&[""])
        );
    }

    #[test]
    fn implicit_and_far_speakers() {
        // An honorific after the apposition comma; « le prévenu » is no verb.
        assert_eq!(
            who("« Les locataires avaient signalé les fuites », a rappelé l'avocate des familles, Me Anne Roux.\n\nLe prévenu, Paul Girard, s'est exprimé à la barre : « Je n'ai jamais voulu mettre qui que ce soit en danger. »"),
            some(&["Anne Roux", "Paul Girard"])
        );
        // A sentence about another person ends the carried-over speaker.
        assert_eq!(
            who("« Nous ferons appel de cette décision », a déclaré Jean Dupont.\n\nDans la salle, la mère d'une victime, Awa Sy, pleurait. « Ma fille avait vingt ans et toute la vie devant elle. »"),
            some(&["Jean Dupont", "Awa Sy"])
        );
        // A quote opening its paragraph, then the person it belongs to; the headline repeats it.
        assert_eq!(
            who("« On a tout perdu » : la colère des sinistrés\n\n« On a tout perdu en une seule nuit. » Devant sa maison, Anne Roux, 74 ans, retient ses larmes."),
            some(&["Anne Roux", "Anne Roux"])
        );
        // Not when the quote does not open its paragraph (it goes on with the speaker before).
        assert_eq!(
            who("Jean Dupont a pris la parole en premier. « Nous ne lâcherons rien sur les salaires. » Anne Roux a ensuite quitté la salle."),
            some(&["Jean Dupont"])
        );
        // The answer to a question put to someone; a pronoun after an unnamed subject.
        assert_eq!(
            who("La présidente de la banque, Anne Roux, a tenu une conférence de presse. Un journaliste lui a demandé si une récession était possible. « Ce n'est pas notre scénario central, mais rien n'est exclu. »"),
            some(&["Anne Roux"])
        );
        assert_eq!(
            who("Le ministre Jean Dupont est resté prudent. Un diplomate, qui a requis l'anonymat, a confié que « rien ne sera signé avant l'été prochain ». « Tout passe par les médiateurs », a-t-il ajouté."),
            some(&["", ""])
        );
        // A nationality agreeing with a plain noun says nothing of the person's gender.
        assert_eq!(
            who("La présidente du club lyonnais, Anne Roux, a félicité l'entraîneur Paul Girard. « Il a eu le courage de tout changer à la pause », a-t-elle souligné."),
            some(&["Anne Roux"])
        );
    }

    #[test]
    fn unnamed_sources_give_null() {
        for t in [
            "Selon la presse locale, le Brésil adoptera une ligne « bien plus ferme qu'auparavant » lors des discussions.",
            "« Nous ne savons rien de plus pour le moment », confie un diplomate européen.",
            "« Les négociations sont dans une impasse totale », selon une source proche du dossier.",
            "« Les prix vont continuer à augmenter cette année », estime-t-on à Bercy.",
            "Jean Dupont a parlé hier. Selon nos informations, le but serait de « tourner enfin la page des querelles internes ».",
            "« La décision est déjà prise depuis longtemps », glisse son entourage.",
        ] {
            assert_eq!(who(t), some(&[""]), "{t}");
        }
    }

    #[test]
    fn cited_terms_titles_and_scare_quotes() {
        // A term or formula cited after a noun: a quote of nobody.
        assert_eq!(
            who("Jean Martin a parlé. Cette décision a donné l'image d'« une ville à deux vitesses » dans la région, a indiqué M. Martin."),
            some(&[""])
        );
        assert_eq!(
            who("Les deux pays discutent de la formule « une paix juste et durable » depuis des années."),
            some(&[""])
        );
        // Counter-example: « accuser X de « … » » reports the subject's words.
        assert_eq!(
            who("Le député Jean Martin accuse la majorité de « mépriser les habitants des quartiers »."),
            some(&["Jean Martin"])
        );
        // Titles of works and names are no quotes; nor are quotes of fewer than four words.
        assert!(
            speakers("Le film « La vie est un long fleuve tranquille » ressort en salles.")
                .is_empty()
        );
        assert!(speakers(
            "Le parti a lancé une campagne intitulée « Pour une France plus juste et solidaire »."
        )
        .is_empty());
        assert!(speakers("Il dénonce une « faute lourde » de la mairie.").is_empty());
    }

    #[test]
    fn groups_speak_through_their_members() {
        assert_eq!(
            who("Vladimir Poutine et Xi Jinping se sont rencontrés à Moscou. « Nos relations n'ont jamais été aussi solides », ont-ils déclaré dans un communiqué commun."),
            some(&["Vladimir Poutine"])
        );
        // Nobody named together: nobody.
        assert_eq!(
            who("Les manifestants ont défilé dans le calme. « Nous reviendrons chaque semaine jusqu'au retrait », ont-ils prévenu."),
            some(&[""])
        );
    }

    #[test]
    fn quote_marks_and_cut_quotes() {
        for t in [
            "« Nous ne paierons pas cette facture énergétique », a dit Bruno Le Maire.",
            "“Nous ne paierons pas cette facture énergétique”, a dit Bruno Le Maire.",
            "\"Nous ne paierons pas cette facture énergétique\", a dit Bruno Le Maire.",
            "‹ Nous ne paierons pas cette facture énergétique ›, a dit Bruno Le Maire.",
            "«Nous ne paierons pas cette facture énergétique»,a dit Bruno Le Maire.",
        ] {
            let s = speakers(t);
            assert_eq!(s.len(), 1, "{t}");
            assert_eq!(
                s[0].0, "Nous ne paierons pas cette facture énergétique",
                "{t}"
            );
            assert_eq!(s[0].1.as_deref(), Some("Bruno Le Maire"), "{t}");
        }
        // A quote the end of the text cuts: it runs to the end; its attribution is cut too…
        let s = speakers("« Nous avons fait notre part », a dit Bruno Le Maire.\n\n« Les autres pays doivent maintenant faire la leur et nous att");
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[1].0,
            "Les autres pays doivent maintenant faire la leur et nous att"
        );
        assert_eq!(s[1].1, None);
        // … unless an incise inside gives it.
        let s = speakers("Bruno Le Maire était à Bercy.\n\n\"Les autres pays doivent faire leur part, a-t-il expliqué. Nous avons déjà fait la nôtre et nous att");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].1.as_deref(), Some("Bruno Le Maire"));
        // Paragraphs of one quotation, each opened by a straight mark, the last one closed.
        let s = speakers("Jean Dupont a pris la parole.\n\n\"Nous avons travaillé dur pendant des mois.\n\n\"Le résultat est là et nous en sommes fiers\", a-t-il conclu.");
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(s[0].0, "Nous avons travaillé dur pendant des mois.");
        assert_eq!(s[0].1.as_deref(), Some("Jean Dupont"));
        // … or the sentence before introduces it with a colon.
        let s = speakers("Le ministre Jean Martin a pris la parole. Il a déclaré :\n\n« Nous allons engager une réforme profonde et nous att");
        assert_eq!(s[0].1.as_deref(), Some("Jean Martin"));
        // A closed quote earlier in the last paragraph is no cut quote.
        let s =
            speakers("« Nous avons fait notre part », a dit Bruno Le Maire devant les députés.");
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn time_phrases_between_verb_and_subject() {
        assert_eq!(
            who("« Le monde n'est plus comme avant », a rappelé ce week-end Paul Ronan."),
            some(&["Paul Ronan"])
        );
        assert_eq!(
            who("« Il faut reconnaître nos erreurs », nous confiait dès la semaine dernière le secrétaire général de la CGT, Paul Ronan."),
            some(&["Paul Ronan"])
        );
        // A time noun without its determiner is no phrase to pass over.
        assert_eq!(
            who("« Il faut reconnaître nos erreurs », a dit semaine Paul Ronan."),
            some(&[""])
        );
    }

    #[test]
    fn feeling_verbs_and_reading_verbs_report_speech() {
        assert_eq!(
            who(
                "« Quand on voit nos blessés, on ne peut pas se taire », se révolte Julie Marchal."
            ),
            some(&["Julie Marchal"])
        );
        assert_eq!(
            who("« Il est parti sans rien promettre », a exprimé Paul Gosselin."),
            some(&["Paul Gosselin"])
        );
        assert_eq!(
            who("« Je suis fier de nous », peut-on lire sur la page Facebook de Paul Verdier."),
            some(&["Paul Verdier"])
        );
        // Read on no one's page: unnamed.
        assert_eq!(
            who("« Je suis fier de nous », peut-on lire sur les réseaux sociaux."),
            some(&[""])
        );
        assert_eq!(
            who("« C'est pour nous endormir », a d'ores et déjà répondu un couple de retraités, Jean-Luc Morin et sa compagne."),
            some(&["Jean-Luc Morin"])
        );
    }

    #[test]
    fn place_in_a_role_phrase_is_never_the_speaker() {
        // « le maire de Brest » with nobody given that title: the speaker goes on, never Brest.
        let t = "Paul Ronan l'assure : « Je n'ai aucune ambition. » \
                 « J'ai une vie formidable à la tête d'une ville que j'aime », assure le maire de Brest.";
        assert_eq!(who(t), some(&["Paul Ronan", "Paul Ronan"]));
        let t = "« Nous rouvrirons le port dès lundi », assure le maire de Brest.";
        assert_eq!(who(t), some(&[""]));
    }

    #[test]
    fn narrative_infinitives_and_possessive_labels_go_on() {
        let t = "Paul Ronan a parlé une heure. Et de rappeler la situation politique : \
                 « Dans les campagnes, le vote extrême progresse. »";
        assert_eq!(who(t), some(&["Paul Ronan"]));
        let t = "« Rien ne change pour nous », a dit Paul Ronan. Et le syndicaliste de rappeler la situation : \
                 « Dans les campagnes, le vote extrême progresse. »";
        assert_eq!(who(t), some(&["Paul Ronan", "Paul Ronan"]));
        // The noun phrase names someone else: that person.
        let t = "« Rien ne change pour nous », a dit Paul Ronan. Et la ministre Julie Marin de répondre : \
                 « Dans les campagnes, le vote recule. »";
        assert_eq!(who(t), some(&["Paul Ronan", "Julie Marin"]));
        let t = "Le géographe Paul Verdier enseigne à Lille. Son analyse : \
                 « Une seule grille de lecture ne suffit pas. »";
        assert_eq!(who(t), some(&["Paul Verdier"]));
        // Not a label: a full clause before the colon.
        let t = "Le géographe Paul Verdier enseigne à Lille. Son livre le dit bien, et les lecteurs aussi : \
                 « Une seule grille de lecture ne suffit pas. »";
        assert_eq!(who(t), some(&[""]));
    }

    #[test]
    fn ce_dernier_is_the_latest_person_of_its_gender() {
        assert_eq!(
            who("Paul Verdier a reçu Luc Marin à Lyon. « Nous serons très présents sur le terrain », explique ce dernier."),
            some(&["Luc Marin"])
        );
        assert_eq!(
            who("Julie Marin a reçu Paul Verdier à Lyon. « Nous serons très présents sur le terrain », explique cette dernière."),
            some(&["Julie Marin"])
        );
        assert_eq!(
            who("Paul Verdier a reçu Luc Marin à Lyon. Ce dernier a promis « une présence très forte sur le terrain »."),
            some(&["Luc Marin"])
        );
        // « ce dernier » of a thing is nobody.
        assert_eq!(
            who("Le rapport a été publié lundi. Ce dernier affirme que « la situation est très préoccupante »."),
            some(&[""])
        );
    }

    #[test]
    fn ce_dernier_holds_a_stance() {
        let a = crate::analyze(
            "Paul Verdier a reçu Luc Marin à Lyon. Ce dernier a dénoncé la fermeture de l'usine.",
        );
        let holders: Vec<String> = a
            .stances
            .iter()
            .flat_map(|s| s.holders.iter().map(|&h| a.entities[h].canonical.clone()))
            .collect();
        assert_eq!(holders, vec!["Luc Marin".to_string()]);
    }

    #[test]
    fn l_interesse_and_the_belgian_mayor() {
        assert_eq!(
            who("Le tribun Paul Verdier promet une rupture. « Je ne vais pas tout nationaliser », a nuancé l'intéressé."),
            some(&["Paul Verdier"])
        );
        // The gender must agree.
        assert_eq!(
            who("Le tribun Paul Verdier promet une rupture. « Je ne vais pas tout nationaliser », a nuancé l'intéressée."),
            some(&[""])
        );
        assert_eq!(
            who("Le bourgmestre de Mons, Paul Dufour, a défilé. « Les revendications des manifestants sont légitimes », commentait le maïeur."),
            some(&["Paul Dufour"])
        );
    }

    #[test]
    fn long_descriptions_before_a_name() {
        assert_eq!(
            who("« Nous démentons avec véhémence ces accusations », a réagi un porte-parole des Affaires étrangères iranien, Karim Ghassemi."),
            some(&["Karim Ghassemi"])
        );
        assert_eq!(
            who("« Ce dispositif ne donne satisfaction à personne », assure à l'AFP le général à la retraite Vincent Morel."),
            some(&["Vincent Morel"])
        );
        // A name after a preposition is not the speaker: « un proche de X ».
        assert_eq!(
            who("« Ce dispositif ne donne satisfaction à personne », assure un proche du général Vincent Morel."),
            some(&[""])
        );
    }

    #[test]
    fn a_role_in_the_body_refers_back_or_to_the_next_sentence() {
        let lede = "La région prépare la saison.\n\nLes routes ont souffert.\n\nLes dégâts sont chiffrés.\n\n";
        // A minister named two paragraphs later is not « le ministre » of this incise.
        let t = format!("{lede}« J'ai chargé mes services de récupérer l'argent public », a assuré le ministre.\n\n\
                 Les travaux reprendront en mars.\n\nLe ministre de l'Intérieur, Luc Verhaegen, a réuni les gouverneurs.");
        assert_eq!(who(&t), some(&[""]));
        // Named in the next sentence: that person.
        let t = format!("{lede}Le président de la République a défendu une réponse « à la fois légitime et importante pour le pays ». \
                 Ces décisions, selon le président Luc Perrin, seront présentées mercredi.");
        assert_eq!(who(&t), some(&["Luc Perrin"]));
    }

    #[test]
    fn counterpart_takes_the_office_of_its_host() {
        // « son homologue kazakh X » after « le président chinois Y »: « le président kazakh »
        // and « le chef de l'État kazakh » are X.
        let t = "Le président chinois Wu Tianming s'est entretenu avec son homologue kazakh Erlan Dosov. \
                 « Nos deux pays sont de bons voisins et des partenaires fiables », a affirmé le président kazakh. \
                 Le chef de l'État kazakh a salué « le rôle constructif de Pékin dans la région ».";
        assert_eq!(who(t), some(&["Erlan Dosov", "Erlan Dosov"]));
        // Negative: the host keeps its own office (« le président chinois » is not the guest).
        let t = "Le président chinois Wu Tianming s'est entretenu avec son homologue kazakh Erlan Dosov. \
                 « Nous devons approfondir notre coopération commerciale », a déclaré le président chinois.";
        assert_eq!(who(t), some(&["Wu Tianming"]));
    }

    #[test]
    fn addressee_medium_between_verb_and_speaker() {
        // « a déclaré à l'agence X le porte-parole Y »: the medium is no speaker.
        let t = "« Nous n'avons reçu aucune demande officielle », a déclaré à l'agence Interfax \
                 la porte-parole du ministère, Olga Sedova.";
        assert_eq!(who(t), some(&["Olga Sedova"]));
        // Negative: a person in the same slot is still the speaker.
        let t = "« Le pont sera rouvert lundi », a déclaré à la presse Pierre Vasseur.";
        assert_eq!(who(t), some(&["Pierre Vasseur"]));
    }

    #[test]
    fn document_named_by_its_author() {
        // « selon un communiqué publié sur le site du Kremlin »: the Kremlin.
        let t = "Selon un communiqué publié sur le site du Kremlin, « les deux présidents ont \
                 évoqué la coopération énergétique et la situation régionale ».";
        assert_eq!(who(t), some(&["Kremlin"]));
        // Negative: a communiqué of no named author names nobody.
        let t = "Selon un communiqué publié dans la soirée, « les travaux reprendront dès que \
                 les conditions le permettront ».";
        assert_eq!(who(t), vec![None]);
    }

    #[test]
    fn learned_from_an_unnamed_source() {
        // « a-t-on appris de source officielle » names nobody (not the previous speaker).
        let t = "« Le sommet aura lieu en octobre », a déclaré Anton Melnik. \
                 « Les accords ont été signés sans conditions préalables », a-t-on appris de source officielle.";
        assert_eq!(who(t), vec![Some("Anton Melnik".to_string()), None]);
        // Negative: « apprendre » with a subject is no speech verb (the minister only learns).
        let t = "Le ministre Anton Melnik a appris la nouvelle à Vienne. « Nous attendons des \
                 explications détaillées », a-t-il ajouté.";
        assert_eq!(who(t), some(&["Anton Melnik"]));
    }

    #[test]
    fn bare_body_noun_refers_back_to_the_body() {
        // « a averti le ministère » after « Le ministère iranien des Affaires étrangères ».
        let t = "Le ministère iranien des Affaires étrangères a réagi dans la soirée. « Toute \
                 agression contre le territoire recevra une réponse ferme », a averti le ministère dans un communiqué.";
        assert_eq!(who(t), some(&["ministère iranien des Affaires étrangères"]));
        // Negative: a joint declaration is no single speaker's, even after a quote of one.
        let t = "« Nous soutenons le dialogue », a déclaré Anton Melnik. Les deux pays ont signé un texte. \
                 « La coopération régionale doit être renforcée », souligne la déclaration commune.";
        assert_eq!(who(t), vec![Some("Anton Melnik".to_string()), None]);
    }

    #[test]
    fn bare_body_noun_after_selon_and_not_as_a_complement() {
        // « selon le ministère » after « le ministère de l'Intérieur »: that ministry.
        let t = "Quelque 9000 personnes ont défilé, d'après le ministère de l'Intérieur. Des heurts ont \
                 opposé des groupes « venus uniquement pour en découdre avec la police », selon le ministère.";
        assert_eq!(who(t), some(&["ministère de l'Intérieur"]));
        // Negative: « le mouvement » is no body named before (the Mouvement démocrate is not
        // the protesters' movement).
        let t =
            "Le Mouvement démocrate a tenu son congrès. « Le parti capitalise sur le mouvement et \
                 sur la colère des campagnes », observe le sondeur Paul Ferrier.";
        assert_eq!(who(t), some(&["Paul Ferrier"]));
    }

    #[test]
    fn bare_body_noun_holds_a_stance() {
        // The shared role resolution gives the stance layer the same body.
        let t = "Le ministère russe des Affaires étrangères a condamné les frappes. \
                 Le ministère a également dénoncé les sanctions unilatérales.";
        let a = crate::analyze(t);
        let last = a.stances.last().expect("a stance");
        assert_eq!(
            last.holder_text.as_deref(),
            Some("ministère russe des Affaires étrangères")
        );
        // Negative: « le patron de la police » is a person, not the body of « la police ».
        let t =
            "La Police nationale a publié son bilan. Le patron de la police a défendu les agents.";
        let a = crate::analyze(t);
        assert!(a
            .stances
            .iter()
            .all(|s| s.holder_text.as_deref() != Some("Police nationale")));
    }

    #[test]
    fn a_title_goes_on_between_commas_before_the_name() {
        // More portfolios, then the name: that person, not an earlier minister of the same title.
        let t = "Les ministres ont rencontré le ministre russe des Affaires étrangères, Igor Samsonov, à Moscou. \
                 Après la réunion, le ministre des Affaires étrangères, de la Coopération et des Maliens de l'extérieur, \
                 Oumar Keïta, s'est entretenu avec la presse.\n\n« Notre partenariat est solide et durable », a-t-il déclaré.";
        assert_eq!(who(t), some(&["Oumar Keïta"]));
        // A second office between commas: « porte-parole du gouvernement ».
        let t = "Le ministre de la Communication, porte-parole du gouvernement, Karim Saadi, a parlé mardi. \
                 « Toutes les institutions seront mobilisées pour le scrutin », a-t-il affirmé.";
        assert_eq!(who(t), some(&["Karim Saadi"]));
        // Negative: a clause after the comma is no title; the quote's speaker stays the earlier one.
        let t = "Le ministre russe des Affaires étrangères, Igor Samsonov, a reçu son hôte. \
                 Le ministre des Affaires étrangères, qui a parlé longtemps, a salué Oumar Keïta. \
                 « Nous sommes satisfaits des entretiens », a-t-il déclaré.";
        assert_ne!(who(t), some(&["Oumar Keïta"]));
    }

    #[test]
    fn an_opening_participle_has_the_main_subject() {
        // The quote inside the participial clause: the main clause's subject, not its object.
        let t =
            "Accusant les États-Unis de se prendre « pour les gendarmes de la planète entière », \
                 le ministre russe Igor Samsonov a dénoncé les sanctions.";
        assert_eq!(who(t), some(&["Igor Samsonov"]));
        // A person inside the participial clause is not the subject of a later pronoun.
        let t = "Critiquant la politique de l'administration de Paul Harding, Karim Javadi a parlé longuement. \
                 « Le gouvernement américain a soutenu cette agression », a-t-il ajouté.";
        assert_eq!(who(t), some(&["Karim Javadi"]));
        let t = "Réagissant aux propos du sénateur Paul Harding, Karim Javadi continue : \
                 « Le gouvernement américain a soutenu cette agression. »";
        assert_eq!(who(t), some(&["Karim Javadi"]));
        // Negative: « Cependant » opens no participial clause.
        let t = "Cependant, Paul Harding a répondu : « Nous ne céderons rien sur ce dossier. »";
        assert_eq!(who(t), some(&["Paul Harding"]));
        // Negative: « continue » without a colon reports no speech.
        let t = "Paul Harding a parlé. La coopération continue « dans tous les domaines de l'économie », \
                 selon Karim Javadi.";
        assert_eq!(who(t), some(&["Karim Javadi"]));
    }

    #[test]
    fn a_periphrasis_of_offices_fits_the_office() {
        // « le chef de la diplomatie russe X » is « le ministre russe » later.
        let t = "Lors de la session, le chef de la diplomatie russe Igor Samsonov a accusé Washington. \
                 Le ministre russe a également estimé que « la russophobie officielle est sans précédent ».";
        assert_eq!(who(t), some(&["Igor Samsonov"]));
        // « l'homme politique »: the politician named before.
        let t = "Le président du Kazakhstan, Nourlan Abenov, a accordé une interview à la presse. \
                 « Nous ne possédons pas de biens soumis à des sanctions », a précisé l'homme politique.";
        assert_eq!(who(t), some(&["Nourlan Abenov"]));
        // Negative: a person described only as a diplomat is not « le ministre ».
        let t = "Le diplomate russe Igor Samsonov a quitté la salle. \
                 « Nous attendons des excuses officielles », a déclaré le ministre russe.";
        assert_ne!(who(t), some(&["Igor Samsonov"]));
    }

    #[test]
    fn the_side_of_a_country_speaks_through_its_person() {
        let t = "Le ministre chinois des Affaires étrangères Zhou Ming s'est entretenu mardi avec son homologue ougandais Paul Okello. \
                 La partie ougandaise a affirmé que « l'Ouganda soutient fermement les efforts de la Chine pour la paix ».";
        assert_eq!(who(t), some(&["Paul Okello"]));
        // Negative: no person of that country named: nobody.
        let t = "Le ministre chinois des Affaires étrangères Zhou Ming a reçu une délégation. \
                 La partie ougandaise a affirmé que « l'Ouganda soutient fermement les efforts de la Chine pour la paix ».";
        assert_ne!(who(t), some(&["Zhou Ming"]));
    }

    #[test]
    fn bodies_documents_and_agencies_as_speakers() {
        // « Il » after a sentence whose subject is a body: that body.
        let t = "Le ministère de la Culture a démenti samedi des propos attribués à sa ministre. \
                 Il a en outre appelé les médias à « vérifier l'exactitude des informations avant leur diffusion ».";
        assert_eq!(who(t), some(&["ministère de la Culture"]));
        // « précise le communiqué »: the author of the communiqué named just before.
        let t = "Dans un communiqué publié lundi, le ministère russe des Affaires étrangères a dénoncé les sanctions. \
                 « Ces mesures sont illégales et vouées à l'échec », précise le communiqué.";
        assert_eq!(who(t), some(&["ministère russe des Affaires étrangères"]));
        // « selon l'agence de presse officielle »: the news agency named before.
        let t = "BEIJING, 3 mai (Xinhua) -- Les deux pays ont signé un accord. \
                 Selon l'agence de presse officielle, « la coopération pratique a obtenu des résultats fructueux ».";
        assert_eq!(who(t), some(&["Agence de presse Xinhua"]));
        // Negatives: « il » after a person subject is that person; « l'agence de notation » is
        // no news agency.
        let t = "Le ministère a publié un bilan. Paul Roux a commenté les chiffres. \
                 Il a appelé les médias à « vérifier l'exactitude des informations avant leur diffusion ».";
        assert_eq!(who(t), some(&["Paul Roux"]));
        // A body in parentheses in the title of the person who is the subject: that person.
        let t = "Le leader du Parti vert (PV, gauche), Paul Roux, a réagi aux propos du ministre. \
                 Pour lui, « la vérité est que c'est une manifestation massive du peuple ».";
        assert_eq!(who(t), some(&["Paul Roux"]));
        let t = "BEIJING, 3 mai (Xinhua) -- Les deux pays ont signé un accord. \
                 Selon l'agence de notation, « la dette publique reste soutenable à moyen terme ».";
        assert_ne!(who(t), some(&["Agence de presse Xinhua"]));
    }

    #[test]
    fn a_body_noun_in_a_title_before_the_name_and_claims_owned_after() {
        // « de la présidence turque » in the title before the name, without a comma.
        let t = "De son côté, le directeur de la Communication de la présidence turque Orhan Yildiz a salué la coopération. \
                 « Il faut développer un journalisme alternatif contre le discours négatif », a-t-il ajouté.";
        assert_eq!(who(t), some(&["Orhan Yildiz"]));
        // « Cette affirmation est de X »: the quote just before is X's.
        let t = "« La nébuleuse terroriste a perdu énormément de sa capacité de nuisance ». \
                 Cette affirmation est de Karim Benali qui répondait à une question des journalistes.";
        assert_eq!(who(t), some(&["Karim Benali"]));
        // A clause inside the quote whose object is a body is no incise.
        let t = "« Quand nous avons créé notre alliance, c'était le premier pays qui, une semaine après, \
                 a reconnu la Confédération. Nous sommes convaincus de la suite », a expliqué Amadou Kiari.";
        assert_eq!(who(t), some(&["Amadou Kiari"]));
        // Negative: « Ce sont des propos de X » is not read as « Cette affirmation est de X » and
        // « c'est ce qu'a déclaré X » still works.
        let t =
            "« Nous ne céderons rien sur ce dossier ». C'est ce qu'a déclaré Paul Harding mardi.";
        assert_eq!(who(t), some(&["Paul Harding"]));
    }

    #[test]
    fn an_office_in_the_lede_is_the_speaker_the_lede_names_next() {
        // The role first, the name later, both speaking in the lede.
        let t = "« Le pays est assez mûr pour ne pas recevoir de leçons », a souligné le ministre de l'Intérieur. \
                 Le ministre a démenti lundi l'essentiel du rapport. \
                 « Nous démentons formellement ces éléments », a souligné Karim Benali en marge de la session.";
        assert_eq!(who(t), some(&["Karim Benali", "Karim Benali"]));
        // Negative: a person the lede names without speaking is not the office.
        let t = "« Le pays est assez mûr pour ne pas recevoir de leçons », a souligné le ministre de l'Intérieur. \
                 La délégation a rencontré Karim Benali lundi soir.";
        assert_eq!(who(t), some(&[""]));
        // Negative: the side of a country is not a person named as a complement far before.
        let t = "Les propos de l'envoyé du gouvernement de Zhou Ming ont surpris.\n\nLe débat a continué.\n\n\
                 La partie chinoise a affirmé que « sa position sur ces questions n'a jamais changé ».";
        assert_ne!(who(t), some(&["Zhou Ming"]));
    }
}
