// What the engine worker does, given the generated module's factory and the wasm file's URL: fetch
// and check the wasm bytes, then answer the page's messages through the handler, with models kept in
// IndexedDB. Kept apart from engine.worker.js so the type checker reads this and not the generated code.
import { checkWasmBytes, engineError, messageOf } from '../engine/engineErrors.js';
import { BUILD } from '../site/buildInfo.js';
import { indexedDbModelCache } from '../storage/modelCache.js';
import { fetchBytes } from './fetchProgress.js';
import { createHandler } from './handler.js';

/**
 * @param {(options: { wasmBinary: Uint8Array, locateFile: () => string }) => Promise<any>} createReel  Emscripten's module factory
 * @param {string} wasmUrl  where the wasm file is; its name carries a hash of its content
 * @param {{ postMessage: (message: object) => void, onmessage: ((event: MessageEvent) => void) | null }} scope  the worker's global scope
 */
export function serveEngine(createReel, wasmUrl, scope) {
  // The wasm bytes are fetched and checked here rather than by Emscripten, so a host that answers
  // with a web page gets a plain sentence instead of "Aborted(CompileError: … magic word …)".
  /** @param {((loaded: number, total: number | null) => void) | undefined} onProgress */
  async function loadModule(onProgress) {
    let bytes;
    try {
      bytes = await fetchBytes(wasmUrl, { onProgress, expected: BUILD.sizes.engine ?? null });
    } catch (e) {
      throw engineError('The engine file (reel.wasm) could not be downloaded. Check the connection and try again, or reload the page.', {
        detail: messageOf(e),
      });
    }
    const wasmBinary = checkWasmBytes(bytes, 'reel.wasm');
    return createReel({ wasmBinary, locateFile: () => wasmUrl });
  }

  const handle = createHandler({
    loadModule,
    fetchBytes,
    post: (message) => scope.postMessage(message),
    cache: indexedDbModelCache(),
    // Models kept by another engine build are not restored.
    engineVersion: wasmUrl.split('/').pop(),
    sizes: BUILD.sizes,
  });
  scope.onmessage = (event) => handle(event.data);
}
