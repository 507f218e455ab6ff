// The engine worker's message handler: answers the protocol's requests (engine/protocol.js) from the
// state machine (machine.js), one small handler per request, and posts each answer, its progress
// and its errors. Pure (no `self`, no DOM): the worker and the Node tests inject how to load the
// module, fetch bytes, keep models and post.
//
// The critical path: the engine and movies.csv download first, and search works as soon as both
// are in; ratings.csv follows. Models kept in this browser are read meanwhile and restored instead
// of trained when they pass every check. After ready, the evaluation and the map run in slices of a
// few milliseconds, so no query waits behind them. A MovieLens the visitor drops is read from its
// File objects, refused by size before reading when it cannot fit, then loaded like the bundled
// one; its models are kept in a slot of their own.
import { CRASH_SENTENCE, isTrap, messageOf } from '../engine/engineErrors.js';
import { checkHandlers } from '../engine/protocol.js';
import { memoryModelCache } from '../storage/modelCache.js';
import { readDataset } from './dataset/datasetFiles.js';
import { fetchBytes } from './fetchProgress.js';
import { createMachine, trapped } from './machine.js';
import { load, loadFiles, prefetch } from './loading.js';
import { evaluate, evaluateNeighbours, map } from './measures.js';
import * as queries from './queries.js';
import { cancel, keep, train } from './training.js';
import { makeYield } from './yieldToLoop.js';

/** Every request of the protocol, by type. @type {Record<import('../engine/protocol.js').RequestType, import('./context.js').Handler>} */
export const HANDLERS = { prefetch, load, loadFiles, train, keep, cancel, ...queries, evaluate, evaluateNeighbours, map };
checkHandlers(HANDLERS);

/**
 * @param {Partial<import('./context.js').Deps> & Pick<import('./context.js').Deps, 'loadModule' | 'post'>} given
 * @returns {(message: any) => Promise<void>}
 */
export function createHandler(given) {
  /** @type {import('./context.js').Deps} */
  const deps = {
    fetchBytes,
    cache: memoryModelCache(),
    engineVersion: 'unversioned',
    sizes: {},
    yieldToLoop: makeYield(),
    now: () => performance.now(),
    readFiles: readDataset,
    deviceMemoryGiB: () => /** @type {any} */ (globalThis.navigator)?.deviceMemory ?? null,
    ...given,
  };
  const c = { m: createMachine(), deps, post: deps.post };

  return async function handle(message) {
    const { type, id } = message ?? {};
    const s = c.m.state;
    if (s.name === 'dead') {
      c.post({ type: 'error', id, message: CRASH_SENTENCE, detail: s.detail, fatal: true });
      return;
    }
    try {
      const handler = Object.hasOwn(HANDLERS, type) ? HANDLERS[/** @type {keyof HANDLERS} */ (type)] : null;
      if (!handler) throw new Error(`Unknown request type ${JSON.stringify(type)}`);
      c.post({ type: 'result', id, result: await handler(c, message) });
    } catch (e) {
      c.post(errorMessage(c, id, e));
    }
  };
}

/**
 * What the page is told of a failure. After a trap the module's memory may be corrupt: the worker
 * answers nothing more, and the client replaces it.
 * @param {import('./context.js').Context} c @param {number} id @param {any} e
 */
function errorMessage(c, id, e) {
  if (isTrap(e)) {
    trapped(c.m, messageOf(e));
    return { type: 'error', id, message: CRASH_SENTENCE, detail: messageOf(e), fatal: true };
  }
  /** @type {{ type: 'error', id: number, message: string, detail?: string, reset?: true }} */
  const error = { type: 'error', id, message: messageOf(e) };
  if (e?.detail) error.detail = e.detail;
  if (e?.reset) error.reset = true; // the client should start a fresh worker for what comes next
  return error;
}
