// Browser budgets for scripts/bench.sh (not a test: CI does not run it). Headless system
// Chromium through playwright-core, the release build in LOUPE_DIST (default ../../dist) served
// brotli-compressed by a tiny Node static server.
//
//   node bench.mjs [--runs N]      prints one `ROW<TAB>metric<TAB>value<TAB>target<TAB>status` per
//                                  measure (status PASS, MISS or - when there is no target)
//   node bench.mjs --no-memory     skips the 5 MB memory measure (quicker)
//   node bench.mjs --trace FILE    also records a Chrome trace of the first 1 MB run in FILE (open
//                                  it in DevTools' Performance panel) and prints, for every
//                                  main-thread task ≥ 50 ms, what it spent its time on
//
// Measures:
// - first-load transfer of the whole app: every body byte the server sent (brotli) until the app
//   is ready and the network is idle (page, Web Worker, service worker included), cross-checked
//   with Resource Timing's encodedBodySize;
// - paste → highlights for 10 KB, 100 KB, 1 MB: from the analysis request to the
//   `loupe:rendered` event (fallback: #result[data-analysis-state=done], then #card .card-title),
//   median of N runs, each with a different text;
// - longest main-thread task during the 1 MB analysis (PerformanceObserver 'longtask') and the
//   longest gap between animation frames;
// - memory for a 5 MB article: renderer process peak RSS (CDP SystemInfo + /proc), JS heap
//   (CDP Performance.getMetrics), wasm memory of the page's module.
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { brotliCompressSync, constants as zc } from 'node:zlib';
import path from 'node:path';
import { DIST, launch } from './harness.mjs';

const RUNS = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const NO_MEMORY = process.argv.includes('--no-memory');
const TRACE = process.argv.includes('--trace') ? process.argv[process.argv.indexOf('--trace') + 1] : null;
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8',
  'blink', 'blink.user_timing', 'disabled-by-default-v8.gc', 'v8.execute', 'loading'];
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.webmanifest', '.txt']);

/** Static server for `dir`: precompressed `.br` when present, else brotli (q 11) on the fly. */
function brotliServer(dir) {
  const cache = new Map();
  const sent = [];
  const server = createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      sent.push({ path: rel, bytes: 0, status: 404 });
      return;
    }
    const ext = path.extname(file);
    const headers = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'max-age=3600' };
    let body;
    if (COMPRESSIBLE.has(ext)) {
      if (!cache.has(file)) {
        cache.set(file, existsSync(`${file}.br`) ? readFileSync(`${file}.br`)
          : brotliCompressSync(readFileSync(file), { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } }));
      }
      body = cache.get(file);
      headers['Content-Encoding'] = 'br';
      headers.Vary = 'Accept-Encoding';
    } else {
      body = readFileSync(file);
    }
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') { res.end(); return; }
    res.end(body);
    sent.push({ path: rel, bytes: body.length, status: 200, acceptBr: /\bbr\b/.test(req.headers['accept-encoding'] ?? '') });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`, sent, close: () => server.close(),
  })));
}

const rows = [];
function row(metric, value, target, pass) {
  const status = pass === undefined ? '-' : pass ? 'PASS' : 'MISS';
  rows.push([metric, value, target ?? '-', status]);
  console.log(['ROW', metric, value, target ?? '-', status].join('\t'));
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;
const ms = (n) => `${Math.round(n)} ms`;
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** A French article of about `bytes` UTF-8 bytes, paragraphs distinct by `tag`. */
function makeText(bytes, tag) {
  const paras = [
    'Le président russe Vladimir Poutine a reçu mardi à Moscou son homologue turc Recep Tayyip Erdogan. « Nous refusons toute ingérence étrangère dans nos affaires intérieures », a déclaré M. Poutine lors d’une conférence de presse.',
    'Selon l’Organisation des pays exportateurs de pétrole (OPEP), la demande reste forte. La Commission européenne s’oppose à tout contournement des sanctions et accuse Moscou d’utiliser le gaz comme une arme politique.',
    'Le ministre chinois des Affaires étrangères Wang Yi a salué le 16 juillet 2020 à Pékin une coopération mutuellement bénéfique et un monde multipolaire, tandis que l’OTAN dénonce la révolution de couleur.',
  ];
  const out = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const p = `${paras[i % paras.length]} (${tag}-${i})\n\n`;
    out.push(p);
    n += Buffer.byteLength(p);
  }
  return out.join('');
}

/** Analyses `text` in the page as a paste followed by « Analyser » would; returns timings. */
async function timedAnalysis(page, text, { probes = false } = {}) {
  return page.evaluate(async ({ text, probes }) => {
    const result = document.querySelector('#result');
    const probe = { longtasks: [], maxGap: 0 };
    let t0 = performance.now();
    let obs = null;
    let rafStop = false;
    if (probes) {
      try {
        obs = new PerformanceObserver((l) => {
          for (const e of l.getEntries()) probe.longtasks.push([Math.round(e.startTime - t0), Math.round(e.duration)]);
        });
        obs.observe({ type: 'longtask' });
      } catch { probe.noLongtask = true; }
      let last = performance.now();
      const tick = (t) => {
        probe.maxGap = Math.max(probe.maxGap, t - last);
        last = t;
        if (!rafStop) requestAnimationFrame(tick);
      };
      requestAnimationFrame((t) => { last = t; requestAnimationFrame(tick); });
    }
    const ta = document.querySelector('#input');
    let sawBusy = false;
    const done = new Promise((resolve) => {
      const t0ref = { detail: null };
      window.addEventListener('loupe:rendered', (e) => { t0ref.detail = e.detail; resolve({ how: 'event', detail: e.detail, t: performance.now() }); }, { once: true });
      const mo = new MutationObserver(() => {
        const st = result.dataset.analysisState;
        if (st === 'busy') sawBusy = true;
        if (st === 'done' && sawBusy) setTimeout(() => resolve({ how: 'state', t: performance.now() }), 0);
      });
      mo.observe(result, { attributes: true, attributeFilter: ['data-analysis-state'] });
      // Fallback for a build without the contract: the card title appears.
      const title0 = document.querySelector('#card .card-title')?.textContent;
      const poll = setInterval(() => {
        const title = document.querySelector('#card .card-title')?.textContent;
        if (result.dataset.analysisState === undefined && title && title !== title0
          && document.querySelector('#result mark.ent')) {
          clearInterval(poll);
          resolve({ how: 'card-title', t: performance.now() });
        }
      }, 20);
    });
    await new Promise((res) => setTimeout(res, 100));
    t0 = performance.now();
    ta.value = text;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    document.querySelector('#analyse').click();
    const r = await done;
    // Let the last frames land before reading the probes.
    await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 50)));
    rafStop = true;
    obs?.disconnect();
    return {
      total: r.t - t0, how: r.how, detail: r.detail ?? null, marks: document.querySelectorAll('#result mark.ent').length,
      longest: Math.max(0, ...probe.longtasks.map(([, d]) => d)), longtasks: probe.longtasks.length, tasks: probe.longtasks,
      states: null,
      maxGap: probe.maxGap, noLongtask: !!probe.noLongtask,
    };
  }, { text, probes });
}

/**
 * Prints, for each main-thread task of the page's renderer ≥ 50 ms in the trace `file`, its
 * duration and where its time went: self time per event name (Layout, UpdateLayoutTree,
 * FunctionCall, MajorGC, …), the largest first.
 */
function summariseTrace(file) {
  const { traceEvents: ev } = JSON.parse(readFileSync(file, 'utf8'));
  const mains = new Set(ev.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map();
  for (const e of ev) {
    const k = `${e.pid}:${e.tid}`;
    if (!mains.has(k) || e.ph !== 'X' || e.dur === undefined) continue;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const tasks = list.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
    for (const t of tasks) {
      if (t.dur < 50_000) continue;
      // Self time of each event nested in the task (complete events nest by time).
      const inside = list.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
      const self = new Map();
      const stack = [];
      for (const e of inside) {
        while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
        if (stack.length) stack.at(-1).self -= e.dur;
        const node = { ts: e.ts, dur: e.dur, name: e.name, self: e.dur };
        stack.push(node);
        e.__node = node;
      }
      for (const e of inside) self.set(e.name, (self.get(e.name) ?? 0) + e.__node.self);
      const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8)
        .map(([n, us]) => `${n} ${Math.round(us / 1000)} ms`).join(', ');
      console.error(`[trace] ${k} task ${Math.round(t.dur / 1000)} ms: ${top}`);
    }
  }
  console.error(`[trace] written to ${file}`);
}

async function main() {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`no build in ${DIST}`);
  const server = await brotliServer(path.resolve(DIST));
  const browser = await launch();
  try {
    // ---- first load ----------------------------------------------------------------------------
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
    });
    const t0 = Date.now();
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForSelector('#analyse');
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1500); // the worker and a service worker fetch what they need
    const loadMs = Date.now() - t0;
    const firstLoad = server.sent.filter((s) => s.status === 200);
    const wire = firstLoad.reduce((a, s) => a + s.bytes, 0);
    const unique = new Map();
    for (const s of firstLoad) if (!unique.has(s.path)) unique.set(s.path, s.bytes);
    const total = [...unique.values()].reduce((a, b) => a + b, 0);
    const rt = await page.evaluate(() => performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
      .reduce((a, e) => a + (e.encodedBodySize || 0), 0));
    const brAdvertised = firstLoad.some((s) => s.acceptBr);
    for (const [p, b] of unique) console.error(`[bench] first load: ${p} ${b} B (brotli)`);
    row('first-load transfer, whole app (brotli, each file once)', `${kb(total)} (${unique.size} files; the page itself ${kb(rt)}; `
      + `${kb(wire)} on the wire with the service worker's precache re-fetching ${firstLoad.length - unique.size} files)`,
    '≤ 420 KB', total <= 420 * 1024);
    // The same bytes by part (issue 14): what paints, the page program, the engine program.
    const part = (re) => [...unique].filter(([p]) => re.test(p.replace(/^\//, '')));
    const sum = (list) => list.reduce((a, [, b]) => a + b, 0);
    const names = (list) => list.map(([p]) => p.replace(/^\//, '').replace(/-[0-9a-f]{12,}/, '-…')).join(' + ');
    const paint = part(/^(index\.html|style-[0-9a-f]+\.css)$/);
    const pageProg = part(/^(loupe-[0-9a-f]+(_bg\.wasm|\.js)|boot\.js|pwa-[0-9a-f]+\.js)$/);
    const engineProg = part(/^(loupe-engine-[0-9a-f]+(_bg\.wasm|\.js)|worker\.js)$/);
    row('first paint: HTML + CSS (brotli)', `${kb(sum(paint))} (${names(paint)})`, '≤ 15 KB', sum(paint) <= 15 * 1024);
    row('page program: wasm + JS (brotli)', `${kb(sum(pageProg))} (${names(pageProg)})`, '≤ 170 KB', sum(pageProg) <= 170 * 1024);
    if (engineProg.some(([p]) => p.includes('loupe-engine'))) {
      row('engine program: wasm + JS (brotli)', `${kb(sum(engineProg))} (${names(engineProg)})`, '≤ 260 KB', sum(engineProg) <= 260 * 1024);
    } else {
      row('engine program: wasm + JS (brotli)', 'no separate engine (one module for page and worker)', '≤ 260 KB', false);
    }
    if (!brAdvertised) console.error('[bench] note: Chromium did not advertise br over http; the server sent br anyway');
    console.error(`[bench] first load took ${loadMs} ms`);

    // Warm-up: lexicons built, worker started.
    await timedAnalysis(page, makeText(2_000, 'warm'));

    // ---- paste → highlights ---------------------------------------------------------------------
    const targets = { 10_000: 100, 100_000: 1000, 1_000_000: 3000 };
    let probe1mb = null;
    for (const size of [10_000, 100_000, 1_000_000]) {
      const times = [];
      let last = null;
      for (let r = 0; r < RUNS; r++) {
        const text = makeText(size, `r${r}`);
        const tracing = TRACE && size === 1_000_000 && r === 0;
        if (tracing) await browser.startTracing(page, { path: TRACE, categories: TRACE_CATEGORIES });
        last = await timedAnalysis(page, text, { probes: size === 1_000_000 });
        if (tracing) {
          await browser.stopTracing();
          summariseTrace(TRACE);
        }
        times.push(last.total);
        if (size === 1_000_000) {
          console.error(`[bench] 1 MB run ${r}: ${Math.round(last.total)} ms, long tasks [start ms, duration ms] ${JSON.stringify(last.tasks)}, max frame gap ${Math.round(last.maxGap)} ms`);
          // The worst of the runs, for each measure.
          probe1mb = probe1mb ? { ...probe1mb, maxGap: Math.max(probe1mb.maxGap, last.maxGap),
            ...(last.longest > probe1mb.longest ? { longest: last.longest, longtasks: last.longtasks } : {}) } : last;
        }
      }
      const d = last.detail;
      const parts = d ? ` (analyse ${ms(d.analyse_ms)}, render ${ms(d.render_ms)}; ${last.marks} marks)` : ` (${last.how})`;
      const label = size >= 1_000_000 ? '1 MB' : `${size / 1000} KB`;
      row(`paste → highlights, ${label} (median of ${RUNS})`, `${ms(median(times))}${parts}`, `≤ ${ms(targets[size])} (proposed)`,
        median(times) <= targets[size]);
    }
    row(`longest main-thread task while analysing 1 MB (worst of ${RUNS})`, probe1mb.noLongtask ? 'n/a (no longtask API)'
      : `${ms(probe1mb.longest)} (${probe1mb.longtasks} tasks ≥ 50 ms)`, '< 50 ms', probe1mb.noLongtask ? undefined : probe1mb.longest < 50);
    row(`longest gap between frames while analysing 1 MB (worst of ${RUNS})`, ms(probe1mb.maxGap), '< 50 ms', probe1mb.maxGap < 50);

    if (errors.length) console.error(`[bench] page errors: ${errors.join(' | ')}`);
    await context.close();

    // ---- navigation → first highlights of a 10 KB paste (cold: no cache, no service worker) --------
    for (const [label, throttle] of [['loopback', null], ['throttled like Lighthouse mobile: 150 ms RTT, 1.6 Mbit/s', { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }]]) {
      const times = [];
      for (let r = 0; r < RUNS; r++) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', serviceWorkers: 'block' });
        const pg = await ctx.newPage();
        const cdp = await ctx.newCDPSession(pg);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        if (throttle) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...throttle });
        const text = makeText(10_000, `nav${r}`);
        const t0 = Date.now();
        await pg.goto(server.url, { waitUntil: 'commit' });
        // The first text area on screen: the static shell's (or the app's, in a build without one).
        await pg.waitForSelector('#shell-input, #input', { state: 'visible', timeout: 120000 });
        const typedAt = Date.now() - t0;
        // The app may replace the shell right now: focus whichever text area is there (the app
        // takes over the shell's text and focus).
        await pg.evaluate(() => (document.querySelector('#input') ?? document.querySelector('#shell-input')).focus());
        await pg.keyboard.insertText(text);
        if (await pg.locator('#analyse').count()) await pg.click('#analyse');
        await pg.waitForSelector('#result[data-analysis-state="done"] mark.ent', { timeout: 120000 });
        times.push(Date.now() - t0);
        console.error(`[bench] navigation → highlights (${label}) run ${r}: text area at ${typedAt} ms, highlights at ${times.at(-1)} ms`);
        await ctx.close();
      }
      times.sort((a, b) => a - b);
      row(`navigation → first highlights of a 10 KB paste (${label}; median of ${RUNS}, cold)`, ms(times[Math.floor(times.length / 2)]));
    }
  } finally {
    await browser.close();
  }

  // ---- memory for a 5 MB article: a fresh browser, so that the renderer's peak is this page's ----
  if (NO_MEMORY) {
    server.close();
    return;
  }
  const browser2 = await launch();
  try {
    const context = await browser2.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
    });
    await page.goto(server.url);
    await page.waitForSelector('#analyse');
    await timedAnalysis(page, makeText(2_000, 'warm'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const r5 = await timedAnalysis(page, makeText(5_000_000, 'mem'), { probes: true });
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const wasmPage = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
    let rss = null;
    try {
      const bcdp = await browser2.newBrowserCDPSession();
      const info = await bcdp.send('SystemInfo.getProcessInfo');
      const peak = (pid) => {
        try {
          const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
          return m ? Number(m[1]) * 1024 : 0;
        } catch { return 0; }
      };
      rss = Math.max(...info.processInfo.filter((p) => p.type === 'renderer').map((p) => peak(p.id)));
    } catch (e) {
      console.error(`[bench] renderer RSS unavailable: ${e.message}`);
    }
    const truncated = r5.detail?.truncated ? ' (the app analyses its first 2 MB)' : '';
    row(`memory, 5 MB article in the browser${truncated}`,
      `renderer peak RSS ${rss ? mb(rss) : 'n/a'} (page + worker); page JS heap ${mb(metrics.JSHeapUsedSize)}; page wasm memory ${wasmPage ? mb(wasmPage) : 'n/a'}`,
      '≤ 256 MB RSS (proposed)', rss ? rss <= 256 * 1048576 : undefined);
    const d = r5.detail;
    row(`paste → highlights, 5 MB article${truncated}`, `${ms(r5.total)}${d ? ` (analyse ${ms(d.analyse_ms)}, render ${ms(d.render_ms)})` : ''}`);
    // Issue 14: a 5 MB paste used to freeze the main thread once for 0.2–1.4 s at its start.
    row('longest main-thread task, 5 MB paste → highlights', r5.noLongtask ? 'n/a (no longtask API)'
      : `${ms(r5.longest)} (${r5.longtasks} tasks ≥ 50 ms: ${JSON.stringify(r5.tasks.slice(0, 6))} [start, ms])`, '< 50 ms',
      r5.noLongtask ? undefined : r5.longest < 50);
    await context.close();
  } finally {
    await browser2.close();
    server.close();
  }
}
main().catch((e) => {
  console.error(`[bench] browser bench failed: ${e.stack ?? e}`);
  process.exit(1);
});
