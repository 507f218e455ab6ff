// Unit tests for the catalog wrapper: strings unpacked from the engine's blob, film lookups.
import { describe, expect, it } from 'vitest';
import { makeCatalog, unpackStrings } from '../../web/src/worker/filmCatalog.js';

function pack(strings) {
  const encoder = new TextEncoder();
  const parts = strings.map((s) => encoder.encode(s));
  const offsets = [0];
  for (const p of parts) offsets.push(offsets.at(-1) + p.length);
  const bytes = new Uint8Array(offsets.at(-1));
  parts.forEach((p, i) => bytes.set(p, offsets[i]));
  return { bytes, offsets: Uint32Array.from(offsets) };
}

describe('unpackStrings', () => {
  it('keeps any character, newlines and accents included', () => {
    const strings = ['Amélie', 'a\nb', '', 'Léon: The Professional'];
    expect(unpackStrings(pack(strings))).toEqual(strings);
  });
});

describe('makeCatalog', () => {
  const raw = {
    movieIds: Int32Array.from([1, 50, 7]),
    titles: pack(['Toy Story (1995)', 'Usual Suspects, The (1995)', 'No Year']),
    names: pack(['Toy Story', 'The Usual Suspects', 'No Year']),
    aliases: pack(['', '', 'Sans année']),
    years: Int16Array.from([1995, 1995, 0]),
    genres: Uint32Array.from([0b011, 0b100, 0]),
    genreNames: ['Animation', 'Comedy', 'Crime'],
    counts: Int32Array.from([200, 150, 0]),
  };

  it("builds rich films from ids, with the engine's names", () => {
    const c = makeCatalog(raw);
    expect(c.size).toBe(3);
    expect(c.film(50)).toEqual({
      movieId: 50,
      title: 'Usual Suspects, The (1995)',
      name: 'The Usual Suspects',
      alias: null,
      year: 1995,
      genres: ['Crime'],
      ratings: 150,
      imdbId: null, // no links.csv read yet
      tmdbId: null,
    });
    expect(c.film(7).year).toBeNull();
    expect(c.film(7).alias).toBe('Sans année');
    expect(c.film(1).genres).toEqual(['Animation', 'Comedy']);
  });

  it("takes each film's IMDb and TMDB ids from the engine's links, 0 meaning none, and keeps them with the counts", () => {
    const links = { imdbIds: Float64Array.from([114709, 114814, 0]), tmdbIds: Float64Array.from([862, 0, 0]) };
    const c = makeCatalog(raw, { withCounts: false }).linked(links);
    expect(c.film(1)).toMatchObject({ imdbId: 114709, tmdbId: 862, ratings: null });
    expect(c.film(50)).toMatchObject({ imdbId: 114814, tmdbId: null });
    expect(c.film(7)).toMatchObject({ imdbId: null, tmdbId: null });
    expect(c.counted(Int32Array.from([5, 6, 7])).film(1)).toMatchObject({ imdbId: 114709, ratings: 5 });
    expect(() => c.linked({ imdbIds: [1], tmdbIds: [1] })).toThrow(/1 links for 3 films/);
  });

  it('leaves the tags the engine calls formats out of the films’ genres and the genres offered, keeping the bit order', () => {
    const c = makeCatalog({ ...raw, genreNames: ['Animation', 'IMAX', 'Crime'], formats: ['IMAX'] });
    expect(c.film(1).genres).toEqual(['Animation']); // bits 0 and 1: Animation and IMAX
    expect(c.film(50).genres).toEqual(['Crime']);
    expect(c.offeredGenres).toEqual(['Animation', 'Crime']);
    expect(c.genreNames).toEqual(['Animation', 'IMAX', 'Crime']); // the bits still index every tag
  });

  it('knows the span of release years, films without a year left out', () => {
    expect(makeCatalog(raw).yearRange).toEqual({ min: 1995, max: 1995 });
  });

  it('rejects unknown ids and mismatched titles', () => {
    const c = makeCatalog(raw);
    expect(() => c.film(999)).toThrow(/unknown movieId 999/);
    expect(() => makeCatalog({ ...raw, titles: pack(['only one']) })).toThrow(/1 titles for 3 films/);
  });
});
