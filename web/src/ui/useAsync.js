// A hook that runs an async request when its inputs change and drops answers that arrive after
// newer ones. The last answer stays on show while a newer one is on its way (no flicker).
import { useEffect, useState } from 'preact/hooks';

/**
 * @param {() => Promise<any> | null} run  returns null to mean "nothing to ask yet"
 * @param {any[]} deps
 */
export function useAsync(run, deps) {
  const [state, setState] = useState({ data: null, error: null, loading: false });
  useEffect(() => {
    let current = true;
    const promise = run();
    if (!promise) {
      setState({ data: null, error: null, loading: false });
      return undefined;
    }
    setState((s) => ({ data: s.data, error: null, loading: true }));
    promise.then(
      (data) => current && setState({ data, error: null, loading: false }),
      (e) => current && setState({ data: null, error: e.message || String(e), loading: false }),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps are this hook's contract: run is a new function each render
  }, deps);
  return state;
}
