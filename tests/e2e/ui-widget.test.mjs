// End-to-end tests of the widget's behaviours (issue 4): paste (plain and HTML), files, layer
// toggles, the explanation popover, keyboard navigation, card-to-mention jumps, every export, the
// share link round trip, autosave, the English toggle, long texts, axe-core with zero violations,
// and screenshots at desktop (1280) and phone (360) widths in tests/e2e/out/ui-*.png.
//
// Run in tests/e2e after `trunk build --release` and `cargo build --release --bin loupe`:
//   node --test ui-widget.test.mjs        (LOUPE_DIST / LOUPE_CLI for other builds)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { FIXTURES, OUT, openPage, cliAnalysis, useBrowser } from './harness.mjs';

const RUSSIE = readFileSync(path.join(FIXTURES, 'russie-turquie-gaz.txt'), 'utf8');
const NANCY = readFileSync(path.join(FIXTURES, 'nancy-conseil-municipal.txt'), 'utf8');
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 360, height: 780 };

const env = useBrowser();

function open(opts = {}) {
  return openPage(env.browser, opts.url ?? env.server.url, { viewport: DESKTOP, ...opts });
}

/** Resolves with the detail of the next `loupe:rendered` event. */
function nextRendered(page) {
  return page.evaluate(() => new Promise((resolve) => {
    window.addEventListener('loupe:rendered', (e) => resolve(e.detail), { once: true });
  }));
}

async function waitDone(page, timeout = 30000) {
  await page.waitForSelector('#result[data-analysis-state="done"]', { timeout });
}

/** Fills the text area and analyses it; resolves once the result is fully on screen. */
async function analyse(page, text) {
  const rendered = nextRendered(page);
  await page.fill('#input', text);
  await page.click('#analyse');
  const detail = await rendered;
  await waitDone(page);
  return detail;
}

/** A synthetic article of about `bytes` (the fixtures repeated, each copy's lines made unique so
 * that the duplicate-line rule of the boilerplate layer does not set them aside). */
function bigText(bytes) {
  const all = [RUSSIE, NANCY, readFileSync(path.join(FIXTURES, 'ue-maroc-commerce.txt'), 'utf8')].join('\n\n');
  let s = '';
  for (let rep = 0; s.length < bytes; rep++) {
    for (const line of all.split('\n')) s += line.trim() ? `${line} (${rep})\n` : '\n';
    s += '\n';
  }
  return s;
}

async function axe(page, label) {
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], `axe violations (${label})`);
}

test('paste: plain text is analysed at once, HTML is converted to text and never executed', async () => {
  const { context, page, errors } = await open({ permissions: ['clipboard-read', 'clipboard-write'] });
  // A real paste (Ctrl+V) of plain text: no click, no debounce wait.
  await page.evaluate((t) => navigator.clipboard.writeText(t), RUSSIE);
  const rendered = nextRendered(page);
  await page.focus('#input');
  const t0 = Date.now();
  await page.keyboard.press('ControlOrMeta+V');
  const detail = await rendered;
  const ms = Date.now() - t0;
  assert.equal(await page.inputValue('#input'), RUSSIE.replace(/\r\n?/g, '\n'));
  assert.ok(await page.locator('#result mark.ent').count() > 10);
  assert.ok(detail.bytes > 0 && detail.analyse_ms >= 0 && detail.render_ms >= 0);
  assert.equal(detail.worker, true, 'the analysis ran in the worker');
  console.log(`# paste → highlights (${RUSSIE.length} B): ${ms} ms`);

  // HTML on the clipboard: converted to text; scripts and handlers never run.
  await page.fill('#input', '');
  const html = '<html><head><style>p{}</style><script>window.__pwned = 1</script></head><body>'
    + '<h1>Visite à Ankara</h1><nav>Partager</nav><p>Le président français <b>Emmanuel Macron</b> a reçu '
    + '<a href="https://x.example/">M. Erdogan</a> à Paris.</p><img src="x" onerror="window.__pwned = 2">'
    + '<p>Deuxième paragraphe&nbsp;: « la paix ».</p></body></html>';
  const rendered2 = nextRendered(page);
  await page.evaluate((h) => {
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    document.querySelector('#input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await rendered2;
  await waitDone(page);
  const value = await page.inputValue('#input');
  assert.equal(value, 'Visite à Ankara\n\nPartager\n\nLe président français Emmanuel Macron a reçu M. Erdogan à Paris.\n\nDeuxième paragraphe\u00a0: « la paix ».');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('#result img, #result b, #result script, #result a').count(), 0);
  assert.equal(await page.getAttribute('#result mark[data-type="PER"]', 'data-canonical'), 'Emmanuel Macron');
  assert.match(await page.textContent('#status'), /HTML collé a été converti/);
  // HTML source pasted as plain text is converted too.
  await page.fill('#input', '');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.setData('text/plain', '<p>Le président <script>alert(1)</script>français Emmanuel Macron.</p>');
    document.querySelector('#input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  });
  await waitDone(page);
  assert.equal(await page.inputValue('#input'), 'Le président français Emmanuel Macron.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('files: a chosen .md and a dropped .html are read as text; an unsupported file changes nothing', async () => {
  const { context, page, errors } = await open();
  await page.setInputFiles('#fichier', { name: 'article.md', mimeType: 'text/markdown',
    buffer: Buffer.from('# Le titre\n\nLe président français **Emmanuel Macron** a parlé à [Paris](https://x.fr).\n') });
  await waitDone(page);
  assert.equal(await page.inputValue('#input'), 'Le titre\n\nLe président français Emmanuel Macron a parlé à Paris.\n');
  assert.ok(await page.locator('#result mark[data-type="LOC"]').count() >= 1);

  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['<p>La chancelière allemande <i>Angela Merkel</i> est à Berlin.</p><script>window.__pwned=1</script>'],
      'page.html', { type: 'text/html' }));
    const zone = document.querySelector('.paste');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('#input').value.startsWith('La chancelière'));
  await waitDone(page);
  assert.equal(await page.inputValue('#input'), 'La chancelière allemande Angela Merkel est à Berlin.');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  // The previous text can be put back.
  await page.click('#retablir');
  await page.waitForFunction(() => document.querySelector('#input').value.startsWith('Le titre'));

  const before = await page.inputValue('#input');
  await page.setInputFiles('#fichier', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([137, 80, 78, 71]) });
  await page.waitForSelector('#status .notice-error');
  assert.match(await page.textContent('#status'), /n’est pas pris en charge/);
  assert.equal(await page.inputValue('#input'), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('layer toggles show counts and hide a layer (and its tab stops)', async () => {
  const a = cliAnalysis(RUSSIE);
  const { context, page, errors } = await open();
  await analyse(page, RUSSIE);
  const count = async (k) => Number(await page.textContent(`.layer-${k} .layer-count`));
  const per = a.mentions.filter((m) => m.type === 'PER').length;
  assert.equal(await count('per'), per);
  assert.equal(await count('quote'), a.quotes.length);
  assert.equal(await count('stance'), a.stances.length);
  assert.equal(await count('frame'), a.frames.length);
  assert.equal(await count('date'), a.dates.length);
  const first = '#result mark.ent-PER[data-part="0"]';
  const deco = () => page.$eval(first, (m) => getComputedStyle(m).textDecorationLine);
  assert.equal(await deco(), 'underline');
  await page.uncheck('#layer-per');
  assert.equal(await deco(), 'none');
  assert.equal(await page.getAttribute(first, 'tabindex'), '-1');
  assert.ok((await page.getAttribute('#result', 'class')).includes('hide-per'));
  await page.check('#layer-per');
  assert.equal(await deco(), 'underline');
  assert.equal(await page.getAttribute(first, 'tabindex'), '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('explanation popover: type, canonical name, role, rule, other mentions; Esc closes', async () => {
  const a = cliAnalysis(RUSSIE);
  // An entity with several mentions whose surface differs from its canonical name.
  const ei = a.entities.findIndex((e) => e.mentions.length > 1 && e.type === 'PER');
  const e = a.entities[ei];
  const mi = e.mentions[1];
  const { context, page, errors } = await open();
  await analyse(page, RUSSIE);
  await page.click(`#result [data-key="m${mi}"][data-part="0"]`);
  const pop = page.locator('#explain');
  await pop.waitFor();
  const txt = await pop.textContent();
  assert.ok(txt.includes('Personne'), txt);
  assert.ok(txt.includes(e.canonical), txt);
  if (e.role) assert.ok(txt.includes(e.role), txt);
  // The rule in words (« Pourquoi »), its id only as an attribute.
  assert.equal(await pop.getAttribute('data-rule'), a.mentions[mi].rule.id);
  assert.ok(txt.includes('Pourquoi'), txt);
  assert.equal(await pop.locator('button.other').count(), Math.min(e.mentions.length - 1, 12));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), `m${mi}`);
  // The other mentions are marked in the text, and a click jumps to one of them.
  assert.equal(await page.locator('#result [data-key].is-related').count() >= e.mentions.length - 1, true);
  const other = await pop.locator('button.other').first().getAttribute('data-jump');
  await pop.locator('button.other').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), other);
  await page.keyboard.press('Escape');
  await pop.waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), other);
  // A quote explains whose it is.
  if (a.quotes.length) {
    await page.focus('#result q.quote[data-key="q0"]');
    await page.waitForSelector('#explain');
    assert.match(await page.textContent('#explain'), /Citation/);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: Tab / Shift-Tab and j / k move through highlights, Enter enters the explanation, Esc closes it', async () => {
  const { context, page, errors } = await open();
  await analyse(page, RUSSIE);
  const keys = await page.$$eval('#result [data-key][tabindex="0"]', (els) => els.map((e) => e.dataset.key));
  assert.ok(keys.length > 5);
  const active = () => page.evaluate(() => document.activeElement?.dataset?.key ?? document.activeElement?.id);
  // Tab from the last layer checkbox enters the text at its first highlight.
  await page.focus('#layer-chrome');
  await page.keyboard.press('Tab');
  assert.equal(await active(), keys[0]);
  await page.waitForSelector('#explain');
  await page.keyboard.press('Tab');
  assert.equal(await active(), keys[1]);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await active(), keys[0]);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  assert.equal(await active(), keys[2]);
  await page.keyboard.press('k');
  assert.equal(await active(), keys[1]);
  assert.equal(await page.locator('#explain').count(), 1);
  // The explanation follows the focus.
  const k1 = keys[1];
  await page.keyboard.press('Enter');
  assert.equal(await active(), 'explain');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#explain').count(), 0);
  assert.equal(await active(), k1);
  // j / k are not shortcuts while typing.
  await page.focus('#input');
  await page.keyboard.press('End');
  await page.keyboard.type('j');
  assert.ok((await page.inputValue('#input')).endsWith('j'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('card: clicking a person, a quote or a frame jumps to its mention', async () => {
  const a = cliAnalysis(RUSSIE);
  const { context, page, errors } = await open({ viewport: { width: 1280, height: 700 } });
  await analyse(page, RUSSIE);
  // People with their roles, organisations with acronyms, places, quotes, stance matrix, frames.
  const card = await page.textContent('#card');
  for (const p of a.card.people) {
    assert.ok(card.includes(p.name));
    if (p.role) assert.ok(card.includes(p.role));
  }
  for (const o of a.card.organizations) if (o.acronym) assert.ok(card.includes(o.acronym));
  assert.equal(await page.locator('#card table.stances tbody tr').count(), a.card.stance_matrix.length);
  assert.equal(await page.locator('#card ul.frames li').count(), a.card.frames.length);
  assert.equal(await page.locator('#card ol.summary li').count(), a.card.summary.length);

  const last = a.card.people[a.card.people.length - 1];
  const key = `m${a.entities[last.entity].mentions[0]}`;
  await page.click(`#card button[data-jump="${key}"]`);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.key), key);
  const inView = await page.$eval(`#result [data-key="${key}"]`, (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  assert.ok(inView, 'the mention is scrolled into view');
  await page.waitForSelector('#explain');
  if (a.card.quotes.length) {
    const q = `q${a.card.quotes[0].quote}`;
    await page.click(`#card button[data-jump="${q}"]`);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), q);
  }
  if (a.card.frames.length) {
    const f = a.card.frames[0].frame;
    await page.click(`#card li[data-frame="${f}"] button`);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.frame), f);
  }
  // A hidden layer is shown again when the card jumps into it.
  await page.uncheck('#layer-per');
  await page.click(`#card button[data-jump="${key}"]`);
  assert.equal(await page.isChecked('#layer-per'), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('exports: Markdown copy, JSON download (the versioned schema), PNG download, share link round trip', async () => {
  const a = cliAnalysis(RUSSIE);
  const { context, page, errors } = await open({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  await analyse(page, RUSSIE);

  await page.click('#export-md');
  await page.waitForSelector('#status .notice-info');
  const md = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(md.startsWith('# '), md);
  assert.ok(md.includes('## Personnes'));
  for (const p of a.card.people) assert.ok(md.includes(p.name.replace(/[*_[\]#|<>`\\]/g, (c) => `\\${c}`)), p.name);
  assert.ok(md.includes('loupe.analysis/1'));

  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  assert.equal(dl.suggestedFilename(), 'loupe-analyse.json');
  const json = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(json.schema, 'loupe.analysis/1');
  assert.deepEqual(json, a, 'the downloaded JSON equals the CLI output');

  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  assert.equal(png.suggestedFilename(), 'loupe-fiche.png');
  const buf = readFileSync(await png.path());
  assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  assert.equal(width, 1440);
  assert.ok(height > 600, `height ${height}`);
  writeFileSync(path.join(OUT, 'ui-card-export.png'), buf);

  await page.click('#export-share');
  await page.waitForSelector('#share-url');
  const url = await page.inputValue('#share-url');
  assert.match(url, /#t=[A-Za-z0-9_-]+$/);
  assert.ok(url.length < RUSSIE.length, 'the text is compressed');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url);
  // Round trip in a fresh context (no draft): the text comes back from the fragment only.
  const fresh = await open({ url });
  await waitDone(fresh.page);
  assert.equal(await fresh.page.inputValue('#input'), RUSSIE.replace(/\r\n?/g, '\n'));
  assert.ok(await fresh.page.locator('#result mark.ent').count() > 10);
  assert.equal(new URL(fresh.page.url()).hash, '', 'the fragment is dropped once read');
  assert.match(await fresh.page.textContent('#status'), /lien de partage/);
  // A damaged link gives a clear message.
  const bad = await open({ url: `${env.server.url}#t=AAAA` });
  await bad.page.waitForSelector('#status .notice-error');
  assert.match(await bad.page.textContent('#status'), /illisible/);
  assert.deepEqual([...errors, ...fresh.errors, ...bad.errors], []);
  await Promise.all([context.close(), fresh.context.close(), bad.context.close()]);
});

test('autosave: the draft survives a reload; « Effacer » asks first', async () => {
  const { context, page, errors } = await open();
  await page.locator('#input').pressSequentially('Le président français Emmanuel Macron a parlé à Lyon.', { delay: 2 });
  await waitDone(page);
  await page.reload();
  await page.waitForSelector('#analyse');
  await waitDone(page);
  assert.equal(await page.inputValue('#input'), 'Le président français Emmanuel Macron a parlé à Lyon.');
  assert.match(await page.textContent('#status'), /brouillon a été restauré/);
  assert.equal(await page.getAttribute('#result mark[data-type="PER"]', 'data-canonical'), 'Emmanuel Macron');
  // Clear asks first; cancelling keeps everything.
  await page.click('#effacer');
  await page.waitForSelector('#confirm-clear:not([hidden])');
  await page.click('#effacer-non');
  assert.equal(await page.inputValue('#input'), 'Le président français Emmanuel Macron a parlé à Lyon.');
  await page.click('#effacer');
  await page.click('#effacer-oui');
  assert.equal(await page.inputValue('#input'), '');
  assert.equal(await page.locator('#result mark').count(), 0);
  await page.reload();
  await page.waitForSelector('#analyse');
  assert.equal(await page.inputValue('#input'), '');
  assert.deepEqual(errors, []);
  await context.close();
});

test('English toggle: the interface switches and the choice is kept', async () => {
  const { context, page, errors } = await open();
  await analyse(page, RUSSIE);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal((await page.textContent('#analyse')).trim(), 'Analyser');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await waitDone(page);
  assert.equal((await page.textContent('#analyse')).trim(), 'Analyse');
  assert.equal((await page.textContent('#card-heading')).trim(), 'Article card');
  assert.match(await page.textContent('#stats'), / words · \d+ min read · \d+ entities$/);
  assert.equal(await page.textContent('#result mark.ent-PER > .sr-only'), ' (person)');
  assert.equal(await page.textContent('.layer-per .layer-name'), 'People');
  await page.reload();
  await page.waitForSelector('#analyse');
  assert.equal((await page.textContent('#analyse')).trim(), 'Analyse');
  await page.click('#lang');
  assert.equal((await page.textContent('#analyse')).trim(), 'Analyser');
  assert.deepEqual(errors, []);
  await context.close();
});

test('long texts: 10 KB and 1 MB stay responsive (worker, progressive rendering); past 2 MB a notice', async () => {
  const { context, page, errors } = await open();
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); })
      .observe({ type: 'longtask', buffered: false });
  });
  const lines = [];
  for (const [label, size] of [['10 KB', 10_000], ['1 MB', 1_000_000]]) {
    const text = bigText(size);
    // The text is put in place without an input event, then « Analyser » is pressed: the time
    // measured is from the request to the last highlight on screen.
    await page.evaluate((t) => { document.querySelector('#input').value = t; }, text);
    // Laying out a megabyte in the text area is the browser's own cost of a paste: let it pass.
    await page.waitForTimeout(1000);
    await page.evaluate(() => { window.__long = []; });
    const rendered = nextRendered(page);
    const t0 = Date.now();
    await page.click('#analyse');
    const d = await rendered;
    const wall = Date.now() - t0;
    const long = await page.evaluate(() => window.__long);
    const max = Math.max(0, ...long);
    lines.push(`# ${label} (${text.length} B): paste→highlights ${wall} ms (analysis+transfer ${d.analyse_ms.toFixed(0)} ms, render ${d.render_ms.toFixed(0)} ms), ${long.length} long tasks, longest ${max.toFixed(0)} ms`);
    assert.equal(d.truncated, false);
    assert.equal(d.worker, true);
    // Typing still works right after.
    assert.ok(await page.locator('#result mark.ent').count() > 10);
  }
  // The whole view is there for 1 MB: the last block of the text is rendered.
  const lastLine = bigText(1_000_000).trim().split('\n').pop();
  const shown = await page.$eval('#result-doc', (d) => d.lastElementChild.textContent);
  assert.ok(shown.includes(lastLine.slice(-20)), 'the end of the text is rendered');

  // Past the limit: a clear notice, the text area keeps everything.
  const huge = bigText(2_300_000);
  await page.evaluate((t) => { document.querySelector('#input').value = t; }, huge);
  const rendered = nextRendered(page);
  await page.click('#analyse');
  const d = await rendered;
  assert.equal(d.truncated, true);
  assert.match(await page.textContent('#status .truncated'), /seuls les 2,0\u00a0Mo premiers/);
  assert.equal((await page.inputValue('#input')).length, huge.length);
  assert.match(await page.textContent('#result-doc .block-rest'), /suite non analysée/);
  for (const l of lines) console.log(l);
  writeFileSync(path.join(OUT, 'ui-timings.txt'), lines.join('\n') + '\n');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a long paste is kept out of the text area layout and rendered slice by slice: every highlight and all the text end up on screen', async () => {
  const { context, page, errors } = await open();
  const text = bigText(300_000);
  const rendered = nextRendered(page);
  // As a paste does: focus, the value changes, then an input event.
  const slicesSeen = page.evaluate(() => new Promise((resolve) => {
    // How many slices were on screen at each `data-analysis-state` change and at the end.
    const doc = document.querySelector('#result-doc');
    const counts = [];
    const mo = new MutationObserver(() => counts.push(doc.children.length));
    mo.observe(doc, { childList: true });
    window.addEventListener('loupe:rendered', () => { mo.disconnect(); resolve(counts); }, { once: true });
  }));
  await page.evaluate((t) => {
    const ta = document.querySelector('#input');
    ta.focus();
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  // At once (before the analysis is back): the text area's text is hidden, the notice says why,
  // the focus is on « Afficher le texte », and the text itself is untouched.
  assert.equal(await page.$eval('#input', (t) => t.classList.contains('collapsed')), true);
  assert.equal(await page.isVisible('#long-text'), true);
  assert.match(await page.textContent('#long-text'), /Texte long \([\d\u202f]+\u00a0caractères\)/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'show-text');
  assert.equal(await page.$eval('#input', (t) => t.getAttribute('aria-describedby')), 'long-text-msg');
  assert.equal((await page.inputValue('#input')).length, text.length);
  const d = await rendered;
  await waitDone(page);
  assert.equal(d.worker, true);
  // Rendered in several slices, inserted over several tasks (never one giant insertion; how many
  // tasks depends on the machine's speed).
  const counts = await slicesSeen;
  const slices = await page.$$eval('#result-doc > .chunk', (c) => c.length);
  assert.ok(slices >= 10, `${slices} slices`);
  assert.ok(new Set(counts).size >= 3, `slices appeared in ${new Set(counts).size} steps`);
  // Every highlight of the CLI's analysis is there, once (first pieces), in order.
  const a = cliAnalysis(text);
  const keys = await page.$$eval('#result-doc mark.ent[data-part="0"]', (ms) => ms.map((m) => m.dataset.canonical));
  assert.equal(keys.length, a.mentions.length + a.dates.length);
  // The rendered text is the input: blocks' text (labels for screen readers and the « chrome »
  // badge aside), whitespace-normalised.
  const shown = await page.$eval('#result-doc', (doc) => {
    const c = doc.cloneNode(true);
    c.querySelectorAll('.sr-only, .block-label').forEach((e) => e.remove());
    return [...c.querySelectorAll('p.block')].map((p) => p.textContent).join('\n');
  });
  const squash = (s) => s.replace(/\s+/g, '');
  assert.equal(squash(shown), squash(text));
  // « Afficher le texte » lays the text out again and gives it the focus.
  await page.click('#show-text');
  assert.equal(await page.$eval('#input', (t) => t.classList.contains('collapsed')), false);
  assert.equal(await page.isVisible('#long-text'), false);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  assert.equal(await page.inputValue('#input'), text);
  // Typing never hides it again; a short text is never hidden.
  await page.keyboard.press('End');
  await page.keyboard.type(' Fin.');
  assert.equal(await page.$eval('#input', (t) => t.classList.contains('collapsed')), false);
  // Another long paste hides it; focusing the text area (Tab, a click on it) shows it.
  await page.evaluate((t) => {
    const ta = document.querySelector('#input');
    ta.value = t;
    ta.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  assert.equal(await page.$eval('#input', (t) => t.classList.contains('collapsed')), true);
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  assert.equal(await page.$eval('#input', (t) => t.classList.contains('collapsed')), false);
  await waitDone(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('stale results are dropped: the last request wins', async () => {
  const { context, page, errors } = await open();
  // A long text first, then at once a short one: whatever finishes first, the view ends with the
  // short text's analysis.
  await page.evaluate((t) => { document.querySelector('#input').value = t; }, bigText(300_000));
  await page.click('#analyse');
  await page.fill('#input', 'Le président français Emmanuel Macron est à Lyon.');
  // Listening and clicking in one task: the long text may legitimately have been rendered before
  // this second request (a fast worker); after it, only the short text's result may be shown.
  const d = await page.evaluate(() => new Promise((resolve) => {
    window.addEventListener('loupe:rendered', (e) => resolve(e.detail), { once: true });
    document.querySelector('#analyse').click();
  }));
  assert.equal(d.bytes, Buffer.byteLength('Le président français Emmanuel Macron est à Lyon.'));
  await page.waitForTimeout(1500);
  await waitDone(page);
  assert.deepEqual(await page.$$eval('#result mark.ent', (ms) => ms.map((m) => m.dataset.canonical)), ['Emmanuel Macron', 'Lyon']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('without a worker the analysis runs on the main thread (said in the console only)', async () => {
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
  await context.route('**/worker.js', (r) => r.abort());
  const page = await context.newPage();
  const warnings = [];
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(env.server.url);
  await page.waitForSelector('#analyse');
  const d = await analyse(page, RUSSIE);
  assert.equal(d.worker, false);
  assert.ok(await page.locator('#result mark.ent').count() > 10);
  assert.ok(warnings.some((w) => w.includes('analysing on the main thread')), warnings.join('\n'));
  assert.doesNotMatch(await page.textContent('#status'), /worker/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core: zero violations (light/dark, 1280/360, with an analysis and with the popover open); screenshots', { timeout: 240000 }, async () => {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    for (const scheme of ['light', 'dark']) {
      const { context, page, errors } = await open({ viewport, colorScheme: scheme });
      await axe(page, `${label} ${scheme} empty`);
      await analyse(page, RUSSIE);
      await axe(page, `${label} ${scheme} analysed`);
      // No horizontal overflow, even at 360 px.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px (${label} ${scheme})`);
      const suffix = scheme === 'dark' ? `${label}-dark` : label;
      await page.screenshot({ path: path.join(OUT, `ui-${suffix}.png`), fullPage: label === 'desktop' });
      // The text from its top, with the explanation of a person open (docs/screenshot.png is
      // layout.test.mjs's layout-laptop-explain.png).
      await page.$eval('#result', (r) => window.scrollTo(0, r.getBoundingClientRect().top + window.scrollY - 12));
      const mark = page.locator('#result mark.ent-PER[data-part="0"]').nth(1);
      await mark.focus();
      await page.waitForSelector('#explain');
      await axe(page, `${label} ${scheme} popover`);
      await page.screenshot({ path: path.join(OUT, `ui-${suffix}-popover.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
