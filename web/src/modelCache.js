// Trained models kept in this browser (IndexedDB), so a return visit restores them instead of
// training. One entry at a time, under the engine's modelKey() (the data's fingerprint, the save
// format and every setting) and the engine build that wrote it; the map layout joins it once drawn.
// Nothing read here is trusted as it stands: the worker checks the key and the engine build, the
// engine checks the models' own checksum on restore, and the map carries a checksum of its own.
// A browser that refuses IndexedDB (private modes, storage off) gets a cache that keeps nothing.

const DB = 'reel';
const VERSION = 1;
const MODELS = 'models'; // { key, engine, bytes: Uint8Array, trainMs, savedAt }
const MAPS = 'maps'; // { key, engine, movieIds: Int32Array, xy: Float32Array, figures, sum, savedAt }

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('the transaction was aborted'));
  });
}

/** The same interface, over IndexedDB. Every method resolves (null or false) rather than throw. */
export function indexedDbModelCache(idb = globalThis.indexedDB) {
  let opening = null;
  function open() {
    opening ??= new Promise((resolve, reject) => {
      if (!idb) return reject(new Error('IndexedDB is not available'));
      const r = idb.open(DB, VERSION);
      r.onupgradeneeded = () => {
        for (const name of [MODELS, MAPS]) if (!r.result.objectStoreNames.contains(name)) r.result.createObjectStore(name, { keyPath: 'key' });
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

  async function first(store) {
    const db = await open();
    const all = await request(db.transaction(store, 'readonly').objectStore(store).getAll());
    return all.sort((a, b) => (b.savedAt ?? 0) - (a.savedAt ?? 0))[0] ?? null;
  }

  const quietly = (f, fallback) => f().catch(() => fallback);

  return {
    /** The kept models, whatever key they were kept under (the caller checks it), or null. */
    readModels: () => quietly(() => first(MODELS), null),
    /** The kept map layout for `key`, or null. */
    readMap: (key) =>
      quietly(async () => {
        const db = await open();
        return (await request(db.transaction(MAPS, 'readonly').objectStore(MAPS).get(key))) ?? null;
      }, null),
    /** Keeps `entry` as the only models, and drops any map kept for other models. */
    writeModels: (entry) =>
      quietly(async () => {
        const db = await open();
        const tx = db.transaction([MODELS, MAPS], 'readwrite', { durability: 'relaxed' });
        tx.objectStore(MODELS).clear();
        const maps = tx.objectStore(MAPS);
        maps.getAllKeys().onsuccess = (e) => e.target.result.filter((k) => k !== entry.key).forEach((k) => maps.delete(k));
        tx.objectStore(MODELS).put(entry);
        await done(tx);
        return true;
      }, false),
    /** Keeps a map layout beside the models of the same key. */
    writeMap: (entry) =>
      quietly(async () => {
        const db = await open();
        const tx = db.transaction(MAPS, 'readwrite', { durability: 'relaxed' });
        tx.objectStore(MAPS).clear();
        tx.objectStore(MAPS).put(entry);
        await done(tx);
        return true;
      }, false),
    /** Forgets everything kept: an entry that failed its checks. */
    forget: () =>
      quietly(async () => {
        const db = await open();
        const tx = db.transaction([MODELS, MAPS], 'readwrite');
        tx.objectStore(MODELS).clear();
        tx.objectStore(MAPS).clear();
        await done(tx);
        return true;
      }, false),
  };
}

/** The same interface in memory, copying as IndexedDB does: for tests, and where nothing may be kept. */
export function memoryModelCache() {
  const models = new Map();
  const maps = new Map();
  const latest = (m) => [...m.values()].sort((a, b) => b.savedAt - a.savedAt)[0] ?? null;
  return {
    models,
    maps,
    readModels: async () => structuredClone(latest(models)),
    readMap: async (key) => structuredClone(maps.get(key) ?? null),
    writeModels: async (entry) => {
      models.clear();
      for (const k of [...maps.keys()]) if (k !== entry.key) maps.delete(k);
      models.set(entry.key, structuredClone(entry));
      return true;
    },
    writeMap: async (entry) => {
      maps.clear();
      maps.set(entry.key, structuredClone(entry));
      return true;
    },
    forget: async () => {
      models.clear();
      maps.clear();
      return true;
    },
  };
}
