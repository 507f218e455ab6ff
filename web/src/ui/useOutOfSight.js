// True once `armed` and the element has been out of the viewport since: what may change size only
// where no one is looking. Above the viewport, the browser's scroll anchoring keeps what the visitor
// reads in place; under their eyes, the same change would move the whole page (a layout shift).
import { useEffect, useState } from 'preact/hooks';

/** @param {{ current: Element | null }} ref @param {boolean} armed */
export function useOutOfSight(ref, armed) {
  const [out, setOut] = useState(false);
  useEffect(() => {
    if (!armed || out) return undefined;
    if (typeof IntersectionObserver !== 'function' || !ref.current) {
      setOut(true); // no observer (a test DOM): nothing is on screen to move
      return undefined;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => !e.isIntersecting)) setOut(true);
    });
    observer.observe(ref.current);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one element, observed until it leaves the screen once
  }, [armed, out]);
  return out;
}
