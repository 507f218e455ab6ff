// The ratings a share link offers: read as the page opens, and again when a link is pasted into a
// tab already showing Reel, where the browser only changes the fragment and loads nothing.
import { useEffect, useRef, useState } from 'preact/hooks';
import { readShare } from '../storage/shareLink.js';

/** @typedef {NonNullable<ReturnType<typeof readShare>> & { key: number }} ShareOffer  key: new for each link read */

/** @returns {[ShareOffer | null, (offer: null) => void]} the offer until answered, and the function that ends it */
export function useShareOffer() {
  const count = useRef(0);
  const read = () => {
    const offer = typeof window !== 'undefined' ? readShare(window.location.hash) : null;
    return offer && { ...offer, key: (count.current += 1) };
  };
  const [offer, setOffer] = useState(read);
  useEffect(() => {
    const onHashChange = () => {
      const next = read();
      if (next) setOffer(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return [offer, setOffer];
}
