// The engine worker's message handler: owns the wasm Engine, answers the protocol's requests,
// streams progress. Pure (no `self`, no DOM): the worker and the Node tests inject how to load the
// module, fetch bytes, keep models and post. What the engine knows (models, training state,
// choices, titles, limits) is asked of the engine, never re-derived here.
//
// The critical path: the engine and movies.csv download first, and search works as soon as both are
// in (loadCatalog); ratings.csv follows, with bytes reported as they arrive. Models kept in this
// browser are read meanwhile and restored instead of trained when they pass every check. After
// ready, the evaluation and the map run in slices of a few milliseconds, so no query waits behind them.
//
// A MovieLens the visitor drops (loadFiles) is read from the File objects here (datasetFiles.js),
// refused by size before reading when it cannot fit, and then loaded exactly like the bundled one.
// Its trained models are kept in a slot of their own, so neither dataset's models stand in for the other's.
import { readDataset } from './dataset/datasetFiles.js';
import { PARSE_BYTES_PER_MS, outOfMemory } from './dataset/datasetLimits.js';
import { CRASH_SENTENCE, engineError, isTrap, messageOf } from '../engine/engineErrors.js';
import { fetchBytes } from './fetchProgress.js';
import { makeCatalog } from './filmCatalog.js';
import { keptEntry, restoreKept } from './keptModels.js';
import { layOutMap, mapEntry, mapProblem, packMap } from './mapJob.js';
import { memoryModelCache } from '../storage/modelCache.js';
import { checkHandlers } from '../engine/protocol.js';
import { runInSlices } from './slices.js';
import { makeYield } from './yieldToLoop.js';

export { fetchBytes, messageOf };

export const DEFAULT_SEED = 42; // the native `reel eval` uses 42 too, so the numbers panel can match it

function integer(value, what) {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new Error(`${what} must be a whole number, got ${JSON.stringify(value)}`);
  }
  return n;
}

/** [{movieId, stars}] → the typed arrays the engine takes. */
function profileArrays(ratings) {
  if (!Array.isArray(ratings)) throw new Error('ratings must be a list of {movieId, stars}');
  return {
    ids: Int32Array.from(ratings, (r) => integer(r.movieId, 'movieId')),
    stars: Float32Array.from(ratings, (r) => Number(r.stars)),
  };
}

const ENGINE_FILE = 'engine'; // the download progress's name for the wasm module

/**
 * @param {object} deps
 * @param {(onProgress?: (loaded: number, total: number|null) => void) => Promise<object>} deps.loadModule
 *   resolves to the instantiated Emscripten module, reporting the wasm's bytes as they arrive
 * @param {(url: string, options?: object) => Promise<Uint8Array>} deps.fetchBytes
 * @param {(message: object) => void} deps.post
 * @param {object} [deps.cache]  where trained models and the map are kept (modelCache.js); in memory by default
 * @param {string} [deps.engineVersion]  the engine build, part of what a kept model must match
 * @param {Record<string, number>} [deps.sizes]  each data file's size in bytes, for download progress
 * @param {() => Promise<void>} [deps.yieldToLoop]
 * @param {() => number} [deps.now]
 * @param {typeof readDataset} [deps.readFiles]  reads a dropped MovieLens from File objects
 * @param {() => number|null} [deps.deviceMemoryGiB]  the device's memory as the browser reports it, if it does
 * @returns {(message: object) => Promise<void>}
 */
export function createHandler({
  loadModule,
  fetchBytes: fetchFile = fetchBytes,
  post,
  cache = memoryModelCache(),
  engineVersion = 'unversioned',
  sizes = {},
  yieldToLoop = makeYield(),
  now = () => performance.now(),
  readFiles = readDataset,
  deviceMemoryGiB = () => globalThis.navigator?.deviceMemory ?? null,
}) {
  let modulePromise = null;
  let wasm = null; // the instantiated module, for the size of its memory
  let engine = null;
  let catalog = null; // the films: from loadCatalog (no counts yet), then from the full load
  let hasData = false; // the ratings are loaded too
  let choices = null;
  let dataBase = null;
  let files = null; // { read: (id) => Promise<{ movies, ratings, links }>, seed }: what a retrain loads again (progress to request id)
  let slot = 'bundled'; // whose models the cache keeps: the bundled MovieLens's, or a dropped one's
  let linksLoaded = false;
  let trainMs = null;
  let kept = null; // promise of what the cache held when this data was loaded
  let restored = null; // { savedAt, trainMs } when the models came from the cache
  let generation = 0; // moves on whenever the engine's data or models are replaced
  let evaluation = null; // { generation, figures }
  let evaluating = null;
  let neighbourFigures = null;
  let mapResult = null; // { generation, value }
  let mapping = null;
  let downloads = null; // a prefetch not yet taken over by a load
  let busy = null; // 'load' | 'train' while one of those is running
  let busyDone = Promise.resolve(); // settles when that run ends
  let cancelRequested = false;
  let dead = null; // set after a trap: the module's memory can no longer be trusted

  function getModule(onProgress) {
    if (!modulePromise) {
      // Forget a failed attempt so a second load in this worker can try again.
      modulePromise = Promise.resolve()
        .then(() => loadModule(onProgress))
        .catch((e) => {
          modulePromise = null;
          if (e?.detail || !isTrap(e)) throw e; // already a plain sentence (e.g. a web page instead of wasm)
          throw engineError('The engine could not start in this browser (its WebAssembly module failed to load). Reload the page to try again.', {
            detail: messageOf(e),
          });
        });
    }
    return modulePromise;
  }

  function requireCatalog() {
    if (!catalog) throw new Error('No dataset loaded yet');
  }

  function requireLoaded() {
    if (!hasData) throw new Error(catalog ? 'The ratings are still loading' : 'No dataset loaded yet');
  }

  // Training state as the engine knows it, every time it is asked.
  const modelStates = () => Array.from(engine.models(), (m) => ({ ...m }));

  function requireTrained(name) {
    requireLoaded();
    const m = modelStates().find((x) => x.name === name);
    if (!m) throw new Error(`unknown model '${name}' (the models are ${modelStates().map((x) => x.name).join(', ')})`);
    if (m.epochsDone < m.epochs) {
      throw new Error(`The ${m.label.toLowerCase()} is still training (epoch ${m.epochsDone} of ${m.epochs})`);
    }
  }

  const requireAllTrained = () => {
    requireLoaded();
    for (const m of modelStates()) requireTrained(m.name);
  };

  function engineHasData() {
    try {
      return engine.userIds().length > 0;
    } catch {
      return false;
    }
  }

  // The models the page needs first train first, so "Your next films" and "films like X" answer
  // while the others are still training.
  function trainingOrder() {
    const names = modelStates().map((m) => m.name);
    // The neighbours model also places the starter films; a visitor's first ratings go to
    // firstVisitors, later ones to visitors.
    const first = [choices.neighbours, choices.firstVisitors, choices.visitors, choices.viewers].filter((n) => names.includes(n));
    return [...new Set([...first, ...names])];
  }

  const films = (ids) => Array.from(ids, (id) => catalog.film(id));

  // What the page lays itself out by, known once the films are in: the registry, the choices, the
  // genres and years.
  function describe() {
    return {
      models: modelStates(),
      order: trainingOrder(),
      choices,
      limits: { ...engine.limits() },
      genreNames: catalog.genreNames,
      years: catalog.yearRange,
    };
  }

  // The data changed (a load or a retrain): what was measured or drawn from the old is dropped.
  function dataChanged() {
    generation += 1;
    evaluation = null;
    neighbourFigures = null;
    mapResult = null;
    restored = null;
    trainMs = Object.fromEntries(modelStates().map((m) => [m.name, 0]));
  }

  const baseOf = (dataUrl) => (dataUrl.endsWith('/') ? dataUrl : `${dataUrl}/`);

  // The engine and movies.csv together (they make search work), then ratings.csv, so on a slow
  // line the ratings do not take bandwidth from what search needs (from the cache, all at once). The models kept in this browser
  // are read meanwhile. Progress is kept here until a load is there to report it.
  function startDownloads(dataUrl, { cached = false } = {}) {
    const base = baseOf(dataUrl);
    let listener = null;
    const files = {};
    let last = -Infinity;
    const track = (name) => (loaded, total) => {
      files[name] = { loaded, total };
      const t = now();
      if (listener && (t - last >= 50 || (total !== null && loaded >= total))) {
        last = t;
        listener({ ...files });
      }
    };
    const module = getModule(track(ENGINE_FILE));
    const movies = fetchFile(`${base}movies.csv`, { onProgress: track('movies.csv'), expected: sizes['movies.csv'] ?? null });
    // From this browser's cache there is no bandwidth to share: the ratings need not wait.
    const fetchRatings = () => fetchFile(`${base}ratings.csv`, { onProgress: track('ratings.csv'), expected: sizes['ratings.csv'] ?? null });
    const ratings = cached ? fetchRatings() : movies.then(fetchRatings);
    // Settled by the load that takes them over; until then a failure must not count as unhandled.
    for (const p of [module, movies, ratings]) p.catch(() => {});
    const d = {
      base,
      module,
      movies,
      ratings,
      ratingsIn: false,
      kept: cache.readModels(),
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

  // A dropped dataset brings its own links.csv or none: the bundled one's would name other films.
  async function ensureLinks() {
    if (linksLoaded || slot !== 'bundled') return;
    engine.loadLinks(await fetchFile(`${dataBase}links.csv`));
    linksLoaded = true;
  }

  const heapBytes = () => wasm?.HEAPU8?.length ?? null;

  // Marks a load or training run as under way; the returned function ends it.
  function begin(what) {
    busy = what;
    let end;
    busyDone = new Promise((resolve) => {
      end = resolve;
    });
    return () => {
      busy = null;
      end();
    };
  }

  // The data just loaded becomes the worker's: the films with their counts, what a retrain reads again.
  function installed({ read, seed, source, links = null }) {
    hasData = true;
    files = { read, seed };
    slot = source;
    linksLoaded = false; // the engine forgets links.csv on every load
    if (links) {
      engine.loadLinks(links);
      linksLoaded = true;
    }
    dataChanged();
  }

  const ops = {
    // Starts the downloads before the page has rendered (main.jsx sends this first): the engine and
    // the films, then the ratings. The load that follows picks them up where they are.
    async prefetch({ dataUrl = './data/', cached = false }) {
      if (!downloads && !busy) downloads = startDownloads(dataUrl, { cached });
      return { started: true };
    },

    // A training run in progress is stopped first (the page switching back from a dropped dataset).
    async load({ id, dataUrl = './data/', seed = DEFAULT_SEED }) {
      if (busy === 'train') cancelRequested = true;
      await busyDone;
      const end = begin('load');
      try {
        const base = baseOf(dataUrl);
        const s = integer(seed, 'seed');
        // A prefetch of the same files is taken over; anything else starts afresh.
        const d = downloads?.base === base ? downloads : startDownloads(base);
        downloads = null;
        kept = d.kept;
        d.report((files) => post({ type: 'progress', id, stage: 'download', files }));
        const [Module, movies] = await Promise.all([d.module, d.movies]);
        wasm = Module;
        if (!engine) engine = new Module.Engine();
        if (!choices) choices = { ...engine.choices() };
        let preview = null;
        if (!engineHasData() && !d.ratingsIn) {
          // Titles only: counts stay unknown until the ratings arrive. An engine that still has
          // data answers searches from it instead, so it is left as it is. When the ratings are
          // already here (a return visit, from this browser), the full load comes at once: the
          // titles alone would only delay the first answer.
          engine.loadCatalog(movies);
          catalog = preview = makeCatalog(engine.catalog(), { withCounts: false });
          post({ type: 'progress', id, stage: 'catalog', ...describe() });
        }
        const ratings = await d.ratings;
        post({ type: 'progress', id, stage: 'parse' });
        await yieldToLoop();
        // The engine keeps its previous dataset if this throws, so our state changes only after success.
        let stats;
        try {
          stats = engine.load(movies, ratings, s);
        } catch (e) {
          hasData = engineHasData(); // false: the engine dropped its old dataset, but the films still answer searches
          throw e;
        }
        // From the same movies.csv the titles are as loadCatalog gave them; only the counts are new.
        catalog = preview ? preview.counted(engine.trainingCounts()) : makeCatalog(engine.catalog());
        dataBase = base;
        installed({ read: async () => ({ movies, ratings }), seed: s, source: 'bundled' });
        return { stats: { ...stats }, ...describe(), heapBytes: heapBytes() };
      } finally {
        end();
      }
    },

    // A MovieLens the visitor dropped or picked (File objects; nothing leaves the browser): refused
    // by size before reading when it cannot fit, read or unzipped with bytes reported, then loaded.
    // A run in progress is stopped first. On any failure the engine keeps the data it had.
    async loadFiles({ id, files: given, seed = DEFAULT_SEED }) {
      const s = integer(seed, 'seed');
      if (busy === 'train') cancelRequested = true;
      await busyDone;
      const end = begin('load');
      try {
        const Module = await getModule();
        wasm = Module;
        if (!engine) engine = new Module.Engine();
        if (!choices) choices = { ...engine.choices() };
        const keptNow = cache.readModels('dropped');
        keptNow.catch(() => {});
        // Read again by "retrain here" (the bytes are not kept), reporting to that request.
        const read = async (to) => {
          const d = await readFiles(given, { onProgress: (p) => post({ type: 'progress', id: to, ...p }), deviceMemoryGiB: deviceMemoryGiB(), now });
          post({ type: 'progress', id: to, stage: 'parse', source: d.source, bytes: d.ratingsBytes, estimateMs: d.ratingsBytes / PARSE_BYTES_PER_MS });
          await yieldToLoop();
          return d;
        };
        const data = await read(id);
        const before = heapBytes();
        const t0 = now();
        let stats;
        try {
          stats = engine.load(data.movies, data.ratings, s);
        } catch (e) {
          hasData = engineHasData();
          const message = messageOf(e);
          // The module's memory never shrinks: after a load that grew it in vain, a fresh worker frees it.
          const reset = heapBytes() > 2 * before + 256 * 2 ** 20;
          if (/bad_alloc|out of memory/i.test(message)) throw engineError(outOfMemory({ what: data.what, ratingsBytes: data.ratingsBytes }), { detail: message, reset });
          throw engineError(message, { reset });
        }
        const parseMs = now() - t0;
        catalog = makeCatalog(engine.catalog());
        dataBase = null;
        kept = keptNow;
        installed({ read, seed: s, source: 'dropped', links: data.links });
        return {
          stats: { ...stats },
          ...describe(),
          source: { name: data.source, links: Boolean(data.links), ratingsBytes: data.ratingsBytes, readMs: data.readMs, parseMs },
          heapBytes: heapBytes(),
        };
      } finally {
        end();
      }
    },

    // Restores the models kept in this browser when they pass every check; otherwise (or with
    // `fresh`: "retrain here") trains every model an epoch at a time. Cancel pauses between epochs.
    async train({ id, fresh = false }) {
      requireLoaded();
      if (busy) throw new Error(`Already ${busy === 'train' ? 'training' : 'loading'}`);
      const end = begin('train');
      cancelRequested = false;
      try {
        let discarded = null;
        if (fresh) {
          // The same data, every model untrained (a dropped file is read again: its bytes are not kept).
          const again = await files.read(id);
          engine.load(again.movies, again.ratings, files.seed);
          installed({ read: files.read, seed: files.seed, source: slot, links: again.links ?? null });
        } else if (modelStates().every((m) => m.epochsDone === 0) && kept) {
          const entry = await kept;
          kept = null; // one try per load
          if (entry) {
            post({ type: 'progress', id, stage: 'restore' });
            const r = restoreKept(engine, entry, engineVersion);
            if (r.restored) {
              generation += 1;
              trainMs = r.trainMs;
              restored = { savedAt: r.savedAt, trainMs: r.trainMs };
              return { cancelled: false, trainMs: { ...trainMs }, models: modelStates(), restored, heapBytes: heapBytes() };
            }
            discarded = r.reason;
            await cache.forget(slot); // never trusted again; the models trained now replace it
          }
        }
        // A cancelled run resumes where it stopped. The engine stops a model that diverges, with a
        // message naming the setting to change.
        for (const name of trainingOrder()) {
          const startEpoch = modelStates().find((m) => m.name === name).epochsDone;
          const stageStart = now();
          for (;;) {
            const state = modelStates().find((m) => m.name === name);
            if (state.epochsDone >= state.epochs) break;
            await yieldToLoop();
            if (cancelRequested) return { cancelled: true, models: modelStates(), restored: null, discarded };
            const t0 = now();
            const r = engine.trainEpoch(name);
            const t1 = now();
            trainMs[name] += t1 - t0;
            const elapsedMs = t1 - stageStart;
            post({
              type: 'progress',
              id,
              stage: name,
              epoch: r.epoch,
              epochs: r.epochs,
              loss: r.loss,
              elapsedMs,
              etaMs: (elapsedMs / (r.epoch - startEpoch)) * (r.epochs - r.epoch),
            });
          }
        }
        return { cancelled: false, trainMs: { ...trainMs }, models: modelStates(), restored: null, discarded, heapBytes: heapBytes() };
      } finally {
        end();
      }
    },

    // Keeps the trained models in this browser for the next visit (nothing to do when they came from there).
    async keep() {
      requireAllTrained();
      if (restored) return { kept: true, restored: true };
      const entry = keptEntry(engine, engineVersion, trainMs);
      const ok = await cache.writeModels(entry, slot);
      return { kept: ok, restored: false, bytes: entry.bytes.length };
    },

    async cancel() {
      const wasTraining = busy === 'train';
      if (wasTraining) cancelRequested = true;
      return { cancelling: wasTraining };
    },

    async models() {
      return engine ? modelStates() : [];
    },

    async search({ query, k = 8 }) {
      requireCatalog();
      if (typeof query !== 'string') throw new Error('query must be text');
      if (query.trim() === '') return [];
      return films(engine.search(query, k));
    },

    async film({ movieId }) {
      requireCatalog();
      const id = integer(movieId, 'movieId');
      if (!catalog.has(id)) throw new Error(`No film with movieId ${id}`);
      return catalog.film(id);
    },

    async films({ movieIds }) {
      requireCatalog();
      if (!Array.isArray(movieIds)) throw new Error('movieIds must be a list');
      return movieIds.map((id) => (catalog.has(id) ? catalog.film(id) : null));
    },

    async similar({ movieId, k = 10, model = choices?.neighbours, filter }) {
      requireCatalog();
      const id = integer(movieId, 'movieId');
      if (!catalog.has(id)) throw new Error(`No film with movieId ${id}`);
      const x = catalog.film(id);
      // Not an error: a film nobody rated in training has no place in the model, and the page says so.
      if (x.ratings === 0) return { film: x, model, neighbours: [], likedFilm: 0, unrated: true };
      requireTrained(model);
      const r = engine.similar(id, k, model, filter);
      const scores = Array.from(r.scores);
      const likedBoth = Array.from(r.likedBoth);
      const neighbours = Array.from(r.movieIds, (n, i) => ({
        ...catalog.film(n),
        score: scores[i],
        likedBoth: likedBoth[i],
        crossGenre: catalog.sharesNoGenre(id, n),
      }));
      return { film: x, model, neighbours, likedFilm: r.likedFilm, unrated: false };
    },

    // No model named: the engine chooses one for a profile of this size, and says which.
    async recommendFor({ ratings, k = 10, model = '', filter }) {
      const { ids, stars } = profileArrays(ratings);
      if (model) requireTrained(model); // else the engine says which of its choices is still training
      const starsOf = new Map(Array.from(ids, (id, i) => [id, stars[i]]));
      const r = engine.recommendFor(ids, stars, k, model, filter);
      const scores = Array.from(r.scores);
      const offsets = Array.from(r.reasonOffsets);
      const reasonIds = Array.from(r.reasonIds);
      const shares = Array.from(r.reasonShares);
      const picks = Array.from(r.movieIds, (movieId, i) => ({
        ...catalog.film(movieId),
        score: scores[i],
        because: reasonIds.slice(offsets[i], offsets[i + 1]).map((rid, j) => {
          const f = catalog.film(rid);
          return { movieId: rid, name: f.name, year: f.year, stars: starsOf.get(rid), share: shares[offsets[i] + j] };
        }),
      }));
      return {
        model: r.model,
        films: picks,
        fromPopularity: r.fromPopularity,
        unknown: Array.from(r.unknown),
        unrated: Array.from(r.unrated),
      };
    },

    async starters({ k = 12, exclude = [] }) {
      requireTrained(choices.neighbours);
      return films(engine.starters(k, Int32Array.from(exclude, (x) => integer(x, 'exclude'))));
    },

    async importRatings({ bytes, fileName: name = 'ratings.csv' }) {
      requireLoaded();
      if (!(bytes instanceof Uint8Array)) throw new Error('bytes must be a Uint8Array');
      await ensureLinks(); // IMDb rows are matched through links.csv, fetched the first time it is needed
      const r = engine.importRatings(bytes, name);
      const stars = Array.from(r.stars);
      const lines = Array.from(r.lines);
      return {
        format: r.format,
        noLinks: slot !== 'bundled' && !linksLoaded, // IMDb rows cannot match: this dataset came without links.csv
        matched: Array.from(r.movieIds, (movieId, i) => ({ ...catalog.film(movieId), stars: stars[i], line: lines[i] })),
        unmatched: Array.from(r.unmatched, (u) => ({ ...u })),
      };
    },

    async profileCsv({ ratings }) {
      requireLoaded();
      const { ids, stars } = profileArrays(ratings);
      return engine.profileCsv(ids, stars);
    },

    async viewers() {
      requireLoaded();
      const v = engine.viewers();
      const counts = Array.from(v.ratings);
      const favourites = Array.from(v.favourites);
      return Array.from(v.userIds, (userId, i) => ({
        userId,
        ratings: counts[i],
        favourite: catalog.has(favourites[i]) ? catalog.film(favourites[i]) : null,
      }));
    },

    async favourites({ userId, k = 5 }) {
      requireLoaded();
      const user = integer(userId, 'userId');
      const r = engine.favourites(user, k);
      const ratings = Array.from(r.ratings);
      return { userId: user, films: films(r.movieIds).map((f, i) => ({ ...f, rating: ratings[i] })) };
    },

    async recommend({ userId, k = 10, model = choices?.viewers, filter }) {
      requireTrained(model);
      const user = integer(userId, 'userId');
      const r = engine.recommend(user, k, model, filter);
      const scores = Array.from(r.scores);
      return { userId: user, model, films: films(r.movieIds).map((f, i) => ({ ...f, score: scores[i] })) };
    },

    // Figures from the held-out ratings exist only once every model has trained. Measured in
    // slices of a few milliseconds (the engine's evaluationStep), so queries get through meanwhile.
    async evaluate({ id }) {
      requireAllTrained();
      if (evaluation?.generation === generation) return { ...evaluation.figures, trainMs: { ...trainMs }, restored };
      if (!evaluating) {
        const started = generation;
        evaluating = (async () => {
          engine.startEvaluation();
          let shown = 0;
          const run = await runInSlices((users) => engine.evaluationStep(users), {
            yieldToLoop,
            now,
            budgetMs: 4,
            first: 4,
            onShare: (share) => {
              if (share - shown < 0.05 && share < 1) return;
              shown = share;
              post({ type: 'progress', id, stage: 'evaluate', share });
            },
            stopped: () => generation !== started,
          });
          if (run.stopped) throw new Error('The models changed while they were being measured');
          const f = engine.evaluationFigures();
          evaluation = {
            generation,
            figures: { viewers: f.viewers, popularity: { ...f.popularity }, models: Array.from(f.models, (m) => ({ ...m })) },
          };
          return evaluation;
        })().finally(() => {
          evaluating = null;
        });
      }
      const done = await evaluating;
      return { ...done.figures, trainMs: { ...trainMs }, restored };
    },

    // One engine call of about half a second (the engine has no stepwise form of it): the page asks
    // only when the numbers are about to be read.
    async evaluateNeighbours() {
      requireAllTrained();
      if (!neighbourFigures) neighbourFigures = Array.from(engine.evaluateNeighbours(), (x) => ({ ...x }));
      return { similarities: neighbourFigures, inUse: choices.neighbours };
    },

    // The map of taste: kept from an earlier visit when it passes its checks, else laid out now
    // (progress per slice of epochs) and kept beside the models.
    async map({ id }) {
      requireTrained(choices.neighbours);
      if (mapResult?.generation === generation) return mapResult.value;
      if (!mapping) {
        const started = generation;
        mapping = (async () => {
          const key = engine.modelKey();
          const keptMap = await cache.readMap(key);
          let layout = keptMap && !mapProblem(keptMap, { key, engineVersion, catalog }) ? keptMap : null;
          const fromCache = Boolean(layout);
          if (!layout) {
            layout = await layOutMap(engine, {
              yieldToLoop,
              now,
              stopped: () => generation !== started,
              onEpoch: (epoch, epochs) => post({ type: 'progress', id, stage: 'map', epoch, epochs }),
            });
            if (!layout) throw new Error('The models changed while the map was being drawn');
            await cache.writeMap(mapEntry(layout, { key, engineVersion }));
          }
          const value = packMap(layout, catalog, fromCache);
          if (generation === started) mapResult = { generation, value };
          return value;
        })().finally(() => {
          mapping = null;
        });
      }
      return mapping;
    },
  };
  checkHandlers(ops);

  return async function handle(message) {
    const { type, id } = message ?? {};
    if (dead) {
      post({ type: 'error', id, message: CRASH_SENTENCE, detail: dead, fatal: true });
      return;
    }
    try {
      const op = Object.hasOwn(ops, type) ? ops[type] : null;
      if (!op) throw new Error(`Unknown request type ${JSON.stringify(type)}`);
      post({ type: 'result', id, result: await op(message) });
    } catch (e) {
      if (isTrap(e)) {
        // The module's memory may be corrupt: answer nothing more; the client replaces this worker.
        dead = messageOf(e);
        post({ type: 'error', id, message: CRASH_SENTENCE, detail: dead, fatal: true });
        return;
      }
      const error = { type: 'error', id, message: messageOf(e) };
      if (e?.detail) error.detail = e.detail;
      if (e?.reset) error.reset = true; // the client should start a fresh worker for what comes next
      post(error);
    }
  };
}
