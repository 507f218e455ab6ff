// The films the visitor has rated, newest first, each re-rateable or removable in place; with the
// tools to bring ratings in, take them out, share them and clear them (with Undo). Only the newest
// RATINGS_PAGE are on screen until asked for more: 20,000 rows of ten radios each took the page
// seconds to build and made every keystroke elsewhere on it re-diff them (issue 24, item 7).
import { announce } from '../ui/announcer.js';
import { FilmTitle, RatingCount } from '../films/FilmMeta.jsx';
import { filmLinkProps } from '../films/filmLinks.js';
import { RateFilm } from './RateFilm.jsx';
import { useFilms } from '../films/useFilms.js';
import { useMemo, useRef, useState } from 'preact/hooks';
import { useStore } from '../ui/useStore.js';

/** How many ratings are on screen at first, and how many more each "Show more" adds. */
export const RATINGS_PAGE = 50;

/**
 * @param {{ client: object, store: object, loaded: boolean, onPick: Function, children?: any }} props
 *   children: the tools row (import, export, share, clear)
 */
export function YourRatings({ client, store, loaded, onPick, children }) {
  const list = useStore(store, (s) => s.list);
  const [shown, setShown] = useState(RATINGS_PAGE);
  // Newest first by when each film came into the list while it is on screen: a film rated again
  // keeps its row, so a second tap or an arrow key on its stars stays on it rather than on the film
  // that moved up into its place. (A reload orders by the latest rating.)
  const cameIn = useRef(new Map());
  const newestFirst = useMemo(() => {
    const since = cameIn.current;
    const now = new Set(list.map((r) => r.movieId));
    for (const id of since.keys()) if (!now.has(id)) since.delete(id); // removed: rated again, it is new
    for (const r of list) if (!since.has(r.movieId)) since.set(r.movieId, r.at);
    return [...list].sort((a, b) => since.get(b.movieId) - since.get(a.movieId));
  }, [list]);
  const onScreen = newestFirst.slice(0, shown);
  // Only the films on screen are asked of the worker.
  const films = useFilms(
    client,
    onScreen.map((r) => r.movieId),
    loaded,
  );

  return (
    <div class="your-ratings" data-focus-fallback="your-ratings-title">
      <h3 id="your-ratings-title" tabIndex={-1}>
        Your ratings <span class="count-pill">{list.length}</span>
      </h3>
      {children}
      {list.length === 0 ? (
        <p class="muted">None yet. They stay in this browser only — nothing you rate is sent anywhere.</p>
      ) : (
        <ul class="rated-list" aria-labelledby="your-ratings-title" data-ratings-home>
          {onScreen.map((r) => {
            const film = films.get(r.movieId);
            return (
              <li key={r.movieId} class="rated" data-movie-id={r.movieId}>
                {film ? (
                  <>
                    <span class="rated-film">
                      <a class="film-link" title="See films like this one" {...filmLinkProps(film.movieId, onPick)}>
                        <FilmTitle film={film} />
                      </a>
                      <span class="film-meta">
                        <RatingCount film={film} />
                      </span>
                    </span>
                    <RateFilm film={film} compact />
                  </>
                ) : film === null ? (
                  <>
                    <span class="muted">
                      Film {r.movieId} — not in this catalogue (kept, {r.stars} stars)
                    </span>
                    <button
                      type="button"
                      class="button-quiet small"
                      aria-label={`Remove rating of film ${r.movieId}`}
                      onClick={() => {
                        store.remove(r.movieId);
                        announce(`Removed the rating of film ${r.movieId}.`);
                        document.getElementById('your-ratings-title')?.focus();
                      }}
                    >
                      Remove
                    </button>
                  </>
                ) : (
                  <span class="muted">Film {r.movieId}…</span>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {list.length > shown ? (
        <button
          type="button"
          class="button-quiet show-more"
          aria-label="Show more of your ratings"
          onClick={() => {
            const from = shown;
            setShown((n) => n + RATINGS_PAGE);
            // The button may go with the last page: focus moves to the first rating added, as in the other lists.
            setTimeout(() => {
              const row = document.querySelectorAll('.rated-list > .rated')[from];
              /** @type {HTMLElement | null | undefined} */ (row?.querySelector('a, button, input:checked, input'))?.focus();
            }, 0);
          }}
        >
          Show more ({Math.min(RATINGS_PAGE, list.length - shown)} of {list.length - shown})
        </button>
      ) : null}
    </div>
  );
}
