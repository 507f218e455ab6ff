// Opening a share link: the ratings it carries are offered, never loaded behind the visitor's back.
import { useContext, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { RatingsContext } from './ratingsContext.js';
import { forgetShareInUrl } from '../storage/shareLink.js';

/**
 * @param {{ offer: { entries: {movieId: number, stars: number}[], skipped: number }, yours: number, onDone: () => void }} props
 */
export function SharedRatingsOffer({ offer, yours, onDone }) {
  const store = useContext(RatingsContext);
  const [undo, setUndo] = useState(null);
  const n = offer.entries.length;

  function finish(before, sentence) {
    forgetShareInUrl();
    announce(sentence);
    setUndo(before ? { before, sentence } : null);
    if (!before) onDone();
  }

  if (undo) {
    return (
      <div class="notice share-offer" role="region" aria-label="Ratings from a link">
        <p>{undo.sentence}</p>
        <div class="button-row">
          <button
            type="button"
            class="button-quiet"
            onClick={() => {
              store.replace(undo.before);
              announce('Undone: your ratings are as they were.');
              onDone();
            }}
          >
            Undo
          </button>
          <button type="button" class="button-quiet" onClick={onDone}>
            Dismiss
          </button>
        </div>
      </div>
    );
  }

  return (
    <div class="notice share-offer" role="region" aria-label="Ratings from a link">
      <p>
        <strong>
          This link carries {n} {n === 1 ? 'rating' : 'ratings'}.
        </strong>{' '}
        {yours > 0 ? `You have ${yours} of your own in this browser.` : 'Load them to see the next films they lead to.'}
        {offer.skipped > 0
          ? ` (${offer.skipped} part${offer.skipped === 1 ? '' : 's'} of the link could not be read and ${offer.skipped === 1 ? 'is' : 'are'} left out.)`
          : ''}
      </p>
      <div class="button-row">
        {yours > 0 ? (
          <>
            <button
              type="button"
              class="button"
              disabled={n === 0}
              onClick={() => finish(store.merge(offer.entries), `Added ${n} ratings from the link to yours.`)}
            >
              Add them to mine
            </button>
            <button
              type="button"
              class="button-quiet"
              disabled={n === 0}
              onClick={() => finish(store.replace(offer.entries), `Your ratings are now the ${n} from the link.`)}
            >
              Use them instead of mine
            </button>
          </>
        ) : (
          <button
            type="button"
            class="button"
            disabled={n === 0}
            onClick={() => finish(store.replace(offer.entries), `Loaded ${n} ratings from the link.`)}
          >
            Load them
          </button>
        )}
        <button type="button" class="button-quiet" onClick={() => finish(null, 'The ratings in the link were left alone.')}>
          No thanks
        </button>
      </div>
    </div>
  );
}
