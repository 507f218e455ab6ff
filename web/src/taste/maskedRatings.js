// The visitor's ratings as the page shows and uses them while some are set aside (ratings whose
// movieId names another film in the data loaded now: ratedTitles.js). A view over the ratings store
// with the same interface: the set-aside ratings are neither shown, sent to the engine, exported
// nor cleared, and stay stored as they were; rating such a film here makes it a rating of this one.

/**
 * @param {object} store  the ratings store (ratingsStore.js)
 * @param {Iterable<number>} aside  movieIds set aside
 */
export function maskRatings(store, aside) {
  const hidden = new Set(aside);
  let seen = null;
  let snapshot = null;

  const hiddenEntries = () => store.get().list.filter((e) => hidden.has(e.movieId));

  return {
    get() {
      const s = store.get();
      if (s !== seen || snapshot === null) {
        // The ratings are filtered again only when they changed (not for a mark), as the store lists them.
        const same = snapshot !== null && seen?.list === s.list;
        seen = s;
        const list = same ? snapshot.list : s.list.filter((e) => !hidden.has(e.movieId));
        snapshot = { ...s, list, ratings: same ? snapshot.ratings : new Map(list.map((e) => [e.movieId, e])) };
      }
      return snapshot;
    },
    subscribe: (listener) => store.subscribe(listener),
    stars: (movieId) => (hidden.has(movieId) ? null : store.stars(movieId)),
    rate(movieId, stars) {
      if (hidden.delete(movieId)) {
        snapshot = null;
        // A rating of the film this id names here, made now: merge gives it a new time even with the
        // stars the one set aside had (store.rate would change nothing then: no re-render, and the
        // old time would still name the old film, so the rating would be set aside again).
        store.merge([{ movieId, stars }]);
        return;
      }
      store.rate(movieId, stars);
    },
    remove(movieId) {
      if (!hidden.has(movieId)) store.remove(movieId);
    },
    clear() {
      const before = this.get().list;
      store.replace(hiddenEntries());
      return before;
    },
    // What Undo needs (merge and replace) includes the ratings set aside that `entries` replace:
    // without them, Undo would drop those ratings altogether.
    merge(entries) {
      const given = new Set(entries.map((e) => e.movieId));
      const before = [...this.get().list, ...hiddenEntries().filter((e) => given.has(e.movieId))];
      for (const e of entries) if (hidden.delete(e.movieId)) snapshot = null;
      store.merge(entries);
      return before;
    },
    replace(entries) {
      const given = new Set(entries.map((e) => e.movieId));
      const aside = hiddenEntries();
      const before = [...this.get().list, ...aside.filter((e) => given.has(e.movieId))];
      // A rating given for an id set aside is of the film it names here, as with merge.
      for (const id of given) if (hidden.delete(id)) snapshot = null;
      store.replace([...aside.filter((e) => !given.has(e.movieId)), ...entries]);
      return before;
    },
    // Marks are not set aside: a mark says only "keep this id out of my lists", which stays true.
    mark: (movieId, mark) => store.mark(movieId, mark),
    mergeMarks: (entries) => store.mergeMarks(entries),
    replaceMarks: (entries) => store.replaceMarks(entries),
    discardAside: (key) => store.discardAside(key),
    reload: () => store.reload(),
    flush: () => store.flush(),
  };
}
