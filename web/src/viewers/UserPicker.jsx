// Choose a MovieLens viewer — named by how many films they rated and their favourite, not by a bare
// number — with a glimpse of the films they rated highest.
import { announce } from '../ui/announcer.js';
import { FilmTitle } from '../films/FilmMeta.jsx';
import { filmLinkProps } from '../films/filmLinks.js';
import { formatCount } from '../ui/format.js';
import { RateFilm } from '../taste/RateFilm.jsx';
import { Stars } from '../ui/Stars.jsx';
import { useAsync } from '../ui/useAsync.js';

// A select of every viewer is fine for latest-small's 610, not for a dropped MovieLens's 160,000:
// past this many, it lists those who rated most (and the one chosen), and "Surprise me" picks from all.
export const MAX_LISTED = 1000;

/** The viewers the select lists: all of them, or the MAX_LISTED who rated most and the chosen one, in id order. */
export function listedViewers(viewers, userId = null) {
  if (viewers.length <= MAX_LISTED) return viewers;
  const most = [...viewers].sort((a, b) => b.ratings - a.ratings || a.userId - b.userId).slice(0, MAX_LISTED);
  const picked = viewers.find((v) => v.userId === userId);
  if (picked && !most.includes(picked)) most.push(picked);
  return most.sort((a, b) => a.userId - b.userId);
}

/** "Viewer 414 · 2,698 ratings · loves Shawshank Redemption". */
export function viewerName(v) {
  const fav = v.favourite ? ` · loves ${v.favourite.name}` : '';
  return `Viewer ${v.userId} · ${formatCount(v.ratings)} ratings${fav}`;
}

/**
 * @param {{ client: object, viewers: object[], userId: number|null, onChange: (id: number) => void, loading?: boolean, onPick: Function }} props
 */
export function UserPicker({ client, viewers, userId, onChange, loading = false, onPick }) {
  const favourites = useAsync(() => (userId !== null ? client.favourites({ userId, k: 5 }) : null), [client, userId]);
  const chosen = viewers.find((v) => v.userId === userId);
  const listed = listedViewers(viewers, userId);
  const some = listed.length < viewers.length ? ` (listed: the ${formatCount(MAX_LISTED)} who rated most)` : '';

  function pickRandom() {
    if (viewers.length === 0) return;
    const v = viewers[Math.floor(Math.random() * viewers.length)];
    onChange(v.userId);
    announce(`Showing ${viewerName(v)}.`); // focus stays on the button: the choice is said
  }

  return (
    <div class="user-picker">
      <div class="user-picker-row">
        <label for="user-select">Viewer</label>
        <select
          id="user-select"
          value={userId === null ? '' : String(userId)}
          disabled={viewers.length === 0 && !loading}
          aria-busy={loading ? 'true' : 'false'}
          onChange={(e) => e.currentTarget.value !== '' && onChange(Number(e.currentTarget.value))}
        >
          <option value="">
            {viewers.length > 0
              ? `Choose one of ${formatCount(viewers.length)}${some}`
              : loading
                ? 'Loading viewers…'
                : 'No viewers loaded'}
          </option>
          {listed.map((v) => (
            <option key={v.userId} value={String(v.userId)}>
              {viewerName(v)}
            </option>
          ))}
        </select>
        <button type="button" class="button-quiet" onClick={pickRandom} disabled={viewers.length === 0}>
          Surprise me
        </button>
      </div>
      {favourites.error ? (
        <p class="inline-error" role="alert">
          {favourites.error}
        </p>
      ) : null}
      {favourites.data ? (
        <div class="glimpse">
          <p class="eyebrow">
            {chosen
              ? `Viewer ${chosen.userId} (${formatCount(chosen.ratings)} ratings) rated highest`
              : `Viewer ${favourites.data.userId} rated highest`}
          </p>
          <p class="muted small glimpse-key">Their stars before each title; yours after it, to rate any you have seen.</p>
          <ul class="glimpse-list">
            {favourites.data.films.map((f) => (
              <li key={f.movieId} data-movie-id={f.movieId}>
                <Stars value={f.rating} />{' '}
                <a class="film-link" {...filmLinkProps(f.movieId, onPick)}>
                  <FilmTitle film={f} />
                </a>
                <RateFilm film={f} compact />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
