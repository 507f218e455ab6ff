// When the engine's module traps or aborts, the worker is replaced and Retry really recovers; a
// wasm file that is a web page gets a plain sentence. The real handler and client, in process.
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRASH_SENTENCE, checkWasmBytes, isTrap } from '../../web/src/engine/engineErrors.js';
import { engineClient, generatedSiteData, loadReel, requireWasm, siteData } from './engineHarness.js';

/** The real module, except that the first worker's engine traps at its third training epoch. */
function trapOnce(error) {
  let armed = true;
  return async () => {
    const Module = await loadReel();
    if (armed) {
      armed = false;
      const real = Module.Engine.prototype.trainEpoch;
      let calls = 0;
      Module.Engine.prototype.trainEpoch = function trainEpoch(name) {
        if (++calls === 3) throw error();
        return real.call(this, name);
      };
    }
    return Module;
  };
}

// Retry trains every model again, so on generated data, where that takes a fraction of a second.
describe('a worker whose module trapped', () => {
  let dataUrl;
  beforeAll(() => {
    dataUrl = generatedSiteData();
  });
  afterAll(() => rmSync(dataUrl, { recursive: true, force: true }));

  it.each([
    ['a WebAssembly.RuntimeError', () => new WebAssembly.RuntimeError('memory access out of bounds')],
    ['an Emscripten abort', () => new Error('Aborted(Assertion failed)')],
  ])(
    'is replaced after %s, and Retry (load and train again) recovers',
    async (_, error) => {
      const { client, workers } = engineClient({ loadModule: trapOnce(error) });
      const crashes = [];
      client.onCrash((e) => crashes.push(e));
      await client.load({ dataUrl });
      const failed = await client.train({}).catch((e) => e);
      expect(failed.message).toBe(CRASH_SENTENCE);
      expect(failed.fatal).toBe(true);
      expect(crashes).toHaveLength(1);
      expect(workers[0].terminated).toBe(true);
      // The dead worker would refuse anything more, even if asked directly.
      await workers[0].handle({ type: 'models', id: 99 });
      expect(workers[0].sent.at(-1)).toMatchObject({ id: 99, fatal: true });

      // Retry: what the page's Retry button does.
      const loaded = await client.load({ dataUrl });
      expect(workers).toHaveLength(2);
      expect(loaded.models.every((m) => m.epochsDone === 0)).toBe(true);
      const trained = await client.train({});
      expect(trained.cancelled).toBe(false);
      const r = await client.similar({ movieId: 1 });
      expect(r.neighbours).toHaveLength(10);
    },
    120_000,
  );
});

describe('recognising traps and broken module files', () => {
  it('tells a trap from an ordinary engine error', () => {
    expect(isTrap(new WebAssembly.RuntimeError('unreachable'))).toBe(true);
    expect(isTrap(new Error('Aborted(CompileError: expected magic word)'))).toBe(true);
    expect(isTrap(new Error('no film with movieId 7'))).toBe(false);
  });

  it('accepts the real module and turns a web page served in its place into a plain sentence', () => {
    const wasm = new Uint8Array(readFileSync(path.join(requireWasm(), 'reel.wasm')));
    expect(checkWasmBytes(wasm)).toBe(wasm);
    const page = new TextEncoder().encode('<!DOCTYPE html><html><body>404 Not Found</body></html>');
    const e = (() => {
      try {
        checkWasmBytes(page, 'reel.wasm');
      } catch (x) {
        return x;
      }
    })();
    expect(e.message).toMatch(/^The engine file \(reel\.wasm\) did not arrive: the server sent a web page/);
    expect(e.message).not.toMatch(/Aborted|CompileError|magic/);
    expect(e.detail).toMatch(/^first bytes: 3c 21/);
  });

  it('reports a broken module file on load without killing the worker, and a second load tries again', async () => {
    let attempts = 0;
    const { client, workers } = engineClient({
      loadModule: async () => {
        attempts += 1;
        if (attempts === 1) checkWasmBytes(new TextEncoder().encode('<html>gone</html>'));
        return loadReel();
      },
    });
    const dataUrl = siteData();
    const e = await client.load({ dataUrl }).catch((x) => x);
    expect(e.message).toMatch(/did not arrive: the server sent a web page/);
    expect(e.fatal).toBe(false);
    const loaded = await client.load({ dataUrl });
    expect(loaded.stats.users).toBe(610);
    expect(workers).toHaveLength(1);
  });
});
