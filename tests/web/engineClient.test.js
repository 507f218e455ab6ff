// The worker client's bookkeeping: request ids, progress routing, errors, and replacing a worker that
// trapped or died — lazily, so a worker that cannot start does not respawn in a loop.
import { describe, expect, it } from 'vitest';
import { createEngineClient } from '../../web/src/engine/engineClient.js';
import { CRASH_SENTENCE } from '../../web/src/engine/engineErrors.js';

/** A worker whose replies the test writes by hand. */
class ScriptedWorker extends EventTarget {
  constructor() {
    super();
    this.received = [];
    this.terminated = false;
  }
  postMessage(message) {
    this.received.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data) {
    this.dispatchEvent(Object.assign(new Event('message'), { data }));
  }
}

function setup() {
  const workers = [];
  const client = createEngineClient(() => {
    const w = new ScriptedWorker();
    workers.push(w);
    return w;
  });
  return { client, workers };
}

describe('createEngineClient', () => {
  it('starts its worker at the first request and matches answers by id, in any order', async () => {
    const { client, workers } = setup();
    expect(workers).toHaveLength(0);
    const a = client.search({ query: 'heat' });
    const b = client.viewers();
    const [qa, qb] = workers[0].received;
    expect(qa).toEqual({ type: 'search', id: qa.id, query: 'heat' });
    expect(qb.type).toBe('viewers');
    expect(qa.id).not.toBe(qb.id);
    workers[0].reply({ type: 'result', id: qb.id, result: [1, 2] });
    workers[0].reply({ type: 'result', id: qa.id, result: ['Heat'] });
    expect(await a).toEqual(['Heat']);
    expect(await b).toEqual([1, 2]);
  });

  it('routes progress to the request that asked and rejects errors as Error', async () => {
    const { client, workers } = setup();
    const seen = [];
    const training = client.train({}, (p) => seen.push(p.epoch));
    const { id } = workers[0].received[0];
    workers[0].reply({ type: 'progress', id, stage: 'rating', epoch: 1 });
    workers[0].reply({ type: 'progress', id: id + 99, stage: 'rating', epoch: 7 }); // someone else's
    workers[0].reply({ type: 'progress', id, stage: 'rating', epoch: 2 });
    workers[0].reply({ type: 'error', id, message: 'the rating model diverged at epoch 3', detail: 'x' });
    const err = await training.catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('the rating model diverged at epoch 3');
    expect(err.fatal).toBe(false);
    expect(seen).toEqual([1, 2]);
    expect(workers).toHaveLength(1); // an ordinary error keeps the worker
  });

  it('replaces a worker whose module trapped: everything pending fails with a plain sentence, the next request goes to a fresh worker', async () => {
    const { client, workers } = setup();
    const crashes = [];
    client.onCrash((e) => crashes.push(e));
    const similar = client.similar({ movieId: 1 });
    const other = client.search({ query: 'x' });
    const [q] = workers[0].received;
    workers[0].reply({
      type: 'error',
      id: q.id,
      message: CRASH_SENTENCE,
      detail: 'RuntimeError: memory access out of bounds',
      fatal: true,
    });
    for (const p of [similar, other]) {
      const e = await p.catch((x) => x);
      expect(e.message).toBe(CRASH_SENTENCE);
      expect(e.fatal).toBe(true);
      expect(e.detail).toBe('RuntimeError: memory access out of bounds');
    }
    expect(workers[0].terminated).toBe(true);
    expect(crashes).toHaveLength(1);
    // A late answer from the old worker is ignored.
    workers[0].reply({ type: 'result', id: q.id, result: 'stale' });
    const again = client.search({ query: 'heat' });
    expect(workers).toHaveLength(2);
    const [fresh] = workers[1].received;
    workers[1].reply({ type: 'result', id: fresh.id, result: ['Heat'] });
    expect(await again).toEqual(['Heat']);
  });

  it('treats a worker that fails to start as a crash, without respawning on its own', async () => {
    const { client, workers } = setup();
    const pending = client.load({ dataUrl: './data/' });
    workers[0].dispatchEvent(Object.assign(new Event('error'), { message: 'SyntaxError in engine.worker.js' }));
    const e = await pending.catch((x) => x);
    expect(e.message).toBe(CRASH_SENTENCE);
    expect(e.detail).toBe('SyntaxError in engine.worker.js');
    await new Promise((r) => setTimeout(r, 10));
    expect(workers).toHaveLength(1); // no loop: the next request (Retry) makes the next worker
    client.cancel();
    expect(workers).toHaveLength(2);
  });
});
