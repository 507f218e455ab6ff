// The bundled MovieLens's downloads: the engine and movies.csv together (they make search work),
// then ratings.csv and links.csv (every film's IMDb and TMDB ids, for its links out), so on a slow line the ratings take no bandwidth from what search needs (from
// this browser's cache, all at once). The models kept in this browser are read meanwhile. Progress
// is kept here until a load is there to report it.
import { moduleOf } from './module.js';

const ENGINE_FILE = 'engine'; // the download progress's name for the wasm module

/**
 * @typedef {object} Downloads
 * @property {string} base  the data's folder, ending in /
 * @property {Promise<any>} module
 * @property {Promise<Uint8Array>} movies
 * @property {Promise<Uint8Array>} ratings
 * @property {Promise<Uint8Array | null>} links  null when the site was built without links.csv
 * @property {boolean} ratingsIn  ratings.csv has arrived
 * @property {Promise<any>} kept  what the model cache holds for the bundled data
 * @property {(listener: (files: Record<string, { loaded: number, total: number | null }>) => void) => void} report
 */

/** @param {string} dataUrl */
export const baseOf = (dataUrl) => (dataUrl.endsWith('/') ? dataUrl : `${dataUrl}/`);

/**
 * @param {import('./context.js').Context} c @param {string} dataUrl @param {{ cached?: boolean }} [options]
 * @returns {Downloads}
 */
export function startDownloads(c, dataUrl, { cached = false } = {}) {
  const { deps } = c;
  const base = baseOf(dataUrl);
  /** @type {((files: Record<string, { loaded: number, total: number | null }>) => void) | null} */
  let listener = null;
  /** @type {Record<string, { loaded: number, total: number | null }>} */
  const files = {};
  let last = -Infinity;
  const track = (/** @type {string} */ name) => (/** @type {number} */ loaded, /** @type {number | null} */ total) => {
    files[name] = { loaded, total };
    const t = deps.now();
    if (listener && (t - last >= 50 || (total !== null && loaded >= total))) {
      last = t;
      listener({ ...files });
    }
  };
  const fetchFile = (/** @type {string} */ name) =>
    deps.fetchBytes(`${base}${name}`, { onProgress: track(name), expected: deps.sizes[name] ?? null });
  const module = moduleOf(c, track(ENGINE_FILE));
  const movies = fetchFile('movies.csv');
  const ratings = cached ? fetchFile('ratings.csv') : movies.then(() => fetchFile('ratings.csv'));
  // Small beside ratings.csv. Without it the films have no links out and an IMDb import says why,
  // but the page still loads: the ratings are what it cannot do without.
  const links = (cached ? Promise.resolve() : movies).then(() => fetchFile('links.csv')).catch(() => null);
  // Settled by the load that takes them over; until then a failure must not count as unhandled.
  for (const p of [module, movies, ratings, links]) p.catch(() => {});
  /** @type {Downloads} */
  const d = {
    base,
    module,
    movies,
    ratings,
    links,
    ratingsIn: false,
    kept: deps.cache.readModels(),
    report(f) {
      listener = f;
      f({ ...files });
    },
  };
  ratings.then(
    () => {
      d.ratingsIn = true;
    },
    () => {},
  );
  return d;
}
