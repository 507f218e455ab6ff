// What an import says: the films it found and missed, the ratings it changed, what it guessed, and
// why a file was refused, as the summary shows them and the live region says them.
import { listText, starsNumber, starsText } from '../ui/format.js';

// How the summary names each mark.
const MARKED = { seen: 'marked seen', 'not interested': 'marked not interested', watchlist: 'on your watchlist' };

/** "28 on your watchlist, 3 marked seen": the marks a file brought, by kind. */
export function marksText(marks) {
  const by = new Map();
  for (const m of marks) by.set(m.mark, (by.get(m.mark) ?? 0) + 1);
  return [...by].map(([mark, n]) => `${n} ${MARKED[mark] ?? mark}`).join(', ');
}

/** The films a file brought: rated, marked, or both (Reel's own export may do either). */
export function filmsFound(result) {
  return new Set([...result.matched, ...result.marks].map((f) => f.movieId)).size;
}

/** The rows that named a film this catalogue lacks, and the lines that could not be read as rows at all. */
export function misses(result) {
  const unreadable = result.unmatched.filter((u) => u.unreadable).length;
  return { films: result.unmatched.length - unreadable, unreadable };
}

/**
 * Why a file was refused, naming it once: the engine's message mostly names the file itself
 * ("empty.csv: the file is empty", "junk.csv is neither…").
 */
export function problemText(fileName, message) {
  if (message.startsWith(`${fileName}: `)) return `Could not import ${message}`;
  if (message.startsWith(`${fileName} `)) return `Could not import: ${message}`;
  return `Could not import ${fileName}: ${message}`;
}

/** The ratings a file replaces, each film's before and after: said, so no rating changes unseen. */
export function changedRatings(had, matched) {
  return matched
    .filter((m) => had.has(m.movieId) && had.get(m.movieId).stars !== m.stars)
    .map((m) => ({ name: m.name, from: had.get(m.movieId).stars, to: m.stars }));
}

/** "It changed 2 of your ratings: The Shining 5 → 4.5 stars, Jaws 2 → 5 stars." */
export function changedText(changed) {
  const shown = changed.slice(0, 3).map((c) => `${c.name} ${starsNumber(c.from)} → ${starsText(c.to)}`);
  const more = changed.length - shown.length;
  return `It changed ${changed.length === 1 ? 'a rating you had' : `${changed.length} of your ratings`}: ${listText(more > 0 ? [...shown, `${more} more`] : shown)}.`;
}

/** What a list's films without a rating were taken for, when its name did not say. */
export function guessText(fileName, guess) {
  return (
    `The name ${fileName} does not say whether its films without a rating are films you have seen or films to watch, ` +
    `so they were ${guess === 'seen' ? 'marked seen' : 'left out'}.`
  );
}

export const STALE =
  'Your ratings changed while the file was read again, so its first reading stands: import it again to read it another way.';

/**
 * What an import says aloud: how many films matched, what did not, what it guessed and which of the
 * visitor's ratings it changed (the sentences under the summary are not read out by themselves).
 */
export function importedText(fileName, { result, changed }) {
  const n = filmsFound(result);
  return (
    `${n} ${n === 1 ? 'film' : 'films'} matched from your ${result.format} export` +
    (result.unmatched.length ? `; ${missesText(misses(result))}, listed below.` : '.') +
    (changed.length ? ` ${changedText(changed)}` : '') +
    (result.unratedGuess ? ` ${guessText(fileName, result.unratedGuess)}` : '')
  );
}

/** "2 did not match and 1 line could not be read": what the list below the summary holds. */
export function missesText({ films, unreadable }) {
  const parts = [];
  if (films) parts.push(`${films} did not match`);
  if (unreadable) parts.push(`${unreadable} ${unreadable === 1 ? 'line' : 'lines'} could not be read`);
  return parts.join(' and ');
}
