// Downloads a file as bytes while reporting how many have arrived and of how many. The total is the
// file's size as built (buildInfo.js), since a gzip-served response's Content-Length counts
// compressed bytes while the stream yields uncompressed ones; without a known size, an uncompressed
// response's Content-Length serves, and otherwise the total is unknown (null). A file gzipped at
// build time (the packed MovieLens) is unzipped as it streams, whether or not the host also
// compressed it on the way; each piece can be handed on as it arrives.
import { messageOf } from '../engine/engineErrors.js';

/** @param {string} url */
function fileName(url) {
  return (String(url).split('/').pop() ?? '').split('?')[0];
}

/**
 * The body, unzipped when its first two bytes are gzip's: a host may send a .gz as it is, or the
 * browser may already have undone a Content-Encoding, and either way the same bytes come out.
 * @param {ReadableStream<Uint8Array>} body
 */
async function gunzipped(body) {
  const reader = body.getReader();
  const first = await reader.read();
  const again = new ReadableStream({
    start(c) {
      if (!first.done) c.enqueue(first.value);
      else c.close();
    },
    async pull(c) {
      const r = await reader.read();
      if (r.done) c.close();
      else c.enqueue(r.value);
    },
    cancel: (why) => reader.cancel(why),
  });
  const v = first.value;
  return v && v[0] === 0x1f && v[1] === 0x8b ? again.pipeThrough(new DecompressionStream('gzip')) : again;
}

/**
 * @param {string} url
 * @param {{ onProgress?: (loaded: number, total: number|null) => void, onChunk?: (chunk: Uint8Array) => void, expected?: number|null, gzipped?: boolean }} [options]
 *   gzipped: the file was gzipped at build time (the total is then its unzipped size)
 * @returns {Promise<Uint8Array>}
 */
export async function fetchBytes(url, { onProgress, onChunk, expected = null, gzipped = false } = {}) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`Could not download ${fileName(url)}: ${messageOf(e)}`, { cause: e });
  }
  if (!response.ok) throw new Error(`Could not download ${fileName(url)} (HTTP ${response.status})`);
  const length = Number(response.headers.get('content-length'));
  const total = expected ?? (!response.headers.get('content-encoding') && length > 0 ? length : null);
  const body = response.body;
  if (!body?.getReader) {
    if (gzipped) throw new Error(`Could not download ${fileName(url)}: this browser cannot read a download as it arrives`);
    return new Uint8Array(await response.arrayBuffer());
  }
  let reader;
  try {
    reader = (gzipped ? await gunzipped(body) : body).getReader();
  } catch (e) {
    throw new Error(`Could not download ${fileName(url)}: ${messageOf(e)}`, { cause: e });
  }
  const chunks = [];
  let loaded = 0;
  onProgress?.(0, total);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onChunk?.(value);
      onProgress?.(loaded, total);
    }
  } catch (e) {
    throw new Error(`Could not download ${fileName(url)}: ${messageOf(e)}`, { cause: e });
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
