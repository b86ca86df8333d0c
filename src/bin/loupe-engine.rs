//! `loupe-engine`: the analysis program of the web app, run by the Web Worker (`www/worker.js`),
//! or by the page itself where a module worker cannot start. The analysis core and its
//! knowledge base, no interface: built by Trunk with `--no-default-features --features engine`
//! (see `index.html`), while the page program (`loupe`, Leptos) links neither.
//!
//! Natively this binary only says where to look: the command-line analyser is `loupe`.

#[cfg(target_arch = "wasm32")]
mod exports {
    use loupe::ui::parts;
    use wasm_bindgen::prelude::*;

    /// Analyses at most `max_bytes` of `text` ([`loupe::analyze_limited`]) and returns the
    /// `loupe.analysis/1` JSON (the embed API's answer).
    #[wasm_bindgen]
    pub fn analyze_json(text: &str, max_bytes: usize) -> String {
        loupe::analyze_limited(text, max_bytes).to_json()
    }

    /// Like [`analyze_json`], cut into a head and parts of about `part_bytes` of text
    /// ([`loupe::ui::parts`]): what the page renders piece by piece, in one buffer of the page's
    /// binary form ([`loupe::ui::wire::frame`]; the page links no JSON decoder for the schema).
    #[wasm_bindgen]
    pub fn analyze_parts(text: &str, max_bytes: usize, part_bytes: usize) -> Vec<u8> {
        let a = loupe::analyze_limited(text, max_bytes);
        let (head, parts) = parts::split(a, text.len(), part_bytes);
        parts::to_wire(&head, &parts)
    }

    /// Compares 2 to 6 texts (`loupe.comparison/1`, [`loupe::compare`]), each analysed as the
    /// page analyses it (at most `max_bytes`) and named by its id: the comparison and its pretty
    /// JSON (as `loupe compare` prints it), in the page's binary form.
    #[wasm_bindgen]
    pub fn compare_texts(
        texts: Vec<String>,
        ids: Vec<String>,
        max_bytes: usize,
    ) -> Result<Vec<u8>, String> {
        let analyses: Vec<loupe::Analysis> = texts
            .iter()
            .map(|t| loupe::analyze_limited(t, max_bytes))
            .collect();
        let named: Vec<(String, &loupe::Analysis)> = ids.into_iter().zip(analyses.iter()).collect();
        loupe::compare::compare(&named).map(|c| {
            let json = c.to_json_pretty() + "\n";
            loupe::ui::wire::encode(&(c, json))
        })
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("loupe-engine is the web app's analysis program (wasm32 only); the command line is `loupe`.");
    std::process::exit(2);
}
