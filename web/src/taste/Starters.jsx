// "Rate a few you know": about twelve films far apart in taste (the engine chooses them), so a
// handful of ratings says as much as it can. Once the visitor moves on from a film they rated, a
// film the engine chooses from their ratings so far takes its place: one they are likely to have
// seen, in a region of taste their ratings do not place yet. "Show others" asks for a fresh set
// chosen the same way (both measured by `reel eval --starters`).
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { FilmTitle, RatingCount, filmLabel } from '../films/FilmMeta.jsx';
import { filmLinkProps } from '../films/filmLinks.js';
import { RateFilm } from './RateFilm.jsx';
import { useAsync } from '../ui/useAsync.js';
import { rememberFilms } from '../films/useFilms.js';
import { memo } from '../ui/memo.js';
import { profileArrays } from './profileArrays.js';
import { useStore } from '../ui/useStore.js';

const HOW_MANY = 12;

/**
 * @param {{ client: object, store: object, ready: boolean, onPick: Function }} props
 */
function StartersView({ client, store, ready, onPick }) {
  const [round, setRound] = useState(0);
  const seen = useRef(new Set()); // every film shown so far: a fresh set never repeats one
  // k films chosen from the ratings so far, none shown before, rated, or marked unseen (on the
  // watchlist or not interested: nothing to rate). A film marked seen is still offered.
  const ask = (/** @type {number} */ k) => {
    const { list, ratings, markList } = store.get();
    const unseen = markList.filter((m) => m.mark !== 'seen').map((m) => m.movieId);
    return client.starters({ k, exclude: [...new Set([...seen.current, ...ratings.keys(), ...unseen])], ratings: profileArrays(list) });
  };
  const starters = useAsync(() => {
    if (!ready) return null;
    return ask(HOW_MANY).then((films) => {
      rememberFilms(films);
      return films;
    });
  }, [client, ready, round]);

  // The films on show: the set's, each rated one's place taken by its successor (replaced: rated
  // movieId → the film in its place), until the next set.
  const [replaced, setReplaced] = useState(() => new Map());
  // (Kept as it is when nothing was replaced: a new empty map would render the twelve a second time.)
  useEffect(() => setReplaced((m) => (m.size ? new Map() : m)), [starters.data]);
  const films = (starters.data ?? []).map(function shownIn(f) {
    const next = replaced.get(f.movieId);
    return next ? shownIn(next) : f;
  });
  for (const f of films) seen.current.add(f.movieId);

  // A rated film is replaced once the visitor moves on from it, so arrow keys going through its
  // stars, or a second thought, never lose the card under them; with focus elsewhere, at once.
  const ratings = useStore(store, (s) => s.ratings);
  const asked = useRef(new Set()); // rated films whose successor was asked for
  const waiting = useRef(new Set()); // rated films whose card still holds focus
  // One successor asked for at a time, each with the ones before it excluded: films rated at once
  // (an import, a shared link) would otherwise all be given the same film.
  const queue = useRef(Promise.resolve());
  // quiet: one of several rated at once (an import, a link), which says so itself; a sentence for
  // each of their successors would be a burst of twelve.
  function replace(film, quiet = false) {
    if (asked.current.has(film.movieId)) return;
    asked.current.add(film.movieId);
    queue.current = queue.current
      .then(() => ask(1))
      .then(([next]) => {
        if (!next) return; // every starter shown: the rated card stays
        rememberFilms([next]);
        seen.current.add(next.movieId);
        setReplaced((m) => new Map(m).set(film.movieId, next));
        if (!quiet) announce(`${filmLabel(next)} is shown in place of ${filmLabel(film)}, chosen from your ratings.`);
      })
      // No answer (the engine busy with other data, or restarting): the next render asks anew.
      .catch(() => asked.current.delete(film.movieId));
  }
  useEffect(() => {
    const rated = films.filter((f) => ratings.has(f.movieId) && !asked.current.has(f.movieId));
    for (const f of rated) {
      if (document.activeElement?.closest(`.starter[data-movie-id="${f.movieId}"]`)) waiting.current.add(f.movieId);
      else replace(f, rated.length > 1);
    }
  });
  function movedOn(e, film) {
    if (e.currentTarget.contains(e.relatedTarget) || !waiting.current.delete(film.movieId)) return;
    if (store.get().ratings.has(film.movieId)) replace(film);
  }

  function refresh() {
    setRound((r) => r + 1);
    announce(store.get().list.length > 0 ? 'Showing other films to rate, chosen from your ratings.' : 'Showing other films to rate.');
  }

  return (
    <div class="starters">
      <StartersHead rated={ratings.size > 0} canRefresh={ready && !starters.loading} onRefresh={refresh} />
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
            <li key={f.movieId} class="starter" data-movie-id={f.movieId} onFocusOut={(e) => movedOn(e, f)}>
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

/** The heading, the way down to the list the ratings make, "Show others", and what a tap does. */
function StartersHead({ rated, canRefresh, onRefresh }) {
  function toNextFilms() {
    const heading = document.getElementById('next-films-title');
    heading?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  }
  return (
    <>
      <div class="starters-head">
        <h3 id="starters-title">Rate a few you know</h3>
        {/* One column: the list these ratings make lies below all twelve films, out of sight. Its
            room is kept from the start (unseen until a first rating), so the films do not move down. */}
        <button
          type="button"
          class="link-button jump-next"
          onClick={toNextFilms}
          style={rated ? undefined : { visibility: 'hidden' }}
          aria-hidden={rated ? undefined : 'true'}
          tabIndex={rated ? 0 : -1}
        >
          See your next films <span aria-hidden="true">↓</span>
        </button>
        <button
          type="button"
          class="button-quiet"
          onClick={onRefresh}
          disabled={!canRefresh}
          title="Others you are likely to know, chosen from your ratings so far"
        >
          Show others
        </button>
      </div>
      {/* Said only where fingers rate (styles.css); a screen reader's radios name every half star. */}
      <p class="muted starters-hint" aria-hidden="true">
        Tap a star to rate; tap again to take off half.
      </p>
    </>
  );
}

/** Re-rendered only when its own props change, not whenever the page does. */
export const Starters = memo(StartersView);
