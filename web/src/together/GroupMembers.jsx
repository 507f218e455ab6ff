// Who is watching together: the visitor and each friend with their number of ratings (a friend can
// be removed), and a field for another friend's share link, read in the page, with a plain sentence
// when it is not one.
import { useState } from 'preact/hooks';
import { carried, count, upperFirst } from '../ui/format.js';
import { MAX_FRIENDS, memberName, readFriendLink } from './friends.js';

/**
 * @param {{ list: object[], friends: { entries: object[], marks: object[], cut?: { ratings: number, marks: number } | null }[], onAdd: (friend: object) => void,
 *           onRemove: (index: number) => void }} props
 */
export function GroupMembers({ list, friends, onAdd, onRemove }) {
  const [link, setLink] = useState('');
  const [problem, setProblem] = useState(null);

  function add(event) {
    event.preventDefault();
    const r = readFriendLink(link, friends.length, { yours: list, friends: friends.map((f) => f.entries) });
    setProblem(r.error ?? null);
    if (r.error) return;
    setLink('');
    // The last place taken: the form goes, with the button that holds focus; focus goes to the list.
    if (friends.length + 1 === MAX_FRIENDS) document.getElementById('together-title')?.focus();
    onAdd(r.friend);
  }

  return (
    <>
      <ul class="together-members" aria-label="Watching together">
        <li>You: {count(list.length, 'rating')}</li>
        {friends.map((f, i) => (
          <li key={i}>
            {upperFirst(memberName(i + 1, friends.length))}: {count(f.entries.length, 'rating')}
            {f.marks.length ? `, ${count(f.marks.length, 'mark')}` : ''}
            {f.cut ? ` (their link arrived cut short: it was made with ${carried(f.cut.ratings, f.cut.marks)})` : ''}{' '}
            <button type="button" class="button-quiet" onClick={() => onRemove(i)}>
              Remove {memberName(i + 1, friends.length)}
            </button>
          </li>
        ))}
      </ul>
      {friends.length < MAX_FRIENDS ? (
        <form class="together-add" onSubmit={add}>
          <label for="friend-link" class="small">
            Another friend’s share link (up to four people in all)
          </label>
          <div class="share-row">
            <input
              id="friend-link"
              type="text"
              value={link}
              onInput={(e) => setLink(e.currentTarget.value)}
              aria-invalid={problem ? 'true' : 'false'}
              aria-describedby={problem ? 'friend-link-problem' : undefined}
            />
            <button type="submit" class="button-quiet">
              Add friend
            </button>
          </div>
          {problem ? (
            <p class="inline-error" role="alert" id="friend-link-problem">
              {problem}
            </p>
          ) : null}
        </form>
      ) : null}
    </>
  );
}
