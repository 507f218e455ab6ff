// The visitor's ratings and marks in memory: rate, change, remove, clear with undo, bring many at
// once; mark a film seen, not interested or for the watchlist. Every change is written to storage
// (storage.js) when the page is next idle, or at once when it is hidden (idleWrite.js), and other
// tabs follow through the `storage` event. Components subscribe (useStore) and re-render only when
// the ratings or marks change.
import { createIdleWriter } from '../storage/idleWrite.js';
import { RATINGS_KEY, discardAside, isMovieId, isStars, listAside, readRatings, writeRatings } from '../storage/storage.js';
import { markMethods } from './marks.js';

/**
 * @param {{ storage?: Storage|null, now?: () => number, writer?: ReturnType<typeof createIdleWriter> }} [options]
 *   storage null: keep in memory only; writer: when changes reach storage (tests pass one they flush)
 */
export function createRatingsStore({ storage = globalThis.localStorage ?? null, now = Date.now, writer = createIdleWriter() } = {}) {
  const listeners = new Set();
  let ratings = new Map(); // movieId → { movieId, stars, at }, in the order they were first rated
  let marks = new Map(); // movieId → { movieId, mark, at }: one mark a film, apart from its rating
  let aside = [];
  let storageError = null;
  let version = 0;
  let snapshot = null;
  // The films whose rating or mark changed here since the last write: what this tab adds on top of
  // another tab's write when it takes that write over (reload).
  const unsaved = { ratings: new Set(), marks: new Set() };
  let [list, listOf, markList, markListOf] = [[], null, [], null]; // the lists of the snapshot, and the maps they list

  function load() {
    if (!storage) return;
    const read = readRatings(storage, now);
    ratings = new Map(read.entries.map((e) => [e.movieId, e]));
    marks = new Map(read.marks.map((m) => [m.movieId, m]));
    aside = read.aside;
    storageError = read.error;
  }

  function emit() {
    version += 1;
    snapshot = null;
    for (const listener of listeners) listener();
  }

  // Writes what the store holds when the write runs, so changes made meanwhile are written once.
  function save() {
    const before = storageError;
    unsaved.ratings.clear();
    unsaved.marks.clear();
    try {
      writeRatings(storage, [...ratings.values()], [...marks.values()]);
      storageError = null;
    } catch (e) {
      storageError = `${e.message}: they last until this tab is closed`;
    }
    if (storageError !== before) emit();
  }

  function change(next, nextMarks = marks) {
    if (storage) {
      noteChanged(ratings, next, unsaved.ratings);
      noteChanged(marks, nextMarks, unsaved.marks);
      writer.write(save);
    }
    ratings = next;
    marks = nextMarks;
    emit();
  }

  function entry(movieId, stars, at = now()) {
    if (!isMovieId(movieId)) throw new Error(`movieId must be a whole number from 1, got ${JSON.stringify(movieId)}`);
    if (!isStars(stars)) throw new Error(`a rating is a half star from 0.5 to 5, not ${JSON.stringify(stars)}`);
    return { movieId, stars, at };
  }

  load();

  return {
    /**
     * { ratings: Map, list: [{movieId, stars, at}], marks: Map, markList: [{movieId, mark, at}], version, aside,
     * storageError } — the same object until a change.
     */
    get() {
      if (!snapshot) {
        // A list is made again only when its map changed: a mark leaves 20,000 ratings the same object,
        // so whatever is worked out from them (keyed by the list) is not worked out again.
        if (listOf !== ratings) [list, listOf] = [[...ratings.values()], ratings];
        if (markListOf !== marks) [markList, markListOf] = [[...marks.values()], marks];
        snapshot = { ratings, list, marks, markList, version, aside, storageError };
      }
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stars(movieId) {
      return ratings.get(movieId)?.stars ?? null;
    },
    rate(movieId, stars) {
      const e = entry(movieId, stars);
      if (ratings.get(movieId)?.stars === stars) return;
      const next = new Map(ratings);
      next.set(movieId, e);
      change(next);
    },
    remove(movieId) {
      if (!ratings.has(movieId)) return;
      const next = new Map(ratings);
      next.delete(movieId);
      change(next);
    },
    /** Removes every rating and returns what Undo needs to put them back. */
    clear() {
      const before = [...ratings.values()];
      change(new Map());
      return before;
    },
    /** Adds or updates many ratings at once (an import, a shared link); returns what Undo needs. */
    merge(entries) {
      const before = [...ratings.values()];
      const next = new Map(ratings);
      const t = now();
      for (const e of entries) next.set(e.movieId, entry(e.movieId, e.stars, e.at ?? t));
      change(next);
      return before;
    },
    /** Replaces every rating (Undo, or "use the shared ones instead of mine"). */
    replace(entries) {
      const before = [...ratings.values()];
      const t = now();
      change(new Map(entries.map((e) => [e.movieId, entry(e.movieId, e.stars, e.at ?? t)])));
      return before;
    },
    ...markMethods({ get: () => marks, set: (next) => change(ratings, next), now }),
    /** Forgets a value kept aside — only ever on the visitor's request. */
    discardAside(key) {
      if (!storage) return;
      discardAside(storage, key);
      aside = listAside(storage);
      emit();
    },
    /** Writes any change still waiting for the page to be idle. */
    flush: () => writer.flush(),
    /**
     * Another tab changed the stored ratings: take them over, film by film. The films changed here
     * and not yet written keep this tab's change (the later one) and the rest take the other tab's,
     * so two tabs rating different films at once both keep their ratings.
     */
    reload() {
      const mine = { ratings, marks, changed: [...unsaved.ratings], changedMarks: [...unsaved.marks] };
      writer.cancel();
      load();
      if (mine.changed.length + mine.changedMarks.length > 0) {
        ratings = withChanges(ratings, mine.ratings, mine.changed);
        marks = withChanges(marks, mine.marks, mine.changedMarks);
        save();
      }
      emit();
    },
  };
}

/** Adds to `into` every film whose entry differs between two maps (movieId → entry). */
function noteChanged(before, after, into) {
  if (before === after) return;
  for (const [id, e] of after) if (before.get(id) !== e) into.add(id);
  for (const id of before.keys()) if (!after.has(id)) into.add(id);
}

/** `base` with the entries of `ids` as `mine` has them (absent there: removed). */
function withChanges(base, mine, ids) {
  const next = new Map(base);
  for (const id of ids) {
    const e = mine.get(id);
    if (e) next.set(id, e);
    else next.delete(id);
  }
  return next;
}

/** Keeps `store` in step with other tabs of this page. Returns the function that stops it. */
export function followOtherTabs(store, target = globalThis.window) {
  if (!target?.addEventListener) return () => {};
  const onStorage = (event) => {
    if (event.key === RATINGS_KEY || event.key === null) store.reload();
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener('storage', onStorage);
}
