// The wasm module and its one Engine: started once, tried again after a failed start, and what the
// page lays itself out by, asked of the engine whenever it is needed.
import { engineError, isTrap, messageOf } from '../engine/engineErrors.js';
import { modelStates } from './machine.js';

/**
 * The module, started at most once at a time.
 * @param {import('./context.js').Context} c @param {(loaded: number, total: number | null) => void} [onProgress]
 * @returns {Promise<any>}
 */
export function moduleOf({ m, deps }, onProgress) {
  if (!m.module) {
    // A failed attempt is forgotten, so a second load in this worker can try again.
    m.module = Promise.resolve()
      .then(() => deps.loadModule(onProgress))
      .catch((e) => {
        m.module = null;
        if (e?.detail || !isTrap(e)) throw e; // already a plain sentence (e.g. a web page instead of wasm)
        throw engineError(
          'The engine could not start in this browser (its WebAssembly module failed to load). Reload the page to try again.',
          {
            detail: messageOf(e),
          },
        );
      });
  }
  return m.module;
}

/** The Engine, made once the module is in. @param {import('./context.js').Context} c @param {any} Module */
export function engineIn({ m }, Module) {
  m.wasm = Module;
  if (!m.engine) m.engine = new Module.Engine();
  return m.engine;
}

/** The size of the module's memory, which never shrinks. @param {import('./machine.js').Machine} m */
export const heapBytes = (m) => m.wasm?.HEAPU8?.length ?? null;

/**
 * What the page lays itself out by, known once the films are in: the registry and the engine's
 * training order, its choices and limits, the genres and years.
 * @param {import('./machine.js').Machine} m @param {import('./machine.js').Catalog} catalog
 */
export function describe(m, catalog) {
  const { engine } = m;
  return {
    models: modelStates(m),
    order: Array.from(engine.trainingOrder(), String),
    choices: { ...engine.choices() },
    limits: { ...engine.limits() },
    genreNames: catalog.offeredGenres, // genres only: the engine's formats (IMAX) are not offered as genres
    years: catalog.yearRange,
  };
}
