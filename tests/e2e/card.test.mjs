// End-to-end tests of issue 13 (points 3–5): claims shown with their strength (« à vérifier » on
// `guess` items, in the card and in every export), dismissing card items (kept per text, also
// where storage is blocked, reflected in the Markdown, JSON and PNG exports), the notes that say
// why a result has little or nothing in it, and the embed that fits its host (short card, height
// close to its content, no false storage notice in a third-party frame).
//
// Run in tests/e2e after `trunk build --release` and `cargo build --release --bin loupe`:
//   node --test card.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { DIST, FIXTURES, OUT, serve, openPage, cliAnalysis, useBrowser } from './harness.mjs';

const NANCY = readFileSync(path.join(FIXTURES, 'nancy-conseil-municipal.txt'), 'utf8');
const RUSSIE = readFileSync(path.join(FIXTURES, 'russie-turquie-gaz.txt'), 'utf8');
// 46 words: the paragraph of the example host page (www/host.html).
const SHORT = 'Le 14 juillet 2024, le président de la République Emmanuel Macron a reçu à l’Élysée le secrétaire général de l’ONU, António Guterres. « Nous devons agir ensemble pour le climat », a déclaré M. Guterres à l’issue de l’entretien. La Commission européenne a salué cette rencontre.';
const DESKTOP = { width: 1280, height: 900 };
const PROTOCOL = 'loupe-embed/1';

/** Makes `localStorage` throw like a browser that blocks storage (third-party frame, settings):
 * in every frame, or only in frames of `origin`. */
function blockStorage(context, origin = null) {
  return context.addInitScript((only) => {
    if (only && location.origin !== only) return;
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", 'SecurityError');
      },
    });
  }, origin);
}

/** Records every string drawn on a canvas (the PNG export) in window.__drawn. */
const RECORD_CANVAS = () => {
  window.__drawn = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
    window.__drawn.push(String(text));
    return fill.call(this, text, ...rest);
  };
};

const env = useBrowser({ servers: { server: DIST, host: DIST } });

async function open(opts = {}) {
  const { block, url, ...rest } = opts;
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR', colorScheme: 'light',
    permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true, ...rest });
  if (block) await blockStorage(context);
  await context.addInitScript(RECORD_CANVAS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url ?? env.server.url);
  await page.waitForSelector('#analyse');
  return { context, page, errors };
}

async function waitDone(page) {
  await page.waitForSelector('#result[data-analysis-state="done"]', { timeout: 30000 });
}

async function analyse(page, text) {
  await page.fill('#input', text);
  await page.click('#analyse');
  await waitDone(page);
  await page.waitForSelector('#card .card-words');
}

async function axe(page, label, include = null) {
  let b = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (include) b = b.include(include);
  const res = await b.analyze();
  const summary = res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], `axe violations (${label})`);
}

const item = (page, id) => page.locator(`#card [data-item="${id.replace(/"/g, '\\"')}"]`);

async function markdown(page) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.click('#export-md');
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).startsWith('# '));
  return page.evaluate(() => navigator.clipboard.readText());
}

async function json(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
  return JSON.parse(readFileSync(await dl.path(), 'utf8'));
}

/** The PNG export: its bytes and the strings drawn on its canvas. */
async function png(page) {
  await page.evaluate(() => { window.__drawn = []; });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
  const buf = readFileSync(await dl.path());
  assert.deepEqual([...buf.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'PNG signature');
  return { buf, height: buf.readUInt32BE(20), drawn: await page.evaluate(() => window.__drawn) };
}

test('confidence: « à vérifier » on guesses (icon, text, label), never on sure items; in the Markdown and PNG exports', async () => {
  const a = cliAnalysis(NANCY);
  const guessPlace = a.card.places.find((p) => p.confidence === 'guess');
  const surePlace = a.card.places.find((p) => p.confidence === 'sure');
  assert.ok(guessPlace && surePlace, 'the fixture has a guessed and a sure place');
  const { context, page, errors } = await open();
  await analyse(page, NANCY);

  // Every card item carries its class; exactly the guesses carry the marker.
  const items = await page.$$eval('#card [data-item]', (els) => els.map((e) => ({
    conf: e.dataset.confidence, marker: e.querySelector('.to-check')?.textContent ?? null,
    icon: !!e.querySelector('.to-check svg'), name: e.querySelector('.jump')?.getAttribute('aria-label') ?? e.querySelector('.jump')?.textContent })));
  const expected = a.card.people.length + a.card.organizations.length + a.card.places.length
    + a.card.stance_matrix.length + a.card.quotes.length;
  assert.equal(items.length, expected);
  const guesses = items.filter((i) => i.conf === 'guess');
  assert.ok(guesses.length >= 2);
  for (const i of items) {
    if (i.conf === 'guess') {
      assert.equal(i.marker, ', à vérifier', JSON.stringify(i));
      assert.ok(i.icon, 'an icon beside the words');
    } else {
      assert.equal(i.marker, null, `no marker on a ${i.conf} item: ${JSON.stringify(i)}`);
    }
  }
  const guessBtn = item(page, `loc:${guessPlace.name}`).locator('button.jump');
  const sureBtn = item(page, `loc:${surePlace.name}`).locator('button.jump');
  // The accessible name says it (the sr-only comma makes a pause), and the tooltip explains it.
  assert.match(await guessBtn.innerText(), new RegExp(`${guessPlace.name}\\s*,?\\s*à vérifier`));
  assert.match(await guessBtn.evaluate((b) => b.textContent), /, à vérifier$/);
  assert.match(await guessBtn.locator('.to-check').getAttribute('title'), /indices faibles/);
  assert.doesNotMatch(await sureBtn.evaluate((b) => b.textContent), /vérifier/);
  // Not styled like a sure item: dashed chip, no solid weight.
  assert.equal(await guessBtn.evaluate((b) => getComputedStyle(b).borderTopStyle), 'dashed');
  assert.equal(await sureBtn.evaluate((b) => getComputedStyle(b).borderTopStyle), 'solid');
  // The legend under the card says what it means.
  assert.match(await page.textContent('#card .card-legend'), /Loupe l’a déduit d’indices faibles/);

  const md = await markdown(page);
  assert.ok(md.includes(`${guessPlace.name} _(à vérifier)_`), md);
  assert.ok(!md.includes(`${surePlace.name} _(à vérifier)_`), md);
  const guessCells = a.card.stance_matrix.filter((s) => s.confidence === 'guess');
  for (const s of guessCells) assert.ok(md.includes(`| ${s.holder} _(à vérifier)_ |`), md);
  assert.ok(md.includes('_À vérifier\u00a0: Loupe l’a déduit'), md);

  const { drawn } = await png(page);
  const placesLine = drawn.find((s) => s.startsWith(`${a.card.places[0].name} · `));
  assert.ok(placesLine?.includes(`${guessPlace.name} (à vérifier)`), JSON.stringify(drawn));
  assert.ok(!placesLine.includes(`${surePlace.name} (à vérifier)`), placesLine);
  assert.ok(drawn.some((s) => s.includes('indices faibles')), 'the legend is drawn');

  // English interface: « to check ».
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await guessBtn.evaluate((b) => b.textContent), /, to check$/);
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.deepEqual(errors, []);
  await context.close();
});

test('dismiss: per item, undo, kept per text across reloads, toned down in the text, left out of the exports; axe clean; screenshot', async () => {
  const a = cliAnalysis(NANCY);
  const person = a.card.people[0];
  const place = a.card.places.find((p) => p.confidence === 'guess');
  const cell = a.card.stance_matrix[0];
  const quote = a.card.quotes[0];
  const { context, page, errors } = await open();
  await analyse(page, NANCY);
  const before = await png(page);

  // Keyboard: Tab reaches « Écarter » (a 24 px target at least, labelled with the item).
  const dismiss = item(page, `per:${person.name}`).locator('button.dismiss');
  assert.equal(await dismiss.getAttribute('aria-label'), `Écarter «\u00a0${person.name}\u00a0» de la fiche`);
  const box = await dismiss.boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, JSON.stringify(box));
  await item(page, `per:${person.name}`).locator('button.jump').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'dismiss');
  await page.keyboard.press('Enter');
  // Struck through in place, « (écarté) », and the focus is on « Rétablir » (undo is one key).
  await page.waitForSelector(`#card [data-item="per:${person.name}"].dismissed`);
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), 'Rétablir');
  assert.equal(await item(page, `per:${person.name}`).locator('s').textContent(), person.name);
  assert.match(await item(page, `per:${person.name}`).textContent(), /\(écarté\)/);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`#card [data-item="per:${person.name}"]:not(.dismissed)`);
  assert.equal(await page.evaluate(() => document.activeElement.className), 'dismiss');

  // Dismiss a person, a place, a stance cell and a quote.
  for (const id of [`per:${person.name}`, `loc:${place.name}`, `stance:${cell.holder}|${cell.polarity}|${cell.target}`, `quote:${quote.text}`]) {
    await item(page, id).locator('button.dismiss').click();
    await page.waitForSelector(`#card [data-item="${id.replace(/"/g, '\\"')}"].dismissed`);
  }
  assert.match(await page.textContent('#card .card-dismissed'), /^4 éléments écartés par vous pour ce texte/);
  // The person's highlights stay in the text, toned down, and say « écarté » to screen readers.
  const mark = page.locator(`#result mark[data-canonical="${person.name}"]`).first();
  assert.equal(await mark.evaluate((m) => getComputedStyle(m).backgroundColor), 'rgba(0, 0, 0, 0)');
  assert.equal(await mark.locator('.sr-only').evaluate((s) => getComputedStyle(s, '::after').content), '", écarté"');
  const other = page.locator(`#result mark[data-canonical="${a.card.people[1].name}"]`).first();
  assert.notEqual(await other.evaluate((m) => getComputedStyle(m).backgroundColor), 'rgba(0, 0, 0, 0)');

  await page.locator('#card').screenshot({ path: path.join(OUT, 'card-markers-dismissed.png') });
  await axe(page, 'card with markers and dismissed items');

  // Exports leave the dismissed items out.
  const md = await markdown(page);
  assert.ok(!md.includes(`**${person.name}**`), md);
  assert.ok(md.includes(`**${a.card.people[1].name}**`), md);
  assert.ok(!md.includes(`${place.name} _(à vérifier)_`), md);
  assert.ok(!md.includes(quote.text.slice(0, 30)), md);
  const j = await json(page);
  assert.deepEqual(j.dismissed.people.map((p) => p.name), [person.name]);
  assert.deepEqual(j.dismissed.places.map((p) => p.name), [place.name]);
  assert.deepEqual(j.dismissed.stance_matrix.map((s) => s.holder), [cell.holder]);
  assert.deepEqual(j.dismissed.quotes.map((q) => q.text), [quote.text]);
  assert.ok(!j.card.people.some((p) => p.name === person.name));
  assert.equal(j.card.people.length, a.card.people.length - 1);
  const { dismissed, ...rest } = j;
  assert.deepEqual({ ...rest, card: a.card }, a, 'only the card differs from the CLI output');
  const after = await png(page);
  assert.ok(!after.drawn.some((s) => s.startsWith(person.name)), JSON.stringify(after.drawn));
  assert.ok(after.drawn.some((s) => s.startsWith(a.card.people[1].name)));
  assert.ok(!after.drawn.some((s) => s.includes(quote.text.slice(0, 20))));
  assert.ok(after.height < before.height, `PNG ${before.height} → ${after.height}`);
  assert.ok(!after.buf.equals(before.buf));

  // Kept for this text across a reload (the draft brings the same text back)…
  await page.reload();
  await page.waitForSelector('#analyse');
  await waitDone(page);
  await page.waitForSelector(`#card [data-item="per:${person.name}"].dismissed`);
  assert.equal(await page.locator('#card [data-item].dismissed').count(), 4);
  // … but not for another text.
  await analyse(page, `${NANCY}\nUne phrase de plus.`);
  await page.waitForSelector(`#card [data-item="per:${person.name}"]:not(.dismissed)`);
  assert.equal(await page.locator('#card [data-item].dismissed').count(), 0);
  // Back to the first text: its list comes back.
  await analyse(page, NANCY);
  await page.waitForSelector(`#card [data-item="per:${person.name}"].dismissed`);
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('loupe.dismissed.')));
  assert.equal(keys.length, 1);
  assert.match(keys[0], /^loupe\.dismissed\.[0-9a-f]{16}$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dismiss where storage is blocked: works for the session, silently; exports reflect it; a true draft notice', async () => {
  const a = cliAnalysis(NANCY);
  const person = a.card.people[0];
  const { context, page, errors } = await open({ block: true });
  await analyse(page, NANCY);
  await item(page, `per:${person.name}`).locator('button.dismiss').click();
  await page.waitForSelector(`#card [data-item="per:${person.name}"].dismissed`);
  const md = await markdown(page);
  assert.ok(!md.includes(`**${person.name}**`), md);
  const j = await json(page);
  assert.deepEqual(j.dismissed.people.map((p) => p.name), [person.name]);
  // Another text and back: still dismissed (kept for the session).
  // (A text written for this test with a stance whose holder the core cannot find, « ? »: it is
  // shown in words.)
  const UNHELD = "Le maire de Lyon a présenté lundi le projet de tramway.\n\nUne ferme opposition au projet s'est exprimée dans la rue.\n";
  await analyse(page, UNHELD);
  const unknown = cliAnalysis(UNHELD).card.stance_matrix.filter((c) => c.holder === '?').length;
  assert.ok(unknown > 0, 'fixture precondition: a stance without holder');
  assert.equal(await page.locator('#card table.stances .holder', { hasText: /^auteur non identifié$/ }).count(), unknown);
  await analyse(page, NANCY);
  await page.waitForSelector(`#card [data-item="per:${person.name}"].dismissed`);
  // No false « too long » notice; the page says once, truthfully, that no draft is kept.
  const status = await page.textContent('#status');
  assert.doesNotMatch(status, /trop long/);
  assert.deepEqual(errors, []);
  await context.close();
  const fresh = await open({ block: true });
  await fresh.page.fill('#input', 'Le président Emmanuel Macron a parlé à Lyon.');
  await waitDone(fresh.page);
  await fresh.page.waitForSelector('#status .notice');
  assert.match(await fresh.page.textContent('#status'), /bloque le stockage local/);
  assert.doesNotMatch(await fresh.page.textContent('#status'), /trop long/);
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
});

test('notes: a text in English, all page chrome, nothing found, no word — said plainly; a one-line article is read as prose', async () => {
  const { context, page, errors } = await open();
  const note = () => page.locator('#status .result-note');
  const cases = [
    ['The president of the United States said on Monday that the talks with the European Union would resume next week, and that he was confident that they would reach an agreement on the trade of steel.',
      /^Ce texte semble être en anglais\u00a0; Loupe lit le français/],
    ['Accueil\nPolitique\nÉconomie\nInternational\nCulture\nSport\n\nPartager sur Facebook\nPartager sur X\nLire aussi\n',
      /^Tout ce texte a été mis de côté comme habillage de page \(menus, liens/],
    ['Il fait beau aujourd’hui et nous irons marcher dans les bois avant le dîner.',
      /^Aucune personne, organisation, lieu, citation ni prise de position n’a été repérée dans ce texte\.$/],
    ['… !!! ??? ***', /^Ce texte ne contient aucun mot à analyser/],
  ];
  for (const [text, re] of cases) {
    await analyse(page, text);
    await note().waitFor();
    assert.match(await note().textContent(), re, text);
    // The card says it too (the stats line alone would be a silent « 0 mot »).
    assert.match(await page.textContent('#card .card-note'), re);
  }
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await analyse(page, cases[0][0]);
  assert.match(await note().textContent(), /^This text seems to be in English; Loupe reads French/);
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');

  // A whole article pasted as one line: highlights, a card, and no note.
  const oneLine = RUSSIE.replace(/\s*\n+\s*/g, ' ');
  assert.ok(!oneLine.includes('\n'));
  const a = cliAnalysis(oneLine);
  assert.ok(a.mentions.length > 10 && a.card.words > 100, 'the core reads one line as prose');
  await page.fill('#input', '');
  await page.evaluate((t) => navigator.clipboard.writeText(t), oneLine);
  await page.focus('#input');
  await page.keyboard.press('Control+V');
  await page.waitForFunction((n) => document.querySelectorAll('#result mark.ent').length >= n, a.mentions.length);
  await waitDone(page);
  assert.equal(await page.locator('#result mark.ent:not(.ent-DATE)').count(), a.mentions.length);
  assert.equal(await note().count(), 0, 'no note for a real article');
  assert.equal(await page.locator('#card .card-note').count(), 0);
  assert.equal(await page.locator('#card [data-item]').count(),
    a.card.people.length + a.card.organizations.length + a.card.places.length + a.card.stance_matrix.length + a.card.quotes.length);
  assert.deepEqual(errors, []);
  await context.close();
});

/** Waits for a message of the widget recorded by the bare host page. */
async function waitMessage(page, pred, timeout = 15000) {
  const t0 = Date.now();
  for (;;) {
    const m = (await page.evaluate(() => window.messages)).find(pred);
    if (m) return m;
    if (Date.now() - t0 > timeout) throw new Error('no such message');
    await page.waitForTimeout(50);
  }
}

test('embed: a 50-word text gives a short card and a height well under 800 px, reported to the host; the whole card on request; screenshot; axe clean', async () => {
  const widget = `${env.server.url}?embed=1`;
  const url = `http://localhost:${env.host.port}/host.html?widget=${encodeURIComponent(widget)}`;
  const { context, page, errors } = await openPage(env.browser, url, { ready: '#send', viewport: DESKTOP });
  await page.waitForFunction(() => document.getElementById('host-output').textContent.startsWith('Widget prêt'));
  await page.click('#send');
  await page.waitForFunction(() => /entités/.test(document.getElementById('host-output').textContent));
  // The example page's own paragraph is analysed right: the people, the quote and its speaker.
  assert.match(await page.textContent('#host-output'), /^\d+ entités, 1 citation\(s\)\. Personnes : Emmanuel Macron, António Guterres\.$/);
  const frame = page.frames().find((f) => f.url().startsWith(env.server.url));
  await frame.waitForSelector('#card .card-words');
  assert.equal(SHORT.split(/\s+/).length, 46);
  assert.equal(await frame.inputValue('#input'), SHORT);
  // A short card: the actors, the stance, « Voir toute la fiche »; no export buttons yet.
  assert.ok(await frame.locator('#card-more').isVisible());
  assert.equal(await frame.locator('#export-md').count(), 0);
  assert.ok(await frame.locator('#card ul.actors [data-item="per:Emmanuel Macron"]').isVisible());
  assert.ok(await frame.locator('#card ul.stance-lines [data-item]').first().isVisible());
  // The host was told the height, and it is close to the content.
  await page.waitForTimeout(400);
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const iframe = Number(await page.getAttribute('#loupe', 'height'));
  assert.ok(Math.abs(iframe - content) <= 1, `iframe ${iframe} vs content ${content}`);
  assert.ok(content < 720, `a 46-word text should be well under 800 px: ${content}`);
  assert.ok(await frame.evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1), 'no inner scroll bar');
  writeFileSync(path.join(OUT, 'embed-50-words.json'), JSON.stringify({ words: 46, width: await frame.evaluate(() => innerWidth), height: content }));
  await page.locator('#loupe').screenshot({ path: path.join(OUT, 'embed-50-words.png') });
  await axe(page, 'embed short card', '#loupe');

  // « Voir toute la fiche »: the whole card (with the exports), and the host gets the new height.
  await frame.click('#card-more');
  await frame.waitForSelector('#card #export-md');
  await frame.waitForFunction(() => document.activeElement?.id === 'card'); // the focus stays in the card
  await page.waitForFunction((h) => Number(document.getElementById('loupe').height) > h + 100, iframe);
  await frame.click('#card-more');
  await frame.waitForSelector('#card ul.actors');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed in a third-party frame with storage blocked: no false « trop long » notice, no error; dismiss still works', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'loupe-card-host-'));
  writeFileSync(path.join(dir, 'bare.html'), `<!DOCTYPE html><html lang="fr"><meta charset="utf-8">
<title>Hôte</title><link rel="icon" href="data:,"><h1>Hôte</h1>
<iframe id="f" title="Loupe" width="400" height="600"></iframe>
<script>
  window.messages = [];
  const f = document.getElementById('f');
  addEventListener('message', (e) => { if (e.source === f.contentWindow) messages.push({ origin: e.origin, data: e.data }); });
  f.src = new URLSearchParams(location.search).get('widget');
</script>`);
  const bare = await serve(dir);
  const widgetOrigin = env.server.url.replace(/\/$/, '');
  const context = await env.browser.newContext({ viewport: DESKTOP, locale: 'fr-FR' });
  await blockStorage(context, widgetOrigin);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`http://localhost:${bare.port}/bare.html?widget=${encodeURIComponent(`${env.server.url}?embed=1`)}`);
  await waitMessage(page, (m) => m.data.type === 'ready');
  const frame = page.frames().find((f) => f.url().startsWith(env.server.url));
  assert.equal(await frame.evaluate(() => { try { return typeof localStorage; } catch (e) { return e.name; } }), 'SecurityError');
  await page.evaluate(([m, o]) => document.getElementById('f').contentWindow.postMessage(m, o),
    [{ protocol: PROTOCOL, type: 'analyze', id: 1, text: NANCY }, widgetOrigin]);
  const res = await waitMessage(page, (m) => m.data.type === 'result');
  assert.equal(res.data.result.schema, 'loupe.analysis/1');
  await frame.waitForSelector('#card .card-words');
  // A reader typing in the widget too.
  await frame.fill('#input', `${NANCY}\nMerci.`);
  await frame.waitForSelector('#result[data-analysis-state="done"]');
  await frame.waitForTimeout(500);
  const status = await frame.textContent('#status');
  assert.doesNotMatch(status, /trop long|too long|bloque/, status);
  // The short card has no « Écarter »: the whole card has.
  assert.equal(await frame.locator('#card button.dismiss').count(), 0);
  await frame.click('#card-more');
  const first = await frame.getAttribute('#card [data-item]', 'data-item');
  await frame.click('#card [data-item] button.dismiss');
  await frame.waitForSelector('#card [data-item].dismissed');
  assert.equal(await frame.getAttribute('#card [data-item].dismissed', 'data-item'), first);
  assert.deepEqual(errors, []);
  await context.close();
  bare.close();
});
