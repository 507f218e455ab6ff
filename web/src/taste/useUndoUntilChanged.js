// Undo for a change to many ratings at once (an import, a shared link): offered only while the
// ratings and marks are as that change left them. Putting back what was there before would also
// throw away whatever the visitor has rated or marked since.
import { useState } from 'preact/hooks';
import { useStore } from '../ui/useStore.js';

/**
 * @template T
 * @param {{ get(): { version: number }, subscribe(f: () => void): () => void }} store  the visitor's ratings
 * @returns {[T | null, (value: T | null) => void]}  what Undo needs while it is offered; and the
 *   function to call right after the change with it (null: nothing to undo)
 */
export function useUndoUntilChanged(store) {
  const version = useStore(store, (s) => s.version);
  const [undo, setUndo] = useState(/** @type {{ at: number, value: T } | null} */ (null));
  const offer = (/** @type {T | null} */ value) => setUndo(value === null ? null : { at: store.get().version, value });
  return [undo !== null && undo.at === version ? undo.value : null, offer];
}
