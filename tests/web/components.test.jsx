// @vitest-environment happy-dom
// The panels rendered in happy-dom with a scripted client: progress, neighbours, viewers, numbers, errors.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AboutPanel } from '../../web/src/AboutPanel.jsx';
import { App } from '../../web/src/App.jsx';
import { NumbersPanel } from '../../web/src/NumbersPanel.jsx';
import { Recommendations } from '../../web/src/Recommendations.jsx';
import { SimilarFilms } from '../../web/src/SimilarFilms.jsx';
import { TrainingProgress } from '../../web/src/TrainingProgress.jsx';
import { UserPicker } from '../../web/src/UserPicker.jsx';
import { fakeClient, MODELS } from './fakeClient.js';

const trainingState = () => document.querySelector('.training-status')?.dataset.state;

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('TrainingProgress', () => {
  it('shows each stage with epoch i of n, its figures and the time left', () => {
    render(
      <TrainingProgress
        phase="training"
        models={[{ ...MODELS[0], epochs: 20 }, { ...MODELS[1], epochs: 30 }]}
        progress={{ rating: { stage: 'rating', epoch: 5, epochs: 20, loss: 0.91234, elapsedMs: 500, etaMs: 1500 } }}
      />,
    );
    const [rating, ranking] = screen.getAllByRole('progressbar');
    expect(rating.getAttribute('aria-valuenow')).toBe('5');
    expect(rating.getAttribute('aria-valuemax')).toBe('20');
    expect(ranking.getAttribute('aria-valuenow')).toBe('0');
    expect(screen.getByText('epoch 5 of 20')).toBeTruthy();
    expect(screen.getByText('training RMSE 0.9123')).toBeTruthy();
    expect(screen.getByText('1.5 s left')).toBeTruthy();
    expect(screen.getByText('epoch 0 of 30')).toBeTruthy();
  });

  it('collapses to a ready line with the total training time', () => {
    render(<TrainingProgress phase="ready" progress={{}} trainMs={{ rating: 2000, ranking: 3000 }} />);
    const status = screen.getByRole('status');
    expect(status.dataset.state).toBe('ready');
    expect(status.textContent).toContain('5.0 s');
    expect(screen.queryAllByRole('progressbar')).toHaveLength(0);
  });
});

describe('SimilarFilms', () => {
  it('lists neighbours with similarity and marks cross-genre ones; clicking picks', async () => {
    const client = fakeClient();
    const picked = [];
    render(<SimilarFilms client={client} models={MODELS} filmId={1} loaded ready onPick={(id) => picked.push(id)} />);
    const items = await screen.findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('Babe (1995)');
    expect(items[0].textContent).toContain('0.91');
    expect(items[0].textContent).not.toContain('cross-genre');
    expect(items[1].textContent).toContain('cross-genre');
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Toy Story (1995)');
    const link = screen.getByRole('link', { name: 'Heat (1995)' });
    expect(link.getAttribute('href')).toBe('?film=6');
    fireEvent.click(link);
    expect(picked).toEqual([6]);
  });

  it('switches the model with the segmented control', async () => {
    const client = fakeClient();
    render(<SimilarFilms client={client} models={MODELS} filmId={1} loaded ready onPick={() => {}} />);
    await screen.findAllByRole('listitem');
    expect(client.calls).toContainEqual(['similar', 1, 'ranking']);
    fireEvent.click(screen.getByRole('radio', { name: 'Rating model' }));
    await waitFor(() => expect(client.calls).toContainEqual(['similar', 1, 'rating']));
  });

  it('names the film but waits for training before asking for neighbours', async () => {
    const client = fakeClient();
    render(<SimilarFilms client={client} models={MODELS} filmId={1} loaded ready={false} onPick={() => {}} />);
    await screen.findByText('Toy Story');
    expect(screen.getByText(/appear as soon as training finishes/)).toBeTruthy();
    expect(client.calls.some((c) => c[0] === 'similar')).toBe(false);
  });

  it('reports an unknown film from the URL', async () => {
    render(<SimilarFilms client={fakeClient()} models={MODELS} filmId={424242} loaded ready onPick={() => {}} />);
    expect((await screen.findByRole('alert')).textContent).toContain('No film with movieId 424242');
  });
});

describe('viewers', () => {
  it('shows a glimpse of what the chosen user rated highest', async () => {
    const chosen = [];
    render(<UserPicker client={fakeClient()} users={[1, 2, 3]} userId={1} onChange={(u) => chosen.push(u)} />);
    expect(await screen.findByText('User 1 rated highest')).toBeTruthy();
    expect(screen.getByLabelText('5 stars').textContent).toBe('★★★★★');
    expect(screen.getByLabelText('4.5 stars').textContent).toBe('★★★★½');
    fireEvent.change(screen.getByLabelText('Viewer'), { target: { value: '3' } });
    expect(chosen).toEqual([3]);
  });

  it('lists the recommendations with year and genres once trained', async () => {
    render(<Recommendations client={fakeClient()} userId={2} ready onPickFilm={() => {}} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual(['Heat (1995)Action · Crime', 'Babe (1995)Comedy']);
  });
});

describe('NumbersPanel and AboutPanel', () => {
  it("shows every model's figures, from the engine's list, with what each means", async () => {
    render(<NumbersPanel client={fakeClient()} models={MODELS} ready />);
    await waitFor(() => expect(document.querySelectorAll('.figure-value')).toHaveLength(6));
    const values = [...document.querySelectorAll('.figure-value')].map((e) => e.textContent);
    expect(values).toEqual(['0.8712', '0.0200', '−77.8 %', '0.1400', '+55.5 %', '0.0900']);
    expect(document.querySelector('.figure-exact').textContent).toBe('0.8712');
    for (const m of document.querySelectorAll('.figure-meaning')) expect(m.textContent.length).toBeGreaterThan(40);
    expect(screen.getByText(/rating model 1.2 s, ranking model 3.4 s/)).toBeTruthy();
  });

  it('cites GroupLens as the licence requires', () => {
    render(<AboutPanel />);
    const text = document.body.textContent;
    expect(text).toContain('F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets: History and Context.');
    expect(text).toContain('19:1–19:19');
    expect(text).toMatch(/endorse/);
    expect(screen.getByRole('link', { name: 'https://doi.org/10.1145/2827872' })).toBeTruthy();
  });
});

describe('App', () => {
  it('loads, trains and then answers; a picked film goes into the URL', async () => {
    const client = fakeClient();
    render(<App client={client} dataUrl="/data/" />);
    await waitFor(() => expect(trainingState()).toBe('ready'));
    expect(client.calls[0]).toEqual(['load', '/data/']);
    fireEvent.click(screen.getByRole('link', { name: 'Toy Story' }));
    await waitFor(() => expect(document.querySelectorAll('.neighbours .film-item')).toHaveLength(2));
    expect(window.location.search).toBe('?film=1');
    await waitFor(() => expect(document.title).toBe('Films like Toy Story (1995) — Reel'));
  });

  it('opens straight to the film in ?film=', async () => {
    window.history.replaceState(null, '', '/?film=1');
    const client = fakeClient();
    render(<App client={client} dataUrl="/data/" />);
    await waitFor(() => expect(client.calls).toContainEqual(['similar', 1, 'ranking']));
  });

  it('shows a readable message and a Retry that works after a load failure', async () => {
    let attempts = 0;
    const client = fakeClient();
    const load = client.load;
    client.load = async (...args) => {
      attempts += 1;
      if (attempts === 1) throw new Error('Could not download ratings.csv (HTTP 404)');
      return load(...args);
    };
    render(<App client={client} dataUrl="/data/" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Could not load Reel');
    expect(alert.textContent).toContain('Could not download ratings.csv (HTTP 404)');
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(trainingState()).toBe('ready'));
    expect(attempts).toBe(2);
  });

  it('shows a training failure with Retry', async () => {
    const client = fakeClient({
      async train() {
        throw new Error('The rating model diverged at epoch 3 (loss NaN)');
      },
    });
    render(<App client={client} dataUrl="/data/" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Training failed');
    expect(alert.textContent).toContain('diverged at epoch 3');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });

  it('pauses and resumes training', async () => {
    let release;
    const client = fakeClient();
    const realTrain = client.train;
    let first = true;
    client.train = (onProgress) => {
      if (first) {
        first = false;
        return new Promise((r) => (release = () => r({ cancelled: true, trained: { rating: 1, ranking: 0 } })));
      }
      return realTrain(onProgress);
    };
    render(<App client={client} dataUrl="/data/" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Pause' }));
    expect(client.calls).toContainEqual(['cancel']);
    release();
    fireEvent.click(await screen.findByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(trainingState()).toBe('ready'));
  });
});
