// Runs a long engine job in slices of a few milliseconds, yielding between them, so queries get
// through while it runs. The slice size adapts: each step is asked for as much work as fits the
// budget, judged by how long the last step took.

/**
 * @param {(units: number) => number} step  does up to `units` of work; returns the share done, 1 at the end
 * @param {object} options
 * @param {() => Promise<void>} options.yieldToLoop
 * @param {() => number} options.now
 * @param {number} [options.budgetMs]  how long one slice may take
 * @param {number} [options.first]  units in the first slice
 * @param {number} [options.max]  units in any slice
 * @param {(share: number) => void} [options.onShare]
 * @param {() => boolean} [options.stopped]  true: give up between two slices (the data changed)
 * @returns {Promise<{ slices: number, longestMs: number, stopped: boolean }>}
 */
export async function runInSlices(step, { yieldToLoop, now, budgetMs = 4, first = 1, max = 1e6, onShare, stopped = () => false }) {
  let units = first;
  let slices = 0;
  let longestMs = 0;
  for (;;) {
    await yieldToLoop();
    if (stopped()) return { slices, longestMs, stopped: true };
    const t0 = now();
    const share = step(units);
    const ms = now() - t0;
    slices += 1;
    longestMs = Math.max(longestMs, ms);
    onShare?.(share);
    if (share >= 1) return { slices, longestMs, stopped: false };
    // Aim at the budget; grow at most fourfold at a time, as one slice may have been unusually quick.
    const next = Math.floor((units * budgetMs) / Math.max(ms, 0.05));
    units = Math.max(1, Math.min(max, units * 4, next));
  }
}
