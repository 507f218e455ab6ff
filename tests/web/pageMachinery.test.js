// The small machinery behind a fast, honest page: work in slices sized to a budget, downloads that
// report bytes of a known total, the build noted so a returning visitor hears of an update, and
// the map's kept layout checked before it is trusted.
import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../web/src/worker/checksum.js';
import { fetchBytes } from '../../web/src/worker/fetchProgress.js';
import { makeCatalog } from '../../web/src/worker/filmCatalog.js';
import { mapEntry, mapProblem } from '../../web/src/worker/mapJob.js';
import { noteBuild, siteUpdateStore, dismissUpdate } from '../../web/src/site/siteUpdate.js';
import { runInSlices } from '../../web/src/worker/slices.js';
import { MemoryStorage } from './memoryStorage.js';

describe('runInSlices', () => {
  it('sizes each slice to the budget from how long the last one took, yielding between', async () => {
    let clock = 0;
    let done = 0;
    const asked = [];
    let yields = 0;
    const r = await runInSlices(
      (units) => {
        asked.push(units);
        clock += units * 0.5; // half a millisecond a unit
        done += units;
        return Math.min(1, done / 200);
      },
      { yieldToLoop: async () => void yields++, now: () => clock, budgetMs: 4, first: 1 },
    );
    expect(r.stopped).toBe(false);
    expect(asked.slice(0, 3)).toEqual([1, 4, 8]); // grows at most fourfold, then settles on 8 units = 4 ms
    expect(Math.max(...asked)).toBe(8);
    expect(r.longestMs).toBe(4);
    expect(yields).toBe(r.slices);
  });

  it('stops between slices when told to', async () => {
    let n = 0;
    const r = await runInSlices(() => 0.1, { yieldToLoop: async () => {}, now: () => 0, stopped: () => ++n > 3 });
    expect(r).toMatchObject({ stopped: true, slices: 3 });
  });
});

describe('fetchBytes', () => {
  const serve = (bytes, headers = {}) => {
    globalThis.fetch = async () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(bytes.subarray(0, 3));
            c.enqueue(bytes.subarray(3));
            c.close();
          },
        }),
        { headers },
      );
  };

  it('reports bytes as they arrive, of the size the build knows (a gzip response cannot say)', async () => {
    serve(new Uint8Array([1, 2, 3, 4, 5]), { 'content-encoding': 'gzip', 'content-length': '4' });
    const seen = [];
    const bytes = await fetchBytes('/data/x.csv', { onProgress: (l, t) => seen.push([l, t]), expected: 5 });
    expect(Array.from(bytes)).toEqual([1, 2, 3, 4, 5]);
    expect(seen).toEqual([
      [0, 5],
      [3, 5],
      [5, 5],
    ]);
  });

  it('falls back on Content-Length when nothing is known and the body is not compressed, else no total', async () => {
    serve(new Uint8Array([1, 2, 3, 4]), { 'content-length': '4' });
    const seen = [];
    await fetchBytes('/x', { onProgress: (l, t) => seen.push(t) });
    expect(seen.at(-1)).toBe(4);
    serve(new Uint8Array([1, 2, 3, 4]), { 'content-encoding': 'gzip', 'content-length': '3' });
    const unknown = [];
    await fetchBytes('/x', { onProgress: (l, t) => unknown.push(t) });
    expect(unknown.at(-1)).toBeNull();
  });

  it('names the file in a failure', async () => {
    globalThis.fetch = async () => new Response('gone', { status: 404 });
    await expect(fetchBytes('/data/ratings.csv')).rejects.toThrow('Could not download ratings.csv (HTTP 404)');
  });
});

describe('noteBuild', () => {
  it('says nothing on a first visit, and "updated" when this browser last ran another build', () => {
    const storage = new MemoryStorage();
    noteBuild(storage, 'aaa');
    expect(siteUpdateStore.get().updatedSinceLastVisit).toBe(false);
    noteBuild(storage, 'aaa');
    expect(siteUpdateStore.get().updatedSinceLastVisit).toBe(false);
    noteBuild(storage, 'bbb');
    expect(siteUpdateStore.get().updatedSinceLastVisit).toBe(true);
    dismissUpdate();
    expect(siteUpdateStore.get().updatedSinceLastVisit).toBe(false);
    expect(storage.getItem('reel.build')).toBe('bbb');
  });
});

describe('a kept map', () => {
  const raw = {
    movieIds: Int32Array.from([1, 2, 3]),
    titles: { bytes: new TextEncoder().encode('abc'), offsets: Uint32Array.from([0, 1, 2, 3]) },
    names: { bytes: new TextEncoder().encode('abc'), offsets: Uint32Array.from([0, 1, 2, 3]) },
    aliases: { bytes: new Uint8Array(0), offsets: Uint32Array.from([0, 0, 0, 0]) },
    years: Int16Array.from([2000, 2001, 2002]),
    genres: Uint32Array.from([1, 2, 3]),
    genreNames: ['A', 'B'],
    counts: Int32Array.from([10, 20, 30]),
  };
  const catalog = makeCatalog(raw);
  const layout = { movieIds: Int32Array.from([1, 3]), xy: Float32Array.from([0, 1, 2, 3]), figures: { map: 0.2, pca: 0.05, random: 0.01 } };
  const ok = mapEntry(layout, { key: 'k1', engineVersion: 'e1' });
  const check = (entry) => mapProblem(entry, { key: 'k1', engineVersion: 'e1', catalog });

  it('is trusted only for the same models, engine and catalogue, undamaged', () => {
    expect(ok.sum).toBe(fnv1a(layout.movieIds, layout.xy));
    expect(check(ok)).toBeNull();
    expect(check({ ...ok, key: 'k2' })).toMatch(/other models/);
    expect(check({ ...ok, engine: 'e0' })).toMatch(/earlier engine/);
    expect(check({ ...ok, xy: Float32Array.from([0, 1, 2, 4]) })).toMatch(/damaged/);
    expect(check(mapEntry({ ...layout, movieIds: Int32Array.from([1, 9]) }, { key: 'k1', engineVersion: 'e1' }))).toMatch(/lacks/);
    expect(check(mapEntry({ ...layout, xy: Float32Array.from([0, 1, 2]) }, { key: 'k1', engineVersion: 'e1' }))).toMatch(/not a layout/);
    expect(check(mapEntry({ ...layout, figures: { map: 2, pca: 0, random: 0 } }, { key: 'k1', engineVersion: 'e1' }))).toMatch(/shares/);
  });
});
