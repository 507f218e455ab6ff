// @vitest-environment happy-dom
// A 20,000-rating profile in the page (issue 24, item 7): "Your ratings" builds only its newest rows
// and asks the worker only for their films, a rating or a mark sends the worker the profile as two
// arrays and asks it for no film but the one rated or marked — counted in rows, ids and messages, not time.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../web/src/App.jsx';
import { forgetFilms } from '../../web/src/films/useFilms.js';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { RATINGS_PAGE } from '../../web/src/taste/YourRatings.jsx';
import { fakeClient } from './fakeClient.js';
import { allSectionsIn } from './allSections.js';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  forgetFilms();
});
afterEach(cleanup);

const SIZE = 20_000;
const rows = () => document.querySelectorAll('.rated-list > li').length;

/** A store of `n` four-star ratings of films 1 … n, the last made newest. */
function storeOf(n) {
  const store = createRatingsStore({ storage: null });
  store.replace(Array.from({ length: n }, (_, i) => ({ movieId: i + 1, stars: 4, at: i })));
  return store;
}

describe('Your ratings with 20,000 of them', () => {
  it('shows the newest fifty, fifty more a press, and asks the worker only for the films shown', async () => {
    const client = fakeClient();
    const store = storeOf(SIZE);
    render(<App client={client} dataUrl="/data/" store={store} />);
    await waitFor(() => expect(document.querySelector('.rated-list > li .rating-stars, .rated-list > li button')).toBeTruthy());
    expect(screen.getByRole('heading', { name: `Your ratings ${SIZE}` })).toBeTruthy();
    expect(rows()).toBe(RATINGS_PAGE);
    expect(document.querySelector('.rated-list > li').dataset.movieId).toBe(String(SIZE)); // the newest first

    // "Your ratings" asks for the films of its rows only (other parts may ask for every rating's film once, in one request).
    const asked = client.calls.filter((c) => c[0] === 'films').map((c) => c[1].length);
    expect(asked.filter((n) => n === RATINGS_PAGE)).toHaveLength(1);
    expect(asked.filter((n) => n > RATINGS_PAGE).length).toBeLessThanOrEqual(1);

    fireEvent.click(screen.getByRole('button', { name: 'Show more of your ratings' }));
    await waitFor(() => expect(rows()).toBe(2 * RATINGS_PAGE));
  });

  it('sends the profile as two arrays, and after a rating or a mark asks for no film but the one rated or marked', async () => {
    const client = fakeClient();
    const sent = [];
    const recommendFor = client.recommendFor;
    client.recommendFor = (args, onProgress) => {
      sent.push(args.ratings);
      return recommendFor(args, onProgress);
    };
    const store = storeOf(SIZE - 1);
    render(<App client={client} dataUrl="/data/" store={store} />);
    await waitFor(() => expect(sent.length).toBeGreaterThan(0));
    expect(sent[0].movieIds).toBeInstanceOf(Int32Array);
    expect(sent[0].stars).toBeInstanceOf(Float32Array);
    expect(sent[0].movieIds).toHaveLength(SIZE - 1);
    await waitFor(() => expect(client.calls.some((c) => c[0] === 'films' && c[1].length === SIZE - 1)).toBe(true)); // once, for this data

    await allSectionsIn(); // so no section's first request lands among the ones counted below
    const asked = () => client.calls.filter((c) => c[0] === 'films').map((c) => c[1]);
    const before = asked().length;
    store.rate(SIZE, 5); // a new film: its row in "Your ratings" and its check ask for it, each alone
    await waitFor(() => expect(sent.at(-1).movieIds).toHaveLength(SIZE));
    await waitFor(() => expect(asked().slice(before)).toEqual([[SIZE], [SIZE]]));
    store.rate(SIZE - 1, 2); // rated again: its row is on screen already, so only its check asks
    await waitFor(() => expect(asked().slice(before)).toEqual([[SIZE], [SIZE], [SIZE - 1]]));
    const afterRatings = asked().length;
    const queries = sent.length;
    store.mark(8, 'seen');
    await waitFor(() => expect(sent.length).toBeGreaterThan(queries)); // the next films are asked again
    await waitFor(() => expect(asked().slice(afterRatings)).toEqual([[8]])); // for the list of marked films; no rating changed
  });

  it('leaves the rows as they are while the visitor types a search', async () => {
    const client = fakeClient();
    const store = storeOf(SIZE);
    render(<App client={client} dataUrl="/data/" store={store} />);
    await waitFor(() => expect(rows()).toBe(RATINGS_PAGE));
    const box = await screen.findByRole('combobox', {
      name: 'Find a film you have seen',
    });
    await waitFor(() => expect(box.disabled).toBe(false));
    for (const text of ['g', 'go', 'god']) fireEvent.input(box, { target: { value: text } });
    await waitFor(() => expect(client.calls.some((c) => c[0] === 'search')).toBe(true));
    expect(rows()).toBe(RATINGS_PAGE);
  });
});
