// Writes a large stored value when the page is next idle, not inside the interaction that changed it:
// a 20,000-rating profile is about 600 KB of JSON, and writing it took 30–70 ms of the main thread on
// every rating, ahead of the visitor's next films (issue 24, item 7). Changes made before the write
// runs are written once, with the latest value; a page being hidden or closed writes at once, so
// nothing waits on a timer that will never fire.

/**
 * How long after a change its answers are expected on screen: the next films take about 0.1 s with
 * 20,000 ratings, and adding a share link of 10,000 to 10,000 about 0.25 s (docs/benchmarks.md).
 */
const QUIET_MS = 1000;

/**
 * Runs `task` a moment after the change and then when the main thread is idle (within a second). Idle
 * at once, or after 0.3 s, was too soon: the main thread is idle in gaps while the worker answers the
 * change, and a write in such a gap held the answer up on its way to the screen.
 */
function whenIdle(task) {
  let cancel = () => clearTimeout(handle);
  const handle = setTimeout(() => {
    if (typeof globalThis.requestIdleCallback !== 'function') return task();
    const idle = globalThis.requestIdleCallback(task, { timeout: 1000 });
    cancel = () => globalThis.cancelIdleCallback(idle);
  }, QUIET_MS);
  return () => cancel();
}

/**
 * @param {{ schedule?: (task: () => void) => () => void, target?: EventTarget|null }} [options]
 *   schedule: runs a task later and returns what cancels it; target: the window whose hiding flushes
 * @returns {{ write: (task: () => void) => void, flush: () => void, cancel: () => void, pending: () => boolean }}
 *   write: replaces any write still waiting with `task`; flush: runs it now; cancel: forgets it
 */
export function createIdleWriter({ schedule = whenIdle, target = globalThis.window ?? null } = {}) {
  let task = null;
  let unschedule = null;

  function flush() {
    const run = task;
    task = null;
    unschedule?.();
    unschedule = null;
    run?.();
  }

  const onHide = () => {
    if (globalThis.document?.visibilityState !== 'visible') flush();
  };
  target?.addEventListener?.('pagehide', flush);
  target?.addEventListener?.('visibilitychange', onHide);

  return {
    write(next) {
      task = next;
      if (!unschedule) unschedule = schedule(flush);
    },
    flush,
    cancel() {
      task = null;
      unschedule?.();
      unschedule = null;
    },
    pending: () => task !== null,
  };
}
