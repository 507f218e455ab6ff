// @vitest-environment happy-dom
// The page writes counts and times as Intl's British formatters would (web/src/ui/format.js), without
// Intl: a page's first formatter loads ICU's data, 100–200 ms of a slowed phone's main thread. Intl is
// this test's oracle, and the page must not reach it on a first visit.
import { cleanup, render, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCount, formatWhen } from '../../web/src/ui/format.js';
import { fakeClient } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('formatCount', () => {
  it('groups thousands as Intl.NumberFormat("en-GB") does', () => {
    const intl = new Intl.NumberFormat('en-GB');
    const numbers = [0, 1, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 100836, 999999, 1000000, 25000095, 2 ** 31 - 1];
    for (let x = 7, i = 0; i < 200; i++) numbers.push((x = (x * 48271) % 2147483647) % 10 ** (1 + (i % 9))); // every length
    const negatives = numbers.filter((n) => n > 0).map((n) => -n); // -0: Intl writes "-0", the page "0"
    for (const n of [...numbers, ...negatives]) expect(formatCount(n), String(n)).toBe(intl.format(n));
  });

  it('says "—" for what is not a number', () => {
    expect(formatCount(undefined)).toBe('—');
    expect(formatCount(NaN)).toBe('—');
    expect(formatCount(Infinity)).toBe('—');
  });
});

describe('formatWhen', () => {
  it('writes a day, month and time as Intl.DateTimeFormat("en-GB") does, in this zone', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    for (let month = 0; month < 12; month++) {
      for (const [day, hour, minute] of [
        [1, 0, 0],
        [7, 9, 5],
        [28, 12, 30],
        [15, 23, 59],
      ]) {
        const ms = new Date(2026, month, day, hour, minute).getTime();
        expect(formatWhen(ms)).toBe(intl.format(ms));
      }
    }
  });
});

describe('a first visit', () => {
  it("builds no Intl formatter and calls no locale method, from the page's modules loading to ready", async () => {
    const touched = [];
    const watch = (owner, name, label) =>
      vi.spyOn(owner, name).mockImplementation(() => {
        touched.push(label);
        throw new Error(`${label} on a first visit`);
      });
    for (const name of ['NumberFormat', 'DateTimeFormat', 'Collator', 'PluralRules', 'RelativeTimeFormat', 'ListFormat', 'Segmenter']) {
      watch(Intl, name, `Intl.${name}`);
    }
    watch(Number.prototype, 'toLocaleString', 'Number#toLocaleString');
    watch(Date.prototype, 'toLocaleString', 'Date#toLocaleString');
    watch(Date.prototype, 'toLocaleDateString', 'Date#toLocaleDateString');
    watch(Date.prototype, 'toLocaleTimeString', 'Date#toLocaleTimeString');
    watch(String.prototype, 'localeCompare', 'String#localeCompare');

    vi.resetModules(); // the page's modules evaluated afresh, under the watch: the old formatters were made as they loaded
    const { App } = await import('../../web/src/App.jsx');
    const { createRatingsStore } = await import('../../web/src/taste/ratingsStore.js');
    render(<App client={fakeClient()} dataUrl="/data/" store={createRatingsStore({ storage: new MemoryStorage() })} />);
    await waitFor(() => expect(document.querySelector('.training-status')?.dataset.state).toBe('ready'));
    await waitFor(() => expect(document.querySelector('#numbers')).not.toBeNull()); // the later sections too
    expect(document.body.textContent).toMatch(/\d,\d{3} ratings/); // counts are written, grouped
    expect(touched).toEqual([]);
  });
});
