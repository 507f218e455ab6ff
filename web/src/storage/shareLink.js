// Ratings carried in a link's fragment (#ratings=1:5,2571:4.5): a browser never sends the part
// after # to any server, so a shared taste goes from one visitor to another and nowhere else.
import { isMovieId, isStars } from './storage.js';

const PARAM = 'ratings';

/** [{movieId, stars}] → "ratings=1:5,2571:4.5". */
export function encodeShare(entries) {
  return `${PARAM}=${entries.map((e) => `${e.movieId}:${e.stars}`).join(',')}`;
}

/** The page's address with the ratings in its fragment (any film shown stays in the query). */
export function shareUrl(href, entries) {
  const url = new URL(href);
  url.hash = encodeShare(entries);
  return url.href;
}

/**
 * A fragment → { entries, skipped } when it carries ratings, else null. Pairs that are not a film
 * id and a half star are counted in `skipped`, not passed on; a film listed twice keeps its last.
 */
export function readShare(hash) {
  const text = String(hash ?? '').replace(/^#/, '');
  const params = new URLSearchParams(text);
  const value = params.get(PARAM);
  if (value === null) return null;
  const byId = new Map();
  let skipped = 0;
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
  return { entries: [...byId.values()], skipped };
}

/** Takes the ratings out of the address bar once the visitor has answered the offer. */
export function forgetShareInUrl(win = window) {
  if (!readShare(win.location.hash)) return;
  const url = new URL(win.location.href);
  url.hash = '';
  win.history.replaceState(win.history.state, '', url.href.replace(/#$/, ''));
}
