//! The module map holds (issue 14): each top-level module of `src/` uses only the modules its
//! line of [`ALLOWED`] names (through `crate::…` paths, outside its tests), no module but the
//! facade reaches for the crate root's items, and the allowed graph has no cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Top-level module → the top-level modules it may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("fxhash", &[]),
    ("translit", &[]),
    ("schema", &[]),
    ("value", &[]),
    ("text", &["fxhash", "schema", "lexicon"]),
    ("lexicon", &["fxhash", "schema", "translit"]),
    ("layers", &["fxhash", "schema", "text", "lexicon"]),
    (
        "resolve",
        &["fxhash", "schema", "text", "lexicon", "layers"],
    ),
    (
        "card",
        &["fxhash", "schema", "text", "lexicon", "layers", "resolve"],
    ),
    (
        "pipeline",
        &["fxhash", "schema", "text", "layers", "resolve", "card"],
    ),
    ("compare", &["schema", "translit"]),
    ("protocol", &["schema", "value"]),
    ("eval", &["schema", "text"]),
    ("ui", &["schema", "compare", "value"]),
    ("app", &["schema", "compare", "protocol", "ui", "value"]),
];

/// Edges of [`ALLOWED`] that would close a cycle, tolerated while they last (none today: keep
/// it so).
const KNOWN_CYCLE_EDGES: &[(&str, &str)] = &[];

/// Facade items that modules outside the core may call (the crate's own API).
const FACADE_FOR_PRODUCTS: &[(&str, &[&str])] = &[("eval", &["analyze"])];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `crate::NAME` paths in the code of `src` (comments and the test module left out).
fn crate_paths(src: &str) -> BTreeSet<String> {
    let code = &src[..src.find("#[cfg(test)]\nmod tests").unwrap_or(src.len())];
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(k) = rest.find("crate::") {
            rest = &rest[k + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '{')
                .collect();
            out.insert(name);
        }
    }
    out
}

/// Top-level module of `src/REL` → the `crate::` names its files use.
fn uses() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in files {
        let rel = f.strip_prefix(&src).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let top = top.trim_end_matches(".rs").to_string();
        let text = std::fs::read_to_string(&f).unwrap();
        out.entry(top).or_default().extend(crate_paths(&text));
    }
    out
}

#[test]
fn modules_use_only_what_the_map_allows() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let facade: BTreeMap<&str, &[&str]> = FACADE_FOR_PRODUCTS.iter().copied().collect();
    let mut errors = Vec::new();
    for (module, names) in uses() {
        // The facade, the CLI and the binaries sit above everything.
        if matches!(module.as_str(), "lib" | "main" | "batch" | "bin") {
            continue;
        }
        let Some(ok) = allowed.get(module.as_str()) else {
            errors.push(format!("{module}: not in the module map (ALLOWED)"));
            continue;
        };
        for name in names {
            if name == module {
                continue;
            }
            if name.starts_with('{') {
                errors.push(format!("{module}: `use crate::{{…}}` of the crate root"));
            } else if allowed.contains_key(name.as_str()) {
                if !ok.contains(&name.as_str()) {
                    errors.push(format!("{module} uses {name}: not allowed by the map"));
                }
            } else if !facade
                .get(module.as_str())
                .is_some_and(|f| f.contains(&name.as_str()))
            {
                errors.push(format!("{module} uses the crate root's `{name}`"));
            }
        }
    }
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_map_has_no_cycle() {
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (m, deps) in ALLOWED {
        graph.insert(
            m,
            deps.iter()
                .copied()
                .filter(|d| !KNOWN_CYCLE_EDGES.contains(&(m, d)))
                .collect(),
        );
    }
    // Depth-first search for a back edge.
    fn visit<'a>(
        m: &'a str,
        graph: &BTreeMap<&'a str, Vec<&'a str>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Result<(), String> {
        match state.get(m) {
            Some(2) => return Ok(()),
            Some(1) => return Err(format!("cycle: {} → {m}", path.join(" → "))),
            _ => {}
        }
        state.insert(m, 1);
        path.push(m);
        for d in graph.get(m).into_iter().flatten() {
            visit(d, graph, state, path)?;
        }
        path.pop();
        state.insert(m, 2);
        Ok(())
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        visit(m, &graph, &mut state, &mut Vec::new()).unwrap();
    }
    // Each known cycle edge is still needed (drop it from the list once it is gone).
    let used = uses();
    for (from, to) in KNOWN_CYCLE_EDGES {
        assert!(
            used[*from].contains(*to),
            "{from} no longer uses {to}: remove the edge from KNOWN_CYCLE_EDGES and ALLOWED"
        );
    }
}

#[test]
fn the_checker_sees_a_root_import_and_a_forbidden_edge() {
    let src = "use crate::{analyze, schema};\nfn f() { crate::text::doc::x(); }\n// crate::card\n#[cfg(test)]\nmod tests { use crate::card; }\n";
    let names = crate_paths(src);
    assert!(names.contains("{analyze"));
    assert!(names.contains("text"));
    assert!(
        !names.contains("card"),
        "comments and tests are left out: {names:?}"
    );
}
