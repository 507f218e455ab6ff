// Training progress, epoch by epoch, kept outside the component tree: the training card subscribes
// to it and re-renders on each epoch, while the rest of the page hears only when a model is done.

export function createTrainingStore() {
  const listeners = new Set();
  // stage → its latest progress message; and model name → its latest epoch (stage 'train').
  let state = { progress: {}, models: {} };

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(p) {
      state =
        p.stage === 'train'
          ? { ...state, models: { ...state.models, [p.model]: p } }
          : { ...state, progress: { ...state.progress, [p.stage]: p } };
      for (const listener of listeners) listener();
    },
    /** Starts afresh; returns what was shown, for `restore`. */
    reset() {
      const before = state;
      state = { progress: {}, models: {} };
      for (const listener of listeners) listener();
      return before;
    },
    /** Shows again what `reset` returned: a refused drop leaves the card as it was. */
    restore(saved) {
      state = saved;
      for (const listener of listeners) listener();
    },
  };
}
