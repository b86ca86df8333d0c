//! Golden-output tests: the CLI's JSON for each fixture in `tests/fixtures/` must equal the
//! reviewed snapshot in `tests/golden/`. After an intended change, regenerate with
//! `LOUPE_UPDATE_GOLDEN=1 cargo test --test golden` and review the diff before committing.

use std::path::Path;
use std::process::Command;

#[test]
fn cli_json_matches_golden_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("LOUPE_UPDATE_GOLDEN").is_some();
    let mut fixtures: Vec<_> = std::fs::read_dir(root.join("tests/fixtures"))
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 3, "expected at least three fixtures");
    let mut failures = Vec::new();
    for f in &fixtures {
        let out = Command::new(env!("CARGO_BIN_EXE_loupe"))
            .arg(f)
            .output()
            .expect("run loupe");
        assert!(
            out.status.success(),
            "loupe failed on {}: {}",
            f.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).expect("UTF-8 JSON");
        // The output is valid JSON of the current schema.
        let v: serde_json::Value = serde_json::from_str(&got).expect("valid JSON");
        assert_eq!(v["schema"], loupe::SCHEMA);
        let golden = root
            .join("tests/golden")
            .join(f.file_stem().unwrap())
            .with_extension("json");
        if update {
            std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        match std::fs::read_to_string(&golden) {
            Ok(want) if want == got => {}
            Ok(_) => failures.push(format!("{} differs from {}", f.display(), golden.display())),
            Err(_) => failures.push(format!(
                "{} has no snapshot {}",
                f.display(),
                golden.display()
            )),
        }
    }
    assert!(
        failures.is_empty(),
        "{}\n(regenerate with LOUPE_UPDATE_GOLDEN=1 cargo test --test golden, then review `git diff tests/golden`)",
        failures.join("\n")
    );
}

#[test]
fn cli_reports_bad_input_clearly() {
    let dir = std::env::temp_dir().join(format!("loupe-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"Le pr\xe9sident a parl\xe9.").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("not UTF-8") && err.contains("--lossy"),
        "{err}"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .arg("--lossy")
        .arg(&bad)
        .output()
        .unwrap();
    assert!(out.status.success());
    let missing = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .arg(dir.join("absent.txt"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

#[test]
fn eval_mode_writes_code_point_offsets() {
    let dir = std::env::temp_dir().join(format!("loupe-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let inp = dir.join("in.jsonl");
    std::fs::write(&inp, "{\"id\": \"a\", \"text\": \"Élysée : le président Emmanuel Macron a reçu lundi la chancelière.\"}\n").unwrap();
    let outp = dir.join("out.jsonl");
    let st = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .arg("--eval")
        .arg(&inp)
        .arg("-o")
        .arg(&outp)
        .status()
        .unwrap();
    assert!(st.success());
    let line = std::fs::read_to_string(&outp).unwrap();
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(v["id"], "a");
    let text: Vec<char> = "Élysée : le président Emmanuel Macron a reçu lundi la chancelière."
        .chars()
        .collect();
    let ents = v["entities"].as_array().unwrap();
    let per = ents.iter().find(|e| e["type"] == "PER").expect("a PER");
    let (s, e) = (
        per["start"].as_u64().unwrap() as usize,
        per["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(text[s..e].iter().collect::<String>(), "Emmanuel Macron");
    assert!(ents.iter().any(|e| e["type"] == "DATE"));
}
