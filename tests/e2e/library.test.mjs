// End-to-end tests of issue 15 (browser side): the library of kept articles (IndexedDB) and the
// comparison of 2–6 of them (`loupe.comparison/1` from the engine, identical to `loupe compare`).
// Uses the three invented accounts of one event in tests/fixtures/compare/.
//
// Run in tests/e2e after `trunk build --release` and `cargo build --release --bin loupe`:
//   node --test library.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { CLI, FIXTURES, OUT, useBrowser } from './harness.mjs';

const DIR = path.join(FIXTURES, 'compare');
const FILES = ['a-agence.txt', 'b-officiel.txt', 'c-journal.txt'];
const TEXTS = FILES.map((f) => readFileSync(path.join(DIR, f), 'utf8'));

const env = useBrowser();

async function open({ viewport = { width: 1366, height: 768 }, init = null, url = null, ...rest } = {}) {
  const context = await env.browser.newContext({ viewport, locale: 'fr-FR', colorScheme: 'light', acceptDownloads: true, ...rest });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url ?? env.server.url);
  await page.waitForSelector('#analyse');
  return { context, page, errors };
}

async function analyse(page, text) {
  await page.fill('#input', text);
  await page.click('#analyse');
  await page.waitForSelector('#result[data-analysis-state="done"]', { timeout: 30000 });
  await page.waitForSelector('#keep:not([disabled])');
}

async function keep(page, text) {
  await analyse(page, text);
  await page.click('#keep');
  await page.waitForFunction(() => /Article gardé|déjà dans la bibliothèque/.test(document.querySelector('#status').textContent));
}

const names = (page) => page.$$eval('#library-list .lib-name', (els) => els.map((e) => e.textContent));

async function axe(page, label, include) {
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .include(include).analyze();
  const summary = res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], `axe violations (${label})`);
}

async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

/** Keeps the three accounts and renames each to its file name (the comparison's ids). */
async function keepThree(page) {
  for (const t of TEXTS) await keep(page, t);
  assert.equal((await names(page)).length, 3);
  for (let i = 0; i < 3; i++) {
    const id = await page.locator('#library-list li').nth(i).getAttribute('data-id');
    const li = `#library-list li[data-id="${id}"]`;
    // Which text is it? Open it and look at the text area.
    const name = await page.textContent(`${li} .lib-name`);
    await page.click(`${li} .lib-open`);
    await page.waitForFunction((n) => document.querySelector('#status').textContent.includes(`Article «\u00a0${n}\u00a0» ouvert`), name);
    await page.waitForSelector('#result[data-analysis-state="done"]');
    const text = await page.inputValue('#input');
    const file = FILES[TEXTS.indexOf(text)];
    assert.ok(file, 'the opened article is one of the kept texts, whole');
    await page.click(`${li} .lib-rename`);
    const field = page.locator(`${li} input[type=text]`);
    await assert.doesNotReject(field.waitFor());
    // Focus moves once the field is drawn (a frame later): wait for it, then check it.
    await page.waitForFunction(() => document.activeElement?.type === 'text', null, { timeout: 3000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement.type), 'text', 'focus in the name field');
    await field.fill(`  ${file}  `);
    await field.press('Enter');
    await page.waitForFunction(([sel, f]) => document.querySelector(sel)?.textContent === f, [`${li} .lib-name`, file]);
    await page.waitForFunction(() => document.activeElement?.className === 'lib-rename', null, { timeout: 3000 });
  }
}

test('keep → list → rename → compare (= loupe compare) → jump → exports → delete with undo → import', async () => {
  const { context, page, errors } = await open();
  assert.equal(await page.textContent('#library-heading'), 'Bibliothèque');
  assert.match(await page.textContent('#library'), /Aucun article gardé/);
  assert.ok(await page.isDisabled('#keep'), '« Garder » waits for a result');
  await keepThree(page);
  // The same text again: kept once.
  await analyse(page, TEXTS[0]);
  await page.click('#keep');
  await page.waitForFunction(() => /déjà dans la bibliothèque/.test(document.querySelector('#status').textContent));
  assert.equal((await names(page)).length, 3);
  assert.match(await page.textContent('.library-count'), /^3 articles gardés$/);
  const order = await names(page); // newest first

  // Compare: 2–6 ticked.
  assert.ok(await page.isDisabled('#compare-selected'));
  const boxes = page.locator('#library-list .lib-select');
  await boxes.nth(0).check();
  assert.ok(await page.isDisabled('#compare-selected'), 'one article is not a comparison');
  assert.equal(await boxes.nth(0).getAttribute('aria-label'), `Comparer «\u00a0${order[0]}\u00a0»`);
  await boxes.nth(1).check();
  await boxes.nth(2).check();
  assert.equal(await page.textContent('#compare-selected'), 'Comparer la sélection (3)');
  await page.click('#compare-selected');
  await page.waitForSelector('#comparison[data-state="done"]', { timeout: 30000 });
  await page.waitForFunction(() => document.activeElement?.id === 'cmp-heading', null, { timeout: 3000 });
  assert.equal(await page.textContent('#cmp-heading'), 'Comparaison de 3 articles');

  // The JSON and the Markdown are the CLI's, on the same texts in the same order.
  const cliJson = execFileSync(CLI, ['compare', ...order], { cwd: DIR, encoding: 'utf8' });
  const cliMd = execFileSync(CLI, ['compare', '--markdown', ...order], { cwd: DIR, encoding: 'utf8' });
  const json = await download(page, '#cmp-json');
  assert.equal(json.name, 'loupe-comparaison.json');
  assert.equal(json.text, cliJson, 'JSON export = loupe compare');
  const md = await download(page, '#cmp-md');
  assert.equal(md.text, cliMd, 'Markdown export = loupe compare --markdown');
  const cmp = JSON.parse(cliJson);
  assert.equal(cmp.schema, 'loupe.comparison/1');

  // Real tables: five of them, with column and row headers.
  const parts = await page.$$eval('#comparison table.cmp-table', (ts) => ts.map((t) => t.dataset.part));
  // (a part with nothing in any article says so instead of an empty table)
  assert.deepEqual(parts, ['actors', 'stances', 'frames', 'quotes', 'dates'].filter((p) => p !== 'frames' || cmp.frames.length));
  if (!cmp.frames.length) assert.match(await page.textContent('#comparison'), /Rien à comparer dans cette partie/);
  const heads = await page.$$eval('#comparison table[data-part=actors] thead th', (ths) => ths.map((t) => t.textContent));
  assert.equal(heads.length, 4);
  assert.equal(await page.locator('#comparison table[data-part=actors] tbody th[scope=row]').count(), cmp.actors.length);
  // Who appears in one account only: said in words.
  const only = cmp.actors.find((a) => a.only_in != null);
  assert.ok(only, 'the fixtures have an actor named by one account only');
  const onlyRow = page.locator('#comparison table[data-part=actors] tbody tr', { hasText: only.name }).first();
  assert.match(await onlyRow.textContent(), new RegExp(`seulement dans l’article ${only.only_in + 1}`));
  // Divergent stances: marked with a word, not by colour alone.
  const differs = cmp.stances.filter((s) => s.differs).length;
  assert.equal(await page.locator('#comparison table[data-part=stances] tr.cmp-differs').count(), differs);
  if (differs) assert.match(await page.locator('#comparison table[data-part=stances] tr.cmp-differs th').first().textContent(), /divergent/);
  // Frames: bars on one scale.
  if (cmp.frames.length) assert.match(await page.textContent('#cmp-frames-help'), new RegExp(`0 à ${cmp.frames_max}`));
  // Absent cells say so to screen readers.
  if (cmp.actors.some((a) => a.in_articles.includes(null))) {
    assert.match(await page.locator('#comparison td.cmp-absent .sr-only').first().textContent(), /absent/);
  }
  await axe(page, 'comparison 1366', '#library-area');
  await page.screenshot({ path: path.join(OUT, 'comparison-1366.png'), fullPage: false });
  await page.locator('#comparison').screenshot({ path: path.join(OUT, 'comparison-1366-full.png') });
  // For the README: from the comparison's heading to the end of the stances.
  const top = await page.locator('#comparison').boundingBox();
  const stancesBox = await page.locator('#comparison table[data-part=stances]').boundingBox();
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.screenshot({ path: path.join(OUT, 'comparison-1366-docs.png'), fullPage: true,
    clip: { x: top.x - 8, y: top.y + scrollY - 8, width: top.width + 16, height: stancesBox.y + stancesBox.height - top.y + 24 } });

  // A cell jumps to its mention, opening its article.
  const col = 1;
  const actor = cmp.actors.find((a) => a.in_articles[col]);
  const cell = actor.in_articles[col];
  const row = cmp.actors.indexOf(actor);
  await page.focus(`#cmp-a-${row}-${col}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('#input').value === t, TEXTS[FILES.indexOf(order[col])]);
  await page.waitForFunction(() => document.activeElement?.matches('#result mark.ent'));
  const landed = await page.evaluate(() => ({ text: document.activeElement.textContent, canonical: document.activeElement.dataset.canonical }));
  const expectText = TEXTS[FILES.indexOf(order[col])];
  const firstMention = Buffer.from(expectText).subarray(cell.first.start, cell.first.end).toString();
  assert.ok(landed.text.startsWith(firstMention), `${landed.text} / ${firstMention}`);
  // And back to the cell.
  await page.click('#back-to-comparison');
  assert.equal(await page.evaluate(() => document.activeElement.id), `cmp-a-${row}-${col}`);

  // Print: only the comparison.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#library'), false, 'the library is not printed');
  assert.equal(await page.isVisible('.paste'), false);
  assert.ok(await page.isVisible('#comparison table[data-part=stances]'));
  await page.emulateMedia({ media: 'screen' });

  // Export the library, delete (undo once), import it back.
  const lib = await download(page, '#library-export');
  assert.equal(lib.name, 'loupe-bibliotheque.json');
  const libJson = JSON.parse(lib.text);
  assert.equal(libJson.schema, 'loupe.library/1');
  assert.deepEqual(libJson.articles.map((a) => a.name), order);
  assert.deepEqual(libJson.articles.map((a) => a.text).sort(), [...TEXTS].sort());
  assert.ok(libJson.articles.every((a) => a.analysis.schema === 'loupe.analysis/1'));

  const first = page.locator('#library-list .lib-delete').first();
  assert.equal(await first.getAttribute('aria-label'), `Supprimer «\u00a0${order[0]}\u00a0»`);
  await first.click();
  await page.waitForSelector('#library-undo');
  await page.waitForFunction(() => document.activeElement?.id === 'library-undo', null, { timeout: 3000 });
  assert.deepEqual(await names(page), order.slice(1));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /remis dans la bibliothèque/.test(document.querySelector('#library-status').textContent));
  assert.deepEqual(await names(page), order);
  for (let i = 0; i < 3; i++) {
    await page.locator('#library-list .lib-delete').first().click();
    await page.waitForSelector('#library-undo');
  }
  await page.waitForFunction(() => !document.querySelector('#library-list'));
  assert.match(await page.textContent('#library'), /Aucun article gardé/);
  // Still gone after a reload (IndexedDB, not memory).
  await page.reload();
  await page.waitForSelector('#analyse');
  await page.waitForFunction(() => /Aucun article gardé/.test(document.querySelector('#library').textContent));

  // A bad file: a clear message, nothing changes.
  const tmp = mkdtempSync(path.join(tmpdir(), 'loupe-lib-'));
  const bad = JSON.parse(lib.text);
  bad.articles[1].text = 'Un autre texte.';
  writeFileSync(path.join(tmp, 'bad.json'), JSON.stringify(bad));
  await page.setInputFiles('#library-import', path.join(tmp, 'bad.json'));
  await page.waitForFunction(() => /rien n’a été importé/.test(document.querySelector('#library-status').textContent));
  assert.match(await page.textContent('#library-status'), /L’article n°\u00a02 du fichier est inutilisable \(son analyse est celle d’un autre texte\)/);
  assert.match(await page.textContent('#library'), /Aucun article gardé/);
  writeFileSync(path.join(tmp, 'not.json'), 'pas du json');
  await page.setInputFiles('#library-import', path.join(tmp, 'not.json'));
  await page.waitForFunction(() => /n’est pas du JSON/.test(document.querySelector('#library-status').textContent));
  // The good file: every article back, names kept.
  writeFileSync(path.join(tmp, 'good.json'), lib.text);
  await page.setInputFiles('#library-import', path.join(tmp, 'good.json'));
  await page.waitForFunction(() => /3 articles importés/.test(document.querySelector('#library-status').textContent));
  assert.deepEqual(await names(page), order);
  // Again: nothing duplicated.
  await page.setInputFiles('#library-import', path.join(tmp, 'good.json'));
  await page.waitForFunction(() => /0 article importé, 3 déjà présents/.test(document.querySelector('#library-status').textContent));
  assert.deepEqual(await names(page), order);
  await axe(page, 'library', '#library-area');
  assert.deepEqual(errors, []);
  await context.close();
});

test('comparison on a 360 px phone: stacked, readable, axe clean; English interface', async () => {
  const { context, page, errors } = await open({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  for (const t of TEXTS) await keep(page, t);
  const boxes = page.locator('#library-list .lib-select');
  for (let i = 0; i < 3; i++) await boxes.nth(i).check();
  await page.click('#compare-selected');
  await page.waitForSelector('#comparison[data-state="done"]', { timeout: 30000 });
  // No sideways scrolling of the page.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
  // Stacked: each cell under its row, labelled with its column.
  const cellBox = await page.locator('#comparison table[data-part=actors] tbody tr').first().locator('td').nth(1).boundingBox();
  const headBox = await page.locator('#comparison table[data-part=actors] tbody tr').first().locator('th').boundingBox();
  assert.ok(cellBox.y >= headBox.y + headBox.height - 1, 'cells under the row header');
  assert.ok(await page.locator('#comparison table[data-part=actors] tbody td .cmp-col').first().isVisible());
  // Still a table for screen readers.
  assert.equal(await page.locator('#comparison table[data-part=actors]').getAttribute('role'), 'table');
  await axe(page, 'comparison 360', '#library-area');
  await page.locator('#cmp-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'comparison-360.png') });
  await page.locator('#comparison').screenshot({ path: path.join(OUT, 'comparison-360-full.png') });
  await page.locator('#comparison table[data-part=stances]').screenshot({ path: path.join(OUT, 'comparison-360-stances.png') });
  await page.locator('#comparison table[data-part=quotes]').screenshot({ path: path.join(OUT, 'comparison-360-quotes.png') });
  // Targets of at least 24 px.
  const small = await page.$$eval('#library-area button, #library-area input', (els) => els
    .filter((e) => e.offsetParent)
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width < 24 || r.height < 24).length);
  assert.equal(small, 0);
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#library-heading').textContent === 'Library');
  assert.equal(await page.textContent('#cmp-heading'), 'Comparison of 3 articles');
  assert.match(await page.textContent('#compare-selected'), /Compare the selection \(3\)/);
  await axe(page, 'comparison 360 en', '#library-area');
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage refused (IndexedDB throws): a clear notice, the article on screen untouched', async () => {
  const block = () => {
    Object.defineProperty(window, 'indexedDB', {
      configurable: true,
      get() { throw new DOMException('The user denied permission to access the database.', 'SecurityError'); },
    });
  };
  const { context, page } = await open({ init: block });
  await page.waitForSelector('#library .lib-unavailable');
  assert.match(await page.textContent('#library-status'), /Bibliothèque indisponible/);
  await analyse(page, TEXTS[0]);
  const before = await page.$$eval('#result mark.ent', (ms) => ms.length);
  await page.click('#keep');
  await page.waitForFunction(() => /Bibliothèque indisponible/.test(document.querySelector('#status').textContent));
  assert.equal(await page.inputValue('#input'), TEXTS[0], 'the text is untouched');
  assert.equal(await page.$$eval('#result mark.ent', (ms) => ms.length), before, 'the result is still on screen');
  assert.ok(await page.isDisabled('#library-import'));
  await axe(page, 'unavailable', '#library-area');
  await context.close();
});

test('storage full (QuotaExceededError): said, nothing half-written, the article kept on screen', async () => {
  const full = () => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('Quota exceeded.', 'QuotaExceededError'); };
  };
  const { context, page } = await open({ init: full });
  await page.waitForFunction(() => /Aucun article gardé/.test(document.querySelector('#library').textContent));
  await analyse(page, TEXTS[1]);
  await page.click('#keep');
  await page.waitForFunction(() => /Stockage plein/.test(document.querySelector('#status').textContent));
  assert.equal(await page.inputValue('#input'), TEXTS[1]);
  await page.reload();
  await page.waitForSelector('#analyse');
  await page.waitForFunction(() => /Aucun article gardé/.test(document.querySelector('#library').textContent));
  await context.close();
});

test('offline (service worker): the library and the comparison work without network', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
  await keep(page, TEXTS[0]);
  await context.setOffline(true);
  const resp = await page.reload();
  assert.ok(resp.fromServiceWorker(), 'the page comes from the service worker');
  await page.waitForSelector('#library-list li');
  await keep(page, TEXTS[2]);
  assert.equal((await names(page)).length, 2);
  const boxes = page.locator('#library-list .lib-select');
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.click('#compare-selected');
  await page.waitForSelector('#comparison[data-state="done"]', { timeout: 30000 });
  assert.equal(await page.textContent('#cmp-heading'), 'Comparaison de 2 articles');
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test('embed (?embed=1): no library, no « Garder »', async () => {
  const { context, page } = await open({ url: `${env.server.url}?embed=1` });
  await page.waitForSelector('html[data-embed]');
  await page.fill('#input', TEXTS[0]);
  await page.click('#analyse');
  await page.waitForSelector('#result[data-analysis-state="done"]');
  assert.equal(await page.locator('#keep').count(), 0);
  assert.equal(await page.locator('#library').count(), 0);
  await context.close();
});
