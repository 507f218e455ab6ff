// Reel's service worker: keeps the whole site — page, scripts, engine and MovieLens data — so a
// return visit starts from this browser and works with the network off. VERSION and PRECACHE (each
// file with its SHA-256) are written above this line at build time (web/plugins/precache.js).
//
// Install: every file goes into this version's cache, checked against its hash. An unchanged file
// is copied from the previous version's cache rather than downloaded again (the data is 3 MB), and
// a download that does not match its hash (a stale HTTP cache) is fetched afresh once more.
// Then it takes over at once: what a visitor opens next is the new version. The cache of the version
// it replaces is kept one round longer, for a page still running it that asks for a file only it
// has; every older one goes.
// Fetch: the site's own files from the cache, anything else from the network.
/* global VERSION, PRECACHE */

const PREFIX = 'reel-';
const CACHE = `${PREFIX}${VERSION}`;
const PREVIOUS = './__reel-previous'; // in each cache: the cache of the version it replaced, kept one round
const HASH_HEADER = 'x-reel-sha256';

const scoped = (url) => new URL(url, self.registration.scope).href;
const INDEX = () => scoped('./index.html');

async function sha256(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A response holding exactly the bytes the build hashed, marked with that hash. */
async function verified(url, hash) {
  for (const mode of ['default', 'reload']) {
    const response = await fetch(url, { cache: mode, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const body = await response.arrayBuffer();
    if ((await sha256(body)) === hash) {
      const headers = new Headers(response.headers);
      headers.set(HASH_HEADER, hash);
      headers.delete('content-encoding'); // the body is stored decoded
      headers.set('content-length', String(body.byteLength));
      return new Response(body, { status: 200, headers });
    }
  }
  throw new Error(`${url} does not match the site's build (a deploy under way?)`);
}

async function fromOlder(olderNames, url, hash) {
  for (const name of olderNames) {
    const response = await (await caches.open(name)).match(url);
    if (response?.headers.get(HASH_HEADER) === hash) return response;
  }
  return null;
}

/** The version a service worker serves (it answers as the page asks it), or null if it does not say. */
function versionOf(worker) {
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const quiet = setTimeout(() => resolve(null), 3000);
    channel.port1.onmessage = (event) => {
      clearTimeout(quiet);
      resolve(typeof event.data?.version === 'string' ? event.data.version : null);
    };
    worker.postMessage({ type: 'version' }, [channel.port2]);
  });
}

async function install() {
  const cache = await caches.open(CACHE);
  const older = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
  const replaced = `${PREFIX}${await versionOf(self.registration.active)}`;
  await cache.put(scoped(PREVIOUS), new Response(JSON.stringify(older.filter((name) => name === replaced))));
  for (const { url, hash } of PRECACHE) {
    const href = scoped(url);
    if ((await cache.match(href))?.headers.get(HASH_HEADER) === hash) continue; // an install resumed
    await cache.put(href, (await fromOlder(older, href, hash)) ?? (await verified(href, hash)));
  }
}

/** The cache noted at install; a note of any other shape keeps none (it must not stop activation). */
async function previousCaches(cache) {
  try {
    const list = JSON.parse((await (await cache.match(scoped(PREVIOUS)))?.text()) ?? '[]');
    return Array.isArray(list) ? list.filter((name) => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

async function activate() {
  const cache = await caches.open(CACHE);
  const keep = new Set([CACHE, ...(await previousCaches(cache))]);
  for (const name of await caches.keys()) if (name.startsWith(PREFIX) && !keep.has(name)) await caches.delete(name);
  await self.clients.claim();
}

self.addEventListener('install', (event) => event.waitUntil(install().then(() => self.skipWaiting())));
self.addEventListener('activate', (event) => event.waitUntil(activate()));

// The page asks which version serves it, to tell a returning visitor the site was updated.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'version') event.ports[0]?.postMessage({ version: VERSION });
});

let hashes = null; // url → the build's SHA-256 of it
/**
 * A kept response is served only as install kept it: marked with a hash, and for this version's files
 * with the very hash the build gave (anything else in the cache goes to the network instead).
 */
function trusted(response, url) {
  const hash = response?.headers.get(HASH_HEADER);
  if (!hash) return false;
  hashes ??= new Map(PRECACHE.map((f) => [scoped(f.url), f.hash]));
  return !hashes.has(url) || hashes.get(url) === hash;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  const isPage = request.mode === 'navigate' && (url.pathname === scope.pathname || url.pathname === `${scope.pathname}index.html`);
  event.respondWith(
    (async () => {
      // The page at any ?film= or #ratings= is the one index.html; other files by their exact URL,
      // from this version's cache or the one before.
      const key = isPage ? INDEX() : url.href.split('#')[0];
      const cached = (await caches.match(key, { cacheName: CACHE })) ?? (isPage ? null : await caches.match(key));
      return trusted(cached, key) ? cached : fetch(request);
    })(),
  );
});
