// Ratings carried in a link's fragment, and the filters' translation into the engine's terms.
import { describe, expect, it } from 'vitest';
import { FAME, NO_FILTERS, decadesOf, describeFilters, engineFilter, toggleGenre } from '../../web/src/taste/filters.js';
import { encodeShare, readShare, shareUrl } from '../../web/src/storage/shareLink.js';

describe('share links', () => {
  it('carry ratings after the #, and read back', () => {
    const entries = [
      { movieId: 1, stars: 5 },
      { movieId: 2571, stars: 4.5 },
    ];
    const url = shareUrl('https://example.org/reel/?film=1#old', entries);
    expect(url).toBe('https://example.org/reel/?film=1#ratings=1:5,2571:4.5');
    expect(readShare(new URL(url).hash)).toEqual({ entries, marks: [], skipped: 0 });
    expect(encodeShare([])).toBe('ratings=');
  });

  it('carry marks beside the ratings, and skip a mark they do not know', () => {
    const entries = [{ movieId: 1, stars: 5 }];
    const marks = [
      { movieId: 318, mark: 'watchlist' },
      { movieId: 2, mark: 'not interested' },
      { movieId: 3, mark: 'seen' },
    ];
    const url = shareUrl('https://example.org/reel/', entries, marks);
    expect(url).toBe('https://example.org/reel/#ratings=1:5&marks=318:w,2:n,3:s');
    expect(readShare(new URL(url).hash)).toEqual({ entries, marks, skipped: 0 });
    // Marks alone still make a link the page offers; a mark it does not know is counted, not guessed.
    expect(readShare('#ratings=&marks=5:w,6:x,7,5:s')).toEqual({ entries: [], marks: [{ movieId: 5, mark: 'seen' }], skipped: 2 });
  });

  it('skip what is not a film and a half star, and keep the last of a film listed twice', () => {
    expect(readShare('#ratings=1:5,abc,2:7,3:4.25,1:2.5,,4:0.5')).toEqual({
      entries: [
        { movieId: 1, stars: 2.5 },
        { movieId: 4, stars: 0.5 },
      ],
      marks: [],
      skipped: 3,
    });
    expect(readShare('#film=1')).toBeNull();
    expect(readShare('')).toBeNull();
  });
});

describe('filters', () => {
  it('are nothing by default', () => {
    expect(engineFilter(NO_FILTERS)).toBeUndefined();
    expect(describeFilters(NO_FILTERS)).toBe('');
  });

  it("become the engine's filter: genres, a decade span, and the hidden gems ↔ crowd-pleasers scale", () => {
    const f = { include: ['Comedy'], exclude: ['Horror'], fromDecade: 1990, toDecade: 2000, fame: 0 };
    expect(engineFilter(f)).toEqual({ anyGenre: ['Comedy'], noGenre: ['Horror'], fromYear: 1990, toYear: 2009, maxRatings: 20 });
    expect(engineFilter({ ...NO_FILTERS, fame: FAME.length - 1 })).toEqual({ minRatings: 80 });
    expect(describeFilters(f)).toBe('Comedy · not Horror · 1990s–2000s · hidden gems');
  });

  it('never hold a genre both in and out', () => {
    const f = toggleGenre(toggleGenre(NO_FILTERS, 'Drama', 'include'), 'Drama', 'exclude');
    expect(f.include).toEqual([]);
    expect(f.exclude).toEqual(['Drama']);
  });

  it("span the catalogue's decades", () => {
    expect(decadesOf({ min: 1902, max: 2018 })).toEqual([1900, 1910, 1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990, 2000, 2010]);
  });
});
