// The last answers to "films like X" on the bundled MovieLens, kept in this browser so that a return
// visit shows them at once, while the engine restores its models; the engine's own answer then
// takes their place. They are kept under the site build's id, a hash of the engine and the data
// among everything else: the engine is deterministic, so an answer kept under this build is the one
// it gives again. A dozen answers at most (a few tens of KB); storage that refuses keeps nothing.

export const ANSWERS_KEY = 'reel-kept-answers-v1';
const MOST = 12;

function read(storage) {
  try {
    const list = JSON.parse(storage?.getItem(ANSWERS_KEY) ?? '[]');
    return Array.isArray(list)
      ? list.filter((e) => e && typeof e.build === 'string' && e.data?.film && Array.isArray(e.data.neighbours))
      : [];
  } catch {
    return []; // unreadable: answers are kept afresh
  }
}

const same = (e, build, q) => e.build === build && e.movieId === q.movieId && e.view === q.view && e.filter === q.filter;

/**
 * The kept answer for this query under this build, or null. model: the engine's neighbour model,
 * '' while the engine has not said it yet (any kept under this build is then its).
 * @param {Storage|null} storage
 * @param {string} build
 * @param {{ movieId: number, view: string, filter: string, model: string }} q
 */
export function keptAnswer(storage, build, q) {
  const e = read(storage).find((k) => same(k, build, q) && (!q.model || k.model === q.model));
  return e ? e.data : null;
}

/** Keeps `data` as the answer to `q` under `build`, the newest first; answers of other builds go. */
export function keepAnswer(storage, build, q, data) {
  const others = read(storage).filter((k) => k.build === build && !same(k, build, q));
  const list = [{ build, movieId: q.movieId, view: q.view, filter: q.filter, model: q.model, data }, ...others].slice(0, MOST);
  try {
    storage?.setItem(ANSWERS_KEY, JSON.stringify(list));
  } catch {
    // full or refused: the next visit waits for the engine, as a first visit does
  }
}
