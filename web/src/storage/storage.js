// The visitor's ratings and marks (seen, not interested, watchlist) as stored in this browser
// (localStorage): one schema-versioned JSON value, read strictly. A value the page cannot read — damaged, hand-edited, or written by a newer Reel —
// is never dropped: it is copied aside under its own key and reported, and only the visitor
// discards it. localStorage rather than IndexedDB: the ratings are small, a synchronous read means
// they are on the page at its first paint, and the `storage` event keeps other tabs in step.

export const RATINGS_KEY = 'reel.ratings';
export const ASIDE_PREFIX = 'reel.ratings.unreadable.';
export const SCHEMA = 1;

const MAX_MOVIE_ID = 2 ** 31 - 1;

/** A half star from 0.5 to 5. */
export function isStars(x) {
  return typeof x === 'number' && x >= 0.5 && x <= 5 && Number.isInteger(x * 2);
}

export function isMovieId(x) {
  return Number.isInteger(x) && x >= 1 && x <= MAX_MOVIE_ID;
}

/** What a visitor can mark a film, besides rating it: the same words in storage, links and CSV files. */
export const MARKS = ['seen', 'not interested', 'watchlist'];

export function isMark(x) {
  return MARKS.includes(x);
}

/**
 * entries: [{movieId, stars, at}], marks: [{movieId, mark, at}] → the stored text. Marks came after
 * format 1 as a field of their own, written only when there are some: a value without marks is
 * exactly what earlier pages wrote, and pages that predate marks still read the ratings.
 */
export function encodeRatings(entries, marks = []) {
  const value = { schema: SCHEMA, ratings: entries.map(({ movieId, stars, at }) => ({ movieId, stars, at })) };
  if (marks.length > 0) value.marks = marks.map(({ movieId, mark, at }) => ({ movieId, mark, at }));
  return JSON.stringify(value);
}

/** The readable marks of a stored value, and how many were not. */
function decodeMarks(list) {
  if (list === undefined) return { marks: [], bad: 0, of: 0 };
  if (!Array.isArray(list)) return { marks: [], bad: 1, of: 1 };
  const byId = new Map();
  let bad = 0;
  for (const m of list) {
    if (m && isMovieId(m.movieId) && isMark(m.mark)) {
      byId.delete(m.movieId);
      byId.set(m.movieId, { movieId: m.movieId, mark: m.mark, at: Number.isFinite(m.at) ? m.at : 0 });
    } else bad += 1;
  }
  return { marks: [...byId.values()], bad, of: list.length };
}

/**
 * The stored text → { entries, marks, problem }: problem is null when every part was read, else a
 * sentence saying what could not be (the readable entries and marks are still returned).
 */
export function decodeRatings(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return { entries: [], marks: [], problem: 'it is not valid JSON' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { entries: [], marks: [], problem: 'it is not a saved list of ratings' };
  if (value.schema !== SCHEMA) {
    return {
      entries: [],
      marks: [],
      problem:
        typeof value.schema === 'number' && value.schema > SCHEMA
          ? `it was saved by a newer version of Reel (format ${value.schema}; this page reads format ${SCHEMA})`
          : `its format (${JSON.stringify(value.schema ?? null)}) is not one this page reads`,
    };
  }
  if (!Array.isArray(value.ratings)) return { entries: [], marks: [], problem: 'it holds no list of ratings' };
  const byId = new Map();
  let bad = 0;
  for (const r of value.ratings) {
    if (r && isMovieId(r.movieId) && isStars(r.stars)) {
      byId.delete(r.movieId); // a film listed twice keeps its later entry
      byId.set(r.movieId, { movieId: r.movieId, stars: r.stars, at: Number.isFinite(r.at) ? r.at : 0 });
    } else bad += 1;
  }
  const marked = decodeMarks(value.marks);
  const problems = [];
  if (bad)
    problems.push(`${bad} of its ${value.ratings.length} ratings ${bad === 1 ? 'is' : 'are'} not a film id with half stars from 0.5 to 5`);
  if (marked.bad)
    problems.push(
      `${marked.bad} of its ${marked.of} marks ${marked.bad === 1 ? 'is' : 'are'} not a film id with ${MARKS.map((m) => `“${m}”`).join(', ')}`,
    );
  return { entries: [...byId.values()], marks: marked.marks, problem: problems.length ? problems.join('; ') : null };
}

/** Every value kept aside so far: [{ key, raw, reason }], oldest first. */
export function listAside(storage) {
  const out = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(ASIDE_PREFIX)) {
        const raw = storage.getItem(key) ?? '';
        out.push({ key, raw, reason: decodeRatings(raw).problem ?? 'it could not be read' });
      }
    }
  } catch {
    return out;
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Copies an unreadable value aside once (the same text read again is not copied twice). */
function keepAside(storage, raw, now) {
  if (listAside(storage).some((a) => a.raw === raw)) return;
  storage.setItem(`${ASIDE_PREFIX}${new Date(now()).toISOString()}`, raw);
}

/**
 * Reads the stored ratings and marks. → { entries, marks, aside: [...kept-aside values], error: null
 * | sentence when storage itself is unavailable }.
 */
export function readRatings(storage, now = Date.now) {
  let raw;
  try {
    raw = storage.getItem(RATINGS_KEY);
  } catch (e) {
    return { entries: [], marks: [], aside: [], error: `this browser does not let the page keep ratings (${e.message || e})` };
  }
  let entries = [];
  let marks = [];
  if (raw !== null) {
    const decoded = decodeRatings(raw);
    ({ entries, marks } = decoded);
    if (decoded.problem) {
      try {
        keepAside(storage, raw, now);
      } catch (e) {
        return {
          entries,
          marks,
          aside: [{ key: null, raw, reason: decoded.problem }],
          error: `the unreadable value could not be copied aside (${e.message || e})`,
        };
      }
    }
  }
  return { entries, marks, aside: listAside(storage), error: null };
}

/** Writes the ratings and marks; throws a readable Error when the browser refuses (quota, private mode). */
export function writeRatings(storage, entries, marks = []) {
  try {
    if (entries.length === 0 && marks.length === 0) storage.removeItem(RATINGS_KEY);
    else storage.setItem(RATINGS_KEY, encodeRatings(entries, marks));
  } catch (e) {
    throw new Error(`this browser would not store your ratings (${e.message || e})`, { cause: e });
  }
}

export function discardAside(storage, key) {
  if (key?.startsWith(ASIDE_PREFIX)) storage.removeItem(key);
}
