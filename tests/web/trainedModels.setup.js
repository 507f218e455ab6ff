// Vitest's global setup: every model trained once per run on MovieLens latest-small split by seed
// 42 (as the page loads it), with the real wasm engine, and saved to a temporary file that the
// tests restore (trainedModels.js) instead of training again. Tests about training itself train.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dataDir, loadReel } from './engineHarness.js';

export default async function setup(project) {
  const Module = await loadReel();
  const data = dataDir();
  const engine = new Module.Engine();
  engine.load(readFileSync(path.join(data, 'movies.csv')), readFileSync(path.join(data, 'ratings.csv')), 42);
  for (const m of engine.models()) for (let i = m.epochsDone; i < m.epochs; i++) engine.trainEpoch(m.name);
  const dir = mkdtempSync(path.join(tmpdir(), 'reel-trained-'));
  const file = path.join(dir, 'latest-small-seed42.reel');
  writeFileSync(file, engine.save());
  project.provide('trainedModels', { file, key: engine.modelKey() });
  engine.delete();
  return () => rmSync(dir, { recursive: true, force: true });
}
