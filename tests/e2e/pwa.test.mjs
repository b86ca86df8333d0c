// End-to-end tests of the installable, offline, private web app: the build's service worker and
// CSP (written by scripts/postbuild.py), the manifest and icons, offline reload, the « new version »
// notice, and the absence of any network request after load. Run with `node --test` in tests/e2e
// after `trunk build --release` (LOUPE_DIST=… to test another build).
//
// The builds are served by a small logging static server (below), so the tests can see every
// request that reaches the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ARGS, CHROME, DIST, FIXTURES, OUT, openPage, useBrowser } from './harness.mjs';

const ARTICLE = readFileSync(path.join(FIXTURES, 'ue-maroc-commerce.txt'), 'utf8');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.json': 'application/json',
};

/** Serves `dir` on 127.0.0.1 (free port) and records every request path in `log`. */
function serveLogged(dir) {
  const log = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    log.push(url.pathname + url.search);
    let file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404).end('not found'); return; }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    resolve({ url: `http://127.0.0.1:${port}/`, port, log, close: () => server.close() });
  }));
}

/** Every file of a directory, relative, with '/' separators. */
function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory()
    ? listFiles(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]);
}

/** The PRECACHE list and VERSION of a built sw.js. */
function swManifest(dir) {
  const sw = readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const version = sw.match(/const VERSION = "([^"]*)";/)[1];
  const precache = JSON.parse(sw.match(/const PRECACHE = (\[[^\]]*\]);/)[1]);
  return { sw, version, precache };
}

const env = useBrowser({ cli: false, serveWith: serveLogged });

/** Waits until a service worker controls the page. */
async function waitControlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

/** Collects CSP violations from the first script on (window.cspViolations). */
async function watchCsp(context) {
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

async function analyse(page, text) {
  await page.fill('#input', text);
  await page.click('#analyse');
  await page.waitForSelector('#card .card-title');
  await page.waitForSelector('#result mark.ent');
}

/** The rendered highlights (text, type, canonical) in document order. */
const highlights = (page) => page.$$eval('#result mark.ent', (ms) =>
  ms.map((m) => `${m.dataset.key}:${m.dataset.type}:${m.dataset.canonical}`));

test('build: sw.js precaches exactly the files of the build; the CSP hashes the inline loader', () => {
  const { sw, version, precache } = swManifest(DIST);
  assert.match(version, /^[0-9a-f]{16}$/);
  assert.ok(!sw.includes('__LOUPE_'), 'placeholders filled');
  const files = listFiles(DIST).filter((f) => f !== 'sw.js').sort();
  assert.deepEqual(precache, ['./', ...files.map((f) => `./${f}`)]);
  for (const re of [/^index\.html$/, /^loupe-[0-9a-f]+\.js$/, /^loupe-[0-9a-f]+_bg\.wasm$/, /^style-[0-9a-f]+\.css$/,
    /^pwa-[0-9a-f]+\.js$/, /^manifest\.webmanifest$/, /^icons\/icon-512\.png$/,
    // The engine program (issue 14), started by boot.js in worker.js: offline needs both.
    /^loupe-engine-[0-9a-f]+\.js$/, /^loupe-engine-[0-9a-f]+_bg\.wasm$/, /^boot\.js$/, /^worker\.js$/]) {
    assert.ok(files.some((f) => re.test(f)), `precache lacks ${re}`);
  }
  if (existsSync(path.join(DIST, 'worker.js'))) assert.ok(precache.includes('./worker.js'));

  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)[1];
  const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.ok(inline.length >= 1);
  for (const s of inline) {
    assert.ok(csp.includes(`'sha256-${createHash('sha256').update(s).digest('base64')}'`), 'inline script hash');
  }
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['worker-src'], ["'self'"]);
  assert.ok(!csp.includes("'unsafe-inline'") && !csp.includes("'unsafe-eval'") && !csp.includes('*'));
  // The CSP meta comes before any script.
  assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<script'));
});

test('installable: manifest, icons (192, 512, maskable), service worker; Chromium reports no installability error', async () => {
  // A persistent profile: Chromium never offers installation in an incognito context.
  const profile = mkdtempSync(path.join(tmpdir(), 'loupe-profile-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROME, headless: true, args: ARGS });
  const page = context.pages()[0] ?? await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.url);
  await page.waitForSelector('#analyse');
  await waitControlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const { errors: manifestErrors, url } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifestErrors, []);
  assert.ok(url.endsWith('/manifest.webmanifest'));

  const manifest = JSON.parse(readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.ok(manifest.name && manifest.short_name && manifest.theme_color && manifest.background_color);
  const need = [['192x192', 'any'], ['512x512', 'any'], ['192x192', 'maskable'], ['512x512', 'maskable']];
  for (const [sizes, purpose] of need) {
    const icon = manifest.icons.find((i) => i.sizes === sizes && i.purpose.split(' ').includes(purpose));
    assert.ok(icon, `icon ${sizes} ${purpose}`);
    // A real PNG of that size (IHDR width and height).
    const png = readFileSync(path.join(DIST, icon.src));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.equal(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, sizes);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline: after the first visit, a reload without network still analyses (same result)', async () => {
  const { context, page, errors } = await openPage(env.browser, env.server.url);
  await waitControlled(page);
  await analyse(page, ARTICLE);
  const online = await highlights(page);
  assert.ok(online.length > 5);

  await context.setOffline(true);
  const resp = await page.reload();
  assert.ok(resp.fromServiceWorker(), 'the page comes from the service worker');
  await page.waitForSelector('#analyse');
  assert.equal(await page.evaluate(() => navigator.onLine), false);
  await analyse(page, ARTICLE);
  assert.deepEqual(await highlights(page), online);
  // Embed mode too (the query string is ignored by the cache).
  await page.goto(`${env.server.url}?embed=1`);
  await page.waitForSelector('html[data-embed] #analyse');
  await analyse(page, ARTICLE);
  assert.deepEqual(await highlights(page), online);
  await page.screenshot({ path: path.join(OUT, 'offline.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('privacy: no request at all after load, and the CSP blocks any other connection', async () => {
  // A second loopback server plays "the Internet": nothing may reach it.
  const outside = await serveLogged(DIST);
  try {
    // Without the service worker, so every request the app makes would show.
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    await watchCsp(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(env.server.url);
    await page.waitForSelector('#analyse');
    await page.waitForLoadState('networkidle');
    await analyse(page, ARTICLE); // the first analysis may load a worker: still "loading"
    await page.waitForTimeout(300);

    const requests = [];
    context.on('request', (r) => requests.push(r.url()));
    env.server.log.length = 0;
    await analyse(page, `${ARTICLE}\n\nUn paragraphe de plus à Rabat.`);
    await page.click('#exemple');
    await page.waitForTimeout(500);
    await analyse(page, ARTICLE);
    await page.keyboard.press('Tab');
    await page.waitForTimeout(500);
    assert.deepEqual(requests, [], 'requests after load');
    assert.deepEqual(env.server.log, [], 'requests that reached the env.server after load');

    // The CSP is what forbids leaks: fetch, images, beacons and frames to another origin fail.
    const attempts = await page.evaluate(async (other) => {
      const out = {};
      try { await fetch(`${other}leak?fetch`); out.fetch = 'sent'; } catch { out.fetch = 'blocked'; }
      out.img = await new Promise((r) => { const i = new Image(); i.onload = () => r('sent'); i.onerror = () => r('blocked'); i.src = `${other}leak?img`; });
      // sendBeacon only queues (it returns true); the CSP stops the request itself.
      try { navigator.sendBeacon(`${other}leak?beacon`, 'x'); } catch {}
      return out;
    }, outside.url);
    await page.waitForTimeout(500);
    assert.deepEqual(attempts, { fetch: 'blocked', img: 'blocked' });
    assert.deepEqual(outside.log, [], 'nothing reached the other origin');
    const violations = await page.evaluate(() => window.cspViolations);
    assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join('\n'));
    assert.ok(violations.some((v) => v.startsWith('img-src')), violations.join('\n'));
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    outside.close();
  }
});

test('CSP: no violation on the app, in embed mode, or with the service worker', async () => {
  const context = await env.browser.newContext();
  await watchCsp(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  for (const q of ['', '?embed=1&layers=quotes,entities']) {
    await page.goto(env.server.url + q);
    await page.waitForSelector('#analyse');
    // The example first: once a text is shown (a restored draft too), the embedded widget
    // hides « Essayer un exemple ».
    if (await page.isVisible('#exemple')) {
      await page.click('#exemple');
      await page.waitForTimeout(300);
    }
    await analyse(page, ARTICLE);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), [], `violations on ${q || '/'}`);
  }
  await waitControlled(page);
  await page.reload();
  await analyse(page, ARTICLE);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('update: a new build shows « Une nouvelle version est prête — Recharger », and reloading switches to it', async () => {
  // A copy of the build that the test can "redeploy".
  const dir = mkdtempSync(path.join(tmpdir(), 'loupe-pwa-'));
  cpSync(DIST, dir, { recursive: true });
  const site = await serveLogged(dir);
  try {
    const { context, page, errors } = await openPage(env.browser, site.url);
    await waitControlled(page);
    const { version } = swManifest(dir);
    const swVersion = () => page.evaluate(() => new Promise((resolve) => {
      navigator.serviceWorker.addEventListener('message', (e) => resolve(e.data.version), { once: true });
      navigator.serviceWorker.controller.postMessage({ type: 'VERSION' });
    }));
    assert.equal(await swVersion(), version);
    assert.equal(await page.locator('#update-banner').count(), 0, 'no banner on the first install');

    // Deploy a new version and let the browser find it.
    const next = 'f'.repeat(16);
    const swPath = path.join(dir, 'sw.js');
    writeFileSync(swPath, readFileSync(swPath, 'utf8').replace(`"${version}"`, `"${next}"`));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.locator('#update-banner');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('role'), 'status');
    assert.equal(await banner.locator('.update-message').textContent(), 'Une nouvelle version de Loupe est prête.');
    assert.equal(await banner.getByRole('button', { name: 'Recharger' }).count(), 1);
    // It follows the interface language.
    await page.evaluate(() => { document.documentElement.lang = 'en'; });
    await page.waitForFunction(() => document.querySelector('#update-banner .update-reload').textContent === 'Reload');
    await page.evaluate(() => { document.documentElement.lang = 'fr'; });
    await page.waitForFunction(() => document.querySelector('#update-banner .update-reload').textContent === 'Recharger');
    await page.screenshot({ path: path.join(OUT, 'update-banner.png') });
    // Still the old version until the user accepts.
    assert.equal(await swVersion(), version);

    // Keyboard: Tab to the button, Enter.
    await page.locator('#update-banner .update-reload').focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector('#analyse');
    assert.equal(await swVersion(), next);
    assert.deepEqual(await page.evaluate(() => caches.keys()), [`loupe-${next}`], 'old cache removed');
    assert.equal(await page.locator('#update-banner').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    site.close();
  }
});
