// Which film is under the pointer (or nearest the keyboard's crosshair): a uniform grid over base
// space, so a lookup reads a few cells instead of every film.

/**
 * @param {Float32Array} px  films' x in base space
 * @param {Float32Array} py
 * @param {number} [cell]  the grid's cell size in base pixels
 */
export function createHitIndex(px, py, cell = 12) {
  const cells = new Map(); // "cx,cy" → film indices
  const key = (cx, cy) => `${cx},${cy}`;
  for (let i = 0; i < px.length; i++) {
    const k = key(Math.floor(px[i] / cell), Math.floor(py[i] / cell));
    let list = cells.get(k);
    if (!list) cells.set(k, (list = []));
    list.push(i);
  }

  /**
   * The film nearest (bx, by) within `radius` base pixels, or -1. Among equally near films the
   * lower index wins, so the answer never depends on the grid's order.
   * @param {(i: number) => boolean} [accept]  only films it accepts count
   */
  function nearest(bx, by, radius, accept) {
    let best = -1;
    let bestD = radius * radius;
    const c0x = Math.floor((bx - radius) / cell);
    const c1x = Math.floor((bx + radius) / cell);
    const c0y = Math.floor((by - radius) / cell);
    const c1y = Math.floor((by + radius) / cell);
    // A radius wider than the whole map would visit empty cells by the million: scan instead.
    if ((c1x - c0x + 1) * (c1y - c0y + 1) > px.length) {
      for (let i = 0; i < px.length; i++) consider(i);
      return best;
    }
    for (let cx = c0x; cx <= c1x; cx++) {
      for (let cy = c0y; cy <= c1y; cy++) {
        const list = cells.get(key(cx, cy));
        if (list) for (const i of list) consider(i);
      }
    }
    return best;

    function consider(i) {
      if (accept && !accept(i)) return;
      const dx = px[i] - bx;
      const dy = py[i] - by;
      const d = dx * dx + dy * dy;
      if (d < bestD || (d === bestD && (best === -1 || i < best))) {
        best = i;
        bestD = d;
      }
    }
  }

  return { nearest };
}
