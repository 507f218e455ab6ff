// Small formatting helpers shared by the panels, so numbers read the same everywhere on the page.

/** "1 rating", "3 marks": a count with its noun, plural after any number but one. */
export const count = (n, one) => `${n} ${n === 1 ? one : `${one}s`}`;

/** "3 ratings and 1 mark", "2 marks": what a link or a list carries, its empty parts left out. */
export function carried(ratings, marks) {
  const parts = [];
  if (ratings > 0 || marks === 0) parts.push(count(ratings, 'rating'));
  if (marks > 0) parts.push(count(marks, 'mark'));
  return parts.join(' and ');
}

/** "your friend" → "Your friend": a sentence that starts with a name. */
export const upperFirst = (/** @type {string} */ text) => text.replace(/^./, (c) => c.toUpperCase());

/** 65_000 → "1 min 5 s"; under ten seconds keeps one decimal so short waits still visibly move. */
export function formatDuration(ms) {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = ms / 1000;
  if (s < 10) return `${s.toFixed(1)} s`;
  if (s < 60) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}

/** Bytes as decimal megabytes with one decimal, as a file manager shows a file's size: "23.9". */
export function formatMB(bytes) {
  return (bytes / 1e6).toFixed(1);
}

export function formatNumber(x, digits = 4) {
  return Number.isFinite(x) ? x.toFixed(digits) : '—';
}

export function formatPercent(x, digits = 1) {
  if (!Number.isFinite(x)) return '—';
  const sign = x > 0 ? '+' : x < 0 ? '−' : '';
  return `${sign}${Math.abs(x * 100).toFixed(digits)} %`;
}

// Written out rather than with Intl: a page's first Intl formatter loads ICU's data, 100–200 ms of the
// main thread with the CPU slowed 4× (a phone), inside the page's first task. British usage, as
// Intl.NumberFormat('en-GB') and Intl.DateTimeFormat('en-GB') write them (tests/web/format.test.jsx).

/** 100836 → "100,836": a count (a whole number, rounded, under 10²¹) with its thousands grouped. */
export function formatCount(n) {
  if (!Number.isFinite(n)) return '—';
  const digits = String(Math.round(Math.abs(n)));
  return (n < 0 && digits !== '0' ? '-' : '') + digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const twoDigits = (/** @type {number} */ n) => String(n).padStart(2, '0');

/** A time in this browser's zone as "7 Dec, 18:43": when something was kept here. */
export function formatWhen(ms) {
  const d = new Date(ms);
  return `${d.getDate()} ${MONTHS[d.getMonth()]}, ${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`;
}

/** Half-star rating as star characters, for the eye only (screen readers get starsText): 4.5 → "★★★★½". */
export function stars(rating) {
  const whole = Math.floor(rating);
  return '★'.repeat(whole) + (rating - whole >= 0.5 ? '½' : '');
}

/** 4.5 → "4.5", 4 → "4": half stars as people write them. */
export function starsNumber(rating) {
  return Number.isInteger(rating) ? String(rating) : rating.toFixed(1);
}

/** How a rating is read aloud and written in sentences: "4.5 stars", "1 star". */
export function starsText(rating) {
  return `${starsNumber(rating)} ${rating === 1 ? 'star' : 'stars'}`;
}

/** "Toy Story, Heat and Amélie". */
export function listText(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
