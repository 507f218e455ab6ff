// A MovieLens viewer's next films: the engine's choice of model for viewers, never a film they rated.
import { FilmRow } from '../films/FilmRow.jsx';
import { useAsync } from '../ui/useAsync.js';

/**
 * @param {{ client: object, userId: number|null, ready: boolean, model: string, onPick: Function }} props
 */
export function Recommendations({ client, userId, ready, model, onPick }) {
  const recs = useAsync(
    () => (ready && userId !== null && model ? client.recommend({ userId, k: 10, model }) : null),
    [client, ready, userId, model],
  );

  if (userId === null) return <p class="muted">Choose a viewer to see what they might watch next.</p>;
  if (!ready) return <p class="muted">Their next films appear as soon as the model has trained.</p>;
  if (recs.error) {
    return (
      <p class="inline-error" role="alert">
        {recs.error}
      </p>
    );
  }
  if (!recs.data) return <p class="muted">Finding their next films…</p>;

  return (
    <div class="recommendations">
      <p class="eyebrow">Next for viewer {recs.data.userId}</p>
      <ol class="film-list recs" aria-label={`Next films for viewer ${recs.data.userId}`}>
        {recs.data.films.map((f) => (
          <FilmRow key={f.movieId} film={f} onPick={onPick} />
        ))}
      </ol>
    </div>
  );
}
