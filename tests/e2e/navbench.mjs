// Navigation → first highlights of a 10 KB paste, two builds side by side (runs alternate, so
// both see the same machine load): `node navbench.mjs DIST_A DIST_B [RUNS]`. Cold (no HTTP cache,
// no service worker), loopback and throttled (150 ms RTT, 1.6 Mbit/s), brotli like bench.mjs.
// Prints the median and every run. Not a test (scripts/bench.sh measures the current build).
import path from 'node:path';
import { launch } from './harness.mjs';

const [distA, distB] = process.argv.slice(2, 4).map((d) => path.resolve(d));
const RUNS = Number(process.argv[4] ?? 5);
const para = 'Le président français Emmanuel Macron a reçu lundi à Paris le chancelier allemand Olaf Scholz. « Nous soutenons l’Ukraine », a déclaré le ministre des Affaires étrangères.\n\n';
const text = para.repeat(Math.ceil(10_000 / Buffer.byteLength(para))).slice(0, 10_000);

// bench.mjs's brotli server, one per build.
async function serveBr(dir) {
  const { createServer } = await import('node:http');
  const { readFileSync, existsSync, statSync } = await import('node:fs');
  const { brotliCompressSync } = await import('node:zlib');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json' };
  const cache = new Map();
  const server = createServer((req, res) => {
    let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(dir, rel);
    if (!existsSync(file) || !statSync(file).isFile()) { res.writeHead(404).end(); return; }
    const ext = path.extname(file);
    if (!cache.has(file)) cache.set(file, ext === '.png' ? readFileSync(file) : brotliCompressSync(readFileSync(file)));
    const headers = { 'Content-Type': types[ext] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
    if (ext !== '.png') headers['Content-Encoding'] = 'br';
    res.writeHead(200, headers).end(cache.get(file));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

const servers = { A: await serveBr(distA), B: await serveBr(distB) };
const browser = await launch();
const results = {};
for (const [label, throttle] of [['loopback', null], ['throttled', { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 }]]) {
  for (let r = 0; r < RUNS; r++) {
    for (const which of ['A', 'B']) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', serviceWorkers: 'block' });
      const pg = await ctx.newPage();
      const cdp = await ctx.newCDPSession(pg);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      if (throttle) await cdp.send('Network.emulateNetworkConditions', { offline: false, ...throttle });
      const t0 = Date.now();
      await pg.goto(servers[which].url, { waitUntil: 'commit' });
      await pg.waitForSelector('#shell-input, #input', { state: 'visible', timeout: 120000 });
      const typed = Date.now() - t0;
      // The app may replace the shell right now: focus whichever text area is there (the app
      // takes over the shell's text and focus).
      await pg.evaluate(() => (document.querySelector('#input') ?? document.querySelector('#shell-input')).focus());
      await pg.keyboard.insertText(text);
      if (await pg.locator('#analyse').count()) await pg.click('#analyse');
      await pg.waitForSelector('#result[data-analysis-state="done"] mark.ent', { timeout: 120000 });
      const done = Date.now() - t0;
      (results[`${which} ${label}`] ??= []).push([typed, done]);
      console.error(`${which} ${label} run ${r}: text area ${typed} ms, highlights ${done} ms`);
      await ctx.close();
    }
  }
}
await browser.close();
servers.A.close();
servers.B.close();
const med = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, v] of Object.entries(results)) {
  console.log(`${k}: text area ${med(v.map((x) => x[0]))} ms, first highlights ${med(v.map((x) => x[1]))} ms (median of ${v.length}; runs ${v.map((x) => x[1]).join(', ')})`);
}
