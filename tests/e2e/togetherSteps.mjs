// "Watch together" in a real Chromium: the visitor's own ratings (children's films, from a link they
// load), then a friend's share link (horror films) opened and "Watch together" chosen: one list of
// ten with none of either's films, each pick saying whose ratings led to it, the friend's ratings
// never becoming the visitor's; a malformed friend link gets a sentence and leaves the list; a third
// person joins from a pasted link; axe on the joint list; nothing wider than a 390 px phone; "Stop
// watching together" gives focus back.
import path from 'node:path';
import { check, expectNoAxeViolations, siteContext, waitForReady, watch } from './harness.mjs';

const CHILDREN = [1, 364, 588, 595, 2081, 2355];
const HORROR = [1997, 1258, 1982, 1347, 1974, 2710, 1130, 2455];
const THIRD = [318, 858, 1221]; // Shawshank and the first two Godfathers
const link = (ids) => `#ratings=${ids.map((id) => `${id}:5`).join(',')}`;

/** Waits until the joint list has answered for the group as it is now, holding ten films. */
async function togetherSettled(page) {
  await page.waitForFunction(
    () => {
      const list = document.querySelector('.together-list');
      return list && list.dataset.answers === list.dataset.version && list.querySelectorAll(':scope > .film-item').length === 10;
    },
    null,
    { timeout: 30_000 },
  );
}

export async function togetherSteps(step, { browser, origin, log, output }) {
  await step(
    'watch together: a friend’s link gives one list for both, none either rated, each pick saying whose ratings led to it',
    async () => {
      const context = await siteContext(browser, origin, log, {
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      watch(page, log);
      try {
        // The visitor's own ratings, loaded from a link of their own.
        await page.goto(`${origin}/${link(CHILDREN)}`);
        await page.getByRole('region', { name: 'Ratings from a link' }).getByRole('button', { name: 'Load them' }).click();
        await waitForReady(page);
        // A friend's link: a new page load (another query), offered with "Watch together".
        await page.goto(`${origin}/?from=friend${link(HORROR)}`);
        const offer = page.getByRole('region', { name: 'Ratings from a link' });
        await offer.getByText('This link carries 8 ratings.').waitFor();
        await offer.getByRole('button', { name: 'Watch together' }).click();
        check(!(await page.evaluate(() => location.hash)), 'the friend’s ratings should leave the address bar');
        await waitForReady(page);
        await togetherSettled(page);
        const list = page.getByRole('list', {
          name: 'Watch together',
          exact: true,
        });
        const items = list.locator(':scope > .film-item');
        const ids = await items.evaluateAll((els) => els.map((e) => Number(e.dataset.movieId)));
        const given = new Set([...CHILDREN, ...HORROR]);
        check(new Set(ids).size === 10, `the joint list repeats a film: ${ids}`);
        check(
          ids.every((id) => !given.has(id)),
          `the joint list holds a film one of you rated: ${ids.filter((id) => given.has(id))}`,
        );
        const reasons = await list.locator('.film-item .reason').allTextContents();
        check(
          reasons.length === 10 && reasons.every((r) => /^For (you|your friend): /.test(r) || /liked overall/.test(r)),
          `every pick needs a line saying whose ratings led to it: ${reasons}`,
        );
        const forYou = reasons.filter((r) => /^For you: /.test(r)).length;
        const forFriend = reasons.filter((r) => /for your friend: /i.test(r)).length;
        check(forYou >= 3 && forFriend >= 3, `both should be served: ${forYou} picks for you, ${forFriend} for your friend`);
        // Each pick's controls name its film; the friend's films did not become the visitor's.
        const named = await items.locator('[role=radiogroup]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
        check(named.length === 10 && named.every((n) => /^Rate .+ \(\d{4}\)$/.test(n)), `rating controls should name their film: ${named}`);
        const mine = await page.locator('.rated-list .rated').evaluateAll((els) => els.map((e) => Number(e.dataset.movieId)));
        check(
          mine.length === CHILDREN.length && mine.every((id) => CHILDREN.includes(id)),
          `your ratings should be your own six, are ${mine}`,
        );
        const focused = await page.evaluate(() => document.activeElement?.id);
        check(focused === 'together-title', `focus should move to the Watch together heading, is on ${focused}`);

        // A malformed friend link: a plain sentence, and the list stays.
        const field = page.getByLabel('Another friend’s share link (up to four people in all)');
        await field.fill('https://example.com/#ratings=oops');
        await page.getByRole('button', { name: 'Add friend', exact: true }).click();
        const alert = page.locator('.together [role=alert]');
        await alert.waitFor();
        check(/no rating Reel can read/.test(await alert.textContent()), `the malformed link's sentence: ${await alert.textContent()}`);
        check((await items.count()) === 10, 'the joint list should stay after a malformed link');

        // A third person, from a pasted link: friends are then numbered.
        await field.fill(`${origin}/${link(THIRD)}`);
        await page.getByRole('button', { name: 'Add friend', exact: true }).click();
        await page.getByRole('button', { name: 'Remove friend 2', exact: true }).waitFor();
        await page.waitForFunction(
          () => [...document.querySelectorAll('.together-list .reason')].some((r) => /friend 2: /.test(r.textContent)),
          null,
          {
            timeout: 30_000,
          },
        );
        await togetherSettled(page);
        await page.locator('.together').screenshot({ path: path.join(output, 'together-1280.png') });
        await expectNoAxeViolations(page, 'Watch together with two friends');
        // On a phone's width the section fits: its reasons wrap, its field and buttons stay inside.
        await page.setViewportSize({ width: 390, height: 844 });
        const overflow = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth - window.innerWidth,
          section: document.querySelector('.together').scrollWidth - document.querySelector('.together').clientWidth,
        }));
        check(
          overflow.page <= 0 && overflow.section <= 0,
          `at 390 px Watch together is wider than the screen: ${JSON.stringify(overflow)}`,
        );
        await page.locator('.together').screenshot({ path: path.join(output, 'together-390.png') });
        await page.setViewportSize({ width: 1280, height: 900 });

        await page.getByRole('button', { name: 'Stop watching together', exact: true }).click();
        await page.locator('.together').waitFor({ state: 'detached' });
        const after = await page.evaluate(() => document.activeElement?.id);
        check(after === 'next-films-title', `focus should go to Your next films, is on ${after}`);
        return `${forYou} picks for you, ${forFriend} for your friend; a third person joined from a pasted link`;
      } finally {
        await context.close();
      }
    },
  );
}
