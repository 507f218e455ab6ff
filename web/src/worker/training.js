// The requests that make the models: train (restore the models kept in this browser when they pass
// every check, else every model an epoch at a time in the engine's training order), keep, cancel.
import { keptEntry, restoreKept } from './keptModels.js';
import { dataLoaded, dataState, modelStates, modelsReady, trainingStarted, trainingStopped } from './machine.js';
import { heapBytes } from './module.js';

/**
 * The answer to a train request: the models as the engine reports them, and their times.
 * @param {import('./context.js').Context} c @param {{ cancelled: boolean, restored?: import('./machine.js').Restored | null, discarded?: string | null }} how
 */
function trained({ m }, { cancelled, restored = null, discarded = null }) {
  const { data } = dataState(m);
  return { cancelled, models: modelStates(m), trainMs: { ...data.trainMs }, restored, discarded, heapBytes: heapBytes(m) };
}

/**
 * Restores the models kept in this browser, or trains every untrained one; `fresh` ("retrain here")
 * trains the same data afresh even so. Cancel pauses between two epochs; a later train resumes there.
 * @type {import('./context.js').Handler}
 */
export async function train(c, { id, fresh = false }) {
  const { m } = c;
  const s = dataState(m);
  if (m.loading) throw new Error('Already loading');
  if (s.name === 'training') throw new Error('Already training');
  if (s.name === 'ready' && !fresh) return trained(c, { cancelled: false, restored: s.restored });
  let t = trainingStarted(m, s);
  try {
    if (fresh) t = await reloaded(c, t, id);
    let discarded = null;
    if (t.data.kept && modelStates(m).every((x) => x.epochsDone === 0)) {
      const r = await restored(c, t, id);
      if (r.restored) return trained(c, { cancelled: false, restored: r.restored });
      discarded = r.reason;
    }
    return await epochs(c, t, id, discarded);
  } catch (e) {
    trainingStopped(m, t);
    throw e;
  }
}

/**
 * The same data loaded again, every model untrained (a dropped file is read again: its bytes are
 * not kept); the run goes on over it.
 * @param {import('./context.js').Context} c @param {import('./machine.js').Training} t @param {number} id
 */
async function reloaded({ m }, t, id) {
  const links = await t.data.reload(id);
  t.finish();
  const { reload, seed, slot, base } = t.data;
  dataLoaded(m, t.catalog, { reload, seed, slot, base, kept: null }, links ?? null);
  return trainingStarted(m, /** @type {import('./machine.js').Data} */ (m.state));
}

/**
 * The kept models, restored when they pass every check (one try per load); a refused entry is
 * forgotten, and the models trained now replace it.
 * @param {import('./context.js').Context} c @param {import('./machine.js').Training} t @param {number} id
 * @returns {Promise<{ restored: import('./machine.js').Restored | null, reason: string | null }>}
 */
async function restored({ m, deps, post }, t, id) {
  const entry = await t.data.kept;
  t.data.kept = null;
  if (!entry) return { restored: null, reason: null };
  post({ type: 'progress', id, stage: 'restore' });
  const r = restoreKept(m.engine, entry, deps.engineVersion);
  if (r.restored && r.savedAt !== undefined && r.trainMs) {
    const kept = { savedAt: r.savedAt, trainMs: r.trainMs };
    modelsReady(m, t, kept);
    void t.data.linksIn?.(); // links out for the films, now that the first answers are in
    return { restored: kept, reason: null };
  }
  await deps.cache.forget(t.data.slot);
  return { restored: null, reason: r.reason };
}

/**
 * Every model's remaining epochs, in the engine's training order, each reported with its loss and
 * time left. The engine stops a model that diverges, with a message naming the setting to change.
 * @param {import('./context.js').Context} c @param {import('./machine.js').Training} t @param {number} id @param {string | null} discarded
 */
async function epochs(c, t, id, discarded) {
  const { m, deps, post } = c;
  const stateOf = (/** @type {string} */ name) => modelStates(m).find((x) => x.name === name);
  for (const model of Array.from(m.engine.trainingOrder(), String)) {
    const startEpoch = stateOf(model)?.epochsDone ?? 0;
    const started = deps.now();
    for (let x = stateOf(model); x && x.epochsDone < x.epochs; x = stateOf(model)) {
      await deps.yieldToLoop();
      if (t.cancel) {
        trainingStopped(m, t);
        return trained(c, { cancelled: true, discarded });
      }
      const t0 = deps.now();
      const r = m.engine.trainEpoch(model);
      const t1 = deps.now();
      t.data.trainMs[model] += t1 - t0;
      const elapsedMs = t1 - started;
      const etaMs = (elapsedMs / (r.epoch - startEpoch)) * (r.epochs - r.epoch);
      post({ type: 'progress', id, stage: 'train', model, epoch: r.epoch, epochs: r.epochs, loss: r.loss, elapsedMs, etaMs });
    }
  }
  modelsReady(m, t, null);
  void t.data.linksIn?.(); // links out for the films, now that the first answers are in
  return trained(c, { cancelled: false, discarded });
}

/**
 * Keeps the trained models in this browser for the next visit (nothing to do when they came from
 * there). The engine refuses to save a model that is not trained yet.
 *
 * The page asks at ready, just as the visitor starts rating: saving is two long steps (the
 * engine's ten megabytes, about 0.2 s in a desktop worker, then IndexedDB's copy of them), so the
 * requests that came meanwhile are answered before each (a first rating waited 0.3 s behind them).
 * @type {import('./context.js').Handler}
 */
export async function keep({ m, deps }) {
  const s = dataState(m);
  if (s.name === 'ready' && s.restored) return { kept: true, restored: true };
  await deps.yieldToLoop();
  if (m.state !== s) return { kept: false, restored: false }; // other data or models since: not these to keep
  const entry = keptEntry(m.engine, deps.engineVersion, s.data.trainMs);
  await deps.yieldToLoop();
  const ok = m.state === s && (await deps.cache.writeModels(entry, s.data.slot));
  return { kept: ok, restored: false, bytes: entry.bytes.length };
}

/** Pause: the run stops before its next epoch. @type {import('./context.js').Handler} */
export async function cancel({ m }) {
  const s = m.state;
  if (s.name !== 'training') return { cancelling: false };
  s.cancel = true;
  return { cancelling: true };
}
