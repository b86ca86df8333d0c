//! The Loupe web app: Leptos 0.8, client-side rendering, compiled to wasm32 only.
//!
//! The app never analyses anything itself: the core's [`crate::analyze_limited`] runs in a Web
//! Worker ([`engine`]) and the app renders the resulting [`crate::Analysis`]. Pure logic (layout
//! of the highlights, HTML, i18n, Markdown, share links) lives in [`crate::ui`] and is tested
//! natively; this module and its children are the browser glue:
//!
//! - [`engine`]: the worker client (sequence numbers, stale results dropped, main-thread fallback);
//! - [`view`]: the highlighted view, rendered slice by slice; finding and focusing highlights;
//! - [`card`]: the summary card with jumps to the mentions and the export buttons;
//! - [`popover`]: the explanation of the selected highlight;
//! - [`browser`]: storage, clipboard, downloads, (de)compression, HTML to text;
//! - [`png`]: the card drawn on a canvas;
//! - `embed`: embed mode and its postMessage API (issue 5);
//! - [`library`], [`idb`], [`compare_view`]: kept articles and their comparison (issue 15).
//!
//! DOM contract (tests rely on it): `#input`, `#analyse`, `#exemple`, `#effacer`, `#result`
//! (`data-analysis-state` = `idle` | `busy` | `done`), `#card` (`.card-title`), `#stats`,
//! `#status` (live region), `#lang`, `mark.ent` with `data-key`/`data-part`/`data-type`/
//! `data-canonical`/`data-rule`; `window` receives `loupe:rendered` once a result is on screen.

pub mod browser;
pub mod card;
pub mod compare_view;
pub mod embed;
pub mod engine;
pub mod idb;
pub mod library;
pub mod png;
pub mod popover;
pub mod view;

pub use crate::ui::highlight;

use crate::ui::html::{Hidden, Kind};
use crate::ui::i18n::{self, Lang, Strings};
use crate::ui::parts::Head;
use crate::ui::textin::{self, FileFormat};
use crate::ui::{share, MAX_ANALYSED_BYTES};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::JsCast;

/// Delay between the last keystroke and the automatic analysis.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Longest text (UTF-16 units) laid out in the text area when it arrives whole (a paste, a file,
/// a share link, a restored draft, an embedder's text). The browser lays out a text area's whole
/// content in one task (≈ 250 ms for 1 MB on the bench machine, more than all of Loupe's own
/// main-thread work), so a longer text is kept out of the layout (`textarea.collapsed`:
/// `content-visibility: hidden`, with a notice and « Afficher le texte » over it) until the user
/// asks to see it or types in it. The text itself stays in the text area, untouched.
pub const COLLAPSE_CHARS: u32 = 60_000;

/// Largest file accepted by « Ouvrir un fichier » / drag and drop.
pub const MAX_FILE_BYTES: f64 = 20e6;

use crate::ui::{EXAMPLE, EXAMPLE_TITLE};

/// Entry point of the web app: installs the panic hook, takes over the static shell of
/// `index.html` ([`Shell`]) and mounts [`App`] to `<body>` in its place, in the same task (no
/// frame shows neither).
pub fn start() {
    console_error_panic_hook::set_once();
    if web_sys::window().is_none() {
        return;
    }
    let shell = Shell::take();
    // The app's state lives in a root owner that the page and the embed module reach by context
    // (no global): [`Ui`] and the shell's hand-over.
    let owner = Owner::new();
    let ui = owner.with(|| {
        let ui = Ui::new();
        provide_context(ui);
        provide_context(shell.clone());
        leptos::mount::mount_to_body(App);
        embed::start(); // `?embed=1`: compact layout + postMessage API (no-op otherwise)
        ui
    });
    // The root owner (and so the state) lives as long as the page.
    std::mem::forget(owner);
    shell.hand_over(ui);
}

/// What the reader did in the static shell of `index.html` (the title, the text area and the
/// main buttons, painted by HTML and CSS before any wasm arrives) before the app started: the
/// text typed or pasted there is analysed as soon as the engine is ready, the caret and the
/// focus carry over, and a button pressed there (`www/boot.js` notes it) is pressed again.
#[derive(Clone, Default)]
pub struct Shell {
    pub text: String,
    focused: bool,
    selection: Option<(u32, u32)>,
    /// The id of the app's button to press (`analyse`, `exemple`, `lang`).
    action: Option<String>,
}

impl Shell {
    /// Reads the shell's state and removes its elements (`[data-shell]`).
    fn take() -> Shell {
        let doc = document();
        let mut shell = Shell::default();
        if let Some(t) = doc
            .get_element_by_id("shell-input")
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            shell.text = t.value();
            shell.focused = doc.active_element().is_some_and(|a| a == **t);
            if let (Ok(Some(a)), Ok(Some(b))) = (t.selection_start(), t.selection_end()) {
                shell.selection = Some((a, b));
            }
        }
        shell.action = web_sys::window()
            .and_then(|w| js_sys::Reflect::get(&w, &"loupeShellAction".into()).ok())
            .and_then(|v| v.as_string())
            .filter(|a| matches!(a.as_str(), "analyse" | "exemple" | "lang"));
        if let Ok(list) = doc.query_selector_all("[data-shell]") {
            for i in 0..list.length() {
                if let Some(el) = list
                    .get(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    el.remove();
                }
            }
        }
        shell
    }

    /// After the mount: the caret and the focus back in the app's text area.
    fn hand_over(&self, ui: Ui) {
        let Some(t) = textarea() else { return };
        if !self.text.is_empty() {
            t.set_value(&self.text);
            collapse_if_long(ui);
        }
        if self.focused && self.action.is_none() {
            let _ = t.focus();
            if let Some((a, b)) = self.selection {
                let _ = t.set_selection_range(a, b);
            }
        }
    }
}

/// A message of the `#status` live region.
#[derive(Clone)]
pub enum Msg {
    Fixed(fn(&Strings) -> &'static str),
    Text(String),
    /// « Essayer un exemple » loaded the example; whether it replaced the reader's text.
    Example {
        replaced: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warn,
    Error,
}

#[derive(Clone)]
pub struct Notice {
    pub level: Level,
    pub msg: Msg,
    /// Offer to put back the text that an example or a file replaced.
    pub undo: bool,
}

impl Notice {
    fn info(f: fn(&Strings) -> &'static str) -> Notice {
        Notice {
            level: Level::Info,
            msg: Msg::Fixed(f),
            undo: false,
        }
    }
    fn warn(f: fn(&Strings) -> &'static str) -> Notice {
        Notice {
            level: Level::Warn,
            msg: Msg::Fixed(f),
            undo: false,
        }
    }
    fn error(f: fn(&Strings) -> &'static str) -> Notice {
        Notice {
            level: Level::Error,
            msg: Msg::Fixed(f),
            undo: false,
        }
    }
    fn text(&self, lang: Lang) -> String {
        match &self.msg {
            Msg::Fixed(f) => f(lang.t()).to_string(),
            Msg::Text(s) => s.clone(),
            Msg::Example { replaced } => i18n::example_loaded(lang, EXAMPLE_TITLE, *replaced),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
pub enum Progress {
    Analysing { bytes: usize, estimate_ms: f64 },
    Rendering(usize),
}

/// The selected highlight and where to show its explanation (page coordinates).
#[derive(Clone, PartialEq)]
pub struct Selected {
    pub key: String,
    pub left: f64,
    pub top: f64,
}

/// The app's reactive state.
#[derive(Clone, Copy)]
pub struct Ui {
    pub lang: RwSignal<Lang>,
    pub head: RwSignal<Option<Arc<Head>>>,
    pub busy: RwSignal<bool>,
    /// The latest result is fully on screen (exports are enabled).
    pub done: RwSignal<bool>,
    pub progress: RwSignal<Option<Progress>>,
    pub notice: RwSignal<Option<Notice>>,
    pub hidden: RwSignal<Hidden>,
    pub selected: RwSignal<Option<Selected>>,
    pub share_url: RwSignal<Option<String>>,
    pub confirm_clear: RwSignal<bool>,
    pub dragging: RwSignal<bool>,
    /// The text area holds a long text kept out of the layout: its length in UTF-16 units.
    pub collapsed: RwSignal<Option<usize>>,
    /// The card items the reader dismissed for the text on screen (see [`card`]).
    pub dismissed: RwSignal<card::DismissState>,
    /// The library of kept articles and their comparison ([`library`]).
    pub lib: library::Lib,
    /// The request bookkeeping (not reactive): owned by the same root owner as the signals.
    book: StoredValue<Rc<Book>, LocalStorage>,
    /// The highlighted view on screen and its rendering (not reactive).
    view: StoredValue<Rc<view::View>, LocalStorage>,
}

/// The app's request bookkeeping: plain cells that nothing renders, so no signals. One per
/// [`Ui`], reached through it (by context), not by a global.
struct Book {
    /// The latest analysis request; results of older ones are dropped.
    seq: Cell<u64>,
    /// When the current request was made (ms), for the `loupe:rendered` timings.
    requested_at: Cell<f64>,
    /// Measured analysis speed in bytes per millisecond (starts with a guess).
    speed: Cell<f64>,
    /// Focus that must not open an explanation (returning focus after closing one).
    quiet_focus: Cell<bool>,
    /// The text an example or a file replaced, for « Rétablir ».
    previous: RefCell<Option<String>>,
    /// The request whose result the reader is brought to once it is on screen (a whole text
    /// arrived: paste, example, file, share link, « Analyser »); 0 for none (typing).
    land: Cell<u64>,
    /// The page already said that this browser keeps no draft here (storage blocked).
    storage_said: Cell<bool>,
    /// The analysis waiting for the end of typing ([`DEBOUNCE`]).
    pending: RefCell<Option<TimeoutHandle>>,
    /// Dismissed card lists written during this page's life, by storage key: what counts when
    /// local storage is blocked (then dismissals last for the session only, silently).
    dismissed_session: RefCell<std::collections::HashMap<String, String>>,
    /// The comparison jump waiting for the rendering of request `seq` ([`library`]).
    jump_pending: RefCell<Option<(u64, library::Jump)>>,
    /// The latest comparison request; older answers are dropped.
    compare_seq: Cell<u64>,
    /// The comparison request waiting for its answer, with the library ids of its articles.
    compare_wait: RefCell<Option<(u64, Vec<String>)>>,
}

impl Default for Book {
    fn default() -> Book {
        Book {
            seq: Cell::new(0),
            requested_at: Cell::new(0.0),
            speed: Cell::new(2_000.0),
            quiet_focus: Cell::new(false),
            previous: RefCell::new(None),
            land: Cell::new(0),
            storage_said: Cell::new(false),
            pending: RefCell::new(None),
            dismissed_session: RefCell::new(std::collections::HashMap::new()),
            jump_pending: RefCell::new(None),
            compare_seq: Cell::new(0),
            compare_wait: RefCell::new(None),
        }
    }
}

impl Ui {
    /// The state at start-up (the language the reader chose last time, else French).
    fn new() -> Ui {
        let lang0 = browser::load(browser::LANG_KEY)
            .and_then(|c| Lang::from_code(&c))
            .unwrap_or_default();
        Ui {
            lang: RwSignal::new(lang0),
            head: RwSignal::new(None),
            busy: RwSignal::new(false),
            done: RwSignal::new(false),
            progress: RwSignal::new(None),
            notice: RwSignal::new(None),
            hidden: RwSignal::new(Hidden::default()),
            selected: RwSignal::new(None),
            share_url: RwSignal::new(None),
            confirm_clear: RwSignal::new(false),
            dragging: RwSignal::new(false),
            collapsed: RwSignal::new(None),
            dismissed: RwSignal::new(card::DismissState::default()),
            lib: library::Lib::new(),
            book: StoredValue::new_local(Rc::new(Book::default())),
            view: StoredValue::new_local(Rc::new(view::View::default())),
        }
    }

    fn book(self) -> Rc<Book> {
        self.book.get_value()
    }

    /// The highlighted view: the document on screen (text and analysis) and its rendering.
    pub fn view(self) -> Rc<view::View> {
        self.view.get_value()
    }

    /// Cancels the analysis waiting for the end of typing, if any.
    fn cancel_pending(self) {
        if let Some(h) = self.book().pending.borrow_mut().take() {
            h.clear();
        }
    }

    /// Analyses the text area's text now; `whole`: a whole text arrived (paste, « Analyser »),
    /// so the reader is brought to the result.
    fn run_now(self, whole: bool) {
        self.cancel_pending();
        let t = current_text();
        if whole {
            arrive(self, t);
        } else {
            request(self, t);
        }
        // Saving a long draft takes a while: not in the same task as the request.
        set_timeout(move || save_input_draft(self), Duration::from_millis(0));
    }

    /// « Analyser »: analyses the text area's text as a whole text that arrived. The button
    /// calls it, and so does the embed API's `analyze` (after [`set_text`]).
    pub fn analyse_now(self) {
        self.run_now(true);
    }

    /// « Essayer un exemple »: the example article replaces the text (with an undo when it
    /// replaced the reader's own text).
    pub fn load_example(self) {
        self.cancel_pending();
        let replaced = !current_text().trim().is_empty();
        replace_text(
            self,
            EXAMPLE.to_string(),
            Notice {
                level: Level::Info,
                msg: Msg::Example { replaced },
                undo: false,
            },
        );
    }

    /// What a button of the static shell pressed before the app started does, now that it works
    /// (`analyse`, `exemple`, `lang`): the same state call as the app's own button.
    fn replay_shell_action(self, id: &str) {
        match id {
            "analyse" => self.analyse_now(),
            "exemple" => self.load_example(),
            "lang" => set_lang(self, self.lang.get_untracked().other()),
            _ => {}
        }
    }

    /// The text in the text area.
    pub fn text(self) -> String {
        current_text()
    }
}

/// Shows or hides layers (the layer toggles, and the embed API's `options.layers`).
pub fn set_hidden(ui: Ui, hidden: Hidden) {
    ui.hidden.set(hidden);
    ui.view().set_hidden(hidden);
}

/// Switches the interface language (the language button, and the embed API's `options.lang`).
pub fn set_lang(ui: Ui, l: Lang) {
    ui.lang.set(l);
    browser::save(browser::LANG_KEY, l.code());
    if let Some(h) = document().document_element() {
        let _ = h.set_attribute("lang", l.code());
    }
    if ui.view().with_doc(|_| ()).is_some() {
        ui.busy.set(true);
        set_state("busy");
        ui.view().rerender(l);
    }
}

fn document() -> web_sys::Document {
    leptos::prelude::document()
}

fn textarea() -> Option<web_sys::HtmlTextAreaElement> {
    document().get_element_by_id("input")?.dyn_into().ok()
}

fn current_text() -> String {
    textarea().map(|t| t.value()).unwrap_or_default()
}

pub(crate) fn set_text(ui: Ui, text: &str) {
    if let Some(t) = textarea() {
        t.set_value(text);
    }
    collapse_if_long(ui);
}

/// Keeps a long text that just arrived in the text area out of its layout ([`COLLAPSE_CHARS`]);
/// shows the text area again when its text is short. Called before the browser's next frame.
pub fn collapse_if_long(ui: Ui) {
    let Some(t) = textarea() else {
        return;
    };
    let n = t.text_length();
    if n > COLLAPSE_CHARS {
        let _ = t.class_list().add_1("collapsed");
        ui.collapsed.set(Some(n as usize));
        // A focused text area would be laid out anyway (for its caret), at every frame: the
        // focus moves to « Afficher le texte », which says why the text is not shown.
        let doc = document();
        if doc.active_element().is_some_and(|a| a == **t) {
            if let Some(box_) = doc.get_element_by_id("long-text") {
                let _ = box_.remove_attribute("hidden");
            }
            if let Some(b) = doc
                .get_element_by_id("show-text")
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = b.focus();
            }
        }
        // A caret or selection left in the hidden text makes the browser walk the whole text at
        // every frame (seconds for 10 MB).
        clear_selection();
    } else {
        expand_input(ui);
    }
}

/// `window.getSelection().removeAllRanges()`.
fn clear_selection() {
    let call = |o: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(o, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(o).ok())
    };
    if let Some(sel) = web_sys::window().and_then(|w| call(&w, "getSelection")) {
        if sel.is_object() {
            call(&sel, "removeAllRanges");
        }
    }
}

/// Lays the text area's text out again (the user asked to see it, or typed in it).
fn expand_input(ui: Ui) {
    if let Some(t) = textarea() {
        let _ = t.class_list().remove_1("collapsed");
    }
    if ui.collapsed.get_untracked().is_some() {
        ui.collapsed.set(None);
    }
}

fn set_state(state: &str) {
    if let Some(r) = document().get_element_by_id("result") {
        let _ = r.set_attribute("data-analysis-state", state);
        let _ = r.set_attribute("aria-busy", if state == "busy" { "true" } else { "false" });
    }
}

/// Saves the text area's text as the draft, straight from JavaScript.
fn save_input_draft(ui: Ui) {
    let Some(t) = textarea() else { return };
    let stored = if t.text_length() == 0 {
        browser::remove(browser::DRAFT_KEY);
        browser::Stored::Saved
    } else {
        let v = js_sys::Reflect::get(&t, &"value".into()).unwrap_or_default();
        browser::store_js(browser::DRAFT_KEY, &v)
    };
    draft_outcome(ui, stored);
}

fn save_draft(ui: Ui, text: &str) {
    let stored = if text.is_empty() {
        browser::remove(browser::DRAFT_KEY);
        browser::Stored::Saved
    } else {
        browser::store(browser::DRAFT_KEY, text)
    };
    draft_outcome(ui, stored);
}

/// Says what became of the draft, truthfully: a text over the storage quota gets « Texte trop
/// long pour être gardé » (and the older draft is dropped, so a reload does not bring back a
/// stale text); where storage is blocked altogether (a third-party frame, a sandbox, the
/// browser's settings) nothing can be kept whatever the length: the embedded widget says
/// nothing, the page says it once.
fn draft_outcome(ui: Ui, stored: browser::Stored) {
    match stored {
        browser::Stored::Saved => {}
        browser::Stored::Full => {
            browser::remove(browser::DRAFT_KEY);
            ui.notice.set(Some(Notice::warn(|t| t.draft_not_saved)));
        }
        browser::Stored::Unavailable => {
            let embedded = document()
                .document_element()
                .is_some_and(|r| r.has_attribute("data-embed"));
            if !embedded && !ui.book().storage_said.replace(true) {
                ui.notice.set(Some(Notice::info(|t| t.draft_blocked)));
            }
        }
    }
}

/// Starts the analysis of `text` (the textarea's content); results of older requests are dropped.
fn request(ui: Ui, text: String) {
    let seq = ui.book().seq.get() + 1;
    ui.book().seq.set(seq);
    ui.selected.set(None);
    ui.share_url.set(None);
    if text.trim().is_empty() {
        ui.view().clear();
        ui.head.set(None);
        ui.dismissed.set(card::DismissState::default());
        ui.busy.set(false);
        ui.done.set(false);
        ui.progress.set(None);
        ui.notice.set(Some(Notice::info(|t| t.empty_input)));
        set_state("done");
        dispatch_rendered(0, 0.0, 0.0, false);
        return;
    }
    if ui
        .notice
        .get_untracked()
        .is_some_and(|n| matches!(n.msg, Msg::Fixed(_)) && n.level != Level::Error && !n.undo)
    {
        ui.notice.set(None);
    }
    ui.busy.set(true);
    ui.done.set(false);
    set_state("busy");
    let bytes = text.len().min(MAX_ANALYSED_BYTES);
    if bytes > 60_000 {
        let estimate_ms = bytes as f64 / ui.book().speed.get() + bytes as f64 / 4_000.0;
        ui.progress
            .set(Some(Progress::Analysing { bytes, estimate_ms }));
    }
    ui.book().requested_at.set(view::now());
    engine::analyse(seq, Rc::from(text));
}

/// Starts the analysis of a text that arrived whole (a paste, the example, a file, a share link,
/// « Analyser »): once its first slice is on screen, the reader is brought to the result
/// ([`land`]). Typing calls [`request`] and never moves the page.
fn arrive(ui: Ui, text: String) {
    request(ui, text);
    let book = ui.book();
    book.land.set(book.seq.get());
}

/// `window.matchMedia(query).matches`.
fn media_matches(query: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    js_sys::Reflect::get(&w, &"matchMedia".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&w, &query.into()).ok())
        .and_then(|m| js_sys::Reflect::get(&m, &"matches".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Brings the reader to the result of a text that just arrived: scrolls the result panel
/// (`#reader`: status, layer toolbar, highlighted text) to the top of the viewport — smoothly,
/// unless the reader asked for reduced motion — and, with `focus`, moves the focus to the
/// highlighted text (`#result`, outlined by `.landed` until it loses the focus), from where Tab or
/// `j` reach the first highlight. Never in embed mode (scrolling would move the host page).
fn land(focus: bool) {
    let doc = document();
    if doc
        .document_element()
        .is_some_and(|h| h.has_attribute("data-embed"))
    {
        return;
    }
    let (Some(reader), Some(result)) = (
        doc.get_element_by_id("reader"),
        doc.get_element_by_id("result")
            .and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()),
    ) else {
        return;
    };
    let reduce = media_matches("(prefers-reduced-motion: reduce)");
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Start);
    opts.set_behavior(if reduce {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    reader.scroll_into_view_with_scroll_into_view_options(&opts);
    if focus {
        let _ = result.class_list().add_1("landed");
        // `focus({ preventScroll: true })`: the scroll above is the only movement.
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"preventScroll".into(), &true.into());
        if let Ok(f) = js_sys::Reflect::get(&result, &"focus".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = f.call1(&result, &o);
        }
    }
}

fn dispatch_rendered(bytes: usize, analyse_ms: f64, render_ms: f64, truncated: bool) {
    let detail = js_sys::Object::new();
    let set = |k: &str, v: wasm_bindgen::JsValue| {
        let _ = js_sys::Reflect::set(&detail, &k.into(), &v);
    };
    set("bytes", (bytes as f64).into());
    set("analyse_ms", analyse_ms.into());
    set("render_ms", render_ms.into());
    set("truncated", truncated.into());
    set("worker", engine::uses_worker().into());
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("loupe:rendered", &init) {
        let _ = web_sys::window().map(|w| w.dispatch_event(&ev));
    }
}

/// Receives a result from the engine and starts showing it.
fn on_reply(ui: Ui, r: engine::Reply) {
    if r.seq != ui.book().seq.get() {
        return; // stale
    }
    let waited = view::now() - ui.book().requested_at.get();
    let payload = match r.result {
        Ok(p) => p,
        Err(_) => {
            ui.busy.set(false);
            ui.progress.set(None);
            ui.notice.set(Some(Notice::error(|t| t.analysis_failed)));
            set_state("done");
            if ui.book().land.replace(0) == r.seq {
                land(false); // the message is at the top of the result panel
            }
            return;
        }
    };
    let (head, parts) = match payload {
        engine::Payload::Wire(v) => {
            let mut it = v.into_iter();
            let head = it.next().map(|h| engine::view_bytes(&h));
            match head.and_then(|h| crate::ui::wire::decode::<Head>(&h)) {
                Some(h) => (h, it.map(view::PartSrc::Js).collect::<Vec<_>>()),
                None => {
                    ui.busy.set(false);
                    ui.progress.set(None);
                    ui.notice.set(Some(Notice::error(|t| t.analysis_failed)));
                    set_state("done");
                    return;
                }
            }
        }
    };
    if r.analyse_ms > 5.0 {
        let speed = r.text.len().min(MAX_ANALYSED_BYTES) as f64 / r.analyse_ms;
        let s = &ui.book().speed;
        s.set(0.5 * s.get() + 0.5 * speed);
    }
    let big = r.text.len() > 60_000;
    let dismissed = card::load_dismissed(ui, &r.text);
    if ui.dismissed.get_untracked() != dismissed {
        ui.dismissed.set(dismissed);
    }
    ui.head.set(Some(Arc::new(Head {
        analysis: head.analysis.clone(),
        counts: head.counts,
        parts: head.parts,
        text_end: head.text_end,
    })));
    if big {
        ui.progress.set(Some(Progress::Rendering(0)));
    }
    let seq = r.seq;
    ui.view().start(view::Start {
        seq: r.seq,
        text: r.text,
        head,
        parts,
        lang: ui.lang.get_untracked(),
        hidden: ui.hidden.get_untracked(),
        analyse_ms: waited,
        on_progress: Rc::new(move |pct| {
            if big {
                ui.progress.set(Some(Progress::Rendering(pct)));
            }
        }),
        on_first: Rc::new(move || {
            if ui.book().land.get() == seq {
                ui.book().land.set(0);
                land(true);
            }
        }),
        on_done: Rc::new(move |d: view::Done| {
            if d.seq != ui.book().seq.get() {
                return;
            }
            ui.busy.set(false);
            ui.done.set(true);
            ui.progress.set(None);
            set_state("done");
            dispatch_rendered(d.bytes, d.analyse_ms, d.render_ms, d.truncated);
            library::rendered(ui, d.seq);
        }),
    });
}

/// Closes the explanation and gives the focus back to its highlight.
pub fn close_explanation(ui: Ui) {
    if let Some(sel) = ui.selected.get_untracked() {
        ui.selected.set(None);
        view::mark_related(None, &[]);
        ui.book().quiet_focus.set(true);
        focus_key(&sel.key);
        ui.book().quiet_focus.set(false);
    }
}

/// Focuses the first piece of the highlight `key`.
pub fn focus_key(key: &str) {
    let sel = format!("#{} [data-key=\"{key}\"][data-part=\"0\"]", view::DOC_ID);
    if let Some(el) = document()
        .query_selector(&sel)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Shows the explanation of the highlight `el` (its first piece).
fn select(ui: Ui, el: &web_sys::Element) {
    let Some(key) = el.get_attribute("data-key") else {
        return;
    };
    if ui.selected.get_untracked().is_some_and(|s| s.key == key) {
        return;
    }
    let rect = el.get_bounding_client_rect();
    let w = web_sys::window();
    let sx = w.as_ref().and_then(|w| w.scroll_x().ok()).unwrap_or(0.0);
    let sy = w.as_ref().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0);
    ui.selected.set(Some(Selected {
        key: key.clone(),
        left: rect.left() + sx,
        top: rect.bottom() + sy,
    }));
    let lang = ui.lang.get_untracked();
    let related: Vec<String> = ui
        .view()
        .with_doc(|d| crate::ui::explain::explain(&d.text, &d.analysis, &key, lang))
        .flatten()
        .map(|x| x.others.into_iter().map(|o| o.key).collect())
        .unwrap_or_default();
    view::mark_related(Some(&key), &related);
}

/// Jumps from the card to the highlight `key`, showing its layer if it was hidden.
pub fn jump(ui: Ui, key: &str) {
    let kind = ui
        .view()
        .with_doc(|d| {
            let (p, i) = key.split_at(1);
            let i: usize = i.parse().ok()?;
            let layer = match p {
                "m" => highlight::Layer::Mention(i),
                "q" => highlight::Layer::Quote(i),
                "s" => highlight::Layer::Stance(i),
                "f" => highlight::Layer::Frame(i),
                "d" => highlight::Layer::Date(i),
                _ => highlight::Layer::Chrome(i),
            };
            Some(crate::ui::html::kind_of(&d.analysis, layer))
        })
        .flatten();
    if let Some(k) = kind {
        if ui.hidden.get_untracked().contains(k) {
            let h = ui.hidden.get_untracked().toggled(k);
            ui.hidden.set(h);
            ui.view().set_hidden(h);
        }
    }
    ui.view().reveal(key);
}

/// Jumps to the first highlight of a frame.
pub fn jump_frame(ui: Ui, frame: &str) {
    // Frames past the decoded parts: decode them by revealing the end first if needed.
    let find = || {
        ui.view()
            .with_doc(|d| d.analysis.frames.iter().position(|f| f.frame == frame))
            .flatten()
    };
    let idx = find().or_else(|| {
        while ui.view().with_doc(|d| !d.is_complete()).unwrap_or(false) {
            // Reveal something impossible: renders (and decodes) everything.
            ui.view().reveal("x");
        }
        find()
    });
    if let Some(i) = idx {
        jump(ui, &format!("f{i}"));
    }
}

pub fn export_markdown(ui: Ui) {
    let Some(h) = ui.head.get_untracked() else {
        return;
    };
    let shown = ui.dismissed.get_untracked().items.analysis(&h.analysis);
    let md = crate::ui::markdown::card(&shown, ui.lang.get_untracked());
    leptos::task::spawn_local(async move {
        let ok = browser::copy_text(&md).await;
        ui.notice.set(Some(if ok {
            Notice::info(|t| t.copied_md)
        } else {
            Notice::error(|t| t.copy_failed)
        }));
    });
}

pub fn export_json(ui: Ui) {
    let dismissed = ui.dismissed.get_untracked().items;
    let json = ui
        .view()
        .with_doc(|d| d.done.then(|| dismissed.export_json(&d.analysis)))
        .flatten();
    let ok =
        json.is_some_and(|j| browser::download_text(&j, "application/json", "loupe-analyse.json"));
    ui.notice.set(Some(if ok {
        Notice::info(|t| t.json_saved)
    } else {
        Notice::error(|t| t.analysis_failed)
    }));
}

pub fn export_png(ui: Ui) {
    let Some(h) = ui.head.get_untracked() else {
        return;
    };
    let shown = ui.dismissed.get_untracked().items.analysis(&h.analysis);
    png::download_card(&shown, ui.lang.get_untracked(), move |ok| {
        ui.notice.set(Some(if ok {
            Notice::info(|t| t.png_saved)
        } else {
            Notice::error(|t| t.png_failed)
        }));
    });
}

/// The page URL without its fragment.
fn base_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or("").to_string()
}

pub fn export_share(ui: Ui) {
    let text = ui
        .view()
        .with_doc(|d| d.text.to_string())
        .unwrap_or_else(current_text);
    leptos::task::spawn_local(async move {
        let frag = match browser::deflate(text.as_bytes()).await {
            Some(z) => share::fragment_deflated(&z),
            None => share::fragment_plain(&text),
        };
        let url = format!("{}#{frag}", base_url());
        let long = url.len() > 60_000;
        let copied = browser::copy_text(&url).await;
        ui.share_url.set(Some(url));
        ui.notice.set(Some(match (copied, long) {
            (_, true) => Notice::warn(|t| t.share_long),
            (true, false) => Notice::info(|t| t.share_ready),
            (false, false) => Notice {
                level: Level::Info,
                msg: Msg::Fixed(|t| t.share_url_label),
                undo: false,
            },
        }));
    });
}

/// Opens the text carried by a share link in the location's fragment, if any. Returns false
/// when the fragment is not a share link.
fn open_shared(ui: Ui) -> bool {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let Some(parsed) = share::parse(&hash) else {
        return false;
    };
    // Forget the fragment: a reload must show the user's later edits (the draft), not the link.
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let url = base_url();
            let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
        }
    }
    leptos::task::spawn_local(async move {
        let bytes = match parsed {
            Ok(share::Shared::Plain(b)) => Some(b),
            Ok(share::Shared::Deflated(z)) => browser::inflate(&z).await,
            Err(()) => None,
        };
        match bytes.and_then(|b| String::from_utf8(b).ok()) {
            Some(text) => {
                remember_previous(ui);
                set_text(ui, &text);
                save_draft(ui, &text);
                arrive(ui, text);
                ui.notice.set(Some(Notice {
                    undo: has_previous(ui),
                    ..Notice::info(|t| t.shared_loaded)
                }));
            }
            None => {
                ui.notice.set(Some(Notice::error(|t| t.shared_bad)));
                land(false);
            }
        }
    });
    true
}

fn remember_previous(ui: Ui) {
    let cur = current_text();
    *ui.book().previous.borrow_mut() = (!cur.trim().is_empty()).then_some(cur);
}

fn has_previous(ui: Ui) -> bool {
    ui.book().previous.borrow().is_some()
}

/// Replaces the whole text (example, file), keeping the old one for « Rétablir ».
fn replace_text(ui: Ui, text: String, notice: Notice) {
    remember_previous(ui);
    set_text(ui, &text);
    save_draft(ui, &text);
    arrive(ui, text);
    let undo = has_previous(ui);
    ui.notice.set(Some(Notice { undo, ..notice }));
}

fn read_file(ui: Ui, file: web_sys::File) {
    let Some(format) = textin::file_format(&file.name(), &file.type_()) else {
        ui.notice.set(Some(Notice::error(|t| t.file_unsupported)));
        return;
    };
    if file.size() > MAX_FILE_BYTES {
        ui.notice.set(Some(Notice::error(|t| t.file_too_big)));
        return;
    }
    let name = file.name();
    leptos::task::spawn_local(async move {
        let Ok(v) = wasm_bindgen_futures::JsFuture::from(file.text()).await else {
            ui.notice.set(Some(Notice::error(|t| t.file_unreadable)));
            return;
        };
        let raw = v.as_string().unwrap_or_default();
        let text = match format {
            FileFormat::Text => raw,
            FileFormat::Markdown => textin::strip_markdown(&raw),
            FileFormat::Html => textin::html_to_text(&raw),
        };
        let msg = match ui.lang.get_untracked() {
            Lang::Fr => format!("Fichier « {name} » ouvert."),
            Lang::En => format!("File “{name}” opened."),
        };
        replace_text(
            ui,
            text,
            Notice {
                level: Level::Info,
                msg: Msg::Text(msg),
                undo: false,
            },
        );
    });
}

/// Whether pasting `len` UTF-16 units over the text area's selection brings a whole text (at least
/// half of the text afterwards is the pasted text): then the reader is brought to the result. A
/// few words pasted into a longer text are an edit, like typing.
fn whole_paste(ta: &web_sys::HtmlTextAreaElement, len: u32) -> bool {
    let start = ta.selection_start().ok().flatten().unwrap_or(0);
    let end = ta.selection_end().ok().flatten().unwrap_or(start);
    let after = ta
        .text_length()
        .saturating_sub(end.saturating_sub(start))
        .saturating_add(len);
    len > 0 && u64::from(len) * 2 >= u64::from(after)
}

/// Paste: HTML (or HTML source pasted as text) becomes plain text; plain text is left to the
/// browser. Either way the analysis starts at once.
fn on_paste(ui: Ui, ev: web_sys::ClipboardEvent, pasted: StoredValue<Option<bool>>) {
    let Some(dt) = ev.clipboard_data() else {
        return;
    };
    let plain = dt.get_data("text/plain").unwrap_or_default();
    let html = dt.get_data("text/html").unwrap_or_default();
    let source = if !plain.trim().is_empty() && !textin::looks_like_html(&plain) {
        let whole = textarea().is_some_and(|ta| whole_paste(&ta, js_len(&plain)));
        pasted.set_value(Some(whole));
        return; // default paste; the input event analyses it
    } else if !html.trim().is_empty() {
        html
    } else if textin::looks_like_html(&plain) {
        plain
    } else {
        return;
    };
    ev.prevent_default();
    // An analysis still waiting for the end of typing would start after this one and clear its
    // notice: the pasted text supersedes it.
    ui.cancel_pending();
    let text = textin::html_to_text(&source);
    let Some(ta) = textarea() else { return };
    let whole = whole_paste(&ta, js_len(&text));
    let start = ta.selection_start().ok().flatten().unwrap_or(0);
    let end = ta.selection_end().ok().flatten().unwrap_or(start);
    let _ = ta.set_range_text_with_start_and_end_and_mode(&text, start, end, "end");
    collapse_if_long(ui);
    let all = ta.value();
    save_draft(ui, &all);
    if whole {
        arrive(ui, all);
    } else {
        request(ui, all);
    }
    ui.notice.set(Some(Notice::info(|t| t.html_converted)));
}

/// Length of `s` in UTF-16 code units (as the text area counts).
fn js_len(s: &str) -> u32 {
    u32::try_from(s.encode_utf16().count()).unwrap_or(u32::MAX)
}

/// Moves focus to the next (`dir` = 1) or previous (-1) highlight.
fn step_highlight(dir: i32) {
    let all = view::focusable();
    if all.is_empty() {
        return;
    }
    let active = document().active_element();
    let pos = active.and_then(|a| all.iter().position(|e| **e == a));
    let next = match (pos, dir) {
        (Some(p), 1) => (p + 1).min(all.len() - 1),
        (Some(p), _) => p.saturating_sub(1),
        (None, 1) => 0,
        (None, _) => all.len() - 1,
    };
    let el = &all[next];
    let _ = el.focus();
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Center);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    // The state `start` provides; an app mounted alone (the wasm tests, another host) makes its own.
    let ui = use_context::<Ui>().unwrap_or_else(|| {
        let ui = Ui::new();
        provide_context(ui);
        ui
    });
    let lang0 = ui.lang.get_untracked();
    let shell0 = use_context::<Shell>();
    if let Some(h) = document().document_element() {
        let _ = h.set_attribute("lang", lang0.code());
    }
    engine::init(
        move |r| on_reply(ui, r),
        move |data| compare_view::on_worker_message(ui, data),
    );

    // Set by a plain-text paste for the input event that follows: whether it brought a whole text.
    let pasted = StoredValue::new(None::<bool>);
    let cancel_pending = move || ui.cancel_pending();
    let run_now = move |whole: bool| ui.run_now(whole);
    let on_input = move |ev: web_sys::Event| {
        ui.confirm_clear.set(false);
        // A paste or a drop brings a whole text at once: keep a long one out of the layout
        // before the browser's next frame. Typing never hides the text.
        let input_type = js_sys::Reflect::get(&ev, &"inputType".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        if input_type.starts_with("insertFrom") || ui.collapsed.get_untracked().is_some() {
            collapse_if_long(ui);
        }
        if let Some(whole) = pasted.get_value() {
            pasted.set_value(None);
            run_now(whole);
            return;
        }
        cancel_pending();
        let handle = set_timeout_with_handle(move || run_now(false), DEBOUNCE).ok();
        *ui.book().pending.borrow_mut() = handle;
    };
    // Focusing a collapsed text area (Tab, a script) shows its text: the user is about to edit.
    let on_input_focus = move |_| {
        if ui.collapsed.get_untracked().is_some() {
            expand_input(ui);
        }
    };
    let show_text = move |_| {
        expand_input(ui);
        if let Some(t) = textarea() {
            let _ = t.focus();
        }
    };
    let on_example = move |_| ui.load_example();
    let do_clear = move || {
        cancel_pending();
        ui.confirm_clear.set(false);
        *ui.book().previous.borrow_mut() = None;
        set_text(ui, "");
        browser::remove(browser::DRAFT_KEY);
        let seq = &ui.book().seq;
        seq.set(seq.get() + 1);
        ui.view().clear();
        ui.head.set(None);
        ui.dismissed.set(card::DismissState::default());
        ui.busy.set(false);
        ui.done.set(false);
        ui.progress.set(None);
        ui.notice.set(None);
        ui.selected.set(None);
        set_state("idle");
        if let Some(t) = textarea() {
            let _ = t.focus();
        }
    };
    let undo = move |_| {
        let prev = ui.book().previous.borrow_mut().take();
        if let Some(prev) = prev {
            set_text(ui, &prev);
            save_draft(ui, &prev);
            arrive(ui, prev);
            ui.notice.set(None);
        }
    };
    let toggle_lang = move |_| set_lang(ui, ui.lang.get_untracked().other());
    let on_file = move |ev: web_sys::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            if let Some(f) = input.files().and_then(|l| l.get(0)) {
                read_file(ui, f);
            }
            input.set_value("");
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ui.dragging.set(false);
        let Some(dt) = ev.data_transfer() else { return };
        if let Some(f) = dt.files().and_then(|l| l.get(0)) {
            ev.prevent_default();
            read_file(ui, f);
        }
    };
    let on_dragover = move |ev: web_sys::DragEvent| {
        let has_files = ev.data_transfer().is_some_and(|dt| {
            dt.types()
                .iter()
                .any(|t| t.as_string().as_deref() == Some("Files"))
        });
        if has_files {
            ev.prevent_default();
            ui.dragging.set(true);
        }
    };

    // Result view: clicks and focus open explanations; j/k move; Enter enters the popover.
    let on_result_focus = move |ev: web_sys::FocusEvent| {
        if ui.book().quiet_focus.get() {
            return;
        }
        let el = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-key][tabindex]").ok().flatten());
        if let Some(el) = el {
            select(ui, &el);
        }
    };
    let on_result_click = move |ev: web_sys::MouseEvent| {
        let el = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("[data-key]").ok().flatten());
        if let Some(key) = el.and_then(|e| e.get_attribute("data-key")) {
            focus_key(&key);
        }
    };
    let on_result_key = move |ev: web_sys::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        match ev.key().as_str() {
            "j" | "J" => {
                ev.prevent_default();
                step_highlight(1);
            }
            "k" | "K" => {
                ev.prevent_default();
                step_highlight(-1);
            }
            "Enter" | " " if ui.selected.get_untracked().is_some() => {
                ev.prevent_default();
                if let Some(p) = document()
                    .get_element_by_id("explain")
                    .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = p.focus();
                }
            }
            "Escape" => {
                ui.selected.set(None);
                view::mark_related(None, &[]);
            }
            _ => {}
        }
    };
    // Focus or a click outside the text and the popover closes the popover.
    let outside = move |target: Option<web_sys::EventTarget>| {
        let el = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let inside = el.is_some_and(|e| {
            e.closest(&format!("#{}, #explain", view::DOC_ID))
                .ok()
                .flatten()
                .is_some()
        });
        if !inside && ui.selected.get_untracked().is_some() {
            ui.selected.set(None);
            view::mark_related(None, &[]);
        }
    };
    let h1 = window_event_listener(leptos::ev::focusin, move |ev| outside(ev.target()));
    let h2 = window_event_listener(leptos::ev::pointerdown, move |ev| outside(ev.target()));
    let h3 = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            if ui.confirm_clear.get_untracked() {
                ui.confirm_clear.set(false);
            }
            close_explanation(ui);
        }
    });
    let h4 = window_event_listener(leptos::ev::pagehide, move |_| {
        let t = current_text();
        if !t.is_empty() {
            browser::save(browser::DRAFT_KEY, &t);
        }
    });
    let h5 = window_event_listener(leptos::ev::hashchange, move |_| {
        open_shared(ui);
    });
    on_cleanup(move || {
        h1.remove();
        h2.remove();
        h3.remove();
        h4.remove();
        h5.remove();
    });

    // Start-up: what the reader typed in the static shell comes first (it is the newest), then a
    // share link, then the saved draft.
    Effect::new(move |prev: Option<()>| {
        if prev.is_some() {
            return;
        }
        let shell = shell0.clone().unwrap_or_default();
        let replays_text = matches!(shell.action.as_deref(), Some("analyse" | "exemple"));
        if let Some(id) = shell.action.clone() {
            // A button pressed before the app started: its action, now that it works.
            set_timeout(
                move || ui.replay_shell_action(&id),
                Duration::from_millis(0),
            );
        }
        if replays_text && !shell.text.trim().is_empty() {
            return;
        }
        if !replays_text && !shell.text.trim().is_empty() {
            let t = current_text();
            save_draft(ui, &t);
            request(ui, t);
            return;
        }
        if open_shared(ui) {
            return;
        }
        if let Some(draft) = browser::load(browser::DRAFT_KEY).filter(|d| !d.trim().is_empty()) {
            if current_text().is_empty() {
                set_text(ui, &draft);
                request(ui, draft);
                ui.notice.set(Some(Notice::info(|t| t.draft_restored)));
            }
        }
    });

    let t = move || ui.lang.get().t();
    let layer_counts = move || ui.head.get().map(|h| h.counts).unwrap_or_default();
    // Issue 14 (main-thread blocking at start): the library (below the fold, and its IndexedDB
    // list) and the explanation popover (empty until a highlight is opened) are mounted in a
    // task of their own after the first view, which then takes one shorter task on a phone.
    let later = RwSignal::new(false);
    set_timeout(move || later.set(true), Duration::from_millis(0));

    view! {
        <a class="skip-link" href="#card">{move || t().skip_to_card}</a>
        <header class="site-header">
            <div class="brand">
                <svg class="logo" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
                    <circle cx="27" cy="27" r="16" fill="none" stroke="currentColor" stroke-width="6"></circle>
                    <path d="M39 39 L55 55" stroke="currentColor" stroke-width="8" stroke-linecap="round"></path>
                </svg>
                <h1>"Loupe"</h1>
                <button id="lang" type="button" class="lang" on:click=toggle_lang
                    lang=move || ui.lang.get().other().code()
                    aria-label=move || t().lang_button_label>
                    {card::icon("M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c2.5 2.7 3.5 5.7 3.5 9s-1 6.3-3.5 9c-2.5-2.7-3.5-5.7-3.5-9s1-6.3 3.5-9z")}
                    {move || t().lang_button}
                </button>
            </div>
            <p class="tagline">{move || t().tagline}</p>
        </header>
        <main class="layout">
            <div class="workspace">
                <div class="paste" class:dragging=move || ui.dragging.get()
                    on:dragover=on_dragover
                    on:dragleave=move |_| ui.dragging.set(false)
                    on:drop=on_drop>
                    <label for="input">{move || t().input_label}</label>
                    <div class="input-wrap">
                        <textarea
                            id="input"
                            rows="9"
                            spellcheck="false"
                            placeholder=move || t().placeholder
                            aria-describedby=move || ui.collapsed.get().map(|_| "long-text-msg")
                            on:input=on_input
                            on:focus=on_input_focus
                            on:paste=move |ev| on_paste(ui, ev, pasted)
                        ></textarea>
                        <div id="long-text" class="long-text" hidden=move || ui.collapsed.get().is_none()>
                            <p id="long-text-msg">{move || ui.collapsed.get().map(|n| i18n::long_text(ui.lang.get(), n))}</p>
                            <button id="show-text" type="button" aria-describedby="long-text-msg" on:click=show_text>
                                {move || i18n::show_text(ui.lang.get())}
                            </button>
                        </div>
                    </div>
                    <div class="drop-overlay" aria-hidden="true">{move || t().drop_here}</div>
                    <div class="actions">
                        <button id="analyse" type="button" class="primary" on:click=move |_| ui.analyse_now()>
                            {move || t().analyse}
                        </button>
                        <button id="exemple" type="button" on:click=on_example>
                            {move || t().example}
                        </button>
                        // The file input covers its label: the whole button is its target.
                        <label class="button file-button">
                            {move || t().open_file}
                            <input id="fichier" class="file-input" type="file"
                                accept=".txt,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown"
                                on:change=on_file />
                        </label>
                        <button id="effacer" type="button" class="quiet"
                            aria-expanded=move || ui.confirm_clear.get().to_string()
                            aria-controls="confirm-clear"
                            on:click=move |_| ui.confirm_clear.update(|c| *c = !*c)>
                            {move || t().clear}
                        </button>
                    </div>
                    <div id="confirm-clear" class="confirm" role="group" aria-label=move || t().clear
                        hidden=move || !ui.confirm_clear.get()>
                        <p>{move || t().clear_question}</p>
                        <button id="effacer-oui" type="button" class="danger" on:click=move |_| do_clear()>
                            {move || t().clear_yes}
                        </button>
                        <button id="effacer-non" type="button" on:click=move |_| ui.confirm_clear.set(false)>
                            {move || t().clear_no}
                        </button>
                    </div>
                    <p class="hint">{move || t().hint}</p>
                </div>
                // The result panel, where a text that arrives whole brings the reader (`land`):
                // messages, the layer toolbar (the legend), then the highlighted text.
                <section id="reader" class="reader" aria-labelledby="reader-heading">
                    <div id="status" class="status" role="status" aria-live="polite">
                        // Stable nodes: only the texts change. Screen readers hear the phase (its
                        // text changes twice), not every percentage.
                        <Show when=move || ui.progress.get().is_some()>
                            <p class="progress">
                                <span aria-hidden="true">{move || {
                                    let lang = ui.lang.get();
                                    match ui.progress.get() {
                                        Some(Progress::Analysing { bytes, estimate_ms }) => i18n::analysing(lang, bytes, estimate_ms),
                                        Some(Progress::Rendering(pct)) => i18n::rendering(lang, pct),
                                        None => String::new(),
                                    }
                                }}</span>
                                <span class="sr-only">{move || {
                                    let lang = ui.lang.get();
                                    match ui.progress.get() {
                                        Some(Progress::Analysing { bytes, estimate_ms }) => i18n::analysing(lang, bytes, estimate_ms),
                                        Some(Progress::Rendering(_)) => i18n::rendering(lang, 0).replace(" 0\u{a0}%", "").replace(" 0%", ""),
                                        None => String::new(),
                                    }
                                }}</span>
                                <progress max="100" aria-hidden="true"
                                    value=move || match ui.progress.get() {
                                        Some(Progress::Rendering(pct)) => Some(pct.to_string()),
                                        _ => None,
                                    }></progress>
                            </p>
                        </Show>
                        {move || ui.head.get().and_then(|h| h.analysis.truncated).map(|tr| view! {
                            <p class="notice notice-warn truncated">
                                {i18n::truncated(ui.lang.get(), tr.analysed.end, tr.total_bytes)}
                            </p>
                        })}
                        {move || ui.head.get().and_then(|h| i18n::ResultNote::of_head(&h)).map(|n| {
                            let cls = if n.is_warning() { "notice notice-warn result-note" } else { "notice notice-info result-note" };
                            view! { <p class=cls>{n.text(ui.lang.get())}</p> }
                        })}
                        {move || ui.notice.get().map(|n| {
                            let cls = match n.level {
                                Level::Info => "notice notice-info",
                                Level::Warn => "notice notice-warn",
                                Level::Error => "notice notice-error",
                            };
                            let text = n.text(ui.lang.get());
                            view! {
                                <p class=cls>
                                    <span>{text}</span>
                                    {n.undo.then(|| view! {
                                        " " <button id="retablir" type="button" class="link" on:click=undo>
                                            {match ui.lang.get() { Lang::Fr => "Rétablir le texte précédent", Lang::En => "Restore the previous text" }}
                                        </button>
                                    })}
                                </p>
                            }
                        })}
                    </div>
                    <div class="reader-head">
                        <h2 id="reader-heading">{move || t().result_label}</h2>
                        <p id="stats" class="stats">
                            {move || ui.head.get().map(|h| i18n::stats_line(ui.lang.get(), &h.analysis))}
                        </p>
                        <library::KeepButton ui=ui />
                    </div>
                    <fieldset class="layers">
                        <legend>{move || t().layers}</legend>
                        <div class="layer-list">
                            {Kind::ALL.into_iter().map(|k| {
                                let id = format!("layer-{}", k.id());
                                let for_id = id.clone();
                                view! {
                                    // A toggle chip: the check box covers the chip (its target), the
                                    // name is drawn in the layer's own style (the legend).
                                    <label class=format!("layer layer-{}", k.id()) for=for_id>
                                        <input type="checkbox" id=id
                                            prop:checked=move || !ui.hidden.get().contains(k)
                                            on:change=move |_| {
                                                set_hidden(ui, ui.hidden.get_untracked().toggled(k))
                                            } />
                                        <span class="check" aria-hidden="true"></span>
                                        <span class="layer-name">{move || i18n::kind_name(ui.lang.get(), k)}</span>
                                        <span class="layer-count">{move || layer_counts()[k as usize]}</span>
                                        <span class="layer-style">{move || i18n::kind_style(ui.lang.get(), k)}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </div>
                        <p class="keys-help">{move || t().keys_help}</p>
                    </fieldset>
                    <article id="result" class=move || format!("result {}", ui.hidden.get().classes())
                        data-analysis-state="idle" aria-busy="false" tabindex="-1"
                        aria-label=move || t().result_label
                        on:blur=move |ev: web_sys::FocusEvent| {
                            if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                                let _ = el.class_list().remove_1("landed");
                            }
                        }
                        on:focusin=on_result_focus
                        on:click=on_result_click
                        on:keydown=on_result_key>
                        <Show when=move || ui.head.get().is_none() && !ui.busy.get()>
                            <p class="empty">{move || t().empty_result}</p>
                        </Show>
                        <div id=view::DOC_ID class="doc"></div>
                    </article>
                </section>
            </div>
            <aside id="card" class="card" aria-labelledby="card-heading" tabindex="-1">
                <h2 id="card-heading">{move || t().card_heading}</h2>
                <card::Card ui=ui />
            </aside>
        </main>
        {move || later.get().then(|| untrack(|| view! {
            <library::Library ui=ui />
            <popover::Popover ui=ui />
        }))}
        <footer class="site-footer">
            <p>{move || t().footer}</p>
        </footer>
    }
}

/// « 412 mots · 2 min de lecture · 17 entités » (French).
pub fn stats_line(a: &crate::schema::Analysis) -> String {
    i18n::stats_line(Lang::Fr, a)
}

/// An ISO 8601 date written the French way.
pub fn french_date(iso: &str) -> String {
    i18n::date_label(Lang::Fr, iso)
}
