// Telling a visitor the site changed: "updated since your last visit" when this build differs from
// the one this browser last ran (kept in localStorage), and "an update is ready" when the service
// worker takes over during a visit (the new version then opens next time). The service worker is
// registered once the models are ready, so its precaching never competes with the first download.
import { BUILD } from './buildInfo.js';

const KEY = 'reel.build';
const listeners = new Set();
let state = { updatedSinceLastVisit: false, updateReady: false };

export const siteUpdateStore = {
  get: () => state,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function set(patch) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

export const dismissUpdate = () => set({ updatedSinceLastVisit: false, updateReady: false });

/** Compares this build with the one this browser ran last time, and remembers this one. */
export function noteBuild(storage, id = BUILD.id) {
  try {
    const last = storage.getItem(KEY);
    if (last !== id) storage.setItem(KEY, id);
    if (last && last !== id) set({ updatedSinceLastVisit: true });
  } catch {
    // storage refused: nothing to compare with, nothing said
  }
}

/** Listens for a new service worker taking over (only a change of controller counts, not the first). */
export function watchServiceWorker(sw = globalThis.navigator?.serviceWorker) {
  if (!sw) return;
  let controlled = Boolean(sw.controller);
  sw.addEventListener('controllerchange', () => {
    if (controlled) set({ updateReady: true });
    controlled = true;
  });
}

/** Registers the service worker (once; a page without one, as in development, just goes without). */
let registered = false;
export function registerServiceWorker(sw = globalThis.navigator?.serviceWorker) {
  if (registered || !sw || BUILD.id === 'unbuilt') return;
  registered = true;
  sw.register('./sw.js', { scope: './', updateViaCache: 'none' }).catch(() => {
    // No offline copy this time (private mode, a browser that refuses): the site works as before.
  });
}
