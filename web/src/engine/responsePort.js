// A fetch's response carried from the page to the worker over a MessagePort, its body piece by piece
// as it arrives. The page can start a download before the worker's script is even in (index.html
// preloads the engine, which only the page can take over); WebKit cannot transfer a ReadableStream,
// so the pieces go as messages, each one's memory moved, not copied.

/**
 * @typedef {{ head: { status: number, headers: [string, string][] } } | { failed: string }
 *   | { piece: Uint8Array } | { end: true }} PortMessage
 */

/**
 * The page's half: sends the response `fetching` brings through the returned port.
 * @param {Promise<Response>} fetching
 * @returns {MessagePort}
 */
export function sendResponse(fetching) {
  const { port1, port2 } = new MessageChannel();
  const send = (/** @type {PortMessage} */ m, /** @type {Transferable[]} */ moved = []) => port1.postMessage(m, moved);
  (async () => {
    try {
      const response = await fetching;
      send({ head: { status: response.status, headers: [...response.headers] } });
      const reader = /** @type {ReadableStream<Uint8Array>} */ (response.body).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // A piece that is a view on a larger buffer is copied, so only its own bytes move.
        const piece = value.byteLength === value.buffer.byteLength ? value : value.slice();
        send({ piece }, [piece.buffer]);
      }
      send({ end: true });
    } catch (e) {
      send({ failed: e instanceof Error ? e.message : String(e) });
    } finally {
      port1.close();
    }
  })();
  return port2;
}

/**
 * The worker's half: the response as the page received it, its body arriving as the page reads it.
 * A download that fails before its head rejects, as fetch would; one that fails later errors the body.
 * @param {MessagePort} port
 * @returns {Promise<Response>}
 */
export function receiveResponse(port) {
  return new Promise((resolve, reject) => {
    /** @type {ReadableStreamDefaultController<Uint8Array>} */
    let body;
    const stream = new ReadableStream({
      start(c) {
        body = c;
      },
    });
    let started = false;
    port.onmessage = ({ data }) => {
      const m = /** @type {PortMessage} */ (data);
      if ('head' in m) {
        started = true;
        // A status the page saw but Response refuses to make (0, an opaque answer) is not ok either way.
        const status = m.head.status >= 200 && m.head.status <= 599 ? m.head.status : 500;
        const empty = [204, 205, 304].includes(status); // statuses a Response may not give a body
        resolve(new Response(empty ? null : stream, { status, headers: m.head.headers }));
      } else if ('piece' in m) body.enqueue(m.piece);
      else if ('end' in m) {
        body.close();
        port.close();
      } else {
        if (started) body.error(new Error(m.failed));
        else reject(new TypeError(m.failed));
        port.close();
      }
    };
  });
}
