// Bringing ratings from IMDb and Letterboxd, through the real wasm engine and the worker, on the
// fixtures in tests/fixtures (written to the published column layouts): every row is matched or
// reported with why — a byte-order mark, CRLF, quoted titles and out-of-range ratings included.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteData, engineClient, fileFetch, root } from './engineHarness.js';

const fixture = (name) => new Uint8Array(readFileSync(path.join(root, 'tests/fixtures', name)));

let client;
let harness;

beforeAll(async () => {
  harness = engineClient();
  client = harness.client;
  await client.load({ dataUrl: siteData() }); // importing needs the catalogue, not trained models
}, 300_000);

describe('an IMDb "Your ratings" export', () => {
  let r;
  beforeAll(async () => {
    // Not sent with the data (the first answers need none of it): the import asks for it, once.
    expect(harness.worker.fetched.filter((f) => f === 'links.csv')).toHaveLength(0);
    r = await client.importRatings({ bytes: fixture('imdb_ratings.csv'), fileName: 'imdb_ratings.csv' });
    expect(harness.worker.fetched.filter((f) => f === 'links.csv')).toHaveLength(1);
  });

  it('is recognised and matched by IMDb id through links.csv, 1–10 becoming half stars', () => {
    expect(r.format).toBe('IMDb');
    expect(r.matched.map((m) => [m.movieId, m.stars, m.line])).toEqual([
      [1, 5, 2], // the first row, right after a header that starts with a byte-order mark
      [2571, 4.5, 3],
      [4973, 4, 4],
      [296, 1.5, 5],
      [356, 3.5, 10], // a quoted title with doubled quotes, matched by its id
    ]);
    expect(r.matched[0]).toMatchObject({ name: 'Toy Story', year: 1995 });
  });

  it('reports every row it could not use, with why — ratings out of range are reported, not dropped', () => {
    expect(r.unmatched.map((u) => [u.line, u.title, u.year])).toEqual([
      [6, 'Breaking Bad', 2008],
      [7, 'A Film From 2023', 2023],
      [8, 'Se7en', 1995],
      [9, 'Star Wars', 1977],
    ]);
    const [series, newer, eleven, zero] = r.unmatched.map((u) => u.reason);
    expect(series).toMatch(/TV Series, not a film/);
    expect(newer).toMatch(/not in this MovieLens catalogue/);
    expect(eleven).toMatch(/'11'.*1 to 10/);
    expect(zero).toMatch(/'0'.*1 to 10/);
    expect(r.matched.length + r.unmatched.length).toBe(9); // every data row accounted for
  });

  it('fetches nothing more: links.csv came with the data', async () => {
    await client.importRatings({ bytes: fixture('imdb_ratings.csv'), fileName: 'again.csv' });
    expect(harness.worker.fetched.filter((f) => f === 'links.csv')).toHaveLength(1);
  });
});

describe('a Letterboxd ratings.csv', () => {
  let r;
  beforeAll(async () => {
    r = await client.importRatings({ bytes: fixture('letterboxd_ratings.csv'), fileName: 'ratings.csv' });
  });

  it('is matched by title and year, with articles, accents and a.k.a. titles; a film rated twice keeps its later row', () => {
    expect(r.format).toBe('Letterboxd');
    const byId = Object.fromEntries(r.matched.map((m) => [m.movieId, m.stars]));
    expect(byId).toEqual({ 1: 4.5, 50: 4.5, 4973: 4, 293: 4, 47: 3.5, 3996: 4, 58: 3, 541: 4.5 });
  });

  it('reports the film newer than the catalogue and the rating out of range; the one logged without a rating is seen', () => {
    expect(r.unmatched.map((u) => [u.line, u.title])).toEqual([
      [9, 'Parasite'],
      [10, 'Heat'],
    ]);
    expect(r.unmatched[0].reason).toMatch(/no film of that title and year/);
    expect(r.unmatched[1].reason).toMatch(/'7' is not a half star/);
    expect(r.marks.map(({ movieId, mark }) => [movieId, mark])).toEqual([[858, 'seen']]);
  });
});

// Issue 24: −0.5 became 0.5★ and a Year of 2³² + 2001 matched Amélie, both "now in your ratings";
// a 1 MB title made a row 9.9 million px wide, and control bytes reached the page as they were.
describe('values that are not there', () => {
  const letterboxd = (rows) =>
    new TextEncoder().encode(`Date,Name,Year,Letterboxd URI,Rating\n${rows.map((r) => `2024-01-01,${r.join(',')}`).join('\n')}\n`);

  it('matches no year outside the years of films and no rating outside half stars, and says why', async () => {
    const r = await client.importRatings({
      bytes: letterboxd([
        ['Amélie', '4294969297', 'https://boxd.it/a', '4'],
        ['Amélie', '2001', 'https://boxd.it/a', '-0.5'],
        ['Amélie', '9223372036854775807', 'https://boxd.it/a', '4'],
        ['Amélie', '2001', 'https://boxd.it/a', '4'],
      ]),
      fileName: 'ratings.csv',
    });
    expect(r.matched.map((m) => [m.movieId, m.stars, m.line])).toEqual([[4973, 4, 5]]);
    expect(r.unmatched.map((u) => [u.line, u.year, u.reason])).toEqual([
      [2, 0, "year '4294969297' is not a year from 1870 to 2100"],
      [3, 2001, "rating '-0.5' is not a half star from 0.5 to 5"],
      [4, 0, "year '9223372036854775807' is not a year from 1870 to 2100"],
    ]);
  });

  it('cuts a title it echoes to a readable length and escapes its control characters', async () => {
    const r = await client.importRatings({
      bytes: letterboxd([
        ['x'.repeat(1 << 20), '2001', 'https://boxd.it/a', '4'],
        ['"Bad\u001b[2J\rTitle"', '2001', 'https://boxd.it/a', '4'],
      ]),
      fileName: 'ratings.csv',
    });
    const [long, raw] = r.unmatched.map((u) => u.title);
    expect(long.length).toBeLessThanOrEqual(121);
    expect(long.endsWith('…')).toBe(true);
    expect(raw).toBe('Bad\\x1b[2J\\rTitle');
  });

  it('tells a line it could not read from a row that named no film of this catalogue', async () => {
    const bytes = new TextEncoder().encode(
      'Date,Name,Year,Letterboxd URI,Rating\n2024-01-01,Toy Story,1995,https://boxd.it/a,4\n2024-01-02,Heat,1995,x,4,extra\n2024-01-03,No Such Film,2031,y,3\n',
    );
    const r = await client.importRatings({ bytes, fileName: 'ratings.csv' });
    expect(r.matched.map((m) => m.movieId)).toEqual([1]);
    expect(r.unmatched.map((u) => [u.line, u.unreadable])).toEqual([
      [3, true],
      [4, false],
    ]);
  });

  it("says when a list's name does not tell seen from to watch, and reads it as the visitor says", async () => {
    const bytes = new TextEncoder().encode('Date,Name,Year,Letterboxd URI\n2024-01-01,Heat,1995,https://boxd.it/x\n');
    const guessed = await client.importRatings({ bytes, fileName: 'list.csv' });
    expect([guessed.unratedGuess, guessed.marks.map((m) => [m.movieId, m.mark])]).toEqual(['seen', [[6, 'seen']]]);
    const said = await client.importRatings({ bytes, fileName: 'list.csv', unrated: 'watchlist' });
    expect([said.unratedGuess, said.marks.map((m) => [m.movieId, m.mark])]).toEqual(['', [[6, 'watchlist']]]);
    const named = await client.importRatings({ bytes, fileName: 'watchlist.csv' });
    expect([named.unratedGuess, named.marks.map((m) => m.mark)]).toEqual(['', ['watchlist']]);
  });

  it('calls an IMDb id outside its grammar malformed, not unknown', async () => {
    const imdb = new TextEncoder().encode('Const,Your Rating,Title,Year\ntt-0114709,10,Toy Story,1995\n');
    const r = await client.importRatings({ bytes: imdb, fileName: 'imdb.csv' });
    expect(r.unmatched.map((u) => u.reason)).toEqual(["IMDb id 'tt-0114709' is not of the form tt0114709"]);
  });
});

describe('other files', () => {
  it('refuses a file that is neither export, readably', async () => {
    const bytes = new TextEncoder().encode('a,b,c\n1,2,3\n');
    await expect(client.importRatings({ bytes, fileName: 'mystery.csv' })).rejects.toThrow(/mystery\.csv is neither an IMDb export/);
  });

  it("exports ratings and marks as Reel's own CSV with display titles, which imports back unchanged", async () => {
    const ratings = [
      { movieId: 1, stars: 5 },
      { movieId: 58, stars: 3.5 },
    ];
    const marks = [
      { movieId: 318, mark: 'watchlist' },
      { movieId: 1, mark: 'seen' },
    ];
    const text = await client.profileCsv({ ratings, marks });
    expect(text).toBe(
      'movieId,title,year,rating,mark\n1,"Toy Story",1995,5,seen\n58,"The Postman",1994,3.5,\n318,"The Shawshank Redemption",1994,,watchlist\n',
    );
    const back = await client.importRatings({ bytes: new TextEncoder().encode(text), fileName: 'reel-ratings.csv' });
    expect(back.format).toBe('Reel');
    expect(back.matched.map(({ movieId, stars }) => ({ movieId, stars }))).toEqual(ratings);
    expect(back.marks.map(({ movieId, mark }) => ({ movieId, mark }))).toEqual([
      { movieId: 1, mark: 'seen' },
      { movieId: 318, mark: 'watchlist' },
    ]);
    expect(back.marks[1].name).toBe('The Shawshank Redemption');
    expect(back.unmatched).toEqual([]);
    await expect(client.profileCsv({ ratings, marks: [{ movieId: 2, mark: 'loved' }] })).rejects.toThrow(/mark of movieId 2 is 'loved'/);
  });

  it('exports films in the columns Letterboxd imports, by IMDb and TMDB id, with no rating for a film only seen', async () => {
    const text = await client.letterboxdCsv({
      films: [
        { movieId: 318, stars: 4.5 },
        { movieId: 1, stars: 0 },
      ],
    });
    expect(text).toBe(
      'Title,Year,imdbID,tmdbID,Rating,WatchedDate\n"The Shawshank Redemption",1994,tt0111161,278,4.5,\n"Toy Story",1995,tt0114709,862,,\n',
    );
  });
});

describe('when links.csv fails to download', () => {
  it('an IMDb import says the download failed, not that there is none, and the next import asks again and matches', async () => {
    const fetched = [];
    let failures = 1;
    const fetchBytes = fileFetch(fetched);
    const { client: c } = engineClient({
      fetchBytes: (file, options) =>
        file.endsWith('links.csv') && failures-- > 0 ? Promise.reject(new Error('offline')) : fetchBytes(file, options),
    });
    await c.load({ dataUrl: siteData() });
    const first = await c.importRatings({ bytes: fixture('imdb_ratings.csv'), fileName: 'imdb_ratings.csv' });
    expect(first).toMatchObject({ noLinks: true, linksFailed: true });
    expect(first.matched).toEqual([]);
    const second = await c.importRatings({ bytes: fixture('imdb_ratings.csv'), fileName: 'imdb_ratings.csv' });
    expect(second).toMatchObject({ noLinks: false, linksFailed: false });
    expect(second.matched.map((m) => m.movieId)).toEqual([1, 2571, 4973, 296, 356]);
    expect(fetched.filter((f) => f === 'links.csv')).toHaveLength(1); // the failed one never reached fileFetch
    expect((await c.film({ movieId: 1 })).imdbId).toBe(114709); // and the films link out again
  });
});
