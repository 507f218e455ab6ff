// @vitest-environment happy-dom
// The page's parts rendered in happy-dom with the scripted client, found by role and label as a
// person would: the rating control's contract, Your taste, films like X, viewers, numbers, and the
// App's load, crash and Retry paths.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { options } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AboutPanel } from '../../web/src/site/AboutPanel.jsx';
import { Filters } from '../../web/src/taste/Filters.jsx';
import { NO_FILTERS } from '../../web/src/taste/filters.js';
import { ToggleGroup } from '../../web/src/ui/ToggleGroup.jsx';
import { App } from '../../web/src/App.jsx';
import { CRASH_SENTENCE, engineError } from '../../web/src/engine/engineErrors.js';
import { NumbersPanel } from '../../web/src/numbers/NumbersPanel.jsx';
import { RatingStars } from '../../web/src/ui/RatingStars.jsx';
import { YourRatings } from '../../web/src/taste/YourRatings.jsx';
import { onAnnounce } from '../../web/src/ui/announcer.js';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { RatingsContext } from '../../web/src/taste/ratingsContext.js';
import { SimilarFilms } from '../../web/src/films/SimilarFilms.jsx';
import { RATINGS_KEY } from '../../web/src/storage/storage.js';
import { createTrainingStore } from '../../web/src/training/trainingStore.js';
import { StageBar } from '../../web/src/training/StageBar.jsx';
import { TrainingProgress } from '../../web/src/training/TrainingProgress.jsx';
import { MAX_LISTED, UserPicker, listedViewers } from '../../web/src/viewers/UserPicker.jsx';
import { ViewersPanel } from '../../web/src/viewers/ViewersPanel.jsx';
import { CHOICES, HEAT, LOST, MODELS, POSTMAN, TOY, fakeClient, importAnswer, trainResult } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';
import { allSectionsIn } from './allSections.js';

const trainingState = () => document.querySelector('.training-status')?.dataset.state;
const STAR_NAMES = ['0.5 stars', '1 star', '1.5 stars', '2 stars', '2.5 stars', '3 stars', '3.5 stars', '4 stars', '4.5 stars', '5 stars'];

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

function withStore(ui, store = createRatingsStore({ storage: new MemoryStorage() })) {
  return { store, ...render(<RatingsContext.Provider value={store}>{ui}</RatingsContext.Provider>) };
}

async function renderApp(client = fakeClient(), storage = new MemoryStorage()) {
  const store = createRatingsStore({ storage });
  const utils = render(<App client={client} dataUrl="/data/" store={store} />);
  await waitFor(() => expect(trainingState()).toBe('ready'));
  await allSectionsIn();
  return { client, store, storage, ...utils };
}

describe('the rating control', () => {
  it('is a radiogroup named "Rate <title as shown>" of ten half-star radios, and a remove button once rated', () => {
    const rated = [];
    let removed = 0;
    const { rerender } = render(<RatingStars film={TOY} value={null} onRate={(v) => rated.push(v)} onRemove={() => removed++} />);
    const group = screen.getByRole('radiogroup', { name: 'Rate Toy Story (1995)' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual(STAR_NAMES);
    expect(radios.every((r) => !r.checked)).toBe(true);
    expect(screen.queryByRole('button', { name: 'Remove rating of Toy Story (1995)' })).toBeNull();

    fireEvent.click(within(group).getByRole('radio', { name: '4.5 stars' }));
    expect(rated).toEqual([4.5]);
    rerender(<RatingStars film={TOY} value={4.5} onRate={(v) => rated.push(v)} onRemove={() => removed++} />);
    expect(within(group).getByRole('radio', { name: '4.5 stars' }).checked).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: '2 stars' })); // rating again changes it
    expect(rated).toEqual([4.5, 2]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove rating of Toy Story (1995)' }));
    expect(removed).toBe(1);
  });

  it('stops at its ends: an arrow past 5 stars or before half a star does not wrap round', () => {
    render(<RatingStars film={TOY} value={5} onRate={() => {}} onRemove={() => {}} />);
    const radio = (name) => screen.getByRole('radio', { name });
    // fireEvent returns false when the page prevented the browser's own move to the other end.
    expect(fireEvent.keyDown(radio('5 stars'), { key: 'ArrowRight' })).toBe(false);
    expect(fireEvent.keyDown(radio('5 stars'), { key: 'ArrowDown' })).toBe(false);
    expect(fireEvent.keyDown(radio('0.5 stars'), { key: 'ArrowLeft' })).toBe(false);
    expect(fireEvent.keyDown(radio('0.5 stars'), { key: 'ArrowUp' })).toBe(false);
    expect(fireEvent.keyDown(radio('5 stars'), { key: 'ArrowLeft' })).toBe(true); // within: the browser moves
    expect(fireEvent.keyDown(radio('4.5 stars'), { key: 'ArrowRight' })).toBe(true);
  });

  it("takes a finger's tap on a star's middle as the whole star, and another there as half a star less", async () => {
    const rated = [];
    const stars = (value) => <RatingStars film={TOY} value={value} onRate={(v) => rated.push(v)} onRemove={() => {}} />;
    const { container, rerender } = render(stars(null));
    // Five 20 px stars from x = 100: the fourth is x 160–180, its middle 40 % x 166–174.
    container.querySelector('.rating-picture').getBoundingClientRect = () => ({ left: 100, width: 100, top: 0, height: 20 });
    const group = screen.getByRole('radiogroup', { name: 'Rate Toy Story (1995)' });
    const radioAt = (clientX) => within(group).getByRole('radio', { name: STAR_NAMES[Math.ceil((clientX - 100) / 10) - 1] });
    // A tap, and the click it makes; then the moment after, when a whole-star tap rates.
    const tapAt = async (clientX, pointerType = 'touch') => {
      fireEvent.pointerDown(radioAt(clientX), { pointerType, button: 0, clientX });
      fireEvent.pointerUp(radioAt(clientX), { pointerType, button: 0, clientX });
      const through = fireEvent.click(radioAt(clientX));
      await new Promise((resolve) => setTimeout(resolve));
      return through;
    };
    // The click the tap makes, on the half star under the finger, is cancelled; the whole star is rated.
    expect(await tapAt(168)).toBe(false);
    expect(rated).toEqual([4]);
    rerender(stars(4));
    expect(document.activeElement).toBe(radioAt(168)); // held, so the film stays for a second tap
    await tapAt(172); // the same star again: half a star less
    expect(rated).toEqual([4, 3.5]);
    rerender(stars(3.5));
    await tapAt(167); // and again: back to the whole star
    expect(rated).toEqual([4, 3.5, 4]);
    rerender(stars(4));
    await tapAt(131); // another star: that whole star
    expect(rated).toEqual([4, 3.5, 4, 2]);
    // Nearer an edge, and at a radio's centre (where VoiceOver touches to activate it), a tap
    // rates the half star it is on: the click goes through.
    expect(await tapAt(165)).toBe(true);
    expect(await tapAt(175)).toBe(true);
    expect(rated).toEqual([4, 3.5, 4, 2, 3.5, 4]);
    // A mouse is precise: its click rates the half star it is on, middle or not.
    expect(await tapAt(168, 'mouse')).toBe(true);
    expect(rated).toEqual([4, 3.5, 4, 2, 3.5, 4, 3.5]);
    // A click with no tap before it (a key, a screen reader) rates exactly its radio.
    fireEvent.click(within(group).getByRole('radio', { name: '4.5 stars' }));
    expect(rated.at(-1)).toBe(4.5);
  });

  it('rates nothing for a tap that made no click (a long press), and lets a key or a later click through', async () => {
    const rated = [];
    const { container } = render(<RatingStars film={TOY} value={null} onRate={(v) => rated.push(v)} onRemove={() => {}} />);
    container.querySelector('.rating-picture').getBoundingClientRect = () => ({ left: 100, width: 100, top: 0, height: 20 });
    const radio = (name) => screen.getByRole('radio', { name });
    const press = () => {
      fireEvent.pointerDown(radio('2 stars'), { pointerType: 'touch', button: 0, clientX: 130 });
      fireEvent.pointerUp(radio('2 stars'), { pointerType: 'touch', button: 0, clientX: 130 });
    };
    let now = 1000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      press();
      fireEvent.keyDown(radio('2 stars'), { key: 'ArrowRight' });
      expect(fireEvent.click(radio('2.5 stars'))).toBe(true); // the arrow's click
      press();
      now += 1500;
      expect(fireEvent.click(radio('3 stars'))).toBe(true); // a screen reader's, long after
      await new Promise((resolve) => setTimeout(resolve));
      expect(rated).toEqual([2.5, 3]);
    } finally {
      clock.mockRestore();
    }
  });

  it("takes a finger's shake as a tap, and a drag's click as nothing, wherever it lands", async () => {
    const rated = [];
    const Row = ({ film }) => <RatingStars film={film} value={null} onRate={(v) => rated.push([film.movieId, v])} onRemove={() => {}} />;
    const List = ({ films }) => (
      <ol>
        {films.map((f) => (
          <li key={f.movieId}>
            <Row film={f} />
          </li>
        ))}
      </ol>
    );
    const { container, rerender } = render(<List films={[TOY, HEAT]} />);
    for (const p of container.querySelectorAll('.rating-picture'))
      p.getBoundingClientRect = () => ({ left: 100, width: 100, top: 0, height: 20 });
    const [toy, heat] = screen.getAllByRole('radiogroup');
    const radio = (group, name) => within(group).getByRole('radio', { name });
    const under = (group, x) => radio(group, STAR_NAMES[Math.ceil((x - 100) / 10) - 1]);
    const press = (group, from, to) => {
      fireEvent.pointerDown(under(group, from), { pointerType: 'touch', button: 0, clientX: from });
      fireEvent.pointerMove(under(group, from), { pointerType: 'touch', clientX: to });
      fireEvent.pointerUp(under(group, from), { pointerType: 'touch', button: 0, clientX: to });
    };
    // Two pixels across the line in the fourth star's middle: a tap, so the whole star.
    press(toy, 171, 169);
    expect(fireEvent.click(under(toy, 169))).toBe(false);
    await new Promise((resolve) => setTimeout(resolve));
    expect(rated).toEqual([[TOY.movieId, 4]]);
    // Seven pixels is a drag, rated where it ends (3.5, where a tap would give 4); its click, on
    // the same stars, rates nothing more.
    press(toy, 176, 169);
    expect(fireEvent.click(under(toy, 169))).toBe(false);
    expect(rated).toEqual([
      [TOY.movieId, 4],
      [TOY.movieId, 3.5],
    ]);
    // A drag whose film then leaves its list: its click lands on Heat, moved up into its place.
    press(toy, 176, 169);
    rerender(<List films={[HEAT]} />);
    expect(fireEvent.click(radio(heat, '3.5 stars'))).toBe(false);
    expect(rated).toHaveLength(3);
    // The next click is the visitor's own.
    fireEvent.click(radio(heat, '3 stars'));
    expect(rated.at(-1)).toEqual([HEAT.movieId, 3]);
  });

  it('names a film by its main title, its alternative shown after', () => {
    render(<RatingStars film={POSTMAN} value={null} onRate={() => {}} onRemove={() => {}} />);
    expect(screen.getByRole('radiogroup', { name: 'Rate The Postman (1994)' })).toBeTruthy();
  });
});

describe('Your ratings', () => {
  it('keeps a film rated again in its row, newest first by when each came in, until it leaves', async () => {
    const store = createRatingsStore({ storage: new MemoryStorage() });
    store.replace([TOY, HEAT, LOST].map((f, i) => ({ movieId: f.movieId, stars: 4, at: i + 1 })));
    withStore(<YourRatings client={fakeClient()} store={store} loaded onPick={() => {}} />, store);
    const order = () => [...document.querySelectorAll('.rated-list > li')].map((li) => Number(li.dataset.movieId));
    const checked = (film) => document.querySelector(`.rated-list [data-movie-id="${film.movieId}"] input:checked`)?.value;
    await waitFor(() => expect(order()).toEqual([LOST.movieId, HEAT.movieId, TOY.movieId]));
    // Rated again, Toy Story stays last: a second tap or an arrow key on its stars is still on it.
    store.rate(TOY.movieId, 2);
    await waitFor(() => expect(checked(TOY)).toBe('2'));
    expect(order()).toEqual([LOST.movieId, HEAT.movieId, TOY.movieId]);
    // Removed and rated again, Heat is a new rating: first.
    store.remove(HEAT.movieId);
    await waitFor(() => expect(order()).toEqual([LOST.movieId, TOY.movieId]));
    store.rate(HEAT.movieId, 3);
    await waitFor(() => expect(order()).toEqual([HEAT.movieId, LOST.movieId, TOY.movieId]));
  });
});

describe('TrainingProgress', () => {
  it('follows the epochs from its store, and keeps every bar once training is done, a click away', () => {
    const store = createTrainingStore();
    const models = [
      { ...MODELS[2], epochs: 12 },
      { ...MODELS[0], epochs: 40 },
    ];
    const { rerender } = render(<TrainingProgress phase="training" models={models} store={store} />);
    store.update({ stage: 'train', model: 'implicit', epoch: 5, epochs: 12, loss: 0.91234, elapsedMs: 500, etaMs: 1500 });
    return waitFor(() => expect(screen.getByText('epoch 5 of 12')).toBeTruthy()).then(() => {
      const implicit = screen.getByRole('progressbar', { name: 'Implicit model training' });
      const rating = screen.getByRole('progressbar', { name: 'Rating model training' });
      expect(implicit.getAttribute('aria-valuenow')).toBe('5');
      expect(rating.getAttribute('aria-valuenow')).toBe('0');
      expect(screen.getByText('weighted squared error 0.9123')).toBeTruthy();
      expect(screen.getByText('1.5 s left')).toBeTruthy();
      rerender(<TrainingProgress phase="ready" models={models} store={store} trainMs={{ implicit: 2000, rating: 3000 }} />);
      expect(screen.getByRole('status').textContent).toContain('5.0 s');
      expect(screen.getAllByRole('progressbar')).toHaveLength(3); // still open: it folds only out of sight
      fireEvent.click(screen.getByRole('button', { name: 'Training details' }));
      expect(screen.queryAllByRole('progressbar')).toHaveLength(0); // folded to one line
      fireEvent.click(screen.getByRole('button', { name: 'Training details' }));
      expect(screen.getAllByRole('progressbar')).toHaveLength(3); // the download and both models
    });
  });
});

describe('Your taste', () => {
  it('is a landmark near the top that says what to do before any rating', async () => {
    await renderApp();
    const region = screen.getByRole('region', { name: 'Your taste' });
    expect(within(region).getByText(/Rate a few films you have seen/)).toBeTruthy();
    expect(within(region).queryByRole('list', { name: 'Your next films' })).toBeNull();
    expect(region.textContent).toMatch(/films up to 2018/);
  });

  it('answers after one rating with ten-or-fewer films, none rated, each with a reason beginning "Because you"', async () => {
    const { client } = await renderApp();
    const region = screen.getByRole('region', { name: 'Your taste' });
    const starters = await within(region).findAllByRole('radiogroup', { name: /^Rate / });
    fireEvent.click(within(starters[0]).getByRole('radio', { name: '5 stars' })); // Toy Story
    const list = await screen.findByRole('list', { name: 'Your next films' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.dataset.movieId)).toEqual(['6', '34']);
    for (const item of items) expect(within(item).getByText(/^Because you rated Toy Story 5 stars\.$/)).toBeTruthy();
    expect(client.calls).toContainEqual(['recommendFor', [{ movieId: 1, stars: 5 }], '', undefined]); // '': the engine's choice
    expect(Number(list.dataset.answers)).toBeGreaterThan(0);
  });

  it('says plainly when the list is only the most-rated films', async () => {
    await renderApp();
    const starters = await screen.findAllByRole('radiogroup', { name: /^Rate / });
    fireEvent.click(within(starters[0]).getByRole('radio', { name: '1 star' }));
    await screen.findByText(/for now these are simply the most-rated films/);
    const list = screen.getByRole('list', { name: 'Your next films' });
    await waitFor(() => expect(within(list).getAllByText(/^Because you have not yet rated a film you liked/).length).toBeGreaterThan(0));
  });

  it('keeps ratings in storage: a new page on the same storage has them back', async () => {
    const storage = new MemoryStorage();
    await renderApp(fakeClient(), storage);
    const starters = await screen.findAllByRole('radiogroup', { name: /^Rate / });
    fireEvent.click(within(starters[1]).getByRole('radio', { name: '4 stars' })); // Heat
    window.dispatchEvent(new Event('pagehide')); // a reload: the page goes, writing what it holds
    expect(JSON.parse(storage.getItem(RATINGS_KEY)).ratings).toMatchObject([{ movieId: 6, stars: 4 }]);
    cleanup();
    await renderApp(fakeClient(), storage);
    const mine = await screen.findByRole('list', { name: /Your ratings/ });
    const heat = within(mine).getByRole('radiogroup', { name: 'Rate Heat (1995)' });
    expect(within(heat).getByRole('radio', { name: '4 stars' }).checked).toBe(true);
  });

  it('shows an unreadable stored value as such, kept aside, with download and discard', async () => {
    const storage = new MemoryStorage({ [RATINGS_KEY]: 'not json at all' });
    await renderApp(fakeClient(), storage);
    const notice = screen.getByRole('region', { name: 'Saved ratings' });
    expect(notice.textContent).toMatch(/could not be read.*not valid JSON.*kept aside, untouched/);
    expect(within(notice).getByRole('button', { name: 'Download them' })).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'Discard them' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Saved ratings' })).toBeNull());
  });

  it('clears all without asking, and Undo brings every rating back', async () => {
    const storage = new MemoryStorage();
    const { store } = await renderApp(fakeClient(), storage);
    store.rate(1, 5);
    store.rate(6, 3);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear all' }));
    expect(store.get().list).toEqual([]);
    expect(storage.getItem(RATINGS_KEY)).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(store.get().list.map((r) => r.movieId)).toEqual([1, 6]);
  });

  it('says "1 rating" when it clears one, shown and aloud', async () => {
    const said = [];
    const stop = onAnnounce((text) => said.push(text));
    const { store } = await renderApp();
    store.rate(1, 5);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear all' }));
    expect(said.at(-1)).toBe('Cleared 1 rating. Undo is next to the button.');
    expect(document.querySelector('.undo-bar').textContent).toMatch(/^Cleared 1 rating\. Undo$/);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(said.at(-1)).toBe('Your rating is back.');
    stop();
  });

  it('imports an export: says how many matched and lists the rest with why', async () => {
    const { store } = await renderApp();
    const input = document.querySelector('.import input[type=file]');
    const file = new File(['Const,Your Rating\n'], 'imdb.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    const result = await waitFor(() => {
      const r = document.querySelector('.import-result');
      if (!r) throw new Error('no result yet');
      return r;
    });
    expect(result.dataset.matched).toBe('2');
    expect(result.textContent).toMatch(/2 of 3\s*films in your IMDb export \(imdb\.csv\) matched/);
    expect(result.textContent).toMatch(/line 4 Breaking Bad \(2008\) — a TV Series, not a film in MovieLens/);
    expect(store.get().list.map((r) => [r.movieId, r.stars])).toEqual([
      [1, 5],
      [6, 4],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Undo import' }));
    expect(store.get().list).toEqual([]);
  });

  it('imports a watchlist: says the films are on the watchlist, and puts them there', async () => {
    const client = fakeClient();
    client.answers.importRatings = async () =>
      importAnswer({
        marks: [
          { ...TOY, mark: 'watchlist', line: 2 },
          { ...HEAT, mark: 'watchlist', line: 3 },
        ],
      });
    const { store } = await renderApp(client);
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'watchlist.csv')] } });
    const result = await waitFor(() => document.querySelector('.import-result') ?? expect.unreachable('no result yet'));
    expect(result.textContent).toMatch(/matched this catalogue and are now in your marks \(2 on your watchlist\)\./);
    expect([...store.get().marks.values()].map((m) => m.mark)).toEqual(['watchlist', 'watchlist']);
  });

  it('reads a list whose name does not say again as a watchlist, replacing the first reading, and Undo puts all back', async () => {
    const client = fakeClient();
    const asked = [];
    client.answers.importRatings = async ({ fileName, unrated }) => {
      asked.push([fileName, unrated]);
      const mark = unrated === 'watchlist' ? 'watchlist' : 'seen';
      return importAnswer({
        marks: [
          { ...TOY, mark, line: 2 },
          { ...HEAT, mark, line: 3 },
        ],
        unratedGuess: unrated ? '' : 'seen',
      });
    };
    const { store } = await renderApp(client);
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'my-list.csv')] } });
    const guess = await waitFor(() => document.querySelector('.import-guess') ?? expect.unreachable('no guess shown'));
    expect(guess.textContent).toMatch(/The name my-list\.csv does not say .* so they were marked seen\./);
    expect(within(guess).queryByRole('button', { name: 'Mark them seen' })).toBeNull(); // already so
    expect([...store.get().marks.values()].map((m) => m.mark)).toEqual(['seen', 'seen']);

    fireEvent.click(within(guess).getByRole('button', { name: 'Put them on my watchlist' }));
    await waitFor(() => expect(document.querySelector('.import-guess')).toBeNull());
    expect(asked).toEqual([
      ['my-list.csv', undefined],
      ['my-list.csv', 'watchlist'],
    ]);
    expect([...store.get().marks.values()].map((m) => m.mark)).toEqual(['watchlist', 'watchlist']); // not seen as well
    expect(document.querySelector('.import-result').textContent).toMatch(/2 on your watchlist/);

    fireEvent.click(screen.getByRole('button', { name: 'Undo import' }));
    expect(store.get().marks.size).toBe(0); // as before the first reading
  });

  it('reading a list again leaves the first reading standing when the ratings change meanwhile, and says so', async () => {
    const client = fakeClient();
    let answerAgain = null;
    const answer = (mark) =>
      importAnswer({
        marks: [{ ...TOY, mark, line: 2 }],
        unratedGuess: mark === 'seen' ? 'seen' : '',
      });
    client.answers.importRatings = ({ unrated }) =>
      unrated ? new Promise((resolve) => (answerAgain = () => resolve(answer('watchlist')))) : Promise.resolve(answer('seen'));
    const { store } = await renderApp(client);
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'list.csv')] } });
    const guess = await waitFor(() => document.querySelector('.import-guess') ?? expect.unreachable('no guess shown'));
    const button = within(guess).getByRole('button', { name: 'Put them on my watchlist' });
    fireEvent.click(button);
    await waitFor(() => expect(answerAgain).not.toBeNull());
    expect(button.getAttribute('aria-disabled')).toBe('true'); // held, keeping its focus, while the engine reads
    store.rate(HEAT.movieId, 4); // meanwhile
    answerAgain();
    await waitFor(() => expect(document.querySelector('.import-result').textContent).toMatch(/so its first reading stands/));
    expect(store.get().marks.get(TOY.movieId).mark).toBe('seen');
    expect(store.get().ratings.get(HEAT.movieId).stars).toBe(4);
  });

  it('offers to read a list again only while the ratings are as its import left them', async () => {
    const client = fakeClient();
    client.answers.importRatings = async () =>
      importAnswer({
        marks: [{ ...TOY, mark: 'seen', line: 2 }],
        unratedGuess: 'seen',
      });
    const said = [];
    const stop = onAnnounce((text) => said.push(text));
    const { store } = await renderApp(client);
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'list.csv')] } });
    await waitFor(() => document.querySelector('.import-guess') ?? expect.unreachable('no guess shown'));
    expect(said.at(-1)).toMatch(/The name list\.csv does not say .* so they were marked seen\.$/); // said aloud, not only shown
    store.rate(HEAT.movieId, 4);
    await waitFor(() => expect(document.querySelector('.import-guess')).toBeNull());
    stop();
  });

  it('offers to read an IMDb list that matched nothing, its films left out as not rated, as films seen', async () => {
    const client = fakeClient();
    client.answers.importRatings = async ({ unrated }) =>
      importAnswer({
        format: 'IMDb',
        marks: unrated ? [{ ...TOY, mark: 'seen', line: 2 }] : [],
        unmatched: unrated
          ? []
          : [{ line: 2, title: 'Toy Story', year: 1995, reason: 'not rated (a list of films, not your ratings)', unreadable: false }],
        unratedGuess: unrated ? '' : 'not rated',
      });
    const { store } = await renderApp(client);
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'horror.csv')] } });
    const guess = await waitFor(() => document.querySelector('.import-guess') ?? expect.unreachable('no guess shown'));
    expect(guess.textContent).toMatch(/so they were left out\./);
    fireEvent.click(within(guess).getByRole('button', { name: 'Mark them seen' }));
    await waitFor(() => expect([...store.get().marks.values()].map((m) => m.mark)).toEqual(['seen']));
  });

  it('says which ratings a file changed, so none changes unseen', async () => {
    const client = fakeClient();
    client.answers.importRatings = async () =>
      importAnswer({
        format: 'IMDb',
        matched: [
          { ...TOY, stars: 5, line: 2 },
          { ...HEAT, stars: 4, line: 3 },
        ],
      });
    const said = [];
    const stop = onAnnounce((text) => said.push(text));
    const { store } = await renderApp(client);
    store.rate(HEAT.movieId, 2);
    store.rate(TOY.movieId, 5); // the same rating again: no change to tell
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'ratings.csv')] } });
    const changed = await waitFor(() => document.querySelector('.import-changed') ?? expect.unreachable('no change said'));
    expect(changed.textContent).toBe(`It changed a rating you had: ${HEAT.name} 2 → 4 stars.`);
    expect(said.at(-1)).toMatch(/It changed a rating you had: Heat 2 → 4 stars\.$/);
    stop();
    fireEvent.click(screen.getByRole('button', { name: 'Undo import' }));
    expect(document.querySelector('.import-changed')).toBeNull();
    expect(store.get().ratings.get(HEAT.movieId).stars).toBe(2);
  });

  it('lists a line the engine could not read by its line and why, and does not count it as a film', async () => {
    const client = fakeClient();
    client.answers.importRatings = async () =>
      importAnswer({
        matched: [{ ...TOY, stars: 4, line: 2 }],
        unmatched: [
          { line: 3, title: '', year: 0, reason: 'the line could not be read: a quote inside an unquoted field', unreadable: true },
          { line: 4, title: 'Nope', year: 2031, reason: 'no film of that title and year in this MovieLens catalogue', unreadable: false },
        ],
      });
    await renderApp(client);
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'ratings.csv')] } });
    const result = await waitFor(() => document.querySelector('.import-result') ?? expect.unreachable('no result yet'));
    const [unreadable, missing] = result.querySelectorAll('.unmatched li');
    expect(unreadable.textContent).toBe('line 3 — the line could not be read: a quote inside an unquoted field');
    expect(missing.textContent).toBe('line 4 Nope (2031) — no film of that title and year in this MovieLens catalogue');
    // Two films named, one matched: the line that could not be read named none that the engine knows of.
    expect(result.querySelector('strong').textContent).toBe('1 of 2');
    expect(result.querySelector('summary').textContent).toBe('1 did not match and 1 line could not be read — why');
  });

  it('offers no watching together with the visitor’s own link, opened again', async () => {
    window.history.replaceState(null, '', '/#ratings=1:5,6:4.5&marks=34:w');
    const { store } = await renderApp();
    const offer = () => screen.getByRole('region', { name: 'Ratings from a link' });
    expect(within(offer()).getByRole('button', { name: 'Watch together' })).toBeTruthy();
    store.rate(1, 5);
    store.rate(6, 4.5);
    // The same ratings, another mark: its mark is still something to add, but no one to watch with.
    await waitFor(() => expect(within(offer()).queryByRole('button', { name: 'Watch together' })).toBeNull());
    expect(within(offer()).getByRole('button', { name: 'Add them to mine' })).toBeTruthy();
    // Everything in it here already: nothing to add or use, only why, and Dismiss.
    store.mark(34, 'watchlist');
    await waitFor(() =>
      expect(offer().textContent).toMatch(/This link carries your own 2 ratings and 1 mark: they are all here already\./),
    );
    expect(within(offer()).queryByRole('button', { name: 'Add them to mine' })).toBeNull();
    expect(within(offer()).queryByRole('button', { name: 'Use them instead of mine' })).toBeNull();
    fireEvent.click(within(offer()).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Ratings from a link' })).toBeNull();
  });

  it('adds the friend of a second link opened to those already watching together, and no one twice', async () => {
    window.history.replaceState(null, '', '/#ratings=1:5,6:4.5');
    await renderApp();
    const watch = () => within(screen.getByRole('region', { name: 'Ratings from a link' })).getByRole('button', { name: 'Watch together' });
    fireEvent.click(watch());
    await screen.findByRole('list', { name: 'Watch together' });
    const members = () => within(screen.getByRole('list', { name: 'Watching together' })).getAllByRole('listitem');
    await waitFor(() => expect(members()).toHaveLength(2));
    // A second friend's link, pasted into the tab: they join; the first stays.
    window.location.hash = '#ratings=34:4,1:2';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    fireEvent.click(await waitFor(watch));
    await waitFor(() => expect(members()).toHaveLength(3));
    // The first friend's link again: already in, so not offered to watch with.
    window.location.hash = '#ratings=6:4.5,1:5';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    const offer = await screen.findByRole('region', { name: 'Ratings from a link' });
    expect(within(offer).queryByRole('button', { name: 'Watch together' })).toBeNull();
    expect(members()).toHaveLength(3);
  });

  it('says a link with nothing readable in it is so, offering only to dismiss it', async () => {
    window.history.replaceState(null, '', '/#ratings=garbage');
    const { store } = await renderApp();
    const offer = screen.getByRole('region', { name: 'Ratings from a link' });
    expect(offer.textContent).toMatch(/This link carries no rating or mark that could be read\./);
    expect(within(offer).queryByRole('button', { name: 'Load them' })).toBeNull();
    expect(within(offer).queryByRole('button', { name: 'Watch together' })).toBeNull();
    fireEvent.click(within(offer).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Ratings from a link' })).toBeNull();
    expect(store.get().list).toEqual([]);
  });

  it('offers the ratings a shared link carries, and loads them only when asked', async () => {
    window.history.replaceState(null, '', '/#ratings=1:5,6:4.5');
    const { store } = await renderApp();
    const offer = screen.getByRole('region', { name: 'Ratings from a link' });
    expect(offer.textContent).toMatch(/This link carries 2 ratings/);
    expect(store.get().list).toEqual([]);
    fireEvent.click(within(offer).getByRole('button', { name: 'Load them' }));
    expect(store.get().list.map((r) => [r.movieId, r.stars])).toEqual([
      [1, 5],
      [6, 4.5],
    ]);
    expect(window.location.hash).toBe('');
  });

  it('lets any model be chosen for the next films, the engine’s choice marked', async () => {
    const { client, store } = await renderApp();
    store.rate(1, 5);
    const choice = screen.getByRole('radiogroup', { name: 'Model for your next films' });
    expect(within(choice).getByRole('radio', { name: 'Best for your ratings (recommended)' }).checked).toBe(true);
    expect(choice.parentElement.textContent).toMatch(
      new RegExp(
        `ranking model \\(with 5 % of the implicit model’s scores\\) until you have rated ${CHOICES.visitorsFrom} films, then the implicit model`,
      ),
    );
    fireEvent.click(within(choice).getByRole('radio', { name: 'Ranking model' }));
    await waitFor(() => expect(client.calls.some((c) => c[0] === 'recommendFor' && c[2] === 'ranking')).toBe(true));
  });
});

describe('filters', () => {
  it('move between genres with the arrow keys, one Tab stop for the group', () => {
    const toggled = [];
    render(
      <ToggleGroup
        label="Only these genres"
        items={['Action', 'Comedy', 'Drama']}
        pressed={['Comedy']}
        onToggle={(g) => toggled.push(g)}
      />,
    );
    const group = screen.getByRole('group', { name: 'Only these genres' });
    const [action, comedy, drama] = within(group).getAllByRole('button');
    expect([action, comedy, drama].map((b) => b.tabIndex)).toEqual([0, -1, -1]);
    expect(comedy.getAttribute('aria-pressed')).toBe('true');
    action.focus();
    fireEvent.keyDown(action, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(comedy);
    fireEvent.keyDown(comedy, { key: 'End' });
    expect(document.activeElement).toBe(drama);
    fireEvent.keyDown(drama, { key: 'ArrowRight' }); // wraps
    expect(document.activeElement).toBe(action);
    fireEvent.click(drama);
    expect(toggled).toEqual(['Drama']);
  });

  it('are a summary line while closed, and open with their body at the first press', () => {
    let open = false;
    const view = () => (
      <Filters
        filters={{ ...NO_FILTERS, include: ['Comedy'] }}
        onChange={() => {}}
        genreNames={['Comedy', 'Horror']}
        years={{ min: 1902, max: 2018 }}
        open={open}
        onToggleOpen={(o) => (open = o)}
      />
    );
    const { rerender } = render(view());
    expect(document.querySelector('.filters-summary').textContent).toBe('Comedy');
    expect(document.querySelector('.filters-body')).toBeNull();
    fireEvent.click(document.querySelector('#filters summary'));
    expect(open).toBe(true);
    rerender(view());
    expect(document.querySelector('#filters').open).toBe(true);
    const pressed = within(screen.getByRole('group', { name: 'Only these genres' })).getByRole('button', { name: 'Comedy' });
    expect(pressed.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(document.querySelector('#filters summary'));
    expect(open).toBe(false);
  });

  it('offers the genres in the order of the alphabet, whatever the catalogue’s', () => {
    render(
      <Filters
        filters={NO_FILTERS}
        onChange={() => {}}
        genreNames={['Horror', 'Sci-Fi', 'Action', 'Film-Noir']}
        years={null}
        open
        onToggleOpen={() => {}}
      />,
    );
    for (const group of ['Only these genres', 'Never these genres']) {
      const names = within(screen.getByRole('group', { name: group }))
        .getAllByRole('button')
        .map((b) => b.textContent);
      expect(names).toEqual(['Action', 'Film-Noir', 'Horror', 'Sci-Fi']);
    }
  });

  it('narrow by genre in and out, a span of decades that cannot run backwards, and fame', () => {
    let filters = NO_FILTERS;
    const { rerender } = render(
      <Filters
        filters={filters}
        onChange={(f) => (filters = f)}
        genreNames={['Comedy', 'Horror']}
        years={{ min: 1902, max: 2018 }}
        open
        onToggleOpen={() => {}}
      />,
    );
    const again = () =>
      rerender(
        <Filters
          filters={filters}
          onChange={(f) => (filters = f)}
          genreNames={['Comedy', 'Horror']}
          years={{ min: 1902, max: 2018 }}
          open
          onToggleOpen={() => {}}
        />,
      );
    fireEvent.click(within(screen.getByRole('group', { name: 'Only these genres' })).getByRole('button', { name: 'Comedy' }));
    again();
    fireEvent.click(within(screen.getByRole('group', { name: 'Never these genres' })).getByRole('button', { name: 'Horror' }));
    again();
    fireEvent.change(screen.getByRole('combobox', { name: /^to/ }), { target: { value: '1990' } });
    again();
    fireEvent.change(screen.getByRole('combobox', { name: /^From/ }), { target: { value: '2000' } });
    again();
    const fame = screen.getByRole('slider', { name: 'How well known' });
    fireEvent.input(fame, { target: { value: '0' } });
    again();
    expect(filters).toEqual({ include: ['Comedy'], exclude: ['Horror'], fromDecade: 2000, toDecade: 2000, fame: 0 });
    expect(screen.getByRole('slider', { name: 'How well known' }).getAttribute('aria-valuetext')).toBe(
      'Hidden gems: films with at most 20 ratings here',
    );
    expect(document.querySelector('.filters-summary').textContent).toBe('Comedy · not Horror · 2000s · hidden gems');
  });

  it('keep focus on Clear filters once it has cleared them, so Escape still closes the panel', () => {
    let filters = { ...NO_FILTERS, exclude: ['Horror'] };
    let open = true;
    const view = () => (
      <Filters
        filters={filters}
        onChange={(f) => (filters = f)}
        genreNames={['Comedy', 'Horror']}
        years={{ min: 1902, max: 2018 }}
        open={open}
        onToggleOpen={(o) => (open = o)}
      />
    );
    const { rerender } = render(view());
    const clear = screen.getByRole('button', { name: 'Clear filters' });
    clear.focus();
    fireEvent.click(clear);
    rerender(view());
    expect(filters).toEqual(NO_FILTERS);
    expect(clear.disabled).toBe(false); // a disabled button would drop focus to the page's start
    expect(clear.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(clear);
    fireEvent.click(clear); // nothing left to clear: nothing happens
    expect(filters).toEqual(NO_FILTERS);
    fireEvent.keyDown(clear, { key: 'Escape' });
    expect(open).toBe(false);
  });

  it('close with Done, focus going back to the summary that opened them', () => {
    let open = true;
    render(
      <Filters
        filters={NO_FILTERS}
        onChange={() => {}}
        genreNames={['Comedy']}
        years={{ min: 1902, max: 2018 }}
        open
        onToggleOpen={(o) => (open = o)}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(open).toBe(false);
    expect(document.activeElement).toBe(document.querySelector('.filters summary'));
  });

  it('reach the engine for your next films', async () => {
    const { client, store } = await renderApp();
    store.rate(1, 5);
    expect(screen.queryByRole('group', { name: 'Only these genres' })).toBeNull(); // closed, the panel is its summary alone
    fireEvent.click(document.querySelector('#filters summary'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Only these genres' })).getByRole('button', { name: 'Drama' }));
    await waitFor(() => expect(client.calls).toContainEqual(['recommendFor', [{ movieId: 1, stars: 5 }], '', { anyGenre: ['Drama'] }]));
    // One rating: a first visitor's list, the engine says which model's scores it mixed in, and how much.
    expect(screen.getByText(/Picked by the ranking model, with 5 % of the implicit model’s scores · filters: Drama/)).toBeTruthy();
  });
});

describe('starting out and sharing', () => {
  it('asks for a fresh starting set that repeats none shown or rated, chosen from the ratings so far', async () => {
    const { client, store } = await renderApp();
    await screen.findAllByRole('radiogroup', { name: /^Rate / });
    store.rate(34, 4);
    fireEvent.click(screen.getByRole('button', { name: 'Show others' }));
    const sets = () => client.calls.filter((c) => c[0] === 'starters' && c[3] > 1);
    await waitFor(() => expect(sets()).toHaveLength(2));
    const [first, second] = sets();
    expect(second[1].sort((a, b) => a - b)).toEqual([1, 6, 34]);
    expect(first[2]).toEqual([]); // the first set: the same well-known films for everyone
    expect(second[2]).toEqual([{ movieId: 34, stars: 4 }]);
  });

  it('makes a share link that carries the ratings after the #', async () => {
    const { store } = await renderApp();
    store.rate(1, 5);
    store.rate(6, 3.5);
    const share = screen.getByRole('button', { name: 'Share link' });
    await waitFor(() => expect(share.disabled).toBe(false));
    fireEvent.click(share);
    const field = await screen.findByRole('textbox', { name: /Your ratings in a link/ });
    expect(field.value).toMatch(/#n=2\.0&ratings=1:5,6:3\.5&end$/);
    // Rated after the link was made: the link follows, so a copy never carries an older taste.
    store.rate(34, 4);
    await waitFor(() => expect(field.value).toMatch(/#n=3\.0&ratings=1:5,6:3\.5,34:4&end$/));
    store.clear();
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /Your ratings in a link/ })).toBeNull());
  });
});

describe('films like X', () => {
  function renderSimilar(props = {}) {
    const client = props.client ?? fakeClient();
    const picked = [];
    const utils = withStore(
      <SimilarFilms
        client={client}
        filmId={1}
        loaded
        ready
        model="implicit"
        filter={undefined}
        filters={{ include: [], exclude: [], fromDecade: null, toDecade: null, fame: 2 }}
        focusKey={0}
        onPick={(id) => picked.push(id)}
        onOpenFilters={() => {}}
        {...props}
      />,
    );
    return { client, picked, ...utils };
  }

  it('says why each neighbour is there, how many rated it and how close it is — in words, not a bare cosine', async () => {
    renderSimilar();
    const list = await screen.findByRole('list', { name: 'Films like Toy Story (1995)' });
    const [babe, heat] = within(list).getAllByRole('listitem');
    expect(babe.textContent).toContain('Liked by 41 of the 97 people who loved Toy Story');
    expect(babe.textContent).toContain('60 ratings');
    expect(babe.textContent).toContain('very close');
    expect(babe.textContent).not.toMatch(/0\.47/);
    expect(heat.textContent).toContain('other genre');
    expect(within(babe).getByRole('radiogroup', { name: 'Rate Babe (1995)' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Toy Story (1995)');
  });

  it('shows the answer kept on an earlier visit until the engine is ready, then its own, and keeps that', async () => {
    const storage = new MemoryStorage();
    const answers = { storage, build: 'b1' };
    const live = renderSimilar({ answers });
    const list = await screen.findByRole('list', { name: 'Films like Toy Story (1995)' });
    const ids = () =>
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.dataset.movieId);
    const shown = ids();
    expect(list.dataset.kept).toBeUndefined();
    live.unmount();

    // A return visit: nothing loaded yet, yet the same films, marked as kept, with their reasons.
    const client = fakeClient();
    const { rerender } = renderSimilar({ client, answers, loaded: false, ready: false, model: '' });
    const keptList = screen.getByRole('list', { name: 'Films like Toy Story (1995)' });
    expect(keptList.dataset.kept).toBe('true');
    expect(
      within(keptList)
        .getAllByRole('listitem')
        .map((li) => li.dataset.movieId),
    ).toEqual(shown);
    expect(keptList.textContent).toContain('Liked by 41 of the 97 people who loved Toy Story');
    expect(client.calls.filter((c) => c[0] === 'similar')).toHaveLength(0);
    // Once ready, the engine is asked, and its answer takes the list over.
    rerender(
      <RatingsContext.Provider value={createRatingsStore({ storage: null })}>
        <SimilarFilms
          client={client}
          filmId={1}
          loaded
          ready
          model="implicit"
          filter={undefined}
          filters={NO_FILTERS}
          focusKey={0}
          onPick={() => {}}
          onOpenFilters={() => {}}
          answers={answers}
        />
      </RatingsContext.Provider>,
    );
    await waitFor(() => expect(screen.getByRole('list', { name: 'Films like Toy Story (1995)' }).dataset.kept).toBeUndefined());
    expect(client.calls.filter((c) => c[0] === 'similar')).toHaveLength(1);
    // Another build (a new engine or data) shows nothing kept.
    cleanup();
    renderSimilar({ answers: { storage, build: 'b2' }, loaded: false, ready: false, model: '' });
    expect(screen.queryByRole('list', { name: 'Films like Toy Story (1995)' })).toBeNull();
  });

  it('has no model toggle, and a "Same feel, different label" view', async () => {
    const { client } = renderSimilar();
    await screen.findByRole('list', { name: 'Films like Toy Story (1995)' });
    expect(screen.queryByRole('radio', { name: 'Rating model' })).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Same feel, different label' }));
    await waitFor(() => expect(client.calls).toContainEqual(['similar', 1, 'implicit', { otherGenres: true }]));
  });

  it('passes the filters to the engine', async () => {
    const { client } = renderSimilar({
      filter: { anyGenre: ['Comedy'] },
      filters: { include: ['Comedy'], exclude: [], fromDecade: null, toDecade: null, fame: 2 },
    });
    await screen.findByRole('list', { name: 'Films like Toy Story (1995)' });
    expect(client.calls).toContainEqual(['similar', 1, 'implicit', { anyGenre: ['Comedy'] }]);
    expect(screen.getByText(/Filters: Comedy\./)).toBeTruthy();
  });

  it('says plainly that too few people rated a film to place it, and still lets it be rated', async () => {
    renderSimilar({ filmId: LOST.movieId });
    expect(await screen.findByText(/Too few people rated Nobody Rated This/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('radiogroup', { name: 'Rate Nobody Rated This (2001)' })).toBeTruthy();
  });

  it('marks thin evidence', async () => {
    renderSimilar({ filmId: POSTMAN.movieId });
    expect(await screen.findByText(/Only 7 people rated The Postman, so these neighbours rest on thin evidence/)).toBeTruthy();
    expect(document.querySelector('.film-x .rating-count').textContent).toMatch(/7 ratings · few to go on/);
  });

  it('moves focus to the new film’s heading and announces it, after a neighbour is picked', async () => {
    const { rerender, store } = renderSimilar();
    await screen.findByRole('list', { name: 'Films like Toy Story (1995)' });
    const props = {
      client: fakeClient(),
      loaded: true,
      ready: true,
      model: 'implicit',
      filters: { include: [], exclude: [], fromDecade: null, toDecade: null, fame: 2 },
      onPick() {},
      onOpenFilters() {},
    };
    rerender(
      <RatingsContext.Provider value={store}>
        <SimilarFilms {...props} filmId={6} focusKey={1} />
      </RatingsContext.Provider>,
    );
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Heat (1995)'));
    expect(document.activeElement.tagName).toBe('H3');
  });
});

describe('MovieLens viewers', () => {
  it('are named by their number of ratings and favourite film, their favourites read as stars', async () => {
    // The viewers are asked for as the panel comes near; without an observer, at once.
    const observer = window.IntersectionObserver;
    window.IntersectionObserver = undefined;
    try {
      withStore(<ViewersPanel client={fakeClient()} loaded ready model="implicit" onPick={() => {}} />);
    } finally {
      window.IntersectionObserver = observer;
    }
    const select = await screen.findByRole('combobox', { name: 'Viewer' });
    await waitFor(() => expect(within(select).getByRole('option', { name: 'Viewer 1 · 232 ratings · loves Toy Story' })).toBeTruthy());
    fireEvent.change(select, { target: { value: '1' } });
    expect(await screen.findByRole('img', { name: '4.5 stars' })).toBeTruthy();
    const recs = await screen.findByRole('list', { name: 'Next films for viewer 1' });
    expect(within(recs).getAllByRole('listitem')).toHaveLength(2);
  });
});

describe('MovieLens viewers, reached by keyboard', () => {
  it('can be tabbed to before the panel has come near the screen, and focus asks for them', async () => {
    // An observer that never reports the panel in view: only focus can ask for the viewers.
    const observer = window.IntersectionObserver;
    window.IntersectionObserver = class {
      observe() {}
      disconnect() {}
    };
    const client = fakeClient();
    try {
      withStore(<ViewersPanel client={client} loaded ready model="implicit" onPick={() => {}} />);
      const select = screen.getByRole('combobox', { name: 'Viewer' });
      expect(select.disabled).toBe(false); // in the Tab order while the viewers are still to come
      expect(client.calls.some((c) => c[0] === 'viewers')).toBe(false);
      fireEvent.focus(select);
      await waitFor(() => expect(within(select).getByRole('option', { name: 'Viewer 1 · 232 ratings · loves Toy Story' })).toBeTruthy());
    } finally {
      window.IntersectionObserver = observer;
    }
  });
});

describe('a MovieLens of many viewers', () => {
  // Viewer n rated (n * 7919) % 5000 films: a spread of counts, some of them equal.
  const many = (n) => Array.from({ length: n }, (_, i) => ({ userId: i + 1, ratings: ((i + 1) * 7919) % 5000, favourite: null }));
  const byMost = (viewers) => [...viewers].sort((a, b) => b.ratings - a.ratings || a.userId - b.userId);

  it('lists every viewer up to the limit, as given', () => {
    const viewers = many(MAX_LISTED);
    expect(listedViewers(viewers)).toEqual(viewers);
    expect(listedViewers(viewers, 5)).toEqual(viewers);
  });

  it('past the limit, lists those who rated most, in id order', () => {
    const viewers = many(MAX_LISTED + 500);
    const listed = listedViewers(viewers);
    expect(listed).toHaveLength(MAX_LISTED);
    const ids = listed.map((v) => v.userId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids)).toEqual(
      new Set(
        byMost(viewers)
          .slice(0, MAX_LISTED)
          .map((v) => v.userId),
      ),
    );
    const fewest = Math.min(...listed.map((v) => v.ratings));
    const left = viewers.filter((v) => !ids.includes(v.userId));
    expect(left.every((v) => v.ratings <= fewest)).toBe(true);
  });

  it('lists the chosen viewer too, though they rated few, once', () => {
    const viewers = many(MAX_LISTED + 500);
    const least = byMost(viewers).at(-1);
    const listed = listedViewers(viewers, least.userId);
    expect(listed).toHaveLength(MAX_LISTED + 1);
    expect(listed.filter((v) => v.userId === least.userId)).toHaveLength(1);
    const top = byMost(viewers)[0];
    expect(listedViewers(viewers, top.userId)).toHaveLength(MAX_LISTED);
  });

  it('says in the select that only those who rated most are listed', async () => {
    const viewers = many(1500);
    withStore(<UserPicker client={fakeClient()} viewers={viewers} userId={null} onChange={() => {}} onPick={() => {}} />);
    const select = screen.getByRole('combobox', { name: 'Viewer' });
    expect(within(select).getAllByRole('option')).toHaveLength(MAX_LISTED + 1); // and "Choose one of…"
    expect(within(select).getByRole('option', { name: /Choose one of 1,500 \(listed: the 1,000 who rated most\)/ })).toBeTruthy();
  });
});

describe('the numbers', () => {
  it("say which model makes your next films and why, and show every model's figures once trained", async () => {
    const client = fakeClient();
    // happy-dom's IntersectionObserver never reports; without one the panel measures at once.
    const observer = window.IntersectionObserver;
    window.IntersectionObserver = undefined;
    try {
      render(<NumbersPanel client={client} models={MODELS} choices={CHOICES} ready />);
      await waitFor(() => expect(document.querySelector('#numbers').dataset.state).toBe('measured'));
    } finally {
      window.IntersectionObserver = observer;
    }
    expect(
      screen.getByText(
        new RegExp(
          `Your next films come from the ranking model until you have rated ${CHOICES.visitorsFrom} films, then\\s+from the implicit model\\.`,
        ),
      ),
    ).toBeTruthy();
    expect(screen.getByText(/measured on new visitors/).textContent).toMatch(
      new RegExp(`the implicit model\\s+from ${CHOICES.visitorsFrom} or more\\.`),
    ); // the engine's number, not one written into the sentence
    expect(
      screen.getByText(
        new RegExp(`Below ${CHOICES.visitorsFrom} ratings the ranking model’s scores are mixed with 5 % of the implicit model’s`),
      ),
    ).toBeTruthy();
    const implicit = document.querySelector('[data-model=implicit]');
    expect(implicit.textContent).toMatch(/Implicit model.*picks your films.*0\.2100.*0\.2800.*\+133\.3 %.*does not predict stars/);
    expect(document.querySelector('[data-model=rating]').textContent).toContain('0.8712');
    // The default list, re-ranked to each viewer, beside the models alone, in both tables.
    expect(document.querySelector('[data-model=choice]').textContent).toMatch(/Your lists.*re-ranked to your taste.*0\.2037.*0\.2536/);
    expect(document.querySelector('[data-lists=choice]').textContent).toMatch(/Your lists.*0\.314/);
    expect(document.querySelector('[data-similarity=item-knn]').textContent).toMatch(/item-kNN.*0\.1800/);
    expect(document.querySelector('[data-similarity=implicit]').textContent).toMatch(/finds films like X/);
  });

  it('measure nothing from the held-out ratings while training', () => {
    const client = fakeClient();
    render(<NumbersPanel client={client} models={MODELS} choices={CHOICES} ready={false} />);
    expect(screen.getByText('The figures appear when every model has trained.')).toBeTruthy();
    expect(client.calls.some((c) => c[0] === 'evaluate')).toBe(false);
  });

  it('cite GroupLens as the licence requires', () => {
    render(<AboutPanel />);
    const text = document.body.textContent;
    expect(text).toContain('F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets: History and Context.');
    expect(text).toMatch(/endorse/);
    expect(screen.getByRole('link', { name: 'https://doi.org/10.1145/2827872' })).toBeTruthy();
  });
});

describe('App', () => {
  it('loads, trains and answers; a picked film goes into the URL', async () => {
    const { client } = await renderApp();
    expect(client.calls[0]).toEqual(['load', '/data/']);
    fireEvent.click(screen.getByRole('link', { name: 'Toy Story' }));
    await waitFor(() => expect(document.querySelectorAll('.neighbours .film-item')).toHaveLength(2));
    expect(window.location.search).toBe('?film=1');
    await waitFor(() => expect(document.title).toBe('Films like Toy Story (1995) — Reel'));
  });

  it('renders the page and the training card a handful of times while training, a model’s bar once per epoch', async () => {
    let appRenders = 0;
    let cardRenders = 0;
    let barRenders = 0;
    const previous = options.diffed;
    options.diffed = (vnode) => {
      if (vnode.type === App) appRenders += 1;
      if (vnode.type === TrainingProgress) cardRenders += 1;
      if (vnode.type === StageBar) barRenders += 1;
      previous?.(vnode);
    };
    try {
      const client = fakeClient({
        async train(_, onProgress) {
          for (const model of ['implicit', 'rating', 'ranking']) {
            for (let epoch = 1; epoch <= 20; epoch++) {
              onProgress({
                type: 'progress',
                stage: 'train',
                model,
                epoch,
                epochs: 20,
                loss: 1 / epoch,
                elapsedMs: epoch,
                etaMs: 20 - epoch,
              });
              await new Promise((r) => setTimeout(r, 0)); // each epoch its own task, as in the worker
            }
          }
          return trainResult({ trainMs: { rating: 1, ranking: 1, implicit: 1 } });
        },
      });
      await renderApp(client);
      // Each epoch re-renders its own model's row alone: one bar, not the card's four.
      expect(barRenders).toBeGreaterThanOrEqual(60);
      expect(barRenders).toBeLessThan(100);
      expect(cardRenders).toBeLessThan(15);
      expect(appRenders).toBeLessThan(15);
    } finally {
      options.diffed = previous;
    }
  });

  it('after a training failure, Retry really recovers', async () => {
    let attempts = 0;
    const client = fakeClient();
    const train = client.answers.train;
    client.answers.train = async (...args) => {
      attempts += 1;
      if (attempts === 1) throw new Error('the rating model diverged at epoch 3 (training RMSE NaN)');
      return train(...args);
    };
    render(<App client={client} dataUrl="/data/" store={createRatingsStore({ storage: null })} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Training failed');
    expect(alert.textContent).toContain('diverged at epoch 3');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(trainingState()).toBe('ready'));
    await allSectionsIn();
    expect(attempts).toBe(2);
    fireEvent.click(screen.getByRole('link', { name: 'Toy Story' }));
    await waitFor(() => expect(document.querySelectorAll('.neighbours .film-item')).toHaveLength(2));
  });

  it('when the engine stops, says so plainly and Retry starts it afresh', async () => {
    const { client } = await renderApp();
    client.crash(engineError(CRASH_SENTENCE, { fatal: true, detail: 'RuntimeError: memory access out of bounds' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The engine stopped');
    expect(alert.textContent).toContain(CRASH_SENTENCE);
    expect(alert.querySelector('.error-message').textContent).not.toMatch(/RuntimeError/); // detail tucked away
    const loads = client.calls.filter((c) => c[0] === 'load').length;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(trainingState()).toBe('ready'));
    expect(client.calls.filter((c) => c[0] === 'load')).toHaveLength(loads + 1);
  });

  it('when a dropped MovieLens stops the engine, offers the bundled one beside Retry', async () => {
    const { client } = await renderApp();
    expect(screen.queryByRole('button', { name: 'Back to MovieLens latest-small' })).toBeNull();
    fireEvent.change(screen.getByLabelText('Use a bigger MovieLens…'), { target: { files: [new File(['zip'], 'ml-20m.zip')] } });
    await waitFor(() => expect(trainingState()).toBe('ready'));
    client.crash(engineError(CRASH_SENTENCE, { fatal: true, detail: 'RuntimeError: unreachable' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Back to MovieLens latest-small' }));
    await waitFor(() => expect(trainingState()).toBe('ready'));
    expect(document.querySelector('.training').dataset.dataset).toBe('bundled');
    expect(client.calls.filter((c) => c[0] === 'loadFiles')).toHaveLength(1); // not read again
    expect(client.calls.filter((c) => c[0] === 'load')).toHaveLength(2);
  });

  it('uses a MovieLens picked from the file input, and goes back to the bundled one', async () => {
    const { client } = await renderApp();
    const input = screen.getByLabelText('Use a bigger MovieLens…');
    fireEvent.change(input, { target: { files: [new File(['zip'], 'ml-20m.zip')] } });
    await waitFor(() => expect(document.querySelector('.training').dataset.dataset).toBe('files'));
    await waitFor(() => expect(trainingState()).toBe('ready'));
    expect(client.calls).toContainEqual(['loadFiles', ['ml-20m.zip']]);
    expect(document.querySelector('.dataset-line').textContent).toMatch(/^Your MovieLens, ml-20m\.zip: 998,206 ratings/);
    fireEvent.click(screen.getByRole('button', { name: 'Back to MovieLens latest-small' })); // ready, in sight: the card is still open
    await waitFor(() => expect(document.querySelector('.training').dataset.dataset).toBe('bundled'));
    await waitFor(() => expect(trainingState()).toBe('ready'));
    expect(client.calls.filter((c) => c[0] === 'load')).toHaveLength(2);
  });

  /** ml-1m.zip dropped and trained, then `name` dropped and refused with `error`: the client and the alert. */
  async function refusedAfterADrop(name, error, { readyWorkerAnswersAtOnce = false } = {}) {
    const client = fakeClient();
    const loadFiles = client.answers.loadFiles;
    const train = client.answers.train;
    let trainings = 0;
    // As the real worker does when its models are ready: train answers with no epoch to report.
    client.answers.train = (fields, onProgress) =>
      readyWorkerAnswersAtOnce && ++trainings > 2 ? Promise.resolve(trainResult()) : train(fields, onProgress);
    client.answers.loadFiles = async (fields, onProgress) => {
      if (fields.files[0].name === name) throw error;
      return loadFiles(fields, onProgress);
    };
    await renderApp(client);
    const input = screen.getByLabelText('Use a bigger MovieLens…');
    fireEvent.change(input, { target: { files: [new File(['zip'], 'ml-1m.zip')] } });
    await waitFor(() => expect(document.querySelector('.training').dataset.dataset).toBe('files'));
    await waitFor(() => expect(trainingState()).toBe('ready'));
    fireEvent.change(input, { target: { files: [new File(['zip'], name)] } });
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(trainingState()).toBe('ready'));
    return { client, alert };
  }
  const filesLoaded = (client) => client.calls.filter((c) => c[0] === 'loadFiles').map((c) => c[1][0]);

  it('refuses a dropped MovieLens in words, and carries on with the one in use before it', async () => {
    const refusal = engineError('ratings.csv in ml-25m.zip is 678 MB … Nothing was read.', { reset: true });
    const { client, alert } = await refusedAfterADrop('ml-25m.zip', refusal);
    expect(alert.textContent).toBe('Could not use ml-25m.zip: ratings.csv in ml-25m.zip is 678 MB … Nothing was read.');
    // The worker was let go (its memory had grown), and the MovieLens in use before came back.
    expect(client.calls).toContainEqual(['replace']);
    expect(filesLoaded(client)).toEqual(['ml-1m.zip', 'ml-1m.zip']); // ml-25m.zip: refused
    expect(document.querySelector('.dataset-line').textContent).toMatch(/^Your MovieLens, ml-1m\.zip/);
    expect(client.calls.filter((c) => c[0] === 'load')).toHaveLength(1);
  });

  it('after a refusal that changed nothing in the worker, carries on with the dropped MovieLens in use without reading it again', async () => {
    const refusal = engineError('Reel reads a MovieLens zip or its CSV files; “notes.txt” is none of those.');
    const { client, alert } = await refusedAfterADrop('notes.txt', refusal, { readyWorkerAnswersAtOnce: true });
    expect(alert.textContent).toMatch(/^Could not use notes\.txt: Reel reads a MovieLens zip/);
    expect(filesLoaded(client)).toEqual(['ml-1m.zip']); // notes.txt refused; ml-1m.zip not read again
    expect(client.calls).not.toContainEqual(['replace']);
    // The training card still shows each model trained, as it did before the drop.
    const bars = [...document.querySelectorAll('.training [role=progressbar][aria-label$="training"]')];
    expect(bars.length).toBeGreaterThan(0);
    expect(bars.map((b) => b.getAttribute('aria-valuenow'))).toEqual(bars.map((b) => b.getAttribute('aria-valuemax')));
    expect(document.querySelector('.training').dataset.dataset).toBe('files');
    expect(document.querySelector('.dataset-line').textContent).toMatch(/^Your MovieLens, ml-1m\.zip/);
  });

  it('pauses and resumes training with one button that keeps focus', async () => {
    let release;
    const client = fakeClient();
    const realTrain = client.answers.train;
    let first = true;
    client.answers.train = (...args) => {
      if (first) {
        first = false;
        return new Promise((r) => (release = () => r(trainResult({ cancelled: true, models: MODELS }))));
      }
      return realTrain(...args);
    };
    render(<App client={client} dataUrl="/data/" store={createRatingsStore({ storage: null })} />);
    const pause = await screen.findByRole('button', { name: 'Pause' });
    pause.focus();
    fireEvent.click(pause);
    expect(client.calls).toContainEqual(['cancel']);
    release();
    const resume = await screen.findByRole('button', { name: 'Resume' });
    expect(resume).toBe(pause);
    expect(document.activeElement).toBe(pause);
    fireEvent.click(resume);
    await waitFor(() => expect(trainingState()).toBe('ready'));
  });
});

describe('many ratings at once: an import or a link', () => {
  async function imported() {
    const app = await renderApp();
    fireEvent.change(document.querySelector('.import input[type=file]'), { target: { files: [new File(['x'], 'imdb.csv')] } });
    await waitFor(() => expect(document.querySelector('.import-result')).toBeTruthy());
    return app;
  }

  it('Undo import is offered until the ratings or marks change, so it never throws a later one away', async () => {
    const { store } = await imported();
    expect(screen.getByRole('button', { name: 'Undo import' })).toBeTruthy();
    store.rate(34, 4.5); // rated by hand after the import
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo import' })).toBeNull());
    expect(store.get().list.map((r) => r.movieId)).toEqual([1, 6, 34]);
  });

  it('Undo import still puts back what was there before when nothing changed since', async () => {
    const { store } = await imported();
    store.flush();
    fireEvent.click(screen.getByRole('button', { name: 'Undo import' }));
    expect(store.get().list).toEqual([]);
    expect(document.querySelector('.import-result').textContent).toMatch(/the import was undone/);
  });

  it('a link’s Undo leaves once a mark is made, and Dismiss stays', async () => {
    window.history.replaceState(null, '', '/#ratings=1:5,6:4.5');
    const { store } = await renderApp();
    fireEvent.click(within(screen.getByRole('region', { name: 'Ratings from a link' })).getByRole('button', { name: 'Load them' }));
    const offer = screen.getByRole('region', { name: 'Ratings from a link' });
    expect(within(offer).getByRole('button', { name: 'Undo' })).toBeTruthy();
    store.mark(318, 'watchlist');
    await waitFor(() => expect(within(offer).queryByRole('button', { name: 'Undo' })).toBeNull());
    fireEvent.click(within(offer).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('region', { name: 'Ratings from a link' })).toBeNull();
    expect(store.get().marks.get(318)?.mark).toBe('watchlist');
  });

  it('a link that carries only marks can be added to a visitor’s own ratings', async () => {
    window.history.replaceState(null, '', '/#ratings=&marks=318:w');
    const { store } = await renderApp();
    store.rate(1, 5);
    const offer = screen.getByRole('region', { name: 'Ratings from a link' });
    expect(offer.textContent).toMatch(/This link carries 1 mark\./);
    expect((await within(offer).findByRole('button', { name: 'Use them instead of mine' })).disabled).toBe(true); // it would clear every rating
    fireEvent.click(within(offer).getByRole('button', { name: 'Add them to mine' }));
    expect(offer.textContent).toMatch(/Added the 1 mark from the link to yours/);
    expect(store.get().marks.get(318)?.mark).toBe('watchlist');
    expect(store.get().list.map((r) => r.movieId)).toEqual([1]);
  });

  it('a link that arrived cut short says so, with what it was made with; a long link says chat apps may cut it', async () => {
    window.history.replaceState(null, '', '/#n=3.1&ratings=1:5,6:4.5,34:4&marks=31'); // cut inside its marks
    const { store } = await renderApp();
    const offer = screen.getByRole('region', { name: 'Ratings from a link' });
    expect(offer.textContent).toMatch(/This link carries 3 ratings\./);
    expect(offer.textContent).toMatch(/It looks cut short: it was made with 3 ratings and 1 mark\./);
    fireEvent.click(within(offer).getByRole('button', { name: 'Load them' }));
    expect(store.get().list.map((r) => r.movieId)).toEqual([1, 6, 34]);

    // 300 ratings make a link of some 3,300 characters: the field says a chat app may cut it.
    store.replace(Array.from({ length: 300 }, (_, i) => ({ movieId: 100000 + i, stars: 4.5 })));
    fireEvent.click(screen.getByRole('button', { name: 'Share link' }));
    const field = await screen.findByRole('textbox', { name: /Your ratings in a link/ });
    expect(field.value.length).toBeGreaterThan(2000);
    expect(document.getElementById('share-link-long').textContent).toMatch(
      /^This link is \d,\d{3} characters long: a chat app or mail may cut it/,
    );
    store.replace([{ movieId: 1, stars: 5 }]);
    await waitFor(() => expect(document.getElementById('share-link-long')).toBeNull());
  });

  it('a link pasted into a tab already showing Reel is offered, without a reload', async () => {
    await renderApp();
    expect(screen.queryByRole('region', { name: 'Ratings from a link' })).toBeNull();
    window.history.replaceState(null, '', '/#ratings=1:5,6:4.5'); // what pasting it does: the fragment changes…
    window.dispatchEvent(new HashChangeEvent('hashchange')); // …and the browser says so
    const offer = await screen.findByRole('region', { name: 'Ratings from a link' });
    expect(offer.textContent).toMatch(/This link carries 2 ratings/);
  });
});

describe('a share link and Back', () => {
  it('is not offered again when Back returns to the address that carried it, and a film picked does not carry it', async () => {
    window.history.replaceState(null, '', '/#ratings=1:5,6:4');
    const { store } = await renderApp();
    fireEvent.click(screen.getAllByRole('link', { name: 'Toy Story' })[0]); // a film looked at before answering
    expect(window.location.hash).toBe(''); // the film's address does not carry the ratings
    fireEvent.click(screen.getByRole('button', { name: 'Load them' }));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Ratings from a link' })).toBeNull());
    // Back to the link's own entry: the browser says the fragment changed, as when a link is pasted.
    const back = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
    window.history.back();
    await back;
    expect(window.location.hash).toBe('#ratings=1:5,6:4');
    await new Promise((resolve) => setTimeout(resolve, 0)); // the page's render after that event
    expect(screen.queryByRole('region', { name: 'Ratings from a link' })).toBeNull();
    expect(store.get().list.map((r) => r.movieId)).toEqual([1, 6]);
  });
});

describe('the viewers after another MovieLens is loaded', () => {
  it('forget the viewer chosen in the old data: its favourites are not shown under the new data', async () => {
    let dataset = 'bundled';
    const client = fakeClient({
      async viewers() {
        return dataset === 'bundled'
          ? [
              { userId: 1, ratings: 232, favourite: TOY },
              { userId: 2, ratings: 29, favourite: HEAT },
            ]
          : [{ userId: 1, ratings: 7, favourite: HEAT }];
      },
      async favourites({ userId }) {
        return { userId, films: dataset === 'bundled' ? [{ ...TOY, rating: 5 }] : [{ ...HEAT, rating: 3 }] };
      },
    });
    await renderApp(client);
    const select = await screen.findByRole('combobox', { name: 'Viewer' });
    fireEvent.focus(select); // the viewers are asked for once the panel is near or focused
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(3));
    fireEvent.change(select, { target: { value: '1' } });
    await waitFor(() => expect(document.querySelector('.glimpse')?.textContent).toMatch(/Toy Story/));
    dataset = 'dropped';
    fireEvent.change(document.querySelector('.dataset-tools input[type=file]'), { target: { files: [new File(['x'], 'ml-other.zip')] } });
    await waitFor(() => expect(trainingState()).toBe('ready'));
    await waitFor(() => expect(within(select).getAllByRole('option')).toHaveLength(2));
    expect(select.value).toBe('');
    expect(document.querySelector('.glimpse')).toBeNull();
  });
});
