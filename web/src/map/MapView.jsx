// The map of taste, drawn: a canvas of every film with pan and zoom by mouse, touch (d3-zoom) and
// keyboard, a tooltip for the film under the pointer or the keyboard's crosshair, a click (or
// Enter) that makes it film X, and a flight to any film asked for. Frames are drawn on demand, at
// most one per animation frame; each is timed ("map-draw" in the Performance timeline) so the
// benchmark can hold panning to 60 frames a second.
import { select } from 'd3-selection';
import 'd3-transition';
import { zoom as d3zoom, zoomIdentity } from 'd3-zoom';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatCount } from '../ui/format.js';
import { LABEL_FONT, LABEL_HEIGHT, bucketByGroup, drawMap } from './drawMap.js';
import { groupName, mainGroups } from './genreColours.js';
import { createHitIndex } from './hitTest.js';
import { placeLabels } from './labels.js';
import { centredOn, fitLayout, keptAcrossResize, toBase } from './projection.js';

const MAX_ZOOM = 40;
const PAN_STEP = 48; // screen pixels per arrow press (four times that with Shift)
const HOVER_RADIUS = 10; // screen pixels around the pointer that count as "on" a film
const LABEL_CANDIDATES = 500; // the most-rated films that may be named, after X and its neighbours

function themeOf(el) {
  const css = getComputedStyle(el);
  const v = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  return { panel: v('--panel', '#fff'), ink: v('--ink', '#1c1a17'), muted: v('--muted', '#6b665e'), accent: v('--accent', '#b4410f') };
}

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/** The canvas's frame's size in CSS pixels (the page's CSS reserves it), followed as it changes. */
function useFrameSize(frame) {
  const [size, setSize] = useState(null);
  useEffect(() => {
    const el = frame.current;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      const w = Math.round(width);
      const h = Math.round(height);
      if (w > 0 && h > 0) setSize((s) => (s && s.width === w && s.height === h ? s : { width: w, height: h }));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [frame]);
  return size;
}

/** d3-zoom for a frame of `size`: from the whole map to MAX_ZOOM, kept within a tenth past its edges. */
function zoomWithin(size) {
  return d3zoom()
    .scaleExtent([1, MAX_ZOOM])
    .extent([
      [0, 0],
      [size.width, size.height],
    ])
    .translateExtent([
      [-size.width * 0.1, -size.height * 0.1],
      [size.width * 1.1, size.height * 1.1],
    ])
    .clickDistance(4);
}

/**
 * One frame at the view's transform: names placed for this zoom (X and its neighbours first, then
 * the most-rated), then everything drawn, timed as "map-draw".
 */
function drawFrame({ c, frame, v, layout, size, map, marked, widths, fame, buckets }) {
  const start = performance.now();
  const ctx = c.getContext('2d');
  const dpr = window.devicePixelRatio || 1;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  const { t } = v;
  ctx.font = LABEL_FONT;
  // Each name measured once, in the regular weight; film X's is drawn bold, so its box is wider
  // whichever film is X now (it may have been measured as another's neighbour).
  const width = (i) => {
    if (Number.isNaN(widths[i])) widths[i] = ctx.measureText(map.names[i]).width;
    return widths[i] * (i === marked.x ? 1.08 : 1);
  };
  const first = [marked.x, ...marked.neighbours].filter((i) => i >= 0);
  const order = [...first, ...fame.slice(0, LABEL_CANDIDATES).filter((i) => !first.includes(i))];
  const labels = placeLabels({
    order,
    px: layout.px,
    py: layout.py,
    t,
    width,
    height: LABEL_HEIGHT,
    view: { x0: 0, y0: 0, x1: size.width, y1: size.height },
    max: 120,
  });
  drawMap(ctx, {
    width: size.width,
    height: size.height,
    t,
    px: layout.px,
    py: layout.py,
    buckets,
    marks: marked,
    labels,
    names: map.names,
    focus: v.focus,
    crosshair: v.keyboard,
    theme: v.theme ?? themeOf(frame),
  });
  v.draws += 1;
  performance.measure?.('map-draw', { start, end: performance.now() });
  if (v.draws % 500 === 0) performance.clearMeasures?.('map-draw');
}

/** The tooltip follows its film through pans and zooms, positioned here rather than re-rendered. */
function placeTipOn(el, v, layout, size) {
  const i = v.focus;
  if (!el || i < 0) return;
  const { t } = v;
  const x = layout.px[i] * t.k + t.x;
  const y = layout.py[i] * t.k + t.y;
  const right = x > size.width * 0.62; // kept inside the frame
  el.hidden = x < 0 || y < 0 || x > size.width || y > size.height;
  el.style.left = `${Math.round(right ? x - 12 : x + 12)}px`;
  el.style.top = `${Math.round(y)}px`;
  el.style.transform = right ? 'translate(-100%, -50%)' : 'translate(0, -50%)';
}

/** The map's keys: arrows pan (Shift: further), + and - zoom, 0 or Home shows it all, Enter or Space picks, Escape lets go. */
function mapKeys(s, z, k, far, pick, unfocus) {
  const step = far ? PAN_STEP * 4 : PAN_STEP;
  const pan = (dx, dy) => s.call(z.translateBy, dx / k, dy / k);
  return {
    ArrowLeft: () => pan(step, 0),
    ArrowRight: () => pan(-step, 0),
    ArrowUp: () => pan(0, step),
    ArrowDown: () => pan(0, -step),
    '+': () => s.call(z.scaleBy, 1.5),
    '=': () => s.call(z.scaleBy, 1.5),
    '-': () => s.call(z.scaleBy, 1 / 1.5),
    _: () => s.call(z.scaleBy, 1 / 1.5),
    0: () => s.call(z.transform, zoomIdentity),
    Home: () => s.call(z.transform, zoomIdentity),
    Enter: pick,
    ' ': pick,
    Escape: unfocus,
  };
}

/** What every frame needs of the map, worked out once: film by id, genre groups, films by fame, label widths. */
function indexMap(map) {
  const n = map.movieIds.length;
  const groups = mainGroups(map.genres, map.genreNames);
  return {
    indexOf: new Map(Array.from(map.movieIds, (id, i) => [id, i])),
    groups,
    buckets: bucketByGroup(groups),
    fame: Array.from({ length: n }, (_, i) => i).sort((a, b) => map.counts[b] - map.counts[a] || a - b),
    widths: new Float32Array(n).fill(NaN), // measured when first drawn
  };
}

/** The films to highlight, as indices into the map (those it does not place left out). */
function markedOf(marks, indexOf) {
  const ids = (list) => list.map((id) => indexOf.get(id)).filter((i) => i !== undefined);
  return { x: indexOf.get(marks.x) ?? -1, neighbours: ids(marks.neighbours), rated: ids(marks.rated), next: ids(marks.next) };
}

/**
 * What film i is to the visitor, in words for the tooltip and the crosshair's sentence: on the map
 * only the rings' colours tell a rated film from a next film.
 */
function relationOf(marked) {
  const rated = new Set(marked.rated);
  const next = new Set(marked.next);
  return (i) => (i === marked.x ? 'film X' : rated.has(i) ? 'you rated it' : next.has(i) ? 'one of your next films' : '');
}

/**
 * The zoom, centred on film i, at which its neighbours are in view — but never wider than 2×:
 * when they are scattered across the map, the lines to them show which way they lie.
 */
function reaching(layout, size, i, neighbours) {
  const far = Math.max(...neighbours.map((j) => Math.hypot(layout.px[j] - layout.px[i], layout.py[j] - layout.py[i])), 1);
  return Math.max(2, Math.min(MAX_ZOOM, (0.42 * Math.min(size.width, size.height)) / far));
}

/** Frames follow the colour scheme, and none is drawn after the map has gone (a retrain, a new visit in the same tab). */
function useFramesFollow(view, frame, schedule) {
  useEffect(() => {
    const v = view.current;
    return () => {
      if (v.pending) cancelAnimationFrame(v.pending);
      v.pending = -1;
    };
  }, [view]);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return undefined;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => {
      view.current.theme = themeOf(frame.current);
      schedule();
    };
    mq.addEventListener?.('change', onChange);
    return () => mq.removeEventListener?.('change', onChange);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- listened to once; schedule draws the latest frame through a ref
  }, []);
}

/** The tooltip of film i; `tip` is the ref placeTipOn moves it by. */
function MapTip({ map, i, group, relation, tip }) {
  return (
    <div class="map-tip" ref={tip} data-movie-id={map.movieIds[i]} aria-hidden="true">
      <strong>{map.names[i]}</strong>
      {map.years[i] ? <span class="film-year"> ({map.years[i]})</span> : null}
      <span class="map-tip-meta">
        {formatCount(map.counts[i])} ratings · {groupName(group)}
        {relation ? ` · ${relation}` : ''}
      </span>
    </div>
  );
}

/**
 * The map's pointer, click, key and focus handlers: the pointer shows the film under it, a click or
 * Enter makes it film X, the keys pan and zoom with a crosshair that names the film nearest it.
 */
function mapInput({ canvas, view, hits, size, behaviour, map, onPick, setFocusFilm, steer, nearCentre }) {
  /** The film nearest the event within the hover radius (of those `accept` takes), or -1. */
  function hitAt(event, accept = undefined) {
    const rect = canvas.current.getBoundingClientRect();
    const [bx, by] = toBase(view.current.t, event.clientX - rect.left, event.clientY - rect.top);
    return hits.nearest(bx, by, HOVER_RADIUS / view.current.t.k, accept);
  }

  function onPointerMove(event) {
    if (!hits || event.buttons) return; // dragging: the pan is what matters
    if (view.current.keyboard) steer(false);
    const i = hitAt(event);
    if (i !== view.current.focus) setFocusFilm(i);
    canvas.current.style.cursor = i >= 0 ? 'pointer' : 'grab';
  }

  function onClick(event) {
    if (!hits || event.defaultPrevented) return;
    // The film the tooltip names, when the click is on it too: a click comes in whole pixels, and
    // where two dots overlap it could land a hair nearer the other one than the pointer's last move.
    const shown = view.current.focus;
    const onShown = shown >= 0 ? hitAt(event, (j) => j === shown) : -1;
    const i = onShown >= 0 ? onShown : hitAt(event);
    if (i >= 0) onPick(map.movieIds[i]);
  }

  function onKeyDown(event) {
    const z = behaviour.current;
    // With Ctrl, Cmd or Alt a key is the browser's (page zoom, Back…), not the map's.
    if (!z || !size || event.ctrlKey || event.metaKey || event.altKey) return;
    const pick = () => view.current.focus >= 0 && onPick(map.movieIds[view.current.focus]);
    const handled = mapKeys(select(canvas.current), z, view.current.t.k, event.shiftKey, pick, () => setFocusFilm(-1))[event.key];
    if (!handled) return;
    event.preventDefault();
    if (!view.current.keyboard) steer(true);
    handled();
    if (event.key !== 'Escape') setFocusFilm(nearCentre());
  }

  function onFocus(event) {
    // Focus from a mouse press or a tap leaves the pointer in charge; the crosshair is for the keyboard.
    if (!event.currentTarget.matches(':focus-visible')) return;
    steer(true);
    setFocusFilm(nearCentre());
  }

  function onBlur() {
    steer(false);
    setFocusFilm(-1);
  }
  return { onPointerMove, onClick, onKeyDown, onFocus, onBlur };
}

/**
 * The transform once the map is laid out (again). Across a resize the same place stays at the centre,
 * at the same zoom (as far as the new extent allows): the old transform alone would show another region.
 */
function transformAfterLayout(view, layout, size) {
  const before = view.current.fitted;
  view.current.fitted = { layout, ...size };
  const t = before && before.layout !== layout ? keptAcrossResize(view.current.t, before, view.current.fitted) : view.current.t;
  return zoomIdentity.translate(t.x, t.y).scale(t.k);
}

/**
 * Flies to a film asked for (a search, a new film X), centred, close enough to show its ten
 * neighbours once they are known (two dimensions cannot keep every neighbour close), else close in.
 */
function useFlyTo({ flyTo, layout, size, view, canvas, behaviour, indexOf, marked }) {
  const neighbourKey = marked.x === indexOf.get(flyTo?.movieId) ? marked.neighbours.join(',') : '';
  const flown = useRef(''); // the request flown last: a resize lays the map out again, but asks for no flight
  useEffect(() => {
    if (!flyTo || !layout || !behaviour.current) return;
    const i = indexOf.get(flyTo.movieId);
    if (i === undefined) return;
    const request = `${flyTo.n}:${neighbourKey}`;
    if (request === flown.current) return;
    flown.current = request;
    const k = neighbourKey ? reaching(layout, size, i, marked.neighbours) : Math.max(view.current.t.k, 4);
    const target = centredOn(layout.px[i], layout.py[i], k, size.width, size.height);
    const s = select(canvas.current);
    s.interrupt();
    s.transition()
      .duration(reducedMotion() ? 0 : 750)
      .call(behaviour.current.transform, zoomIdentity.translate(target.x, target.y).scale(target.k));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the flight starts on a new request (flyTo.n) or new neighbours, not on every value it reads
  }, [flyTo?.n, layout, neighbourKey]);
}

/**
 * @param {object} props
 * @param {object} props.map  the worker's map: movieIds, xy, names, years, counts, genres, genreNames
 * @param {{ x: number|null, neighbours: number[], rated: number[], next: number[] }} props.marks  movieIds to highlight
 * @param {{ movieId: number, n: number }|null} props.flyTo  a film to fly to; a new n flies again
 * @param {(movieId: number) => void} props.onPick
 */
export function MapView({ map, marks, flyTo, onPick }) {
  const frame = useRef(null);
  const canvas = useRef(null);
  const size = useFrameSize(frame); // { width, height } in CSS pixels
  const [focus, setFocus] = useState(-1); // the film whose tooltip shows
  const [keyboard, setKeyboard] = useState(false); // the crosshair is steering
  const view = useRef({ t: zoomIdentity, focus: -1, keyboard: false, pending: 0, draws: 0 });

  const { indexOf, groups, buckets, fame, widths } = useMemo(() => indexMap(map), [map]);
  const layout = useMemo(() => (size ? fitLayout(map.xy, size.width, size.height) : null), [map, size]);
  const hits = useMemo(() => (layout ? createHitIndex(layout.px, layout.py) : null), [layout]);
  // Once per change of the marks, not per render (a pointer move re-renders): with 20,000 rated films
  // the key alone is a string of some 100 KB.
  const marked = useMemo(() => markedOf(marks, indexOf), [marks, indexOf]);
  const relation = useMemo(() => relationOf(marked), [marked]);
  const markKey = useMemo(() => JSON.stringify(marked), [marked]);

  // One frame: names placed for this zoom, then everything drawn; the tooltip follows.
  function draw() {
    view.current.pending = 0;
    if (!canvas.current || !layout) return;
    drawFrame({ c: canvas.current, frame: frame.current, v: view.current, layout, size, map, marked, widths, fame, buckets });
    placeTip();
  }
  // The tooltip follows its film through pans and zooms, positioned here rather than re-rendered.
  const tipEl = useRef(null);
  const placeTip = () => placeTipOn(tipEl.current, view.current, layout, size);
  const drawRef = useRef(draw);
  drawRef.current = draw;
  const schedule = () => {
    if (!view.current.pending) view.current.pending = requestAnimationFrame(() => drawRef.current()); // -1 once unmounted: never again
  };

  // The film nearest the crosshair, when the keyboard steers.
  function nearCentre() {
    if (!hits) return -1;
    const [bx, by] = toBase(view.current.t, size.width / 2, size.height / 2);
    return hits.nearest(bx, by, 28 / view.current.t.k);
  }
  function setFocusFilm(i) {
    view.current.focus = i;
    setFocus(i);
    schedule();
  }

  // Pan and zoom: d3-zoom on the canvas (wheel, drag, pinch, double-click), kept within the map.
  const behaviour = useRef(null);
  useEffect(() => {
    if (!size) return undefined;
    const c = canvas.current;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(size.width * dpr);
    c.height = Math.round(size.height * dpr);
    const z = zoomWithin(size).on('zoom', (event) => {
      view.current.t = event.transform;
      if (frame.current) frame.current.dataset.zoom = event.transform.k.toFixed(2);
      if (view.current.keyboard) {
        const i = nearCentre();
        if (i !== view.current.focus) setFocusFilm(i);
      }
      schedule();
    });
    behaviour.current = z;
    const s = select(c).call(z).on('dblclick.zoom', null);
    // Double-click zooms in where it is aimed, gently (d3's default doubles at once).
    s.on('dblclick.reel', (event) => {
      const [x, y] = [event.offsetX, event.offsetY];
      s.transition()
        .duration(reducedMotion() ? 0 : 300)
        .call(z.scaleBy, 2, [x, y]);
    });
    s.call(z.transform, transformAfterLayout(view, layout, size));
    view.current.theme = themeOf(frame.current);
    schedule();
    return () => {
      s.on('.zoom', null).on('.reel', null);
      s.interrupt();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the zoom behaviour is made once per layout; what it calls reads the latest through refs
  }, [size, layout]);

  // Redraw when what is highlighted changes; follow the colour scheme.
  useEffect(schedule, [markKey, layout]);
  useFramesFollow(view, frame, schedule);

  useFlyTo({ flyTo, layout, size, view, canvas, behaviour, indexOf, marked });

  const steer = (on) => {
    view.current.keyboard = on;
    setKeyboard(on);
  };
  const { onPointerMove, onClick, onKeyDown, onFocus, onBlur } = mapInput({
    canvas,
    view,
    hits,
    size,
    behaviour,
    map,
    onPick,
    setFocusFilm,
    steer,
    nearCentre,
  });

  // eslint-disable-next-line react-hooks/exhaustive-deps -- the tip moves with the focused film; placeTip reads the layout at that moment
  useEffect(placeTip, [focus]);
  const describe = (i) =>
    `${map.names[i]}${map.years[i] ? ` (${map.years[i]})` : ''}, ${formatCount(map.counts[i])} ratings, ${groupName(groups[i]).toLowerCase()}${relation(i) ? `, ${relation(i)}` : ''}`;

  return (
    <div
      class={`map-frame${keyboard ? ' is-keyboard' : ''}`}
      ref={frame}
      role="application"
      aria-roledescription="map"
      aria-label="Map of taste"
      aria-describedby="map-description map-keys"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onBlur={onBlur}
      data-films={map.movieIds.length}
    >
      <canvas
        ref={canvas}
        class="map-canvas"
        aria-hidden="true"
        onPointerMove={onPointerMove}
        onPointerLeave={() => !keyboard && setFocusFilm(-1)}
        onClick={onClick}
      />
      {focus >= 0 && layout ? <MapTip map={map} i={focus} group={groups[focus]} relation={relation(focus)} tip={tipEl} /> : null}
      {/* What the crosshair is on, said once it settles; the keys are described under the map. */}
      <p class="visually-hidden" aria-live="polite">
        {keyboard && focus >= 0 ? `${describe(focus)}. Enter shows films like it.` : ''}
      </p>
    </div>
  );
}
