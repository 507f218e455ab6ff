// The one protocol table against what uses it: the page's calls, the worker's handlers, the client
// and the scripted double; and its shapes, which must catch an answer the worker does not give.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUESTS, REQUEST_TYPES, checkHandlers, deriveClient, messageFor, messageProblems } from '../../web/src/engine/protocol.js';
import { problems } from '../../web/src/engine/shapes.js';
import { HANDLERS, createHandler } from '../../web/src/worker/handler.js';
import { root } from './engineHarness.js';
import { FILMS, HEAT, TOY, fakeClient } from './fakeClient.js';

// Besides the requests, a client has its own bookkeeping: crash listeners, and replacing its worker.
const clientMethods = (c) => Object.keys(c).filter((k) => typeof c[k] === 'function' && !['onCrash', 'crash', 'replace'].includes(k));

/** Every `client.name(` in the page's own source: what the page really asks the worker. */
function pageCalls() {
  const names = new Set();
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory() && e.name !== 'wasm' && e.name !== 'worker') walk(p);
      else if (/\.jsx?$/.test(e.name)) for (const [, name] of readFileSync(p, 'utf8').matchAll(/\bclient\s*\.(\w+)\s*\(/g)) names.add(name);
    }
  };
  walk(path.join(root, 'web/src'));
  return names;
}

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

  it('holds every request the page sends, and the page sends every request but the test-only one', () => {
    const calls = pageCalls();
    const bookkeeping = ['onCrash', 'replace'];
    expect([...calls].filter((name) => !REQUEST_TYPES.includes(name) && !bookkeeping.includes(name))).toEqual([]);
    expect(REQUEST_TYPES.filter((type) => !calls.has(type))).toEqual(['models']); // the tests read training state with it
  });

  it("is exactly what the worker's handler answers", async () => {
    expect(() => checkHandlers(HANDLERS)).not.toThrow();
    expect(() => checkHandlers({ load() {} })).toThrow(/missing .*train/);
    expect(() => checkHandlers({ ...Object.fromEntries(REQUEST_TYPES.map((t) => [t, 1])), extra: 1 })).toThrow(
      'not in the protocol: extra',
    );
    // Asked every request before any data, the handler knows each one (it refuses for want of data, not of a handler).
    const posted = [];
    const handle = createHandler({ loadModule: async () => ({}), post: (m) => posted.push(m) });
    for (const [id, type] of ['explode', ...REQUEST_TYPES].entries()) await handle({ type, id });
    const unknown = posted.filter((m) => /Unknown request type/.test(m.message ?? '')).map((m) => m.id);
    expect(unknown).toEqual([0]);
  });

  it('catches an answer that is not the declared shape, by name', () => {
    const neighbour = { ...HEAT, score: 0.3, likedBoth: 12, otherGenre: true };
    const answer = { film: TOY, model: 'implicit', neighbours: [neighbour], likedFilm: 97, unrated: false };
    expect(messageProblems('similar', { type: 'result', result: answer })).toEqual([]);
    const { otherGenre, ...old } = neighbour;
    expect(otherGenre).toBe(true);
    expect(messageProblems('similar', { type: 'result', result: { ...answer, neighbours: [{ ...old, crossGenre: true }] } })).toEqual([
      'similar result.neighbours[0].crossGenre is not declared',
      'similar result.neighbours[0].otherGenre is undefined, not boolean',
    ]);
    expect(problems({ movieIds: [1, 2] }, { movieIds: REQUESTS.map.result.movieIds })).toEqual([
      'value.movieIds is an array, not Int32Array',
    ]);
    expect(problems(null, REQUESTS.films.result)).toEqual(['value is null, not a list of an object or null']);
    expect(problems([null, FILMS[0]], REQUESTS.films.result)).toEqual([]);
  });

  it('gives progress one shape: the stage, and for an epoch the model by name', () => {
    const epoch = { type: 'progress', id: 3, stage: 'train', model: 'implicit', epoch: 1, epochs: 10, loss: 0.5, elapsedMs: 10, etaMs: 90 };
    expect(messageProblems('train', epoch)).toEqual([]);
    expect(messageProblems('train', { ...epoch, stage: 'implicit', model: undefined })).not.toEqual([]);
    expect(messageProblems('search', epoch)).toEqual([expect.stringMatching(/^search sends no progress/)]);
    expect(messageProblems('load', { type: 'progress', id: 1, stage: 'download', files: { engine: { loaded: 5, total: null } } })).toEqual(
      [],
    );
  });

  it('is what the scripted fake client answers, and the fake refuses anything else', async () => {
    const fake = fakeClient();
    expect(() => checkHandlers(fake.answers, 'fakeClient')).not.toThrow();
    expect(clientMethods(fake).sort()).toEqual([...REQUEST_TYPES].sort());
    expect(() => fakeClient({ explode: async () => 1 })).toThrow('"explode" is not a request in the protocol');
    // Every default answer fits its declared shape (each is checked as it is given).
    for (const type of REQUEST_TYPES) {
      const args = { load: {}, loadFiles: { files: [new File(['x'], 'ml.zip')] }, film: { movieId: 1 }, films: { movieIds: [1, 99] } }[
        type
      ];
      const fallback = {
        search: { query: 'toy' },
        similar: { movieId: 1 },
        recommendFor: { ratings: [{ movieId: 1, stars: 5 }] },
        together: { members: [{ ratings: [{ movieId: 1, stars: 5 }] }, { ratings: [{ movieId: 6, stars: 4 }], seen: [34] }] },
        starters: { exclude: [] },
      };
      const more = {
        favourites: { userId: 1 },
        recommend: { userId: 1 },
        importRatings: { bytes: new Uint8Array(), fileName: 'x.csv' },
        profileCsv: { ratings: [] },
        letterboxdCsv: { films: [] },
      };
      await expect(fake[type](args ?? fallback[type] ?? more[type] ?? {}, () => {})).resolves.toBeDefined();
    }
    const wrong = fakeClient({ film: async () => ({ movieId: 1, title: 'Toy Story (1995)' }) });
    await expect(wrong.film({ movieId: 1 })).rejects.toThrow(/film result.name is undefined, not string/);
    expect(Object.isFrozen(REQUESTS)).toBe(true);
  });
});
