// A film's links out to IMDb, TMDB and Letterboxd: plain links opened in a new tab, each named for
// the film and the site ("Toy Story (1995) on IMDb"), so a list of them reads well by itself.
import { Fragment } from 'preact';
import { filmLabel } from './FilmMeta.jsx';
import { elsewhere } from './elsewhere.js';

/** @param {{ film: object }} props */
export function FilmElsewhere({ film }) {
  const sites = elsewhere(film);
  if (sites.length === 0) return null;
  const label = filmLabel(film);
  return (
    <span class="elsewhere">
      {sites.map(({ site, href }, i) => (
        <Fragment key={site}>
          {i > 0 ? <span aria-hidden="true"> · </span> : null}
          <a href={href} target="_blank" rel="noopener noreferrer" aria-label={`${label} on ${site}`} title="Opens in a new tab">
            {site}
          </a>
        </Fragment>
      ))}
    </span>
  );
}
