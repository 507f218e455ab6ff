// Trained models kept in this browser (IndexedDB), so a return visit restores them instead of
// training. One entry per slot — the bundled MovieLens's models, and those of the last MovieLens the
// visitor dropped — under the engine's modelKey() (the data's fingerprint, the save format and every
// setting) and the engine build that wrote it; the map layout joins it once drawn. Each slot is its
// own object store, so a visit reads only its own dataset's models (a dropped 20 M-rating set's are
// hundreds of MB), and keeping one dataset's models never drops the other's.
// Nothing read here is trusted as it stands: the worker checks the key and the engine build, the
// engine checks the models' own checksum on restore, and the map carries a checksum of its own.
// A browser that refuses IndexedDB (private modes, storage off) gets a cache that keeps nothing.

/**
 * What a worker keeps trained models and map layouts in; every method resolves (null or false)
 * rather than throw.
 * @typedef {object} ModelCache
 * @property {(slot?: Slot) => Promise<any>} readModels  the slot's latest entry, or null
 * @property {(key: string) => Promise<any>} readMap
 * @property {(entry: any, slot?: Slot) => Promise<boolean>} writeModels
 * @property {(entry: any) => Promise<boolean>} writeMap
 * @property {(slot?: Slot) => Promise<boolean>} forget
 */
/** @typedef {'bundled' | 'dropped'} Slot */

const DB = 'reel';
const VERSION = 2; // 2 added the dropped dataset's slot; the bundled slot keeps version 1's store and entries
const SLOTS = { bundled: 'models', dropped: 'droppedModels' }; // { key, engine, bytes: Uint8Array, trainMs, savedAt }
const MAPS = 'maps'; // { key, engine, movieIds: Int32Array, xy: Float32Array, figures, sum, savedAt }

/** @param {string} slot */
function storeOf(slot) {
  const store = Object.hasOwn(SLOTS, slot) ? SLOTS[/** @type {Slot} */ (slot)] : null;
  if (!store) throw new Error(`no model slot named ${JSON.stringify(slot)}`);
  return store;
}

/** @param {IDBRequest} r @returns {Promise<any>} */
function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** @param {IDBTransaction} tx @returns {Promise<void>} */
function done(tx) {
  return new Promise((/** @type {(v?: undefined) => void} */ resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
  });
}

/**
 * The same interface, over IndexedDB. Every method resolves (null or false) rather than throw.
 * @param {IDBFactory | null} [idb]
 * @param {{ stalledMs?: number }} [options]  stalledMs: how long a read waits for its transaction to begin
 * @returns {ModelCache}
 */
export function indexedDbModelCache(idb = globalThis.indexedDB, { stalledMs = 5000 } = {}) {
  /** @type {Promise<IDBDatabase> | null} */
  let opening = null;
  function open() {
    opening ??= new Promise((resolve, reject) => {
      if (!idb) return reject(new Error('IndexedDB is not available'));
      const r = idb.open(DB, VERSION);
      r.onupgradeneeded = () => {
        for (const name of [...Object.values(SLOTS), MAPS])
          if (!r.result.objectStoreNames.contains(name)) r.result.createObjectStore(name, { keyPath: 'key' });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('IndexedDB is blocked by another tab'));
    }).catch((e) => {
      opening = null;
      throw e;
    });
    return opening;
  }

  /**
   * What `ask` reads from `store`, or null when the read's transaction has not begun after
   * `stalledMs`. A read waits while another connection writes the same stores, and one in a document
   * frozen in the back/forward cache may never finish: the page then trains instead of waiting for
   * ever. Only the start is timed, so a slow read of a large dropped MovieLens's models still ends.
   * @param {string} store @param {(s: IDBObjectStore) => IDBRequest} ask
   */
  async function readUnlessStalled(store, ask) {
    const db = await open();
    const tx = db.transaction(store, 'readonly');
    const begun = request(tx.objectStore(store).count()).then(() => true); // answered once the transaction runs
    const reading = request(ask(tx.objectStore(store)));
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    const stalled = new Promise((resolve) => {
      timer = setTimeout(() => resolve(false), stalledMs);
    });
    if (await Promise.race([begun, stalled]).finally(() => clearTimeout(timer))) return reading;
    reading.catch(() => {});
    tx.abort();
    return null;
  }

  /** @param {string} store */
  async function first(store) {
    const all = (await readUnlessStalled(store, (s) => s.getAll())) ?? [];
    return all.sort((/** @type {any} */ a, /** @type {any} */ b) => (b.savedAt ?? 0) - (a.savedAt ?? 0))[0] ?? null;
  }

  /** @template T @param {() => Promise<T>} f @param {T} fallback */
  const quietly = (f, fallback) => f().catch(() => fallback);

  // Maps are kept only beside models: any other is dropped (key: the models of `key` are going, or kept).
  /** @param {IDBTransaction} tx @param {string[]} keep */
  function pruneMaps(tx, keep) {
    const keys = new Set(keep);
    const maps = tx.objectStore(MAPS);
    let pending = Object.values(SLOTS).length;
    for (const store of Object.values(SLOTS)) {
      const read = tx.objectStore(store).getAllKeys();
      read.onsuccess = () => {
        for (const k of read.result) keys.add(/** @type {string} */ (k));
        if (--pending !== 0) return;
        const all = maps.getAllKeys();
        all.onsuccess = () => all.result.filter((k) => !keys.has(/** @type {string} */ (k))).forEach((k) => maps.delete(k));
      };
    }
  }

  return {
    /** The kept models of `slot`, whatever key they were kept under (the caller checks it), or null. */
    readModels: (slot = 'bundled') => quietly(async () => first(storeOf(slot)), null), // async: a bad slot name resolves null too
    /** The kept map layout for `key`, or null. */
    readMap: (key) => quietly(async () => (await readUnlessStalled(MAPS, (s) => s.get(key))) ?? null, null),
    /** Keeps `entry` as the only models of `slot`, and drops any map no kept models need. */
    writeModels: (entry, slot = 'bundled') =>
      quietly(async () => {
        const db = await open();
        const store = storeOf(slot);
        const tx = db.transaction([...Object.values(SLOTS), MAPS], 'readwrite', { durability: 'relaxed' });
        tx.objectStore(store).clear();
        tx.objectStore(store).put(entry);
        pruneMaps(tx, [entry.key]);
        await done(tx);
        return true;
      }, false),
    /** Keeps a map layout beside the models of the same key (maps of models no longer kept go). */
    writeMap: (entry) =>
      quietly(async () => {
        const db = await open();
        const tx = db.transaction([...Object.values(SLOTS), MAPS], 'readwrite', { durability: 'relaxed' });
        tx.objectStore(MAPS).put(entry);
        pruneMaps(tx, [entry.key]);
        await done(tx);
        return true;
      }, false),
    /** Forgets what `slot` keeps, and the maps no kept models need: an entry that failed its checks. */
    forget: (slot = 'bundled') =>
      quietly(async () => {
        const db = await open();
        const tx = db.transaction([...Object.values(SLOTS), MAPS], 'readwrite');
        tx.objectStore(storeOf(slot)).clear();
        pruneMaps(tx, []);
        await done(tx);
        return true;
      }, false),
  };
}

/**
 * The same interface in memory, copying as IndexedDB does: for tests, and where nothing may be kept.
 * `models` is the bundled slot's entries, `slots` every slot's.
 */
export function memoryModelCache() {
  /** @type {Record<string, Map<string, any>>} */
  const slots = Object.fromEntries(Object.keys(SLOTS).map((slot) => [slot, new Map()]));
  /** @type {Map<string, any>} */
  const maps = new Map();
  const latest = (/** @type {Map<string, any>} */ m) => [...m.values()].sort((a, b) => b.savedAt - a.savedAt)[0] ?? null;
  const slotOf = (/** @type {string} */ slot) => (storeOf(slot), slots[slot]);
  const pruneMaps = (/** @type {string[]} */ keep = []) => {
    const keys = new Set([...keep, ...Object.values(slots).flatMap((m) => [...m.keys()])]);
    for (const k of [...maps.keys()]) if (!keys.has(k)) maps.delete(k);
  };
  return {
    models: slots.bundled,
    slots,
    maps,
    readModels: async (slot = 'bundled') => structuredClone(latest(slotOf(slot))),
    readMap: async (/** @type {string} */ key) => structuredClone(maps.get(key) ?? null),
    writeModels: async (/** @type {any} */ entry, slot = 'bundled') => {
      const m = slotOf(slot);
      m.clear();
      m.set(entry.key, structuredClone(entry));
      pruneMaps();
      return true;
    },
    writeMap: async (/** @type {any} */ entry) => {
      maps.set(entry.key, structuredClone(entry));
      pruneMaps([entry.key]);
      return true;
    },
    forget: async (slot = 'bundled') => {
      slotOf(slot).clear();
      pruneMaps();
      return true;
    },
  };
}
