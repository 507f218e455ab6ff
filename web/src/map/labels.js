// Which films get a name on the map at the current zoom, with no two names overlapping: candidates
// in order of fame (most-rated first; film X and its neighbours before all), each placed to the
// right of its dot if that box is free, else to its left. Names depend only on relative positions, so panning never
// makes them jump; zooming in makes room, so more appear.

/**
 * @param {object} a
 * @param {number[]} a.order  film indices, most important first
 * @param {Float32Array} a.px  base-space positions
 * @param {Float32Array} a.py
 * @param {{k: number, x: number, y: number}} a.t  the pan and zoom
 * @param {(i: number) => number} a.width  a name's width in screen pixels
 * @param {number} a.height  a name's height in screen pixels
 * @param {{x0: number, y0: number, x1: number, y1: number}} a.view  the screen area to fill (names outside it are skipped)
 * @param {number} [a.offset]  gap between a dot and its name
 * @param {number} [a.max]  at most this many names
 * @returns {{ i: number, x: number, y: number, w: number, h: number }[]}  boxes in screen pixels (x, y: top left)
 */
export function placeLabels({ order, px, py, t, width, height, view, offset = 6, max = 80 }) {
  const placed = [];
  const grid = new Map(); // 64-px cells → boxes touching them
  const CELL = 64;
  const cellsOf = (b, f) => {
    for (let cx = Math.floor(b.x / CELL); cx <= Math.floor((b.x + b.w) / CELL); cx++) {
      for (let cy = Math.floor(b.y / CELL); cy <= Math.floor((b.y + b.h) / CELL); cy++) f(`${cx},${cy}`);
    }
  };
  const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  for (const i of order) {
    if (placed.length >= max) break;
    const sx = px[i] * t.k + t.x;
    const sy = py[i] * t.k + t.y;
    // Only films whose dot is in view are named, and only when the whole name fits.
    if (sx < view.x0 || sx > view.x1 || sy < view.y0 || sy > view.y1) continue;
    // To the right of the dot, or to its left where the right has no room.
    const w = width(i);
    const y = sy - height / 2;
    if (y < view.y0 || y + height > view.y1) continue;
    const box = [
      { i, x: sx + offset, y, w, h: height },
      { i, x: sx - offset - w, y, w, h: height },
    ].find((b) => {
      if (b.x < view.x0 || b.x + b.w > view.x1) return false;
      let free = true;
      cellsOf(b, (c) => {
        if (free && grid.get(c)?.some((other) => overlaps(b, other))) free = false;
      });
      return free;
    });
    if (!box) continue;
    placed.push(box);
    cellsOf(box, (c) => {
      if (!grid.has(c)) grid.set(c, []);
      grid.get(c).push(box);
    });
  }
  return placed;
}

/** True when no two boxes overlap (what placeLabels promises; the tests hold it to it). */
export function noOverlap(boxes) {
  for (let a = 0; a < boxes.length; a++) {
    for (let b = a + 1; b < boxes.length; b++) {
      const p = boxes[a];
      const q = boxes[b];
      if (p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h) return false;
    }
  }
  return true;
}
