// @vitest-environment happy-dom
// Seen it · Not interested · Watchlist, as a visitor uses them: three toggle buttons named for the
// film on every listed film, one Tab stop moved through with the arrow keys; a marked film leaves
// "Your next films" (the engine is asked to keep it out) and a watchlisted one shows in "Your
// watchlist", from where it can be taken off; marks are stored and shared with the ratings.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../web/src/App.jsx';
import { MarkButtons } from '../../web/src/ui/MarkButtons.jsx';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { RATINGS_KEY } from '../../web/src/storage/storage.js';
import { HEAT, TOY, fakeClient } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';

const trainingState = () => document.querySelector('.training-status')?.dataset.state;

beforeEach(() => window.history.replaceState(null, '', '/'));
// Nothing keeps focus as the test ends: a focused control that unmounts hands focus on a moment
// later (focusFollow.js), after this test's document is gone.
afterEach(() => {
  document.activeElement?.blur?.();
  cleanup();
});

async function renderApp(client = fakeClient(), storage = new MemoryStorage()) {
  const store = createRatingsStore({ storage });
  const utils = render(<App client={client} dataUrl="/data/" store={store} />);
  await waitFor(() => expect(trainingState()).toBe('ready'));
  return { client, store, storage, ...utils };
}

describe('the mark buttons', () => {
  it('are three toggle buttons named for the film, one Tab stop, moved through with the arrow keys', () => {
    const marked = [];
    const { rerender } = render(<MarkButtons film={TOY} value={null} onMark={(m) => marked.push(m)} />);
    const group = screen.getByRole('group', { name: 'Mark Toy Story (1995)' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
      'Seen Toy Story (1995)',
      'Not interested in Toy Story (1995)',
      'Add Toy Story (1995) to your watchlist',
    ]);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false', 'false']);
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    buttons[0].focus();
    fireEvent.keyDown(buttons[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1], { key: 'End' });
    expect(document.activeElement).toBe(buttons[2]);
    fireEvent.keyDown(buttons[2], { key: 'ArrowRight' }); // wraps round, as a toolbar does
    expect(document.activeElement).toBe(buttons[0]);

    fireEvent.click(screen.getByRole('button', { name: 'Add Toy Story (1995) to your watchlist' }));
    expect(marked).toEqual(['watchlist']);
    rerender(<MarkButtons film={TOY} value="watchlist" onMark={(m) => marked.push(m)} />);
    const watch = screen.getByRole('button', { name: 'Add Toy Story (1995) to your watchlist' });
    expect(watch.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(watch); // pressed again: unmarked
    fireEvent.click(screen.getByRole('button', { name: 'Not interested in Toy Story (1995)' })); // another replaces it
    expect(marked).toEqual(['watchlist', null, 'not interested']);
  });
});

describe('marks in the page', () => {
  it('take a film out of your next films, asking the engine to keep it out, and keep the watchlist', async () => {
    const { client, storage } = await renderApp();
    const starters = await screen.findAllByRole('radiogroup', { name: /^Rate / });
    fireEvent.click(within(starters[0]).getByRole('radio', { name: '5 stars' })); // Toy Story
    const list = await screen.findByRole('list', { name: 'Your next films' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((i) => i.dataset.movieId),
      ).toEqual(['6', '34']),
    );

    // No panel before the first mark: an empty one made "Your taste" taller than its list.
    expect(screen.queryByRole('heading', { name: /Your watchlist/ })).toBeNull();
    fireEvent.click(within(list).getByRole('button', { name: 'Add Heat (1995) to your watchlist' }));
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((i) => i.dataset.movieId),
      ).toEqual(['34']),
    );
    await waitFor(() => expect(client.calls).toContainEqual(['recommendFor seen', [HEAT.movieId]]));
    await waitFor(() => expect(JSON.parse(storage.getItem(RATINGS_KEY)).marks).toMatchObject([{ movieId: 6, mark: 'watchlist' }]), {
      timeout: 5000, // written when the page is idle, a second or so after the mark
    });

    const watchlist = await screen.findByRole('list', { name: /Your watchlist/ });
    await waitFor(() => expect(within(watchlist).getByRole('link', { name: /^Heat \(1995\)$/ })).toBeTruthy());
    const pressed = within(watchlist).getByRole('button', { name: 'Add Heat (1995) to your watchlist' });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    within(watchlist).getByRole('radiogroup', { name: 'Rate Heat (1995)' }); // rate it once seen

    fireEvent.click(within(list).getByRole('button', { name: 'Not interested in Babe (1995)' }));
    await waitFor(() => expect(within(list).queryAllByRole('listitem')).toHaveLength(0));
    const others = screen.getByRole('list', { name: 'Films marked seen or not interested' });
    await waitFor(() => expect(within(others).getByRole('button', { name: 'Not interested in Babe (1995)' })).toBeTruthy());

    fireEvent.click(pressed); // off the watchlist: back in the next films
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((i) => i.dataset.movieId),
      ).toEqual(['6']),
    );
    expect(screen.queryByRole('list', { name: /Your watchlist/ })).toBeNull();
    fireEvent.click(within(others).getByRole('button', { name: 'Not interested in Babe (1995)' })); // the last mark
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Films marked seen or not interested' })).toBeNull());
    screen.getByRole('heading', { name: /Your watchlist/ }); // stays for the visit: where focus goes when its last film leaves
  });

  it('are back after a reload, and travel in the share link', async () => {
    const storage = new MemoryStorage();
    await renderApp(fakeClient(), storage);
    const starters = await screen.findAllByRole('radiogroup', { name: /^Rate / });
    fireEvent.click(within(starters[0]).getByRole('radio', { name: '4 stars' }));
    fireEvent.click((await screen.findAllByRole('button', { name: 'Add Heat (1995) to your watchlist' }))[0]);
    window.dispatchEvent(new Event('pagehide')); // a reload: the page goes, writing what it holds
    cleanup();
    await renderApp(fakeClient(), storage);
    const watchlist = await screen.findByRole('list', { name: /Your watchlist/ });
    await waitFor(() => expect(within(watchlist).getByRole('link', { name: /^Heat \(1995\)$/ })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Share link' }));
    const field = await screen.findByLabelText(/Your ratings in a link/);
    expect(field.value).toMatch(/#n=1\.1&ratings=1:4&marks=6:w&end$/);
  });

  it("go out with the exports: Reel's CSV carries them, Letterboxd's takes the films seen, the watchlist has its own", async () => {
    const saved = [];
    const { createObjectURL, revokeObjectURL } = URL;
    URL.createObjectURL = (blob) => (saved.push(blob), 'blob:test');
    URL.revokeObjectURL = () => {};
    try {
      const { client } = await renderApp();
      const starters = await screen.findAllByRole('radiogroup', { name: /^Rate / });
      fireEvent.click(within(starters[0]).getByRole('radio', { name: '4 stars' })); // Toy Story
      fireEvent.click((await screen.findAllByRole('button', { name: 'Add Heat (1995) to your watchlist' }))[0]);
      fireEvent.click((await screen.findAllByRole('button', { name: 'Seen Babe (1995)' }))[0]);

      fireEvent.click(screen.getByRole('button', { name: 'Download as CSV' }));
      await waitFor(() => expect(saved).toHaveLength(1));
      expect(client.calls).toContainEqual([
        'profileCsv',
        [{ movieId: 1, stars: 4 }],
        [
          { movieId: 6, mark: 'watchlist' },
          { movieId: 34, mark: 'seen' },
        ],
      ]);
      fireEvent.click(screen.getByRole('button', { name: 'Download for Letterboxd' }));
      await waitFor(() => expect(saved).toHaveLength(2));
      expect(client.calls).toContainEqual([
        'letterboxdCsv',
        [
          { movieId: 1, stars: 4 },
          { movieId: 34, stars: 0 },
        ],
      ]);
      fireEvent.click(screen.getByRole('button', { name: 'Download watchlist as CSV' }));
      await waitFor(() => expect(saved).toHaveLength(3));
      expect(client.calls).toContainEqual(['letterboxdCsv', [{ movieId: 6, stars: 0 }]]);
      expect(await saved[2].text()).toMatch(/^Title,Year,imdbID,tmdbID,Rating,WatchedDate\n"Heat",/);
    } finally {
      Object.assign(URL, { createObjectURL, revokeObjectURL });
    }
  });
});
