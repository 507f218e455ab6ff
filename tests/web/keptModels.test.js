// Trained once, kept: the real engine in Node behind the worker's handler, with the model cache in
// memory. Search before the ratings arrive; a second visit restores instead of training and answers
// the same; a damaged, foreign or other-engine entry is refused and replaced; "retrain here"
// trains even so; the evaluation runs in slices that let a search through; the map is laid out with
// progress, kept, and a damaged kept map is laid out again.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryModelCache } from '../../web/src/modelCache.js';
import { dataDir, engineClient } from './engineHarness.js';

let dataUrl;
const cache = memoryModelCache();
let first; // { client, loaded, trained, kept, progress }

/** A client whose worker keeps models in `store`, as one tab of the page would. */
async function visit(store, { engineVersion = 'build-1', fresh = false } = {}) {
  const { client } = engineClient({ cache: store, engineVersion });
  const progress = [];
  const loaded = await client.load({ dataUrl }, (p) => progress.push(p));
  const trained = await client.train({ fresh }, (p) => progress.push(p));
  return { client, loaded, trained, progress };
}

const similarIds = async (client) => (await client.similar({ movieId: 1, k: 10 })).neighbours.map((n) => [n.movieId, n.score]);

beforeAll(async () => {
  dataUrl = `${dataDir()}/`;
  first = await visit(cache);
  first.kept = await first.client.keep();
}, 300_000);

describe('the first visit', () => {
  it('reports the download by file, then parses', () => {
    const stages = first.progress.map((p) => p.stage);
    expect(stages[0]).toBe('download');
    expect(stages.indexOf('parse')).toBeGreaterThan(stages.lastIndexOf('download'));
    // (Bytes per file are the browser's fetch's to report: fetchProgress.js, pageMachinery.test.js.)
  });

  it('trains, then keeps every model under the engine’s key', async () => {
    expect(first.trained.restored).toBeNull();
    expect(first.progress.some((p) => p.stage === 'implicit' && p.epoch === 1)).toBe(true);
    expect(first.kept).toMatchObject({ kept: true, restored: false });
    expect(first.kept.bytes).toBeGreaterThan(1_000_000);
    const [entry] = cache.models.values();
    expect(entry.key).toMatch(/^[0-9a-f]{16}$/);
    expect(entry.engine).toBe('build-1');
    expect(entry.bytes.length).toBe(first.kept.bytes);
    expect(Object.keys(entry.trainMs).sort()).toEqual(['implicit', 'ranking', 'rating']);
  });
});

describe('search before the ratings arrive', () => {
  it('answers from the films alone while ratings.csv is still on its way, with no counts yet', async () => {
    let release;
    const held = new Promise((r) => {
      release = r;
    });
    const { client } = engineClient({
      fetchBytes: async (file) => {
        if (file.endsWith('ratings.csv')) await held;
        return new Uint8Array(await readFile(file));
      },
    });
    let searched = null;
    let described = null;
    const loading = client.load({ dataUrl }, (p) => {
      if (p.stage !== 'catalog') return;
      described = p; // the page lays itself out by this: the registry, the choices, the years
      searched = client.search({ query: 'toy story' });
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(searched).not.toBeNull();
    const hits = await searched;
    expect(hits[0]).toMatchObject({ movieId: 1, name: 'Toy Story', ratings: null });
    expect(described.models.map((m) => m.name)).toEqual(['rating', 'ranking', 'implicit']);
    expect(described.choices.neighbours).toBe('implicit');
    expect(described.years.max).toBe(2018);
    await expect(client.viewers()).rejects.toThrow(/ratings are still loading/);
    release();
    const loaded = await loading;
    expect(loaded.stats.ratings).toBe(100836);
    expect((await client.search({ query: 'toy story' }))[0].ratings).toBeGreaterThan(100);
  }, 60_000);
});

describe('a return visit', () => {
  it('restores the kept models instead of training, and answers exactly as the trained ones', async () => {
    const again = await visit(cache);
    expect(again.trained.restored).toMatchObject({ savedAt: expect.any(Number) });
    expect(again.trained.trainMs).toEqual([...cache.models.values()][0].trainMs);
    expect(again.progress.some((p) => p.stage === 'restore')).toBe(true);
    expect(again.progress.some((p) => Number.isInteger(p.epoch))).toBe(false); // not one epoch trained
    expect((await again.client.models()).every((m) => m.epochsDone === m.epochs)).toBe(true);
    expect(await similarIds(again.client)).toEqual(await similarIds(first.client));
    expect(await again.client.keep()).toEqual({ kept: true, restored: true }); // nothing to write again
  }, 120_000);

  it.each([
    ['damaged (a flipped byte)', (e) => ({ ...e, bytes: Object.assign(e.bytes.slice(), { [4000]: e.bytes[4000] ^ 1 }) }), /damaged/],
    ['kept under another key', (e) => ({ ...e, key: '0000000000000000' }), /other data or with other settings/],
    ['from another engine build', (e) => ({ ...e, engine: 'build-0' }), /earlier version of the engine/],
    ['not a model at all', (e) => ({ ...e, bytes: new TextEncoder().encode('hello') }), /not a saved Reel model/],
  ])('ignores an entry %s, trains, and replaces it', async (_, spoil, reason) => {
    const store = memoryModelCache();
    const [good] = cache.models.values();
    await store.writeModels(spoil(structuredClone(good)));
    const v = await visit(store);
    expect(v.trained.restored).toBeNull();
    expect(v.trained.discarded).toMatch(reason);
    expect(store.models.size).toBe(0); // set aside at once, never tried again
    expect(v.progress.some((p) => p.stage === 'implicit')).toBe(true);
    await v.client.keep();
    const [replaced] = store.models.values();
    expect(replaced.key).toBe(good.key);
    expect(Buffer.compare(Buffer.from(replaced.bytes), Buffer.from(good.bytes))).toBe(0); // the same models, bit for bit
  }, 120_000);

  it('retrains here when asked, though models are kept', async () => {
    const v = await visit(cache, { fresh: true });
    expect(v.trained.restored).toBeNull();
    expect(v.progress.filter((p) => p.stage === 'rating').length).toBe(v.loaded.models.find((m) => m.name === 'rating').epochs);
  }, 120_000);
});

describe('after ready', () => {
  it('measures in slices: a search sent meanwhile is answered before the figures', async () => {
    const { client } = first;
    const shares = [];
    const order = [];
    const figures = client.evaluate({}, (p) => shares.push(p.share)).then(() => order.push('evaluate'));
    await new Promise((r) => setTimeout(r, 20));
    const search = client.search({ query: 'heat' }).then(() => order.push('search'));
    await Promise.all([figures, search]);
    expect(order).toEqual(['search', 'evaluate']);
    expect(shares.length).toBeGreaterThan(3);
    expect(shares.at(-1)).toBe(1);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeGreaterThan(shares[i - 1]);
  }, 120_000);

  it('lays out the map with progress, keeps it, and a second visit gets the same layout from the cache', async () => {
    const epochs = [];
    const map = await first.client.map({}, (p) => epochs.push(p.epoch));
    expect(map.fromCache).toBe(false);
    expect(map.movieIds.length).toBeGreaterThan(1500);
    expect(map.xy.length).toBe(2 * map.movieIds.length);
    expect(map.names[map.movieIds.indexOf(1)]).toBe('Toy Story');
    expect(map.figures.map).toBeGreaterThan(map.figures.pca);
    expect(map.figures.pca).toBeGreaterThan(map.figures.random);
    expect(epochs.at(-1)).toBe(500);
    expect(epochs.length).toBeGreaterThan(5);
    expect(cache.maps.size).toBe(1);

    const again = await visit(cache);
    const kept = await again.client.map({});
    expect(kept.fromCache).toBe(true);
    expect(Array.from(kept.xy)).toEqual(Array.from(map.xy));
    expect(kept.figures).toEqual(map.figures);
  }, 120_000);

  it('lays the map out again when the kept one is damaged', async () => {
    const [entry] = cache.maps.values();
    entry.xy[10] += 1;
    const v = await visit(cache);
    const map = await v.client.map({});
    expect(map.fromCache).toBe(false);
    expect(map.xy[10]).toBe(entry.xy[10] - 1);
  }, 120_000);
});
