// The requests that bring data into the engine: prefetch (downloads started before the page
// renders), load (the bundled MovieLens) and loadFiles (one the visitor dropped or picked). A load
// waits for the one before it and pauses a training run; the machine moves only when it succeeds.
import { engineError, isTrap, messageOf } from '../engine/engineErrors.js';
import { PARSE_BYTES_PER_MS, outOfMemory } from './dataset/datasetLimits.js';
import { baseOf, startDownloads } from './downloads.js';
import { integer } from './fields.js';
import { makeCatalog } from './filmCatalog.js';
import { dataLoaded, dataState, filmsArrived, linksArrived, loadFailed } from './machine.js';
import { describe, engineIn, heapBytes, moduleOf } from './module.js';

const PACKED_HEAD_BYTES = 16; // enough of the packed file for the engine to say where its films end
export const DEFAULT_SEED = 42; // the native `reel eval` uses 42 too, so the numbers panel can match it

/**
 * Waits until no other load runs and no training run holds the engine (a run is paused), then marks
 * this load as under way; the function returned ends it.
 * @param {import('./machine.js').Machine} m
 */
async function takeTurn(m) {
  for (;;) {
    const s = m.state;
    if (s.name === 'training') {
      s.cancel = true;
      await s.done;
    } else if (m.loading) await m.loading;
    else break;
  }
  /** @type {() => void} */
  let end = () => {};
  m.loading = new Promise((resolve) => {
    end = () => resolve(undefined);
  });
  return () => {
    m.loading = null;
    end();
  };
}

/**
 * The engine's load, and the machine's state as the engine left it when the load fails.
 * @param {import('./machine.js').Machine} m @param {() => any} load
 */
function engineLoad(m, load) {
  try {
    return { ...load() };
  } catch (e) {
    if (!isTrap(e)) loadFailed(m); // after a trap the engine is not asked anything more
    throw e;
  }
}

/** @type {import('./context.js').Handler} */
export async function prefetch(c, { dataUrl = './data/' }) {
  if (!c.m.downloads && !c.m.loading && c.m.state.name !== 'training') c.m.downloads = startDownloads(c, dataUrl);
  return { started: true };
}

/** @type {import('./context.js').Handler} */
export async function load(c, { id, dataUrl = './data/', seed = DEFAULT_SEED }) {
  const { m, post } = c;
  const end = await takeTurn(m);
  try {
    const s = integer(seed, 'seed');
    const base = baseOf(dataUrl);
    const d = m.downloads?.base === base ? m.downloads : startDownloads(c, base); // a prefetch of these files is taken over
    m.downloads = null;
    d.report((files) => post({ type: 'progress', id, stage: 'download', files }));
    const engine = engineIn(c, await d.module);
    let preview = null;
    if (!engine.loaded() && !d.packedIn) {
      // The films alone, so search works while the ratings arrive (the engine says how many bytes
      // they take). An engine that still has data answers from it instead; and a packed file
      // already whole (a return visit) makes the films alone a delay.
      const head = await d.first(PACKED_HEAD_BYTES);
      const filmsEnd = head.length < PACKED_HEAD_BYTES ? 0 : engine.packedFilmsEnd(head);
      const films = filmsEnd ? await d.first(filmsEnd) : null;
      // A download cut short (or failed) is said below, by the whole file's promise.
      if (films?.length === filmsEnd && !d.packedIn) {
        engine.loadPackedFilms(films);
        preview = makeCatalog(engine.catalog(), { withCounts: false });
        filmsArrived(m, preview);
        post({ type: 'progress', id, stage: 'catalogue', ...describe(m, preview) });
      }
    }
    const packed = await d.packed;
    post({ type: 'progress', id, stage: 'parse' });
    await c.deps.yieldToLoop();
    const stats = engineLoad(m, () => engine.loadPacked(packed, s));
    // From the same packed films the titles are as loadPackedFilms gave them; only the counts are new.
    const catalog = preview ? preview.counted(engine.trainingCounts()) : makeCatalog(engine.catalog());
    const reload = async () => {
      engine.loadPacked(packed, s);
      return d.links();
    };
    dataLoaded(m, catalog, { reload, seed: s, slot: 'bundled', base, kept: d.kept });
    dataState(m).data.linksIn = linksWhenAsked(m, d.links);
    return { stats, ...describe(m, catalog), heapBytes: heapBytes(m) };
  } finally {
    end();
  }
}

/**
 * links.csv, downloaded when first asked for (once the models are ready, or for an IMDb import),
 * goes to the engine and its ids to the films, as long as the data it came with is still loaded.
 * @param {import('./machine.js').Machine} m @param {() => Promise<Uint8Array | null>} links
 * @returns {() => Promise<void>}
 */
function linksWhenAsked(m, links) {
  const data = dataState(m).data;
  /** @type {Promise<void> | null} */
  let asked = null;
  return () =>
    (asked ??= links().then((bytes) => {
      if (!bytes)
        asked = null; // not downloaded: the next ask tries again
      else if ('data' in m.state && m.state.data === data && !data.links) linksArrived(m, bytes);
    }));
}

/**
 * A dropped MovieLens's files read (or unzipped), with bytes reported to request `id`, then the
 * parse announced with an estimate of its time (the engine reports nothing inside it).
 * @param {import('./context.js').Context} c @param {File[]} files @param {number} id
 */
async function readDropped({ deps, post }, files, id) {
  const onProgress = (/** @type {object} */ p) => post({ type: 'progress', id, ...p });
  const d = await deps.readFiles(files, { onProgress, deviceMemoryGiB: deps.deviceMemoryGiB(), now: deps.now });
  post({ type: 'progress', id, stage: 'parse', source: d.source, bytes: d.ratingsBytes, estimateMs: d.ratingsBytes / PARSE_BYTES_PER_MS });
  await deps.yieldToLoop();
  return d;
}

/**
 * A MovieLens the visitor dropped or picked (File objects; nothing leaves the browser): refused by
 * size before reading when it cannot fit, read, then loaded. On any failure the engine keeps the
 * data it had.
 * @type {import('./context.js').Handler}
 */
export async function loadFiles(c, { id, files, seed = DEFAULT_SEED }) {
  const { m, deps } = c;
  const s = integer(seed, 'seed');
  const end = await takeTurn(m);
  try {
    const engine = engineIn(c, await moduleOf(c));
    const kept = deps.cache.readModels('dropped');
    kept.catch(() => {});
    const read = (/** @type {number} */ to) => readDropped(c, files, to); // "retrain here" reads again: the bytes are not kept
    const data = await read(id);
    const before = heapBytes(m) ?? 0;
    const t0 = deps.now();
    const stats = engineLoad(m, () => {
      try {
        return engine.load(data.movies, data.ratings, s);
      } catch (e) {
        throw explained(e, data, (heapBytes(m) ?? 0) > 2 * before + 256 * 2 ** 20);
      }
    });
    const parseMs = deps.now() - t0;
    const catalog = makeCatalog(engine.catalog());
    const reload = async (/** @type {number} */ to) => {
      const again = await read(to);
      engine.load(again.movies, again.ratings, s);
      return again.links;
    };
    const facts = { reload, seed: s, slot: /** @type {const} */ ('dropped'), base: null, kept };
    // links.csv only adds links out and IMDb matching: one the engine refuses leaves them out, and
    // the ratings, already in the engine, are used — a refusal here would leave the page describing
    // the data before while the engine holds these.
    let linksProblem = null;
    try {
      dataLoaded(m, catalog, facts, data.links);
    } catch (e) {
      if (isTrap(e)) throw e;
      linksProblem = messageOf(e);
      dataLoaded(m, catalog, facts, null);
    }
    const source = {
      name: data.source,
      links: Boolean(data.links) && !linksProblem,
      linksProblem,
      ratingsBytes: data.ratingsBytes,
      readMs: data.readMs,
      parseMs,
    };
    return { stats, ...describe(m, catalog), source, heapBytes: heapBytes(m) };
  } finally {
    end();
  }
}

/**
 * The engine's refusal in words a visitor can act on. grown: the module's memory grew for nothing,
 * and as it never shrinks, a fresh worker gives it back.
 * @param {unknown} e @param {{ what: string, ratingsBytes: number }} data @param {boolean} grown
 */
function explained(e, data, grown) {
  const message = messageOf(e);
  if (/bad_alloc|out of memory/i.test(message)) return engineError(outOfMemory(data), { detail: message, reset: grown });
  return engineError(message, { reset: grown });
}
