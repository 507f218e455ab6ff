// Training progress, epoch by epoch, kept outside the component tree: the training card subscribes
// to it and re-renders on each epoch, while the rest of the page hears only when a model is done.

export function createTrainingStore() {
  const listeners = new Set();
  let state = { progress: {} }; // model name → the latest progress event

  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    update(p) {
      state = { progress: { ...state.progress, [p.stage]: p } };
      for (const listener of listeners) listener();
    },
    reset() {
      state = { progress: {} };
      for (const listener of listeners) listener();
    },
  };
}
