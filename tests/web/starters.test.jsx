// @vitest-environment happy-dom
// "Rate a few you know" learns from each rating: once the visitor moves on from a starter they
// rated, the engine chooses one film from their ratings so far to take its place — at once when
// the rating came from elsewhere, only after focus leaves the card when they rated it there.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { options } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { RateFilm } from '../../web/src/taste/RateFilm.jsx';
import { Starters } from '../../web/src/taste/Starters.jsx';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { RatingsContext } from '../../web/src/taste/ratingsContext.js';
import { BABE, HEAT, LOST, POSTMAN, TOY, fakeClient } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';

afterEach(cleanup);

/** The engine's starters: the first set, then one film at a time from what is left, as it chooses. */
function startersClient(left = [POSTMAN, LOST]) {
  const asked = [];
  const client = fakeClient({
    starters: async ({ k, exclude, ratings }) => {
      asked.push({ k, exclude: [...exclude].sort((a, b) => a - b), ratings });
      if (k > 1) return [TOY, HEAT, BABE];
      return left.filter((f) => !exclude.includes(f.movieId)).slice(0, k);
    },
  });
  return { client, asked };
}

function renderStarters(client) {
  const store = createRatingsStore({ storage: new MemoryStorage() });
  render(
    <RatingsContext.Provider value={store}>
      <button type="button">elsewhere</button>
      <Starters client={client} store={store} ready onPick={() => {}} />
    </RatingsContext.Provider>,
  );
  return store;
}

const shown = () => [...document.querySelectorAll('.starter')].map((li) => Number(li.dataset.movieId));

describe('rate a few you know', () => {
  it('puts a film chosen from the ratings so far in the place of each one rated', async () => {
    const { client, asked } = startersClient();
    const store = renderStarters(client);
    await waitFor(() => expect(shown()).toEqual([1, 6, 34]));
    store.rate(HEAT.movieId, 4); // rated from elsewhere (search, a share link): its card holds no focus
    await waitFor(() => expect(shown()).toEqual([1, POSTMAN.movieId, 34])); // in Heat's place, the others kept
    expect(asked.at(-1)).toEqual({ k: 1, exclude: [1, 6, 34], ratings: [{ movieId: 6, stars: 4 }] });
    store.rate(TOY.movieId, 5);
    await waitFor(() => expect(shown()).toEqual([LOST.movieId, POSTMAN.movieId, 34]));
    expect(asked.at(-1).exclude).toEqual([1, 6, 34, POSTMAN.movieId]); // never one shown before
  });

  it('draws the set once when it arrives: each card one render', async () => {
    const cards = new Map(); // movieId → renders of its rating control
    const previous = options.diffed;
    options.diffed = (vnode) => {
      if (vnode.type === RateFilm) cards.set(vnode.props.film.movieId, (cards.get(vnode.props.film.movieId) ?? 0) + 1);
      previous?.(vnode);
    };
    try {
      renderStarters(startersClient().client);
      await waitFor(() => expect(shown()).toEqual([1, 6, 34]));
      // Preact runs a render's effects in a task after the next frame: past both, whatever they render is in.
      await new Promise(requestAnimationFrame);
      await new Promise((r) => setTimeout(r));
      expect([...cards]).toEqual([
        [1, 1],
        [6, 1],
        [34, 1],
      ]);
    } finally {
      options.diffed = previous;
    }
  });

  it('offers, once a film is rated, a way down to the next films it leads to, its room kept before', async () => {
    const { client } = startersClient();
    const store = renderStarters(client);
    const heading = document.createElement('h3');
    heading.id = 'next-films-title';
    heading.tabIndex = -1;
    document.body.append(heading);
    await waitFor(() => expect(shown()).toEqual([1, 6, 34]));
    const jump = document.querySelector('.jump-next');
    expect([jump.style.visibility, jump.getAttribute('aria-hidden'), jump.tabIndex]).toEqual(['hidden', 'true', -1]);
    store.rate(HEAT.movieId, 4);
    await waitFor(() => expect(screen.getByRole('button', { name: 'See your next films' }).tabIndex).toBe(0));
    expect(jump.style.visibility).toBe('');
    fireEvent.click(jump);
    expect(document.activeElement).toBe(heading);
    heading.remove();
  });

  it('gives two films rated at once (an import, a shared link) two different successors', async () => {
    const { client, asked } = startersClient();
    const store = renderStarters(client);
    await waitFor(() => expect(shown()).toEqual([1, 6, 34]));
    store.rate(TOY.movieId, 5);
    store.rate(HEAT.movieId, 4);
    await waitFor(() => expect(shown()).toEqual([POSTMAN.movieId, LOST.movieId, 34]));
    const [, second] = asked.filter((a) => a.k === 1);
    expect(second.exclude).toContain(POSTMAN.movieId); // asked once the first had its answer, which it excludes
  });

  it('keeps the card a visitor is rating until they move on from it', async () => {
    const { client, asked } = startersClient();
    renderStarters(client);
    const cards = await screen.findAllByRole('radiogroup', { name: /^Rate / });
    const four = within(cards[1]).getByRole('radio', { name: '4 stars' });
    four.focus();
    fireEvent.click(four); // arrow keys rate as they move: the card must not go from under them
    fireEvent.click(within(cards[1]).getByRole('radio', { name: '5 stars' }));
    await Promise.resolve();
    expect(shown()).toEqual([1, 6, 34]);
    expect(asked.filter((a) => a.k === 1)).toHaveLength(0);
    screen.getByRole('button', { name: 'elsewhere' }).focus(); // focus leaves the card
    await waitFor(() => expect(shown()).toEqual([1, POSTMAN.movieId, 34]));
    expect(asked.at(-1).ratings).toEqual([{ movieId: 6, stars: 5 }]); // chosen from the rating they settled on
  });

  it('offers no film the visitor has not seen by their own marks (watchlist, not interested); one marked seen still comes', async () => {
    const { client, asked } = startersClient();
    const store = renderStarters(client);
    await waitFor(() => expect(shown()).toEqual([1, 6, 34]));
    store.mark(POSTMAN.movieId, 'watchlist');
    store.mark(LOST.movieId, 'seen');
    store.mark(99, 'not interested');
    store.rate(HEAT.movieId, 4);
    await waitFor(() => expect(shown()).toEqual([1, LOST.movieId, 34])); // seen, so worth rating
    expect(asked.at(-1).exclude).toEqual([1, 6, 34, POSTMAN.movieId, 99]);
  });

  it('leaves a rated card in place when the engine has no starter left to show', async () => {
    const { client, asked } = startersClient([]);
    const store = renderStarters(client);
    await waitFor(() => expect(shown()).toEqual([1, 6, 34]));
    store.rate(BABE.movieId, 3);
    await waitFor(() => expect(asked.filter((a) => a.k === 1)).toHaveLength(1));
    await Promise.resolve();
    expect(shown()).toEqual([1, 6, 34]);
  });
});
