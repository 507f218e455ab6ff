// The engine worker's message handler: owns the wasm Engine, answers requests, streams training progress.
// Pure (no `self`, no DOM): the worker and the Node tests inject how to load the module, fetch bytes and post.
import { makeCatalog } from './filmCatalog.js';

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
  let models = null; // the engine's registry: name, label, description, epochs, epochsDone
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

  // Training state as the engine knows it.
  function modelStates() {
    models = Array.from(engine.models(), (m) => ({ ...m }));
    return models;
  }

  function requireTrained(name) {
    requireLoaded();
    const m = models.find((x) => x.name === name);
    if (m && m.epochsDone < m.epochs) {
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
        trainMs = {};
        for (const m of modelStates()) trainMs[m.name] = 0;
        evaluation = null;
        return { stats: { ...stats }, models, genreNames: catalog.genreNames };
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
        // In the registry's order; a cancelled run resumes where it stopped. The engine stops a
        // model that diverges, with a message naming the setting to change.
        for (const { name } of modelStates()) {
          const startEpoch = models.find((m) => m.name === name).epochsDone;
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

    async similar({ movieId, k, model = 'ranking', filter }) {
      const m = model;
      requireTrained(m);
      const id = integer(movieId, 'movieId');
      const r = engine.similar(id, count(k, 10, 'k'), m, filter);
      const scores = Array.from(r.scores);
      const neighbours = Array.from(r.movieIds, (n, i) => ({
        ...catalog.film(n),
        score: scores[i],
        crossGenre: catalog.sharesNoGenre(id, n),
      }));
      return { film: catalog.film(id), model: m, neighbours };
    },

    async recommend({ userId, k, model = 'ranking', filter }) {
      requireTrained(model);
      const user = integer(userId, 'userId');
      const r = engine.recommend(user, count(k, 10, 'k'), model, filter);
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
      for (const m of modelStates()) requireTrained(m.name);
      if (!evaluation) {
        const f = engine.evaluate();
        evaluation = { viewers: f.viewers, popularity: { ...f.popularity }, models: Array.from(f.models, (m) => ({ ...m })) };
      }
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
