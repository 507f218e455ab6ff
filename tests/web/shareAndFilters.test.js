// Ratings carried in a link's fragment, and the filters' translation into the engine's terms.
import { describe, expect, it } from 'vitest';
import { FAME, NO_FILTERS, decadesOf, describeFilters, engineFilter, toggleGenre } from '../../web/src/taste/filters.js';
import { encodeShare, forgetShareInUrl, readShare, shareUrl } from '../../web/src/storage/shareLink.js';

describe('share links', () => {
  it('carry ratings after the #, and read back', () => {
    const entries = [
      { movieId: 1, stars: 5 },
      { movieId: 2571, stars: 4.5 },
    ];
    const url = shareUrl('https://example.org/reel/?film=1#old', entries);
    expect(url).toBe('https://example.org/reel/?film=1#n=2.0&ratings=1:5,2571:4.5&end');
    expect(readShare(new URL(url).hash)).toEqual({ entries, marks: [], skipped: 0, cut: null });
    expect(encodeShare([])).toBe('n=0.0&ratings=&end');
    // Links made before the count and the end were added read as they always did.
    expect(readShare('#ratings=1:5,2571:4.5')).toEqual({ entries, marks: [], skipped: 0, cut: null });
  });

  it('carry marks beside the ratings, and skip a mark they do not know', () => {
    const entries = [{ movieId: 1, stars: 5 }];
    const marks = [
      { movieId: 318, mark: 'watchlist' },
      { movieId: 2, mark: 'not interested' },
      { movieId: 3, mark: 'seen' },
    ];
    const url = shareUrl('https://example.org/reel/', entries, marks);
    expect(url).toBe('https://example.org/reel/#n=1.3&ratings=1:5&marks=318:w,2:n,3:s&end');
    expect(readShare(new URL(url).hash)).toEqual({ entries, marks, skipped: 0, cut: null });
    // Marks alone still make a link the page offers; a mark it does not know is counted, not guessed.
    expect(readShare('#ratings=&marks=5:w,6:x,7,5:s')).toEqual({
      entries: [],
      marks: [{ movieId: 5, mark: 'seen' }],
      skipped: 2,
      cut: null,
    });
  });

  it('skip what is not a film and a half star, and keep the last of a film listed twice', () => {
    expect(readShare('#ratings=1:5,abc,2:7,3:4.25,1:2.5,,4:0.5')).toEqual({
      entries: [
        { movieId: 1, stars: 2.5 },
        { movieId: 4, stars: 0.5 },
      ],
      marks: [],
      skipped: 3,
      cut: null,
    });
    expect(readShare('#film=1')).toBeNull();
    expect(readShare('')).toBeNull();
  });
});

describe('a share link as chat apps and mail deliver it', () => {
  const entries = [
    { movieId: 1, stars: 5 },
    { movieId: 2571, stars: 4.5 },
    { movieId: 318, stars: 4 },
  ];
  const marks = [
    { movieId: 858, mark: 'watchlist' },
    { movieId: 2, mark: 'seen' },
  ];
  const link = encodeShare(entries, marks); // n=3.2&ratings=1:5,2571:4.5,318:4&marks=858:w,2:s&end

  // The pairs a cut link surely carries whole: those followed by a "," or an "&".
  const wholePairs = (text) => (text.match(/\d+:[\d.a-z]+(?=[,&])/g) ?? []).length;

  it('cut anywhere after "ratings=" is offered, said to be cut unless every pair came, and loses no whole pair', () => {
    const from = link.indexOf('ratings=') + 'ratings='.length;
    for (let at = from; at < link.length; at++) {
      const cutText = link.slice(0, at);
      const read = readShare(cutText);
      expect(read, cutText).not.toBeNull();
      const arrived = read.entries.length + read.marks.length;
      expect(read.cut, cutText).toEqual(arrived === 5 ? null : { ratings: 3, marks: 2 });
      expect(arrived, cutText).toBeGreaterThanOrEqual(wholePairs(cutText));
      // Whatever arrived is the link's own: no rating read wrong ("2571:4.5" cut to "2571:4").
      for (const e of read.entries) expect(entries).toContainEqual(e);
      for (const m of read.marks) expect(marks).toContainEqual(m);
    }
    expect(readShare(link).cut).toBeNull();
  });

  it('percent-encoded and then cut, even inside an escape, is offered and said to be cut', () => {
    for (const encoded of [encodeURIComponent(link), encodeURIComponent(encodeURIComponent(link))]) {
      const from = encoded.indexOf('ratings') + 'ratings'.length + encoded.slice(encoded.indexOf('ratings') + 7).indexOf('D') + 1;
      for (let at = from; at < encoded.length - 12; at++) {
        const read = readShare(`#${encoded.slice(0, at)}`);
        expect(read, encoded.slice(0, at)).not.toBeNull();
        expect(read.cut).toEqual({ ratings: 3, marks: 2 });
      }
    }
    // The whole address encoded, its # included.
    expect(readShare(`#${encodeURIComponent(`https://reel.example/?film=1#${link}`)}`)).toEqual({ entries, marks, skipped: 0, cut: null });
  });

  it('leaves the address bar once answered, however it was mangled', () => {
    for (const hash of [`#${link}`, `#${encodeURIComponent(link)}`, `#${link.replaceAll('&', '&amp;')}`]) {
      const replaced = [];
      const win = {
        location: { hash, href: `https://reel.example/?film=1${hash}` },
        history: { state: null, replaceState: (_state, _title, url) => replaced.push(url) },
      };
      forgetShareInUrl(win);
      expect(replaced).toEqual(['https://reel.example/?film=1']);
    }
  });

  it('arrived with its end but short of what it was made with, is said to be cut', () => {
    expect(readShare('#n=3.0&ratings=1:5,2571:4.5,318:4&end').cut).toBeNull();
    expect(readShare('#n=3.0&ratings=1:5,2571:4.5&end').cut).toEqual({ ratings: 3, marks: 0 });
  });

  it('percent-encoded once or twice, or with &amp; for &, or with punctuation after it, reads whole', () => {
    for (const mangled of [
      encodeURIComponent(link),
      encodeURIComponent(encodeURIComponent(link)),
      link.replaceAll('&', '&amp;'),
      `${link})`,
      `${link}.`,
    ]) {
      expect(readShare(`#${mangled}`)).toEqual({ entries, marks, skipped: 0, cut: null });
    }
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
