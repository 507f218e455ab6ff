// "The map of taste": an extra view of what the lists say — every well-rated film placed by the
// neighbours model's vectors, laid out in the worker after ready (progress shown), coloured by its
// most distinctive genre. The drawing code (and d3-zoom) loads only when the map is about to be
// seen; until then, and while the layout is computed, its room is kept so nothing below moves.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { filmLabel } from '../films/FilmMeta.jsx';
import { FilmSearch } from '../films/FilmSearch.jsx';
import { MapCard } from './MapCard.jsx';
import { formatCount, formatPercent } from '../ui/format.js';
import { GROUPS, OTHER, colourOf, groupName, mainGroups } from './genreColours.js';
import { shownStore } from './shownStore.js';
import { useStore } from '../ui/useStore.js';
import { useVisible } from '../ui/useVisible.js';
import { memo } from '../ui/memo.js';

const pct = (x) => formatPercent(x).replace('+', '');

function Legend({ map }) {
  const counts = useMemo(() => {
    const c = new Array(GROUPS.length + 1).fill(0);
    if (map) for (const g of mainGroups(map.genres, map.genreNames)) c[g] += 1;
    return c;
  }, [map]);
  const groups = [...GROUPS.map((_, g) => g), OTHER].filter((g) => !map || counts[g] > 0);
  return (
    <ul class="map-legend" aria-label="Colours: each film’s most distinctive genre">
      {groups.map((g) => (
        <li key={g}>
          <span class="swatch" style={{ background: colourOf(g) }} aria-hidden="true" />
          {groupName(g)}
          {map ? <span class="muted"> {formatCount(counts[g])}</span> : null}
        </li>
      ))}
      <li>
        <span class="swatch swatch-ring" aria-hidden="true" />
        Your ratings
      </li>
      <li>
        <span class="swatch swatch-ring swatch-next" aria-hidden="true" />
        Your next films
      </li>
    </ul>
  );
}

/** Its own component: the layout's ~90 steps re-render this bar, not the whole section around it. */
function LayoutProgress({ progress, ready, laidOut }) {
  const step = useStore(progress, (s) => s.progress.map ?? null);
  const text = !ready
    ? 'The map is drawn once the models have trained.'
    : laidOut
      ? 'Drawing…'
      : step
        ? `Placing the films: step ${step.epoch} of ${step.epochs}`
        : 'Placing the films…';
  return (
    <>
      <p class="muted">{text}</p>
      <div
        class="bar map-bar"
        role="progressbar"
        aria-label="Map layout"
        aria-valuemin="0"
        aria-valuemax={String(step?.epochs ?? 1)}
        aria-valuenow={String(laidOut ? (step?.epochs ?? 1) : (step?.epoch ?? 0))}
      >
        <span class="bar-fill" style={{ '--done': laidOut ? 1 : step ? step.epoch / step.epochs : 0 }} />
      </div>
    </>
  );
}

/**
 * @param {object} props
 * @param {object|null} props.map  the worker's map, once laid out (or restored)
 * @param {string|null} props.error
 * @param {object} props.progress  the store the map's layout progress arrives in
 * @param {boolean} props.ready  the models are ready (the layout starts then)
 * @param {number|null} props.filmId  film X
 * @param {object} props.store  the visitor's ratings
 * @param {object} props.client  the engine client, for film X's details on the card
 * @param {boolean} props.loaded  the ratings are in
 * @param {(q: string) => Promise<object[]>} props.search
 * @param {(movieId: number, how?: object) => void} props.onPick
 */
function MapSectionView({ map, error, progress, ready, filmId, store, search, onPick, client, loaded }) {
  const section = useRef(null);
  const near = useVisible(section, { rootMargin: '600px' });
  const [View, setView] = useState(null);
  const [flyTo, setFlyTo] = useState(null);
  const [notOnMap, setNotOnMap] = useState(null);
  const shown = useStore(shownStore);
  const rated = useStore(store, (s) => s.list);
  const onMap = useMemo(() => (map ? new Set(map.movieIds) : null), [map]);

  useEffect(() => {
    if (!map || !near || View) return;
    import('./MapView.jsx').then((m) => setView(() => m.MapView));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the view is loaded once, when first needed; having it is what stops a second load
  }, [map, near]);

  // A new film X is flown to, wherever it was chosen; a note that a searched film is not on the map
  // goes with the film X or the map it was about.
  useEffect(() => {
    setNotOnMap(null);
    if (filmId !== null && onMap?.has(filmId)) setFlyTo((f) => ({ movieId: filmId, n: (f?.n ?? 0) + 1 }));
  }, [filmId, onMap]);

  function find(film) {
    if (!onMap?.has(film.movieId)) {
      setNotOnMap(film);
      return;
    }
    setNotOnMap(null);
    setFlyTo((f) => ({ movieId: film.movieId, n: (f?.n ?? 0) + 1 }));
    onPick(film.movieId, { stay: true });
  }

  // Worked out again only when what it marks changes: with 20,000 ratings, listing their ids on every
  // render cost a rating 10 ms, and a new object redrew the map's marks each time.
  const ratedIds = useMemo(() => rated.map((r) => r.movieId), [rated]);
  const marks = useMemo(
    () => ({ x: filmId, neighbours: shown.neighboursOf === filmId ? shown.neighbours : [], rated: ratedIds, next: shown.next }),
    [filmId, shown, ratedIds],
  );
  const state = map ? (View ? 'drawn' : 'laid-out') : error ? 'failed' : ready ? 'laying-out' : 'waiting';
  const xOnMap = filmId !== null && onMap?.has(filmId);

  return (
    <section class="panel map-panel" id="map" aria-labelledby="map-title" ref={section} data-state={state}>
      <div class="map-head">
        <h2 id="map-title">The map of taste</h2>
        <div class="map-find">
          <FilmSearch search={search} onPick={find} disabled={!map} label="Find on the map" placeholder="A title — the map flies to it" />
        </div>
      </div>
      <p class="muted map-description" id="map-description">
        {map ? `The ${formatCount(map.movieIds.length)} films` : 'Every film'} with at least ten ratings, placed so that films the same
        people love sit close together: the film vectors that find “films like X”, laid out in two dimensions in this browser. A dot’s
        colour is its most distinctive genre; the legend counts the films of each colour.{' '}
        {xOnMap ? 'Film X is ringed, with lines to its ten neighbours from the list above. ' : ''}
        {rated.length
          ? `Your ${rated.length} rated ${rated.length === 1 ? 'film has' : 'films have'} a thin ring in the colour of this text, your next films an orange one. `
          : ''}
        {map
          ? `The map keeps ${pct(map.figures.map)} of each film’s ten nearest by taste among its ten nearest here (two dimensions cannot keep them all; a flat PCA projection keeps ${pct(map.figures.pca)}). Everything on it is also in the lists.`
          : 'Everything on it is also in the lists.'}
      </p>
      {notOnMap ? (
        <p class="notice" role="status">
          {filmLabel(notOnMap)} has {notOnMap.ratings ? `only ${notOnMap.ratings}` : 'no'} {notOnMap.ratings === 1 ? 'rating' : 'ratings'}{' '}
          to learn from, too few to place it on the map.
        </p>
      ) : null}
      <div class="map-area">
        {map && View ? (
          <View map={map} marks={marks} flyTo={flyTo} onPick={(id) => onPick(id, { stay: true })} />
        ) : (
          <div class="map-placeholder">
            {error ? (
              <p class="inline-error" role="alert">
                {error}
              </p>
            ) : (
              <LayoutProgress progress={progress} ready={ready} laidOut={Boolean(map)} />
            )}
          </div>
        )}
      </div>
      {xOnMap ? <MapCard client={client} filmId={filmId} loaded={loaded} /> : null}
      <Legend map={map} />
      <p class="muted small" id="map-keys">
        Drag, or use the arrow keys, to move; scroll, pinch or press + and − to zoom, and 0 to see it all. Point at a film — or steer the
        crosshair onto it — for its name; click it, or press Enter, for films like it.
      </p>
    </section>
  );
}

/** Re-rendered only when its own props change, not whenever the page does. */
export const MapSection = memo(MapSectionView);
