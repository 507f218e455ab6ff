// A MovieLens dropped on the page, through the worker's handler and the real wasm engine: a zip or
// loose CSVs of generated MovieLens-shaped data (planted taste groups) loaded with its bytes and
// stages reported; its films, viewers and neighbours answered from it; IMDb imports through its own
// links.csv or none; its models kept in a slot of their own; a refused or broken drop leaving the
// data before it in use; and `load` bringing the bundled MovieLens back.
// The handler is driven directly: Node's structuredClone drops a File's name (a browser's keeps it),
// so the in-process worker of engineHarness.js would hand the handler nameless Blobs.
import { beforeAll, describe, expect, it } from 'vitest';
import { memoryModelCache } from '../../web/src/storage/modelCache.js';
import { createHandler } from '../../web/src/worker/handler.js';
import { declaredOrError, fileFetch, loadReel, siteData } from './engineHarness.js';
import { syntheticMovieLens } from './syntheticMovieLens.js';
import { claimSize, makeZip, text } from './zipFixtures.js';

const data = syntheticMovieLens();
const zip = makeZip({ 'ml-synth/movies.csv': data.movies, 'ml-synth/ratings.csv': data.ratings, 'ml-synth/README.txt': 'generated' });
const zipWithLinks = makeZip({
  'ml-synth/movies.csv': data.movies,
  'ml-synth/ratings.csv': data.ratings,
  'ml-synth/links.csv': data.links,
});
const asFile = (bytes, name) => new File([bytes], name);
const ratingsPerUser = (() => {
  const n = new Map();
  for (const line of data.ratings.trim().split('\n').slice(1)) {
    const user = Number(line.split(',')[0]);
    n.set(user, (n.get(user) ?? 0) + 1);
  }
  return n;
})();

/** An IMDb "Your ratings" export rating `rows` ([imdbId, 1–10, title, year]), in IMDb's columns. */
function imdbExport(rows) {
  const header =
    'Const,Your Rating,Date Rated,Title,Original Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres,Num Votes,Release Date,Directors';
  const lines = rows.map(
    ([id, r, title, year]) =>
      `tt${id},${r},2024-01-05,${title},${title},https://www.imdb.com/title/tt${id}/,Movie,7.1,100,${year},Drama,1000,${year}-01-01,Someone`,
  );
  return text(`${[header, ...lines].join('\n')}\n`);
}

/** The handler as the worker runs it, asked directly; answers come back with their progress. */
function worker(deps = {}) {
  const sent = [];
  const fetched = [];
  const waiting = new Map();
  const types = new Map(); // request id → type, to check each answer against the protocol table
  const listeners = new Map(); // request id → what hears its progress
  let next = 0;
  const handle = createHandler({
    loadModule: loadReel,
    yieldToLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
    fetchBytes: fileFetch(fetched),
    ...deps,
    post: (posted) => {
      const message = declaredOrError(types, posted);
      sent.push(message);
      if (message.type === 'progress') listeners.get(message.id)?.(message);
      else waiting.get(message.id)?.(message);
    },
  });
  const ask = (type, fields = {}, onProgress = null) => {
    const id = ++next;
    types.set(id, type);
    if (onProgress) listeners.set(id, onProgress);
    const answered = new Promise((resolve) => waiting.set(id, resolve));
    handle({ type, id, ...fields });
    return answered.then((m) => ({ ...m, progress: sent.filter((s) => s.type === 'progress' && s.id === id) }));
  };
  const result = async (type, fields) => {
    const m = await ask(type, fields);
    if (m.type !== 'result') throw new Error(`${type} failed: ${m.message}`);
    return m.result;
  };
  const refused = async (type, fields) => {
    const m = await ask(type, fields);
    expect(m.type, `${type} should have been refused`).toBe('error');
    return m;
  };
  return { ask, result, refused, fetched };
}

const groupShare = (movieId, neighbours) =>
  neighbours.filter((n) => data.groupOf(n.movieId) === data.groupOf(movieId)).length / neighbours.length;

let dataUrl;
beforeAll(() => {
  dataUrl = siteData();
});

describe('a dropped zip', () => {
  let w;
  let loaded;
  let progress;
  beforeAll(async () => {
    w = worker();
    await w.result('load', { dataUrl }); // the bundled MovieLens first, as the page does
    const m = await w.ask('loadFiles', { files: [asFile(zip, 'ml-synth.zip')] });
    loaded = m.result;
    progress = m.progress;
  }, 60_000);

  it('is loaded whole: its stats are those of the data', () => {
    expect(loaded.stats).toMatchObject({ users: data.users, films: data.films, ratings: data.count, duplicates: 0 });
    expect(loaded.stats.train + loaded.stats.test).toBe(data.count);
    expect(loaded.stats.test).toBeGreaterThan(0);
    expect(loaded.source).toMatchObject({ name: 'ml-synth.zip', links: false, ratingsBytes: text(data.ratings).length });
    expect(loaded.models.every((m) => m.epochsDone === 0)).toBe(true);
    expect(loaded.genreNames).toEqual(expect.arrayContaining(['Action', 'Comedy', 'Drama', 'Horror', 'Romance']));
    expect(loaded.years).toEqual({ min: 1950, max: 1950 + 68 });
  });

  it('reports unzipping, then the parse with its size', () => {
    const stages = progress.map((p) => p.stage);
    expect(stages[0]).toBe('unzip');
    expect(stages.at(-1)).toBe('parse');
    const parse = progress.at(-1);
    expect(parse).toMatchObject({ source: 'ml-synth.zip', bytes: text(data.ratings).length });
    expect(parse.estimateMs).toBeGreaterThan(0);
    const unzip = progress.filter((p) => p.stage === 'unzip');
    expect(unzip.at(-1).loaded).toBe(unzip.at(-1).total);
  });

  it('answers searches and film look-ups from its own films, not the bundled ones', async () => {
    const hits = await w.result('search', { query: 'Film 17' });
    expect(hits[0]).toMatchObject({ movieId: 17, name: 'Film 17', year: 1966 });
    expect((await w.result('search', { query: 'toy story' })).some((f) => f.name === 'Toy Story')).toBe(false);
    const films = await w.result('films', { movieIds: Array.from({ length: data.films }, (_, i) => i + 1) });
    expect(films.every((f) => f !== null)).toBe(true);
    expect(films.reduce((a, f) => a + f.ratings, 0)).toBe(loaded.stats.train); // counts are the training ratings
    expect(films[16].genres).toEqual([['Action', 'Comedy', 'Drama', 'Horror', 'Romance'][data.groupOf(17)]]);
    expect((await w.ask('film', { movieId: data.films + 1 })).message).toMatch(/No film with movieId/);
  });

  it('lists its own viewers with their numbers of ratings', async () => {
    const viewers = await w.result('viewers');
    expect(viewers).toHaveLength(data.users);
    for (const v of viewers) expect(v.ratings).toBe(ratingsPerUser.get(v.userId));
  });

  it('trains, and its neighbours find the planted taste groups', async () => {
    const trained = await w.result('train');
    expect(trained.cancelled).toBe(false);
    expect(trained.models.every((m) => m.epochsDone === m.epochs)).toBe(true);
    for (const movieId of [1, 3, 17]) {
      const { neighbours } = await w.result('similar', { movieId, k: 10 });
      expect(neighbours).toHaveLength(10);
      expect(groupShare(movieId, neighbours), `films like ${movieId}`).toBeGreaterThanOrEqual(0.8);
    }
    const next = await w.result('recommendFor', { ratings: [2, 7, 12, 22].map((movieId) => ({ movieId, stars: 5 })), k: 10 });
    expect(next.films.filter((f) => data.groupOf(f.movieId) === data.groupOf(2)).length).toBeGreaterThanOrEqual(8);
  });

  it('has no links.csv: an IMDb export says so, and matches nothing through the bundled one', async () => {
    const r = await w.result('importRatings', {
      bytes: imdbExport([
        ['9000017', 8, 'Film 17', 1966],
        ['0114709', 10, 'Toy Story', 1995],
      ]),
      fileName: 'imdb.csv',
    });
    expect(r.format).toBe('IMDb');
    expect(r).toMatchObject({ noLinks: true, linksFailed: false }); // it has none: nothing failed to download
    expect(r.matched).toEqual([]);
    expect(r.unmatched).toHaveLength(2);
    // Issue 24: named as the missing file, not as every film "not in this MovieLens catalogue".
    expect(r.unmatched.map((u) => u.reason)).toEqual(Array(2).fill('no links.csv in this MovieLens ties its films to IMDb ids'));
    expect(w.fetched.filter((f) => f === 'links.csv')).toEqual([]); // the bundled data's is not asked for a dropped one
    expect(await w.result('film', { movieId: 17 })).toMatchObject({ imdbId: null, tmdbId: null }); // no links out either
  });
});

describe('a dropped zip with links.csv', () => {
  it('matches an IMDb export through its own links', async () => {
    const w = worker();
    const loaded = await w.result('loadFiles', { files: [asFile(zipWithLinks, 'ml-synth.zip')] });
    expect(loaded.source.links).toBe(true);
    const r = await w.result('importRatings', {
      bytes: imdbExport([
        ['9000017', 8, 'Film 17', 1966],
        ['9000042', 3, 'Film 42', 1991],
      ]),
      fileName: 'imdb.csv',
    });
    expect(r.noLinks).toBe(false);
    expect(r.matched.map((m) => [m.movieId, m.stars, m.name])).toEqual([
      [17, 4, 'Film 17'],
      [42, 1.5, 'Film 42'],
    ]);
    expect(await w.result('film', { movieId: 17 })).toMatchObject({ imdbId: 9000017, tmdbId: 100017 }); // its own, for links out
  }, 30_000);
});

describe('a dropped zip whose links.csv the engine refuses', () => {
  it('is used without its links, and says why: the ratings are not refused with them', async () => {
    const lines = data.links.trim().split('\n');
    lines[2] = lines[2].replace(/,[^,]*$/, ',abc'); // line 3: a tmdbId that is no number
    const broken = makeZip({
      'ml-synth/movies.csv': data.movies,
      'ml-synth/ratings.csv': data.ratings,
      'ml-synth/links.csv': `${lines.join('\n')}\n`,
    });
    const w = worker();
    await w.result('load', { dataUrl }); // the bundled MovieLens first, as the page does
    const loaded = await w.result('loadFiles', { files: [asFile(broken, 'ml-synth.zip')] });
    expect(loaded.stats.ratings).toBe(data.count);
    expect(loaded.source.links).toBe(false);
    expect(loaded.source.linksProblem).toMatch(/line 3/);
    // The page and the engine agree on the data: the dropped films are what is answered.
    expect(await w.result('film', { movieId: 17 })).toMatchObject({ name: 'Film 17', imdbId: null, tmdbId: null });
    expect(await w.result('viewers')).toHaveLength(ratingsPerUser.size);
  }, 30_000);
});

describe('loose CSV files', () => {
  it('load as the zip does', async () => {
    const w = worker();
    const loaded = await w.result('loadFiles', {
      files: [asFile(text(data.ratings), 'ratings.csv'), asFile(text(data.movies), 'movies.csv')],
    });
    expect(loaded.stats).toMatchObject({ users: data.users, films: data.films, ratings: data.count });
    expect(loaded.source).toMatchObject({ links: false, ratingsBytes: text(data.ratings).length });
    expect(loaded.source.name).toMatch(/ratings\.csv/);
    expect((await w.result('search', { query: 'Film 42' }))[0].movieId).toBe(42);
  }, 30_000);
});

describe('a drop that fails', () => {
  let w;
  beforeAll(async () => {
    w = worker();
    await w.result('loadFiles', { files: [asFile(zip, 'ml-synth.zip')] });
    await w.result('train');
  }, 60_000);

  async function stillInUse() {
    expect((await w.result('search', { query: 'Film 17' }))[0].movieId).toBe(17);
    expect(await w.result('viewers')).toHaveLength(data.users);
    const { neighbours } = await w.result('similar', { movieId: 3, k: 10 });
    expect(groupShare(3, neighbours)).toBeGreaterThanOrEqual(0.8);
  }

  it('refused (ratings.dat) leaves the data loaded before it in use, trained as it was', async () => {
    const old = makeZip({ 'ml-1m/ratings.dat': '1::1193::5::978300760\n', 'ml-1m/movies.dat': '1193::Film (1975)::Drama\n' });
    const m = await w.refused('loadFiles', { files: [asFile(old, 'ml-1m.zip')] });
    expect(m.message).toMatch(/ml-1m\.zip holds ratings\.dat/);
    expect(m.progress).toEqual([]);
    await stillInUse();
  });

  it('too large to fit is refused before a byte of it is unzipped', async () => {
    const huge = claimSize(
      makeZip({ 'ml-huge/ratings.csv': 'userId,movieId,rating,timestamp\n', 'ml-huge/movies.csv': data.movies }, { level: 0 }),
      'ml-huge/ratings.csv',
      4_000_000_000,
    );
    const m = await w.refused('loadFiles', { files: [asFile(huge, 'ml-huge.zip')] });
    expect(m.message).toMatch(/ml-huge\/ratings\.csv in ml-huge\.zip is 4\.0 GB.*Nothing was read\./);
    expect(m.progress).toEqual([]);
    await stillInUse();
  });

  it('too large for this device, as the browser reports it, is refused the same way', async () => {
    const small = worker({ deviceMemoryGiB: () => 0.25 });
    await small.result('loadFiles', { files: [asFile(zip, 'ml-synth.zip')] }); // 0.4 MB: fits in 0.25 GiB
    const claimed = claimSize(zip, 'ml-synth/ratings.csv', 100_000_000); // 0.3 GB at the least measured rate
    const m = await small.refused('loadFiles', { files: [asFile(claimed, 'ml-synth.zip')] });
    expect(m.message).toMatch(/this device reports about 0\.25 GB/);
    expect(await small.result('viewers')).toHaveLength(data.users);
  }, 30_000);

  it('unreadable by the engine (a malformed line) says where, and leaves the data before it in use', async () => {
    const broken = makeZip({ 'x/movies.csv': data.movies, 'x/ratings.csv': 'userId,movieId,rating,timestamp\n1,1,4.0,1\n1,abc,4.0,2\n' });
    const m = await w.refused('loadFiles', { files: [asFile(broken, 'broken.zip')] });
    expect(m.message).toMatch(/line 3: movieId 'abc'/);
    expect(m.reset).toBeUndefined(); // nothing grew for it: no fresh worker needed
    await stillInUse();
  });
});

describe('switching back and forth', () => {
  it('stops a training run for a drop, and `load` brings the bundled MovieLens back with its links', async () => {
    const w = worker();
    const bundled = await w.result('load', { dataUrl });
    let epochRan;
    const firstEpoch = new Promise((resolve) => {
      epochRan = resolve;
    });
    const training = w.ask('train', {}, (p) => p.stage === 'train' && epochRan()); // latest-small: a few seconds, stopped at the next epoch
    await firstEpoch;
    const dropped = await w.result('loadFiles', { files: [asFile(zip, 'ml-synth.zip')] });
    expect((await training).result.cancelled).toBe(true);
    expect(dropped.stats.ratings).toBe(data.count);

    const back = await w.result('load', { dataUrl });
    expect(back.stats).toEqual(bundled.stats);
    expect((await w.result('search', { query: 'toy story' }))[0]).toMatchObject({ movieId: 1, name: 'Toy Story' });
    expect(await w.result('viewers')).toHaveLength(bundled.stats.users);
    const r = await w.result('importRatings', { bytes: imdbExport([['0114709', 10, 'Toy Story', 1995]]), fileName: 'imdb.csv' });
    expect(r.noLinks).toBe(false);
    expect(r.matched.map((m) => [m.movieId, m.stars])).toEqual([[1, 5]]);
    // Asked for by the import: the first load's training was stopped by the drop before its models were ready.
    expect(w.fetched.filter((f) => f === 'links.csv')).toHaveLength(1);
    expect((await w.result('film', { movieId: 1 })).tmdbId).toBe(862); // and the films have their links out again
  }, 60_000);
});

describe('retraining a dropped MovieLens', () => {
  it('reads its files again and trains every model afresh', async () => {
    const w = worker();
    await w.result('loadFiles', { files: [asFile(zip, 'ml-synth.zip')] });
    await w.result('train');
    const m = await w.ask('train', { fresh: true });
    expect(m.result.cancelled).toBe(false);
    expect(m.result.restored).toBeNull();
    // The reading is reported to this request, so the page shows it: unzipping, then the parse.
    const stages = m.progress.map((p) => p.stage);
    expect(stages).toContain('unzip');
    expect(stages.indexOf('parse')).toBeGreaterThan(stages.lastIndexOf('unzip'));
    expect(stages.indexOf('parse')).toBeLessThan(stages.indexOf('train'));
    const epochs = m.progress.filter((p) => p.stage === 'train' && p.model === 'implicit');
    expect(epochs.length).toBe(m.result.models.find((x) => x.name === 'implicit').epochs);
    expect(m.result.models.every((x) => x.epochsDone === x.epochs)).toBe(true);
    const { neighbours } = await w.result('similar', { movieId: 3, k: 10 });
    expect(groupShare(3, neighbours)).toBeGreaterThanOrEqual(0.8);
  }, 30_000);
});

describe('models kept for a dropped MovieLens', () => {
  it('go to the dropped slot, leave the bundled one’s alone, and are restored when it is dropped again', async () => {
    const cache = memoryModelCache();
    const bundledEntry = { key: 'bundled-key', engine: 'build-1', bytes: new Uint8Array([1, 2, 3]), trainMs: {}, savedAt: 1 };
    await cache.writeModels(bundledEntry);
    const first = worker({ cache, engineVersion: 'build-1' });
    await first.result('loadFiles', { files: [asFile(zip, 'ml-synth.zip')] });
    await first.result('train');
    const kept = await first.result('keep');
    expect(kept).toMatchObject({ kept: true, restored: false });
    expect(cache.slots.dropped.size).toBe(1);
    expect([...cache.slots.dropped.values()][0].bytes.length).toBe(kept.bytes);
    expect([...cache.slots.bundled.values()]).toEqual([bundledEntry]);

    const again = worker({ cache, engineVersion: 'build-1' });
    await again.result('loadFiles', { files: [asFile(zip, 'ml-synth.zip')] });
    const m = await again.ask('train');
    expect(m.result.restored).toMatchObject({ savedAt: expect.any(Number) });
    expect(m.progress.some((p) => Number.isInteger(p.epoch))).toBe(false); // not one epoch trained
    const like = async (w) => (await w.result('similar', { movieId: 3, k: 10 })).neighbours.map((n) => [n.movieId, n.score]);
    expect(await like(again)).toEqual(await like(first));

    // Other data dropped after it does not take those models for its own.
    const other = syntheticMovieLens({ seed: 99 });
    const third = worker({ cache, engineVersion: 'build-1' });
    await third.result('loadFiles', {
      files: [asFile(makeZip({ 'o/movies.csv': other.movies, 'o/ratings.csv': other.ratings }), 'other.zip')],
    });
    const t = await third.result('train');
    expect(t.restored).toBeNull();
    expect(t.discarded).toMatch(/other data or with other settings/);
    expect([...cache.slots.bundled.values()]).toEqual([bundledEntry]);
  }, 60_000);
});
