// Mounts its children `step` tasks after the page's first render instead of in it: on a slow phone
// that first render was the visit's longest task (0.4–0.6 s with the CPU slowed 4×), and split at
// the sections below the first screen the browser can paint, and take input, in between. A link to
// one of those sections (#films, #numbers…) mounts everything at once, so the browser finds it.
import { useEffect, useState } from 'preact/hooks';

/** The address links to a section of the page (#numbers…), not to ratings (#ratings=…). */
export const linksToSection = () => typeof location !== 'undefined' && /^#[a-z][a-z-]*$/.test(location.hash);

/** @param {{ step: number, children?: any }} props */
export function Later({ step, children }) {
  const [shown, setShown] = useState(() => step <= 0 || linksToSection());
  useEffect(() => {
    if (shown) return undefined;
    let timer = 0;
    // One task per step, so each step's sections render in a task of their own.
    const wait = (/** @type {number} */ n) => {
      timer = setTimeout(() => (n > 1 ? wait(n - 1) : setShown(true)), 0);
    };
    wait(step);
    return () => clearTimeout(timer);
  }, [shown, step]);
  return shown ? children : null;
}
