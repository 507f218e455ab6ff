// Zips made in the tests with fflate, and the surgery real zips need to be like the ones a visitor
// may drop: a central directory entry patched (a size, a flag, a method), or rewritten as Zip64.
import { zipSync } from 'fflate';

export const text = (s) => new TextEncoder().encode(s);

/** { path: string|Uint8Array } → zip bytes; `levels` gives a path its own level (0: stored). */
export function makeZip(files, { level = 6, levels = {} } = {}) {
  const input = {};
  for (const [path, data] of Object.entries(files))
    input[path] = [typeof data === 'string' ? text(data) : data, { level: levels[path] ?? level }];
  return zipSync(input);
}

const CENTRAL = 0x02014b50;

/** The end record (no comment) and every central directory entry: where it is and its path. */
export function centralEntries(zip) {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.length - 22;
  if (view.getUint32(end, true) !== 0x06054b50) throw new Error('test zip: no plain end record');
  const count = view.getUint16(end + 10, true);
  const cdSize = view.getUint32(end + 12, true);
  const cdOffset = view.getUint32(end + 16, true);
  const entries = [];
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (view.getUint32(at, true) !== CENTRAL) throw new Error('test zip: bad central entry');
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      at,
      length: 46 + nameLength + extraLength + commentLength,
      path: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    });
    at += entries.at(-1).length;
  }
  return { view, cdOffset, cdSize, entries };
}

/** A copy of `zip` whose central directory entry for `path` is changed by `edit(view, at)`. */
export function patchEntry(zip, path, edit) {
  const copy = zip.slice();
  const { view, entries } = centralEntries(copy);
  const entry = entries.find((e) => e.path === path);
  if (!entry) throw new Error(`test zip: no ${path}`);
  edit(view, entry.at);
  return copy;
}

export const claimSize = (zip, path, size) => patchEntry(zip, path, (v, at) => v.setUint32(at + 24, size, true));

/**
 * The same zip with a Zip64 end of central directory (the plain end record saying "see Zip64"), and
 * the chosen size fields of every entry moved to a Zip64 extra field, in the order the format
 * gives: uncompressed size, compressed size, local header offset. `sizes` claims other
 * uncompressed sizes (past 4 GB, say) for some paths.
 */
export function toZip64(zip, { fields = ['size', 'compressedSize', 'offset'], sizes = {} } = {}) {
  const { view, cdOffset, entries } = centralEntries(zip);
  const at32 = { size: 24, compressedSize: 20, offset: 42 };
  const parts = [];
  for (const e of entries) {
    const nameLength = view.getUint16(e.at + 28, true);
    const extraLength = view.getUint16(e.at + 30, true);
    const header = zip.slice(e.at, e.at + 46);
    const h = new DataView(header.buffer);
    const values = { ...e, size: sizes[e.path] ?? e.size };
    const moved = ['size', 'compressedSize', 'offset'].filter((f) => fields.includes(f) || values[f] > 0xffffffff);
    for (const f of moved) h.setUint32(at32[f], 0xffffffff, true);
    if (!moved.includes('size')) h.setUint32(24, values.size, true);
    const extra = new Uint8Array(4 + 8 * moved.length);
    const x = new DataView(extra.buffer);
    x.setUint16(0, 0x0001, true);
    x.setUint16(2, 8 * moved.length, true);
    moved.forEach((f, i) => x.setBigUint64(4 + 8 * i, BigInt(values[f]), true));
    h.setUint16(30, extraLength + extra.length, true);
    parts.push(
      header,
      zip.slice(e.at + 46, e.at + 46 + nameLength + extraLength),
      extra,
      zip.slice(e.at + 46 + nameLength + extraLength, e.at + e.length),
    );
  }
  const cd = concat(parts);
  const eocd64At = cdOffset + cd.length;
  const tail = new Uint8Array(56 + 20 + 22);
  const t = new DataView(tail.buffer);
  t.setUint32(0, 0x06064b50, true);
  t.setBigUint64(4, 44n, true);
  t.setUint16(12, 45, true);
  t.setUint16(14, 45, true);
  t.setBigUint64(24, BigInt(entries.length), true);
  t.setBigUint64(32, BigInt(entries.length), true);
  t.setBigUint64(40, BigInt(cd.length), true);
  t.setBigUint64(48, BigInt(cdOffset), true);
  t.setUint32(56, 0x07064b50, true);
  t.setBigUint64(64, BigInt(eocd64At), true);
  t.setUint32(72, 1, true);
  t.setUint32(76, 0x06054b50, true);
  t.setUint16(84, 0xffff, true);
  t.setUint16(86, 0xffff, true);
  t.setUint32(88, 0xffffffff, true);
  t.setUint32(92, 0xffffffff, true);
  return concat([zip.slice(0, cdOffset), cd, tail]);
}

export function concat(parts) {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A File over `bytes` that records every range read from it (readDataset reads only through slice()). */
export function watchedFile(bytes, name) {
  const file = new File([bytes], name);
  const reads = [];
  return {
    reads,
    name,
    size: file.size,
    type: file.type,
    slice(start, end) {
      reads.push([start, Math.min(end ?? file.size, file.size)]);
      return file.slice(start, end);
    },
  };
}
