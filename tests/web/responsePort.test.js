// A response carried from the page to the worker over a MessagePort (web/src/engine/responsePort.js):
// what arrives is what was sent, piece by piece, failures included, and the worker's download code
// reads it as it reads a fetch; then the real worker starts the real engine from bytes sent so.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { receiveResponse, sendResponse } from '../../web/src/engine/responsePort.js';
import { fetchBytes } from '../../web/src/worker/fetchProgress.js';
import { serveEngine } from '../../web/src/worker/serve.js';
import { requireWasm } from './engineHarness.js';

/** A response whose body gives `pieces` one by one, then ends or fails with `fail`. */
function streamed(pieces, { status = 200, headers = {}, fail = null } = {}) {
  const queue = [...pieces];
  const body = new ReadableStream({
    pull(c) {
      if (queue.length) c.enqueue(queue.shift());
      else if (fail) c.error(new Error(fail));
      else c.close();
    },
  });
  return new Response(body, { status, headers });
}

const across = (response) => receiveResponse(sendResponse(Promise.resolve(response)));

describe('a response across a port', () => {
  it('arrives with its status, headers and every byte in order, each piece moved rather than copied', async () => {
    const pieces = [new Uint8Array([1, 2, 3]), new Uint8Array([4]), new Uint8Array(5000).fill(7)];
    const got = await across(streamed(pieces, { headers: { 'content-length': '5004', 'x-kind': 'engine' } }));
    expect(got.status).toBe(200);
    expect(got.headers.get('x-kind')).toBe('engine');
    expect(got.headers.get('content-length')).toBe('5004');
    const bytes = new Uint8Array(await got.arrayBuffer());
    expect([...bytes.subarray(0, 4)]).toEqual([1, 2, 3, 4]);
    expect(bytes.length).toBe(5004);
    expect(bytes.subarray(4).every((b) => b === 7)).toBe(true);
    expect(pieces.map((p) => p.byteLength)).toEqual([0, 0, 0]); // their memory went to the other side
  });

  it('sends only the bytes of a piece that is a view on a larger buffer', async () => {
    const buffer = new Uint8Array([9, 9, 1, 2, 9]);
    const got = await across(streamed([buffer.subarray(2, 4)]));
    expect([...new Uint8Array(await got.arrayBuffer())]).toEqual([1, 2]);
    expect(buffer.byteLength).toBe(5); // the larger buffer stays where it was
  });

  it('keeps a status that is not ok, so the download can say so', async () => {
    const got = await across(new Response('gone', { status: 404 }));
    expect(got.ok).toBe(false);
    expect(got.status).toBe(404);
    await expect(
      fetchBytes('https://example.org/assets/reel.wasm', { fetching: across(new Response('gone', { status: 404 })) }),
    ).rejects.toThrow('Could not download reel.wasm (HTTP 404)');
  });

  it('rejects as fetch does when the page could not download at all', async () => {
    const failed = receiveResponse(sendResponse(Promise.reject(new TypeError('Failed to fetch'))));
    await expect(failed).rejects.toThrow('Failed to fetch');
  });

  it('fails the body when the download breaks half-way, and the download names the file', async () => {
    const broken = () => across(streamed([new Uint8Array([1, 2])], { fail: 'network changed' }));
    await expect((await broken()).arrayBuffer()).rejects.toThrow('network changed');
    await expect(fetchBytes('./reel.wasm', { fetching: broken() })).rejects.toThrow('Could not download reel.wasm: network changed');
  });

  it('is read by the worker as a fetch is: progress against the known size, and the same bytes', async () => {
    const seen = [];
    const bytes = await fetchBytes('./reel.wasm', {
      fetching: across(streamed([new Uint8Array(300), new Uint8Array(200)])),
      expected: 500,
      onProgress: (loaded, total) => seen.push([loaded, total]),
    });
    expect(bytes.length).toBe(500);
    expect(seen).toEqual([
      [0, 500],
      [300, 500],
      [500, 500],
    ]);
  });
});

describe('the worker starts the engine from bytes the page sends', () => {
  /** The real worker (serve.js) over a scope the test talks to; answers by request id. */
  async function worker(engineResponse) {
    const dir = requireWasm();
    const { default: createReel } = await import(/* @vite-ignore */ pathToFileURL(path.join(dir, 'reel.js')).href);
    const answers = new Map();
    const scope = { onmessage: null, postMessage: (m) => m.type !== 'progress' && answers.get(m.id)?.(m) };
    // The URL is never fetched: the engine comes through the port, and the data's folder does not exist.
    serveEngine(createReel, 'http://127.0.0.1:9/assets/reel-test.wasm', scope);
    const ask = (message) =>
      new Promise((resolve) => {
        answers.set(message.id, resolve);
        scope.onmessage({ data: message });
      });
    await ask({ type: 'prefetch', id: 1, dataUrl: 'http://127.0.0.1:9/data/', engine: sendResponse(Promise.resolve(engineResponse)) });
    return ask({ type: 'load', id: 2, dataUrl: 'http://127.0.0.1:9/data/' });
  }

  it('the real engine: the load gets past it and stops only at the data, which cannot be downloaded here', async () => {
    const wasm = readFileSync(path.join(requireWasm(), 'reel.wasm'));
    const answer = await worker(new Response(wasm, { headers: { 'content-type': 'application/wasm' } }));
    expect(answer.type).toBe('error');
    expect(answer.message).toMatch(/^Could not download movielens\.pack\.gz/);
  });

  it('a web page instead of the engine: the plain sentence, not a compile error', async () => {
    const answer = await worker(new Response('<!DOCTYPE html><title>404</title>', { headers: { 'content-type': 'text/html' } }));
    expect(answer.type).toBe('error');
    expect(answer.message).toMatch(/reel\.wasm/);
    expect(answer.message).not.toMatch(/movielens|CompileError|magic/);
  });
});
