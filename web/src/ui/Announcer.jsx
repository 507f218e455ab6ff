// The page's live region; announce() (announcer.js) puts a sentence in it.
import { useEffect, useState } from 'preact/hooks';
import { onAnnounce } from './announcer.js';

export function Announcer() {
  const [text, setText] = useState('');
  useEffect(
    () =>
      onAnnounce((next) => {
        // The same sentence twice in a row is still news: clear first so it is read again.
        setText('');
        setTimeout(() => setText(next), 30);
      }),
    [],
  );
  return (
    <div class="visually-hidden" role="status" aria-live="polite" data-announcer>
      {text}
    </div>
  );
}
