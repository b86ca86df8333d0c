//! The page's client of the analysis *engine*, a separate wasm program (`loupe-engine`, see
//! `src/bin/loupe-engine.rs`) that the page never links. `www/boot.js`, a static script, starts it
//! in a module Web Worker (`www/worker.js`) before the page program has even arrived and leaves
//! it in `window.loupeEngine`; this module adopts that worker and answers with the result cut
//! into parts ([`crate::ui::parts`]). Requests carry a sequence number; at most one is in flight
//! and only the newest waiting one is kept, so stale work is skipped and stale results are
//! dropped. When the worker cannot start, the page loads the engine program itself
//! (`loupeEngine.loadHere()`, a dynamic `import`) and analyses on the main thread (said in the
//! console only). The embed API's whole-analysis requests ([`analyse_json`]) go the same way.
//! Results come in the page's binary form ([`crate::ui::wire`]), read without serde's JSON
//! deserialisers.

use crate::ui::{MAX_ANALYSED_BYTES, PART_BYTES};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker, once it is started (for requests other than analyses: see `compare_view`; the
/// worker answers them once its engine is ready).
pub fn ready_worker() -> Option<web_sys::Worker> {
    ENGINE.with(|e| match e.borrow().as_ref().map(|e| &e.mode) {
        Some(Mode::Ready(w) | Mode::Starting(w)) => Some(w.clone()),
        _ => None,
    })
}

/// Compares 2 to 6 texts with the engine program loaded in the page (where no worker could
/// start): the comparison and its pretty `loupe.comparison/1` JSON (as `loupe compare` prints
/// it), in the page's binary form ([`crate::ui::wire`]).
pub fn compare_here(texts: &[String], ids: &[String]) -> Result<Vec<u8>, String> {
    let m = ENGINE.with(|e| match e.borrow().as_ref().map(|e| &e.mode) {
        Some(Mode::Here(m)) => Some(m.clone()),
        _ => None,
    });
    let m = m.ok_or("the engine is not loaded yet")?;
    let f: js_sys::Function = get(&m, "compare_texts")
        .dyn_into()
        .map_err(|_| "the engine has no compare_texts".to_string())?;
    let arr = |v: &[String]| {
        v.iter()
            .map(|s| JsValue::from_str(s))
            .collect::<js_sys::Array>()
    };
    let out = f
        .call3(
            &m,
            &arr(texts),
            &arr(ids),
            &(MAX_ANALYSED_BYTES as f64).into(),
        )
        .map_err(|e| {
            e.as_string()
                .or_else(|| {
                    js_sys::Reflect::get(&e, &"message".into())
                        .ok()
                        .and_then(|m| m.as_string())
                })
                .unwrap_or_else(|| format!("{e:?}"))
        })?;
    Ok(view_bytes(&out))
}

/// A result, from the worker or from the main-thread fallback.
pub enum Payload {
    /// The head and the parts in the page's binary form ([`crate::ui::wire`]), as `Uint8Array`
    /// views still in JavaScript: each is copied into wasm only when its turn comes
    /// ([`view_bytes`]).
    Wire(Vec<JsValue>),
}

/// The documents of a framed buffer ([`crate::ui::wire::frame`]) as views into it (no copy but
/// the header's).
fn split_frame(v: &JsValue) -> Result<Vec<JsValue>, String> {
    use crate::ui::wire::{frame_header_len, frame_ranges};
    let buf = v
        .dyn_ref::<js_sys::Uint8Array>()
        .ok_or("the engine's answer is not bytes")?;
    let total = buf.length();
    let bad = || "unreadable result from the engine".to_string();
    let n = (total >= 4)
        .then(|| frame_header_len(&buf.subarray(0, 4).to_vec()))
        .flatten()
        .filter(|&n| n <= total as usize)
        .ok_or_else(bad)?;
    let ranges =
        frame_ranges(&buf.subarray(0, n as u32).to_vec(), total as usize).ok_or_else(bad)?;
    Ok(ranges
        .into_iter()
        .map(|(lo, hi)| buf.subarray(lo as u32, hi as u32).into())
        .collect())
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
/// A whole-analysis request of the embed API: its callback gets the `loupe.analysis/1` JSON.
type JsonCallback = Box<dyn FnOnce(Result<String, String>)>;

enum Mode {
    /// Worker created, not ready yet.
    Starting(web_sys::Worker),
    Ready(web_sys::Worker),
    /// No worker: the engine program is being loaded into the page.
    Loading,
    /// No worker: the engine program's exports, loaded into the page.
    Here(JsValue),
    /// Neither a worker nor the engine in the page: every request fails.
    Broken,
}

struct Engine {
    mode: Mode,
    in_flight: Option<(u64, Rc<str>)>,
    waiting: Option<(u64, Rc<str>)>,
    on_reply: Callback,
    /// Receives the worker's `compared` / `compare-error` messages.
    on_compared: Rc<dyn Fn(&JsValue)>,
    /// Whole-analysis requests ([`analyse_json`]) not answered yet, by id: the text, whether it
    /// was sent to the worker, and the callback.
    json: HashMap<u32, (Rc<str>, bool, JsonCallback)>,
    json_next: u32,
    /// Keeps the message handlers alive.
    _handlers: Handlers,
}

thread_local! {
    /// A global on purpose: the engine is the page's one Web Worker (started by `www/boot.js`
    /// before the app, adopted once) or its main-thread fallback, with the worker's message
    /// handlers; it is a process-wide resource, not app state. What the app does with a reply
    /// is the app state's business: the callbacks given to [`init`] capture it.
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &k.into()).unwrap_or(JsValue::UNDEFINED)
}

fn set(o: &js_sys::Object, k: &str, v: &JsValue) {
    let _ = js_sys::Reflect::set(o, &k.into(), v);
}

/// `window.loupeEngine`, left by `www/boot.js`: `{js, wasm, worker, state, error, loadHere}`.
fn boot() -> Option<JsValue> {
    let w: JsValue = web_sys::window()?.into();
    let v = js_sys::Reflect::get(&w, &"loupeEngine".into()).ok()?;
    v.is_object().then_some(v)
}

/// The absolute URLs of the engine's glue JS and wasm, as `www/boot.js` knows them.
fn module_urls() -> Option<(String, String)> {
    let b = boot()?;
    Some((get(&b, "js").as_string()?, get(&b, "wasm").as_string()?))
}

fn warn_fallback(reason: &str) {
    web_sys::console::warn_1(
        &format!("Loupe: analysis worker unavailable ({reason}); analysing on the main thread.")
            .into(),
    );
}

/// The worker cannot start (or died before it was ready): load the engine into the page.
fn fallback(reason: &str) {
    warn_fallback(reason);
    ENGINE.with(|e| {
        if let Some(e) = e.borrow_mut().as_mut() {
            if let Mode::Starting(w) | Mode::Ready(w) = &e.mode {
                w.terminate();
            }
            e.mode = Mode::Loading;
            // Whatever was sent to the dead worker is analysed here.
            if let Some(job) = e.in_flight.take() {
                if e.waiting.is_none() {
                    e.waiting = Some(job);
                }
            }
            for j in e.json.values_mut() {
                j.1 = false;
            }
        }
    });
    load_here();
}

/// Loads the engine program into the page (`loupeEngine.loadHere()`, a dynamic `import`), then
/// gives it the waiting work.
fn load_here() {
    let promise = boot()
        .map(|b| get(&b, "loadHere"))
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&JsValue::UNDEFINED).ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        broken("the engine program cannot be loaded");
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(m) => {
                ENGINE.with(|e| {
                    if let Some(e) = e.borrow_mut().as_mut() {
                        e.mode = Mode::Here(m);
                    }
                });
                pump();
            }
            Err(err) => broken(&format!("{err:?}")),
        }
    });
}

/// No engine at all: said in the console, and every request fails (the page shows an error).
fn broken(reason: &str) {
    web_sys::console::error_1(
        &format!("Loupe: the analysis engine cannot start ({reason}).").into(),
    );
    let (jobs, json) = ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        let Some(e) = e.as_mut() else {
            return (Vec::new(), Vec::new());
        };
        e.mode = Mode::Broken;
        let jobs: Vec<_> = e
            .in_flight
            .take()
            .into_iter()
            .chain(e.waiting.take())
            .collect();
        let json: Vec<_> = e.json.drain().map(|(_, (_, _, cb))| cb).collect();
        (jobs, json)
    });
    for (seq, text) in jobs {
        deliver(Reply {
            seq,
            text,
            analyse_ms: 0.0,
            worker: false,
            result: Err(reason.to_string()),
        });
    }
    for cb in json {
        cb(Err(reason.to_string()));
    }
}

/// Listens to `w` (the page's own handlers: `www/boot.js` keeps only its start-up state).
fn listen(w: &web_sys::Worker) -> Handlers {
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
    vec![on_msg, on_err]
}

/// A new worker for the engine (after a trap: the old module may be broken).
fn spawn() -> Result<(web_sys::Worker, Handlers), String> {
    let (js, wasm) = module_urls().ok_or("no engine program in the page")?;
    let opts = web_sys::WorkerOptions::new();
    opts.set_type(web_sys::WorkerType::Module);
    let w = web_sys::Worker::new_with_options("worker.js", &opts).map_err(|e| format!("{e:?}"))?;
    let handlers = listen(&w);
    let init = js_sys::Object::new();
    set(&init, "type", &"init".into());
    set(&init, "js", &js.into());
    set(&init, "wasm", &wasm.into());
    w.post_message(&init).map_err(|e| format!("{e:?}"))?;
    Ok((w, handlers))
}

/// Starts the engine client; `on_reply` receives every non-stale result. Adopts the worker that
/// `www/boot.js` started (already loading, or ready, by now).
pub fn init(on_reply: impl Fn(Reply) + 'static, on_compared: impl Fn(&JsValue) + 'static) {
    let adopted = boot().and_then(|b| {
        let state = get(&b, "state").as_string().unwrap_or_default();
        let w = get(&b, "worker").dyn_into::<web_sys::Worker>().ok();
        match (state.as_str(), w) {
            ("failed", _) => None,
            // Not started yet (boot.js starts it after the first frame): start one here.
            (_, None) => spawn().ok().map(|(w, h)| {
                let _ = js_sys::Reflect::set(&b, &"worker".into(), &w);
                (Mode::Starting(w), h)
            }),
            (s, Some(w)) => {
                let h = listen(&w);
                Some((
                    if s == "ready" {
                        Mode::Ready(w)
                    } else {
                        Mode::Starting(w)
                    },
                    h,
                ))
            }
        }
    });
    let reason = boot()
        .and_then(|b| get(&b, "error").as_string())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "no worker".into());
    let (mode, handlers, here) = match adopted {
        Some((m, h)) => (m, h, false),
        None => (Mode::Loading, Vec::new(), true),
    };
    ENGINE.with(|e| {
        *e.borrow_mut() = Some(Engine {
            mode,
            in_flight: None,
            waiting: None,
            on_reply: Rc::new(on_reply),
            on_compared: Rc::new(on_compared),
            json: HashMap::new(),
            json_next: 0,
            _handlers: handlers,
        })
    });
    if here {
        warn_fallback(&reason);
        load_here();
    }
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

/// Asks for the whole analysis of `text` (at most `max_bytes`), as `loupe.analysis/1` JSON: the
/// embed API's answer when the rendered one cannot serve. Never dropped as stale.
pub fn analyse_json(text: Rc<str>, done: impl FnOnce(Result<String, String>) + 'static) {
    let failed = ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        match e.as_mut() {
            Some(e) if !matches!(e.mode, Mode::Broken) => {
                let id = e.json_next;
                e.json_next += 1;
                e.json.insert(id, (text, false, Box::new(done)));
                None
            }
            _ => Some(done),
        }
    });
    if let Some(done) = failed {
        done(Err("no analysis engine".into()));
    }
    pump();
}

/// A text as UTF-8 bytes in a buffer to transfer: one memcpy out of wasm memory here, no UTF-16
/// string to build and structured-clone on the main thread (≈ 15 ms for 1 MB); the worker
/// decodes it.
fn bytes_of(text: &str) -> js_sys::Uint8Array {
    js_sys::Uint8Array::from(text.as_bytes())
}

/// Sends the waiting work: the whole-analysis requests, and the waiting analysis if nothing is
/// in flight.
fn pump() {
    enum Job {
        Parts(u64, Rc<str>),
        Json(u32, Rc<str>),
    }
    let jobs: Vec<Job> = ENGINE.with(|e| {
        let mut e = e.borrow_mut();
        let Some(e) = e.as_mut() else {
            return Vec::new();
        };
        match &e.mode {
            Mode::Starting(_) | Mode::Loading | Mode::Broken => Vec::new(),
            Mode::Ready(w) => {
                for (id, (text, sent, _)) in e.json.iter_mut().filter(|(_, j)| !j.1) {
                    let msg = js_sys::Object::new();
                    set(&msg, "type", &"json".into());
                    set(&msg, "id", &(*id).into());
                    let bytes = bytes_of(text);
                    set(&msg, "bytes", &bytes);
                    set(
                        &msg,
                        "max",
                        &(crate::protocol::MAX_TEXT_BYTES as f64).into(),
                    );
                    let _ =
                        w.post_message_with_transfer(&msg, &js_sys::Array::of1(&bytes.buffer()));
                    *sent = true;
                }
                if e.in_flight.is_some() {
                    return Vec::new();
                }
                let Some((seq, text)) = e.waiting.take() else {
                    return Vec::new();
                };
                let msg = js_sys::Object::new();
                set(&msg, "type", &"analyse".into());
                set(&msg, "seq", &(seq as f64).into());
                let bytes = bytes_of(&text);
                set(&msg, "bytes", &bytes);
                set(&msg, "max", &(MAX_ANALYSED_BYTES as f64).into());
                set(&msg, "part", &(PART_BYTES as f64).into());
                let _ = w.post_message_with_transfer(&msg, &js_sys::Array::of1(&bytes.buffer()));
                e.in_flight = Some((seq, text));
                Vec::new()
            }
            Mode::Here(_) => {
                let mut jobs: Vec<Job> = e
                    .json
                    .iter_mut()
                    .filter(|(_, j)| !j.1)
                    .map(|(id, j)| {
                        j.1 = true;
                        Job::Json(*id, j.0.clone())
                    })
                    .collect();
                if e.in_flight.is_none() {
                    if let Some(job) = e.waiting.take() {
                        e.in_flight = Some(job.clone());
                        jobs.push(Job::Parts(job.0, job.1));
                    }
                }
                jobs
            }
        }
    });
    for job in jobs {
        // Let the page paint its « analysing » state first, then analyse here.
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(
                move || match job {
                    Job::Parts(seq, text) => run_here(seq, text),
                    Job::Json(id, text) => json_here(id, &text),
                },
                std::time::Duration::from_millis(0),
            )
        });
    }
}

/// Calls the engine program loaded in the page: `name(first, ...numbers)`.
fn call_here(name: &str, first: &JsValue, nums: &[f64]) -> Result<JsValue, String> {
    let m = ENGINE.with(|e| match e.borrow().as_ref().map(|e| &e.mode) {
        Some(Mode::Here(m)) => Some(m.clone()),
        _ => None,
    });
    let m = m.ok_or("the engine is not loaded")?;
    let f: js_sys::Function = get(&m, name)
        .dyn_into()
        .map_err(|_| format!("the engine has no {name}"))?;
    let args = js_sys::Array::of1(first);
    for n in nums {
        args.push(&(*n).into());
    }
    f.apply(&m, &args).map_err(|e| {
        js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| format!("{e:?}"))
    })
}

fn run_here(seq: u64, text: Rc<str>) {
    let t0 = now();
    let out = call_here(
        "analyze_parts",
        &JsValue::from_str(&text),
        &[MAX_ANALYSED_BYTES as f64, PART_BYTES as f64],
    );
    let ms = now() - t0;
    deliver(Reply {
        seq,
        text,
        analyse_ms: ms,
        worker: false,
        result: out.and_then(|v| split_frame(&v).map(Payload::Wire)),
    });
}

fn json_here(id: u32, text: &str) {
    let out = call_here(
        "analyze_json",
        &JsValue::from_str(text),
        &[crate::protocol::MAX_TEXT_BYTES as f64],
    )
    .map(|v| v.as_string().unwrap_or_default());
    answer_json(id, out);
}

fn answer_json(id: u32, out: Result<String, String>) {
    let cb = ENGINE.with(|e| {
        e.borrow_mut()
            .as_mut()
            .and_then(|e| e.json.remove(&id))
            .map(|j| j.2)
    });
    if let Some(cb) = cb {
        cb(out);
    }
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

/// The bytes of a document from the engine (a `Uint8Array`, or a string's UTF-8).
pub fn view_bytes(v: &JsValue) -> Vec<u8> {
    match v.as_string() {
        Some(s) => s.into_bytes(),
        None => v
            .dyn_ref::<js_sys::Uint8Array>()
            .map(|b| b.to_vec())
            .unwrap_or_default(),
    }
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
            // Views into the one transferred buffer (no copy), one per document.
            let parts = split_frame(&get(&data, "data"));
            let ms = get(&data, "ms").as_f64().unwrap_or(0.0);
            let text = in_flight_text(seq as u64);
            deliver(Reply {
                seq: seq as u64,
                text,
                analyse_ms: ms,
                worker: true,
                result: parts.map(Payload::Wire),
            });
        }
        "json" => {
            let id = get(&data, "id").as_f64().unwrap_or(-1.0) as u32;
            let out = match get(&data, "error").as_string() {
                Some(msg) => Err(msg),
                None => Ok(String::from_utf8_lossy(&view_bytes(&get(&data, "json"))).into_owned()),
            };
            answer_json(id, out);
        }
        "compared" | "compare-error" => {
            let cb = ENGINE.with(|e| e.borrow().as_ref().map(|e| Rc::clone(&e.on_compared)));
            if let Some(cb) = cb {
                cb(&data);
            }
        }
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
    let was_worker = ENGINE.with(|e| {
        e.borrow()
            .as_ref()
            .is_some_and(|e| matches!(e.mode, Mode::Ready(_) | Mode::Starting(_)))
    });
    if !was_worker {
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
                // Whole-analysis requests the old worker had not answered go to the new one.
                for j in e.json.values_mut() {
                    j.1 = false;
                }
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
            .is_some_and(|e| matches!(e.mode, Mode::Starting(_) | Mode::Ready(_)))
    })
}
