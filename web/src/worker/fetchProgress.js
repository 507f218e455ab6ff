// Downloads a file as bytes while reporting how many have arrived and of how many. The total is the
// file's size as built (buildInfo.js), since a gzip-served response's Content-Length counts
// compressed bytes while the stream yields uncompressed ones; without a known size, an uncompressed
// response's Content-Length serves, and otherwise the total is unknown (null).
import { messageOf } from '../engine/engineErrors.js';

/** @param {string} url */
function fileName(url) {
  return (String(url).split('/').pop() ?? '').split('?')[0];
}

/**
 * @param {string} url
 * @param {{ onProgress?: (loaded: number, total: number|null) => void, expected?: number|null }} [options]
 * @returns {Promise<Uint8Array>}
 */
export async function fetchBytes(url, { onProgress, expected = null } = {}) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`Could not download ${fileName(url)}: ${messageOf(e)}`, { cause: e });
  }
  if (!response.ok) throw new Error(`Could not download ${fileName(url)} (HTTP ${response.status})`);
  const length = Number(response.headers.get('content-length'));
  const total = expected ?? (!response.headers.get('content-encoding') && length > 0 ? length : null);
  if (!onProgress || !response.body?.getReader) return new Uint8Array(await response.arrayBuffer());

  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  onProgress(0, total);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.length;
      onProgress(loaded, total);
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
