// Says plainly when ratings saved earlier could not be read (they are kept aside, untouched, until
// the visitor downloads or discards them) or when this browser will not keep ratings at all.
import { useContext } from 'preact/hooks';
import { RatingsContext } from './ratingsContext.js';
import { useStore } from '../ui/useStore.js';
import { saveFile } from '../ui/saveFile.js';

export function StorageNotice() {
  const store = useContext(RatingsContext);
  const { aside, storageError } = useStore(store);
  if (aside.length === 0 && !storageError) return null;
  return (
    <div class="notice storage-notice" role="region" aria-label="Saved ratings">
      {storageError ? <p>Your ratings cannot be kept: {storageError}.</p> : null}
      {aside.map((a) => (
        <div key={a.key ?? 'unsaved'} class="aside-item" data-aside-key={a.key}>
          <p>
            <strong>Ratings saved earlier in this browser could not be read</strong>: {a.reason}. They are kept aside, untouched
            {a.key ? ` (under “${a.key}”)` : ''}; whatever could be read is in your ratings.
          </p>
          <div class="button-row">
            <button type="button" class="button-quiet" onClick={() => saveFile(a.raw, 'reel-unreadable-ratings.json', 'application/json')}>
              Download them
            </button>
            {a.key ? (
              <button type="button" class="button-quiet" onClick={() => store.discardAside(a.key)}>
                Discard them
              </button>
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}
