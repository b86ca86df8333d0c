//! Per-stage timings of the pipeline (min over runs): `cargo run --release --example stages FILE [RUNS]`.
use std::time::Instant;
fn main() {
    let mut args = std::env::args().skip(1);
    let text = std::fs::read_to_string(args.next().expect("FILE")).unwrap();
    let runs: usize = args.next().map_or(5, |r| r.parse().unwrap());
    let _ = loupe::analyze("Init.");
    let n = loupe::STAGES.len();
    let names: Vec<&str> = loupe::STAGES
        .iter()
        .copied()
        .chain(["analyze (all)", "to_json"])
        .collect();
    let mut best = vec![f64::MAX; names.len()];
    for _ in 0..runs {
        // Each stage's own time: from the previous stage's end to its own.
        let mut prev = Instant::now();
        let mut k = 0;
        let a = loupe::analyze_staged(&text, |_| {
            let now = Instant::now();
            best[k] = best[k].min((now - prev).as_secs_f64() * 1e3);
            k += 1;
            prev = now;
        });
        std::hint::black_box(&a);
        drop(a);
        let t = Instant::now();
        let a = loupe::analyze(&text);
        best[n] = best[n].min(t.elapsed().as_secs_f64() * 1e3);
        let t = Instant::now();
        std::hint::black_box(a.to_json());
        best[n + 1] = best[n + 1].min(t.elapsed().as_secs_f64() * 1e3);
    }
    let mb = text.len() as f64 / 1e6;
    for (n, b) in names.iter().zip(&best) {
        println!("{n:<14} {b:>8.1} ms");
    }
    println!(
        "throughput     {:>8.1} MB/s (analyze)",
        mb / (best[n] / 1e3)
    );
}
