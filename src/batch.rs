//! `loupe batch`: a corpus on the command line (part of the native binary only).
//!
//! Inputs are files, folders (every `*.txt` / `*.md` below them, in name order) and JSON Lines
//! files (`*.jsonl`: one `{"id", "text", …}` record per line; other fields are kept under
//! `meta`). Documents are analysed on every core (rayon) in chunks, and written as JSON Lines in
//! input order: `{"id", "analysis"}` (plus `meta`), or `{"id", "error"}` for a document that
//! cannot be read or parsed — the run never stops for one bad record. A progress bar goes to
//! standard error when it is a terminal, and a summary line (documents, MB, seconds, MB/s,
//! errors) at the end.

mod json;

pub(crate) use json::{write_analysis, write_str};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One document to analyse, or the reason it cannot be.
struct Doc {
    id: String,
    text: Result<String, String>,
    meta: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Serialize)]
struct Out<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<&'a serde_json::Map<String, serde_json::Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
}

/// The documents of the inputs, in order, read lazily (a JSON Lines file line by line).
enum Source {
    File(PathBuf),
    Jsonl(PathBuf),
}

fn sources(inputs: &[String]) -> Result<Vec<Source>, String> {
    let mut out = Vec::new();
    for i in inputs {
        let p = Path::new(i);
        if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files).map_err(|e| format!("cannot read folder {i}: {e}"))?;
            files.sort();
            out.extend(files.into_iter().map(Source::File));
        } else if i.ends_with(".jsonl") {
            out.push(Source::Jsonl(p.to_path_buf()));
        } else {
            out.push(Source::File(p.to_path_buf()));
        }
    }
    Ok(out)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for e in std::fs::read_dir(dir)? {
        let p = e?.path();
        if p.is_dir() {
            walk(&p, files)?;
        } else if p.extension().is_some_and(|x| x == "txt" || x == "md") {
            files.push(p);
        }
    }
    Ok(())
}

/// One JSON Lines record as a document (`line` counts from 1).
fn record(path: &Path, line: usize, s: &str) -> Doc {
    let fallback = format!("{}:{line}", path.display());
    let v: serde_json::Value = match serde_json::from_str(s) {
        Ok(v) => v,
        Err(e) => {
            return Doc {
                id: fallback,
                text: Err(format!("invalid JSON: {e}")),
                meta: None,
            }
        }
    };
    let serde_json::Value::Object(mut m) = v else {
        return Doc {
            id: fallback,
            text: Err("a record must be a JSON object {\"id\", \"text\"}".into()),
            meta: None,
        };
    };
    let id = match m.remove("id") {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => fallback,
    };
    let text = match m.remove("text") {
        Some(serde_json::Value::String(t)) => Ok(t),
        Some(_) => Err("\"text\" must be a string".to_string()),
        None => Err("no \"text\" field".to_string()),
    };
    Doc {
        id,
        text,
        meta: (!m.is_empty()).then_some(m),
    }
}

pub fn run(args: Vec<String>) -> Result<(), String> {
    let (mut inputs, mut jobs, mut output, mut lossy) = (Vec::new(), 0usize, None, false);
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--jobs" | "-j" => {
                jobs = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--jobs needs a number of threads (1 or more)")?
            }
            "-o" | "--output" => output = Some(it.next().ok_or("-o needs a file name")?),
            "--lossy" => lossy = true,
            s if s.starts_with("--") => {
                return Err(format!("batch: unknown option {s} (see --help)"))
            }
            _ => inputs.push(a),
        }
    }
    if inputs.is_empty() {
        return Err("batch: give files, folders or .jsonl files (see --help)".into());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| format!("cannot start threads: {e}"))?;
    let srcs = sources(&inputs)?;
    let mut out = crate::cli::open_output(&output)?;
    let werr = |e: std::io::Error| format!("cannot write output: {e}");
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_style(
        indicatif::ProgressStyle::with_template("{spinner} {pos} documents, {msg} [{elapsed}]")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
    );
    let t0 = Instant::now();
    let (mut docs_n, mut bytes, mut errors) = (0usize, 0usize, 0usize);
    // Chunks keep memory bounded and the output in input order.
    let chunk_len = pool.current_num_threads() * 8;
    let mut chunk: Vec<Doc> = Vec::with_capacity(chunk_len);
    let mut flush = |chunk: &mut Vec<Doc>, out: &mut Box<dyn Write>| -> Result<(), String> {
        let lines: Vec<Vec<u8>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|d| {
                    // Serialised straight into one buffer sized for the whole line (the JSON of
                    // an analysis is a few times its text): no regrowth and copy on the way.
                    let mut line = Vec::new();
                    let r = match &d.text {
                        Ok(t) => {
                            let a = loupe::analyze(t);
                            line.reserve(256 + t.len() * 6);
                            // The bytes of `Out { id, meta, analysis: Some(&a), error: None }`
                            // through serde_json, written by hand (see `json.rs`).
                            line.extend_from_slice(b"{\"id\":");
                            json::write_str(&mut line, &d.id);
                            let r = match &d.meta {
                                Some(m) => {
                                    line.extend_from_slice(b",\"meta\":");
                                    serde_json::to_writer(&mut line, m)
                                }
                                None => Ok(()),
                            };
                            line.extend_from_slice(b",\"analysis\":");
                            json::write_analysis(&mut line, &a);
                            line.push(b'}');
                            r
                        }
                        Err(e) => serde_json::to_writer(
                            &mut line,
                            &Out {
                                id: &d.id,
                                meta: d.meta.as_ref(),
                                error: Some(e),
                            },
                        ),
                    };
                    r.expect("the output is always serialisable");
                    line
                })
                .collect()
        });
        for (d, l) in chunk.iter().zip(&lines) {
            docs_n += 1;
            match &d.text {
                Ok(t) => bytes += t.len(),
                Err(_) => errors += 1,
            }
            out.write_all(l).map_err(werr)?;
            out.write_all(b"\n").map_err(werr)?;
        }
        bar.set_position(docs_n as u64);
        bar.set_message(format!("{:.1} MB, {errors} error(s)", bytes as f64 / 1e6));
        chunk.clear();
        Ok(())
    };
    for s in srcs {
        match s {
            Source::File(p) => {
                let name = p.display().to_string();
                chunk.push(Doc {
                    text: crate::cli::read_text(&name, lossy),
                    id: name,
                    meta: None,
                });
            }
            Source::Jsonl(p) => {
                let f = std::fs::File::open(&p)
                    .map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
                    let doc = match line {
                        Ok(l) if l.trim().is_empty() => continue,
                        Ok(l) => record(&p, n + 1, &l),
                        Err(e) => Doc {
                            id: format!("{}:{}", p.display(), n + 1),
                            text: Err(format!("unreadable line: {e}")),
                            meta: None,
                        },
                    };
                    chunk.push(doc);
                    if chunk.len() >= chunk_len {
                        flush(&mut chunk, &mut out)?;
                    }
                }
            }
        }
        if chunk.len() >= chunk_len {
            flush(&mut chunk, &mut out)?;
        }
    }
    flush(&mut chunk, &mut out)?;
    out.flush().map_err(werr)?;
    bar.finish_and_clear();
    let secs = t0.elapsed().as_secs_f64();
    eprintln!(
        "loupe batch: {docs_n} documents, {:.2} MB in {secs:.2} s ({:.1} MB/s, {:.1} documents/s) on {} thread(s), {errors} error(s)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs.max(1e-9),
        docs_n as f64 / secs.max(1e-9),
        pool.current_num_threads()
    );
    Ok(())
}
