// The visitor's ratings sorted against the MovieLens loaded now one rating at a time, remembered: a
// rating is asked of the worker and sorted (ratedTitles.js) only when it is new or its time changed.
// Sorting all 20,000 again on every rating sent 20,000 ids to the worker, brought 20,000 films back
// and compared their names each time (issue 24, item 7).
import { sortRating } from '../storage/ratedTitles.js';

/**
 * For one loaded MovieLens: `titles` is the record of rated films (ratedTitles.js), updated in place.
 * @param {Map<number, object>} titles
 */
export function createCarriedCheck(titles) {
  const verdicts = new Map(); // movieId → { at, verdict } for the rating with that time

  return {
    /** The ratings of `list` not sorted yet, as they are (a new film, or a rating made again). */
    unsorted(list) {
      return list.filter((r) => verdicts.get(r.movieId)?.at !== r.at);
    },
    /**
     * Sorts `entries` against their films (null: not in this data); true when the record changed.
     * @param {{ movieId: number, at: number }[]} entries @param {(object|null)[]} films
     */
    sort(entries, films) {
      let changed = false;
      entries.forEach((r, i) => {
        const sorted = sortRating(r, films[i], titles);
        changed ||= sorted.changed;
        verdicts.set(r.movieId, { at: r.at, verdict: sorted.verdict });
      });
      return changed;
    },
    /**
     * How `list` stands, every rating of it sorted: as sortRatings reports it.
     * @returns {{ here: number, missing: number[], elsewhere: object[] }}
     */
    report(list) {
      const out = { here: 0, missing: [], elsewhere: [] };
      for (const r of list) {
        const { verdict } = /** @type {{ verdict: any }} */ (verdicts.get(r.movieId));
        if (verdict === 'here') out.here += 1;
        else if (verdict === 'missing') out.missing.push(r.movieId);
        else out.elsewhere.push(verdict);
      }
      return out;
    },
  };
}
