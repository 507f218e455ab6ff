// Where a film of the map lands on the canvas. The engine's layout is in arbitrary units; it is
// fitted once into the canvas ("base" space, CSS pixels at zoom 1, aspect kept, centred), and the
// pan and zoom (a d3-zoom transform {k, x, y}) then place base space on screen:
// screen = base · k + (x, y).

/**
 * Fits the layout into a width × height canvas with `pad` pixels to spare on each side.
 * @param {Float32Array} xy  x0, y0, x1, y1, …
 * @returns {{ px: Float32Array, py: Float32Array }}  each film in base space
 */
export function fitLayout(xy, width, height, pad = 16) {
  const n = xy.length / 2;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i];
    const y = xy[2 * i + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  // Centred in both directions: the unused room is shared equally.
  const offX = (width - spanX * scale) / 2 - minX * scale;
  const offY = (height - spanY * scale) / 2 - minY * scale;
  const px = new Float32Array(n);
  const py = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = xy[2 * i] * scale + offX;
    py[i] = xy[2 * i + 1] * scale + offY;
  }
  return { px, py, scale, offX, offY };
}

/** Base space → screen, under the transform t. */
export const toScreen = (t, bx, by) => [bx * t.k + t.x, by * t.k + t.y];

/** Screen → base space, under the transform t. */
export const toBase = (t, sx, sy) => [(sx - t.x) / t.k, (sy - t.y) / t.k];

/** The transform that shows base point (bx, by) at the centre of a width × height view, at zoom k. */
export function centredOn(bx, by, k, width, height) {
  return { k, x: width / 2 - bx * k, y: height / 2 - by * k };
}

/**
 * The transform that, after a resize laid the map out again (`after`), shows the same place at the
 * same zoom as `t` did before it (`before`): the map point at the view's centre stays there.
 * @param {{ k: number, x: number, y: number }} t
 * @param {{ layout: { scale: number, offX: number, offY: number }, width: number, height: number }} before
 * @param {{ layout: { scale: number, offX: number, offY: number }, width: number, height: number }} after
 */
export function keptAcrossResize(t, before, after) {
  const [bx, by] = toBase(t, before.width / 2, before.height / 2);
  const [x, y] = [(bx - before.layout.offX) / before.layout.scale, (by - before.layout.offY) / before.layout.scale];
  return centredOn(x * after.layout.scale + after.layout.offX, y * after.layout.scale + after.layout.offY, t.k, after.width, after.height);
}

/** The part of base space a width × height view shows under t, widened by `margin` screen pixels. */
export function visibleBase(t, width, height, margin = 0) {
  const [x0, y0] = toBase(t, -margin, -margin);
  const [x1, y1] = toBase(t, width + margin, height + margin);
  return { x0, y0, x1, y1 };
}

/** A dot's radius in screen pixels: larger as one zooms in, but slower than the zoom itself. */
export const dotRadius = (k) => Math.min(7, 2.2 + 1.1 * Math.log2(Math.max(1, k)));
