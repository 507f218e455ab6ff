// Choose a MovieLens viewer by id, with a glimpse of the films they rated highest.
import { FilmTitle } from './FilmMeta.jsx';
import { stars } from './format.js';
import { useAsync } from './useAsync.js';

/**
 * @param {{ client: object, users: number[], userId: number|null, onChange: (id: number) => void, loading?: boolean }} props
 */
export function UserPicker({ client, users, userId, onChange, loading = false }) {
  const favourites = useAsync(() => (userId !== null ? client.favourites(userId, 5) : null), [client, userId]);

  function pickRandom() {
    if (users.length === 0) return;
    onChange(users[Math.floor(Math.random() * users.length)]);
  }

  return (
    <div class="user-picker">
      <div class="user-picker-row">
        <label for="user-select">Viewer</label>
        <select
          id="user-select"
          value={userId === null ? '' : String(userId)}
          disabled={users.length === 0}
          onChange={(e) => e.currentTarget.value !== '' && onChange(Number(e.currentTarget.value))}
        >
          <option value="">{users.length > 0 ? `Choose one of ${users.length}` : loading ? 'Loading viewers…' : 'No viewers loaded'}</option>
          {users.map((u) => (
            <option key={u} value={String(u)}>
              User {u}
            </option>
          ))}
        </select>
        <button type="button" class="button-quiet" onClick={pickRandom} disabled={users.length === 0}>
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
          <p class="eyebrow">User {favourites.data.userId} rated highest</p>
          <ul class="glimpse-list">
            {favourites.data.films.map((f) => (
              <li key={f.movieId}>
                <span class="stars" aria-label={`${f.rating} stars`}>
                  {stars(f.rating)}
                </span>{' '}
                <FilmTitle film={f} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
