// The ratings store's marks (seen, not interested, watchlist): one mark a film, kept apart from its
// rating, each change handed back whole so the store writes and announces it like a rating.
import { MARKS, isMark, isMovieId } from '../storage/storage.js';

function markEntry(movieId, mark, at) {
  if (!isMovieId(movieId)) throw new Error(`movieId must be a whole number from 1, got ${JSON.stringify(movieId)}`);
  if (!isMark(mark)) throw new Error(`a mark is one of ${MARKS.join(', ')}, not ${JSON.stringify(mark)}`);
  return { movieId, mark, at };
}

/**
 * @param {{ get: () => Map<number, object>, set: (next: Map<number, object>) => void, now: () => number }} marks
 *   get: the marks now (movieId → { movieId, mark, at }); set: store a new map of them
 */
export function markMethods({ get, set, now }) {
  return {
    /** Marks a film seen, not interested or for the watchlist (replacing any other mark); null unmarks it. */
    mark(movieId, mark) {
      const marks = get();
      if (mark === null) {
        if (!marks.has(movieId)) return;
        const next = new Map(marks);
        next.delete(movieId);
        set(next);
        return;
      }
      const e = markEntry(movieId, mark, now());
      if (marks.get(movieId)?.mark === mark) return;
      set(new Map(marks).set(movieId, e));
    },
    /** Adds or updates many marks at once (an import, a shared link); returns what Undo needs (replaceMarks). */
    mergeMarks(entries) {
      const before = [...get().values()];
      if (entries.length === 0) return before;
      const next = new Map(get());
      const t = now();
      for (const m of entries) next.set(m.movieId, markEntry(m.movieId, m.mark, m.at ?? t));
      set(next);
      return before;
    },
    /** Replaces every mark (Undo). */
    replaceMarks(entries) {
      const before = [...get().values()];
      const t = now();
      set(new Map(entries.map((m) => [m.movieId, markEntry(m.movieId, m.mark, m.at ?? t)])));
      return before;
    },
  };
}
