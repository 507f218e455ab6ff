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
 * [{movieId, stars}] → the typed arrays the engine takes.
 * @param {unknown} ratings
 * @returns {{ ids: Int32Array, stars: Float32Array }}
 */
export function profileArrays(ratings) {
  if (!Array.isArray(ratings)) throw new Error('ratings must be a list of {movieId, stars}');
  return {
    ids: Int32Array.from(ratings, (r) => integer(r.movieId, 'movieId')),
    stars: Float32Array.from(ratings, (r) => Number(r.stars)),
  };
}
