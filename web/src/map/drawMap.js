// Draws one frame of the map on a 2-D canvas: every film as a dot in its genre group's colour
// (one path per colour, only what is on screen), lines from film X to its ten neighbours, rings
// for the visitor's rated and next films, the names placeLabels chose, and the film under the
// pointer or the keyboard's crosshair. Pure drawing: what to draw is decided by the caller.
import { colourOf } from './genreColours.js';
import { dotRadius } from './projection.js';

export const LABEL_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const LABEL_FONT_BOLD = `600 ${LABEL_FONT}`;
export const LABEL_HEIGHT = 14;

/** Film indices grouped by colour once, so a frame fills one path per colour. */
export function bucketByGroup(groups) {
  const buckets = new Map();
  for (let i = 0; i < groups.length; i++) {
    if (!buckets.has(groups[i])) buckets.set(groups[i], []);
    buckets.get(groups[i]).push(i);
  }
  return buckets;
}

function ring(ctx, x, y, r, colour, width = 2) {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.strokeStyle = colour;
  ctx.lineWidth = width;
  ctx.stroke();
}

/**
 * @param {CanvasRenderingContext2D} ctx  already scaled for the device's pixel ratio
 * @param {object} s
 * @param {number} s.width  CSS pixels
 * @param {number} s.height
 * @param {{k: number, x: number, y: number}} s.t
 * @param {Float32Array} s.px  base-space positions
 * @param {Float32Array} s.py
 * @param {Map<number, number[]>} s.buckets  from bucketByGroup
 * @param {{ x: number, neighbours: number[], rated: number[], next: number[] }} s.marks  film indices (-1: none)
 * @param {{ i: number, x: number, y: number, w: number, h: number }[]} s.labels
 * @param {string[]} s.names
 * @param {number} s.focus  the film under the pointer or the crosshair; -1: none
 * @param {boolean} s.crosshair  the keyboard is steering
 * @param {{ panel: string, ink: string, muted: string, accent: string }} s.theme
 */
export function drawMap(ctx, s) {
  const { width, height, t, px, py, marks, theme } = s;
  const r = dotRadius(t.k);
  const sx = (i) => px[i] * t.k + t.x;
  const sy = (i) => py[i] * t.k + t.y;
  const onScreen = (x, y, m = r) => x >= -m && x <= width + m && y >= -m && y <= height + m;

  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = theme.panel;
  ctx.fillRect(0, 0, width, height);

  // Every film; the rest fade a little once a film X is chosen, so its neighbourhood stands out.
  ctx.globalAlpha = marks.x >= 0 ? 0.55 : 0.85;
  for (const [group, list] of s.buckets) {
    ctx.beginPath();
    for (const i of list) {
      const x = sx(i);
      const y = sy(i);
      if (!onScreen(x, y)) continue;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = colourOf(group);
    ctx.fill();
  }
  ctx.globalAlpha = 1;

  for (const i of marks.rated) ring(ctx, sx(i), sy(i), r + 2.5, theme.ink, 1.5);
  for (const i of marks.next) ring(ctx, sx(i), sy(i), r + 3, theme.accent, 2);

  if (marks.x >= 0) {
    const x0 = sx(marks.x);
    const y0 = sy(marks.x);
    ctx.beginPath();
    for (const i of marks.neighbours) {
      ctx.moveTo(x0, y0);
      ctx.lineTo(sx(i), sy(i));
    }
    ctx.strokeStyle = theme.accent;
    ctx.globalAlpha = 0.5;
    ctx.lineWidth = 1.25;
    ctx.stroke();
    ctx.globalAlpha = 1;
    for (const i of marks.neighbours) {
      ctx.beginPath();
      ctx.arc(sx(i), sy(i), r + 1.5, 0, 2 * Math.PI);
      ctx.fillStyle = theme.accent;
      ctx.fill();
      ring(ctx, sx(i), sy(i), r + 1.5, theme.panel, 1.5);
    }
    ctx.beginPath();
    ctx.arc(x0, y0, r + 3, 0, 2 * Math.PI);
    ctx.fillStyle = theme.ink;
    ctx.fill();
    ring(ctx, x0, y0, r + 7, theme.accent, 2.5);
  }

  // Names with a halo of the background colour, so they read over dots and lines.
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const b of s.labels) {
    const strong = b.i === marks.x;
    ctx.font = strong ? LABEL_FONT_BOLD : LABEL_FONT;
    const ty = b.y + b.h / 2;
    ctx.strokeStyle = theme.panel;
    ctx.lineWidth = 3;
    ctx.strokeText(s.names[b.i], b.x, ty);
    ctx.fillStyle = strong ? theme.accent : theme.ink;
    ctx.fillText(s.names[b.i], b.x, ty);
  }

  if (s.focus >= 0) {
    const x = sx(s.focus);
    const y = sy(s.focus);
    if (onScreen(x, y, 20)) {
      ring(ctx, x, y, r + 5, theme.panel, 4);
      ring(ctx, x, y, r + 5, theme.ink, 2);
    }
  }
  if (s.crosshair) {
    const cx = width / 2;
    const cy = height / 2;
    ctx.beginPath();
    ctx.moveTo(cx - 12, cy);
    ctx.lineTo(cx - 4, cy);
    ctx.moveTo(cx + 4, cy);
    ctx.lineTo(cx + 12, cy);
    ctx.moveTo(cx, cy - 12);
    ctx.lineTo(cx, cy - 4);
    ctx.moveTo(cx, cy + 4);
    ctx.lineTo(cx, cy + 12);
    ctx.strokeStyle = theme.muted;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  }
}
