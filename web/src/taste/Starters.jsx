// "Rate a few you know": about twelve films far apart in taste (the engine chooses them), so a
// handful of ratings says as much as it can. "Show others" asks for a fresh set, which the engine
// chooses from the visitor's ratings so far: films they are likely to have seen, in the regions
// of taste their ratings do not place yet (measured by `reel eval --starters`).
import { useRef, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { FilmTitle, RatingCount } from '../films/FilmMeta.jsx';
import { filmLinkProps } from '../films/filmLinks.js';
import { RateFilm } from './RateFilm.jsx';
import { useAsync } from '../ui/useAsync.js';
import { rememberFilms } from '../films/useFilms.js';
import { memo } from '../ui/memo.js';
import { profileArrays } from './profileArrays.js';

const HOW_MANY = 12;

/**
 * @param {{ client: object, store: object, ready: boolean, onPick: Function }} props
 */
function StartersView({ client, store, ready, onPick }) {
  const [round, setRound] = useState(0);
  const seen = useRef(new Set()); // every film shown so far: a fresh set never repeats one
  const starters = useAsync(() => {
    if (!ready) return null;
    const { list, ratings } = store.get();
    const exclude = [...new Set([...seen.current, ...ratings.keys()])];
    return client.starters({ k: HOW_MANY, exclude, ratings: profileArrays(list) }).then((films) => {
      rememberFilms(films);
      return films;
    });
  }, [client, ready, round]);

  const films = starters.data ?? [];
  for (const f of films) seen.current.add(f.movieId);

  function refresh() {
    setRound((r) => r + 1);
    announce(store.get().list.length > 0 ? 'Showing other films to rate, chosen from your ratings.' : 'Showing other films to rate.');
  }

  return (
    <div class="starters">
      <div class="starters-head">
        <h3 id="starters-title">Rate a few you know</h3>
        <button
          type="button"
          class="button-quiet"
          onClick={refresh}
          disabled={!ready || starters.loading}
          title="Others you are likely to know, chosen from your ratings so far"
        >
          Show others
        </button>
      </div>
      {starters.error ? (
        <p class="inline-error" role="alert">
          {starters.error}
        </p>
      ) : null}
      {/* The twelve's room is kept from the start, and the notes sit inside it, so nothing below
          moves when the films arrive. */}
      <div class="starter-area">
        {!ready ? (
          <p class="muted area-note">Well-known films to start with appear when training finishes. You can search for any film already.</p>
        ) : null}
        {ready && starters.data && films.length === 0 ? (
          <p class="muted area-note">You have seen every film Reel starts with — search for any other.</p>
        ) : null}
        <ul class="starter-grid" aria-labelledby="starters-title" aria-busy={starters.loading ? 'true' : 'false'}>
          {films.map((f) => (
            <li key={f.movieId} class="starter" data-movie-id={f.movieId}>
              <span>
                <a class="starter-title" title="See films like this one" {...filmLinkProps(f.movieId, onPick)}>
                  <FilmTitle film={f} />
                </a>
                <span class="film-meta">
                  <RatingCount film={f} />
                </span>
              </span>
              <RateFilm film={f} compact />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Re-rendered only when its own props change, not whenever the page does. */
export const Starters = memo(StartersView);
