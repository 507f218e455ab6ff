// The module Web Worker that runs the engine, so the page's main thread never blocks on training:
// the generated module and its wasm file, handed to serve.js.
import createReel from '../wasm/reel.js';
import wasmUrl from '../wasm/reel.wasm?url';
import { serveEngine } from './serve.js';

serveEngine(createReel, wasmUrl, self);
