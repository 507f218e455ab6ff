// The bundled data's downloads (web/src/worker/downloads.js): the packed data is asked for once the
// engine's download will end within the time its response took to start, and at once when there is
// nothing to foresee by, on a scripted clock and line.
import { describe, expect, it } from 'vitest';
import { PACKED_FILE, startDownloads } from '../../web/src/worker/downloads.js';

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A worker's surroundings where the test moves the clock and says what of the engine has arrived. */
function line({ module = null } = {}) {
  const s = { t: 0, asked: /** @type {[string, number][]} */ ([]), progress: null, endModule: null, downloads: null };
  const deps = {
    now: () => s.t,
    sizes: {},
    cache: { readModels: async () => null },
    loadModule: (onProgress) => {
      s.progress = onProgress;
      return new Promise((resolve, reject) => {
        s.endModule = { resolve, reject };
      });
    },
    fetchBytes: (url) => {
      s.asked.push([url.split('/').pop(), s.t]);
      return new Promise(() => {});
    },
  };
  const downloads = startDownloads({ m: { module }, deps, post: () => {} }, './data/');
  downloads.packed.catch(() => {});
  s.downloads = downloads;
  /** At time t, `loaded` of the engine's `total` bytes are in. */
  s.at = async (t, loaded, total) => {
    s.t = t;
    s.progress(loaded, total);
    await settled();
  };
  s.packAskedAt = () => s.asked.find(([file]) => file === PACKED_FILE)?.[1] ?? null;
  return s;
}

describe('the packed data is asked for', () => {
  it("as the engine's last bytes come: its remaining time at the rate so far within the response's start", async () => {
    const s = line();
    await settled();
    await s.at(500, 0, 1000); // the response starts 500 ms after it was asked for: the round trip
    await s.at(1000, 100, 1000); // 900 left at 100 per 500 ms: 4.5 s
    await s.at(4500, 800, 1000); // 200 left at 800 per 4 s: 1 s
    expect(s.packAskedAt()).toBeNull();
    await s.at(5000, 900, 1000); // 100 left at 900 per 4.5 s: 0.5 s, the round trip
    expect(s.packAskedAt()).toBe(5000);
    expect(s.asked.filter(([file]) => file === PACKED_FILE)).toHaveLength(1); // once
  });

  it('at the latest when the engine is whole', async () => {
    const s = line();
    await settled();
    await s.at(10, 0, 1000); // a response that started at once
    await s.at(2000, 500, 1000); // and then a stall: 500 left at 500 per 2 s
    expect(s.packAskedAt()).toBeNull();
    await s.at(2500, 1000, 1000);
    expect(s.packAskedAt()).toBe(2500);
  });

  it("at once when the engine's size is not known", async () => {
    const s = line();
    await settled();
    await s.at(300, 0, null);
    expect(s.packAskedAt()).toBe(300);
  });

  it('not at all when the engine fails to come: the load stops there, and a retry asks for both again', async () => {
    const s = line();
    await settled();
    await s.at(300, 0, 1000);
    s.endModule.reject(new Error('offline'));
    await settled();
    expect(s.asked).toEqual([]);
    await expect(s.downloads.packed).rejects.toThrow('offline');
  });

  it('at once when an engine is already on its way, whose progress it cannot follow', async () => {
    const s = line({ module: new Promise(() => {}) });
    await settled();
    expect(s.packAskedAt()).toBe(0);
  });

  it('at once when the engine is already in this worker', async () => {
    const s = line({ module: Promise.resolve({}) });
    await settled();
    expect(s.packAskedAt()).toBe(0);
  });
});
