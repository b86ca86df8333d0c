//! Property tests: for any input — French-news-like text (names, « » quotes, dates, chrome,
//! CRLF, NBSP, emoji, combining marks, right-to-left scripts, bidi and control characters),
//! arbitrary Unicode and arbitrary bytes decoded lossily — the analysis never panics, every span
//! lies inside the text on char boundaries with consistent UTF-8 and UTF-16 offsets, layers are
//! sorted, every reference is valid, the result is deterministic and survives the JSON round
//! trip; `analyze_limited` keeps every span inside the analysed prefix; NFD and NFC input, CRLF
//! and LF input give the same entities. The invariants themselves are in `tests/common/mod.rs`.
//!
//! 300 cases per property by default; `PROPTEST_CASES=20000 cargo test --release --test
//! properties` for a longer run.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use loupe::schema::Analysis;
use proptest::prelude::*;

/// People, with and without honorifics and roles; most are in the gazetteer, some are not.
const PEOPLE: &[&str] = &[
    "Vladimir Poutine",
    "M. Wang",
    "Wang Yi",
    "le président kazakh Kassym-Jomart Tokaïev",
    "Recep Tayyip Erdogan",
    "Mme Catherine Colonna",
    "le ministre chinois des Affaires étrangères Wang Yi",
    "Emmanuel Macron",
    "la porte-parole Maria Zakharova",
    "Jean-Édouard Dupré",
    "Olaf Scholz",
    "Ursula von der Leyen",
    "le dirigeant russe",
    "Il",
    "Elle",
];
const ORGS_PLACES: &[&str] = &[
    "la Chine",
    "la Russie",
    "Pékin",
    "Moscou",
    "Astana",
    "Genève",
    "Zürich",
    "l'OTSC",
    "l’OTAN",
    "l'Organisation du traité de sécurité collective (OTSC)",
    "l'Union européenne",
    "le ministère chinois des Affaires étrangères",
    "Nancy",
    "Bruxelles",
    "le Conseil de sécurité de l'ONU",
    "Pékin-Moscou",
    "Île-de-France",
    "Côte d'Ivoire",
];
const VERBS: &[&str] = &[
    "a déclaré",
    "a affirmé que",
    "soutient fermement",
    "condamne",
    "s'est engagé à défendre",
    "s’inquiète de",
    "a salué",
    "accuse",
    "rejette",
    "a rencontré",
    "s'oppose à",
];
const OBJECTS: &[&str] = &[
    "les forces extérieures",
    "la révolution de couleur",
    "l'hégémonie américaine",
    "l'intégrité territoriale",
    "un accord gazier",
    "une coopération mutuellement bénéfique",
    "le monde multipolaire",
    "l'opération militaire spéciale",
    "la politisation de la question",
    "les trois forces maléfiques",
];
const DATES: &[&str] = &[
    "lundi 10 janvier",
    "le 16 juillet 2020",
    "le 12. 01. 2022",
    "2020-07-16",
    "en février 2022",
    "Début 2022",
    "le 31 février 2023",
    "le 0 mars",
    "mardi",
    "9999-99-99",
    "le 1er mai 1789",
];
const CHROME: &[&str] = &[
    "Partager cet article",
    "Lire aussi : Le prix du gaz recule en Europe",
    "https://exemple.fr/monde/2022/article-123.html",
    "Mots clés : gaz, Turquie",
    "Agence Presse Est | Publié le 14 mars 2023",
    "Accueil > Monde > Europe",
    "The two leaders shook hands on Tuesday.",
    "Suivez-nous sur les réseaux sociaux",
];
/// Separators and typography: NBSP, narrow NBSP, CRLF, lone CR, tabs, ellipses, dashes.
const SEPS: &[&str] = &[
    " ", " ", " ", "\u{a0}", "\u{202f}", ", ", " ; ", "\u{a0}: ", ". ", "… ", "... ", " — ", " - ",
    "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\t", " (", ") ", " ! ", " ? ",
];
/// Hostile or unusual code points: emoji (ZWJ sequences, flags, skin tones), combining marks,
/// right-to-left scripts and bidi controls, zero-width and control characters, other scripts,
/// characters whose case mapping changes their UTF-8 length.
const ODD: &[&str] = &[
    "😀",
    "👨\u{200d}👩\u{200d}👧\u{200d}👦",
    "🇫🇷",
    "🏳\u{fe0f}\u{200d}🌈",
    "👍🏽",
    "e\u{301}",
    "\u{301}",
    "a\u{308}\u{301}\u{327}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{ad}",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u{200f}",
    "\u{202b}",
    "\u{202e}",
    "\u{2067}",
    "\u{2069}",
    "\u{0}",
    "\u{7}",
    "\u{1b}[31m",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{fffd}",
    "王毅",
    "Владимир Путин",
    "İstanbul",
    "ẞ",
    "\u{212a}",
    "\u{212b}",
    "ﬁ",
    "Ǆ",
    "ı",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "«",
    "»",
    "“",
    "”",
    "\"",
    "’",
    "(((",
    "M.",
    "l'",
    "<script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">lien</a>",
];

fn pick(list: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
    prop::sample::select(list)
}

/// One French-news-like sentence: subject verb object [date], sometimes quoted with a speaker.
fn sentence() -> impl Strategy<Value = String> {
    (
        pick(PEOPLE),
        pick(VERBS),
        pick(OBJECTS),
        pick(ORGS_PLACES),
        pick(DATES),
        0..6u8,
    )
        .prop_map(|(p, v, o, l, d, shape)| match shape {
            0 => format!("{p} {v} {o} à {l} {d}."),
            1 => format!("« Nous refusons {o} », {v} {p} {d}."),
            2 => format!("{p} {v} : « {o} et {l} ». "),
            3 => format!("Selon {l}, {p} {v} “{o}”, {d}."),
            4 => format!("{d}, {l} et {p} {v} {o}"),
            _ => format!("{p} {v} {o}… {l} ?"),
        })
}

/// A pasted article: a title, a dateline, paragraphs of sentences, chrome lines, with
/// separators and a few odd characters spliced in.
fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            6 => sentence(),
            2 => pick(SEPS).prop_map(str::to_string),
            1 => pick(CHROME).prop_map(|c| format!("\n{c}\n")),
            1 => pick(ODD).prop_map(str::to_string),
        ],
        0..40,
    )
    .prop_map(|v| v.concat())
}

/// A soup of every kind of fragment, without sentence structure.
fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            pick(PEOPLE),
            pick(ORGS_PLACES),
            pick(VERBS),
            pick(DATES),
            pick(SEPS),
            pick(ODD),
            pick(CHROME),
        ],
        0..80,
    )
    .prop_map(|v| v.concat())
}

/// Inserts `extra` into `base` at a char boundary chosen by `at` (a fraction in 0..=1000).
fn splice(base: String, extra: &str, at: usize) -> String {
    let mut i = base.len() * at / 1000;
    while !base.is_char_boundary(i) {
        i -= 1;
    }
    format!("{}{}{}", &base[..i], extra, &base[i..])
}

fn doc_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => article(),
        2 => soup(),
        // Arbitrary Unicode (any scalar value).
        1 => any::<String>(),
        // Arbitrary bytes decoded the way the CLI's --lossy does.
        1 => prop::collection::vec(any::<u8>(), 0..400)
            .prop_map(|b| String::from_utf8_lossy(&b).into_owned()),
        // An article with arbitrary Unicode spliced in.
        2 => (article(), any::<String>(), 0..=1000usize).prop_map(|(a, s, at)| splice(a, &s, at)),
    ]
}

/// French-like text without CR and without decomposed accents (the NFC / LF side of the
/// equivalence properties).
fn clean_article() -> impl Strategy<Value = String> {
    article().prop_map(|s| {
        s.replace("\r\n", "\n")
            .replace('\r', "\n")
            .chars()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .collect()
    })
}

/// Canonical decomposition (NFD) of the precomposed letters the normaliser recomposes.
fn to_nfd(s: &str) -> String {
    const TABLE: &[(&str, char)] = &[
        ("àèìòùÀÈÌÒÙ", '\u{300}'),
        ("áéíóúýÁÉÍÓÚÝćńśźĆŃŚŹ", '\u{301}'),
        ("âêîôûÂÊÎÔÛ", '\u{302}'),
        ("ãñõÃÑÕ", '\u{303}'),
        ("äëïöüÿÄËÏÖÜŸ", '\u{308}'),
        ("çÇşŞţŢ", '\u{327}'),
        ("čšžČŠŽřŘ", '\u{30c}'),
        ("ăğĂĞ", '\u{306}'),
        ("åÅůŮ", '\u{30a}'),
    ];
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        let hit = TABLE.iter().find_map(|(letters, mark)| {
            letters.contains(c).then(|| {
                // The base letter of the precomposed one, through the same table.
                let base = match c {
                    'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ă' => 'a',
                    'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ă' => 'A',
                    'è' | 'é' | 'ê' | 'ë' => 'e',
                    'È' | 'É' | 'Ê' | 'Ë' => 'E',
                    'ì' | 'í' | 'î' | 'ï' => 'i',
                    'Ì' | 'Í' | 'Î' | 'Ï' => 'I',
                    'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
                    'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'O',
                    'ù' | 'ú' | 'û' | 'ü' | 'ů' => 'u',
                    'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ů' => 'U',
                    'ý' | 'ÿ' => 'y',
                    'Ý' | 'Ÿ' => 'Y',
                    'ć' | 'ç' | 'č' => 'c',
                    'Ć' | 'Ç' | 'Č' => 'C',
                    'ń' | 'ñ' => 'n',
                    'Ń' | 'Ñ' => 'N',
                    'ś' | 'ş' | 'š' => 's',
                    'Ś' | 'Ş' | 'Š' => 'S',
                    'ź' | 'ž' => 'z',
                    'Ź' | 'Ž' => 'Z',
                    'ţ' => 't',
                    'Ţ' => 'T',
                    'ř' => 'r',
                    'Ř' => 'R',
                    'ğ' => 'g',
                    'Ğ' => 'G',
                    other => panic!("no base letter for {other}"),
                };
                (base, *mark)
            })
        });
        match hit {
            Some((base, mark)) => {
                out.push(base);
                out.push(mark);
            }
            None => out.push(c),
        }
    }
    out
}

/// What must not depend on how the text is encoded: per mention its type and canonical name, per
/// date its ISO form, quotes with their speakers, stance polarities, frames, the card's lists.
fn meaning(a: &Analysis) -> Vec<String> {
    let mut v = Vec::new();
    for m in &a.mentions {
        v.push(format!(
            "mention {} {}",
            m.etype.as_str(),
            a.entities[m.entity].canonical
        ));
    }
    for d in &a.dates {
        v.push(format!("date {:?}", d.iso));
    }
    for q in &a.quotes {
        let who = q.speaker.map(|e| a.entities[e].canonical.as_str());
        v.push(format!("quote by {who:?}"));
    }
    for s in &a.stances {
        let hs: Vec<&str> = s
            .holders
            .iter()
            .map(|&e| a.entities[e].canonical.as_str())
            .collect();
        v.push(format!("stance {} {hs:?}", s.polarity.as_str()));
    }
    for f in &a.frames {
        v.push(format!("frame {}", f.frame));
    }
    for p in &a.card.people {
        v.push(format!("card person {} {:?}", p.name, p.role));
    }
    for o in &a.card.organizations {
        v.push(format!("card org {} {:?}", o.name, o.acronym));
    }
    for p in &a.card.places {
        v.push(format!("card place {}", p.name));
    }
    v.push(format!("card date {:?}", a.card.date));
    v.push(format!(
        "words {} blocks {:?}",
        a.card.words,
        a.blocks.iter().map(|b| b.kind).collect::<Vec<_>>()
    ));
    v
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_input_gives_a_valid_deterministic_analysis(text in doc_strategy()) {
        common::check_analyze(&text);
    }

    #[test]
    fn analyze_limited_keeps_every_span_inside_the_analysed_prefix(
        text in doc_strategy(),
        frac in 0..=1100usize,
    ) {
        let ix = common::Utf16Index::new(&text);
        // Limits from 0 to 10 % beyond the text, so that both branches run.
        let max = text.len() * frac / 1000;
        common::check_limited(&text, &ix, max);
    }

    #[test]
    fn nfd_and_nfc_give_the_same_entities(text in clean_article()) {
        let nfd = to_nfd(&text);
        let (a, b) = (loupe::analyze(&text), loupe::analyze(&nfd));
        common::check(&nfd, &b);
        prop_assert_eq!(meaning(&a), meaning(&b));
    }

    #[test]
    fn crlf_and_lf_give_the_same_result_modulo_offsets(text in clean_article()) {
        let crlf = text.replace('\n', "\r\n");
        let (a, b) = (loupe::analyze(&text), loupe::analyze(&crlf));
        common::check(&crlf, &b);
        prop_assert_eq!(meaning(&a), meaning(&b));
        // Same surface texts once the CRs are dropped.
        let texts = |x: &Analysis| -> Vec<String> {
            x.mentions.iter().map(|m| m.text.replace('\r', ""))
                .chain(x.quotes.iter().map(|q| q.text.replace('\r', "")))
                .chain(x.card.title.iter().map(|t| t.replace('\r', "")))
                .collect()
        };
        prop_assert_eq!(texts(&a), texts(&b));
    }
}

#[test]
fn nfd_and_nfc_give_the_same_entities_on_a_known_sentence() {
    let nfc = "Le président kazakh Kassym-Jomart Tokaïev a reçu à Astana le ministre français des Affaires étrangères.";
    let nfd = "Le pre\u{301}sident kazakh Kassym-Jomart Tokai\u{308}ev a reçu a\u{300} Astana le ministre franc\u{327}ais des Affaires e\u{301}trange\u{300}res.";
    assert_eq!(to_nfd(nfc), nfd.replace('ç', "c\u{327}"));
    let (a, b) = (loupe::analyze(nfc), loupe::analyze(nfd));
    assert_eq!(meaning(&a), meaning(&b));
    assert!(a
        .entities
        .iter()
        .any(|e| e.canonical == "Kassym-Jomart Tokaïev"));
}

#[test]
fn the_checker_rejects_broken_analyses() {
    // The invariant checker itself must be able to fail: corrupt a valid analysis in each way.
    let text = "Le président russe Vladimir Poutine a reçu M. Wang à Moscou le 16 juillet 2020.";
    let good = common::check_analyze(text);
    assert!(good.mentions.len() >= 2 && !good.dates.is_empty());
    type Corrupt = fn(&mut Analysis);
    let corruptions: &[(&str, Corrupt)] = &[
        ("span past the end", |a| a.mentions[0].span.end = 10_000),
        ("utf16 offset", |a| a.mentions[0].span.start16 += 1),
        ("char boundary", |a| {
            a.dates[0].span.start += 1;
            a.dates[0].span.start16 += 1;
        }),
        ("unsorted", |a| a.mentions.swap(0, 1)),
        ("entity index", |a| a.mentions[0].entity = 99),
        ("text", |a| a.mentions[0].text.push('x')),
        ("card index", |a| {
            if let Some(p) = a.card.people.first_mut() {
                p.entity = 99;
            } else {
                a.card.summary[0].sentence = 99;
            }
        }),
        ("stats", |a| a.stats.utf16 += 1),
    ];
    for (what, f) in corruptions {
        let mut bad = good.clone();
        f(&mut bad);
        let r = std::panic::catch_unwind(|| common::check(text, &bad));
        assert!(r.is_err(), "the checker accepted a corrupted {what}");
    }
}
