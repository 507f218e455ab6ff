// Bring your ratings from IMDb ("Your ratings" export, or the watchlist's), Letterboxd (ratings.csv,
// diary.csv, watched.csv or watchlist.csv) or a file Reel exported (ratings and marks): the file is
// read in this tab and matched by the engine in the worker; nothing is uploaded. The result says how many matched and lists every row that did not,
// with why; Undo puts the ratings and marks back as they were, until the visitor changes them. A
// list whose name does not say whether its unrated films were seen or are to watch can be read again
// the other way.
import { useContext, useRef, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { listText, starsNumber, starsText } from '../ui/format.js';
import { RatingsContext } from './ratingsContext.js';
import { rememberFilms } from '../films/useFilms.js';
import { useUndoUntilChanged } from './useUndoUntilChanged.js';

// How the summary names each mark.
const MARKED = { seen: 'marked seen', 'not interested': 'marked not interested', watchlist: 'on your watchlist' };

/** "28 on your watchlist, 3 marked seen": the marks a file brought, by kind. */
function marksText(marks) {
  const by = new Map();
  for (const m of marks) by.set(m.mark, (by.get(m.mark) ?? 0) + 1);
  return [...by].map(([mark, n]) => `${n} ${MARKED[mark] ?? mark}`).join(', ');
}

/** The films a file brought: rated, marked, or both (Reel's own export may do either). */
function filmsFound(result) {
  return new Set([...result.matched, ...result.marks].map((f) => f.movieId)).size;
}

/** The rows that named a film this catalogue lacks, and the lines that could not be read as rows at all. */
function misses(result) {
  const unreadable = result.unmatched.filter((u) => u.unreadable).length;
  return { films: result.unmatched.length - unreadable, unreadable };
}

/**
 * Why a file was refused, naming it once: the engine's message mostly names the file itself
 * ("empty.csv: the file is empty", "junk.csv is neither…").
 */
function problemText(fileName, message) {
  if (message.startsWith(`${fileName}: `)) return `Could not import ${message}`;
  if (message.startsWith(`${fileName} `)) return `Could not import: ${message}`;
  return `Could not import ${fileName}: ${message}`;
}

/** The ratings a file replaces, each film's before and after: said, so no rating changes unseen. */
function changedRatings(had, matched) {
  return matched
    .filter((m) => had.has(m.movieId) && had.get(m.movieId).stars !== m.stars)
    .map((m) => ({ name: m.name, from: had.get(m.movieId).stars, to: m.stars }));
}

/** "It changed 2 of your ratings: The Shining 5 → 4.5 stars, Jaws 2 → 5 stars." */
function changedText(changed) {
  const shown = changed.slice(0, 3).map((c) => `${c.name} ${starsNumber(c.from)} → ${starsText(c.to)}`);
  const more = changed.length - shown.length;
  return `It changed ${changed.length === 1 ? 'a rating you had' : `${changed.length} of your ratings`}: ${listText(more > 0 ? [...shown, `${more} more`] : shown)}.`;
}

/** What a list's films without a rating were taken for, when its name did not say. */
function guessText(fileName, guess) {
  return (
    `The name ${fileName} does not say whether its films without a rating are films you have seen or films to watch, ` +
    `so they were ${guess === 'seen' ? 'marked seen' : 'left out'}.`
  );
}

const STALE = 'Your ratings changed while the file was read again, so its first reading stands: import it again to read it another way.';

/**
 * What an import says aloud: how many films matched, what did not, what it guessed and which of the
 * visitor's ratings it changed (the sentences under the summary are not read out by themselves).
 */
function importedText(fileName, { result, changed }) {
  const n = filmsFound(result);
  return (
    `${n} ${n === 1 ? 'film' : 'films'} matched from your ${result.format} export` +
    (result.unmatched.length ? `; ${missesText(misses(result))}, listed below.` : '.') +
    (changed.length ? ` ${changedText(changed)}` : '') +
    (result.unratedGuess ? ` ${guessText(fileName, result.unratedGuess)}` : '')
  );
}

/** "2 did not match and 1 line could not be read": what the list below the summary holds. */
function missesText({ films, unreadable }) {
  const parts = [];
  if (films) parts.push(`${films} did not match`);
  if (unreadable) parts.push(`${unreadable} ${unreadable === 1 ? 'line' : 'lines'} could not be read`);
  return parts.join(' and ');
}

export function ImportRatings({ client, loaded }) {
  const store = useContext(RatingsContext);
  // { busy } | { error } | { result, fileName, bytes, changed, undone?, again?: 'reading' | 'stale' }
  const [state, setState] = useState(null);
  const [before, offerUndo] = useUndoUntilChanged(store); // the ratings and marks before the import
  const summary = useRef(null);

  /**
   * Reads a file's bytes and merges what matched; `unrated`: what its films without a rating are, when
   * the visitor said. `first`: a first reading of the same file to put back before this one is merged,
   * unless the ratings changed (`at`: their version when asked) while the engine read: then null.
   */
  async function read(bytes, fileName, unrated, first = null) {
    const result = await client.importRatings({ bytes, fileName, ...(unrated ? { unrated } : {}) });
    if (first && store.get().version !== first.at) return null; // putting the first back would lose what came since
    if (first) {
      store.replace(first.ratings);
      store.replaceMarks(first.marks);
    }
    rememberFilms(result.matched);
    rememberFilms(result.marks);
    const changed = changedRatings(store.get().ratings, result.matched);
    const found = result.matched.length + result.marks.length > 0;
    offerUndo(
      found
        ? {
            ratings: store.merge(result.matched.map(({ movieId, stars }) => ({ movieId, stars }))),
            marks: store.mergeMarks(result.marks.map(({ movieId, mark }) => ({ movieId, mark }))),
          }
        : null,
    );
    setState({ result, fileName, bytes, changed });
    return { result, changed };
  }

  async function onFile(e) {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setState({ busy: file.name });
    try {
      announce(importedText(file.name, await read(new Uint8Array(await file.arrayBuffer()), file.name, '')));
    } catch (err) {
      setState({ error: err.message, fileName: file.name });
    } finally {
      input.value = ''; // choosing the same file again is a new import
    }
  }

  /** The same file again, its films without a rating read as the visitor says, in place of the first reading. */
  async function readAgain(unrated) {
    if (state.again === 'reading') return;
    const { bytes, fileName } = state;
    setState({ ...state, again: 'reading' });
    try {
      const reread = await read(bytes, fileName, unrated, before && { ...before, at: store.get().version });
      if (!reread) {
        setState((s) => ({ ...s, again: 'stale' }));
        announce(STALE);
        return;
      }
      setTimeout(() => summary.current?.focus(), 0); // the button goes: focus to the sentence that says what was read
      const n = reread.result.marks.filter((m) => m.mark === unrated).length;
      announce(
        `Read again: ${n} ${n === 1 ? 'film' : 'films'} ${unrated === 'seen' ? 'marked seen' : 'on your watchlist'}.` +
          (reread.changed.length ? ` ${changedText(reread.changed)}` : ''),
      );
    } catch (err) {
      setState({ error: err.message, fileName });
    }
  }

  function undo() {
    store.replace(before.ratings);
    store.replaceMarks(before.marks);
    offerUndo(null);
    setState({ ...state, undone: true });
    setTimeout(() => summary.current?.focus(), 0); // the Undo button goes: focus to the sentence that says so
    announce('Import undone: your ratings are as they were.');
  }

  const r = state?.result;
  // Read again only while the first reading stands as it left the ratings (or it left them as they were).
  const canReadAgain = r?.unratedGuess && !state.undone && (before || filmsFound(r) === 0);
  return (
    <div class="import">
      <label class={`button-quiet file-button${!loaded ? ' is-disabled' : ''}`}>
        Import from IMDb, Letterboxd or Reel
        <input
          type="file"
          accept=".csv,text/csv"
          class="visually-hidden"
          disabled={!loaded}
          onChange={onFile}
          aria-describedby={state?.error ? 'import-problem' : undefined}
        />
      </label>
      {state?.busy ? <p class="muted small">Reading {state.busy}…</p> : null}
      {state?.error ? (
        <p class="inline-error" role="alert" id="import-problem">
          {problemText(state.fileName, state.error)}
        </p>
      ) : null}
      {r ? (
        <div class="import-result" data-matched={r.matched.length} data-marked={r.marks.length} data-unmatched={r.unmatched.length}>
          <p ref={summary} tabIndex={-1}>
            <SummaryText result={r} fileName={state.fileName} undone={state.undone} />{' '}
            {before && !state.undone ? (
              <button type="button" class="link-button" onClick={undo}>
                Undo import
              </button>
            ) : null}
          </p>
          {state.changed.length > 0 && !state.undone ? <p class="muted small import-changed">{changedText(state.changed)}</p> : null}
          {canReadAgain ? (
            <ReadAgain fileName={state.fileName} guess={r.unratedGuess} busy={state.again === 'reading'} onRead={readAgain} />
          ) : null}
          {state.again === 'stale' ? <p class="muted small">{STALE}</p> : null}
          {r.noLinks && r.format === 'IMDb' ? (
            <p class="muted small">
              {r.linksFailed
                ? 'links.csv, which ties these films to IMDb ids, could not be downloaded, so IMDb rows could not match. Import the file again to try once more.'
                : 'This MovieLens came without links.csv, which ties its films to IMDb ids, so IMDb rows cannot match it.'}
            </p>
          ) : null}
          {r.unmatched.length > 0 ? <UnmatchedRows result={r} /> : null}
        </div>
      ) : null}
    </div>
  );
}

/** What a list's films without a rating were taken for, and the other ways to read them (held while one is read). */
function ReadAgain({ fileName, guess, busy, onRead }) {
  const held = busy ? 'true' : undefined; // aria-disabled: the button keeps its focus
  return (
    <p class="import-guess">
      {guessText(fileName, guess)}{' '}
      {guess !== 'seen' ? (
        <button type="button" class="link-button" aria-disabled={held} onClick={() => onRead('seen')}>
          Mark them seen
        </button>
      ) : null}{' '}
      <button type="button" class="link-button" aria-disabled={held} onClick={() => onRead('watchlist')}>
        Put them on my watchlist
      </button>
    </p>
  );
}

/** Every row that did not match, and every line that could not be read, with why. */
function UnmatchedRows({ result }) {
  return (
    <details open={result.unmatched.length <= 8}>
      <summary>{missesText(misses(result))} — why</summary>
      <ul class="unmatched">
        {result.unmatched.map((u) => (
          <li key={u.line}>
            <span class="muted">line {u.line}</span>
            {u.title ? ` ${u.title}` : ''}
            {u.year ? ` (${u.year})` : ''} — {u.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}

/** "2 of 3 films in your IMDb export (ratings.csv) matched this catalogue and are now in your ratings." */
function SummaryText({ result: r, fileName, undone }) {
  return (
    <>
      <strong>
        {filmsFound(r)} of {filmsFound(r) + misses(r).films}
      </strong>{' '}
      films in your {r.format} export ({fileName}) matched this catalogue
      {undone
        ? ' — the import was undone.'
        : r.marks.length
          ? ` and are now in your ${r.matched.length ? 'ratings and ' : ''}marks (${marksText(r.marks)}).`
          : r.matched.length
            ? ' and are now in your ratings.'
            : '.'}
    </>
  );
}
