// Which ratings to keep when a visitor holds more than the engine folds in at once (its profile
// limit, 20,000): the most recent, or the highest-rated (the most recent first among equal stars).
// Over the limit the engine refuses the whole profile, so the page asks rather than choose alone.

/**
 * The `max` entries to keep, in the order the list holds them.
 * @param {{ movieId: number, stars: number, at: number }[]} list
 * @param {number} max
 * @param {'recent' | 'highest'} how
 */
export function keepWithin(list, max, how) {
  if (list.length <= max) return list;
  const order = list.map((e, i) => ({ e, i }));
  // Later first among equals: a later `at`, then a later place in the list (an import's rows share one time).
  const later = (a, b) => (b.e.at ?? 0) - (a.e.at ?? 0) || b.i - a.i;
  order.sort(how === 'highest' ? (a, b) => b.e.stars - a.e.stars || later(a, b) : later);
  const kept = new Set(order.slice(0, max).map((x) => x.i));
  return list.filter((_, i) => kept.has(i));
}
