//! Behaviour of the analysis core on short French texts written for these tests.

use loupe::schema::{Analysis, BlockKind, EntityType, Polarity};

const ARTICLE: &str = "Partager cet article\n\
\n\
Le Kremlin et Ankara signent un accord gazier\n\
\n\
Agence Presse Est | Publié le 14 mars 2023 | Mots clés : gaz, Turquie\n\
\n\
Le président russe Vladimir Poutine a reçu mardi à Moscou son homologue turc Recep Tayyip Erdogan. \
Les deux dirigeants se sont engagés à renforcer la coopération énergétique entre la Russie et la Turquie.\n\
\n\
« Nous refusons toute ingérence étrangère dans nos affaires intérieures et nous défendrons notre souveraineté », a déclaré M. Poutine lors d’une conférence de presse.\n\
\n\
M. Erdogan a salué un accord « historique et équilibré pour nos deux peuples ». \
Selon l’Organisation des pays exportateurs de pétrole (OPEP), la demande reste forte.\n\
\n\
Lire aussi : Le prix du gaz recule en Europe\n\
\n\
The two leaders shook hands at the Kremlin on Tuesday during a ceremony with their delegations.\n";

fn analyze() -> Analysis {
    loupe::analyze(ARTICLE)
}

fn mention_texts(a: &Analysis, t: EntityType) -> Vec<String> {
    a.mentions
        .iter()
        .filter(|m| m.etype == t)
        .map(|m| m.text.clone())
        .collect()
}

#[test]
fn spans_are_consistent_with_the_original_text() {
    let a = analyze();
    let utf16: Vec<u16> = ARTICLE.encode_utf16().collect();
    let check = |s: &loupe::schema::Span, text: &str| {
        assert!(s.start <= s.end && s.end <= ARTICLE.len());
        assert!(ARTICLE.is_char_boundary(s.start) && ARTICLE.is_char_boundary(s.end));
        assert_eq!(&ARTICLE[s.start..s.end], text);
        assert_eq!(
            String::from_utf16(&utf16[s.start16..s.end16]).unwrap(),
            text
        );
    };
    for m in &a.mentions {
        check(&m.span, &m.text);
        assert!(m.entity < a.entities.len());
    }
    for d in &a.dates {
        check(&d.span, &d.text);
    }
    for q in &a.quotes {
        check(&q.span, &q.text);
    }
    for w in a.mentions.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "mentions overlap or unsorted"
        );
    }
}

#[test]
fn people_places_orgs_and_roles() {
    let a = analyze();
    let per = mention_texts(&a, EntityType::PER);
    assert!(per.contains(&"Vladimir Poutine".to_string()), "{per:?}");
    assert!(per.contains(&"Recep Tayyip Erdogan".to_string()), "{per:?}");
    // « M. Poutine » → the span is the name only, resolved to the full name.
    let poutine = a
        .entities
        .iter()
        .find(|e| e.canonical == "Vladimir Poutine")
        .unwrap();
    assert!(poutine.mentions.len() >= 2);
    assert_eq!(poutine.role.as_deref(), Some("président russe"));
    let loc = mention_texts(&a, EntityType::LOC);
    for p in ["Moscou", "Russie", "Turquie"] {
        assert!(loc.contains(&p.to_string()), "{p} in {loc:?}");
    }
    let opep = a
        .entities
        .iter()
        .find(|e| e.acronym.as_deref() == Some("OPEP"))
        .expect("OPEP");
    assert_eq!(opep.etype, EntityType::ORG);
    assert_eq!(
        opep.mentions.len(),
        2,
        "expansion and acronym are one entity"
    );
}

#[test]
fn chrome_is_set_aside() {
    let a = analyze();
    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(kinds[0], BlockKind::Boilerplate);
    assert_eq!(kinds[1], BlockKind::Title);
    assert_eq!(kinds[2], BlockKind::Dateline);
    assert_eq!(
        *kinds.last().unwrap(),
        BlockKind::Boilerplate,
        "English caption"
    );
    assert_eq!(kinds[kinds.len() - 2], BlockKind::Boilerplate, "Lire aussi");
    // Nothing is annotated inside boilerplate.
    for m in &a.mentions {
        assert!(
            !a.boilerplate
                .iter()
                .any(|b| b.span.start < m.span.end && m.span.start < b.span.end),
            "{}",
            m.text
        );
    }
    assert!(a
        .boilerplate
        .iter()
        .any(|b| &ARTICLE[b.span.start..b.span.end] == "Mots clés : gaz, Turquie"));
}

#[test]
fn card_title_date_publisher_quotes() {
    let a = analyze();
    assert_eq!(
        a.card.title.as_deref(),
        Some("Le Kremlin et Ankara signent un accord gazier")
    );
    assert_eq!(a.card.date.as_deref(), Some("2023-03-14"));
    let q = &a.quotes[0];
    assert!(q.text.starts_with("Nous refusons toute ingérence"));
    assert_eq!(
        q.speaker.map(|e| a.entities[e].canonical.as_str()),
        Some("Vladimir Poutine")
    );
    assert_eq!(a.card.summary.len(), 3);
    assert!(a.card.words > 80 && a.card.reading_minutes == 1);
}

#[test]
fn dates_are_normalised_against_the_dateline() {
    let a = analyze();
    let mardi = a.dates.iter().find(|d| d.text == "mardi").expect("mardi");
    // 14 March 2023 was a Tuesday: « mardi » is that day.
    assert_eq!(mardi.iso.as_deref(), Some("2023-03-14"));
}

#[test]
fn stance_and_frames() {
    let a = analyze();
    let commit = a
        .stances
        .iter()
        .find(|s| s.polarity == Polarity::Commit)
        .expect("commit stance");
    assert!(commit.text.contains("engagés"));
    let praise = a
        .stances
        .iter()
        .find(|s| s.polarity == Polarity::Praise)
        .expect("praise");
    assert_eq!(
        praise
            .holders
            .iter()
            .map(|&h| a.entities[h].canonical.as_str())
            .collect::<Vec<_>>(),
        vec!["Recep Tayyip Erdogan"]
    );
    let frames: Vec<&str> = a.frames.iter().map(|f| f.frame.as_str()).collect();
    assert!(frames.contains(&"foreign_interference"), "{frames:?}");
    assert!(frames.contains(&"sovereignty"), "{frames:?}");
}

#[test]
fn deterministic_and_json_roundtrip() {
    let a = analyze();
    let b = analyze();
    assert_eq!(a, b);
    let back: Analysis = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(back, a);
    assert_eq!(a.schema, loupe::SCHEMA);
}

#[test]
fn odd_inputs_do_not_panic() {
    for t in [
        "",
        " ",
        "\n\n\n",
        "«",
        "» « »",
        "M.",
        "l'",
        "\u{feff}",
        "a\u{0301}",
        "12. 01.",
        "((((",
        "😀 Élysée 😀",
    ] {
        let a = loupe::analyze(t);
        assert_eq!(a.stats.bytes, t.len());
    }
}

#[test]
fn analyze_limited_cuts_at_a_paragraph_and_reports_it() {
    let para = "Le président français Emmanuel Macron s'est rendu à Berlin.\n\n";
    let text = para.repeat(50) + "Dernier paragraphe sur Tokyo.";
    let a = loupe::analyze_limited(&text, 1000);
    let t = a
        .truncated
        .expect("text longer than the limit is truncated");
    assert!(t.analysed.end <= 1000 && t.analysed.end > 500);
    assert!(text[..t.analysed.end].ends_with("\n\n"));
    assert_eq!(t.total_bytes, text.len());
    assert_eq!(t.total_utf16, text.encode_utf16().count());
    assert_eq!(
        t.analysed.end16,
        text[..t.analysed.end].encode_utf16().count()
    );
    assert!(a.mentions.iter().all(|m| m.span.end <= t.analysed.end));
    assert!(a.entities.iter().any(|e| e.canonical == "Emmanuel Macron"));
    assert!(a.entities.iter().all(|e| e.canonical != "Tokyo"));
    // Within the limit: identical to analyze().
    let short = loupe::analyze_limited(para, 1000);
    assert_eq!(short, loupe::analyze(para));
    assert!(short.truncated.is_none());
}

#[test]
fn analyze_limited_never_splits_a_char() {
    let text = "é".repeat(1000); // no break at all: cut on a char boundary
    assert_eq!(
        loupe::analyze_limited(&text, 1)
            .truncated
            .unwrap()
            .analysed
            .end,
        0
    );
    for max in [2, 3, 101, 999] {
        let a = loupe::analyze_limited(&text, max);
        let end = a.truncated.unwrap().analysed.end;
        assert!(
            text.is_char_boundary(end) && end <= max && end > 0,
            "max {max} → {end}"
        );
    }
}

#[test]
fn analyze_limited_above_max_text_bytes_is_analyze() {
    let text = "Le président Emmanuel Macron a parlé à Paris.\n\nFin.";
    assert!(loupe::analyze_limited(text, usize::MAX) == loupe::analyze(text));
    assert!(loupe::analyze_limited(text, loupe::MAX_TEXT_BYTES) == loupe::analyze(text));
    assert!(loupe::analyze(text).truncated.is_none());
}

/// Roles in apposition after the name, role phrases naming an institution, and title words
/// that are not roles. Names chosen outside the gazetteer where it matters, so the roles come
/// from the text.
#[test]
fn roles_in_apposition_and_through_institutions() {
    let text = "La banque maintient ses taux directeurs, Carla Vintreuil prudente\n\n\
Le porte-parole du ministère malien des Affaires étrangères, Oumar Kantélé, a démenti l'information. \
« Nous ne sommes pas au bout du chemin », a dit Carla Vintreuil, la présidente de l'institution, jeudi. \
Le général Amadou Sirikor, ministre nigérien de la Défense, a salué l'accord. \
« Nous voterons contre », a affirmé Marine Dalbret, présidente du groupe RN, mardi. \
L'ancien ministre Paul Giaccobi était présent. \
Le Premier ministre pakistanais Karim Dastani et le président iranien par intérim Reza Tabandeh ont participé. \
Le secrétaire général des Nations unies, Antonio Ferreira, a dénoncé la situation.";
    let a = loupe::analyze(text);
    let role = |name: &str| {
        a.entities
            .iter()
            .find(|e| e.canonical == name)
            .unwrap_or_else(|| panic!("{name} not found: {:?}", a.entities))
            .role
            .clone()
    };
    assert_eq!(
        role("Oumar Kantélé").as_deref(),
        Some("porte-parole du ministère malien des Affaires étrangères")
    );
    // « taux directeurs, Carla Vintreuil » in the headline is not a role.
    assert_eq!(
        role("Carla Vintreuil").as_deref(),
        Some("présidente de l'institution")
    );
    // An apposition says more than a bare rank before the name.
    assert_eq!(
        role("Amadou Sirikor").as_deref(),
        Some("ministre nigérien de la Défense")
    );
    assert_eq!(
        role("Marine Dalbret").as_deref(),
        Some("présidente du groupe RN")
    );
    assert_eq!(role("Paul Giaccobi").as_deref(), Some("ministre"));
    // A role phrase runs over an organisation's whole name (« … des Nations unies »).
    assert_eq!(
        role("Antonio Ferreira").as_deref(),
        Some("secrétaire général des Nations unies")
    );
    // A role phrase does not run back over the previous name of a list.
    assert_eq!(
        role("Reza Tabandeh").as_deref(),
        Some("président iranien par intérim")
    );
}

/// The publisher from a logo line above the title or from an agency credit opening the first
/// paragraph; a place written in capitals in that credit is a place; a time zone is not an
/// organisation.
#[test]
fn publisher_from_logo_or_agency_credit() {
    let body = "Le président a reçu mardi son homologue pour des entretiens sur la coopération bilatérale et la sécurité régionale.";
    let cases = [
        (
            format!(
                "Français | English\n\nKazinform\n\nUn sommet régional s'ouvre à Minsk\n\n{body}"
            ),
            "Kazinform",
        ),
        (
            format!("Un sommet régional s'ouvre à Minsk\n\nFRANCFORT, 6 juin (Reuters) - {body}"),
            "Reuters",
        ),
        (
            format!(
                "Un sommet régional s'ouvre à Minsk\n\nASTANA, 12 novembre. /Kazinform/ - {body}"
            ),
            "Kazinform",
        ),
        (
            format!("Un sommet régional s'ouvre à Minsk\n\nMoscou, 18 février - Sputnik. {body}"),
            "Sputnik",
        ),
    ];
    for (text, name) in &cases {
        let a = loupe::analyze(text);
        let p = a
            .card
            .publisher
            .as_ref()
            .unwrap_or_else(|| panic!("no publisher in {text}"));
        assert_eq!(&p.name, name, "{text}");
        assert_eq!(
            a.card.title.as_deref(),
            Some("Un sommet régional s'ouvre à Minsk"),
            "{text}"
        );
    }
    // Not a credit: an outlet named in running text.
    let a = loupe::analyze(&format!(
        "Un sommet régional s'ouvre à Minsk\n\nSelon Reuters, {body}"
    ));
    assert!(a.card.publisher.is_none(), "{:?}", a.card.publisher);
    // « FRANCFORT » is Frankfurt; « GMT » is not an organisation.
    let a = loupe::analyze(&format!("Un sommet régional s'ouvre à Minsk\n\nMis à jour 2024-06-28 21:15 GMT+8\n\nFRANCFORT, 6 juin (Reuters) - {body}"));
    let m = |t: &str| a.mentions.iter().find(|m| m.text == t).map(|m| m.etype);
    assert_eq!(m("FRANCFORT"), Some(loupe::schema::EntityType::LOC));
    assert_eq!(m("GMT"), None);
}

/// Periphrases for a person named earlier: « le chef de la diplomatie russe » (the minister of
/// foreign affairs), « le chef du gouvernement » (the prime minister), « le chef de l'État
/// kazakh » (the president of Kazakhstan).
#[test]
fn periphrases_name_the_speaker() {
    let text = "Le ministre russe des Affaires étrangères Sergueï Lavrov a tenu une conférence de presse à Moscou. \
Selon le chef de la diplomatie russe, les sanctions « ne changeront rien à notre politique ».\n\n\
Le Premier ministre, Michel Barnier, s'est exprimé devant les députés. « Nous ne céderons pas aux pressions des partis », a lancé le chef du gouvernement.\n\n\
Le président du Kazakhstan, Kassym-Jomart Tokaïev, était à Minsk. Le chef de l'État kazakh a salué « un partenariat stratégique et durable entre nos pays ».";
    let a = loupe::analyze(text);
    let speakers: Vec<Option<String>> = a.quotes.iter().map(|q| q.speaker_text.clone()).collect();
    // `speaker` indexes the entities.
    let canon = |i: usize| a.quotes[i].speaker.map(|e| a.entities[e].canonical.clone());
    assert_eq!(a.quotes.len(), 3, "{speakers:?}");
    assert_eq!(canon(0).as_deref(), Some("Sergueï Lavrov"), "{speakers:?}");
    assert_eq!(canon(1).as_deref(), Some("Michel Barnier"), "{speakers:?}");
    assert_eq!(
        canon(2).as_deref(),
        Some("Kassym-Jomart Tokaïev"),
        "{speakers:?}"
    );
}

/// A wire-style dateline opening the first paragraph dates the article; weekdays then resolve
/// against it, forward in a clause about the future. A photo credit names no publisher.
#[test]
fn lead_dateline_date_and_photo_credits() {
    let text = "Xi Jinping reçoit Vladimir Poutine à Pékin\n\n\
Pékin, 16 mai 2024 (Chine Nouvelle) -- Le président chinois Xi Jinping a eu jeudi des entretiens avec le président russe Vladimir Poutine.\n\n\
Le président russe se rendra vendredi à Harbin.";
    let a = loupe::analyze(text);
    assert_eq!(a.card.date.as_deref(), Some("2024-05-16"));
    let iso = |t: &str| {
        a.dates
            .iter()
            .find(|d| d.text == t)
            .and_then(|d| d.iso.clone())
    };
    assert_eq!(iso("jeudi").as_deref(), Some("2024-05-16"));
    assert_eq!(iso("vendredi").as_deref(), Some("2024-05-17"));
    // The publisher as the page names it (the gazetteer's canonical name is in the rule).
    assert_eq!(
        a.card.publisher.as_ref().map(|p| p.name.as_str()),
        Some("Chine Nouvelle")
    );
    assert!(a
        .card
        .publisher
        .as_ref()
        .is_some_and(|p| p.rule.detail.contains("Agence de presse Xinhua")));

    let text = "L'Asie centrale entre Moscou et Pékin\n\n\
Le président kazakh a reçu mardi son homologue pour des entretiens sur la coopération bilatérale et la sécurité régionale.\n\n\
Photo: Kazakh President Kassym-Jomart Tokayev attends a meeting in Astana, Kazakhstan, on March 2, 2024. REUTERS/Pavel Mikheyev";
    let a = loupe::analyze(text);
    assert!(a.card.publisher.is_none(), "{:?}", a.card.publisher);
    // Nor does a sources line.
    let a = loupe::analyze(&format!("{text}\n\n(Avec AFP et Reuters)"));
    assert!(a.boilerplate.len() >= 2, "the sources line is a footer");
    assert!(a.card.publisher.is_none(), "{:?}", a.card.publisher);
}

/// « il » after a quote refers to the subject of an earlier sentence rather than to a person
/// named after a preposition in between.
#[test]
fn pronoun_prefers_a_subject_over_a_governed_person() {
    let text = "Michel Levesque analyse la diplomatie de la région depuis vingt ans.\n\n\
L'intervention de l'OTSC en janvier 2022, à la demande du président Tokaïev, l'a montré. \
« Mais cette dette politique pèse lourd sur le pays », estime-t-il.";
    let a = loupe::analyze(text);
    let q = a.quotes.first().expect("a quote");
    let speaker = q.speaker.map(|e| a.entities[e].canonical.clone());
    assert_eq!(speaker.as_deref(), Some("Michel Levesque"));
}

/// A transcript: « Name : answer » paragraphs are the person speaking, without quotation marks.
#[test]
fn transcript_paragraphs_are_quotes() {
    let text = "Conférence de presse du porte-parole\n\n\
Question : Quel est votre commentaire sur les nouvelles restrictions ?\n\n\
Mao Ning : La Chine s'oppose fermement à ces pratiques qui violent les règles du commerce.\n\n\
Mao Ning : « Nous prendrons les mesures nécessaires », a-t-elle ajouté plus tard.";
    let a = loupe::analyze(text);
    let q: Vec<(&str, Option<&str>, &str)> = a
        .quotes
        .iter()
        .map(|q| {
            (
                q.text.as_str(),
                q.speaker.map(|e| a.entities[e].canonical.as_str()),
                q.rule.id.as_ref(),
            )
        })
        .collect();
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        q[0],
        (
            "La Chine s'oppose fermement à ces pratiques qui violent les règles du commerce.",
            Some("Mao Ning"),
            "quote:transcript"
        )
    );
    // A paragraph with its own quotation keeps it (no second, overlapping quote).
    assert_eq!(q[1].0, "Nous prendrons les mesures nécessaires");
}

/// A quoted term of the frame lexicon is a frame, not a quotation; a lone determiner is no
/// stance holder.
#[test]
fn quoted_frame_terms_are_not_quotes() {
    let text = "Pékin appelle à rejeter la « mentalité de la guerre froide » et à bâtir un monde multipolaire. \
« Nous ne céderons jamais aux pressions extérieures », a déclaré le ministre Wang Yi. \
Le porte-parole Dmitri Peskov a jugé que Bruxelles n'a « aucun droit » de contester cette décision.";
    let a = loupe::analyze(text);
    let quotes: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        quotes,
        ["Nous ne céderons jamais aux pressions extérieures"]
    );
    assert!(a
        .frames
        .iter()
        .any(|f| f.text == "mentalité de la guerre froide"));
    assert!(
        a.stances
            .iter()
            .all(|s| s.holder_text.as_deref() != Some("de")),
        "{:?}",
        a.stances
    );
}

#[test]
fn every_claim_says_how_sure_it_is() {
    use loupe::schema::Confidence;
    let a = loupe::analyze(
        "Le président russe Vladimir Poutine a reçu Zorglub Wamba à Moscou. Il soutient la paix. \
         « Nous ne céderons pas », a déclaré Vladimir Poutine. « Nous verrons », a-t-il ajouté.",
    );
    let ent = |n: &str| a.entities.iter().find(|e| e.canonical == n).expect(n);
    // A gazetteer name is sure, whatever rule found the mention.
    assert_eq!(ent("Vladimir Poutine").confidence, Confidence::Sure);
    assert_eq!(ent("Moscou").confidence, Confidence::Sure);
    // Every rule serialises its class.
    let json = serde_json::to_value(&a).unwrap();
    for layer in ["mentions", "quotes", "stances"] {
        for x in json[layer].as_array().unwrap() {
            let c = x["rule"]["confidence"].as_str().unwrap();
            assert!(matches!(c, "sure" | "likely" | "guess"), "{layer}: {x}");
        }
    }
    // The speaker named by the quote's own speech verb is sure.
    let q = a
        .quotes
        .iter()
        .find(|q| q.text.contains("céderons"))
        .expect("quote");
    assert_eq!(q.rule.confidence, Confidence::Sure);
    // Card items carry their entity's or their stances' class.
    let p = a
        .card
        .people
        .iter()
        .find(|p| p.name == "Vladimir Poutine")
        .unwrap();
    assert_eq!(p.confidence, Confidence::Sure);
    for c in &a.card.stance_matrix {
        let best = c
            .stances
            .iter()
            .map(|&s| a.stances[s].rule.confidence)
            .min()
            .unwrap();
        assert_eq!(c.confidence, best);
    }
    // The table: guesses are guesses.
    assert_eq!(Confidence::of("caps"), Confidence::Guess);
    assert_eq!(Confidence::of("stance:context"), Confidence::Guess);
    assert_eq!(Confidence::of("quote:continuation"), Confidence::Guess);
    assert_eq!(
        Confidence::of("stance:subject+negation"),
        Confidence::Likely
    );
    assert_eq!(Confidence::of("gazetteer"), Confidence::Sure);
}
