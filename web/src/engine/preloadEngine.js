// Starts the engine's big downloads — the wasm module and the packed data — from the page as soon as
// it has painted, rather than when the worker's script has arrived and run and asks for them: on a
// phone network that wait is a round trip and more (562.5 ms apiece on "Fast 3G"). The worker's own
// requests are then served by the HTTP cache (GitHub Pages keeps a file ten minutes). Not in
// index.html's head: downloads begun before the first paint compete with the page's own script,
// and Lighthouse counts them against the largest paint.
import wasmUrl from '../wasm/reel.wasm?url';
import { PACKED_FILE } from '../worker/downloads.js';

/** Adds <link rel="preload"> for the engine and the packed data under `dataUrl` once the page has painted. */
export function preloadEngineAfterPaint(/** @type {string} */ dataUrl) {
  requestAnimationFrame(() =>
    setTimeout(() => {
      for (const href of [wasmUrl, `${dataUrl}${PACKED_FILE}`]) {
        const link = document.createElement('link');
        Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href });
        document.head.append(link);
      }
    }),
  );
}
