// Runs the browser half of scripts/bench in headless Chromium:
//   node web/bench/browser.mjs SITE_DIR BENCH_DIR RUNS PAGE_LOADS
// SITE_DIR is web/dist; BENCH_DIR holds reel_bench.{js,wasm}, harness.js, bench.worker.js and split/.
// Prints one JSON object: the worker's samples plus page-load times and the bytes the page fetched.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../tests/e2e/staticServer.mjs';

const [siteDir, benchDir, runs, pageLoads] = process.argv.slice(2);
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

const site = await startStaticServer(siteDir);
const bench = await startStaticServer(benchDir);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS, headless: true });
try {
  // The page: navigation to "ready" (data fetched and parsed, both models trained, queries answerable).
  const ready_ms = [];
  const bytes = {};
  for (let n = 0; n < Number(pageLoads); n++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('requestfinished', (req) => {
      const file = new URL(req.url()).pathname;
      const local = path.join(siteDir, file === '/' ? 'index.html' : file);
      const raw = readFileSync(local);
      bytes[path.basename(local)] = { raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
    });
    const t0 = Date.now();
    await page.goto(site.origin + '/');
    await page.locator('.training-status[data-state=ready]').waitFor({ timeout: 60000 });
    ready_ms.push(Date.now() - t0);
    await context.close();
  }

  // The engine and its floor in a worker of their own page, from the same module code.
  const page = await browser.newPage();
  await page.goto(bench.origin + '/bench.html');
  const result = await page.evaluate(
    (n) => new Promise((resolve) => {
      const w = new Worker('./bench.worker.js', { type: 'module' });
      w.onmessage = (e) => resolve(e.data);
      w.onerror = (e) => resolve({ error: e.message });
      w.postMessage({ runs: n });
    }),
    Number(runs),
  );
  if (result.error) throw new Error(`bench worker: ${result.error}`);
  console.log(JSON.stringify({ ...result, page_ready_ms: ready_ms, page_bytes: bytes }));
} finally {
  await browser.close();
  await site.close();
  await bench.close();
}
