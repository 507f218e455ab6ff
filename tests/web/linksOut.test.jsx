// @vitest-environment happy-dom
// Links out: every film shown with plain links to IMDb, TMDB and Letterboxd, built from the ids the
// engine gives each film, named for the film and the site, opened in a new tab with no referrer.
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { FilmElsewhere } from '../../web/src/films/FilmElsewhere.jsx';
import { elsewhere, imdbUrl } from '../../web/src/films/elsewhere.js';
import { SimilarFilms } from '../../web/src/films/SimilarFilms.jsx';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { RatingsContext } from '../../web/src/taste/ratingsContext.js';
import { HEAT, LOST, POSTMAN, TOY, fakeClient } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';

afterEach(cleanup);

describe('the addresses', () => {
  it('pad an IMDb id to seven digits, as IMDb writes them, and keep longer ones whole', () => {
    expect(imdbUrl(114709)).toBe('https://www.imdb.com/title/tt0114709/');
    expect(imdbUrl(12345678)).toBe('https://www.imdb.com/title/tt12345678/');
  });

  it('give TMDB and Letterboxd only to a film with a tmdbId, and nothing to a film with no ids', () => {
    expect(elsewhere(TOY)).toEqual([
      { site: 'IMDb', href: 'https://www.imdb.com/title/tt0114709/' },
      { site: 'TMDB', href: 'https://www.themoviedb.org/movie/862' },
      { site: 'Letterboxd', href: 'https://letterboxd.com/tmdb/862' },
    ]);
    expect(elsewhere(POSTMAN).map((s) => s.site)).toEqual(['IMDb']);
    expect(elsewhere(LOST)).toEqual([]);
  });
});

describe('a film’s links', () => {
  it('are named for the film and the site, open a new tab, and send no referrer', () => {
    render(<FilmElsewhere film={HEAT} />);
    const links = screen.getAllByRole('link');
    expect(links.map((a) => a.getAttribute('aria-label'))).toEqual([
      'Heat (1995) on IMDb',
      'Heat (1995) on TMDB',
      'Heat (1995) on Letterboxd',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(new URL(a.getAttribute('href')).protocol).toBe('https:');
    }
    expect(screen.getByRole('link', { name: 'Heat (1995) on Letterboxd' }).getAttribute('href')).toBe('https://letterboxd.com/tmdb/949');
  });

  it('are shown for film X and each of its neighbours in films like X', async () => {
    render(
      <RatingsContext.Provider value={createRatingsStore({ storage: new MemoryStorage() })}>
        <SimilarFilms
          client={fakeClient()}
          filmId={1}
          loaded
          ready
          model="implicit"
          filters={{ include: [], exclude: [], fromDecade: null, toDecade: null, fame: 2 }}
          focusKey={0}
          onPick={() => {}}
          onOpenFilters={() => {}}
        />
      </RatingsContext.Provider>,
    );
    const list = await screen.findByRole('list', { name: 'Films like Toy Story (1995)' });
    expect(screen.getByRole('link', { name: 'Toy Story (1995) on IMDb' })).toBeTruthy();
    for (const item of within(list).getAllByRole('listitem')) {
      const name = item.querySelector('.film-link').textContent;
      expect(within(item).getByRole('link', { name: `${name} on IMDb` })).toBeTruthy();
    }
  });
});
