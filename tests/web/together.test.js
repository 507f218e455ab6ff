// "Watch together" ranked by the real engine through the worker: one list for two to four people,
// none of it a film any member rated or marked, each member's taste in it and each pick naming the
// member's own rated films; a bad group is refused with a sentence, and too many marks are called marks.
import { beforeAll, describe, expect, it } from 'vitest';
import { siteData, engineClient } from './engineHarness.js';
import { cacheWithTrainedModels } from './trainedModels.js';

// A horror fan and a parent of small children, who has marked two films.
const HORROR = [1997, 1258, 1982, 1347, 1974, 2710, 1130, 2455, 1321, 1333, 1345, 1350, 1219].map((movieId) => ({ movieId, stars: 5 }));
const CHILDREN = [1, 364, 588, 595, 2081, 2355, 48, 594, 596, 1566, 1907, 2018, 2078].map((movieId) => ({ movieId, stars: 4.5 }));
const MARKED = [4886, 3114]; // Monsters, Inc. and Toy Story 2

let client;
let loaded;

beforeAll(async () => {
  ({ client } = engineClient({ cache: await cacheWithTrainedModels() }));
  loaded = await client.load({ dataUrl: siteData() });
  const trained = await client.train({});
  expect(trained.restored).not.toBeNull();
}, 300_000);

describe('Watch together', () => {
  it('gives one list with each member’s taste, no film any member rated or marked, reasons per member', async () => {
    const r = await client.together({
      members: [{ ratings: HORROR }, { ratings: CHILDREN, seen: MARKED }],
      k: 10,
    });
    expect(r.films).toHaveLength(10);
    expect(r.models).toHaveLength(2);
    const given = new Set([...HORROR, ...CHILDREN].map((e) => e.movieId).concat(MARKED));
    for (const f of r.films) {
      expect(given.has(f.movieId)).toBe(false);
      expect(f.because).toHaveLength(2);
      for (const b of f.because[0]) expect(HORROR.some((e) => e.movieId === b.movieId)).toBe(true);
      for (const b of f.because[1]) {
        expect(CHILDREN.some((e) => e.movieId === b.movieId)).toBe(true);
        expect(b.stars).toBe(4.5); // the member's own stars, for the reason line
      }
    }
    // Films of each one's taste: their own top twenty from the model that serves them.
    const model = loaded.choices.visitors; // thirteen ratings each: the model from choices.visitorsFrom
    const own = async (ratings, seen) => new Set((await client.recommendFor({ ratings, seen, k: 20, model })).films.map((f) => f.movieId));
    const horrorTop = await own(HORROR, []);
    const childrenTop = await own(CHILDREN, MARKED);
    expect(r.films.filter((f) => horrorTop.has(f.movieId)).length).toBeGreaterThanOrEqual(3);
    expect(r.films.filter((f) => childrenTop.has(f.movieId)).length).toBeGreaterThanOrEqual(3);
    expect(r.films.filter((f) => f.genres.includes('Horror')).length).toBeGreaterThanOrEqual(3);
    expect(r.films.filter((f) => f.because[0].length > 0).length).toBeGreaterThanOrEqual(3);
    expect(r.films.filter((f) => f.because[1].length > 0).length).toBeGreaterThanOrEqual(3);
  });

  it('is for two to four people, and says so', async () => {
    const one = { ratings: [{ movieId: 1, stars: 5 }] };
    await expect(client.together({ members: [one] })).rejects.toThrow(/2 to 4 people, not 1/);
    await expect(client.together({ members: [one, one, one, one, one] })).rejects.toThrow(/at most 4/);
    expect((await client.together({ members: [one, one, one, one] })).films).toHaveLength(10);
    await expect(
      client.together({
        members: [one, { ratings: [{ movieId: 1, stars: 4.3 }] }],
      }),
    ).rejects.toThrow(/half star/);
    await expect(client.together({ members: 'two' })).rejects.toThrow(/members must be a list/);
  });

  it('calls over 20,000 marked films marks, not ratings, alone or together', async () => {
    const seen = Array.from({ length: 20_001 }, (_, i) => i + 1);
    const one = { ratings: [{ movieId: 1, stars: 5 }] };
    await expect(client.recommendFor({ ratings: one.ratings, seen })).rejects.toThrow(
      /^at most 20000 films can be marked seen, not interested or for the watchlist, not 20001$/,
    );
    await expect(client.together({ members: [one, { ...one, seen }] })).rejects.toThrow(/films can be marked/);
  });
});
