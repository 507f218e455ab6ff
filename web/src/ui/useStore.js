// Subscribes a component to a small external store (ratings, training progress), so only the
// components that read it re-render when it changes — never the whole page.
import { useEffect, useState } from 'preact/hooks';

/**
 * @template T
 * @param {{ get(): any, subscribe(f: () => void): () => void }} store
 * @param {(state: any) => T} [select]  what this component needs; it re-renders only when that changes
 * @returns {T}
 */
export function useStore(store, select = (s) => s) {
  const [value, setValue] = useState(() => select(store.get()));
  useEffect(() => {
    const update = () => setValue(() => select(store.get()));
    update(); // a change between the first render and this effect
    return store.subscribe(update);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- select is read at each change; subscribing again for each new selector would re-render for nothing
  }, [store]);
  return value;
}
