// Big but legal profiles in headless Chromium (issue 24, item 7): a visitor with 20,000 stored ratings —
// the page ready, then search, rate, seen, not interested and watchlist, each from the press to its answer
// on screen — and a visitor with 10,000 of their own who adds a share link of 10,000 more. Each
// interaction is timed three ways: on the page, in the worker (its handlers' time for the requests the
// interaction made) and on the main thread (CPU busy in that window). Medians with min–max of RUNS
// fresh visits, written into docs/benchmarks.md between <!-- bench:big-profile --> markers.
// Part of scripts/bench; also runs alone:
//   node web/bench/bigProfile.mjs [RUNS] [--profile] [--data DIR] [--dist DIR] [--doc FILE]
// --data: the MovieLens whose film ids the profiles use (default: the folder scripts/data prints);
// --dist: the built site (web/dist); --doc: where the table goes ('' or REEL_BENCH_DOC= only prints);
// --profile: CPU profiles of the first run's interactions in build/bench.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, root } from '../../tests/e2e/harness.mjs';
import { startStaticServer } from '../../tests/e2e/staticServer.mjs';
import { measuredLine, writeBlocks } from './report.mjs';

const SIZE = 20_000;
const TIMEOUT = Number(process.env.BIG_TIMEOUT ?? 120_000);
const ANSWER_MS = 30_000; // an interaction that has not answered by then is a figure too: null
// After the map, the page keeps the models and reads links.csv in the worker; a search then waited up
// to 0.2 s behind them. The interactions measured start after this pause; "search at ready" does not.
const SETTLE_MS = 2000;

/** The MovieLens movieIds in `dataDir`/movies.csv. */
export function catalogueIds(dataDir) {
  const lines = readFileSync(path.join(dataDir, 'movies.csv'), 'utf8').split('\n').slice(1);
  return lines.filter(Boolean).map((l) => Number(l.slice(0, l.indexOf(','))));
}

/** `films` rated in turn, then ids no catalogue holds from `unknownFrom` until there are `size`. */
function ratingsOf(films, size, unknownFrom) {
  const ratings = films.map((movieId, i) => ({ movieId, stars: 0.5 + (i % 10) / 2, at: 1_000 + i }));
  for (let id = unknownFrom; ratings.length < size; id += 1) ratings.push({ movieId: id, stars: 3, at: 1_000 + ratings.length });
  return ratings;
}

const storedValue = (ratings) => JSON.stringify({ schema: 1, ratings });
const shareHash = (ratings) => `#ratings=${ratings.map((r) => `${r.movieId}:${r.stars}`).join(',')}`;

/**
 * The visits: 19,999 stored (the rating made here brings them to 20,000; one more is over the
 * engine's limit, and the page asks which to keep instead), of 3,000 films or of every film; and
 * 10,000 of one's own (3,000 films) with a link of 10,000 (the other films, then unknown ids).
 */
function visits(ids) {
  return [
    {
      name: '20k_3000_films',
      label: `${SIZE.toLocaleString('en')} stored: 3,000 films + 17,000 ids not in the catalogue`,
      stored: storedValue(ratingsOf(ids.slice(0, 3000), SIZE - 1, 1_000_000)),
      steps: ['search', 'seen', 'not interested', 'watchlist', 'rate'],
    },
    {
      name: '20k_all_films',
      label: `${SIZE.toLocaleString('en')} stored: all ${ids.length.toLocaleString('en')} films + the rest not in it (no film left to offer)`,
      stored: storedValue(ratingsOf(ids, SIZE - 1, 1_000_000)),
      steps: ['search'],
    },
    {
      name: 'share_10k_onto_10k',
      label: '10,000 stored (3,000 films) + a share link of 10,000 (the other films + unknown ids), added',
      stored: storedValue(ratingsOf(ids.slice(0, 3000), 10_000, 1_000_000)),
      hash: shareHash(ratingsOf(ids.slice(3000), 10_000, 2_000_000)),
      steps: ['add link'],
    },
  ];
}

/** Runs in the page before its scripts: when it is ready with its next films answered. */
function probe() {
  const p = (window.__big = {});
  new MutationObserver(() => {
    const ready = document.querySelector('.training-status')?.dataset.state === 'ready';
    const next = document.querySelector('.next-list');
    if (!p.ready && ready && next && next.getAttribute('aria-busy') === 'false' && next.dataset.answers === next.dataset.version)
      p.ready = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

/**
 * The page's own work after ready is done — the map laid out (the evaluation waits until its panel is
 * seen) — so the figures are the visitor's interactions, not the map's start, which holds the worker
 * for about half a second soon after ready.
 */
const settled = () => ['laid-out', 'drawn'].includes(document.querySelector('#map')?.dataset.state);

/** Times the worker's handlers from the page's side of the bench: each request's type and ms. */
function timeHandlers() {
  const handle = self.onmessage;
  self.__handled = [];
  self.onmessage = (event) => {
    const t0 = performance.now();
    const type = event.data?.type;
    return Promise.resolve(handle.call(self, event)).then(() => self.__handled.push({ type, ms: performance.now() - t0 }));
  };
}

/** In the page: from a press to the next films answered for the change it made (null: no film to press). */
async function pressAndWait([selector, timeoutMs]) {
  const list = document.querySelector('.next-list');
  const before = Number(list.dataset.version);
  const target = list.querySelector(selector);
  if (!target) return null;
  const t0 = performance.now();
  target.click();
  return new Promise((resolve) => {
    setTimeout(() => resolve(null), timeoutMs);
    const check = () =>
      Number(list.dataset.version) > before && list.dataset.answers === list.dataset.version
        ? resolve(performance.now() - t0)
        : requestAnimationFrame(check);
    check();
  });
}

/** In the page: from typing a title to its options on screen; with `press`, a button pressed just before. */
async function searchAfter([press, timeoutMs]) {
  const list = document.querySelector('.next-list');
  const before = Number(list.dataset.version);
  const input = document.querySelector('input[role=combobox]');
  const t0 = performance.now();
  if (press) [...document.querySelectorAll('button')].find((b) => b.textContent === press).click();
  input.value = 'godfather';
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const options = () => document.getElementById(input.getAttribute('aria-controls'))?.querySelector('[role=option]');
  const out = { search: null, next: press ? null : undefined };
  return new Promise((resolve) => {
    setTimeout(() => resolve(out), timeoutMs);
    const check = () => {
      if (out.search === null && options()) out.search = performance.now() - t0;
      if (out.next === null && Number(list.dataset.version) > before && list.dataset.answers === list.dataset.version)
        out.next = performance.now() - t0;
      if (out.search !== null && out.next !== null) resolve(out);
      else requestAnimationFrame(check);
    };
    check();
  });
}

const PRESS = {
  rate: 'li input[aria-label="4 stars"]',
  seen: 'li button.mark:nth-child(1)',
  'not interested': 'li button.mark:nth-child(2)',
  watchlist: 'li button.mark:nth-child(3)',
};

/**
 * CPU time the main thread spent (every sample but idle), ms, from the interaction's first sample on:
 * starting the profiler and the bench's call into the page come before it and are not the page's.
 */
function busyMs(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const inBench = new Set();
  const mark = (n) => {
    inBench.add(n.id);
    for (const c of n.children ?? []) mark(byId.get(c));
  };
  for (const n of profile.nodes) if (['pressAndWait', 'searchAfter'].includes(n.callFrame.functionName)) mark(n);
  const first = profile.samples.findIndex((id) => inBench.has(id));
  let us = 0;
  profile.samples.forEach((id, i) => {
    if (i >= Math.max(first, 0) && byId.get(id).callFrame.functionName !== '(idle)') us += profile.timeDeltas[i + 1] ?? 0;
  });
  return us / 1000;
}

/** One interaction: its figures on the page, in the worker and on the main thread. */
async function interaction(page, worker, cdp, step, profileTo) {
  await worker.evaluate(() => (self.__handled = []));
  await cdp.send('Profiler.start');
  let figures;
  if (step === 'search') figures = { page_ms: (await page.evaluate(searchAfter, [null, ANSWER_MS])).search };
  else if (step === 'add link') {
    const r = await page.evaluate(searchAfter, ['Add them to mine', ANSWER_MS]);
    figures = { page_ms: r.next, search_ms: r.search };
  } else figures = { page_ms: await page.evaluate(pressAndWait, [PRESS[step], ANSWER_MS]) };
  const { profile } = await cdp.send('Profiler.stop');
  if (profileTo) writeFileSync(profileTo, JSON.stringify(profile));
  const handled = await worker.evaluate(() => self.__handled);
  if (step === 'search') await page.getByRole('combobox', { name: 'Find a film you have seen' }).fill('');
  return {
    ...figures,
    worker_ms: handled.reduce((sum, h) => sum + h.ms, 0),
    worker_requests: handled.map((h) => `${h.type} ${Math.round(h.ms)}`).join(', '),
    main_ms: busyMs(profile),
  };
}

async function once(browser, origin, visit, { profileDir } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(
      ([value]) => {
        if (!localStorage.getItem('reel.ratings')) localStorage.setItem('reel.ratings', value);
      },
      [visit.stored],
    );
    await context.addInitScript(probe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await page.goto(`${origin}/${visit.hash ?? ''}`);
    await page
      .waitForFunction(() => window.__big.ready, null, { timeout: TIMEOUT })
      .catch(async (e) => {
        const state = await page.evaluate(() => document.querySelector('.training-status')?.dataset.state);
        throw new Error(`not ready (${state}): ${e.message}`);
      });
    const out = { ready: { page_ms: await page.evaluate(() => window.__big.ready) } };
    const worker = page.workers()[0];
    await worker.evaluate(timeHandlers);
    // As a visitor who searches the moment the page is ready: the map's start is still running then.
    if (visit.steps.includes('search')) out['search at ready'] = await interaction(page, worker, cdp, 'search', null);
    await page.waitForFunction(settled, null, { timeout: TIMEOUT });
    out.settled = { page_ms: await page.evaluate(() => performance.now()) };
    await page.waitForTimeout(SETTLE_MS);
    for (const step of visit.steps) {
      const profileTo = profileDir ? path.join(profileDir, `big-${visit.name}-${step.replace(' ', '-')}.cpuprofile`) : null;
      out[step] = await interaction(page, worker, cdp, step, profileTo);
      await page.waitForTimeout(1500); // the stored value is written when the page is idle: not in the next figure
    }
    return out;
  } finally {
    await context.close();
  }
}

/** The median, an interaction that never answered (null) counting as the slowest. */
const median = (xs) => [...xs].map((x) => x ?? Infinity).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (xs) => ({
  median: Number.isFinite(median(xs)) ? Math.round(median(xs)) : null,
  all: xs.map((x) => (x === null || x === undefined ? null : Math.round(x))),
});

/** Medians over `runs` fresh visits of each kind. */
export async function bigProfileBench(browser, origin, dataDir, { runs = 3, profileDir = null } = {}) {
  const out = {};
  for (const visit of visits(catalogueIds(dataDir))) {
    const results = [];
    for (let i = 0; i < runs; i += 1) {
      results.push(await once(browser, origin, visit, { profileDir: i === 0 ? profileDir : null }));
      console.error(`bench: ${visit.name} run ${i + 1}: ${JSON.stringify(results.at(-1))}`);
    }
    const figures = {};
    for (const step of Object.keys(results[0])) {
      figures[step] = {};
      for (const k of Object.keys(results[0][step])) {
        const xs = results.map((r) => r[step][k]);
        figures[step][k] = typeof xs[0] === 'string' ? xs[0] : summary(xs);
      }
    }
    out[visit.name] = { label: visit.label, figures };
  }
  return out;
}

const cell = (s) => (!s || s.median === null ? '—' : `${s.median} [${Math.min(...s.all)}–${Math.max(...s.all)}]`);

/** The figures as one Markdown table, and the line that says what ran. */
export function bigProfileTable(result, ran) {
  const rows = [
    '| visit | interaction | on the page | in the worker | main thread busy | worker requests (first run, ms) |',
    '|---|---|--:|--:|--:|---|',
  ];
  for (const { label, figures } of Object.values(result)) {
    for (const [i, [step, f]] of Object.entries(figures).entries()) {
      const visit = i === 0 ? label : ''; // said once, on the visit's first row
      const what =
        {
          ready: 'page ready, next films answered (from navigation)',
          settled: 'map laid out (from navigation); the interactions start 2 s later',
          'search at ready': 'search at once when ready: typed → options',
          search: 'search: typed → options',
          rate: 'rate a next film → next films',
          seen: 'mark seen → next films',
          'not interested': 'not interested → next films',
          watchlist: 'add to watchlist → next films',
          'add link': 'add them to mine → next films',
        }[step] ?? step;
      rows.push(`| ${visit} | ${what} | ${cell(f.page_ms)} | ${cell(f.worker_ms)} | ${cell(f.main_ms)} | ${f.worker_requests ?? ''} |`);
      if (f.search_ms) rows.push(`| | add them to mine → search options (typed at once) | ${cell(f.search_ms)} | | | |`);
    }
  }
  return `${ran}\n\n${rows.join('\n')}`;
}

function argValue(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = path.resolve(argValue('--dist', path.join(root, 'web/dist')));
  const positional = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : null;
  const runs = Number(positional ?? 3);
  const dataDir =
    argValue('--data', null) ??
    execFileSync(path.join(root, 'scripts/data'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const doc = argValue('--doc', process.env.REEL_BENCH_DOC ?? path.join(root, 'docs/benchmarks.md'));
  const profileDir = process.argv.includes('--profile') ? path.join(root, 'build/bench') : null;
  const server = await startStaticServer(dist);
  const browser = await launch();
  try {
    const result = await bigProfileBench(browser, server.origin, dataDir, { runs, profileDir });
    console.log(JSON.stringify(result, null, 2));
    const table = bigProfileTable(result, measuredLine(`node web/bench/bigProfile.mjs ${runs}`));
    console.error(table);
    if (doc) writeBlocks(doc, { 'big-profile': table });
  } finally {
    await browser.close();
    server.close();
  }
}
