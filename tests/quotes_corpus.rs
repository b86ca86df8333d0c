//! The invented attribution corpus (`tests/fixtures/quotes/*.txt`, format in its README): news
//! articles in several outlet styles, each quotation with the speaker it belongs to. Scores how
//! many quotations are found and how many get the right speaker (none where the article names
//! nobody), and checks that scare quotes and titles are not reported as quotations.

mod corpus;

struct Article {
    name: String,
    text: String,
    /// (first words of the quote, expected speaker: a name, `-` for none, `!` for not a quote).
    expected: Vec<(String, String)>,
}

fn articles() -> Vec<Article> {
    corpus::fixture_files("quotes")
        .iter()
        .map(|f| {
            let src = std::fs::read_to_string(f).unwrap();
            let (text, exp) = src.split_once("\n===\n").expect("=== separator");
            let expected = exp
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let (q, s) = l.split_once('\t').expect("quote<TAB>speaker");
                    (q.to_string(), s.trim().to_string())
                })
                .collect();
            Article {
                name: corpus::file_name(f),
                text: text.to_string(),
                expected,
            }
        })
        .collect()
}

/// [`corpus::norm`], also folding « á » and « ó » (Spanish and Portuguese names).
fn norm(s: &str) -> String {
    corpus::norm(&s.to_lowercase().replace('á', "a").replace('ó', "o"))
}

/// [`norm`] without a leading article (« l'association … » names « Association … »).
fn bare(s: &str) -> String {
    let n = norm(s);
    for art in ["l'", "le ", "la ", "les "] {
        if let Some(r) = n.strip_prefix(art) {
            return r.to_string();
        }
    }
    n
}

#[derive(Default)]
struct Score {
    quotes: usize,
    found: usize,
    speaker: usize,
    not_quotes: usize,
    reported: usize,
}

fn score(verbose: bool) -> Score {
    let mut s = Score::default();
    for art in articles() {
        let a = loupe::analyze(&art.text);
        let mut used = vec![false; a.quotes.len()];
        for (prefix, want) in &art.expected {
            let p = norm(prefix);
            let hit = a
                .quotes
                .iter()
                .enumerate()
                .position(|(i, q)| !used[i] && norm(&q.text).starts_with(&p));
            if want == "!" {
                s.not_quotes += 1;
                if hit.is_some() {
                    s.reported += 1;
                    if verbose {
                        eprintln!("{}: reported a non-quote « {prefix} »", art.name);
                    }
                }
                continue;
            }
            s.quotes += 1;
            let Some(i) = hit else {
                if verbose {
                    eprintln!("{}: not found « {prefix} »", art.name);
                }
                continue;
            };
            used[i] = true;
            s.found += 1;
            let q = &a.quotes[i];
            let got = q
                .speaker
                .map(|k| a.entities[k].canonical.clone())
                .or(q.speaker_text.clone());
            let ok = match (want.as_str(), &got) {
                ("-", None) => true,
                ("-", Some(_)) | (_, None) => false,
                (w, Some(g)) => bare(w) == bare(g),
            };
            if ok {
                s.speaker += 1;
            } else if verbose {
                eprintln!("{}: « {prefix} » speaker {got:?}, want {want}", art.name);
            }
        }
    }
    s
}

#[test]
fn invented_articles_quotes_and_speakers() {
    let s = score(true);
    let pct = |n: usize| 100.0 * n as f64 / s.quotes.max(1) as f64;
    eprintln!(
        "quotes corpus: {} quotes, found {} ({:.1} %), right speaker {} ({:.1} %); non-quotes reported {}/{}",
        s.quotes,
        s.found,
        pct(s.found),
        s.speaker,
        pct(s.speaker),
        s.reported,
        s.not_quotes
    );
    assert!(s.quotes >= 50, "corpus too small: {}", s.quotes);
    assert!(pct(s.found) >= 95.0, "found {:.1} %", pct(s.found));
    assert!(
        pct(s.speaker) >= 93.0,
        "right speaker {:.1} %",
        pct(s.speaker)
    );
    assert!(s.reported <= 1, "non-quotes reported: {}", s.reported);
}
