//! What the invented-corpus tests (`tests/{chrome,quotes,stance,frames}_corpus.rs`) share: their
//! fixture files, the item format of the stance and frames corpora, and the name folding the dev
//! scorer uses to compare names and card fields.
#![allow(dead_code)] // each test file uses part of it

use std::path::{Path, PathBuf};

/// The `.txt` files of `tests/fixtures/<sub>`, sorted.
pub fn fixture_files(sub: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// The file name of `p`.
pub fn file_name(p: &Path) -> String {
    p.file_name().unwrap().to_string_lossy().into_owned()
}

/// An expected annotation: `+ cue[ #n] | col | col…` (the cue's `n`-th occurrence, 1 by default).
pub struct Plus {
    pub cue: String,
    pub occurrence: usize,
    /// The columns after the cue, trimmed.
    pub cols: Vec<String>,
}

/// An item of the stance and frames corpora: lines of text up to a blank line, with its `+` lines.
pub struct Item {
    pub file: String,
    pub text: String,
    pub expected: Vec<Plus>,
    /// `- none!`: anything found is a failure (`- none`: nothing expected, not checked).
    pub clear_negative: bool,
}

/// The items of `tests/fixtures/<sub>/*.txt` (a `#` line before an item is a comment).
pub fn items(sub: &str) -> Vec<Item> {
    let mut out = Vec::new();
    for f in &fixture_files(sub) {
        let file = file_name(f);
        let src = std::fs::read_to_string(f).unwrap();
        let mut lines: Vec<&str> = Vec::new();
        let mut expected = Vec::new();
        let mut clear = false;
        let mut flush = |lines: &mut Vec<&str>, expected: &mut Vec<Plus>, clear: &mut bool| {
            if !lines.is_empty() {
                out.push(Item {
                    file: file.clone(),
                    text: lines.join("\n"),
                    expected: std::mem::take(expected),
                    clear_negative: *clear,
                });
            }
            lines.clear();
            expected.clear();
            *clear = false;
        };
        for raw in src.split('\n') {
            if raw.trim().is_empty() {
                flush(&mut lines, &mut expected, &mut clear);
            } else if raw.starts_with('#') && lines.is_empty() {
            } else if let Some(a) = raw.strip_prefix("+ ") {
                let mut cols = a.split('|').map(str::trim);
                let first = cols.next().unwrap_or("");
                let (cue, occurrence) = match first.rsplit_once(" #") {
                    Some((c, n)) => (c, n.parse().unwrap()),
                    None => (first, 1),
                };
                expected.push(Plus {
                    cue: cue.to_string(),
                    occurrence,
                    cols: cols.map(str::to_string).collect(),
                });
            } else if raw.starts_with("- none") {
                clear = raw.trim_end() == "- none!";
            } else {
                lines.push(raw);
            }
        }
        flush(&mut lines, &mut expected, &mut clear);
    }
    out
}

/// Lower case without French accents, one space between words (as the dev scorer compares names
/// and card fields).
pub fn norm(s: &str) -> String {
    let folded: String = s
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '’' => '\'',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}
