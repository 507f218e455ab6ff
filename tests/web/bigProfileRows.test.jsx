// @vitest-environment happy-dom
// A 20,000-rating profile in the page (issue 24, item 7): "Your ratings" builds only its newest rows
// and asks the worker only for their films, so the page stays usable — counted in rows and ids, not time.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../web/src/App.jsx';
import { forgetFilms } from '../../web/src/films/useFilms.js';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { RATINGS_PAGE } from '../../web/src/taste/YourRatings.jsx';
import { fakeClient } from './fakeClient.js';

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  forgetFilms();
});
afterEach(cleanup);

const SIZE = 20_000;
const rows = () => document.querySelectorAll('.rated-list > li').length;

describe('Your ratings with 20,000 of them', () => {
  it('shows the newest fifty, fifty more a press, and asks the worker only for the films shown', async () => {
    const client = fakeClient();
    const store = createRatingsStore({ storage: null });
    store.replace(
      Array.from({ length: SIZE }, (_, i) => ({
        movieId: i + 1,
        stars: 4,
        at: i,
      })),
    );
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

  it('leaves the rows as they are while the visitor types a search', async () => {
    const client = fakeClient();
    const store = createRatingsStore({ storage: null });
    store.replace(
      Array.from({ length: SIZE }, (_, i) => ({
        movieId: i + 1,
        stars: 4,
        at: i,
      })),
    );
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
