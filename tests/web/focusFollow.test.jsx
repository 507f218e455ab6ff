// @vitest-environment happy-dom
// Focus follows a film whose control went (rated out of "Your next films", say) to its control
// elsewhere; the page scrolls there only for a keyboard user, not under a finger or a mouse.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { useRef } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useFocusFollowsFilm } from '../../web/src/ui/focusFollow.js';

afterEach(cleanup);

/** A film's button that follows the film to `#home-<id>` when it goes. */
function Control({ movieId }) {
  const ref = useRef(null);
  useFocusFollowsFilm(ref, movieId, (id) => document.getElementById(`home-${id}`));
  return (
    <div ref={ref}>
      <button type="button">Rate film {movieId}</button>
    </div>
  );
}

function Page({ listed }) {
  return (
    <>
      <div>{listed ? <Control movieId={7} /> : null}</div>
      <button type="button" id="home-7">
        Film 7 in your ratings
      </button>
    </>
  );
}

/** Where focus went once the control holding it went, after `act` (a pointer or a key) on it, and how. */
async function followAfter(act) {
  const { container, rerender } = render(<Page listed />);
  const control = container.querySelector('button');
  control.focus();
  act(control);
  const focus = vi.spyOn(HTMLElement.prototype, 'focus');
  try {
    rerender(<Page listed={false} />);
    const home = container.querySelector('#home-7');
    await waitFor(() => expect(document.activeElement).toBe(home));
    return focus.mock.calls.at(-1)?.[0];
  } finally {
    focus.mockRestore();
  }
}

describe('focus following a film', () => {
  it('goes to the film’s control elsewhere without scrolling after a finger or a mouse', async () => {
    expect(await followAfter((el) => fireEvent.pointerDown(el, { pointerType: 'touch' }))).toEqual({ preventScroll: true });
    cleanup();
    expect(await followAfter((el) => fireEvent.pointerDown(el, { pointerType: 'mouse' }))).toEqual({ preventScroll: true });
  });

  it('scrolls to it after a key, so a keyboard user sees where focus went', async () => {
    expect(await followAfter((el) => fireEvent.keyDown(el, { key: 'ArrowRight' }))).toEqual({ preventScroll: false });
  });
});
