// What a visitor does with a list in a real Chromium: open any film elsewhere (IMDb, TMDB,
// Letterboxd links on every film, named for it, opened in a new tab, never fetched by the page), and
// show more than ten, by keyboard.
import { check } from './harness.mjs';

/** Every link out inside `selector`, as the page renders it. */
const linksOut = (page, selector) =>
  page.locator(`${selector} .elsewhere a`).evaluateAll((as) =>
    as.map((a) => ({
      name: a.getAttribute('aria-label'),
      href: a.href,
      target: a.target,
      rel: a.rel,
    })),
  );

/** The film's name as its rating control gives it ("Rate Heat (1995)" → "Heat (1995)"). */
const ratedNames = (page, selector) =>
  page.locator(`${selector} [role=radiogroup]`).evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label').replace(/^Rate /, '')));

export async function linksOutSteps(step, page, options = {}) {
  await step(
    'links out: every next film and films-like-X entry has IMDb (and TMDB, Letterboxd) links named for it, in a new tab, no referrer',
    async () => {
      for (const [where, selector, items] of [
        ['Your next films', '.next-list', '.next-list > .film-item'],
        ['films like X', '.similar', '.neighbours > .film-item'],
      ]) {
        const films = await ratedNames(page, items);
        check(films.length >= 10, `${where} should list ten films: ${films.length}`);
        const links = await linksOut(page, selector);
        for (const film of films) {
          const mine = links.filter((l) => l.name?.startsWith(`${film} on `));
          check(mine[0]?.name === `${film} on IMDb`, `${where}: ${film} should have an IMDb link first: ${JSON.stringify(mine)}`);
          check(mine.length === 1 || mine.length === 3, `${where}: ${film} should have IMDb alone or IMDb, TMDB and Letterboxd`);
        }
        for (const l of links) {
          check(
            l.target === '_blank' && l.rel === 'noopener noreferrer',
            `a link out must open a new tab with no referrer: ${JSON.stringify(l)}`,
          );
          check(
            /^https:\/\/(www\.imdb\.com\/title\/tt\d{7,}\/|www\.themoviedb\.org\/movie\/\d+|letterboxd\.com\/tmdb\/\d+)$/.test(l.href),
            `href: ${l.href}`,
          );
        }
      }
      // Film X's own links, named for it.
      const [x] = await ratedNames(page, '.film-x');
      const header = (await linksOut(page, '.film-x')).map((l) => l.name);
      check(
        header[0] === `${x} on IMDb` && header.every((n) => n.startsWith(`${x} on `)),
        `film X should have links of its own: ${header}`,
      );
      return `every film of both lists linked out; film X: ${header.join(', ')}`;
    },
    options,
  );
}

/** The map's card for film X (after a search flew the map to it): its links out, by links.csv's ids. */
export async function mapCardLinks(page, name, { imdb, tmdb }) {
  const card = page.locator('.map-card');
  await card.getByRole('link', { name: `${name} on IMDb` }).waitFor({ timeout: 10_000 });
  const hrefs = await card.locator('.elsewhere a').evaluateAll((as) => as.map((a) => a.href));
  const want = [`https://www.imdb.com/title/${imdb}/`, `https://www.themoviedb.org/movie/${tmdb}`, `https://letterboxd.com/tmdb/${tmdb}`];
  check(JSON.stringify(hrefs) === JSON.stringify(want), `the map's card for ${name} should link ${want.join(' ')}: ${hrefs}`);
  return `the map's card links ${name} to ${hrefs.length} sites`;
}

/** Presses "Show more" by keyboard under `list` and checks focus lands on the first film it adds. */
async function showMoreByKeyboard(page, button, items) {
  const before = await page.locator(items).count();
  await page.getByRole('button', { name: button, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n, [items, before], { timeout: 10_000 });
  await page.waitForFunction(
    ([sel, n]) => document.activeElement === document.querySelectorAll(sel)[n]?.querySelector('.film-link'),
    [items, before],
    { timeout: 5_000 },
  );
  return { before, after: await page.locator(items).count() };
}

export async function showMoreSteps(step, page, options = {}) {
  await step(
    '"Show more": your next films and films like X grow by ten, with reasons, none rated, focus on the first new film',
    async () => {
      const next = '.next-list > .film-item';
      const grown = await showMoreByKeyboard(page, 'Show more of your next films', next);
      check(grown.before === 10 && grown.after === 20, `your next films should go from 10 to 20: ${JSON.stringify(grown)}`);
      const reasons = await page.locator(`${next} .reason`).allTextContents();
      check(reasons.length === 20 && reasons.every((r) => r.startsWith('Because you')), `every film shown needs its reason`);
      const rated = new Set(await page.locator('.rated-list .rated').evaluateAll((els) => els.map((e) => e.dataset.movieId)));
      const shown = await page.locator(next).evaluateAll((els) => els.map((e) => e.dataset.movieId));
      check(new Set(shown).size === 20 && shown.every((id) => !rated.has(id)), `20 different films, none rated: ${shown}`);

      const x = (await page.locator('.film-x [role=radiogroup]').getAttribute('aria-label')).replace(/^Rate /, '');
      const like = '.neighbours > .film-item';
      const more = await showMoreByKeyboard(page, `Show more films like ${x}`, like);
      check(more.before === 10 && more.after === 20, `films like ${x} should go from 10 to 20: ${JSON.stringify(more)}`);
      const whys = await page.locator(`${like} .why-text`).allTextContents();
      check(whys.length === 20 && whys.every((w) => w.length > 0), 'every neighbour shown needs its reason');
      return `next films 10 → 20, films like ${x} 10 → 20, focus on the 11th each time`;
    },
    options,
  );
}
