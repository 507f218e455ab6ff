// What goes wrong in the engine, in words a visitor can act on: a trap or abort means the module's
// memory can no longer be trusted (the worker must be replaced), and raw Emscripten text never
// reaches the page.

/** What the visitor reads when the engine stopped; Retry starts a fresh worker. */
export const CRASH_SENTENCE = 'The engine stopped unexpectedly. Retry starts it afresh; your ratings are safe.';

/** True for a WebAssembly trap or an Emscripten abort: after one, the module's state is unusable. @param {unknown} e */
export function isTrap(e) {
  if (typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError) return true;
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return /^Aborted\(/.test(message) || /^(RuntimeError|CompileError|LinkError):/.test(message);
}

/** Any thrown value to a readable sentence; wasm code could in theory throw a bare number. @param {unknown} e */
export function messageOf(e) {
  if (e instanceof Error) return e.message || e.name;
  if (typeof e === 'string') return e;
  return `engine failure (${String(e)})`;
}

/** @typedef {Error & { fatal?: boolean, reset?: true, detail?: string }} EngineError */

/**
 * An Error that carries the plain sentence for the page and the technical detail for the curious.
 * reset: the engine is still sound but its memory grew for nothing (a dataset too large to load), so
 * the page should start a fresh worker to give that memory back.
 * @param {string} message @param {{ fatal?: boolean, detail?: string, reset?: boolean }} [options]
 * @returns {EngineError}
 */
export function engineError(message, { fatal = false, detail, reset = false } = {}) {
  const error = /** @type {EngineError} */ (new Error(message));
  error.fatal = fatal;
  if (reset) error.reset = true;
  if (detail && detail !== message) error.detail = detail;
  return error;
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

/**
 * Throws a plain sentence unless `bytes` begin like a WebAssembly module. A host that answers a
 * missing file with an HTML page (status 200 or 404) would otherwise surface Emscripten's
 * "Aborted(CompileError: … expected magic word …)".
 */
export function checkWasmBytes(/** @type {Uint8Array} */ bytes, fileName = 'reel.wasm') {
  if (bytes.length >= 4 && WASM_MAGIC.every((b, i) => bytes[i] === b)) return bytes;
  const start = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart().toLowerCase();
  const looksLikePage = start.startsWith('<!doctype') || start.startsWith('<html') || start.startsWith('<');
  throw engineError(
    looksLikePage
      ? `The engine file (${fileName}) did not arrive: the server sent a web page in its place, so the site is incomplete or out of date. Try again in a moment, or reload the page.`
      : `The engine file (${fileName}) arrived damaged (it is not WebAssembly). Try again, or reload the page.`,
    { detail: `first bytes: ${Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ')}` },
  );
}
