// @vitest-environment happy-dom
// A stored value or a bug that throws in one section takes only that section down: it shows a plain
// sentence and a reset, the page around it carries on, and a kept "films like X" answer of another
// shape (issue 24: one neighbour of null blanked the page on every reload) is never used at all.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { useEffect } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../web/src/App.jsx';
import { BUILD } from '../../web/src/site/buildInfo.js';
import { ANSWERS_KEY, keepAnswer } from '../../web/src/storage/keptAnswers.js';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { SectionBoundary } from '../../web/src/ui/SectionBoundary.jsx';
import { HEAT, TOY, fakeClient } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';
import { allSectionsIn } from './allSections.js';

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

const broken = { render: true, effect: false };
function Fragile() {
  if (broken.render) throw new TypeError("Cannot read properties of null (reading 'otherGenre')");
  useEffect(() => {
    if (broken.effect) throw new Error('thrown in an effect');
  });
  return <p>Drawn</p>;
}

describe('a section that throws', () => {
  it('is replaced by a sentence and a reset, alone; the reset forgets its stored values and draws it afresh', async () => {
    const onReset = vi.fn(() => {
      broken.render = false;
    });
    render(
      <main>
        <SectionBoundary name="Films like…" id="films" onReset={onReset}>
          <Fragile />
        </SectionBoundary>
        <p>The next section</p>
      </main>,
    );
    const alert = screen.getByRole('alert', { name: 'Films like… stopped' });
    expect(alert.id).toBe('films');
    expect(within(alert).getByText(/This part of the page stopped working/)).toBeTruthy();
    expect(within(alert).getByText(/reading 'otherGenre'/)).toBeTruthy();
    expect(screen.getByText('The next section')).toBeTruthy();
    fireEvent.click(within(alert).getByRole('button', { name: 'Reset Films like…' }));
    expect(onReset).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByText('Drawn')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is caught when it throws in an effect too', async () => {
    Object.assign(broken, { render: false, effect: true });
    render(
      <SectionBoundary name="The map of taste">
        <Fragile />
      </SectionBoundary>,
    );
    await waitFor(() => expect(screen.getByRole('alert', { name: 'The map of taste stopped' })).toBeTruthy());
    broken.effect = false;
  });
});

describe('a kept answer of another shape', () => {
  it('is not used: the page becomes ready and films like X shows the engine’s answer', async () => {
    const storage = new MemoryStorage();
    const answer = {
      film: TOY,
      model: 'implicit',
      neighbours: [null, { ...HEAT, score: 0.5, likedBoth: 3, otherGenre: true }],
      likedFilm: 4,
      unrated: false,
    };
    keepAnswer(storage, BUILD.id, { movieId: TOY.movieId, view: 'closest', filter: 'null', model: '' }, answer);
    expect(JSON.parse(storage.getItem(ANSWERS_KEY))).toHaveLength(1);
    window.history.replaceState(null, '', `/?film=${TOY.movieId}`);
    render(<App client={fakeClient()} dataUrl="/data/" storage={storage} store={createRatingsStore({ storage })} />);
    await waitFor(() => expect(document.querySelector('.training-status')?.dataset.state).toBe('ready'));
    await allSectionsIn();
    const films = screen.getByRole('region', { name: 'Films like…' });
    await waitFor(() => expect(within(films).getAllByRole('listitem').length).toBeGreaterThan(0));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
