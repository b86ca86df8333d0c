// End-to-end tests of the reader's first experience (issue 13, points 1 and 6) on a 1366×768
// laptop and a 360×740 phone: a text that arrives whole (paste, « Essayer un exemple », a file, a
// share link, « Analyser ») brings the reader to the result — the first highlight in view, the
// focus on the highlighted text with a visible cue, smooth scrolling only without
// `prefers-reduced-motion` — while typing never moves the page; every target of the page is at
// least 24 × 24 px; no word of the card or the layer toolbar is broken across lines on a phone;
// « Effacer » shows no focus ring when « Ouvrir un fichier » has the focus; the example's notice
// and the counts; axe-core; screenshots (tests/e2e/out/layout-*.png).
//
// Run in tests/e2e after `trunk build --release` and `cargo build --release --bin loupe`:
//   node --test layout.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { FIXTURES, OUT, openPage, useBrowser } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
/** A real-looking French article written for these tests (page chrome included, as pasted). */
const ARTICLE = readFileSync(path.join(here, 'article-chaleur.txt'), 'utf8');
const FIXTURE_TEXTS = ['russie-turquie-gaz', 'ue-maroc-commerce', 'nancy-conseil-municipal']
  .map((n) => readFileSync(path.join(FIXTURES, `${n}.txt`), 'utf8'));
const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 360, height: 740 };
const SIZES = [['laptop', LAPTOP], ['phone', PHONE]];

const env = useBrowser({ cli: false });

function open(viewport, opts = {}) {
  return openPage(env.browser, opts.url ?? env.server.url, { viewport, ...opts });
}

/** Starts recording the page's scroll positions (one entry per scroll event). */
async function recordScroll(page) {
  await page.evaluate(() => {
    window.__ys = [];
    window.addEventListener('scroll', () => window.__ys.push(window.scrollY), { passive: true });
  });
}

/** Resolves once the result is on screen and the page has stopped scrolling (12 still frames). */
async function settled(page, { marks = true } = {}) {
  await page.waitForSelector('#result[data-analysis-state="done"]', { timeout: 30000 });
  if (marks) await page.waitForSelector('#result mark.ent');
  await page.evaluate(() => new Promise((resolve) => {
    let last = window.scrollY;
    let still = 0;
    const tick = () => {
      if (window.scrollY === last) still++;
      else { still = 0; last = window.scrollY; }
      if (still >= 12) resolve(); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

/** Where the first highlight is, the focus and its cue — as the reader sees them now. */
function landing(page) {
  return page.evaluate(() => {
    const mark = document.querySelector('#result mark.ent');
    const r = mark.getBoundingClientRect();
    const active = document.activeElement;
    const cs = getComputedStyle(active);
    return {
      markTop: r.top, markBottom: r.bottom, markLeft: r.left, markRight: r.right,
      innerHeight, innerWidth, scrollY,
      active: active.id, outline: cs.outlineStyle, outlineWidth: parseFloat(cs.outlineWidth),
      landed: active.classList.contains('landed'),
      animations: active.getAnimations().map((a) => a.animationName),
    };
  });
}

function assertLanded(l, label) {
  assert.ok(l.scrollY > 0, `${label}: the page did not scroll (scrollY ${l.scrollY})`);
  assert.ok(l.markTop >= 0 && l.markBottom <= l.innerHeight && l.markLeft >= 0 && l.markRight <= l.innerWidth,
    `${label}: first highlight at ${l.markTop}–${l.markBottom} outside the ${l.innerHeight}px viewport`);
  assert.equal(l.active, 'result', `${label}: focus on #${l.active}, not on the highlighted text`);
  assert.equal(l.landed, true, `${label}: no landing cue`);
  assert.notEqual(l.outline, 'none', `${label}: the focused text shows no outline`);
  assert.ok(l.outlineWidth >= 2, `${label}: outline ${l.outlineWidth}px`);
}

/** A share link for `text`, as « Lien de partage » makes it (raw DEFLATE, base64url). */
function shareLink(text) {
  return `${env.server.url}#t=${deflateRawSync(Buffer.from(text, 'utf8')).toString('base64url')}`;
}

async function pasteArticle(page, text = ARTICLE) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.focus('#input');
  await page.keyboard.press('ControlOrMeta+V');
}

for (const [label, viewport] of SIZES) {
  test(`${label} ${viewport.width}×${viewport.height}: a paste brings the reader to the result; screenshot`, async () => {
    const { context, page, errors } = await open(viewport, { permissions: ['clipboard-read', 'clipboard-write'] });
    // Nothing points below the fold before: the text area is at the top, the result below it.
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    await pasteArticle(page);
    await settled(page);
    const l = await landing(page);
    assertLanded(l, `${label} paste`);
    console.log(`# ${label}: after a paste, first highlight at ${Math.round(l.markTop)} px (viewport ${l.innerHeight}), scrollY ${Math.round(l.scrollY)}`);
    // The text area kept the text; j reaches the first highlight from the landed text.
    assert.equal(await page.inputValue('#input'), ARTICLE.replace(/\r\n?/g, '\n'));
    await page.screenshot({ path: path.join(OUT, `layout-${label}.png`) });
    await page.keyboard.press('j');
    const first = await page.$eval('#result [data-key][tabindex="0"]', (e) => e.dataset.key);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.key), first);
    await page.waitForSelector('#explain');
    assert.equal(await page.$eval('#result', (r) => r.classList.contains('landed')), false, 'the cue goes with the focus');
    // A person's explanation, as in docs/screenshot.png.
    const person = await page.$eval('#result mark.ent-PER[data-part="0"]', (m) => m.dataset.key);
    await page.focus(`#result [data-key="${person}"][data-part="0"]`);
    await page.waitForFunction((k) => document.querySelector('#explain')?.textContent.includes('Personne'), person);
    await page.screenshot({ path: path.join(OUT, `layout-${label}-explain.png`) });
    await page.keyboard.press('Escape');
    await page.screenshot({ path: path.join(OUT, `layout-${label}-full.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`${label}: « Essayer un exemple », a file and a share link bring the reader to the result`, async () => {
    const { context, page, errors } = await open(viewport);
    await page.fill('#input', 'Mon brouillon à garder.');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.click('#exemple');
    await settled(page);
    assertLanded(await landing(page), `${label} example`);
    // The notice names the example and offers to put the previous text back; it is in view.
    const notice = (await page.textContent('#status .notice')).trim();
    assert.match(notice, /^Exemple chargé\u00a0: «\u00a0Nancy\u00a0: le conseil municipal adopte le plan vélo malgré l’opposition\u00a0»\. Il remplace votre texte\./);
    assert.doesNotMatch(notice.replace('Rétablir le texte précédent', ''), /Essayer un exemple/);
    const undo = await page.locator('#retablir').boundingBox();
    assert.ok(undo.y >= 0 && undo.y + undo.height <= viewport.height, '« Rétablir » is in view');
    if (label === 'phone') await page.screenshot({ path: path.join(OUT, 'layout-phone-example.png') });
    // The notice follows the interface language.
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('#status .notice').textContent
      .startsWith('Example loaded: “Nancy\u00a0: le conseil municipal adopte le plan vélo malgré l’opposition”. It replaces your text.'));
    await page.click('#lang');
    await settled(page);
    await page.click('#retablir');
    await page.waitForFunction(() => document.querySelector('#input').value === 'Mon brouillon à garder.');

    // A file chosen with « Ouvrir un fichier ».
    await settled(page, { marks: false });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.focus('#input');
    await page.setInputFiles('#fichier', { name: 'chaleur.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE) });
    await page.waitForFunction(() => document.querySelector('#input').value.startsWith('Accueil'));
    await settled(page);
    assertLanded(await landing(page), `${label} file`);
    assert.deepEqual(errors, []);
    await context.close();

    // A share link opened in a fresh page.
    const shared = await open(viewport, { url: shareLink(ARTICLE) });
    await settled(shared.page);
    assertLanded(await landing(shared.page), `${label} share link`);
    assert.match(await shared.page.textContent('#status'), /lien de partage/);
    assert.deepEqual(shared.errors, []);
    await shared.context.close();
  });
}

test('reduced motion: the landing jumps in one step, without the glow; otherwise it scrolls smoothly', async () => {
  const seen = {};
  for (const motion of ['reduce', 'no-preference']) {
    const { context, page, errors } = await open(LAPTOP, { reducedMotion: motion });
    await recordScroll(page);
    await page.fill('#input', ARTICLE);
    await page.click('#analyse');
    await settled(page);
    const l = await landing(page);
    assertLanded(l, motion);
    const ys = await page.evaluate(() => window.__ys);
    seen[motion] = { positions: new Set(ys).size, animations: l.animations };
    assert.deepEqual(errors, []);
    await context.close();
  }
  assert.equal(seen.reduce.positions, 1, `reduced motion: scrolled through ${seen.reduce.positions} positions`);
  assert.deepEqual(seen.reduce.animations, []);
  assert.ok(seen['no-preference'].positions > 2, `smooth scroll expected, ${seen['no-preference'].positions} positions`);
  assert.deepEqual(seen['no-preference'].animations, ['landed']);
});

test('typing never moves the page; a few words pasted into a text are an edit', async () => {
  const { context, page, errors } = await open(LAPTOP, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.evaluate(() => window.scrollTo(0, 0));
  await recordScroll(page);
  await page.locator('#input').pressSequentially('Le président français Emmanuel Macron a parlé à Lyon.', { delay: 5 });
  await settled(page);
  assert.deepEqual(await page.evaluate(() => window.__ys), [], 'the page scrolled while typing');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  // Three words pasted at the end of a longer text: analysed, but the page stays put.
  await page.fill('#input', ARTICLE);
  await page.keyboard.press('ControlOrMeta+End');
  await page.evaluate(() => { window.scrollTo(0, 0); window.__ys = []; });
  await page.evaluate(() => navigator.clipboard.writeText(' Fin de citation.'));
  const rendered = page.evaluate(() => new Promise((r) => window.addEventListener('loupe:rendered', r, { once: true })));
  await page.keyboard.press('ControlOrMeta+V');
  await rendered;
  await settled(page);
  assert.ok((await page.inputValue('#input')).endsWith('Fin de citation.'));
  assert.equal(await page.evaluate(() => document.activeElement.id), 'input');
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'an edit by paste moved the page');
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Every interactive element of the page that is rendered: its box, and whether a 24 px square
 * centred on it meets another target (WCAG 2.2 2.5.8's spacing exception). Highlights inside the
 * text are inline targets (the exception for targets in a sentence) and are left out.
 */
function targets(page) {
  return page.evaluate(() => {
    const sel = 'a[href], button, input:not([type=hidden]), select, textarea, summary, label.button, [role=button], [tabindex]:not([tabindex="-1"])';
    const els = [...document.querySelectorAll(sel)].filter((e) => {
      if (e.closest('#result-doc')) return false;
      const r = e.getBoundingClientRect();
      const cs = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && cs.visibility !== 'hidden' && !e.closest('[hidden]');
    });
    const boxes = els.map((e) => ({ e, r: e.getBoundingClientRect() }));
    const name = (e) => e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} “${e.textContent.trim().slice(0, 30)}”`;
    return boxes.map(({ e, r }) => {
      const small = r.width < 24 || r.height < 24;
      let spaced = true;
      if (small) {
        const cx = r.left + r.width / 2;
        const cy = r.top + r.height / 2;
        const sq = { left: cx - 12, right: cx + 12, top: cy - 12, bottom: cy + 12 };
        spaced = boxes.every((o) => o.e === e || o.e.contains(e) || e.contains(o.e)
          || o.r.right <= sq.left || o.r.left >= sq.right || o.r.bottom <= sq.top || o.r.top >= sq.bottom);
      }
      return { name: name(e), width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10, small, spaced };
    });
  });
}

test('targets: every button, check box, link and field of the page is at least 24 × 24 px', async () => {
  for (const [label, viewport] of SIZES) {
    const { context, page, errors } = await open(viewport, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.fill('#input', ARTICLE);
    await page.click('#analyse');
    await settled(page);
    // Everything that can appear: the notice with « Rétablir » (after the example), a hidden
    // layer, then the share link field and the « Effacer » confirmation.
    await page.click('#exemple');
    await settled(page);
    await page.uncheck('#layer-date');
    const all = await targets(page);
    await page.click('#export-share');
    await page.waitForSelector('#share-url');
    await page.click('#effacer');
    all.push(...await targets(page));
    assert.ok(all.length >= 30, `only ${all.length} targets found`);
    for (const id of ['#layer-per', '#fichier', '#retablir', '#effacer-oui', '#share-url', '#export-md']) {
      assert.ok(all.some((t) => t.name === id), `${id} not measured`);
    }
    const bad = all.filter((t) => t.small && !t.spaced);
    assert.deepEqual(bad, [], `${label}: targets under 24 px without spacing`);
    // The layer check boxes are whole chips now (they were 18 px).
    const box = await page.locator('#layer-per').boundingBox();
    assert.ok(box.width >= 24 && box.height >= 24, `#layer-per is ${box.width}×${box.height}`);
    const small = all.filter((t) => t.small);
    console.log(`# ${label}: ${all.length} targets, smallest ${Math.min(...all.map((t) => Math.min(t.width, t.height)))} px; under 24 px (spaced): ${small.map((t) => t.name).join(', ') || 'none'}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

/**
 * Words of the elements matched by `selector` that are broken across lines (each word's client
 * rectangles lie on more than one line), and elements whose style lets a word break anywhere.
 */
function brokenWords(page, selector) {
  return page.evaluate((sel) => {
    const broken = [];
    const styles = [];
    for (const root of document.querySelectorAll(sel)) {
      for (const el of [root, ...root.querySelectorAll('*')]) {
        const cs = getComputedStyle(el);
        if (cs.wordBreak === 'break-all' || cs.overflowWrap === 'anywhere') styles.push(`${el.tagName} ${cs.wordBreak}/${cs.overflowWrap}`);
      }
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.parentElement.closest('.sr-only, .layer-style')) continue;
        // A compound may wrap after its hyphen (« Meurthe-et- / Moselle »): each part is a word.
        const re = /[^\s\u00a0\u202f\-\u2010\u2011]+/g;
        for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return { broken, styles };
  }, selector);
}

test('phone 360 px: no word of the card, its stance table or the layer toolbar is broken mid-word', async () => {
  const { context, page, errors } = await open(PHONE);
  // The detector itself: a word forced to break in a narrow box is found.
  await page.evaluate(() => {
    const d = document.createElement('div');
    d.id = 'probe';
    d.textContent = 'Loukachenko opposition';
    d.style.cssText = 'width: 50px; overflow-wrap: anywhere; font-size: 16px';
    document.body.append(d);
  });
  const probe = await brokenWords(page, '#probe');
  assert.ok(probe.broken.includes('Loukachenko') && probe.styles.length === 1, JSON.stringify(probe));
  await page.evaluate(() => document.querySelector('#probe').remove());

  for (const [i, text] of [ARTICLE, ...FIXTURE_TEXTS].entries()) {
    await page.fill('#input', text);
    await page.click('#analyse');
    await settled(page);
    assert.ok(await page.locator('#card table.stances tbody tr').count() > 0, `text ${i}: no stance table`);
    const { broken, styles } = await brokenWords(page, '#card, .layers');
    assert.deepEqual(styles, [], `text ${i}: styles that break words anywhere`);
    assert.deepEqual(broken, [], `text ${i}: words broken across lines`);
    // The stance table still reads as a table (rows, cells, column headers).
    const roles = await page.$eval('#card table.stances', (t) => [t.getAttribute('role'), t.querySelectorAll('[role=row]').length, t.querySelectorAll('[role=columnheader]').length]);
    // Holder, position, target, and the « Écarter » column (its header is for screen readers).
    assert.deepEqual(roles.slice(0, 1).concat(roles[2]), ['table', 4]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  }
  await page.locator('#card table.stances').screenshot({ path: path.join(OUT, 'layout-phone-stances.png') });
  assert.deepEqual(errors, []);
  await context.close();
});

test('« Ouvrir un fichier » with keyboard focus: its ring only, none on « Effacer »', async () => {
  const { context, page, errors } = await open(LAPTOP);
  await page.focus('#exemple');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'fichier');
  const outline = (sel) => page.$eval(sel, (e) => getComputedStyle(e).outlineStyle);
  assert.equal(await outline('.file-button'), 'solid');
  assert.equal(await outline('#effacer'), 'none');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'effacer');
  assert.equal(await outline('#effacer'), 'solid');
  assert.equal(await outline('.file-button'), 'none');
  assert.deepEqual(errors, []);
  await context.close();
});

test('counts are grammatical in French and English', async () => {
  const { context, page, errors } = await open(LAPTOP);
  await page.fill('#input', 'Bonjour.');
  await page.click('#analyse');
  await page.waitForSelector('#result[data-analysis-state="done"]');
  await page.waitForFunction(() => document.querySelector('#stats').textContent.trim() !== '');
  assert.equal((await page.textContent('#stats')).trim(), '1 mot · 1 min de lecture · 0 entité');
  assert.equal((await page.textContent('#card .card-words')).trim(), '1 mot · 1 min de lecture');
  await page.click('#lang');
  await page.waitForFunction(() => document.querySelector('#stats').textContent.includes('word'));
  assert.equal((await page.textContent('#stats')).trim(), '1 word · 1 min read · 0 entities');
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core: zero violations after landing (laptop and phone, light and dark)', { timeout: 120000 }, async () => {
  for (const [label, viewport] of SIZES) {
    for (const colorScheme of ['light', 'dark']) {
      const { context, page, errors } = await open(viewport, { colorScheme });
      await page.fill('#input', 'Un texte à remplacer.');
      await page.click('#exemple');
      await settled(page);
      await page.uncheck('#layer-quote');
      const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const summary = res.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      assert.deepEqual(summary, [], `axe violations (${label} ${colorScheme})`);
      if (colorScheme === 'dark') await page.screenshot({ path: path.join(OUT, `layout-${label}-dark.png`) });
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
