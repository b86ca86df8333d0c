// Loupe analysis worker: runs the *engine* program (`loupe-engine`: the analysis core and its
// knowledge base, no interface) off the main thread. The page program never links it.
//
// Protocol (module worker, same origin):
//   page → worker  {type: 'init', js, wasm}        URLs of the engine's glue and wasm (www/boot.js
//                                                  sends it as soon as the HTML is parsed)
//                  {type: 'analyse', seq, bytes, max, part}   bytes: the text in UTF-8 (a
//                                                             transferred Uint8Array)
//                  {type: 'json', id, bytes, max}  the whole `loupe.analysis/1` JSON (embed API);
//                                                  answered in order, never skipped
//                  {type: 'compare', seq, bytes, ends, ids, max}   2–6 texts in one transferred
//                                   Uint8Array, text i ending at ends[i]; ids: their names
//   worker → page  {type: 'ready'}
//                  {type: 'result', seq, data, ms}  data: a transferred Uint8Array in the page's
//                                   binary form (src/ui/wire.rs): a header with the documents'
//                                   ends, then the head, then one document per slice
//                  {type: 'json', id, json} | {type: 'json', id, error}   json: UTF-8 bytes
//                  {type: 'error', seq, message}     seq = -1: the worker could not start
//                  {type: 'compared', seq, data}     the comparison and its loupe.comparison/1
//                                   JSON, in the page's binary form (transferred)
//                  {type: 'compare-error', seq, message}
let glue = null;
let booting = null;
// Only the latest request matters: requests that queued up behind a long analysis are skipped.
let latest = null;
let scheduled = false;

function run() {
  scheduled = false;
  const m = latest;
  latest = null;
  if (!m) return;
  const t0 = performance.now();
  try {
    const text = m.bytes ? new TextDecoder().decode(m.bytes) : m.text;
    // One buffer, transferred: the page receives it without a copy (no megabytes of strings to
    // structured-clone on its main thread) and reads each part's bytes straight into wasm.
    const data = glue.analyze_parts(text, m.max, m.part);
    postMessage({ type: 'result', seq: m.seq, data, ms: performance.now() - t0 }, [data.buffer]);
  } catch (e) {
    // A trap leaves the module in an unknown state: report, the page starts a fresh worker.
    postMessage({ type: 'error', seq: m.seq, message: String(e && e.message || e) });
  }
}

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'init') {
    booting = (async () => {
      const mod = await import(m.js);
      await mod.default({ module_or_path: m.wasm });
      // Build the lexicons now rather than on the first request.
      mod.analyze_parts('', 1, 1);
      glue = mod;
    })();
    try {
      await booting;
      postMessage({ type: 'ready' });
    } catch (err) {
      postMessage({ type: 'error', seq: -1, message: String(err && err.message || err) });
    }
    return;
  }
  if (m.type === 'json') {
    if (booting) {
      try { await booting; } catch { return; }
    }
    try {
      const json = new TextEncoder().encode(glue.analyze_json(new TextDecoder().decode(m.bytes), m.max));
      postMessage({ type: 'json', id: m.id, json }, [json.buffer]);
    } catch (e) {
      postMessage({ type: 'json', id: m.id, error: String(e && e.message || e) });
    }
    return;
  }
  if (m.type === 'compare') {
    if (booting) {
      try { await booting; } catch { return; }
    }
    try {
      const dec = new TextDecoder();
      let lo = 0;
      const texts = m.ends.map((end) => { const t = dec.decode(m.bytes.subarray(lo, end)); lo = end; return t; });
      const data = glue.compare_texts(texts, m.ids, m.max);
      postMessage({ type: 'compared', seq: m.seq, data }, [data.buffer]);
    } catch (e) {
      postMessage({ type: 'compare-error', seq: m.seq, message: String(e && e.message || e) });
    }
    return;
  }
  if (m.type === 'analyse') {
    latest = m;
    if (booting) {
      try { await booting; } catch { return; }
    }
    if (!scheduled) {
      scheduled = true;
      setTimeout(run, 0);
    }
  }
};
