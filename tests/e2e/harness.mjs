// Shared harness for the end-to-end test files: serves a built dist/ over loopback HTTP and
// launches the system Chromium through playwright-core (never `playwright install`).
//
//   import { ROOT, DIST, CLI, FIXTURES, OUT, serve, launch, openPage } from './harness.mjs';
//
// Each test file calls `useBrowser()` once at top level: it registers the `before` hook (the build
// checked, server(s) started, Chromium launched) and the `after` hook that closes them.
// `serve(dir)` returns { url, close } on a free 127.0.0.1 port (`python3 -m http.server`); several
// servers give several origins (e.g. an embedding host page and the widget).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');
export const DIST = process.env.LOUPE_DIST ?? path.join(ROOT, 'dist');
export const CLI = process.env.LOUPE_CLI ?? path.join(ROOT, 'target/release/loupe');
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
export const OUT = path.join(here, 'out');
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

mkdirSync(OUT, { recursive: true });

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers 200, rejects after `ms`. */
export async function waitForServer(url, ms = 15000) {
  const t0 = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    if (Date.now() - t0 > ms) throw new Error(`server not up: ${url}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Serves `dir` on a free loopback port: { url, port, close }. */
export async function serve(dir = DIST) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir],
    { stdio: 'ignore' });
  await waitForServer(url);
  return { url, port, close: () => proc.kill('SIGTERM') };
}

/** Launches headless system Chromium. Extra command-line switches may be passed. */
export function launch(extraArgs = []) {
  return chromium.launch({ executablePath: CHROME, headless: true, args: [...ARGS, ...extraArgs] });
}

/**
 * Opens `url` in a fresh context; collects page errors and console errors in `errors`.
 * Returns { context, page, errors }.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light',
  locale = 'fr-FR', ready = '#analyse', ...ctx } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale, ...ctx });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url);
  if (ready) await page.waitForSelector(ready);
  return { context, page, errors };
}

/** Fails early, with the command to run, when the release web build or the CLI is missing. */
export function requireBuild({ cli = true } = {}) {
  assert.ok(existsSync(path.join(DIST, 'index.html')), `no build in ${DIST}: run trunk build --release`);
  if (cli) assert.ok(existsSync(CLI), `no CLI at ${CLI}: run cargo build --release --bin loupe`);
}

/** The CLI's analysis (`loupe.analysis/1`) of `text`, given on standard input. */
export function cliAnalysis(text) {
  return JSON.parse(execFileSync(CLI, ['--compact'], { input: text, encoding: 'utf8', maxBuffer: 256 << 20 }));
}

/** What the rendered highlights should be for an analysis: mentions and dates in document order. */
export function expectedHighlights(a) {
  const items = [
    ...a.mentions.map((m) => ({ start: m.span.start, end: m.span.end, rank: 0, text: m.text, type: m.type,
      canonical: a.entities[m.entity].canonical })),
    ...a.dates.map((d) => ({ start: d.span.start, end: d.span.end, rank: 1, text: d.text, type: 'DATE',
      canonical: d.iso ?? d.text })),
  ];
  items.sort((x, y) => x.start - y.start || y.end - x.end || x.rank - y.rank);
  return items.map(({ text, type, canonical }) => ({ text, type, canonical }));
}

/**
 * The set-up every test file shares, as `node:test` hooks: `before` checks the build (and the CLI
 * unless `cli: false`), starts one server per entry of `servers` (name → folder, or a function
 * returning one, called in `before`) with `serveWith` (default `serve`), and launches Chromium
 * (with `args`); `after` closes them. Returns `env`, whose fields are set once `before` has run:
 * `env.browser` and one `env[name]` per server (`env.server` by default).
 */
export function useBrowser({ cli = true, servers = { server: DIST }, serveWith = serve, args = [] } = {}) {
  const env = { browser: null };
  before(async () => {
    requireBuild({ cli });
    const names = Object.keys(servers);
    const up = await Promise.all(names.map((k) => serveWith(typeof servers[k] === 'function' ? servers[k]() : servers[k])));
    names.forEach((k, i) => { env[k] = up[i]; });
    env.browser = await launch(args);
  });
  after(async () => {
    await env.browser?.close();
    for (const k of Object.keys(servers)) env[k]?.close();
  });
  return env;
}
