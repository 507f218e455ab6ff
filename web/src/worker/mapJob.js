// The map of taste in the worker: laid out by the engine an epoch at a time in slices (queries get
// through between them), kept beside the models, and checked before a kept layout is trusted.
import { fnv1a } from './checksum.js';
import { runInSlices } from './slices.js';

/** @typedef {{ movieIds: Int32Array, xy: Float32Array, figures: { map: number, pca: number, random: number } }} Layout */

/**
 * Null when a kept map may be used for `key`; otherwise why not.
 * @param {any} entry  what the cache held
 * @param {{ key: string, engineVersion: string, catalog: { has: (id: number) => boolean } }} expected
 */
export function mapProblem(entry, { key, engineVersion, catalog }) {
  if (entry.key !== key) return 'it belongs to other models';
  if (entry.engine !== engineVersion) return 'an earlier engine drew it';
  const { movieIds, xy, figures } = entry;
  if (!(movieIds instanceof Int32Array) || !(xy instanceof Float32Array) || xy.length !== 2 * movieIds.length || movieIds.length === 0) {
    return 'it is not a layout';
  }
  if (entry.sum !== fnv1a(movieIds, xy)) return 'it is damaged (its checksum does not match)';
  if (!movieIds.every((id) => catalog.has(id))) return 'it places films this catalogue lacks';
  if (!xy.every(Number.isFinite)) return 'it holds a position that is not a number';
  const share = (/** @type {unknown} */ x) => typeof x === 'number' && x >= 0 && x <= 1;
  if (!figures || !share(figures.map) || !share(figures.pca) || !share(figures.random)) return 'its figures are not shares';
  return null;
}

/**
 * Lays the map out from scratch: startMap() picks the films, then mapEpoch() builds the neighbour
 * graph a few rows at a time and runs the epochs, and mapFiguresStep() compares neighbourhoods a
 * few films at a time, all in slices of a few milliseconds (the graph in one call held the worker,
 * and so a search, for 0.4 s just after ready; the figures in one call, 0.23 s).
 * @param {any} engine
 * @param {{ yieldToLoop: () => Promise<void>, now: () => number, onEpoch?: (epoch: number, epochs: number) => void, stopped: () => boolean }} how
 * @returns {Promise<Layout | null>}  null: stopped
 */
export async function layOutMap(engine, { yieldToLoop, now, onEpoch, stopped }) {
  engine.startMap();
  let last = { epoch: 0, epochs: 1 };
  const run = await runInSlices(
    (n) => {
      for (let i = 0; i < n && last.epoch < last.epochs; i++) last = engine.mapEpoch();
      onEpoch?.(last.epoch, last.epochs);
      return last.epoch / last.epochs;
    },
    { yieldToLoop, now, budgetMs: 6, first: 4, stopped },
  );
  if (run.stopped) return null;
  const compared = await runInSlices((n) => engine.mapFiguresStep(n), { yieldToLoop, now, budgetMs: 6, first: 8, stopped });
  if (compared.stopped) return null;
  const layout = engine.map();
  const f = engine.mapFigures();
  return {
    movieIds: Int32Array.from(layout.movieIds),
    xy: Float32Array.from(layout.xy),
    figures: { map: f.map, pca: f.pca, random: f.random },
  };
}

/**
 * The cache entry for a layout.
 * @param {Layout} layout @param {{ key: string, engineVersion: string, savedAt?: number }} about
 */
export function mapEntry(layout, { key, engineVersion, savedAt = Date.now() }) {
  return { key, engine: engineVersion, ...layout, sum: fnv1a(layout.movieIds, layout.xy), savedAt };
}

/**
 * What the page draws: positions, and per film what its tooltip and colour need.
 * @param {Layout} layout @param {import('./machine.js').Catalog} catalog @param {boolean} fromCache
 */
export function packMap({ movieIds, xy, figures }, catalog, fromCache) {
  const n = movieIds.length;
  const names = new Array(n);
  const years = new Int16Array(n);
  const counts = new Int32Array(n);
  const genres = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const f = catalog.film(movieIds[i]);
    names[i] = f.name;
    years[i] = f.year ?? 0;
    counts[i] = f.ratings ?? 0;
    genres[i] = catalog.genreBitsOf(movieIds[i]);
  }
  return { movieIds, xy, names, years, counts, genres, genreNames: catalog.genreNames, figures: { ...figures }, fromCache };
}
