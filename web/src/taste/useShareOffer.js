// The ratings a share link offers: read as the page opens, and again when a link is pasted into a
// tab already showing Reel, where the browser only changes the fragment and loads nothing. A link
// answered once is not offered again when Back returns to the address that carried it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { readShare } from '../storage/shareLink.js';

/** @typedef {NonNullable<ReturnType<typeof readShare>> & { key: number, hash: string }} ShareOffer  key: new for each link read */

/** @returns {[ShareOffer | null, () => void]} the offer until answered, and the function that ends it */
export function useShareOffer() {
  const count = useRef(0);
  const answered = useRef(new Set()); // the fragments of the links answered
  const read = () => {
    const hash = typeof window !== 'undefined' ? window.location.hash : '';
    const offer = answered.current.has(hash) ? null : readShare(hash);
    return offer && { ...offer, key: (count.current += 1), hash };
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
  const end = () =>
    setOffer((o) => {
      if (o) answered.current.add(o.hash);
      return null;
    });
  return [offer, end];
}
