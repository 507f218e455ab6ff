// Runs the wasm benchmark in Node: node web/bench/node.mjs BENCH_JS BENCH_WASM MOVIES TRAIN TEST RUNS
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { measure } from './harness.js';

const [js, wasm, movies, train, test, runs] = process.argv.slice(2);
const { default: createReel } = await import(pathToFileURL(js).href);
const Module = await createReel({ wasmBinary: readFileSync(wasm) });
const files = { movies: readFileSync(movies), train: readFileSync(train), test: readFileSync(test) };
console.log(JSON.stringify({ runtime: 'wasm (Node)', ...measure(Module, files, Number(runs)) }));
