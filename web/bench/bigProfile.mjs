// A visitor with 20,000 stored ratings in headless Chromium (issue 24, item 7): how long the page takes
// to become ready with them, to offer search results and to answer a rating with the next films.
// Part of scripts/bench; also runs alone: node web/bench/bigProfile.mjs [RUNS] [--profile].
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launch, root } from '../../tests/e2e/harness.mjs';
import { startStaticServer } from '../../tests/e2e/staticServer.mjs';

const SIZE = 20_000;
const TIMEOUT = Number(process.env.BIG_TIMEOUT ?? 120_000);

/** The catalogue's movieIds, as the built site ships them. */
function catalogueIds(dist) {
  const lines = readFileSync(path.join(dist, 'data/movies.csv'), 'utf8').split('\n').slice(1);
  return lines.filter(Boolean).map((l) => Number(l.slice(0, l.indexOf(','))));
}

/**
 * The stored value of `known` films of the catalogue and the rest ids it lacks, one short of SIZE: the
 * rating the bench makes brings it to SIZE (one more is over the engine's limit, and the page asks
 * which to keep instead of asking for next films).
 */
function storedRatings(ids, known) {
  const ratings = ids.slice(0, known).map((movieId, i) => ({ movieId, stars: 0.5 + (i % 10) / 2, at: 1_000 + i }));
  for (let id = 1_000_000; ratings.length < SIZE - 1; id += 1) ratings.push({ movieId: id, stars: 3, at: ratings.length });
  return JSON.stringify({ schema: 1, ratings });
}

/**
 * Runs in the page before its scripts: the time (ms from navigation) the page is ready with its next
 * films answered for the stored ratings (an empty list when every film is rated).
 */
function probe() {
  const p = (window.__big = {});
  new MutationObserver(() => {
    const ready = document.querySelector('.training-status')?.dataset.state === 'ready';
    const next = document.querySelector('.next-list');
    if (!p.ready && ready && next && next.getAttribute('aria-busy') === 'false' && next.dataset.answers === next.dataset.version)
      p.ready = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true });
}

async function once(browser, origin, stored, { profileTo } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(
      ([value]) => {
        if (!localStorage.getItem('reel.ratings')) localStorage.setItem('reel.ratings', value);
      },
      [stored],
    );
    await context.addInitScript(probe);
    const page = await context.newPage();
    let cdp = null;
    if (profileTo) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await page.goto(origin);
    await page
      .waitForFunction(() => window.__big.ready, null, { timeout: TIMEOUT })
      .catch(async (e) => {
        if (cdp) writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
        const state = await page.evaluate(() => [
          document.querySelector('.training-status')?.dataset.state,
          document.querySelector('.next-list')?.outerHTML.slice(0, 300),
        ]);
        throw new Error(`not ready: ${JSON.stringify(state)} (${e.message})`);
      });
    const ready = await page.evaluate(() => window.__big.ready);

    // Search: from the last keystroke to the options on screen.
    const box = page.getByRole('combobox', { name: 'Find a film you have seen' });
    const search = await page.evaluate(async () => {
      const input = document.querySelector('input[role=combobox]');
      const t0 = performance.now();
      input.value = 'godfather';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const list = () => document.getElementById(input.getAttribute('aria-controls'));
      await new Promise((resolve) => {
        const check = () => (list()?.querySelector('[role=option]') ? resolve() : requestAnimationFrame(check));
        check();
      });
      return performance.now() - t0;
    });
    await box.fill('');

    // Rate the first of the next films; time until the next films answer again.
    const rate = await page.evaluate(async () => {
      const list = document.querySelector('.next-list');
      const before = Number(list.dataset.version);
      const radio = list.querySelector('[role=radiogroup] input[aria-label="4 stars"]');
      if (!radio) return null;
      const t0 = performance.now();
      radio.click();
      // A page that never answers is a figure too: null after 30 s.
      const answered = await new Promise((resolve) => {
        setTimeout(() => resolve(false), 30_000);
        const check = () =>
          Number(list.dataset.version) > before && list.dataset.answers === list.dataset.version
            ? resolve(true)
            : requestAnimationFrame(check);
        check();
      });
      return answered ? performance.now() - t0 : null;
    });
    if (cdp) writeFileSync(profileTo, JSON.stringify((await cdp.send('Profiler.stop')).profile));
    return { ready_ms: ready, search_ms: search, rate_next_ms: rate };
  } finally {
    await context.close();
  }
}

/** The median, a run that never answered (null) counting as the slowest. */
const median = (xs) => [...xs].map((x) => x ?? Infinity).sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians over `runs` fresh visits, for 3,000 films + 17,000 unknown ids and for every film + the rest unknown. */
export async function bigProfileBench(browser, origin, dist, { runs = 3, profileDir = null } = {}) {
  const ids = catalogueIds(dist);
  const out = {};
  for (const [name, known] of [
    ['3000_films', 3000],
    ['all_films', ids.length],
  ]) {
    const stored = storedRatings(ids, known);
    const results = [];
    for (let i = 0; i < runs; i += 1) {
      const profileTo = profileDir && i === 0 ? path.join(profileDir, `big-${name}.cpuprofile`) : null;
      results.push(await once(browser, origin, stored, { profileTo }));
      console.error(`bench: ${name} run ${i + 1}: ${JSON.stringify(results.at(-1))}`);
    }
    out[name] = Object.fromEntries(
      Object.keys(results[0]).map((k) => [
        k,
        { median: Math.round(median(results.map((r) => r[k]))), all: results.map((r) => (r[k] === null ? null : Math.round(r[k]))) },
      ]),
    );
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = path.join(root, 'web/dist');
  const runs = Number(process.argv[2] ?? 3);
  const profileDir = process.argv.includes('--profile') ? path.join(root, 'build/bench') : null;
  const server = await startStaticServer(dist);
  const browser = await launch();
  try {
    console.log(JSON.stringify(await bigProfileBench(browser, server.origin, dist, { runs, profileDir }), null, 2));
  } finally {
    await browser.close();
    server.close();
  }
}
