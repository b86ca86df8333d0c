//! The highlighted view, rendered progressively: the parts of a result are decoded, merged into
//! the analysis and written out as escaped HTML ([`crate::ui::html`]) a slice at a time, within a
//! small time budget per task, so that the page stays responsive on a long text. Also the
//! helpers that find, reveal and focus highlights.

use crate::schema::{Analysis, Span};
use crate::ui::highlight::{self, Counts, Layer};
use crate::ui::html::{self, Hidden};
use crate::ui::i18n::{self, Lang};
use crate::ui::parts::{self, Head, Part};
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Id of the element that receives the rendered HTML (inside `#result`).
pub const DOC_ID: &str = "result-doc";
/// Main-thread budget per rendering task, in milliseconds.
const BUDGET_MS: f64 = 12.0;
/// Longest wait for a frame before the next rendering task runs anyway.
const FALLBACK: Duration = Duration::from_millis(50);

pub enum PartSrc {
    /// A JSON document still in JavaScript (from the worker): UTF-8 bytes or a string.
    Js(wasm_bindgen::JsValue),
}

/// The document on screen: the analysed text and its analysis (growing while parts arrive).
pub struct Doc {
    pub seq: u64,
    pub text: Rc<str>,
    pub analysis: Analysis,
    pub head: Rc<Head>,
    spans: Vec<(Span, Layer)>,
    pending: VecDeque<PartSrc>,
    /// Slices decoded so far, and how many of them are on screen.
    ranges: Vec<(usize, usize)>,
    rendered: usize,
    lang: Lang,
    hidden: Hidden,
    t_start: f64,
    pub analyse_ms: f64,
    pub render_ms: f64,
    pub done: bool,
    on_done: Option<Rc<dyn Fn(Done)>>,
    on_progress: Option<Rc<dyn Fn(usize)>>,
    /// Called once, when the first slice is on screen.
    on_first: Option<Rc<dyn Fn()>>,
}

impl Doc {
    pub fn is_complete(&self) -> bool {
        self.pending.is_empty()
    }
}

/// The highlighted view's state: the document on screen and its rendering schedule. One per
/// app state ([`super::Ui::view`], reached by Leptos context), not a global.
pub struct View {
    doc: RefCell<Option<Doc>>,
    /// The last progress reported (percent, in steps of 5).
    last_pct: Cell<usize>,
    /// The pending rendering task: only the latest scheduled one runs.
    ticket: Cell<u64>,
}

impl Default for View {
    fn default() -> View {
        View {
            doc: RefCell::new(None),
            last_pct: Cell::new(usize::MAX),
            ticket: Cell::new(0),
        }
    }
}

pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn container() -> Option<web_sys::Element> {
    leptos::prelude::document().get_element_by_id(DOC_ID)
}

impl View {
    /// Reads the current document, if any.
    pub fn with_doc<R>(&self, f: impl FnOnce(&Doc) -> R) -> Option<R> {
        self.doc.borrow().as_ref().map(f)
    }

    /// Removes the document (empty input).
    pub fn clear(&self) {
        *self.doc.borrow_mut() = None;
        if let Some(c) = container() {
            c.set_inner_html("");
        }
    }
}

/// Reported once a result is fully on screen.
#[derive(Debug, Clone, Copy)]
pub struct Done {
    pub seq: u64,
    pub bytes: usize,
    pub analyse_ms: f64,
    pub render_ms: f64,
    pub truncated: bool,
}

/// Everything needed to start showing a result.
pub struct Start {
    pub seq: u64,
    pub text: Rc<str>,
    pub head: Head,
    pub parts: Vec<PartSrc>,
    pub lang: Lang,
    pub hidden: Hidden,
    pub analyse_ms: f64,
    pub on_progress: Rc<dyn Fn(usize)>,
    pub on_done: Rc<dyn Fn(Done)>,
    /// Called once, right after the first slice of the text is on screen.
    pub on_first: Rc<dyn Fn()>,
}

impl View {
    /// Replaces the document on screen and starts rendering it.
    pub fn start(self: &Rc<Self>, s: Start) {
        let head = Rc::new(s.head);
        let doc = Doc {
            seq: s.seq,
            text: s.text,
            analysis: head.analysis.clone(),
            head,
            spans: Vec::new(),
            pending: s.parts.into(),
            ranges: Vec::new(),
            rendered: 0,
            lang: s.lang,
            hidden: s.hidden,
            t_start: now(),
            analyse_ms: s.analyse_ms,
            render_ms: 0.0,
            done: false,
            on_done: Some(s.on_done),
            on_progress: Some(s.on_progress),
            on_first: Some(s.on_first),
        };
        *self.doc.borrow_mut() = Some(doc);
        self.last_pct.set(usize::MAX);
        if let Some(c) = container() {
            c.set_inner_html("");
        }
        self.schedule(s.seq);
    }

    /// Renders everything again (language change), progressively.
    pub fn rerender(self: &Rc<Self>, lang: Lang) {
        let seq = self.doc.borrow_mut().as_mut().map(|d| {
            d.lang = lang;
            d.rendered = 0;
            d.seq
        });
        if let Some(seq) = seq {
            if let Some(c) = container() {
                c.set_inner_html("");
            }
            self.schedule(seq);
        }
    }

    /// Runs the next rendering task right after the browser's next frame, so that a frame is shown
    /// between any two slices (timers alone may run back to back for 50 ms and more). Where frames do
    /// not come (hidden tab, off-screen frame), a timer runs it anyway. Only the latest call counts.
    fn schedule(self: &Rc<Self>, seq: u64) {
        let ticket = self.ticket.get() + 1;
        self.ticket.set(ticket);
        let view = Rc::clone(self);
        let run = move || {
            if view.ticket.get() == ticket {
                view.ticket.set(ticket + 1);
                view.step(seq, BUDGET_MS);
            }
        };
        let again = run.clone();
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(again, Duration::from_millis(0))
        });
        leptos::prelude::set_timeout(run, FALLBACK);
    }
}

/// One unit of work: decode a part, or render a decoded slice. False when nothing is left.
fn unit(d: &mut Doc) -> bool {
    if d.rendered < d.ranges.len() {
        let (lo, hi) = d.ranges[d.rendered];
        let views = highlight::layout_range(&d.text, &d.analysis, &d.spans, lo, hi);
        let mut out = String::with_capacity((hi - lo) * 2 + 64);
        out.push_str("<div class=\"chunk\">");
        html::render_blocks(&mut out, &d.text, &d.analysis, &views, d.lang, d.hidden);
        if d.rendered + 1 == d.ranges.len() && d.pending.is_empty() {
            if let Some(t) = d.analysis.truncated {
                let rest = t.total_bytes.saturating_sub(t.analysed.end);
                let msg = match d.lang {
                    Lang::Fr => format!(
                        "[… suite non analysée\u{a0}: {}]",
                        i18n::size_label(d.lang, rest)
                    ),
                    Lang::En => {
                        format!("[… rest not analysed: {}]", i18n::size_label(d.lang, rest))
                    }
                };
                out.push_str("<p class=\"block block-rest\">");
                html::escape(&mut out, &msg);
                out.push_str("</p>");
            }
        }
        out.push_str("</div>");
        if let Some(c) = container() {
            let _ = c.insert_adjacent_html("beforeend", &out);
        }
        d.rendered += 1;
        if let Some(cb) = d.on_first.take() {
            // Later, outside the borrow of the document: the callback may read it.
            leptos::prelude::set_timeout(move || cb(), Duration::from_millis(0));
        }
        return true;
    }
    let Some(src) = d.pending.pop_front() else {
        return false;
    };
    let part = match src {
        PartSrc::Js(v) => decode(&super::engine::view_bytes(&v)),
    };
    let before = Counts::of(&d.analysis);
    let (lo, hi) = (part.lo, part.hi);
    parts::merge(&mut d.analysis, part);
    d.spans
        .extend(highlight::annotations_from(&d.analysis, &before));
    d.ranges.push((lo, hi));
    true
}

fn decode(bytes: &[u8]) -> Part {
    crate::ui::wire::decode::<Part>(bytes).unwrap_or_else(|| {
        web_sys::console::error_1(&"Loupe: unreadable result part".into());
        Part::default()
    })
}

impl View {
    fn step(self: &Rc<Self>, seq: u64, budget: f64) {
        let t0 = now();
        let finished = self.doc.borrow_mut().as_mut().and_then(|d| {
            if d.seq != seq || d.done && d.rendered == d.ranges.len() {
                return None;
            }
            loop {
                if !unit(d) {
                    return Some(true);
                }
                if now() - t0 > budget {
                    return Some(false);
                }
            }
        });
        match finished {
            None => {}
            Some(false) => {
                let progress = self.with_doc(|d| {
                    let total = d.head.parts.max(1);
                    (d.on_progress.clone(), d.rendered * 100 / total)
                });
                // Report in steps of 5 %: each report re-renders the status line.
                if let Some((Some(cb), pct)) = progress {
                    let pct = pct.min(99) / 5 * 5;
                    if self.last_pct.replace(pct) != pct {
                        cb(pct);
                    }
                }
                self.schedule(seq);
            }
            Some(true) => {
                let cb = self.doc.borrow_mut().as_mut().and_then(|d| {
                    if !d.done {
                        d.render_ms = now() - d.t_start;
                    }
                    d.done = true;
                    let info = Done {
                        seq: d.seq,
                        bytes: d.text.len(),
                        analyse_ms: d.analyse_ms,
                        render_ms: d.render_ms,
                        truncated: d.analysis.truncated.is_some(),
                    };
                    Some((d.on_done.clone()?, info))
                });
                if let Some((cb, info)) = cb {
                    cb(info);
                }
            }
        }
    }

    /// Renders synchronously until the highlight `key` is on screen (or everything is).
    fn ensure_rendered(&self, key: &str) -> Option<web_sys::HtmlElement> {
        let sel = format!("#{DOC_ID} [data-key=\"{key}\"][data-part=\"0\"]");
        let doc = leptos::prelude::document();
        loop {
            if let Ok(Some(el)) = doc.query_selector(&sel) {
                return el.dyn_into().ok();
            }
            let more = self.doc.borrow_mut().as_mut().is_some_and(unit);
            if !more {
                return None;
            }
        }
    }

    /// Scrolls to the highlight `key` and focuses it (which opens its explanation).
    pub fn reveal(&self, key: &str) -> bool {
        let Some(el) = self.ensure_rendered(key) else {
            return false;
        };
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
        let _ = el.focus();
        true
    }

    /// Updates which kinds are hidden: hidden highlights leave the tab order.
    pub fn set_hidden(&self, hidden: Hidden) {
        let old = self
            .doc
            .borrow_mut()
            .as_mut()
            .map(|d| std::mem::replace(&mut d.hidden, hidden));
        let old = old.unwrap_or_default();
        let doc = leptos::prelude::document();
        for k in html::Kind::ALL {
            if old.contains(k) == hidden.contains(k) {
                continue;
            }
            let sel = format!("#{DOC_ID} {}[data-part=\"0\"]", k.selector());
            if let Ok(list) = doc.query_selector_all(&sel) {
                let v = if hidden.contains(k) { "-1" } else { "0" };
                for i in 0..list.length() {
                    if let Some(el) = list
                        .item(i)
                        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                    {
                        let _ = el.set_attribute("tabindex", v);
                    }
                }
            }
        }
    }
}

/// The focusable highlights in document order.
pub fn focusable() -> Vec<web_sys::HtmlElement> {
    let doc = leptos::prelude::document();
    let sel = format!("#{DOC_ID} [data-key][tabindex=\"0\"]");
    let mut out = Vec::new();
    if let Ok(list) = doc.query_selector_all(&sel) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into().ok()) {
                out.push(el);
            }
        }
    }
    out
}

/// Marks the highlights of `keys` as related to the selected one (or clears the marking).
pub fn mark_related(selected: Option<&str>, keys: &[String]) {
    let doc = leptos::prelude::document();
    if let Ok(list) =
        doc.query_selector_all(&format!("#{DOC_ID} .is-related, #{DOC_ID} .is-selected"))
    {
        for i in 0..list.length() {
            if let Some(el) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.class_list().remove_2("is-related", "is-selected");
            }
        }
    }
    let add = |key: &str, class: &str| {
        if let Ok(list) = doc.query_selector_all(&format!("#{DOC_ID} [data-key=\"{key}\"]")) {
            for i in 0..list.length() {
                if let Some(el) = list
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let _ = el.class_list().add_1(class);
                }
            }
        }
    };
    for k in keys.iter().take(200) {
        add(k, "is-related");
    }
    if let Some(s) = selected {
        add(s, "is-selected");
    }
}
