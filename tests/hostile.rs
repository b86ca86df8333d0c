//! Hostile and odd input, natively: pasted markup, huge texts, binary junk, whitespace only,
//! mixed scripts and right-to-left text, emoji, NFD accents, Windows line endings, very long
//! lines and words — each must give a valid analysis (every invariant of `tests/common/mod.rs`)
//! and keep finding what a reader would find. Also the CLI's answers to bad files.
//!
//! The full 10 MB `analyze` (about 15 s in a debug build) is `#[ignore]`d here and run by
//! `scripts/bench.sh` in release, which reports its time.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use loupe::schema::{Analysis, EntityType};
use std::process::Command;

/// What the web app analyses at most (`ui::MAX_ANALYSED_BYTES`); the rest of the text stays in
/// the text area and the app says that it was truncated.
const APP_LIMIT: usize = 2_000_000;

const PARA: &str = "Le président russe Vladimir Poutine a reçu mardi à Moscou son homologue turc \
Recep Tayyip Erdogan. « Nous refusons toute ingérence étrangère », a déclaré M. Poutine.";

fn canon(a: &Analysis) -> Vec<(EntityType, String)> {
    let mut v: Vec<(EntityType, String)> = a
        .entities
        .iter()
        .map(|e| (e.etype, e.canonical.clone()))
        .collect();
    v.sort();
    v
}

/// `analyze` + every invariant, once (determinism and the JSON round trip are checked on the
/// small inputs and by the property tests; big inputs are analysed once to keep the suite fast).
fn analyze_checked(text: &str) -> Analysis {
    let a = loupe::analyze(text);
    common::check(text, &a);
    a
}

fn has(a: &Analysis, name: &str) -> bool {
    a.entities.iter().any(|e| e.canonical == name)
}

/// Deterministic pseudo-random bytes (xorshift64*), so that failures reproduce.
fn junk(n: usize, mut seed: u64) -> Vec<u8> {
    let mut v = Vec::with_capacity(n);
    while v.len() < n {
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        v.extend_from_slice(&seed.wrapping_mul(0x2545_f491_4f6c_dd1d).to_le_bytes());
    }
    v.truncate(n);
    v
}

/// A long French article with distinct lines (so that the duplicate-line chrome rule does not
/// set the copies aside), `n` bytes or a little more.
fn long_article(n: usize, sep: &str) -> String {
    let mut s = String::with_capacity(n + 400);
    let mut i = 0;
    while s.len() < n {
        s.push_str(PARA);
        s.push_str(&format!(" ({i})"));
        s.push_str(sep);
        i += 1;
    }
    s
}

#[test]
fn pasted_html_script_svg_and_javascript_links_are_plain_text() {
    let html = "<html><head><script>window.pwned = 1; alert('xss')</script></head><body>\n\
<p onclick=\"alert(1)\">Le président français Emmanuel Macron a reçu à Paris le chancelier Olaf Scholz.</p>\n\
<img src=x onerror=\"alert(document.cookie)\">\n\
<a href=\"javascript:alert('Macron')\">Lire aussi</a> <a href='JaVaScRiPt:void(0)'>Berlin</a>\n\
<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script><text>Moscou</text></svg>\n\
<iframe srcdoc=\"<script>parent.pwned=1</script>\"></iframe><!-- « commentaire » -->\n\
&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x3C;b&#x3E; « Nous travaillerons ensemble », a déclaré M. Macron.\n\
</body></html>";
    let a = common::check_analyze(html);
    // Markup is text: the names inside it are still found, and no highlight swallows a tag.
    assert!(has(&a, "Emmanuel Macron"), "{:?}", canon(&a));
    assert!(has(&a, "Olaf Scholz"), "{:?}", canon(&a));
    for m in &a.mentions {
        assert!(
            !m.text.contains('<') && !m.text.contains('>'),
            "mention swallows markup: {:?}",
            m.text
        );
    }
    // Every byte of the markup is inside some block: nothing is dropped from the text.
    let covered: usize = a.blocks.iter().map(|b| b.span.end - b.span.start).sum();
    let newlines = html.matches('\n').count();
    assert_eq!(
        covered + newlines,
        html.len(),
        "blocks do not cover the text"
    );
    // The JSON keeps the markup as data (escaped string content, parsed back identically).
    let json = a.to_json();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v["blocks"].is_array());
}

#[test]
fn ten_megabytes_through_analyze_limited_with_the_app_limit() {
    let text = long_article(10_000_000, "\n\n");
    assert!(text.len() >= 10_000_000);
    let ix = common::Utf16Index::new(&text);
    let a = loupe::analyze_limited(&text, APP_LIMIT);
    common::check_with(&text, &ix, &a);
    let t = a.truncated.expect("10 MB is truncated at the app's limit");
    assert!(t.analysed.end <= APP_LIMIT && t.analysed.end > APP_LIMIT / 2);
    assert!(
        text[..t.analysed.end].ends_with("\n\n"),
        "cut at a paragraph break"
    );
    assert_eq!(t.total_bytes, text.len());
    assert!(has(&a, "Vladimir Poutine") && has(&a, "Recep Tayyip Erdogan"));
    // Every paragraph of the analysed prefix has its quote.
    let paras = text[..t.analysed.end].matches("\n\n").count();
    assert_eq!(a.quotes.len(), paras);
}

#[test]
#[ignore = "about 15 s in a debug build; scripts/bench.sh runs it in release"]
fn ten_megabytes_through_analyze() {
    let text = long_article(10_000_000, "\n\n");
    let ix = common::Utf16Index::new(&text);
    let t0 = std::time::Instant::now();
    let a = loupe::analyze(&text);
    let secs = t0.elapsed().as_secs_f64();
    common::check_with(&text, &ix, &a);
    assert!(a.truncated.is_none());
    assert_eq!(a.quotes.len(), text.matches("\n\n").count());
    println!("[bench] analyze 10 MB\t{}\t{:.1}", text.len(), secs * 1e3);
}

#[test]
fn binary_junk_decoded_lossily() {
    for (n, seed) in [(1usize, 1u64), (7, 2), (4096, 3), (200_000, 4)] {
        let bytes = junk(n, seed);
        let text = String::from_utf8_lossy(&bytes).into_owned();
        if n < 10_000 {
            common::check_analyze(&text);
        } else {
            analyze_checked(&text);
        }
    }
    // Valid UTF-8 that is still junk: NULs, controls, escapes, private use, noncharacters.
    let mut s = String::new();
    for i in 0..20_000u32 {
        let c = char::from_u32((i * 7919) % 0x11_0000).unwrap_or('\u{fffd}');
        s.push(c);
    }
    s.push_str("\0\0\u{1b}[2J\u{7f}\u{fffe}\u{ffff}\u{10ffff}\u{e000}");
    analyze_checked(&s);
}

#[test]
fn only_whitespace_gives_an_empty_analysis() {
    for t in [
        "",
        " ",
        "\n",
        "\r\n\r\n\r\n",
        "\t\t \u{a0}\u{202f}\u{2009}\u{3000}",
        "\u{200b}\u{feff}\u{200d}",
        &" \n".repeat(50_000),
        &"\u{a0}\r\n\t".repeat(10_000),
    ] {
        let a = common::check_analyze(t);
        assert!(a.mentions.is_empty() && a.entities.is_empty(), "{t:?}");
        assert!(a.dates.is_empty() && a.quotes.is_empty() && a.stances.is_empty());
        assert_eq!(a.card.words, 0, "{t:?}");
        assert_eq!(a.card.reading_minutes, 0);
        assert!(a.card.title.is_none() && a.card.summary.is_empty(), "{t:?}");
    }
}

#[test]
fn mixed_scripts_and_right_to_left_text() {
    let text = "Le ministre \u{202b}وزير الخارجية\u{202c} a rencontré Emmanuel Macron à Paris. \
\u{2067}שלום עולם\u{2069} « مرحبا بكم في باريس », a déclaré M. Macron.\n\
\u{200f}السلام عليكم\u{200e} Vladimir Poutine (Владимир Путин) s'est rendu à Pékin (北京) \
avec Wang Yi (王毅). Ἀθῆναι नमस्ते \u{202e}txet desrever\u{202c} Berlin.";
    let a = common::check_analyze(text);
    for name in [
        "Emmanuel Macron",
        "Paris",
        "Vladimir Poutine",
        "Pékin",
        "Wang Yi",
    ] {
        assert!(has(&a, name), "{name} not found in {:?}", canon(&a));
    }
    // Bidi controls and foreign scripts never end up inside a French name.
    for m in &a.mentions {
        assert!(
            !m.text.chars().any(|c| matches!(c, '\u{200e}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "bidi control inside mention {:?}",
            m.text
        );
    }
    // The quote in Arabic is still a quote, attributed to Macron.
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.contains("مرحبا"))
        .expect("Arabic quote");
    assert_eq!(
        q.speaker.map(|e| a.entities[e].canonical.as_str()),
        Some("Emmanuel Macron")
    );
}

#[test]
fn emoji_sequences_and_flags() {
    let text = "🇫🇷 Emmanuel Macron 👨\u{200d}👩\u{200d}👧\u{200d}👦 a reçu 🇩🇪 Olaf Scholz à Paris 🏳\u{fe0f}\u{200d}🌈 \
le 16 juillet 2020 👍🏽.\n\n« 😀 Nous sommes d'accord 🤝 », a déclaré M. Macron. 🧑🏿\u{200d}🚀";
    let a = common::check_analyze(text);
    for name in ["Emmanuel Macron", "Olaf Scholz", "Paris"] {
        assert!(has(&a, name), "{name} not found in {:?}", canon(&a));
    }
    assert_eq!(
        a.dates.iter().map(|d| d.iso.as_deref()).collect::<Vec<_>>(),
        vec![Some("2020-07-16")]
    );
    for m in &a.mentions {
        assert!(m.text.is_ascii() || m.text.chars().all(|c| (c as u32) < 0x2000));
    }
    assert_eq!(a.quotes.len(), 1);
    // UTF-16: the emoji are surrogate pairs; the offsets still match.
    assert!(a.stats.utf16 > a.stats.chars);
}

#[test]
fn nfd_accents_give_the_same_entities_as_nfc() {
    let nfc = "Le président kazakh Kassym-Jomart Tokaïev a rencontré à Genève le ministre \
français des Affaires étrangères et Mme Élisabeth Borne, Première ministre. Ils ont visité \
l'Île-de-France, Zürich et la Côte d'Ivoire avant Besançon et Salvador Sánchez Cerén.";
    let nfd: String = nfc
        .chars()
        .flat_map(|c| {
            let d: &[char] = match c {
                'é' => &['e', '\u{301}'],
                'É' => &['E', '\u{301}'],
                'è' => &['e', '\u{300}'],
                'ï' => &['i', '\u{308}'],
                'ç' => &['c', '\u{327}'],
                'Î' => &['I', '\u{302}'],
                'ô' => &['o', '\u{302}'],
                'ü' => &['u', '\u{308}'],
                'á' => &['a', '\u{301}'],
                _ => return vec![c],
            };
            d.to_vec()
        })
        .collect();
    assert_ne!(nfc, nfd);
    let (a, b) = (common::check_analyze(nfc), common::check_analyze(&nfd));
    assert!(a.entities.len() >= 5, "{:?}", canon(&a));
    assert_eq!(canon(&a), canon(&b));
    assert_eq!(a.mentions.len(), b.mentions.len());
    for (x, y) in a.mentions.iter().zip(&b.mentions) {
        assert_eq!(x.etype, y.etype);
        // The NFD mention is the same name, decomposed: its span covers the combining marks.
        assert!(y.text.len() >= x.text.len(), "{:?} vs {:?}", x.text, y.text);
    }
}

#[test]
fn windows_line_endings_give_the_lf_result() {
    for name in [
        "russie-turquie-gaz",
        "ue-maroc-commerce",
        "nancy-conseil-municipal",
    ] {
        let path = format!("{}/tests/fixtures/{name}.txt", env!("CARGO_MANIFEST_DIR"));
        let lf = std::fs::read_to_string(path).unwrap().replace("\r\n", "\n");
        let crlf = lf.replace('\n', "\r\n");
        let (a, b) = (common::check_analyze(&lf), common::check_analyze(&crlf));
        assert!(!a.entities.is_empty());
        assert_eq!(canon(&a), canon(&b), "{name}");
        assert_eq!(a.blocks.len(), b.blocks.len(), "{name}");
        for (x, y) in a.blocks.iter().zip(&b.blocks) {
            assert_eq!(x.kind, y.kind, "{name}");
        }
        let mt = |x: &Analysis| {
            x.mentions
                .iter()
                .map(|m| (m.text.replace('\r', ""), m.etype))
                .collect::<Vec<_>>()
        };
        assert_eq!(mt(&a), mt(&b), "{name}");
        // Offsets shift by exactly the number of CRs before each mention.
        for (x, y) in a.mentions.iter().zip(&b.mentions) {
            let crs = crlf[..y.span.start].matches('\r').count();
            assert_eq!(y.span.start, x.span.start + crs, "{name}: {}", x.text);
            assert_eq!(y.span.start16, x.span.start16 + crs);
        }
        assert_eq!(a.card.title, b.card.title, "{name}");
        assert_eq!(a.card.date, b.card.date, "{name}");
        assert_eq!(a.quotes.len(), b.quotes.len(), "{name}");
        assert_eq!(a.stances.len(), b.stances.len(), "{name}");
        assert_eq!(a.frames.len(), b.frames.len(), "{name}");
        assert_eq!(a.card.words, b.card.words, "{name}");
    }
    // A lone CR (old Mac) is a line break too.
    let cr = "Titre\r\rLe président français Emmanuel Macron est à Paris.\r";
    let a = common::check_analyze(cr);
    assert!(has(&a, "Emmanuel Macron"));
    assert!(a.blocks.len() >= 2);
}

#[test]
fn a_one_megabyte_line_without_newline() {
    let text = long_article(1_000_000, " ");
    assert!(!text.contains('\n'));
    let a = analyze_checked(&text);
    assert_eq!(a.blocks.len(), 1);
    assert!(a.sentences.len() > 1000, "{} sentences", a.sentences.len());
    assert!(has(&a, "Vladimir Poutine"));
    // The card's summary stays three sentences, not the whole line.
    assert!(a.card.summary.len() <= 3);
    assert!(a.card.summary.iter().all(|s| s.text.len() < 1000));
}

#[test]
fn very_long_words() {
    let word = "anticonstitutionnellement".repeat(4_000); // 100 KB, no space
    let url = format!("https://exemple.fr/{}", "a/b-c_d.e?f=g&".repeat(7_200));
    let caps = "OTAN".repeat(25_000);
    let accented = "é".repeat(50_000);
    for w in [&word, &url, &caps, &accented] {
        assert!(w.len() >= 100_000);
        let text = format!("Le président français Emmanuel Macron a dit {w} à Paris.\n\n{w}");
        let a = analyze_checked(&text);
        assert!(has(&a, "Emmanuel Macron"), "{:?}", canon(&a));
        for m in &a.mentions {
            assert!(m.text.len() < 1_000, "a 100 KB word became a mention");
        }
    }
}

#[test]
fn pathological_repetitions() {
    // Inputs that expose super-linear paths: unbalanced quotes, endless capitalised names,
    // honorific chains, nested parentheses, acronym definitions, date-like number runs, stance
    // cues without a subject in one endless sentence. Kept small here (validity only); the
    // worst cases are timed at full size by scripts/bench.sh (`hostile …` rows).
    let cases = [
        "« ".repeat(2_000),
        "« Le chat dort.\n\n".repeat(300),
        "» « ".repeat(5_000),
        "Jean Pierre Paul Marie ".repeat(2_000),
        "M. Mme M. ".repeat(3_000),
        "(".repeat(20_000) + &")".repeat(20_000),
        "Organisation des Nations unies (ONU) ".repeat(1_000),
        "12. 01. 2022 ".repeat(3_000),
        "l'l'l'l'".repeat(5_000),
        "... ".repeat(10_000),
        "\u{301}".repeat(20_000),
        "e\u{301}\u{301}".repeat(10_000),
        "soutient fermement condamne accuse ".repeat(200),
        "Jean Dupont a déclaré que la Chine soutient fermement ".repeat(200),
    ];
    for text in &cases {
        analyze_checked(text);
    }
}

#[test]
#[ignore = "timings for scripts/bench.sh (release): the worst cases at full size"]
fn worst_cases_at_full_size() {
    // Each row: the input, then `[bench] hostile NAME BYTES MS` (parsed by scripts/bench.sh).
    // Validity is checked; time is only reported (budgets are measured, not asserted).
    let cases = [
        ("unclosed « ×50k", "« ".repeat(50_000)),
        ("« per paragraph ×6k", "« Le chat dort.\n\n".repeat(6_000)),
        (
            "stance cues, no subject, one sentence",
            "soutient fermement condamne accuse ".repeat(4_000),
        ),
        (
            "speech verbs, one sentence",
            "Jean Dupont a déclaré que la Chine soutient fermement ".repeat(4_000),
        ),
        ("1 MB line", long_article(1_000_000, " ")),
        (
            "100 KB word",
            format!(
                "Emmanuel Macron {}",
                "anticonstitutionnellement".repeat(4_000)
            ),
        ),
        ("many short lines", "a\n".repeat(200_000)),
    ];
    let _ = loupe::analyze("Init.");
    for (name, text) in &cases {
        let t0 = std::time::Instant::now();
        let a = loupe::analyze(text);
        let ms = t0.elapsed().as_secs_f64() * 1e3;
        common::check(text, &a);
        println!("[bench] hostile {name}\t{}\t{ms:.1}", text.len());
    }
}

// ---- The CLI -----------------------------------------------------------------------------

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .args(args)
        .output()
        .expect("run loupe");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("loupe-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn cli_refuses_binary_junk_unless_lossy() {
    let mut bytes = b"Emmanuel Macron est \xe0 Paris.\n".to_vec();
    bytes.extend(junk(10_000, 42));
    let p = tmp("junk.bin", &bytes);
    let ps = p.to_str().unwrap();
    let (code, out, err) = cli(&[ps]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(
        err.contains("is not UTF-8 text") && err.contains("--lossy"),
        "{err}"
    );
    assert!(err.contains("offset 20"), "the first invalid byte: {err}");
    let (code, out, err) = cli(&["--lossy", "--compact", ps]);
    assert_eq!(code, 0, "{err}");
    let a: Analysis = serde_json::from_str(out.trim()).expect("one JSON analysis");
    let text = String::from_utf8_lossy(&bytes);
    common::check(&text, &a);
    assert!(has(&a, "Emmanuel Macron"));
}

#[test]
fn cli_empty_file_gives_an_empty_analysis() {
    let p = tmp("empty.txt", b"");
    let (code, out, err) = cli(&[p.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let a: Analysis = serde_json::from_str(&out).expect("JSON");
    common::check("", &a);
    assert_eq!(a.stats.bytes, 0);
    assert!(a.entities.is_empty());
}

#[test]
fn cli_directory_and_missing_file_are_clear_errors() {
    let dir = std::env::temp_dir();
    let (code, out, err) = cli(&[dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.starts_with("loupe: cannot read ") && err.contains(dir.to_str().unwrap()),
        "{err}"
    );
    let missing = dir.join("loupe-no-such-file.txt");
    let (code, _, err) = cli(&[missing.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot read") && err.contains("loupe-no-such-file.txt"),
        "{err}"
    );
    // An unknown option is an error too, not a file name.
    let (code, _, err) = cli(&["--frobnicate"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown option --frobnicate"), "{err}");
}
