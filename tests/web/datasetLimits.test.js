// What a dropped MovieLens may weigh: the engine's 4 GiB at PEAK_PER_CSV_BYTE bytes a CSV byte, the device's own
// memory where the browser reports it, and sizes written as a file manager shows them.
import { describe, expect, it } from 'vitest';
import {
  ENGINE_MEMORY,
  PEAK_PER_CSV_BYTE,
  checkFits,
  neededBytes,
  outOfMemory,
  sizeText,
} from '../../web/src/worker/dataset/datasetLimits.js';

const GiB = 2 ** 30;
const LEAST_MEASURED = 3.19; // module memory ÷ CSV bytes at its peak: 1 M ratings 3.85, 5 M 4.00, 25 M 3.19
const fits =
  (ratingsBytes, deviceMemoryGiB = null) =>
  () =>
    checkFits({ what: 'ratings.csv in ml-x.zip', ratingsBytes, deviceMemoryGiB });

describe('checkFits', () => {
  const edge = Math.floor(ENGINE_MEMORY / PEAK_PER_CSV_BYTE); // the largest ratings.csv that fits in 4 GiB at that rate

  it('takes a ratings.csv up to the engine’s 4 GiB at the measured rate, and refuses one byte more', () => {
    expect(PEAK_PER_CSV_BYTE).toBeLessThan(LEAST_MEASURED); // below the least measured rate (datasetLimits.js)
    expect(ENGINE_MEMORY).toBe(4 * GiB);
    expect(neededBytes(edge)).toBeLessThanOrEqual(ENGINE_MEMORY);
    expect(fits(edge)).not.toThrow();
    expect(fits(edge + 1)).toThrow(/4 GiB/);
    expect(fits(0)).not.toThrow();
  });

  it('takes MovieLens 25M and 32M, whose ratings.csv are 678 MB and 877 MB', () => {
    expect(fits(678_000_000)).not.toThrow();
    expect(fits(877_000_000)).not.toThrow();
  });

  it('refuses in words that name the file, its size, its ratings and what it would take', () => {
    expect(fits(1_500_000_000)).toThrow(
      /^ratings\.csv in ml-x\.zip is 1\.5 GB — about 58 million ratings\. Loading it would take at least 4\.5 GB, and the engine in a browser tab can use at most 4\.3 GB \(4 GiB\)\. .*Nothing was read\.$/,
    );
  });

  it('says which files do fit, and that size does', () => {
    const said = (() => {
      try {
        fits(edge + 1)();
      } catch (e) {
        return e.message;
      }
      return '';
    })();
    const [, mb] = said.match(/Ratings files of (\d+) MB \(some 25 million ratings\) have been seen to fit/);
    expect(Number(mb) * 1e6).toBeLessThan(edge);
    expect(fits(Number(mb) * 1e6)).not.toThrow();
  });

  it('refuses what needs more than the memory this device reports, and only then', () => {
    const edge1 = Math.floor(GiB / PEAK_PER_CSV_BYTE);
    expect(fits(edge1, 1)).not.toThrow();
    expect(fits(edge1 + 1, 1)).toThrow(/this device reports about 1 GB of memory in all\. Nothing was read\.$/);
    expect(fits(edge1 + 1, null)).not.toThrow(); // not reported: only the engine's limit holds
    expect(fits(edge1 + 1, 8)).not.toThrow();
    expect(fits(edge + 1, 64)).toThrow(/4 GiB/); // a large device does not lift the engine's limit
  });
});

describe('the number of ratings', () => {
  it('is told in thousands below a million and millions from it, never “1000 thousand”', () => {
    const ratingsOf = (bytes) => outOfMemory({ what: 'ratings.csv', ratingsBytes: bytes }).match(/about (.*?) ratings/)[1];
    expect(ratingsOf(26 * 500_000)).toBe('500 thousand');
    expect(ratingsOf(26 * 999_700)).toBe('1 million');
    expect(ratingsOf(26 * 2_400_000)).toBe('2 million');
  });
});

describe('outOfMemory', () => {
  it('names the file, its size and its ratings after the fact', () => {
    const said = outOfMemory({ what: 'ratings.csv in ml-25m.zip', ratingsBytes: 678_000_000 });
    expect(said).toMatch(/^The engine ran out of memory loading ratings\.csv in ml-25m\.zip \(678 MB — about 26 million ratings\)/);
    expect(said).toMatch(/4 GiB/);
  });
});

describe('sizeText', () => {
  it('writes decimal units as a file manager does', () => {
    expect(sizeText(678_000_000)).toBe('678 MB');
    expect(sizeText(1_400_000_000)).toBe('1.4 GB');
    expect(sizeText(4 * GiB)).toBe('4.3 GB');
    expect(sizeText(3_200_000)).toBe('3.2 MB');
    expect(sizeText(24_400_000)).toBe('24 MB');
  });

  it('changes unit where the rounded number does: never “1000 MB” or “10.0 MB”', () => {
    expect(sizeText(999_400_000)).toBe('999 MB');
    expect(sizeText(999_700_000)).toBe('1.0 GB');
    expect(sizeText(1_000_000_000)).toBe('1.0 GB');
    expect(sizeText(9_940_000)).toBe('9.9 MB');
    expect(sizeText(9_970_000)).toBe('10 MB');
    expect(sizeText(10_000_000)).toBe('10 MB');
  });

  it('grows with the size: a larger file never reads smaller', () => {
    const value = (s) => parseFloat(s) * (s.endsWith('GB') ? 1e9 : 1e6);
    let last = 0;
    for (let bytes = 1e5; bytes < 1e11; bytes *= 1.013) {
      const v = value(sizeText(bytes));
      expect(v, `${bytes} bytes read as ${sizeText(bytes)}`).toBeGreaterThanOrEqual(last);
      expect(Math.abs(v - bytes) / bytes).toBeLessThan(0.5);
      last = v;
    }
  });
});
