// "Your taste": the visitor's own corner of the page — rate or mark films (a starting set, search,
// or anywhere a film is shown), see their next ten with reasons, filter, keep a watchlist, and
// keep, bring, share or clear their ratings. A landmark region, near the top.
import { useState } from 'preact/hooks';
import { memo } from '../ui/memo.js';
import { CarriedRatings } from './CarriedRatings.jsx';
import { ClearRatings } from './ClearRatings.jsx';
import { ExportRatings } from './ExportRatings.jsx';
import { ExportWatchlist } from './ExportWatchlist.jsx';
import { Filters } from './Filters.jsx';
import { ImportRatings } from './ImportRatings.jsx';
import { ModelChoice } from './ModelChoice.jsx';
import { NextFilms } from './NextFilms.jsx';
import { RateSearch } from './RateSearch.jsx';
import { SharedRatingsOffer } from './SharedRatingsOffer.jsx';
import { ShareRatings } from './ShareRatings.jsx';
import { Starters } from './Starters.jsx';
import { useShareOffer } from './useShareOffer.js';
import { StorageNotice } from './StorageNotice.jsx';
import { useStore } from '../ui/useStore.js';
import { Watchlist } from './Watchlist.jsx';
import { WatchTogether } from '../together/WatchTogether.jsx';
import { cannotJoin } from '../together/friends.js';
import { YourRatings } from './YourRatings.jsx';

/**
 * @param {object} props
 * @param {object} props.client  the engine client
 * @param {object} props.store  the visitor's ratings
 * @param {boolean} props.loaded  the ratings are in (import, export work)
 * @param {boolean} props.searchable  the films are in (search works)
 * @param {Set<string>} props.trained  the models trained so far
 * @param {object|null} props.choices  the engine's choice of model for each question
 * @param {object[]} props.models  the registry
 * @param {ReturnType<typeof import('./useFilters.js').useFilters>} props.filters  the page's filters
 * @param {{ kind: string, name?: string }} [props.dataset]  the MovieLens in use
 * @param {object|null} [props.carried]  how the visitor's ratings stand against it (useCarriedRatings.js)
 * @param {number|null} [props.maxResults]  the engine's cap on a list's length
 * @param {number|null} [props.maxProfile]  the most ratings the engine folds in at once
 */
function YourTasteView(props) {
  const { client, store, loaded, trained, choices, models } = props;
  const { filters, filter } = props.filters;
  const list = useStore(store, (s) => s.list);
  const markList = useStore(store, (s) => s.markList);
  const [model, setModel] = useState(''); // the model the visitor asked for; '': the engine's choice
  // Ratings offered by a link the page was opened with (or that was pasted into it), until the visitor answers.
  const [shareOffer, endShareOffer] = useShareOffer();
  // Friends watching together with the visitor (from share links): in this page only, never stored.
  const [friends, setFriends] = useState([]);
  const togetherReady = Boolean(choices) && [choices.firstVisitors, choices.visitors].every((name) => trained.has(name));
  // The model asked for, or both the engine may choose between (it picks by the number of ratings).
  const needed = model ? [model] : choices ? [choices.firstVisitors, choices.visitors] : [];
  const ready = needed.length > 0 && needed.every((name) => trained.has(name));
  const labelOf = (name) => models.find((m) => m.name === name)?.label ?? name;
  const lastYear = props.years?.max;
  // A link's friend joins those already watching, on the rules a pasted link meets (friends.js): not
  // the visitor's own ratings, not a friend's already in, while there is room.
  const canJoin = (entries) => !cannotJoin(entries, { yours: list, friends: friends.map((f) => f.entries) });
  const joinTogether = (friend) => {
    endShareOffer();
    setFriends((now) => [...now, friend]);
  };

  return (
    <section class="panel taste" id="taste" aria-labelledby="taste-title">
      <header class="taste-head">
        <h2 id="taste-title" tabIndex={-1}>
          Your taste
        </h2>
        <p class="muted">
          Rate films you have seen, in half stars, and Reel picks your next ten — saying which of your ratings led to each. Everything stays
          in this browser. The catalogue is{' '}
          {props.dataset?.kind === 'files' ? `the MovieLens you gave, ${props.dataset.name}` : 'MovieLens latest-small'}: films up to{' '}
          {lastYear ?? (props.dataset?.kind === 'files' ? '…' : 2018)}.
        </p>
      </header>
      <CarriedRatings report={props.carried ?? null} dataset={props.dataset ?? { kind: 'bundled' }} />
      {shareOffer ? (
        <SharedRatingsOffer
          key={shareOffer.key}
          offer={shareOffer}
          yours={list.length}
          onDone={endShareOffer}
          friendsSoFar={friends.length}
          onTogether={canJoin(shareOffer.entries) ? joinTogether : undefined}
        />
      ) : null}
      {friends.length > 0 ? (
        <WatchTogether
          client={client}
          store={store}
          ready={togetherReady}
          friends={friends}
          onFriends={setFriends}
          filter={filter}
          onPick={props.onPick}
        />
      ) : null}
      <StorageNotice />
      {/* In reading order — rate, see what it leads to, keep — which is also the order on a phone;
          on a wide screen the next films take the right-hand column beside the other three. */}
      <div class="taste-grid">
        <RateSearch search={props.search} disabled={!props.searchable} lastYear={lastYear} onPick={props.onPick} />
        <Starters client={client} store={store} ready={Boolean(choices) && trained.has(choices.neighbours)} onPick={props.onPick} />
        <div class="taste-next">
          <Filters
            filters={filters}
            onChange={props.filters.setFilters}
            genreNames={props.genreNames}
            years={props.years}
            open={props.filters.open}
            onToggleOpen={props.filters.setOpen}
          />
          <NextFilms
            client={client}
            store={store}
            ready={ready}
            model={model}
            labelOf={labelOf}
            filter={filter}
            filters={filters}
            onPick={props.onPick}
            maxResults={props.maxResults}
            maxProfile={props.maxProfile ?? null}
          >
            {/* Shown from the start (empty until the registry arrives), so it does not push the list down later. */}
            <ModelChoice models={models} value={model} choices={choices} onChange={setModel} />
          </NextFilms>
        </div>
        <YourRatings client={client} store={store} loaded={loaded} onPick={props.onPick}>
          <div class="tools" role="group" aria-label="Your ratings: import, export, share, clear">
            <ImportRatings client={client} loaded={loaded} />
            <ExportRatings client={client} list={list} marks={markList} loaded={loaded} />
            <ShareRatings list={list} marks={markList} />
            <ClearRatings count={list.length} />
          </div>
        </YourRatings>
        <Watchlist client={client} store={store} loaded={loaded} onPick={props.onPick}>
          <ExportWatchlist client={client} marks={markList} loaded={loaded} />
        </Watchlist>
      </div>
    </section>
  );
}

// Re-rendered when its own props change, not at every progress message the page re-renders for.
export const YourTaste = memo(YourTasteView);
