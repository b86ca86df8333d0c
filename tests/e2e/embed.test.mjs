// End-to-end tests of embed mode (`?embed=1`) and the `loupe-embed/1` postMessage API: the widget
// is served on one loopback origin (http://127.0.0.1:A) and embedded by host pages served on
// another site (http://localhost:B), as a blog would. Run with `node --test` in tests/e2e after
// `trunk build --release` (LOUPE_DIST=… to test another build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DIST, FIXTURES, OUT, openPage, useBrowser } from './harness.mjs';

const PROTOCOL = 'loupe-embed/1';
const MAX_TEXT_BYTES = 2 * 1024 * 1024;
const ARTICLE = readFileSync(path.join(FIXTURES, 'russie-turquie-gaz.txt'), 'utf8');

// The widget on http://127.0.0.1:A/; dist again as the host (host.html, loupe-embed.js), reached
// as http://localhost:B/; a bare host page that posts raw messages, reached as http://localhost:C/.
const env = useBrowser({ cli: false, servers: { widget: DIST, host: DIST, bare: bareHostDir } });

/** A folder with `bare.html`: records every message the iframe sends (with its origin) in window.messages. */
function bareHostDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'loupe-bare-host-'));
  writeFileSync(path.join(dir, 'bare.html'), `<!DOCTYPE html><html lang="fr"><meta charset="utf-8">
<title>Hôte nu</title><h1>Hôte nu</h1>
<iframe id="f" title="Loupe" width="420" height="300"></iframe>
<script>
  window.messages = [];
  const f = document.getElementById('f');
  addEventListener('message', (e) => { if (e.source === f.contentWindow) messages.push({ origin: e.origin, data: e.data }); });
  f.src = new URLSearchParams(location.search).get('widget');
</script>`);
  return dir;
}

const widgetUrl = (query = '') => `${env.widget.url}?embed=1${query}`;
const hostOrigin = () => `http://localhost:${env.host.port}`;
const bareOrigin = () => `http://localhost:${env.bare.port}`;

/** Opens the bare host page embedding the widget at `widget`; returns { context, page, frame, errors }. */
async function openBare(widget, { waitReady = true } = {}) {
  const { context, page, errors } = await openPage(env.browser,
    `${bareOrigin()}/bare.html?widget=${encodeURIComponent(widget)}`, { ready: '#f' });
  const warnings = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().includes('[loupe-embed]')) warnings.push(m.text());
  });
  let frame;
  for (let i = 0; i < 100 && !frame; i++) {
    frame = page.frames().find((f) => f.url().startsWith(env.widget.url));
    if (!frame) await page.waitForTimeout(50);
  }
  assert.ok(frame, 'widget frame not found');
  await frame.waitForSelector('#analyse');
  if (waitReady) await waitMessage(page, (m) => m.data.type === 'ready');
  return { context, page, frame, errors, warnings };
}

/** Waits for a message (from the iframe) matching `pred`; returns it. */
async function waitMessage(page, pred, timeout = 15000) {
  const t0 = Date.now();
  for (;;) {
    const msgs = await page.evaluate(() => window.messages);
    const m = msgs.find(pred);
    if (m) return m;
    if (Date.now() - t0 > timeout) throw new Error(`no such message; got ${JSON.stringify(msgs.map((x) => x.data.type))}`);
    await page.waitForTimeout(50);
  }
}

function post(page, message) {
  return page.evaluate(([m, target]) => document.getElementById('f').contentWindow.postMessage(m, target),
    [message, env.widget.url.replace(/\/$/, '')]);
}

test('embed mode: compact single column, no header or footer, no horizontal scroll', async () => {
  const { context, page, errors } = await openPage(env.browser, widgetUrl(), { viewport: { width: 360, height: 700 } });
  assert.equal(await page.getAttribute('html', 'data-embed'), '1');
  // The header shrinks to one line (brand + language switch when the app has one); no footer.
  const header = await page.locator('body > header').boundingBox();
  assert.ok(header && header.height <= 64, JSON.stringify(header));
  assert.equal(await page.locator('h1').count(), 1);
  assert.equal(await page.locator('body > header .tagline').isVisible(), false);
  if (await page.locator('#lang').count()) assert.ok(await page.locator('#lang').isVisible());
  assert.equal(await page.locator('body > footer').isVisible(), false);
  await page.fill('#input', ARTICLE);
  await page.click('#analyse');
  await page.waitForSelector('#card .card-title');
  const result = await page.locator('#result').boundingBox();
  const card = await page.locator('#card').boundingBox();
  assert.ok(card.y >= result.y + result.height - 1, `card below the text: ${JSON.stringify({ result, card })}`);
  assert.ok(Math.abs(card.x - result.x) < 2, 'one column');
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll');
  await page.screenshot({ path: path.join(OUT, 'embed-compact.png'), fullPage: true });
  assert.deepEqual(errors, []);

  // Without ?embed=1 the full layout is kept (header and footer visible).
  await page.goto(env.widget.url);
  await page.waitForSelector('#analyse');
  assert.equal(await page.getAttribute('html', 'data-embed'), null);
  assert.ok(await page.locator('body > footer').isVisible());
  await context.close();
});

test('host page on another site: ready, analyze round trip, iframe resized to the content', async () => {
  const url = `${hostOrigin()}/host.html?widget=${encodeURIComponent(widgetUrl())}`;
  const { context, page, errors } = await openPage(env.browser, url, { ready: '#send', viewport: { width: 1280, height: 900 } });
  await page.waitForFunction(() => document.getElementById('host-output').textContent.startsWith('Widget prêt'));
  assert.equal(await page.textContent('#host-output'), 'Widget prêt (loupe.analysis/1, loupe-embed/1).');

  // The page's own button (loupe-embed.js helper): the paragraph is analysed in the widget.
  await page.click('#send');
  await page.waitForFunction(() => /entités/.test(document.getElementById('host-output').textContent));
  const summary = await page.textContent('#host-output');
  assert.match(summary, /^\d+ entités, 1 citation\(s\)\. Personnes : .*António Guterres.*\.$/);

  // Scripted: the result is the loupe.analysis/1 object, and the widget shows the same analysis.
  const a = await page.evaluate((text) => Loupe.widget(document.getElementById('loupe')).analyze(text), ARTICLE);
  assert.equal(a.schema, 'loupe.analysis/1');
  assert.equal(a.stats.bytes, Buffer.byteLength(ARTICLE));
  assert.ok(a.entities.length > 5);
  const frame = page.frames().find((f) => f.url().startsWith(env.widget.url));
  await frame.waitForFunction((title) => document.querySelector('#card .card-title')?.textContent.trim() === title,
    a.card.title);
  assert.equal(await frame.inputValue('#input'), ARTICLE);
  const shown = new Set(await frame.$$eval('#result mark.ent:not(.ent-DATE)', (ms) => ms.map((m) => m.dataset.canonical)));
  assert.deepEqual(shown, new Set(a.mentions.map((m) => a.entities[m.entity].canonical)));

  // The iframe follows the widget's content height.
  await page.waitForFunction(() => Number(document.getElementById('loupe').height) > 1000);
  await page.waitForTimeout(300); // let the last height message arrive
  const contentHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const iframeHeight = Number(await page.getAttribute('#loupe', 'height'));
  assert.ok(Math.abs(iframeHeight - contentHeight) <= 1, `iframe ${iframeHeight} vs content ${contentHeight}`);
  const box = await page.locator('#loupe').boundingBox();
  assert.ok(Math.abs(box.height - contentHeight) <= 3, `rendered iframe ${box.height}`);
  assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), 'no inner scroll bar');
  assert.ok(await frame.evaluate(() => document.documentElement.scrollWidth <= innerWidth), 'no horizontal scroll');
  await page.screenshot({ path: path.join(OUT, 'embed-host.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('malformed, foreign and oversized messages are rejected; the widget keeps working', async () => {
  const { context, page, frame, warnings } = await openBare(widgetUrl());
  const ready = await waitMessage(page, (m) => m.data.type === 'ready');
  assert.equal(ready.origin, env.widget.url.replace(/\/$/, ''));
  assert.equal(ready.data.protocol, PROTOCOL);
  assert.equal(ready.data.schema, 'loupe.analysis/1');
  assert.equal(ready.data.maxTextBytes, MAX_TEXT_BYTES);

  const cases = [
    [{ protocol: PROTOCOL, type: 'analyze', id: 'm1', text: 42 }, 'bad-shape'],
    [{ protocol: PROTOCOL, type: 'explode', id: 'm2' }, 'unknown-type'],
    [{ protocol: 'loupe-embed/2', type: 'analyze', id: 'm3', text: 'x' }, 'unsupported-version'],
    [{ protocol: PROTOCOL, type: 'analyze', id: 'm4', text: 'x', options: { lang: 'de' } }, 'bad-options'],
    [{ protocol: PROTOCOL, type: 'analyze', id: 'm5', text: 'x', options: { layers: ['colours'] } }, 'bad-options'],
    [{ protocol: PROTOCOL, type: 'analyze', id: 'm6', text: 'a'.repeat(MAX_TEXT_BYTES + 1) }, 'too-large'],
  ];
  for (const [msg] of cases) await post(page, msg);
  for (const [msg, reason] of cases) {
    const m = await waitMessage(page, (x) => x.data.type === 'error' && x.data.id === msg.id);
    assert.equal(m.data.reason, reason, JSON.stringify(m.data));
    assert.equal(m.data.protocol, PROTOCOL);
    assert.ok(m.data.message.length > 0);
  }
  // Not for Loupe (no protocol, garbage): ignored and logged, never answered.
  const foreign = ['{not json', 'hello', 42, null, { foo: 1 }, { type: 'analyze', text: 'x', id: 'f1' }, [1, 2]];
  for (const msg of foreign) await post(page, msg);
  // Still working: a valid message sent as a JSON string, then as an object.
  await post(page, JSON.stringify({ protocol: PROTOCOL, type: 'analyze', id: 'ok1', text: 'Emmanuel Macron était à Lyon.' }));
  await post(page, { protocol: PROTOCOL, type: 'analyze', id: 'ok2', text: ARTICLE, options: {} });
  const ok1 = await waitMessage(page, (x) => x.data.type === 'result' && x.data.id === 'ok1');
  assert.ok(ok1.data.result.entities.some((e) => e.canonical === 'Emmanuel Macron'));
  const ok2 = await waitMessage(page, (x) => x.data.type === 'result' && x.data.id === 'ok2');
  assert.equal(ok2.data.result.schema, 'loupe.analysis/1');
  await frame.waitForFunction((t) => document.querySelector('#card .card-title')?.textContent.trim() === t,
    ok2.data.result.card.title);

  const all = await page.evaluate(() => window.messages.map((m) => m.data));
  assert.equal(all.filter((m) => m.type === 'error').length, cases.length, 'one error per malformed message');
  assert.ok(!all.some((m) => m.id === 'f1'), 'foreign messages are not answered');
  // Every reply went to this page's origin only (no '*' needed: we received them here).
  assert.ok(warnings.length >= cases.length + foreign.length, warnings.join('\n'));
  assert.ok(warnings.some((w) => w.includes('not-json')));
  assert.ok(warnings.some((w) => w.includes('too-large')));
  await context.close();
});

test('analyze drives the app state, not its controls: the widget analyses with « Analyser » removed', async () => {
  const { context, page, frame, errors } = await openBare(widgetUrl());
  // The embed API calls the app state's analysis (Ui::analyse_now), the function the button calls:
  // without the button the text is still put in, analysed, rendered and answered from the rendering.
  await frame.evaluate(() => document.getElementById('analyse').remove());
  assert.equal(await frame.locator('#analyse').count(), 0);
  await post(page, { protocol: PROTOCOL, type: 'analyze', id: 'nb1', text: ARTICLE });
  const m = await waitMessage(page, (x) => x.data.type === 'result' && x.data.id === 'nb1');
  assert.equal(m.data.result.schema, 'loupe.analysis/1');
  await frame.waitForFunction((t) => document.querySelector('#card .card-title')?.textContent.trim() === t,
    m.data.result.card.title);
  assert.equal(await frame.getAttribute('#result', 'data-analysis-state'), 'done');
  assert.equal(await frame.inputValue('#input'), ARTICLE);
  const shown = new Set(await frame.$$eval('#result mark.ent:not(.ent-DATE)', (ms) => ms.map((x) => x.dataset.canonical)));
  assert.deepEqual(shown, new Set(m.data.result.mentions.map((x) => m.data.result.entities[x.entity].canonical)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('allowed origins: other senders are ignored, listed ones are served', async () => {
  // Not listed: the widget posts ready only to the listed origin, and ignores our messages.
  {
    const { context, page, warnings } = await openBare(widgetUrl('&origins=https://blog.example'), { waitReady: false });
    await post(page, { protocol: PROTOCOL, type: 'ping', id: 'p1' });
    await post(page, { protocol: PROTOCOL, type: 'analyze', id: 'a1', text: 'Bonjour Paris.' });
    await page.waitForTimeout(1000);
    assert.deepEqual(await page.evaluate(() => window.messages), []);
    assert.ok(warnings.some((w) => w.includes('origin-not-allowed')), warnings.join('\n'));
    await context.close();
  }
  // Listed (among others): served, replies addressed to this origin.
  {
    const { context, page } = await openBare(widgetUrl(`&origins=${encodeURIComponent(`https://blog.example,${bareOrigin()}`)}`));
    await post(page, { protocol: PROTOCOL, type: 'analyze', id: 'a2', text: 'Angela Merkel était à Berlin.' });
    const m = await waitMessage(page, (x) => x.data.type === 'result' && x.data.id === 'a2');
    assert.ok(m.data.result.entities.some((e) => e.canonical === 'Berlin'));
    await context.close();
  }
});

test('options: layers shown as plain text; configure answers with the options in force', async () => {
  const { context, page, frame } = await openBare(widgetUrl());
  await post(page, { protocol: PROTOCOL, type: 'analyze', id: 'l1', text: ARTICLE, options: { layers: ['quotes'] } });
  const r = await waitMessage(page, (x) => x.data.type === 'result' && x.data.id === 'l1');
  assert.ok(r.data.result.entities.length > 0, 'the JSON result stays complete');
  await frame.waitForSelector('#result mark.ent');
  const style = (sel) => frame.$eval(sel, (el) => {
    const s = getComputedStyle(el);
    return { bg: s.backgroundColor, deco: s.textDecorationLine, label: getComputedStyle(el.querySelector('.sr-only') ?? el).display };
  });
  const ent = await style('#result mark.ent:not(.ent-DATE)');
  assert.deepEqual(ent, { bg: 'rgba(0, 0, 0, 0)', deco: 'none', label: 'none' });
  const quote = await style('#result q.quote');
  assert.notEqual(quote.bg, 'rgba(0, 0, 0, 0)', 'quotes are still highlighted');
  // The app's own layer check boxes follow the option.
  const ticked = () => frame.$$eval('.layer-list input[type=checkbox]',
    (els) => Object.fromEntries(els.map((e) => [e.id, e.checked])));
  const t1 = await ticked();
  assert.equal(t1['layer-quote'], true);
  for (const id of ['layer-per', 'layer-org', 'layer-loc', 'layer-misc', 'layer-date', 'layer-stance', 'layer-frame']) {
    assert.equal(t1[id], false, `${id} unticked`);
  }
  await frame.locator('#result').screenshot({ path: path.join(OUT, 'embed-layers.png') });

  await post(page, { protocol: PROTOCOL, type: 'configure', id: 'c1', options: { layers: ['entities', 'dates', 'quotes', 'stances', 'frames', 'boilerplate'] } });
  const c = await waitMessage(page, (x) => x.data.type === 'configured' && x.data.id === 'c1');
  assert.equal(c.data.options.layers.length, 6);
  assert.equal(c.data.options.lang, 'fr');
  const ent2 = await style('#result mark.ent:not(.ent-DATE)');
  assert.notEqual(ent2.bg, 'rgba(0, 0, 0, 0)', 'entities highlighted again');
  assert.equal(await frame.getAttribute('html', 'data-hide'), null);
  assert.ok(Object.values(await ticked()).every(Boolean), 'every layer box ticked again');
  await context.close();
});

test('options: lang switches the widget language (the app state\'s set_lang, as the #lang button)', async (t) => {
  const { context, page, frame } = await openBare(widgetUrl());
  if ((await frame.locator('#lang').count()) === 0) {
    t.skip('the app has no #lang control yet');
    await context.close();
    return;
  }
  await post(page, { protocol: PROTOCOL, type: 'configure', id: 'g1', options: { lang: 'en' } });
  await frame.waitForFunction(() => document.documentElement.lang.startsWith('en'));
  await post(page, { protocol: PROTOCOL, type: 'configure', id: 'g2', options: { lang: 'fr' } });
  await frame.waitForFunction(() => document.documentElement.lang.startsWith('fr'));
  const c = await waitMessage(page, (x) => x.data.type === 'configured' && x.data.id === 'g2');
  assert.equal(c.data.options.lang, 'fr');
  await context.close();
});

test('embedded in an opaque-origin page (no service-worker API): works, no errors', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.setContent(`<h1>Hôte</h1><iframe id="f" title="Loupe" src="${widgetUrl()}" width="400" height="600"></iframe>`);
  const frame = page.frameLocator('#f');
  await frame.locator('#input').fill('Le président Emmanuel Macron a reçu Olaf Scholz à Paris.');
  await frame.locator('#analyse').click();
  await frame.locator('#result mark.ent').first().waitFor();
  assert.ok(await frame.locator('#result mark.ent').count() >= 3);
  assert.deepEqual(errors, []);
  await context.close();
});
