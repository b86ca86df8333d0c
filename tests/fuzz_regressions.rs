//! Replays every input kept in `tests/fuzz_regressions/` (crash, timeout and out-of-memory
//! inputs copied there by `scripts/fuzz.sh`, plus past property-test failures) through the
//! analyser, decoded lossily as the fuzz target does, and checks every invariant: `analyze`
//! (determinism, JSON round trip) and `analyze_limited` at several limits.
#![cfg(not(target_arch = "wasm32"))]

mod common;

#[test]
fn every_kept_fuzz_input_gives_a_valid_analysis() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz_regressions/")
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    assert!(
        !files.is_empty(),
        "no regression input in {}",
        dir.display()
    );
    for p in &files {
        let bytes = std::fs::read(p).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let name = p.file_name().unwrap().to_string_lossy();
        let run = std::panic::catch_unwind(|| {
            common::check_analyze(&text);
            let ix = common::Utf16Index::new(&text);
            for max in [
                0,
                1,
                text.len() / 3,
                text.len() / 2,
                text.len().saturating_sub(1),
            ] {
                common::check_limited(&text, &ix, max);
            }
        });
        assert!(run.is_ok(), "regression input {name} fails (see above)");
    }
}
