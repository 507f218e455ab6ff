// One film in a list, the same everywhere: its title (a link to films like it), genres and number
// of ratings, whatever line says why it is there, its rating control, its marks (seen, not
// interested, watchlist) and its links out.
import { FilmGenres, FilmTitle, RatingCount } from './FilmMeta.jsx';
import { FilmElsewhere } from './FilmElsewhere.jsx';
import { filmLinkProps } from './filmLinks.js';
import { MarkFilm } from '../taste/MarkFilm.jsx';
import { RateFilm } from '../taste/RateFilm.jsx';

/**
 * @param {{ film: object, onPick: (id: number, how?: object) => void, children?: any, badge?: any, className?: string }} props
 *   children: the lines under the title (a reason, a match bar)
 */
export function FilmRow({ film, onPick, children, badge = null, className = '' }) {
  return (
    <li class={`film-item ${className}`} data-movie-id={film.movieId}>
      <div class="film-main">
        <a class="film-link" title="See films like this one" {...filmLinkProps(film.movieId, onPick)}>
          <FilmTitle film={film} />
        </a>
        {badge}
        <div class="film-meta">
          <FilmGenres film={film} />
          <RatingCount film={film} />
        </div>
        {children}
      </div>
      <RateFilm film={film} compact />
      {/* After the rating in the tab order, so Tab still goes from a title straight to its stars. */}
      <div class="film-actions">
        <MarkFilm film={film} />
        <FilmElsewhere film={film} />
      </div>
    </li>
  );
}
