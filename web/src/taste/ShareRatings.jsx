// A link that carries your ratings and marks in its fragment (after #), which browsers never send
// to a server: whoever opens it is offered to load them.
import { useRef, useState } from 'preact/hooks';
import { shareUrl } from '../storage/shareLink.js';

export function ShareRatings({ list, marks = [] }) {
  const [link, setLink] = useState(null);
  const [copied, setCopied] = useState(false);
  const field = useRef(null);

  function make() {
    const url = new URL(window.location.href);
    url.search = ''; // the ratings, not whatever film happens to be open
    setLink(shareUrl(url.href, list, marks));
    setCopied(false);
    setTimeout(() => field.current?.select(), 0);
  }

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
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
            <input id="share-link-field" ref={field} type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" class="button-quiet" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      ) : null}
    </>
  );
}
