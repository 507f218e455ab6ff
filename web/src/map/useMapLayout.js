// The map of taste's data: asked of the worker each time the models become ready (laid out there,
// or restored with the models), and let go when the models it was drawn from are dropped.
import { useEffect, useState } from 'preact/hooks';

const NONE = Object.freeze({ data: null, error: null });

/**
 * @param {object} client  the engine client
 * @param {{ round: number, generation: number, background: object }} run  the engine run (useEngineRun.js);
 *   background: the store the layout's progress goes to
 * @param {() => void} [onReady]  called once the models are ready (main.jsx registers the service worker then)
 * @returns {{ data: object|null, error: string|null }}
 */
export function useMapLayout(client, { round, generation, background }, onReady) {
  const [map, setMap] = useState(NONE);
  useEffect(() => setMap(NONE), [generation]);
  useEffect(() => {
    if (round === 0) return undefined;
    let current = true;
    onReady?.();
    client
      .map({}, (p) => background.update(p))
      .then(
        (data) => current && setMap({ data, error: null }),
        (e) => current && setMap({ data: null, error: e.message || String(e) }),
      );
    return () => {
      current = false;
    };
    // Asked once per round of ready models: a new onReady or store does not ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, round]);
  return map;
}
