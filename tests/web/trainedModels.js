// The models trained once per Vitest run (trainedModels.setup.js), for tests that need trained
// models but are not about training: restore them instead of training MovieLens again.
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { memoryModelCache } from '../../web/src/storage/modelCache.js';

/** Every model trained on latest-small split by seed 42, as engine.save() gave them: for engine.restore(). */
export function trainedModels() {
  return new Uint8Array(readFileSync(inject('trainedModels').file));
}

/**
 * A model cache holding those models as the worker keeps them (under the data's modelKey and the
 * handler's default engine version), so the worker's train request restores instead of training.
 */
export async function cacheWithTrainedModels() {
  const cache = memoryModelCache();
  const entry = { key: inject('trainedModels').key, engine: 'unversioned', bytes: trainedModels(), trainMs: {}, savedAt: Date.now() };
  await cache.writeModels(entry);
  return cache;
}
