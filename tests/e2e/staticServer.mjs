// A small static file server for the built site on loopback, serving as GitHub Pages does: gzip for
// text (wasm included), ETag and Last-Modified with a ten-minute max-age, and 304 for a revalidation.
// The browser tests and the benchmark use it, so they see what a visitor's browser would.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.csv', '.json', '.webmanifest', '.svg']);

/**
 * Serves `dir` on 127.0.0.1 at a free port; resolves to { origin, close(), requests }.
 * requests: every path asked for, in order, so a test can say what went over the network.
 * @param {string} dir
 * @param {{ gzip?: boolean }} [options]  gzip: false sends every file as it is
 */
export function startStaticServer(dir, { gzip = true } = {}) {
  const root = path.resolve(dir);
  const packed = new Map(); // file → { mtimeMs, body } so a file is compressed once per version
  const requests = [];

  function body(file, stat, compress) {
    if (!compress) return readFileSync(file);
    const known = packed.get(file);
    if (known && known.mtimeMs === stat.mtimeMs) return known.body;
    const next = gzipSync(readFileSync(file), { level: 6 });
    packed.set(file, { mtimeMs: stat.mtimeMs, body: next });
    return next;
  }

  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    requests.push(pathname);
    let file = path.join(root, decodeURIComponent(pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let stat = statSync(file);
      if (stat.isDirectory()) {
        file = path.join(file, 'index.html');
        stat = statSync(file);
      }
      const ext = path.extname(file);
      const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      // GitHub Pages: ten minutes, then revalidate; the service worker script is always asked afresh.
      const headers = {
        'content-type': TYPES[ext] ?? 'application/octet-stream',
        'cache-control': 'max-age=600',
        etag,
        'last-modified': new Date(stat.mtimeMs).toUTCString(),
        vary: 'Accept-Encoding',
      };
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers).end();
        return;
      }
      const compress = gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const data = body(file, stat, compress);
      if (compress) headers['content-encoding'] = 'gzip';
      headers['content-length'] = data.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : data);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        origin: `http://127.0.0.1:${port}`,
        requests,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(r);
          }),
      });
    });
  });
}
