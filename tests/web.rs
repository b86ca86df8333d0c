//! Browser tests, run in headless Chromium by wasm-bindgen-test:
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`
#![cfg(target_arch = "wasm32")]

use loupe::app::highlight::{self, Layer, Node};
use loupe::schema::{EntityType, Span};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ARTICLE: &str = include_str!("fixtures/russie-turquie-gaz.txt");

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Waits `ms` milliseconds (a JS `setTimeout` wrapped in a Promise).
async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Stands in for `www/boot.js`: no worker, and an engine "loaded into the page" that is this test
/// binary's own core (the web build's page program links no analysis; here both are linked).
fn install_engine() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;
    let set = |o: &JsValue, k: &str, v: &JsValue| {
        js_sys::Reflect::set(o, &k.into(), v).unwrap();
    };
    let parts = Closure::<dyn Fn(String, f64, f64) -> js_sys::Uint8Array>::new(
        |text: String, max: f64, part: f64| {
            let a = loupe::analyze_limited(&text, max as usize);
            let (head, parts) = loupe::ui::parts::split(a, text.len(), part as usize);
            js_sys::Uint8Array::from(&loupe::ui::parts::to_wire(&head, &parts)[..])
        },
    );
    let json = Closure::<dyn Fn(String, f64) -> String>::new(|text: String, max: f64| {
        loupe::analyze_limited(&text, max as usize).to_json()
    });
    let module: JsValue = js_sys::Object::new().into();
    set(&module, "analyze_parts", parts.as_ref());
    set(&module, "analyze_json", json.as_ref());
    parts.forget();
    json.forget();
    let load =
        Closure::<dyn Fn() -> js_sys::Promise>::new(move || js_sys::Promise::resolve(&module));
    let eng: JsValue = js_sys::Object::new().into();
    set(&eng, "state", &"failed".into());
    set(&eng, "error", &"no worker in the test page".into());
    set(&eng, "loadHere", load.as_ref());
    load.forget();
    set(&web_sys::window().unwrap().into(), "loupeEngine", &eng);
}

/// Mounts the app once for the whole test binary (all tests share one page).
fn mount_once() {
    thread_local!(static MOUNTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !MOUNTED.with(|m| m.replace(true)) {
        install_engine();
        leptos::mount::mount_to_body(loupe::app::App);
    }
}

fn textarea() -> web_sys::HtmlTextAreaElement {
    document()
        .get_element_by_id("input")
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn click(id: &str) {
    let el: web_sys::HtmlElement = document()
        .get_element_by_id(id)
        .unwrap()
        .dyn_into()
        .unwrap();
    el.click();
}

fn text_of(id: &str) -> String {
    document()
        .get_element_by_id(id)
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Waits until `#result` says the latest analysis is on screen (`data-analysis-state="done"`):
/// the app analyses in a worker, or here on the main thread when no worker can start (as in
/// this test page), and renders the result slice by slice.
async fn wait_done() {
    for _ in 0..200 {
        sleep(25).await;
        let state = document()
            .get_element_by_id("result")
            .and_then(|r| r.get_attribute("data-analysis-state"));
        if state.as_deref() == Some("done") {
            return;
        }
    }
    panic!("the analysis never finished");
}

/// Sets `data-analysis-state` to something else, so that the next `wait_done` waits for a new
/// result.
fn reset_state() {
    if let Some(r) = document().get_element_by_id("result") {
        r.set_attribute("data-analysis-state", "test").unwrap();
    }
}

fn sp(start: usize, end: usize) -> Span {
    Span {
        start,
        end,
        start16: start,
        end16: end,
    }
}

#[wasm_bindgen_test]
fn core_analyses_french_in_the_browser() {
    let a = loupe::analyze("Le président français Emmanuel Macron a parlé.");
    let per: Vec<&str> = a
        .mentions
        .iter()
        .filter(|m| m.etype == EntityType::PER)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(per, ["Emmanuel Macron"]);
    let m = &a.mentions[0];
    // UTF-16 offsets are what JavaScript sees: « é » and « ç » are one unit each.
    assert_eq!((m.span.start, m.span.end), (24, 39));
    assert_eq!((m.span.start16, m.span.end16), (22, 37));
}

#[wasm_bindgen_test]
fn nesting_keeps_a_mention_inside_a_quote() {
    // quote [0, 20) contains mention [5, 10).
    let spans = [(sp(0, 20), Layer::Quote(0)), (sp(5, 10), Layer::Mention(0))];
    let nodes = highlight::nest(0, 30, &spans);
    assert_eq!(nodes.len(), 2, "{nodes:?}");
    let Node::Span {
        layer, children, ..
    } = &nodes[0]
    else {
        panic!("{nodes:?}")
    };
    assert_eq!(*layer, Layer::Quote(0));
    assert!(matches!(
        children[1],
        Node::Span {
            layer: Layer::Mention(0),
            start: 5,
            end: 10,
            ..
        }
    ));
    assert_eq!(nodes[1], Node::Text { start: 20, end: 30 });
}

#[wasm_bindgen_test]
fn nesting_splits_crossing_spans_but_keeps_mentions_whole() {
    // A stance [0, 10) crossing a frame [5, 15): the frame (inner) is split at 10.
    let spans = [(sp(0, 10), Layer::Stance(0)), (sp(5, 15), Layer::Frame(0))];
    let nodes = highlight::nest(0, 15, &spans);
    let mut flat = Vec::new();
    highlight::flatten(&nodes, &mut flat);
    assert_eq!(flat, [(Layer::Stance(0), 0, 10), (Layer::Frame(0), 5, 15)]);
    assert!(matches!(
        nodes[1],
        Node::Span {
            layer: Layer::Frame(0),
            start: 10,
            end: 15,
            part: 1,
            last: true,
            ..
        }
    ));
    // A quote [0, 10) crossing a mention [5, 15): the mention stays whole, the quote is split.
    let spans = [(sp(0, 10), Layer::Quote(0)), (sp(5, 15), Layer::Mention(0))];
    let nodes = highlight::nest(0, 15, &spans);
    assert!(matches!(
        nodes[0],
        Node::Span {
            layer: Layer::Quote(0),
            start: 0,
            end: 5,
            part: 0,
            last: false,
            ..
        }
    ));
    assert!(matches!(
        nodes[1],
        Node::Span {
            layer: Layer::Mention(0),
            start: 5,
            end: 15,
            part: 0,
            last: true,
            ..
        }
    ));
    let mut flat = Vec::new();
    highlight::flatten(&nodes, &mut flat);
    assert_eq!(flat, [(Layer::Quote(0), 0, 10), (Layer::Mention(0), 5, 15)]);
}

#[wasm_bindgen_test]
fn layout_covers_every_character_of_the_text() {
    let a = loupe::analyze(ARTICLE);
    let blocks = highlight::layout(ARTICLE, &a);
    fn collect(text: &str, nodes: &[Node], out: &mut String) {
        for n in nodes {
            match n {
                Node::Text { start, end } => out.push_str(&text[*start..*end]),
                Node::Span { children, .. } => collect(text, children, out),
            }
        }
    }
    let mut shown = String::new();
    for b in &blocks {
        collect(ARTICLE, &b.nodes, &mut shown);
    }
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    assert_eq!(squash(&shown), squash(ARTICLE));
    // Every mention and date is a highlight, in text order.
    let mut flat = Vec::new();
    for b in &blocks {
        highlight::flatten(&b.nodes, &mut flat);
    }
    let marks: Vec<(usize, usize)> = flat
        .iter()
        .filter(|(l, _, _)| matches!(l, Layer::Mention(_) | Layer::Date(_)))
        .map(|&(_, s, e)| (s, e))
        .collect();
    let mut want: Vec<(usize, usize)> = a
        .mentions
        .iter()
        .map(|m| (m.span.start, m.span.end))
        .chain(a.dates.iter().map(|d| (d.span.start, d.span.end)))
        .collect();
    want.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    assert_eq!(marks, want);
}

#[wasm_bindgen_test]
async fn app_renders_highlights_and_card() {
    mount_once();
    let doc = document();
    assert!(doc.get_element_by_id("analyse").is_some());
    let ta = textarea();
    ta.set_value(ARTICLE);
    reset_state();
    click("analyse");
    wait_done().await;

    let expected = loupe::analyze(ARTICLE);
    let marks = doc.query_selector_all("#result mark.ent").unwrap();
    assert_eq!(
        marks.length() as usize,
        expected.mentions.len() + expected.dates.len()
    );
    let per = doc
        .query_selector_all("#result mark[data-type=PER]")
        .unwrap();
    assert!(per.length() > 0);
    let first: web_sys::Element = per.item(0).unwrap().dyn_into().unwrap();
    assert!(first.get_attribute("data-canonical").is_some());
    assert!(first.get_attribute("data-rule").is_some());
    let hidden = first.query_selector(".sr-only").unwrap().unwrap();
    assert_eq!(hidden.text_content().unwrap(), " (personne)");
    // The card shows the title, the stats line the counts.
    let title = expected.card.title.clone().expect("fixture has a title");
    let card_title = doc.query_selector("#card .card-title").unwrap().unwrap();
    assert_eq!(card_title.text_content().unwrap(), title);
    assert!(
        text_of("card").contains("média d’État"),
        "{}",
        text_of("card")
    );
    let stats = text_of("stats");
    assert!(
        stats.contains(" mots · ") && stats.contains(" min de lecture · "),
        "{stats}"
    );
    assert!(
        stats.ends_with(&format!("{} entités", expected.entities.len())),
        "{stats}"
    );
    // The pasted text is kept as is.
    assert_eq!(textarea().value(), ARTICLE);
}

#[wasm_bindgen_test]
async fn typing_analyses_after_a_pause_and_empty_input_is_friendly() {
    mount_once();
    let doc = document();
    let ta = textarea();
    ta.set_value("Le président français Emmanuel Macron a parlé.");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    reset_state();
    ta.dispatch_event(&ev).unwrap();
    // Debounced: after ~300 ms the analysis runs on its own.
    sleep(250).await;
    let state = doc
        .get_element_by_id("result")
        .and_then(|r| r.get_attribute("data-analysis-state"));
    assert_eq!(state.as_deref(), Some("test"), "analysed before the pause");
    wait_done().await;
    let marks = doc
        .query_selector_all("#result mark[data-type=PER]")
        .unwrap();
    assert_eq!(marks.length(), 1);
    assert_eq!(
        marks
            .item(0)
            .unwrap()
            .dyn_into::<web_sys::Element>()
            .unwrap()
            .get_attribute("data-canonical")
            .as_deref(),
        Some("Emmanuel Macron")
    );
    // Empty input: a friendly message, no highlights.
    ta.set_value("   ");
    reset_state();
    click("analyse");
    wait_done().await;
    assert_eq!(doc.query_selector_all("#result mark").unwrap().length(), 0);
    let notice = doc
        .query_selector(".notice")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(notice.contains("collez le texte"), "{notice}");
    assert_eq!(textarea().value(), "   ");
}

#[wasm_bindgen_test]
fn french_dates_and_stats_line() {
    assert_eq!(loupe::app::french_date("2023-03-03"), "3 mars 2023");
    assert_eq!(loupe::app::french_date("2023-05-01"), "1er mai 2023");
    assert_eq!(loupe::app::french_date("2023-12"), "décembre 2023");
    assert_eq!(loupe::app::french_date("2023"), "2023");
    let a = loupe::analyze("Le président français Emmanuel Macron a parlé.");
    assert_eq!(
        loupe::app::stats_line(&a),
        "7 mots · 1 min de lecture · 1 entité"
    );
}
