// Which MovieLens the page learns from: the bundled latest-small, or a bigger one the visitor picks
// with "Use a bigger MovieLens…" (a real file input, so keyboard and screen-reader users have the
// same way in as a drop anywhere on the page) — and the way back. A refusal is said here, plainly,
// with the sizes, while the page carries on with the data it had.
import { useRef } from 'preact/hooks';

export const BUNDLED_NAME = 'MovieLens latest-small';

/**
 * @param {{ dataset: { kind: 'bundled'|'files', name?: string }, onFiles: (files: File[]) => void,
 *           onBundled: () => void, refusal?: { name: string, message: string }|null }} props
 */
export function DatasetChooser({ dataset, onFiles, onBundled, refusal = null }) {
  const fileInput = useRef(null);
  function onChange(e) {
    const input = e.currentTarget;
    const files = Array.from(input.files ?? []);
    input.value = ''; // choosing the same file again is a new choice
    if (files.length > 0) onFiles(files);
  }
  return (
    <div class="dataset-tools">
      <div class="dataset-actions">
        <label class="button-quiet file-button">
          Use a bigger MovieLens…
          <input
            ref={fileInput}
            type="file"
            class="visually-hidden"
            accept=".zip,.csv,application/zip,text/csv"
            multiple
            onChange={onChange}
          />
        </label>
        {dataset.kind === 'files' ? (
          <button
            type="button"
            class="button-quiet"
            onClick={() => {
              fileInput.current?.focus(); // this button goes with the dropped data: focus to the one that stays
              onBundled();
            }}
          >
            Back to {BUNDLED_NAME}
          </button>
        ) : null}
        <span class="muted small dataset-hint">
          A{' '}
          <a href="https://grouplens.org/datasets/movielens/" rel="noopener noreferrer">
            MovieLens zip
          </a>{' '}
          (ml-latest-small, ml-25m, ml-32m…) or its ratings.csv and movies.csv — or drop one anywhere on the page. It is read in this tab;
          nothing is uploaded.
        </span>
      </div>
      {refusal ? (
        <p class="inline-error dataset-refusal" role="alert">
          Could not use {refusal.name}: {refusal.message}
        </p>
      ) : null}
    </div>
  );
}
