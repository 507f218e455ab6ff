// Search works for rating too: find any film you have seen, and rate or mark it right there.
import { useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { FilmGenres, FilmTitle, RatingCount, filmLabel } from '../films/FilmMeta.jsx';
import { FilmElsewhere } from '../films/FilmElsewhere.jsx';
import { filmLinkProps } from '../films/filmLinks.js';
import { FilmSearch } from '../films/FilmSearch.jsx';
import { MarkFilm } from './MarkFilm.jsx';
import { RateFilm } from './RateFilm.jsx';

/**
 * @param {{ search: (q: string) => Promise<object[]>, disabled: boolean, lastYear?: number, onPick: Function }} props
 */
export function RateSearch({ search, disabled, lastYear, onPick }) {
  const [found, setFound] = useState([]); // the films found here lately, newest first

  function pick(film) {
    setFound((list) => [film, ...list.filter((f) => f.movieId !== film.movieId)].slice(0, 3));
    announce(`${filmLabel(film)} is ready to rate, just below the search box.`);
  }

  return (
    <div class="rate-search">
      <FilmSearch
        search={search}
        onPick={pick}
        disabled={disabled}
        label="Find a film you have seen"
        placeholder="Any title — e.g. heat, spirited away, amelie"
        lastYear={lastYear}
        keepQuery={false}
      />
      {found.length > 0 ? (
        <ul class="found-list" aria-label="Films you found">
          {found.map((f) => (
            <li key={f.movieId} class="found" data-movie-id={f.movieId}>
              <div class="found-main">
                <a class="film-link" title="See films like this one" {...filmLinkProps(f.movieId, onPick)}>
                  <FilmTitle film={f} />
                </a>
                <div class="film-meta">
                  <FilmGenres film={f} />
                  <RatingCount film={f} />
                </div>
                {f.ratings === 0 ? (
                  <p class="muted small">
                    Too few people rated it for Reel to place it, so it cannot steer your next films — but you can rate it and it is kept
                    with your ratings.
                  </p>
                ) : null}
              </div>
              <RateFilm film={f} />
              <div class="film-actions">
                <MarkFilm film={f} />
                <FilmElsewhere film={f} />
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
