// Hands the event loop back between two slices of work in the worker, so a message waiting (a
// search, a cancel) runs before the next slice. A MessageChannel task rather than setTimeout(0):
// browsers clamp nested timeouts to 4 ms, which over 82 epochs and a hundred evaluation slices
// would add a third of a second of doing nothing.

/** Returns a function that resolves on a fresh task of the event loop. */
export function makeYield() {
  // Node (the tests) drains a MessagePort without turning to its timers; setImmediate yields there.
  const { setImmediate } = /** @type {{ setImmediate?: (f: () => void) => void }} */ (globalThis);
  if (typeof setImmediate === 'function') return () => new Promise((resolve) => setImmediate(() => resolve(undefined)));
  if (typeof MessageChannel !== 'function') return () => new Promise((resolve) => setTimeout(resolve, 0));
  const channel = new MessageChannel();
  /** @type {((v?: undefined) => void)[]} */
  const waiting = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}
