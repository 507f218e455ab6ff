// CRC-32 as zips use it: the standard check value, the empty input, and the same value whether
// the bytes come at once or in pieces.
import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { crc32 } from '../../web/src/worker/dataset/crc32.js';

const bytes = (s) => new TextEncoder().encode(s);

describe('crc32', () => {
  it('gives the standard check value, and 0 for nothing', () => {
    expect(crc32(bytes('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('continues from a value so far, as when the bytes come in pieces', () => {
    const all = bytes('userId,movieId,rating,timestamp\n1,1,4.0,964982703\n');
    expect(crc32(all.subarray(17), crc32(all.subarray(0, 17)))).toBe(crc32(all));
  });

  it('agrees with the checksum fflate writes into a zip', () => {
    const data = bytes('movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n');
    const zip = zipSync({ 'm.csv': data });
    const view = new DataView(zip.buffer);
    expect(view.getUint32(14, true)).toBe(crc32(data)); // the local header's CRC-32 field
  });
});
