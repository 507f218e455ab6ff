// "Clear all" asks nothing and offers Undo: a mistaken click costs one more click, not the ratings.
import { useContext, useRef, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { count as ratingsText } from '../ui/format.js';
import { RatingsContext } from './ratingsContext.js';

export function ClearRatings({ count }) {
  const store = useContext(RatingsContext);
  const [cleared, setCleared] = useState(null); // the ratings as they were, until Undo or another change
  const undoButton = useRef(null);
  const clearButton = useRef(null);

  function clear() {
    const before = store.clear();
    setCleared(before);
    announce(`Cleared ${ratingsText(before.length, 'rating')}. Undo is next to the button.`);
    setTimeout(() => undoButton.current?.focus(), 0); // the Clear button is now disabled; keep focus near
  }

  function undo() {
    store.replace(cleared);
    announce(cleared.length === 1 ? 'Your rating is back.' : `Your ${cleared.length} ratings are back.`);
    setCleared(null);
    setTimeout(() => clearButton.current?.focus(), 0); // Undo goes: focus back to Clear all, enabled again
  }

  return (
    <>
      <button type="button" class="button-quiet danger" ref={clearButton} disabled={count === 0} onClick={clear}>
        Clear all
      </button>
      {cleared && count === 0 ? (
        <span class="undo-bar">
          Cleared {ratingsText(cleared.length, 'rating')}.{' '}
          <button type="button" class="link-button" ref={undoButton} onClick={undo}>
            Undo
          </button>
        </span>
      ) : null}
    </>
  );
}
