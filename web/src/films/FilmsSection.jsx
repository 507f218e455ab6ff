// "Films like…": pick film X by search (or anywhere a film title is a link), and see its nearest
// films. Its answers on the bundled MovieLens are kept in this browser for a return visit.
import { useState } from 'preact/hooks';
import { memo } from '../ui/memo.js';
import { BUILD } from '../site/buildInfo.js';
import { FilmSearch } from './FilmSearch.jsx';
import { SimilarFilms } from './SimilarFilms.jsx';

/**
 * @param {object} props
 * @param {object} props.client  the engine client
 * @param {{ filmId: number|null, focusKey: number, pickFilm: Function }} props.choice  film X (useFilmChoice.js)
 * @param {{ filters: object, filter: object, openFilters: () => void }} props.filters  the visitor's filters (useFilters.js)
 * @param {(query: string) => Promise<object[]>} props.search
 * @param {{ kind: string }} props.dataset  the MovieLens in use
 * @param {Storage|null} props.storage  where answers are kept for a return visit
 */
function FilmsSectionView({ client, choice, filters, search, dataset, storage, searchable, loaded, ready, model, lastYear, maxResults }) {
  const [keptAnswersAt] = useState(() => ({ storage, build: BUILD.id }));
  return (
    <section class="panel" id="films" aria-labelledby="films-title">
      <h2 id="films-title">Films like…</h2>
      <FilmSearch
        search={search}
        onPick={(f) => choice.pickFilm(f.movieId)}
        disabled={!searchable}
        label="Find films like"
        lastYear={lastYear}
      />
      <SimilarFilms
        client={client}
        filmId={choice.filmId}
        loaded={loaded}
        ready={ready}
        model={model}
        filter={filters.filter}
        filters={filters.filters}
        focusKey={choice.focusKey}
        onPick={choice.pickFilm}
        onOpenFilters={filters.openFilters}
        answers={dataset.kind === 'bundled' ? keptAnswersAt : null}
        maxResults={maxResults}
      />
    </section>
  );
}

// Re-rendered when its own props change, not at every progress message the page re-renders for.
export const FilmsSection = memo(FilmsSectionView);
