// Trained once, kept, and offline, in a real Chromium: a return visit shows the answer kept on the
// last visit at once, restores the models kept in IndexedDB instead of training, and answers the same; with the network off the whole site still
// works from the service worker; "Retrain here" trains afresh and keeps the result; and a new
// deploy is picked up on the next visit, which says so.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { check, newLog, openTrainingDetails, root, siteContext, waitForReady, watch } from './harness.mjs';
import { startStaticServer } from './staticServer.mjs';

/** The site is kept: the service worker controls the page and the models (and map) are in IndexedDB. */
export async function waitUntilKept(page) {
  await page.waitForFunction(
    () =>
      navigator.serviceWorker?.controller &&
      /kept here|restored the models/.test(document.querySelector('.training-status')?.textContent ?? '') &&
      /laid-out|drawn/.test(document.querySelector('#map')?.dataset.state ?? ''),
    null,
    { timeout: 60_000 },
  );
  // The map's layout is written to IndexedDB just after it is laid out: wait until it is there.
  const mapKept = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('reel');
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('maps')) return (db.close(), resolve(false));
            const count = db.transaction('maps').objectStore('maps').count();
            count.onsuccess = () => (db.close(), resolve(count.result > 0));
            count.onerror = () => (db.close(), resolve(false));
          };
        }),
    );
  for (let frames = 0; !(await mapKept()); frames++) {
    check(frames < 600, 'the map was never kept in IndexedDB');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
}

const answered = (page) =>
  page.waitForFunction(() => document.querySelectorAll('.neighbours > .film-item').length === 10, null, { timeout: 30_000 });

export async function offlineSteps(step, { page, context, origin, output }, options = {}) {
  const returned = await step(
    'a return visit restores the kept models instead of training, and answers at once',
    async () => {
      // Toy Story's neighbours, seen on this visit, are kept for the next.
      const search = page.getByRole('combobox', { name: 'Find films like', exact: true });
      await search.fill('toy story');
      await page
        .locator('#films [role=option]', { hasText: /^Toy Story \(1995\)/ })
        .first()
        .click();
      await page.getByRole('radiogroup', { name: 'Which films like it' }).getByRole('radio', { name: 'Closest', exact: true }).click(); // a visit opens on this view
      await page.getByRole('list', { name: 'Films like Toy Story (1995)', exact: true }).locator(':scope > .film-item').nth(9).waitFor();
      await waitUntilKept(page);
      // Noted in the page from its first render: when a kept answer of ten films was first on screen.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const list = document.querySelector('.neighbours[data-kept=true]');
          const films = list ? [...list.querySelectorAll(':scope > .film-item')] : [];
          if (films.length !== 10) return;
          window.__kept = { ids: films.map((e) => e.dataset.movieId), state: document.querySelector('.training-status')?.dataset.state };
          observer.disconnect();
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await page.goto(`${origin}/?film=1`);
      await waitForReady(page);
      await answered(page);
      // The answer kept on the last visit was on screen before the engine was ready…
      const early = await page.evaluate(() => window.__kept ?? null);
      check(early, 'the answer kept on the last visit never showed');
      check(early.state !== 'ready', `the kept answer should show before the engine is ready (it showed at state ${early.state})`);
      // …and the engine's own answer, which replaces it, is the same ten films.
      await page.locator('.neighbours:not([data-kept])').waitFor({ state: 'attached' });
      const live = await page.locator('.neighbours > .film-item').evaluateAll((els) => els.map((e) => e.dataset.movieId));
      check(live.join() === early.ids.join(), `the kept answer should be the engine's own: kept ${early.ids}, engine ${live}`);
      const status = await page.locator('.training-status').textContent();
      check(/restored the models this browser trained/.test(status), `the return visit should say it restored the models: ${status}`);
      check((await page.locator('.training[data-restored=true]').count()) === 1, 'the training card should show the models as restored');
      await openTrainingDetails(page);
      const epochs = await page
        .getByRole('progressbar', { name: /training$/ })
        .evaluateAll((bars) => bars.map((b) => b.getAttribute('aria-valuenow') === b.getAttribute('aria-valuemax')));
      check(epochs.every(Boolean), 'every model bar should be full');
      check(await page.getByRole('button', { name: 'Retrain here' }).isVisible(), 'a restored page offers "Retrain here"');
      await page.locator('#map').scrollIntoViewIfNeeded();
      await page.locator('#map[data-state=drawn]').waitFor({ timeout: 20_000 });
      return `the kept ten films like Toy Story on screen before the engine was ready (state ${early.state}); "${status.trim()}"`;
    },
    options,
  );
  // Both build on the return visit: the site kept by the service worker, the models restored.
  const afterReturn = { needs: [...(options.needs ?? []), returned] };

  await step(
    'with the network off, the site still opens, searches and answers (the service worker keeps it all)',
    async () => {
      await context.setOffline(true);
      try {
        await page.goto(`${origin}/?film=2571`);
        await waitForReady(page);
        await answered(page);
        const search = page.getByRole('combobox', { name: 'Find films like', exact: true });
        await search.fill('heat');
        await page.waitForFunction(() => /^Heat \(1995\)/.test(document.querySelector('#films [role=option]')?.textContent ?? ''));
        await search.fill('');
        await page.locator('#map').scrollIntoViewIfNeeded();
        await page.locator('#map[data-state=drawn]').waitFor({ timeout: 20_000 });
        await page.screenshot({ path: path.join(output, 'offline-1280.png') });
      } finally {
        await context.setOffline(false);
      }
      return 'offline: ready, films like The Matrix, "heat" found, the map drawn';
    },
    afterReturn,
  );

  await step(
    '"Retrain here" trains every model afresh and keeps the result',
    async () => {
      await page.locator('.training').scrollIntoViewIfNeeded();
      await openTrainingDetails(page);
      await page.getByRole('button', { name: 'Retrain here' }).click();
      await page.locator('.training-status[data-state=training]').waitFor({ timeout: 10_000 });
      await waitForReady(page);
      await page.waitForFunction(
        () => /kept here for your next visit/.test(document.querySelector('.training-status')?.textContent ?? ''),
        null,
        { timeout: 20_000 },
      );
      return (await page.locator('.training-status').textContent()).trim();
    },
    afterReturn,
  );
}

/** A deploy of a new version: the build id in the bundle changed (to `newId`), and the service worker rewritten. */
function deployNewVersion(dist, newId) {
  const assets = path.join(dist, 'assets');
  const entry = readdirSync(assets).find((f) => /^index-.*\.js$/.test(f));
  const file = path.join(assets, entry);
  const code = readFileSync(file, 'utf8');
  const id = code.match(/id:`([0-9a-f]{12})`/)?.[1];
  check(id, 'the build id was not found in the bundle');
  writeFileSync(file, code.replace(`id:\`${id}\``, `id:\`${newId}\``));
  return import(pathToFileURL(path.join(root, 'web/plugins/precache.js')).href).then(({ writeServiceWorker }) => writeServiceWorker(dist));
}

export async function updateStep(step, browser, output) {
  await step('an update to the site is picked up on the next visit, and the page says so', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'reel-site-'));
    cpSync(path.join(root, 'web/dist'), dist, { recursive: true });
    const server = await startStaticServer(dist);
    const log = newLog();
    const context = await siteContext(browser, server.origin, log);
    try {
      const page = await context.newPage();
      watch(page, log);
      await page.goto(`${server.origin}/`);
      await waitForReady(page);
      await waitUntilKept(page);
      const v1 = await page.evaluate(
        () =>
          new Promise((r) => {
            const ch = new MessageChannel();
            ch.port1.onmessage = (e) => r(e.data.version);
            navigator.serviceWorker.controller.postMessage({ type: 'version' }, [ch.port2]);
          }),
      );
      const { version: v2 } = await deployNewVersion(dist, '0123456789ab');
      // The next visit is still served by the old version, which sees the new one and fetches it.
      await page.reload();
      await page.locator('.update-notice[data-update=ready]').waitFor({ timeout: 30_000 });
      const said = await page.locator('.update-notice').textContent();
      await page.screenshot({ path: path.join(output, 'update-ready.png') });
      // The visit after that runs the new version, and says it was updated.
      await page.reload();
      await page.locator('.update-notice[data-update=applied]').waitFor({ timeout: 30_000 });
      const applied = await page.locator('.update-notice').textContent();
      await waitForReady(page);
      check(
        /restored the models/.test(await page.locator('.training-status').textContent()),
        'an update that keeps the engine keeps the trained models',
      );
      // The site's caches: the version just replaced is kept one round (a page may still run it)…
      const reelCaches = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('reel-')));
      const cached = await reelCaches();
      check(JSON.stringify(cached) === JSON.stringify([`reel-${v1}`, `reel-${v2}`]), `caches after one update: ${cached}`);
      // …and goes at the update after: no deploy leaves another copy of the site behind.
      const { version: v3 } = await deployNewVersion(dist, 'ba9876543210');
      await page.reload();
      await page.locator('.update-notice[data-update=ready]').waitFor({ timeout: 30_000 });
      // The page hears of the new worker as it starts activating; the old cache goes before it is activated.
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const worker = navigator.serviceWorker.controller;
            if (worker.state === 'activated') resolve(undefined);
            worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(undefined));
          }),
      );
      const want = [`reel-${v2}`, `reel-${v3}`];
      const after = await reelCaches();
      check(JSON.stringify(after) === JSON.stringify(want), `caches after two updates: ${after}`);
      check(log.consoleErrors.length === 0, `console errors: ${log.consoleErrors.join('\n')}`);
      return `service worker ${v1} → ${v2} → ${v3}: "${said.trim()}", then "${applied.trim()}"; caches then ${cached.length}, after ${after.join(', ')}`;
    } finally {
      await context.close();
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
}
