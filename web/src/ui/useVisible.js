// True once an element has come near the viewport, so costly work (measuring the models takes the
// worker a second or two) waits until someone is about to look at it.
import { useEffect, useState } from 'preact/hooks';

export function useVisible(ref, { rootMargin = '200px' } = {}) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (visible) return undefined;
    if (typeof IntersectionObserver !== 'function' || !ref.current) {
      setVisible(true); // no observer (a test DOM): behave as if seen
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setVisible(true);
      },
      { rootMargin },
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- observed once per element until it is seen; ref and rootMargin do not change
  }, [visible]);
  return visible;
}
