//! Embed mode (`?embed=1`): the compact layout for a blog column and the `loupe-embed/1`
//! postMessage API. Browser glue only: every message is validated by the pure
//! [`crate::protocol`] module, and the analysis is the engine's (the separate `loupe-engine`
//! program, through [`super::engine`]): the page links no analysis code.
//!
//! - `<html data-embed="1">` switches the stylesheet to the compact layout (no header or footer,
//!   one narrow column); `<html data-hide="quotes frames">` shows those layers as plain text.
//! - `message` events: the sender's origin is checked against the `?origins=` list, the message
//!   is validated, then answered to that origin only (`*` only for an opaque sender when no list
//!   is configured). Anything else is ignored and logged with `console.warn`.
//! - `analyze`: the text is put in the app ([`super::set_text`]) and analysed by the app state's
//!   own « Analyser » ([`super::Ui::analyse_now`]), the function the button calls; the `result`
//!   answer is the analysis the app then renders (computed in its Web Worker, so the page stays
//!   responsive), taken when `loupe:rendered` fires for that very text. When that cannot be —
//!   the text area changed the text (`\r\n` → `\n`), the app cut it at its own limit, or a newer
//!   request superseded it — the answer is the engine's analysis of the host's exact text
//!   ([`super::engine::analyse_json`]).
//! - A `ResizeObserver` on `<html>` posts `height` each time the content height changes.
//!
//! The app is driven only through its state ([`super::Ui`], reached by Leptos context) and its
//! functions (`set_text`, `Ui::analyse_now`, `set_lang`, `set_hidden`), never by clicking or
//! reading its controls.

use crate::protocol::{self, Command, EmbedConfig, Lang, Layer, Options, Origins, Rejection};
use crate::ui::html::{Hidden, Kind};
use crate::ui::i18n;
use crate::value::Value;
use leptos::prelude::{use_context, GetUntracked};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, Window};

#[wasm_bindgen]
extern "C" {
    /// `ResizeObserver` (declared here: only `new` and `observe` are needed).
    type ResizeObserver;
    #[wasm_bindgen(constructor)]
    fn new(callback: &js_sys::Function) -> ResizeObserver;
    #[wasm_bindgen(method)]
    fn observe(this: &ResizeObserver, target: &Element);
}

struct State {
    document: Document,
    /// `None` when the widget is not inside a frame (nothing to post to).
    parent: Option<Window>,
    origins: Origins,
    /// Where `ready` and `height` go until a host has sent a valid message: the allowed origins,
    /// else the parent's origin when the browser tells it (`location.ancestorOrigins`), else `*`.
    targets: Vec<String>,
    /// The origin of the last valid message: `height` goes there from then on.
    host: Option<String>,
    layers: Vec<Layer>,
    /// The app's state (from the root owner's context): the embed API acts on it, not on the
    /// app's controls.
    ui: super::Ui,
    last_height: u32,
    /// The `analyze` request waiting for the app's rendering of its text.
    pending: Option<Pending>,
    _observer: Option<ResizeObserver>,
}

struct Pending {
    id: Option<Value>,
    source: JsValue,
    origin: String,
    text: String,
}

fn warn(msg: &str) {
    web_sys::console::warn_1(&format!("[loupe-embed] {msg}").into());
}

/// Starts embed mode when the URL asks for it (`?embed=1`); a no-op otherwise. Call after the
/// app is mounted, under the owner that provides the app's state ([`super::Ui`]).
pub fn start() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let cfg = EmbedConfig::from_query(&window.location().search().unwrap_or_default());
    if !cfg.embed {
        return;
    }
    let Some(document) = window.document() else {
        return;
    };
    let Some(ui) = use_context::<super::Ui>() else {
        warn("no app state: embed mode is off");
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    let _ = root.set_attribute("data-embed", "1");
    for w in &cfg.warnings {
        warn(&format!("URL: {w}"));
    }
    let parent = window
        .parent()
        .ok()
        .flatten()
        .filter(|p| !js_sys::Object::is(p.as_ref(), window.as_ref()));
    let targets = match &cfg.origins {
        Origins::Only(list) => list.clone(),
        Origins::Any => vec![ancestor_origin(&window).unwrap_or_else(|| "*".to_string())],
    };
    let state = Rc::new(RefCell::new(State {
        document,
        parent,
        origins: cfg.origins,
        targets,
        host: None,
        layers: Layer::ALL.to_vec(),
        ui,
        last_height: 0,
        pending: None,
        _observer: None,
    }));
    apply_options(&state, &cfg.options);

    let st = state.clone();
    let on_message = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        on_message(&st, &ev);
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
    let st = state.clone();
    let on_rendered = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_rendered(&st));
    let _ = window
        .add_event_listener_with_callback("loupe:rendered", on_rendered.as_ref().unchecked_ref());
    on_rendered.forget();

    if state.borrow().parent.is_some() {
        post_to_host(&state, &protocol::ready_message(None));
        let st = state.clone();
        let on_resize = Closure::<dyn FnMut(JsValue)>::new(move |_| post_height(&st));
        let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref());
        observer.observe(&root);
        on_resize.forget();
        state.borrow_mut()._observer = Some(observer);
    }
}

/// The embedding page's origin when the browser exposes it (Chromium, WebKit), unless opaque.
fn ancestor_origin(window: &Window) -> Option<String> {
    let list = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok()?;
    if list.is_undefined() || list.is_null() {
        return None;
    }
    js_sys::Reflect::get_u32(&list, 0)
        .ok()?
        .as_string()
        .filter(|o| o != "null")
}

fn get(target: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn on_message(state: &Rc<RefCell<State>>, ev: &web_sys::Event) {
    let origin = get(ev, "origin").as_string().unwrap_or_default();
    let source = get(ev, "source");
    if !state.borrow().origins.allows(&origin) {
        warn(&format!(
            "ignored message: {}",
            Rejection::origin_not_allowed(&origin)
        ));
        return;
    }
    let data = get(ev, "data");
    // JSON text of the message, with a cheap length check before copying it into wasm (UTF-16
    // units never outnumber UTF-8 bytes, so a longer string is certainly over the limit).
    let json: Option<js_sys::JsString> = if data.is_string() {
        Some(data.clone().unchecked_into())
    } else if data.is_undefined() || data.is_function() || data.is_symbol() || data.is_bigint() {
        None
    } else {
        js_sys::JSON::stringify(&data).ok()
    };
    let Some(json) = json else {
        warn(&format!(
            "ignored message from {origin}: not-json: not serialisable"
        ));
        return;
    };
    if json.length() as usize > protocol::MAX_MESSAGE_BYTES {
        warn(&format!(
            "ignored message from {origin}: too-large: {} UTF-16 units (limit {} bytes)",
            json.length(),
            protocol::MAX_MESSAGE_BYTES
        ));
        return;
    }
    let command = match protocol::parse(&String::from(json)) {
        Ok(c) => c,
        Err(r) => {
            warn(&format!("rejected message from {origin}: {r}"));
            if r.should_reply() {
                reply(state, &source, &origin, &protocol::error_message(&r));
            }
            return;
        }
    };
    if origin != "null" {
        state.borrow_mut().host = Some(origin.clone());
    }
    match command {
        Command::Ping { id } => reply(
            state,
            &source,
            &origin,
            &protocol::ready_message(id.as_ref()),
        ),
        Command::Configure { id, options } => {
            apply_options(state, &options);
            let (layers, lang) = {
                let st = state.borrow();
                (st.layers.clone(), current_lang(&st.document))
            };
            reply(
                state,
                &source,
                &origin,
                &protocol::configured_message(id.as_ref(), &layers, lang),
            );
        }
        Command::Analyze { id, text, options } => {
            apply_options(state, &options);
            // A request still waiting is answered now, on this thread.
            let superseded = state.borrow_mut().pending.take();
            if let Some(p) = superseded {
                reply_here(state, p);
            }
            let p = Pending {
                id,
                source,
                origin,
                text: text.clone(),
            };
            if text.trim().is_empty() {
                // The app renders nothing for blank text: answer at once (an empty analysis).
                reply_here(state, p);
            } else {
                state.borrow_mut().pending = Some(p);
            }
            let ui = state.borrow().ui;
            show_in_app(ui, &text);
        }
    }
}

/// Answers a pending request with the engine's analysis of its exact text (asked for now).
fn reply_here(state: &Rc<RefCell<State>>, p: Pending) {
    let state = state.clone();
    super::engine::analyse_json(Rc::from(p.text.as_str()), move |out| {
        let result = out.and_then(|json| crate::value::parse(&json).map_err(|e| e.to_string()));
        match result {
            Ok(result) => reply(
                &state,
                &p.source,
                &p.origin,
                &protocol::result_message_value(p.id.as_ref(), result),
            ),
            Err(e) => {
                web_sys::console::error_1(&format!("[loupe-embed] analysis failed: {e}").into())
            }
        }
    });
}

/// The app has rendered a result: if it is the pending request's text, answer with it.
fn on_rendered(state: &Rc<RefCell<State>>) {
    let Some(p) = state.borrow_mut().pending.take() else {
        return;
    };
    // Some(Some(msg)): rendered for this text; Some(None): for this text but not usable as is
    // (cut by the app's own limit); None: another text (older request, or changed by the text area).
    let outcome = state
        .borrow()
        .ui
        .view()
        .with_doc(|d| {
            (d.done && *d.text == *p.text).then(|| {
                d.analysis.truncated.is_none().then(|| {
                    protocol::result_message_value(
                        p.id.as_ref(),
                        crate::ui::json::value(&d.analysis),
                    )
                })
            })
        })
        .flatten();
    match outcome {
        Some(Some(msg)) => reply(state, &p.source, &p.origin, &msg),
        Some(None) => reply_here(state, p),
        None => {
            let input_now = state.borrow().ui.text();
            let shown = state
                .borrow()
                .ui
                .view()
                .with_doc(|d| d.done.then(|| d.text.to_string()))
                .flatten();
            if shown.as_deref() == Some(input_now.as_str()) {
                // The text area holds what was rendered, and it is not the host's text: the
                // text area changed it (line endings). Answer for the host's exact text.
                reply_here(state, p);
            } else {
                // An older rendering: keep waiting for this text's.
                state.borrow_mut().pending = Some(p);
            }
        }
    }
}

fn to_js(msg: &Value) -> JsValue {
    js_sys::JSON::parse(&msg.to_string()).unwrap_or(JsValue::NULL)
}

/// Answers the sender of a message, at its origin only.
fn reply(state: &Rc<RefCell<State>>, source: &JsValue, origin: &str, msg: &Value) {
    let Some(target) = protocol::reply_target(&state.borrow().origins, origin) else {
        return;
    };
    if !source.is_object() {
        return;
    }
    // A `WindowProxy` (the host page, or any window holding a reference to this frame).
    let win: &Window = source.unchecked_ref();
    if let Err(e) = win.post_message(&to_js(msg), &target) {
        warn(&format!("could not answer {origin}: {e:?}"));
    }
}

/// Posts an unsolicited message (`ready`, `height`) to the parent window.
fn post_to_host(state: &Rc<RefCell<State>>, msg: &Value) {
    let st = state.borrow();
    let Some(parent) = &st.parent else {
        return;
    };
    let value = to_js(msg);
    let targets = match &st.host {
        Some(h) => std::slice::from_ref(h),
        None => st.targets.as_slice(),
    };
    // With several allowed origins, the browser delivers only to the one that matches.
    for t in targets {
        let _ = parent.post_message(&value, t);
    }
}

fn post_height(state: &Rc<RefCell<State>>) {
    let height = {
        let st = state.borrow();
        let Some(root) = st.document.document_element() else {
            return;
        };
        root.get_bounding_client_rect().height().ceil().max(0.0) as u32
    };
    if height == state.borrow().last_height {
        return;
    }
    state.borrow_mut().last_height = height;
    post_to_host(state, &protocol::height_message(height));
}

fn apply_options(state: &Rc<RefCell<State>>, options: &Options) {
    if let Some(layers) = &options.layers {
        let st = &mut *state.borrow_mut();
        st.layers = layers.clone();
        if let Some(root) = st.document.document_element() {
            let hidden: Vec<&str> = Layer::ALL
                .iter()
                .filter(|l| !layers.contains(l))
                .map(|l| l.as_str())
                .collect();
            if hidden.is_empty() {
                let _ = root.remove_attribute("data-hide");
            } else {
                let _ = root.set_attribute("data-hide", &hidden.join(" "));
            }
        }
    }
    let ui = state.borrow().ui;
    if let Some(layers) = &options.layers {
        // The app's layers shown exactly when their group is asked for (the toggles follow).
        let hidden = Kind::ALL
            .into_iter()
            .filter(|k| !layers.contains(&k.group()))
            .fold(Hidden::default(), |h, k| h.toggled(k));
        if ui.hidden.get_untracked() != hidden {
            super::set_hidden(ui, hidden);
        }
    }
    if let Some(lang) = options.lang.and_then(|l| i18n::Lang::from_code(l.as_str())) {
        if ui.lang.get_untracked() != lang {
            super::set_lang(ui, lang);
        }
    }
}

/// The interface language, from `<html lang>` (which the app keeps up to date).
fn current_lang(document: &Document) -> Option<Lang> {
    let lang = document
        .document_element()?
        .dyn_into::<HtmlElement>()
        .ok()?
        .lang()
        .to_ascii_lowercase();
    if lang.starts_with("en") {
        Some(Lang::En)
    } else if lang.starts_with("fr") {
        Some(Lang::Fr)
    } else {
        None
    }
}

/// Shows `text` in the app as if pasted, and starts its analysis (the app's « Analyser »).
fn show_in_app(ui: super::Ui, text: &str) {
    super::set_text(ui, text);
    ui.analyse_now();
}
