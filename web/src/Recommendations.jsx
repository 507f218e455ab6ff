// A viewer's next watches: the ranking model's top films among those they have not rated.
import { FilmGenres, FilmTitle } from './FilmMeta.jsx';
import { filmHref } from './urlState.js';
import { useAsync } from './useAsync.js';

/**
 * @param {{ client: object, userId: number|null, ready: boolean, onPickFilm: (id: number) => void }} props
 */
export function Recommendations({ client, userId, ready, onPickFilm }) {
  const recs = useAsync(() => (ready && userId !== null ? client.recommend(userId, 10) : null), [client, ready, userId]);

  if (userId === null) return <p class="muted">Choose a viewer to see what they might watch next.</p>;
  if (!ready) return <p class="muted">Their next watches appear as soon as training finishes.</p>;
  if (recs.error) {
    return (
      <p class="inline-error" role="alert">
        {recs.error}
      </p>
    );
  }
  if (!recs.data) return <p class="muted">Finding their next watches…</p>;

  return (
    <div class="recommendations">
      <p class="eyebrow">Next for user {recs.data.userId}</p>
      <ol class="film-list recs">
        {recs.data.films.map((f) => (
          <li key={f.movieId} class="film-item" data-movie-id={f.movieId}>
            <a
              class="film-link"
              href={filmHref(f.movieId)}
              title="See films like this one"
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                onPickFilm(f.movieId);
              }}
            >
              <FilmTitle film={f} />
            </a>
            <FilmGenres film={f} />
          </li>
        ))}
      </ol>
    </div>
  );
}
