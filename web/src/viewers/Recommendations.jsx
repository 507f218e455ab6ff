// A MovieLens viewer's next films: the default list (the engine's choice of model for viewers,
// re-ranked to their taste), never a film they rated. `model` is the one that must have trained.
import { useRef } from 'preact/hooks';
import { FilmRow } from '../films/FilmRow.jsx';
import { ShowMore } from '../ui/ShowMore.jsx';
import { useAsync } from '../ui/useAsync.js';
import { useMoreButton, useShowMore } from '../ui/useShowMore.js';

/**
 * @param {{ client: object, userId: number|null, ready: boolean, model: string, onPick: Function, maxResults?: number|null }} props
 */
export function Recommendations({ client, userId, ready, model, onPick, maxResults = null }) {
  const showMore = useShowMore(String(userId), maxResults);
  const { k } = showMore;
  const listRef = useRef(null);
  const recs = useAsync(
    () => (ready && userId !== null && model ? client.recommend({ userId, k }) : null),
    [client, ready, userId, model, k],
  );
  // A viewer chosen a moment ago: the last viewer's answer is not theirs.
  const data = recs.data?.userId === userId ? recs.data : null;
  const more = useMoreButton(showMore, { shown: data?.films.length ?? 0, answer: data, list: listRef });

  if (userId === null) return <p class="muted">Choose a viewer to see what they might watch next.</p>;
  if (!ready) return <p class="muted">Their next films appear as soon as the model has trained.</p>;
  if (recs.error) {
    return (
      <p class="inline-error" role="alert">
        {recs.error}
      </p>
    );
  }
  if (!data) return <p class="muted">Finding their next films…</p>;

  return (
    <div class="recommendations">
      <p class="eyebrow">Next for viewer {data.userId}</p>
      <ol class="film-list recs" ref={listRef} aria-label={`Next films for viewer ${data.userId}`}>
        {data.films.map((f) => (
          <FilmRow key={f.movieId} film={f} onPick={onPick} />
        ))}
      </ol>
      <ShowMore more={more} label={`Show more next films for viewer ${data.userId}`} />
    </div>
  );
}
