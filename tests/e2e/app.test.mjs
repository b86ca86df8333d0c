// End-to-end tests of the built web app (`trunk build --release` → ../../dist) against the native
// CLI (`cargo build --release --bin loupe` → ../../target/release/loupe): the browser must render
// exactly what the core computes. Run with `node --test` in tests/e2e.
//
// Uses the system Chromium through playwright-core (never `playwright install`); serves dist/ with
// `python3 -m http.server` on a free loopback port. Screenshots go to tests/e2e/out/ (gitignored).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLI, FIXTURES, OUT, openPage, expectedHighlights, useBrowser } from './harness.mjs';

const TYPE_FR = { PER: 'personne', ORG: 'organisation', LOC: 'lieu', MISC: 'autre entité', DATE: 'date' };
const FIXTURE_NAMES = ['nancy-conseil-municipal', 'ue-maroc-commerce', 'russie-turquie-gaz'];

const env = useBrowser();

/** The CLI's analysis of a fixture file. */
function cli(name) {
  const out = execFileSync(CLI, [path.join(FIXTURES, `${name}.txt`)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

/** The highlights as rendered: pieces of a split mark are joined again (same data-key). */
async function renderedHighlights(page) {
  const pieces = await page.$$eval('#result mark.ent', (marks) => marks.map((m) => {
    const c = m.cloneNode(true);
    c.querySelectorAll('.sr-only').forEach((e) => e.remove());
    const hidden = m.querySelector(':scope > .sr-only')?.textContent ?? null;
    return { key: m.dataset.key, part: Number(m.dataset.part), text: c.textContent, type: m.dataset.type,
      canonical: m.dataset.canonical, rule: m.dataset.rule, hidden };
  }));
  const out = [];
  const byKey = new Map();
  for (const p of pieces) {
    if (p.part > 0 && byKey.has(p.key)) {
      byKey.get(p.key).text += p.text;
      byKey.get(p.key).hidden ??= p.hidden;
    } else {
      const h = { ...p };
      byKey.set(p.key, h);
      out.push(h);
    }
  }
  return out;
}

function openApp(viewport, colorScheme = 'light') {
  return openPage(env.browser, env.server.url, { viewport, colorScheme });
}

async function analyse(page, text) {
  await page.fill('#input', text);
  await page.click('#analyse');
  // The card appears first; the highlights are rendered slice by slice until « done ».
  await page.waitForSelector('#result[data-analysis-state="done"]');
  await page.waitForSelector('#card .card-title');
}

for (const name of FIXTURE_NAMES) {
  test(`${name}: highlights and card equal the CLI's analysis`, async () => {
    const text = readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8');
    const a = cli(name);
    const { context, page, errors } = await openApp({ width: 1280, height: 900 });
    await analyse(page, text);
    if (a.mentions.length + a.dates.length > 0) await page.waitForSelector('#result mark.ent');

    const got = await renderedHighlights(page);
    assert.deepEqual(got.map(({ text: t, type, canonical }) => ({ text: t, type, canonical })), expectedHighlights(a));
    for (const h of got) {
      assert.ok(h.rule, `mark without data-rule: ${h.text}`);
      assert.equal(h.hidden, ` (${TYPE_FR[h.type]})`, `hidden type label of ${h.text}`);
    }
    // Quotes, stances and frames are all rendered too (pieces grouped by key).
    const keys = async (sel) => new Set(await page.$$eval(sel, (els) => els.map((e) => e.dataset.key))).size;
    assert.equal(await keys('#result q.quote'), a.quotes.length);
    assert.equal(await keys('#result .stance'), a.stances.length);
    assert.equal(await keys('#result .frame'), a.frames.length);
    assert.equal(await page.locator('#result .block-boilerplate').count(),
      a.blocks.filter((b) => b.kind === 'boilerplate').length);

    // The card.
    assert.equal((await page.textContent('#card .card-title')).trim(), a.card.title);
    const card = await page.textContent('#card');
    for (const p of a.card.people) assert.ok(card.includes(p.name), `card lacks ${p.name}`);
    for (const o of a.card.organizations) assert.ok(card.includes(o.name), `card lacks ${o.name}`);
    if (a.card.publisher) {
      assert.ok(card.includes(a.card.publisher.name));
      assert.equal(card.includes('média d’État'), a.card.publisher.state_affiliated);
    }
    const ent = a.entities.length;
    assert.equal((await page.textContent('#stats')).trim(),
      `${a.card.words} mot${a.card.words > 1 ? 's' : ''} · ${a.card.reading_minutes} min de lecture · ${ent} entité${ent > 1 ? 's' : ''}`);

    // The pasted text is untouched.
    assert.equal(await page.inputValue('#input'), text.replace(/\r\n?/g, '\n'));
    await page.screenshot({ path: path.join(OUT, `${name}-desktop.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('phone layout (375×800) and dark mode render without errors', async () => {
  const text = readFileSync(path.join(FIXTURES, 'russie-turquie-gaz.txt'), 'utf8');
  for (const [label, scheme] of [['phone', 'light'], ['phone-dark', 'dark']]) {
    const { context, page, errors } = await openApp({ width: 375, height: 800 }, scheme);
    await analyse(page, text);
    await page.waitForSelector('#result mark.ent');
    // One column: the card comes below the text, and nothing overflows horizontally.
    // Both boxes in one snapshot: the page may still be scrolling to the result.
    const follows = await page.evaluate(() => document.querySelector('#card').getBoundingClientRect().top
      >= document.querySelector('#result').getBoundingClientRect().bottom);
    assert.ok(follows, 'card should follow the text on a phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
    await page.screenshot({ path: path.join(OUT, `russie-turquie-gaz-${label}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('typing analyses after a pause; empty input gives a friendly message', async () => {
  const { context, page, errors } = await openApp({ width: 1280, height: 900 });
  await page.locator('#input').pressSequentially('Le président français Emmanuel Macron a parlé.', { delay: 5 });
  // No click: the debounced analysis runs on its own.
  await page.waitForSelector('#result mark[data-type="PER"]', { timeout: 5000 });
  assert.equal(await page.getAttribute('#result mark[data-type="PER"]', 'data-canonical'), 'Emmanuel Macron');
  await page.fill('#input', '   ');
  await page.click('#analyse');
  await page.waitForSelector('#status .notice');
  assert.equal(await page.locator('#result mark').count(), 0);
  assert.equal(await page.inputValue('#input'), '   ');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: controls are reachable, focus is visible, targets are at least 24 px', async () => {
  const { context, page, errors } = await openApp({ width: 1280, height: 900 });
  // Skip link (« Aller à la fiche »), language button, then the text area.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'lang');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'analyse');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
  for (const id of ['analyse', 'exemple', 'effacer']) {
    const box = await page.locator(`#${id}`).boundingBox();
    assert.ok(box.width >= 24 && box.height >= 24, `${id} is ${box.width}×${box.height}`);
  }
  // The example button fills the text area and analyses it.
  await page.click('#exemple');
  await page.waitForSelector('#result mark.ent');
  assert.ok((await page.inputValue('#input')).length > 100);
  assert.deepEqual(errors, []);
  await context.close();
});
