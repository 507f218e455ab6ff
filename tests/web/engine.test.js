// The real wasm engine in Node through the worker's handler and client: load, train, films like X
// with their reasons, MovieLens viewers, errors, and the numbers — equal to the native CLI's.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { InProcessWorker, dataDir, engineClient, loadReel, nativeReel, siteData } from './engineHarness.js';

const TOY_STORY = 1;
const USUAL_SUSPECTS = 50;
const AMELIE = 4973;

let data;
let client;
let loaded;
const progress = [];
let firstRun;
let resumed;

beforeAll(async () => {
  data = dataDir() + '/';
  ({ client } = engineClient());
  loaded = await client.load({ dataUrl: siteData() }); // the packed data the site sends, made from `data`'s CSVs
}, 300_000);

const epochsOf = (name) => loaded.models.find((m) => m.name === name).epochs;

function expectDescending(scores) {
  for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
}

describe('load', () => {
  it('reads MovieLens latest-small and splits it 80/20', () => {
    const s = loaded.stats;
    expect(s.users).toBe(610);
    expect(s.films).toBe(9742);
    expect(s.ratedFilms).toBeGreaterThan(8000);
    expect(s.ratedFilms).toBeLessThan(9724);
    expect(s.ratings).toBe(100836);
    expect(s.train + s.test).toBe(s.ratings);
    expect(s.test / (s.train + s.test)).toBeCloseTo(0.2, 2);
    expect(loaded.genreNames).toContain('Animation');
    expect(loaded.genreNames).not.toContain('IMAX'); // a format, as the engine says: never offered as a genre
    expect(loaded.years).toEqual({ min: expect.any(Number), max: 2018 });
  });

  it("reports the engine's registry, its choices and its limits, and trains the page's models first", () => {
    expect(loaded.models.map((m) => m.name)).toEqual(['rating', 'ranking', 'implicit']);
    for (const m of loaded.models) {
      expect(m.epochs).toBeGreaterThan(0);
      expect(m.epochsDone).toBe(0);
      expect(m.description.length).toBeGreaterThan(20);
    }
    expect(loaded.choices).toEqual({
      visitors: 'implicit',
      visitorsFrom: 13,
      firstVisitors: 'ranking',
      firstVisitorsMix: expect.any(Number), // lists.mix, tuned on validation (scripts/tune lists)
      viewers: 'implicit',
      neighbours: 'implicit',
    });
    expect(loaded.choices.firstVisitorsMix).toBeGreaterThan(0);
    expect(loaded.choices.firstVisitorsMix).toBeLessThan(1);
    expect(loaded.order.slice(0, 2)).toEqual([loaded.choices.neighbours, loaded.choices.firstVisitors]);
    expect([...loaded.order].sort()).toEqual(['implicit', 'ranking', 'rating']);
    expect(loaded.limits.maxResults).toBe(1000);
  });

  it('names the 610 viewers by their number of ratings and their favourite film', async () => {
    const viewers = await client.viewers();
    expect(viewers).toHaveLength(610);
    expect(viewers[0].userId).toBe(1);
    expect(viewers[0].ratings).toBe(232); // user 1 rated 232 films, train and test
    expect(viewers[0].favourite.name.length).toBeGreaterThan(0);
  });
});

describe('before training', () => {
  it('searches, forgiving accents, moved articles, case and missing years', async () => {
    const hits = await client.search({ query: 'toy sto' });
    expect(hits[0]).toMatchObject({ movieId: TOY_STORY, title: 'Toy Story (1995)', name: 'Toy Story', year: 1995 });
    expect(hits.map((h) => h.name)).toEqual(expect.arrayContaining(['Toy Story 2', 'Toy Story 3']));
    expect((await client.search({ query: 'amelie' }))[0].movieId).toBe(AMELIE);
    expect((await client.search({ query: 'the usual suspects' }))[0].movieId).toBe(USUAL_SUSPECTS);
    expect((await client.search({ query: 'Usual Suspects, The (1995)' }))[0].movieId).toBe(USUAL_SUSPECTS);
    expect(await client.search({ query: 'the', k: 3 })).toHaveLength(3);
    expect(await client.search({ query: '   ' })).toEqual([]);
  });

  it('forgives a typo, in the engine ("pulp fction" finds Pulp Fiction)', async () => {
    expect((await client.search({ query: 'pulp fction' }))[0]).toMatchObject({ movieId: 296, name: 'Pulp Fiction' });
  });

  it('shows titles the way people say them: main title first, the alternative after', async () => {
    const postman = await client.film({ movieId: 58 });
    expect(postman).toMatchObject({ title: 'Postman, The (Postino, Il) (1994)', name: 'The Postman', alias: 'Il Postino' });
  });

  it('gives each film the IMDb and TMDB ids the engine read from links.csv, none where it names none', async () => {
    // links.csv is not sent before the first answers: the page asks for it once the models are
    // ready, and an IMDb import (which matches by it) asks for it at once.
    expect(await client.film({ movieId: TOY_STORY })).toMatchObject({ imdbId: null, tmdbId: null });
    const imdb = 'Const,Your Rating,Title,Year\ntt0114709,10,Toy Story,1995\n';
    const imported = await client.importRatings({ bytes: new TextEncoder().encode(imdb), fileName: 'imdb.csv' });
    expect(imported.matched.map((f) => f.movieId)).toEqual([TOY_STORY]);
    expect(await client.film({ movieId: TOY_STORY })).toMatchObject({ imdbId: 114709, tmdbId: 862 });
    expect((await client.search({ query: 'amelie' }))[0]).toMatchObject({ imdbId: 211915, tmdbId: 194 });
    // links.csv gives film 791 an IMDb id and no tmdbId: no TMDB or Letterboxd link can be made for it.
    expect(await client.film({ movieId: 791 })).toMatchObject({ imdbId: 113610, tmdbId: null });
  });

  it('leaves the IMAX format out of a film’s genres', async () => {
    const { genres } = await client.film({ movieId: 58559 }); // The Dark Knight: Action|Crime|Drama|IMAX in movies.csv
    expect([...genres].sort()).toEqual(['Action', 'Crime', 'Drama']);
  });

  it('refuses neighbours and picks while training, with a readable error', async () => {
    await expect(client.similar({ movieId: TOY_STORY })).rejects.toThrow(/the implicit model is not trained yet/);
    await expect(client.recommendFor({ ratings: [{ movieId: 1, stars: 5 }] })).rejects.toThrow(/not trained yet/);
    await expect(client.evaluate()).rejects.toThrow(/model is not trained yet/);
  });
});

describe('training', () => {
  beforeAll(async () => {
    // Pause after two epochs, then resume: the protocol's cancel must stop between epochs, not lose any.
    firstRun = await client.train({}, (p) => {
      progress.push(p);
      if (progress.length === 2) client.cancel();
    });
    resumed = await client.train({}, (p) => progress.push(p));
  }, 600_000);

  it('stops on cancel and resumes where it stopped, the state read from the engine', async () => {
    expect(firstRun.cancelled).toBe(true);
    const done = Object.fromEntries(firstRun.models.map((m) => [m.name, m.epochsDone]));
    const first = loaded.order[0];
    expect(done[first]).toBeGreaterThanOrEqual(2);
    expect(done[first]).toBeLessThanOrEqual(3); // the cancel crosses the queue: at most one more epoch
    expect(resumed.cancelled).toBe(false);
    expect(progress.filter((p) => p.model === first).map((p) => p.epoch)).toEqual(Array.from({ length: epochsOf(first) }, (_, i) => i + 1));
    expect((await client.models()).every((m) => m.epochsDone === m.epochs)).toBe(true);
  });

  it('reports every epoch of every model, in training order, with only the training loss', () => {
    const stages = progress.map((p) => p.model);
    for (let i = 1; i < loaded.order.length; i++) {
      expect(stages.lastIndexOf(loaded.order[i - 1])).toBeLessThan(stages.indexOf(loaded.order[i]));
    }
    for (const name of loaded.order) {
      const own = progress.filter((p) => p.model === name);
      expect(own.map((p) => p.epoch)).toEqual(Array.from({ length: epochsOf(name) }, (_, i) => i + 1));
      expect(own.at(-1).loss).toBeLessThan(own[0].loss);
    }
    for (const p of progress) {
      expect(Object.keys(p).sort()).toEqual(['elapsedMs', 'epoch', 'epochs', 'etaMs', 'id', 'loss', 'model', 'stage', 'type']);
      expect(Number.isFinite(p.loss)).toBe(true);
    }
    expect(progress.at(-1).etaMs).toBe(0);
  });
});

describe('films like X', () => {
  it('gives ten neighbours of Toy Story, each with why it is there and its number of ratings', async () => {
    const r = await client.similar({ movieId: TOY_STORY, k: 10, model: loaded.choices.neighbours });
    expect(r.film.movieId).toBe(TOY_STORY);
    expect(r.unrated).toBe(false);
    expect(r.likedFilm).toBeGreaterThan(50);
    const ids = r.neighbours.map((n) => n.movieId);
    expect(new Set(ids).size).toBe(10);
    expect(ids).not.toContain(TOY_STORY);
    expectDescending(r.neighbours.map((n) => n.score));
    const toyGenres = new Set(r.film.genres);
    for (const n of r.neighbours) {
      expect(n.likedBoth).toBeGreaterThanOrEqual(0);
      expect(n.likedBoth).toBeLessThanOrEqual(r.likedFilm);
      expect(n.ratings).toBeGreaterThanOrEqual(10); // the engine's support for a neighbour
      expect(n.otherGenre).toBe(!n.genres.some((g) => toyGenres.has(g)));
    }
    expect(r.neighbours.some((n) => n.name === 'Toy Story 2')).toBe(true);
  });

  it('offers "same feel, different label": the nearest that share no genre with X', async () => {
    const r = await client.similar({ movieId: TOY_STORY, k: 10, model: loaded.choices.neighbours, filter: { otherGenres: true } });
    expect(r.neighbours).toHaveLength(10);
    for (const n of r.neighbours) expect(n.otherGenre).toBe(true);
  });

  it('applies the filters in the engine, so ten still come back', async () => {
    const filter = { anyGenre: ['Comedy'], noGenre: ['Animation'], fromYear: 1990, toYear: 1999, minRatings: 30 };
    const r = await client.similar({ movieId: TOY_STORY, k: 10, model: loaded.choices.neighbours, filter });
    expect(r.neighbours).toHaveLength(10);
    for (const n of r.neighbours) {
      expect(n.genres).toContain('Comedy');
      expect(n.genres).not.toContain('Animation');
      expect(n.year).toBeGreaterThanOrEqual(1990);
      expect(n.year).toBeLessThanOrEqual(1999);
      expect(n.ratings).toBeGreaterThanOrEqual(30);
    }
    await expect(client.similar({ movieId: TOY_STORY, filter: { fromYear: 2000, toYear: 1990 } })).rejects.toThrow(/backwards/);
  });

  it('says plainly that a film nobody rated in training has no neighbours, rather than failing', async () => {
    const raw = await loadReel();
    const e = new raw.Engine();
    e.load(readFileSync(path.join(data, 'movies.csv')), readFileSync(path.join(data, 'ratings.csv')), 42);
    const c = e.catalog();
    const lonely = c.movieIds[c.counts.findIndex((n) => n === 0)];
    e.delete();
    const r = await client.similar({ movieId: lonely });
    expect(r).toMatchObject({ unrated: true, neighbours: [] });
    expect(r.film.ratings).toBe(0);
  });

  it('lists the same neighbours, with the same reasons, as the native `reel similar`', async () => {
    const model = loaded.choices.neighbours;
    const out = execFileSync(nativeReel(), ['similar', '--data', data, '--model', model, '-k', '10', 'Toy Story (1995)'], {
      encoding: 'utf8',
    });
    // "  0.464  Aladdin (1992)  [Adventure|…]" then "         liked by 40 of the 117 people who loved it; 145 ratings"
    const rows = [...out.matchAll(/^\s+(-?\d\.\d+)\s+(.+?)\s+\[.*\]\n\s+liked by (\d+) of the (\d+) .*?; (\d+) ratings?$/gm)];
    expect(rows).toHaveLength(10);
    const wasm = await client.similar({ movieId: TOY_STORY, k: 10, model });
    wasm.neighbours.forEach((n, i) => {
      const [, score, title, both, liked, count] = rows[i];
      expect(n.title).toBe(title);
      expect(Math.abs(n.score - Number(score))).toBeLessThanOrEqual(0.0005);
      expect([n.likedBoth, wasm.likedFilm, n.ratings]).toEqual([Number(both), Number(liked), Number(count)]);
    });
  });
});

describe('MovieLens viewers', () => {
  it("shows user 1 the default list the CLI gives: the viewers' model re-ranked to them", async () => {
    const r = await client.recommend({ userId: 1, k: 10 });
    expect(r.model).toBe(loaded.choices.viewers);
    const out = execFileSync(nativeReel(), ['recommend', '--data', data, '--user', '1'], { encoding: 'utf8' });
    const titles = [...out.split('none they rated):\n')[1].matchAll(/^\s+-?\d\.\d+\s+(.+?)\s+\[/gm)].map((x) => x[1]);
    expect(titles).toHaveLength(10);
    expect(r.films.map((f) => f.title)).toEqual(titles);
    const own = await client.recommend({ userId: 1, k: 10, model: loaded.choices.viewers });
    expect(r.films.map((f) => f.movieId)).not.toEqual(own.films.map((f) => f.movieId)); // re-ranked, not the model's own order
  });

  it('recommends ten films user 1 never rated, best first', async () => {
    const r = await client.recommend({ userId: 1, k: 10, model: loaded.choices.viewers });
    expect(r.films).toHaveLength(10);
    expectDescending(r.films.map((f) => f.score));
    const seen = new Set((await client.favourites({ userId: 1, k: 1000 })).films.map((f) => f.movieId));
    expect(seen.size).toBe(232);
    for (const f of r.films) expect(seen.has(f.movieId)).toBe(false);
  });
});

describe('the numbers', () => {
  it('equal, digit for digit, what the native `reel eval` prints (seed 42), neighbour recall included', async () => {
    const out = JSON.parse(execFileSync(nativeReel(), ['eval', '--data', data, '--json'], { encoding: 'utf8' }));
    const e = await client.evaluate();
    // The page lists the models it trains; the popularity baseline, a model like them to the CLI, comes apart.
    const { popularity, ...trained } = out.models;
    // Beyond accuracy, as the CLI names the measures (null there for NaN).
    const lists = (n) => ({
      miscalibration: n.miscalibration ?? NaN,
      popularityLift: n.popularity_lift ?? NaN,
      top50Share: n.top50_share ?? NaN,
      coverage: n.coverage ?? NaN,
      overlap: n.overlap ?? NaN,
    });
    expect(e.models.map((m) => m.name)).toEqual(Object.keys(trained));
    for (const m of e.models) {
      const n = out.models[m.name];
      expect({ rmse: m.rmse, recall10: m.recall10, ndcg10: m.ndcg10, lift: m.lift, lists: { ...m.lists } }).toStrictEqual({
        rmse: n.rmse ?? NaN,
        recall10: n.recall10,
        ndcg10: n.ndcg10,
        lift: n.lift,
        lists: lists(n),
      });
    }
    expect(e.popularity).toStrictEqual({ recall10: popularity.recall10, ndcg10: popularity.ndcg10, lists: lists(popularity) });
    // The default list, re-ranked to each viewer, as the CLI measures it.
    expect(e.choice).toStrictEqual({
      recall10: out.choice.recall10,
      ndcg10: out.choice.ndcg10,
      lift: out.choice.lift,
      lists: lists(out.choice),
    });
    expect(e.viewers).toBe(out.viewers);
    for (const name of Object.keys(e.trainMs)) expect(e.trainMs[name]).toBeGreaterThan(0);

    const nb = await client.evaluateNeighbours();
    expect(nb.inUse).toBe(loaded.choices.neighbours);
    expect(Object.fromEntries(nb.similarities.map((s) => [s.model ?? 'item_knn', s.recall10]))).toStrictEqual(out.neighbours);
    expect(Object.fromEntries(nb.similarities.map((s) => [s.model ?? 'item_knn', s.popularIntrusion]))).toStrictEqual(
      out.popular_intrusion,
    );
  }, 600_000);
});

describe('bad input', () => {
  it('rejects an unknown film with an Error naming it, and keeps answering', async () => {
    const err = await client.similar({ movieId: 99999999 }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/99999999/);
    expect((await client.similar({ movieId: TOY_STORY })).neighbours).toHaveLength(10);
  });

  it('rejects an unknown user, a non-numeric id, an unknown model and an unknown request', async () => {
    await expect(client.recommend({ userId: 999999 })).rejects.toThrow(/999999/);
    await expect(client.similar({ movieId: 'abc' })).rejects.toThrow(/movieId must be a whole number/);
    await expect(client.similar({ movieId: TOY_STORY, model: 'magic' })).rejects.toThrow(/unknown model 'magic'/);
    const worker = new InProcessWorker({ loadModule: loadReel });
    await worker.handle({ type: 'explode', id: 7 });
    expect(worker.sent.at(-1)).toEqual({ type: 'error', id: 7, message: 'Unknown request type "explode"' });
  });

  it('rejects damaged packed data plainly, and never half-loads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reel-bad-'));
    const packed = gunzipSync(readFileSync(path.join(siteData(), 'movielens.pack.gz')));
    packed[packed.length - 100] ^= 0x40; // a half star among the ratings
    writeFileSync(path.join(dir, 'movielens.pack.gz'), gzipSync(packed));
    const err = await client.load({ dataUrl: dir }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/the packed data is damaged \(its checksum does not match\)/);
    expect((await client.similar({ movieId: TOY_STORY })).neighbours).toHaveLength(10); // a failed load changes nothing
  });

  it('reports a missing data file readably', async () => {
    const { client: fresh } = engineClient();
    const err = await fresh.load({ dataUrl: '/nonexistent/dir/' }).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/movielens\.pack\.gz/);
  });
});
