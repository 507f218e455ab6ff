// What the end-to-end steps share: Chromium launched quietly, contexts that refuse other origins,
// a log of console errors and failed requests, named steps with timings, and axe-core in the page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// playwright-core and axe-core are dependencies of web/, not of this folder.
const requireWeb = createRequire(path.join(root, 'web/package.json'));
const { chromium } = requireWeb('playwright-core');
const AXE = readFileSync(requireWeb.resolve('axe-core/axe.min.js'), 'utf8');

export const READY_TIMEOUT = 5 * 60_000;

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', ...CHROMIUM_FLAGS], headless: true });
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/**
 * Named steps: each prints its time and a note, or its failure, and the run goes on. A step whose
 * `needs` (steps it builds on) did not pass is skipped with a line saying which; every other step
 * runs whatever failed before it. `step` returns the step, to name in a later step's `needs`.
 * `finish()` prints the failed steps and the closing count, and says whether all passed.
 */
export function stepRunner() {
  const results = [];
  async function step(name, fn, { needs = [] } = {}) {
    const result = { name, status: 'skipped' };
    results.push(result);
    const missing = needs.filter((n) => n.status !== 'passed');
    if (missing.length) {
      console.log(`  - ${name}\n    skipped: it needs ${missing.map((n) => `"${n.name}" (${n.status})`).join(' and ')}`);
      return result;
    }
    const t0 = Date.now();
    try {
      const note = await fn();
      Object.assign(result, { status: 'passed', ms: Date.now() - t0 });
      console.log(`  ✓ ${name} (${result.ms} ms)${note ? ` — ${note}` : ''}`);
    } catch (e) {
      result.status = 'failed';
      console.log(
        `  ✗ ${name}\n    ${String(e.stack || e)
          .split('\n')
          .slice(0, 8)
          .join('\n    ')}`,
      );
    }
    return result;
  }
  const count = (status) => results.filter((r) => r.status === status).length;
  const failed = () => count('failed') > 0;
  function finish() {
    const failures = results.filter((r) => r.status === 'failed');
    if (failures.length) console.log(`e2e: failed steps:\n${failures.map((r) => `  ✗ ${r.name}`).join('\n')}`);
    const skipped = count('skipped');
    // The closing line alone, as test runners end: "N passed, N failed".
    console.log(`${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
    return !failed() && skipped === 0;
  }
  return { step, results, failed, finish };
}

/** A context that records and refuses any request aimed outside the site's own origin. */
export async function siteContext(browser, origin, log, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    log.foreign.push(url);
    return route.abort();
  });
  return context;
}

/** Watches a page and its workers for console errors, uncaught errors and requests. */
export function watch(page, log) {
  const onConsole = (where) => (msg) => {
    if (msg.type() === 'error') log.consoleErrors.push(`${where}: ${msg.text()}`);
  };
  page.on('console', onConsole('page'));
  page.on('pageerror', (e) => log.consoleErrors.push(`page error: ${e.message}`));
  page.on('worker', (w) => w.on('console', onConsole('worker')));
  page.on('request', (r) => log.requests.push(r.url()));
  // links.csv is asked for once ready, so a step that closes its page then cuts it off; that is
  // not a failure of the site, and any other request's is.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText === 'net::ERR_ABORTED' && r.url().endsWith('/data/links.csv')) return;
    log.failedRequests.push(`${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => r.status() >= 400 && log.failedRequests.push(`${r.url()} (HTTP ${r.status()})`));
}

export const newLog = () => ({ consoleErrors: [], requests: [], failedRequests: [], foreign: [] });

export async function waitForReady(page) {
  await page.locator('.training-status[data-state=ready]').waitFor({ timeout: READY_TIMEOUT });
}

/** Unfolds the training card (folded to one line once ready), if it is folded. */
export async function openTrainingDetails(page) {
  const toggle = page.getByRole('button', { name: 'Training details', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
}

/** Runs axe-core (injected inline: no request) on the page as it is; throws listing any violation. */
export async function expectNoAxeViolations(page, state) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
  });
  check(violations.length === 0, `axe-core found ${violations.length} violation(s) in ${state}:\n      ${violations.join('\n      ')}`);
  return `${state}: no axe violation`;
}
