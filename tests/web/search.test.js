// Search as the page asks it, through the real wasm engine and the worker: an original and its
// remake both offered (the better-supported first), a sequel by any number, and the accents an
// alternate title gives a name ("Amélie"), all from the engine's title grammar.
import { beforeAll, describe, expect, it } from 'vitest';
import { siteData, engineClient } from './engineHarness.js';

let client;

beforeAll(async () => {
  ({ client } = engineClient());
  await client.load({ dataUrl: siteData() }); // searching needs the catalogue, not trained models
}, 300_000);

const titles = (films) => films.map((f) => `${f.name} (${f.year})`);

describe('search', () => {
  it('offers the original and the remake however the title is spaced, the better-supported first', async () => {
    for (const query of ['oldboy', 'old boy'])
      expect(titles(await client.search({ query })).slice(0, 2)).toEqual(['Old Boy (2003)', 'Oldboy (2013)']);
  });

  it('finds a sequel by its number in digits, numerals or words', async () => {
    for (const query of ['godfather part 2', 'godfather part ii', 'godfather 2', 'the godfather part two'])
      expect(titles(await client.search({ query }))[0]).toBe('The Godfather: Part II (1974)');
  });

  it('names a film with the accents its alternate title carries', async () => {
    const [amelie] = await client.search({ query: 'amelie' });
    expect(amelie.name).toBe('Amélie');
    expect(amelie.alias).toBe("Le Fabuleux destin d'Amélie Poulain");
    expect(amelie.title).toBe("Amelie (Fabuleux destin d'Amélie Poulain, Le) (2001)"); // MovieLens's own, kept
  });
});
