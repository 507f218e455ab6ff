// A visitor's profile as two arrays (protocol.js, Profile), as the page sends it since a 20,000-rating
// list cost the worker more to copy and check than the engine took to answer (issue 24, item 7):
// the real engine answers it exactly as it answers the list, and refuses arrays that do not pair up.
import { beforeAll, describe, expect, it } from 'vitest';
import { profileArrays } from '../../web/src/taste/profileArrays.js';
import { siteData, engineClient } from './engineHarness.js';
import { cacheWithTrainedModels } from './trainedModels.js';

const LIST = [
  { movieId: 1, stars: 5 },
  { movieId: 2571, stars: 4.5 },
  { movieId: 296, stars: 1.5 },
  { movieId: 999_999_999, stars: 3 }, // no film of this catalogue
];

let client;

beforeAll(async () => {
  ({ client } = engineClient({ cache: await cacheWithTrainedModels() }));
  await client.load({ dataUrl: siteData() });
  await client.train({});
}, 300_000);

describe('a profile as two arrays', () => {
  it('is the list side by side', () => {
    const { movieIds, stars } = profileArrays(LIST);
    expect(Array.from(movieIds)).toEqual(LIST.map((r) => r.movieId));
    expect(Array.from(stars)).toEqual(LIST.map((r) => r.stars));
  });

  // The engine's own answer: films by id and score with their reasons (a film's IMDb link may arrive between two asks).
  const picks = (r) => ({ ...r, films: r.films.map((f) => [f.movieId, f.score, f.because]) });

  it('gets the same next films and starting set as the list', async () => {
    const arrays = await client.recommendFor({ ratings: profileArrays(LIST), seen: [318], k: 10 });
    expect(picks(arrays)).toEqual(picks(await client.recommendFor({ ratings: LIST, seen: [318], k: 10 })));
    expect(arrays.unknown).toEqual([999_999_999]);
    expect(arrays.films[0].because.every((b) => LIST.some((r) => r.movieId === b.movieId && r.stars === b.stars))).toBe(true);
    const starters = await client.starters({ k: 6, ratings: profileArrays(LIST) });
    expect(starters.map((f) => f.movieId)).toEqual((await client.starters({ k: 6, ratings: LIST })).map((f) => f.movieId));
  });

  it('is refused when the arrays do not pair up, or a star is not a half star', async () => {
    const ratings = { movieIds: Int32Array.of(1, 2), stars: Float32Array.of(4) };
    await expect(client.recommendFor({ ratings })).rejects.toThrow(/as many stars as movieIds/);
    await expect(client.recommendFor({ ratings: { movieIds: Int32Array.of(1), stars: Float32Array.of(4.3) } })).rejects.toThrow(
      /half star/,
    );
  });
});
