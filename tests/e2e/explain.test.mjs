// End-to-end tests of the explanations (issue 13): plain-language explanations in French and in
// English, the confidence in words, the data source shown once, and a popover that never covers
// its highlight — below or above it on a 1366×768 screen, a bottom sheet with the highlight kept
// above it on a 360×740 phone; axe-core clean; screenshots in tests/e2e/out/explain-*.png.
//
// Run in tests/e2e after `trunk build --release` and `cargo build --release --bin loupe`:
//   node --test explain.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { FIXTURES, OUT, openPage, cliAnalysis, useBrowser } from './harness.mjs';

const RUSSIE = readFileSync(path.join(FIXTURES, 'russie-turquie-gaz.txt'), 'utf8');
const NANCY = readFileSync(path.join(FIXTURES, 'nancy-conseil-municipal.txt'), 'utf8');
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
const NB = '\u00a0';
const CONFIDENCE = {
  fr: { sure: 'sûr', likely: 'probable', guess: 'à vérifier' },
  en: { sure: 'sure', likely: 'likely', guess: 'to check' },
};
/** Code words that must never be shown to a reader. */
const JARGON = ['title+name', 'caps', 'coref', 'gazetteer', 'stance:', 'quote:', 'frame:paired', 'boilerplate:',
  'PER ', 'typed ', 'by context', 'speech verb', 'honorific'];

const env = useBrowser();

async function analyse(page, text) {
  const rendered = page.evaluate(() => new Promise((resolve) => {
    window.addEventListener('loupe:rendered', (e) => resolve(e.detail), { once: true });
  }));
  await page.fill('#input', text);
  await page.click('#analyse');
  await rendered;
  await page.waitForSelector('#result[data-analysis-state="done"]');
}

async function axe(page, label) {
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const summary = res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  assert.deepEqual(summary, [], `axe violations (${label})`);
}

/** Opens the explanation of highlight `key` (by focus, as a click or Tab does) once placed. */
async function openExplanation(page, key) {
  await page.focus(`#result [data-key="${key}"][data-part="0"]`);
  await page.waitForSelector(`#explain[data-for="${key}"][data-placed]`);
  return page.locator('#explain');
}

/** The popover's text with white space collapsed (no-break spaces kept). */
async function popText(page) {
  return (await page.textContent('#explain')).replace(/[ \t\r\n]+/g, ' ');
}

function noJargon(txt) {
  for (const j of JARGON) assert.ok(!txt.includes(j), `${JSON.stringify(j)} shown: ${txt}`);
}

/** Rectangles of the popover and of every piece of its highlight (viewport coordinates). */
function geometry(page, key) {
  return page.evaluate((k) => {
    const r = (el) => { const b = el.getBoundingClientRect(); return { left: b.left, top: b.top, right: b.right, bottom: b.bottom }; };
    return {
      pop: r(document.getElementById('explain')),
      marks: [...document.querySelectorAll(`#result [data-key="${k}"]`)].map(r).filter((m) => m.right > m.left),
      vw: document.documentElement.clientWidth,
      vh: document.documentElement.clientHeight,
      placed: document.getElementById('explain').dataset.placed,
    };
  }, key);
}

function assertClear(g, label) {
  const hit = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  assert.ok(g.marks.length > 0, `${label}: no mark`);
  for (const m of g.marks) {
    assert.ok(!hit(g.pop, m), `${label}: popover ${JSON.stringify(g.pop)} covers the mark ${JSON.stringify(m)} (${g.placed})`);
    assert.ok(m.top >= 0 && m.bottom <= g.vh, `${label}: the mark is off the screen ${JSON.stringify(m)}`);
  }
  assert.ok(g.pop.top >= 0 && g.pop.bottom <= g.vh + 1, `${label}: popover off the screen ${JSON.stringify(g.pop)}`);
  assert.ok(g.pop.left >= 0 && g.pop.right <= g.vw + 1, `${label}: popover off the screen ${JSON.stringify(g.pop)}`);
}

test('plain-language explanations in French and in English: why, confidence in words, source once', async () => {
  const a = cliAnalysis(RUSSIE);
  const { context, page, errors } = await openPage(env.browser, env.server.url, { viewport: DESKTOP });
  await analyse(page, RUSSIE);

  // A name typed by its title (« le ministre turc de l’Énergie, Mehmet Aydın »).
  const titled = a.mentions.findIndex((m) => m.rule.id === 'title+name' && m.rule.detail.startsWith('role'));
  assert.ok(titled >= 0);
  const role = a.mentions[titled].rule.detail.match(/« (.*) »/)[1];
  let pop = await openExplanation(page, `m${titled}`);
  let txt = await popText(page);
  assert.equal(await pop.getAttribute('data-rule'), 'title+name');
  assert.ok(txt.includes('Pourquoi'), txt);
  assert.ok(txt.includes(`nom précédé du titre «${NB}${role}${NB}»`), txt);
  const conf = a.entities[a.mentions[titled].entity].confidence;
  assert.ok(txt.includes(`Certitude${NB}: `) && txt.includes(CONFIDENCE.fr[conf]), txt);
  noJargon(txt);

  // Its short form later: « M. Aydın » is the same person.
  const e = a.entities[a.mentions[titled].entity];
  const short = e.mentions.find((k) => k !== titled && a.mentions[k].text !== a.mentions[titled].text);
  if (short !== undefined) {
    await openExplanation(page, `m${short}`);
    txt = await popText(page);
    assert.ok(txt.includes(`même personne que «${NB}${a.mentions[e.mentions[0]].text}${NB}» plus haut`), txt);
    assert.ok(txt.includes(`nom précédé de la civilité «${NB}M.${NB}»`), txt);
  }

  // A place from the gazetteer: sure, and its entry shown once, in the Source line.
  const known = a.mentions.findIndex((m) => m.rule.id === 'gazetteer' && m.type === 'LOC');
  pop = await openExplanation(page, `m${known}`);
  txt = await popText(page);
  assert.ok(txt.includes('nom connu du répertoire (lieux)'), txt);
  assert.ok(txt.includes(CONFIDENCE.fr.sure), txt);
  assert.equal(await pop.getAttribute('data-confidence'), 'sure');
  const entry = a.mentions[known].rule.detail.replace('gazetteer/', '');
  const file = entry.split(':')[0];
  assert.equal(txt.split(file).length - 1, 1, `the source appears once: ${txt}`);
  assert.equal(await pop.locator('.popover-source').count(), 1);
  assert.equal((await pop.locator('.popover-source').textContent()).replace(/[ \n]+/g, ' '), `Source${NB}: ${entry}`);
  // `file:line:` is never cut: it sits on one line.
  const loc = await pop.locator('.popover-source .loc').evaluate((el) => el.getClientRects().length);
  assert.equal(loc, 1);

  // A stance: holder → polarity → target, the sentence it comes from, the lexicon entry once.
  const si = a.stances.findIndex((s) => s.rule.id === 'stance:subject' && s.polarity === 'support');
  const s = a.stances[si];
  pop = await openExplanation(page, `s${si}`);
  txt = await popText(page);
  const holder = a.entities[s.holders[0]].canonical;
  assert.ok(txt.includes(`Prise de position${NB}: soutien`), txt);
  assert.match(txt, new RegExp(`${holder} → ▲ soutien → ${s.target}`));
  const sent = a.sentences.find((x) => x.span.start <= s.span.start && s.span.end <= x.span.end);
  const sentence = RUSSIE.slice(sent.span.start16, sent.span.end16).replace(/\s+/g, ' ').trim();
  assert.ok(txt.includes(sentence), `${sentence} in ${txt}`);
  assert.ok(txt.includes(`auteur${NB}: sujet du verbe`), txt);
  const stanceEntry = s.rule.detail.replace('lexicon/', '');
  assert.equal(txt.split(stanceEntry).length - 1, 1, txt);
  noJargon(txt);

  // A guess says so in words.
  const gi = a.stances.findIndex((x) => x.rule.confidence === 'guess');
  pop = await openExplanation(page, `s${gi}`);
  assert.equal(await pop.getAttribute('data-confidence'), 'guess');
  assert.ok((await popText(page)).includes(`${CONFIDENCE.fr.guess} — deviné`), await popText(page));

  // A frame: its label from the taxonomy and what it means.
  const fi = a.frames.findIndex((f) => f.frame === 'hegemony');
  await openExplanation(page, `f${fi}`);
  txt = await popText(page);
  assert.ok(txt.includes(`Cadre narratif${NB}: Hégémonie`), txt);
  assert.ok(txt.includes('lexique des cadrages'), txt);

  // A quote: whose it is, and how Loupe knows.
  const qi = a.quotes.findIndex((q) => q.rule.id === 'quote:verb-after');
  await openExplanation(page, `q${qi}`);
  txt = await popText(page);
  assert.match(txt, /Citation (de |d’)\S/);
  assert.match(txt, /le verbe de parole «\u00a0\S+\u00a0» suit la citation/);

  // English: the same explanations in English.
  await page.keyboard.press('Escape');
  await page.click('#lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await openExplanation(page, `m${titled}`);
  txt = await popText(page);
  assert.ok(txt.includes('Why'), txt);
  assert.ok(txt.includes(`name preceded by the title “${role}”`), txt);
  assert.ok(txt.includes(`Confidence: `) && txt.includes(CONFIDENCE.en[conf]), txt);
  assert.ok(!txt.includes('Pourquoi') && !txt.includes('nom précédé'), txt);
  noJargon(txt);
  await openExplanation(page, `s${si}`);
  txt = await popText(page);
  assert.ok(txt.includes('Stance: support'), txt);
  assert.ok(txt.includes('Who → stance → on what'), txt);
  assert.ok(txt.includes('holder: subject of the verb'), txt);
  assert.equal(txt.split(stanceEntry).length - 1, 1, txt);
  await openExplanation(page, `s${gi}`);
  assert.ok((await popText(page)).includes(`Confidence: ●○○ to check`), await popText(page));
  await page.screenshot({ path: path.join(OUT, 'explain-desktop-en-guess.png') });
  await openExplanation(page, `m${known}`);
  txt = await popText(page);
  assert.ok(txt.includes('a name known to the directory (places)'), txt);
  await axe(page, 'English explanation');
  // Back to French for the next tests (the choice is remembered).
  await page.keyboard.press('Escape');
  await page.click('#lang');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the popover never covers its highlight: 1366×768 below or above, 360×740 bottom sheet', { timeout: 180000 }, async () => {
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    const { context, page, errors } = await openPage(env.browser, env.server.url, { viewport });
    await analyse(page, `${RUSSIE}\n\n${NANCY}`);
    const keys = await page.$$eval('#result [data-key][data-part="0"][tabindex="0"]', (els) => els.map((e) => e.dataset.key));
    assert.ok(keys.length > 20);
    const modes = new Set();
    // Highlights scrolled to the top, the middle and the bottom of the screen, focused without
    // the browser scrolling them (as a click does).
    for (const key of [keys[2], keys[Math.floor(keys.length / 3)], keys[Math.floor(keys.length / 2)], keys[keys.length - 2]]) {
      for (const where of [0.1, 0.5, 0.92]) {
        await page.keyboard.press('Escape');
        await page.waitForSelector('#explain', { state: 'detached' });
        // (Esc gave the focus back to the highlight: focusing it again would not reopen it.)
        await page.evaluate(() => document.activeElement?.blur());
        await page.$eval(`#result [data-key="${key}"][data-part="0"]`, (el, f) => {
          const r = el.getBoundingClientRect();
          window.scrollBy(0, r.top - innerHeight * f);
        }, where);
        await page.$eval(`#result [data-key="${key}"][data-part="0"]`, (el) => el.focus({ preventScroll: true }));
        await page.waitForSelector(`#explain[data-for="${key}"][data-placed]`);
        const g = await geometry(page, key);
        modes.add(g.placed);
        assertClear(g, `${label} ${key} at ${where}`);
        if (label === 'phone') assert.match(g.placed, /^sheet/);
        else assert.match(g.placed, /^(below|above)$/);
      }
    }
    if (label === 'desktop') assert.deepEqual([...modes].sort(), ['above', 'below'], 'both sides used');
    // Keyboard: Enter moves into the explanation, Esc returns to the highlight; the highlight
    // stays clear all along.
    const key = keys[5];
    await page.keyboard.press('Escape');
    await page.focus(`#result [data-key="${key}"][data-part="0"]`);
    await page.waitForSelector(`#explain[data-for="${key}"][data-placed]`);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'explain');
    assertClear(await geometry(page, key), `${label} after Enter`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('#explain', { state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), key);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('axe-core clean with an explanation open; screenshots at 1366×768 and 360×740', { timeout: 120000 }, async () => {
  const a = cliAnalysis(RUSSIE);
  for (const [label, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    for (const scheme of ['light', 'dark']) {
      const { context, page, errors } = await openPage(env.browser, env.server.url, { viewport, colorScheme: scheme });
      await analyse(page, RUSSIE);
      // A stance in the middle of the text: chain, sentence, reasons, confidence and source.
      const si = a.stances.findIndex((s) => s.rule.id === 'stance:subject' && s.polarity === 'support');
      await page.$eval(`#result [data-key="s${si}"][data-part="0"]`, (el) => el.scrollIntoView({ block: 'center' }));
      await openExplanation(page, `s${si}`);
      assertClear(await geometry(page, `s${si}`), `${label} ${scheme} stance`);
      await axe(page, `${label} ${scheme} stance explanation`);
      const suffix = scheme === 'dark' ? `${label}-dark` : label;
      await page.screenshot({ path: path.join(OUT, `explain-${suffix}-stance.png`) });
      // A person's short form, low on the screen.
      const e = a.entities.find((x) => x.type === 'PER' && x.mentions.length > 1);
      const key = `m${e.mentions[1]}`;
      await page.keyboard.press('Escape');
      await page.$eval(`#result [data-key="${key}"][data-part="0"]`, (el) => window.scrollBy(0, el.getBoundingClientRect().top - innerHeight * 0.8));
      await page.$eval(`#result [data-key="${key}"][data-part="0"]`, (el) => el.focus({ preventScroll: true }));
      await page.waitForSelector(`#explain[data-for="${key}"][data-placed]`);
      assertClear(await geometry(page, key), `${label} ${scheme} person`);
      await axe(page, `${label} ${scheme} person explanation`);
      await page.screenshot({ path: path.join(OUT, `explain-${suffix}-person.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
