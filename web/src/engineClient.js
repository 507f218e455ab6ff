// A small promise-based client for the engine worker: one method per request, progress via a callback.

/**
 * @param {{postMessage(m: object): void, addEventListener(t: string, f: Function): void}} worker
 */
export function createEngineClient(worker) {
  let nextId = 1;
  const pending = new Map(); // id → { resolve, reject, onProgress }

  worker.addEventListener('message', (event) => {
    const message = event.data;
    const entry = pending.get(message.id);
    if (!entry) return;
    if (message.type === 'progress') {
      entry.onProgress?.(message);
    } else {
      pending.delete(message.id);
      if (message.type === 'error') entry.reject(new Error(message.message));
      else entry.resolve(message.result);
    }
  });

  // A worker that fails to start (bad script, wasm compile error) would otherwise leave every promise hanging.
  worker.addEventListener('error', (event) => {
    const error = new Error(`The engine worker failed: ${event.message || 'could not start'}`);
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
    event.preventDefault?.();
  });

  function request(type, payload = {}, onProgress) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      worker.postMessage({ ...payload, type, id });
    });
  }

  return {
    load: (dataUrl, { seed, onProgress } = {}) => request('load', { dataUrl, seed }, onProgress),
    train: (onProgress) => request('train', {}, onProgress),
    cancel: () => request('cancel'),
    similar: (movieId, { k = 10, model = 'ranking' } = {}) => request('similar', { movieId, k, model }),
    recommend: (userId, k = 10) => request('recommend', { userId, k }),
    favourites: (userId, k = 5) => request('favourites', { userId, k }),
    users: () => request('users'),
    search: (query, k = 8) => request('search', { query, k }),
    film: (movieId) => request('film', { movieId }),
    evaluate: () => request('evaluate'),
  };
}

/** The browser's worker; kept apart so tests can hand the client an in-process stand-in. */
export function startEngineWorker() {
  const worker = new Worker(new URL('./engine.worker.js', import.meta.url), { type: 'module' });
  return createEngineClient(worker);
}
