// How a film is shown wherever it is listed: the name the engine's title grammar gives it (main
// title first, an alternative title after), its year, its genres, and how many people rated it.
import { formatCount } from '../ui/format.js';

/** Fewer training ratings than this and a film's placement rests on thin evidence; lists say so. */
export const THIN_EVIDENCE = 10;

/** "Toy Story (1995)" — the name with its year, as people search for it and as rating controls are named. */
export function filmLabel(film) {
  return film.year ? `${film.name} (${film.year})` : film.name;
}

export function FilmTitle({ film }) {
  return (
    <>
      {film.name}
      {film.year ? <span class="film-year"> ({film.year})</span> : null}
      {film.alias ? <span class="film-alias"> · also “{film.alias}”</span> : null}
    </>
  );
}

export function FilmGenres({ film }) {
  const genres = film.genres.filter((g) => g !== '(no genres listed)');
  return genres.length > 0 ? <span class="film-genres">{genres.join(' · ')}</span> : null;
}

/** "145 ratings", and a plain warning when there are too few to go on; nothing before the ratings arrive. */
export function RatingCount({ film }) {
  const n = film.ratings;
  if (n === null || n === undefined) return null; // the ratings have not arrived yet
  if (n === 0) {
    return (
      <span class="rating-count thin" title="Nobody rated it in the ratings Reel trains on">
        no ratings to learn from
      </span>
    );
  }
  const thin = n < THIN_EVIDENCE;
  return (
    <span
      class={`rating-count${thin ? ' thin' : ''}`}
      title={thin ? `Only ${n} ${n === 1 ? 'person' : 'people'} rated it in the ratings Reel trains on: little evidence` : undefined}
    >
      {formatCount(n)} {n === 1 ? 'rating' : 'ratings'}
      {thin ? <span class="thin-mark"> · few to go on</span> : null}
    </span>
  );
}
