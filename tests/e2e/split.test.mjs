// The two wasm programs of the build (issue 14): the *page* (Leptos interface) links no analysis
// code and no knowledge base; the *engine* (run by the Web Worker) holds them. Checked on the
// built files themselves: gazetteer entries must be in the engine's wasm and in none of the
// page's files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DIST, ROOT, requireBuild } from './harness.mjs';

requireBuild({ cli: false });
const files = readdirSync(DIST);
const one = (re) => {
  const found = files.filter((f) => re.test(f));
  assert.equal(found.length, 1, `one file matching ${re} in dist/, found ${JSON.stringify(found)}`);
  return readFileSync(path.join(DIST, found[0]));
};
const pageWasm = one(/^loupe-[0-9a-f]+_bg\.wasm$/);
const pageJs = one(/^loupe-[0-9a-f]+\.js$/);
const engineWasm = one(/^loupe-engine-[0-9a-f]+_bg\.wasm$/);
const engineJs = one(/^loupe-engine-[0-9a-f]+\.js$/);
const indexHtml = readFileSync(path.join(DIST, 'index.html'));

// Canonical names of the people, organisations and places gazetteers that the interface itself
// never mentions (its sources, strings and built-in example article).
const uiSources = [
  ...readdirSync(path.join(ROOT, 'src/app')).map((f) => path.join(ROOT, 'src/app', f)),
  ...readdirSync(path.join(ROOT, 'src/ui')).map((f) => path.join(ROOT, 'src/ui', f)),
  path.join(ROOT, 'src/app.rs'), path.join(ROOT, 'src/protocol.rs'), path.join(ROOT, 'src/schema.rs'),
  path.join(ROOT, 'tests/fixtures/nancy-conseil-municipal.txt'),
  // The frame taxonomy's descriptions, shown in explanations (not a gazetteer).
  path.join(ROOT, 'data/lexicon/frames_taxonomy.tsv'),
].map((f) => readFileSync(f, 'utf8')).join('\n');
const entries = ['people', 'orgs', 'places'].flatMap((g) =>
  readFileSync(path.join(ROOT, `data/gazetteer/${g}.tsv`), 'utf8').split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t')[0].trim())
    .filter((name) => name.length >= 10 && !uiSources.includes(name)));

test('the gazetteers are in the engine program and in none of the page program\'s files', () => {
  assert.ok(entries.length > 500, `${entries.length} gazetteer entries to look for`);
  const inEngine = entries.filter((e) => engineWasm.includes(e));
  assert.ok(inEngine.length >= entries.length * 0.95,
    `only ${inEngine.length} of ${entries.length} entries in the engine wasm`);
  for (const [name, bytes] of [['page wasm', pageWasm], ['page glue', pageJs], ['index.html', indexHtml]]) {
    const leaked = entries.filter((e) => bytes.includes(e));
    assert.deepEqual(leaked.slice(0, 10), [], `${leaked.length} gazetteer entries in the ${name}`);
  }
  // A few by name, for the record.
  for (const e of ['Vladimir Poutine', 'Organisation du traité de sécurité collective']) {
    assert.ok(engineWasm.includes(e), `${e} in the engine`);
    assert.ok(!pageWasm.includes(e), `${e} not in the page`);
  }
});

test('the page program has no analysis entry point; the engine has no interface', () => {
  // The engine's glue exports the analysis; the page's exports nothing of the kind (it calls the
  // engine's functions by name, in the worker or, without one, on the module it loads).
  assert.match(engineJs.toString(), /export function analyze_parts\b/);
  assert.match(engineJs.toString(), /export function analyze_json\b/);
  assert.doesNotMatch(pageJs.toString(), /export function analyze/);
  // Leptos's own strings stay out of the engine.
  assert.ok(pageWasm.includes('leptos') || pageWasm.includes('tachys'), 'the page is the Leptos program');
  assert.ok(!engineWasm.includes('tachys') && !engineWasm.includes('leptos'), 'no Leptos in the engine');
  // The page loads only its own program; the engine's names are known to boot.js alone.
  assert.ok(!indexHtml.includes('loupe-engine'), 'index.html does not load the engine');
  const boot = readFileSync(path.join(DIST, 'boot.js'), 'utf8');
  assert.match(boot, /loupe-engine-[0-9a-f]+\.js/);
  assert.match(boot, /loupe-engine-[0-9a-f]+_bg\.wasm/);
});
