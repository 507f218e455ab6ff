// The half-star rating control, the same wherever a film is shown. Its accessible contract is
// fixed (tests rely on it): a radiogroup named "Rate <title as shown>" holding native radios named
// "0.5 stars", "1 star" … "5 stars" (so arrow keys move between them as in any radio group), and a button
// that removes the rating. Each radio is laid over its half of a star, so a click on the picture is
// a click on the radio. A finger is wider than half a star: a tap on a star's middle rates that
// whole star, and another there takes half a star off. A tap nearer an edge, a drag (which rates
// where it ends), keys and assistive technology rate the half star they are on.
import { useRef, useState } from 'preact/hooks';
import { filmLabel } from '../films/FilmMeta.jsx';
import { useFocusFollowsFilm } from './focusFollow.js';
import { starsText } from './format.js';

export const STAR_VALUES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];
let instances = 0;

// How long after a finger is let go the click it makes may still arrive: a click later than this
// is someone else's (a key's, a screen reader's).
const CLICK_WITHIN_MS = 1000;
// How far a pointer moves, in stars, before a press is a drag: a finger shakes by a pixel or two
// over the line between a star's halves, and that is still a tap.
const DRAG_STARS = 0.25;

/**
 * Cancels the click the browser may still send after a drag, wherever it lands: the drag rated as
 * it was let go, so its film may have left its list and put another film's stars, or its title,
 * under the finger. Until the next press or key, or a second.
 */
function swallowNextClick() {
  const stop = (/** @type {Event} */ e) => {
    e.preventDefault();
    e.stopPropagation();
    done();
  };
  const done = () => {
    clearTimeout(timer);
    document.removeEventListener('click', stop, true);
    document.removeEventListener('pointerdown', done, true);
    document.removeEventListener('keydown', done, true);
  };
  const timer = setTimeout(done, CLICK_WITHIN_MS);
  document.addEventListener('click', stop, true);
  document.addEventListener('pointerdown', done, true);
  document.addEventListener('keydown', done, true);
}

/**
 * @param {{ film: object, value: number|null, onRate: (stars: number) => void, onRemove: () => void,
 *           compact?: boolean }} props
 */
export function RatingStars({ film, value, onRate, onRemove, compact = false }) {
  const [uid] = useState(() => `rate-${++instances}`);
  const [preview, setPreview] = useState(null);
  const picture = useRef(null);
  const root = useRef(null);
  useFocusFollowsFilm(root, film.movieId);
  const dragging = useRef(null); // { from, moved }: where a held pointer went down (in stars), and whether it is a drag
  const tap = useRef(null); // { star, at }: a finger's tap on a star's middle, until the click it makes
  const label = filmLabel(film);
  const shown = preview ?? value ?? 0;

  /** Where a pointer is over the stars, in stars: 0 at the left edge, 5 at the right. */
  function starsAt(event) {
    const box = picture.current.getBoundingClientRect();
    return 5 * Math.min(1, Math.max(0, (event.clientX - box.left) / Math.max(1, box.width)));
  }
  const valueOf = (stars) => Math.max(0.5, Math.ceil(stars * 2) / 2); // the half star that covers a point
  const valueAt = (event) => valueOf(starsAt(event));

  // A finger aimed at a star lands near its middle, the line between its two halves. Only the
  // middle 40 % counts as the whole star: VoiceOver activates a radio by a touch at its centre, a
  // quarter of the way into the star, and that must still rate the half it names.
  function wholeStarAt(event) {
    const at = starsAt(event);
    const star = Math.ceil(at);
    return Math.abs(at - (star - 0.5)) <= 0.2 ? star : null;
  }

  // A click lands on one of the radios laid over the picture and checks it natively. A drag across
  // the stars (finger or mouse held down) previews as it goes and rates where it is let go.
  const pointer = {
    onPointerDown(e) {
      if (e.button !== 0) return;
      dragging.current = { from: starsAt(e), moved: false };
      tap.current = null;
    },
    onPointerMove(e) {
      const v = valueAt(e);
      const drag = dragging.current;
      if (drag) {
        // A mouse is steady: a move to another half is a drag. A finger must go further.
        if (e.pointerType === 'mouse' ? v !== valueOf(drag.from) : Math.abs(starsAt(e) - drag.from) >= DRAG_STARS) drag.moved = true;
        setPreview(v);
      } else if (e.pointerType === 'mouse') setPreview(v);
    },
    onPointerUp(e) {
      const drag = dragging.current;
      dragging.current = null;
      if (e.pointerType !== 'mouse') setPreview(null);
      if (drag?.moved) {
        onRate(valueAt(e));
        swallowNextClick();
      } else if (drag && e.pointerType === 'touch') {
        const star = wholeStarAt(e);
        if (star !== null) tap.current = { star, at: performance.now() };
      }
    },
    onPointerLeave() {
      if (!dragging.current) setPreview(null);
    },
    onPointerCancel() {
      // The browser took the gesture (a vertical scroll): no rating.
      dragging.current = null;
      setPreview(null);
    },
    onClick(e) {
      // The click a whole-star tap makes would check the half star under it: it is cancelled, and
      // the star rated once the browser has put the group back as it was. Rated before the click
      // arrives, a film leaving its list would let the click land on the next film up. A tap with
      // no click after it (a long press) must not take a later key's or screen reader's click.
      const t = tap.current;
      tap.current = null;
      if (!t || performance.now() - t.at >= CLICK_WITHIN_MS || !(e.target instanceof HTMLInputElement)) return;
      e.preventDefault();
      // Safari does not focus a tapped radio; held, the focus keeps the film where the finger is
      // (a rated starter stays until focus leaves it) for a second tap.
      e.target.focus({ preventScroll: true });
      setTimeout(() => onRate(value === t.star ? t.star - 0.5 : t.star));
    },
  };

  // A radio group wraps around at its ends: one arrow press past 5 stars would rate the film half a
  // star. The stars stop at their ends, as a slider does.
  function onKeyDown(e) {
    tap.current = null; // a key's click is the key's
    const at = STAR_VALUES.indexOf(Number(e.target.value));
    const past =
      (at === STAR_VALUES.length - 1 && (e.key === 'ArrowRight' || e.key === 'ArrowDown')) ||
      (at === 0 && (e.key === 'ArrowLeft' || e.key === 'ArrowUp'));
    if (past) e.preventDefault();
  }

  return (
    <div ref={root} class={`rating${compact ? ' rating-compact' : ''}${value !== null ? ' rating-set' : ''}`} data-movie-id={film.movieId}>
      <div class="rating-stars" role="radiogroup" aria-label={`Rate ${label}`} onKeyDown={onKeyDown} {...pointer}>
        {/* Five stars drawn by CSS (a masked strip, filled to the rating): two boxes to lay out
            rather than ten SVG paths, in lists that hold dozens of these. */}
        <span class="rating-picture" aria-hidden="true" ref={picture} style={{ '--shown': shown / 5 }}>
          <span class="rating-fill" />
        </span>
        {STAR_VALUES.map((v, i) => (
          <input
            key={v}
            type="radio"
            class="rating-radio"
            // Each radio covers its half star, so the picture itself is what is clicked or tapped.
            style={{ left: `${i * 10}%` }}
            name={uid}
            value={String(v)}
            // As a sentence says it ("1 star"): what a screen reader reads out is the name.
            aria-label={starsText(v)}
            checked={value === v}
            onChange={() => onRate(v)}
          />
        ))}
      </div>
      <button
        type="button"
        class="rating-remove"
        aria-label={`Remove rating of ${label}`}
        title="Remove your rating"
        // Kept in the layout while unrated so a first rating does not shift the row.
        style={value === null ? { visibility: 'hidden' } : undefined}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
