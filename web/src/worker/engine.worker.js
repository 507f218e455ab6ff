// The module Web Worker that runs the engine, so the page's main thread never blocks on training.
import { BUILD } from '../site/buildInfo.js';
import { checkWasmBytes, engineError } from '../engine/engineErrors.js';
import { indexedDbModelCache } from '../storage/modelCache.js';
import createReel from '../wasm/reel.js';
import wasmUrl from '../wasm/reel.wasm?url';
import { fetchBytes } from './fetchProgress.js';
import { createHandler } from './handler.js';

// The wasm bytes are fetched and checked here rather than by Emscripten, so a host that answers
// with a web page gets a plain sentence instead of "Aborted(CompileError: … magic word …)".
async function loadModule(onProgress) {
  let bytes;
  try {
    bytes = await fetchBytes(wasmUrl, { onProgress, expected: BUILD.sizes.engine ?? null });
  } catch (e) {
    throw engineError('The engine file (reel.wasm) could not be downloaded. Check the connection and try again, or reload the page.', {
      detail: e.message,
    });
  }
  const wasmBinary = checkWasmBytes(bytes, 'reel.wasm');
  return createReel({ wasmBinary, locateFile: () => wasmUrl });
}

const handle = createHandler({
  loadModule,
  fetchBytes,
  post: (message) => self.postMessage(message),
  cache: indexedDbModelCache(),
  // The wasm file's name carries a hash of its content: models kept by another engine build are not restored.
  engineVersion: wasmUrl.split('/').pop(),
  sizes: BUILD.sizes,
});

self.onmessage = (event) => handle(event.data);
