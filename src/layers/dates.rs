//! French date grammar, normalised to ISO 8601 where possible.
//!
//! Recognised (token grammar, case-insensitive):
//! - `[weekday] [le] DAY MONTH [YEAR]` — « lundi 10 janvier », « le 16 juillet 2020 », « 1er mai »;
//! - `MONTH YEAR` — « février 2022 »; `weekday` alone — « Vendredi »;
//! - numeric `DD. MM. YYYY`, `DD/MM/YYYY`, `DD.MM.YYYY`, ISO `YYYY-MM-DD` and `YYYY-MM`;
//!   `DD/MM` after « le », « du »… (« le 02/11 »);
//! - English `Mon DD, YYYY` (« Mar 14, 2023 »);
//! - ranges whose first day has no month, as one span (« 11 au 13 mars 2023 »);
//! - « Noël », « Pâques » after « avant », « après », « depuis »…;
//! - a year `1800–2099` alone when it is not a quantity (« 2022 » but not « 2022 habitants »);
//! - a month alone after « en », « début », « fin », « mi- », « depuis », « dès ».
//!
//! Modifiers stay outside the span (« Début 2022 » → « 2022 »), as in the evaluation data.
//! Relative expressions (« aujourd'hui », « cette année ») are not dates.
//!
//! Invariants: spans are on token boundaries, sorted, non-overlapping; `iso` is a valid
//! `YYYY`, `YYYY-MM` or `YYYY-MM-DD` string.

use crate::schema::Rule;
use crate::text::doc::{Doc, NSpan};

pub const MONTHS: &[(&str, u32)] = &[
    ("janvier", 1),
    ("février", 2),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("déc", 12),
];

/// French name of month `m` (1–12).
#[cfg(test)]
pub fn month_name(m: u32) -> Option<&'static str> {
    MONTHS.iter().find(|(_, n)| *n == m).map(|(name, _)| *name)
}

#[cfg(test)]
pub const WEEKDAYS: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

#[derive(Debug, Clone)]
pub struct DateAnn {
    pub a: usize,
    pub b: usize,
    pub span: NSpan,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// Weekday index (0 = lundi) when the date names one.
    pub weekday: Option<usize>,
    /// A weekday alone in a clause about the future (« se rendra vendredi », « lundi
    /// prochain »): resolved forward from the publication date, not back.
    pub future: bool,
    pub rule: Rule,
}

impl DateAnn {
    pub fn iso(&self) -> Option<String> {
        let (y, m, d) = match (self.year, self.month, self.day) {
            (Some(y), m @ Some(_), d) => (y, m, d),
            (Some(y), None, None) => (y, None, None),
            _ => return None,
        };
        // `{y:04}-{m:02}-{d:02}` without the formatting machinery (years 0–9999, fields < 100).
        let fits =
            (0..=9999).contains(&y) && m.is_none_or(|m| m < 100) && d.is_none_or(|d| d < 100);
        if !fits {
            return Some(match (m, d) {
                (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
                (Some(m), None) => format!("{y:04}-{m:02}"),
                _ => format!("{y:04}"),
            });
        }
        let digit = |v: u32| char::from(b'0' + v as u8);
        let y = y as u32;
        let mut s = String::with_capacity(10);
        s.extend([y / 1000, y / 100 % 10, y / 10 % 10, y % 10].map(digit));
        for v in [m, d].into_iter().flatten() {
            s.push('-');
            s.extend([v / 10, v % 10].map(digit));
        }
        Some(s)
    }
}

/// Month number of a (lower-cased) month name or abbreviation in [`MONTHS`].
fn month(w: &str) -> Option<u32> {
    match calendar_word(w)? {
        Calendar::Month(m) => Some(m),
        Calendar::Weekday(_) => None,
    }
}

/// Index in [`WEEKDAYS`] of a (lower-cased) weekday name.
fn weekday(w: &str) -> Option<usize> {
    match calendar_word(w)? {
        Calendar::Weekday(d) => Some(d),
        Calendar::Month(_) => None,
    }
}

#[derive(Clone, Copy)]
enum Calendar {
    Month(u32),
    Weekday(usize),
}

/// A word of [`MONTHS`] or [`WEEKDAYS`] (one `match` instead of scanning both lists; arms are
/// grouped by byte length so that each word is compared with a few candidates of its length).
fn calendar_word(w: &str) -> Option<Calendar> {
    use Calendar::{Month as M, Weekday as W};
    Some(match w.len() {
        3 => match w {
            "mai" => M(5),
            "avr" => M(4),
            "oct" => M(10),
            "nov" => M(11),
            _ => return None,
        },
        4 => match w {
            "mars" => M(3),
            "juin" => M(6),
            "janv" => M(1),
            "juil" => M(7),
            "aout" => M(8),
            "sept" => M(9),
            "déc" => M(12),
            _ => return None,
        },
        5 => match w {
            "avril" => M(4),
            "août" => M(8),
            "févr" => M(2),
            "lundi" => W(0),
            "mardi" => W(1),
            "jeudi" => W(3),
            _ => return None,
        },
        6 => match w {
            "samedi" => W(5),
            _ => return None,
        },
        7 => match w {
            "janvier" => M(1),
            "fevrier" => M(2),
            "juillet" => M(7),
            "octobre" => M(10),
            _ => return None,
        },
        8 => match w {
            "février" => M(2),
            "novembre" => M(11),
            "decembre" => M(12),
            "mercredi" => W(2),
            "vendredi" => W(4),
            "dimanche" => W(6),
            _ => return None,
        },
        9 => match w {
            "septembre" => M(9),
            "décembre" => M(12),
            _ => return None,
        },
        _ => return None,
    })
}

/// Can a token whose lower case starts with byte `c` start a date? `Some(true)` for a number,
/// `Some(false)` for the initial of a month or weekday name.
fn starts_date(c: u8) -> Option<bool> {
    match c {
        b'0'..=b'9' | b'+' => Some(true),
        b'a' | b'd' | b'f' | b'j' | b'l' | b'm' | b'n' | b'o' | b's' | b'v' | b'p' => Some(false),
        _ => None,
    }
}

/// An English month name or abbreviation, capitalised (« Jul », « July », « Sept »).
fn english_month(w: &str) -> Option<u32> {
    Some(match w {
        "Jan" | "January" => 1,
        "Feb" | "February" => 2,
        "Mar" | "March" => 3,
        "Apr" | "April" => 4,
        "May" => 5,
        "Jun" | "June" => 6,
        "Jul" | "July" => 7,
        "Aug" | "August" => 8,
        "Sep" | "Sept" | "September" => 9,
        "Oct" | "October" => 10,
        "Nov" | "November" => 11,
        "Dec" | "December" => 12,
        _ => return None,
    })
}

fn day(w: &str) -> Option<u32> {
    let w = w.strip_suffix("er").unwrap_or(w);
    let d: u32 = w.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

fn year(w: &str) -> Option<i32> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = w.parse().ok()?;
    (1000..=2199).contains(&y).then_some(y)
}

/// Words after a number that make it a quantity, not a year.
const QUANTITY_NOUNS: &[&str] = &[
    "ans",
    "an",
    "km",
    "kilomètres",
    "kilometres",
    "mètres",
    "m",
    "euros",
    "€",
    "dollars",
    "$",
    "habitants",
    "personnes",
    "morts",
    "victimes",
    "tonnes",
    "%",
    "mots",
    "hectares",
    "voix",
    "soldats",
    "salariés",
    "emplois",
    "élèves",
    "logements",
    "exemplaires",
    "fois",
    "kg",
];

/// Days in month (no leap-year subtlety needed beyond February 29 on leap years).
fn valid_ymd(y: i32, m: u32, d: u32) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let dim = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m) && d >= 1 && d <= dim[(m - 1) as usize]
}

/// Finds the dates of the document (outside boilerplate).
// Out of line (one call per document) so that instruction profiles show the stage.
#[inline(never)]
pub fn find(doc: &Doc) -> Vec<DateAnn> {
    let toks = doc.tokens();
    let lower = doc.lower.as_bytes();
    let n = toks.len();
    let mut out: Vec<DateAnn> = Vec::new();
    let mut i = 0;
    while i < n {
        if doc.tok_in_boilerplate(i) {
            i += 1;
            continue;
        }
        // Every rule below starts at a number (« 12 », « 1er », « 2020-07-16 »; `u32` parsing
        // also takes a leading « + ») or at a month or weekday name: other tokens are passed
        // over on their first byte and length.
        let Some(numeric) = lower.get(toks[i].start()).and_then(|&c| starts_date(c)) else {
            i += 1;
            continue;
        };
        let w = doc.tok_lower(i);
        if !numeric
            && calendar_word(w).is_none()
            && english_month(doc.tok(i)).is_none()
            && !matches!(w, "noël" | "pâques")
        {
            i += 1;
            continue;
        }
        let lim = doc.seg.sentences[doc.tokens()[i].sent()].tokens.end;
        let push = |out: &mut Vec<DateAnn>, a: usize, b: usize, y, m, d, wd, rule: &str| {
            out.push(DateAnn {
                a,
                b,
                span: doc.tspan(a, b),
                year: y,
                month: m,
                day: d,
                weekday: wd,
                future: false,
                rule: Rule::new("date", rule.to_string()),
            });
        };
        // ISO date in one token.
        if w.len() == 10 && w.as_bytes()[4] == b'-' && w.as_bytes()[7] == b'-' {
            if let (Some(y), Ok(m), Ok(d)) = (year(&w[..4]), w[5..7].parse(), w[8..].parse()) {
                if valid_ymd(y, m, d) {
                    push(
                        &mut out,
                        i,
                        i + 1,
                        Some(y),
                        Some(m),
                        Some(d),
                        None,
                        "ISO YYYY-MM-DD",
                    );
                    i += 1;
                    continue;
                }
            }
        }
        // ISO month in one token: « 2024-09 » (a dateline's month).
        if w.len() == 7
            && w.as_bytes()[4] == b'-'
            && w.bytes().filter(u8::is_ascii_digit).count() == 6
        {
            if let (Some(y), Ok(m)) = (year(&w[..4]), w[5..].parse::<u32>()) {
                if (1..=12).contains(&m) {
                    push(
                        &mut out,
                        i,
                        i + 1,
                        Some(y),
                        Some(m),
                        None,
                        None,
                        "ISO YYYY-MM",
                    );
                    i += 1;
                    continue;
                }
            }
        }
        // Numeric DD.MM.YYYY in one token (the tokenizer keeps dotted numbers whole).
        if numeric && (8..=10).contains(&w.len()) && w.bytes().filter(|&c| c == b'.').count() == 2 {
            let mut parts = w.split('.');
            if let (Some(d), Some(m), Some(y)) = (parts.next(), parts.next(), parts.next()) {
                if let (Some(dd), Ok(mm), Some(yy)) = (day(d), m.parse::<u32>(), year(y)) {
                    if d.len() <= 2 && m.len() <= 2 && valid_ymd(yy, mm, dd) {
                        push(
                            &mut out,
                            i,
                            i + 1,
                            Some(yy),
                            Some(mm),
                            Some(dd),
                            None,
                            "numeric DD.MM.YYYY",
                        );
                        i += 1;
                        continue;
                    }
                }
            }
        }
        // Numeric DD sep MM sep YYYY.
        if i + 4 < lim {
            let sep1 = doc.tok(i + 1);
            let sep2 = doc.tok(i + 3);
            if matches!(sep1, "." | "/" | "-") && sep1 == sep2 {
                if let (Some(d), Ok(m), Some(y)) =
                    (day(w), doc.tok(i + 2).parse::<u32>(), year(doc.tok(i + 4)))
                {
                    if valid_ymd(y, m, d) && w.len() <= 2 {
                        push(
                            &mut out,
                            i,
                            i + 5,
                            Some(y),
                            Some(m),
                            Some(d),
                            None,
                            "numeric DD.MM.YYYY",
                        );
                        i += 5;
                        continue;
                    }
                }
            }
        }
        // Numeric DD/MM without a year after « le », « du », « au »… (« le 02/11 »): two-digit
        // month, no third part (not a fraction or a score: « 24/7 », « 3/4 »).
        if numeric && i + 2 < lim && i > 0 && doc.tok(i + 1) == "/" {
            let mm = doc.tok(i + 2);
            let third = i + 3 < lim && matches!(doc.tok(i + 3), "/" | "." | "-");
            let prev = doc.tok_lower(i - 1);
            if let (Some(d), Ok(m)) = (day(w), mm.parse::<u32>()) {
                if mm.len() == 2
                    && w.len() <= 2
                    && (1..=12).contains(&m)
                    && !third
                    && matches!(
                        prev,
                        "le" | "du" | "au" | "dès" | "depuis" | "ce" | "jusqu'au"
                    )
                {
                    push(
                        &mut out,
                        i,
                        i + 3,
                        None,
                        Some(m),
                        Some(d),
                        None,
                        "numeric DD/MM",
                    );
                    i += 3;
                    continue;
                }
            }
        }
        // English « Mar 14, 2023 » (datelines of sites in English and French).
        if !numeric && i + 2 < lim {
            if let (Some(m), Some(d)) = (english_month(doc.tok(i)), day(doc.tok(i + 1))) {
                let mut e = i + 2;
                if e < lim && doc.tok(e) == "," {
                    e += 1;
                }
                if let Some(y) = (e < lim).then(|| year(doc.tok(e))).flatten() {
                    push(
                        &mut out,
                        i,
                        e + 1,
                        Some(y),
                        Some(m),
                        Some(d),
                        None,
                        "English date",
                    );
                    i = e + 1;
                    continue;
                }
            }
        }
        // A holiday that fixes a date: « avant Noël », « après Pâques ».
        if !numeric && matches!(w, "noël" | "pâques") && doc.is_cap(i) && i > 0 {
            let prev = doc.tok_lower(i - 1);
            let next_cap = i + 1 < lim && doc.is_cap(i + 1);
            if !next_cap
                && matches!(
                    prev,
                    "avant" | "après" | "depuis" | "pour" | "à" | "dès" | "ici" | "de" | "d'"
                )
            {
                push(&mut out, i, i + 1, None, None, None, None, "holiday");
                i += 1;
                continue;
            }
        }
        // [weekday] DAY MONTH [YEAR] / weekday alone.
        let wd = weekday(w);
        let mut j = i;
        if wd.is_some() {
            j += 1;
        }
        if j + 1 < lim {
            if let (Some(d), Some(m)) = (day(doc.tok_lower(j)), month(doc.tok_lower(j + 1))) {
                let mut e = j + 2;
                let mut y = None;
                if e < lim {
                    if let Some(yy) = year(doc.tok(e)) {
                        y = Some(yy);
                        e += 1;
                    }
                }
                // « 11 au 13 mars 2023 », « 7 et 14 janvier »: one span from the first day.
                let mut a = i;
                if wd.is_none()
                    && i >= 2
                    && day(doc.tok(i - 2)).is_some()
                    && doc.tok(i - 2).len() <= 2
                    && matches!(doc.tok_lower(i - 1), "au" | "et" | "-" | "à")
                    && out.last().is_none_or(|l| l.b <= i - 2)
                {
                    a = i - 2;
                }
                push(&mut out, a, e, y, Some(m), Some(d), wd, "day month [year]");
                i = e;
                continue;
            }
        }
        if let Some(wd) = wd {
            push(&mut out, i, i + 1, None, None, None, Some(wd), "weekday");
            if let Some(last) = out.last_mut() {
                last.future = future_clause(doc, i, lim);
            }
            i += 1;
            continue;
        }
        // MONTH YEAR.
        if let Some(m) = month(w) {
            let is_word_month = w.len() >= 4; // « mai » alone is too ambiguous without context
            if i + 1 < lim {
                if let Some(y) = year(doc.tok(i + 1)) {
                    push(
                        &mut out,
                        i,
                        i + 2,
                        Some(y),
                        Some(m),
                        None,
                        None,
                        "month year",
                    );
                    i += 2;
                    continue;
                }
            }
            let prev = if i > 0 { doc.tok_lower(i - 1) } else { "" };
            if matches!(
                prev,
                "en" | "début" | "fin" | "mi" | "depuis" | "dès" | "courant" | "d'ici"
            ) && (is_word_month || prev == "en")
                && !doc.is_cap(i)
            {
                push(
                    &mut out,
                    i,
                    i + 1,
                    None,
                    Some(m),
                    None,
                    None,
                    "month after « en/début/fin »",
                );
                i += 1;
                continue;
            }
        }
        // Year alone.
        if let Some(y) = year(w) {
            let next = if i + 1 < n { doc.tok_lower(i + 1) } else { "" };
            let prev = if i > 0 { doc.tok(i - 1) } else { "" };
            let prev_is_number =
                i > 0 && prev.bytes().all(|b| b.is_ascii_digit()) && !prev.is_empty();
            let quantity = QUANTITY_NOUNS.contains(&next);
            if (1800..=2099).contains(&y) && !quantity && !prev_is_number {
                push(&mut out, i, i + 1, Some(y), None, None, None, "year");
            }
        }
        i += 1;
    }
    out
}

/// Is the weekday at token `i` (sentence ending at `lim`) in a clause about the future: followed
/// by « prochain(e) », or after a future-tense verb (« se rendra », « auront lieu ») or a
/// verb of plan (« doit », « va », « est attendu ») among the six tokens before it, within its
/// clause?
fn future_clause(doc: &Doc, i: usize, lim: usize) -> bool {
    if i + 1 < lim && matches!(doc.tok_lower(i + 1), "prochain" | "prochaine") {
        return true;
    }
    let start = doc.seg.sentences[doc.tokens()[i].sent()].tokens.start;
    for k in (start.max(i.saturating_sub(6))..i).rev() {
        let w = doc.tok_lower(k);
        if matches!(w, "," | ";" | ":" | "." | "«" | "»") {
            break;
        }
        let future_tense = doc.is_word(k)
            && !doc.is_cap(k)
            && w.chars().count() >= 5
            && (w.ends_with("ra") || w.ends_with("ront"));
        if future_tense
            || matches!(
                w,
                "va" | "vont"
                    | "aura"
                    | "auront"
                    | "sera"
                    | "seront"
                    | "fera"
                    | "feront"
                    | "ira"
                    | "iront"
                    | "doit"
                    | "doivent"
                    | "devrait"
                    | "devraient"
                    | "attendu"
                    | "attendue"
                    | "attendus"
                    | "prévu"
                    | "prévue"
                    | "prévus"
                    | "prévues"
            )
        {
            return true;
        }
    }
    false
}

/// Fills missing years and resolves weekdays against a reference (publication) date.
pub fn resolve(dates: &mut [DateAnn], reference: Option<(i32, u32, u32)>) {
    let Some((ry, rm, rd)) = reference else {
        return;
    };
    for d in dates.iter_mut() {
        if let (None, Some(m)) = (d.year, d.month) {
            // Same year as the reference unless that puts the date far in the future.
            d.year = Some(if m > rm + 2 { ry - 1 } else { ry });
            if let Some(day) = d.day {
                if !valid_ymd(d.year.unwrap(), m, day) {
                    d.year = None;
                }
            }
        } else if let (None, Some(wd)) = (d.year, d.weekday) {
            // The most recent such weekday on or before the reference date (news reports the
            // past), or the next one on or after it in a clause about the future.
            let wd = wd as i64;
            let ref_days = days_from_civil(ry, rm, rd);
            let ref_wd = (ref_days + 3).rem_euclid(7); // 1970-01-01 was a Thursday (index 3)
            let shift = if d.future {
                (wd - ref_wd).rem_euclid(7)
            } else {
                -(ref_wd - wd).rem_euclid(7)
            };
            let (y, m, dd) = civil_from_days(ref_days + shift);
            d.year = Some(y);
            d.month = Some(m);
            d.day = Some(dd);
        }
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), after H. Hinnant's algorithm.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

pub fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(t: &str) -> Vec<(String, Option<String>)> {
        let d = Doc::new(t);
        find(&d)
            .iter()
            .map(|x| (d.slice(x.span).to_string(), x.iso()))
            .collect()
    }

    #[test]
    fn numeric_months_english_dates_ranges_and_holidays() {
        let d = dates("Mis à jour le 03/11 à 10h. Publié 2023-04 ici. Mar 12, 2024 08:00 UTC. Du 12 au 15 mars 2023 et le 7 et 9 mai. Avant Noël, rien.");
        let t: Vec<&str> = d.iter().map(|x| x.0.as_str()).collect();
        for want in [
            "03/11",
            "2023-04",
            "Mar 12, 2024",
            "12 au 15 mars 2023",
            "7 et 9 mai",
            "Noël",
        ] {
            assert!(t.contains(&want), "{want}: {t:?}");
        }
        assert!(d.iter().any(|x| x.1.as_deref() == Some("2023-04")));
        assert!(d.iter().any(|x| x.1.as_deref() == Some("2024-03-12")));
        // Not dates: fractions, scores, a month 13, a person named Noël, two dated ends.
        let d = dates("Un service 24/7 noté 12/20 ; le code 2024-13. Noël Durand parle. Du 3 février au 9 mars.");
        let t: Vec<&str> = d.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(t, ["3 février", "9 mars"], "{d:?}");
    }

    #[test]
    fn grammar() {
        assert_eq!(
            dates("Il a parlé lundi 10 janvier, puis le 16 juillet 2020 et en février 2022."),
            vec![
                ("lundi 10 janvier".into(), None),
                ("16 juillet 2020".into(), Some("2020-07-16".into())),
                ("février 2022".into(), Some("2022-02".into())),
            ]
        );
        assert_eq!(
            dates("Mis à jour le 12. 01. 2022 | 2020-07-16 | 03/04/2021"),
            vec![
                ("12. 01. 2022".into(), Some("2022-01-12".into())),
                ("2020-07-16".into(), Some("2020-07-16".into())),
                ("03/04/2021".into(), Some("2021-04-03".into())),
            ]
        );
    }

    #[test]
    fn years_and_quantities() {
        assert_eq!(
            dates(
                "Début 2022, la ville de 2500 habitants fondée en 1820 comptait 1 770 kilomètres."
            ),
            vec![
                ("2022".into(), Some("2022".into())),
                ("1820".into(), Some("1820".into()))
            ]
        );
    }

    #[test]
    fn calendar_words_are_the_lists() {
        for &(m, n) in MONTHS {
            assert_eq!(month(m), Some(n), "{m}");
            assert_eq!(weekday(m), None, "{m}");
        }
        for (k, d) in WEEKDAYS.iter().enumerate() {
            assert_eq!(weekday(d), Some(k), "{d}");
            assert_eq!(month(d), None, "{d}");
        }
        for w in [
            "",
            "ma",
            "mois",
            "juilet",
            "lundis",
            "Mars",
            "décembres",
            "2020",
        ] {
            assert!(calendar_word(w).is_none(), "{w}");
        }
    }

    #[test]
    fn iso_formats_like_format() {
        let reference = |y: Option<i32>, m: Option<u32>, d: Option<u32>| match (y, m, d) {
            (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (Some(y), None, None) => Some(format!("{y:04}")),
            _ => None,
        };
        let years = [
            None,
            Some(-5),
            Some(0),
            Some(7),
            Some(999),
            Some(2022),
            Some(9999),
            Some(12345),
        ];
        let small = [
            None,
            Some(0),
            Some(1),
            Some(9),
            Some(12),
            Some(31),
            Some(99),
            Some(100),
        ];
        for y in years {
            for m in small {
                for d in small {
                    let a = DateAnn {
                        a: 0,
                        b: 0,
                        span: NSpan::default(),
                        year: y,
                        month: m,
                        day: d,
                        weekday: None,
                        future: false,
                        rule: Rule::new("date", ""),
                    };
                    assert_eq!(a.iso(), reference(y, m, d), "{y:?} {m:?} {d:?}");
                }
            }
        }
    }

    #[test]
    fn weekday_resolution() {
        let d = Doc::new("Vendredi, il a parlé.");
        let mut v = find(&d);
        resolve(&mut v, Some((2022, 1, 12))); // a Wednesday
        assert_eq!(v[0].iso().as_deref(), Some("2022-01-07"));
        // About the future: the next such day.
        for t in [
            "Le président se rendra vendredi à Harbin.",
            "La délégation doit arriver vendredi.",
            "Ils se retrouveront vendredi prochain.",
            "Le vote aura lieu vendredi.",
        ] {
            let d = Doc::new(t);
            let mut v = find(&d);
            resolve(&mut v, Some((2022, 1, 12)));
            assert_eq!(v[0].iso().as_deref(), Some("2022-01-14"), "{t}");
        }
        // Dotted numeric dates are one token.
        let d = Doc::new("04.07.2024 | 18:42. Le 4.7.2024 et le 31.02.2024 et 1.234.567 euros.");
        let v = find(&d);
        let isos: Vec<_> = v.iter().filter_map(|x| x.iso()).collect();
        assert_eq!(isos, ["2024-07-04", "2024-07-04"]);
        // A future verb in another clause does not count.
        let d = Doc::new("Il partira demain, mais il a parlé vendredi.");
        let mut v = find(&d);
        resolve(&mut v, Some((2022, 1, 12)));
        assert_eq!(v[0].iso().as_deref(), Some("2022-01-07"));
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }
}
