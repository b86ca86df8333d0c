//! The comparison view's pure half: how a `loupe.comparison/1` result (computed by the core,
//! [`crate::compare`], in the engine) is laid out on the page — column labels, the dates of all
//! the articles on one line, the frame bars on one scale — and which highlight of an article a
//! cell jumps to. Nothing here compares or analyses anything.

use crate::compare::{ArticleInfo, Comparison};
use crate::schema::Analysis;

/// What a comparison cell points at in its article's analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Index into `entities`: the entity's first mention.
    Entity(usize),
    /// Index into `stances`.
    Stance(usize),
    /// Index into `quotes`.
    Quote(usize),
    /// Index into `dates`.
    Date(usize),
}

impl Target {
    /// As a `data-target` attribute: `e3`, `s0`, `q2`, `d1`.
    pub fn code(self) -> String {
        match self {
            Target::Entity(i) => format!("e{i}"),
            Target::Stance(i) => format!("s{i}"),
            Target::Quote(i) => format!("q{i}"),
            Target::Date(i) => format!("d{i}"),
        }
    }
    pub fn parse(s: &str) -> Option<Target> {
        let (p, i) = s.split_at(s.char_indices().nth(1)?.0);
        let i: usize = i.parse().ok()?;
        Some(match p {
            "e" => Target::Entity(i),
            "s" => Target::Stance(i),
            "q" => Target::Quote(i),
            "d" => Target::Date(i),
            _ => return None,
        })
    }
}

/// The key of the highlight (`data-key` of the highlighted view) a target lands on, in the
/// analysis of its article; `None` when the analysis has no such item.
pub fn jump_key(a: &Analysis, t: Target) -> Option<String> {
    match t {
        Target::Entity(e) => a.entities.get(e)?.mentions.first().map(|m| format!("m{m}")),
        Target::Stance(s) => (s < a.stances.len()).then(|| format!("s{s}")),
        Target::Quote(q) => (q < a.quotes.len()).then(|| format!("q{q}")),
        Target::Date(d) => (d < a.dates.len()).then(|| format!("d{d}")),
    }
}

/// A column's short label: « 2 · Le Journal » (its number, then its publisher, else its name).
pub fn column_label(info: &ArticleInfo, i: usize) -> String {
    let name = info.publisher.as_deref().unwrap_or(&info.id);
    format!("{} · {}", i + 1, name)
}

/// One date of the timeline, with where each article mentions it.
#[derive(Debug, Clone, PartialEq)]
pub struct DateRow {
    /// ISO 8601 date (`2025`, `2025-03`, `2025-03-04`) when the core resolved it, else the
    /// date as written.
    pub key: String,
    pub iso: bool,
    /// Per article: `(index into its analysis's dates, text as written)` of each mention.
    pub cells: Vec<Vec<(usize, String)>>,
}

/// Every date the articles mention, on one line: resolved dates in chronological order, then
/// the unresolved ones by their text. Several mentions of one date in an article share a cell.
pub fn date_rows(c: &Comparison) -> Vec<DateRow> {
    let n = c.articles.len();
    let mut rows: Vec<DateRow> = Vec::new();
    for (ai, d) in c.dates.iter().enumerate() {
        for (di, m) in d.mentioned.iter().enumerate() {
            let (key, iso) = match &m.iso {
                Some(i) => (i.clone(), true),
                None => (m.text.clone(), false),
            };
            let row = match rows.iter().position(|r| r.key == key && r.iso == iso) {
                Some(r) => r,
                None => {
                    rows.push(DateRow {
                        key,
                        iso,
                        cells: vec![Vec::new(); n],
                    });
                    rows.len() - 1
                }
            };
            rows[row].cells[ai].push((di, m.text.clone()));
        }
    }
    super::sort::sort_by(&mut rows, |a, b| {
        b.iso.cmp(&a.iso).then_with(|| a.key.cmp(&b.key))
    });
    rows
}

/// [`bar_percent`] with one decimal, as `format!("{:.1}")` writes it, in integers (no float
/// formatting in the page program, issue 14).
pub fn bar_width(count: usize, max: usize) -> String {
    if max == 0 {
        return "0.0".into();
    }
    // Tenths of a percent, rounded half to even.
    let num = count.min(max) as u128 * 1000;
    let (q, r) = (num / max as u128, num % max as u128);
    let t = if 2 * r > max as u128 || (2 * r == max as u128 && q % 2 == 1) {
        q + 1
    } else {
        q
    };
    format!("{}.{}", t / 10, t % 10)
}

/// The width of a frame bar, in percent of the common scale (`frames_max`).
pub fn bar_percent(count: usize, max: usize) -> f64 {
    if max == 0 {
        0.0
    } else {
        (count as f64 * 100.0 / max as f64).clamp(0.0, 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bar_width_is_the_one_decimal_format() {
        for max in 0..=400 {
            for n in 0..=max {
                assert_eq!(
                    bar_width(n, max),
                    format!("{:.1}", bar_percent(n, max)),
                    "{n}/{max}"
                );
            }
        }
    }

    const TEXTS: [&str; 3] = [
        include_str!("../../tests/fixtures/compare/a-agence.txt"),
        include_str!("../../tests/fixtures/compare/b-officiel.txt"),
        include_str!("../../tests/fixtures/compare/c-journal.txt"),
    ];

    fn cmp() -> (Vec<Analysis>, Comparison) {
        let a: Vec<Analysis> = TEXTS.iter().map(|t| crate::analyze(t)).collect();
        let named: Vec<(String, &Analysis)> = a
            .iter()
            .enumerate()
            .map(|(i, x)| (format!("t{i}"), x))
            .collect();
        let c = crate::compare::compare(&named).unwrap();
        (a, c)
    }

    #[test]
    fn targets_round_trip_and_land_on_their_item() {
        for t in [
            Target::Entity(3),
            Target::Stance(0),
            Target::Quote(12),
            Target::Date(7),
        ] {
            assert_eq!(Target::parse(&t.code()), Some(t));
        }
        assert_eq!(Target::parse("x1"), None);
        assert_eq!(Target::parse("e"), None);
        assert_eq!(Target::parse(""), None);
        let (a, c) = cmp();
        // Every actor cell jumps to a mention of that actor, at the span the comparison gives.
        for actor in &c.actors {
            for (i, cell) in actor.in_articles.iter().enumerate() {
                let Some(cell) = cell else { continue };
                let key = jump_key(&a[i], Target::Entity(cell.entity)).unwrap();
                let m: usize = key[1..].parse().unwrap();
                assert_eq!(a[i].mentions[m].span, cell.first);
            }
        }
        for row in &c.quotes {
            for (i, qs) in row.in_articles.iter().enumerate() {
                for q in qs {
                    assert_eq!(
                        jump_key(&a[i], Target::Quote(q.quote)),
                        Some(format!("q{}", q.quote))
                    );
                    assert_eq!(a[i].quotes[q.quote].span, q.span);
                }
            }
        }
        assert_eq!(jump_key(&a[0], Target::Quote(10_000)), None);
    }

    #[test]
    fn dates_on_one_line_in_order() {
        let (_, c) = cmp();
        let rows = date_rows(&c);
        let total: usize = c.dates.iter().map(|d| d.mentioned.len()).sum();
        assert_eq!(
            rows.iter()
                .flat_map(|r| r.cells.iter())
                .map(Vec::len)
                .sum::<usize>(),
            total
        );
        let isos: Vec<&str> = rows
            .iter()
            .filter(|r| r.iso)
            .map(|r| r.key.as_str())
            .collect();
        let mut sorted = isos.clone();
        sorted.sort();
        assert_eq!(isos, sorted);
        // Resolved dates first.
        assert!(rows.windows(2).all(|w| w[0].iso >= w[1].iso));
        // No two rows for one date.
        let mut keys: Vec<(&str, bool)> = rows.iter().map(|r| (r.key.as_str(), r.iso)).collect();
        keys.dedup();
        assert_eq!(keys.len(), rows.len());
    }

    #[test]
    fn bars_share_one_scale() {
        assert_eq!(bar_percent(0, 0), 0.0);
        assert_eq!(bar_percent(3, 6), 50.0);
        assert_eq!(bar_percent(6, 6), 100.0);
        let (_, c) = cmp();
        let info = &c.articles[1];
        assert!(column_label(info, 1).starts_with("2 · "));
    }
}
