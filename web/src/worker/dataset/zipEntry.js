// One file out of a zip, unzipped straight into a buffer of its final size: its compressed bytes are
// read from the Blob a slice at a time and inflated by fflate as they come, so neither the zip nor a
// second copy of the file is ever held. The slices are small enough that the worker answers other
// requests between them.
import { Inflate } from 'fflate';
import { messageOf } from '../../engine/engineErrors.js';
import { crc32 } from './crc32.js';
import { ZipError } from './zipDirectory.js';

const SLICE = 1 << 20; // compressed bytes per read: about 5 MB of CSV out, some tens of milliseconds
const STORED = 0;
const DEFLATED = 8;
const MAX_DEFLATE_RATIO = 1032; // deflate's largest possible expansion: one byte in, at most 1032 out

/**
 * Throws when Reel cannot unzip `entry` (encrypted, or compressed other than stored or deflate).
 * @param {import('./zipDirectory.js').ZipEntry} entry
 */
export function checkReadable(entry, zipName = 'the zip') {
  const what = `${entry.path} in ${zipName}`;
  if (entry.flags & 1) throw new ZipError(`${what} is encrypted: unzip it yourself and drop the CSV files instead`);
  if (entry.method !== STORED && entry.method !== DEFLATED) {
    throw new ZipError(
      `${what} uses a compression Reel cannot read (method ${entry.method}): zip it again with ordinary compression, or drop the CSV files`,
    );
  }
}

/**
 * @param {Blob} blob  the zip
 * @param {import('./zipDirectory.js').ZipEntry} entry  from zipDirectory()
 * @param {{ zipName?: string, onBytes?: (read: number, unzipped: number) => void }} [options]
 *   onBytes: compressed bytes read and bytes unzipped so far, after each slice
 * @returns {Promise<Uint8Array>}  exactly entry.size bytes
 */
export async function readZipEntry(blob, entry, { zipName = 'the zip', onBytes } = {}) {
  const what = `${entry.path} in ${zipName}`;
  checkReadable(entry, zipName);
  // The local header repeats the name and may carry its own extra field: the data starts after both.
  const header = new DataView(await blob.slice(entry.offset, entry.offset + 30).arrayBuffer());
  if (header.byteLength < 30 || header.getUint32(0, true) !== 0x04034b50)
    throw new ZipError(`${what} is damaged (no file header where the zip says)`);
  const start = entry.offset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > blob.size) throw new ZipError(`${what} is cut short: download the zip again`);

  // The buffer is made at the size the directory claims, so a claim the compressed bytes cannot
  // make is refused first: a damaged directory would otherwise ask for gigabytes (or past 4 GB,
  // fail with a bare "Invalid typed array length" instead of a sentence).
  const possible =
    entry.method === STORED ? entry.size === entry.compressedSize : entry.size <= entry.compressedSize * MAX_DEFLATE_RATIO + 1024;
  if (!possible) {
    throw new ZipError(
      `${what} is damaged (the zip says it is ${entry.size} bytes, which its ${entry.compressedSize} compressed bytes cannot make): download the zip again`,
    );
  }
  const out = new Uint8Array(entry.size);
  let unzipped = 0;
  const take = (/** @type {Uint8Array} */ chunk) => {
    if (unzipped + chunk.length > out.length) throw new ZipError(`${what} is damaged (larger than the zip says)`);
    out.set(chunk, unzipped);
    unzipped += chunk.length;
  };
  const inflate = entry.method === DEFLATED ? new Inflate((chunk) => take(chunk)) : null;
  for (let at = start; at < end; at += SLICE) {
    const slice = new Uint8Array(await blob.slice(at, Math.min(at + SLICE, end)).arrayBuffer());
    const last = at + SLICE >= end;
    try {
      if (inflate) inflate.push(slice, last);
      else take(slice);
    } catch (e) {
      throw e instanceof ZipError ? e : new ZipError(`${what} is damaged (${messageOf(e)}): download the zip again`);
    }
    onBytes?.(Math.min(at + SLICE, end) - start, unzipped);
  }
  if (unzipped !== out.length)
    throw new ZipError(`${what} is damaged (${unzipped} of ${out.length} bytes came out): download the zip again`);
  if (crc32(out) !== entry.crc) throw new ZipError(`${what} is damaged (its checksum does not match): download the zip again`);
  return out;
}
