//! Throughput benchmark (`cargo bench --bench throughput`): single-threaded MB/s of
//! `loupe::analyze` over the project's fixtures, over the seed articles when `../shared/seeds`
//! is present, and over synthetic articles of 0.5, 1, 2 and 5 MB (fixtures repeated), to show
//! that time grows linearly with size. Reports the median of several runs; no assertion.

use std::path::Path;
use std::time::Instant;

fn read_dir_texts(dir: &Path) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| {
                    Some((
                        p.file_name()?.to_string_lossy().into_owned(),
                        std::fs::read_to_string(&p).ok()?,
                    ))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn median_secs(text: &str, runs: usize) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let t0 = Instant::now();
            let a = loupe::analyze(text);
            std::hint::black_box(&a);
            t0.elapsed().as_secs_f64()
        })
        .collect();
    t.sort_by(|a, b| a.partial_cmp(b).unwrap());
    t[t.len() / 2]
}

fn row(name: &str, text: &str, runs: usize) {
    let s = median_secs(text, runs);
    let mb = text.len() as f64 / 1e6;
    println!(
        "{name:<34} {:>10} {:>10.2} {:>10.1}",
        text.len(),
        s * 1e3,
        mb / s
    );
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Warm up the lexicons (built once per process; reported separately).
    let t0 = Instant::now();
    let _ = loupe::analyze("Init.");
    println!(
        "lexicon build (once per process): {:.1} ms",
        t0.elapsed().as_secs_f64() * 1e3
    );
    println!(
        "{:<34} {:>10} {:>10} {:>10}",
        "input", "bytes", "ms", "MB/s"
    );
    let fixtures = read_dir_texts(&root.join("tests/fixtures"));
    for (n, t) in &fixtures {
        row(&format!("fixture {n}"), t, 21);
    }
    let seeds = read_dir_texts(&root.join("../shared/seeds"));
    if seeds.is_empty() {
        println!("(../shared/seeds absent: seed rows skipped)");
    }
    for (n, t) in &seeds {
        row(&format!("seed {n}"), t, 21);
    }
    let all: String = seeds
        .iter()
        .chain(fixtures.iter())
        .map(|(_, t)| t.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    if !seeds.is_empty() {
        let joined: String = seeds
            .iter()
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        row("all seeds concatenated", &joined, 11);
    }
    for mb in [0.5f64, 1.0, 2.0, 5.0] {
        let target = (mb * 1e6) as usize;
        // Each repetition's lines get a distinct suffix, so that the duplicate-line rule of the
        // boilerplate layer does not set the copies aside (that would flatter the figures).
        let mut s = String::with_capacity(target + all.len());
        let mut rep = 0;
        while s.len() < target {
            for line in all.split('\n') {
                s.push_str(line);
                if !line.trim().is_empty() {
                    s.push_str(&format!(" ({rep})"));
                }
                s.push('\n');
            }
            s.push('\n');
            rep += 1;
        }
        row(
            &format!("synthetic {mb} MB"),
            &s,
            if mb >= 5.0 { 3 } else { 5 },
        );
    }
}
