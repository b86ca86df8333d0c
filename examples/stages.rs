//! Per-stage timings of the pipeline (min over runs): `cargo run --release --example stages FILE [RUNS]`.
use std::time::Instant;
fn main() {
    let mut args = std::env::args().skip(1);
    let text = std::fs::read_to_string(args.next().expect("FILE")).unwrap();
    let runs: usize = args.next().map_or(5, |r| r.parse().unwrap());
    let _ = loupe::analyze("Init.");
    let names = [
        "doc",
        "boilerplate",
        "mapper",
        "dates",
        "entities",
        "quotes",
        "stances",
        "frames",
        "analyze (all)",
        "to_json",
    ];
    let mut best = vec![f64::MAX; names.len()];
    for _ in 0..runs {
        let t = std::cell::Cell::new(Instant::now());
        let k = std::cell::Cell::new(0);
        let lap = |best: &mut Vec<f64>| {
            let e = t.get().elapsed().as_secs_f64() * 1e3;
            best[k.get()] = best[k.get()].min(e);
            k.set(k.get() + 1);
            t.set(Instant::now());
        };
        let mut doc = loupe::doc::Doc::new(&text);
        lap(&mut best);
        let chrome = loupe::boilerplate::detect(&mut doc);
        lap(&mut best);
        let map = loupe::doc::SpanMapper::new(&doc);
        lap(&mut best);
        let dates = loupe::dates::find(&doc);
        lap(&mut best);
        let dt: loupe::fxhash::FxHashSet<usize> = dates.iter().flat_map(|d| d.a..d.b).collect();
        let ments = loupe::entities::find(&doc, &dt);
        lap(&mut best);
        let quotes = loupe::quotes::find(&doc, &ments);
        lap(&mut best);
        let st = loupe::stance::find_stances(&doc, &ments, &quotes);
        lap(&mut best);
        let fr = loupe::stance::find_frames(&doc, &ments);
        lap(&mut best);
        std::hint::black_box((&chrome, &map, &st, &fr));
        drop((st, fr, quotes, ments, dates, map, chrome));
        t.set(Instant::now());
        let a = loupe::analyze(&text);
        lap(&mut best);
        std::hint::black_box(a.to_json());
        lap(&mut best);
    }
    let mb = text.len() as f64 / 1e6;
    for (n, b) in names.iter().zip(&best) {
        println!("{n:<14} {b:>8.1} ms");
    }
    println!(
        "throughput     {:>8.1} MB/s (analyze)",
        mb / (best[8] / 1e3)
    );
}
