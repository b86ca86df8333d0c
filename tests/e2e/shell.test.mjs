// The static shell (issue 14): index.html paints the title, the text area and the main buttons
// with HTML and CSS before any wasm arrives; what a reader types or pastes before the app has
// started is kept and analysed as soon as the engine is ready. In the app and with `?embed=1`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { OUT, useBrowser } from './harness.mjs';

const TEXT = 'Le président français Emmanuel Macron a reçu Olaf Scholz à Paris lundi.';

const env = useBrowser({ cli: false });

/**
 * Opens `query` with both wasm programs held back until `releasePage()` / `releaseEngine()` are
 * called (no service worker, so every file comes from the network).
 */
async function openHeld(query, viewport = { width: 1280, height: 900 }) {
  const context = await env.browser.newContext({ viewport, locale: 'fr-FR', serviceWorkers: 'block' });
  let releasePage;
  let releaseEngine;
  const gates = {
    page: new Promise((r) => { releasePage = r; }),
    engine: new Promise((r) => { releaseEngine = r; }),
  };
  const held = [];
  await context.route(/_bg\.wasm$/, async (route) => {
    const url = route.request().url();
    held.push(url);
    await (url.includes('loupe-engine') ? gates.engine : gates.page);
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(env.server.url + query, { waitUntil: 'domcontentloaded' });
  const release = () => { releasePage(); releaseEngine(); };
  return { context, page, errors, held, release, releasePage, releaseEngine };
}

for (const [label, query, viewport] of [
  ['app', '', { width: 1280, height: 900 }],
  ['app, phone', '', { width: 360, height: 740 }],
  ['embed', '?embed=1', { width: 400, height: 700 }],
]) {
  test(`static shell (${label}): painted before any wasm; text typed there is analysed once the app starts`, async () => {
    const { context, page, errors, held, release, releasePage, releaseEngine } = await openHeld(query, viewport);
    try {
      // Before any wasm: the title, the text area and the main buttons are on screen.
      await page.waitForSelector('#shell-input', { state: 'visible' });
      await page.waitForFunction(() => window.loupeEngine !== undefined);
      assert.equal(await page.locator('#analyse').count(), 0, 'the app has not started');
      if (query === '') assert.equal((await page.textContent('h1')).trim(), 'Loupe');
      for (const name of ['Analyser', 'Essayer un exemple']) {
        assert.ok(await page.getByRole('button', { name }).isVisible(), `${name} shown`);
      }
      if (query) assert.equal(await page.getAttribute('html', 'data-embed'), '1', 'embed layout from the start');
      // The shell is as accessible as the app (WCAG 2.2 AA, axe-core).
      const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      assert.deepEqual(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`), [], 'axe on the shell');
      const box0 = await page.locator('#shell-input').boundingBox();
      await page.screenshot({ path: path.join(OUT, `shell-${label.replace(/\W+/g, '-')}.png`) });
      // The reader types (then pastes the rest) while the programs are still on their way.
      await page.click('#shell-input');
      await page.keyboard.type(TEXT.slice(0, 20));
      await page.keyboard.insertText(TEXT.slice(20));
      // Both programs were asked for (the engine by boot.js, without waiting for the page).
      for (let i = 0; i < 50 && held.length < 2; i++) await page.waitForTimeout(100);
      assert.equal(held.length, 2, `both wasm programs requested before either arrived: ${held.join(', ')}`);
      // The page program arrives first: the app takes over the same text, in the same place, still
      // focused (the engine is still on its way).
      releasePage();
      await page.waitForSelector('#analyse');
      assert.equal(await page.locator('#shell-input').count(), 0, 'the shell is gone');
      assert.equal(await page.inputValue('#input'), TEXT);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'input', 'focus kept');
      const box1 = await page.locator('#input').boundingBox();
      for (const k of ['x', 'y', 'width']) {
        assert.ok(Math.abs(box0[k] - box1[k]) <= 1, `text area ${k}: shell ${box0[k]}, app ${box1[k]}`);
      }
      assert.equal(await page.getAttribute('#result', 'data-analysis-state'), 'busy', 'waiting for the engine');
      // Then the engine: the text is analysed without any further action.
      releaseEngine();
      await page.waitForSelector('#result[data-analysis-state="done"] mark.ent');
      const names = await page.$$eval('#result mark.ent', (ms) => ms.map((m) => m.dataset.canonical));
      assert.ok(names.includes('Emmanuel Macron') && names.includes('Olaf Scholz'), names.join(', '));
      assert.deepEqual(errors, []);
    } finally {
      release();
      await context.close();
    }
  });
}

test('static shell: « Essayer un exemple » and « English » pressed before the app started take effect once it runs', async () => {
  for (const action of ['exemple', 'lang']) {
    const { context, page, errors, release, releasePage, releaseEngine } = await openHeld('');
    try {
      await page.waitForSelector('#shell-input', { state: 'visible' });
      await page.click(`#shell-${action}`);
      assert.equal(await page.locator('#analyse').count(), 0, 'pressed before the app started');
      releasePage();
      releaseEngine();
      if (action === 'exemple') {
        // The example article is loaded and analysed, as the app's own button does.
        await page.waitForSelector('#result[data-analysis-state="done"] mark.ent');
        assert.ok((await page.inputValue('#input')).length > 500, 'the example text is in the text area');
      } else {
        await page.waitForSelector('#analyse');
        await page.waitForFunction(() => document.documentElement.lang === 'en');
        assert.equal((await page.textContent('#analyse')).trim(), 'Analyse');
      }
      assert.deepEqual(errors, []);
    } finally {
      release();
      await context.close();
    }
  }
});

test('static shell on a throttled network (CDP): paint long before the app, a paste is analysed once it starts', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // About 1.6 Mbit/s down, 150 ms round trips ("slow 4G"-like); the cache off.
  await cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: 150, downloadThroughput: 200 * 1024, uploadThroughput: 90 * 1024 });
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  const t0 = Date.now();
  await page.goto(env.server.url, { waitUntil: 'commit' });
  await page.waitForSelector('#shell-input', { state: 'visible' });
  const shellMs = Date.now() - t0;
  // Pasted while the programs download.
  await page.focus('#shell-input');
  await page.evaluate((t) => {
    const ta = document.querySelector('#shell-input');
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, TEXT);
  // A synthetic paste event inserts nothing by itself: insert the text as the browser would.
  await page.keyboard.insertText(TEXT);
  assert.equal(await page.locator('#analyse').count(), 0, 'pasted before the app started');
  await page.waitForSelector('#result[data-analysis-state="done"] mark.ent', { timeout: 60000 });
  const appMs = Date.now() - t0;
  assert.equal(await page.inputValue('#input'), TEXT);
  assert.ok(shellMs * 2 < appMs, `shell painted at ${shellMs} ms, highlights at ${appMs} ms`);
  console.log(`# throttled: shell visible ${shellMs} ms, first highlights ${appMs} ms after navigation`);
  assert.deepEqual(errors, []);
  await context.close();
});
