// The service worker's caches over deploys, its own code run against an in-memory Cache Storage:
// each version's files in a cache of its own, a file that did not change copied rather than
// downloaded again, the cache of the version it replaces kept one round longer (for a page still
// running that version), and every older one deleted.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { root } from './engineHarness.js';

const source = readFileSync(path.join(root, 'web/sw/serviceWorker.js'), 'utf8');
const SCOPE = 'https://reel.example/site/';
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Cache Storage in memory; names are listed in the order the caches were made, as browsers do. */
function cacheStorage() {
  const store = new Map();
  return {
    store,
    async open(name) {
      if (!store.has(name)) store.set(name, new Map());
      const entries = store.get(name);
      return {
        put: async (url, response) => void entries.set(url, response),
        match: async (url) => entries.get(url)?.clone(),
      };
    },
    keys: async () => [...store.keys()],
    delete: async (name) => store.delete(name),
  };
}

/** A service worker that answers the version question as the real one does; `version` null: one that never answers. */
function activeWorker(version) {
  return { postMessage: (message, [port]) => version !== null && message.type === 'version' && port.postMessage({ version }) };
}

/**
 * Installs and activates the service worker built for `files` (url → text), replacing `active`.
 * @returns {Promise<{ version: string, fetched: string[] }>}
 */
async function deploy(caches, files, active = null) {
  const precache = Object.entries(files).map(([url, text]) => ({ url, hash: sha256(text) }));
  const version = sha256(JSON.stringify(precache)).slice(0, 12);
  const fetched = [];
  const listeners = {};
  const self = {
    registration: { scope: SCOPE, active },
    location: { origin: new URL(SCOPE).origin },
    addEventListener: (type, f) => (listeners[type] = f),
    skipWaiting: async () => {},
    clients: { claim: async () => {} },
  };
  const fetch = async (url) => {
    fetched.push(url.slice(SCOPE.length));
    return new Response(files[url.slice(SCOPE.length)]);
  };
  const globals = { self, caches, crypto, fetch, Response, Headers, URL, MessageChannel, setTimeout, clearTimeout };
  vm.runInNewContext(`const VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache)};\n${source}`, globals);
  for (const type of ['install', 'activate']) {
    let work;
    listeners[type]({ waitUntil: (p) => (work = p) });
    await work;
  }
  return { version, fetched };
}

describe('the service worker over deploys', () => {
  it('keeps the version it replaces one round longer and deletes every older one', async () => {
    const caches = cacheStorage();
    const data = 'ratings '.repeat(100);
    const v1 = await deploy(caches, { 'index.html': 'page 1', 'data.bin': data });
    expect(v1.fetched.sort()).toEqual(['data.bin', 'index.html']);
    const v2 = await deploy(caches, { 'index.html': 'page 2', 'data.bin': data }, activeWorker(v1.version));
    expect(v2.fetched).toEqual(['index.html']); // the data did not change: copied from v1's cache
    expect(await caches.keys()).toEqual([`reel-${v1.version}`, `reel-${v2.version}`]);
    const v3 = await deploy(caches, { 'index.html': 'page 3', 'data.bin': data }, activeWorker(v2.version));
    expect(await caches.keys()).toEqual([`reel-${v2.version}`, `reel-${v3.version}`]);
    const v4 = await deploy(caches, { 'index.html': 'page 4', 'data.bin': data }, activeWorker(v3.version));
    expect(await caches.keys()).toEqual([`reel-${v3.version}`, `reel-${v4.version}`]);
    expect(v4.fetched).toEqual(['index.html']);
  });

  it('keeps no older cache when the worker it replaces does not say its version, and leaves other caches alone', async () => {
    const caches = cacheStorage();
    await caches.open('not-reel');
    const v1 = await deploy(caches, { 'index.html': 'page 1' });
    const v2 = await deploy(caches, { 'index.html': 'page 2' }, activeWorker(null));
    expect(v1.version).not.toBe(v2.version);
    expect(await caches.keys()).toEqual(['not-reel', `reel-${v2.version}`]);
  }, 10_000);
});
