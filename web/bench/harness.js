// The wasm side of scripts/bench: times the engine through its Embind API (as the worker uses
// it) and the tight-loop floor beside it, in whatever runtime loads it (Node or a browser worker).
// Returns raw samples in the same shape as the native driver (wasm/bench/bench_native.cpp).

const MODELS = ['rating', 'ranking'];

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
  const s = {
    load_ms: [], rating_epoch_ms: [], ranking_epoch_ms: [], rating_total_ms: [], ranking_total_ms: [],
    evaluate_ms: [], mf_floor_epoch_ms: [], bpr_floor_epoch_ms: [], similar_us: [], recommend_us: [], search_us: [],
  };
  let figures;
  let heapBytes = 0;
  for (let run = 0; run < runs; run++) {
    const engine = new Module.Engine();
    timed(s.load_ms, () => engine.loadSplit(files.movies, files.train, files.test));
    for (const model of MODELS) {
      const start = performance.now();
      for (let e = engine.epochs(model); e > 0; e--) timed(s[`${model}_epoch_ms`], () => engine.trainEpoch(model));
      s[`${model}_total_ms`].push(performance.now() - start);
    }
    // Memory only grows, so its size after training is the peak.
    heapBytes = Math.max(heapBytes, Module.HEAPU8.buffer.byteLength);
    figures = timed(s.evaluate_ms, () => engine.evaluate());

    const floor = new Module.Floor(files.movies, files.train, files.test);
    for (let e = floor.epochs('rating'); e > 0; e--) timed(s.mf_floor_epoch_ms, () => floor.mfEpoch());
    for (let e = floor.epochs('ranking'); e > 0; e--) timed(s.bpr_floor_epoch_ms, () => floor.bprEpoch());
    floor.delete();

    // Queries as the native driver makes them: well-known films, every 3rd user, typed title prefixes.
    // Browsers coarsen performance.now() to 0.1 ms, so each sample is the mean of a batch of calls.
    const catalog = engine.catalog();
    const titles = catalog.titles.split('\n');
    const films = [];
    catalog.counts.forEach((n, i) => n >= 50 && films.push(catalog.movieIds[i]));
    const users = Array.from(engine.userIds()).filter((_, u) => u % 3 === 0);
    const keystrokes = films.filter((_, f) => f % 4 === 0).flatMap((id) => {
      const title = titles[catalog.movieIds.indexOf(id)];
      return Array.from({ length: Math.min(title.length, 8) }, (_, len) => title.slice(0, len + 1));
    });
    batched(s.similar_us, films, (id) => engine.similar(id, 10, 'ranking'));
    batched(s.recommend_us, users, (id) => engine.recommend(id, 10));
    batched(s.search_us, keystrokes, (q) => engine.search(q, 8));
    engine.delete();
  }
  return { rmse: figures.ratingRmse, recall10: figures.rankingRecall10, heap_bytes: heapBytes, ...s };
}
