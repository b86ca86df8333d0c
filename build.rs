//! Minifies the compiled-in data files (data/**) into `$OUT_DIR/data/**` without changing any
//! line number, so every `file:line` origin an annotation reports still points at the source
//! file: comment lines become empty lines, and note columns the analyser never reads are
//! dropped (see `KEEP`). Everything else is copied byte for byte.
use std::{env, fs, path::Path};

/// Columns kept per file (the rest of each row is dropped); files not listed keep all columns.
/// Must list every column `src/lexicon/load.rs` reads for that file.
const KEEP: &[(&str, usize)] = &[
    ("lexicon/stance.tsv", 2), // polarity, cue (the note is documentation)
    ("lexicon/frames.tsv", 2), // frame, cue (+ « weak » for a note starting with AMBIGUOUS)
    ("lexicon/titles.tsv", 3), // title, kind, same-as role
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("data");
    println!("cargo:rerun-if-changed=data");
    for sub in ["gazetteer", "lexicon"] {
        fs::create_dir_all(out.join(sub)).expect("create OUT_DIR/data");
        let mut entries: Vec<_> = fs::read_dir(root.join(sub))
            .expect("read data dir")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "tsv" || x == "txt"))
            .collect();
        entries.sort();
        for p in entries {
            let name = format!("{sub}/{}", p.file_name().unwrap().to_string_lossy());
            println!("cargo:rerun-if-changed=data/{name}");
            let src = fs::read_to_string(&p).expect("read data file");
            let keep = KEEP.iter().find(|(n, _)| *n == name).map(|&(_, k)| k);
            let mut min = String::with_capacity(src.len());
            for line in src.lines() {
                // What `lexicon::rows` (TSV) and the word lists (TXT) treat as comments.
                let comment = if name.ends_with(".tsv") {
                    line.starts_with('#')
                } else {
                    line.trim().starts_with('#')
                };
                if !comment {
                    match keep {
                        Some(k) => {
                            let all: Vec<&str> = line.split('\t').collect();
                            let cols: Vec<&str> = all.iter().take(k).copied().collect();
                            min.push_str(&cols.join("\t"));
                            // A frame cue noted AMBIGUOUS keeps that as a short third column.
                            if name == "lexicon/frames.tsv"
                                && all.get(k).is_some_and(|n| n.starts_with("AMBIGUOUS"))
                            {
                                min.push_str("\tweak");
                            }
                        }
                        None => min.push_str(line),
                    }
                }
                min.push('\n');
            }
            fs::write(out.join(&name), min).expect("write minified data");
        }
    }
}
