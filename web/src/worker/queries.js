// The requests that ask the loaded engine: search and films (answered as soon as the films are in),
// films like X, the visitor's next films and starting set, imports and exports of ratings, and the
// MovieLens viewers. Each asks the engine; where a model is not trained yet, the engine says so.
import { integer, profileArrays } from './fields.js';
import { catalogueOf, dataState, modelStates } from './machine.js';

/** @typedef {import('./context.js').Handler} Handler */

/** The registry with each model's training state, as the engine reports it. @type {Handler} */
export async function models({ m }) {
  return m.engine ? modelStates(m) : [];
}

/** @type {Handler} */
export async function search({ m }, { query, k = 8 }) {
  const catalog = catalogueOf(m);
  if (typeof query !== 'string') throw new Error('query must be text');
  if (query.trim() === '') return [];
  return Array.from(m.engine.search(query, k), (/** @type {number} */ id) => catalog.film(id));
}

/** @type {Handler} */
export async function film({ m }, { movieId }) {
  const catalog = catalogueOf(m);
  const id = integer(movieId, 'movieId');
  if (!catalog.has(id)) throw new Error(`No film with movieId ${id}`);
  return catalog.film(id);
}

/** @type {Handler} */
export async function films({ m }, { movieIds }) {
  const catalog = catalogueOf(m);
  if (!Array.isArray(movieIds)) throw new Error('movieIds must be a list');
  return movieIds.map((id) => (catalog.has(id) ? catalog.film(id) : null));
}

/**
 * Films like X by the engine's chosen similarity (or `model`), each with who liked both and whether
 * the engine finds it shares no genre with X.
 * @type {Handler}
 */
export async function similar({ m }, { movieId, k = 10, model, filter }) {
  const catalog = catalogueOf(m);
  const id = integer(movieId, 'movieId');
  if (!catalog.has(id)) throw new Error(`No film with movieId ${id}`);
  const x = catalog.film(id);
  const chosen = model ?? m.engine.choices().neighbours;
  // Not an error: a film nobody rated in training has no place in the model, and the page says so.
  if (x.ratings === 0) return { film: x, model: chosen, neighbours: [], likedFilm: 0, unrated: true };
  dataState(m);
  const r = m.engine.similar(id, k, chosen, filter);
  const scores = Array.from(r.scores);
  const likedBoth = Array.from(r.likedBoth);
  const otherGenre = Array.from(r.otherGenre);
  const neighbours = Array.from(r.movieIds, (/** @type {number} */ n, i) => ({
    ...catalog.film(n),
    score: scores[i],
    likedBoth: likedBoth[i],
    otherGenre: otherGenre[i] === 1,
  }));
  return { film: x, model: chosen, neighbours, likedFilm: r.likedFilm, unrated: false };
}

/**
 * The stars of the few rated films `wanted` (the reasons of a list), found in one pass rather than
 * through a map of the whole profile, which for 20,000 ratings was built for some thirty look-ups.
 * @param {Int32Array} ids @param {Float32Array} stars @param {number[]} wanted
 */
function starsOfSome(ids, stars, wanted) {
  const out = new Map(wanted.map((id) => [id, 0]));
  for (let i = 0; i < ids.length; i++) if (out.has(ids[i])) out.set(ids[i], stars[i]);
  return out;
}

/**
 * The visitor's next films, each with the rated films that pushed it up most. No model named: the
 * engine chooses one for a profile of this size, and says which.
 * @type {Handler}
 */
export async function recommendFor({ m }, { ratings, seen = [], k = 10, model = '', filter }) {
  const { catalog } = dataState(m);
  const { ids, stars } = profileArrays(ratings);
  const marked = Int32Array.from(seen, (/** @type {unknown} */ x) => integer(x, 'seen'));
  const r = m.engine.recommendFor(ids, stars, k, model, filter, marked);
  const scores = Array.from(r.scores);
  const offsets = Array.from(r.reasonOffsets);
  const reasonIds = Array.from(r.reasonIds);
  const shares = Array.from(r.reasonShares);
  const starsOf = starsOfSome(ids, stars, reasonIds);
  const because = (/** @type {number} */ i) =>
    reasonIds.slice(offsets[i], offsets[i + 1]).map((rid, j) => {
      const f = catalog.film(rid);
      return { movieId: rid, name: f.name, year: f.year, stars: starsOf.get(rid), share: shares[offsets[i] + j] };
    });
  return {
    model: r.model,
    mixedIn: r.mixedIn,
    mix: r.mix,
    films: Array.from(r.movieIds, (/** @type {number} */ movieId, i) => ({
      ...catalog.film(movieId),
      score: scores[i],
      because: because(i),
    })),
    fromPopularity: r.fromPopularity,
    unknown: Array.from(r.unknown),
    unrated: Array.from(r.unrated),
  };
}

/**
 * Watch together: the engine's one list for 2 to 4 people, each pick with each member's rated films
 * that led to it, in the members' order.
 * @type {Handler}
 */
export async function together({ m }, { members, k = 10, filter }) {
  const { catalog } = dataState(m);
  if (!Array.isArray(members)) throw new Error('members must be a list of { ratings, seen }');
  const given = members.map((/** @type {{ ratings: unknown, seen?: unknown[] }} */ member) => {
    const { ids, stars } = profileArrays(member?.ratings);
    const seen = Int32Array.from(member?.seen ?? [], (/** @type {unknown} */ x) => integer(x, 'seen'));
    return { movieIds: ids, stars, seen, starsOf: new Map(Array.from(ids, (id, i) => [id, stars[i]])) };
  });
  const r = m.engine.together(
    given.map(({ movieIds, stars, seen }) => ({ movieIds, stars, seen })),
    k,
    filter,
  );
  const scores = Array.from(r.scores);
  const offsets = Array.from(r.reasonOffsets);
  const reasonIds = Array.from(r.reasonIds);
  const shares = Array.from(r.reasonShares);
  const because = (/** @type {number} */ i, /** @type {number} */ who) => {
    const at = i * given.length + who;
    return reasonIds.slice(offsets[at], offsets[at + 1]).map((rid, j) => {
      const f = catalog.film(rid);
      return { movieId: rid, name: f.name, year: f.year, stars: given[who].starsOf.get(rid), share: shares[offsets[at] + j] };
    });
  };
  return {
    films: Array.from(r.movieIds, (/** @type {number} */ movieId, i) => ({
      ...catalog.film(movieId),
      score: scores[i],
      because: given.map((_, who) => because(i, who)),
    })),
    models: Array.from(r.models, (/** @type {string|null} */ name) => name),
  };
}

/** Films to rate next, far apart in taste, as the engine picks them from the ratings so far. @type {Handler} */
export async function starters({ m }, { k = 12, exclude = [], ratings = [] }) {
  const { catalog } = dataState(m);
  const { ids: rated, stars } = profileArrays(ratings);
  const ids = m.engine.starters(
    k,
    Int32Array.from(exclude, (/** @type {unknown} */ x) => integer(x, 'exclude')),
    rated,
    stars,
  );
  return Array.from(ids, (/** @type {number} */ id) => catalog.film(id));
}

/** An IMDb or Letterboxd export, matched by the engine. @type {Handler} */
export async function importRatings(c, { bytes, fileName = 'ratings.csv', unrated = '' }) {
  if (!(bytes instanceof Uint8Array)) throw new Error('bytes must be a Uint8Array');
  await dataState(c.m).data.linksIn?.(); // the bundled data sends links.csv when asked: IMDb rows match by it
  const { catalog, data } = dataState(c.m);
  const r = c.m.engine.importRatings(bytes, fileName, unrated);
  const stars = Array.from(r.stars);
  const lines = Array.from(r.lines);
  return {
    format: r.format,
    noLinks: !data.links, // IMDb rows cannot match: this dataset came without links.csv, or it did not download
    linksFailed: !data.links && Boolean(data.linksIn), // the bundled data has links.csv: its download failed
    matched: Array.from(r.movieIds, (/** @type {number} */ movieId, i) => ({ ...catalog.film(movieId), stars: stars[i], line: lines[i] })),
    marks: Array.from(r.markIds, (/** @type {number} */ movieId, i) => ({
      ...catalog.film(movieId),
      mark: String(r.marks[i]),
      line: r.markLines[i],
    })),
    unmatched: Array.from(r.unmatched, (/** @type {object} */ u) => ({ ...u })),
    unratedGuess: String(r.unratedGuess),
  };
}

/** The visitor's ratings and marks as Reel's own CSV, written by the engine. @type {Handler} */
export async function profileCsv({ m }, { ratings, marks = [] }) {
  dataState(m);
  const { ids, stars } = profileArrays(ratings);
  const markIds = Int32Array.from(marks, (/** @type {{ movieId: unknown }} */ x) => integer(x.movieId, 'movieId'));
  return m.engine.profileCsv(
    ids,
    stars,
    markIds,
    marks.map((/** @type {{ mark: unknown }} */ x) => String(x.mark)),
  );
}

/** Films in Letterboxd's import columns, written by the engine; stars 0 is no rating. @type {Handler} */
export async function letterboxdCsv({ m }, { films }) {
  dataState(m);
  const { ids, stars } = profileArrays(films);
  return m.engine.letterboxdCsv(ids, stars);
}

/** The dataset's viewers, each with their number of ratings and favourite film. @type {Handler} */
export async function viewers({ m }) {
  const { catalog } = dataState(m);
  const v = m.engine.viewers();
  const counts = Array.from(v.ratings);
  const favourites = Array.from(v.favourites);
  return Array.from(v.userIds, (/** @type {number} */ userId, i) => ({
    userId,
    ratings: counts[i],
    favourite: catalog.has(favourites[i]) ? catalog.film(favourites[i]) : null,
  }));
}

/** @type {Handler} */
export async function favourites({ m }, { userId, k = 5 }) {
  const { catalog } = dataState(m);
  const user = integer(userId, 'userId');
  const r = m.engine.favourites(user, k);
  const ratings = Array.from(r.ratings);
  return { userId: user, films: Array.from(r.movieIds, (/** @type {number} */ id, i) => ({ ...catalog.film(id), rating: ratings[i] })) };
}

/** A viewer's next films: the default list (the engine's choice for viewers, re-ranked to them), or `model`'s own. @type {Handler} */
export async function recommend({ m }, { userId, k = 10, model = '', filter }) {
  const { catalog } = dataState(m);
  const user = integer(userId, 'userId');
  const chosen = model || m.engine.choices().viewers;
  const r = m.engine.recommend(user, k, model, filter);
  const scores = Array.from(r.scores);
  return {
    userId: user,
    model: chosen,
    films: Array.from(r.movieIds, (/** @type {number} */ id, i) => ({ ...catalog.film(id), score: scores[i] })),
  };
}
