// @vitest-environment happy-dom
// The film search combobox: ARIA wiring, search as you type, keyboard picking, Escape, stale answers.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilmSearch } from '../../web/src/films/FilmSearch.jsx';

const FILMS = [
  { movieId: 1, title: 'Toy Story (1995)', name: 'Toy Story', year: 1995, genres: ['Animation', 'Comedy'], ratings: 170 },
  { movieId: 3114, title: 'Toy Story 2 (1999)', name: 'Toy Story 2', year: 1999, genres: ['Animation'], ratings: 80 },
  { movieId: 78499, title: 'Toy Story 3 (2010)', name: 'Toy Story 3', year: 2010, genres: ['Animation'], ratings: 40 },
];

afterEach(cleanup);

function setup(search = vi.fn(async (q) => (q.toLowerCase().startsWith('toy') ? FILMS : []))) {
  const onPick = vi.fn();
  render(<FilmSearch search={search} onPick={onPick} />);
  const input = screen.getByRole('combobox');
  input.focus(); // typed into, as a person does: the answers open only while the box has focus
  return { input, onPick, search };
}

describe('FilmSearch', () => {
  it('keeps answers that come after focus has left the box closed, and shows them when it comes back', async () => {
    let answer;
    const { input } = setup(vi.fn(() => new Promise((resolve) => (answer = resolve))));
    fireEvent.input(input, { target: { value: 'toy' } });
    input.blur(); // Tab away while the search runs
    answer(FILMS);
    await new Promise((resolve) => setTimeout(resolve, 0)); // the answer taken in and rendered
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.focus(input);
    expect(input.getAttribute('aria-expanded')).toBe('true');
  });

  it('is a labelled ARIA combobox that controls a listbox', () => {
    const { input } = setup();
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    const list = document.getElementById(input.getAttribute('aria-controls'));
    expect(list.getAttribute('role')).toBe('listbox');
    expect(screen.getByLabelText('Find a film')).toBe(input);
  });

  it('searches as you type and shows title, year and genres', async () => {
    const { input, search } = setup();
    fireEvent.input(input, { target: { value: 'toy sto' } });
    const options = await screen.findAllByRole('option');
    expect(search).toHaveBeenLastCalledWith('toy sto');
    expect(options).toHaveLength(3);
    expect(options[0].textContent).toContain('Toy Story (1995)');
    expect(options[0].textContent).toContain('Animation · Comedy');
    expect(input.getAttribute('aria-expanded')).toBe('true');
  });

  it('moves with the arrows, wraps, and picks with Enter', async () => {
    const { input, onPick } = setup();
    fireEvent.input(input, { target: { value: 'toy' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = document.getElementById(input.getAttribute('aria-activedescendant'));
    expect(active.textContent).toContain('Toy Story 2');
    expect(active.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' }); // wraps to the last
    expect(document.getElementById(input.getAttribute('aria-activedescendant')).textContent).toContain('Toy Story 3');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onPick).toHaveBeenCalledWith(FILMS[2]);
    expect(input.value).toBe('Toy Story 3 (2010)');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  it('picks with the mouse', async () => {
    const { input, onPick } = setup();
    fireEvent.input(input, { target: { value: 'toy' } });
    const options = await screen.findAllByRole('option');
    fireEvent.mouseDown(options[1]);
    expect(onPick).toHaveBeenCalledWith(FILMS[1]);
  });

  it('closes on Escape, then clears on a second Escape', async () => {
    const { input } = setup();
    fireEvent.input(input, { target: { value: 'toy' } });
    await screen.findAllByRole('option');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.value).toBe('toy');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.value).toBe('');
  });

  it('says so when nothing matches', async () => {
    const { input } = setup();
    fireEvent.input(input, { target: { value: 'zzzz' } });
    await screen.findByText('No film matches “zzzz”');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
  });

  it('ignores an answer that arrives after a newer one', async () => {
    let releaseSlow;
    const search = vi.fn((q) => (q === 'to' ? new Promise((r) => (releaseSlow = () => r([FILMS[2]]))) : Promise.resolve([FILMS[0]])));
    const { input } = setup(search);
    fireEvent.input(input, { target: { value: 'to' } });
    fireEvent.input(input, { target: { value: 'toy' } });
    await screen.findByText('Toy Story');
    releaseSlow();
    await new Promise((r) => setTimeout(r, 10));
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(1);
    expect(options[0].textContent).toContain('Toy Story (1995)');
  });

  it('shows a search error inline', async () => {
    const { input } = setup(vi.fn(async () => Promise.reject(new Error('No dataset loaded yet'))));
    fireEvent.input(input, { target: { value: 'x' } });
    await waitFor(() => expect(screen.getByText('No dataset loaded yet')).toBeTruthy());
  });
});
