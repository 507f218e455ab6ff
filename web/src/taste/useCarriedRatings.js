// How the visitor's ratings stand against the MovieLens loaded now: how many are of films in it, how
// many of films it lacks, and which name another film here (set aside: maskedRatings.js). Sorted
// afresh for each loaded MovieLens, then only the ratings new or changed since (carriedCheck.js);
// the films of new ratings are noted as it goes, written when the page is idle.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createIdleWriter } from '../storage/idleWrite.js';
import { readTitles, writeTitles } from '../storage/ratedTitles.js';
import { useStore } from '../ui/useStore.js';
import { createCarriedCheck } from './carriedCheck.js';

/**
 * @param {{ client: object, store: object, storage?: Storage|null, loaded: boolean, dataKey: any }} options
 *   store: every rating (not a masked view); dataKey: changes whenever other data is loaded
 * @returns {{ here: number, missing: number[], elsewhere: object[] }|null}  null until known for this data
 */
export function useCarriedRatings({ client, store, storage = null, loaded, dataKey }) {
  const list = useStore(store, (s) => s.list); // a new list only when the ratings change, not the marks
  const [state, setState] = useState({ dataKey: null, report: null });
  const [titles] = useState(() => readTitles(storage));
  const [writer] = useState(() => createIdleWriter());
  // A new MovieLens names films afresh: every rating is sorted again against it.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- dataKey is what makes a fresh check, though the check never reads it
  const check = useMemo(() => createCarriedCheck(titles), [titles, dataKey]);

  useEffect(() => {
    if (!loaded) return undefined;
    let live = true;
    const asked = list;
    const unsorted = check.unsorted(asked);
    const sorted = (films) => {
      if (!live) return;
      if (check.sort(unsorted, films)) writer.write(() => writeTitles(storage, titles));
      setState({ dataKey, report: check.report(asked) });
    };
    if (unsorted.length === 0) sorted([]);
    else
      client.films({ movieIds: unsorted.map((r) => r.movieId) }).then(
        sorted,
        () => {}, // the data is being replaced: the next load asks again
      );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- storage and titles are the page's for good
  }, [client, loaded, dataKey, list, check]);

  return state.dataKey === dataKey ? state.report : null;
}
