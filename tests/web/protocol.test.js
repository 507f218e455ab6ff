// The one protocol table holds the real client, the worker's handler and the test double together.
import { describe, expect, it } from 'vitest';
import { createEngineClient } from '../../web/src/engine/engineClient.js';
import { REQUESTS, REQUEST_TYPES, checkHandlers, deriveClient, messageFor } from '../../web/src/engine/protocol.js';
import { createHandler } from '../../web/src/worker/workerHandler.js';
import { fakeClient } from './fakeClient.js';

// Besides the requests, a client has its own bookkeeping: crash listeners, and replacing its worker.
const clientMethods = (c) => Object.keys(c).filter((k) => typeof c[k] === 'function' && !['onCrash', 'crash', 'replace'].includes(k));

describe('the protocol table', () => {
  it('puts only the declared fields on the wire', () => {
    expect(messageFor('similar', { movieId: 1, k: 10, model: 'implicit', filter: undefined })).toEqual({
      type: 'similar',
      movieId: 1,
      k: 10,
      model: 'implicit',
    });
    expect(() => messageFor('similar', { movieID: 1 })).toThrow('similar takes movieId, k, model, filter, not movieID');
    expect(() => messageFor('explode')).toThrow('Unknown request type "explode"');
  });

  it('gives a derived client one method per request, and progress only where the table allows it', async () => {
    const sent = [];
    const client = deriveClient(async (type, message, onProgress) => sent.push([type, message, typeof onProgress]));
    expect(clientMethods(client).sort()).toEqual([...REQUEST_TYPES].sort());
    await client.train({}, () => {});
    await client.search({ query: 'heat' }, () => {});
    expect(sent).toEqual([
      ['train', { type: 'train' }, 'function'],
      ['search', { type: 'search', query: 'heat' }, 'undefined'],
    ]);
    await expect(client.search({ q: 'heat' })).rejects.toThrow('search takes query, k, not q');
  });

  it('is exactly what the real client offers', () => {
    expect(clientMethods(createEngineClient(() => ({ postMessage() {}, addEventListener() {} }))).sort()).toEqual(
      [...REQUEST_TYPES].sort(),
    );
  });

  it("is exactly what the worker's handler answers (it checks itself when created)", () => {
    expect(() => createHandler({ loadModule: async () => ({}), post() {} })).not.toThrow();
    expect(() => checkHandlers({ load() {} })).toThrow(/missing .*train/);
    expect(() => checkHandlers({ ...Object.fromEntries(REQUEST_TYPES.map((t) => [t, 1])), extra: 1 })).toThrow(
      'not in the protocol: extra',
    );
  });

  it('is exactly what the scripted fake client answers, and the fake refuses anything else', () => {
    const fake = fakeClient();
    expect(() => checkHandlers(fake.answers, 'fakeClient')).not.toThrow();
    expect(clientMethods(fake).sort()).toEqual([...REQUEST_TYPES].sort());
    expect(() => fakeClient({ explode: async () => 1 })).toThrow('"explode" is not a request in the protocol');
    expect(Object.isFrozen(REQUESTS)).toBe(true);
  });
});
