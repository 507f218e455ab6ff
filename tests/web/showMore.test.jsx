// @vitest-environment happy-dom
// "Show more": a visitor's next films, a viewer's and films like X grow ten at a time to fifty (or
// the engine's lower cap), each film keeping its reason and the filters, with keyboard focus moved
// to the first film newly shown; a list with no more to give offers none.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SimilarFilms } from '../../web/src/films/SimilarFilms.jsx';
import { NextFilms } from '../../web/src/taste/NextFilms.jsx';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { RatingsContext } from '../../web/src/taste/ratingsContext.js';
import { Recommendations } from '../../web/src/viewers/Recommendations.jsx';
import { TOY, fakeClient } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';

afterEach(cleanup);

/** The i-th of as many films as asked for, as the engine would give them. */
const nth = (i) => ({
  movieId: 1000 + i,
  title: `Film ${i} (2001)`,
  name: `Film ${i}`,
  alias: null,
  year: 2001,
  genres: ['Drama'],
  ratings: 50,
  imdbId: 100000 + i,
  tmdbId: 500 + i,
});
const films = (k, cap = Infinity) => Array.from({ length: Math.min(k, cap) }, (_, i) => nth(i + 1));

function withStore(ui, store = createRatingsStore({ storage: new MemoryStorage() })) {
  return { store, ...render(<RatingsContext.Provider value={store}>{ui}</RatingsContext.Provider>) };
}

const items = (list) => within(list).getAllByRole('listitem');
const focusedFilm = () => document.activeElement?.closest('.film-item')?.dataset.movieId;

describe('a viewer’s next films', () => {
  const client = () =>
    fakeClient({
      recommend: async ({ userId, k, model = 'implicit' }) => ({
        userId,
        model,
        films: films(k).map((f, i) => ({ ...f, score: 3 - i / 100 })),
      }),
    });

  it('grow ten at a time to fifty, focus on the first new film, and no further', async () => {
    withStore(<Recommendations client={client()} userId={1} ready model="implicit" onPick={() => {}} maxResults={1000} />);
    const list = await screen.findByRole('list', { name: 'Next films for viewer 1' });
    expect(items(list)).toHaveLength(10);
    for (const n of [20, 30, 40, 50]) {
      fireEvent.click(screen.getByRole('button', { name: 'Show more next films for viewer 1' }));
      await waitFor(() => expect(items(list)).toHaveLength(n));
      await waitFor(() => expect(focusedFilm()).toBe(String(1000 + n - 9))); // the first of the ten new ones
    }
    expect(screen.queryByRole('button', { name: /^Show more/ })).toBeNull();
  });

  it('stop at the engine’s own cap when it is lower than fifty', async () => {
    withStore(<Recommendations client={client()} userId={1} ready model="implicit" onPick={() => {}} maxResults={25} />);
    const list = await screen.findByRole('list', { name: 'Next films for viewer 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Show more next films for viewer 1' }));
    await waitFor(() => expect(items(list)).toHaveLength(20));
    fireEvent.click(screen.getByRole('button', { name: 'Show more next films for viewer 1' }));
    await waitFor(() => expect(items(list)).toHaveLength(25));
    expect(screen.queryByRole('button', { name: /^Show more/ })).toBeNull();
  });
});

describe('your next films', () => {
  it('show more with their reasons, asked of the engine with the same filters', async () => {
    const asked = [];
    const c = fakeClient({
      recommendFor: async ({ ratings, k, filter }) => (
        asked.push([ratings, k, filter]),
        {
          model: 'ranking',
          mixedIn: null,
          mix: 0,
          films: films(k, 14).map((f, i) => ({
            ...f,
            score: 2 - i / 100,
            because: [{ movieId: 1, name: 'Toy Story', year: 1995, stars: 5, share: 1 }],
          })),
          fromPopularity: false,
          unknown: [],
          unrated: [],
        }
      ),
    });
    const store = createRatingsStore({ storage: new MemoryStorage() });
    store.rate(TOY.movieId, 5);
    const filter = { anyGenre: ['Drama'], noGenre: [], minYear: 1990, maxYear: 2019, minRatings: 0, maxRatings: 0 };
    const filters = { include: ['Drama'], exclude: [], fromDecade: 1990, toDecade: 2010, fame: 2 };
    withStore(
      <NextFilms
        client={c}
        store={store}
        ready
        model=""
        labelOf={(n) => n}
        filter={filter}
        filters={filters}
        onPick={() => {}}
        maxResults={1000}
      />,
      store,
    );
    const list = await screen.findByRole('list', { name: 'Your next films' });
    await waitFor(() => expect(items(list)).toHaveLength(10));
    fireEvent.click(screen.getByRole('button', { name: 'Show more of your next films' }));
    // The filters leave fourteen: all of them, each with its reason, and no button for more.
    await waitFor(() => expect(items(list)).toHaveLength(14));
    for (const item of items(list)) expect(within(item).getByText(/^Because you rated Toy Story 5 stars\.$/)).toBeTruthy();
    await waitFor(() => expect(focusedFilm()).toBe('1011'));
    expect(screen.queryByRole('button', { name: 'Show more of your next films' })).toBeNull();
    expect(asked.at(-1)).toEqual([[{ movieId: 1, stars: 5 }], 20, filter]);
  });
});

describe('films like X', () => {
  it('show more of the same film’s neighbours, and start again at ten for another film', async () => {
    const asked = [];
    const c = fakeClient({
      similar: async ({ movieId, k, model }) => {
        asked.push([movieId, k]);
        const neighbours = films(k).map((f, i) => ({ ...f, score: 0.9 - i / 100, likedBoth: 40 - i, otherGenre: false }));
        return {
          film: movieId === 1 ? TOY : { ...TOY, movieId, name: 'Another', title: 'Another (1995)' },
          model,
          likedFilm: 97,
          unrated: false,
          neighbours,
        };
      },
    });
    const props = {
      client: c,
      loaded: true,
      ready: true,
      model: 'implicit',
      filters: { include: [], exclude: [], fromDecade: null, toDecade: null, fame: 2 },
      focusKey: 0,
      onPick: () => {},
      onOpenFilters: () => {},
      maxResults: 1000,
    };
    const { rerender, store } = withStore(<SimilarFilms {...props} filmId={1} />);
    const list = await screen.findByRole('list', { name: 'Films like Toy Story (1995)' });
    expect(items(list)).toHaveLength(10);
    fireEvent.click(screen.getByRole('button', { name: 'Show more films like Toy Story (1995)' }));
    await waitFor(() => expect(items(list)).toHaveLength(20));
    await waitFor(() => expect(focusedFilm()).toBe('1011'));
    expect(within(items(list)[19]).getByText(/^Liked by 21 of the 97 people who loved Toy Story$/)).toBeTruthy();

    rerender(
      <RatingsContext.Provider value={store}>
        <SimilarFilms {...props} filmId={6} />
      </RatingsContext.Provider>,
    );
    const other = await screen.findByRole('list', { name: 'Films like Another (1995)' });
    await waitFor(() => expect(items(other)).toHaveLength(10));
    expect(asked).toEqual([
      [1, 10],
      [1, 20],
      [6, 10],
    ]);
  });
});
