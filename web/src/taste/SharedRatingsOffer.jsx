// Opening a share link: the ratings and marks it carries are offered, never loaded behind the
// visitor's back — loaded as the visitor's own (Undo puts both back until the visitor changes
// them), or kept apart as a friend's to watch together with.
import { useContext, useState } from 'preact/hooks';
import { announce } from '../ui/announcer.js';
import { carried, count } from '../ui/format.js';
import { RatingsContext } from './ratingsContext.js';
import { forgetShareInUrl } from '../storage/shareLink.js';
import { useUndoUntilChanged } from './useUndoUntilChanged.js';
import { sameRatings } from '../together/friends.js';

/** What did not arrive: parts that could not be read, and a link cut short. */
function LinkDamage({ offer }) {
  const { skipped, cut } = offer;
  return (
    <>
      {skipped > 0 ? (
        <p>
          {skipped} part{skipped === 1 ? '' : 's'} of the link could not be read and {skipped === 1 ? 'is' : 'are'} left out.
        </p>
      ) : null}
      {cut ? (
        <p class="cut-link">
          It looks cut short: it was made with {carried(cut.ratings, cut.marks)}. Chat apps and mail can cut a long link; ask for it again,
          or for a file from “Download as CSV”, which Reel imports whole.
        </p>
      ) : null}
    </>
  );
}

/**
 * The offer's region, whatever it says: the one element throughout, so what a screen reader is in
 * stays while the offer becomes what was done with the link, or why there is nothing to take.
 * @param {{ children: any, buttons: any }} props
 */
function Notice({ children, buttons }) {
  return (
    <div class="notice share-offer" role="region" aria-label="Ratings from a link">
      {children}
      <div class="button-row">{buttons}</div>
    </div>
  );
}

/** @param {{ onClick: () => void, disabled?: boolean, main?: boolean, children: any }} props */
const Button = ({ onClick, disabled = false, main = false, children }) => (
  <button type="button" class={main ? 'button' : 'button-quiet'} disabled={disabled} onClick={onClick}>
    {children}
  </button>
);

/** Whether every rating and mark the link carries is the visitor's already, and the link rates no film they have not. */
function alreadyYours(offer, { list, marks }) {
  return sameRatings(offer.entries, list) && (offer.marks ?? []).every((m) => marks.get(m.movieId)?.mark === m.mark);
}

/**
 * @param {{ offer: { entries: {movieId: number, stars: number}[], marks?: {movieId: number, mark: string}[], skipped: number,
 *                    cut?: { ratings: number, marks: number } | null },
 *           yours: number, onDone: () => void, onTogether?: (friend: object) => void, friendsSoFar?: number }} props
 *   onTogether: "Watch together" — the link's ratings and marks become a friend's, kept apart from yours
 *   (absent when the link's ratings cannot join: friends.js's cannotJoin); friendsSoFar: the friends already watching with the visitor
 */
export function SharedRatingsOffer({ offer, yours, onDone, onTogether, friendsSoFar = 0 }) {
  const store = useContext(RatingsContext);
  const [taken, setTaken] = useState(null); // what the page said once the visitor took the link's ratings
  const [before, offerUndo] = useUndoUntilChanged(store);
  const n = offer.entries.length;
  const marks = offer.marks ?? [];
  const what = carried(n, marks.length);
  // The link's ratings (added or instead of yours) and its marks (always added): what Undo needs.
  const take = (how) => ({ ratings: how(offer.entries), marks: store.mergeMarks(marks) });

  /** @param {object | null} was  what Undo puts back (null: nothing was taken) @param {string} sentence */
  function finish(was, sentence) {
    forgetShareInUrl();
    announce(sentence);
    offerUndo(was);
    setTaken(was ? sentence : null);
    if (!was) leave('taste-title');
  }

  // The offer goes with the button that holds focus: focus goes to a heading that stays, the next
  // films when the link's ratings were taken, else "Your taste".
  function leave(headingId) {
    document.getElementById(headingId)?.focus();
    onDone();
  }

  function undo() {
    store.replace(before.ratings);
    store.replaceMarks(before.marks);
    announce('Undone: your ratings are as they were.');
    leave('taste-title');
  }
  const leaveAlone = () => finish(null, 'The link was left alone.');
  const dismiss = (onClick) => <Button onClick={onClick}>Dismiss</Button>;

  if (taken)
    return (
      <Notice
        buttons={
          <>
            {before ? <Button onClick={undo}>Undo</Button> : null}
            {dismiss(() => leave('next-films-title'))}
          </>
        }
      >
        <p>{taken}</p>
      </Notice>
    );
  // A link none of whose ratings or marks could be read has nothing to offer but why.
  if (n === 0 && marks.length === 0)
    return (
      <Notice buttons={dismiss(leaveAlone)}>
        <p>
          <strong>This link carries no rating or mark that could be read.</strong> Ask for it again, or for a file from “Download as CSV”,
          which Reel imports whole.
        </p>
        <LinkDamage offer={offer} />
      </Notice>
    );
  // The visitor's own link opened again.
  if (n > 0 && alreadyYours(offer, store.get()))
    return (
      <Notice buttons={dismiss(leaveAlone)}>
        <p>
          <strong>This link carries your own {what}:</strong> they are all here already.
        </p>
      </Notice>
    );

  const addToMine = () =>
    finish(
      take((e) => store.merge(e)),
      `Added the ${what} from the link to yours.`,
    );
  const useInstead = () =>
    finish(
      take((e) => store.replace(e)),
      `Your ratings are now the ${n} from the link${marks.length ? `; its ${marks.length} marks are added to yours` : ''}.`,
    );
  const loadThem = () =>
    finish(
      take((e) => store.replace(e)),
      `Loaded the ${what} from the link.`,
    );
  function watchTogether() {
    forgetShareInUrl();
    const others = friendsSoFar ? `your ${friendsSoFar + 1} friends` : 'your friend';
    announce(`Watching together: one list for you and ${others}, with the ${count(n, 'rating')} in this link.`);
    onTogether?.({ entries: offer.entries, marks });
  }
  const buttons = (
    <>
      {yours > 0 ? (
        <>
          <Button main onClick={addToMine}>
            Add them to mine
          </Button>
          <Button disabled={n === 0} onClick={useInstead}>
            Use them instead of mine
          </Button>
        </>
      ) : (
        <Button main onClick={loadThem}>
          Load them
        </Button>
      )}
      {onTogether ? (
        <Button disabled={n === 0} onClick={watchTogether}>
          Watch together
        </Button>
      ) : null}
      <Button onClick={() => finish(null, 'The ratings in the link were left alone.')}>No thanks</Button>
    </>
  );
  return (
    <Notice buttons={buttons}>
      <p>
        <strong>This link carries {what}.</strong>{' '}
        {yours > 0 ? `You have ${yours} of your own in this browser.` : 'Load them to see the next films they lead to.'}
      </p>
      <LinkDamage offer={offer} />
    </Notice>
  );
}
