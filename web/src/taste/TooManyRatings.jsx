// More ratings than the engine folds in at once (20,000): instead of the engine's refusal and no
// next films, the visitor chooses which to keep — the most recent or the highest-rated — or
// cancels and keeps them all, their next films waiting. A choice can be undone.
import { useEffect, useRef, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { formatCount } from '../ui/format.js';
import { keepWithin } from './profileLimit.js';

const WORDS = { recent: 'most recent', highest: 'highest-rated' };

/**
 * Always mounted beside the next films, so its Undo outlives the choice; says nothing within the limit.
 * @param {{ store: object, count: number, max: number }} props  count: the visitor's ratings; max: the engine's profile limit
 */
export function TooManyRatings({ store, count, max }) {
  const [cancelled, setCancelled] = useState(false);
  const [kept, setKept] = useState(null); // { how, before }: until Undo or another change
  // Each answer replaces the notice, and the button pressed with it: its next state's first button
  // takes focus, so a keyboard user stays in the notice.
  const root = useRef(null);
  const pressedIn = useRef(/** @type {string | null} */ (null)); // the state a focused press moved on from
  useEffect(() => {
    const now = root.current?.dataset.tooMany;
    if (!pressedIn.current || !now || now === pressedIn.current) return; // the next state is not on screen yet
    pressedIn.current = null;
    /** @type {HTMLElement | null | undefined} */ (root.current?.querySelector('button'))?.focus();
  });
  const act = (/** @type {() => void} */ f) => () => {
    pressedIn.current = root.current?.contains(document.activeElement) ? (root.current.dataset.tooMany ?? null) : null;
    f();
  };
  function keep(how) {
    const before = store.get().list;
    store.replace(keepWithin(before, max, how));
    setKept({ how, before });
    announce(`Kept your ${formatCount(max)} ${WORDS[how]} ratings of ${formatCount(before.length)}. Undo is next to the message.`);
  }
  function undo() {
    store.replace(kept.before);
    announce(`Your ${formatCount(kept.before.length)} ratings are back.`);
    setKept(null);
  }
  if (count <= max)
    return kept && count === max ? (
      <p class="notice too-many" data-too-many="kept" ref={root}>
        Kept your {formatCount(max)} {WORDS[kept.how]} ratings of {formatCount(kept.before.length)}.{' '}
        <button type="button" class="link-button" onClick={act(undo)}>
          Undo
        </button>
      </p>
    ) : null;
  if (cancelled)
    return (
      <p class="notice too-many" data-too-many="cancelled" ref={root}>
        All {formatCount(count)} ratings are kept; your next films wait until you keep {formatCount(max)} or fewer.{' '}
        <button type="button" class="link-button" onClick={act(() => setCancelled(false))}>
          Choose which to keep
        </button>
      </p>
    );
  return (
    <div class="notice too-many" role="group" aria-labelledby="too-many-text" data-too-many="asking" ref={root}>
      <p id="too-many-text">
        You have {formatCount(count)} ratings, and Reel folds at most {formatCount(max)} into your next films. Which should it keep? The
        others leave your ratings (Undo brings them back).
      </p>
      <div class="too-many-choices">
        <button type="button" class="button" onClick={act(() => keep('recent'))}>
          Keep the {formatCount(max)} most recent
        </button>
        <button type="button" class="button" onClick={act(() => keep('highest'))}>
          Keep the {formatCount(max)} highest-rated
        </button>
        <button type="button" class="button" onClick={act(() => setCancelled(true))}>
          Cancel
        </button>
      </div>
    </div>
  );
}
