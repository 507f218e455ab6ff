// Vite plugin: defines __REEL_BUILD__ (src/site/buildInfo.js) — an id for this build, a hash of every
// input the site is built from, so a returning visitor can be told the site changed; and each
// data file's and the engine's size, so downloads show a known total though they arrive gzipped.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** @param {string} root  the web/ folder */
export function buildInfo(root) {
  const data = path.join(root, 'public/data');
  const wasm = path.join(root, 'src/wasm/reel.wasm');
  const sizes = {};
  if (existsSync(path.join(data, 'links.csv'))) sizes['links.csv'] = statSync(path.join(data, 'links.csv')).size;
  // The packed data is counted as it unzips in the page, in the bytes the engine reads.
  const packed = path.join(data, 'movielens.pack.gz');
  if (existsSync(packed)) sizes['movielens.pack.gz'] = gunzipSync(readFileSync(packed)).length;
  if (existsSync(wasm)) sizes.engine = statSync(wasm).size;

  const inputs = [
    ...filesUnder(path.join(root, 'src')),
    ...filesUnder(path.join(root, 'public')),
    ...filesUnder(path.join(root, 'sw')),
    path.join(root, 'index.html'),
    path.join(root, 'package-lock.json'),
  ]
    .filter(existsSync)
    .sort();
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const id = hash.digest('hex').slice(0, 12);

  return {
    name: 'reel-build-info',
    config: () => ({ define: { __REEL_BUILD__: JSON.stringify({ id, sizes }) } }),
  };
}
