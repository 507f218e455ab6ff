// Where a film lives on other sites, from the ids the engine read in links.csv. The page only links
// there; it never fetches from another origin.

/** IMDb ids are numbers in links.csv and seven digits at least in IMDb's own addresses: tt0114709. */
export const imdbUrl = (imdbId) => `https://www.imdb.com/title/tt${String(imdbId).padStart(7, '0')}/`;
export const tmdbUrl = (tmdbId) => `https://www.themoviedb.org/movie/${tmdbId}`;
// Letterboxd resolves a TMDB id to its own page for the film.
export const letterboxdUrl = (tmdbId) => `https://letterboxd.com/tmdb/${tmdbId}`;

/**
 * The sites a film can be opened on, in the order shown: none for a film the engine has no ids for;
 * TMDB and Letterboxd only where links.csv gives a tmdbId.
 * @param {{ imdbId?: number | null, tmdbId?: number | null }} film
 * @returns {{ site: string, href: string }[]}
 */
export function elsewhere(film) {
  const out = [];
  if (film.imdbId) out.push({ site: 'IMDb', href: imdbUrl(film.imdbId) });
  if (film.tmdbId) {
    out.push({ site: 'TMDB', href: tmdbUrl(film.tmdbId) });
    out.push({ site: 'Letterboxd', href: letterboxdUrl(film.tmdbId) });
  }
  return out;
}
