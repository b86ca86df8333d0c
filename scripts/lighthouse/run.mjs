// Lighthouse audit of a built dist/ (scripts/lighthouse.sh). Serves the build on a free loopback
// port (compressed, as any static host would), runs Lighthouse with the system Chromium for each page and form factor, prints the
// performance / accessibility / best-practices scores and what keeps any of them under 100.
//   node run.mjs [DIST]       (LH_PAGES="/ /?embed=1", LH_PRESETS="mobile desktop")
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.resolve(process.argv[2] ?? path.join(here, '../../dist'));
const OUT = path.join(here, 'out');
mkdirSync(OUT, { recursive: true });
const pages = (process.env.LH_PAGES ?? '/ /?embed=1').split(/\s+/).filter(Boolean);
const presets = (process.env.LH_PRESETS ?? 'mobile desktop').split(/\s+/).filter(Boolean);
// A static server like any real host: correct types, brotli/gzip compression, revalidation.
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.webmanifest': 'application/manifest+json',
};
const packed = new Map();
const server = createServer((req, res) => {
  let file = path.join(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) { res.writeHead(404).end(); return; }
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
  let body = readFileSync(file);
  const accept = req.headers['accept-encoding'] ?? '';
  if (!type.startsWith('image/png')) {
    const enc = accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : null;
    if (enc) {
      const key = `${enc}:${file}`;
      if (!packed.has(key)) packed.set(key, enc === 'br' ? zlib.brotliCompressSync(body) : zlib.gzipSync(body, { level: 9 }));
      body = packed.get(key);
      headers['content-encoding'] = enc;
    }
  }
  res.writeHead(200, headers).end(body);
});
const port = await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
const flags = '--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run ' +
  '--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage';
const rows = [];
try {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/`)).ok) break; } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const page of pages) {
    for (const preset of presets) {
      const url = `http://127.0.0.1:${port}${page}`;
      const name = `${page.replace(/[^a-z0-9]+/gi, '_') || 'root'}-${preset}`;
      const report = path.join(OUT, `${name}.json`);
      // Asynchronous: the server above runs in this process.
      await promisify(execFile)(path.join(here, 'node_modules/.bin/lighthouse'), [url, '--quiet', '--output=json',
        `--output-path=${report}`, `--chrome-flags=${flags}`,
        '--only-categories=performance,accessibility,best-practices',
        ...(preset === 'desktop' ? ['--preset=desktop'] : [])],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' } });
      const lhr = JSON.parse(readFileSync(report, 'utf8'));
      const score = (id) => Math.round(lhr.categories[id].score * 100);
      rows.push({ page, preset, perf: score('performance'), a11y: score('accessibility'), bp: score('best-practices'),
        fcp: lhr.audits['first-contentful-paint'].displayValue, lcp: lhr.audits['largest-contentful-paint'].displayValue,
        tbt: lhr.audits['total-blocking-time'].displayValue, cls: lhr.audits['cumulative-layout-shift'].displayValue });
      // What costs points: scored audits under 1 in the three categories.
      for (const cat of Object.values(lhr.categories)) {
        for (const ref of cat.auditRefs) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a.score !== null && a.score < 1) {
            console.log(`[lighthouse] ${page} ${preset} ${cat.id}: ${a.id} (${a.score}) ${a.displayValue ?? ''} — ${a.title}`);
          }
        }
      }
    }
  }
} finally {
  server.close();
}
const lhVersion = JSON.parse(readFileSync(path.join(here, 'node_modules/lighthouse/package.json'), 'utf8')).version;
const chrome = execFileSync(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] });
console.log(`\n[lighthouse] Lighthouse ${lhVersion}, ${chrome.toString().trim()}`);
console.log('| page | form factor | performance | accessibility | best practices | FCP | LCP | TBT | CLS |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| \`${r.page}\` | ${r.preset} | ${r.perf} | ${r.a11y} | ${r.bp} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} |`);
}
console.log(`[lighthouse] reports: ${OUT}/*.json`);
