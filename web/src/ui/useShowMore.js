// "Show more" for a list of films: how many to ask the engine for (ten, then ten more at a time, up
// to fifty or the engine's own cap), back to ten when the list is about something else, and focus
// moved to the first film newly shown once the longer answer is on screen.
import { useEffect, useState } from 'preact/hooks';
import { announce } from './announcer.js';

export const PAGE = 10;
/** Fifty is where a list stops being a shortlist; the engine's Limits may cap it lower, never higher. */
export const SHOW_AT_MOST = 50;

/** The most a list may show, given the engine's `maxResults` (unknown until it describes itself). */
export const mostShown = (maxResults) => Math.min(SHOW_AT_MOST, maxResults ?? PAGE);

/**
 * How many films to ask for. Called before the request; `useMoreButton` then takes the answer.
 * @param {string} resetKey  what the list is about (film X, a viewer): a new one starts again at ten
 * @param {number | null | undefined} maxResults  the engine's cap on a list
 */
export function useShowMore(resetKey, maxResults) {
  const [asked, setAsked] = useState({ key: resetKey, k: PAGE });
  // The last press: how many films were on show, and the answer then on show (the press is
  // answered once another is).
  const [press, setPress] = useState(/** @type {{ from: number, before: unknown } | null} */ (null));
  const k = asked.key === resetKey ? asked.k : PAGE;
  return { k, most: mostShown(maxResults), resetKey, setAsked, press, setPress };
}

/**
 * The button's action, or null when there is no more to show; moves focus to the first new film
 * once the answer that follows a press is on screen.
 * @param {ReturnType<typeof useShowMore>} showMore
 * @param {{ shown: number, answer: unknown, list: { current: HTMLElement | null } }} on
 *   shown: films on screen; answer: the engine's answer on show (a new one per answer); list: the <ol> of FilmRows
 */
export function useMoreButton({ k, most, resetKey, setAsked, press, setPress }, { shown, answer, list }) {
  const waiting = press !== null && press.before === answer;
  useEffect(() => {
    if (press === null || press.before === answer) return;
    setPress(null);
    const items = list.current?.querySelectorAll(':scope > .film-item') ?? [];
    // No film came that was not on show already: the button goes, and focus stays in the list.
    const item = items[press.from] ?? items[items.length - 1];
    if (!items[press.from]) announce('No more films to show.');
    /** @type {HTMLElement | null | undefined} */ (item?.querySelector('.film-link'))?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run when an answer arrives, not when the press is noted
  }, [answer]);

  // Fewer than asked for: the filters (or the catalogue) have no more to give. While the longer
  // answer is on its way the button stays (focus is on it), and a second press waits for it.
  if (k >= most || (shown < k && !waiting)) return null;
  return () => {
    if (waiting) return;
    setPress({ from: shown, before: answer });
    setAsked({ key: resetKey, k: Math.min(k + PAGE, most) });
  };
}
