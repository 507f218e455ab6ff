// A first visit on a phone network (issue 26), in headless Chromium: a fresh profile, a phone's
// viewport, DevTools' "Fast 3G" and the CPU slowed 4× (the page's main thread: DevTools does not slow
// the worker, whose training runs at this machine's speed), opening ?film=1. Times from navigation to
// search working, to the first answer (ten films like Toy Story) and to ready; the bytes that
// arrived before the first answer and in all (each response's encoded body and headers, the
// worker's included), and when each file the first answer waited for was asked for and arrived;
// the main thread's long tasks from navigation to 2 s after ready; beside the
// same visit unthrottled; then Lighthouse's mobile preset. Prints its table (scripts/bench puts it
// into docs/benchmarks.md between <!-- bench:phone --> markers with report.mjs --splice); the
// figures themselves go to stderr as JSON. Runs alone: node web/bench/phoneVisit.mjs [RUNS]
import path from 'node:path';
import { launch, root } from '../../tests/e2e/harness.mjs';
import { startStaticServer } from '../../tests/e2e/staticServer.mjs';
import { runLighthouse } from './lighthouse.mjs';
import { FAST_3G } from './pageBench.mjs';

const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true }; // Lighthouse's Moto G Power
const AFTER_READY_MS = 2000;

/** Runs in the page before its scripts: when search works, the first answer, ready; long tasks. */
function probe() {
  const p = (window.__phone = { marks: {}, longTasks: [] });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => p.longTasks.push([e.startTime, e.duration]))).observe({
    type: 'longtask',
    buffered: true,
  });
  new MutationObserver(() => {
    const m = p.marks;
    const now = performance.now();
    if (!m.search && document.querySelector('input[role=combobox]:not([disabled])')) m.search = now;
    if (!m.answer && document.querySelectorAll('.neighbours > .film-item').length === 10) m.answer = now;
    if (!m.ready && document.querySelector('.training-status')?.dataset.state === 'ready') m.ready = now;
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function visit(browser, origin, throttled) {
  const context = await browser.newContext(PHONE);
  try {
    await context.addInitScript(probe);
    const page = await context.newPage();
    if (throttled) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', FAST_3G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const asked = new Map(); // request → wall-clock ms
    const arrived = []; // [wall-clock ms, bytes, url, asked at]
    context.on('request', (request) => asked.set(request, Date.now()));
    context.on('requestfinished', async (request) => {
      const at = Date.now();
      const sizes = await request.sizes().catch(() => null);
      if (sizes) arrived.push([at, sizes.responseBodySize + sizes.responseHeadersSize, request.url(), asked.get(request)]);
    });
    await page.goto(`${origin}/?film=1`);
    await page.waitForFunction(() => window.__phone.marks.answer && window.__phone.marks.ready, null, { timeout: 180_000 });
    await page.waitForTimeout(AFTER_READY_MS);
    const { marks, longTasks, origin: t0 } = await page.evaluate(() => ({ ...window.__phone, origin: performance.timeOrigin }));
    const answerAt = t0 + marks.answer;
    const sum = (list) => list.reduce((a, [, b]) => a + b, 0);
    return {
      search_ms: marks.search,
      answer_ms: marks.answer,
      ready_ms: marks.ready,
      bytes_before_answer: sum(arrived.filter(([at]) => at <= answerAt)),
      bytes_all: sum(arrived),
      long_tasks: longTasks.filter(([start]) => start <= marks.ready + AFTER_READY_MS).map(([, d]) => Math.round(d)),
      // The files the first answer waited for (the service worker fetches them all again later), each by
      // its name without the build's hash: when it was asked for and when it had arrived (ms from navigation).
      files: Object.fromEntries(
        arrived
          .filter(([at]) => at <= answerAt)
          .map(([at, , url, from]) => [fileName(url), { asked_ms: Math.round(from - t0), arrived_ms: Math.round(at - t0) }]),
      ),
    };
  } finally {
    await context.close();
  }
}

/** A request's file, as the table names it: "index.js" for "assets/index-DjvQzb2S.js", "page" for the page itself. */
const fileName = (url) =>
  new URL(url).pathname
    .split('/')
    .pop()
    .replace(/-[\w-]{8}(\.\w+)$/, '$1') || 'page';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.round(median(xs))} [${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}]`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/** The phone visits, `runs` of each kind, and Lighthouse's mobile preset once a run. */
export async function phoneBench(browser, origin, runs) {
  const out = { throttled: [], plain: [], lighthouse: null };
  for (let i = 0; i < runs; i++) {
    out.throttled.push(await visit(browser, origin, true));
    out.plain.push(await visit(browser, origin, false));
    console.error(`bench: phone visit ${i + 1}: ${JSON.stringify(out.throttled.at(-1))}`);
  }
  out.lighthouse = (await runLighthouse(`${origin}/`, runs)).mobile;
  return out;
}

/** The Markdown table of phoneBench's results. */
function phoneTable(r, runs) {
  const rows = [
    `### A first visit on a phone (412 × 823), ?film=1, ${runs} fresh profiles each (ms from navigation; median [min–max])`,
    '',
    '| network and CPU | search works | first answer | ready | sent before the first answer | sent in all | long tasks to 2 s after ready (longest) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const [label, list] of [
    ['"Fast 3G" + 4× CPU', r.throttled],
    ['no throttling', r.plain],
  ]) {
    const col = (k) => list.map((x) => x[k]);
    const tasks = list.flatMap((x) => x.long_tasks);
    rows.push(
      `| ${label} | ${spread(col('search_ms'))} | ${spread(col('answer_ms'))} | ${spread(col('ready_ms'))} | ${kb(median(col('bytes_before_answer')))} | ${kb(median(col('bytes_all')))} | ${tasks.length} in ${list.length} visits (${tasks.length ? Math.max(...tasks) : 0} ms) |`,
    );
  }
  // On the phone network, what the first answer waited for: each file asked for and arrived.
  const names = [...new Set(r.throttled.flatMap((x) => Object.keys(x.files)))];
  const when = (name, k) => spread(r.throttled.map((x) => x.files[name]?.[k]).filter((v) => v !== undefined));
  rows.push(
    '',
    `On "Fast 3G" + 4× CPU, each file (ms from navigation; median [min–max]): ${names
      .map((n) => `${n} asked for at ${when(n, 'asked_ms')}, in at ${when(n, 'arrived_ms')}`)
      .join('; ')}.`,
  );
  const lh = r.lighthouse;
  const lcol = (k) => lh.map((x) => x[k]);
  rows.push(
    '',
    `Lighthouse 12.2.3, mobile preset, ${lh.length} runs: score ${spread(lcol('score'))}, Total Blocking Time ${spread(lcol('tbt_ms'))} ms, LCP ${spread(lcol('lcp_ms'))} ms.`,
  );
  return rows.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.argv[2] ?? 3);
  const server = await startStaticServer(path.join(root, 'web/dist'));
  const browser = await launch();
  try {
    const r = await phoneBench(browser, server.origin, runs);
    console.error(JSON.stringify(r));
    console.log(phoneTable(r, runs));
  } finally {
    await browser.close();
    server.close();
  }
}
