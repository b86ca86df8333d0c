//! The summary card as Markdown (the « Copier en Markdown » export), built from the core's card.

use super::i18n::{self, Lang};
use crate::schema::{Analysis, Confidence};
use std::fmt::Write;

/// Escapes the characters that would start Markdown markup inside running text.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The card of `a` as a Markdown document. Items of confidence `guess` carry « _(à vérifier)_ »
/// (explained once at the end); dismissed items are left out by the caller
/// ([`super::dismiss::Dismissed::analysis`]).
pub fn card(a: &Analysis, lang: Lang) -> String {
    let t = lang.t();
    let c = &a.card;
    let mut marked = false;
    let mut mark = |conf: Confidence| -> String {
        if conf == Confidence::Guess {
            marked = true;
            format!(" _({})_", i18n::to_check(lang))
        } else {
            String::new()
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(c.title.as_deref().unwrap_or(t.untitled)));
    let mut meta = Vec::new();
    if let Some(p) = &c.publisher {
        let mut s = format!("**{}**", md(&p.name));
        if p.state_affiliated {
            let _ = write!(s, " ({})", t.state_media);
        }
        meta.push(s);
    }
    if let Some(d) = &c.date {
        meta.push(i18n::date_label(lang, d));
    }
    meta.push(i18n::words_line(lang, c.words, c.reading_minutes));
    let _ = writeln!(out, "{}\n", meta.join(" · "));
    if !c.summary.is_empty() {
        let _ = writeln!(out, "## {}\n", t.in_brief);
        for (k, s) in c.summary.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", k + 1, md(&s.text));
        }
        out.push('\n');
    }
    if !c.people.is_empty() {
        let _ = writeln!(out, "## {}\n", t.people);
        for p in &c.people {
            let m = mark(p.confidence);
            match &p.role {
                Some(r) => writeln!(out, "- **{}** — {}{m}", md(&p.name), md(r)),
                None => writeln!(out, "- **{}**{m}", md(&p.name)),
            }
            .ok();
        }
        out.push('\n');
    }
    if !c.organizations.is_empty() {
        let _ = writeln!(out, "## {}\n", t.organisations);
        for o in &c.organizations {
            let m = mark(o.confidence);
            match &o.acronym {
                Some(ac) => writeln!(out, "- **{}** ({}){m}", md(&o.name), md(ac)),
                None => writeln!(out, "- **{}**{m}", md(&o.name)),
            }
            .ok();
        }
        out.push('\n');
    }
    if !c.places.is_empty() {
        let _ = writeln!(out, "## {}\n", t.places);
        let names: Vec<String> = c
            .places
            .iter()
            .map(|p| format!("{}{}", md(&p.name), mark(p.confidence)))
            .collect();
        let _ = writeln!(out, "{}\n", names.join(" · "));
    }
    if !c.stance_matrix.is_empty() {
        let _ = writeln!(out, "## {}\n", t.stances);
        let _ = writeln!(out, "| {} | {} | {} | × |", t.holder, t.position, t.target);
        out.push_str("|---|---|---|---:|\n");
        for s in &c.stance_matrix {
            let m = mark(s.confidence);
            let _ = writeln!(
                out,
                "| {}{m} | {} {} | {} | {} |",
                md(&i18n::holder_label(lang, &s.holder)),
                i18n::polarity_glyph(s.polarity),
                i18n::polarity_label(lang, s.polarity),
                md(&s.target),
                s.count
            );
        }
        out.push('\n');
    }
    if !c.quotes.is_empty() {
        let _ = writeln!(out, "## {}\n", t.key_quotes);
        for q in &c.quotes {
            let who = q
                .speaker
                .as_deref()
                .map_or_else(|| t.unknown_speaker.to_string(), md);
            let m = mark(q.confidence);
            let _ = writeln!(out, "> « {} »\n> — {who}{m}\n", md(&q.text));
        }
    }
    if !c.frames.is_empty() {
        let _ = writeln!(out, "## {}\n", t.frames);
        for f in &c.frames {
            let _ = writeln!(
                out,
                "- {} × {}",
                md(&i18n::frame_label(lang, &f.frame)),
                f.count
            );
        }
        out.push('\n');
    }
    if marked {
        let _ = writeln!(out, "_{}_\n", md(i18n::to_check_help(lang)));
    }
    let _ = writeln!(out, "---\n_Loupe · {} · {}_", a.schema, a.generator);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_markdown_has_every_section_of_the_card() {
        let text = include_str!("../../tests/fixtures/russie-turquie-gaz.txt");
        let a = crate::analyze(text);
        let m = card(&a, Lang::Fr);
        let title = a.card.title.clone().unwrap();
        assert!(m.starts_with(&format!("# {}\n", md(&title))), "{m}");
        for p in &a.card.people {
            assert!(m.contains(&md(&p.name)), "{m}");
        }
        if !a.card.quotes.is_empty() {
            assert!(m.contains("## Citations clés"));
        }
        if a.card
            .publisher
            .as_ref()
            .is_some_and(|p| p.state_affiliated)
        {
            assert!(m.contains("(média d’État)"));
        }
        assert!(m.contains("min de lecture"));
        assert!(m.contains("loupe.analysis/1"));
        let en = card(&a, Lang::En);
        assert!(en.contains("min read"));
    }

    #[test]
    fn guesses_are_marked_to_check_and_sure_items_are_not() {
        let text = "Le maire Jean Dupont a reçu Kovalenko Brizard à la mairie. « Nous \
                    avancerons ensemble », a déclaré Jean Dupont. Kovalenko Brizard a salué \
                    la décision du conseil.";
        let mut a = crate::analyze(text);
        // Whatever the rules decide for this text, force one class of each kind.
        assert!(a.card.people.len() >= 2, "{:?}", a.card.people);
        a.card.people[0].confidence = Confidence::Sure;
        a.card.people[1].confidence = Confidence::Guess;
        let sure = a.card.people[0].name.clone();
        let guess = a.card.people[1].name.clone();
        let m = card(&a, Lang::Fr);
        let line = |name: &str| {
            m.lines()
                .find(|l| l.starts_with(&format!("- **{}**", md(name))))
                .unwrap_or_else(|| panic!("{name} in {m}"))
                .to_string()
        };
        assert!(line(&guess).ends_with(" _(à vérifier)_"), "{m}");
        assert!(!line(&sure).contains("vérifier"), "{m}");
        assert!(m.contains("_À vérifier\u{a0}: Loupe l’a déduit"), "{m}");
        assert!(card(&a, Lang::En).contains(" _(to check)_"));
        // No guess: no marker, no legend.
        a.card.people[1].confidence = Confidence::Likely;
        for p in &mut a.card.places {
            p.confidence = Confidence::Sure;
        }
        for o in &mut a.card.organizations {
            o.confidence = Confidence::Sure;
        }
        for q in &mut a.card.quotes {
            q.confidence = Confidence::Sure;
        }
        for s in &mut a.card.stance_matrix {
            s.confidence = Confidence::Sure;
        }
        assert!(!card(&a, Lang::Fr).contains("vérifier"));
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            md("a*b_c [x](y) | <b> #1"),
            "a\\*b\\_c \\[x\\](y) \\| \\<b\\> \\#1"
        );
    }
}
