// Which film each rating was given to, by name and year, kept beside the ratings (which hold only
// MovieLens movieIds). MovieLens gives a film the same movieId in every release, so ratings carry
// over from one MovieLens to another; this record is what notices when an id names another film in
// the data now loaded (data that only looks like MovieLens, such as generated data), so such a
// rating is set aside there rather than silently counted for the wrong film.

export const TITLES_KEY = 'reel-rated-titles-v1';

/**
 * movieId → { name, year, alias, at, prior } (at: the rating's time when its film was noted; prior: the
 * note it replaced, or null). Unreadable → empty.
 */
export function readTitles(storage) {
  try {
    const raw = storage?.getItem(TITLES_KEY);
    const parsed = raw ? JSON.parse(raw) : {};
    const out = new Map();
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return out;
    for (const [id, v] of Object.entries(parsed)) {
      if (isNote(v) && (v.prior == null || isNote(v.prior)) && /^[1-9]\d{0,9}$/.test(id)) out.set(Number(id), v);
    }
    return out;
  } catch {
    return new Map(); // a damaged record only means films are noted afresh
  }
}

const isYear = (y) => y == null || Number.isInteger(y);
const isAlias = (a) => a == null || typeof a === 'string';

/**
 * A note as sortRatings reads it: a name, and a year, alias and time of their types where present.
 * A note of any other shape (an alias of 5 once threw in the comparison of names) is noted afresh.
 */
function isNote(v) {
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof v.name === 'string' &&
    isYear(v.year) &&
    isAlias(v.alias) &&
    (v.at === undefined || Number.isFinite(v.at))
  );
}

export function writeTitles(storage, titles) {
  try {
    storage?.setItem(TITLES_KEY, JSON.stringify(Object.fromEntries(titles)));
  } catch {
    // storage full or refused: the record lasts for this tab
  }
}

/** A name with case, accents and punctuation set aside: "Amélie" and "amelie" read the same. */
export const plain = (text) =>
  (text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    // Letters and digits of every script are kept: with only a-z, a Cyrillic or Japanese name
    // became "" and never matched itself, so its rating was set aside on the very data it was made on.
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** The same film under two MovieLens releases: the same year, and the same name or alias (case, accents, punctuation aside). */
export function sameFilm(a, b) {
  if ((a.year ?? null) !== (b.year ?? null)) return false;
  const names = (f) => [f.name, f.alias].map(plain).filter(Boolean);
  const bs = names(b);
  return names(a).some((n) => bs.includes(n));
}

/**
 * Sorts one rating against its film in the data loaded now (null: not in it), noting the film when
 * the rating is not noted yet or changed since (it was made on the data loaded now).
 * @param {{ movieId: number, at: number }} r
 * @param {object|null} film
 * @param {Map<number, object>} titles  the record (updated in place)
 * @returns {{ verdict: 'here'|'missing'|{ movieId: number, was: object, now: object }, changed: boolean }}
 *   verdict: an object when the rating's id names another film here
 */
export function sortRating(r, film, titles) {
  if (!film) return { verdict: 'missing', changed: false };
  const noted = titles.get(r.movieId);
  // Undo (of an import over a rating set aside) brings back the rating noted before the latest:
  // it was made on the film noted then, which is kept beside the latest note for that reason.
  const was = noted && noted.at !== r.at && noted.prior?.at === r.at ? noted.prior : noted;
  if (was && was.at === r.at && !sameFilm(was, film)) return { verdict: { movieId: r.movieId, was, now: film }, changed: false };
  if (was && was.at === r.at) return { verdict: 'here', changed: false };
  const prior = noted ? { name: noted.name, year: noted.year ?? null, alias: noted.alias ?? null, at: noted.at } : null;
  titles.set(r.movieId, { name: film.name, year: film.year ?? null, alias: film.alias ?? null, at: r.at, prior });
  return { verdict: 'here', changed: true };
}

/**
 * Sorts the visitor's ratings against the films loaded now (sortRating, for each).
 * @param {{ movieId: number, at: number }[]} list  the visitor's ratings
 * @param {(object|null)[]} films  the loaded catalogue's film for each (null: not in it)
 * @param {Map<number, object>} titles  the record (updated in place)
 * @returns {{ here: number, missing: number[], elsewhere: { movieId: number, was: object, now: object }[], changed: boolean }}
 *   here: ratings of films in this data; missing: ids it lacks; elsewhere: ids that name another film here
 */
export function sortRatings(list, films, titles) {
  const out = { here: 0, missing: [], elsewhere: [], changed: false };
  list.forEach((r, i) => {
    const { verdict, changed } = sortRating(r, films[i], titles);
    out.changed ||= changed;
    if (verdict === 'here') out.here += 1;
    else if (verdict === 'missing') out.missing.push(r.movieId);
    else out.elsewhere.push(verdict);
  });
  return out;
}
