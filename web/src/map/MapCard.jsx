// The map's card for film X, under the map: the film the map flew to or was clicked, with its
// number of ratings and its links out, which a tooltip that follows the pointer cannot hold.
import { FilmElsewhere } from '../films/FilmElsewhere.jsx';
import { FilmTitle, RatingCount } from '../films/FilmMeta.jsx';
import { useFilms } from '../films/useFilms.js';

/** @param {{ client: object, filmId: number | null, loaded: boolean }} props  filmId: film X, when it is on the map */
export function MapCard({ client, filmId, loaded }) {
  const films = useFilms(client, filmId === null ? [] : [filmId], loaded);
  const film = filmId === null ? null : films.get(filmId);
  if (!film) return null;
  return (
    <p class="map-card" data-movie-id={film.movieId}>
      <span class="eyebrow">On the map</span>{' '}
      <strong>
        <FilmTitle film={film} />
      </strong>{' '}
      <span class="film-meta">
        <RatingCount film={film} />
        <FilmElsewhere film={film} />
      </span>
    </p>
  );
}
