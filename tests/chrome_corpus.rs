//! The invented page-chrome corpus (`tests/fixtures/chrome/*.txt`, format in its README): news
//! pages of many kinds of outlets with their menus, share rows, subscription prompts, related
//! links, credits and footers around an invented article. Every content line must stay, the card
//! must read the title, publisher and date the page states (none when it states none), and
//! nearly every chrome line must be set aside.

mod corpus;

use corpus::norm;

struct Page {
    name: String,
    lines: Vec<(String, String)>,
    card: Vec<(String, String)>,
}

fn pages() -> Vec<Page> {
    corpus::fixture_files("chrome")
        .iter()
        .map(|f| {
            let src = std::fs::read_to_string(f).unwrap();
            let mut lines = Vec::new();
            let mut card = Vec::new();
            for raw in src.split('\n') {
                if let Some(h) = raw.strip_prefix("# ") {
                    let (k, v) = h.split_once(':').unwrap();
                    card.push((k.trim().to_string(), v.trim().to_string()));
                } else if let Some((tag, text)) = raw.split_once('\t') {
                    lines.push((tag.to_string(), text.to_string()));
                } else if raw.trim().is_empty() {
                    lines.push((String::new(), String::new()));
                }
            }
            while lines.last().is_some_and(|(t, _)| t.is_empty()) {
                lines.pop();
            }
            Page {
                name: corpus::file_name(f),
                lines,
                card,
            }
        })
        .collect()
}

#[test]
fn invented_pages_chrome_and_card() {
    let (mut chrome, mut chrome_ok) = (0, 0);
    let mut misses = Vec::new();
    let mut errors = Vec::new();
    for page in pages() {
        let text: Vec<&str> = page.lines.iter().map(|(_, t)| t.as_str()).collect();
        let text = text.join("\n");
        let a = loupe::analyze(&text);
        let mut covered = vec![false; text.len()];
        for s in &a.boilerplate {
            covered[s.span.start..s.span.end].fill(true);
        }
        let mut pos = 0;
        for (tag, line) in &page.lines {
            let n = line.len();
            let share = if n == 0 {
                0.0
            } else {
                covered[pos..pos + n].iter().filter(|&&c| c).count() as f32 / n as f32
            };
            pos += n + 1;
            match tag.as_str() {
                "c" => {
                    chrome += 1;
                    if share >= 0.9 {
                        chrome_ok += 1;
                    } else {
                        misses.push(format!("{}: chrome kept: {line}", page.name));
                    }
                }
                "k" | "t" if share >= 0.5 => {
                    errors.push(format!("{}: content set aside: {line}", page.name))
                }
                _ => {}
            }
        }
        for (field, want) in &page.card {
            let got = match field.as_str() {
                "title" => a.card.title.clone(),
                "publisher" => a.card.publisher.as_ref().map(|p| p.name.clone()),
                "date" => a.card.date.clone(),
                _ => continue,
            };
            let ok = match (want.as_str(), &got) {
                ("-", g) => g.is_none(),
                (_, None) => false,
                (w, Some(g)) if field == "publisher" => w
                    .split('|')
                    .any(|w| norm(g).contains(&norm(w)) || norm(w).contains(&norm(g))),
                (w, Some(g)) => norm(w) == norm(g),
            };
            if !ok {
                errors.push(format!(
                    "{}: card {field}: want {want:?}, got {got:?}",
                    page.name
                ));
            }
        }
    }
    assert!(errors.is_empty(), "{errors:#?}\nchrome kept: {misses:#?}");
    assert!(
        chrome_ok * 100 >= chrome * 97,
        "chrome set aside {chrome_ok}/{chrome}: {misses:#?}"
    );
}
