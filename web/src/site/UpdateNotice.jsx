// A quiet note at the foot of the screen when the site changed: fixed in place, so it moves nothing.
import { dismissUpdate, siteUpdateStore } from './siteUpdate.js';
import { useStore } from '../ui/useStore.js';

export function UpdateNotice() {
  const { updatedSinceLastVisit, updateReady } = useStore(siteUpdateStore);
  if (!updatedSinceLastVisit && !updateReady) return null;
  return (
    <div class="update-notice" role="status" data-update={updateReady ? 'ready' : 'applied'}>
      <p>
        {updateReady
          ? 'A new version of Reel has been downloaded. It opens the next time you visit.'
          : 'Reel has been updated since your last visit.'}
      </p>
      {updateReady ? (
        <button type="button" class="button-quiet" onClick={() => window.location.reload()}>
          Open it now
        </button>
      ) : null}
      <button type="button" class="button-quiet" onClick={dismissUpdate}>
        Dismiss
      </button>
    </div>
  );
}
