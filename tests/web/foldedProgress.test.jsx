// @vitest-environment happy-dom
// The folded training card's hairline: the download's bytes of their total, then every model's
// epochs of theirs; nothing once ready, while restoring, or while a dropped file's ratings are parsed.
import { act, cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FoldedProgress } from '../../web/src/training/FoldedProgress.jsx';
import { downloadShare, trainingShare } from '../../web/src/training/progressShares.js';
import { createTrainingStore } from '../../web/src/training/trainingStore.js';

afterEach(cleanup);

const MODELS = [
  { name: 'implicit', epochs: 10 },
  { name: 'rating', epochs: 20 },
  { name: 'ranking', epochs: 10 },
];
const line = () => document.querySelector('.folded-progress');
const done = () => Number(line().querySelector('.bar-fill').style.getPropertyValue('--done'));

describe('the folded card’s progress', () => {
  it('follows the download in bytes, then the training in epochs, and goes at ready', () => {
    const store = createTrainingStore();
    const props = { store, models: MODELS, bundled: true };
    const { rerender } = render(<FoldedProgress {...props} phase="loading" loadStage="download" />);
    expect(line().dataset.stage).toBe('download');
    expect(done()).toBe(0);
    const files = (engine, data) => ({
      stage: 'download',
      files: { 'reel.wasm': engine, 'engine.worker.js': { loaded: 100, total: 100 }, 'movielens.pack.gz': data },
    });
    act(() => store.update(files({ loaded: 300, total: 400 }, { loaded: 0, total: 500 })));
    expect(done()).toBeCloseTo(400 / 1000);
    act(() => store.update(files({ loaded: 400, total: 400 }, { loaded: 250, total: 500 })));
    expect(done()).toBeCloseTo(750 / 1000);
    rerender(<FoldedProgress {...props} phase="loading" loadStage="parse" />); // every byte in, being read
    expect(done()).toBe(1);
    rerender(<FoldedProgress {...props} phase="training" />);
    expect(line().dataset.stage).toBe('train');
    expect(done()).toBe(0);
    act(() => store.update({ stage: 'train', model: 'implicit', epoch: 10, epochs: 10 }));
    act(() => store.update({ stage: 'train', model: 'rating', epoch: 5, epochs: 20 }));
    expect(done()).toBeCloseTo(15 / 40);
    rerender(<FoldedProgress {...props} phase="ready" />);
    expect(line()).toBeNull();
  });

  it('shows nothing while models are restored or a dropped file’s ratings are parsed', () => {
    const store = createTrainingStore();
    const { rerender } = render(<FoldedProgress store={store} models={MODELS} bundled phase="restoring" />);
    expect(line()).toBeNull();
    rerender(<FoldedProgress store={store} models={MODELS} bundled={false} phase="loading" loadStage="parse" />);
    expect(line()).toBeNull();
  });

  it('counts a file of unknown size as nothing yet, and models restored as their epochs done', () => {
    expect(downloadShare({ files: { 'reel.wasm': { loaded: 10, total: null } } }, false)).toEqual({
      got: 10,
      total: null,
      done: false,
      share: 0,
    });
    expect(downloadShare(undefined, true).share).toBe(1);
    expect(
      trainingShare(
        [
          { name: 'implicit', epochs: 10, epochsDone: 10 },
          { name: 'rating', epochs: 10 },
        ],
        {},
      ),
    ).toBe(0.5);
    expect(trainingShare([], {})).toBe(0);
  });
});
