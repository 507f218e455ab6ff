// @vitest-environment happy-dom
// The map's section: "Find on the map" says when a film is not on it, and that note goes with the
// film X it was about.
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MapSection } from '../../web/src/map/MapSection.jsx';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { createTrainingStore } from '../../web/src/training/trainingStore.js';
import { LOST, TOY, fakeClient } from './fakeClient.js';

afterEach(cleanup);

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
});
