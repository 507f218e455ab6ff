// Runs the browser half of scripts/bench in headless Chromium:
//   node web/bench/browser.mjs SITE_DIR BENCH_DIR RUNS
// SITE_DIR is web/dist; BENCH_DIR holds reel_bench.{js,wasm}, harness.js, bench.worker.js and split/.
// Prints one JSON object: the engine and its floor in a worker (cold first run, then warm ones),
// the site's first and return visits, throttled and not (pageBench.mjs), panning the map, the bytes
// a first visit fetches, and Lighthouse's mobile and desktop performance. Both sites are served
// with gzip, as GitHub Pages serves them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../../tests/e2e/harness.mjs';
import { startStaticServer } from '../../tests/e2e/staticServer.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { pageBench } from './pageBench.mjs';

const [siteDir, benchDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg);
const log = (line) => process.stderr.write(`bench:   ${line}\n`);

const site = await startStaticServer(siteDir);
const bench = await startStaticServer(benchDir);
const browser = await launch();
try {
  // The engine and its floor in a worker of their own page, from the same module code.
  log(`engine and floor in a worker (${runs} runs)`);
  const page = await browser.newPage();
  await page.goto(bench.origin + '/bench.html');
  const worker = await page.evaluate(
    (n) =>
      new Promise((resolve) => {
        const w = new Worker('./bench.worker.js', { type: 'module' });
        w.onmessage = (e) => resolve(e.data);
        w.onerror = (e) => resolve({ error: e.message });
        w.postMessage({ runs: n });
      }),
    runs,
  );
  if ('error' in worker) throw new Error(`bench worker: ${worker.error || 'it could not start'}`);
  await page.close();

  // The bytes of a first visit: every file the server sent, with its size as built and gzipped.
  const before = site.requests.length;
  log(`the site: ${runs} first and return visits, ${Math.min(runs, 2)} on Fast 3G with 4× CPU, the map panned`);
  const visits = await pageBench(browser, site, { runs, throttledRuns: Math.min(runs, 2) });
  const firstVisit = new Set(site.requests.slice(before).filter((p) => p !== '/sw.js'));
  const bytes = {};
  for (const file of firstVisit) {
    const local = path.join(siteDir, file === '/' ? 'index.html' : decodeURIComponent(file));
    try {
      const raw = readFileSync(local);
      bytes[path.basename(local)] = { raw: raw.length, gzip: gzipSync(raw, { level: 6 }).length };
    } catch {
      // a path the site does not have (none expected)
    }
  }
  await browser.close();

  log('Lighthouse 12.2.3, mobile and desktop');
  const lighthouse = await runLighthouse(`${site.origin}/`, 1);
  console.log(JSON.stringify({ ...worker, visits, page_bytes: bytes, lighthouse }));
} finally {
  await browser.close().catch(() => {});
  await site.close();
  await bench.close();
}
