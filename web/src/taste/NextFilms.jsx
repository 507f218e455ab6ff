// "Your next films": the visitor's ratings folded into a model in the worker, ten films back within
// a frame or two of each rating, each with the rated films that pushed it up most; more on request.
// A film the visitor marked (seen, not interested, watchlist) is never offered.
import { useEffect, useRef } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { FilmRow } from '../films/FilmRow.jsx';
import { describeFilters } from './filters.js';
import { listText, starsText } from '../ui/format.js';
import { useAsync } from '../ui/useAsync.js';
import { showNext } from '../map/shownStore.js';
import { rememberFilms } from '../films/useFilms.js';
import { useStore } from '../ui/useStore.js';
import { ShowMore } from '../ui/ShowMore.jsx';
import { useMoreButton, useShowMore } from '../ui/useShowMore.js';
import { TooManyRatings } from './TooManyRatings.jsx';
import { profileArrays } from './profileArrays.js';

/** "Because you rated Toy Story 5 stars and Amélie 4 stars" — the reason line every pick carries. */
export function reasonText(pick, { fromPopularity }) {
  if (fromPopularity) return 'Because you have not yet rated a film you liked, this is one of the most-rated films.';
  // No rated film adds to its score: it is carried by its own appeal, and saying a count of films
  // "together point to it" ("1 film that together…") would claim what the model did not do.
  if (pick.because.length === 0)
    return 'Because your ratings leave it in: none of them pushes it up; it is here on how well it is liked overall.';
  return `Because you rated ${listText(pick.because.map((b) => `${b.name} ${starsText(b.stars)}`))}.`;
}

/**
 * A change of filters asks for the lists again while focus stays on the filter: the new list is
 * said once its answer is in (not the first list, nor one that answers a new rating).
 */
function useSaidOnNewFilters(data, filterKey, count, narrowed) {
  const said = useRef(filterKey);
  useEffect(() => {
    if (!data || data.filterKey === said.current) return;
    said.current = data.filterKey;
    const which = narrowed ? ` (${narrowed})` : '';
    announce(
      count > 0 ? `Your next films, filtered${which}: ${count} films.` : `No film passes your filters${which} — widen them to see more.`,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- said when an answer arrives
  }, [data]);
}

function EmptyState() {
  return (
    <div class="next-empty">
      <p>
        <strong>Rate a few films you have seen</strong> and your next ten appear here, each with the ratings behind it.
      </p>
      <p class="muted">
        Start with “Rate a few you know”, or find any film with the search. Half stars are fine; one rating is enough to begin.
      </p>
    </div>
  );
}

/**
 * @param {{ client: object, store: object, ready: boolean, model: string, labelOf: (name: string) => string, filter: object|undefined,
 *           filters: object, onPick: Function, maxResults?: number|null, maxProfile?: number|null, children?: any }} props
 *   children: controls above the list; maxProfile: the most ratings the engine folds in (over it the visitor chooses which)
 */
export function NextFilms({
  client,
  store,
  ready,
  model,
  labelOf,
  filter,
  filters,
  onPick,
  maxResults = null,
  maxProfile = null,
  children,
}) {
  const { list, ratings, marks, version } = useStore(store);
  const over = maxProfile !== null && list.length > maxProfile; // the engine would refuse the whole profile: ask first
  const filterKey = JSON.stringify(filter ?? null);
  const listRef = useRef(null);
  const showMore = useShowMore(list.length > 0 ? 'rated' : 'none', maxResults);
  const { k } = showMore;
  const recs = useAsync(() => {
    if (!ready || list.length === 0 || over) return null;
    const seen = [...marks.keys()]; // seen, not interested or on the watchlist: never offered
    return client.recommendFor({ ratings: profileArrays(list), seen, k, model, filter }).then((r) => {
      rememberFilms(r.films); // a film rated from this list shows at once in "Your ratings"
      return { ...r, version, filterKey };
    });
  }, [client, ready, version, model, filterKey, k]);

  const data = list.length > 0 && !over ? recs.data : null;
  // While a newer answer is on its way, a film rated or marked a moment ago is already gone from the list.
  const picks = (data?.films ?? []).filter((f) => !ratings.has(f.movieId) && !marks.has(f.movieId));
  const more = useMoreButton(showMore, { shown: picks.length, answer: data, list: listRef });
  const answered = data?.version ?? (list.length === 0 ? version : -1);
  const pickKey = picks.map((f) => f.movieId).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the films shown (pickKey), not by the list object
  useEffect(() => showNext(picks.map((f) => f.movieId)), [pickKey]); // the map rings the same films
  const narrowed = describeFilters(filters);
  useSaidOnNewFilters(data, filterKey, picks.length, narrowed);

  return (
    <div class="next-films" data-focus-fallback="next-films-title">
      <div class="next-head">
        <h3 id="next-films-title" tabIndex={-1}>
          Your next films
        </h3>
        <p class="muted small next-by">
          {!ready
            ? 'The model is not ready yet'
            : data?.model
              ? `Picked by the ${labelOf(data.model).toLowerCase()}${data.mixedIn ? `, with ${Math.round(data.mix * 100)} % of the ${labelOf(data.mixedIn).toLowerCase()}’s scores` : ''}`
              : data?.fromPopularity
                ? 'The most-rated films, for now'
                : 'Picked by the model that suits your number of ratings'}
          {narrowed ? ` · filters: ${narrowed}` : ''}
        </p>
      </div>
      {children}
      {maxProfile !== null ? <TooManyRatings store={store} count={list.length} max={maxProfile} /> : null}
      {list.length === 0 ? <EmptyState /> : null}
      {list.length > 0 && !ready ? (
        <p class="muted next-wait">Your next films appear as soon as the model has trained — a second or two.</p>
      ) : null}
      {recs.error && list.length > 0 ? (
        <p class="inline-error" role="alert">
          {recs.error}
        </p>
      ) : null}
      {data?.fromPopularity ? (
        <p class="notice" data-from-popularity>
          Nothing you have rated so far is a film you liked, so for now these are simply the most-rated films you have not rated. Rate a
          film you liked and this list becomes yours.
        </p>
      ) : null}
      {data && data.unrated.length > 0 ? (
        <p class="muted small">
          {data.unrated.length} of the films you rated had no ratings to learn from, so they cannot steer this list (they are still kept).
        </p>
      ) : null}
      {data && data.unknown.length > 0 ? (
        <p class="muted small">
          {data.unknown.length} of your ratings {data.unknown.length === 1 ? 'is for a film' : 'are for films'} this catalogue does not
          hold.
        </p>
      ) : null}
      {data && picks.length === 0 && !recs.loading ? <p class="muted">No film passes your filters — widen them to see more.</p> : null}
      <ol
        class="film-list next-list"
        ref={listRef}
        aria-labelledby="next-films-title"
        aria-busy={recs.loading ? 'true' : 'false'}
        data-version={version}
        data-answers={answered}
        data-from-popularity={data?.fromPopularity ? 'true' : 'false'}
        hidden={picks.length === 0}
      >
        {picks.map((f) => (
          <FilmRow key={f.movieId} film={f} onPick={onPick}>
            <p class="reason">{reasonText(f, { fromPopularity: data.fromPopularity })}</p>
          </FilmRow>
        ))}
      </ol>
      {picks.length > 0 ? <ShowMore more={more} label="Show more of your next films" /> : null}
    </div>
  );
}
