// Test helpers: the real wasm module in Node, behind the worker's own handler and client, minus the Worker.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createEngineClient } from '../../web/src/engine/engineClient.js';
import { messageProblems } from '../../web/src/engine/protocol.js';
import { createHandler } from '../../web/src/worker/handler.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// scripts/build copies the module into web/src/wasm; a bare `cmake --build` leaves it in build/wasm.
const wasmDir = [path.join(root, 'web/src/wasm'), path.join(root, 'build/wasm')].find(
  (d) => existsSync(path.join(d, 'reel.js')) && existsSync(path.join(d, 'reel.wasm')),
);

export function requireWasm() {
  if (!wasmDir) throw new Error('No wasm build found in web/src/wasm or build/wasm: run scripts/build first');
  return wasmDir;
}

/** Instantiates the Release module from bytes, so Node never tries to fetch() a path. */
export async function loadReel() {
  const dir = requireWasm();
  const { default: createReel } = await import(/* @vite-ignore */ pathToFileURL(path.join(dir, 'reel.js')).href);
  return createReel({ wasmBinary: readFileSync(path.join(dir, 'reel.wasm')) });
}

/** The native `reel`, built if it is missing, so native-versus-wasm tests always run. */
export function nativeReel() {
  const reel = path.join(root, 'build/native/reel');
  if (!existsSync(reel)) {
    execFileSync('cmake', ['-S', root, '-B', path.join(root, 'build/native'), '-DCMAKE_BUILD_TYPE=Release'], { stdio: 'ignore' });
    execFileSync('cmake', ['--build', path.join(root, 'build/native'), '--target', 'reel', '-j2'], { stdio: 'ignore' });
  }
  return reel;
}

/** The MovieLens folder, found the way every script finds it. */
export function dataDir() {
  return execFileSync(path.join(root, 'scripts/data'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
}

/**
 * The bundled data as the site serves it (movielens.pack.gz, links.csv), which scripts/build makes
 * from that folder: what the worker's load downloads, ending in /.
 */
export function siteData() {
  const dir = path.join(root, 'web/public/data');
  if (!existsSync(path.join(dir, 'movielens.pack.gz'))) throw new Error(`No ${dir}/movielens.pack.gz: run scripts/build first`);
  return `${dir}/`;
}

/**
 * Generated MovieLens-shaped data with planted taste (`reel synth`), packed and gzipped as scripts/build
 * packs the bundled data: a site's data folder, ending in /, where training takes a fraction of a
 * second, for tests about keeping and restoring rather than about MovieLens.
 */
export function generatedSiteData(ratings = 20000) {
  const dir = mkdtempSync(path.join(tmpdir(), 'reel-site-'));
  const reel = nativeReel();
  execFileSync(reel, ['synth', '--ratings', String(ratings), '--out', dir], { stdio: 'ignore' });
  execFileSync(reel, ['pack', '--data', dir, '--out', path.join(dir, 'movielens.pack')], { stdio: 'ignore' });
  writeFileSync(path.join(dir, 'movielens.pack.gz'), gzipSync(readFileSync(path.join(dir, 'movielens.pack'))));
  return `${dir}/`;
}

/**
 * The worker's fetchBytes over files, noting each file's name in `fetched`. A browser unzips the
 * packed data as it streams (fetchProgress.js); here it comes whole.
 * @param {string[]} fetched
 */
export function fileFetch(fetched) {
  return async (/** @type {string} */ file, { gzipped = false } = {}) => {
    fetched.push(path.basename(file));
    const bytes = new Uint8Array(await readFile(file));
    return gzipped ? new Uint8Array(gunzipSync(bytes)) : bytes;
  };
}

/**
 * The message as posted, or an error in its place when it is not what the protocol table declares
 * for its request: every answer the real engine gives in these tests is checked against the table.
 * @param {Map<number, string>} types  request id → type
 */
export function declaredOrError(types, message) {
  const type = types.get(message.id);
  const wrong = type ? messageProblems(type, message) : [];
  return wrong.length ? { type: 'error', id: message.id, message: `undeclared ${type} answer:\n  ${wrong.join('\n  ')}` } : message;
}

/**
 * A stand-in for `new Worker(...)`: same handler, messages cloned both ways like postMessage does,
 * delivered as separate tasks so ordering and interleaving behave as in a browser.
 */
export class InProcessWorker extends EventTarget {
  constructor(deps) {
    super();
    this.sent = [];
    this.fetched = [];
    this.terminated = false;
    this.types = new Map(); // request id → type, to check each answer against the table
    this.handle = createHandler({
      // A browser worker runs its messages and its own yields as tasks of one queue, in order; in
      // Node, messages arrive as timers (below), so the worker yields as a timer too.
      yieldToLoop: () => new Promise((resolve) => setTimeout(resolve, 0)),
      fetchBytes: fileFetch(this.fetched),
      ...deps,
      post: (message) => {
        const data = declaredOrError(this.types, structuredClone(message));
        this.sent.push(data);
        if (this.terminated) return; // recorded, as a test may ask, but no longer delivered
        setTimeout(() => this.dispatchEvent(Object.assign(new Event('message'), { data })), 0);
      },
    });
  }

  postMessage(message) {
    const data = structuredClone(message);
    this.types.set(data.id, data.type);
    setTimeout(() => !this.terminated && this.handle(data), 0);
  }

  terminate() {
    this.terminated = true;
  }
}

/**
 * The real client over in-process workers; `workers` lists every worker it spawned (a crash makes
 * a new one), `worker` is the first.
 */
export function engineClient(deps = {}) {
  const workers = [];
  const client = createEngineClient(() => {
    const w = new InProcessWorker({ loadModule: loadReel, ...deps });
    workers.push(w);
    return w;
  });
  return {
    client,
    workers,
    get worker() {
      return workers[0];
    },
  };
}
