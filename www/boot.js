// Loupe — starts the analysis engine right after the static shell's first frame, without waiting
// for the page program (the Leptos interface): both download and compile side by side.
//
// The engine is its own wasm program (`loupe-engine`); the page program never links it. Its
// hashed file names are written here by scripts/postbuild.py (Trunk post_build hook). This file
// leaves `window.loupeEngine` for the page (src/app/engine.rs):
//   js, wasm    absolute URLs of the engine's glue and wasm
//   worker      the module Web Worker running it (www/worker.js), or null
//   state       'starting' | 'ready' | 'failed' (what the worker said before the page listened)
//   error       why it failed
//   loadHere()  loads the engine into the page itself (a Promise of its exports), for browsers
//               where a module worker cannot start
// and `window.loupeShellAction`: the last button of the static shell pressed before the app
// started (`data-shell-action`: analyse, exemple, lang), pressed again by the app once it runs.
(() => {
  'use strict';
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element && e.target.closest('[data-shell-action]');
    if (b) window.loupeShellAction = b.dataset.shellAction;
  });
  const base = document.baseURI;
  const eng = {
    js: new URL('__LOUPE_ENGINE_JS__', base).href,
    wasm: new URL('__LOUPE_ENGINE_WASM__', base).href,
    worker: null,
    state: 'starting',
    error: '',
    loadHere: () =>
      import(eng.js).then(async (m) => {
        await m.default({ module_or_path: eng.wasm });
        return m;
      }),
  };
  window.loupeEngine = eng;
  const fail = (msg) => {
    if (eng.state === 'starting') {
      eng.state = 'failed';
      eng.error = msg;
    }
  };
  // After the static shell's first frame (at once in a hidden tab): the HTML and the stylesheet
  // get the bandwidth first. The page program starts the same way (Trunk.toml, pattern_script).
  let started = false;
  const start = () => {
    // The page may have started the worker itself, should it have run first.
    if (started || eng.worker) return;
    started = true;
    spawn();
  };
  if (document.visibilityState === 'hidden') start();
  else requestAnimationFrame(() => setTimeout(start, 0));
  document.addEventListener('visibilitychange', start, { once: true });

  function spawn() {
    try {
      const w = new Worker('worker.js', { type: 'module' });
      w.addEventListener('message', (e) => {
        const d = e.data || {};
        if (d.type === 'ready' && eng.state === 'starting') eng.state = 'ready';
        else if (d.type === 'error' && d.seq === -1) fail(String(d.message));
      });
      w.addEventListener('error', (e) => {
        e.preventDefault();
        fail(e.message || 'worker error');
      });
      w.postMessage({ type: 'init', js: eng.js, wasm: eng.wasm });
      eng.worker = w;
    } catch (e) {
      fail(String((e && e.message) || e));
    }
  }
})();
