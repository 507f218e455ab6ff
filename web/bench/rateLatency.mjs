// A visitor's first ratings in headless Chromium (desktop, no throttling): each of the twelve
// starters rated in turn, timed from the click to their next films answered on screen (the list's
// data-answers moving on). Medians and the slowest of RUNS fresh visits; prints its table, which
// scripts/bench puts into docs/benchmarks.md between <!-- bench:rate --> markers (report.mjs --splice).
// Runs alone: node web/bench/rateLatency.mjs [RUNS]
import path from 'node:path';
import { launch, root } from '../../tests/e2e/harness.mjs';
import { startStaticServer } from '../../tests/e2e/staticServer.mjs';

const RATINGS = 12;

/** In the page: rates starter after starter, each once the last one's answer is on screen. */
function rateStarters(count) {
  const answers = () => Number(document.querySelector('.next-films [data-answers]')?.dataset.answers ?? 0);
  const answered = (before) =>
    new Promise((resolve) => {
      const observer = new MutationObserver(() => answers() > before && (observer.disconnect(), resolve(performance.now())));
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    });
  return (async () => {
    const times = [];
    for (let i = 0; i < count; i++) {
      const radio = document.querySelectorAll('.starter')[i].querySelector('input[type=radio][aria-label="4 stars"]');
      const before = answers();
      const done = answered(before);
      const start = performance.now();
      radio.click();
      times.push((await done) - start);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r))); // the next rating comes a moment later
    }
    return times;
  })();
}

async function visit(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.querySelector('.training-status')?.dataset.state === 'ready', null, { timeout: 180_000 });
    await page.waitForFunction(() => document.querySelectorAll('.starter').length >= 12, null, { timeout: 60_000 });
    return await page.evaluate(rateStarters, RATINGS);
  } finally {
    await context.close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 3);
  const server = await startStaticServer(path.join(root, 'web/dist'));
  const browser = await launch();
  try {
    const visits = [];
    for (let i = 0; i < runs; i++) visits.push(await visit(browser, server.origin));
    console.error(JSON.stringify(visits));
    const all = visits.flat();
    const perVisit = visits.map((v) => `${Math.round(median(v))} / ${Math.round(Math.max(...v))}`).join(', ');
    console.log(
      [
        `### A visitor's first ${RATINGS} ratings, each from the click to its next films on screen (Chromium, desktop, ${runs} fresh visits)`,
        '',
        '| ratings timed | median | slowest | each visit: median / slowest |',
        '| --- | --- | --- | --- |',
        `| ${all.length} | ${Math.round(median(all))} ms | ${Math.round(Math.max(...all))} ms | ${perVisit} ms |`,
      ].join('\n'),
    );
  } finally {
    await browser.close();
    server.close();
  }
}
