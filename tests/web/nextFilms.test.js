// "Your next films" ranked by the real engine through the worker: ten films, never one the visitor
// rated, each with a reason naming the rated films behind it; after one rating already; filtered in
// the engine; BPR still selectable; films the engine cannot use set aside, not lost.
import { beforeAll, describe, expect, it } from 'vitest';
import { reasonText } from '../../web/src/taste/NextFilms.jsx';
import { siteData, engineClient } from './engineHarness.js';
import { cacheWithTrainedModels } from './trainedModels.js';

// Five ratings as a visitor would give them through the page: four liked, one not.
const FIVE = [
  { movieId: 1, stars: 5 }, // Toy Story
  { movieId: 2571, stars: 4.5 }, // The Matrix
  { movieId: 4973, stars: 4 }, // Amélie
  { movieId: 296, stars: 1.5 }, // Pulp Fiction
  { movieId: 5618, stars: 5 }, // Spirited Away
];
const rated = new Set(FIVE.map((r) => r.movieId));

let client;
let loaded;

beforeAll(async () => {
  ({ client } = engineClient({ cache: await cacheWithTrainedModels() }));
  loaded = await client.load({ dataUrl: siteData() });
  const trained = await client.train({});
  expect(trained.restored).not.toBeNull(); // the run's models, not a training of its own
}, 300_000);

describe('Your next films', () => {
  it('are ten films, none rated, best first, each with a reason naming rated films that pushed it up', async () => {
    const r = await client.recommendFor({ ratings: FIVE, k: 10 });
    expect(r.model).toBe(loaded.choices.firstVisitors); // five ratings: fewer than choices.visitorsFrom
    // …with a share of the visitors model's scores mixed in (score_mix.hpp), as the engine says.
    expect(r.mixedIn).toBe(loaded.choices.visitors);
    expect(r.mix).toBeGreaterThan(0);
    expect(r.mix).toBe(loaded.choices.firstVisitorsMix); // the share the registry's choices announce
    expect(r.fromPopularity).toBe(false);
    expect(r.films).toHaveLength(10);
    expect(new Set(r.films.map((f) => f.movieId)).size).toBe(10);
    for (let i = 1; i < 10; i++) expect(r.films[i].score).toBeLessThanOrEqual(r.films[i - 1].score);
    for (const f of r.films) {
      expect(rated.has(f.movieId)).toBe(false);
      expect(f.because.length).toBeGreaterThan(0);
      expect(f.because.length).toBeLessThanOrEqual(3);
      for (const b of f.because) {
        expect(rated.has(b.movieId)).toBe(true);
        expect(b.stars).toBe(FIVE.find((x) => x.movieId === b.movieId).stars);
        expect(b.share).toBeGreaterThan(0);
      }
      // Named by how much more they pushed this film than the list's others (reasons.hpp), each once.
      expect(new Set(f.because.map((b) => b.movieId)).size).toBe(f.because.length);
      const text = reasonText(f, { fromPopularity: false });
      expect(text.startsWith('Because you rated ')).toBe(true);
      for (const b of f.because) expect(text).toContain(b.name);
    }
    // A film rated 1.5 stars is no reason to like anything.
    expect(r.films.flatMap((f) => f.because).some((b) => b.movieId === 296)).toBe(false);
  });

  it('never hold a rated film, however far down the list goes', async () => {
    const r = await client.recommendFor({ ratings: FIVE, k: 500 });
    expect(r.films).toHaveLength(500);
    for (const f of r.films) expect(rated.has(f.movieId)).toBe(false);
  });

  it('answer after a single rating, and say when the model had nothing liked to go on', async () => {
    const one = await client.recommendFor({
      ratings: [{ movieId: 1, stars: 4.5 }],
      k: 10,
    });
    expect(one.fromPopularity).toBe(false);
    expect(one.films).toHaveLength(10);
    expect(one.films.every((f) => f.movieId !== 1 && f.because[0]?.movieId === 1)).toBe(true);

    const disliked = await client.recommendFor({
      ratings: [{ movieId: 1, stars: 1 }],
      k: 10,
    });
    expect(disliked.fromPopularity).toBe(true);
    expect(disliked.films).toHaveLength(10);
    expect(disliked.films.some((f) => f.movieId === 1)).toBe(false);
    for (let i = 1; i < 10; i++) expect(disliked.films[i].ratings).toBeLessThanOrEqual(disliked.films[i - 1].ratings);
    expect(reasonText(disliked.films[0], { fromPopularity: true })).toMatch(/^Because you /);
    // A pick no rating pushed up says so, and claims no count of films behind it.
    const alone = reasonText({ ...one.films[0], because: [] }, { fromPopularity: false });
    expect(alone).toMatch(/none of them pushes it up/);
    expect(alone).not.toMatch(/\d film/);
  });

  it('apply the filters in the engine, and still hold ten', async () => {
    const r = await client.recommendFor({
      ratings: FIVE,
      k: 10,
      filter: {
        anyGenre: ['Comedy'],
        fromYear: 1990,
        toYear: 1999,
        maxRatings: 50,
      },
    });
    expect(r.films).toHaveLength(10);
    for (const f of r.films) {
      expect(f.genres).toContain('Comedy');
      expect(f.year).toBeGreaterThanOrEqual(1990);
      expect(f.year).toBeLessThanOrEqual(1999);
      expect(f.ratings).toBeLessThanOrEqual(50);
    }
  });

  it('keep BPR selectable, with its own list and reasons', async () => {
    const bpr = await client.recommendFor({
      ratings: FIVE,
      k: 10,
      model: 'ranking',
    });
    const implicit = await client.recommendFor({
      ratings: FIVE,
      k: 10,
      model: 'implicit',
    });
    expect(bpr.model).toBe('ranking');
    expect(implicit.model).toBe('implicit');
    expect([bpr.mixedIn, implicit.mixedIn]).toEqual([null, null]); // a model asked for by name ranks alone
    expect(bpr.films).toHaveLength(10);
    for (const f of bpr.films) expect(rated.has(f.movieId)).toBe(false);
    expect(bpr.films.map((f) => f.movieId)).not.toEqual(implicit.films.map((f) => f.movieId));
  });

  it('set aside a film the catalogue lacks, and never offer one nobody rated in training', async () => {
    const r = await client.recommendFor({
      ratings: [...FIVE, { movieId: 999999, stars: 3 }],
      k: 10,
    });
    expect(r.unknown).toEqual([999999]);
    expect(r.films).toHaveLength(10);
  });

  it('never hold a film the visitor marked, and are not steered by it', async () => {
    // A model named ranks by its own scores alone (the default list is re-ranked as a whole, so its
    // order after a removal is not the old order shifted).
    const plain = await client.recommendFor({
      ratings: FIVE,
      k: 10,
      model: 'implicit',
    });
    const marked = plain.films.slice(0, 3).map((f) => f.movieId); // seen, not interested, watchlist: all kept out
    const r = await client.recommendFor({
      ratings: FIVE,
      seen: marked,
      k: 10,
      model: 'implicit',
    });
    expect(r.films).toHaveLength(10);
    for (const f of r.films) expect(marked.includes(f.movieId)).toBe(false);
    // The films below them move up in order: a mark keeps a film out, it does not fold in as a rating.
    expect(r.films.slice(0, 7).map((f) => f.movieId)).toEqual(plain.films.slice(3).map((f) => f.movieId));
    for (const f of r.films) for (const b of f.because) expect(rated.has(b.movieId)).toBe(true);
    const byDefault = await client.recommendFor({
      ratings: FIVE,
      seen: marked,
      k: 10,
    });
    for (const f of byDefault.films) expect(marked.includes(f.movieId)).toBe(false);
    await expect(client.recommendFor({ ratings: FIVE, seen: [1.5] })).rejects.toThrow(/seen/);
  });

  it('refuse a rating that is not a half star, readably', async () => {
    await expect(client.recommendFor({ ratings: [{ movieId: 1, stars: 4.3 }] })).rejects.toThrow(/half star/);
  });
});
