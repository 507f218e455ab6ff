// Writes the service worker (sw/serviceWorker.js) into a built site with its precache list: every
// file of the site with its SHA-256 and size, and a version that changes whenever any file does.
// A Vite plugin runs it after each build; the browser test runs it again on a changed copy of the
// site, as a deploy of a new version would.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TEMPLATE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../sw/serviceWorker.js');
export const SERVICE_WORKER = 'sw.js';

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Writes `dist/sw.js`; returns its version and precache list. */
export function writeServiceWorker(dist) {
  const entries = filesUnder(dist)
    .map((file) => path.relative(dist, file).split(path.sep).join('/'))
    .filter((url) => url !== SERVICE_WORKER)
    .sort()
    .map((url) => {
      const bytes = readFileSync(path.join(dist, url));
      return { url: `./${url}`, hash: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
    });
  const version = createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12);
  const header = `// Built by web/plugins/precache.js from web/sw/serviceWorker.js: version ${version}.\nconst VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(entries)};\n`;
  writeFileSync(path.join(dist, SERVICE_WORKER), header + readFileSync(TEMPLATE, 'utf8'));
  return { version, entries };
}

/** Vite plugin: the service worker is written once the bundle is on disk. */
export function precache() {
  let outDir;
  return {
    name: 'reel-precache',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const { version, entries } = writeServiceWorker(outDir);
      const kb = entries.reduce((a, e) => a + e.size, 0) / 1024;
      this.info?.(`service worker ${version}: ${entries.length} files, ${kb.toFixed(0)} KB precached`);
    },
  };
}
