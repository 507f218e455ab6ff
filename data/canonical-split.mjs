// Remakes the canonical split byte for byte without Python: ../shared/data/make_split.py
// shuffles the data rows' indices with random.Random(42).shuffle and puts the first
// round(0.8 n) in train.csv. Python's generator is MT19937 seeded by init_by_array([seed]);
// shuffle draws each j below i + 1 by rejection from getrandbits(bit_length(i + 1)).
//   node data/canonical-split.mjs RATINGS_CSV OUT_DIR [SEED]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function mt19937(seed) {
  const mt = new Uint32Array(624);
  let index = 624;
  const init = (s) => {
    mt[0] = s >>> 0;
    for (let i = 1; i < 624; i++) mt[i] = (Math.imul(1812433253, mt[i - 1] ^ (mt[i - 1] >>> 30)) + i) >>> 0;
  };
  // init_by_array with a one-word key, as CPython seeds from a small int.
  init(19650218);
  const key = [seed >>> 0];
  let i = 1, j = 0;
  for (let k = Math.max(624, key.length); k > 0; k--) {
    mt[i] = ((mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1664525)) + key[j] + j) >>> 0;
    i++, j++;
    if (i >= 624) mt[0] = mt[623], i = 1;
    if (j >= key.length) j = 0;
  }
  for (let k = 623; k > 0; k--) {
    mt[i] = ((mt[i] ^ Math.imul(mt[i - 1] ^ (mt[i - 1] >>> 30), 1566083941)) - i) >>> 0;
    i++;
    if (i >= 624) mt[0] = mt[623], i = 1;
  }
  mt[0] = 0x80000000;
  return function next32() {
    if (index >= 624) {
      for (let k = 0; k < 624; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % 624] & 0x7fffffff);
        mt[k] = mt[(k + 397) % 624] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    let y = mt[index++];
    y ^= y >>> 11;
    y = (y ^ ((y << 7) & 0x9d2c5680)) >>> 0;
    y = (y ^ ((y << 15) & 0xefc60000)) >>> 0;
    return (y ^ (y >>> 18)) >>> 0;
  };
}

const [ratings, out, seed = '42'] = process.argv.slice(2);
const next32 = mt19937(Number(seed));
const below = (n) => {
  const bits = 32 - Math.clz32(n);  // n.bit_length(); n ≤ 2^32 here
  for (;;) {
    const r = next32() >>> (32 - bits);
    if (r < n) return r;
  }
};
const [header, ...rows] = readFileSync(ratings, 'utf8').split('\n').filter((line, i, all) => i < all.length - 1 || line !== '');
const idx = rows.map((_, i) => i);
for (let i = idx.length - 1; i > 0; i--) {
  const j = below(i + 1);
  [idx[i], idx[j]] = [idx[j], idx[i]];
}
const cut = Math.round(0.8 * rows.length);  // Python's round() halves to even; n·0.8 is never a half here
const write = (name, part) => writeFileSync(path.join(out, name), [header, ...part.sort((a, b) => a - b).map((i) => rows[i])].join('\n') + '\n');
mkdirSync(out, { recursive: true });
write('train.csv', idx.slice(0, cut));
write('test.csv', idx.slice(cut));
console.error(`${cut} train, ${rows.length - cut} test -> ${out}`);
