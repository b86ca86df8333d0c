//! Small browser services: local storage (never panics where storage is blocked), clipboard,
//! file downloads and raw-DEFLATE (de)compression with the browser's streams.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const DRAFT_KEY: &str = "loupe.draft";
pub const LANG_KEY: &str = "loupe.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// What became of a write to local storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    Saved,
    /// No storage at all here: blocked (a third-party frame, a sandbox, the user's settings) or
    /// refusing every write. Nothing the user can change by shortening the text.
    Unavailable,
    /// Storage works but this value does not fit in the quota.
    Full,
}

/// After a failed write: is storage usable at all (a one-character probe), i.e. was the value
/// simply too large?
fn failure(s: &web_sys::Storage) -> Stored {
    const PROBE: &str = "loupe.probe";
    if s.set_item(PROBE, "1").is_ok() {
        let _ = s.remove_item(PROBE);
        Stored::Full
    } else {
        Stored::Unavailable
    }
}

/// Stores `value`.
pub fn store(key: &str, value: &str) -> Stored {
    let Some(s) = storage() else {
        return Stored::Unavailable;
    };
    if s.set_item(key, value).is_ok() {
        Stored::Saved
    } else {
        failure(&s)
    }
}

/// Stores `value`; false when storage is unavailable or full.
pub fn save(key: &str, value: &str) -> bool {
    store(key, value) == Stored::Saved
}

/// Stores a JavaScript string as is (no copy through wasm memory: a draft can be megabytes).
pub fn store_js(key: &str, value: &JsValue) -> Stored {
    let Some(s) = storage() else {
        return Stored::Unavailable;
    };
    let ok = js_sys::Reflect::get(&s, &"setItem".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .is_some_and(|f| f.call2(&s, &key.into(), value).is_ok());
    if ok {
        Stored::Saved
    } else {
        failure(&s)
    }
}

pub fn remove(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// Copies `text` to the clipboard (async Clipboard API, else a hidden text area and
/// `execCommand("copy")`).
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let clip =
        js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    if !clip.is_undefined() {
        let clip: web_sys::Clipboard = clip.unchecked_into();
        if JsFuture::from(clip.write_text(text)).await.is_ok() {
            return true;
        }
    }
    // Fallback.
    let Some(doc) = w.document() else {
        return false;
    };
    let Ok(ta) = doc.create_element("textarea") else {
        return false;
    };
    let ta: web_sys::HtmlTextAreaElement = ta.unchecked_into();
    ta.set_value(text);
    let _ = ta.set_attribute("readonly", "");
    let _ = ta.set_attribute("style", "position:fixed;top:-1000px;opacity:0");
    let Some(body) = doc.body() else { return false };
    let _ = body.append_child(&ta);
    ta.select();
    let exec = js_sys::Reflect::get(&doc, &"execCommand".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let ok = exec
        .and_then(|f| f.call1(&doc, &"copy".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    ta.remove();
    ok
}

/// Offers `blob` as a download named `name`.
pub fn download(blob: &web_sys::Blob, name: &str) -> bool {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let doc = leptos::prelude::document();
    let Ok(a) = doc.create_element("a") else {
        return false;
    };
    let a: web_sys::HtmlAnchorElement = a.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    let _ = a.set_attribute("hidden", "");
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
    }
    a.click();
    a.remove();
    // Revoke later: the download has started by then.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    true
}

/// Downloads a string as a file of the given MIME type.
pub fn download_text(text: &str, mime: &str, name: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .is_ok_and(|b| download(&b, name))
}

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream` / `DecompressionStream` (bound here: web-sys marks them unstable).
    #[wasm_bindgen(js_name = CompressionStream)]
    type Codec;
    #[wasm_bindgen(constructor, js_class = "CompressionStream", catch)]
    fn compressor(format: &str) -> Result<Codec, JsValue>;
    #[wasm_bindgen(constructor, js_class = "DecompressionStream", catch)]
    fn decompressor(format: &str) -> Result<Codec, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &Codec) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &Codec) -> web_sys::WritableStream;
}

async fn pipe(bytes: &[u8], codec: Codec) -> Result<Vec<u8>, JsValue> {
    let arr = js_sys::Uint8Array::from(bytes);
    let blob = web_sys::Blob::new_with_u8_array_sequence(&js_sys::Array::of1(&arr))?;
    let pair = web_sys::ReadableWritablePair::new(&codec.readable(), &codec.writable());
    let out = blob.stream().pipe_through(&pair);
    let resp = web_sys::Response::new_with_opt_readable_stream(Some(&out))?;
    let buf = JsFuture::from(resp.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Raw-DEFLATE compression; `None` where `CompressionStream` is missing.
pub async fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    pipe(bytes, Codec::compressor("deflate-raw").ok()?)
        .await
        .ok()
}

/// Raw-DEFLATE decompression; `None` on corrupt data or a missing `DecompressionStream`.
pub async fn inflate(bytes: &[u8]) -> Option<Vec<u8>> {
    pipe(bytes, Codec::decompressor("deflate-raw").ok()?)
        .await
        .ok()
}
