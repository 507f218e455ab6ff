// The list of files inside a zip, read from its central directory at the end of the Blob: names,
// sizes before and after compression, and where each one's bytes start. Only the directory is
// read (a few KB at the end), so a 250 MB zip is sized up before any of it is unzipped, and only
// the entries Reel needs are read later (zipEntry.js). Zip64 is understood, so sizes past 4 GB
// are reported truthfully (and refused by the caller) rather than wrapped.

const EOCD = 0x06054b50; // end of central directory
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const MAX_TAIL = 22 + 0xffff; // the end record and the longest comment it may carry

/** A zip's own words for what is wrong with it, naming the file. */
export class ZipError extends Error {}

/**
 * One file the zip lists. path: as stored ("ml-25m/ratings.csv"); name: its last part ("ratings.csv").
 * @typedef {{ name: string, path: string, method: number, flags: number, crc: number, compressedSize: number, size: number, offset: number }} ZipEntry
 */

/** @param {Blob} blob @param {number} start @param {number} end */
async function bytesAt(blob, start, end) {
  return new Uint8Array(await blob.slice(start, end).arrayBuffer());
}

const u64 = (/** @type {DataView} */ view, /** @type {number} */ at) => Number(view.getBigUint64(at, true));

/** True when the Blob starts like a zip (a local file header, or an empty archive's end record). */
export async function looksLikeZip(/** @type {Blob} */ blob) {
  if (blob.size < 4) return false;
  const sig = new DataView((await bytesAt(blob, 0, 4)).buffer).getUint32(0, true);
  return sig === 0x04034b50 || sig === EOCD;
}

// The end record: where the directory starts, how long it is and how many entries it lists.
/** @param {Blob} blob @param {string} name */
async function endRecord(blob, name) {
  const from = Math.max(0, blob.size - MAX_TAIL);
  const tail = await bytesAt(blob, from, blob.size);
  const view = new DataView(tail.buffer);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipError(`${name} is not a complete zip (its table of contents is missing): download it again`);
  let entries = view.getUint16(at + 10, true);
  let size = view.getUint32(at + 12, true);
  let offset = view.getUint32(at + 16, true);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    // Zip64: the locator sits just before the end record and points at the larger record.
    const loc = from + at - 20;
    const locator = loc >= 0 ? new DataView((await bytesAt(blob, loc, loc + 20)).buffer) : null;
    if (!locator || locator.getUint32(0, true) !== ZIP64_LOCATOR) throw new ZipError(`${name}: its Zip64 table of contents is missing`);
    const at64 = u64(locator, 8);
    const rec = new DataView((await bytesAt(blob, at64, at64 + 56)).buffer);
    if (rec.byteLength < 56 || rec.getUint32(0, true) !== ZIP64_EOCD) throw new ZipError(`${name}: its Zip64 table of contents is damaged`);
    entries = u64(rec, 32);
    size = u64(rec, 40);
    offset = u64(rec, 48);
  }
  if (offset + size > blob.size) throw new ZipError(`${name} is cut short (its table of contents points past its end): download it again`);
  return { entries, size, offset };
}

// The Zip64 extra field holds, in this order, whichever of the three sizes were too large.
/** @param {DataView} view @param {number} at @param {number} length @param {ZipEntry} entry */
function zip64Sizes(view, at, length, entry) {
  const end = at + length;
  while (at + 4 <= end) {
    const id = view.getUint16(at, true);
    const len = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let p = at + 4;
      for (const field of /** @type {const} */ (['size', 'compressedSize', 'offset'])) {
        if (entry[field] !== 0xffffffff) continue;
        if (p + 8 > at + 4 + len) break;
        entry[field] = u64(view, p);
        p += 8;
      }
      return;
    }
    at += 4 + len;
  }
}

/**
 * Every file the zip lists (folders left out).
 * @param {Blob} blob
 * @param {string} [name]  how messages name the zip
 * @returns {Promise<ZipEntry[]>}
 */
export async function zipDirectory(blob, name = 'the zip') {
  const { entries, size, offset } = await endRecord(blob, name);
  const dir = await bytesAt(blob, offset, offset + size);
  const view = new DataView(dir.buffer);
  const utf8 = new TextDecoder('utf-8');
  const out = [];
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > dir.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError(`${name}: its table of contents is damaged`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const path = utf8.decode(dir.subarray(at + 46, at + 46 + nameLength));
    const entry = {
      path,
      name: path.split('/').pop() ?? path,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    zip64Sizes(view, at + 46 + nameLength, extraLength, entry);
    if (!path.endsWith('/')) out.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}
