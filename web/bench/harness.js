// The wasm side of scripts/bench: times the engine through its Embind API (as the worker uses
// it) and the tight-loop floor beside it, in whatever runtime loads it (Node or a browser worker).
// Returns raw samples in the same shape as the native driver (wasm/bench/bench_native.cpp); every
// model comes from the engine's registry.
import { unpackStrings } from '../src/worker/filmCatalog.js';

function timed(samples, f) {
  const t = performance.now();
  const out = f();
  samples.push(performance.now() - t);
  return out;
}

const BATCH = 10;

function batched(samples, inputs, query) {
  for (let b = 0; b + BATCH <= inputs.length; b += BATCH) {
    const t = performance.now();
    for (let n = b; n < b + BATCH; n++) query(inputs[n]);
    samples.push(((performance.now() - t) * 1000) / BATCH);
  }
}

/**
 * @param {object} Module  the instantiated reel_bench module (engine + floor)
 * @param {{movies: Uint8Array, train: Uint8Array, test: Uint8Array}} files  the canonical split
 * @param {number} runs
 */
export function measure(Module, files, runs) {
  const s = {};
  const sample = (name) => (s[name] ??= []);
  const figures = {};
  let heapBytes = 0;
  for (let run = 0; run < runs; run++) {
    const engine = new Module.Engine();
    timed(sample('load_ms'), () => engine.loadSplit(files.movies, files.train, files.test));
    const models = engine.models();
    // Run 0 is the runtime's first training ever (cold: the wasm tiers up while it runs); later
    // runs, in the same module, are warm. The report sets the first beside the others.
    for (const m of models) {
      const start = performance.now();
      for (let e = m.epochs; e > 0; e--) timed(sample(`${m.name}_epoch_ms`), () => engine.trainEpoch(m.name));
      sample(`${m.name}_total_ms`).push(performance.now() - start);
      sample(`${m.name}_first_epoch_ms`).push(s[`${m.name}_epoch_ms`].at(-m.epochs));
    }
    // Memory only grows, so its size after training is the peak.
    heapBytes = Math.max(heapBytes, Module.HEAPU8.buffer.byteLength);
    const f = timed(sample('evaluate_ms'), () => engine.evaluate());
    for (const m of f.models) figures[m.name] = { rmse: Number.isFinite(m.rmse) ? m.rmse : -1, recall10: m.recall10 };

    const floor = new Module.Floor(files.movies, files.train, files.test);
    for (const m of models)
      for (let e = floor.epochs(m.name); e > 0; e--) timed(sample(`${m.name}_floor_epoch_ms`), () => floor.epoch(m.name));
    floor.delete();

    // Queries as the native driver makes them: well-known films, every 3rd user, typed title prefixes,
    // a visitor of the 100 most-rated films. Browsers coarsen performance.now() to 0.1 ms, so each
    // sample is the mean of a batch of calls.
    const choices = engine.choices();
    const catalog = engine.catalog();
    const titles = unpackStrings(catalog.titles);
    const films = [];
    catalog.counts.forEach((n, i) => n >= 50 && films.push(catalog.movieIds[i]));
    const users = Array.from(engine.userIds()).filter((_, u) => u % 3 === 0);
    const keystrokes = films
      .filter((_, i) => i % 4 === 0)
      .flatMap((id) => {
        const title = titles[catalog.movieIds.indexOf(id)];
        return Array.from({ length: Math.min(title.length, 8) }, (_, len) => title.slice(0, len + 1));
      });
    batched(sample('similar_us'), films, (id) => engine.similar(id, 10, choices.neighbours, undefined));
    batched(sample('recommend_us'), users, (id) => engine.recommend(id, 10, choices.viewers, undefined));
    batched(sample('search_us'), keystrokes, (q) => engine.search(q, 8));
    const byCount = Array.from(catalog.movieIds)
      .map((id, i) => [id, catalog.counts[i]])
      .sort((a, b) => b[1] - a[1]);
    const ids = Int32Array.from(byCount.slice(0, 100).map(([id]) => id));
    const stars = Float32Array.from(ids, (_, i) => 5 - (i % 5));
    for (const m of models)
      batched(sample(`${m.name}_visitor100_us`), Array(10).fill(0), () =>
        engine.recommendFor(ids, stars, 10, m.name, undefined, undefined),
      );
    engine.delete();
  }
  return { figures, heap_bytes: heapBytes, ...s };
}
