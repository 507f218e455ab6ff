// The visitor's ratings kept in the browser: a round trip, changes written when the page is idle (many
// as one) or hidden, another tab followed, and a stored value that cannot be read kept aside and
// reported — never dropped.
import { describe, expect, it } from 'vitest';
import { createIdleWriter } from '../../web/src/storage/idleWrite.js';
import { maskRatings } from '../../web/src/taste/maskedRatings.js';
import { createRatingsStore, followOtherTabs } from '../../web/src/taste/ratingsStore.js';
import { MemoryStorage } from './memoryStorage.js';
import { ASIDE_PREFIX, RATINGS_KEY, SCHEMA, decodeRatings, encodeRatings, readRatings } from '../../web/src/storage/storage.js';

let clock = 1_700_000_000_000;
const now = () => (clock += 1000);

describe('the stored format', () => {
  it('is versioned JSON that reads back what was written', () => {
    const entries = [
      { movieId: 1, stars: 5, at: 10 },
      { movieId: 2571, stars: 0.5, at: 11 },
    ];
    const text = encodeRatings(entries);
    expect(JSON.parse(text).schema).toBe(SCHEMA);
    expect(decodeRatings(text)).toEqual({ entries, marks: [], problem: null });
  });

  it.each([
    ['not JSON', '{"schema":1,"ratings":[', /not valid JSON/],
    ['not an object', '[1,2]', /not a saved list/],
    ['a newer format', '{"schema":7,"ratings":[]}', /newer version of Reel \(format 7/],
    ['no format', '{"ratings":[]}', /format \(null\)/],
    ['no list', '{"schema":1,"ratings":5}', /no list/],
  ])('says what is wrong with %s', (_, text, problem) => {
    expect(decodeRatings(text).problem).toMatch(problem);
  });

  it('keeps the readable ratings of a partly damaged value, and says how many were not', () => {
    const text = JSON.stringify({
      schema: 1,
      ratings: [{ movieId: 1, stars: 5 }, { movieId: 2, stars: 7 }, { movieId: -3, stars: 4 }, null],
    });
    const { entries, problem } = decodeRatings(text);
    expect(entries).toEqual([{ movieId: 1, stars: 5, at: 0 }]);
    expect(problem).toBe('3 of its 4 ratings are not a film id with half stars from 0.5 to 5');
  });
});

/** A writer whose page never goes idle by itself: what it holds is written when the test says (flush). */
const heldWriter = () => createIdleWriter({ schedule: () => () => {}, target: null });

describe('the ratings store', () => {
  it('writes changes when the page is idle, many as one, and a new store (a reload, a new tab) reads them back', () => {
    const storage = new MemoryStorage();
    let writes = 0;
    const setItem = storage.setItem.bind(storage);
    storage.setItem = (k, v) => {
      writes += 1;
      setItem(k, v);
    };
    const a = createRatingsStore({ storage, now, writer: heldWriter() });
    a.rate(1, 5);
    expect(storage.getItem(RATINGS_KEY)).toBeNull(); // not inside the rating itself
    a.flush();
    expect(JSON.parse(storage.getItem(RATINGS_KEY)).ratings).toHaveLength(1);
    a.rate(2571, 4.5);
    a.rate(1, 3.5); // rating again changes it
    a.remove(2571);
    a.rate(4973, 4);
    expect(writes).toBe(1);
    a.flush();
    expect(writes).toBe(2); // four changes, one write of the latest
    const b = createRatingsStore({ storage, now });
    expect(b.get().list.map(({ movieId, stars }) => [movieId, stars])).toEqual([
      [1, 3.5],
      [4973, 4],
    ]);
    expect(b.get().aside).toEqual([]);
    expect(b.get().storageError).toBeNull();
  });

  it('tells its subscribers of each change, with a new snapshot only then', () => {
    const store = createRatingsStore({ storage: new MemoryStorage(), now });
    const seen = [];
    store.subscribe(() => seen.push(store.get().version));
    const before = store.get();
    expect(store.get()).toBe(before);
    store.rate(1, 4);
    store.rate(1, 4); // the same rating again is no change
    store.rate(2, 2);
    expect(seen).toEqual([1, 2]);
    expect(store.get()).not.toBe(before);
  });

  it('keeps its list of ratings the same object through a mark, so what is worked out from them is not worked out again', () => {
    const store = createRatingsStore({ storage: null, now });
    store.rate(1, 4);
    const { list, markList } = store.get();
    store.mark(2, 'seen');
    expect(store.get().list).toBe(list);
    expect(store.get().markList).not.toBe(markList);
    store.rate(3, 5);
    expect(store.get().list).not.toBe(list);
    const masked = maskRatings(store, [3]); // the view that hides ratings set aside does the same
    const shown = masked.get().list;
    store.mark(4, 'seen');
    expect(masked.get().list).toBe(shown);
    expect(shown.map((r) => r.movieId)).toEqual([1]);
  });

  it('refuses what is not a film and a half star', () => {
    const store = createRatingsStore({ storage: new MemoryStorage(), now });
    expect(() => store.rate(1, 4.3)).toThrow(/half star/);
    expect(() => store.rate(0, 4)).toThrow(/movieId/);
    expect(() => store.merge([{ movieId: 1, stars: 6 }])).toThrow(/half star/);
    expect(store.get().list).toEqual([]);
  });

  it('keeps an unreadable stored value aside, shows it, and discards it only when asked', () => {
    const damaged = '{"schema":1,"ratings":[{"movieId":1,"stars":5},';
    const storage = new MemoryStorage({ [RATINGS_KEY]: damaged });
    const store = createRatingsStore({ storage, now });
    const { aside, list } = store.get();
    expect(list).toEqual([]);
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatchObject({ raw: damaged, reason: 'it is not valid JSON' });
    expect(aside[0].key.startsWith(ASIDE_PREFIX)).toBe(true);
    expect(storage.getItem(aside[0].key)).toBe(damaged);

    // Reading it again (a reload before any change) does not copy it twice.
    createRatingsStore({ storage, now });
    expect([...storage.map.keys()].filter((k) => k.startsWith(ASIDE_PREFIX))).toHaveLength(1);

    // A new rating replaces the main value; the copy stays until the visitor discards it.
    store.rate(50, 4);
    store.flush();
    expect(decodeRatings(storage.getItem(RATINGS_KEY)).entries.map((e) => e.movieId)).toEqual([50]);
    expect(createRatingsStore({ storage, now }).get().aside).toHaveLength(1);
    store.discardAside(aside[0].key);
    expect(store.get().aside).toEqual([]);
    expect(storage.getItem(aside[0].key)).toBeNull();
  });

  it('keeps the readable part of a partly damaged value, and the whole value aside', () => {
    const raw = JSON.stringify({
      schema: 1,
      ratings: [
        { movieId: 1, stars: 5 },
        { movieId: 2, stars: 'five' },
      ],
    });
    const store = createRatingsStore({ storage: new MemoryStorage({ [RATINGS_KEY]: raw }), now });
    expect(store.get().list.map((r) => r.movieId)).toEqual([1]);
    expect(store.get().aside[0]).toMatchObject({ raw, reason: '1 of its 2 ratings is not a film id with half stars from 0.5 to 5' });
  });

  it('says so when the browser will not store the ratings, and keeps them for the tab', () => {
    const storage = new MemoryStorage();
    storage.failWrites = true;
    const store = createRatingsStore({ storage, now });
    store.rate(1, 5);
    expect(store.get().list).toHaveLength(1);
    const heard = [];
    store.subscribe(() => heard.push(store.get().storageError));
    store.flush();
    expect(heard).toHaveLength(1); // the refusal is news of its own, after the rating
    expect(store.get().storageError).toMatch(/would not store your ratings .*quota.*until this tab is closed/i);
    const forbidden = {
      getItem() {
        throw new Error('denied');
      },
    };
    expect(readRatings(forbidden).error).toMatch(/does not let the page keep ratings \(denied\)/);
  });

  it('clears all with Undo, merges an import and replaces from a link', () => {
    const store = createRatingsStore({ storage: new MemoryStorage(), now });
    store.rate(1, 5);
    store.rate(2, 3);
    const before = store.clear();
    expect(store.get().list).toEqual([]);
    store.replace(before); // Undo
    expect(store.get().list.map((r) => [r.movieId, r.stars])).toEqual([
      [1, 5],
      [2, 3],
    ]);
    store.merge([
      { movieId: 2, stars: 4 },
      { movieId: 3, stars: 1 },
    ]);
    expect(store.get().list.map((r) => [r.movieId, r.stars])).toEqual([
      [1, 5],
      [2, 4],
      [3, 1],
    ]);
  });

  it('keeps marks beside the ratings: one a film, written at once, read back, undone, followed by other tabs', () => {
    const storage = new MemoryStorage();
    const store = createRatingsStore({ storage, now });
    store.rate(1, 5);
    store.mark(2, 'watchlist');
    store.mark(3, 'seen');
    store.mark(3, 'not interested'); // another mark replaces the first
    store.mark(1, 'seen'); // a rated film may be marked too
    store.flush();
    expect(JSON.parse(storage.getItem(RATINGS_KEY)).marks.map((m) => [m.movieId, m.mark])).toEqual([
      [2, 'watchlist'],
      [3, 'not interested'],
      [1, 'seen'],
    ]);
    const again = createRatingsStore({ storage, now });
    expect(again.get().markList.map((m) => [m.movieId, m.mark])).toEqual([
      [2, 'watchlist'],
      [3, 'not interested'],
      [1, 'seen'],
    ]);
    expect(again.get().marks.get(2).mark).toBe('watchlist');
    store.mark(1, null);
    const before = store.mergeMarks([{ movieId: 4, mark: 'watchlist' }]);
    expect(store.get().marks.has(4)).toBe(true);
    store.replaceMarks(before); // Undo
    expect([...store.get().marks.keys()]).toEqual([2, 3]);
    expect(() => store.mark(5, 'loved')).toThrow(/a mark is one of seen, not interested, watchlist, not "loved"/);
    // Marks alone are kept; nothing at all removes the stored value.
    store.clear();
    store.flush();
    expect(createRatingsStore({ storage, now }).get().markList).toHaveLength(2);
    store.replaceMarks([]);
    store.flush();
    expect(storage.getItem(RATINGS_KEY)).toBeNull();

    const win = new EventTarget();
    const stop = followOtherTabs(again, win);
    store.mark(9, 'watchlist');
    store.flush();
    win.dispatchEvent(Object.assign(new Event('storage'), { key: RATINGS_KEY }));
    expect([...again.get().marks.keys()]).toEqual([9]);
    stop();
  });

  it('keeps the readable marks of a damaged value, names what could not be read, and sets the value aside', () => {
    const raw = JSON.stringify({
      schema: 1,
      ratings: [{ movieId: 1, stars: 5 }],
      marks: [
        { movieId: 2, mark: 'watchlist' },
        { movieId: 3, mark: 'loved' },
        { movieId: 'x', mark: 'seen' },
      ],
    });
    const store = createRatingsStore({ storage: new MemoryStorage({ [RATINGS_KEY]: raw }), now });
    expect(store.get().list.map((r) => r.movieId)).toEqual([1]);
    expect(store.get().markList.map((m) => [m.movieId, m.mark])).toEqual([[2, 'watchlist']]);
    expect(store.get().aside[0]).toMatchObject({
      raw,
      reason: '2 of its 3 marks are not a film id with “seen”, “not interested”, “watchlist”',
    });
    expect(decodeRatings(JSON.stringify({ schema: 1, ratings: [], marks: 'all' })).problem).toMatch(/1 of its 1 marks is not/);
  });

  it('follows another tab that changed the stored ratings', () => {
    const storage = new MemoryStorage();
    const here = createRatingsStore({ storage, now });
    const there = createRatingsStore({ storage, now });
    const win = new EventTarget();
    const stop = followOtherTabs(here, win);
    there.rate(1, 4.5);
    there.flush();
    win.dispatchEvent(Object.assign(new Event('storage'), { key: RATINGS_KEY }));
    expect(here.stars(1)).toBe(4.5);
    stop();
  });

  it('writes a change still waiting when the page is hidden or closed, and when another tab writes', () => {
    const storage = new MemoryStorage();
    const win = new EventTarget();
    const store = createRatingsStore({ storage, now, writer: createIdleWriter({ schedule: () => () => {}, target: win }) });
    store.rate(1, 5);
    win.dispatchEvent(new Event('pagehide'));
    expect(decodeRatings(storage.getItem(RATINGS_KEY)).entries.map((e) => e.movieId)).toEqual([1]);

    // Another tab wrote while this one held a change: the other tab's write is taken over, with
    // this tab's change on top, and written — neither tab's rating is lost.
    const there = createRatingsStore({ storage, now });
    there.rate(7, 2);
    there.flush();
    store.rate(2, 4);
    store.reload();
    expect(decodeRatings(storage.getItem(RATINGS_KEY)).entries.map((e) => e.movieId)).toEqual([1, 7, 2]);
    expect(store.get().list.map((e) => e.movieId)).toEqual([1, 7, 2]);
  });

  it('two tabs changing different films before either writes keep both changes, removals and marks included', () => {
    const storage = new MemoryStorage();
    const held = () => createIdleWriter({ schedule: () => () => {}, target: null }); // writes only when flushed
    const first = createRatingsStore({ storage, now, writer: held() });
    first.rate(1, 5);
    first.rate(3, 2);
    first.mark(9, 'watchlist');
    first.flush();
    const [a, b] = [createRatingsStore({ storage, now, writer: held() }), createRatingsStore({ storage, now, writer: held() })];
    const [winA, winB] = [new EventTarget(), new EventTarget()];
    const stops = [followOtherTabs(a, winA), followOtherTabs(b, winB)];
    a.rate(4, 4.5); // tab A rates a film…
    a.remove(3); // …and removes one
    b.rate(5, 3); // tab B, in the same second, rates another
    b.rate(1, 4); // and changes one A left alone
    b.mark(9, null);
    a.flush(); // A's write lands first: B hears of it
    winB.dispatchEvent(Object.assign(new Event('storage'), { key: RATINGS_KEY }));
    winA.dispatchEvent(Object.assign(new Event('storage'), { key: RATINGS_KEY })); // and A of B's merged write
    const stars = (s) => Object.fromEntries(s.get().list.map((e) => [e.movieId, e.stars]));
    const want = { 1: 4, 4: 4.5, 5: 3 };
    expect(stars(a)).toEqual(want);
    expect(stars(b)).toEqual(want);
    expect(Object.fromEntries(decodeRatings(storage.getItem(RATINGS_KEY)).entries.map((e) => [e.movieId, e.stars]))).toEqual(want);
    expect([a.get().marks.size, b.get().marks.size]).toEqual([0, 0]);
    for (const stop of stops) stop();
  });
});
