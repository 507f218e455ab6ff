// The page: loads the engine and the data in the worker (search works as soon as the films are in),
// restores the models kept in this browser or trains them, keeps them, then lays out the map; and
// wires the visitor's taste, films like X, the map, MovieLens viewers and the numbers. It re-renders
// on phase changes and when a model finishes — never per epoch or per downloaded chunk (the
// training card and the map follow those through their own stores). A MovieLens the visitor drops
// or picks goes through the same cycle from its File objects; "Back" loads the bundled one again.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AboutPanel } from './site/AboutPanel.jsx';
import { BUILD } from './site/buildInfo.js';
import { Announcer } from './ui/Announcer.jsx';
import { BUNDLED_NAME, DatasetChooser } from './training/DatasetChooser.jsx';
import { DropOverlay } from './training/DropOverlay.jsx';
import { ErrorPanel } from './ui/ErrorPanel.jsx';
import { FilmSearch } from './films/FilmSearch.jsx';
import { NO_FILTERS, engineFilter } from './taste/filters.js';
import { MapSection } from './map/MapSection.jsx';
import { maskRatings } from './taste/maskedRatings.js';
import { NumbersPanel } from './numbers/NumbersPanel.jsx';
import { createRatingsStore, followOtherTabs } from './taste/ratingsStore.js';
import { RatingsContext } from './taste/ratingsContext.js';
import { readShare } from './storage/shareLink.js';
import { SimilarFilms } from './films/SimilarFilms.jsx';
import { createTrainingStore } from './training/trainingStore.js';
import { TrainingProgress } from './training/TrainingProgress.jsx';
import { UpdateNotice } from './site/UpdateNotice.jsx';
import { pushFilmId, readFilmId } from './films/urlState.js';
import { useCarriedRatings } from './taste/useCarriedRatings.js';
import { forgetFilms, rememberFilms } from './films/useFilms.js';
import { useFileDrop } from './training/useFileDrop.js';
import { ViewersPanel } from './viewers/ViewersPanel.jsx';
import { YourTaste } from './taste/YourTaste.jsx';

const BUNDLED = Object.freeze({ kind: 'bundled', name: BUNDLED_NAME });
const nameOf = (files) => (files.length === 1 ? files[0].name : files.map((f) => f.name).join(' + '));

function describeError(e, title) {
  return e?.fatal
    ? { title: 'The engine stopped', message: e.message, detail: e.detail }
    : { title, message: e?.message ?? String(e), detail: e?.detail };
}

/**
 * @param {{ client: object, dataUrl: string, store?: object, storage?: Storage|null, onReady?: () => void }} props
 *   store: the visitor's ratings (main.jsx passes one kept in localStorage; tests may pass their own)
 *   storage: where the films of those ratings are noted (ratedTitles.js); none: for this tab only
 *   onReady: called once the models are ready (main.jsx registers the service worker then)
 */
export function App({ client, dataUrl, store: givenStore, storage = null, onReady }) {
  const [store] = useState(() => givenStore ?? createRatingsStore({ storage: null }));
  const [keptAnswersAt] = useState(() => ({ storage, build: BUILD.id })); // films-like-X answers kept for a return visit
  const [dataset, setDataset] = useState(BUNDLED); // the MovieLens in use, or on its way
  const [source, setSource] = useState(null); // how a dropped one was read: the worker's account
  const [heapBytes, setHeapBytes] = useState(null);
  const [refusal, setRefusal] = useState(null); // { name, message }: a dropped MovieLens the page could not use
  const run = useRef(0); // one more per start: answers for an earlier start are let go
  const inUse = useRef(BUNDLED); // the last MovieLens loaded in full: where a refused drop goes back to
  const [training] = useState(createTrainingStore); // download and training progress, for the training card
  const [background] = useState(createTrainingStore); // the map's layout progress, for the map
  const [phase, setPhase] = useState('loading'); // loading → (restoring | training ⇄ paused) → ready, or error
  const [loadStage, setLoadStage] = useState('download');
  const [searchable, setSearchable] = useState(false); // the films are in: search works
  const [info, setInfo] = useState(null);
  const [trained, setTrained] = useState(() => new Set());
  const [trainMs, setTrainMs] = useState(null);
  const [restored, setRestored] = useState(null);
  const [kept, setKept] = useState(null);
  const [round, setRound] = useState(0); // one more each time the models become ready
  const [map, setMap] = useState({ data: null, error: null });
  const [error, setError] = useState(null);
  const [filmId, setFilmId] = useState(() => readFilmId());
  const [focusKey, setFocusKey] = useState(0);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [nextModel, setNextModel] = useState(null); // null: the engine's choice for visitors
  const [shareOffer, setShareOffer] = useState(() => (typeof window !== 'undefined' ? readShare(window.location.hash) : null));

  useEffect(() => followOtherTabs(store), [store]);

  // A worker whose module trapped has been replaced; what it knew is gone, so start again on Retry.
  useEffect(
    () =>
      client.onCrash?.((e) => {
        setError(describeError(e));
        setPhase('error');
      }),
    [client],
  );

  const markTrained = (name) => setTrained((s) => (s.has(name) ? s : new Set(s).add(name)));

  // Restores the kept models or trains (fresh: "retrain here"), then keeps what was trained.
  const train = useCallback(
    async ({ fresh = false } = {}) => {
      const mine = run.current;
      setPhase('training');
      if (fresh) {
        setTrained(new Set());
        setRestored(null);
        setKept(null);
        setMap({ data: null, error: null });
        training.reset();
      }
      try {
        const r = await client.train({ fresh }, (p) => {
          if (mine !== run.current) return;
          if (p.stage === 'restore') {
            setPhase('restoring');
            return;
          }
          training.update(p);
          // "Retrain here" on a dropped MovieLens reads its file again before the epochs begin.
          const reading = p.stage === 'read' || p.stage === 'unzip' || p.stage === 'parse';
          if (reading) setLoadStage(p.stage);
          setPhase(reading ? 'loading' : 'training');
          if (reading) return;
          if (p.stage === 'train' && p.epoch >= p.epochs) markTrained(p.model);
        });
        if (mine !== run.current) return; // another dataset was asked for meanwhile
        if (r.cancelled) {
          setPhase('paused');
          return;
        }
        for (const m of r.models ?? []) if (m.epochsDone >= m.epochs) markTrained(m.name);
        setTrainMs(r.trainMs);
        setRestored(r.restored ?? null);
        if (r.heapBytes) setHeapBytes(r.heapBytes);
        setPhase('ready');
        setRound((n) => n + 1);
        client.keep().then(
          (k) => mine === run.current && setKept(k),
          () => mine === run.current && setKept({ kept: false }),
        );
      } catch (e) {
        if (mine !== run.current) return;
        setError(describeError(e, 'Training failed'));
        setPhase('error');
      }
    },
    [client, training],
  );

  // Loads `next` (the bundled MovieLens, or files the visitor gave) and trains on it. A dropped
  // MovieLens the page cannot use is refused in the chooser, and the one in use before comes back
  // (its models restored from this browser, so it is quick).
  const start = useCallback(async (next = BUNDLED) => {
    const mine = ++run.current;
    const fromFiles = next.kind === 'files';
    setDataset(next);
    setSource(null);
    setError(null);
    setPhase('loading');
    setLoadStage(fromFiles ? 'read' : 'download');
    setSearchable(false);
    setInfo((i) => (i ? { ...i, stats: undefined } : i)); // the old figures are not this data's
    setTrained(new Set());
    setTrainMs(null);
    setRestored(null);
    setKept(null);
    setMap({ data: null, error: null });
    training.reset();
    background.reset();
    forgetFilms();
    try {
      const onProgress = (p) => {
        if (mine !== run.current) return;
        if (p.stage === 'download' || p.stage === 'read' || p.stage === 'unzip' || p.stage === 'parse') training.update(p);
        if (p.stage === 'download') return;
        if (p.stage === 'catalogue') {
          // The films are in: search works, and the page knows its models, genres and years.
          setInfo((i) => i ?? p);
          setSearchable(true);
          setLoadStage('catalogue');
        } else setLoadStage(p.stage);
      };
      const loaded = fromFiles ? await client.loadFiles({ files: next.files }, onProgress) : await client.load({ dataUrl }, onProgress);
      if (mine !== run.current) return;
      forgetFilms(); // films remembered before the ratings arrived had no counts yet, or were another dataset's
      setInfo(loaded);
      setSource(loaded.source ?? null);
      setHeapBytes(loaded.heapBytes ?? null);
      setSearchable(true);
      setTrained(new Set(loaded.models.filter((m) => m.epochsDone >= m.epochs).map((m) => m.name)));
      if (fromFiles) setRefusal(null);
      inUse.current = next;
    } catch (e) {
      if (mine !== run.current) return;
      if (fromFiles && !e.fatal) {
        // Said where the visitor asked, in the engine's own words; the page goes back to the data it had.
        setRefusal({ name: next.name, message: e.message });
        if (e.reset) client.replace?.();
        start(inUse.current === next ? BUNDLED : inUse.current);
        return;
      }
      setError(describeError(e, 'Could not load Reel'));
      setPhase('error');
      return;
    }
    await train();
  }, [client, dataUrl, train, training, background]);

  const chooseFiles = useCallback((files) => start({ kind: 'files', files, name: nameOf(files) }), [start]);
  const dragging = useFileDrop(chooseFiles);

  // Once ready: the map, laid out in the worker (or restored with the models), then drawn.
  useEffect(() => {
    if (round === 0) return undefined;
    let current = true;
    onReady?.();
    client.map({}, (p) => background.update(p)).then(
      (data) => current && setMap({ data, error: null }),
      (e) => current && setMap({ data: null, error: e.message || String(e) }),
    );
    return () => {
      current = false;
    };
  }, [client, round]);

  useEffect(() => {
    start();
  }, [start]);

  // Back and Forward move between films picked earlier.
  useEffect(() => {
    const onPop = () => setFilmId(readFilmId());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  // stay: picked on the map, which stays in view (the map flies to it and the list follows).
  const pickFilm = useCallback((movieId, { focus = false, stay = false } = {}) => {
    setFilmId(movieId);
    pushFilmId(movieId);
    if (focus) setFocusKey((k) => k + 1); // the heading takes focus, which brings it into view
    else if (!stay) {
      const section = document.getElementById('films');
      if (section && section.getBoundingClientRect().top < 0) section.scrollIntoView?.({ block: 'start' });
    }
  }, []);

  const openFilters = useCallback(() => {
    setFiltersOpen(true);
    setTimeout(() => {
      const summary = document.querySelector('#filters > summary');
      summary?.focus();
      summary?.scrollIntoView?.({ block: 'center' });
    }, 0);
  }, []);

  const search = useCallback(
    (query) =>
      client.search({ query, k: 8 }).then((films) => {
        rememberFilms(films);
        return films;
      }),
    [client],
  );

  const filterKey = JSON.stringify(filters);
  const filter = useMemo(() => engineFilter(filters), [filterKey]);
  const loaded = info !== null && phase !== 'loading'; // the ratings are in
  const ready = phase === 'ready';
  const models = info?.models ?? [];
  const order = info?.order ?? models.map((m) => m.name);
  const byOrder = order.map((name) => models.find((m) => m.name === name)).filter(Boolean);
  const choices = info?.choices ?? null;
  const visitorModel = nextModel ?? ''; // '': the engine's choice for the visitor's number of ratings
  const lastYear = info?.years?.max;

  // The visitor's ratings came along (by movieId); those whose id names another film here are set aside.
  const carried = useCarriedRatings({ client, store, storage, loaded, dataKey: info });
  const asideKey = (carried?.elsewhere ?? []).map((e) => e.movieId).join(',');
  const shown = useMemo(() => (asideKey ? maskRatings(store, asideKey.split(',').map(Number)) : store), [store, asideKey]);

  return (
    <RatingsContext.Provider value={shown}>
      <div class="page">
        <a class="skip-link" href="#taste">
          Skip to your taste
        </a>
        <header class="masthead">
          <div class="brand">
            <span class="logo" aria-hidden="true">
              ◉
            </span>
            <h1>Reel</h1>
          </div>
          <p class="tagline">Find your next film through the people who loved the last one — trained right here, in your browser.</p>
          <nav class="masthead-nav" aria-label="Sections">
            <a href="#taste">Your taste</a>
            <a href="#films">Films like…</a>
            <a href="#map">Map</a>
            <a href="#viewers">Viewers</a>
            <a href="#numbers">Numbers</a>
            <a href="#about">About</a>
          </nav>
        </header>

        <main>
          {phase === 'error' ? (
            <ErrorPanel title={error.title} message={error.message} detail={error.detail} onRetry={() => start(dataset)} />
          ) : (
            <TrainingProgress
              phase={phase}
              loadStage={loadStage}
              searchable={searchable}
              stats={info?.stats}
              models={byOrder}
              store={training}
              trainMs={trainMs}
              restored={restored}
              kept={kept}
              lastYear={lastYear}
              dataset={dataset}
              source={source}
              heapBytes={heapBytes}
              onPause={() => client.cancel()}
              onResume={() => train()}
              onRetrain={() => train({ fresh: true })}
            >
              <DatasetChooser dataset={dataset} onFiles={chooseFiles} onBundled={() => start(BUNDLED)} refusal={refusal} />
            </TrainingProgress>
          )}

          <YourTaste
            client={client}
            store={shown}
            dataset={dataset}
            carried={carried}
            loaded={loaded}
            searchable={searchable}
            trained={trained}
            choices={choices}
            models={models}
            model={visitorModel}
            onModel={setNextModel}
            filters={filters}
            filter={filter}
            onFilters={setFilters}
            filtersOpen={filtersOpen}
            onFiltersOpen={setFiltersOpen}
            genreNames={info?.genreNames ?? []}
            years={info?.years ?? null}
            search={search}
            onPick={pickFilm}
            shareOffer={shareOffer}
            onShareDone={() => setShareOffer(null)}
          />

          <div class="explore">
            <section class="panel" id="films" aria-labelledby="films-title">
              <h2 id="films-title">Films like…</h2>
              <FilmSearch search={search} onPick={(f) => pickFilm(f.movieId)} disabled={!searchable} label="Find films like" lastYear={lastYear} />
              <SimilarFilms
                client={client}
                filmId={filmId}
                loaded={loaded}
                ready={Boolean(choices) && trained.has(choices.neighbours)}
                model={choices?.neighbours}
                filter={filter}
                filters={filters}
                focusKey={focusKey}
                onPick={pickFilm}
                onOpenFilters={openFilters}
                answers={dataset.kind === 'bundled' ? keptAnswersAt : null}
              />
            </section>

            <ViewersPanel
              client={client}
              loaded={loaded}
              ready={Boolean(choices) && trained.has(choices.viewers)}
              model={choices?.viewers}
              onPick={pickFilm}
            />
          </div>

          <MapSection
            map={map.data}
            error={map.error}
            progress={background}
            ready={ready}
            filmId={filmId}
            store={shown}
            search={search}
            onPick={pickFilm}
          />

          <NumbersPanel client={client} models={models} choices={choices} ready={ready} round={round} mapFigures={map.data?.figures ?? null} />
          <AboutPanel />
        </main>

        <footer class="footer">
          <p>
            {dataset.kind === 'files' ? (
              <>Reel · data: {dataset.name}, read from this device (MovieLens is made by GroupLens Research; no endorsement implied) · </>
            ) : (
              <>Reel · data: MovieLens latest-small by GroupLens Research, used under its licence (no endorsement implied) · </>
            )}
            everything runs in this tab.
          </p>
        </footer>
        <Announcer />
        <UpdateNotice />
        <DropOverlay visible={dragging} />
      </div>
    </RatingsContext.Provider>
  );
}
