// Trained once, kept: the real engine in Node behind the worker's handler, with the model cache in
// memory. Search before the ratings arrive; a second visit restores instead of training and answers
// the same; a damaged, foreign or other-engine entry is refused and replaced; "retrain here"
// trains even so; the evaluation runs in slices that let a search through; the map is laid out with
// progress, kept, and a damaged kept map is laid out again. The cache's two slots (the bundled
// MovieLens's models and a dropped one's), in memory and over IndexedDB.
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexedDbModelCache, memoryModelCache } from '../../web/src/storage/modelCache.js';
import { engineClient, generatedSiteData, siteData } from './engineHarness.js';

let dataUrl;
const cache = memoryModelCache();
let first; // { client, loaded, trained, kept, progress }

/** A client whose worker keeps models in `store`, as one tab of the page would. */
async function visit(store, { engineVersion = 'build-1', fresh = false, data = dataUrl } = {}) {
  const { client } = engineClient({ cache: store, engineVersion });
  const progress = [];
  const loaded = await client.load({ dataUrl: data }, (p) => progress.push(p));
  const trained = await client.train({ fresh }, (p) => progress.push(p));
  return { client, loaded, trained, progress };
}

const similarIds = async (client) => (await client.similar({ movieId: 1, k: 10 })).neighbours.map((n) => [n.movieId, n.score]);

beforeAll(async () => {
  dataUrl = siteData();
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
    expect(first.progress.some((p) => p.stage === 'train' && p.model === 'implicit' && p.epoch === 1)).toBe(true);
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
  it('answers from the films alone while the packed ratings are still on their way, with no counts yet', async () => {
    let release;
    const held = new Promise((r) => {
      release = r;
    });
    const { client } = engineClient({
      // The packed data arrives in two pieces, as a download would: all but its last kilobyte (the
      // films, and most of the ratings), then, once released, the rest.
      fetchBytes: async (file, { onChunk, gzipped } = {}) => {
        const bytes = new Uint8Array(await readFile(file));
        if (!gzipped) return bytes;
        const unzipped = new Uint8Array(gunzipSync(bytes));
        const cut = unzipped.length - 1000;
        onChunk(unzipped.subarray(0, cut));
        await held;
        onChunk(unzipped.subarray(cut));
        return unzipped;
      },
    });
    let filmsIn;
    const catalogue = new Promise((resolve) => {
      filmsIn = resolve;
    });
    const loading = client.load({ dataUrl }, (p) => {
      // The page lays itself out by this: the registry, the choices, the years; and search works.
      if (p.stage === 'catalogue') filmsIn({ described: p, searched: client.search({ query: 'toy story' }) });
    });
    const { described, searched } = await catalogue;
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
});

// Each case trains again, so on generated data, where that takes a fraction of a second: what is
// checked is the kept entry's checks, which do not depend on the data.
describe('a kept entry that cannot be used', () => {
  let small;
  const kept = memoryModelCache();
  beforeAll(async () => {
    small = generatedSiteData();
    await (await visit(kept, { data: small })).client.keep();
  }, 120_000);
  afterAll(() => rmSync(small, { recursive: true, force: true }));

  it.each([
    ['damaged (a flipped byte)', (e) => ({ ...e, bytes: Object.assign(e.bytes.slice(), { [4000]: e.bytes[4000] ^ 1 }) }), /damaged/],
    ['kept under another key', (e) => ({ ...e, key: '0000000000000000' }), /other data or with other settings/],
    ['from another engine build', (e) => ({ ...e, engine: 'build-0' }), /earlier version of the engine/],
    ['not a model at all', (e) => ({ ...e, bytes: new TextEncoder().encode('hello') }), /not a saved Reel model/],
    // Issue 24: the times reach the page as they are, so a kept value of another shape is set aside too.
    ['whose training times are not numbers', (e) => ({ ...e, trainMs: { implicit: 'fast' } }), /not a saved model/],
    ['whose saving time is not a number', (e) => ({ ...e, savedAt: null }), /not a saved model/],
  ])(
    'ignores an entry %s, trains, and replaces it',
    async (_, spoil, reason) => {
      const store = memoryModelCache();
      const [good] = kept.models.values();
      await store.writeModels(spoil(structuredClone(good)));
      const v = await visit(store, { data: small });
      expect(v.trained.restored).toBeNull();
      expect(v.trained.discarded).toMatch(reason);
      expect(store.models.size).toBe(0); // set aside at once, never tried again
      expect(v.progress.some((p) => p.model === 'implicit')).toBe(true);
      await v.client.keep();
      const [replaced] = store.models.values();
      expect(replaced.key).toBe(good.key);
      expect(Buffer.compare(Buffer.from(replaced.bytes), Buffer.from(good.bytes))).toBe(0); // the same models, bit for bit
    },
    120_000,
  );

  it('retrains here when asked, though models are kept', async () => {
    const v = await visit(kept, { fresh: true, data: small });
    expect(v.trained.restored).toBeNull();
    expect(v.progress.filter((p) => p.model === 'rating').length).toBe(v.loaded.models.find((m) => m.name === 'rating').epochs);
  }, 120_000);
});

describe('after ready', () => {
  it('measures in slices: a search sent meanwhile is answered before the figures', async () => {
    const { client } = first;
    const shares = [];
    const order = [];
    let sliceDone;
    const firstSlice = new Promise((resolve) => {
      sliceDone = resolve;
    });
    const figures = client
      .evaluate({}, (p) => {
        shares.push(p.share);
        sliceDone();
      })
      .then(() => order.push('evaluate'));
    await firstSlice; // the measuring is under way: a search sent now must not wait for its end
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
    const laidOut = entry.xy[10];
    entry.xy[10] += 1;
    const v = await visit(cache);
    const map = await v.client.map({});
    expect(map.fromCache).toBe(false);
    expect(map.xy[10]).toBe(laidOut); // (not entry.xy[10] − 1: a float32's + 1 − 1 need not round-trip)
  }, 120_000);
});

// The cache itself, slot by slot: the bundled MovieLens's models and a dropped one's kept apart, each
// map kept while some kept models need it. In memory, and over IndexedDB (a stand-in below, enough
// of IndexedDB for modelCache.js: ordered requests, transactions that complete, version upgrades).
const entry = (key, savedAt = 1) => ({
  key,
  engine: 'build-1',
  bytes: new Uint8Array([savedAt, 2, 3]),
  trainMs: { implicit: savedAt },
  savedAt,
});
const mapOf = (key) => ({
  key,
  engine: 'build-1',
  movieIds: Int32Array.from([1, 2]),
  xy: Float32Array.from([0, 0, 1, 1]),
  figures: {},
  sum: 7,
  savedAt: 1,
});

class FakeIndexedDb {
  constructor(databases = {}) {
    // name → { version, stores: Map(store → Map(key → value)) }
    this.databases = new Map(Object.entries(databases));
    this.opened = [];
    this.held = new Set(); // stores another connection holds: a transaction over one never begins
    this.transactions = [];
  }

  open(name, version) {
    const r = {};
    setTimeout(() => {
      const db = this.databases.get(name) ?? { version: 0, stores: new Map() };
      this.databases.set(name, db);
      this.opened.push(version);
      r.result = this.connection(db);
      if (version > db.version) {
        db.version = version;
        r.onupgradeneeded?.();
      }
      r.onsuccess?.();
    }, 0);
    return r;
  }

  connection(db) {
    return {
      objectStoreNames: { contains: (n) => db.stores.has(n) },
      createObjectStore: (n) => db.stores.set(n, new Map()),
      transaction: (names, mode) => {
        const scope = [].concat(names);
        for (const n of scope) if (!db.stores.has(n)) throw new DOMException(`no object store ${n}`, 'NotFoundError');
        const tx = {};
        let pending = 0;
        let done = false;
        const settle = () =>
          setTimeout(() => {
            if (pending === 0 && !done) {
              done = true;
              tx.oncomplete?.();
            }
          }, 0);
        // Each request takes effect at once, in the order made; its answer comes as a later task.
        const held = scope.some((n) => this.held.has(n));
        const request = (f) => {
          const r = {};
          if (held) return r; // never answered: the transaction waits for the stores
          pending += 1;
          const value = f();
          setTimeout(() => {
            r.result = value;
            pending -= 1;
            r.onsuccess?.({ target: r });
            settle();
          }, 0);
          return r;
        };
        const writable = () => {
          if (mode !== 'readwrite') throw new DOMException('read-only transaction', 'ReadOnlyError');
        };
        tx.objectStore = (n) => {
          if (!scope.includes(n)) throw new DOMException(`${n} is not in this transaction`, 'NotFoundError');
          const s = db.stores.get(n);
          return {
            getAll: () => request(() => [...s.values()].map((v) => structuredClone(v))),
            get: (k) => request(() => structuredClone(s.get(k))),
            getAllKeys: () => request(() => [...s.keys()]),
            count: () => request(() => s.size),
            put: (v) => (writable(), request(() => (s.set(v.key, structuredClone(v)), v.key))),
            clear: () => (writable(), request(() => s.clear())),
            delete: (k) => (writable(), request(() => s.delete(k))),
          };
        };
        tx.abort = () => {
          done = true;
          tx.aborted = true;
        };
        if (!held) settle();
        this.transactions.push(tx);
        return tx;
      },
    };
  }
}

describe.each([
  ['in memory', () => memoryModelCache()],
  ['over IndexedDB', () => indexedDbModelCache(new FakeIndexedDb())],
])('the model cache %s', (_, make) => {
  it('keeps the bundled and the dropped MovieLens’s models apart', async () => {
    const c = make();
    expect(await c.readModels('dropped')).toBeNull();
    expect(await c.writeModels(entry('bundled-1'))).toBe(true); // the bundled slot by default
    expect(await c.writeModels(entry('dropped-1'), 'dropped')).toBe(true);
    expect(await c.readModels()).toEqual(entry('bundled-1'));
    expect(await c.readModels('bundled')).toEqual(entry('bundled-1'));
    expect(await c.readModels('dropped')).toEqual(entry('dropped-1'));
  });

  it('keeps one entry per slot: the newest replaces the last, and the other slot stays', async () => {
    const c = make();
    await c.writeModels(entry('bundled-1'));
    await c.writeModels(entry('dropped-1', 1), 'dropped');
    await c.writeModels(entry('dropped-2', 2), 'dropped');
    expect(await c.readModels('dropped')).toEqual(entry('dropped-2', 2));
    expect(await c.readModels('bundled')).toEqual(entry('bundled-1'));
  });

  it('forgets one slot only', async () => {
    const c = make();
    await c.writeModels(entry('bundled-1'));
    await c.writeModels(entry('dropped-1'), 'dropped');
    expect(await c.forget('dropped')).toBe(true);
    expect(await c.readModels('dropped')).toBeNull();
    expect(await c.readModels('bundled')).toEqual(entry('bundled-1'));
    await c.forget();
    expect(await c.readModels('bundled')).toBeNull();
  });

  it('keeps a map while either slot’s models need it, and drops it with them', async () => {
    const c = make();
    await c.writeModels(entry('bundled-1'));
    await c.writeModels(entry('dropped-1'), 'dropped');
    await c.writeMap(mapOf('bundled-1'));
    await c.writeMap(mapOf('dropped-1'));
    expect(await c.readMap('bundled-1')).toEqual(mapOf('bundled-1'));
    expect(await c.readMap('dropped-1')).toEqual(mapOf('dropped-1'));

    await c.writeModels(entry('dropped-2', 2), 'dropped'); // other dropped data: its old map goes
    expect(await c.readMap('dropped-1')).toBeNull();
    expect(await c.readMap('bundled-1')).toEqual(mapOf('bundled-1'));

    await c.forget('bundled');
    expect(await c.readMap('bundled-1')).toBeNull();
  });
});

describe('the model cache over IndexedDB', () => {
  it('opens a version 1 database (the bundled slot only) and keeps its models', async () => {
    const v1 = {
      version: 1,
      stores: new Map([
        ['models', new Map([['old', entry('old')]])],
        ['maps', new Map([['old', mapOf('old')]])],
      ]),
    };
    const idb = new FakeIndexedDb({ reel: v1 });
    const c = indexedDbModelCache(idb);
    expect(await c.readModels('bundled')).toEqual(entry('old'));
    expect(await c.readMap('old')).toEqual(mapOf('old'));
    expect(await c.readModels('dropped')).toBeNull();
    expect(await c.writeModels(entry('dropped-1'), 'dropped')).toBe(true);
    expect(await c.readModels('bundled')).toEqual(entry('old'));
    expect(idb.databases.get('reel').version).toBeGreaterThan(1);
  });

  it('gives up a read whose transaction never begins (another page holds the stores), so the page trains', async () => {
    const idb = new FakeIndexedDb();
    const c = indexedDbModelCache(idb, { stalledMs: 20 });
    await c.writeModels(entry('bundled-1'));
    await c.writeMap(mapOf('bundled-1'));
    idb.held = new Set(['models', 'maps']); // a write frozen with its page in the back/forward cache
    expect(await c.readModels()).toBeNull();
    expect(await c.readMap('bundled-1')).toBeNull();
    expect(idb.transactions.slice(-2).map((tx) => tx.aborted)).toEqual([true, true]); // not left queued behind the lock
    idb.held.clear();
    expect(await c.readModels()).toEqual(entry('bundled-1'));
    expect(await c.readMap('bundled-1')).toEqual(mapOf('bundled-1'));
  });

  it('resolves rather than throws: no IndexedDB, or a slot that does not exist', async () => {
    const none = indexedDbModelCache(null);
    expect(await none.readModels('dropped')).toBeNull();
    expect(await none.writeModels(entry('x'), 'dropped')).toBe(false);
    const c = indexedDbModelCache(new FakeIndexedDb());
    expect(await c.writeModels(entry('x'), 'elsewhere')).toBe(false);
    expect(await c.forget('elsewhere')).toBe(false);
    await expect(c.readModels('elsewhere')).resolves.toBeNull(); // a promise that resolves, never a throw
  });
});

describe('the model cache in memory', () => {
  it('refuses a slot that does not exist, so a test cannot write where the page never reads', async () => {
    const c = memoryModelCache();
    await expect(c.writeModels(entry('x'), 'elsewhere')).rejects.toThrow(/no model slot named "elsewhere"/);
  });
});
