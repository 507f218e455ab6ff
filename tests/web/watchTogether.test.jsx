// @vitest-environment happy-dom
// "Watch together" on the page: a friend's share link offers it; the joint list is asked of the engine
// with every member's ratings and marks, and each pick says whose ratings led to it; another friend's
// link can be added (up to four people), and a malformed one gets a plain sentence while the list
// stays; nothing the friends rated is stored as the visitor's.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SharedRatingsOffer } from '../../web/src/taste/SharedRatingsOffer.jsx';
import { createRatingsStore } from '../../web/src/taste/ratingsStore.js';
import { RatingsContext } from '../../web/src/taste/ratingsContext.js';
import { WatchTogether } from '../../web/src/together/WatchTogether.jsx';
import { memberName, readFriendLink, togetherReason } from '../../web/src/together/friends.js';
import { BABE, HEAT, TOY, fakeClient } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';
import { onAnnounce } from '../../web/src/ui/announcer.js';

afterEach(cleanup);

const because = (name, stars) => ({
  movieId: 9,
  name,
  year: 2000,
  stars,
  share: 1,
});

describe('a friend’s link', () => {
  it('is read from the whole address or its fragment, and a malformed one is refused with a sentence', () => {
    expect(readFriendLink('https://reel.example/#ratings=1:5,6:4.5&marks=34:w', 0).friend).toEqual({
      entries: [
        { movieId: 1, stars: 5 },
        { movieId: 6, stars: 4.5 },
      ],
      marks: [{ movieId: 34, mark: 'watchlist' }],
      cut: null,
    });
    expect(readFriendLink('#ratings=1:5', 0).friend.entries).toHaveLength(1);
    // A link that arrived cut short is taken, saying what it was made with.
    expect(readFriendLink('https://reel.example/#n=3.0&ratings=1:5,6:4.5,34', 0).friend).toMatchObject({
      entries: [
        { movieId: 1, stars: 5 },
        { movieId: 6, stars: 4.5 },
      ],
      cut: { ratings: 3, marks: 0 },
    });
    expect(readFriendLink('https://reel.example/', 0).error).toMatch(/not a Reel share link/);
    expect(readFriendLink('#ratings=1:7,abc', 0).error).toMatch(/no rating Reel can read/);
    expect(readFriendLink('', 0).error).toMatch(/Paste/);
    expect(readFriendLink('#ratings=1:5', 3).error).toMatch(/up to four people/);
    // The same ratings again add no one: a friend already in, or the visitor's own link.
    const friend = [
      { movieId: 6, stars: 4.5 },
      { movieId: 1, stars: 5 },
    ];
    expect(readFriendLink('#ratings=1:5,6:4.5', 1, { friends: [friend] }).error).toBe('That friend is already watching with you.');
    expect(readFriendLink('#ratings=1:5,6:4.5', 0, { yours: friend }).error).toMatch(/your own ratings/);
    expect(readFriendLink('#ratings=1:5,6:4', 1, { yours: [], friends: [friend] }).friend.entries).toHaveLength(2); // one rating apart
  });

  it('names the members and says whose ratings led to a pick', () => {
    expect([0, 1].map((i) => memberName(i, 1))).toEqual(['you', 'your friend']);
    expect([1, 2].map((i) => memberName(i, 2))).toEqual(['friend 1', 'friend 2']);
    expect(
      togetherReason(
        {
          because: [[because('Alien', 5)], [because('Toy Story', 4.5), because('Up', 4)]],
        },
        1,
      ),
    ).toBe('For you: Alien 5 stars · for your friend: Toy Story 4.5 stars and Up 4 stars');
    expect(togetherReason({ because: [[], [because('Up', 4)]] }, 1)).toBe('For your friend: Up 4 stars');
    expect(togetherReason({ because: [[], []] }, 1)).toMatch(/liked overall/);
  });

  it('offers "Watch together", which hands the link’s ratings and marks over as a friend’s', () => {
    const store = createRatingsStore({ storage: new MemoryStorage() });
    const said = [];
    const stop = onAnnounce((text) => said.push(text));
    let friend = null;
    render(
      <RatingsContext.Provider value={store}>
        <SharedRatingsOffer
          offer={{
            entries: [{ movieId: 1, stars: 5 }],
            marks: [{ movieId: 6, mark: 'seen' }],
            skipped: 0,
          }}
          yours={0}
          onDone={() => {}}
          onTogether={(f) => (friend = f)}
        />
      </RatingsContext.Provider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Watch together' }));
    expect(friend).toEqual({
      entries: [{ movieId: 1, stars: 5 }],
      marks: [{ movieId: 6, mark: 'seen' }],
    });
    expect(store.get().list).toHaveLength(0); // the friend's ratings are not the visitor's
    expect(said.at(-1)).toBe('Watching together: one list for you and your friend, with the 1 rating in this link.');
    stop();
  });
});

describe('the joint list', () => {
  function setUp({ hold = () => Promise.resolve(), modelOf = () => 'implicit' } = {}) {
    const asked = [];
    const client = fakeClient({
      together: async ({ members, k }) => (
        asked.push(members),
        await hold(asked.length),
        {
          films: [HEAT, BABE].slice(0, k).map((f, i) => ({
            ...f,
            score: 1 - i / 10,
            because: members.map((_, m) => (m === i ? [because(m === 0 ? 'Alien' : 'Up', 5)] : [])),
          })),
          models: members.map((_, i) => modelOf(i)),
        }
      ),
    });
    const store = createRatingsStore({ storage: new MemoryStorage() });
    store.rate(TOY.movieId, 5);
    store.mark(50, 'watchlist');
    let friends = [
      {
        entries: [{ movieId: 2571, stars: 5 }],
        marks: [{ movieId: 296, mark: 'not interested' }],
      },
    ];
    const ui = () => (
      <RatingsContext.Provider value={store}>
        <WatchTogether
          client={client}
          store={store}
          ready
          friends={friends}
          onFriends={(f) => ((friends = f), view.rerender(ui()))}
          onPick={() => {}}
        />
      </RatingsContext.Provider>
    );
    const view = render(ui());
    return { asked, store, friends: () => friends };
  }

  it('asks the engine with every member’s ratings and marks, and says whose ratings led to each pick', async () => {
    const { asked } = setUp();
    const list = await screen.findByRole('list', { name: 'Watch together' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    expect(asked[0]).toEqual([
      { ratings: [{ movieId: 1, stars: 5 }], seen: [50] },
      { ratings: [{ movieId: 2571, stars: 5 }], seen: [296] },
    ]);
    const reasons = [...list.querySelectorAll('.reason')].map((p) => p.textContent);
    expect(reasons).toEqual(['For you: Alien 5 stars', 'For your friend: Up 5 stars']);
    // Each film's controls name it.
    expect(within(list).getByRole('radiogroup', { name: 'Rate Heat (1995)' })).toBeTruthy();
    expect(document.activeElement?.id).toBe('together-title');
  });

  it('takes a malformed link with a plain sentence and stays usable; a good one adds a third person', async () => {
    const { asked, friends } = setUp();
    await screen.findByRole('list', { name: 'Watch together' });
    const field = screen.getByLabelText(/Another friend’s share link/);
    fireEvent.input(field, {
      target: { value: 'https://example.com/#ratings=oops' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add friend' }));
    expect(screen.getByRole('alert').textContent).toMatch(/no rating Reel can read/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(friends()).toHaveLength(1);
    expect(screen.getByRole('list', { name: 'Watch together' })).toBeTruthy();
    fireEvent.input(field, { target: { value: '#n=3.0&ratings=318:5,858:4.5,1:4' } }); // cut short: no end
    fireEvent.click(screen.getByRole('button', { name: 'Add friend' }));
    expect(friends()).toHaveLength(2);
    expect(screen.queryByRole('alert')).toBeNull();
    const members = screen.getByRole('list', { name: 'Watching together' });
    expect(members.textContent).toMatch(/Friend 2: 2 ratings \(their link arrived cut short: it was made with 3 ratings\)/);
    await waitFor(() => expect(asked.at(-1)).toHaveLength(3));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Remove friend 2' })).toBeTruthy());
  });

  it('says whose list leans on the most-rated films, as a sentence that reads for any member', async () => {
    setUp({ modelOf: (i) => (i === 1 ? null : 'implicit') }); // the friend liked no film here
    await screen.findByRole('list', { name: 'Watch together' });
    await waitFor(() =>
      expect(screen.getByText(/no film liked in this/).textContent).toBe(
        'Your friend: no film liked in this MovieLens yet, so the list leans on the most-rated films there.',
      ),
    );
  });

  it('names the members of the list on show as they were when it was asked, while the next one is on its way', async () => {
    let release;
    const { friends } = setUp({ hold: (n) => (n === 1 ? Promise.resolve() : new Promise((resolve) => (release = resolve))) });
    const list = await screen.findByRole('list', { name: 'Watch together' });
    const reasons = () => [...list.querySelectorAll('.reason')].map((p) => p.textContent);
    await waitFor(() => expect(reasons()).toEqual(['For you: Alien 5 stars', 'For your friend: Up 5 stars']));
    fireEvent.input(screen.getByLabelText(/Another friend’s share link/), { target: { value: '#ratings=318:5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add friend' }));
    expect(friends()).toHaveLength(2);
    expect(reasons()).toEqual(['For you: Alien 5 stars', 'For your friend: Up 5 stars']); // not yet "friend 1": that list had one friend
    release();
    await waitFor(() => expect(reasons()).toEqual(['For you: Alien 5 stars', 'For friend 1: Up 5 stars']));
  });
});
