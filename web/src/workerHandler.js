// The engine worker's message handler: owns the wasm Engine, answers the protocol's requests,
// streams training progress. Pure (no `self`, no DOM): the worker and the Node tests inject how to
// load the module, fetch bytes and post. What the engine knows (models, training state, choices,
// titles, limits) is asked of the engine, never re-derived here.
import { CRASH_SENTENCE, engineError, isTrap, messageOf } from './engineErrors.js';
import { makeCatalog } from './filmCatalog.js';
import { checkHandlers } from './protocol.js';

export { messageOf };

export const DEFAULT_SEED = 42; // the native `reel eval` uses 42 too, so the numbers panel can match it

/** Downloads one file as bytes, with an error message a visitor can act on. */
export async function fetchBytes(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`Could not download ${fileName(url)}: ${e.message || e}`);
  }
  if (!response.ok) throw new Error(`Could not download ${fileName(url)} (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

function fileName(url) {
  return String(url).split('/').pop();
}

// setTimeout (not a microtask) so queued messages — a `cancel`, a rating, a search typed meanwhile —
// run between epochs.
const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

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

/**
 * @param {object} deps
 * @param {() => Promise<object>} deps.loadModule  resolves to the instantiated Emscripten module
 * @param {(url: string) => Promise<Uint8Array>} deps.fetchBytes
 * @param {(message: object) => void} deps.post
 * @param {() => Promise<void>} [deps.yieldToLoop]
 * @param {() => number} [deps.now]
 * @returns {(message: object) => Promise<void>}
 */
export function createHandler({
  loadModule,
  fetchBytes: fetchFile = fetchBytes,
  post,
  yieldToLoop = yieldToEventLoop,
  now = () => performance.now(),
}) {
  let modulePromise = null;
  let engine = null;
  let catalog = null;
  let choices = null;
  let dataBase = null;
  let linksLoaded = false;
  let trainMs = null;
  let evaluation = null;
  let neighbourFigures = null;
  let busy = null; // 'load' | 'train' while one of those is running
  let cancelRequested = false;
  let dead = null; // set after a trap: the module's memory can no longer be trusted

  function getModule() {
    if (!modulePromise) {
      // Forget a failed attempt so a second load in this worker can try again.
      modulePromise = Promise.resolve()
        .then(loadModule)
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

  function requireLoaded() {
    if (!catalog) throw new Error('No dataset loaded yet');
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

  async function ensureLinks() {
    if (linksLoaded) return;
    engine.loadLinks(await fetchFile(`${dataBase}links.csv`));
    linksLoaded = true;
  }

  const ops = {
    async load({ id, dataUrl = './data/', seed = DEFAULT_SEED }) {
      if (busy) throw new Error(`Cannot load while ${busy === 'train' ? 'training' : 'loading'}`);
      busy = 'load';
      try {
        const base = dataUrl.endsWith('/') ? dataUrl : `${dataUrl}/`;
        post({ type: 'progress', id, stage: 'download' });
        const [Module, movies, ratings] = await Promise.all([
          getModule(),
          fetchFile(`${base}movies.csv`),
          fetchFile(`${base}ratings.csv`),
        ]);
        post({ type: 'progress', id, stage: 'parse' });
        await yieldToLoop();
        if (!engine) engine = new Module.Engine();
        // The engine keeps its previous dataset if this throws, so our state changes only after success.
        let stats;
        try {
          stats = engine.load(movies, ratings, integer(seed, 'seed'));
        } catch (e) {
          if (!engineHasData()) catalog = null; // the engine dropped the old dataset; so must we
          throw e;
        }
        catalog = makeCatalog(engine.catalog());
        choices = { ...engine.choices() };
        dataBase = base;
        linksLoaded = false; // the engine forgets links.csv on every load
        trainMs = {};
        const models = modelStates();
        for (const m of models) trainMs[m.name] = 0;
        evaluation = null;
        neighbourFigures = null;
        return {
          stats: { ...stats },
          models,
          order: trainingOrder(),
          choices,
          limits: { ...engine.limits() },
          genreNames: catalog.genreNames,
          years: catalog.yearRange,
        };
      } finally {
        busy = null;
      }
    },

    async train({ id }) {
      requireLoaded();
      if (busy) throw new Error(`Already ${busy === 'train' ? 'training' : 'loading'}`);
      busy = 'train';
      cancelRequested = false;
      try {
        // A cancelled run resumes where it stopped. The engine stops a model that diverges, with a
        // message naming the setting to change.
        for (const name of trainingOrder()) {
          const startEpoch = modelStates().find((m) => m.name === name).epochsDone;
          const stageStart = now();
          for (;;) {
            const state = modelStates().find((m) => m.name === name);
            if (state.epochsDone >= state.epochs) break;
            await yieldToLoop();
            if (cancelRequested) return { cancelled: true, models: modelStates() };
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
        return { cancelled: false, trainMs: { ...trainMs }, models: modelStates() };
      } finally {
        busy = null;
      }
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
      requireLoaded();
      if (typeof query !== 'string') throw new Error('query must be text');
      if (query.trim() === '') return [];
      return films(engine.search(query, k));
    },

    async film({ movieId }) {
      requireLoaded();
      const id = integer(movieId, 'movieId');
      if (!catalog.has(id)) throw new Error(`No film with movieId ${id}`);
      return catalog.film(id);
    },

    async films({ movieIds }) {
      requireLoaded();
      if (!Array.isArray(movieIds)) throw new Error('movieIds must be a list');
      return movieIds.map((id) => (catalog.has(id) ? catalog.film(id) : null));
    },

    async similar({ movieId, k = 10, model = choices?.neighbours, filter }) {
      requireLoaded();
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

    // Figures from the held-out ratings exist only once every model has trained.
    async evaluate() {
      requireLoaded();
      for (const m of modelStates()) requireTrained(m.name);
      if (!evaluation) {
        const f = engine.evaluate();
        evaluation = { viewers: f.viewers, popularity: { ...f.popularity }, models: Array.from(f.models, (m) => ({ ...m })) };
      }
      return { ...evaluation, trainMs: { ...trainMs } };
    },

    async evaluateNeighbours() {
      requireLoaded();
      for (const m of modelStates()) requireTrained(m.name);
      if (!neighbourFigures) neighbourFigures = Array.from(engine.evaluateNeighbours(), (x) => ({ ...x }));
      return { similarities: neighbourFigures, inUse: choices.neighbours };
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
      post(error);
    }
  };
}
