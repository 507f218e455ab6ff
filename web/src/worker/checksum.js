// FNV-1a over bytes: a cheap check that a map layout kept in IndexedDB reads back as it was written
// (the engine's saved models carry their own checksum; the layout is the page's to check).

/** 32-bit FNV-1a of every byte of the given typed arrays, in order, as 8 hex digits. */
export function fnv1a(/** @type {ArrayBufferView[]} */ ...arrays) {
  let h = 0x811c9dc5;
  for (const a of arrays) {
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193);
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
