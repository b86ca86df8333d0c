//! Runs the analysis off the main thread: a module Web Worker (`www/worker.js`) loads this same
//! wasm module (found through the `<link rel="modulepreload">` / `<link rel="preload">` that
//! Trunk writes) and answers with the result cut into parts ([`crate::ui::parts`]). Requests
//! carry a sequence number; at most one is in flight and only the newest waiting one is kept, so
//! stale work is skipped and stale results are dropped. When the worker cannot start, the
//! analysis runs on the main thread instead (said in the console only).

use crate::ui::parts::{self, Head, Part};
use crate::ui::{MAX_ANALYSED_BYTES, PART_BYTES};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Analyses at most `max_bytes` of `text` ([`crate::analyze_limited`]) and returns the
/// `loupe.analysis/1` JSON (for embedders and the worker).
#[wasm_bindgen]
pub fn analyze_json(text: &str, max_bytes: usize) -> String {
    crate::analyze_limited(text, max_bytes).to_json()
}

/// Like [`analyze_json`], cut into a head and parts of about `part_bytes` of text
/// ([`crate::ui::parts`]), each as JSON: what the worker sends to the page.
#[wasm_bindgen]
pub fn analyze_parts(text: &str, max_bytes: usize, part_bytes: usize) -> Vec<String> {
    let a = crate::analyze_limited(text, max_bytes);
    let (head, parts) = parts::split(a, text.len(), part_bytes);
    parts::to_json(&head, &parts)
}

/// Compares 2 to 6 texts (`loupe.comparison/1`, [`crate::compare`]): each is analysed as the
/// page analyses it and named by its id. The pretty JSON, as `loupe compare` prints it.
#[wasm_bindgen]
pub fn compare_texts(texts: Vec<String>, ids: Vec<String>) -> Result<String, String> {
    let analyses: Vec<crate::Analysis> = texts
        .iter()
        .map(|t| crate::analyze_limited(t, MAX_ANALYSED_BYTES))
        .collect();
    let named: Vec<(String, &crate::Analysis)> = ids.into_iter().zip(analyses.iter()).collect();
    crate::compare::compare(&named).map(|c| c.to_json_pretty() + "\n")
}

/// The worker, once it is ready (for requests other than analyses: see `compare_view`).
pub fn ready_worker() -> Option<web_sys::Worker> {
    ENGINE.with(|e| match e.borrow().as_ref().map(|e| &e.mode) {
        Some(Mode::Ready(w)) => Some(w.clone()),
        _ => None,
    })
}

/// A result, as JSON from the worker or as values from the main-thread fallback.
pub enum Payload {
    /// JSON documents as UTF-8 bytes (`Uint8Array` views), still in JavaScript: each is copied
    /// into wasm only when its turn comes ([`json_bytes`]).
    Json(Vec<JsValue>),
    Native(Box<Head>, Vec<Part>),
}

pub struct Reply {
    pub seq: u64,
    pub text: Rc<str>,
    /// Milliseconds spent analysing (in the worker, or on the main thread).
    pub analyse_ms: f64,
    pub worker: bool,
    pub result: Result<Payload, String>,
}

type Callback = Rc<dyn Fn(Reply)>;
/// The worker's message handlers, kept alive with it.
type Handlers = Vec<Closure<dyn FnMut(web_sys::MessageEvent)>>;

enum Mode {
    /// Worker created, not ready yet.
    Starting(web_sys::Worker),
    Ready(web_sys::Worker),
    /// No worker: analyse on the main thread.
    Fallback,
}

struct Engine {
    mode: Mode,
    in_flight: Option<(u64, Rc<str>)>,
    waiting: Option<(u64, Rc<str>)>,
    on_reply: Callback,
    /// Keeps the message handlers alive.
    _handlers: Handlers,
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// The absolute URLs of the glue JS and the wasm, from the links Trunk wrote in the page.
fn module_urls() -> Option<(String, String)> {
    let doc = web_sys::window()?.document()?;
    let href = |sel: &str| -> Option<String> {
        let el = doc.query_selector(sel).ok()??;
        let v = js_sys::Reflect::get(&el, &"href".into())
            .ok()?
            .as_string()?;
        (!v.is_empty()).then_some(v)
    };
    Some((
        href("link[rel=modulepreload][href$='.js']")?,
        href("link[rel=preload][href$='.wasm']")?,
    ))
}

fn fallback(reason: &str) {
    web_sys::console::warn_1(
        &format!("Loupe: analysis worker unavailable ({reason}); analysing on the main thread.")
            .into(),
    );
    ENGINE.with(|e| {
        if let Some(e) = e.borrow_mut().as_mut() {
            if let Mode::Starting(w) | Mode::Ready(w) = &e.mode {
                w.terminate();
            }
            e.mode = Mode::Fallback;
            // Whatever was sent to the dead worker is analysed here.
            if let Some(job) = e.in_flight.take() {
                if e.waiting.is_none() {
                    e.waiting = Some(job);
                }
            }
        }
    });
    pump();
}

fn spawn() -> Result<(web_sys::Worker, Handlers), String> {
    let (js, wasm) = module_urls().ok_or("no module links in the page")?;
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let w = web_sys::Worker::new_with_options("worker.js", &opts).map_err(|e| format!("{e:?}"))?;
    let on_msg = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        on_message(ev.data());
    });
    w.set_onmessage(Some(on_msg.as_ref().unchecked_ref()));
    let on_err = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|ev: web_sys::MessageEvent| {
        ev.prevent_default();
        let msg = js_sys::Reflect::get(&ev, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "worker error".into());
        worker_died(msg);
    });
    w.set_onerror(Some(on_err.as_ref().unchecked_ref()));
    let init = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&init, &k.into(), v);
    };
    set("type", &"init".into());
    set("js", &js.into());
    set("wasm", &wasm.into());
    w.post_message(&init).map_err(|e| format!("{e:?}"))?;
    Ok((w, vec![on_msg, on_err]))
}

/// Starts the engine; `on_reply` receives every non-stale result.
pub fn init(on_reply: impl Fn(Reply) + 'static) {
    let (mode, handlers) = match spawn() {
        Ok((w, h)) => (Mode::Starting(w), h),
        Err(e) => {
            web_sys::console::warn_1(
                &format!("Loupe: analysis worker unavailable ({e}); analysing on the main thread.")
                    .into(),
            );
            (Mode::Fallback, Vec::new())
        }
    };
    ENGINE.with(|e| {
        *e.borrow_mut() = Some(Engine {
            mode,
            in_flight: None,
            waiting: None,
            on_reply: Rc::new(on_reply),
            _handlers: handlers,
        })
    });
}

/// Asks for the analysis of `text`; any older waiting request is forgotten.
pub fn analyse(seq: u64, text: Rc<str>) {
    ENGINE.with(|e| {
        if let Some(e) = e.borrow_mut().as_mut() {
            e.waiting = Some((seq, text));
        }
    });
    pump();
}

/// Sends the waiting request if nothing is in flight.
fn pump() {
    let job = ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        let e = e.as_mut()?;
        if e.in_flight.is_some() {
            return None;
        }
        match &e.mode {
            Mode::Starting(_) => None,
            Mode::Ready(w) => {
                let (seq, text) = e.waiting.take()?;
                let msg = js_sys::Object::new();
                let set = |k: &str, v: &JsValue| {
                    let _ = js_sys::Reflect::set(&msg, &k.into(), v);
                };
                set("type", &"analyse".into());
                set("seq", &(seq as f64).into());
                // The text as UTF-8 bytes in a transferred buffer: one memcpy out of wasm memory
                // here, no UTF-16 string to build and structured-clone on the main thread
                // (≈ 15 ms for 1 MB); the worker decodes it.
                let bytes = js_sys::Uint8Array::from(text.as_bytes());
                set("bytes", &bytes);
                set("max", &(MAX_ANALYSED_BYTES as f64).into());
                set("part", &(PART_BYTES as f64).into());
                let transfer = js_sys::Array::of1(&bytes.buffer());
                let _ = w.post_message_with_transfer(&msg, &transfer);
                e.in_flight = Some((seq, text));
                None
            }
            Mode::Fallback => {
                let job = e.waiting.take()?;
                e.in_flight = Some(job.clone());
                Some(job)
            }
        }
    });
    if let Some((seq, text)) = job {
        // Let the page paint its « analysing » state first, then analyse here.
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(
                move || run_here(seq, text),
                std::time::Duration::from_millis(0),
            )
        });
    }
}

fn run_here(seq: u64, text: Rc<str>) {
    let t0 = now();
    let a = crate::analyze_limited(&text, MAX_ANALYSED_BYTES);
    let (head, parts) = parts::split(a, text.len(), PART_BYTES);
    let ms = now() - t0;
    deliver(Reply {
        seq,
        text,
        analyse_ms: ms,
        worker: false,
        result: Ok(Payload::Native(Box::new(head), parts)),
    });
}

fn deliver(reply: Reply) {
    let cb = ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        let e = e.as_mut()?;
        if e.in_flight.as_ref().is_some_and(|(s, _)| *s == reply.seq) {
            e.in_flight = None;
        }
        // A newer request is waiting: this result is stale.
        let stale = e.waiting.is_some();
        (!stale).then(|| e.on_reply.clone())
    });
    if let Some(cb) = cb {
        cb(reply);
    }
    pump();
}

/// The bytes of a JSON document from the worker (a `Uint8Array`, or a string).
pub fn json_bytes(v: &JsValue) -> Vec<u8> {
    match v.as_string() {
        Some(s) => s.into_bytes(),
        None => v
            .dyn_ref::<js_sys::Uint8Array>()
            .map(|b| b.to_vec())
            .unwrap_or_default(),
    }
}

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

fn on_message(data: JsValue) {
    let ty = get(&data, "type").as_string().unwrap_or_default();
    let seq = get(&data, "seq").as_f64().unwrap_or(-1.0);
    match ty.as_str() {
        "ready" => {
            ENGINE.with(|e| {
                if let Some(e) = e.borrow_mut().as_mut() {
                    if let Mode::Starting(w) = &e.mode {
                        e.mode = Mode::Ready(w.clone());
                    }
                }
            });
            pump();
        }
        "result" => {
            // Views into the one transferred buffer (no copy), one per JSON document.
            let json: js_sys::Uint8Array = get(&data, "json").unchecked_into();
            let mut lo = 0;
            let parts: Vec<JsValue> = js_sys::Array::from(&get(&data, "ends"))
                .iter()
                .map(|end| {
                    let hi = end.as_f64().unwrap_or(0.0) as u32;
                    let part = json.subarray(lo, hi);
                    lo = hi;
                    part.into()
                })
                .collect();
            let ms = get(&data, "ms").as_f64().unwrap_or(0.0);
            let text = in_flight_text(seq as u64);
            deliver(Reply {
                seq: seq as u64,
                text,
                analyse_ms: ms,
                worker: true,
                result: Ok(Payload::Json(parts)),
            });
        }
        "compared" | "compare-error" => super::compare_view::on_worker_message(&data),
        "error" if seq < 0.0 => fallback(&get(&data, "message").as_string().unwrap_or_default()),
        "error" => {
            let msg = get(&data, "message").as_string().unwrap_or_default();
            web_sys::console::error_1(&format!("Loupe: the analysis failed: {msg}").into());
            let text = in_flight_text(seq as u64);
            restart();
            deliver(Reply {
                seq: seq as u64,
                text,
                analyse_ms: 0.0,
                worker: true,
                result: Err(msg),
            });
        }
        _ => {}
    }
}

fn in_flight_text(seq: u64) -> Rc<str> {
    ENGINE.with(|e| {
        e.borrow()
            .as_ref()
            .and_then(|e| e.in_flight.as_ref())
            .filter(|(s, _)| *s == seq)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| Rc::from(""))
    })
}

/// Replaces a worker whose module may be broken (after a trap).
fn restart() {
    let was_ready = ENGINE.with(|e| {
        e.borrow()
            .as_ref()
            .is_some_and(|e| matches!(e.mode, Mode::Ready(_) | Mode::Starting(_)))
    });
    if !was_ready {
        return;
    }
    match spawn() {
        Ok((w, h)) => ENGINE.with(|e| {
            if let Some(e) = e.borrow_mut().as_mut() {
                if let Mode::Starting(old) | Mode::Ready(old) = &e.mode {
                    old.terminate();
                }
                e.mode = Mode::Starting(w);
                e._handlers = h;
            }
        }),
        Err(err) => fallback(&err),
    }
}

/// The worker died (script error, out of memory): fall back before it was ever ready,
/// otherwise report the request as failed and start a new worker.
fn worker_died(msg: String) {
    let starting = ENGINE.with(|e| {
        e.borrow()
            .as_ref()
            .is_some_and(|e| matches!(e.mode, Mode::Starting(_)))
    });
    if starting {
        fallback(&msg);
        return;
    }
    let job = ENGINE.with(|e| e.borrow().as_ref().and_then(|e| e.in_flight.clone()));
    restart();
    if let Some((seq, text)) = job {
        deliver(Reply {
            seq,
            text,
            analyse_ms: 0.0,
            worker: true,
            result: Err(msg),
        });
    }
}

/// True when analyses run in the worker.
pub fn uses_worker() -> bool {
    ENGINE.with(|e| {
        e.borrow()
            .as_ref()
            .is_some_and(|e| !matches!(e.mode, Mode::Fallback))
    })
}
