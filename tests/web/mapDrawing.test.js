// The map's drawing logic, without a canvas: fitting the layout to the frame and the pan and zoom
// arithmetic, finding the film under the pointer, names placed without overlap (and stable under
// panning), and each film's colour from its most distinctive genre.
import { describe, expect, it } from 'vitest';
import { OTHER, GROUPS, mainGroups } from '../../web/src/map/genreColours.js';
import { createHitIndex } from '../../web/src/map/hitTest.js';
import { noOverlap, placeLabels } from '../../web/src/map/labels.js';
import { centredOn, dotRadius, fitLayout, keptAcrossResize, toBase, toScreen, visibleBase } from '../../web/src/map/projection.js';

/** A seeded scatter of n films in arbitrary layout units. */
function scatter(n, seed = 7) {
  let s = seed;
  const r = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Float32Array.from({ length: 2 * n }, () => r() * 40 - 20);
}

describe('projection', () => {
  it('fits any layout inside the frame with its padding, aspect kept and centred', () => {
    const xy = Float32Array.from([-3, 10, 5, 10, 1, 14]); // 8 wide, 4 tall
    const { px, py } = fitLayout(xy, 400, 300, 20);
    expect(Math.min(...px)).toBeCloseTo(20); // the width is what binds: 360 px for 8 units
    expect(Math.max(...px)).toBeCloseTo(380);
    expect(Math.max(...py) - Math.min(...py)).toBeCloseTo(180); // same scale: 4 units, 45 px each
    expect((Math.max(...py) + Math.min(...py)) / 2).toBeCloseTo(150); // centred vertically
  });

  it('survives a layout of one point without dividing by zero', () => {
    const { px, py } = fitLayout(Float32Array.from([2, 2]), 100, 100);
    expect(Number.isFinite(px[0]) && Number.isFinite(py[0])).toBe(true);
  });

  it('keeps the place at the centre and the zoom across a resize that lays the map out again', () => {
    const xy = Float32Array.from([0, 0, 10, 6, 3, 2, 7, 5]);
    const film = 2; // at (3, 2)
    const wide = fitLayout(xy, 900, 600);
    const t = centredOn(wide.px[film], wide.py[film], 4, 900, 600); // zoomed in on it
    const narrow = fitLayout(xy, 500, 600);
    const after = keptAcrossResize(t, { layout: wide, width: 900, height: 600 }, { layout: narrow, width: 500, height: 600 });
    expect(after.k).toBe(4);
    const [sx, sy] = toScreen(after, narrow.px[film], narrow.py[film]);
    expect(sx).toBeCloseTo(250, 3); // still at the centre of the narrower view
    expect(sy).toBeCloseTo(300, 3);
    // The old transform alone would have put it elsewhere.
    expect(Math.abs(toScreen(t, narrow.px[film], narrow.py[film])[0] - 250)).toBeGreaterThan(50);
  });

  it('maps base space to the screen and back under any pan and zoom', () => {
    const t = { k: 3.5, x: -120, y: 40 };
    const [sx, sy] = toScreen(t, 10, 20);
    expect([sx, sy]).toEqual([10 * 3.5 - 120, 20 * 3.5 + 40]);
    const [bx, by] = toBase(t, sx, sy);
    expect(bx).toBeCloseTo(10);
    expect(by).toBeCloseTo(20);
  });

  it('centres a film at the zoom asked for (what a flight ends on)', () => {
    const t = centredOn(100, 50, 4, 800, 500);
    expect(toScreen(t, 100, 50)).toEqual([400, 250]);
    expect(t.k).toBe(4);
  });

  it('knows which part of base space is in view', () => {
    const v = visibleBase({ k: 2, x: -100, y: -100 }, 400, 300);
    expect(v).toEqual({ x0: 50, y0: 50, x1: 250, y1: 200 });
  });

  it('grows dots as one zooms in, but slower than the zoom and within bounds', () => {
    expect(dotRadius(1)).toBeCloseTo(2.2);
    expect(dotRadius(4)).toBeGreaterThan(dotRadius(2));
    expect(dotRadius(4)).toBeLessThan(4 * dotRadius(1));
    expect(dotRadius(1e6)).toBe(7);
  });
});

describe('hit testing', () => {
  const { px, py } = fitLayout(scatter(2000), 800, 600);
  const index = createHitIndex(px, py);
  const brute = (bx, by, r, accept = () => true) => {
    let best = -1;
    let bestD = r * r;
    for (let i = 0; i < px.length; i++) {
      if (!accept(i)) continue;
      const d = (px[i] - bx) ** 2 + (py[i] - by) ** 2;
      if (d < bestD || (d === bestD && (best === -1 || i < best))) [best, bestD] = [i, d];
    }
    return best;
  };

  it('finds exactly the film a scan of every film finds, anywhere and at any radius', () => {
    for (let q = 0; q < 300; q++) {
      const bx = ((q * 37) % 820) - 10;
      const by = ((q * 53) % 620) - 10;
      for (const r of [1, 6, 25]) expect(index.nearest(bx, by, r)).toBe(brute(bx, by, r));
    }
  });

  it('says "none" beyond the radius, and picks a film sitting exactly on the pointer', () => {
    expect(index.nearest(-500, -500, 10)).toBe(-1);
    expect(index.nearest(px[42], py[42], 0.5)).toBe(42);
  });

  it('only counts films the caller accepts', () => {
    const notIt = (j) => j !== 42;
    const i = index.nearest(px[42], py[42], 30, notIt);
    expect(i).not.toBe(42);
    expect(i).toBe(brute(px[42], py[42], 30, notIt));
  });

  it('scans instead of walking empty cells when the radius spans the whole map', () => {
    expect(index.nearest(400, 300, 1e7)).toBe(brute(400, 300, 1e7));
  });
});

describe('label placement', () => {
  const n = 1500;
  const { px, py } = fitLayout(scatter(n, 3), 900, 600);
  const order = Array.from({ length: n }, (_, i) => i);
  const width = (i) => 40 + (i % 7) * 12;
  const view = { x0: 0, y0: 0, x1: 900, y1: 600 };

  it('never lets two names overlap, at any zoom', () => {
    for (const k of [1, 2, 5, 12, 40]) {
      const t = { k, x: 450 - 450 * k, y: 300 - 300 * k };
      const boxes = placeLabels({ order, px, py, t, width, height: 14, view, max: 1000 });
      expect(noOverlap(boxes)).toBe(true);
      for (const b of boxes) {
        expect(b.x + b.w).toBeLessThanOrEqual(view.x1);
        expect(b.y).toBeGreaterThanOrEqual(view.y0);
        expect(b.y + b.h).toBeLessThanOrEqual(view.y1);
      }
    }
  });

  it('names more films as one zooms in, the most important first', () => {
    const counts = [1, 3, 9].map((k) => {
      const t = { k, x: 450 - 450 * k, y: 300 - 300 * k };
      return placeLabels({ order, px, py, t, width, height: 14, view: { x0: -1e6, y0: -1e6, x1: 1e6, y1: 1e6 }, max: 5000 }).length;
    });
    expect(counts[1]).toBeGreaterThan(counts[0]);
    expect(counts[2]).toBeGreaterThan(counts[1]);
    const boxes = placeLabels({ order, px, py, t: { k: 1, x: 0, y: 0 }, width, height: 14, view, max: 5 });
    const fits = (i) => py[i] >= 7 && py[i] <= 593 && (px[i] + 6 + width(i) <= 900 || px[i] - 6 - width(i) >= 0);
    expect(boxes[0].i).toBe(order.find(fits)); // the first candidate whose name fits, right or left
    expect(boxes).toHaveLength(5);
  });

  it('keeps the same names while panning: only relative positions decide', () => {
    const k = 4;
    const all = { x0: -1e6, y0: -1e6, x1: 1e6, y1: 1e6 };
    const at = (x, y) => placeLabels({ order, px, py, t: { k, x, y }, width, height: 14, view: all, max: 5000 }).map((b) => b.i);
    expect(at(-1000, -600)).toEqual(at(-1300, -400));
  });

  it('puts a name to the right of its dot, centred on it, or to its left where the right has no room', () => {
    const [b] = placeLabels({
      order: [0],
      px,
      py,
      t: { k: 1, x: 0, y: 0 },
      width: () => 30,
      height: 14,
      view: { x0: -1e6, y0: -1e6, x1: 1e6, y1: 1e6 },
    });
    expect(b).toEqual({ i: 0, x: px[0] + 6, y: py[0] - 7, w: 30, h: 14 });
    const edge = { x0: 0, y0: 0, x1: px[0] + 20, y1: 1e6 };
    const [left] = placeLabels({ order: [0], px, py, t: { k: 1, x: 0, y: 0 }, width: () => 30, height: 14, view: edge });
    expect(left).toEqual({ i: 0, x: px[0] - 36, y: py[0] - 7, w: 30, h: 14 });
  });
});

describe('colours by genre', () => {
  const NAMES = ['Action', 'Adventure', 'Animation', 'Children', 'Comedy', 'Crime', 'Drama', 'IMAX'];
  const bit = (...names) => names.reduce((b, g) => b | (1 << NAMES.indexOf(g)), 0);

  it('gives each film the group of its rarest genre, not its first one', () => {
    const films = Uint32Array.from([
      bit('Adventure', 'Animation', 'Children', 'Comedy'), // Toy Story-like: Animation is the rarest here
      bit('Comedy', 'Crime', 'Drama'),
      bit('Comedy'),
      bit('Comedy', 'Drama'),
      bit('Drama'),
      bit('Action', 'Drama'),
      bit('Action', 'Adventure'),
    ]);
    const groups = mainGroups(films, NAMES);
    const name = (g) => (g === OTHER ? 'none' : GROUPS[g].name);
    expect(name(groups[0])).toBe('Animation & children');
    expect(name(groups[1])).toBe('Crime & thriller');
    expect(name(groups[2])).toBe('Comedy');
  });

  it('leaves a film with no genre (or only IMAX) in the grey "no genre" group', () => {
    expect(Array.from(mainGroups(Uint32Array.from([0, bit('IMAX')]), NAMES))).toEqual([OTHER, OTHER]);
  });

  it('has one distinct colour per group', () => {
    expect(new Set(GROUPS.map((g) => g.colour)).size).toBe(GROUPS.length);
  });
});
