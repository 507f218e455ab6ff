// The main flow as the page sees it, written once for every browser engine: each step is a function
// run inside the page (by Playwright, puppeteer or WebDriver alike) that acts as a visitor would and
// resolves when the page shows the outcome — it waits on the page's own state, never on a clock.

/** Load and train (or restore): the training card says ready. */
export async function ready(_, until) {
  await until('the models to be ready', () => document.querySelector('.training-status[data-state=ready]'), 300_000);
  return document.querySelector('.training-status').textContent;
}

/** Films like X: type a title, pick the first option, ten neighbours with reasons. */
export async function filmsLike(query, until) {
  const input = await until('the films search', () => document.querySelector('#films input[role=combobox]:not([disabled])'), 60_000);
  input.focus();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, query);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const option = await until(`an option for "${query}"`, () => document.querySelector('#films [role=option]'), 30_000);
  const picked = option.querySelector('.option-title').textContent;
  option.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));
  const items = await until(
    `ten films like ${picked}`,
    () => {
      const list = document.querySelectorAll('.neighbours > .film-item');
      return list.length === 10 ? list : null;
    },
    60_000,
  );
  return { picked, neighbours: [...items].map((e) => Number(e.dataset.movieId)) };
}

/** "Your next films" answered for the ratings as they are now, with ten films, each with a reason. */
async function nextFilms(until) {
  const list = await until(
    'ten next films answering the ratings',
    () => {
      const l = document.querySelector('.next-list');
      return l && l.dataset.answers === l.dataset.version && l.querySelectorAll(':scope > .film-item').length === 10 ? l : null;
    },
    60_000,
  );
  const items = [...list.querySelectorAll(':scope > .film-item')];
  const rated = [...document.querySelectorAll('.rated-list .rated')].map((e) => Number(e.dataset.movieId));
  const next = items.map((e) => Number(e.dataset.movieId));
  const reasons = items.map((e) => e.querySelector('.reason')?.textContent ?? '');
  if (!reasons.every((r) => r.startsWith('Because you'))) throw new Error(`a pick without its reason: ${reasons.join(' | ')}`);
  if (next.some((id) => rated.includes(id))) throw new Error(`next films hold a rated film: ${next}`);
  return { rated: rated.sort((a, b) => a - b), next };
}

/** Rate the first `n` starters five stars, one at a time, each answered by the next films. */
export async function rate(n, until, nextFilms) {
  await until('twelve starters', () => document.querySelectorAll('.starter').length >= 12, 60_000);
  for (let i = 0; i < n; i++) {
    const radio = document.querySelectorAll('.starter')[i].querySelector('input[type=radio][aria-label="5 stars"]');
    radio.scrollIntoView({ block: 'center', behavior: 'instant' });
    radio.click();
    await until(`rating ${i + 1} to be kept`, () => document.querySelectorAll('.rated-list .rated').length === i + 1, 10_000);
    await nextFilms(until);
  }
  return nextFilms(until);
}

/** The next films as they stand (after a reload). */
export function shown(_, until, nextFilms) {
  return nextFilms(until);
}

/** The site is kept for offline: the service worker controls the page and the models are kept. */
export async function kept(_, until) {
  await until(
    'the site and models to be kept',
    () =>
      navigator.serviceWorker?.controller &&
      /kept here|restored the models/.test(document.querySelector('.training-status')?.textContent ?? ''),
    120_000,
  );
  return true;
}

/**
 * Source of an expression that runs `fn(arg, until, nextFilms)` in the page, with the helpers every step
 * shares defined there too (a step is sent as its source, so it cannot reach this module's scope).
 */
export function inPage(fn, arg) {
  return `(async () => {
    const until = (what, test, ms) => new Promise((resolve, reject) => {
      const started = performance.now();
      const look = () => {
        let value;
        try { value = test(); } catch (e) { return reject(e); }
        if (value) return resolve(value);
        if (performance.now() - started > ms) return reject(new Error('waited ' + ms + ' ms for ' + what));
        requestAnimationFrame(look);
      };
      look();
    });
    const nextFilms = ${nextFilms};
    return (${fn})(${JSON.stringify(arg ?? null)}, until, nextFilms);
  })()`;
}
