// Opening a share link: the ratings and marks it carries are offered, never loaded behind the
// visitor's back — loaded as the visitor's own (Undo puts both back), or kept apart as a friend's
// to watch together with.
import { useContext, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { RatingsContext } from './ratingsContext.js';
import { forgetShareInUrl } from '../storage/shareLink.js';

/**
 * @param {{ offer: { entries: {movieId: number, stars: number}[], marks?: {movieId: number, mark: string}[], skipped: number },
 *           yours: number, onDone: () => void, onTogether?: (friend: object) => void }} props
 *   onTogether: "Watch together" — the link's ratings and marks become a friend's, kept apart from yours
 */
export function SharedRatingsOffer({ offer, yours, onDone, onTogether }) {
  const store = useContext(RatingsContext);
  const [undo, setUndo] = useState(null);
  const n = offer.entries.length;
  const marks = offer.marks ?? [];
  const marksText = marks.length > 0 ? ` and ${marks.length} ${marks.length === 1 ? 'mark' : 'marks'}` : '';
  // The link's ratings (added or instead of yours) and its marks (always added): what Undo needs.
  const take = (how) => ({ ratings: how(offer.entries), marks: store.mergeMarks(marks) });

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
              store.replace(undo.before.ratings);
              store.replaceMarks(undo.before.marks);
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
          This link carries {n} {n === 1 ? 'rating' : 'ratings'}
          {marksText}.
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
              onClick={() =>
                finish(
                  take((e) => store.merge(e)),
                  `Added ${n} ratings${marksText} from the link to yours.`,
                )
              }
            >
              Add them to mine
            </button>
            <button
              type="button"
              class="button-quiet"
              disabled={n === 0}
              onClick={() =>
                finish(
                  take((e) => store.replace(e)),
                  `Your ratings are now the ${n} from the link${marks.length ? `; its ${marks.length} marks are added to yours` : ''}.`,
                )
              }
            >
              Use them instead of mine
            </button>
          </>
        ) : (
          <button
            type="button"
            class="button"
            disabled={n === 0 && marks.length === 0}
            onClick={() =>
              finish(
                take((e) => store.replace(e)),
                `Loaded ${n} ratings${marksText} from the link.`,
              )
            }
          >
            Load them
          </button>
        )}
        {onTogether ? (
          <button
            type="button"
            class="button-quiet"
            disabled={n === 0}
            onClick={() => {
              forgetShareInUrl();
              announce(`Watching together: one list for you and your friend, from the ${n} ratings in their link and yours.`);
              onTogether({ entries: offer.entries, marks });
            }}
          >
            Watch together
          </button>
        ) : null}
        <button type="button" class="button-quiet" onClick={() => finish(null, 'The ratings in the link were left alone.')}>
          No thanks
        </button>
      </div>
    </div>
  );
}
