// The page: wires the engine client to the sections, each of which owns its own state — the
// training card (the engine's run: load, restore or train, keep), your taste, films like X, the
// viewers, the map, the numbers. What is truly shared lives here: the visitor's ratings as the page
// shows them, film X, the filters, and search. Each section stands in its own SectionBoundary, so
// one that throws is replaced by a sentence and a reset while the others carry on.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { FilmsSection } from './films/FilmsSection.jsx';
import { useFilmChoice } from './films/useFilmChoice.js';
import { useSearch } from './films/useFilms.js';
import { MapSection } from './map/MapSection.jsx';
import { useMapLayout } from './map/useMapLayout.js';
import { NumbersPanel } from './numbers/NumbersPanel.jsx';
import { AboutPanel } from './site/AboutPanel.jsx';
import { Footer } from './site/Footer.jsx';
import { Masthead } from './site/Masthead.jsx';
import { UpdateNotice } from './site/UpdateNotice.jsx';
import { maskRatings } from './taste/maskedRatings.js';
import { RatingsContext } from './taste/ratingsContext.js';
import { createRatingsStore, followOtherTabs } from './taste/ratingsStore.js';
import { useCarriedRatings } from './taste/useCarriedRatings.js';
import { useFilters } from './taste/useFilters.js';
import { YourTaste } from './taste/YourTaste.jsx';
import { DropOverlay } from './training/DropOverlay.jsx';
import { TrainingSection } from './training/TrainingSection.jsx';
import { useEngineRun } from './training/useEngineRun.js';
import { useFileDrop } from './training/useFileDrop.js';
import { forgetAnswers } from './storage/keptAnswers.js';
import { Announcer } from './ui/Announcer.jsx';
import { SectionBoundary } from './ui/SectionBoundary.jsx';
import { ViewersPanel } from './viewers/ViewersPanel.jsx';
import { Later } from './ui/Later.jsx';

// Absent lists as one constant, so a memoised section sees the same prop.
const NONE = Object.freeze([]);

/**
 * @param {{ client: object, dataUrl: string, store?: object, storage?: Storage|null, onReady?: () => void }} props
 *   store: the visitor's ratings (main.jsx passes one kept in localStorage; tests may pass their own)
 *   storage: where the films of those ratings are noted (ratedTitles.js); none: for this tab only
 *   onReady: called once the models are ready (main.jsx registers the service worker then)
 */
export function App({ client, dataUrl, store: givenStore, storage = null, onReady }) {
  const [store] = useState(() => givenStore ?? createRatingsStore({ storage: null }));
  useEffect(() => followOtherTabs(store), [store]);
  const run = useEngineRun(client, dataUrl);
  const map = useMapLayout(client, run, onReady);
  const choice = useFilmChoice();
  const filters = useFilters();
  const dragging = useFileDrop(run.chooseFiles);
  const search = useSearch(client);

  const { info, phase, trained } = run;
  const loaded = info !== null && phase !== 'loading'; // the ratings are in
  const choices = info?.choices ?? null;
  const models = info?.models ?? NONE;
  const maxResults = info?.limits?.maxResults ?? null; // the engine's cap on any list; "Show more" stops below it
  const trainedFor = (question) => Boolean(choices) && trained.has(choices[question]);

  // The visitor's ratings came along (by movieId); those whose id names another film here are set aside.
  const carried = useCarriedRatings({ client, store, storage, loaded, dataKey: info });
  const asideKey = (carried?.elsewhere ?? []).map((e) => e.movieId).join(',');
  const shown = useMemo(() => (asideKey ? maskRatings(store, asideKey.split(',').map(Number)) : store), [store, asideKey]);

  return (
    <RatingsContext.Provider value={shown}>
      <div class="page">
        <Masthead />
        <main>
          <SectionBoundary name="Training">
            <TrainingSection run={run} />
          </SectionBoundary>
          <SectionBoundary name="Your taste" id="taste">
            <YourTaste
              client={client}
              store={shown}
              dataset={run.dataset}
              carried={carried}
              loaded={loaded}
              searchable={run.searchable}
              trained={trained}
              choices={choices}
              models={models}
              filters={filters}
              genreNames={info?.genreNames ?? NONE}
              years={info?.years ?? null}
              search={search}
              onPick={choice.pickFilm}
              maxResults={maxResults}
              maxProfile={info?.limits?.maxProfile ?? null}
            />
          </SectionBoundary>
          <div class="explore">
            <Later step={1}>
              <SectionBoundary name="Films like…" id="films" onReset={() => forgetAnswers(storage)}>
                <FilmsSection
                  client={client}
                  choice={choice}
                  filters={filters}
                  search={search}
                  dataset={run.dataset}
                  storage={storage}
                  searchable={run.searchable}
                  loaded={loaded}
                  ready={trainedFor('neighbours')}
                  model={choices?.neighbours}
                  lastYear={info?.years?.max}
                  maxResults={maxResults}
                />
              </SectionBoundary>
              <SectionBoundary name="Explore MovieLens viewers" id="viewers">
                <ViewersPanel
                  client={client}
                  loaded={loaded}
                  ready={trainedFor('viewers')}
                  model={choices?.viewers}
                  onPick={choice.pickFilm}
                  maxResults={maxResults}
                />
              </SectionBoundary>
            </Later>
          </div>
          <Later step={2}>
            <SectionBoundary name="The map of taste" id="map">
              <MapSection
                map={map.data}
                error={map.error}
                progress={run.background}
                ready={phase === 'ready'}
                filmId={choice.filmId}
                store={shown}
                search={search}
                onPick={choice.pickFilm}
                client={client}
                loaded={loaded}
              />
            </SectionBoundary>
          </Later>
          <Later step={3}>
            <SectionBoundary name="How good is it?" id="numbers">
              <NumbersPanel
                client={client}
                models={models}
                choices={choices}
                ready={phase === 'ready'}
                round={run.round}
                mapFigures={map.data?.figures ?? null}
              />
            </SectionBoundary>
            <AboutPanel />
          </Later>
        </main>
        <Footer dataset={run.dataset} />
        <Announcer />
        <UpdateNotice />
        <DropOverlay visible={dragging} />
      </div>
    </RatingsContext.Provider>
  );
}
