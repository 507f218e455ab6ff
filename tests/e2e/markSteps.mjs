// Seen it · Not interested · Watchlist in a real Chromium: a next film put on the watchlist by
// keyboard leaves the list and focus follows it to "Your watchlist"; one marked not interested by
// keyboard leaves too, focus going to the list's heading; both are back after a reload and in a new tab; Reel's own CSV carries them and
// reads back unchanged, Letterboxd's export and the watchlist's have Letterboxd's columns; taken off
// again, the films come back to the list.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { check, expectNoAxeViolations, waitForReady, watch } from './harness.mjs';

const nextItem = (id) => `.next-list > .film-item[data-movie-id="${id}"]`;

/** Waits until "Your next films" has answered for the ratings and marks as they are, without film `id`. */
async function listAnsweredWithout(page, id) {
  await page.waitForFunction(
    (sel) => {
      const list = document.querySelector('.next-list');
      return list && list.dataset.answers === list.dataset.version && !document.querySelector(sel) && list.querySelector('.film-item');
    },
    nextItem(id),
    { timeout: 30_000 },
  );
}

/** The first next film's id and name (from its rating control, "Rate Heat (1995)"). */
async function nthNext(page, n) {
  const item = page.locator('.next-list > .film-item').nth(n);
  const id = Number(await item.getAttribute('data-movie-id'));
  const name = (await item.locator('[role=radiogroup]').getAttribute('aria-label')).replace(/^Rate /, '');
  return { id, name };
}

const watchlistIds = (page) => page.locator('[data-watchlist] > .marked').evaluateAll((els) => els.map((e) => Number(e.dataset.movieId)));

async function downloaded(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  return { text, name: download.suggestedFilename() };
}

async function markAndKeep(page, context, log) {
  const first = await nthNext(page, 0);
  // By keyboard: Tab reaches the group's one stop, the arrow keys move to "Watchlist", Enter presses it.
  await page
    .locator(`${nextItem(first.id)} .marks button`)
    .first()
    .focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await listAnsweredWithout(page, first.id);
  await page
    .waitForFunction(
      (name) =>
        document.activeElement?.getAttribute('aria-label') === `Add ${name} to your watchlist` &&
        document.activeElement.closest('[data-watchlist]'),
      first.name,
      { timeout: 5_000 },
    )
    .catch(() => check(false, `focus should follow ${first.name} to its pressed Watchlist button in Your watchlist`));
  check((await watchlistIds(page)).includes(first.id), `${first.name} should be on the watchlist`);

  // Not interested, by keyboard too: its pressed button sits in a closed disclosure, which the browser
  // will not focus, so focus goes to the list's heading rather than to the page's start.
  const second = await nthNext(page, 0);
  await page
    .getByRole('button', { name: `Not interested in ${second.name}`, exact: true })
    .first()
    .focus();
  await page.keyboard.press('Enter');
  await listAnsweredWithout(page, second.id);
  await page
    .waitForFunction(() => document.activeElement?.id === 'next-films-title', null, { timeout: 5_000 })
    .catch(async () => {
      const on = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
      check(false, `focus should go to Your next films' heading once ${second.name} leaves it, is on ${on}`);
    });

  for (const [where, tab] of [
    ['after a reload', page],
    ['in a new tab', await context.newPage()],
  ]) {
    if (tab === page) await page.reload();
    else {
      watch(tab, log);
      await tab.goto(page.url());
    }
    await waitForReady(tab);
    await tab.locator('.next-list > .film-item').first().waitFor();
    await listAnsweredWithout(tab, first.id);
    check((await tab.locator(nextItem(second.id)).count()) === 0, `${where}: ${second.name} should stay out of your next films`);
    check((await watchlistIds(tab)).includes(first.id), `${where}: ${first.name} should still be on the watchlist`);
    if (tab !== page) await tab.close();
  }
  return { first, second };
}

async function exportsAndBack(page, output, { first, second }) {
  const reel = await downloaded(page, 'Download as CSV');
  const lines = reel.text.trim().split('\n');
  check(lines[0] === 'movieId,title,year,rating,mark', `Reel's CSV header: ${lines[0]}`);
  check(
    lines.some((l) => l.startsWith(`${first.id},`) && l.endsWith(',,watchlist')),
    `${first.name} should be a watchlist row`,
  );
  check(
    lines.some((l) => l.startsWith(`${second.id},`) && l.endsWith(',,not interested')),
    `${second.name} should be a not-interested row`,
  );
  check(!lines.some((l) => /^\d+,"[^"]*, (The|A|An)"/.test(l)), `titles should be display titles ("The …"): ${lines.slice(0, 4)}`);
  const file = path.join(output, reel.name);
  writeFileSync(file, reel.text);
  await page.locator('.import input[type=file]').setInputFiles(file);
  const result = page.locator('.import-result');
  await page.waitForFunction(() => /Reel export/.test(document.querySelector('.import-result')?.textContent ?? ''), null, {
    timeout: 10_000,
  });
  const unmatched = Number(await result.getAttribute('data-unmatched'));
  const marked = Number(await result.getAttribute('data-marked'));
  check(unmatched === 0 && marked === 2, `Reel's own file should read back whole: ${unmatched} unmatched, ${marked} marked`);

  const letterboxd = await downloaded(page, 'Download for Letterboxd');
  const lb = letterboxd.text.trim().split('\n');
  // "watched" in its name, as in Letterboxd's own export of seen films: imported back, its unrated films are seen.
  check(letterboxd.name === 'reel-letterboxd-watched.csv', `Letterboxd file name: ${letterboxd.name}`);
  check(lb[0] === 'Title,Year,imdbID,tmdbID,Rating,WatchedDate', `Letterboxd header: ${lb[0]}`);
  check(
    lb.length - 1 === lines.length - 1 - 2 && lb.slice(1).every((l) => /^".+",\d{4},tt\d{7,},\d*,\d(\.5)?,$/.test(l)),
    `Letterboxd rows: ${lb.slice(1, 3)}`,
  );
  const watchlist = await downloaded(page, 'Download watchlist as CSV');
  const wl = watchlist.text.trim().split('\n');
  check(
    wl.length === 2 && /^".+",\d{4},tt\d{7,},\d*,,$/.test(wl[1]),
    `the watchlist's export should hold ${first.name} alone, unrated: ${wl}`,
  );
  return `Reel's CSV ${lines.length - 1} rows read back whole; Letterboxd ${lb.length - 1} films; watchlist ${wl[1]}`;
}

export async function markSteps(step, { page, context, log, output }, options = {}) {
  let marked = null;
  const kept = await step(
    'marks: a next film onto the watchlist and one not interested, by keyboard, leave the list, focus following; a reload and a new tab keep them',
    async () => {
      marked = await markAndKeep(page, context, log);
      await expectNoAxeViolations(page, 'Your taste with marked films and a watchlist');
      return `${marked.first.name} on the watchlist, ${marked.second.name} not interested`;
    },
    options,
  );
  await step(
    "marks: Reel's CSV carries them and imports back unchanged; Letterboxd's export and the watchlist's have its columns",
    () => exportsAndBack(page, output, marked),
    { needs: [...(options.needs ?? []), kept] },
  );
  await step(
    'marks: taken off again (in Your watchlist, by keyboard), the films come back to your next films',
    async () => {
      // In the watchlist's own lists: the same film may stand in films like X too, with the same buttons.
      await page
        .locator('[data-watchlist]')
        .getByRole('button', { name: `Add ${marked.first.name} to your watchlist`, exact: true })
        .focus();
      await page.keyboard.press('Space');
      await page.locator('.marked-others summary').click();
      await page
        .getByRole('list', { name: 'Films marked seen or not interested' })
        .getByRole('button', { name: `Not interested in ${marked.second.name}`, exact: true })
        .click();
      await page.waitForFunction(
        (sels) =>
          sels.every((s) => document.querySelector(s)) &&
          document.querySelector('.next-list').dataset.answers === document.querySelector('.next-list').dataset.version,
        [nextItem(marked.first.id), nextItem(marked.second.id)],
        { timeout: 30_000 },
      );
      check((await watchlistIds(page)).length === 0, 'the watchlist should be empty again');
      // On a phone's width a film's row is one column: its marks and links go under it, not beside it.
      const size = page.viewportSize();
      await page.setViewportSize({ width: 390, height: 844 });
      const squeezed = await page
        .locator('.next-list > .film-item')
        .evaluateAll((items) => items.filter((i) => i.querySelector('.film-main').offsetWidth < 0.6 * i.clientWidth).length);
      await page.setViewportSize(size);
      check(squeezed === 0, `at 390 px, ${squeezed} next films have their title squeezed beside their marks`);
      return 'both films back in your next films; at 390 px every title has the width of its row';
    },
    { needs: [...(options.needs ?? []), kept] },
  );
}
