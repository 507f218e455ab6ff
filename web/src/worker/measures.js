// The requests that measure and draw the trained models: the figures on the held-out ratings and the
// map of taste, each run in slices of a few milliseconds so queries get through meanwhile, and
// neighbour recall. What the ready models have given is kept until they change; before every model
// is trained, the engine says which is not.
import { dataState } from './machine.js';
import { layOutMap, mapEntry, mapProblem, packMap } from './mapJob.js';
import { runInSlices } from './slices.js';

/**
 * Where the results of these models are kept: the ready state's, or nowhere before then.
 * @param {import('./machine.js').Data | import('./machine.js').Training | import('./machine.js').Ready} s
 * @returns {import('./machine.js').Measures}
 */
const measuresOf = (s) => (s.name === 'ready' ? s.measures : { evaluation: null, neighbours: null, map: null });

/**
 * Keeps the promise `make` returns under `key`, unless it fails (then a later request tries again).
 * @template T @param {import('./machine.js').Measures} measures @param {'evaluation' | 'map'} key @param {() => Promise<T>} make
 * @returns {Promise<T>}
 */
function once(measures, key, make) {
  if (!measures[key]) {
    measures[key] = make().catch((e) => {
      measures[key] = null;
      throw e;
    });
  }
  return /** @type {Promise<T>} */ (measures[key]);
}

/**
 * Every model's figures on the held-out ratings, with their training times.
 * @type {import('./context.js').Handler}
 */
export async function evaluate(c, { id }) {
  const s = dataState(c.m);
  const figures = await once(measuresOf(s), 'evaluation', () => measure(c, s, id));
  return { ...figures, trainMs: { ...s.data.trainMs }, restored: s.name === 'ready' ? s.restored : null };
}

/**
 * @param {import('./context.js').Context} c @param {import('./machine.js').State} s @param {number} id
 */
async function measure({ m, deps, post }, s, id) {
  const { engine } = m;
  engine.startEvaluation();
  let shown = 0;
  const run = await runInSlices((/** @type {number} */ users) => engine.evaluationStep(users), {
    yieldToLoop: deps.yieldToLoop,
    now: deps.now,
    budgetMs: 4,
    first: 4,
    // Users differ a hundredfold in what they rated, so a step sized on light users can meet heavy
    // ones: at most 32 users a step (a step of hundreds took 0.1-0.2 s in a desktop worker).
    max: 32,
    onShare: (/** @type {number} */ share) => {
      if (share - shown < 0.05 && share < 1) return;
      shown = share;
      post({ type: 'progress', id, stage: 'evaluate', share });
    },
    stopped: () => m.state !== s,
  });
  if (run.stopped) throw new Error('The models changed while they were being measured');
  const f = engine.evaluationFigures();
  return {
    viewers: f.viewers,
    popularity: { ...f.popularity },
    choice: { ...f.choice },
    models: Array.from(f.models, (/** @type {object} */ x) => ({ ...x })),
  };
}

/**
 * Neighbour recall of every similarity and of the item-kNN baseline: one engine call of about half a
 * second (the engine has no stepwise form of it), so the page asks only when the numbers are read.
 * @type {import('./context.js').Handler}
 */
export async function evaluateNeighbours({ m }) {
  const measures = measuresOf(dataState(m));
  measures.neighbours ??= Array.from(m.engine.evaluateNeighbours(), (/** @type {object} */ x) => ({ ...x }));
  return { similarities: measures.neighbours, inUse: m.engine.choices().neighbours };
}

/**
 * The map of taste: for ready models, the one kept from an earlier visit when it passes its checks;
 * else laid out now (progress per slice of epochs) and kept beside the models.
 * @type {import('./context.js').Handler}
 */
export async function map(c, { id }) {
  const s = dataState(c.m);
  return once(measuresOf(s), 'map', () => drawn(c, s, id));
}

/**
 * @param {import('./context.js').Context} c @param {import('./machine.js').Data | import('./machine.js').Training | import('./machine.js').Ready} s @param {number} id
 */
async function drawn({ m, deps, post }, s, id) {
  const { engine } = m;
  const { engineVersion, cache } = deps;
  const key = engine.modelKey();
  const keptMap = s.name === 'ready' ? await cache.readMap(key) : null;
  let layout = keptMap && !mapProblem(keptMap, { key, engineVersion, catalog: s.catalog }) ? keptMap : null;
  const fromCache = Boolean(layout);
  if (!layout) {
    layout = await layOutMap(engine, {
      yieldToLoop: deps.yieldToLoop,
      now: deps.now,
      stopped: () => m.state !== s,
      onEpoch: (/** @type {number} */ epoch, /** @type {number} */ epochs) => post({ type: 'progress', id, stage: 'map', epoch, epochs }),
    });
    if (!layout) throw new Error('The models changed while the map was being drawn');
    await cache.writeMap(mapEntry(layout, { key, engineVersion }));
  }
  return packMap(layout, s.catalog, fromCache);
}
