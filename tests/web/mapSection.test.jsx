// @vitest-environment happy-dom
// The map's section: "Find on the map" says when a film is not on it, and that note goes with the
// film X it was about; the layout's progress moves its bar alone, not the section around it.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MapSection } from '../../web/src/map/MapSection.jsx';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { createTrainingStore } from '../../web/src/training/trainingStore.js';
import { LOST, TOY, fakeClient } from './fakeClient.js';

afterEach(cleanup);

// The section's search box, counted: it renders again only when the section does.
const searchRenders = vi.hoisted(() => ({ n: 0 }));
vi.mock('../../web/src/films/FilmSearch.jsx', async (real) => {
  const { FilmSearch } = await real();
  return { FilmSearch: (props) => (searchRenders.n++, FilmSearch(props)) };
});

const MAP = {
  movieIds: Int32Array.from([TOY.movieId]),
  xy: Float32Array.from([0, 0]),
  genres: Uint32Array.from([1]),
  genreNames: ['Animation'],
  figures: { map: 0.2, pca: 0.05 },
};

describe('the map section', () => {
  it('says a searched film is not on the map, until film X changes', async () => {
    const props = {
      map: MAP,
      error: null,
      progress: createTrainingStore(),
      ready: true,
      store: createRatingsStore({ storage: null }),
      search: async () => [{ ...LOST, ratings: 3 }],
      onPick: () => {},
      client: fakeClient(),
      loaded: true,
    };
    const { rerender } = render(<MapSection {...props} filmId={null} />);
    const box = screen.getByRole('combobox', { name: 'Find on the map' });
    box.focus();
    fireEvent.input(box, { target: { value: 'lost' } });
    fireEvent.mouseDown((await screen.findAllByRole('option'))[0]);
    const note = () => screen.queryByText(/too few to place it on the map/);
    expect(note().textContent).toMatch(/has only 3 ratings to learn from/);
    rerender(<MapSection {...props} filmId={TOY.movieId} />);
    expect(note()).toBeNull();
  });

  it('moves the layout bar step by step without rendering the section again', () => {
    const progress = createTrainingStore();
    const props = { error: null, progress, store: createRatingsStore({ storage: null }), search: async () => [], onPick: () => {} };
    const more = { client: fakeClient(), loaded: true, filmId: null };
    const { rerender } = render(<MapSection {...props} {...more} map={null} ready={false} />);
    const bar = () => screen.getByRole('progressbar', { name: 'Map layout' });
    expect(screen.getByText('The map is drawn once the models have trained.')).toBeTruthy();
    rerender(<MapSection {...props} {...more} map={null} ready />);
    expect(screen.getByText('Placing the films…')).toBeTruthy();
    const before = searchRenders.n;
    for (let epoch = 1; epoch <= 30; epoch++) act(() => progress.update({ stage: 'map', epoch, epochs: 90 }));
    expect(screen.getByText('Placing the films: step 30 of 90')).toBeTruthy();
    expect(bar().getAttribute('aria-valuenow')).toBe('30');
    expect(bar().getAttribute('aria-valuemax')).toBe('90');
    expect(searchRenders.n).toBe(before);
    rerender(<MapSection {...props} {...more} map={MAP} ready />);
    expect(bar().getAttribute('aria-valuenow')).toBe('90');
  });
});
