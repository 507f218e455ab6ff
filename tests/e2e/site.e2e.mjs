// Real headless Chromium against the built site (web/dist): train, search, neighbours, links, a viewer's top 10.
// Run: node tests/e2e/site.e2e.mjs (after scripts/build). Exits non-zero on any failure.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './staticServer.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = path.join(root, 'web/dist');
const output = path.join(here, 'output');
// playwright-core is a dependency of web/, not of this folder.
const { chromium } = createRequire(path.join(root, 'web/package.json'))('playwright-core');

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
const READY_TIMEOUT = 10 * 60_000;
const TOY_STORY = '1';

const results = [];
let failed = false;

async function step(name, fn) {
  if (failed) {
    results.push({ name, status: 'skipped' });
    console.log(`  - ${name} (skipped)`);
    return;
  }
  const t0 = Date.now();
  try {
    const note = await fn();
    results.push({ name, status: 'passed' });
    console.log(`  ✓ ${name} (${Date.now() - t0} ms)${note ? ` — ${note}` : ''}`);
  } catch (e) {
    failed = true;
    results.push({ name, status: 'failed' });
    console.log(`  ✗ ${name}\n    ${String(e.stack || e).split('\n').slice(0, 6).join('\n    ')}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Watches a page and its workers for console errors, uncaught errors and requests to other origins. */
function watch(page, origin, log) {
  const onConsole = (where) => (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(`${where}: ${msg.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('pageerror', (e) => log.consoleErrors.push(`page error: ${e.message}`));
  page.on('worker', (w) => w.on('console', onConsole('worker')));
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('requestfailed', (r) => log.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => r.status() >= 400 && log.failedRequests.push(`${r.url()} (HTTP ${r.status()})`));
  void origin;
}

async function waitForReady(page) {
  await page.locator('.training-status[data-state=ready]').waitFor({ timeout: READY_TIMEOUT });
}

async function neighbourIds(page) {
  return page.locator('.neighbours .film-item').evaluateAll((els) => els.map((e) => e.dataset.movieId));
}

async function main() {
  check(existsSync(path.join(dist, 'index.html')), 'web/dist/index.html is missing: run scripts/build first');
  mkdirSync(output, { recursive: true });
  const server = await startStaticServer(dist);
  const log = { consoleErrors: [], requests: [], failedRequests: [], foreign: [] };
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Anything aimed elsewhere is recorded and refused, so a stray CDN or font link fails the test offline too.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === server.origin) return route.continue();
    log.foreign.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  watch(page, server.origin, log);
  const timings = {};

  console.log(`e2e: Chromium ${browser.version()} against ${server.origin} (web/dist)`);
  try {
    await step('trains in the worker with a moving progress bar while the search box stays usable', async () => {
      const t0 = Date.now();
      await page.goto(`${server.origin}/`);
      const bar = page.locator('[role=progressbar][data-stage=rating]');
      await page.waitForFunction(
        () =>
          Number(document.querySelector('[role=progressbar][data-stage=rating]')?.getAttribute('aria-valuenow')) > 0 ||
          document.querySelector('.training-status[data-state=ready]'),
        null,
        { timeout: READY_TIMEOUT },
      );
      let typedDuringTraining = 'training finished before the check could run';
      if (await bar.count()) {
        await page.screenshot({ path: path.join(output, 'training.png') });
        const input = page.getByRole('combobox', { name: 'Find a film' });
        await input.fill('amelie');
        await page.getByRole('option').first().waitFor({ timeout: 30_000 });
        const stillTraining = (await page.locator('.training-status').getAttribute('data-state')) === 'training';
        typedDuringTraining = stillTraining ? 'search answered during training' : 'search answered';
        await input.fill('');
      }
      await waitForReady(page);
      timings.readyMs = Date.now() - t0;
      return `ready ${(timings.readyMs / 1000).toFixed(1)} s after navigation; ${typedDuringTraining}`;
    });

    await step('types "toy sto", picks Toy Story (1995) and sees ten neighbours', async () => {
      const input = page.getByRole('combobox', { name: 'Find a film' });
      await input.click();
      await input.pressSequentially('toy sto', { delay: 40 });
      const option = page.getByRole('option', { name: /Toy Story \(1995\)/ });
      await option.first().waitFor();
      check((await input.getAttribute('aria-expanded')) === 'true', 'combobox should be expanded');
      await option.first().click();
      await page.waitForFunction(() => document.querySelectorAll('.neighbours .film-item').length === 10);
      const title = await page.locator('.film-x-title').textContent();
      check(/Toy Story \(1995\)/.test(title), `film X should be Toy Story, got "${title}"`);
      const ids = await neighbourIds(page);
      check(new Set(ids).size === 10 && !ids.includes(TOY_STORY), `neighbours should be 10 distinct films: ${ids}`);
      check(new URL(page.url()).searchParams.get('film') === TOY_STORY, `URL should carry ?film=1, got ${page.url()}`);
      return `neighbours ${ids.join(',')}`;
    });

    await step('clicking a neighbour makes it the new film and updates ?film=', async () => {
      const first = page.locator('.neighbours .film-item').first();
      const id = await first.getAttribute('data-movie-id');
      const name = await first.locator('.film-link').textContent();
      await first.locator('.film-link').click();
      await page.waitForFunction((want) => document.querySelector('.film-x-title')?.dataset.movieId === want, id);
      await page.waitForFunction(
        (want) => {
          const items = [...document.querySelectorAll('.neighbours .film-item')];
          return items.length === 10 && !items.some((e) => e.dataset.movieId === want);
        },
        id,
      );
      check(new URL(page.url()).searchParams.get('film') === id, `URL should carry ?film=${id}, got ${page.url()}`);
      await page.goBack();
      await page.waitForFunction(() => document.querySelector('.film-x-title')?.dataset.movieId === '1');
      return `now "${name}" (${id}); Back returns to Toy Story`;
    });

    await step('picks user 1 and sees their favourites and ten recommendations', async () => {
      await page.locator('#user-select').selectOption('1');
      await page.locator('.glimpse-list li').first().waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.recs .film-item').length === 10);
      const ids = await page.locator('.recs .film-item').evaluateAll((els) => els.map((e) => e.dataset.movieId));
      check(new Set(ids).size === 10, `recommendations should be 10 distinct films: ${ids}`);
      return `recommendations ${ids.join(',')}`;
    });

    await step('shows the numbers panel figures', async () => {
      await page.locator('.figure-value').first().waitFor();
      const values = await page.locator('.figure').evaluateAll((els) =>
        els.map((e) => `${e.dataset.key}=${e.querySelector('.figure-exact').textContent}`),
      );
      check(values.length === 6, `expected six figures (RMSE, recall and lift per model, popularity), got ${values.length}`);
      const times = await page.locator('.numbers > p.muted').last().textContent();
      values.push(`| ${times}`);
      await page.screenshot({ path: path.join(output, 'site.png'), fullPage: true });
      return values.join(' ');
    });

    await step('a ?film=1 link opens straight to Toy Story after training', async () => {
      const linked = await context.newPage();
      watch(linked, server.origin, log);
      const t0 = Date.now();
      await linked.goto(`${server.origin}/?film=1`);
      await waitForReady(linked);
      timings.linkReadyMs = Date.now() - t0;
      await linked.waitForFunction(() => document.querySelectorAll('.neighbours .film-item').length === 10);
      const title = await linked.locator('.film-x-title').textContent();
      check(/Toy Story \(1995\)/.test(title), `film X should be Toy Story, got "${title}"`);
      await linked.close();
      return `ready ${(timings.linkReadyMs / 1000).toFixed(1)} s after navigation`;
    });

    await step('a failed download shows a readable message, and Retry recovers', async () => {
      // Its own context, unwatched: the deliberate 404 is logged by Chromium as a console error.
      const flaky = await browser.newContext();
      let failures = 0;
      await flaky.route('**/data/ratings.csv', (route) => {
        if (failures++ === 0) return route.fulfill({ status: 404, body: 'gone' });
        return route.continue();
      });
      const p = await flaky.newPage();
      await p.goto(`${server.origin}/`);
      const alert = p.locator('.error-panel[role=alert]');
      await alert.waitFor();
      const message = await alert.locator('.error-message').textContent();
      check(/Could not download ratings\.csv \(HTTP 404\)/.test(message), `unexpected error text: ${message}`);
      await p.screenshot({ path: path.join(output, 'load-error.png') });
      await p.getByRole('button', { name: 'Retry' }).click();
      await waitForReady(p);
      await flaky.close();
      check(failures === 2, `ratings.csv should have been requested twice, was ${failures}`);
      return `showed "${message}"`;
    });

    await step('looks right at phone width in dark mode', async () => {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
      await phone.route('**/*', (route) => {
        const url = route.request().url();
        if (new URL(url).origin === server.origin) return route.continue();
        log.foreign.push(url);
        return route.abort();
      });
      const p = await phone.newPage();
      watch(p, server.origin, log);
      await p.goto(`${server.origin}/?film=1`);
      await waitForReady(p);
      await p.waitForFunction(() => document.querySelectorAll('.neighbours .film-item').length === 10);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      await p.screenshot({ path: path.join(output, 'phone-dark.png'), fullPage: true });
      await phone.close();
      check(overflow <= 0, `page is ${overflow}px wider than a 390px phone`);
    });

    await step('made no request to another origin', async () => {
      const foreign = [...log.foreign, ...log.requests.filter((u) => !u.startsWith(server.origin) && !/^(data|blob):/.test(u))];
      check(foreign.length === 0, `requests left the site: ${[...new Set(foreign)].join(', ')}`);
      return `${log.requests.length} requests, all to ${server.origin}`;
    });

    await step('logged no console error and no failed request', async () => {
      check(log.consoleErrors.length === 0, `console errors:\n${log.consoleErrors.join('\n')}`);
      check(log.failedRequests.length === 0, `failed requests:\n${log.failedRequests.join('\n')}`);
    });
  } finally {
    if (!failed || page) await page.screenshot({ path: path.join(output, 'last.png'), fullPage: true }).catch(() => {});
    await browser.close();
    await server.close();
  }

  if (timings.readyMs) console.log(`e2e: time from navigation to ready: ${(timings.readyMs / 1000).toFixed(1)} s`);
  const count = (s) => results.filter((r) => r.status === s).length;
  const skipped = count('skipped');
  console.log(`e2e: ${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
  console.log(`e2e: screenshots in ${path.relative(root, output)}/`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`e2e: could not run: ${e.stack || e}`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
