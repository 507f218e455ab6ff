// The site's own wasm module in Node on one generated dataset, timed stage by stage as the native
// `reel eval --json` times them, so scripts/bench-scale can set the two side by side.
// Usage: node web/bench/scale.mjs DATA_DIR   (prints one JSON object; peak_bytes is the module's memory)
import { readFileSync } from 'node:fs';
import { loadReel } from '../../tests/web/engineHarness.js';

const dir = process.argv[2];
const Module = await loadReel();
const engine = new Module.Engine();
const seconds = (since) => (performance.now() - since) / 1000;

const movies = readFileSync(`${dir}/movies.csv`);
const ratings = readFileSync(`${dir}/ratings.csv`);
let t = performance.now();
const summary = engine.load(movies, ratings, 42);
const load = seconds(t);

const models = {};
for (const m of engine.models()) {
  t = performance.now();
  for (let e = m.epochsDone; e < m.epochs; e++) engine.trainEpoch(m.name);
  models[m.name] = { train_seconds: seconds(t) };
}
t = performance.now();
const figures = engine.evaluate();
const evaluate = seconds(t);
for (const m of figures.models) models[m.name].recall10 = m.recall10;
t = performance.now();
const neighbours = Object.fromEntries(engine.evaluateNeighbours().map((n) => [n.model ?? 'item_knn', n.recall10]));
const neighbourSeconds = seconds(t);

console.log(
  JSON.stringify({
    ratings: summary.ratings,
    viewers: figures.viewers,
    popularity: figures.popularity,
    models,
    seconds: { load, evaluate, neighbours: neighbourSeconds },
    peak_bytes: Module.HEAPU8.length,
    neighbours,
  }),
);
