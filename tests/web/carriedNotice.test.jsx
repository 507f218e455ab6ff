// @vitest-environment happy-dom
// The notice of what became of the visitor's ratings on a dropped MovieLens: it counts only what
// is true (no "0 are films here" when every rating was set aside), and names what was set aside.
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CarriedRatings } from '../../web/src/taste/CarriedRatings.jsx';

afterEach(cleanup);
const dropped = { kind: 'files', name: 'ml-synth.zip' };
const aside = { movieId: 1, was: { name: 'Toy Story', year: 1995 }, now: { name: 'Film 1', year: 1950 } };

describe('the carried-ratings notice', () => {
  it('says only that a rating was set aside when none came along', () => {
    render(<CarriedRatings report={{ here: 0, missing: [], elsewhere: [aside] }} dataset={dropped} />);
    const notice = screen.getByRole('status');
    expect(notice.textContent).not.toMatch(/came along/);
    expect(notice.textContent).not.toMatch(/\b0 (are|is)\b/);
    expect(notice.textContent).toContain(
      '1 rating was made on data whose ids name other films than ml-synth.zip does — “Toy Story (1995)” is “Film 1 (1950)” here',
    );
  });

  it('counts the ratings of films here and of films it lacks', () => {
    render(<CarriedRatings report={{ here: 3, missing: [5], elsewhere: [] }} dataset={dropped} />);
    expect(screen.getByRole('status').textContent).toMatch(
      /Your ratings came along\..*3 are of films in ml-synth\.zip; 1 is of films it does not hold/,
    );
  });

  it('says nothing on the bundled MovieLens when nothing was set aside', () => {
    render(<CarriedRatings report={{ here: 3, missing: [], elsewhere: [] }} dataset={{ kind: 'bundled' }} />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
