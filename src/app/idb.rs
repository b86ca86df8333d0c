//! The library's storage: the browser's IndexedDB through web-sys (no wrapper crate), as a few
//! async functions. Database `loupe`, version 1, two object stores with out-of-line keys (the
//! article's id): `meta` (the [`Meta`] as a JSON string: the list reads only these) and `body`
//! (`{text, analysis}`, both strings). Writes of several articles go in one transaction, so an
//! import adds every article or none.
//!
//! Where IndexedDB is missing or refused (private browsing in some browsers, a sandboxed or
//! third-party frame, the user's settings) every call answers [`DbError::Unavailable`]; a write
//! over the quota answers [`DbError::Full`] and changes nothing.

use crate::ui::libfile::{self, Meta};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB: &str = "loupe";
const META: &str = "meta";
const BODY: &str = "body";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbError {
    /// No storage here (blocked, missing, or failing at every call).
    Unavailable,
    /// Over the quota: nothing was written.
    Full,
}

thread_local! {
    /// A global on purpose: the one connection to the origin's IndexedDB database, opened once
    /// and shared (a cache of a process-wide resource, not app state).
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// What a DOM error means for the reader.
fn classify(e: &JsValue) -> DbError {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    web_sys::console::warn_1(&format!("Loupe: library storage: {name} {e:?}").into());
    if name == "QuotaExceededError" {
        DbError::Full
    } else {
        DbError::Unavailable
    }
}

/// Waits for a request's `success` (its result) or `error`.
async fn done(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let p = js_sys::Promise::new(&mut |resolve, reject| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_ev: JsValue| {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r = req.clone();
        let err = Closure::once_into_js(move |ev: web_sys::Event| {
            ev.prevent_default();
            let e = r
                .error()
                .ok()
                .flatten()
                .map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(p).await
}

/// Waits for a transaction to commit (or to fail: its error, e.g. `QuotaExceededError`).
async fn committed(tx: &IdbTransaction) -> Result<(), JsValue> {
    let p = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_ev: JsValue| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let t = tx.clone();
        let reject2 = reject.clone();
        let err = Closure::once_into_js(move |_ev: JsValue| {
            let e = t.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject2.call1(&JsValue::NULL, &e);
        });
        let t = tx.clone();
        let abort = Closure::once_into_js(move |_ev: JsValue| {
            let e = t.error().map_or(JsValue::NULL, JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onerror(Some(err.unchecked_ref()));
        tx.set_onabort(Some(abort.unchecked_ref()));
    });
    JsFuture::from(p).await.map(|_| ())
}

/// The database, opened once (created on first use).
async fn db() -> Result<IdbDatabase, DbError> {
    if let Some(d) = OPEN.with(|o| o.borrow().clone()) {
        return Ok(d);
    }
    let factory = web_sys::window()
        .ok_or(DbError::Unavailable)?
        .indexed_db()
        .map_err(|e| classify(&e))?
        .ok_or(DbError::Unavailable)?;
    let req = factory.open_with_u32(DB, 1).map_err(|e| classify(&e))?;
    let r = req.clone();
    let upgrade = Closure::once_into_js(move |_ev: JsValue| {
        if let Some(d) = r
            .result()
            .ok()
            .and_then(|d| d.dyn_into::<IdbDatabase>().ok())
        {
            let names = d.object_store_names();
            for s in [META, BODY] {
                if !names.contains(s) {
                    let _ = d.create_object_store(s);
                }
            }
        }
    });
    req.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let d: IdbDatabase = done(&req)
        .await
        .map_err(|e| classify(&e))?
        .dyn_into()
        .map_err(|_| DbError::Unavailable)?;
    OPEN.with(|o| *o.borrow_mut() = Some(d.clone()));
    Ok(d)
}

fn tx(
    d: &IdbDatabase,
    stores: &[&str],
    mode: IdbTransactionMode,
) -> Result<IdbTransaction, DbError> {
    let names = js_sys::Array::new();
    for s in stores {
        names.push(&JsValue::from_str(s));
    }
    d.transaction_with_str_sequence_and_mode(&names, mode)
        .map_err(|e| classify(&e))
}

/// Whether storage works here at all (opens the database).
pub async fn available() -> Result<(), DbError> {
    db().await.map(|_| ())
}

/// Every kept article's metadata, newest first.
pub async fn list() -> Result<Vec<Meta>, DbError> {
    let d = db().await?;
    let t = tx(&d, &[META], IdbTransactionMode::Readonly)?;
    let store = t.object_store(META).map_err(|e| classify(&e))?;
    let req = store.get_all().map_err(|e| classify(&e))?;
    let all = done(&req).await.map_err(|e| classify(&e))?;
    let mut out: Vec<Meta> = js_sys::Array::from(&all)
        .iter()
        .filter_map(|v| v.as_string())
        .filter_map(|s| Meta::from_json(&s))
        .collect();
    libfile::sort_list(&mut out);
    Ok(out)
}

/// Whether an article of this id is kept.
pub async fn has(id: &str) -> Result<bool, DbError> {
    let d = db().await?;
    let t = tx(&d, &[META], IdbTransactionMode::Readonly)?;
    let store = t.object_store(META).map_err(|e| classify(&e))?;
    let req = store.count_with_key(&id.into()).map_err(|e| classify(&e))?;
    let n = done(&req).await.map_err(|e| classify(&e))?;
    Ok(n.as_f64().unwrap_or(0.0) > 0.0)
}

/// The text and the analysis JSON of a kept article.
pub async fn body(id: &str) -> Result<Option<(String, String)>, DbError> {
    let d = db().await?;
    let t = tx(&d, &[BODY], IdbTransactionMode::Readonly)?;
    let store = t.object_store(BODY).map_err(|e| classify(&e))?;
    let req = store.get(&id.into()).map_err(|e| classify(&e))?;
    let v = done(&req).await.map_err(|e| classify(&e))?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let field = |k: &str| {
        js_sys::Reflect::get(&v, &k.into())
            .ok()
            .and_then(|x| x.as_string())
    };
    Ok(field("text").map(|t| (t, field("analysis").unwrap_or_default())))
}

/// Writes articles (metadata and body), all in one transaction: all or nothing.
pub async fn put(items: &[(Meta, String, String)]) -> Result<(), DbError> {
    let d = db().await?;
    let t = tx(&d, &[META, BODY], IdbTransactionMode::Readwrite)?;
    let meta = t.object_store(META).map_err(|e| classify(&e))?;
    let body = t.object_store(BODY).map_err(|e| classify(&e))?;
    for (m, text, analysis) in items {
        let json = m.to_json(None);
        let b = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&b, &"text".into(), &text.into());
        let _ = js_sys::Reflect::set(&b, &"analysis".into(), &analysis.into());
        let key = JsValue::from_str(&m.id);
        let r = meta
            .put_with_key(&json.into(), &key)
            .and_then(|_| body.put_with_key(&b, &key));
        if let Err(e) = r {
            let _ = t.abort();
            return Err(classify(&e));
        }
    }
    committed(&t).await.map_err(|e| classify(&e))
}

/// Rewrites an article's metadata (a new name).
pub async fn put_meta(m: &Meta) -> Result<(), DbError> {
    let d = db().await?;
    let t = tx(&d, &[META], IdbTransactionMode::Readwrite)?;
    let meta = t.object_store(META).map_err(|e| classify(&e))?;
    let json = m.to_json(None);
    if let Err(e) = meta.put_with_key(&json.into(), &JsValue::from_str(&m.id)) {
        let _ = t.abort();
        return Err(classify(&e));
    }
    committed(&t).await.map_err(|e| classify(&e))
}

/// Deletes an article (metadata and body).
pub async fn delete(id: &str) -> Result<(), DbError> {
    let d = db().await?;
    let t = tx(&d, &[META, BODY], IdbTransactionMode::Readwrite)?;
    let key = JsValue::from_str(id);
    for s in [META, BODY] {
        let store = t.object_store(s).map_err(|e| classify(&e))?;
        if let Err(e) = store.delete(&key) {
            let _ = t.abort();
            return Err(classify(&e));
        }
    }
    committed(&t).await.map_err(|e| classify(&e))
}
