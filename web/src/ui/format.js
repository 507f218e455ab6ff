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

// One formatter for the page: toLocaleString builds a new one on every call, which over 610
// viewers' names took most of the main thread's time at ready.
const COUNT = new Intl.NumberFormat('en-GB');

export function formatCount(n) {
  return Number.isFinite(n) ? COUNT.format(n) : '—';
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
