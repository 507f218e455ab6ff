// The page's promise-based client for the engine worker. Its methods are derived from the one
// protocol table (protocol.js); this file only does the bookkeeping: request ids, progress routing,
// errors, and replacing a worker whose module trapped or that died.
import { CRASH_SENTENCE, engineError } from './engineErrors.js';
import { deriveClient } from './protocol.js';

/**
 * What the client needs of a worker: a browser Worker, or a test's stand-in.
 * @typedef {{ postMessage(m: object): void, addEventListener(t: string, f: (event: any) => void): void,
 *   removeEventListener?(t: string, f: (event: any) => void): void, terminate?(): void }} WorkerLike
 */

/**
 * @param {() => WorkerLike} spawn  makes a fresh worker; called at the first request and again after a crash
 */
export function createEngineClient(spawn) {
  let nextId = 1;
  /** @type {WorkerLike | null} */
  let worker = null;
  let detach = () => {};
  /** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void, onProgress?: (p: any) => void }>} */
  const pending = new Map();
  /** @type {Set<(error: import('./engineErrors.js').EngineError) => void>} */
  const crashListeners = new Set();

  // Lets the worker go and fails everything in flight with `error`. The next request spawns a
  // fresh worker — lazily, so a worker that cannot even start does not respawn in a loop.
  /** @param {Error} error */
  function dropWorker(error) {
    detach();
    try {
      worker?.terminate?.();
    } catch {
      // already gone
    }
    worker = null;
    const entries = [...pending.values()];
    pending.clear();
    for (const entry of entries) entry.reject(error);
  }

  // The worker died or lost its state: drop it and tell the page.
  /** @param {string} detail */
  function crash(detail) {
    const error = engineError(CRASH_SENTENCE, { fatal: true, detail });
    dropWorker(error);
    for (const listener of crashListeners) listener(error);
  }

  /** A fresh worker, listened to. */
  function attach() {
    const w = spawn();
    const onMessage = (/** @type {MessageEvent} */ event) => {
      if (w !== worker) return; // a late answer from a replaced worker
      const message = event.data;
      const entry = pending.get(message.id);
      if (message.type === 'error' && message.fatal) {
        crash(message.detail ?? message.message);
        return;
      }
      if (!entry) return;
      if (message.type === 'progress') {
        entry.onProgress?.(message);
      } else {
        pending.delete(message.id);
        if (message.type === 'error') entry.reject(engineError(message.message, { detail: message.detail, reset: message.reset }));
        else entry.resolve(message.result);
      }
    };
    // A worker that fails to start (bad script) or throws outside a request has lost its state.
    const onError = (/** @type {ErrorEvent} */ event) => {
      if (w !== worker) return;
      event.preventDefault?.();
      crash(event.message || 'the engine worker could not start');
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    w.addEventListener('messageerror', onError);
    worker = w;
    detach = () => {
      w.removeEventListener?.('message', onMessage);
      w.removeEventListener?.('error', onError);
      w.removeEventListener?.('messageerror', onError);
    };
    return w;
  }

  /** @type {Parameters<typeof deriveClient>[0]} */
  function send(type, message, onProgress) {
    const w = worker ?? attach();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress });
      w.postMessage({ ...message, id });
    });
  }

  return Object.assign(deriveClient(send), {
    /**
     * Lets the worker go and starts the next request in a fresh one: its memory never shrinks, so
     * after a dataset too large to load (an error with `reset`) this gives that memory back. Unlike a
     * crash, no listener hears of it: the page asked for it. Anything still in flight is refused.
     */
    replace: () => dropWorker(engineError('The engine was restarted to give its memory back; ask again.')),
    /**
     * Calls `listener(error)` whenever the worker is replaced; returns the unsubscribe function.
     * @param {(error: import('./engineErrors.js').EngineError) => void} listener
     */
    onCrash: (listener) => {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
  });
}

/** @typedef {ReturnType<typeof createEngineClient>} EngineClient */

/** The browser's worker; kept apart so tests can hand the client an in-process stand-in. */
export function startEngineWorker() {
  return createEngineClient(() => new Worker(new URL('../worker/engine.worker.js', import.meta.url), { type: 'module' }));
}
