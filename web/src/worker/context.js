// What every request handler is given: the machine, the worker's injected surroundings (how to load
// the module, fetch bytes, keep models, post, yield) and how to post. Pure: no `self`, no DOM, so the
// worker and the Node tests inject their own.

/**
 * @typedef {object} Deps
 * @property {(onProgress?: (loaded: number, total: number | null) => void) => Promise<any>} loadModule
 *   resolves to the instantiated Emscripten module, reporting the wasm's bytes as they arrive
 * @property {typeof import('./fetchProgress.js').fetchBytes} fetchBytes
 * @property {(message: object) => void} post
 * @property {import('../storage/modelCache.js').ModelCache} cache  where trained models and the map are kept
 * @property {string} engineVersion  the engine build, part of what a kept model must match
 * @property {Record<string, number>} sizes  each data file's size in bytes, for download progress
 * @property {() => Promise<void>} yieldToLoop
 * @property {() => number} now
 * @property {typeof import('./dataset/datasetFiles.js').readDataset} readFiles  reads a dropped MovieLens from File objects
 * @property {() => number | null} deviceMemoryGiB  the device's memory as the browser reports it, if it does
 */

/** @typedef {{ m: import('./machine.js').Machine, deps: Deps, post: (message: object) => void }} Context */
/**
 * A request's handler: the message's fields in, the result out; progress through `post`.
 * @typedef {(c: Context, message: any) => Promise<any>} Handler
 */

export {};
