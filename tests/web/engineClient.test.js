// The worker client's bookkeeping: request ids, progress routing, errors, and a worker that dies.
import { describe, expect, it } from 'vitest';
import { createEngineClient } from '../../web/src/engineClient.js';

/** A worker whose replies the test writes by hand. */
class ScriptedWorker extends EventTarget {
  constructor() {
    super();
    this.received = [];
  }
  postMessage(message) {
    this.received.push(message);
  }
  reply(data) {
    this.dispatchEvent(Object.assign(new Event('message'), { data }));
  }
}

describe('createEngineClient', () => {
  it('matches answers to requests by id, in any order', async () => {
    const worker = new ScriptedWorker();
    const client = createEngineClient(worker);
    const a = client.search('heat');
    const b = client.users();
    const [qa, qb] = worker.received;
    expect(qa).toEqual({ type: 'search', id: qa.id, query: 'heat', k: 8 });
    expect(qb.type).toBe('users');
    expect(qa.id).not.toBe(qb.id);
    worker.reply({ type: 'result', id: qb.id, result: [1, 2] });
    worker.reply({ type: 'result', id: qa.id, result: ['Heat'] });
    expect(await a).toEqual(['Heat']);
    expect(await b).toEqual([1, 2]);
  });

  it('routes progress to the request that asked and rejects errors as Error', async () => {
    const worker = new ScriptedWorker();
    const client = createEngineClient(worker);
    const seen = [];
    const training = client.train((p) => seen.push(p.epoch));
    const { id } = worker.received[0];
    worker.reply({ type: 'progress', id, stage: 'rating', epoch: 1 });
    worker.reply({ type: 'progress', id: id + 99, stage: 'rating', epoch: 7 }); // someone else's
    worker.reply({ type: 'progress', id, stage: 'rating', epoch: 2 });
    worker.reply({ type: 'error', id, message: 'The rating model diverged at epoch 3 (loss NaN)' });
    const err = await training.catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('The rating model diverged at epoch 3 (loss NaN)');
    expect(seen).toEqual([1, 2]);
  });

  it('fails every pending request when the worker itself fails', async () => {
    const worker = new ScriptedWorker();
    const client = createEngineClient(worker);
    const pending = client.load('./data/');
    worker.dispatchEvent(Object.assign(new Event('error'), { message: 'SyntaxError in engine.worker.js' }));
    await expect(pending).rejects.toThrow('The engine worker failed: SyntaxError in engine.worker.js');
  });
});
