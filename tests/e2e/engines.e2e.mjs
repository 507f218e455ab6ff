// The main flow in the two other browser engines Debian ships: Firefox ESR (Gecko), driven by
// puppeteer-core over WebDriver BiDi, and WebKitGTK (Safari's engine), driven by WebKitWebDriver
// under Xvfb. Load and train, films like X, rate three films with their next films after each,
// reload (the same ratings, the same next films), then offline from the service worker. Offline is
// the site's server stopped: WebKitGTK has no offline switch, and puppeteer-core 23's BiDi page has
// none for Firefox either (setOfflineMode is unsupported there).
// Run: node tests/e2e/engines.e2e.mjs [firefox|webkit] (after scripts/build). Exits non-zero on any failure.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { check, root, stepRunner } from './harness.mjs';
import { filmsLike, inPage, kept, rate, ready, shown } from './pageFlow.mjs';
import { startStaticServer } from './staticServer.mjs';
import { webdriverSession } from './webdriver.mjs';

const requireWeb = createRequire(path.join(root, 'web/package.json'));
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Firefox ESR through puppeteer-core: a page that evaluates pageFlow's expressions. */
async function firefox(server) {
  const puppeteer = requireWeb('puppeteer-core');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  return {
    name: `Firefox ${(await browser.version()).replace(/^firefox\//, '')}`,
    goto: (url) => page.goto(url),
    reload: () => page.reload(),
    evaluate: (expression) => page.evaluate(expression),
    offline: () => server.close(),
    close: () => browser.close(),
  };
}

/** The first answer of WebKitWebDriver's /status: the driver is up. */
async function driverUp(server, driver) {
  for (;;) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    const up = await fetch(`${server}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    // The driver announces nothing when it listens: ask again shortly (the only wait on a clock here).
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver under Xvfb (it has no headless mode). */
async function webkit(server) {
  const port = 4444 + (process.pid % 1000);
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1920x1200x24', 'WebKitWebDriver', `--port=${port}`], {
    detached: true,
    stdio: 'ignore',
  });
  const at = `http://127.0.0.1:${port}`;
  await driverUp(at, driver);
  const session = await webdriverSession(at, {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  });
  return {
    name: 'WebKitGTK (MiniBrowser)',
    ...session,
    offline: () => server.close(),
    async close() {
      await session.close().catch(() => {});
      process.kill(-driver.pid, 'SIGTERM');
    },
  };
}

async function flow(engine, step) {
  const server = await startStaticServer(path.join(root, 'web/dist'));
  const b = await (engine === 'firefox' ? firefox(server) : webkit(server));
  const run = (fn, arg) => b.evaluate(inPage(fn, arg));
  console.log(`e2e: ${b.name} against ${server.origin} (web/dist)`);
  try {
    const trained = await step(`${b.name}: loads and trains in the worker`, async () => {
      await b.goto(`${server.origin}/`);
      return run(ready);
    });
    const like = await step(
      `${b.name}: films like Toy Story`,
      async () => {
        const r = await run(filmsLike, 'toy story');
        check(/^Toy Story \(1995\)/.test(r.picked), `"toy story" picked ${r.picked}`);
        return `${r.picked}: ${r.neighbours.join(',')}`;
      },
      { needs: [trained] },
    );
    let before = null;
    const rated = await step(
      `${b.name}: rates three films, ten next films with reasons after each`,
      async () => {
        before = await run(rate, 3);
        check(before.rated.length === 3, `three ratings expected, found ${before.rated}`);
        return `next ${before.next.join(',')}`;
      },
      { needs: [like] },
    );
    const again = await step(
      `${b.name}: reload → the same ratings and the same next films`,
      async () => {
        await run(kept); // the service worker and the models are kept before the page goes
        await b.reload();
        await run(ready);
        const after = await run(shown);
        check(JSON.stringify(after.rated) === JSON.stringify(before.rated), `ratings after reload ${after.rated} ≠ ${before.rated}`);
        check(JSON.stringify(after.next) === JSON.stringify(before.next), `next films after reload ${after.next} ≠ ${before.next}`);
        return 'kept, restored and the same';
      },
      { needs: [rated] },
    );
    await step(
      `${b.name}: offline → the site opens from the service worker, restores and answers`,
      async () => {
        await run(kept);
        await b.offline();
        await b.reload();
        const status = await run(ready);
        const r = await run(filmsLike, 'heat');
        check(/^Heat \(1995\)/.test(r.picked), `"heat" picked ${r.picked}`);
        return `${status.trim()}; films like ${r.picked}`;
      },
      { needs: [again] },
    );
  } finally {
    await b.close().catch(() => {});
    await server.close().catch?.(() => {});
  }
}

async function main() {
  const engines = process.argv.slice(2).length ? process.argv.slice(2) : ['firefox', 'webkit'];
  const { step, finish } = stepRunner();
  for (const engine of engines) {
    await flow(engine, step).catch((e) => step(`${engine}: starts`, () => Promise.reject(e)));
  }
  process.exit(finish() ? 0 : 1);
}

main();
