// Ratings carried from one MovieLens to another by movieId: each rating's film noted as it was made
// (ratedTitles), those whose id names another film in the data now loaded set aside, and the view of
// the ratings that hides them (maskedRatings) — shown, used, cleared and undone as the page does.
import { describe, expect, it } from 'vitest';
import { createCarriedCheck } from '../../web/src/taste/carriedCheck.js';
import { maskRatings } from '../../web/src/taste/maskedRatings.js';
import { TITLES_KEY, plain, readTitles, sameFilm, sortRatings, writeTitles } from '../../web/src/storage/ratedTitles.js';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { MemoryStorage } from './memoryStorage.js';

const film = (movieId, name, year, alias = null) => ({ movieId, name, year, alias });
const TOY = film(1, 'Toy Story', 1995);
const HEAT = film(6, 'Heat', 1995);
const AMELIE = film(4973, 'Amélie', 2001, "Fabuleux destin d'Amélie Poulain, Le");
const GENERATED = (id) => film(id, `Film ${id}`, 1950 + (id % 69)); // data that only looks like MovieLens

/** The films a catalogue holds for each rating, as client.films answers (null: not in it). */
const filmsFor = (list, catalogue) => list.map((r) => catalogue.get(r.movieId) ?? null);
const catalogueOf = (...films) => new Map(films.map((f) => [f.movieId, f]));

function storeWith(entries) {
  let clock = 1_000;
  const store = createRatingsStore({ storage: new MemoryStorage(), now: () => (clock += 10) });
  store.replace(entries);
  return store;
}

describe('the same film under two releases', () => {
  it('is the same name and year, case, accents and punctuation aside', () => {
    expect(sameFilm(film(1, 'Amélie', 2001), film(1, 'AMELIE', 2001))).toBe(true);
    expect(sameFilm(film(1, 'WALL·E', 2008), film(1, 'Wall-E', 2008))).toBe(true);
    expect(plain('Se7en: (Seven)')).toBe(plain('se7en seven'));
  });

  it('may be known by its alias on either side', () => {
    expect(sameFilm(film(58, 'The Postman', 1994, 'Il Postino'), film(58, 'Il Postino', 1994))).toBe(true);
    expect(sameFilm(film(58, 'Il Postino', 1994), film(58, 'The Postman', 1994, 'Il Postino'))).toBe(true);
  });

  it('is not the same film in another year, or under another name', () => {
    expect(sameFilm(film(1, 'Heat', 1995), film(1, 'Heat', 1986))).toBe(false);
    expect(sameFilm(film(1, 'Heat', 1995), film(1, 'Toy Story', 1995))).toBe(false);
    expect(sameFilm(film(1, 'Heat', null), film(1, 'Heat', undefined))).toBe(true);
  });

  it('is itself whatever script its name is written in', () => {
    for (const name of ['Ёжик в тумане', '七人の侍', 'Το Βλέμμα του Οδυσσέα']) {
      expect(sameFilm(film(9, name, 1975), film(9, name, 1975)), name).toBe(true);
      expect(sameFilm(film(9, name, 1975), film(9, 'Heat', 1975)), name).toBe(false);
    }
    expect(sameFilm(film(9, 'Ёжик в тумане', 1975), film(9, 'Сказка сказок', 1975))).toBe(false);
  });
});

describe('sorting ratings against the data loaded now', () => {
  const list = [
    { movieId: 1, stars: 4, at: 100 },
    { movieId: 6, stars: 3, at: 110 },
    { movieId: 4973, stars: 5, at: 120 },
  ];

  it('counts films here, lists ids it lacks, and notes the film of each rating it holds', () => {
    const titles = new Map();
    const r = sortRatings(list, filmsFor(list, catalogueOf(TOY, HEAT)), titles);
    expect(r).toEqual({ here: 2, missing: [4973], elsewhere: [], changed: true });
    expect(titles.get(1)).toMatchObject({ name: 'Toy Story', year: 1995, at: 100 });
    expect(titles.get(6)).toMatchObject({ name: 'Heat', year: 1995, at: 110 });
    expect(titles.has(4973)).toBe(false); // nothing to note it by here

    const again = sortRatings(list, filmsFor(list, catalogueOf(TOY, HEAT)), titles);
    expect(again).toEqual({ here: 2, missing: [4973], elsewhere: [], changed: false });
  });

  it('carries a rating to another release of the same film', () => {
    const titles = new Map();
    sortRatings(list, filmsFor(list, catalogueOf(TOY, HEAT, AMELIE)), titles);
    const renamed = catalogueOf(film(1, 'Toy story', 1995), HEAT, film(4973, 'The Fabulous Destiny of Amelie Poulain', 2001, 'Amelie'));
    const r = sortRatings(list, filmsFor(list, renamed), titles);
    expect(r.here).toBe(3);
    expect(r.elsewhere).toEqual([]);
  });

  it('sets aside a rating whose id names another film here, and keeps its note', () => {
    const titles = new Map();
    sortRatings(list, filmsFor(list, catalogueOf(TOY, HEAT, AMELIE)), titles);
    const generated = catalogueOf(GENERATED(1), HEAT, GENERATED(4973));
    const r = sortRatings(list, filmsFor(list, generated), titles);
    expect(r.here).toBe(1);
    expect(r.missing).toEqual([]);
    expect(r.elsewhere.map((e) => e.movieId)).toEqual([1, 4973]);
    expect(r.elsewhere[0]).toMatchObject({ was: { name: 'Toy Story', year: 1995 }, now: { name: 'Film 1' } });
    expect(r.changed).toBe(false);
    expect(titles.get(1)).toMatchObject({ name: 'Toy Story', at: 100 }); // back with the data it was made on

    const home = sortRatings(list, filmsFor(list, catalogueOf(TOY, HEAT, AMELIE)), titles);
    expect(home).toMatchObject({ here: 3, elsewhere: [] });
  });

  it('notes a rating made again on the data now loaded as a rating of its film here', () => {
    const titles = new Map();
    sortRatings(list, filmsFor(list, catalogueOf(TOY, HEAT)), titles);
    const generated = catalogueOf(GENERATED(1), HEAT);
    const rerated = [{ movieId: 1, stars: 2, at: 500 }, list[1]];
    const r = sortRatings(rerated, filmsFor(rerated, generated), titles);
    expect(r).toMatchObject({ here: 2, elsewhere: [], changed: true });
    expect(titles.get(1)).toMatchObject({ name: 'Film 1', at: 500 });
    // Back on the data the first rating was made on, this one names another film there.
    const back = sortRatings(rerated, filmsFor(rerated, catalogueOf(TOY, HEAT)), titles);
    expect(back.elsewhere.map((e) => e.movieId)).toEqual([1]);
  });
});

describe('the record of rated films', () => {
  it('is kept in storage and read back; a damaged one is noted afresh, a refused write is no error', () => {
    const storage = new MemoryStorage();
    const titles = new Map([[1, { name: 'Toy Story', year: 1995, alias: null, at: 100 }]]);
    writeTitles(storage, titles);
    expect(readTitles(storage)).toEqual(titles);
    storage.setItem(TITLES_KEY, '{"1": {"name": "Toy');
    expect(readTitles(storage).size).toBe(0);
    storage.setItem(TITLES_KEY, JSON.stringify({ 1: { name: 'Toy Story', at: 1 }, x: { name: 'Heat' }, 6: { year: 1995 } }));
    expect([...readTitles(storage).keys()]).toEqual([1]);
    // Issue 24: a note of another shape is noted afresh rather than read (an alias of 5 threw in sorting).
    const odd = [
      { name: 'Toy Story', alias: 5, at: 1 },
      { name: 'Toy Story', year: '1995', at: 1 },
      { name: 'Toy Story', at: 1, prior: 3 },
    ];
    storage.setItem(TITLES_KEY, JSON.stringify({ ...odd, 4: { name: 'Heat', at: 2 } }));
    expect([...readTitles(storage).keys()]).toEqual([4]);
    const toy = { movieId: 1, name: 'Toy Story', year: 1995, alias: null };
    for (const note of ['[]', 'null', '5', JSON.stringify({ 1: odd[0] }), JSON.stringify({ 1: { ...odd[1], at: 9 } })]) {
      storage.setItem(TITLES_KEY, note);
      expect(() => sortRatings([{ movieId: 1, at: 9 }], [toy], readTitles(storage))).not.toThrow();
    }
    storage.failWrites = true;
    expect(() => writeTitles(storage, titles)).not.toThrow();
    expect(readTitles(null).size).toBe(0);
  });
});

describe('the ratings with some set aside', () => {
  const ENTRIES = [
    { movieId: 1, stars: 4, at: 100 },
    { movieId: 6, stars: 3, at: 110 },
    { movieId: 34, stars: 5, at: 120 },
  ];

  it('hides them from the list, the lookup and stars(), and keeps them stored', () => {
    const store = storeWith(ENTRIES);
    const shown = maskRatings(store, [6]);
    expect(shown.get().list.map((e) => e.movieId)).toEqual([1, 34]);
    expect(shown.get().ratings.has(6)).toBe(false);
    expect(shown.get().ratings.get(34)).toMatchObject({ stars: 5 });
    expect(shown.stars(6)).toBeNull();
    expect(shown.stars(1)).toBe(4);
    expect(store.get().list.map((e) => e.movieId)).toEqual([1, 6, 34]);
    expect(shown.get()).toBe(shown.get()); // the same object until a change
    store.rate(34, 2);
    expect(shown.get().ratings.get(34).stars).toBe(2);
    expect(shown.get().list.map((e) => e.movieId)).toEqual([1, 34]);
  });

  it('cannot remove one set aside', () => {
    const store = storeWith(ENTRIES);
    const shown = maskRatings(store, [6]);
    shown.remove(6);
    expect(store.stars(6)).toBe(3);
    shown.remove(1);
    expect(store.stars(1)).toBeNull();
  });

  it('makes a rating of a film set aside a rating of the film here, shown at once', () => {
    const store = storeWith(ENTRIES);
    const shown = maskRatings(store, [6]);
    let told = 0;
    shown.subscribe(() => (told += 1));
    shown.rate(6, 1.5);
    expect(told).toBeGreaterThan(0);
    expect(shown.stars(6)).toBe(1.5);
    expect(shown.get().list.map((e) => e.movieId)).toContain(6);
    expect(store.get().ratings.get(6).at).toBeGreaterThan(110);
  });

  it('makes it a new rating even with the stars the one set aside had', () => {
    const store = storeWith(ENTRIES);
    const titles = new Map([[6, { name: 'Heat', year: 1995, alias: null, at: 110 }]]);
    const here = catalogueOf(TOY, GENERATED(6), film(34, 'Babe', 1995));
    const before = sortRatings(store.get().list, filmsFor(store.get().list, here), titles);
    expect(before.elsewhere.map((e) => e.movieId)).toEqual([6]);

    const shown = maskRatings(store, [6]);
    let told = 0;
    shown.subscribe(() => (told += 1));
    shown.rate(6, 3); // the same stars as the rating of Heat, now given to "Film 6"
    expect(told).toBeGreaterThan(0); // the page hears of it
    expect(shown.stars(6)).toBe(3);
    expect(store.get().ratings.get(6).at).not.toBe(110); // a rating made now…
    const after = sortRatings(store.get().list, filmsFor(store.get().list, here), titles);
    expect(after.elsewhere).toEqual([]); // …of the film here, not set aside again
    expect(titles.get(6)).toMatchObject({ name: 'Film 6' });
  });

  it('are kept through Clear, and Undo brings back the rest', () => {
    const store = storeWith(ENTRIES);
    const shown = maskRatings(store, [6]);
    const cleared = shown.clear();
    expect(cleared.map((e) => e.movieId)).toEqual([1, 34]);
    expect(shown.get().list).toEqual([]);
    expect(store.get().list.map((e) => e.movieId)).toEqual([6]);
    shown.replace(cleared);
    expect(
      store
        .get()
        .list.map((e) => [e.movieId, e.stars, e.at])
        .sort((a, b) => a[0] - b[0]),
    ).toEqual(ENTRIES.map((e) => [e.movieId, e.stars, e.at]));
    expect(
      shown
        .get()
        .list.map((e) => e.movieId)
        .sort((a, b) => a - b),
    ).toEqual([1, 34]);
  });

  it('are kept when ratings are brought in or replaced, unless one of them is given', () => {
    const store = storeWith(ENTRIES);
    const shown = maskRatings(store, [6]);
    shown.merge([{ movieId: 296, stars: 4.5 }]);
    expect(store.stars(6)).toBe(3);
    expect(shown.stars(6)).toBeNull();
    expect(shown.stars(296)).toBe(4.5);

    shown.replace([{ movieId: 2571, stars: 5 }]);
    expect(
      store
        .get()
        .list.map((e) => e.movieId)
        .sort((a, b) => a - b),
    ).toEqual([6, 2571]);
    expect(shown.get().list.map((e) => e.movieId)).toEqual([2571]);

    shown.merge([{ movieId: 6, stars: 0.5 }]); // a rating of the film this id names here
    expect(shown.stars(6)).toBe(0.5);
    expect(shown.get().list.map((e) => e.movieId)).toContain(6);
  });

  it('a film set aside and given by a replacement is the replacement’s, shown at once', () => {
    const store = storeWith(ENTRIES);
    const shown = maskRatings(store, [6]);
    shown.replace([
      { movieId: 6, stars: 2 },
      { movieId: 1, stars: 1 },
    ]);
    expect(
      store
        .get()
        .list.map((e) => [e.movieId, e.stars])
        .sort((a, b) => a[0] - b[0]),
    ).toEqual([
      [1, 1],
      [6, 2],
    ]);
    expect(shown.stars(6)).toBe(2);
    expect(
      shown
        .get()
        .list.map((e) => e.movieId)
        .sort((a, b) => a - b),
    ).toEqual([1, 6]);
  });
});

// The page's own cycle (App.jsx, useCarriedRatings.js, ImportRatings.jsx): sort the ratings against
// the catalogue, set aside what names another film, hand the masked view to the components; again
// whenever the ratings change.
function page(store, catalogue) {
  const titles = new Map();
  const view = { shown: null, report: null };
  const sort = () => {
    const list = store.get().list;
    view.report = sortRatings(list, filmsFor(list, catalogue.current), titles);
    view.shown = maskRatings(
      store,
      view.report.elsewhere.map((e) => e.movieId),
    );
  };
  store.subscribe(sort);
  sort();
  return { view, titles, sort };
}

describe('an import over a rating set aside, undone', () => {
  it('brings the rating set aside back, and sets it aside again', () => {
    const store = storeWith([
      { movieId: 1, stars: 4, at: 100 },
      { movieId: 6, stars: 3, at: 110 },
    ]);
    const catalogue = { current: catalogueOf(TOY, HEAT) };
    const { view, sort } = page(store, catalogue);
    expect(view.report.here).toBe(2);

    catalogue.current = catalogueOf(TOY, GENERATED(6)); // another dataset: id 6 is another film
    sort();
    expect(view.report.elsewhere.map((e) => e.movieId)).toEqual([6]);

    const before = view.shown.merge([{ movieId: 6, stars: 5 }]); // an import matched "Film 6"
    expect(view.report.elsewhere).toEqual([]);
    expect(view.shown.stars(6)).toBe(5);

    view.shown.replace(before); // Undo, on the view the page holds now
    expect(store.get().ratings.get(6)).toMatchObject({ stars: 3, at: 110 }); // the rating of Heat, as it was
    expect(view.report.elsewhere.map((e) => e.movieId)).toEqual([6]); // set aside again, not counted for Film 6
    expect(view.shown.stars(6)).toBeNull();

    catalogue.current = catalogueOf(TOY, HEAT); // and back on its own data it counts again
    sort();
    expect(view.report).toMatchObject({ here: 2, elsewhere: [] });
  });
});

describe('sorting a rating at a time (carriedCheck)', () => {
  const list = [
    { movieId: 1, stars: 4, at: 100 },
    { movieId: 6, stars: 3, at: 110 },
    { movieId: 4973, stars: 5, at: 120 },
  ];

  it('reports as sorting them all does, and sorts again only ratings new or made again', () => {
    const here = catalogueOf(TOY, HEAT);
    const check = createCarriedCheck(new Map());
    expect(check.unsorted(list)).toEqual(list);
    expect(check.sort(list, filmsFor(list, here))).toBe(true); // films noted
    const { changed, ...all } = sortRatings(list, filmsFor(list, here), new Map());
    expect(check.report(list)).toEqual(all);

    const more = [...list.slice(1), { movieId: 1, stars: 2, at: 300 }, { movieId: 34, stars: 4, at: 310 }];
    expect(check.unsorted(more).map((r) => r.movieId)).toEqual([1, 34]); // made again, and new
    expect(check.unsorted(list.slice(0, 2))).toEqual([]); // a removal asks nothing
  });

  it('sets aside a rating whose id names another film, and keeps it so until it is made again', () => {
    const titles = new Map();
    const check = createCarriedCheck(titles);
    check.sort(list, filmsFor(list, catalogueOf(TOY, HEAT, AMELIE)));
    const generated = createCarriedCheck(titles); // other data: sorted afresh against it
    generated.sort(list, filmsFor(list, catalogueOf(GENERATED(1), HEAT, AMELIE)));
    expect(generated.report(list).elsewhere.map((e) => e.movieId)).toEqual([1]);
    const again = [{ movieId: 1, stars: 4, at: 500 }, ...list.slice(1)];
    const unsorted = generated.unsorted(again);
    generated.sort(unsorted, filmsFor(unsorted, catalogueOf(GENERATED(1))));
    expect(generated.report(again)).toMatchObject({ here: 3, elsewhere: [] }); // made here: of the film it names here
  });
});
