// The last answers to "films like X" on the bundled MovieLens, kept in this browser so that a return
// visit shows them at once, while the engine restores its models; the engine's own answer then
// takes their place. They are kept under the site build's id, a hash of the engine and the data
// among everything else: the engine is deterministic, so an answer kept under this build is the one
// it gives again. A dozen answers at most (a few tens of KB); storage that refuses keeps nothing.
// What is read back is data, not code: an answer is used only when it has exactly the shape the
// protocol declares for `similar` (a neighbour of null, a hand-edited field, a value of an older page
// blanked the page for good), and any other is let go, as the engine will answer afresh.
import { REQUESTS } from '../engine/protocol.js';
import { problems } from '../engine/shapes.js';

export const ANSWERS_KEY = 'reel-kept-answers-v1';
const MOST = 12;
const KEPT = { build: 'string', movieId: 'number', view: 'string', filter: 'string', model: 'string' };

/** A kept entry the page can use as it stands: its keys as written by keepAnswer, its answer as the engine gives it. */
export function isKeptAnswer(e) {
  if (e === null || typeof e !== 'object' || Array.isArray(e)) return false;
  if (!Object.entries(KEPT).every(([k, type]) => typeof e[k] === type)) return false;
  return problems(e.data, REQUESTS.similar.result, 'answer').length === 0;
}

function read(storage) {
  try {
    const list = JSON.parse(storage?.getItem(ANSWERS_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter(isKeptAnswer) : [];
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

/** Forgets every kept answer (the section's reset): the next visit waits for the engine. */
export function forgetAnswers(storage) {
  try {
    storage?.removeItem(ANSWERS_KEY);
  } catch {
    // refused: nothing kept can be read back wrongly, as read() checks each answer
  }
}
