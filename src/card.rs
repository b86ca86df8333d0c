//! The summary card: built only from the analysis layers (never from the raw text alone).
//!
//! - publisher: a known outlet (media gazetteer) or a domain named in a dateline, else in a
//!   « Source : » footer (not a photo credit), a logo line or an agency credit opening the
//!   first paragraph; flagged state-affiliated where that is public knowledge;
//! - date: the first date of a dateline block, else the full date of a wire-style dateline
//!   opening the first paragraph (chosen in `lib.rs`, which resolves weekdays against it), ISO
//!   8601;
//! - people (with roles), organisations (with the acronym used in the text), places, ordered by
//!   first mention; the publisher's own mentions are left out;
//! - stance matrix: stances grouped by holder × polarity × target (target = first entity named
//!   after the cue, else the target words);
//! - quotes: up to five, longest first, with speakers; frames: counts, most frequent first;
//! - summary: three sentences chosen by a lead-biased score of entity, stance and frame density,
//!   returned in text order.

use crate::fxhash::FxHashMap as HashMap;
use crate::layers::boilerplate::Chrome;
use crate::layers::entities::EMention;
use crate::layers::frames::FrameAnn;
use crate::layers::stance::StanceAnn;
use crate::lexicon::lexicons;
use crate::resolve::Resolved;
use crate::schema::*;
use crate::text::doc::{Doc, NSpan};

/// A publisher found on the page: the outlet as the page names it, where, and the gazetteer's
/// canonical name (the name itself when the outlet is not in the gazetteer).
pub struct Found {
    pub publisher: Publisher,
    /// Where (kept for debugging: nothing reads it).
    #[allow(dead_code)]
    pub span: NSpan,
    pub canonical: String,
    /// The gazetteer's kind of outlet (`agency`, `newspaper`…), empty for other names.
    pub kind: String,
}

/// Finds the publisher, from the strongest evidence to the weakest:
/// 1. a known outlet or a domain in a dateline or byline (not a photo credit): « Le Courrier de
///    l'Est | Publié le … », « Par Anne Martin (AFP), publié le … »;
/// 2. in a footer or a closing « SOURCE : … » credit (not a photo credit, not « (Avec AFP) »);
///    a copyright line (« © 2024 Le Quotidien ») is a footer;
/// 3. in a « Suivez-nous » line that names the outlet (« Suivez Le Quotidien sur Telegram »);
/// 4. alone on a short line above the title (a logo: « CGTN Français »), or closing the page
///    title (« Titre de l'article | Le Quotidien »);
/// 5. credited at the start of the first paragraph (« FRANCFORT, 6 juin (Reuters) - »,
///    « ASTANA, 12 novembre. /Kazinform/ - », « Moscou, 18 février - Sputnik. », « Abidjan, 19
///    sept 2024 (AIP)-… ») or opening it (« Pars Today – Le ministre … »);
/// 6. on a short wire line between the title and the text (« AA / Istanbul », « PARIS (AFP) »)
///    or an outlet signing with an agency (« Le Quotidien avec AFP »), or in a byline without a date (« Par Anne Martin, avec AFP » is not one: see 2);
/// 7. in the credit of a photo when the outlet is a newspaper, a site or a channel (its own
///    photographer: « Anne Martin/ Le Quotidien »), not an agency;
/// 8. else the name that opens a dateline when it reads like an outlet's name;
/// 9. else the name that opens a logo line with its tagline, when it reads like an outlet's name;
/// 10. else a known outlet's domain in the page's address pasted above the title.
///
/// The name is the outlet as written on the page (« AA », « French.china.org.cn »), or its
/// canonical name when the page shouts it in capitals (« SOURCE : FRENCH PRESS TV »).
pub fn publisher(doc: &Doc, chrome: &Chrome, lead: Option<usize>) -> Option<Found> {
    let nb = doc.seg.blocks.len();
    let rule_of = |bi: usize| chrome.blocks[bi].rule.as_ref().map(|r| r.id.as_ref());
    let top = chrome.title.or(lead).unwrap_or(nb);
    let any = |_: &str, _: &str| true;
    let datelines = || {
        chrome
            .datelines
            .iter()
            .copied()
            .filter(|&bi| !photo_credit(doc, bi))
    };
    // 1. Datelines and bylines.
    datelines()
        .find_map(|bi| known_publisher(doc, bi))
        // 2. Footers, closing credits, copyright lines.
        .or_else(|| {
            (0..nb)
                .filter(|&bi| rule_of(bi) == Some("boilerplate:footer") && !photo_credit(doc, bi))
                .find_map(|bi| known_publisher(doc, bi))
        })
        .or_else(|| {
            chrome
                .spans
                .iter()
                .filter(|(s, r)| {
                    r.id == "boilerplate:footer"
                        && doc
                            .seg
                            .blocks
                            .iter()
                            .all(|b| b.start != s.start || b.end != s.end)
                })
                .find_map(|(s, _)| known_media_in(doc, s.start, s.end, any))
        })
        .or_else(|| {
            (0..nb)
                .filter(|&bi| chrome.blocks[bi].kind != BlockKind::Paragraph)
                .filter(|&bi| copyright_line(doc, bi))
                .find_map(|bi| known_publisher(doc, bi).or_else(|| copyright_name(doc, bi)))
        })
        // 3. « Suivez Le Quotidien sur Telegram ».
        .or_else(|| {
            (0..nb)
                .filter(|&bi| rule_of(bi) == Some("boilerplate:follow"))
                .find_map(|bi| known_media(doc, bi, usize::MAX, any))
        })
        // 4. A logo line above the title.
        .or_else(|| {
            // (The name must end the logo or a part of it: « Le Soleil du Sahel » is not « Le
            // Soleil ».)
            // (Or an edition word follows it: « Le Quotidien Plus », « La Gazette Info ».)
            let ends_part = |_: &str, after: &str| {
                let a = after.trim_start();
                a.is_empty()
                    || a.starts_with(['|', '-', '–', '—', ':', ',', '.', '(', '/'])
                    || matches!(
                        a.to_lowercase().as_str(),
                        "plus" | "+" | "premium" | "info" | "infos" | "actu" | "actus" | "abonnés"
                    )
            };
            (0..top)
                .filter(|&bi| doc.seg.blocks[bi].tokens.len() <= 6 && !photo_credit(doc, bi))
                .find_map(|bi| known_media(doc, bi, usize::MAX, ends_part))
        })
        // 4b. The site name closing the page title (« Titre de l'article | Le Quotidien »), a
        //     line the chrome layer matched with the headline.
        //     (The headline itself when the page title was pasted alone: « Titre - RFI ».)
        .or_else(|| {
            (0..nb)
                .filter(|&bi| {
                    chrome.title == Some(bi)
                        || chrome.blocks[bi].rule.as_ref().is_some_and(|r| {
                            r.id == "boilerplate:duplicate" && r.detail.starts_with("page title")
                        })
                })
                .find_map(|bi| site_after_separator(doc, bi))
        })
        // 5. The first paragraph's credit or opener.
        .or_else(|| {
            let bi = lead?;
            // (« CCTV : La Chine a annoncé … Pourriez-vous … ? »: in a press conference's
            // transcript, an outlet and a colon open a journalist's question.)
            let question = asks_question(doc, bi);
            known_media(doc, bi, LEAD_BYTES, agency_credit).or_else(|| {
                known_media(doc, bi, LEAD_BYTES, |before, after| {
                    lead_opener(before, after) && !(question && after.trim_start().starts_with(':'))
                })
            })
        })
        // 6. A wire line between the title and the text, or a byline.
        .or_else(|| {
            // (The few lines after the title: a standfirst may come before the wire line.)
            let from = chrome.title.map_or(0, |t| t + 1);
            // (A heading above bulleted key points, « L'essentiel » then « • … », is no wire
            // line even when an outlet bears its name.)
            let box_heading = |bi: usize| {
                doc.seg.blocks.get(bi + 1).is_some_and(|b| {
                    doc.text()[b.start..b.end]
                        .trim_start()
                        .starts_with(['•', '-', '–', '—', '*'])
                })
            };
            (from..(from + HEAD_LINES).min(nb))
                .filter(|&bi| chrome.blocks[bi].kind != BlockKind::Boilerplate)
                .filter(|&bi| !box_heading(bi) && !photo_credit(doc, bi))
                .filter(|&bi| doc.seg.blocks[bi].tokens.len() <= 8 || byline(doc, bi))
                .find_map(|bi| {
                    if byline(doc, bi) {
                        known_media(doc, bi, usize::MAX, any)
                    } else {
                        known_media(doc, bi, usize::MAX, wire_credit)
                    }
                })
        })
        // 7. Its own photographer's credit.
        .or_else(|| {
            (0..nb)
                .filter(|&bi| {
                    chrome.blocks[bi].kind != BlockKind::Boilerplate
                        && doc.seg.blocks[bi].tokens.len() <= 80
                })
                .find_map(|bi| {
                    known_media(doc, bi, usize::MAX, photo_credit_end).filter(|f| {
                        // Its own photographer: a newspaper, a site, a channel or a radio (a
                        // credit to an agency says who took the picture).
                        matches!(f.kind.as_str(), "newspaper" | "online" | "tv" | "radio")
                    })
                })
        })
        // 8. The name opening a dateline.
        .or_else(|| datelines().find_map(|bi| dateline_name(doc, bi)))
        // 9. The name opening a logo line with its tagline (« Le Quotidien d'Oran - Le journal
        //    des Algériens »).
        .or_else(|| {
            (0..top)
                .filter(|&bi| rule_of(bi) == Some("boilerplate:logo"))
                .find_map(|bi| dateline_name(doc, bi))
        })
        // 9b. The outlet closing a stamp line near the top, after the date and a comma (« …
        //     25.05.2023, Sputnik Afrique »).
        .or_else(|| {
            (0..nb.min(HEAD_LINES)).find_map(|bi| {
                known_media(doc, bi, usize::MAX, |before: &str, after: &str| {
                    after.trim().is_empty()
                        && before
                            .trim_end()
                            .strip_suffix(',')
                            .and_then(|b| b.rsplit(' ').next())
                            .and_then(dotted_date)
                            .is_some()
                })
            })
        })
        // 10. The page's own address pasted above the title (« https://www.lequotidien.fr/… »).
        .or_else(|| {
            (0..top)
                .filter(|&bi| {
                    let b = &doc.seg.blocks[bi];
                    doc.lower[b.start..b.end].trim_start().starts_with("http")
                })
                .find_map(|bi| {
                    let b = &doc.seg.blocks[bi];
                    let lower = &doc.lower[b.start..b.end];
                    let host = lower.find("://")? + 3;
                    let end = lower[host..].find('/').map_or(lower.len(), |i| host + i);
                    known_media_in(doc, b.start + host, b.start + end, |before, after| {
                        matches!(before, "" | "www.") && after.is_empty()
                    })
                })
        })
}

/// A known outlet closing line `bi` after a separator between spaces (« Titre de l'article |
/// Le Quotidien », « Titre - RFI »).
fn site_after_separator(doc: &Doc, bi: usize) -> Option<Found> {
    known_media(doc, bi, usize::MAX, |before: &str, after: &str| {
        let b = before.trim_end();
        after.trim().is_empty()
            && b.ends_with(['|', '-', '–', '—'])
            && b[..b.len() - b.chars().next_back().map_or(0, char::len_utf8)].ends_with(' ')
    })
}

/// A copyright line: « © » or « Copyright » with a year, or « tous droits réservés ».
fn copyright_line(doc: &Doc, bi: usize) -> bool {
    let b = &doc.seg.blocks[bi];
    let lower = &doc.lower[b.start..b.end];
    let year = lower
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4 && (d.starts_with("19") || d.starts_with("20")));
    ((lower.contains('©') || lower.contains("copyright")) && year && b.tokens.len() <= 16)
        || lower.contains("droits réservés")
        || lower.contains("rights reserved")
}

/// The name in a copyright line (« © 2024 Le Quotidien du Soir. Tous droits réservés »,
/// « Copyright © Le Quotidien 2023 »): what is left without the sign, the years and the rights
/// phrase, when it reads like a name (one to six words, capitalised).
fn copyright_name(doc: &Doc, bi: usize) -> Option<Found> {
    let b = &doc.seg.blocks[bi];
    let line = &doc.text()[b.start..b.end];
    let lower = &doc.lower[b.start..b.end];
    let from = lower
        .find('©')
        .map(|i| i + '©'.len_utf8())
        .or_else(|| lower.find("copyright").map(|i| i + "copyright".len()))?;
    let to = [
        "tous droits",
        "droits réservés",
        "all rights",
        ". ",
        " - ",
        " | ",
    ]
    .iter()
    .filter_map(|p| lower[from..].find(p).map(|i| from + i))
    .min()
    .unwrap_or(lower.len());
    let piece = &line[from..to];
    let lead = piece.len() - piece.trim_start_matches(|c: char| !c.is_alphabetic()).len();
    let name = piece[lead..]
        .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ')')
        .trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | ','))
        .trim_end();
    let words = name.split_whitespace().count();
    let ok = (1..=6).contains(&words)
        && name.chars().next().is_some_and(char::is_uppercase)
        && !name.to_lowercase().starts_with("photo")
        && !name.chars().any(|c| c.is_ascii_digit())
        // (An institution's site is no news outlet: « © Ambassade de … », « © Ministère … ».)
        && !INSTITUTIONS.iter().any(|w| {
            name.get(..w.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(w) || h.to_lowercase() == *w)
        });
    if !ok {
        return None;
    }
    let s = b.start + from + lead;
    Some(Found {
        publisher: Publisher {
            name: name.to_string(),
            state_affiliated: false,
            country: None,
            rule: Rule::new(
                "publisher:copyright",
                "name in the page's copyright line (not a known outlet)",
            ),
        },
        span: NSpan::new(s, s + name.len()),
        canonical: name.to_string(),
        kind: String::new(),
    })
}

/// First words of an institution's name: its copyright line names no news outlet.
const INSTITUTIONS: &[&str] = &[
    "ambassade",
    "consulat",
    "ministère",
    "présidence",
    "gouvernement",
    "mission permanente",
    "université",
    "mairie",
    "république",
    "royaume",
    "primature",
    "préfecture",
    "assemblée nationale",
    "sénat",
];

/// A byline: « Par Anne Martin », « Par Anne Martin (AFP) », « By … » (at most 15 words).
fn byline(doc: &Doc, bi: usize) -> bool {
    let b = &doc.seg.blocks[bi];
    let lower = doc.lower[b.start..b.end].trim_start();
    (lower.starts_with("par ") || lower.starts_with("by ")) && b.tokens.len() <= 20
}

/// Is a media name set off like a wire credit on its own short line: « AA / Istanbul »,
/// « PARIS (AFP) », « Reuters »?
fn wire_credit(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    let a = after.trim_start();
    // (« Le Quotidien avec AFP »: the outlet signs with an agency.)
    let with_agency = b.is_empty() && a.starts_with("avec ") && a.len() <= 30;
    if with_agency {
        return true;
    }
    let b_ok = b.is_empty() || b.ends_with(['(', '/', '-', '–', '—', '|']);
    let a_ok = a.is_empty() || a.starts_with([')', '/', '-', '–', '—', '|', ',']);
    b_ok && a_ok
}

/// Is a media name opening the text, followed by a dash or a colon (« Pars Today – Le vice-
/// ministre … », « AFP - Le président … », the dash glued to the name: « Pars Today- Le … »)?
fn lead_opener(before: &str, after: &str) -> bool {
    before.trim().is_empty()
        && ["-", "–", "—", ":"].iter().any(|d| {
            (after.trim_start().starts_with(d) && after.starts_with(' '))
                || after.strip_prefix(d).is_some_and(|a| a.starts_with(' '))
        })
}

/// Is block `bi` a question put by a journalist: a name and a colon opening a paragraph that
/// asks something (« CCTV : Quels objectifs la Chine espère-t-elle atteindre ? »)?
fn asks_question(doc: &Doc, bi: usize) -> bool {
    let b = &doc.seg.blocks[bi];
    let text = &doc.text()[b.start..b.end];
    text.find(':').is_some_and(|c| {
        c <= 60 && text[..c].split_whitespace().count() <= 4 && text[c..].contains('?')
    })
}

/// Is a media name the end of a photo credit (« Anne Martin/ Le Quotidien », « © Le Quotidien »,
/// « Photo : Le Quotidien »)?
fn photo_credit_end(before: &str, after: &str) -> bool {
    let b = before.trim_end();
    let a = after.trim();
    // (The credit is a sentence of its own, « … le 3 mars. Anne Martin/ Le Quotidien »; a
    // sentence citing outlets, « …, confirmant une information de TF1/LCI. », is the text's.)
    let own = b.rsplit_once(". ").map_or(b, |(_, t)| t);
    (a.is_empty() || a == ")" || a == ".")
        && own.split_whitespace().count() <= 6
        && (b.ends_with('/') || b.ends_with('©') || b.to_lowercase().ends_with("photo :"))
}

/// The end of a wire-style dateline opening block `bi` (« Pékin, 16 mai 2024 (Chine Nouvelle)
/// -- Le président … », « Abidjan, 3 mars 2023 (AIP)-La directrice … »): the byte offset of the
/// dash that closes it, when it comes within `LEAD_BYTES` and after at most 10 words.
pub fn lead_dateline_end(doc: &Doc, bi: usize) -> Option<usize> {
    let b = &doc.seg.blocks[bi];
    let end = crate::text::floor_char_boundary(&doc.text()[..b.end], b.start + LEAD_BYTES);
    let head = &doc.text()[b.start..end];
    let dash = [
        " -- ", " - ", " — ", " – ", ")-", ") -", ")–", ")—", "/-", "/ -",
    ]
    .iter()
    .filter_map(|d| {
        head.find(d)
            .map(|i| if d.starts_with([')', '/']) { i + 1 } else { i })
    })
    .min()?;
    (head[..dash].split_whitespace().count() <= 10).then_some(b.start + dash)
}

/// A photo credit, caption or sources footer (« Photo : … REUTERS/Pavel Mikheyev », « Crédit
/// photo : AFP », « (Avec AFP et Reuters) »): the agency named there took the picture or
/// supplied material, it did not publish the article.
fn photo_credit(doc: &Doc, bi: usize) -> bool {
    let b = &doc.seg.blocks[bi];
    let lower = doc.lower[b.start..b.end].trim_start();
    // « © AFP » alone credits a picture; « © 2024 Le Quotidien » is the page's copyright.
    if lower.starts_with('©') && !copyright_line(doc, bi) {
        return true;
    }
    // « REUTERS/Ravi Kumar », « AFP/Archives », « AP Photo/Jason Franson ».
    let words = lower.split_whitespace().count();
    if crate::layers::boilerplate::slash_credit(lower, words)
        || (words <= 8 && lower.contains("photo") && !copyright_line(doc, bi))
    {
        return true;
    }
    [
        "photo",
        "(photo",
        "crédit",
        "credit",
        "illustration",
        "image",
        "légende",
        "(avec ",
        "avec ",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// How many lines after the title are read for a wire line or a byline.
const HEAD_LINES: usize = 8;

/// How far into the first paragraph an agency credit is looked for.
const LEAD_BYTES: usize = 100;

/// Is a media name between `before` and `after` set off like an agency credit: « (Reuters) »,
/// « /Kazinform/ », « - Sputnik. », « (Xinhua) -- »?
fn agency_credit(before: &str, after: &str) -> bool {
    let b = before.trim_end().chars().next_back();
    let a = after.trim_start();
    // (A programme's channel in brackets inside a sentence, « le magazine Grand Format (RTL-TVI)
    // de ce mardi », is no credit: a credit's bracket is followed by a dash, a stop or the text's
    // first capital.)
    let sentence_goes_on = a
        .strip_prefix(')')
        .is_some_and(|r| r.trim_start().starts_with(char::is_lowercase));
    matches!(b, Some('(' | '/' | '-' | '–' | '—'))
        && matches!(
            a.chars().next(),
            Some(')' | '/' | '.' | '-' | '–' | '—' | ',')
        )
        && !sentence_goes_on
}

/// Words that outlets' names are made of (« Le Courrier de l'Est », « La Voix du Nord »): a
/// name opening a dateline is taken for an outlet only with one of them, an article, or as an
/// acronym (a person's name opens a byline: « Anne Martin | 3 mars 2024 »).
const OUTLET_WORDS: &[&str] = &[
    "journal",
    "courrier",
    "quotidien",
    "presse",
    "press",
    "tribune",
    "républicain",
    "dépêche",
    "nouvelle",
    "nouvelles",
    "nouvelliste",
    "écho",
    "echo",
    "echos",
    "info",
    "infos",
    "radio",
    "tv",
    "télé",
    "télévision",
    "agence",
    "times",
    "post",
    "matin",
    "soir",
    "monde",
    "gazette",
    "news",
    "hebdo",
    "magazine",
    "express",
    "observateur",
    "actu",
    "actualité",
    "actualités",
    "libre",
    "liberté",
    "progrès",
    "indépendant",
    "union",
    "voix",
    "provence",
    "midi",
    "ouest",
    "est",
    "nord",
    "sud",
    "daily",
    "herald",
    "media",
    "médias",
    "fm",
    "channel",
    "chaîne",
];

/// The first segment of a dateline when it reads like an outlet's name: 1–6 words,
/// capitalised, no digits, no comma, with an article, an outlet word or in capitals.
fn dateline_name(doc: &Doc, bi: usize) -> Option<Found> {
    let b = &doc.seg.blocks[bi];
    let line = &doc.text()[b.start..b.end];
    let cut = line
        .find(['|', '•', '·'])
        .or_else(|| line.find(" - "))
        .or_else(|| line.find(" — "))?;
    let seg = line[..cut].trim();
    let words: Vec<&str> = seg.split_whitespace().collect();
    let lower = seg.to_lowercase();
    let first = words.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let outlet_like = ["le", "la", "les", "l'", "the"]
        .iter()
        .any(|a| first == *a || (a.ends_with('\'') && first.starts_with(a)))
        || lower
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| OUTLET_WORDS.contains(&w))
        || (words.len() == 1 && seg.chars().filter(|c| c.is_uppercase()).count() >= 2);
    let ok = (1..=6).contains(&words.len())
        && outlet_like
        && seg.chars().next().is_some_and(char::is_uppercase)
        && !seg.chars().any(|c| c.is_ascii_digit() || c == ',')
        && !lower.starts_with("publié")
        && !lower.starts_with("par ")
        && !lower.starts_with("mis");
    if !ok {
        return None;
    }
    let start = b.start + (line.len() - line.trim_start().len());
    Some(Found {
        publisher: Publisher {
            name: seg.to_string(),
            state_affiliated: false,
            country: None,
            rule: Rule::new(
                "publisher:dateline",
                "name opening the dateline (not a known outlet)",
            ),
        },
        span: NSpan::new(start, start + seg.len()),
        canonical: seg.to_string(),
        kind: String::new(),
    })
}

/// A known outlet (media gazetteer) or a domain name in block `bi`.
fn known_publisher(doc: &Doc, bi: usize) -> Option<Found> {
    known_media(doc, bi, usize::MAX, |_, _| true).or_else(|| domain_name(doc, bi))
}

/// The first known outlet named in the first `limit` bytes of block `bi` (whole words) for which
/// `accept(text before, text after)` holds (both within the block).
fn known_media(
    doc: &Doc,
    bi: usize,
    limit: usize,
    accept: impl Fn(&str, &str) -> bool,
) -> Option<Found> {
    let b = &doc.seg.blocks[bi];
    let end = crate::text::floor_char_boundary(&doc.lower[..b.end], b.start.saturating_add(limit));
    known_media_in(doc, b.start, end, accept)
}

/// The first known outlet named in `doc.lower[start..end]` (whole words, not a social network)
/// for which `accept(text before, text after)` holds (both within the range).
fn known_media_in(
    doc: &Doc,
    start: usize,
    end: usize,
    accept: impl Fn(&str, &str) -> bool,
) -> Option<Found> {
    let lex = lexicons();
    let lower = &doc.lower[start..end];
    let text = doc.text();
    for m in lex.media_ac.find_iter(lower) {
        let (s, e) = (start + m.start(), start + m.end());
        let g = &lex.gaz[lex.media_pat[m.pattern().as_usize()]];
        let surface = &text[s..e];
        // (« www.lemonde.fr »: a domain after « www. ».)
        let before_ok = text[..s]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '.')
            || (text[..s].ends_with("://www.") && surface.contains('.'));
        let after_ok = text[e..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        // An acronym (« APP », « MAP ») names the outlet in capitals only (« App Store »).
        if lex.media_acronym[m.pattern().as_usize()] && surface.chars().any(char::is_lowercase) {
            continue;
        }
        // A short name (« AA », « MAP », « Fars ») or one that is also a phrase (« Le Matin »,
        // « La Presse ») counts capitalised only; domain names as written.
        let capitalised = surface.chars().next().is_some_and(char::is_uppercase);
        let phrase_like = surface.len() <= 5 || surface.contains(' ');
        // « Le point commun … » opening a headline is no « Le Point »: a name of several words
        // whose last word is capitalised wants it capitalised in the text too.
        let last_word_lowered = surface.contains(' ')
            && match (surface.rsplit(' ').next(), g.canonical.rsplit(' ').next()) {
                (Some(a), Some(c)) => {
                    a.to_lowercase() == c.to_lowercase()
                        && c.chars().next().is_some_and(char::is_uppercase)
                        && a.chars().next().is_some_and(char::is_lowercase)
                }
                _ => false,
            };
        if last_word_lowered {
            continue;
        }
        if !before_ok
            || !after_ok
            || g.kind == "platform"
            || (phrase_like && !capitalised && !surface.contains('.'))
            || !accept(&text[start..s], &text[e..end])
        {
            continue;
        }
        // Shouted in capitals (« FRENCH PRESS TV »): the canonical name reads better.
        let shouted = surface.contains(' ') && !surface.chars().any(char::is_lowercase);
        let name = if shouted {
            g.canonical.clone()
        } else {
            doc.original_slice(NSpan::new(s, e)).to_string()
        };
        return Some(Found {
            publisher: Publisher {
                name,
                state_affiliated: g.state_affiliated,
                country: g.country.clone(),
                rule: Rule::new(
                    "publisher:media",
                    format!("{}: {} (matched « {} »)", g.origin, g.canonical, surface),
                ),
            },
            span: NSpan::new(s, e),
            canonical: g.canonical.clone(),
            kind: g.kind.clone(),
        });
    }
    None
}

/// A bare domain name in block `bi` (a dateline or footer).
fn domain_name(doc: &Doc, bi: usize) -> Option<Found> {
    let b = &doc.seg.blocks[bi];
    for k in b.tokens.clone() {
        let w = doc.tok(k);
        let dots = w.matches('.').count();
        // (Not the domain of an e-mail address: « redaction@exemple.ma ».)
        let start = doc.tokens()[k].start();
        let email = doc.text()[..start].ends_with('@');
        if dots >= 1
            && !email
            && w.len() > 4
            && w.rsplit('.').next().is_some_and(|tld| {
                (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
            })
        {
            return Some(Found {
                publisher: Publisher {
                    name: w.to_string(),
                    state_affiliated: false,
                    country: None,
                    rule: Rule::new("publisher:domain", format!("domain name « {w} »")),
                },
                span: NSpan::new(doc.tokens()[k].start(), doc.tokens()[k].end()),
                canonical: w.to_string(),
                kind: String::new(),
            });
        }
    }
    None
}

/// The publication date (year, month, day), from the strongest evidence to the weakest:
/// 1. a full date in a dateline or byline, the one introduced by « Publié le » / « Published »
///    first, else the first that is not an update (« Mis à jour le », « Updated »), else an
///    update; a dateline that reads like a photo caption (more than eight words, the date in
///    words, no dateline phrase: « Le ministre à Pékin, le 3 juillet 2024 ») gives none;
/// 2. an English date in a dateline (« Mar 14, 2023 18:05 UTC », « 14 March 2023 »);
/// 3. the full date of a wire-style dateline opening the first paragraph (« Pékin, 16 mai 2024
///    (Xinhua) -- », « Abidjan, 3 mars 2023 (AIP)- »).
///
/// A date without its year (« 02/11 ») or without its day (« 2023-05 ») is no publication date.
pub fn publication_date(
    doc: &Doc,
    chrome: &Chrome,
    dates: &[crate::layers::dates::DateAnn],
    lead: Option<usize>,
) -> Option<(i32, u32, u32)> {
    let full = |d: &crate::layers::dates::DateAnn| Some((d.year?, d.month?, d.day?));
    // (rank, order, date): rank 0 = publication, 1 = plain, 2 = update.
    let mut best: Option<(u8, (i32, u32, u32))> = None;
    // The dates come sorted (by start): each line's are found by a binary search, not by a
    // scan of every date per line (quadratic on a long page of datelines).
    let sorted = dates.is_sorted_by_key(|d| d.span.start);
    for &bi in &chrome.datelines {
        let b = &doc.seg.blocks[bi];
        let lower = &doc.lower[b.start..b.end];
        let phrase = DATELINE_PHRASES.iter().any(|p| lower.contains(p));
        let (from, to) = if sorted {
            let from = dates.partition_point(|d| d.span.start < b.start);
            (
                from,
                from + dates[from..].partition_point(|d| d.span.start <= b.end),
            )
        } else {
            (0, dates.len())
        };
        for d in dates[from..to]
            .iter()
            .filter(|d| d.span.start >= b.start && d.span.end <= b.end)
        {
            let Some(ymd) = full(d) else { continue };
            let numeric = !doc.lower[d.span.start..d.span.end]
                .chars()
                .any(char::is_alphabetic);
            if !(phrase || numeric || b.tokens.len() <= 10) {
                continue;
            }
            // The phrase closest before the date, within its segment of the line.
            let before = &doc.lower[b.start..d.span.start];
            let seg = before
                .rfind(['|', '•', '·', ','])
                .map_or(before, |i| &before[i..]);
            // (Both in the segment, « Mis à jour le 4 mars - Publié le 3 mars »: the later one.)
            let last = |ps: &[&str]| ps.iter().filter_map(|p| seg.rfind(p)).max();
            let rank = match (last(UPDATE_PHRASES), last(PUBLISHED_PHRASES)) {
                (Some(u), Some(p)) if p > u => 0,
                (Some(_), _) => 2,
                (None, Some(_)) => 0,
                (None, None) => 1,
            };
            if best.is_none_or(|(r, _)| rank < r) {
                best = Some((rank, ymd));
            }
        }
    }
    if let Some((_, ymd)) = best {
        return Some(ymd);
    }
    chrome
        .datelines
        .iter()
        .find_map(|&bi| {
            let b = &doc.seg.blocks[bi];
            let lower = &doc.lower[b.start..b.end];
            english_date(lower).or_else(|| other_date(lower))
        })
        .or_else(|| {
            let lead = lead?;
            let end = lead_dateline_end(doc, lead)?;
            let start = doc.seg.blocks[lead].start;
            dates
                .iter()
                .find(|d| d.span.start >= start && d.span.end <= end)
                .and_then(full)
        })
        // 4. A stamp closing a line near the top: the date, a comma and the outlet (« … de
        //    l'Institut de… 25.05.2023, Sputnik Afrique »).
        .or_else(|| {
            (0..doc.seg.blocks.len().min(HEAD_LINES)).find_map(|bi| {
                let ymd = std::cell::Cell::new(None);
                known_media(doc, bi, usize::MAX, |before: &str, after: &str| {
                    ymd.set(
                        after
                            .trim()
                            .is_empty()
                            .then(|| before.trim_end().strip_suffix(','))
                            .flatten()
                            .and_then(|b| b.rsplit(' ').next())
                            .and_then(dotted_date),
                    );
                    ymd.get().is_some()
                })?;
                ymd.get()
            })
        })
}

/// A date written « 25.05.2023 » (day, month, four-digit year).
fn dotted_date(w: &str) -> Option<(i32, u32, u32)> {
    let mut p = w.split('.');
    let (d, m, y) = (p.next()?, p.next()?, p.next()?);
    if p.next().is_some()
        || y.len() != 4
        || !(1..=2).contains(&d.len())
        || !(1..=2).contains(&m.len())
    {
        return None;
    }
    let (d, m, y): (u32, u32, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    ((1..=31).contains(&d) && (1..=12).contains(&m)).then_some((y, m, d))
}

/// Phrases that say a line is a dateline (lower case).
const DATELINE_PHRASES: &[&str] = &[
    "publié",
    "publication",
    "mis à jour",
    "mise à jour",
    "modifié",
    "actualisé",
    "posted",
    "published",
    "updated",
];

/// Phrases that introduce the publication date.
const PUBLISHED_PHRASES: &[&str] = &["publié", "publication", "posted", "published", "paru"];

/// Phrases that introduce an update date.
const UPDATE_PHRASES: &[&str] = &[
    "mis à jour",
    "mise à jour",
    "modifié",
    "actualisé",
    "updated",
    "modified",
];

/// English month names and their numbers (three-letter abbreviations match any longer form).
const ENGLISH_MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date the date grammar leaves out, in a (lower-case) dateline: « 29-07-2019 », « 2019/07/29 »,
/// « 29 juil. 2019 ».
fn other_date(lower: &str) -> Option<(i32, u32, u32)> {
    // (An ISO time stamp glues the day to the hour: « 2024-03-04t10:00:00 ».)
    fn iso_split(w: &str) -> [Option<&str>; 2] {
        match w.find('t') {
            Some(i)
                if i > 0
                    && i + 1 < w.len()
                    && w[..i].bytes().all(|b| b.is_ascii_digit())
                    && w[i + 1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                [Some(&w[..i]), Some(&w[i + 1..])]
            }
            _ => [Some(w), None],
        }
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(iso_split)
        .flatten()
        .collect();
    let num = |w: &str, len: std::ops::RangeInclusive<usize>| {
        (len.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u32>().ok())
            .flatten()
    };
    let valid = |y: u32, m: u32, d: u32| {
        ((1900..=2099).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then_some((y as i32, m, d))
    };
    for i in 0..words.len().saturating_sub(2) {
        let (a, b, c) = (words[i], words[i + 1], words[i + 2]);
        // Day, month, year in digits, or year first, written with date separators (« 2024
        // 09:12 » is a year then a time).
        let dated = |sep: &[char]| {
            sep.iter()
                .any(|s| lower.contains(&format!("{a}{s}{b}{s}{c}")))
        };
        if let (Some(d), Some(m), Some(y)) = (num(a, 1..=2), num(b, 1..=2), num(c, 4..=4)) {
            if let Some(ymd) = valid(y, m, d).filter(|_| dated(&['/', '-', '.', ' '])) {
                return Some(ymd);
            }
        }
        // Day, month and a two-digit year written with slashes (« Publié le 14/02/24 à 11h30 »).
        if let (Some(d), Some(m), Some(y)) = (num(a, 1..=2), num(b, 1..=2), num(c, 2..=2)) {
            if lower.contains(&format!("{a}/{b}/{c}")) {
                if let Some(ymd) = valid(2000 + y, m, d) {
                    return Some(ymd);
                }
            }
        }
        if let (Some(y), Some(m), Some(d)) = (num(a, 4..=4), num(b, 1..=2), num(c, 1..=2)) {
            if let Some(ymd) = valid(y, m, d).filter(|_| dated(&['/', '-', '.'])) {
                return Some(ymd);
            }
        }
        // Day, abbreviated French month, year.
        if let (Some(d), Some(y)) = (num(a, 1..=2), num(c, 4..=4)) {
            let m = crate::layers::dates::MONTHS
                .iter()
                .find(|(name, _)| *name == b)
                .map(|&(_, m)| m);
            if let Some(ymd) = m.and_then(|m| valid(y, m, d)) {
                return Some(ymd);
            }
        }
        // Abbreviated French month, day, year (« févr. 21, 2024 09:12 UTC »).
        if let (Some(d), Some(y)) = (num(b, 1..=2), num(c, 4..=4)) {
            let m = crate::layers::dates::MONTHS
                .iter()
                .find(|(name, _)| *name == a)
                .map(|&(_, m)| m);
            if let Some(ymd) = m.and_then(|m| valid(y, m, d)) {
                return Some(ymd);
            }
        }
    }
    None
}

/// An English date in a (lower-case) line: « mar 14, 2023 », « march 14 2023 », « 14 march 2023 ».
fn english_date(lower: &str) -> Option<(i32, u32, u32)> {
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let month = |w: &str| {
        let m = ENGLISH_MONTHS.iter().position(|m| w.starts_with(m))?;
        let full = [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ][m];
        (w.len() == 3 || full == w || (m == 8 && w == "sept")).then_some(m as u32 + 1)
    };
    let day = |w: &str| {
        let d: u32 = w
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse()
            .ok()?;
        (w.len() <= 4 && (1..=31).contains(&d)).then_some(d)
    };
    let year = |w: &str| {
        let y: i32 = w.parse().ok()?;
        (w.len() == 4 && (1900..=2099).contains(&y)).then_some(y)
    };
    for i in 0..words.len().saturating_sub(2) {
        let (a, b, c) = (words[i], words[i + 1], words[i + 2]);
        if let (Some(m), Some(d), Some(y)) = (month(a), day(b), year(c)) {
            return Some((y, m, d));
        }
        if let (Some(d), Some(m), Some(y)) = (day(a), month(b), year(c)) {
            return Some((y, m, d));
        }
    }
    None
}

/// Picks `n` summary sentences (indices into `doc.seg.sentences`), in text order.
pub fn summary(doc: &Doc, content: &[bool], weights: &[f32], n: usize) -> Vec<usize> {
    let mut scored: Vec<(f32, usize)> = Vec::new();
    let mut rank = 0usize;
    for (si, s) in doc.seg.sentences.iter().enumerate() {
        if !content[s.block] {
            continue;
        }
        let words = doc.sentence_words(si);
        if !(8..=70).contains(&words) {
            continue;
        }
        let lead = 1.0 / (1.0 + rank as f32 * 0.35);
        rank += 1;
        scored.push((weights[si] / (words as f32).sqrt() + 1.5 * lead, si));
    }
    scored.sort_by(|a, b| {
        b.0.partial_cmp(&a.0)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.1.cmp(&b.1))
    });
    let mut pick: Vec<usize> = scored.into_iter().take(n).map(|(_, i)| i).collect();
    pick.sort_unstable();
    pick
}

/// `s` without a label in capitals opening it: at most five words of capitals (« LE SCAN SPORT
/// », « FIGAROVOX/ANALYSE », « PARIS (AFP) »), then « - », « – », « — » or « | » and a capital.
fn without_kicker(s: &str) -> &str {
    for sep in [" - ", " – ", " — ", " | "] {
        let Some(i) = s.find(sep) else { continue };
        let (head, rest) = (&s[..i], s[i + sep.len()..].trim_start());
        let words: Vec<&str> = head.split_whitespace().collect();
        let caps = |w: &&str| {
            let core = w.trim_matches(|c: char| matches!(c, '(' | ')'));
            core.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && core
                    .chars()
                    .all(|c| c.is_uppercase() || matches!(c, '/' | '\'' | '’' | '-' | '.'))
        };
        if (1..=5).contains(&words.len())
            && words.iter().all(caps)
            && rest.chars().next().is_some_and(char::is_uppercase)
        {
            return rest;
        }
    }
    s
}

/// A summary sentence as a reader should see it: no leading bullet or dash, no quotation mark
/// left open or closed by the sentence split, no footnote number before the final stop, no space
/// before it (« • « Nous … »1 . » → « « Nous … ». »).
pub fn clean_sentence(s: &str) -> String {
    let mut t = s.trim();
    // Leading bullets and dashes.
    loop {
        let before = t;
        t = t
            .trim_start_matches(['•', '·', '▪', '►', '‣', '◦', '*', '-', '–', '—'])
            .trim_start();
        if t == before {
            break;
        }
    }
    // A rubric label or a wire dateline glued to the lead (« ANALYSE - Après … », « FIGAROVOX/
    // TRIBUNE - … », « PARIS (AFP) - … »): capitals, then a dash and the sentence.
    t = without_kicker(t);
    let mut out = t.to_string();
    // Unbalanced marks at either end.
    for (open, close) in [('«', '»'), ('“', '”')] {
        let (o, c) = (out.matches(open).count(), out.matches(close).count());
        if c > o && out.starts_with(close) {
            out = out[close.len_utf8()..].trim_start().to_string();
        } else if o > c && out.ends_with(open) {
            out.truncate(out.len() - open.len_utf8());
        } else if o > c && out.starts_with(open) {
            out = out[open.len_utf8()..].trim_start().to_string();
        }
    }
    if out.matches('"').count() % 2 == 1 {
        if out.starts_with('"') {
            out.remove(0);
        } else if let Some(p) = out.rfind('"') {
            // The last one, when nothing but punctuation follows it.
            if out[p + 1..].chars().all(|c| !c.is_alphanumeric()) {
                out.remove(p);
            }
        }
    }
    // A footnote number glued before the final stop (« … »1 . », « … pays2. »).
    let trimmed = out.trim_end();
    if let Some(body) = trimmed.strip_suffix('.') {
        let body = body.trim_end();
        let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let before = body[..body.len() - digits].chars().last();
        let glued = digits > 0
            && digits <= 2
            && before.is_some_and(|c| c == '»' || c == '”' || c == '"' || c.is_alphabetic());
        let stem = if glued {
            &body[..body.len() - digits]
        } else {
            body
        };
        out = format!("{}.", stem.trim_end());
    }
    out.trim().to_string()
}

pub fn reading_minutes(words: usize) -> usize {
    if words == 0 {
        0
    } else {
        words.div_ceil(230)
    }
}

/// What the card is built from: the document, every layer and the entity table.
pub(crate) struct Layers<'a> {
    pub(crate) doc: &'a Doc<'a>,
    pub(crate) chrome: &'a Chrome,
    pub(crate) ments: &'a [EMention],
    pub(crate) stances: &'a [StanceAnn],
    pub(crate) frames: &'a [FrameAnn],
    pub(crate) resolved: &'a Resolved,
    pub(crate) publisher: Option<Found>,
    pub(crate) pub_date: Option<(i32, u32, u32)>,
}

/// The whole card (see the module documentation).
pub(crate) fn build(l: Layers) -> Card {
    let Layers {
        doc,
        chrome,
        ments,
        stances,
        frames,
        resolved,
        publisher,
        pub_date,
    } = l;
    let (entities, stances_out, quotes_out) =
        (&resolved.entities, &resolved.stances, &resolved.quotes);
    let content: Vec<bool> = chrome
        .blocks
        .iter()
        .map(|i| matches!(i.kind, BlockKind::Paragraph | BlockKind::Caption))
        .collect();
    let pub_name = publisher.as_ref().map(|f| f.canonical.clone());
    // Words and numbers outside boilerplate blocks (every token is in one sentence, every
    // sentence in one block: counted per sentence, without a pass over the tokens).
    let words: usize = (0..doc.seg.sentences.len())
        .filter(|&si| !doc.boilerplate_blocks[doc.seg.sentences[si].block])
        .map(|si| doc.sentence_non_punct(si))
        .sum();

    let mut people = Vec::new();
    let mut orgs = Vec::new();
    let mut places = Vec::new();
    for (ei, e) in entities.iter().enumerate() {
        let src_is_pub = e.source.is_some() && pub_name.as_deref() == Some(e.canonical.as_str());
        let in_dateline_only = e.mentions.iter().all(|&m| {
            let s = ments[m].span;
            chrome.datelines.iter().any(|&bi| {
                let b = &doc.seg.blocks[bi];
                s.start >= b.start && s.end <= b.end
            })
        });
        match e.etype {
            EntityType::PER => people.push(CardPerson {
                name: e.canonical.clone(),
                role: e.role.clone(),
                entity: ei,
                mentions: e.mentions.len(),
                confidence: e.confidence,
            }),
            EntityType::ORG if !(src_is_pub || in_dateline_only) => orgs.push(CardOrg {
                name: e.canonical.clone(),
                acronym: e.acronym.clone(),
                entity: ei,
                mentions: e.mentions.len(),
                confidence: e.confidence,
            }),
            EntityType::LOC => places.push(CardPlace {
                name: e.canonical.clone(),
                entity: ei,
                mentions: e.mentions.len(),
                confidence: e.confidence,
            }),
            _ => {}
        }
    }

    // Stance matrix.
    let mut cells: Vec<StanceCell> = Vec::new();
    let mut cell_index: HashMap<(String, Polarity, String), usize> = HashMap::default();
    for (si, s) in stances.iter().enumerate() {
        let holder = resolved.holder_name(&s.holders, &s.holder_text);
        let target = s
            .target
            .as_ref()
            .and_then(|t| {
                // First entity mentioned in the target words.
                let tstart = doc.tokens()[s.b.min(doc.tokens().len() - 1)].start();
                let tend = tstart + t.len();
                let k = ments.partition_point(|m| m.span.start < tstart);
                ments
                    .get(k)
                    .filter(|m| m.span.end <= tend)
                    .map(|m| m.canonical.clone())
            })
            .or_else(|| s.target.clone())
            .unwrap_or_default();
        let key = (holder.clone(), s.polarity, target.clone());
        match cell_index.get(&key) {
            Some(&ci) => {
                let c: &mut StanceCell = &mut cells[ci];
                c.count += 1;
                c.stances.push(si);
                c.confidence = c.confidence.min(stances_out[si].rule.confidence);
            }
            None => {
                cell_index.insert(key, cells.len());
                cells.push(StanceCell {
                    holder,
                    polarity: s.polarity,
                    target,
                    count: 1,
                    stances: vec![si],
                    confidence: stances_out[si].rule.confidence,
                });
            }
        }
    }

    let mut qorder: Vec<usize> = (0..quotes_out.len()).collect();
    qorder.sort_by_key(|&i| {
        std::cmp::Reverse(
            quotes_out[i].text.chars().count().min(400)
                + if quotes_out[i].speaker.is_some() {
                    400
                } else {
                    0
                },
        )
    });
    let mut card_quotes: Vec<CardQuote> = qorder
        .into_iter()
        .take(5)
        .map(|i| CardQuote {
            text: quotes_out[i].text.clone(),
            speaker: quotes_out[i].speaker_text.clone(),
            quote: i,
            confidence: quotes_out[i].rule.confidence,
        })
        .collect();
    card_quotes.sort_by_key(|q| q.quote);

    let mut fcount: Vec<FrameCount> = Vec::new();
    for f in frames {
        match fcount.iter_mut().find(|c| c.frame == f.frame) {
            Some(c) => c.count += 1,
            None => fcount.push(FrameCount {
                frame: f.frame.clone(),
                count: 1,
            }),
        }
    }
    fcount.sort_by(|a, b| b.count.cmp(&a.count).then(a.frame.cmp(&b.frame)));

    let mut weights = vec![0f32; doc.seg.sentences.len()];
    // Mentions and stances come in text order: their sentences are found by a cursor over the
    // sentence list rather than one random read of the token array each.
    let mut cursor = SentenceCursor::default();
    for m in ments {
        weights[cursor.sentence_of(doc, m.a)] += 1.0;
    }
    let mut cursor = SentenceCursor::default();
    for s in stances {
        weights[cursor.sentence_of(doc, s.a)] += 1.5;
    }
    for f in frames {
        let t = doc.token_at(f.span.start).unwrap_or(0);
        weights[doc.tokens()[t].sent()] += 0.5;
    }
    let summary = summary(doc, &content, &weights, 3)
        .into_iter()
        .map(|si| SummarySentence {
            text: clean_sentence(doc.original_slice(NSpan::new(
                doc.seg.sentences[si].start,
                doc.seg.sentences[si].end,
            ))),
            sentence: si,
        })
        .collect();

    // (A headline pasted as the page title, « Titre - RFI », loses the outlet's name.)
    let title = chrome.title.map(|t| {
        let b = &doc.seg.blocks[t];
        let end = site_after_separator(doc, t)
            .map(|f| {
                let head = doc.text()[b.start..f.span.start]
                    .trim_end()
                    .trim_end_matches(['|', '-', '–', '—'])
                    .trim_end();
                b.start + head.len()
            })
            .filter(|&e| doc.text()[b.start..e].split_whitespace().count() >= 4)
            .unwrap_or(b.end);
        doc.original_slice(NSpan::new(b.start, end)).to_string()
    });
    Card {
        title,
        publisher: publisher.map(|f| f.publisher),
        // A full date only: a month or a year alone is no publication date.
        date: pub_date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        people,
        organizations: orgs,
        places,
        stance_matrix: cells,
        quotes: card_quotes,
        frames: fcount,
        summary,
        words,
        reading_minutes: reading_minutes(words),
    }
}

/// Finds the sentence of a token by moving forward over the sentence list: constant time a
/// call when the tokens asked for come in order (a binary search when they go back).
#[derive(Default)]
struct SentenceCursor {
    si: usize,
}

impl SentenceCursor {
    /// The index of the sentence holding token `k` (`doc.tokens()[k].sent()`: every token lies
    /// in exactly one sentence, whose `tokens` range holds it, and sentences are sorted).
    fn sentence_of(&mut self, doc: &Doc, k: usize) -> usize {
        let ss = &doc.seg.sentences;
        if self.si >= ss.len() || ss[self.si].tokens.start > k {
            self.si = ss.partition_point(|s| s.tokens.end <= k);
        }
        while ss[self.si].tokens.end <= k {
            self.si += 1;
        }
        debug_assert_eq!(self.si, doc.tokens()[k].sent());
        self.si
    }
}

#[cfg(test)]
mod tests {
    /// (title, publisher, date) of the card of an invented page.
    fn card(text: &str) -> (Option<String>, Option<String>, Option<String>) {
        let a = crate::analyze(text);
        (a.card.title, a.card.publisher.map(|p| p.name), a.card.date)
    }

    const BODY: &str = "Les dirigeants de douze pays se sont réunis mardi à Lyon pour discuter de la sécurité alimentaire, a annoncé le ministère.";
    const BODY2: &str = "Les discussions ont porté sur les stocks de céréales et les routes commerciales, a précisé un porte-parole du ministère.";

    #[test]
    fn summary_sentences_are_clean() {
        use super::clean_sentence as c;
        assert_eq!(
            c("• Le sommet s'est ouvert mardi."),
            "Le sommet s'est ouvert mardi."
        );
        assert_eq!(
            c("– Le sommet s'est ouvert mardi ."),
            "Le sommet s'est ouvert mardi."
        );
        assert_eq!(
            c("» Le sommet s'est ouvert mardi."),
            "Le sommet s'est ouvert mardi."
        );
        assert_eq!(
            c("\"Le sommet s'est ouvert mardi."),
            "Le sommet s'est ouvert mardi."
        );
        assert_eq!(
            c("Il a parlé d'« une étape historique »1 ."),
            "Il a parlé d'« une étape historique »."
        );
        assert_eq!(
            c("Les accords de 2019 restent en vigueur."),
            "Les accords de 2019 restent en vigueur."
        );
        assert_eq!(c("Il a cité l'article 12."), "Il a cité l'article 12.");
        // A label or a wire dateline glued to the lead goes; capitals inside a sentence stay.
        assert_eq!(
            c("ANALYSE - Après trois jours de débats, le texte est adopté."),
            "Après trois jours de débats, le texte est adopté."
        );
        assert_eq!(
            c("LE FIL SPORT/ENQUÊTE – Le club a changé d'entraîneur."),
            "Le club a changé d'entraîneur."
        );
        assert_eq!(
            c("LYON (AFP) - Le maire a présenté son budget."),
            "Le maire a présenté son budget."
        );
        for kept in [
            "La SNCF - et elle seule - décide des horaires.",
            "Le PSG - OM aura lieu dimanche.",
            "ONU - la réunion est reportée.",
        ] {
            assert_eq!(c(kept), kept);
        }
        // Balanced marks stay.
        assert_eq!(
            c("« Nous verrons », a-t-il dit."),
            "« Nous verrons », a-t-il dit."
        );
    }

    #[test]
    fn publisher_from_the_page_own_signals() {
        let p = |t: &str| card(t).1;
        // A byline with an agency, a wire line after the title, a wire dateline glued to the
        // text, an outlet opening the text, a follow line, a copyright line, the outlet's own
        // photographer, a known outlet in a dateline.
        let cases = [
            (format!("Sommet régional à Lyon\nPar Anne Martin (AFP)\n{BODY}"), "AFP"),
            (format!("Sommet régional à Lyon\nIstanbul\nAA / Istanbul\n{BODY}"), "AA"),
            (format!("Abidjan, 3 mars 2023 (AIP)-{BODY}"), "AIP"),
            (format!("Sommet régional à Lyon\nPars Today – {BODY}"), "Pars Today"),
            (format!("Sommet régional à Lyon\nPars Today- {BODY}"), "Pars Today"),
            (format!("Sommet régional à Lyon\nSuivez Le Devoir sur Telegram\n{BODY}"), "Le Devoir"),
            (format!("Sommet régional à Lyon\n{BODY}\n© 2024 Le Courrier du Plateau. Tous droits réservés."), "Le Courrier du Plateau"),
            (format!("Sommet régional à Lyon\n{BODY}\nLe maire lors du sommet, le 3 mars 2024. Anne Martin/ L’Orient-Le Jour\n{BODY2}"), "L’Orient-Le Jour"),
            (format!("Sommet régional à Lyon\nlesoir.be | Publié le 12/03/2024\n{BODY}"), "lesoir.be"),
            (format!("Sommet régional à Lyon\n{BODY2}\nSOURCE: FRENCH PRESS TV"), "Press TV"),
            (format!("Sommet régional à Lyon : un accord trouvé - RFI\n{BODY}"), "RFI"),
            (format!("Sommet régional à Lyon\nLe Devoir avec AFP\n{BODY}"), "Le Devoir"),
            (format!("https://www.ledevoir.com/monde/123456/sommet-regional\nSommet régional à Lyon\n{BODY}"), "ledevoir.com"),
            (format!("Sommet régional à Lyon : un accord trouvé | Le Devoir\nSe connecter\nSommet régional à Lyon : un accord trouvé\n{BODY}"), "Le Devoir"),
        ];
        for (text, want) in &cases {
            assert_eq!(p(text).as_deref(), Some(*want), "{text}");
        }
        // None: an agency's photo credit, a social network, a byline of people, an outlet the
        // text quotes, an outlet inside a longer logo name.
        for text in [
            format!("Sommet régional à Lyon\n{BODY}\nLe maire lors du sommet, le 3 mars 2024 ( AFP / Anne MARTIN )\n© Reuters\n{BODY2}"),
            format!("Sommet régional à Lyon\nSuivez-nous sur Telegram\n{BODY}"),
            format!("Sommet régional à Lyon\nAnne Martin, Paul Durand, Léa Petit | 12.03.2024 - Mis à jour : 13.03.2024\n{BODY}"),
            format!("Sommet régional à Lyon\n{BODY} Le ministre a déclaré à la BBC que la réunion était « utile ».\n{BODY2}"),
            format!("Le Soleil du Plateau\nSommet régional à Lyon\n{BODY}"),
            // (A known outlet's address among the links after the text.)
            format!("Sommet régional à Lyon\n{BODY}\nhttps://www.ledevoir.com/monde/123456/autre-sujet"),
            // (A photo credit opening the page, an outlet cited in a sentence after a slash, a
            // programme's channel in brackets inside the first sentence.)
            format!("Photo:  Anne Martin Agence France-Presse\n\n\nParis — {BODY}\n{BODY2}"),
            format!("{BODY}\nLe suspect a été mis en examen, a annoncé le parquet, confirmant une information de TF1/LCI.\n{BODY2}"),
            format!("Dans le magazine Grand Format (RTL-TVI) de ce mardi, Anne Martin dresse le portrait d'une industrie.\n{BODY}"),
            // (An outlet inside the page title's headline, not after its separator.)
            format!("Le Devoir de mémoire au cœur du sommet | Actu Lyon\nSe connecter\nLe Devoir de mémoire au cœur du sommet\n{BODY}"),
            // (A headline opening with the words of an outlet's name in lower case: « Le point
            // de vue … » is no « Le Point ».)
            format!("«Le point faible entre 1995 et 2005 fut la dette publique»\n{BODY}"),
        ] {
            assert_eq!(p(&text), None, "{text}");
        }
    }

    #[test]
    fn a_journalist_question_names_no_publisher() {
        let p = |t: &str| card(t).1;
        // A press conference's transcript: an outlet and a colon open a journalist's question.
        let t = format!(
            "CCTV : Le ministre se rendra demain à Lyon. Quels sont les objectifs de cette visite ?\n\
             Li Wei : Cette visite renforcera nos liens.\n{BODY}"
        );
        assert_eq!(p(&t), None, "{t}");
        // An outlet and a colon opening the text still credit it.
        let t = format!("Sommet régional à Lyon\nPars Today : {BODY}");
        assert_eq!(p(&t).as_deref(), Some("Pars Today"));
    }

    #[test]
    fn a_stamp_of_date_and_outlet_closing_a_teaser_dates_the_page() {
        let t = format!(
            "Un barrage sur le fleuve du Plateau\nLe barrage ouvre samedi, selon le directeur de l'Institut de... 25.05.2023, Sputnik Afrique\n{BODY}"
        );
        assert_eq!(card(&t).2.as_deref(), Some("2023-05-25"));
        assert_eq!(card(&t).1.as_deref(), Some("Sputnik Afrique"));
        // The Uzbek national agency under its French spelling is a known outlet.
        let t = format!("Sommet régional à Lyon\nOuzA / Tachkent\n{BODY}");
        assert_eq!(card(&t).1.as_deref(), Some("OuzA"));
        // A date and an outlet inside a sentence of the text is no stamp.
        let t = format!("Un barrage sur le fleuve du Plateau\n{BODY} Le 25.05.2023, Sputnik Afrique a publié un reportage sur le chantier.\n{BODY2}");
        assert_eq!(card(&t).2, None);
    }

    #[test]
    fn a_repeated_headline_is_the_title_over_a_programme_name() {
        let head = "Sommet régional à Lyon : les dirigeants parlent de sécurité alimentaire";
        let t = format!("Le Monde en bref\nLe grand rendez-vous des marchés, chaque semaine avec nos experts\n{head}\n{head}\n{BODY}\n{BODY2}");
        assert_eq!(card(&t).0.as_deref(), Some(head), "{t}");
        // A headline above its standfirst stays the title.
        let t = format!("Sommet régional à Lyon\n{BODY}\n{BODY2}");
        assert_eq!(card(&t).0.as_deref(), Some("Sommet régional à Lyon"));
    }

    #[test]
    fn a_page_title_with_site_name_and_address_gives_the_bare_headline() {
        let head = "Un barrage ouvre sur le fleuve du Plateau (ministre)";
        let t = format!("{head} - Le Quotidien - lequotidien.example\n{head}\n{BODY}\n{BODY2}");
        assert_eq!(card(&t).0.as_deref(), Some(head), "{t}");
        // A headline whose last part is a sentence with a stop keeps it.
        let t = format!(
            "Le barrage ouvre - le ministre le confirme. Les travaux sont finis\n{BODY}\n{BODY2}"
        );
        assert!(card(&t).0.is_some_and(|t| t.ends_with("finis")));
    }

    #[test]
    fn edition_logos_short_years_and_institutions() {
        // A logo with an edition word; a dd/mm/yy dateline; a French month before the day; a
        // year then a time is no date; an institution's copyright names no outlet.
        let c = card(&format!(
            "Le Temps Premium\nConnexion\nSommet régional à Lyon\nPublié le 14/02/24 à 11h30\n{BODY}"
        ));
        assert_eq!(c.1.as_deref(), Some("Le Temps"));
        assert_eq!(c.2.as_deref(), Some("2024-02-14"));
        let c = card(&format!(
            "Sommet régional à Lyon\nfévr. 21, 2024 09:12 UTC\n{BODY}"
        ));
        assert_eq!(c.2.as_deref(), Some("2024-02-21"));
        assert_eq!(super::other_date("mis à jour 2024 09:12"), None);
        assert_eq!(
            super::other_date("2024-03-04t10:00:00+00:00"),
            Some((2024, 3, 4))
        );
        let c = card(&format!(
            "Sommet régional à Lyon\n{BODY}\nCopyright © Ambassade de la République du Plateau. Tous droits réservés."
        ));
        assert_eq!(c.1, None);
        // A key-points box named like an outlet is no wire line.
        let c = card(&format!(
            "Sommet régional à Lyon\nL'essentiel\n• Douze pays réunis.\n• Un accord attendu.\n{BODY}"
        ));
        assert_eq!(c.1, None);
        // (« Le Soleil du Plateau » is not « Le Soleil » with an edition word.)
        assert_eq!(
            card(&format!(
                "Le Soleil Info du Plateau\nSommet régional à Lyon\n{BODY}"
            ))
            .1,
            None
        );
    }

    #[test]
    fn publication_date_full_and_stated_only() {
        let d = |t: &str| card(t).2;
        assert_eq!(
            d(&format!("Sommet régional à Lyon\nMis à jour le 13/03/2024 à 09:12\nPublié le 12/03/2024 à 21:40\n{BODY}")).as_deref(),
            Some("2024-03-12")
        );
        // Both on one line, in either order: the publication.
        for line in [
            "Mis à jour le 13 mars 2024 - Publié le 12 mars 2024",
            "Publié le 12 mars 2024 à 21h40 Mis à jour le 13 mars 2024 à 09h12",
        ] {
            assert_eq!(
                d(&format!("Sommet régional à Lyon\n{line}\n{BODY}")).as_deref(),
                Some("2024-03-12"),
                "{line}"
            );
        }
        assert_eq!(
            d(&format!(
                "Sommet régional à Lyon\nMar 14, 2023 18:05 UTC\n{BODY}"
            ))
            .as_deref(),
            Some("2023-03-14")
        );
        assert_eq!(
            d(&format!("Anne Martin | 07.02.2022 - Mise à jour : 08.02.2022\nSommet régional à Lyon\n{BODY}")).as_deref(),
            Some("2022-02-07")
        );
        // Formats the date grammar leaves out.
        for (line, want) in [
            ("Publié le 29-07-2019 à 14:36", "2019-07-29"),
            ("Publié le 29 juil. 2019 à 14h36", "2019-07-29"),
            ("2019/07/29 16:41", "2019-07-29"),
        ] {
            assert_eq!(
                d(&format!("Sommet régional à Lyon\n{line}\n{BODY}")).as_deref(),
                Some(want),
                "{line}"
            );
        }
        // None: a date without its year, a month alone, the date of a photo.
        for text in [
            format!("Dernière mise à jour à 16h42 le 02/11\n{BODY}"),
            format!(" date 2023-05 {BODY}"),
            format!("Sommet régional à Lyon\nLe maire et la préfète devant le pont, le 3 mars 2024\n{BODY}"),
        ] {
            assert_eq!(d(&text), None, "{text}");
        }
    }

    #[test]
    fn title_is_the_headline() {
        let t = |s: &str| card(s).0;
        assert_eq!(
            t(&format!("Rechercher\nPolitique - Présidentielle\nl'information indépendante depuis 1945\nSommet régional à Lyon : un accord ?\n{BODY}")).as_deref(),
            Some("Sommet régional à Lyon : un accord ?")
        );
        // None: an excerpt that starts with the text, an article pasted as one line.
        assert_eq!(t(&format!("{BODY}\n{BODY2}")), None);
        assert_eq!(t(&format!("{BODY} {BODY2} SOURCE: FRENCH PRESS TV")), None);
        // A photo caption and its credit above the headline: the headline is the title.
        assert_eq!(
            t(&format!("Régions\nLe marché couvert restera fermé pendant les travaux.\n© Photo Agence – Anne Martin\nLyon : le marché couvert rénové pour deux ans\n{BODY}")).as_deref(),
            Some("Lyon : le marché couvert rénové pour deux ans")
        );
        // A kicker of five words above the headline; counter-examples: a short headline above a
        // byline, above a standfirst.
        assert_eq!(
            t(&format!("Monde\nÉlection présidentielle au Bénin\nLe scrutin reporté de deux semaines\n{BODY}")).as_deref(),
            Some("Le scrutin reporté de deux semaines")
        );
        assert_eq!(
            t(&format!(
                "Monde\nSommet régional à Lyon\nPar Anne Martin et Paul Durand, à Lyon\n{BODY}"
            ))
            .as_deref(),
            Some("Sommet régional à Lyon")
        );
        assert_eq!(
            t(&format!("Monde\nSommet régional à Lyon\n{BODY}\n{BODY2}")).as_deref(),
            Some("Sommet régional à Lyon")
        );
        // A page title pasted alone as the headline loses the outlet's name, not another tail.
        assert_eq!(
            t(&format!(
                "Sommet régional à Lyon : un accord trouvé - RFI\n{BODY}"
            ))
            .as_deref(),
            Some("Sommet régional à Lyon : un accord trouvé")
        );
        assert_eq!(
            t(&format!(
                "Sommet régional : un accord trouvé - Lyon\n{BODY}"
            ))
            .as_deref(),
            Some("Sommet régional : un accord trouvé - Lyon")
        );
        // A short headline ending with « ... »; counter-example: a teaser cut short.
        assert_eq!(
            t(&format!(
                "Opinion\nSommet de Lyon : et maintenant, les actes...\n{BODY}"
            ))
            .as_deref(),
            Some("Sommet de Lyon : et maintenant, les actes...")
        );
        assert_eq!(
            t(&format!("Les dirigeants de douze pays se sont réunis mardi à Lyon pour discuter de la sécurité alimentaire et des...\n{BODY}\n{BODY2}")),
            None
        );
        // Counter-example: a caption without a credit line, then a line ending in a stop: no
        // title (the caption is not skipped).
        assert_eq!(
            t(&format!(
                "Le marché couvert restera fermé pendant les travaux.\n{BODY}\n{BODY2}"
            )),
            None
        );
    }
}
