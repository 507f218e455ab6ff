// What a visitor does with a list in a real Chromium: open any film elsewhere (IMDb, TMDB,
// Letterboxd links on every film, named for it, opened in a new tab, never fetched by the page).
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
