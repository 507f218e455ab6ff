// The module Web Worker that runs the engine, so the page's main thread never blocks on training.
import createReel from './wasm/reel.js';
import wasmUrl from './wasm/reel.wasm?url';
import { createHandler, fetchBytes } from './workerHandler.js';

const handle = createHandler({
  loadModule: () => createReel({ locateFile: () => wasmUrl }),
  fetchBytes,
  post: (message) => self.postMessage(message),
});

self.onmessage = (event) => handle(event.data);
