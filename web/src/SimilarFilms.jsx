// "Films like X": X's neighbours by cosine similarity, flagging those that share no genre with X.
import { useEffect, useState } from 'preact/hooks';
import { FilmGenres, FilmTitle, filmLabel } from './FilmMeta.jsx';
import { filmHref } from './urlState.js';
import { useAsync } from './useAsync.js';

// Starting points for an empty page; MovieLens ids are stable across its releases.
const SUGGESTIONS = [
  { movieId: 1, label: 'Toy Story' },
  { movieId: 2571, label: 'The Matrix' },
  { movieId: 4973, label: 'Amélie' },
  { movieId: 296, label: 'Pulp Fiction' },
  { movieId: 5618, label: 'Spirited Away' },
];

function linkHandler(movieId, onPick) {
  return (e) => {
    // Let modified clicks open a new tab; a plain click stays in the page.
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onPick(movieId);
  };
}

/**
 * @param {{ client: object, models: object[], filmId: number|null, loaded: boolean, ready: boolean, onPick: (id: number) => void }} props
 */
export function SimilarFilms({ client, models, filmId, loaded, ready, onPick }) {
  const [model, setModel] = useState('ranking');
  const film = useAsync(() => (loaded && filmId !== null ? client.film(filmId) : null), [client, loaded, filmId]);
  const similar = useAsync(
    () => (ready && filmId !== null ? client.similar(filmId, { k: 10, model }) : null),
    [client, ready, filmId, model],
  );

  const x = similar.data?.film ?? film.data;
  // A shared ?film= link and the browser's history list then name the film.
  useEffect(() => {
    document.title = x ? `Films like ${filmLabel(x)} — Reel` : 'Reel — films like the ones you love';
  }, [x?.movieId]);

  if (filmId === null) {
    return (
      <div class="similar empty-state">
        <p>Pick a film to see the films most like it. Try one of these:</p>
        <p class="suggestions">
          {SUGGESTIONS.map((s) => (
            <a key={s.movieId} class="chip" href={filmHref(s.movieId)} onClick={linkHandler(s.movieId, onPick)}>
              {s.label}
            </a>
          ))}
        </p>
      </div>
    );
  }

  const error = film.error ?? similar.error;
  const neighbours = similar.data?.neighbours ?? [];

  return (
    <div class="similar" aria-busy={similar.loading ? 'true' : 'false'}>
      {x ? (
        <header class="film-x">
          <p class="eyebrow">Films like</p>
          <h3 class="film-x-title" data-movie-id={x.movieId}>
            <FilmTitle film={x} />
          </h3>
          <FilmGenres film={x} />
        </header>
      ) : null}
      {error ? (
        <p class="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {!ready && !error ? <p class="muted">Neighbours appear as soon as training finishes.</p> : null}
      {ready && !error ? (
        <div class="segmented" role="radiogroup" aria-label="Similarity">
          {models.map((c) => (
            <button
              key={c.name}
              type="button"
              role="radio"
              aria-checked={model === c.name ? 'true' : 'false'}
              title={c.description}
              onClick={() => setModel(c.name)}
            >
              {c.label}
            </button>
          ))}
        </div>
      ) : null}
      {neighbours.length > 0 ? (
        <ol class="film-list neighbours">
          {neighbours.map((n) => (
            <li key={n.movieId} class="film-item" data-movie-id={n.movieId}>
              <a class="film-link" href={filmHref(n.movieId)} onClick={linkHandler(n.movieId, onPick)}>
                <FilmTitle film={n} />
              </a>
              {n.crossGenre ? (
                <span class="badge" title="Shares no genre with the film above">
                  cross-genre
                </span>
              ) : null}
              <FilmGenres film={n} />
              <span class="similarity" title={`cosine similarity ${n.score}`}>
                <span class="similarity-track" aria-hidden="true">
                  <span class="similarity-bar" style={{ width: `${Math.max(0, n.score) * 100}%` }} />
                </span>
                <span class="similarity-value">{n.score.toFixed(2)}</span>
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
