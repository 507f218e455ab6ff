// @vitest-environment happy-dom
// A first screen that invites: once ready, the training card folds to one line with its details a
// click away — when it is out of sight, never under the visitor's eyes (unfolded again for a refusal
// that needs reading); the Filters close with Escape.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../web/src/App.jsx';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { fakeClient } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';
import { installSight } from './sight.js';

const trainingState = () => document.querySelector('.training-status')?.dataset.state;

let sight;
beforeEach(() => {
  window.history.replaceState(null, '', '/');
  sight = installSight();
});
afterEach(() => {
  cleanup();
  sight.restore();
});

async function renderApp(client = fakeClient()) {
  render(<App client={client} dataUrl="/data/" store={createRatingsStore({ storage: new MemoryStorage() })} />);
  await waitFor(() => expect(trainingState()).toBe('ready'));
  return client;
}

describe('the training card, once ready', () => {
  it('stays open while in sight (nothing on screen moves), then folds to its status and a "Training details" button', async () => {
    await renderApp();
    const card = screen.getByRole('region', { name: 'Training' });
    const details = within(card).getByRole('button', { name: 'Training details' });
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getAllByRole('progressbar').length).toBeGreaterThanOrEqual(4);
    sight.leave(); // the visitor scrolls on to the films
    await waitFor(() => expect(details.getAttribute('aria-expanded')).toBe('false'));
    expect(within(card).getByRole('status').textContent).toMatch(/^Ready — trained in/);
    expect(within(card).queryAllByRole('progressbar')).toHaveLength(0);
    expect(within(card).queryByRole('button', { name: 'Retrain here' })).toBeNull();

    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(
      within(card)
        .getAllByRole('progressbar')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(expect.arrayContaining(['Download', 'Implicit model training']));
    expect(within(card).getByRole('button', { name: 'Retrain here' })).toBeTruthy();
    fireEvent.click(details);
    expect(within(card).queryAllByRole('progressbar')).toHaveLength(0);
  });

  it('shows every bar while the models train, Pause in the place "Training details" takes later', async () => {
    let finish;
    const client = fakeClient();
    const train = client.answers.train;
    client.answers.train = (fields, onProgress) => new Promise((resolve) => (finish = () => resolve(train(fields, onProgress))));
    render(<App client={client} dataUrl="/data/" store={createRatingsStore({ storage: new MemoryStorage() })} />);
    await waitFor(() => expect(finish).toBeTypeOf('function'));
    const card = screen.getByRole('region', { name: 'Training' });
    expect(within(card).getAllByRole('progressbar').length).toBeGreaterThanOrEqual(4);
    expect(within(card).queryByRole('button', { name: 'Training details' })).toBeNull();
    finish();
    await waitFor(() => expect(trainingState()).toBe('ready'));
    sight.leave();
    await waitFor(() => expect(within(card).queryAllByRole('progressbar')).toHaveLength(0));
  });

  it('unfolds for a refused MovieLens, so the reason is read', async () => {
    const client = fakeClient();
    client.answers.loadFiles = async () => {
      throw new Error('ratings.csv in ml-huge.zip is 4.0 GB … Nothing was read.');
    };
    await renderApp(client);
    fireEvent.change(screen.getByLabelText('Use a bigger MovieLens…'), { target: { files: [new File(['zip'], 'ml-huge.zip')] } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Could not use ml-huge\.zip/);
    await waitFor(() => expect(trainingState()).toBe('ready'));
    expect(screen.getByRole('region', { name: 'Training' }).classList.contains('training-folded')).toBe(false);
  });
});

describe('the filters', () => {
  it('close with Escape, focus back on their summary', async () => {
    await renderApp();
    const filters = document.querySelector('#filters');
    fireEvent.click(filters.querySelector('summary'));
    await waitFor(() => expect(filters.open).toBe(true));
    fireEvent.keyDown(screen.getByRole('group', { name: 'Only these genres' }), { key: 'Escape' });
    await waitFor(() => expect(filters.open).toBe(false));
    expect(document.activeElement).toBe(filters.querySelector('summary'));
  });
});
