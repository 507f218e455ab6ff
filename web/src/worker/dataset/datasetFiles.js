// A MovieLens the visitor dropped or picked, read in the worker from the File objects themselves
// (nothing is uploaded): one zip (ml-latest-small.zip, ml-25m.zip, a folder of CSVs zipped) or the
// CSV files loose. Finds ratings.csv, movies.csv and links.csv (optional), leaving any other file
// unread; refuses by size before reading (datasetLimits.js), then reads or unzips only those,
// reporting bytes as they come.
import { checkFits } from './datasetLimits.js';
import { checkReadable, readZipEntry } from './zipEntry.js';
import { looksLikeZip, zipDirectory } from './zipDirectory.js';

const WANTED = ['ratings.csv', 'movies.csv', 'links.csv'];
const SLICE = 4 << 20;

const isZipName = (/** @type {string} */ name) => /\.zip$/i.test(name);
// macOS adds "__MACOSX/…/._ratings.csv" shadows to zips it makes: never data.
const isShadow = (/** @type {string} */ path) => path.startsWith('__MACOSX/') || (path.split('/').pop() ?? '').startsWith('._');
const list = (/** @type {string[]} */ names) => names.map((n) => `“${n}”`).join(', ');

/**
 * The browser's own failures to read a file (moved, deleted, a folder, no permission), said plainly.
 * @template T @param {string} name @param {() => Promise<T>} f @returns {Promise<T>}
 */
async function reading(name, f) {
  try {
    return await f();
  } catch (/** @type {any} */ e) {
    if (!/^(NotReadableError|NotFoundError|SecurityError)$/.test(e?.name)) throw e;
    throw new Error(`Could not read ${name}: was it moved or deleted, or is it a folder? (${e.message || e.name})`, { cause: e });
  }
}

/**
 * A loose file as bytes, a slice at a time so progress moves and the worker stays responsive.
 * @param {Blob} blob @param {(read: number) => void} onBytes
 */
async function readBlob(blob, onBytes) {
  const out = new Uint8Array(blob.size);
  for (let at = 0; at < blob.size; at += SLICE) {
    const end = Math.min(at + SLICE, blob.size);
    out.set(new Uint8Array(await blob.slice(at, end).arrayBuffer()), at);
    onBytes(end);
  }
  return out;
}

/**
 * The zip's ratings.csv, movies.csv and links.csv, all from the one folder that holds ratings.csv.
 * @param {import('./zipDirectory.js').ZipEntry[]} entries @param {string} zipName
 */
function pickFromZip(entries, zipName) {
  const useful = entries.filter((e) => !isShadow(e.path));
  const ratings = useful.filter((e) => e.name.toLowerCase() === 'ratings.csv');
  if (ratings.length === 0) {
    if (useful.some((e) => e.name.toLowerCase() === 'ratings.dat')) {
      throw new Error(
        `${zipName} holds ratings.dat, the older MovieLens format (1M, 10M) with “::” between fields. Reel reads the CSV releases: ml-latest-small, ml-20m, ml-25m, ml-32m — or any ratings.csv and movies.csv.`,
      );
    }
    const held = useful.slice(0, 6).map((e) => e.path);
    throw new Error(
      `${zipName} holds no ratings.csv${held.length ? ` (it holds ${list(held)}${useful.length > 6 ? ' …' : ''})` : ' (it is empty)'}. A MovieLens zip holds ratings.csv and movies.csv.`,
    );
  }
  if (ratings.length > 1)
    throw new Error(`${zipName} holds more than one ratings.csv (${list(ratings.map((e) => e.path))}): zip one dataset at a time.`);
  const folder = ratings[0].path.slice(0, ratings[0].path.length - ratings[0].name.length);
  const inFolder = (/** @type {string} */ name) => useful.find((e) => e.path.toLowerCase() === `${folder}${name}`.toLowerCase()) ?? null;
  const movies = inFolder('movies.csv');
  if (!movies) throw new Error(`${zipName} has ${ratings[0].path} but no movies.csv beside it: Reel needs both.`);
  return { ratings: ratings[0], movies, links: inFolder('links.csv') };
}

/**
 * Loose CSVs by name: at most one of each, ratings.csv and movies.csv required. Other files are left
 * unread, as a zip's are, so the whole of an unzipped MovieLens folder (tags.csv, README.txt…) can
 * be dropped; they are named only when what Reel needs is missing, since a renamed file
 * ("ratings (1).csv") is then the likely cause.
 * @param {File[]} files
 */
function pickLoose(files) {
  const byName = new Map();
  const others = [];
  for (const f of files) {
    const name = f.name.toLowerCase();
    if (!WANTED.includes(name)) {
      others.push(f.name);
      continue;
    }
    if (byName.has(name)) throw new Error(`Two files are named ${name}: drop one dataset at a time.`);
    byName.set(name, f);
  }
  const missing = ['ratings.csv', 'movies.csv'].filter((n) => !byName.has(n));
  if (missing.length) {
    const unread = others.length ? `; Reel does not read ${list(others)}` : '';
    throw new Error(
      `Choose or drop ratings.csv and movies.csv together (links.csv too, if you have it): ${list(missing)} ${missing.length === 1 ? 'is' : 'are'} missing${unread}.`,
    );
  }
  return { ratings: byName.get('ratings.csv'), movies: byName.get('movies.csv'), links: byName.get('links.csv') ?? null };
}

/**
 * @param {File[]} files  what the visitor dropped or picked
 * @param {{ onProgress?: (p: object) => void, deviceMemoryGiB?: number|null, now?: () => number }} [options]
 *   onProgress({ stage: 'read'|'unzip', source, loaded, total, file, unzipped, unzipTotal }): bytes read of
 *   the bytes needed (for a zip: the compressed bytes of the files Reel uses), and for a zip, the
 *   file being unzipped with its bytes out of its size
 * @returns {Promise<{ source: string, movies: Uint8Array, ratings: Uint8Array, links: Uint8Array|null,
 *   what: string, ratingsBytes: number, readMs: number }>}  what: how messages name ratings.csv
 */
export async function readDataset(files, { onProgress = () => {}, deviceMemoryGiB = null, now = () => performance.now() } = {}) {
  const all = Array.from(files ?? []);
  if (all.length === 0) throw new Error('No file came with the drop: drop a MovieLens zip, or its ratings.csv and movies.csv.');
  const zips = [];
  for (const f of all) if (isZipName(f.name) || (all.length === 1 && (await reading(f.name, () => looksLikeZip(f))))) zips.push(f);
  if (zips.length > 0 && all.length > 1) throw new Error('Drop one MovieLens zip, or its CSV files — one dataset at a time.');
  const t0 = now();

  if (zips.length === 1) {
    const zip = zips[0];
    const picked = pickFromZip(await reading(zip.name, () => zipDirectory(zip, zip.name)), zip.name);
    const what = `${picked.ratings.path} in ${zip.name}`;
    checkFits({ what, ratingsBytes: picked.ratings.size, deviceMemoryGiB });
    const parts = [picked.movies, picked.links, picked.ratings].filter((e) => e !== null);
    for (const entry of parts) checkReadable(entry, zip.name); // before any is read: refuse at once, not after movies.csv
    const total = parts.reduce((a, e) => a + e.compressedSize, 0);
    let done = 0;
    /** @type {Record<string, Uint8Array>} */
    const out = {};
    for (const entry of parts) {
      out[entry.name.toLowerCase()] = await reading(zip.name, () =>
        readZipEntry(zip, entry, {
          zipName: zip.name,
          onBytes: (read, unzipped) =>
            onProgress({
              stage: 'unzip',
              source: zip.name,
              loaded: done + read,
              total,
              file: entry.name,
              unzipped,
              unzipTotal: entry.size,
            }),
        }),
      );
      done += entry.compressedSize;
    }
    return {
      source: zip.name,
      movies: out['movies.csv'],
      ratings: out['ratings.csv'],
      links: out['links.csv'] ?? null,
      what,
      ratingsBytes: picked.ratings.size,
      readMs: now() - t0,
    };
  }

  const picked = pickLoose(all);
  checkFits({ what: picked.ratings.name, ratingsBytes: picked.ratings.size, deviceMemoryGiB });
  const parts = [picked.movies, picked.links, picked.ratings].filter(Boolean);
  const total = parts.reduce((a, f) => a + f.size, 0);
  const source = parts.map((f) => f.name).join(' + ');
  let done = 0;
  const out = [];
  for (const f of parts) {
    out.push(
      await reading(f.name, () => readBlob(f, (read) => onProgress({ stage: 'read', source, loaded: done + read, total, file: f.name }))),
    );
    done += f.size;
  }
  const [movies, links, ratings] = picked.links ? out : [out[0], null, out[1]];
  return { source, movies, ratings, links, what: picked.ratings.name, ratingsBytes: picked.ratings.size, readMs: now() - t0 };
}
