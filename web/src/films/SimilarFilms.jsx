// "Films like X": X's nearest films by the engine's chosen similarity, each with why it is there in
// the data's own words ("liked by 41 of the 117 people who loved Toy Story"), its number of
// ratings and how close it is; or the "same feel, different label" view of those sharing no genre.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { FilmGenres, FilmTitle, RatingCount, THIN_EVIDENCE, filmLabel } from './FilmMeta.jsx';
import { FilmElsewhere } from './FilmElsewhere.jsx';
import { filmLinkProps } from './filmLinks.js';
import { FilmRow } from './FilmRow.jsx';
import { keepAnswer, keptAnswer } from '../storage/keptAnswers.js';
import { describeFilters } from '../taste/filters.js';
import { formatCount } from '../ui/format.js';
import { MatchBar } from './MatchBar.jsx';
import { RateFilm } from '../taste/RateFilm.jsx';
import { Segmented } from '../ui/Segmented.jsx';
import { showNeighbours } from '../map/shownStore.js';
import { useAsync } from '../ui/useAsync.js';
import { plain } from '../storage/ratedTitles.js';
import { rememberFilms, useFilms } from './useFilms.js';
import { ShowMore } from '../ui/ShowMore.jsx';
import { PAGE, useMoreButton, useShowMore } from '../ui/useShowMore.js';

// Starting points for an empty page; MovieLens ids are stable across its releases, but data that only
// looks like MovieLens may give these ids to other films: each is offered only where it names its film.
const SUGGESTIONS = [
  { movieId: 1, label: 'Toy Story' },
  { movieId: 2571, label: 'The Matrix' },
  { movieId: 4973, label: 'Amélie' },
  { movieId: 296, label: 'Pulp Fiction' },
  { movieId: 5618, label: 'Spirited Away' },
];

const VIEWS = [
  { value: 'closest', label: 'Closest' },
  { value: 'other', label: 'Same feel, different label' },
];
const VIEW_MEANING = {
  closest: 'The films the same people loved, in any genre.',
  other: 'The nearest films that share no genre with it — from further down the list than ten.',
};

/** "Liked by 41 of the 117 people who loved Toy Story" — from the training ratings, 4 stars or more. */
export function whyText(n, x, likedFilm) {
  if (likedFilm === 0) return `Near it on the model’s map (nobody here gave ${x.name} 4 stars or more)`;
  if (n.likedBoth === 0) return `None of the ${formatCount(likedFilm)} people who loved ${x.name} loved it too: near it on the model’s map`;
  return `Liked by ${formatCount(n.likedBoth)} of the ${formatCount(likedFilm)} ${likedFilm === 1 ? 'person' : 'people'} who loved ${x.name}`;
}

/** Before a film is picked: a few well-known films to start from, those this catalogue has. */
function Suggestions({ suggested, onPick }) {
  const names = (s) => suggested.get(s.movieId); // undefined: not known yet; null: not in this catalogue
  const offered = SUGGESTIONS.filter((s) => names(s) === undefined || (names(s) && plain(names(s).name) === plain(s.label)));
  return (
    <div class="similar empty-state">
      <p>Pick a film to see the films most like it{offered.length ? '. Try one of these:' : ' — search for one above.'}</p>
      <p class="suggestions">
        {offered.map((s) => (
          <a key={s.movieId} class="chip" {...filmLinkProps(s.movieId, onPick)}>
            {s.label}
          </a>
        ))}
      </p>
    </div>
  );
}

/** Film X: its title (focused after a pick by link or keyboard), genres, number of ratings and its rating control. */
function FilmXHeader({ x, heading }) {
  return (
    <header class="film-x">
      <div class="film-x-main">
        <p class="eyebrow">Films like</p>
        <h3 class="film-x-title" data-movie-id={x.movieId} tabIndex={-1} ref={heading}>
          <FilmTitle film={x} />
        </h3>
        <div class="film-meta">
          <FilmGenres film={x} />
          <RatingCount film={x} />
          <FilmElsewhere film={x} />
        </div>
      </div>
      <RateFilm film={x} />
    </header>
  );
}

/** Why X has no neighbours, or why they rest on little. */
function EvidenceNote({ x }) {
  return (
    <>
      {x.ratings === 0 ? (
        <p class="notice" data-unrated>
          Too few people rated {x.name} for Reel to place it: nobody rated it in the ratings it learns from, so it has no neighbours yet.
          You can still rate it — it is kept with your ratings.
        </p>
      ) : null}
      {x.ratings > 0 && x.ratings < THIN_EVIDENCE ? (
        <p class="notice">
          Only {x.ratings} {x.ratings === 1 ? 'person' : 'people'} rated {x.name}, so these neighbours rest on thin evidence.
        </p>
      ) : null}
    </>
  );
}

/**
 * A new film X: after a pick by link or keyboard, focus moves to its heading; and it is said, however
 * it was picked (a link, a search, the map), unless it is the one the page opened with.
 * @param {{ movieId: number } | null} x @param {number | null} filmId @param {number} focusKey @param {{ current: HTMLElement | null }} heading
 */
function useFilmXShown(x, filmId, focusKey, heading) {
  const focused = useRef(0);
  // After a pick by link or keyboard, focus moves to the new film's heading.
  useEffect(() => {
    if (!x || focusKey === focused.current) return;
    focused.current = focusKey;
    heading.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the film, not by its object, which each answer makes anew
  }, [focusKey, x?.movieId]);

  // Every new film X is said, however it was picked (a link, a search, the map), but not the one
  // the page opened with.
  const said = useRef(filmId);
  useEffect(() => {
    if (!x || x.movieId === said.current) return;
    said.current = x.movieId;
    announce(`Now showing films like ${filmLabel(x)}.`);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the film, not by its object, which each answer makes anew
  }, [x?.movieId]);
}

/**
 * @param {{ client: object, filmId: number|null, loaded: boolean, ready: boolean, model: string, filter: object|undefined,
 *           filters: object, focusKey: number, onPick: Function, onOpenFilters: () => void,
 *           answers?: { storage: Storage|null, build: string }|null, maxResults?: number|null }} props
 *   answers: where answers are kept for a return visit (keptAnswers.js); null: not kept (a dropped MovieLens)
 *   maxResults: the engine's cap on a list, which "Show more" stays within
 */
export function SimilarFilms(props) {
  const { client, filmId, loaded, ready, model, filter, filters, focusKey, onPick, onOpenFilters, answers = null } = props;
  const [view, setView] = useState('closest');
  const showMore = useShowMore(`${filmId}:${view}`, props.maxResults);
  const { k } = showMore;
  const listRef = useRef(null);
  const filterKey = JSON.stringify(filter ?? null);
  const query = { movieId: filmId, view, filter: filterKey, model: model ?? '' };
  const film = useAsync(() => (loaded && filmId !== null ? client.film({ movieId: filmId }) : null), [client, loaded, filmId]);
  const similar = useAsync(() => {
    if (!ready || filmId === null || !model) return null;
    const f = view === 'other' ? { ...filter, otherGenres: true } : filter;
    return client.similar({ movieId: filmId, k, model, filter: f }).then((r) => {
      rememberFilms([r.film, ...r.neighbours]);
      if (answers && k === PAGE) keepAnswer(answers.storage, answers.build, query, r); // a return visit opens on ten
      return r;
    });
  }, [client, ready, filmId, model, view, filterKey, k]);
  // Until the engine answers, the answer this build gave on an earlier visit, if one is kept (kept
  // past ready too, until the engine's own arrives, so the list never blinks out in between).
  const kept = useMemo(
    () => (answers && filmId !== null ? keptAnswer(answers.storage, answers.build, query) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by what the query is made of; `query` itself is a new object each render
    [answers, filmId, view, filterKey, model],
  );

  const suggested = useFilms(
    client,
    SUGGESTIONS.map((s) => s.movieId),
    loaded && filmId === null,
  );
  const x = similar.data?.film?.movieId === filmId ? similar.data.film : film.data?.movieId === filmId ? film.data : (kept?.film ?? null);
  const heading = useRef(null);

  // A shared ?film= link and the browser's history list then name the film.
  useEffect(() => {
    document.title = x ? `Films like ${filmLabel(x)} — Reel` : 'Reel — films like the ones you love';
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the film, not by its object, which each answer makes anew
  }, [x?.movieId]);

  useFilmXShown(x, filmId, focusKey, heading);

  // The map highlights the very neighbours on show here.
  const shownData = similar.data?.film?.movieId === filmId ? similar.data : null;
  const shownKey = shownData ? shownData.neighbours.map((n) => n.movieId).join(',') : '';
  useEffect(() => {
    showNeighbours(filmId, shownData ? shownData.neighbours.map((n) => n.movieId) : []);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the neighbours shown (shownKey), not by the answer object
  }, [filmId, shownKey]);

  const data = similar.data?.film?.movieId === filmId ? similar.data : kept;
  const neighbours = data?.neighbours ?? [];
  const more = useMoreButton(showMore, { shown: neighbours.length, answer: data, list: listRef });

  if (filmId === null) {
    return <Suggestions suggested={suggested} onPick={onPick} />;
  }

  const error = film.error ?? similar.error;
  const narrowed = describeFilters(filters);

  return (
    <div class="similar" aria-busy={similar.loading ? 'true' : 'false'}>
      {x ? <FilmXHeader x={x} heading={heading} /> : null}
      {error ? (
        <p class="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {x ? <EvidenceNote x={x} /> : null}
      {x && x.ratings > 0 ? (
        <div class="similar-controls">
          <Segmented label="Which films like it" options={VIEWS} value={view} onChange={setView} />
          <p class="muted small view-meaning">
            {VIEW_MEANING[view]} “Loved” means rated 4 stars or more.
            {narrowed ? (
              <>
                {' '}
                Filters: {narrowed}.{' '}
                <button type="button" class="link-button" onClick={onOpenFilters}>
                  Change filters
                </button>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {/* Room for ten is kept while they come, the notes inside it, so nothing below moves. */}
      <div class={`neighbour-area${x?.ratings === 0 ? ' is-empty' : ''}`}>
        {!ready && !kept && !error && x?.ratings !== 0 ? (
          <p class="muted area-note">Its neighbours appear as soon as the model has trained.</p>
        ) : null}
        {data && !data.unrated && neighbours.length === 0 && !similar.loading ? (
          <p class="muted area-note">No film like it passes your filters — widen them to see more.</p>
        ) : null}
        <ol
          class="film-list neighbours"
          ref={listRef}
          aria-label={x ? `Films like ${filmLabel(x)}` : 'Films like it'}
          hidden={neighbours.length === 0}
          data-kept={data === kept && kept ? 'true' : undefined}
        >
          {neighbours.map((n) => (
            <FilmRow
              key={n.movieId}
              film={n}
              onPick={onPick}
              badge={
                n.otherGenre && view === 'closest' ? (
                  <span class="badge" title="Shares no genre with the film above">
                    other genre
                  </span>
                ) : null
              }
            >
              <p class="why">
                <MatchBar score={n.score} />
                <span class="why-text">{whyText(n, x, data.likedFilm)}</span>
              </p>
            </FilmRow>
          ))}
        </ol>
        {x && neighbours.length > 0 ? <ShowMore more={more} label={`Show more films like ${filmLabel(x)}`} /> : null}
      </div>
    </div>
  );
}
