// Ratings and marks carried in a link's fragment (#ratings=1:5,2571:4.5&marks=318:w,2:n): a browser
// never sends the part after # to any server, so a shared taste goes from one visitor to another
// and nowhere else.
import { isMovieId, isStars } from './storage.js';

const PARAM = 'ratings';
const MARKS_PARAM = 'marks';
// One letter a mark keeps the link short; a link is read by Reel, not by people.
const MARK_CODES = { seen: 's', 'not interested': 'n', watchlist: 'w' };
const MARK_OF_CODE = Object.fromEntries(Object.entries(MARK_CODES).map(([mark, code]) => [code, mark]));

/** [{movieId, stars}], [{movieId, mark}] → "ratings=1:5,2571:4.5&marks=318:w". */
export function encodeShare(entries, marks = []) {
  const ratings = `${PARAM}=${entries.map((e) => `${e.movieId}:${e.stars}`).join(',')}`;
  return marks.length === 0 ? ratings : `${ratings}&${MARKS_PARAM}=${marks.map((m) => `${m.movieId}:${MARK_CODES[m.mark]}`).join(',')}`;
}

/** The page's address with the ratings and marks in its fragment (any film shown stays in the query). */
export function shareUrl(href, entries, marks = []) {
  const url = new URL(href);
  url.hash = encodeShare(entries, marks);
  return url.href;
}

/** "318:w,2:n" → the marks read, and how many parts were not a film id and a mark. */
function readMarks(value) {
  const byId = new Map();
  let skipped = 0;
  for (const part of (value ?? '').split(',')) {
    if (part.trim() === '') continue;
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
 * A fragment → { entries, marks, skipped } when it carries ratings, else null. Pairs that are not a
 * film id and a half star (or a mark) are counted in `skipped`, not passed on; a film listed twice
 * keeps its last.
 */
export function readShare(hash) {
  const text = String(hash ?? '').replace(/^#/, '');
  const params = new URLSearchParams(text);
  const value = params.get(PARAM);
  if (value === null) return null;
  const { marks, skipped: marksSkipped } = readMarks(params.get(MARKS_PARAM));
  const byId = new Map();
  let skipped = marksSkipped;
  for (const part of value.split(',')) {
    if (part.trim() === '') continue;
    const m = /^\s*(\d+):(\d+(?:\.\d+)?)\s*$/.exec(part);
    const movieId = m ? Number(m[1]) : NaN;
    const stars = m ? Number(m[2]) : NaN;
    if (m && isMovieId(movieId) && isStars(stars)) {
      byId.delete(movieId);
      byId.set(movieId, { movieId, stars });
    } else skipped += 1;
  }
  return { entries: [...byId.values()], marks, skipped };
}

/** Takes the ratings out of the address bar once the visitor has answered the offer. */
export function forgetShareInUrl(win = window) {
  // Whether it carries ratings, without reading them: a link of 10,000 took 15 ms to read again here.
  if (!new URLSearchParams(win.location.hash.replace(/^#/, '')).has(PARAM)) return;
  const url = new URL(win.location.href);
  url.hash = '';
  win.history.replaceState(win.history.state, '', url.href.replace(/#$/, ''));
}
