// The map of taste in a real Chromium, as a visitor uses it: it is drawn after ready, zooms by
// keys and wheel, a film under the pointer shows its name, a click makes it film X (its ten
// neighbours listed), a search flies to a film, and the keyboard's crosshair picks one with Enter.
import path from 'node:path';
import { check, expectNoAxeViolations } from './harness.mjs';
import { mapCardLinks } from './listSteps.mjs';

const zoomOf = (page) => page.locator('.map-frame').evaluate((el) => Number(el.dataset.zoom ?? 1));
const filmX = (page) => page.locator('.film-x-title').evaluate((el) => Number(el.dataset.movieId));

/**
 * Waits until the map is still: its canvas at the frame's size, a frame drawn ("map-draw" in the
 * Performance timeline), and no flight under way (d3 keeps a running transition on the canvas as
 * __transition) for two frames in a row, since a flight that a render asks for starts in an
 * effect a frame after it.
 */
export async function mapAtRest(page) {
  for (let tries = 0; tries < 10; tries++) {
    await page.waitForFunction(
      () => {
        const canvas = document.querySelector('.map-canvas');
        const frame = document.querySelector('.map-frame');
        if (!canvas || !frame || canvas.__transition) return false;
        const sized = canvas.width === Math.round(Math.round(frame.getBoundingClientRect().width) * (window.devicePixelRatio || 1));
        return sized && performance.getEntriesByName('map-draw').length > 0;
      },
      null,
      { timeout: 10_000 },
    );
    const still = await page.evaluate(
      () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(!document.querySelector('.map-canvas')?.__transition))),
        ),
    );
    if (still) return;
  }
  throw new Error('the map kept moving: a flight began each time one ended');
}

/** Waits until the map is drawn (it is laid out after ready, and its code loads as it comes near). */
export async function openMap(page) {
  await page.locator('#map').scrollIntoViewIfNeeded();
  await page.locator('#map[data-state=drawn]').waitFor({ timeout: 60_000 });
  await mapAtRest(page);
}

/**
 * Moves the pointer over the canvas until a film's name shows; returns where, and which film. The
 * tooltip is read two frames after each move: read at once, it could still name the film under the
 * pointer's last place, and a click here would pick another.
 */
async function findFilmUnderPointer(page) {
  const box = await page.locator('.map-canvas').boundingBox();
  for (let gy = 1; gy < 12; gy++) {
    for (let gx = 1; gx < 16; gx++) {
      const x = box.x + (box.width * gx) / 16;
      const y = box.y + (box.height * gy) / 12;
      await page.mouse.move(x, y);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const id = await page
        .locator('.map-tip')
        .getAttribute('data-movie-id', { timeout: 50 })
        .catch(() => null);
      if (id) return { x, y, movieId: Number(id) };
    }
  }
  throw new Error('no film showed its name under the pointer anywhere on the map');
}

export async function mapSteps(step, page, output, options = {}) {
  await step(
    'the map: drawn after ready, zoomed by keys and wheel, a click makes a film X with its neighbours, a search flies to a film',
    async () => {
      await openMap(page);
      const films = Number(await page.locator('.map-frame').getAttribute('data-films'));
      check(films > 1500, `the map should place the well-rated films, placed ${films}`);
      const legend = await page.locator('.map-legend li').allTextContents();
      check(
        legend.length >= 10 && legend.some((l) => /Crime & thriller\s*\d+/.test(l)),
        `the legend should name each genre group with its count: ${legend}`,
      );
      const kept = await page.locator('tr[data-layout=map] td').textContent();
      check(/\d+\.\d %/.test(kept), `the numbers should show the map's neighbourhood preservation: ${kept}`);
      await page.locator('#map').screenshot({ path: path.join(output, 'map-1280.png') });

      // Zoom: keys, then the wheel over the map.
      await page.locator('.map-frame').focus();
      const before = await zoomOf(page);
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      const keyed = await zoomOf(page);
      check(keyed > before * 2, `two presses of + should zoom in more than twofold: ${before} → ${keyed}`);
      await page.keyboard.press('Control+-'); // the browser's page zoom, not the map's
      check((await zoomOf(page)) === keyed, `Ctrl+- should be left to the browser: the map's zoom ${keyed} → ${await zoomOf(page)}`);
      const box = await page.locator('.map-canvas').boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.wheel(0, -400);
      await page
        .waitForFunction((k) => Number(document.querySelector('.map-frame').dataset.zoom) > k, keyed, { timeout: 5_000 })
        .catch(() => {});
      const wheeled = await zoomOf(page);
      check(wheeled > keyed, `the wheel should zoom in further: ${keyed} → ${wheeled}`);

      // 0 shows the whole map again; there a film under the pointer names itself, and a click makes
      // it film X, its neighbours listed.
      await page.locator('.map-frame').focus();
      await page.keyboard.press('0');
      await page.waitForFunction(() => Number(document.querySelector('.map-frame').dataset.zoom) === 1);
      await mapAtRest(page); // the zoom reads 1.00 before the flight back has ended
      const hit = await findFilmUnderPointer(page);
      const tip = await page.locator('.map-tip').textContent();
      check(/\(\d{4}\)/.test(tip) && /\d+ ratings/.test(tip), `the tooltip should give the title, year and number of ratings: ${tip}`);
      await page.mouse.click(hit.x, hit.y);
      await page.waitForFunction((id) => Number(document.querySelector('.film-x-title')?.dataset.movieId) === id, hit.movieId, {
        timeout: 10_000,
      });
      await page.waitForFunction(() => document.querySelectorAll('.neighbours > .film-item').length === 10, null, { timeout: 10_000 });
      check(new URL(page.url()).searchParams.get('film') === String(hit.movieId), 'the clicked film should be in the address bar');
      // The rings say in colour what a film is to the visitor; the tooltip says it in words.
      await page.waitForFunction(() => /· film X$/.test(document.querySelector('.map-tip-meta')?.textContent ?? ''), null, {
        timeout: 5_000,
      });
      const inView = await page
        .locator('.map-frame')
        .evaluate((el) => el.getBoundingClientRect().top < innerHeight && el.getBoundingClientRect().bottom > 0);
      check(inView, 'a film picked on the map keeps the map in view');

      // A search flies to a film and makes it film X.
      const search = page.getByRole('combobox', { name: 'Find on the map' });
      await search.fill('pulp fiction');
      await page.waitForFunction(() => /^Pulp Fiction/.test(document.querySelector('#map [role=option]')?.textContent ?? ''));
      await search.press('Enter');
      await page.waitForFunction(() => Number(document.querySelector('.film-x-title')?.dataset.movieId) === 296, null, { timeout: 10_000 });
      // The flight frames Pulp Fiction and its ten neighbours once they are listed.
      await page
        .getByRole('list', { name: 'Films like Pulp Fiction (1994)', exact: true })
        .locator(':scope > .film-item')
        .nth(9)
        .waitFor({ timeout: 10_000 });
      await mapAtRest(page);
      const card = await mapCardLinks(page, 'Pulp Fiction (1994)', { imdb: 'tt0110912', tmdb: 680 });
      const flown = await zoomOf(page);
      check(flown !== wheeled, `the map should have flown to Pulp Fiction and its neighbours (zoom still ${flown})`);
      await page.locator('#map').screenshot({ path: path.join(output, 'map-flown-1280.png') });

      // The keyboard: the crosshair's film, Enter for films like it.
      await page.locator('.map-frame').focus();
      await page.keyboard.press('ArrowRight');
      const steered = await page
        .locator('.map-tip')
        .getAttribute('data-movie-id', { timeout: 2_000 })
        .catch(() => null);
      let picked = 'no film under the crosshair after one step';
      if (steered) {
        await page.keyboard.press('Enter');
        await page.waitForFunction((id) => Number(document.querySelector('.film-x-title')?.dataset.movieId) === id, Number(steered), {
          timeout: 10_000,
        });
        picked = `Enter picked film ${steered}`;
      }
      await expectNoAxeViolations(page, 'the map with a film X');
      return `${films} films; zoom ${before} → ${keyed} (keys) → ${wheeled} (wheel); clicked film ${hit.movieId}, now X with ten neighbours; "pulp fiction" flew to zoom ${flown}; ${card}; ${picked}; film X is ${await filmX(page)}`;
    },
    options,
  );
}
