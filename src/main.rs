//! `loupe`: in the browser, the web app's page program (`--features page`); natively, the
//! command-line analyser.

#[cfg(all(target_arch = "wasm32", feature = "page"))]
fn main() {
    loupe::app::start();
}

/// A wasm build without the interface has no page to start (the engine is `loupe-engine`).
#[cfg(all(target_arch = "wasm32", not(feature = "page")))]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
const USAGE: &str = "\
loupe — analyse a French news article (entities, dates, quotes, stance, frames, card)

USAGE:
    loupe [OPTIONS] [FILE...]        analyse files (or standard input when none or `-`)
    loupe compare [--markdown] [-o OUT] A B [C...]
                                     compare 2 to 6 articles (schema `loupe.comparison/1`)
    loupe batch [--jobs N] [-o OUT] INPUT...
                                     corpus mode: files, folders (*.txt, *.md) or JSON Lines
                                     ({\"id\",\"text\",...}), on every core; JSON Lines out, in
                                     input order, one {\"id\",\"analysis\"} or {\"id\",\"error\"}
                                     per document; a progress bar on standard error
    loupe --eval IN.jsonl [-o OUT]   read the scorer's JSONL ({\"id\",\"text\"}), write predictions

OPTIONS:
    --compact      one-line JSON (default: pretty)
    --markdown     compare: Markdown tables instead of JSON
    --jobs N       batch: threads (default: every core)
    --lossy        replace invalid UTF-8 instead of refusing the file
    -o, --output   output file (default: standard output)
    -h, --help     this help
    -V, --version  version and schema id

Output: one JSON object per input (schema `loupe.analysis/1`); several files give JSON Lines
of {\"file\": NAME, \"analysis\": {...}}. Offsets are UTF-8 bytes (start/end) and UTF-16 code
units (start16/end16) into the exact input text.
";

/// The command line allocates and frees many small strings and vectors per document (tokens,
/// mentions, JSON): mimalloc serves them in ≈ 8 % fewer instructions than the system allocator
/// over a corpus batch (the library and the wasm engine keep the default allocator).
#[cfg(not(target_arch = "wasm32"))]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(match cli::run(std::env::args().skip(1).collect()) {
        Ok(()) => 0,
        Err(msg) => {
            eprintln!("loupe: {msg}");
            2
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
mod batch;

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use super::USAGE;
    use std::io::{BufRead, Read, Write};

    pub(crate) fn read_text(name: &str, lossy: bool) -> Result<String, String> {
        let bytes = if name == "-" {
            let mut b = Vec::new();
            std::io::stdin()
                .read_to_end(&mut b)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            b
        } else {
            std::fs::read(name).map_err(|e| format!("cannot read {name}: {e}"))?
        };
        match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
            Err(e) => Err(format!(
                "{name} is not UTF-8 text (invalid byte at offset {}); convert it, or pass --lossy",
                e.utf8_error().valid_up_to()
            )),
        }
    }

    pub(crate) fn open_output(path: &Option<String>) -> Result<Box<dyn Write>, String> {
        Ok(match path {
            Some(p) => Box::new(std::io::BufWriter::new(
                std::fs::File::create(p).map_err(|e| format!("cannot write {p}: {e}"))?,
            )),
            None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        })
    }

    /// `loupe compare`: 2 to 6 articles side by side.
    fn compare(args: Vec<String>) -> Result<(), String> {
        let (mut files, mut markdown, mut lossy, mut output) = (Vec::new(), false, false, None);
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "--markdown" => markdown = true,
                "--lossy" => lossy = true,
                "-o" | "--output" => output = Some(it.next().ok_or("-o needs a file name")?),
                s if s.starts_with("--") => {
                    return Err(format!("compare: unknown option {s} (see --help)"))
                }
                _ => files.push(a),
            }
        }
        let texts = files
            .iter()
            .map(|f| read_text(f, lossy))
            .collect::<Result<Vec<_>, _>>()?;
        let analyses: Vec<loupe::Analysis> = texts.iter().map(|t| loupe::analyze(t)).collect();
        // Each article by its file name (the folders say nothing about the article).
        let names = files.iter().map(|f| {
            std::path::Path::new(f)
                .file_name()
                .map_or_else(|| f.clone(), |n| n.to_string_lossy().into_owned())
        });
        let named: Vec<(String, &loupe::Analysis)> = names.zip(analyses.iter()).collect();
        let c = loupe::compare::compare(&named).map_err(|e| format!("compare: {e}"))?;
        let mut out = open_output(&output)?;
        let body = if markdown {
            c.to_markdown()
        } else {
            c.to_json_pretty() + "\n"
        };
        out.write_all(body.as_bytes())
            .and_then(|_| out.flush())
            .map_err(|e| format!("cannot write output: {e}"))
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        match args.first().map(String::as_str) {
            Some("compare") => return compare(args[1..].to_vec()),
            Some("batch") => return super::batch::run(args[1..].to_vec()),
            _ => {}
        }
        let mut files = Vec::new();
        let mut compact = false;
        let mut lossy = false;
        let mut eval_in: Option<String> = None;
        let mut output: Option<String> = None;
        let mut it = args.into_iter();
        while let Some(a) = it.next() {
            match a.as_str() {
                "-h" | "--help" => {
                    print!("{USAGE}");
                    return Ok(());
                }
                "-V" | "--version" => {
                    println!("loupe {} ({})", env!("CARGO_PKG_VERSION"), loupe::SCHEMA);
                    return Ok(());
                }
                "--compact" => compact = true,
                "--lossy" => lossy = true,
                "--eval" => eval_in = Some(it.next().ok_or("--eval needs a JSONL file")?),
                "-o" | "--output" => output = Some(it.next().ok_or("-o needs a file name")?),
                s if s.starts_with("--") => return Err(format!("unknown option {s} (see --help)")),
                _ => files.push(a),
            }
        }
        let mut out = open_output(&output)?;
        let werr = |e: std::io::Error| format!("cannot write output: {e}");
        if let Some(path) = eval_in {
            let f = std::fs::File::open(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
            for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
                let line = line.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
                if line.trim().is_empty() {
                    continue;
                }
                let pred = loupe::eval::predict_line(&line)
                    .map_err(|e| format!("{path}:{}: {e}", n + 1))?;
                writeln!(out, "{pred}").map_err(werr)?;
            }
            return out.flush().map_err(werr);
        }
        if files.is_empty() {
            files.push("-".into());
        }
        let several = files.len() > 1;
        let jerr = |e: serde_json::Error| format!("cannot write output: {e}");
        // Compact JSON is written by hand into one buffer (the bytes serde_json would write:
        // see `batch/json.rs`), then to the output.
        let mut buf = Vec::new();
        for f in &files {
            let text = read_text(f, lossy)?;
            let a = loupe::analyze(&text);
            if several || compact {
                buf.clear();
                if several {
                    // `{"file", "analysis"}`
                    buf.extend_from_slice(b"{\"file\":");
                    crate::batch::write_str(&mut buf, f);
                    buf.extend_from_slice(b",\"analysis\":");
                    crate::batch::write_analysis(&mut buf, &a);
                    buf.push(b'}');
                } else {
                    crate::batch::write_analysis(&mut buf, &a);
                }
                out.write_all(&buf).map_err(werr)?;
            } else {
                serde_json::to_writer_pretty(&mut out, &a).map_err(jerr)?;
            }
            writeln!(out).map_err(werr)?;
        }
        out.flush().map_err(werr)
    }
}
