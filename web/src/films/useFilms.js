// Film details for a list of ids (a visitor's ratings hold only ids and stars), fetched from the
// worker in one request for whatever is not already known, and remembered for the session.
import { useCallback, useEffect, useState } from 'preact/hooks';

const known = new Map(); // movieId → film, or null for an id the catalogue lacks

/**
 * Remembers films that arrived some other way (search results, lists) so they need no request —
 * except those found before the ratings arrived, whose number of ratings is not known yet (null).
 */
export function rememberFilms(films) {
  for (const f of films) if (f && f.ratings !== null) known.set(f.movieId, f);
}

/** The page's title search (eight films), whose results are remembered; one function per client. */
export function useSearch(client) {
  return useCallback(
    (query) =>
      client.search({ query, k: 8 }).then((films) => {
        rememberFilms(films);
        return films;
      }),
    [client],
  );
}

/** Forgets everything: a new dataset may name films differently. */
export function forgetFilms() {
  known.clear();
}

/**
 * @returns {Map<number, object|null>|null}  null until the first answer
 */
export function useFilms(client, ids, loaded) {
  const [, setTick] = useState(0);
  const missing = loaded ? ids.filter((id) => !known.has(id)) : [];
  const key = missing.join(',');
  useEffect(() => {
    if (!loaded || missing.length === 0) return undefined;
    let current = true;
    client.films({ movieIds: missing }).then(
      (films) => {
        missing.forEach((id, i) => known.set(id, films[i]));
        if (current) setTick((t) => t + 1);
      },
      () => {},
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ids asked for; `missing` is a new list each render
  }, [client, loaded, key]);
  return known;
}
