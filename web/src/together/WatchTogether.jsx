// "Watch together": one list for the visitor and the friends whose share links they opened (two to
// four people), asked of the engine, with no film any of them rated or marked, and each pick saying
// whose ratings led to it. The friends' ratings came in their links' fragments and stay in this page:
// nothing is stored or sent.
import { useEffect, useRef } from 'preact/hooks';
import { FilmRow } from '../films/FilmRow.jsx';
import { rememberFilms } from '../films/useFilms.js';
import { announce } from '../ui/announcer.js';
import { count, listText, upperFirst } from '../ui/format.js';
import { useAsync } from '../ui/useAsync.js';
import { useStore } from '../ui/useStore.js';
import { GroupMembers } from './GroupMembers.jsx';
import { memberName, togetherReason } from './friends.js';

/**
 * @param {{ client: object, store: object, ready: boolean, friends: { entries: object[], marks: object[] }[],
 *           onFriends: (friends: object[]) => void, filter?: object, onPick: Function }} props
 */
export function WatchTogether({ client, store, ready, friends, onFriends, filter, onPick }) {
  const { list, ratings, marks, version } = useStore(store);
  const heading = useRef(null);
  const listRef = useRef(null);
  const friendsKey = friends.map((f) => f.entries.map((e) => `${e.movieId}:${e.stars}`).join(',')).join('|');
  const filterKey = JSON.stringify(filter ?? null);
  useEffect(() => heading.current?.focus(), []); // opened by a button that has just gone: focus comes here

  const recs = useAsync(() => {
    if (!ready) return null;
    const members = [
      { ratings: list.map(({ movieId, stars }) => ({ movieId, stars })), seen: [...marks.keys()] },
      ...friends.map((f) => ({ ratings: f.entries, seen: f.marks.map((m) => m.movieId) })),
    ];
    return client.together({ members, k: 10, filter }).then((r) => {
      rememberFilms(r.films);
      return { ...r, version, friendsKey, friendCount: friends.length }; // its members named as they were when asked
    });
  }, [client, ready, version, friendsKey, filterKey]);

  const data = recs.data;
  // A film the visitor rates or marks from this list leaves it at once, before the new answer.
  const picks = (data?.films ?? []).filter((f) => !ratings.has(f.movieId) && !marks.has(f.movieId));
  const answered = data && data.friendsKey === friendsKey ? data.version : -1;
  const names = listText([memberName(0, friends.length), ...friends.map((_, i) => memberName(i + 1, friends.length))]);

  function add(friend) {
    onFriends([...friends, friend]);
    announce(`Added a friend with ${count(friend.entries.length, 'rating')}: the list is now for ${friends.length + 2} people.`);
  }

  function remove(i) {
    const rest = friends.filter((_, j) => j !== i);
    if (rest.length === 0) return stop();
    onFriends(rest);
    announce(`Removed ${memberName(i + 1, friends.length)}.`);
    heading.current?.focus(); // the button pressed has gone
  }

  function stop() {
    onFriends([]);
    announce('Stopped watching together.');
    document.getElementById('next-films-title')?.focus(); // this section has gone: focus goes to the visitor's own list
  }

  return (
    <section data-focus-fallback="together-title" class="notice together" aria-labelledby="together-title" data-together>
      <div class="next-head">
        <h3 id="together-title" tabIndex={-1} ref={heading}>
          Watch together
        </h3>
        <p class="muted small">
          One list for {names}: no film any of you rated or marked. Your friends’ ratings came in their links and stay on this page.
        </p>
      </div>
      <GroupMembers list={list} friends={friends} onAdd={add} onRemove={remove} />
      {!ready ? <p class="muted">The joint list appears as soon as the models have trained.</p> : null}
      {recs.error ? (
        <p class="inline-error" role="alert">
          {recs.error}
        </p>
      ) : null}
      {data && data.models.some((m) => m === null) ? (
        <p class="muted small">
          {upperFirst(listText(data.models.flatMap((m, i) => (m === null ? [memberName(i, data.friendCount)] : []))))}: no film liked in
          this MovieLens yet, so the list leans on the most-rated films there.
        </p>
      ) : null}
      <ol
        class="film-list together-list"
        ref={listRef}
        aria-labelledby="together-title"
        aria-busy={recs.loading ? 'true' : 'false'}
        data-version={version}
        data-answers={answered}
        hidden={picks.length === 0}
      >
        {picks.map((f) => (
          <FilmRow key={f.movieId} film={f} onPick={onPick}>
            <p class="reason">{togetherReason(f, data.friendCount)}</p>
          </FilmRow>
        ))}
      </ol>
      <button type="button" class="button-quiet" onClick={stop}>
        Stop watching together
      </button>
    </section>
  );
}
