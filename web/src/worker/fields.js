// A request's fields as the engine takes them: whole numbers and a profile's typed arrays, refused
// in plain words when a message carries something else.

/** @param {unknown} value @param {string} what @returns {number} */
export function integer(value, what) {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    throw new Error(`${what} must be a whole number, got ${JSON.stringify(value)}`);
  }
  return n;
}

/**
 * [{movieId, stars}], or { movieIds, stars } already as arrays (protocol.js, Profile) → the typed
 * arrays the engine takes. The engine checks every id and star itself.
 * @param {unknown} ratings
 * @returns {{ ids: Int32Array, stars: Float32Array }}
 */
export function profileArrays(ratings) {
  const given = /** @type {{ movieIds?: unknown, stars?: unknown }} */ (ratings);
  if (given?.movieIds instanceof Int32Array && given.stars instanceof Float32Array) {
    if (given.movieIds.length !== given.stars.length) throw new Error('ratings must have as many stars as movieIds');
    return { ids: given.movieIds, stars: given.stars };
  }
  if (!Array.isArray(ratings)) throw new Error('ratings must be a list of {movieId, stars}, or movieIds and stars as arrays');
  return {
    ids: Int32Array.from(ratings, (r) => integer(r.movieId, 'movieId')),
    stars: Float32Array.from(ratings, (r) => Number(r.stars)),
  };
}
