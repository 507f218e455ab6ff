// Reading a dropped MovieLens (readDataset): a zip as GroupLens packs it or zipped by hand, Zip64
// included, or the CSV files loose — the right files picked, their bytes exact, progress that only
// moves forward, and every refusal a sentence naming the file, sizes refused before any is read.
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../web/src/worker/dataset/datasetFiles.js';
import { neededBytes, sizeText } from '../../web/src/worker/dataset/datasetLimits.js';
import { zipDirectory } from '../../web/src/worker/dataset/zipDirectory.js';
import { centralEntries, claimSize, concat, makeZip, patchEntry, text, toZip64, watchedFile } from './zipFixtures.js';

const MOVIES = 'movieId,title,genres\n1,Toy Story (1995),Animation|Comedy\n2,Heat (1995),Action|Crime\n';
const RATINGS = 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n1,2,3.5,964981247\n2,1,5.0,964982224\n';
const LINKS = 'movieId,imdbId,tmdbId\n1,0114709,862\n2,0113277,949\n';

const same = (a, b) => a instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));
const fileOf = (bytes, name) => new File([bytes], name);

/** CSV-like text of about `bytes` bytes that does not compress to nothing. */
function bulky(bytes, seed = 1) {
  let x = seed;
  const lines = ['userId,movieId,rating,timestamp'];
  let n = 32;
  while (n < bytes) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const line = `${x % 200000},${(x >> 7) % 90000},${((x >> 3) % 10) / 2 + 0.5},${1e9 + (x % 1e8)}`;
    lines.push(line);
    n += line.length + 1;
  }
  return text(`${lines.join('\n')}\n`);
}

async function read(files, options = {}) {
  const progress = [];
  const result = await readDataset(files, { onProgress: (p) => progress.push(p), ...options });
  return { result, progress };
}

async function refusal(files, options = {}) {
  const progress = [];
  const error = await readDataset(files, { onProgress: (p) => progress.push(p), ...options }).then(
    () => null,
    (e) => e,
  );
  expect(error, 'the dataset should have been refused').toBeInstanceOf(Error);
  return { message: error.message, progress };
}

describe('a MovieLens zip', () => {
  it('finds the files inside their folder, ignores macOS shadows, and gives back their exact bytes', async () => {
    const zip = makeZip({
      'ml-x/': new Uint8Array(0),
      '__MACOSX/ml-x/._ratings.csv': 'not data',
      '__MACOSX/ml-x/ratings.csv': 'nothing in that folder is data',
      'ml-x/._movies.csv': 'not data either',
      'ml-x/movies.csv': MOVIES,
      'ml-x/ratings.csv': RATINGS,
      'ml-x/links.csv': LINKS,
      'ml-x/tags.csv': 'userId,movieId,tag,timestamp\n',
    });
    const { result } = await read([fileOf(zip, 'ml-x.zip')]);
    expect(result.source).toBe('ml-x.zip');
    expect(result.what).toBe('ml-x/ratings.csv in ml-x.zip');
    expect(same(result.ratings, text(RATINGS))).toBe(true);
    expect(same(result.movies, text(MOVIES))).toBe(true);
    expect(same(result.links, text(LINKS))).toBe(true);
    expect(result.ratingsBytes).toBe(text(RATINGS).length);
  });

  it('reads stored and deflated entries alike', async () => {
    const ratings = bulky(300_000);
    const zip = makeZip(
      { 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': ratings },
      { levels: { 'ml-x/movies.csv': 0, 'ml-x/ratings.csv': 9 } },
    );
    const methods = Object.fromEntries(centralEntries(zip).entries.map((e) => [e.path, e.method]));
    expect(methods).toEqual({ 'ml-x/movies.csv': 0, 'ml-x/ratings.csv': 8 }); // the premise: one of each
    const { result } = await read([fileOf(zip, 'ml-x.zip')]);
    expect(same(result.ratings, ratings)).toBe(true);
    expect(same(result.movies, text(MOVIES))).toBe(true);

    const swapped = makeZip(
      { 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': ratings },
      { levels: { 'ml-x/movies.csv': 9, 'ml-x/ratings.csv': 0 } },
    );
    const again = await read([fileOf(swapped, 'ml-x.zip')]);
    expect(same(again.result.ratings, ratings)).toBe(true);
    expect(same(again.result.movies, text(MOVIES))).toBe(true);
  });

  it('takes the files at the top of the zip, in any case, and goes without links.csv', async () => {
    const zip = makeZip({ 'Movies.CSV': MOVIES, 'RATINGS.csv': RATINGS });
    const { result } = await read([fileOf(zip, 'mine.ZIP')]);
    expect(same(result.ratings, text(RATINGS))).toBe(true);
    expect(same(result.movies, text(MOVIES))).toBe(true);
    expect(result.links).toBeNull();
    expect(result.what).toBe('RATINGS.csv in mine.ZIP');
  });

  it('is known by its bytes when its name does not end in .zip', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const { result } = await read([fileOf(zip, 'download')]);
    expect(same(result.ratings, text(RATINGS))).toBe(true);
  });

  it('finds its table of contents behind a zip comment', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const comment = text('made by hand, with a PK in it');
    const commented = concat([zip, comment]);
    new DataView(commented.buffer).setUint16(zip.length - 2, comment.length, true);
    const { result } = await read([fileOf(commented, 'ml-x.zip')]);
    expect(same(result.ratings, text(RATINGS))).toBe(true);
  });

  it('reports the compressed bytes of the files it uses, only ever forward, up to their total', async () => {
    const ratings = bulky(2_600_000, 2);
    const movies = bulky(200_000, 3);
    const zip = makeZip({ 'ml-x/movies.csv': movies, 'ml-x/ratings.csv': ratings, 'ml-x/tags.csv': bulky(100_000, 4) }, { level: 0 });
    const used = centralEntries(zip).entries.filter((e) => !e.path.endsWith('tags.csv'));
    const total = used.reduce((a, e) => a + e.compressedSize, 0);
    const { result, progress } = await read([fileOf(zip, 'ml-x.zip')]);
    expect(same(result.ratings, ratings)).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(4); // ratings.csv alone takes three slices
    for (const p of progress) {
      expect(p).toMatchObject({ stage: 'unzip', source: 'ml-x.zip', total });
      expect(p.unzipped).toBeLessThanOrEqual(p.unzipTotal);
    }
    for (let i = 1; i < progress.length; i++) expect(progress[i].loaded).toBeGreaterThan(progress[i - 1].loaded);
    expect(progress.at(-1).loaded).toBe(total);
    expect(progress.at(-1)).toMatchObject({ file: 'ratings.csv', unzipped: ratings.length, unzipTotal: ratings.length });
    expect(progress.map((p) => p.file)).toContain('movies.csv');
  });

  it('reads a Zip64 zip, whichever sizes its entries move to the Zip64 field', async () => {
    const ratings = bulky(200_000, 5);
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/links.csv': LINKS, 'ml-x/ratings.csv': ratings });
    for (const fields of [['size', 'compressedSize', 'offset'], ['compressedSize'], ['offset'], ['size', 'offset']]) {
      const { result } = await read([fileOf(toZip64(zip, { fields }), 'ml-x.zip')]);
      expect(same(result.ratings, ratings), `Zip64 fields ${fields}`).toBe(true);
      expect(same(result.movies, text(MOVIES)), `Zip64 fields ${fields}`).toBe(true);
      expect(same(result.links, text(LINKS)), `Zip64 fields ${fields}`).toBe(true);
    }
  });

  it('lists sizes past 4 GB truthfully from a Zip64 directory', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const big = toZip64(zip, { fields: [], sizes: { 'ml-x/ratings.csv': 5_000_000_000 } });
    const listed = await zipDirectory(new Blob([big]));
    expect(listed.find((e) => e.name === 'ratings.csv').size).toBe(5_000_000_000);
    const { message, progress } = await refusal([fileOf(big, 'ml-x.zip')]);
    expect(message).toMatch(/ml-x\/ratings\.csv in ml-x\.zip is 5\.0 GB/);
    expect(progress).toEqual([]);
  });
});

describe('a zip Reel refuses', () => {
  it('holds ratings.dat: the older MovieLens format, with what Reel reads instead', async () => {
    const zip = makeZip({ 'ml-1m/ratings.dat': '1::1193::5::978300760\n', 'ml-1m/movies.dat': '1::Toy Story (1995)::Animation\n' });
    const { message } = await refusal([fileOf(zip, 'ml-1m.zip')]);
    expect(message).toMatch(/^ml-1m\.zip holds ratings\.dat, the older MovieLens format/);
    expect(message).toMatch(/ratings\.csv and movies\.csv/);
  });

  it('holds no ratings.csv: says what it holds instead', async () => {
    const zip = makeZip({ 'photos/a.jpg': 'jpeg', 'photos/b.jpg': 'jpeg', 'notes.txt': 'hello' });
    const { message, progress } = await refusal([fileOf(zip, 'holiday.zip')]);
    expect(message).toMatch(/^holiday\.zip holds no ratings\.csv/);
    for (const path of ['photos/a.jpg', 'photos/b.jpg', 'notes.txt']) expect(message).toContain(path);
    expect(progress).toEqual([]);
    const empty = await refusal([fileOf(makeZip({}), 'empty.zip')]);
    expect(empty.message).toMatch(/empty\.zip holds no ratings\.csv \(it is empty\)/);
  });

  it('holds no ratings.csv but its macOS shadow: the shadow is not data', async () => {
    const zip = makeZip({ '__MACOSX/ml-x/._ratings.csv': 'x', 'ml-x/movies.csv': MOVIES });
    const { message } = await refusal([fileOf(zip, 'ml-x.zip')]);
    expect(message).toMatch(/holds no ratings\.csv/);
    expect(message).not.toContain('__MACOSX');
  });

  it('holds two ratings.csv: names both', async () => {
    const zip = makeZip({ 'a/ratings.csv': RATINGS, 'a/movies.csv': MOVIES, 'b/ratings.csv': RATINGS, 'b/movies.csv': MOVIES });
    const { message } = await refusal([fileOf(zip, 'two.zip')]);
    expect(message).toMatch(/two\.zip holds more than one ratings\.csv/);
    expect(message).toContain('a/ratings.csv');
    expect(message).toContain('b/ratings.csv');
  });

  it('has ratings.csv without movies.csv beside it (one in another folder does not count)', async () => {
    const zip = makeZip({ 'a/ratings.csv': RATINGS, 'b/movies.csv': MOVIES });
    const { message } = await refusal([fileOf(zip, 'split.zip')]);
    expect(message).toBe('split.zip has a/ratings.csv but no movies.csv beside it: Reel needs both.');
  });

  it('is cut short: its end is missing', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': bulky(50_000) });
    for (const cut of [Math.floor(zip.length / 2), zip.length - 10]) {
      const { message, progress } = await refusal([fileOf(zip.slice(0, cut), 'ml-x.zip')]);
      expect(message).toMatch(/ml-x\.zip is not a complete zip.*download it again/);
      expect(progress).toEqual([]);
    }
  });

  it('points past its own end', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const view = new DataView(zip.buffer);
    view.setUint32(zip.length - 22 + 16, zip.length, true); // the directory "starts" at the very end
    const { message } = await refusal([fileOf(zip, 'ml-x.zip')]);
    expect(message).toMatch(/ml-x\.zip is cut short/);
  });

  it('has a damaged table of contents, or says Zip64 without its Zip64 record', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const damaged = zip.slice();
    damaged[centralEntries(zip).entries[1].at] ^= 0xff; // the second entry's signature
    expect((await refusal([fileOf(damaged, 'ml-x.zip')])).message).toMatch(/ml-x\.zip: its table of contents is damaged/);
    const no64 = zip.slice();
    new DataView(no64.buffer).setUint16(no64.length - 22 + 10, 0xffff, true);
    expect((await refusal([fileOf(no64, 'ml-x.zip')])).message).toMatch(/ml-x\.zip: its Zip64 table of contents is missing/);
  });

  it('marks ratings.csv encrypted', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const locked = patchEntry(zip, 'ml-x/ratings.csv', (v, at) => v.setUint16(at + 8, v.getUint16(at + 8, true) | 1, true));
    const { message, progress } = await refusal([fileOf(locked, 'ml-x.zip')]);
    expect(message).toMatch(/ml-x\/ratings\.csv in ml-x\.zip is encrypted/);
    expect(progress).toEqual([]); // refused before movies.csv, which comes first, was unzipped
  });

  it('uses a compression other than stored or deflate', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const bzip = patchEntry(zip, 'ml-x/ratings.csv', (v, at) => v.setUint16(at + 10, 12, true));
    const { message, progress } = await refusal([fileOf(bzip, 'ml-x.zip')]);
    expect(message).toMatch(/ml-x\/ratings\.csv in ml-x\.zip uses a compression Reel cannot read \(method 12\)/);
    expect(progress).toEqual([]);
  });

  it('holds a damaged ratings.csv: its compressed bytes scrambled', async () => {
    const ratings = bulky(100_000, 6);
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': ratings });
    const entry = centralEntries(zip).entries.find((e) => e.path === 'ml-x/ratings.csv');
    const start = entry.offset + 30 + 'ml-x/ratings.csv'.length;
    const spoilt = zip.slice();
    for (let i = 0; i < 64; i++) spoilt[start + 10 + i] ^= 0xa5;
    const { message } = await refusal([fileOf(spoilt, 'ml-x.zip')]);
    expect(message).toMatch(/ml-x\/ratings\.csv in ml-x\.zip is damaged/);
  });

  it('holds a stored ratings.csv with one digit changed: its checksum says so, not a rating read wrong', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS }, { level: 0 });
    const entry = centralEntries(zip).entries.find((e) => e.path === 'ml-x/ratings.csv');
    const start = entry.offset + 30 + 'ml-x/ratings.csv'.length;
    const spoilt = zip.slice();
    const at = start + RATINGS.indexOf('4.0');
    expect(String.fromCharCode(spoilt[at])).toBe('4');
    spoilt[at] = '3'.charCodeAt(0); // still a valid CSV, with a different rating
    const { message } = await refusal([fileOf(spoilt, 'ml-x.zip')]);
    expect(message).toBe('ml-x/ratings.csv in ml-x.zip is damaged (its checksum does not match): download the zip again');
  });

  it('says ratings.csv is larger than it is: damaged, not a short file passed on', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const { message } = await refusal([fileOf(claimSize(zip, 'ml-x/ratings.csv', text(RATINGS).length + 100), 'ml-x.zip')]);
    expect(message).toMatch(/ml-x\/ratings\.csv in ml-x\.zip is damaged/);
  });

  it('claims a movies.csv far larger than its compressed bytes could make: damaged, before making room for it', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    for (const [what, lying] of [
      ['past 4 GB, in Zip64', toZip64(zip, { fields: [], sizes: { 'ml-x/movies.csv': 5_000_000_000 } })],
      ['3 GB', claimSize(zip, 'ml-x/movies.csv', 3_000_000_000)],
    ]) {
      const { message } = await refusal([fileOf(lying, 'ml-x.zip')]);
      expect(message, what).toMatch(/^ml-x\/movies\.csv in ml-x\.zip is damaged/);
    }
    const stored = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS }, { level: 0 });
    const { message } = await refusal([fileOf(claimSize(stored, 'ml-x/movies.csv', 2_000_000_000), 'ml-x.zip')]);
    expect(message).toMatch(/^ml-x\/movies\.csv in ml-x\.zip is damaged/);
  });

  it('claims a 4 GB ratings.csv: refused naming the sizes, from the table of contents alone', async () => {
    // Large enough that the end of the zip, which is read to find the directory, holds no entry's bytes.
    const zip = makeZip({ 'ml-huge/movies.csv': bulky(40_000, 7), 'ml-huge/ratings.csv': bulky(200_000, 8) }, { level: 0 });
    const huge = claimSize(zip, 'ml-huge/ratings.csv', 4_000_000_000);
    const file = watchedFile(huge, 'ml-huge.zip');
    const { message, progress } = await refusal([file]);
    expect(message).toMatch(/^ml-huge\/ratings\.csv in ml-huge\.zip is 4\.0 GB — about 154 million ratings\./);
    expect(message).toContain(`at least ${sizeText(neededBytes(4_000_000_000))}`); // what the engine would need, at its measured rate
    expect(message).toMatch(/4 GiB/);
    expect(message).toMatch(/Nothing was read\.$/);
    expect(progress).toEqual([]);
    const { cdOffset } = centralEntries(huge);
    expect(file.reads.length).toBeGreaterThan(0);
    for (const [start] of file.reads) expect(start).toBeGreaterThan(cdOffset - 0xffff); // only the directory's end of the file
    const headers = centralEntries(huge).entries.map((e) => e.offset);
    for (const [start] of file.reads) expect(headers).not.toContain(start);
  });

  it('is more than this device can hold, as the browser reports its memory', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const claimed = claimSize(zip, 'ml-x/ratings.csv', 200_000_000); // 600 MB at its peak
    const { message, progress } = await refusal([fileOf(claimed, 'ml-x.zip')], { deviceMemoryGiB: 0.5 });
    expect(message).toMatch(/ml-x\/ratings\.csv in ml-x\.zip is 200 MB/);
    expect(message).toMatch(/this device reports about 0\.5 GB of memory in all/);
    expect(progress).toEqual([]);
    // With more memory it is tried (and found to be damaged, as its claimed size is false).
    const tried = await refusal([fileOf(claimed, 'ml-x.zip')], { deviceMemoryGiB: 8 });
    expect(tried.message).toMatch(/is damaged/);
    expect(tried.progress.length).toBeGreaterThan(0);
  });
});

describe('loose CSV files', () => {
  it('are read by name, in any order, with exact bytes; links.csv is optional', async () => {
    const { result } = await read([
      fileOf(text(RATINGS), 'ratings.csv'),
      fileOf(text(LINKS), 'links.csv'),
      fileOf(text(MOVIES), 'movies.csv'),
    ]);
    expect(same(result.ratings, text(RATINGS))).toBe(true);
    expect(same(result.movies, text(MOVIES))).toBe(true);
    expect(same(result.links, text(LINKS))).toBe(true);
    expect(result.what).toBe('ratings.csv');
    expect(result.ratingsBytes).toBe(text(RATINGS).length);
    expect(result.source.split(' + ').sort()).toEqual(['links.csv', 'movies.csv', 'ratings.csv']);

    const without = await read([fileOf(text(MOVIES), 'movies.csv'), fileOf(text(RATINGS), 'ratings.csv')]);
    expect(without.result.links).toBeNull();
    expect(same(without.result.ratings, text(RATINGS))).toBe(true);
    expect(same(without.result.movies, text(MOVIES))).toBe(true);
  });

  it('report the bytes read, only ever forward, up to the total of every file', async () => {
    const ratings = bulky(9_000_000, 9);
    const files = [fileOf(text(MOVIES), 'movies.csv'), fileOf(ratings, 'ratings.csv')];
    const total = text(MOVIES).length + ratings.length;
    const { result, progress } = await read(files);
    expect(same(result.ratings, ratings)).toBe(true);
    expect(progress.length).toBeGreaterThanOrEqual(4); // ratings.csv takes three slices
    for (const p of progress) expect(p).toMatchObject({ stage: 'read', total });
    for (let i = 1; i < progress.length; i++) expect(progress[i].loaded).toBeGreaterThan(progress[i - 1].loaded);
    expect(progress.at(-1)).toMatchObject({ loaded: total, file: 'ratings.csv' });
  });

  it('are refused without movies.csv, naming what is missing', async () => {
    const { message, progress } = await refusal([fileOf(text(RATINGS), 'ratings.csv')]);
    expect(message).toMatch(/“movies\.csv” is missing/);
    expect(progress).toEqual([]);
    const neither = await refusal([fileOf(text(LINKS), 'links.csv')]);
    expect(neither.message).toMatch(/“ratings\.csv”, “movies\.csv” are missing/);
  });

  it('leave any other file unread, as a zip does, and name it when what Reel needs is missing', async () => {
    // The whole of an unzipped MovieLens folder, dropped: tags.csv and README.txt are never sliced.
    const unread = (/** @type {string} */ name) => ({ name, size: 10, slice: () => expect.unreachable(`${name} was read`) });
    const { result, progress } = await read([
      fileOf(text(RATINGS), 'ratings.csv'),
      unread('tags.csv'),
      fileOf(text(MOVIES), 'movies.csv'),
      unread('README.txt'),
    ]);
    expect(same(result.ratings, text(RATINGS))).toBe(true);
    expect(same(result.movies, text(MOVIES))).toBe(true);
    expect(result.source).toBe('movies.csv + ratings.csv');
    expect(progress.at(-1)).toMatchObject({ total: text(MOVIES).length + text(RATINGS).length });

    // A browser's renamed download is the likely reason ratings.csv is missing: the refusal names it.
    const renamed = await refusal([fileOf(text(RATINGS), 'ratings (1).csv'), fileOf(text(MOVIES), 'movies.csv')]);
    expect(renamed.message).toBe(
      'Choose or drop ratings.csv and movies.csv together (links.csv too, if you have it): “ratings.csv” is missing; Reel does not read “ratings (1).csv”.',
    );
    expect(renamed.progress).toEqual([]);
  });

  it('are refused when two share a name', async () => {
    const { message } = await refusal([
      fileOf(text(RATINGS), 'ratings.csv'),
      fileOf(text(MOVIES), 'movies.csv'),
      fileOf(text(RATINGS), 'Ratings.csv'),
    ]);
    expect(message).toMatch(/Two files are named ratings\.csv/);
  });

  it('are refused beside a zip: one dataset at a time', async () => {
    const zip = makeZip({ 'ml-x/movies.csv': MOVIES, 'ml-x/ratings.csv': RATINGS });
    const { message, progress } = await refusal([fileOf(zip, 'ml-x.zip'), fileOf(text(MOVIES), 'movies.csv')]);
    expect(message).toMatch(/one dataset at a time/);
    expect(progress).toEqual([]);
    const twoZips = await refusal([fileOf(zip, 'a.zip'), fileOf(zip, 'b.zip')]);
    expect(twoZips.message).toMatch(/one dataset at a time/);
  });

  it('are refused by size before reading when ratings.csv cannot fit', async () => {
    // A File whose size says 1.5 GB: only its size is looked at.
    const huge = { name: 'ratings.csv', size: 1_500_000_000, slice: () => expect.unreachable('nothing should be read') };
    const { message, progress } = await refusal([huge, fileOf(text(MOVIES), 'movies.csv')]);
    expect(message).toMatch(/^ratings\.csv is 1\.5 GB — about 58 million ratings\. .*Nothing was read\.$/);
    expect(progress).toEqual([]);
  });

  it('nothing at all is refused with what to drop', async () => {
    const { message } = await refusal([]);
    expect(message).toMatch(/No file came with the drop/);
  });
});

describe('a file the browser cannot read', () => {
  it('is named with a plain reason, not the browser’s bare error', async () => {
    const gone = {
      name: 'ratings.csv',
      size: 100,
      slice: () => ({
        arrayBuffer: () => Promise.reject(Object.assign(new Error('The requested file could not be read'), { name: 'NotReadableError' })),
      }),
    };
    const { message } = await refusal([gone, fileOf(text(MOVIES), 'movies.csv')]);
    expect(message).toMatch(/^Could not read ratings\.csv: was it moved or deleted/);
  });
});
