// The real wasm engine in Node through the worker's handler and client: load, train, query, errors, numbers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataDir, engineClient, nativeReel, root } from './engineHarness.js';

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
  loaded = await client.load(data);
}, 300_000);

const epochsOf = (name) => loaded.models.find((m) => m.name === name).epochs;

function expectNeighbourList(list, k, exclude) {
  const ids = list.map((f) => f.movieId);
  expect(ids).toHaveLength(k);
  expect(new Set(ids).size).toBe(k);
  expect(ids).not.toContain(exclude);
  for (const f of list) {
    expect(typeof f.title).toBe('string');
    expect(f.title.length).toBeGreaterThan(0);
    expect(Array.isArray(f.genres)).toBe(true);
  }
}

function expectDescending(scores) {
  for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1]);
}

describe('load', () => {
  it('reads MovieLens latest-small and splits it 80/20', () => {
    const s = loaded.stats;
    expect(s.users).toBe(610);
    expect(s.films).toBe(9742);
    // ratedFilms counts films with a training rating: most of the 9,724 rated ones, not all.
    expect(s.ratedFilms).toBeGreaterThan(8000);
    expect(s.ratedFilms).toBeLessThan(9724);
    expect(s.duplicates).toBe(0);
    expect(s.ratings).toBe(100836);
    expect(s.train + s.test).toBe(s.ratings);
    expect(s.test / (s.train + s.test)).toBeCloseTo(0.2, 2);
    expect(loaded.models.map((m) => m.name)).toEqual(['rating', 'ranking']);
    for (const m of loaded.models) {
      expect(m.epochs).toBeGreaterThan(0);
      expect(m.epochsDone).toBe(0);
      expect(m.label).toMatch(/model/);
    }
    expect(loaded.genreNames).toContain('Animation');
  });

  it('lists the 610 users in ascending order', async () => {
    const users = await client.users();
    expect(users).toHaveLength(610);
    expect(users[0]).toBe(1);
    expect(users.at(-1)).toBe(610);
    for (let i = 1; i < users.length; i++) expect(users[i]).toBeGreaterThan(users[i - 1]);
  });
});

describe('search (works before training)', () => {
  it('finds Toy Story from a prefix, popular first', async () => {
    const hits = await client.search('toy sto');
    expect(hits[0].movieId).toBe(TOY_STORY);
    expect(hits[0].title).toBe('Toy Story (1995)');
    expect(hits[0].year).toBe(1995);
    expect(hits[0].genres).toEqual(expect.arrayContaining(['Animation', 'Children', 'Comedy']));
    expect(hits.map((h) => h.name)).toEqual(expect.arrayContaining(['Toy Story 2', 'Toy Story 3']));
  });

  it('forgives accents, moved articles, case and missing years', async () => {
    expect((await client.search('amelie'))[0].movieId).toBe(AMELIE);
    expect((await client.search('the usual suspects'))[0].movieId).toBe(USUAL_SUSPECTS);
    expect((await client.search('USUAL SUSPECTS'))[0].movieId).toBe(USUAL_SUSPECTS);
    expect((await client.search('Usual Suspects, The (1995)'))[0].movieId).toBe(USUAL_SUSPECTS);
  });

  it('respects k and returns nothing for a blank query', async () => {
    expect(await client.search('the', 3)).toHaveLength(3);
    expect(await client.search('   ')).toEqual([]);
  });

  it('shows a user their highest-rated training films', async () => {
    const fav = await client.favourites(1, 5);
    expect(fav.films).toHaveLength(5);
    expectDescending(fav.films.map((f) => f.rating));
    for (const f of fav.films) expect(f.rating).toBeLessThanOrEqual(5);
  });
});

describe('before training', () => {
  it('refuses similar and recommend with a readable error', async () => {
    await expect(client.similar(TOY_STORY)).rejects.toThrow(/still training/);
    await expect(client.recommend(1)).rejects.toThrow(/still training/);
    await expect(client.evaluate()).rejects.toThrow(/still training/);
  });
});

describe('training', () => {
  beforeAll(async () => {
    // Pause after two epochs, then resume: the protocol's cancel must stop between epochs, not lose any.
    firstRun = await client.train((p) => {
      progress.push(p);
      if (progress.length === 2) client.cancel();
    });
    resumed = await client.train((p) => progress.push(p));
  }, 600_000);

  it('stops on cancel and resumes where it stopped', () => {
    expect(firstRun.cancelled).toBe(true);
    // The cancel crosses the message queue, so at most one more epoch may run before it lands.
    const done = Object.fromEntries(firstRun.models.map((m) => [m.name, m.epochsDone]));
    expect(done.rating).toBeGreaterThanOrEqual(2);
    expect(done.rating).toBeLessThanOrEqual(3);
    expect(done.ranking).toBe(0);
    expect(resumed.cancelled).toBe(false);
    const rating = progress.filter((p) => p.stage === 'rating').map((p) => p.epoch);
    expect(rating).toEqual(Array.from({ length: epochsOf('rating') }, (_, i) => i + 1));
  });

  it('reports every epoch of both models, rating first', () => {
    const stages = progress.map((p) => p.stage);
    expect(stages.lastIndexOf('rating')).toBeLessThan(stages.indexOf('ranking'));
    const ranking = progress.filter((p) => p.stage === 'ranking');
    expect(ranking.map((p) => p.epoch)).toEqual(Array.from({ length: epochsOf('ranking') }, (_, i) => i + 1));
    for (const p of progress) {
      expect(p.epochs).toBe(epochsOf(p.stage));
      expect(Number.isFinite(p.loss)).toBe(true);
      expect(p.elapsedMs).toBeGreaterThanOrEqual(0);
      expect(p.etaMs).toBeGreaterThanOrEqual(0);
    }
    expect(progress.at(-1).etaMs).toBe(0);
  });

  it('lowers the losses as it goes', () => {
    const rating = progress.filter((p) => p.stage === 'rating');
    const ranking = progress.filter((p) => p.stage === 'ranking');
    expect(rating.at(-1).loss).toBeLessThan(rating[0].loss);
    expect(ranking.at(-1).loss).toBeLessThan(ranking[0].loss);
    // Nothing measured on the held-out ratings is shown while training.
    for (const p of progress) expect(p).not.toHaveProperty('heldOut');
  });

  it('times each model', () => {
    expect(resumed.trainMs.rating).toBeGreaterThan(0);
    expect(resumed.trainMs.ranking).toBeGreaterThan(0);
  });
});

describe('after training', () => {
  it.each(['rating', 'ranking'])("finds ten distinct neighbours of Toy Story with the %s model", async (model) => {
    const r = await client.similar(TOY_STORY, { k: 10, model });
    expect(r.film.movieId).toBe(TOY_STORY);
    expect(r.model).toBe(model);
    expectNeighbourList(r.neighbours, 10, TOY_STORY);
    const scores = r.neighbours.map((n) => n.score);
    expectDescending(scores);
    for (const s of scores) {
      expect(s).toBeGreaterThanOrEqual(-1);
      expect(s).toBeLessThanOrEqual(1);
    }
    // Neighbours should be well-supported films, and the cross-genre flag must agree with the genres.
    const toyGenres = new Set(r.film.genres);
    for (const n of r.neighbours) {
      expect(n.ratings).toBeGreaterThan(0);
      expect(n.crossGenre).toBe(!n.genres.some((g) => toyGenres.has(g)));
    }
  });

  it('gives neighbours that are plausibly alike (mostly sharing a genre, some animated)', async () => {
    const r = await client.similar(TOY_STORY, { k: 10, model: 'ranking' });
    expect(r.neighbours.filter((n) => !n.crossGenre).length).toBeGreaterThanOrEqual(7);
    expect(r.neighbours.some((n) => n.genres.includes('Animation'))).toBe(true);
  });

  it('lists the same neighbours as the native `reel similar`', async () => {
    const native = nativeReel();
    for (const model of ['ranking', 'rating']) {
      const out = execFileSync(native, ['similar', '--data', data, '--model', model, '-k', '10', 'Toy Story (1995)'], {
        encoding: 'utf8',
      });
      // Lines look like "  0.850  Aladdin (1992)  [Adventure|...]".
      const rows = [...out.matchAll(/^\s+(-?\d\.\d+)\s+(.+?)\s+\[.*\]$/gm)].map((m) => [Number(m[1]), m[2]]);
      const wasm = (await client.similar(TOY_STORY, { k: 10, model })).neighbours;
      expect(wasm.map((n) => n.title.trim())).toEqual(rows.map((row) => row[1]));
      wasm.forEach((n, i) => expect(Math.abs(n.score - rows[i][0])).toBeLessThanOrEqual(0.0005));
    }
  });

  it('recommends ten unseen films for user 1, best first', async () => {
    const r = await client.recommend(1, 10);
    expect(r.userId).toBe(1);
    expectNeighbourList(r.films, 10, undefined);
    expectDescending(r.films.map((f) => f.score));
    const seen = (await client.favourites(1, 1000)).films.map((f) => f.movieId);
    expect(seen.length).toBeGreaterThan(100); // user 1 rated 232 films; ~80 % are in training
    for (const f of r.films) expect(seen).not.toContain(f.movieId);
  });

  it('gives different users different lists', async () => {
    const a = (await client.recommend(1)).films.map((f) => f.movieId);
    const b = (await client.recommend(414)).films.map((f) => f.movieId);
    expect(a).not.toEqual(b);
  });

  it('reports the evaluation figures in sensible ranges', async () => {
    const e = await client.evaluate();
    const [rating, ranking] = e.models;
    expect(rating.rmse).toBeGreaterThan(0.7);
    expect(rating.rmse).toBeLessThan(1.0);
    expect(ranking.rmse).toBeNaN();
    expect(e.popularity.recall10).toBeGreaterThan(0.05);
    expect(ranking.recall10).toBeGreaterThan(e.popularity.recall10);
    expect(ranking.lift).toBeCloseTo(ranking.recall10 / e.popularity.recall10 - 1, 12);
    expect(rating.recall10).toBeGreaterThanOrEqual(0);
    expect(e.trainMs.rating).toBeGreaterThan(0);
  });

  it('equals, digit for digit, what the native `reel eval` prints (seed 42)', async () => {
    const out = JSON.parse(execFileSync(nativeReel(), ['eval', '--data', data, '--json'], { encoding: 'utf8' }));
    const e = await client.evaluate();
    expect(e.models.map((m) => m.name)).toEqual(Object.keys(out.models));
    for (const m of e.models) {
      const n = out.models[m.name];
      expect({ rmse: m.rmse, recall10: m.recall10, ndcg10: m.ndcg10, lift: m.lift }).toStrictEqual({
        rmse: n.rmse ?? NaN,
        recall10: n.recall10,
        ndcg10: n.ndcg10,
        lift: n.lift,
      });
    }
    expect(e.popularity).toStrictEqual(out.popularity);
    expect(e.viewers).toBe(out.viewers);
  }, 600_000);
});

describe('bad input', () => {
  it('rejects an unknown film with an Error naming it, and keeps answering', async () => {
    const err = await client.similar(99999999).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/99999999/);
    expect((await client.similar(TOY_STORY)).neighbours).toHaveLength(10);
  });

  it('rejects an unknown user, a non-numeric id and an unknown request', async () => {
    await expect(client.recommend(999999)).rejects.toThrow(/999999/);
    await expect(client.similar('abc')).rejects.toThrow(/movieId must be a whole number/);
    await expect(client.similar(TOY_STORY, { model: 'magic' })).rejects.toThrow(/unknown model 'magic' \(the models are rating, ranking\)/);
    const { worker } = engineClient();
    await worker.handle({ type: 'explode', id: 7 });
    expect(worker.sent.at(-1)).toEqual({ type: 'error', id: 7, message: 'Unknown request type "explode"' });
  });

  it('rejects a malformed ratings file with its line, and never half-loads', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reel-bad-'));
    const good = readFileSync(path.join(data, 'ratings.csv'), 'utf8').split('\n');
    good[12] = '1,1,6.0,964982703';
    writeFileSync(path.join(dir, 'ratings.csv'), good.join('\n'));
    writeFileSync(path.join(dir, 'movies.csv'), readFileSync(path.join(data, 'movies.csv')));
    const err = await client.load(dir).catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/ratings\.csv/);
    expect(err.message).toMatch(/line 13/);
    // The trained dataset is still in place: a failed load changes nothing.
    expect((await client.similar(TOY_STORY)).neighbours).toHaveLength(10);
  });

  it('reports a missing data file readably', async () => {
    const { client: fresh } = engineClient();
    const err = await fresh.load('/nonexistent/dir/').catch((e) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/movies\.csv|ratings\.csv/);
  });
});
