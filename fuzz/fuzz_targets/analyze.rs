//! Fuzz target: any bytes, decoded as the CLI's `--lossy` does, through `loupe::analyze` (plus
//! determinism and the CLI's JSON round trip) and `loupe::analyze_limited` with a limit taken
//! from the input; every invariant of `tests/common/mod.rs` must hold.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/common/mod.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    common::check_analyze(text);
    // A limit anywhere in the text (derived from its first bytes), so both the cut and the
    // uncut paths of analyze_limited run.
    if !text.is_empty() {
        let seed = data
            .iter()
            .take(4)
            .fold(0usize, |h, &b| h * 31 + b as usize);
        let max = seed % (text.len() + 2);
        let ix = common::Utf16Index::new(text);
        common::check_limited(text, &ix, max);
    }
});
