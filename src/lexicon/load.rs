//! Building the lexicons: the data files compiled in (minified by `build.rs`), parsed once into
//! [`Lexicons`] — gazetteer entries and their trie, the vocabulary, word classes, cue matchers,
//! media names. Parsing never panics on a malformed line: it is skipped.

use super::*;

macro_rules! data {
    ($p:literal) => {
        (
            $p,
            // Minified by build.rs (same line numbers, comments and notes dropped).
            include_str!(concat!(env!("OUT_DIR"), "/data/", $p)),
        )
    };
}

/// Iterates over the non-comment, non-empty lines of a TSV file: `(line number, columns)`.
pub(super) fn rows<'a>(src: &'a str) -> impl Iterator<Item = (usize, Vec<&'a str>)> + 'a {
    src.lines().enumerate().filter_map(|(i, l)| {
        let l = l.trim_end_matches('\r');
        if l.trim().is_empty() || l.starts_with('#') {
            None
        } else {
            // (Columns split by bytes: the tab is ASCII, a faster scan than `split('\t')`.)
            let mut cols = Vec::with_capacity(6);
            let mut start = 0;
            for (k, b) in l.bytes().enumerate() {
                if b == b'\t' {
                    cols.push(l[start..k].trim());
                    start = k + 1;
                }
            }
            cols.push(l[start..].trim());
            Some((i + 1, cols))
        }
    })
}

pub(super) fn multi(col: Option<&&str>) -> Vec<String> {
    col.map(|c| {
        c.split('|')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(apos)
            .collect()
    })
    .unwrap_or_default()
}

/// `s.to_lowercase()`, without the Unicode machinery for ASCII text (the lexicons are mostly
/// ASCII: the same result).
pub(super) fn lc(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// `s.replace('’', "'")`, without a search-and-copy pass when there is no ’.
pub(super) fn apos(s: &str) -> String {
    // (Most rows are ASCII: a word-at-a-time test before the search for ’.)
    if !s.is_ascii() && s.contains('’') {
        s.replace('’', "'")
    } else {
        s.to_string()
    }
}

/// `s.replace('’', "'").to_lowercase()`.
pub(super) fn apos_lc(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.replace('’', "'").to_lowercase()
    }
}

/// `format!("{name}:{ln}")`, the origin of a data row (without the formatting machinery: one
/// per row of every file).
pub(super) fn origin(name: &str, ln: usize) -> String {
    let mut digits = [0u8; 20];
    let (mut k, mut n) = (digits.len(), ln);
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut s = String::with_capacity(name.len() + 1 + digits.len() - k);
    s.push_str(name);
    s.push(':');
    s.push_str(std::str::from_utf8(&digits[k..]).expect("ASCII digits"));
    s
}

pub(super) fn build() -> Lexicons {
    let mut skipped = 0;
    let mut gaz: Vec<GazEntry> = Vec::new();
    let mut forms: Vec<(String, usize)> = Vec::new();
    let mut demonyms = HashMap::default();
    let mut person_short: HashMap<String, Vec<usize>> = HashMap::default();

    let (name, src) = data!("gazetteer/places.tsv");
    for (ln, c) in rows(src) {
        if c.len() < 2 || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        let kind = c[1].to_string();
        gaz.push(GazEntry::new(
            c[0],
            EntityType::LOC,
            &kind,
            origin(name, ln),
        ));
        forms.push((gaz[id].canonical.clone(), id));
        for v in multi(c.get(2)) {
            forms.push((v, id));
        }
        for d in multi(c.get(3)) {
            demonyms
                .entry(lc(&d))
                .or_insert_with(|| gaz[id].canonical.clone());
        }
    }

    let (name, src) = data!("gazetteer/orgs.tsv");
    for (ln, c) in rows(src) {
        if c.is_empty() || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        let acr = multi(c.get(1));
        let mut g = GazEntry::new(
            c[0],
            EntityType::ORG,
            c.get(3).unwrap_or(&""),
            origin(name, ln),
        );
        g.acronym = acr.first().cloned();
        gaz.push(g);
        forms.push((gaz[id].canonical.clone(), id));
        for v in acr.into_iter().chain(multi(c.get(2))) {
            forms.push((v, id));
        }
    }

    let (name, src) = data!("gazetteer/people.tsv");
    for (ln, c) in rows(src) {
        if c.is_empty() || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        let short = multi(c.get(1));
        let mut g = GazEntry::new(c[0], EntityType::PER, "person", origin(name, ln));
        g.role = c.get(3).filter(|s| !s.is_empty()).map(|s| s.to_string());
        g.country = c.get(4).filter(|s| !s.is_empty()).map(|s| s.to_string());
        g.short = short.clone();
        gaz.push(g);
        forms.push((gaz[id].canonical.clone(), id));
        for v in multi(c.get(2)) {
            forms.push((v, id));
        }
        for s in short {
            person_short.entry(s).or_default().push(id);
        }
    }

    let mut media_forms: Vec<(String, usize)> = Vec::new();
    let (name, src) = data!("gazetteer/media.tsv");
    for (ln, c) in rows(src) {
        if c.is_empty() || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        let mut g = GazEntry::new(
            c[0],
            EntityType::ORG,
            c.get(4).unwrap_or(&""),
            origin(name, ln),
        );
        g.country = c.get(2).filter(|s| !s.is_empty()).map(|s| s.to_string());
        g.state_affiliated = c.get(3).is_some_and(|s| s.eq_ignore_ascii_case("yes"));
        gaz.push(g);
        media_forms.push((gaz[id].canonical.clone(), id));
        forms.push((gaz[id].canonical.clone(), id));
        for v in multi(c.get(1)) {
            media_forms.push((v.clone(), id));
            // Capitalised forms are names in running text; bare domains only match as written.
            forms.push((v, id));
        }
    }

    let (name, src) = data!("gazetteer/misc.tsv");
    for (ln, c) in rows(src) {
        if c.is_empty() || c[0].is_empty() {
            skipped += 1;
            continue;
        }
        let id = gaz.len();
        gaz.push(GazEntry::new(
            c[0],
            EntityType::MISC,
            c.get(2).unwrap_or(&""),
            origin(name, ln),
        ));
        forms.push((gaz[id].canonical.clone(), id));
        for v in multi(c.get(1)) {
            forms.push((v, id));
        }
    }

    // Transliteration keys of people's names (unique full forms; short forms by key).
    let mut person_key: HashMap<String, usize> = HashMap::default();
    let mut clashes: HashSet<String> = HashSet::default();
    for (f, id) in &forms {
        if gaz[*id].etype != EntityType::PER {
            continue;
        }
        let k = translit_key(f);
        match person_key.get(&k) {
            Some(&other) if other != *id => {
                clashes.insert(k);
            }
            _ => {
                person_key.insert(k, *id);
            }
        }
    }
    for k in clashes {
        person_key.remove(&k);
    }
    let mut person_short_key: HashMap<String, Vec<usize>> = HashMap::default();
    for (sf, ids) in &person_short {
        let v = person_short_key.entry(translit_key(sf)).or_default();
        for &id in ids {
            if !v.contains(&id) {
                v.push(id);
            }
        }
    }

    // Surface forms: first entry wins for a duplicated form (files are read in priority order).
    let mut seen = HashSet::default();
    let mut pats = Vec::new();
    let mut gaz_pat = Vec::new();
    let mut by_form: HashMap<String, Vec<usize>> = HashMap::default();
    for (f, id) in forms {
        by_form.entry(lc(&f)).or_default().push(id);
        if f.chars().count() < 2 || !seen.insert(f.clone()) {
            continue;
        }
        pats.push(f);
        gaz_pat.push(id);
    }
    // (About 30 000 words once every cue form is interned: sized once rather than rehashed
    // at every doubling; the table ends up the same size.)
    let mut vocab = Vocab {
        ids: HashMap::with_capacity_and_hasher(32_768, Default::default()),
    };
    let gaz_trie = ByteTrie::new(pats.iter().zip(0..).map(|(f, p)| (f.as_bytes(), p)));
    let fw_len: Vec<usize> = pats.iter().map(|f| first_word(f).len()).collect();
    let gaz_first_len = pats
        .iter()
        .zip(&fw_len)
        .map(|(f, &n)| {
            if f.chars().next().is_some_and(char::is_alphanumeric) {
                n as u32
            } else {
                0
            }
        })
        .collect();
    let mut gaz_follow = [false; 256];
    gaz_follow[b'-' as usize] = true;
    for (f, &fw) in pats.iter().zip(&fw_len) {
        if let Some(&c) = f.as_bytes().get(fw).filter(|_| fw > 0) {
            gaz_follow[c as usize] = true;
        }
    }
    let gaz_forms: Vec<(String, usize)> = pats.into_iter().zip(gaz_pat).collect();
    let mut mseen = HashSet::default();
    let mut mpats = Vec::new();
    let mut media_pat = Vec::new();
    let mut media_acronym = Vec::new();
    for (f, id) in media_forms {
        if f.chars().count() < 2 || !mseen.insert(lc(&f)) {
            continue;
        }
        media_acronym.push(f.len() <= 5 && f.chars().all(|c| c.is_ascii_uppercase()));
        mpats.push(lc(&f));
        media_pat.push(id);
    }
    let media_ac = MediaMatcher::new(&mpats);

    let (_, src) = data!("gazetteer/firstnames.txt");
    let mut firstnames: HashSet<String> = HashSet::default();
    let mut firstname_sex: HashMap<String, bool> = HashMap::default();
    for l in src.lines().map(str::trim) {
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (name, sex) = l.split_once('\t').unwrap_or((l, ""));
        let name = apos(name);
        match sex.trim() {
            "f" => {
                firstname_sex.insert(name.clone(), true);
            }
            "u" => {}
            _ => {
                firstname_sex.insert(name.clone(), false);
            }
        }
        firstnames.insert(name);
    }

    let (_, src) = data!("lexicon/function_words.txt");
    let function_words: HashSet<String> = src
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(apos_lc)
        .collect();

    // Forms an inflected lemma never stands for: function words (« contre » is no form of
    // « contrer », « devant » none of « devoir »), but not the forms of « être » / « avoir » nor
    // the participial openers the list holds (« dénonçant », « invité »).
    let homographs: HashSet<String> = function_words
        .iter()
        .filter(|w| {
            !AUX_AVOIR_WORDS.contains(&w.as_str())
                && !AUX_ETRE_WORDS.contains(&w.as_str())
                && !["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e))
                && (!w.ends_with("ant")
                    || matches!(
                        w.as_str(),
                        "devant" | "pendant" | "suivant" | "durant" | "concernant" | "moyennant"
                    ))
        })
        .cloned()
        .collect();
    let mut stance = CueMatcher::new();
    stance.homographs = homographs.clone();
    let (name, src) = data!("lexicon/stance.tsv");
    for (ln, c) in rows(src) {
        let head = c.first().copied().unwrap_or("");
        let mut flags = head.split(':');
        let p = flags.next().unwrap_or("");
        let (mut neg_only, mut eval, mut bad) = (false, false, false);
        for f in flags {
            match f {
                "neg" => neg_only = true,
                "eval" => eval = true,
                _ => bad = true,
            }
        }
        if bad {
            skipped += 1;
            continue;
        }
        let polarity = match p {
            "support" => Some(Polarity::Support),
            "oppose" => Some(Polarity::Oppose),
            "accuse" => Some(Polarity::Accuse),
            "commit" => Some(Polarity::Commit),
            "concern" => Some(Polarity::Concern),
            "praise" => Some(Polarity::Praise),
            "none" if !neg_only => None,
            _ => {
                skipped += 1;
                continue;
            }
        };
        let pol = StanceCue {
            polarity,
            neg_only,
            eval,
        };
        match c.get(1) {
            Some(cue) if !cue.is_empty() => stance.add(&mut vocab, cue, pol, origin(name, ln)),
            _ => skipped += 1,
        }
    }

    let mut frames = CueMatcher::new();
    frames.homographs = homographs;
    let (name, src) = data!("lexicon/frames.tsv");
    for (ln, c) in rows(src) {
        match (c.first(), c.get(1)) {
            (Some(f), Some(cue)) if !f.is_empty() && !cue.is_empty() => {
                let cue_info = FrameCue {
                    frame: f.to_string(),
                    weak: c.get(2) == Some(&"weak"),
                };
                frames.add(&mut vocab, cue, cue_info, origin(name, ln))
            }
            _ => skipped += 1,
        }
    }
    let (_, src) = data!("lexicon/frames_taxonomy.tsv");
    let frame_labels = rows(src)
        .filter(|(_, c)| c.len() >= 3)
        .map(|(_, c)| (c[0].to_string(), c[1].to_string(), c[2].to_string()))
        .collect();

    let (_, src) = data!("lexicon/speech_verbs.tsv");
    let mut speech = HashMap::default();
    for (_, c) in rows(src) {
        let kind = match c.get(2).copied() {
            Some("speech") => SpeechKind::Speech,
            Some("source") => SpeechKind::Source,
            Some("noun") => SpeechKind::Noun,
            Some("aux") => SpeechKind::Aux,
            _ => {
                skipped += 1;
                continue;
            }
        };
        speech.insert(apos_lc(c[0]), kind);
    }

    let (name, src) = data!("lexicon/titles.tsv");
    let mut titles = HashMap::default();
    let mut title_words = HashSet::default();
    let mut title_first: HashSet<String> = HashSet::default();
    let mut title_cues = CueMatcher::new();
    let mut title_same = Vec::new();
    for (ln, c) in rows(src) {
        let kind = match c.get(1).copied() {
            Some("honorific") => TitleKind::Honorific,
            Some("role") => TitleKind::Role,
            Some("portfolio") => TitleKind::Portfolio,
            _ => {
                skipped += 1;
                continue;
            }
        };
        let t = apos(c[0]);
        if kind == TitleKind::Honorific {
            titles.insert(t.trim_end_matches('.').to_string(), kind);
            title_first.insert(t.trim_end_matches('.').to_lowercase());
        } else {
            // Tokenise like the text: split elisions "d'État" → "d' État".
            let spaced = t.replace("' ", "'").replace('\'', "' ");
            let entry = title_cues.entries.len();
            title_cues.add(&mut vocab, &spaced, kind, origin(name, ln));
            if let Some(same) = c.get(2).filter(|s| !s.is_empty()) {
                title_same.resize(entry + 1, None);
                title_same[entry] = Some(lc(same));
            }
            let words: Vec<&str> = spaced.split_whitespace().collect();
            if kind == TitleKind::Role {
                if let Some(w) = words.first() {
                    title_first.insert(lc(w));
                }
            }
            if words.len() == 1 {
                titles.insert(lc(words[0]), kind);
            }
            for w in words {
                title_words.insert(lc(w));
            }
        }
    }

    let (_, src) = data!("lexicon/heads.tsv");
    let mut heads = HashMap::default();
    let mut street_heads = HashSet::default();
    for (_, c) in rows(src) {
        let t = match c.first().copied() {
            Some("ORG") => EntityType::ORG,
            Some("LOC") => EntityType::LOC,
            Some("MISC") => EntityType::MISC,
            Some("PER") => EntityType::PER,
            _ => {
                skipped += 1;
                continue;
            }
        };
        if let Some(h) = c.get(1).filter(|h| !h.is_empty()) {
            let ambiguous = c.get(2).is_some_and(|n| n.contains("AMBIGUOUS"));
            if c.get(2).is_some_and(|n| n.starts_with("STREET")) {
                street_heads.insert(h.to_string());
            }
            // A head listed under two types keeps its first type, and is ambiguous.
            heads
                .entry(h.to_string())
                .and_modify(|e: &mut (EntityType, bool)| e.1 = true)
                .or_insert((t, ambiguous));
        }
    }

    let (_, src) = data!("lexicon/boilerplate.tsv");
    let mut boilerplate = Vec::new();
    let mut english_words = HashSet::default();
    for (_, c) in rows(src) {
        let (Some(kind), Some(pat)) = (c.first(), c.get(1)) else {
            skipped += 1;
            continue;
        };
        if *kind == "caption_en" {
            for w in pat.split_whitespace() {
                english_words.insert(lc(w));
            }
            continue;
        }
        let whole = c.get(2).is_some_and(|n| lc(n).contains("whole"));
        let pat = apos_lc(pat);
        // A label with its colon is written « Source : » or « Source: »: both are looked for.
        let other = if let Some(p) = pat.strip_suffix(" :") {
            Some(format!("{p}:"))
        } else {
            pat.strip_suffix(':')
                .filter(|p| !p.ends_with(' '))
                .map(|p| format!("{p} :"))
        };
        for p in std::iter::once(pat).chain(other) {
            boilerplate.push((kind.to_string(), p, whole));
        }
    }

    let mut boilerplate_whole: HashMap<String, Vec<usize>> = HashMap::default();
    let mut boilerplate_prefix: HashMap<String, Vec<usize>> = HashMap::default();
    for (i, (_, pat, whole)) in boilerplate.iter().enumerate() {
        if pat.is_empty() {
            continue;
        }
        if *whole {
            boilerplate_whole.entry(pat.clone()).or_default().push(i);
        } else {
            let key: String = pat.chars().take(3).collect();
            boilerplate_prefix.entry(key).or_default().push(i);
        }
    }

    // Word classes (after every cue word is interned: ids only grow).
    fn mark(classes: &mut Vec<u32>, id: u32, bit: u32) {
        let id = id as usize;
        if classes.len() <= id {
            classes.resize(id + 1, 0);
        }
        classes[id] |= bit;
    }
    let mut classes: Vec<u32> = Vec::new();
    let lower = super::lower_same_len;
    // Each first word as forms write it, grouped by its lower case's id.
    let mut first: HashMap<u32, Vec<&str>> = HashMap::default();
    for ((f, _), &n) in gaz_forms.iter().zip(&fw_len) {
        let fw = &f[..n];
        let variants = first.entry(vocab.intern(&lower(fw))).or_default();
        if !variants.contains(&fw) {
            variants.push(fw);
        }
    }
    let mut gaz_first_at = vec![(0, 0); vocab.ids.len()];
    let mut gaz_first_nodes = Vec::new();
    for (id, variants) in first {
        mark(&mut classes, id, class::GAZ_FIRST);
        let a = gaz_first_nodes.len() as u32;
        for fw in variants {
            gaz_first_nodes.push((fw.to_string(), gaz_trie.walk(fw.as_bytes())));
        }
        gaz_first_at[id as usize] = (a, gaz_first_nodes.len() as u32);
    }
    let exact: [(&HashSet<String>, u32); 3] = [
        (&function_words, class::FUNCTION),
        (&title_first, class::TITLE_FIRST),
        (&title_words, class::TITLE_WORD),
    ];
    for (set, bit) in exact {
        for w in set {
            mark(&mut classes, vocab.intern(w), bit);
        }
    }
    for w in demonyms.keys() {
        mark(&mut classes, vocab.intern(w), class::DEMONYM);
    }
    for w in speech.keys() {
        mark(&mut classes, vocab.intern(w), class::SPEECH);
    }
    // Prefilters: the key as written and lower-cased (tokens are looked up by either).
    let mut mark2 = |vocab: &mut Vocab, w: &str, bit: u32| {
        mark(&mut classes, vocab.intern(w), bit);
        let l = lower(w);
        if l != w {
            mark(&mut classes, vocab.intern(&l), bit);
        }
    };
    for w in &firstnames {
        mark2(&mut vocab, w, class::FIRSTNAME);
    }
    for w in heads.keys() {
        mark2(&mut vocab, w, class::HEAD);
    }
    for w in titles.keys() {
        mark2(&mut vocab, w, class::TITLE);
    }
    for w in person_short.keys() {
        mark2(&mut vocab, w, class::PERSON_SHORT);
    }
    for (words, bit) in super::words::CLASS_LISTS {
        for w in words {
            mark2(&mut vocab, w, bit);
        }
    }
    for (words, bit) in [
        (AUX_AVOIR_WORDS, class::AUX_AVOIR),
        (AUX_ETRE_WORDS, class::AUX_ETRE),
        (REFL_WORDS, class::REFL),
        (GROUP_STOP_WORDS, class::GROUP_STOP),
        (NEG_WORDS, class::NEG),
        (&["ne", "n'"][..], class::NE),
        (&[","][..], class::COMMA),
        (&["y", "en"][..], class::CLITIC),
    ] {
        for w in words {
            mark(&mut classes, vocab.intern(w), bit);
        }
    }
    classes.resize(vocab.ids.len(), 0);

    Lexicons {
        gaz,
        gaz_forms,
        gaz_trie,
        gaz_first_len,
        gaz_first_at,
        gaz_first_nodes,
        gaz_follow,
        media_ac,
        media_pat,
        media_acronym,
        by_form,
        person_short,
        person_key,
        person_short_key,
        demonyms,
        firstnames,
        firstname_sex,
        function_words,
        stance,
        frames,
        frame_labels,
        speech,
        titles,
        title_words,
        title_same,
        title_first,
        title_cues,
        vocab,
        classes,
        heads,
        street_heads,
        boilerplate,
        boilerplate_whole,
        boilerplate_prefix,
        english_words,
        skipped,
    }
}
