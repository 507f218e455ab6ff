// Keeps keyboard focus from falling to the page's start when the control holding it disappears —
// e.g. a film rated or marked in "Your next films" leaves that list. Focus follows the film to its
// control elsewhere (its row in "Your ratings" or "Your watchlist"), or else goes to the nearest
// container's named fallback.
import { useEffect } from 'preact/hooks';

// The element that last took focus anywhere on the page. A removed element takes its focus with it
// (the browser may or may not fire blur), so "did this control hold focus when it went?" is asked
// of this, not of focus events.
let lastFocused = null;
// Whether the last thing the visitor did was with a pointer (a finger, a mouse) or a key. Focus
// follows a film either way, but only a keyboard user is taken to where it went: a finger that
// rated a next film would otherwise be thrown down the page to "Your ratings".
let byPointer = false;
if (typeof document !== 'undefined') {
  document.addEventListener('focusin', (e) => (lastFocused = e.target), true);
  document.addEventListener('pointerdown', () => (byPointer = true), true);
  document.addEventListener('keydown', () => (byPointer = false), true);
}

/** Where a rated film's control lives once it leaves a list: its checked star, in "Your ratings" first. */
const ratedFilm = (movieId) => {
  const checked = `.rating[data-movie-id="${movieId}"] .rating-radio:checked`;
  return document.querySelector(`[data-ratings-home] ${checked}`) ?? document.querySelector(checked);
};

/**
 * @param {{ current: HTMLElement|null }} ref  the control's root element
 * @param {number} movieId
 * @param {(movieId: number) => Element|null|false} [findHome]  where the film's control is once it has left:
 *   null while it is not there yet, false when it is but cannot take focus
 */
export function useFocusFollowsFilm(ref, movieId, findHome = ratedFilm) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    let fallbackId = null; // read while the element is still in the page
    const onIn = () => {
      fallbackId = el.closest('[data-focus-fallback]')?.getAttribute('data-focus-fallback') ?? null;
    };
    el.addEventListener('focusin', onIn);
    return () => {
      el.removeEventListener('focusin', onIn);
      // After the render that removed it, once the film's other rating control exists (its row in
      // "Your ratings" may wait a moment for the film's details); else the fallback.
      let tries = 0;
      const follow = () => {
        if (!lastFocused || !el.contains(lastFocused) || el.isConnected) return; // it did not hold focus when it went
        const active = document.activeElement;
        if (active && active !== document.body && active.isConnected) return; // focus was placed already
        const elsewhere = findHome(movieId);
        if (elsewhere === null && ++tries < 10) return void setTimeout(follow, 30);
        const fallback = fallbackId ? document.getElementById(fallbackId) : null;
        const how = { preventScroll: byPointer };
        if (elsewhere) /** @type {HTMLElement} */ (elsewhere).focus(how);
        // A control the browser will not focus (Chromium lays out a closed <details>'s content, so it
        // has boxes, yet refuses it focus) leaves focus on the page's start: the fallback takes it.
        if (document.activeElement !== elsewhere) fallback?.focus(how);
      };
      setTimeout(follow, 0);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one cleanup for the life of the control; ref and movieId are read when it goes
  }, []);
}
