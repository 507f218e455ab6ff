// @vitest-environment happy-dom
// Big but legal (issue 24): over the engine's 20,000-rating profile limit the page asks which to keep
// — the most recent, the highest-rated — or lets the visitor cancel, instead of the engine's refusal
// and no next films; a choice can be undone. And a loaded MovieLens says how many repeated rows it set aside.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../web/src/App.jsx';
import { keepWithin } from '../../web/src/taste/profileLimit.js';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { onAnnounce } from '../../web/src/ui/announcer.js';
import { fakeClient } from './fakeClient.js';

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

const trainingState = () => document.querySelector('.training-status')?.dataset.state;

describe('which ratings to keep', () => {
  const list = [
    { movieId: 1, stars: 5, at: 10 },
    { movieId: 2, stars: 2, at: 40 },
    { movieId: 3, stars: 4.5, at: 30 },
    { movieId: 4, stars: 5, at: 20 },
    { movieId: 5, stars: 1, at: 20 },
  ];
  it('keeps the most recent or the highest-rated, in the order the list holds them', () => {
    expect(keepWithin(list, 3, 'recent').map((e) => e.movieId)).toEqual([2, 3, 5]); // 40, 30, then the later of two at 20
    expect(keepWithin(list, 3, 'highest').map((e) => e.movieId)).toEqual([1, 3, 4]); // 5, 5 and 4.5
    expect(keepWithin(list, 9, 'recent')).toBe(list);
  });
});

/**
 * The page with eight ratings (`stars(i)` each) and a fake engine whose limit is 5, so the page works
 * as it does with 20,000 at the real one.
 */
function overTheLimit(stars) {
  const client = fakeClient();
  const load = client.answers.load;
  client.answers.load = async (fields, onProgress) => {
    const r = await load(fields, onProgress);
    return { ...r, limits: { ...r.limits, maxProfile: 5 } };
  };
  const store = createRatingsStore({ storage: null });
  store.replace(Array.from({ length: 8 }, (_, i) => ({ movieId: i + 1, stars: stars(i), at: i })));
  render(<App client={client} dataUrl="/data/" store={store} />);
  return { client, store };
}

describe('a profile over the limit', () => {
  it('asks which to keep instead of a dead end; each choice keeps the limit, Undo brings the others back, Cancel keeps all', async () => {
    const { client, store } = overTheLimit((i) => (i < 2 ? 5 : 3));
    await waitFor(() => expect(trainingState()).toBe('ready'));
    const ask = await screen.findByRole('group', { name: /You have 8 ratings, and Reel folds at most 5/ });
    expect(client.calls.filter((c) => c[0] === 'recommendFor')).toHaveLength(0); // the engine is not asked to refuse

    fireEvent.click(within(ask).getByRole('button', { name: 'Keep the 5 highest-rated' }));
    expect(store.get().list.map((e) => e.movieId)).toEqual([1, 2, 6, 7, 8]); // both 5-star films, then the most recent
    await waitFor(() => expect(client.calls.some((c) => c[0] === 'recommendFor')).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(store.get().list).toHaveLength(8);

    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(store.get().list).toHaveLength(8);
    expect(screen.getByText(/All 8 ratings are kept; your next films wait/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Choose which to keep' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep the 5 most recent' }));
    expect(store.get().list.map((e) => e.movieId)).toEqual([4, 5, 6, 7, 8]);
  });
});

describe('a profile over the limit, by keyboard', () => {
  it('keeps focus in the notice as each answer replaces it, and says the ratings are back on Undo', async () => {
    const said = [];
    const stop = onAnnounce((text) => said.push(text));
    overTheLimit(() => 3);
    const press = async (name) => {
      const button = await screen.findByRole('button', { name });
      button.focus(); // Enter or Space on it
      fireEvent.click(button);
    };
    const focusedButton = () => waitFor(() => expect(document.activeElement.closest('.too-many')).not.toBeNull());
    await press('Cancel');
    await focusedButton();
    expect(document.activeElement.textContent).toBe('Choose which to keep');
    await press('Choose which to keep');
    await focusedButton();
    await press('Keep the 5 most recent');
    await waitFor(() => expect(document.activeElement.textContent).toBe('Undo'));
    await press('Undo');
    await waitFor(() => expect(document.activeElement.textContent).toBe('Keep the 5 most recent'));
    expect(said).toContain('Your 8 ratings are back.');
    stop();
  });
});

describe('a MovieLens with repeated rows', () => {
  it('says how many it set aside', async () => {
    const client = fakeClient();
    const loadFiles = client.answers.loadFiles;
    client.answers.loadFiles = async (fields, onProgress) => {
      const r = await loadFiles(fields, onProgress);
      return { ...r, stats: { ...r.stats, ratings: 1, users: 1, films: 1, ratedFilms: 1, train: 1, test: 0, duplicates: 77_800_000 } };
    };
    render(<App client={client} dataUrl="/data/" store={createRatingsStore({ storage: null })} />);
    await waitFor(() => expect(trainingState()).toBe('ready'));
    fireEvent.change(screen.getByLabelText('Use a bigger MovieLens…'), { target: { files: [new File(['zip'], 'one-row.zip')] } });
    await waitFor(() =>
      expect(document.querySelector('.dataset-line').textContent).toMatch(
        /77,800,000 repeated rows \(a person rating the same film again\) were set aside, the latest rating of each kept\./,
      ),
    );
  });
});
