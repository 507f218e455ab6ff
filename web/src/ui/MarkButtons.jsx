// Seen it · Not interested · Watchlist: three toggle buttons (aria-pressed) beside a film, named for
// the film ("Seen Toy Story (1995)"), one Tab stop with arrow keys between them as in a toolbar, so a
// list of fifty films does not cost 150 Tab presses. One mark a film: pressing another replaces it.
import { useRef, useState } from 'preact/hooks';
import { filmLabel } from '../films/FilmMeta.jsx';
import { useFocusFollowsFilm } from './focusFollow.js';

/** The buttons in order: the stored mark, the text shown, and the accessible name for a film label. */
export const MARK_BUTTONS = [
  { mark: 'seen', text: 'Seen', name: (label) => `Seen ${label}` },
  { mark: 'not interested', text: 'Not interested', name: (label) => `Not interested in ${label}` },
  { mark: 'watchlist', text: 'Watchlist', name: (label) => `Add ${label} to your watchlist` },
];

const STEP = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

// A film marked in a list leaves it; its pressed mark in "Your watchlist" is where focus goes, when
// shown. Inside a closed disclosure (films marked seen or not interested) focus() would do nothing
// and focus would be lost: false says so, and focus goes to the list's heading without waiting.
const markedFilm = (movieId) => {
  const el = document.querySelector(`[data-marks-home] .marks[data-movie-id="${movieId}"] [aria-pressed="true"]`);
  if (!el) return null;
  return !el.closest('details:not([open])') && el.getClientRects().length > 0 ? el : false;
};

/**
 * @param {{ film: object, value: string|null, onMark: (mark: string|null) => void }} props  value: the film's mark, or null
 */
export function MarkButtons({ film, value, onMark }) {
  const root = useRef(null);
  useFocusFollowsFilm(root, film.movieId, markedFilm);
  const label = filmLabel(film);
  const pressedAt = MARK_BUTTONS.findIndex((b) => b.mark === value);
  const [current, setCurrent] = useState(Math.max(0, pressedAt));

  function onKeyDown(e) {
    const n = MARK_BUTTONS.length;
    const to = e.key in STEP ? (current + STEP[e.key] + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : null;
    if (to === null) return;
    e.preventDefault();
    setCurrent(to);
    root.current?.querySelectorAll('button')[to]?.focus();
  }

  return (
    <div class="marks" role="group" aria-label={`Mark ${label}`} data-movie-id={film.movieId} ref={root} onKeyDown={onKeyDown}>
      {MARK_BUTTONS.map((b, i) => (
        <button
          key={b.mark}
          type="button"
          class="mark"
          aria-label={b.name(label)}
          aria-pressed={value === b.mark ? 'true' : 'false'}
          tabIndex={i === current ? 0 : -1}
          onFocus={() => setCurrent(i)}
          onClick={() => onMark(value === b.mark ? null : b.mark)}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}
