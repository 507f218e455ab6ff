// @vitest-environment happy-dom
// Where keyboard focus goes when the control that held it goes (an Undo, a Dismiss, a removed row, a
// marked film), and what is said: never back to the page's start, and a change on screen is spoken.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../web/src/App.jsx';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { onAnnounce } from '../../web/src/ui/announcer.js';
import { allSectionsIn } from './allSections.js';
import { FILMS, fakeClient } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';

let said;
let stopListening;
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  said = [];
  stopListening = onAnnounce((text) => said.push(text));
});
afterEach(() => {
  stopListening();
  document.activeElement?.blur?.();
  cleanup();
});

async function renderApp(client = fakeClient()) {
  const store = createRatingsStore({ storage: new MemoryStorage() });
  render(<App client={client} dataUrl="/data/" store={store} />);
  await waitFor(() => expect(document.querySelector('.training-status')?.dataset.state).toBe('ready'));
  await allSectionsIn();
  return { client, store };
}

/** A button pressed from the keyboard: it holds focus when it acts. */
function press(button) {
  button.focus();
  fireEvent.click(button);
}
const focusedId = () => document.activeElement?.id;

/** Types `query` into the search box named `name` and picks its first answer with ArrowDown, Enter. */
async function pickByKeyboard(name, query) {
  const box = screen.getByRole('combobox', { name });
  box.focus();
  fireEvent.input(box, { target: { value: query } });
  await waitFor(() => expect(box.getAttribute('aria-expanded')).toBe('true'));
  fireEvent.keyDown(box, { key: 'ArrowDown' });
  fireEvent.keyDown(box, { key: 'Enter' });
  return box;
}
// Preact runs effects once the frame is painted: a frame, then a task.
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

describe('focus after an action', () => {
  it('a link’s offer: No thanks → Your taste; Load them, Dismiss → your next films; Load them, Undo → Your taste', async () => {
    for (const [first, second, heading] of [
      ['No thanks', null, 'taste-title'],
      ['Load them', 'Dismiss', 'next-films-title'],
      ['Load them', 'Undo', 'taste-title'],
    ]) {
      window.history.replaceState(null, '', '/#ratings=1:5,6:4.5');
      await renderApp();
      press(within(screen.getByRole('region', { name: 'Ratings from a link' })).getByRole('button', { name: first }));
      if (second) press(within(screen.getByRole('region', { name: 'Ratings from a link' })).getByRole('button', { name: second }));
      await waitFor(() => expect(screen.queryByRole('region', { name: 'Ratings from a link' })).toBeNull());
      expect(focusedId(), `${first}, ${second}`).toBe(heading);
      cleanup();
    }
  });

  it('Clear all, then Undo → Clear all again', async () => {
    const { store } = await renderApp();
    store.rate(1, 4);
    press(await screen.findByRole('button', { name: 'Clear all' }));
    press(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear all' })));
  });

  it('Undo import → the sentence that says the import was undone', async () => {
    await renderApp();
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'imdb.csv')] } });
    press(await screen.findByRole('button', { name: 'Undo import' }));
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('.import-result p')));
    expect(document.activeElement.textContent).toMatch(/the import was undone/);
  });

  it('Remove on a film not in this catalogue names it, says so, and keeps focus in Your ratings', async () => {
    const { store } = await renderApp();
    store.rate(9001, 4);
    store.rate(9002, 3);
    press(await screen.findByRole('button', { name: 'Remove rating of film 9001' }));
    expect(screen.getByRole('button', { name: 'Remove rating of film 9002' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Remove rating of film 9001' })).toBeNull());
    expect(focusedId()).toBe('your-ratings-title');
    expect(said).toContain('Removed the rating of film 9001.');
  });

  it('a film marked seen in the joint list of watch together → the list’s heading', async () => {
    // As browsers do: a control inside a closed <details> has no boxes, so focus cannot follow the film there.
    const rects = Element.prototype.getClientRects;
    Element.prototype.getClientRects = function getClientRects() {
      const details = this.closest('details');
      return details && !details.open && !this.closest('summary') ? [] : rects.call(this);
    };
    try {
      window.history.replaceState(null, '', '/#ratings=6:5');
      const { store } = await renderApp();
      store.rate(34, 4);
      press(within(screen.getByRole('region', { name: 'Ratings from a link' })).getByRole('button', { name: 'Watch together' }));
      const list = await screen.findByRole('list', { name: 'Watch together' });
      await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0));
      await waitFor(() => expect(list.getAttribute('aria-busy')).toBe('false'));
      await afterPaint(); // the rows' effects run after the browser paints them, as a person sees them first
      press(within(within(list).getAllByRole('listitem')[0]).getByRole('button', { name: /^Seen / }));
      await waitFor(() => expect(focusedId()).toBe('together-title'));
    } finally {
      Element.prototype.getClientRects = rects;
    }
  });
});

describe('focus after an action, continued', () => {
  it('the friend that fills the group → the joint list’s heading, as the form for another goes', async () => {
    window.history.replaceState(null, '', '/#ratings=6:5');
    await renderApp();
    press(within(screen.getByRole('region', { name: 'Ratings from a link' })).getByRole('button', { name: 'Watch together' }));
    for (const link of ['#ratings=34:5', '#ratings=1:3']) {
      fireEvent.input(await screen.findByRole('textbox', { name: /Another friend/ }), { target: { value: link } });
      const add = screen.getByRole('button', { name: 'Add friend' });
      add.focus();
      fireEvent.submit(add.closest('form'));
    }
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Add friend' })).toBeNull());
    expect(focusedId()).toBe('together-title');
  });

  it('Show more of your ratings, on its last page → the first rating added', async () => {
    const { store } = await renderApp();
    store.replace(Array.from({ length: 60 }, (_, i) => ({ movieId: 5000 + i, stars: 3 }))); // films not in this catalogue
    press(await screen.findByRole('button', { name: 'Show more of your ratings' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show more of your ratings' })).toBeNull());
    const fifty = document.querySelectorAll('.rated-list > .rated')[50];
    await waitFor(() => expect(fifty.contains(document.activeElement)).toBe(true));
  });

  it('Show more when no other film passes the filters → the list’s last film, and it is said', async () => {
    const ten = FILMS.slice(0, 2).flatMap((f) => Array.from({ length: 5 }, (_, i) => ({ ...f, movieId: f.movieId * 1000 + i })));
    const client = fakeClient({
      async recommendFor() {
        return {
          model: 'ranking',
          mixedIn: null,
          mix: 0,
          films: ten.map((f) => ({ ...f, score: 1, because: [] })),
          fromPopularity: true,
          unknown: [],
          unrated: [],
        };
      },
    });
    const { store } = await renderApp(client);
    store.rate(1, 2);
    press(await screen.findByRole('button', { name: 'Show more of your next films' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show more of your next films' })).toBeNull());
    const items = document.querySelectorAll('.next-list > .film-item');
    await waitFor(() => expect(items[items.length - 1].contains(document.activeElement)).toBe(true));
    expect(said).toContain('No more films to show.');
  });

  it('Back to MovieLens latest-small → the file input that chose the other one', async () => {
    await renderApp();
    const input = screen.getByLabelText('Use a bigger MovieLens…');
    fireEvent.change(input, { target: { files: [new File(['zip'], 'ml-1m.zip')] } });
    await waitFor(() => expect(document.querySelector('.training').dataset.dataset).toBe('files'));
    press(await screen.findByRole('button', { name: 'Back to MovieLens latest-small' }));
    await waitFor(() => expect(document.querySelector('.training').dataset.dataset).toBe('bundled'));
    expect(document.activeElement).toBe(screen.getByLabelText('Use a bigger MovieLens…'));
  });

  it('an import that failed is described to its file input', async () => {
    await renderApp(
      fakeClient({
        async importRatings() {
          throw new Error('line 2: not a CSV');
        },
      }),
    );
    const input = document.querySelector('.import input[type=file]');
    fireEvent.change(input, { target: { files: [new File(['x'], 'notes.csv')] } });
    await waitFor(() => expect(input.getAttribute('aria-describedby')).toBe('import-problem'));
    expect(document.getElementById('import-problem').textContent).toBe('Could not import notes.csv: line 2: not a CSV');
  });

  it("an import's problem names the file once, however the engine's message begins", async () => {
    const problems = ['empty.csv: the file is empty (no header line)', 'junk.csv is neither an IMDb export nor…'];
    await renderApp(
      fakeClient({
        async importRatings() {
          throw new Error(problems.shift());
        },
      }),
    );
    const input = document.querySelector('.import input[type=file]');
    const said = [];
    for (const name of ['empty.csv', 'junk.csv']) {
      fireEvent.change(input, { target: { files: [new File(['x'], name)] } });
      await waitFor(() => expect(document.getElementById('import-problem')?.textContent).toMatch(name));
      said.push(document.getElementById('import-problem').textContent);
    }
    expect(said).toEqual([
      'Could not import empty.csv: the file is empty (no header line)',
      'Could not import: junk.csv is neither an IMDb export nor…',
    ]);
  });
});

describe('what is said', () => {
  it('a viewer chosen by Surprise me is said, focus staying on the button', async () => {
    await renderApp();
    const surprise = screen.getByRole('button', { name: 'Surprise me' });
    fireEvent.focus(screen.getByRole('combobox', { name: 'Viewer' })); // the viewers are asked for once the panel is near or focused
    await waitFor(() => expect(surprise.disabled).toBe(false));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Viewer' }).options.length).toBeGreaterThan(1));
    press(surprise);
    expect(said.at(-1)).toMatch(/^Showing Viewer \d+ · [\d,]+ ratings/);
  });

  it('a change of filters says the new list once it is in, and the first list is not said', async () => {
    const { store } = await renderApp();
    store.rate(1, 5);
    await waitFor(() => expect(document.querySelectorAll('.next-list > .film-item').length).toBeGreaterThan(0));
    expect(said.filter((s) => /^Your next films/.test(s))).toEqual([]);
    fireEvent.click(document.querySelector('#filters summary'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Only these genres' })).getByRole('button', { name: 'Drama' }));
    await waitFor(() => expect(said.filter((s) => /^Your next films, filtered \(Drama\): \d+ films\.$/.test(s))).toHaveLength(1));
  });

  it('a film X picked from the search by keyboard is said', async () => {
    await renderApp();
    await pickByKeyboard('Find films like', 'toy');
    await waitFor(() => expect(said).toContain('Now showing films like Toy Story (1995).'));
  });

  it('films rated at once (an import) bring one sentence, not one for each starter replaced', async () => {
    const client = fakeClient({
      async starters({ k, exclude }) {
        return FILMS.filter((f) => !exclude.includes(f.movieId)).slice(0, k === 12 ? 3 : k);
      },
    });
    await renderApp(client);
    await waitFor(() => expect(document.querySelectorAll('.starter')).toHaveLength(3));
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'imdb.csv')] } });
    // The import rates films 1 and 6, both on show: each is replaced, silently.
    await waitFor(() => expect([...document.querySelectorAll('.starter')].map((li) => Number(li.dataset.movieId))).not.toContain(6));
    await waitFor(() => expect([...document.querySelectorAll('.starter')].map((li) => Number(li.dataset.movieId))).not.toContain(1));
    expect(said.filter((s) => /matched from your IMDb export/.test(s))).toHaveLength(1);
    expect(said.filter((s) => /is shown in place of/.test(s))).toEqual([]);
  });

  it('Retrain here → the card’s Pause, which becomes Training details at ready, focus staying on it', async () => {
    let finish;
    const client = fakeClient();
    const train = client.answers.train;
    await renderApp(client);
    client.answers.train = (fields, onProgress) => new Promise((resolve) => (finish = () => resolve(train(fields, onProgress))));
    const card = screen.getByRole('region', { name: 'Training' });
    press(within(card).getByRole('button', { name: 'Retrain here' }));
    await waitFor(() => expect(card.querySelector('.training-status').dataset.state).toBe('training'));
    await afterPaint();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Pause' }));
    finish();
    await waitFor(() => expect(card.querySelector('.training-status').dataset.state).toBe('ready'));
    await afterPaint();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Training details' }));
  });
  it('Retrain here on a dropped MovieLens: focus stays on the card’s button, unavailable while the file is read again', async () => {
    let finish;
    const client = fakeClient();
    await renderApp(client);
    fireEvent.change(screen.getByLabelText('Use a bigger MovieLens…'), { target: { files: [new File(['zip'], 'ml-20m.zip')] } });
    await waitFor(() => expect(document.querySelector('.training').dataset.dataset).toBe('files'));
    await waitFor(() => expect(document.querySelector('.training-status').dataset.state).toBe('ready'));
    const train = client.answers.train;
    client.answers.train = (fields, onProgress) =>
      new Promise((resolve) => {
        onProgress({ stage: 'read', source: 'ml-20m.zip', loaded: 1, total: 10, file: 'ml-20m.zip' });
        finish = () => resolve(train(fields, onProgress));
      });
    const card = screen.getByRole('region', { name: 'Training' });
    press(within(card).getByRole('button', { name: 'Retrain here' }));
    await waitFor(() => expect(card.querySelector('.training-status').dataset.state).toBe('loading'));
    await afterPaint();
    const held = document.activeElement;
    expect(held?.closest('.training-head')).toBeTruthy();
    expect(held.getAttribute('aria-disabled')).toBe('true');
    expect(held.getAttribute('aria-hidden')).toBeNull();
    finish();
    await waitFor(() => expect(card.querySelector('.training-status').dataset.state).toBe('ready'));
    await afterPaint();
    expect(document.activeElement).toBe(within(card).getByRole('button', { name: 'Training details' }));
  });
});

describe('the search box to rate a film', () => {
  it('offers nothing on ArrowDown once a film is picked and the box is empty', async () => {
    await renderApp();
    const box = await pickByKeyboard('Find a film you have seen', 'toy');
    await waitFor(() => expect(box.value).toBe(''));
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(box.getAttribute('aria-activedescendant')).toBeNull();
  });
});
