// A page kept in the back/forward cache is frozen with its worker, and a worker frozen while it
// writes to IndexedDB (the models kept at ready, a map) holds the stores locked: the next Reel page
// in this browser then waited for ever to read its kept models (seen in Firefox and WebKitGTK). So
// the worker goes with the page, which aborts any such write, and a page brought back from that
// cache loads afresh (its models restored from this browser in a moment, or trained again).

/**
 * @param {{ replace(): void }} client  the engine client (replace: lets its worker go)
 * @param {{ addEventListener(type: string, f: (event: any) => void): void, location: { reload(): void } }} [win]
 */
export function workerGoesWithPage(client, win = window) {
  win.addEventListener('pagehide', (event) => {
    if (event.persisted) client.replace();
  });
  win.addEventListener('pageshow', (event) => {
    if (event.persisted) win.location.reload();
  });
}
