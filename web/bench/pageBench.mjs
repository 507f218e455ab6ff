// The site as a visitor meets it, in headless Chromium (part of scripts/bench): a first visit, then
// a return visit in the same profile (service worker and kept models in place), each timed from
// navigation to search working, to the first answer (ten films like X on screen) and to ready; both
// also on "Fast 3G" with the CPU slowed 4× (CDP throttling); long tasks on the main
// thread while training and layout shift; and 60-fps panning over the map.

// DevTools' "Fast 3G": 562.5 ms round trip, 1.44 Mbit/s down, 675 kbit/s up.
export const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
const FILM = 1; // Toy Story: ?film=1 opens straight to its neighbours

/** Runs in the page before its scripts: notes when each milestone appears, long tasks and layout shifts. */
function probe() {
  const p = (window.__probe = { marks: {}, longTasks: [], shifts: [] });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => p.longTasks.push([e.startTime, e.duration]))).observe({
    type: 'longtask',
    buffered: true,
  });
  new PerformanceObserver((list) => list.getEntries().forEach((e) => !e.hadRecentInput && p.shifts.push([e.startTime, e.value]))).observe({
    type: 'layout-shift',
    buffered: true,
  });
  const seen = () => {
    const m = p.marks;
    const now = performance.now();
    if (!m.search && document.querySelector('input[role=combobox]:not([disabled])')) m.search = now;
    const state = document.querySelector('.training-status')?.dataset.state;
    if (state && !m[state]) m[state] = now;
    if (!m.answer && document.querySelectorAll('.neighbours > .film-item').length === 10) m.answer = now;
    if (!m.kept && /kept here|restored the models/.test(document.querySelector('.training-status')?.textContent ?? '')) m.kept = now;
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

async function visit(page, origin) {
  await page.goto(`${origin}/?film=${FILM}`);
  await page.waitForFunction(() => window.__probe.marks.answer && window.__probe.marks.ready, null, { timeout: 180_000 });
  await page.waitForTimeout(1500); // layout shift and long tasks just after ready count too
  const r = await page.evaluate(() => window.__probe);
  const { marks } = r;
  const trainingFrom = marks.training ?? marks.restoring ?? marks.ready;
  const whileTraining = r.longTasks.filter(([start]) => start >= trainingFrom && start <= marks.ready).map(([, d]) => d);
  return {
    search_ms: marks.search,
    answer_ms: marks.answer,
    ready_ms: marks.ready,
    restored: Boolean(marks.restoring),
    long_tasks_training: whileTraining,
    long_tasks_all: r.longTasks.map(([, d]) => d),
    cls: r.shifts.reduce((a, [, v]) => a + v, 0),
  };
}

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/** A first visit in a fresh profile, then a return visit once the site and models are kept. */
async function firstAndReturn(browser, server, throttled) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    await context.addInitScript(probe);
    const page = await context.newPage();
    if (throttled) await throttle(context, page);
    const first = await visit(page, server.origin);
    // Ready to come back: the models kept, the map laid out and kept, the service worker in control.
    await page.waitForFunction(
      () =>
        window.__probe.marks.kept &&
        navigator.serviceWorker?.controller &&
        /laid-out|drawn/.test(document.querySelector('#map')?.dataset.state),
      null,
      { timeout: 120_000 },
    );
    await page.waitForTimeout(300); // the map's IndexedDB write lands just after the layout
    await page.close();
    const before = server.requests.length;
    const again = await context.newPage();
    if (throttled) await throttle(context, again);
    const ret = await visit(again, server.origin);
    ret.network_requests = server.requests.slice(before).filter((r) => !r.endsWith('/sw.js'));
    return { first, return: ret };
  } finally {
    await context.close();
  }
}

/** Pans the map in a circle for `frames` animation frames with a held mouse button, as a visitor drags it. */
async function panMap(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/?film=${FILM}`);
    await page.locator('#map[data-state=laid-out], #map[data-state=drawn]').waitFor({ timeout: 120_000 });
    await page.locator('#map').scrollIntoViewIfNeeded(); // the drawing code loads as the map comes near
    await page.locator('#map[data-state=drawn]').waitFor({ timeout: 30_000 });
    await page.locator('.map-frame').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('+'); // zoomed in, so a drag moves the map
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    return await page.evaluate(
      (frames) =>
        new Promise((resolve) => {
          const canvas = document.querySelector('.map-canvas');
          const rect = canvas.getBoundingClientRect();
          const cx = rect.left + rect.width / 2;
          const cy = rect.top + rect.height / 2;
          const mouse = (type, target, x, y) =>
            target.dispatchEvent(
              new MouseEvent(type, { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y, button: 0, buttons: 1 }),
            );
          const longTasks = [];
          const observer = new PerformanceObserver((l) => l.getEntries().forEach((e) => longTasks.push(e.duration)));
          observer.observe({ type: 'longtask' });
          performance.clearMeasures('map-draw');
          const stamps = [];
          mouse('mousedown', canvas, cx + 120, cy);
          const step = (t) => {
            stamps.push(t);
            const a = (2 * Math.PI * stamps.length) / 120; // a full circle every two seconds
            mouse('mousemove', window, cx + 120 * Math.cos(a), cy + 120 * Math.sin(a));
            if (stamps.length < frames) requestAnimationFrame(step);
            else {
              mouse('mouseup', window, cx, cy);
              setTimeout(() => {
                observer.disconnect();
                const draws = performance.getEntriesByName('map-draw').map((e) => e.duration);
                const gaps = stamps.slice(1).map((s, i) => s - stamps[i]);
                resolve({
                  films: Number(document.querySelector('.map-frame').dataset.films),
                  frames: stamps.length,
                  fps: ((stamps.length - 1) * 1000) / (stamps.at(-1) - stamps[0]),
                  frame_gaps_ms: gaps,
                  draw_ms: draws,
                  long_tasks: longTasks,
                });
              }, 200);
            }
          };
          requestAnimationFrame(step);
        }),
      360,
    );
  } finally {
    await context.close();
  }
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ origin: string, requests: string[] }} server  the site, served as GitHub Pages serves it
 * @param {{ runs: number, throttledRuns: number }} counts
 */
export async function pageBench(browser, server, { runs, throttledRuns }) {
  const out = { first: [], return: [], throttled: [], throttled_return: [], map: null };
  for (let i = 0; i < runs; i++) {
    const r = await firstAndReturn(browser, server, false);
    out.first.push(r.first);
    out.return.push(r.return);
  }
  for (let i = 0; i < throttledRuns; i++) {
    const r = await firstAndReturn(browser, server, true);
    out.throttled.push(r.first);
    out.throttled_return.push(r.return);
  }
  out.map = await panMap(browser, server.origin);
  return out;
}
