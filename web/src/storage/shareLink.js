// Ratings and marks carried in a link's fragment (#n=2.2&ratings=1:5,2571:4.5&marks=318:w,2:n&end):
// a browser never sends the part after # to any server, so a shared taste goes from one visitor to
// another and nowhere else. A link of hundreds of ratings is thousands of characters, which chat
// apps and mail cut: so a link says at its start how many it carries and marks its end, and one cut
// short is said to be (links made before either was added are read as they are).
import { isMovieId, isStars } from './storage.js';

const PARAM = 'ratings';
const MARKS_PARAM = 'marks';
const COUNTS_PARAM = 'n'; // "ratings.marks": how many the link was made with
const END_PARAM = 'end';
// One letter a mark keeps the link short; a link is read by Reel, not by people.
const MARK_CODES = { seen: 's', 'not interested': 'n', watchlist: 'w' };
const MARK_OF_CODE = Object.fromEntries(Object.entries(MARK_CODES).map(([mark, code]) => [code, mark]));

/** [{movieId, stars}], [{movieId, mark}] → "n=1.1&ratings=1:5&marks=318:w&end". */
export function encodeShare(entries, marks = []) {
  const parts = [
    `${COUNTS_PARAM}=${entries.length}.${marks.length}`,
    `${PARAM}=${entries.map((e) => `${e.movieId}:${e.stars}`).join(',')}`,
  ];
  if (marks.length > 0) parts.push(`${MARKS_PARAM}=${marks.map((m) => `${m.movieId}:${MARK_CODES[m.mark]}`).join(',')}`);
  return [...parts, END_PARAM].join('&');
}

/** The page's address with the ratings and marks in its fragment (any film shown stays in the query). */
export function shareUrl(href, entries, marks = []) {
  const url = new URL(href);
  url.hash = encodeShare(entries, marks);
  return url.href;
}

/** ["318:w", "2:n"] → the marks read, and how many parts were not a film id and a mark. */
function readMarks(/** @type {string[]} */ markParts) {
  const byId = new Map();
  let skipped = 0;
  for (const part of markParts) {
    const m = /^\s*(\d+):([a-z])\s*$/.exec(part);
    const movieId = m ? Number(m[1]) : NaN;
    const mark = m ? MARK_OF_CODE[m[2]] : undefined;
    if (m && isMovieId(movieId) && mark) {
      byId.delete(movieId);
      byId.set(movieId, { movieId, mark });
    } else skipped += 1;
  }
  return { marks: [...byId.values()], skipped };
}

/**
 * The fragment as written, undoing what chat apps and mail do to links: the whole of it
 * percent-encoded (once or twice, the page's address and its # included), or its & written as
 * HTML's &amp;.
 * @param {string} text
 */
function unmangled(text) {
  let out = text.replace(/&amp;/g, '&');
  for (let i = 0; i < 2 && !out.includes(`${PARAM}=`) && /%(25)*3D/i.test(out); i++) {
    // A link cut inside an escape ("…%2", "…%252") ends with half of one, which would stop the decoding.
    try {
      out = decodeURIComponent(out.replace(/%(25)*[0-9a-f]?$/i, ''));
    } catch {
      break; // a % that starts no escape: not something Reel encoded
    }
    out = out.slice(out.lastIndexOf('#') + 1);
  }
  return out;
}

/**
 * A fragment → { entries, marks, skipped, cut } when it carries ratings, else null. Pairs that are
 * not a film id and a half star (or a mark) are counted in `skipped`, not passed on; a film listed
 * twice keeps its last. cut: { ratings, marks } the link was made with, when it arrived short of
 * them (a link without its end loses its last pair, which may itself be cut: "2571:4.5" to "2571:4").
 * @param {string} hash
 */
export function readShare(hash) {
  const text = unmangled(String(hash ?? '').replace(/^#/, ''));
  const params = new URLSearchParams(text);
  const value = params.get(PARAM);
  if (value === null) return null;
  const counts = /^(\d+)\.(\d+)$/.exec(params.get(COUNTS_PARAM) ?? '');
  const made = counts ? { ratings: Number(counts[1]), marks: Number(counts[2]) } : null;
  // Anything a chat app glued on after the end ("end)", "end.") is still its end.
  const ended = [...params.keys()].some((k) => k.startsWith(END_PARAM));
  const ratingParts = parts(value);
  const markParts = parts(params.get(MARKS_PARAM));
  const cutAtEnd = made !== null && !ended;
  // Cut inside a pair, the last pair of the last parameter may read wrong ("2571:4.5" as
  // "2571:4"): it goes. Cut just after a pair (",", "&", "&ma"), every pair is whole.
  const last = text.slice(text.lastIndexOf('&') + 1);
  if (cutAtEnd && !/[,=]$/.test(text)) {
    if (last.startsWith(`${MARKS_PARAM}=`)) markParts.pop();
    else if (last.startsWith(`${PARAM}=`)) ratingParts.pop();
  }
  // Short of what it was made with: cut (a link that lost only its end lost nothing).
  const cut = made && (ratingParts.length < made.ratings || markParts.length < made.marks) ? made : null;

  const { marks, skipped: marksSkipped } = readMarks(markParts);
  const byId = new Map();
  let skipped = marksSkipped;
  for (const part of ratingParts) {
    const m = /^\s*(\d+):(\d+(?:\.\d+)?)\s*$/.exec(part);
    const movieId = m ? Number(m[1]) : NaN;
    const stars = m ? Number(m[2]) : NaN;
    if (m && isMovieId(movieId) && isStars(stars)) {
      byId.delete(movieId);
      byId.set(movieId, { movieId, stars });
    } else skipped += 1;
  }
  return { entries: [...byId.values()], marks, skipped, cut };
}

/** "1:5,,2:4" → ["1:5", "2:4"]: the pairs of one parameter, empty ones dropped. */
const parts = (/** @type {string | null} */ value) => (value ?? '').split(',').filter((p) => p.trim() !== '');

/** Takes the ratings out of the address bar once the visitor has answered the offer. */
export function forgetShareInUrl(win = window) {
  // Whether it carries ratings, without reading them: a link of 10,000 took 15 ms to read again here.
  if (!new URLSearchParams(unmangled(win.location.hash.replace(/^#/, ''))).has(PARAM)) return;
  const url = new URL(win.location.href);
  url.hash = '';
  win.history.replaceState(win.history.state, '', url.href.replace(/#$/, ''));
}
