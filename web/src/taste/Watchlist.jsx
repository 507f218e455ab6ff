// "Your watchlist": the films the visitor marked to watch, newest first, each rateable once seen and
// unmarkable in place; under it, in a disclosure, the films marked seen or not interested, so a
// mark made by mistake can be taken back. The films' marks are focus's home once they leave a list.
// It appears with the first mark, not before: empty, it made "Your taste" taller than its list, and
// the sections below moved when the training card folded.
import { useEffect, useState } from 'preact/hooks';
import { FilmTitle } from '../films/FilmMeta.jsx';
import { FilmElsewhere } from '../films/FilmElsewhere.jsx';
import { filmLinkProps } from '../films/filmLinks.js';
import { MarkFilm } from './MarkFilm.jsx';
import { RateFilm } from './RateFilm.jsx';
import { useFilms } from '../films/useFilms.js';
import { useStore } from '../ui/useStore.js';

function MarkedFilm({ mark, film, onPick, rate }) {
  if (film === null) {
    return (
      <li class="marked" data-movie-id={mark.movieId}>
        <span class="muted">
          Film {mark.movieId} — not in this catalogue (kept, marked {mark.mark})
        </span>
      </li>
    );
  }
  if (!film) {
    return (
      <li class="marked" data-movie-id={mark.movieId}>
        <span class="muted">Film {mark.movieId}…</span>
      </li>
    );
  }
  return (
    <li class="marked" data-movie-id={film.movieId}>
      <span class="marked-film">
        <a class="film-link" title="See films like this one" {...filmLinkProps(film.movieId, onPick)}>
          <FilmTitle film={film} />
        </a>
      </span>
      {rate ? <RateFilm film={film} compact /> : null}
      <div class="film-actions">
        <MarkFilm film={film} />
        <FilmElsewhere film={film} />
      </div>
    </li>
  );
}

/**
 * @param {{ client: object, store: object, loaded: boolean, onPick: Function, children?: any }} props
 *   children: the watchlist's tools (its export)
 */
export function Watchlist({ client, store, loaded, onPick, children }) {
  const markList = useStore(store, (s) => s.markList);
  const newestFirst = [...markList].sort((a, b) => b.at - a.at);
  const toWatch = newestFirst.filter((m) => m.mark === 'watchlist');
  const others = newestFirst.filter((m) => m.mark !== 'watchlist');
  const films = useFilms(
    client,
    newestFirst.map((m) => m.movieId),
    loaded,
  );
  // Once shown it stays for the visit: taking off the last mark keeps the heading where focus goes.
  const [shown, setShown] = useState(markList.length > 0);
  useEffect(() => {
    if (markList.length > 0) setShown(true);
  }, [markList.length]);
  if (!shown && markList.length === 0) return null;

  return (
    <div class="watchlist" data-marks-home data-focus-fallback="watchlist-title">
      <h3 id="watchlist-title" tabIndex={-1}>
        Your watchlist <span class="count-pill">{toWatch.length}</span>
      </h3>
      {children}
      {toWatch.length === 0 ? (
        <p class="muted">
          Nothing yet. Press “Watchlist” beside any film to keep it here for later; it leaves your next films until you take it off.
        </p>
      ) : (
        <ul class="marked-list" aria-labelledby="watchlist-title" data-watchlist>
          {toWatch.map((m) => (
            <MarkedFilm key={m.movieId} mark={m} film={films.get(m.movieId)} onPick={onPick} rate />
          ))}
        </ul>
      )}
      {others.length > 0 ? (
        <details class="marked-others">
          <summary>
            Marked seen or not interested <span class="count-pill">{others.length}</span>
          </summary>
          <ul class="marked-list" aria-label="Films marked seen or not interested">
            {others.map((m) => (
              <MarkedFilm key={m.movieId} mark={m} film={films.get(m.movieId)} onPick={onPick} rate={m.mark === 'seen'} />
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
