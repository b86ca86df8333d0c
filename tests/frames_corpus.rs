//! The invented frames corpus (`tests/fixtures/frames/*.txt`, format in its README): sentences in
//! the voices of state media and of the press quoting their officials, each with every frame it
//! holds (cue, frame id), and ordinary uses of frame words that must yield none. Scores the frames
//! layer as the dev scorer does (spans overlapping, labels agreeing) and asserts floors.

mod corpus;

struct Expected {
    cue: String,
    occurrence: usize,
    frame: String,
}

struct Item {
    file: String,
    text: String,
    expected: Vec<Expected>,
    /// `- none!`: any frame found is a failure.
    clear_negative: bool,
}

fn items() -> Vec<Item> {
    corpus::items("frames")
        .into_iter()
        .map(|it| {
            let expected = it
                .expected
                .into_iter()
                .map(|p| {
                    assert!(
                        p.cols.len() == 1,
                        "{}: bad line + {} | {:?}",
                        it.file,
                        p.cue,
                        p.cols
                    );
                    Expected {
                        frame: p.cols[0].clone(),
                        cue: p.cue,
                        occurrence: p.occurrence,
                    }
                })
                .collect();
            Item {
                file: it.file,
                text: it.text,
                expected,
                clear_negative: it.clear_negative,
            }
        })
        .collect()
}

#[test]
fn invented_frames_corpus() {
    let items = items();
    let (mut gold, mut pred, mut tp) = (0usize, 0usize, 0usize);
    let (mut positives, mut negatives, mut clear_fp) = (0, 0, Vec::new());
    let mut log = Vec::new();
    for it in &items {
        let a = loupe::analyze(&it.text);
        if it.expected.is_empty() {
            negatives += 1;
        } else {
            positives += 1;
        }
        pred += a.frames.len();
        let mut used = vec![false; a.frames.len()];
        for e in &it.expected {
            gold += 1;
            let mut at = None;
            let mut from = 0;
            for _ in 0..e.occurrence {
                at = it.text[from..].find(&e.cue).map(|k| k + from);
                from = at.map_or(it.text.len(), |k| k + 1);
            }
            let s = at.unwrap_or_else(|| panic!("{}: cue {:?} not in its item", it.file, e.cue));
            let end = s + e.cue.len();
            let hit = a.frames.iter().enumerate().position(|(j, p)| {
                !used[j] && p.span.start < end && s < p.span.end && p.frame == e.frame
            });
            match hit {
                Some(j) => {
                    used[j] = true;
                    tp += 1;
                }
                None => log.push(format!("{}: missed {:?} ({})", it.file, e.cue, e.frame)),
            }
        }
        for (j, f) in a.frames.iter().enumerate() {
            if !used[j] {
                log.push(format!("{}: extra {:?} ({})", it.file, f.text, f.frame));
                if it.clear_negative {
                    clear_fp.push(format!("{}: {:?} in {:?}", it.file, f.text, it.text));
                }
            }
        }
    }
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let summary = format!(
        "{positives} items with frames, {negatives} counter-examples; gold {gold}, found {pred}, \
         matched {tp}: P {:.1} R {:.1}",
        p * 100.0,
        r * 100.0
    );
    eprintln!("{summary}");
    if std::env::var_os("LOUPE_CORPUS_LOG").is_some() {
        eprintln!("{log:#?}\n{clear_fp:#?}");
    }
    assert!(positives >= 100 && negatives >= 40, "{summary}");
    assert!(p >= 0.95, "{summary}\n{log:#?}");
    // The third batch (07, 08) was scored before tuning (P 82.4 / R 46.6) and then tuned by word
    // families only, not string by string: its remaining misses stay as a measure of breadth.
    assert!(r >= 0.95, "{summary}\n{log:#?}");
    assert!(
        clear_fp.is_empty(),
        "{summary}\nclear counter-examples: {clear_fp:#?}"
    );
}
