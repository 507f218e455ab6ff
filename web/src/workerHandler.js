// The engine worker's message handler: owns the wasm Engine, answers requests, streams training progress.
// Pure (no `self`, no DOM): the worker and the Node tests inject how to load the module, fetch bytes and post.
import { makeCatalog } from './filmCatalog.js';

export const MODELS = ['rating', 'ranking'];
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

// setTimeout (not a microtask) so queued messages — a `cancel`, a search typed meanwhile — run between epochs.
const yieldToEventLoop = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Any thrown value to a readable sentence; wasm code could in theory throw a bare number. */
export function messageOf(e) {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  return `engine failure (${String(e)})`;
}

function integer(value, what) {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new Error(`${what} must be a whole number, got ${JSON.stringify(value)}`);
  }
  return n;
}

function count(value, fallback, what) {
  const n = value === undefined ? fallback : integer(value, what);
  if (n < 1 || n > 1000) throw new Error(`${what} must be between 1 and 1000, got ${n}`);
  return n;
}

function modelName(value) {
  const m = value ?? 'ranking'; // the native `reel similar` defaults to the ranking model too
  if (!MODELS.includes(m)) throw new Error(`model must be 'rating' or 'ranking', got ${JSON.stringify(m)}`);
  return m;
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
  let epochs = null; // epochs the default config trains, per model
  let trained = null; // epochs trained so far, per model
  let trainMs = null;
  let evaluation = null;
  let busy = null; // 'load' | 'train' while one of those is running
  let cancelRequested = false;

  function getModule() {
    if (!modulePromise) {
      // Forget a failed attempt so Retry can try again.
      modulePromise = Promise.resolve()
        .then(loadModule)
        .catch((e) => {
          modulePromise = null;
          throw new Error(`Could not start the engine (WebAssembly): ${messageOf(e)}`);
        });
    }
    return modulePromise;
  }

  function requireLoaded() {
    if (!catalog) throw new Error('No dataset loaded yet');
  }

  function requireTrained(model) {
    requireLoaded();
    if (trained[model] < epochs[model]) {
      throw new Error(`The ${model} model is still training (epoch ${trained[model]} of ${epochs[model]})`);
    }
  }

  function engineHasData() {
    try {
      return engine.userIds().length > 0;
    } catch {
      return false;
    }
  }

  const films = (ids) => Array.from(ids, (id) => catalog.film(id));

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
        epochs = { rating: engine.epochs('rating'), ranking: engine.epochs('ranking') };
        trained = { rating: 0, ranking: 0 };
        trainMs = { rating: 0, ranking: 0 };
        evaluation = null;
        return { stats: { ...stats }, epochs: { ...epochs }, genreNames: catalog.genreNames };
      } finally {
        busy = null;
      }
    },

    async train({ id }) {
      requireLoaded();
      if (busy) throw new Error(`Already ${busy === 'train' ? 'training' : 'loading'}`);
      busy = 'train';
      cancelRequested = false;
      evaluation = null;
      try {
        // Rating first, then ranking; a cancelled run resumes where it stopped.
        for (const model of MODELS) {
          const total = epochs[model];
          const startEpoch = trained[model];
          const stageStart = now();
          while (trained[model] < total) {
            await yieldToLoop();
            if (cancelRequested) return { cancelled: true, trained: { ...trained } };
            const t0 = now();
            const r = engine.trainEpoch(model);
            const t1 = now();
            trainMs[model] += t1 - t0;
            trained[model] += 1;
            if (!Number.isFinite(r.loss)) {
              throw new Error(`The ${model} model diverged at epoch ${trained[model]} (loss ${r.loss})`);
            }
            const done = trained[model] - startEpoch;
            const elapsedMs = t1 - stageStart;
            post({
              type: 'progress',
              id,
              stage: model,
              epoch: trained[model],
              epochs: total,
              loss: r.loss,
              heldOut: r.heldOut,
              elapsedMs,
              etaMs: (elapsedMs / done) * (total - trained[model]),
            });
          }
        }
        return { cancelled: false, trainMs: { ...trainMs } };
      } finally {
        busy = null;
      }
    },

    async cancel() {
      const wasTraining = busy === 'train';
      if (wasTraining) cancelRequested = true;
      return { cancelling: wasTraining };
    },

    async similar({ movieId, k, model }) {
      const m = modelName(model);
      requireTrained(m);
      const id = integer(movieId, 'movieId');
      const r = engine.similar(id, count(k, 10, 'k'), m);
      const scores = Array.from(r.scores);
      const neighbours = Array.from(r.movieIds, (n, i) => ({
        ...catalog.film(n),
        score: scores[i],
        crossGenre: catalog.sharesNoGenre(id, n),
      }));
      return { film: catalog.film(id), model: m, neighbours };
    },

    async recommend({ userId, k }) {
      requireTrained('ranking');
      const user = integer(userId, 'userId');
      const r = engine.recommend(user, count(k, 10, 'k'));
      const scores = Array.from(r.scores);
      return { userId: user, films: films(r.movieIds).map((f, i) => ({ ...f, score: scores[i] })) };
    },

    async favourites({ userId, k }) {
      requireLoaded();
      const user = integer(userId, 'userId');
      const r = engine.favourites(user, count(k, 5, 'k'));
      const ratings = Array.from(r.ratings);
      return { userId: user, films: films(r.movieIds).map((f, i) => ({ ...f, rating: ratings[i] })) };
    },

    async users() {
      requireLoaded();
      return Array.from(engine.userIds());
    },

    async search({ query, k }) {
      requireLoaded();
      if (typeof query !== 'string') throw new Error('query must be text');
      if (query.trim() === '') return [];
      return films(engine.search(query, count(k, 8, 'k')));
    },

    async film({ movieId }) {
      requireLoaded();
      const id = integer(movieId, 'movieId');
      if (!catalog.has(id)) throw new Error(`No film with movieId ${id}`);
      return catalog.film(id);
    },

    async evaluate() {
      requireTrained('rating');
      requireTrained('ranking');
      if (!evaluation) evaluation = { ...engine.evaluate() };
      return { ...evaluation, trainMs: { ...trainMs } };
    },
  };

  return async function handle(message) {
    const { type, id } = message ?? {};
    try {
      const op = Object.hasOwn(ops, type) ? ops[type] : null;
      if (!op) throw new Error(`Unknown request type ${JSON.stringify(type)}`);
      post({ type: 'result', id, result: await op(message) });
    } catch (e) {
      post({ type: 'error', id, message: messageOf(e) });
    }
  };
}
