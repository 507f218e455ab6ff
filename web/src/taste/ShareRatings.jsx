// A link that carries your ratings and marks in its fragment (after #), which browsers never send
// to a server: whoever opens it is offered to load them. Once shown, the link follows the ratings,
// so what is copied is always the visitor's taste as it is now. A link longer than chat apps keep
// says so, and points to the CSV, which carries any number.
import { useMemo, useRef, useState } from 'preact/hooks';
import { shareUrl } from '../storage/shareLink.js';
import { formatCount } from '../ui/format.js';

// Discord's messages stop at 2,000 characters, and some chat apps and mail clients cut sooner.
const LONG_LINK = 2000;

export function ShareRatings({ list, marks = [] }) {
  const [shown, setShown] = useState(false);
  const link = useMemo(() => {
    if (!shown || (list.length === 0 && marks.length === 0)) return null;
    const url = new URL(window.location.href);
    url.search = ''; // the ratings, not whatever film happens to be open
    return shareUrl(url.href, list, marks);
  }, [shown, list, marks]);
  const [copied, setCopied] = useState(/** @type {string | null} */ (null)); // the link copied last
  const field = useRef(null);

  function make() {
    setShown(true);
    setCopied(null);
    setTimeout(() => field.current?.select(), 0);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(link);
    } catch {
      field.current?.select(); // no clipboard access: the link is selected for Ctrl+C
    }
  }

  return (
    <>
      <button type="button" class="button-quiet" disabled={list.length === 0 && marks.length === 0} onClick={make}>
        Share link
      </button>
      {link ? (
        <div class="share-link">
          <label for="share-link-field" class="small">
            Your ratings in a link (they travel after the #, which is never sent to a server):
          </label>
          <div class="share-row">
            <input
              id="share-link-field"
              ref={field}
              type="text"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              aria-describedby={link.length > LONG_LINK ? 'share-link-long' : undefined}
            />
            <button type="button" class="button-quiet" onClick={copy}>
              {copied === link ? 'Copied' : 'Copy'}
            </button>
          </div>
          {link.length > LONG_LINK ? (
            <p class="small muted" id="share-link-long">
              This link is {formatCount(link.length)} characters long: a chat app or mail may cut it. “Download as CSV” carries any number
              of ratings in a file.
            </p>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
