// Whether models kept in this browser (modelCache.js) may stand in for training, and the entry that
// keeps newly trained ones. An entry is used only when it was kept under this data's modelKey() by
// this very engine build, and the engine's restore() — which checks the models' checksum, format,
// settings and data fingerprint itself — accepts it. Anything else is reported and set aside.
import { messageOf } from '../engine/engineErrors.js';
import { Restored } from '../engine/protocol.js';
import { problems } from '../engine/shapes.js';

/**
 * @param {any} engine  the loaded wasm Engine
 * @param {any} entry  what the cache holds (null, or anything a browser kept)
 * @param {string} engineVersion  the engine build (the wasm file's content-hashed name)
 * @returns {{ restored: boolean, reason: string|null, savedAt?: number, trainMs?: Record<string, number> }}
 */
export function restoreKept(engine, entry, engineVersion) {
  if (!entry) return { restored: false, reason: null };
  if (entry.key !== engine.modelKey()) return { restored: false, reason: 'they were trained on other data or with other settings' };
  if (entry.engine !== engineVersion) return { restored: false, reason: 'they were trained by an earlier version of the engine' };
  if (!(entry.bytes instanceof Uint8Array)) return { restored: false, reason: 'the entry is not a saved model' };
  // Its times reach the page as they are: a kept value of another shape is no saved model either.
  const times = problems({ savedAt: entry.savedAt, trainMs: entry.trainMs }, Restored, 'the entry');
  if (times.length > 0 || !Number.isFinite(entry.savedAt))
    return { restored: false, reason: `the entry is not a saved model (${times[0] ?? 'its time is not a date'})` };
  try {
    engine.restore(entry.bytes); // throws, changing nothing, on a damaged file or other data
  } catch (e) {
    return { restored: false, reason: messageOf(e) };
  }
  return { restored: true, reason: null, savedAt: entry.savedAt, trainMs: { ...entry.trainMs } };
}

/**
 * The cache entry for the engine's trained models as they are now.
 * @param {any} engine @param {string} engineVersion @param {Record<string, number>} trainMs
 */
export function keptEntry(engine, engineVersion, trainMs, savedAt = Date.now()) {
  return { key: engine.modelKey(), engine: engineVersion, bytes: engine.save(), trainMs: { ...trainMs }, savedAt };
}
