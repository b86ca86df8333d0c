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

/// `loupe compare` over the three project-written accounts of one invented event
/// (`tests/fixtures/compare/`): JSON and Markdown snapshots.
#[test]
fn cli_compare_matches_golden_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let update = std::env::var_os("LOUPE_UPDATE_GOLDEN").is_some();
    let dir = root.join("tests/fixtures/compare");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/compare")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 3);
    for (flag, name) in [(None, "compare.json"), (Some("--markdown"), "compare.md")] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_loupe"));
        cmd.arg("compare");
        if let Some(f) = flag {
            cmd.arg(f);
        }
        let out = cmd.args(&files).output().expect("run loupe compare");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let got = String::from_utf8(out.stdout).unwrap();
        if flag.is_none() {
            let v: serde_json::Value = serde_json::from_str(&got).expect("valid JSON");
            assert_eq!(v["schema"], loupe::compare::SCHEMA);
            assert_eq!(v["articles"].as_array().unwrap().len(), 3);
        }
        let golden = root.join("tests/golden").join(name);
        if update {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_default();
        assert!(
            want == got,
            "{} differs (regenerate with LOUPE_UPDATE_GOLDEN=1 cargo test --test golden, then review)",
            golden.display()
        );
    }
    // Fewer than two articles: a clear message, exit code 2.
    let out = Command::new(env!("CARGO_BIN_EXE_loupe"))
        .arg("compare")
        .arg(&files[0])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 to 6 articles"));
}

/// `loupe batch`: input order kept with several threads, folders and JSON Lines, one error line
/// per bad record without stopping the run, extra fields kept under `meta`.
#[test]
fn cli_batch_keeps_order_and_reports_bad_records() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::temp_dir().join(format!("loupe-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let jsonl = dir.join("in.jsonl");
    let mut lines = String::new();
    for i in 0..40 {
        lines.push_str(&format!(
            "{{\"id\":\"d{i}\",\"text\":\"Le Japon soutient le plan numéro {i}.\",\"source\":\"s{i}\"}}\n"
        ));
        if i == 17 {
            lines.push_str("not json\n");
            lines.push_str("{\"id\":\"no-text\"}\n");
        }
    }
    std::fs::write(&jsonl, lines).unwrap();
    let run = |jobs: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_loupe"))
            .args(["batch", "--jobs", jobs])
            .arg(&jsonl)
            .arg(root.join("tests/fixtures/compare"))
            .output()
            .expect("run loupe batch");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        (String::from_utf8(out.stdout).unwrap(), err)
    };
    let (one, err) = run("1");
    let (two, _) = run("2");
    assert_eq!(
        one, two,
        "the output does not depend on the number of threads"
    );
    assert!(
        err.contains("45 documents") && err.contains("2 error(s)"),
        "{err}"
    );
    let recs: Vec<serde_json::Value> = one
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(recs.len(), 45);
    assert_eq!(recs[0]["id"], "d0");
    assert_eq!(recs[0]["meta"]["source"], "s0");
    assert_eq!(recs[0]["analysis"]["schema"], loupe::SCHEMA);
    assert!(recs[18]["error"].as_str().unwrap().contains("invalid JSON"));
    assert_eq!(recs[19]["id"], "no-text");
    assert!(recs[19]["error"].as_str().unwrap().contains("text"));
    assert_eq!(recs[20]["id"], "d18");
    assert_eq!(recs[41]["id"], "d39");
    // The folder's files, in name order, after the JSON Lines records.
    assert!(recs[42]["id"].as_str().unwrap().ends_with("a-agence.txt"));
    assert!(recs[44]["id"].as_str().unwrap().ends_with("c-journal.txt"));
}
