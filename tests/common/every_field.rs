//! Shared by the unit tests of the two hand-written JSON writers of the schema
//! (`src/ui/json.rs` for the page, `src/batch/json.rs` for the CLI): an analysis with every
//! option set and every list non-empty, so that each writer is checked against serde_json on
//! every field.

use super::*;

/// Four of the fixtures, embedded: analyses with quotes, stances, frames and a card (the
/// page's writer and its binary protocol are checked on them).
#[allow(dead_code)] // (the CLI's writer reads every fixture from disk instead)
pub(crate) const FIXTURES: &[&str] = &[
    include_str!("../fixtures/russie-turquie-gaz.txt"),
    include_str!("../fixtures/nancy-conseil-municipal.txt"),
    include_str!("../fixtures/compare/a-agence.txt"),
    include_str!("../fixtures/compare/b-officiel.txt"),
];

/// Sets every optional field of `a` and adds one element of each kind to every list.
pub(crate) fn fill_every_field(a: &mut Analysis) {
    let rule = Rule::new("x\"y", "d\\e\n");
    a.card.title = Some("T\u{1}".into());
    a.card.publisher = Some(Publisher {
        name: "P".into(),
        state_affiliated: true,
        country: Some("C".into()),
        rule: rule.clone(),
    });
    a.card.date = Some("2024".into());
    a.card.people.push(CardPerson {
        name: "N".into(),
        role: Some("r".into()),
        entity: 1,
        mentions: 2,
        confidence: Confidence::Sure,
    });
    a.card.organizations.push(CardOrg {
        name: "O".into(),
        acronym: Some("A".into()),
        entity: 3,
        mentions: 4,
        confidence: Confidence::Guess,
    });
    a.card.places.push(CardPlace {
        name: "L".into(),
        entity: 5,
        mentions: 6,
        confidence: Confidence::Likely,
    });
    for p in [
        Polarity::Support,
        Polarity::Oppose,
        Polarity::Accuse,
        Polarity::Commit,
        Polarity::Concern,
        Polarity::Praise,
    ] {
        a.card.stance_matrix.push(StanceCell {
            holder: "h".into(),
            polarity: p,
            target: "t".into(),
            count: 7,
            stances: vec![0, 18_446_744_073_709_551_615],
            confidence: Confidence::Guess,
        });
    }
    a.card.quotes.push(CardQuote {
        text: "q".into(),
        speaker: Some("s".into()),
        quote: 0,
        confidence: Confidence::Sure,
    });
    a.card.frames.push(FrameCount {
        frame: "f".into(),
        count: 1,
    });
    a.card.summary.push(SummarySentence {
        text: "s".into(),
        sentence: 0,
    });
    for k in [
        BlockKind::Title,
        BlockKind::Dateline,
        BlockKind::Paragraph,
        BlockKind::Caption,
        BlockKind::Boilerplate,
    ] {
        a.blocks.push(Block {
            span: Span::default(),
            kind: k,
            rule: Some(rule.clone()),
        });
    }
    for e in [
        EntityType::PER,
        EntityType::ORG,
        EntityType::LOC,
        EntityType::MISC,
    ] {
        a.entities.push(Entity {
            canonical: "c".into(),
            etype: e,
            acronym: Some("a".into()),
            role: Some("r".into()),
            mentions: vec![],
            source: Some("s".into()),
            confidence: Confidence::Sure,
        });
    }
    a.dates.push(DateMention {
        span: Span::default(),
        text: "d".into(),
        iso: Some("2024".into()),
        rule: rule.clone(),
    });
    a.quotes.push(Quote {
        span: Span::default(),
        text: "q".into(),
        speaker: Some(0),
        speaker_text: Some("s".into()),
        rule: rule.clone(),
    });
    a.stances.push(Stance {
        span: Span::default(),
        text: "s".into(),
        polarity: Polarity::Praise,
        holders: vec![1, 2],
        holder_text: Some("h".into()),
        target: Some("t".into()),
        rule: rule.clone(),
    });
    a.frames.push(FrameMention {
        span: Span::default(),
        text: "f".into(),
        frame: "g".into(),
        rule,
    });
    a.truncated = Some(Truncation {
        analysed: Span::default(),
        total_bytes: 1,
        total_utf16: 2,
    });
}

/// Analyses to check a writer on: every fixture (whole and cut short, for the `truncated` field),
/// a short text with a card, the same with every field set, then with the card's options unset.
/// `analyze` / `analyze_limited` are the crate's (the CLI's tests name them through `loupe::`).
pub(crate) fn samples(
    analyze: fn(&str) -> Analysis,
    analyze_limited: fn(&str, usize) -> Analysis,
) -> Vec<Analysis> {
    let mut out = Vec::new();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                let t = std::fs::read_to_string(&p).unwrap();
                out.push(analyze(&t));
                out.push(analyze_limited(&t, t.len() / 2));
            }
        }
    }
    assert!(out.len() > 10, "the fixtures were not found");
    let t = "Sommet régional à Lyon\nPublié le 12/03/2024 à 21:40\nLe Monde\n\
             Le président russe Vladimir Poutine a reçu lundi 10 janvier M. Wang Yi, \
             ministre chinois des Affaires étrangères. « Nous soutenons la paix », a \
             déclaré l'Organisation des Nations unies (ONU). La Chine s'oppose à \
             l'ingérence.\n\"Quote\\ with\ttab\"";
    let mut a = analyze(t);
    out.push(a.clone());
    fill_every_field(&mut a);
    out.push(a.clone());
    // And with no option set.
    a.card.title = None;
    a.card.publisher = None;
    out.push(a.clone());
    a.card.date = None;
    out.push(a);
    out
}
