// The Embind face itself, without the worker: visitors folded in bit for bit as natively,
// numbers checked before they reach C++, saved models, and a catalogue no title can break.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unpackStrings } from '../../web/src/worker/filmCatalog.js';
import { dataDir, loadReel, nativeReel } from './engineHarness.js';
import { syntheticMovieLens } from './syntheticMovieLens.js';
import { trainedModels } from './trainedModels.js';

let Module;
let engine;
let data;
let movies;
let ratings;

// A visitor: three loved films, one disliked, one the catalogue lacks.
const PROFILE = [
  [1, 5.0],
  [2571, 4.5],
  [4973, 4.0],
  [296, 1.5],
  [5618, 5.0],
  [999999, 3.0],
];
const ids = Int32Array.from(PROFILE.map((p) => p[0]));
const stars = Float32Array.from(PROFILE.map((p) => p[1]));

beforeAll(async () => {
  Module = await loadReel();
  data = dataDir();
  movies = readFileSync(path.join(data, 'movies.csv'));
  ratings = readFileSync(path.join(data, 'ratings.csv'));
  engine = new Module.Engine();
  engine.load(movies, ratings, 42);
  engine.restore(trainedModels()); // trained once for the run, by the global setup
}, 300_000);

describe('the registry', () => {
  it('is readable before any data is loaded', () => {
    const fresh = new Module.Engine();
    const models = fresh.models();
    expect(models.map((m) => m.name)).toEqual(['rating', 'ranking', 'implicit']);
    for (const m of models) {
      expect(m.epochsDone).toBe(0);
      expect(m.epochs).toBeGreaterThan(0);
      expect(m.description.length).toBeGreaterThan(20);
    }
    fresh.delete();
  });
});

describe('films like X, measured', () => {
  it('gives neighbour recall for every model, then the item-kNN baseline as model null', () => {
    const figures = engine.evaluateNeighbours();
    expect(figures.map((f) => f.model)).toEqual(['rating', 'ranking', 'implicit', null]);
    for (const f of figures) {
      expect(f.recall10).toBeGreaterThan(0.1);
      expect(f.recall10).toBeLessThan(0.5);
    }
  });
});

describe('a visitor folded in', () => {
  it.each(['rating', 'ranking', 'implicit'])('gives the %s model the same scores and reasons as the native CLI, bit for bit', (model) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'reel-visitor-'));
    const file = path.join(dir, 'me.csv');
    writeFileSync(file, `userId,movieId,rating\n${PROFILE.map(([m, s]) => `1,${m},${s}`).join('\n')}\n`);
    const native = JSON.parse(
      execFileSync(nativeReel(), ['recommend', '--data', data, '--ratings', file, '--model', model, '-k', '10', '--json'], {
        encoding: 'utf8',
      }),
    );
    const r = engine.recommendFor(ids, stars, 10, model, undefined, undefined);
    expect(Array.from(r.movieIds)).toEqual(native.picks.map((p) => p.movieId));
    // %.9g reads back to the same float32, so equality after rounding is equality of bits.
    expect(Array.from(r.scores)).toEqual(native.picks.map((p) => Math.fround(p.score)));
    expect(Array.from(r.bases)).toEqual(native.picks.map((p) => Math.fround(p.base)));
    const reasons = native.picks.flatMap((p) => p.because);
    expect(Array.from(r.reasonIds)).toEqual(reasons.map((b) => b.movieId));
    expect(Array.from(r.reasonShares)).toEqual(reasons.map((b) => Math.fround(b.share)));
    expect(Array.from(r.unknown)).toEqual([999999]);
    for (const id of r.movieIds) expect(PROFILE.map((p) => p[0])).not.toContain(id);
  });

  it('keeps the films given as seen out of the list, without folding them in', () => {
    const plain = engine.recommendFor(ids, stars, 10, 'implicit', undefined, undefined);
    const seen = Int32Array.from(plain.movieIds.slice(0, 2));
    const r = engine.recommendFor(ids, stars, 10, 'implicit', undefined, seen);
    expect(Array.from(r.movieIds)).not.toContain(seen[0]);
    expect(Array.from(r.movieIds)).not.toContain(seen[1]);
    expect(Array.from(r.scores.slice(0, 8))).toEqual(Array.from(plain.scores.slice(2)));
    expect(() => engine.recommendFor(ids, stars, 10, 'implicit', undefined, [1, 2])).toThrow(/seen must be an Int32Array/);
  });

  it('splits a score exactly over the films rated', () => {
    for (const model of ['rating', 'ranking', 'implicit']) {
      const top = engine.recommendFor(ids, stars, 3, model, undefined, undefined);
      for (const movieId of top.movieIds) {
        const e = engine.explainFor(ids, stars, movieId, model);
        const sum = Array.from(e.shares).reduce((a, b) => a + b, e.base);
        expect(Math.abs(sum - e.score)).toBeLessThan(1e-4 * Math.max(1, Math.abs(e.score)));
        expect(Array.from(e.movieIds).sort((a, b) => a - b)).toEqual([1, 296, 2571, 4973, 5618]);
      }
    }
  });

  it('applies filters inside the engine, so ten films still come back', () => {
    const r = engine.recommendFor(ids, stars, 10, 'ranking', { anyGenre: ['Horror'], fromYear: 1990, toYear: 1999 }, undefined);
    expect(r.movieIds).toHaveLength(10);
    const c = engine.catalog();
    const index = new Map(Array.from(c.movieIds, (id, i) => [id, i]));
    const horror = 1 << c.genreNames.indexOf('Horror');
    for (const id of r.movieIds) {
      const i = index.get(id);
      expect(c.genres[i] & horror).toBe(horror);
      expect(c.years[i]).toBeGreaterThanOrEqual(1990);
      expect(c.years[i]).toBeLessThanOrEqual(1999);
    }
    expect(() => engine.recommendFor(ids, stars, 10, 'ranking', { anyGenre: ['Westerns'] }, undefined)).toThrow(/no genre 'Westerns'/);
  });
});

describe('numbers from JavaScript', () => {
  it.each([
    [
      '2^32 + 1 as a film (it used to wrap to film 1)',
      () => engine.similar(2 ** 32 + 1, 10, 'ranking', undefined),
      /movieId must be a whole number/,
    ],
    ['a fractional k', () => engine.similar(1, 2.5, 'ranking', undefined), /k must be a whole number from 0 to 1000/],
    ['a negative k', () => engine.recommend(1, -1, 'ranking', undefined), /k must be a whole number/],
    ['a null user', () => engine.recommend(null, 10, 'ranking', undefined), /userId must be a number/],
    ['a string film', () => engine.similar('1', 10, 'ranking', undefined), /movieId must be a number/],
    ['a null seed (it used to be 0)', () => new Module.Engine().load(movies, ratings, null), /seed must be a number/],
    ['a seed past 2^53', () => new Module.Engine().load(movies, ratings, 2 ** 60), /seed must be a whole number from 0 to/],
  ])('rejects %s', (_, call, message) => {
    expect(call).toThrow(message);
    expect(engine.similar(1, 3, 'ranking', undefined).movieIds).toHaveLength(3); // and keeps answering
  });
});

describe('saved models', () => {
  it('round-trip bit for bit, and answer as before', () => {
    const bytes = engine.save();
    const other = new Module.Engine();
    other.load(movies, ratings, 42);
    other.restore(bytes);
    expect(other.models().every((m) => m.epochsDone === m.epochs)).toBe(true);
    expect(Buffer.compare(Buffer.from(other.save()), Buffer.from(bytes))).toBe(0);
    expect(Array.from(other.recommendFor(ids, stars, 10, 'ranking', undefined, undefined).scores)).toEqual(
      Array.from(engine.recommendFor(ids, stars, 10, 'ranking', undefined, undefined).scores),
    );
    other.delete();
  });

  it('refuse a damaged file or other data, and leave the engine as it was', () => {
    const bytes = engine.save();
    const fresh = new Module.Engine();
    fresh.load(movies, ratings, 42);
    const damaged = bytes.slice();
    damaged[1000] ^= 1;
    expect(() => fresh.restore(damaged)).toThrow(/damaged/);
    expect(() => fresh.restore(bytes.slice(0, 100))).toThrow(/damaged|cut short/);
    expect(fresh.models().every((m) => m.epochsDone === 0)).toBe(true);
    const otherData = new Module.Engine();
    otherData.load(movies, ratings, 7); // another split: other training data
    expect(() => otherData.restore(bytes)).toThrow(/trained on other data/);
    fresh.delete();
    otherData.delete();
  });
});

describe('the catalogue', () => {
  it("carries any title as UTF-8 with offsets, and names from the engine's title grammar", () => {
    const e = new Module.Engine();
    e.load(
      'movieId,title,genres\n1,"Amélie, ""le fabuleux"" (2001)",Comedy\n2,"Postman, The (Postino, Il) (1994)",Comedy\n',
      'userId,movieId,rating\n1,1,4\n1,2,3\n2,1,5\n',
      1,
    );
    const c = e.catalog();
    expect(unpackStrings(c.titles)).toEqual(['Amélie, "le fabuleux" (2001)', 'Postman, The (Postino, Il) (1994)']);
    expect(unpackStrings(c.names)).toEqual(['Amélie, "le fabuleux"', 'The Postman']);
    expect(unpackStrings(c.aliases)).toEqual(['', 'Il Postino']);
    e.delete();
  });

  it('refuses a title holding a newline, naming the line, rather than breaking the page later', () => {
    const e = new Module.Engine();
    expect(() => e.load('movieId,title,genres\n1,"Two\nLines (2000)",Drama\n', 'userId,movieId,rating\n1,1,4\n', 1)).toThrow(
      /movies\.csv line 2: .*control character/,
    );
    e.delete();
  });
});

describe('ratings.csv read in pieces', () => {
  // Past 8 MiB the binding hands the parser one piece at a time; the load must be the one the
  // whole text gives, and an error past the first piece must still name its own line.
  const big = () => {
    let csv = 'userId,movieId,rating,timestamp\r\n';
    for (let n = 0; csv.length < 9.5 * 2 ** 20; n++)
      csv += `${(n % 5000) + 1},${(Math.floor(n / 5000) % 400) + 1},${((n % 10) + 1) / 2},${n}\r\n`;
    return csv;
  };

  it('gives the same data as the whole text, to the fingerprint', () => {
    const csv = big();
    const inPieces = new Module.Engine();
    const whole = new Module.Engine();
    const a = inPieces.load('', new TextEncoder().encode(csv), 3);
    const b = whole.load('', csv, 3);
    expect(a).toEqual(b);
    expect(a.ratings).toBeGreaterThan(400_000);
    expect(inPieces.fingerprint()).toBe(whole.fingerprint());
    inPieces.delete();
    whole.delete();
  });

  it('names the line of a bad value far past the first piece, and keeps the data it had', () => {
    const lines = big().split('\r\n');
    const bad = lines.length - 3; // near the end: in the second piece
    lines[bad] = lines[bad].replace(/,[0-9.]+,(\d+)$/, ',4.2,$1');
    const e = new Module.Engine();
    e.load(movies, ratings, 42);
    const before = e.fingerprint();
    expect(() => e.load('', new TextEncoder().encode(lines.join('\r\n')), 3)).toThrow(
      new RegExp(`ratings\\.csv line ${bad + 1}: rating '4\\.2' is not a half star`),
    );
    expect(e.fingerprint()).toBe(before);
    e.delete();
  });
});

describe('memory while loading', () => {
  // The module's memory only grows, so what a fresh one holds after load is the load's peak. The
  // text of ratings.csv copied in whole (twice, by Embind) with 32-byte rows took 7.3 bytes per
  // byte of CSV, and MovieLens 25M ran out of the 4 GiB; read in pieces it takes about 3.
  it('stays under 5 bytes of module memory per byte of ratings.csv', async () => {
    const fresh = await loadReel();
    const d = syntheticMovieLens({ users: 12000, films: 4000 });
    const csv = new TextEncoder().encode(d.ratings);
    expect(csv.length).toBeGreaterThan(10e6);
    const before = fresh.HEAPU8.length;
    const e = new fresh.Engine();
    expect(e.load(d.movies, csv, 1).ratings).toBe(d.count);
    const grown = fresh.HEAPU8.length - before;
    expect(grown / csv.length).toBeLessThan(5);
    e.delete();
  }, 60_000);
});

describe('filmLinks', () => {
  it("gives every film's IMDb and TMDB ids in catalogue order: zeros until links.csv is read, then its ids", () => {
    const fresh = new Module.Engine();
    fresh.load(movies, ratings, 42);
    const ids = Array.from(fresh.catalog().movieIds);
    const before = fresh.filmLinks();
    expect(before.imdbIds).toHaveLength(ids.length);
    expect(before.imdbIds.every((x) => x === 0) && before.tmdbIds.every((x) => x === 0)).toBe(true);

    fresh.loadLinks(readFileSync(path.join(data, 'links.csv')));
    const { imdbIds, tmdbIds } = fresh.filmLinks();
    const at = (movieId) => ids.indexOf(movieId);
    expect([imdbIds[at(1)], tmdbIds[at(1)]]).toEqual([114709, 862]);
    expect([imdbIds[at(791)], tmdbIds[at(791)]]).toEqual([113610, 0]); // links.csv names no TMDB film for it
    expect(imdbIds.every((x) => x > 0)).toBe(true);
    fresh.delete();
  });

  it('refuses a links.csv whose tmdbId is not a whole number, naming the line', () => {
    const fresh = new Module.Engine();
    fresh.load(movies, ratings, 42);
    expect(() => fresh.loadLinks(new TextEncoder().encode('movieId,imdbId,tmdbId\n1,0114709,86x\n'))).toThrow(/line 2.*tmdbId '86x'/);
    fresh.delete();
  });
});

describe('catalog formats', () => {
  it('names IMAX a format, among the tags whose bits the films carry', () => {
    const c = engine.catalog();
    expect(c.formats).toEqual(['IMAX']);
    const imax = 1 << c.genreNames.indexOf('IMAX');
    const darkKnight = Array.from(c.movieIds).indexOf(58559);
    expect(c.genres[darkKnight] & imax).toBe(imax); // the tag stays on the film, as MovieLens has it
  });
});
