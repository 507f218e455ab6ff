// The engine worker as a state machine: the state it is in, the facts each state holds, and the
// named transitions between them. Every fact about the engine (its models and their training
// state, choices, limits, training order, whether ratings are loaded) is asked of the engine; a
// state holds only what the engine cannot say: the films unpacked for the page, how to read the
// data again, training times, what the trained models have given.
//
//   loading ─films in─► catalogue ─ratings in─► data ─train─► training ─every model─► ready
//                                                ▲ ◄─paused─┘                          │
//   loadFiles (a dropped MovieLens) ────────────►┤ ◄──── load, loadFiles, retrain ─────┘
//   any state ─a trap─► dead: the page replaces the worker
//
// A load runs beside the state it starts from (the data before it keeps answering) and moves the
// machine only when it succeeds; one that fails leaves the state as the engine left it.

/** @typedef {ReturnType<import('./filmCatalog.js').makeCatalog>} Catalog */
/**
 * What a loaded dataset is, besides what the engine holds.
 * @typedef {object} DataFacts
 * @property {(id: number) => Promise<Uint8Array | null>} reload  the same data loaded into the engine again ("retrain here"; a
 *   dropped file is read again, with progress to request `id`), resolving to its links.csv
 * @property {number} seed
 * @property {'bundled' | 'dropped'} slot  whose models the cache keeps: the bundled MovieLens's or a dropped one's
 * @property {string | null} base  where the bundled data's files are
 * @property {boolean} links  links.csv is in the engine (it forgets it on every load)
 * @property {() => Promise<void>} [linksIn]  brings in links.csv, which the bundled data sends only when asked (a no-op once it is in; asked again after a failed download)
 * @property {Promise<any> | null} kept  what the cache held when this data was loaded (one try)
 * @property {Record<string, number>} trainMs  each model's training time so far
 */
/**
 * What the trained models have given, kept while they stay as they are.
 * @typedef {{ evaluation: Promise<any> | null, neighbours: object[] | null, map: Promise<any> | null }} Measures
 */
/** @typedef {{ savedAt: number, trainMs: Record<string, number> }} Restored */
/**
 * @typedef {{ name: 'loading' }} Loading
 * @typedef {{ name: 'catalogue', catalog: Catalog }} Catalogue
 * @typedef {{ name: 'data', catalog: Catalog, data: DataFacts }} Data
 * @typedef {{ name: 'training', catalog: Catalog, data: DataFacts, cancel: boolean, done: Promise<void>, finish: () => void }} Training
 * @typedef {{ name: 'ready', catalog: Catalog, data: DataFacts, restored: Restored | null, measures: Measures }} Ready
 * @typedef {{ name: 'dead', detail: string }} Dead
 * @typedef {Loading | Catalogue | Data | Training | Ready | Dead} State
 */
/**
 * The machine: its state, and what lives across states.
 * @typedef {object} Machine
 * @property {State} state
 * @property {any} engine  the module's one Engine, once the module is in
 * @property {any} wasm  the instantiated module, for the size of its memory
 * @property {Promise<any> | null} module  the module on its way (null again after a failed start)
 * @property {import('./downloads.js').Downloads | null} downloads  a prefetch no load has taken over yet
 * @property {Promise<void> | null} loading  settles when the load under way ends
 */

/** @returns {Machine} */
export function createMachine() {
  return { state: { name: 'loading' }, engine: null, wasm: null, module: null, downloads: null, loading: null };
}

/** loading → catalogue: the films are in, no ratings yet; search works. @param {Machine} m @param {Catalog} catalog */
export function filmsArrived(m, catalog) {
  m.state = { name: 'catalogue', catalog };
}

/**
 * any → data: new data is in the engine, every model untrained.
 * @param {Machine} m @param {Catalog} catalog
 * @param {{ reload: DataFacts['reload'], seed: number, slot: DataFacts['slot'], base: string | null, kept: Promise<any> | null }} facts
 * @param {Uint8Array | null} [links]  a links.csv that came with the data
 */
export function dataLoaded(m, catalog, facts, links = null) {
  if (links) m.engine.loadLinks(links);
  const trainMs = Object.fromEntries(modelStates(m).map((x) => [x.name, 0]));
  // Each film's IMDb and TMDB ids, as the engine read them, go with the film wherever it is shown.
  const linked = links ? catalog.linked(m.engine.filmLinks()) : catalog;
  m.state = { name: 'data', catalog: linked, data: { ...facts, links: Boolean(links), trainMs } };
}

/**
 * links.csv arrived after its data (the bundled MovieLens sends it last): the engine reads it and
 * the films get their IMDb and TMDB ids, in whatever state holds the data.
 * @param {Machine} m @param {Uint8Array} links
 */
export function linksArrived(m, links) {
  const s = dataState(m);
  m.engine.loadLinks(links);
  s.catalog = s.catalog.linked(m.engine.filmLinks());
  s.data.links = true;
}

/** data (or ready, to retrain) → training: epochs run until every model is trained or the run is paused. @param {Machine} m @param {Data | Ready} s @returns {Training} */
export function trainingStarted(m, s) {
  /** @type {() => void} */
  let finish = () => {};
  const done = new Promise((resolve) => {
    finish = () => resolve(undefined);
  });
  const training = { name: /** @type {const} */ ('training'), catalog: s.catalog, data: s.data, cancel: false, done, finish };
  m.state = training;
  return training;
}

/** training → data: paused between two epochs, or stopped by an error. @param {Machine} m @param {Training} t */
export function trainingStopped(m, t) {
  t.finish();
  if (m.state === t) m.state = { name: 'data', catalog: t.catalog, data: t.data };
}

/**
 * data | training → ready: every model is trained, here or restored from this browser.
 * @param {Machine} m @param {Data | Training} s @param {Restored | null} restored
 */
export function modelsReady(m, s, restored) {
  if (restored) s.data.trainMs = { ...restored.trainMs };
  if (s.name === 'training') s.finish();
  m.state = { name: 'ready', catalog: s.catalog, data: s.data, restored, measures: { evaluation: null, neighbours: null, map: null } };
}

/** any → dead: the module trapped; its memory can no longer be trusted. @param {Machine} m @param {string} detail */
export function trapped(m, detail) {
  m.state = { name: 'dead', detail };
}

/**
 * A load failed once the engine had the bytes. The engine either kept the data before (so does the
 * machine) or dropped it, and then only the films answer.
 * @param {Machine} m
 */
export function loadFailed(m) {
  const s = m.state;
  if (m.engine?.loaded() || !('catalog' in s)) return;
  m.state = { name: 'catalogue', catalog: s.catalog };
}

/** The films, or why there are none. @param {Machine} m */
export function catalogueOf(m) {
  const s = m.state;
  if (!('catalog' in s)) throw new Error('No dataset loaded yet');
  return s.catalog;
}

/** The state that holds data, or why none does. @param {Machine} m @returns {Data | Training | Ready} */
export function dataState(m) {
  const s = m.state;
  if ('data' in s) return s;
  throw new Error(s.name === 'catalogue' ? 'The ratings are still loading' : 'No dataset loaded yet');
}

/**
 * The engine's models and their training state, as it reports them now.
 * @param {Machine} m
 * @returns {import('../engine/protocol.js').ModelStateT[]}
 */
export const modelStates = (m) => Array.from(m.engine.models(), (/** @type {any} */ x) => ({ ...x }));
