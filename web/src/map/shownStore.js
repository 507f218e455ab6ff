// What the lists are showing right now — film X's neighbours and the visitor's next films — so the
// map highlights exactly those, without asking the worker a second time or drifting from the lists.
const listeners = new Set();
let state = { neighboursOf: null, neighbours: [], next: [] };

export const shownStore = {
  get: () => state,
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** The neighbours on show for film `movieId` ([] and null when none are). */
export function showNeighbours(movieId, ids) {
  if (state.neighboursOf === movieId && sameIds(state.neighbours, ids)) return;
  state = { ...state, neighboursOf: movieId, neighbours: ids };
  listeners.forEach((l) => l());
}

/** The visitor's next films on show. */
export function showNext(ids) {
  if (sameIds(state.next, ids)) return;
  state = { ...state, next: ids };
  listeners.forEach((l) => l());
}

function sameIds(a, b) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
