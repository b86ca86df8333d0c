//! Property tests: for any input (biased towards French news typography), the analysis never
//! panics, every span lies inside the text on char boundaries with consistent UTF-8 and UTF-16
//! offsets, layers are sorted, entity references are valid, and the result is deterministic.
#![cfg(not(target_arch = "wasm32"))]

use loupe::schema::{Analysis, Span};
use proptest::prelude::*;

/// Fragments that exercise the tokenizer, the quote pairing and the gazetteers.
const PIECES: &[&str] = &[
    "La Chine",
    " et ",
    "la Russie",
    " M. Wang",
    " a déclaré",
    " « ",
    " » ",
    "“",
    "”",
    "\"",
    "’",
    "l’OTSC",
    " (OTSC)",
    "\u{a0}:",
    "\u{202f}",
    " le 12. 01. 2022",
    " lundi 10 janvier",
    " 2020-07-16",
    ". ",
    "\n",
    "\r\n",
    "\n\n",
    "Partager cet article",
    "Lire aussi : ",
    "https://exemple.fr/a",
    " président kazakh Kassym-Jomart Tokaïev",
    " soutient fermement",
    " forces extérieures",
    "…",
    "...",
    "😀",
    "e\u{301}",
    "\u{200b}",
    "\u{feff}",
    "שלום",
    "مرحبا",
    " Pékin-Moscou",
    "é",
    "ministère chinois des Affaires étrangères",
    " selon lui",
    "Il",
    " Elle ",
    "’",
    "-",
    "\t",
    "§",
];

fn doc_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        // Realistic soup of fragments.
        prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat()),
        // Arbitrary Unicode.
        any::<String>(),
        // Mixed.
        (
            prop::collection::vec(prop::sample::select(PIECES), 0..20),
            any::<String>()
        )
            .prop_map(|(v, s)| format!("{}{}{}", v.concat(), s, v.concat())),
    ]
}

fn check_span(text: &str, utf16: &[u16], s: &Span) {
    assert!(
        s.start <= s.end && s.end <= text.len(),
        "{s:?} outside {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
        "{s:?}"
    );
    assert_eq!(text[..s.start].encode_utf16().count(), s.start16);
    assert_eq!(
        s.end16 - s.start16,
        text[s.start..s.end].encode_utf16().count()
    );
    assert!(s.end16 <= utf16.len());
}

fn check(text: &str, a: &Analysis) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let sorted = |v: Vec<Span>| {
        for w in v.windows(2) {
            assert!(
                (w[0].start, w[0].end) <= (w[1].start, w[1].end),
                "unsorted layer"
            );
        }
        v
    };
    for s in sorted(a.blocks.iter().map(|b| b.span).collect()) {
        check_span(text, &utf16, &s);
    }
    for s in sorted(a.sentences.iter().map(|b| b.span).collect()) {
        check_span(text, &utf16, &s);
    }
    for s in sorted(a.boilerplate.iter().map(|b| b.span).collect()) {
        check_span(text, &utf16, &s);
    }
    for m in &a.mentions {
        check_span(text, &utf16, &m.span);
        assert_eq!(&text[m.span.start..m.span.end], m.text);
        assert!(m.entity < a.entities.len());
        assert!(a.entities[m.entity]
            .mentions
            .iter()
            .all(|&k| k < a.mentions.len()));
    }
    for w in a.mentions.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "overlapping mentions");
    }
    for s in sorted(a.dates.iter().map(|d| d.span).collect()) {
        check_span(text, &utf16, &s);
    }
    for q in &a.quotes {
        check_span(text, &utf16, &q.span);
        assert!(q.speaker.is_none_or(|e| e < a.entities.len()));
    }
    for s in &a.stances {
        check_span(text, &utf16, &s.span);
        assert!(s.holders.iter().all(|&e| e < a.entities.len()));
    }
    for f in &a.frames {
        check_span(text, &utf16, &f.span);
    }
    for p in &a.card.people {
        assert!(p.entity < a.entities.len());
    }
    assert!(a
        .card
        .summary
        .iter()
        .all(|s| s.sentence < a.sentences.len()));
    assert_eq!(a.stats.bytes, text.len());
    assert_eq!(a.stats.utf16, utf16.len());
}

proptest! {
    // 300 cases by default; PROPTEST_CASES=N for a longer run.
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300), ..ProptestConfig::default() })]

    #[test]
    fn any_input_gives_a_valid_deterministic_analysis(text in doc_strategy()) {
        let a = loupe::analyze(&text);
        check(&text, &a);
        prop_assert_eq!(a, loupe::analyze(&text));
    }
}

#[test]
fn nfd_and_nfc_give_the_same_entities() {
    let nfc = "Le président kazakh Kassym-Jomart Tokaïev a reçu à Astana le ministre français des Affaires étrangères.";
    let nfd = "Le pre\u{301}sident kazakh Kassym-Jomart Tokai\u{308}ev a reçu a\u{300} Astana le ministre franc\u{327}ais des Affaires e\u{301}trange\u{300}res.";
    let (a, b) = (loupe::analyze(nfc), loupe::analyze(nfd));
    let names = |x: &Analysis| {
        x.mentions
            .iter()
            .map(|m| x.entities[m.entity].canonical.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&a), names(&b));
    assert!(!names(&a).is_empty());
}
