// How the visitor's ratings stand against the MovieLens loaded now: how many are of films in it, how
// many of films it lacks, and which name another film here (set aside: maskedRatings.js). Asked
// again whenever the data or the ratings change; the films of new ratings are noted as it goes.
import { useEffect, useState } from 'preact/hooks';
import { readTitles, sortRatings, writeTitles } from '../storage/ratedTitles.js';
import { useStore } from '../ui/useStore.js';

/**
 * @param {{ client: object, store: object, storage?: Storage|null, loaded: boolean, dataKey: any }} options
 *   store: every rating (not a masked view); dataKey: changes whenever other data is loaded
 * @returns {{ here: number, missing: number[], elsewhere: object[] }|null}  null until known for this data
 */
export function useCarriedRatings({ client, store, storage = null, loaded, dataKey }) {
  const { list, version } = useStore(store);
  const [state, setState] = useState({ dataKey: null, report: null });
  const [titles] = useState(() => readTitles(storage));

  useEffect(() => {
    if (!loaded) return undefined;
    let current = true;
    const asked = list;
    client.films({ movieIds: asked.map((r) => r.movieId) }).then(
      (films) => {
        if (!current) return;
        const report = sortRatings(asked, films, titles);
        if (report.changed) writeTitles(storage, titles);
        setState({ dataKey, report });
      },
      () => {}, // the data is being replaced: the next load asks again
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- asked again when the data or the ratings change (version), not on every list object
  }, [client, loaded, dataKey, version]);

  return state.dataKey === dataKey ? state.report : null;
}
