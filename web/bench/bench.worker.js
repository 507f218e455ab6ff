// Runs the wasm benchmark inside a browser Web Worker, as the site's engine runs.
import createReel from './reel_bench.js';
import { measure } from './harness.js';

self.onmessage = async ({ data: { runs } }) => {
  try {
    const Module = await createReel({ locateFile: (f) => new URL(f, import.meta.url).href });
    const get = async (f) => new Uint8Array(await (await fetch(`./split/${f}`)).arrayBuffer());
    const files = { movies: await get('movies.csv'), train: await get('train.csv'), test: await get('test.csv') };
    self.postMessage({ runtime: 'wasm (Chromium worker)', ...measure(Module, files, runs) });
  } catch (e) {
    self.postMessage({ error: String(e && e.message ? e.message : e) });
  }
};
