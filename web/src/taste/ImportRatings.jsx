// Bring your ratings from IMDb ("Your ratings" export, or the watchlist's), Letterboxd (ratings.csv,
// diary.csv, watched.csv or watchlist.csv) or a file Reel exported (ratings and marks): the file is
// read in this tab and matched by the engine in the worker; nothing is uploaded. The result says how many matched and lists every row that did not,
// with why; Undo puts the ratings and marks back as they were, until the visitor changes them. A
// list whose name does not say whether its unrated films were seen or are to watch can be read again
// the other way.
import { useContext, useRef, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { RatingsContext } from './ratingsContext.js';
import { rememberFilms } from '../films/useFilms.js';
import { useUndoUntilChanged } from './useUndoUntilChanged.js';
import {
  STALE,
  changedRatings,
  changedText,
  filmsFound,
  guessText,
  importedText,
  marksText,
  misses,
  missesText,
  problemText,
} from './importSentences.js';

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
