// Unit tests for the catalog wrapper: display names and film lookups from the engine's packed arrays.
import { describe, expect, it } from 'vitest';
import { displayName, makeCatalog } from '../../web/src/filmCatalog.js';

describe('displayName', () => {
  it.each([
    ['Toy Story (1995)', 'Toy Story'],
    ['Usual Suspects, The (1995)', 'The Usual Suspects'],
    ['City of Lost Children, The (Cité des enfants perdus, La) (1995)', 'The City of Lost Children (Cité des enfants perdus, La)'],
    ["Homme et une femme, Un (1966)", 'Homme et une femme, Un'],
    ["Auberge espagnole, L' (2002)", "L'Auberge espagnole"],
    ['Babylon 5', 'Babylon 5'],
    ['From Dusk Till Dawn 2: Texas Blood Money (1999) ', 'From Dusk Till Dawn 2: Texas Blood Money'],
    ['Misérables, Les (1995)', 'Les Misérables'],
  ])('%s → %s', (title, expected) => {
    expect(displayName(title)).toBe(expected);
  });
});

describe('makeCatalog', () => {
  const raw = {
    movieIds: Int32Array.from([1, 50, 7]),
    titles: 'Toy Story (1995)\nUsual Suspects, The (1995)\nNo Year',
    years: Int16Array.from([1995, 1995, 0]),
    genres: Uint32Array.from([0b011, 0b100, 0]),
    genreNames: ['Animation', 'Comedy', 'Crime'],
    counts: Int32Array.from([200, 150, 0]),
  };

  it('builds rich films from ids', () => {
    const c = makeCatalog(raw);
    expect(c.size).toBe(3);
    expect(c.film(50)).toEqual({
      movieId: 50,
      title: 'Usual Suspects, The (1995)',
      name: 'The Usual Suspects',
      year: 1995,
      genres: ['Crime'],
      ratings: 150,
    });
    expect(c.film(7).year).toBeNull();
    expect(c.film(1).genres).toEqual(['Animation', 'Comedy']);
  });

  it('knows which films share no genre', () => {
    const c = makeCatalog(raw);
    expect(c.sharesNoGenre(1, 50)).toBe(true);
    expect(c.sharesNoGenre(1, 1)).toBe(false);
  });

  it('rejects unknown ids and mismatched titles', () => {
    const c = makeCatalog(raw);
    expect(() => c.film(999)).toThrow(/unknown movieId 999/);
    expect(() => makeCatalog({ ...raw, titles: 'only one' })).toThrow(/1 titles for 3 films/);
  });
});
