// The page's run of the engine: load a MovieLens (the bundled one, or files the visitor gave) in
// the worker, then restore the models kept in this browser or train them, then keep them. One state
// object says where the run is; the training card and the map follow epochs and bytes through their
// own stores, so the page re-renders on phase changes and when a model finishes — never per epoch.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { forgetFilms } from '../films/useFilms.js';
import { BUNDLED_NAME } from './DatasetChooser.jsx';
import { createTrainingStore } from './trainingStore.js';

export const BUNDLED = Object.freeze({ kind: 'bundled', name: BUNDLED_NAME });
const READING = ['read', 'unzip', 'parse'];
const nameOf = (files) => (files.length === 1 ? files[0].name : files.map((f) => f.name).join(' + '));

/** What the page says of a failure: the engine's own sentence, under a title for where it happened. */
export function describeError(e, title) {
  return e?.fatal
    ? { title: 'The engine stopped', message: e.message, detail: e.detail }
    : { title, message: e?.message ?? String(e), detail: e?.detail };
}

/** Where a run starts, for `next`: nothing trained, nothing measured. */
const starting = (next) => ({
  dataset: next, // the MovieLens in use, or on its way
  source: null, // how a dropped one was read: the worker's account
  error: null,
  phase: 'loading', // loading → (restoring | training ⇄ paused) → ready, or error
  loadStage: next.kind === 'files' ? 'read' : 'download',
  searchable: false, // the films are in: search works
  trained: new Set(), // the models trained so far
  trainMs: null,
  restored: null,
  kept: null,
});

/** A model finished: the set gains it (the same set when it had it, so nothing re-renders). */
const withTrained = (names) => (s) => {
  const missing = names.filter((n) => !s.trained.has(n));
  return missing.length ? { trained: new Set([...s.trained, ...missing]) } : {};
};

/**
 * Restores the kept models or trains (fresh: "retrain here"), then keeps what was trained.
 * @param {object} r  the run's machinery (useEngineRun's ref): client, set, stores, the current start
 */
async function train(r, { fresh = false } = {}) {
  const mine = r.run;
  const { client, set, training } = r;
  set({ phase: 'training' });
  if (fresh) {
    set((s) => ({ trained: new Set(), restored: null, kept: null, generation: s.generation + 1 }));
    training.reset();
  }
  try {
    const result = await client.train({ fresh }, (p) => {
      if (mine !== r.run) return;
      if (p.stage === 'restore') return set({ phase: 'restoring' });
      training.update(p);
      // "Retrain here" on a dropped MovieLens reads its file again before the epochs begin.
      if (READING.includes(p.stage)) return set({ phase: 'loading', loadStage: p.stage });
      set({ phase: 'training' });
      if (p.stage === 'train' && p.epoch >= p.epochs) set(withTrained([p.model]));
    });
    if (mine !== r.run) return; // another dataset was asked for meanwhile
    if (result.cancelled) return set({ phase: 'paused' });
    set(withTrained(result.models.filter((m) => m.epochsDone >= m.epochs).map((m) => m.name)));
    set((s) => ({
      trainMs: result.trainMs,
      restored: result.restored,
      heapBytes: result.heapBytes ?? s.heapBytes,
      phase: 'ready',
      round: s.round + 1,
    }));
    client.keep().then(
      (kept) => mine === r.run && set({ kept }),
      () => mine === r.run && set({ kept: { kept: false } }),
    );
  } catch (e) {
    if (mine === r.run) set({ error: describeError(e, 'Training failed'), phase: 'error' });
  }
}

/**
 * Loads `next` and trains on it. A dropped MovieLens the page cannot use is refused in the chooser,
 * and the one in use before comes back (its models restored from this browser, so it is quick).
 * @param {object} r  the run's machinery
 */
async function start(r, next = BUNDLED) {
  const mine = ++r.run;
  const fromFiles = next.kind === 'files';
  const { client, set, training } = r;
  // The old figures are not this data's; generation: what was drawn from the old models goes.
  set((s) => ({ ...starting(next), info: s.info ? { ...s.info, stats: undefined } : s.info, generation: s.generation + 1 }));
  const shown = { training: training.reset(), background: r.background.reset() }; // what a refused drop puts back
  forgetFilms();
  try {
    const onProgress = (p) => {
      if (mine !== r.run) return;
      if (p.stage === 'download' || READING.includes(p.stage)) training.update(p);
      if (p.stage === 'download') return;
      // 'catalogue': the films are in: search works, and the page knows its models, genres and years.
      if (p.stage === 'catalogue') set((s) => ({ info: s.info ?? p, searchable: true, loadStage: 'catalogue' }));
      else set({ loadStage: p.stage });
    };
    const loaded = fromFiles
      ? await client.loadFiles({ files: next.files }, onProgress)
      : await client.load({ dataUrl: r.dataUrl }, onProgress);
    if (mine !== r.run) return;
    forgetFilms(); // films remembered before the ratings arrived had no counts yet, or were another dataset's
    const trained = new Set(loaded.models.filter((m) => m.epochsDone >= m.epochs).map((m) => m.name));
    set((s) => ({
      info: loaded,
      source: loaded.source ?? null,
      heapBytes: loaded.heapBytes ?? null,
      searchable: true,
      trained,
      refusal: fromFiles ? null : s.refusal,
    }));
    r.inUse = next;
    r.loaded = loaded;
  } catch (e) {
    if (mine !== r.run) return;
    if (fromFiles && !e.fatal) {
      // Said where the visitor asked, in the engine's own words; the page goes back to the data it had.
      set({ refusal: { name: next.name, message: e.message } });
      if (e.reset) client.replace?.(); // its memory given back: the data in use must be loaded again
      if (e.reset || !r.loaded) start(r, r.inUse === next ? BUNDLED : r.inUse);
      else resume(r, shown);
      return;
    }
    set({ error: describeError(e, 'Could not load Reel'), phase: 'error' });
    return;
  }
  await train(r);
}

/**
 * After a refused drop: the worker kept the data in use and its models (a refusal changes nothing
 * there), so the page takes that data back as it was loaded and the run carries on — ready at once,
 * or training on from where the drop paused it — rather than read a dropped MovieLens of millions
 * of ratings again.
 * @param {object} r  the run's machinery
 * @param {{ training: object, background: object }} shown  the progress the card and the map showed before the drop
 */
async function resume(r, shown) {
  const { loaded } = r;
  r.training.restore(shown.training);
  r.background.restore(shown.background);
  r.set({ dataset: r.inUse, info: loaded, source: loaded.source ?? null, heapBytes: loaded.heapBytes ?? null, searchable: true });
  await train(r);
}

/**
 * @param {object} client  the engine client
 * @param {string} dataUrl  the bundled MovieLens's folder
 * @returns the run's state — round: one more each time the models become ready; generation: one
 *   more each time they are dropped — its progress stores (training: download and epochs;
 *   background: the map's layout), and start, train, pause and chooseFiles
 */
export function useEngineRun(client, dataUrl) {
  const [state, setState] = useState(() => ({ ...starting(BUNDLED), info: null, heapBytes: null, refusal: null, round: 0, generation: 0 }));
  const [training] = useState(createTrainingStore);
  const [background] = useState(createTrainingStore);
  // A patch that changes nothing keeps the state as it is, so nothing re-renders for it.
  const set = useCallback(
    (patch) =>
      setState((s) => {
        const p = typeof patch === 'function' ? patch(s) : patch;
        return Object.keys(p).every((k) => Object.is(s[k], p[k])) ? s : { ...s, ...p };
      }),
    [],
  );
  // One more per start: answers for an earlier start are let go. inUse: the last MovieLens loaded
  // in full, where a refused drop goes back to; loaded: what its load answered.
  const r = useRef({ run: 0, inUse: BUNDLED, loaded: null }).current;
  Object.assign(r, { client, dataUrl, set, training, background });

  // A worker whose module trapped has been replaced; what it knew is gone, so start again on Retry.
  useEffect(() => client.onCrash?.((e) => set({ error: describeError(e), phase: 'error' })), [client, set]);
  useEffect(() => {
    start(r);
  }, [r, client, dataUrl]);

  const actions = useRef({
    start: (next) => start(r, next),
    train: (options) => train(r, options),
    pause: () => r.client.cancel(),
    chooseFiles: (files) => start(r, { kind: 'files', files, name: nameOf(files) }),
  }).current;
  return { ...state, training, background, ...actions };
}
