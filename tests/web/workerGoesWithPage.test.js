// A page put in the back/forward cache lets its engine worker go (a frozen worker's IndexedDB write
// would lock the next page out of its kept models), and loads afresh when it comes back.
import { describe, expect, it } from 'vitest';
import { workerGoesWithPage } from '../../web/src/site/workerGoesWithPage.js';

function page() {
  const win = Object.assign(new EventTarget(), { reloads: 0, location: { reload: () => (win.reloads += 1) } });
  const client = { replaced: 0, replace: () => (client.replaced += 1) };
  workerGoesWithPage(client, win);
  const fire = (type, persisted) => win.dispatchEvent(Object.assign(new Event(type), { persisted }));
  return { win, client, fire };
}

describe('the engine worker and the back/forward cache', () => {
  it('lets the worker go when the page is kept in the cache, and loads afresh when it comes back', () => {
    const { win, client, fire } = page();
    fire('pagehide', true);
    expect(client.replaced).toBe(1);
    fire('pageshow', true);
    expect(win.reloads).toBe(1);
  });

  it('leaves a page that is not cached alone: a first show, or a page that is going for good', () => {
    const { win, client, fire } = page();
    fire('pageshow', false);
    fire('pagehide', false); // the page and its worker end anyway
    expect([client.replaced, win.reloads]).toEqual([0, 0]);
  });
});
