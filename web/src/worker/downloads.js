// The bundled MovieLens's downloads: the engine, then the packed data (wasm/reel/packed.hpp), asked
// for as the engine's last bytes come and kept as it arrives, so its films can go to the engine,
// and search work, while its ratings are still on their way; links.csv (every film's IMDb and TMDB
// ids, for its links out and an IMDb import) only when asked for, once the models are ready or an
// import needs it, so on a slow line it takes no bandwidth from the first answer. The models kept in
// this browser are read meanwhile. Progress is kept here until a load is there to report it.
import { moduleOf } from './module.js';

const ENGINE_FILE = 'engine'; // the download progress's name for the wasm module
export const PACKED_FILE = 'movielens.pack.gz';

/**
 * @typedef {object} Downloads
 * @property {string} base  the data's folder, ending in /
 * @property {Promise<any>} module
 * @property {Promise<Uint8Array>} packed  the whole packed data, unzipped
 * @property {(n: number) => Promise<Uint8Array>} first  its first n bytes once they are in (fewer if the file is shorter)
 * @property {() => Promise<Uint8Array | null>} links  links.csv, downloaded on the first call; null when the site was built without it
 * @property {boolean} packedIn  the whole packed data has arrived
 * @property {Promise<any>} kept  what the model cache holds for the bundled data
 * @property {(listener: (files: Record<string, { loaded: number, total: number | null }>) => void) => void} report
 */

/** @param {string} dataUrl */
export const baseOf = (dataUrl) => (dataUrl.endsWith('/') ? dataUrl : `${dataUrl}/`);

/** Bytes as they arrive, and each wait for the first n of them. */
function arriving() {
  /** @type {Uint8Array[]} */
  const chunks = [];
  let length = 0;
  let ended = false;
  /** @type {{ n: number, resolve: (bytes: Uint8Array) => void }[]} */
  let waits = [];
  const prefix = (/** @type {number} */ n) => {
    const out = new Uint8Array(Math.min(n, length));
    let at = 0;
    for (const c of chunks) {
      if (at >= out.length) break;
      const part = c.subarray(0, out.length - at);
      out.set(part, at);
      at += part.length;
    }
    return out;
  };
  const settle = () => {
    const ready = waits.filter((w) => w.n <= length || ended);
    waits = waits.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve(prefix(w.n));
  };
  return {
    /** @param {Uint8Array} chunk */
    push(chunk) {
      chunks.push(chunk);
      length += chunk.length;
      settle();
    },
    /** The download ended: with its bytes, taken whole if no piece was handed on (a fetch that gives no pieces). @param {Uint8Array} [all] */
    end(all) {
      if (all && length === 0) this.push(all);
      ended = true;
      settle();
    },
    /** @param {number} n @returns {Promise<Uint8Array>} */
    first: (n) =>
      new Promise((resolve) => {
        waits.push({ n, resolve });
        settle();
      }),
  };
}

/**
 * When to ask for the packed data: once the engine's download will end within about the time its
 * response took to start (a round trip, measured), so the data's first bytes come as the engine's
 * last do. The line is never idle, yet the engine has it to itself until then, and search, which
 * needs the engine and the data's films, works about a second sooner on a phone network (3G); the
 * first answer, which needs every byte, comes no later. Without a size to foresee by, at once;
 * never, when the engine fails to come.
 * @param {() => number} now
 */
function whenEngineNearlyIn(now) {
  const asked = now();
  /** @type {number | null} */
  let started = null;
  /** @type {() => void} */
  let go = () => {};
  /** @type {(e: unknown) => void} */
  let fail = () => {};
  const promise = new Promise((resolve, reject) => {
    go = () => resolve(undefined);
    fail = reject;
  });
  /** @param {number} loaded @param {number | null} total */
  const progress = (loaded, total) => {
    const t = now();
    started ??= t;
    if (!total || loaded >= total) return go();
    // What is left, at the rate the bytes have come so far, against the response's start.
    if (loaded > 0 && ((total - loaded) * (t - started)) / loaded <= started - asked) go();
  };
  return { promise, progress, go, fail };
}

/**
 * @param {import('./context.js').Context} c @param {string} dataUrl
 * @returns {Downloads}
 */
export function startDownloads(c, dataUrl) {
  const { deps } = c;
  const base = baseOf(dataUrl);
  /** @type {((files: Record<string, { loaded: number, total: number | null }>) => void) | null} */
  let listener = null;
  /** @type {Record<string, { loaded: number, total: number | null }>} */
  const files = {};
  let last = -Infinity;
  const track = (/** @type {string} */ name) => (/** @type {number} */ loaded, /** @type {number | null} */ total) => {
    files[name] = { loaded, total };
    const t = deps.now();
    if (listener && (t - last >= 50 || (total !== null && loaded >= total))) {
      last = t;
      listener({ ...files });
    }
  };
  const engineNear = whenEngineNearlyIn(deps.now);
  // An engine already on its way (a load taking over from a prefetch of other data) reports its
  // progress to no one here: the data is asked for at once.
  if (c.m.module) engineNear.go();
  const trackEngine = track(ENGINE_FILE);
  const module = moduleOf(c, (loaded, total) => {
    engineNear.progress(loaded, total);
    trackEngine(loaded, total);
  });
  // An engine that fails to come asks for no data: the load stops there, and its retry asks again.
  module.then(engineNear.go, engineNear.fail);
  const bytes = arriving();
  const fetchPacked = () =>
    deps.fetchBytes(`${base}${PACKED_FILE}`, {
      onProgress: track(PACKED_FILE),
      onChunk: bytes.push,
      expected: deps.sizes[PACKED_FILE] ?? null,
      gzipped: true,
    });
  const packed = engineNear.promise.then(fetchPacked).then(
    (all) => {
      bytes.end(all);
      return all;
    },
    (e) => {
      bytes.end();
      throw e;
    },
  );
  // Without links.csv the films have no links out and an IMDb import says why, but the page still
  // works: the ratings are what it cannot do without. A failed download is asked for again next time.
  /** @type {Promise<Uint8Array | null> | null} */
  let links = null;
  const fetchLinks = () =>
    (links ??= deps.fetchBytes(`${base}links.csv`, { expected: deps.sizes['links.csv'] ?? null }).catch(() => {
      links = null;
      return null;
    }));
  // Settled by the load that takes them over; until then a failure must not count as unhandled.
  for (const p of [module, packed]) p.catch(() => {});
  /** @type {Downloads} */
  const d = {
    base,
    module,
    packed,
    first: bytes.first,
    links: fetchLinks,
    packedIn: false,
    kept: deps.cache.readModels(),
    report(f) {
      listener = f;
      f({ ...files });
    },
  };
  packed.then(
    () => {
      d.packedIn = true;
    },
    () => {},
  );
  return d;
}
