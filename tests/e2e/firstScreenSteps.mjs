// A first screen that invites, in a real Chromium: on a 390 px phone "Your taste" follows the
// masthead and a one-line training card, one line in every phase so nothing below it moves; at 1280 px open Filters leave the list in view and offer no
// IMAX; the viewers panel shows whole titles at 1280 and 390 px.
import path from 'node:path';
import { check, siteContext, waitForReady, watch } from './harness.mjs';

/** Films in the viewers panel whose title is cut short (wider than the room it is shown in). */
const cutViewerTitles = (page) =>
  page
    .locator('#viewers .glimpse-list .film-link')
    .evaluateAll((as) => as.filter((a) => a.scrollWidth > a.clientWidth + 1).map((a) => a.textContent));

async function chooseViewer(page, userId) {
  const select = page.locator('#user-select');
  await select.focus(); // focus asks for the viewers, wherever the panel is
  await page.locator('#user-select[aria-busy=false]').waitFor({ timeout: 30_000 });
  await select.selectOption(String(userId));
  await page.locator('#viewers .glimpse-list li').first().waitFor({ timeout: 10_000 });
}

export async function firstScreenSteps(step, { page, browser, origin, log, output }, options = {}) {
  await step(
    'first screen at 1280: open Filters leave the list in view and offer no IMAX; the viewers panel cuts no title',
    async () => {
      // As a visitor at the top of "Your taste" would find them; positions on the page, not the screen.
      await page.locator('#taste').evaluate((el) => el.scrollIntoView({ block: 'start', behavior: 'instant' }));
      const firstFilm = page.locator('.next-list > .film-item').first();
      const where = () =>
        firstFilm.evaluate((el) => ({
          y: el.getBoundingClientRect().top + scrollY,
          inView: el.getBoundingClientRect().bottom <= innerHeight,
        }));
      const before = await where();
      await page.locator('#filters > summary').click();
      await page.getByRole('group', { name: 'Only these genres' }).waitFor();
      const after = await where();
      check(
        Math.abs(after.y - before.y) <= 1 && after.inView,
        `open Filters should leave the list where it was, in view: ${JSON.stringify([before, after])}`,
      );
      const genres = await page.getByRole('group', { name: 'Only these genres' }).getByRole('button').allTextContents();
      check(genres.length > 10 && !genres.includes('IMAX'), `IMAX is a format, not a genre to filter by: ${genres.join(', ')}`);
      await page.screenshot({ path: path.join(output, 'filters-open-1280.png') });
      await page.keyboard.press('Escape');
      check(!(await page.locator('#filters').evaluate((d) => d.open)), 'Escape should close the Filters');

      await chooseViewer(page, 1);
      const cut = await cutViewerTitles(page);
      check(cut.length === 0, `the viewers panel cuts titles at 1280 px: ${cut.join(' | ')}`);
      await page.locator('#viewers').screenshot({ path: path.join(output, 'viewers-1280.png') });
      return `the first next film stayed at y=${Math.round(after.y)} with Filters open; ${genres.length} genres offered; whole titles in the viewers panel`;
    },
    options,
  );

  await step('first screen on a 390 px phone: "Your taste" right after the masthead and a one-line training card', async () => {
    const phone = await siteContext(browser, origin, log, {
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 1,
    });
    const p = await phone.newPage();
    watch(p, log);
    // The card's height at each of its sentences, from the first render to ready (what is below it
    // moves whenever that changes), and which stage its hairline showed.
    await p.addInitScript(() => {
      const seen = (window.__cardHeights = []);
      new MutationObserver(() => {
        const card = document.querySelector('.training');
        const state = document.querySelector('.training-status')?.dataset.state;
        const bar = document.querySelector('.folded-progress')?.dataset.stage ?? 'none';
        const last = seen.at(-1);
        if (card && (!last || last.state !== state || last.height !== card.offsetHeight || last.bar !== bar))
          seen.push({ state, bar, height: card.offsetHeight });
      }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await p.goto(`${origin}/`);
    await waitForReady(p);
    const heights = await p.evaluate(() => window.__cardHeights);
    const phases = heights.map((h) => `${h.state} ${h.height}`).join(', ');
    check(
      heights.some((h) => h.state === 'training') && new Set(heights.map((h) => h.height)).size === 1,
      `the training card should keep its height from the first render to ready on a phone: ${phases} px`,
    );
    const bars = heights.map((h) => `${h.state}: ${h.bar}`).join(', ');
    check(
      heights.some((h) => h.bar === 'download') && heights.some((h) => h.bar === 'train') && heights.at(-1).bar === 'none',
      `the folded card should show the download, then the training, along its foot, and nothing at ready: ${bars}`,
    );
    const card = await p.locator('.training').boundingBox();
    const taste = await p.locator('#taste').boundingBox();
    const masthead = await p.locator('.masthead').boundingBox();
    check(card.height < 70, `the folded training card should be one line on a phone: ${card.height} px`);
    check(
      taste.y - (masthead.y + masthead.height) < card.height + 60,
      `"Your taste" should follow the masthead: it starts at ${taste.y} px`,
    );
    const heading = await p.getByRole('heading', { name: 'Your taste', level: 2 }).boundingBox();
    check(heading.y + heading.height <= 844 / 2, `"Your taste" should be in the top half of the first screen: ${heading.y} px`);
    await p.screenshot({ path: path.join(output, 'first-screen-390.png') });
    const stars = await tapStars(p);
    const stayed = await rateNextFilmsByTouch(p);
    await chooseViewer(p, 1);
    const cut = await cutViewerTitles(p);
    check(cut.length === 0, `the viewers panel cuts titles at 390 px: ${cut.join(' | ')}`);
    await phone.close();
    return `training card ${Math.round(card.height)} px in every phase (${bars}); "Your taste" heading at ${Math.round(heading.y)} px; ${stars}; ${stayed}`;
  });
}

/**
 * A finger on the middle of a starter's fourth star, a little left (over the half that means 3.5),
 * rates the whole star, and a second tap there, a little right, takes half a star off; the
 * starters say so.
 */
async function tapStars(page) {
  const hint = page.getByText('Tap a star to rate; tap again to take off half.');
  check(await hint.isVisible(), 'the starters should say what a tap on a star does, on a phone');
  const starter = page.locator('.starter').first();
  await starter.scrollIntoViewIfNeeded();
  const picture = await starter.locator('.rating-picture').boundingBox();
  const star = picture.width / 5;
  const checked = async (want) => {
    await starter.locator(`input[aria-label="${want}"]:checked`).waitFor({ timeout: 5000 });
    return starter.locator('input:checked').getAttribute('aria-label');
  };
  await page.touchscreen.tap(picture.x + 3.4 * star, picture.y + picture.height / 2);
  const first = await checked('4 stars');
  await page.touchscreen.tap(picture.x + 3.6 * star, picture.y + picture.height / 2);
  const second = await checked('3.5 stars');
  return `a tap on the fourth star gave ${first}, a second ${second} (stars ${Math.round(star)} px wide)`;
}

/**
 * A next film rated by a finger leaves the list, and focus follows it to "Your ratings", far down
 * a phone's page; the page stays where the finger is, and the film that moves up into its place is
 * not rated by the click the browser sends after the gesture: neither after a tap, nor after a
 * short drag, which rates as it is let go.
 */
async function rateNextFilmsByTouch(page) {
  const cdp = await page.context().newCDPSession(page);
  const tap = (box) => page.touchscreen.tap(box.x + 4.5 * (box.width / 5), box.y + box.height / 2);
  const drag = async (box) => {
    const touch = (type, stars) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: stars === null ? [] : [{ x: box.x + stars * (box.width / 5), y: box.y + box.height / 2 }],
      });
    // Nine pixels, from the fourth star's right half to the middle of its left: a drag, so 3.5
    // (a tap there would rate the whole star).
    await touch('touchStart', 3.8);
    await touch('touchMove', 3.6);
    await touch('touchMove', 3.45);
    await touch('touchEnd', null);
  };
  const tapped = await rateNextFilm(page, tap, '5');
  await page.waitForFunction(() => document.activeElement?.closest('[data-ratings-home]'));
  const focused = await page.evaluate(() => document.activeElement?.closest('[data-ratings-home] .rating')?.dataset.movieId);
  check(focused === tapped.movieId, `focus should follow film ${tapped.movieId} to "Your ratings": it is on film ${focused}`);
  const dragged = await rateNextFilm(page, drag, '3.5');
  await cdp.detach();
  return `a next film rated by a tap and one by a short drag, one film each, the page still at ${tapped.after} and ${dragged.after} px`;
}

/** Rates the first of the next films by `gesture` on its stars, to `stars`; checks that only it was rated, and the page stayed. */
async function rateNextFilm(page, gesture, stars) {
  await listAnswered(page); // an answer on its way would move the rows
  const row = page.locator('.next-list .rating').first();
  await row.scrollIntoViewIfNeeded();
  const movieId = await row.getAttribute('data-movie-id');
  const before = await page.evaluate(() => scrollY);
  const rated = page.locator('[data-ratings-home] .rating');
  const ratedBefore = await rated.count();
  await gesture(await row.locator('.rating-picture').boundingBox());
  await page
    .locator(`[data-ratings-home] .rating[data-movie-id="${movieId}"] input[value="${stars}"]:checked`)
    .waitFor({ state: 'attached' });
  await listAnswered(page); // for every rating the gesture made, a stray one too
  const after = Math.round(await page.evaluate(() => scrollY));
  check(
    (await rated.count()) === ratedBefore + 1,
    `one gesture should rate one film: ${ratedBefore} rated before, ${await rated.count()} after`,
  );
  check(Math.abs(after - before) < 100, `rating a next film by touch should not scroll the page: ${before} → ${after} px`);
  return { movieId, after };
}

/** The next films answered for the ratings as they are now. */
function listAnswered(page) {
  return page.waitForFunction(() => {
    const list = document.querySelector('.next-list');
    return list && !list.hidden && list.dataset.answers === list.dataset.version;
  });
}
