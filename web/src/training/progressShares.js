// How far a first visit has come, from the training store: the download in bytes of its total,
// and the training in epochs of every model's. One reckoning for the card's rows and its folded line.

/**
 * @param {{ files?: Record<string, { loaded: number, total: number | null }> } | undefined} download  the store's download event
 * @param {boolean} loaded  the data is in the engine: done, whatever the bytes say
 */
export function downloadShare(download, loaded) {
  const files = Object.values(download?.files ?? {});
  const got = files.reduce((a, f) => a + f.loaded, 0);
  const known = files.every((f) => f.total !== null) && files.length > 0;
  const total = known ? files.reduce((a, f) => a + f.total, 0) : null;
  const done = loaded || (known && got >= total && files.length >= 3);
  return { got, total, done, share: done ? 1 : total ? got / total : 0 };
}

/**
 * The epoch a model is at: its latest epoch event, else what the engine said it had done (restored).
 * @param {{ epochs: number, epochsDone?: number }} model
 * @param {{ epoch: number } | undefined} progress  its latest epoch event
 */
export const epochOf = (model, progress) => progress?.epoch ?? model.epochsDone ?? 0;

/**
 * @param {{ name: string, epochs: number, epochsDone?: number }[]} models  the engine's models
 * @param {Record<string, { epoch: number }>} epochs  each model's latest epoch event
 */
export function trainingShare(models, epochs) {
  const total = models.reduce((a, m) => a + m.epochs, 0);
  const done = models.reduce((a, m) => a + Math.min(m.epochs, epochOf(m, epochs[m.name])), 0);
  return total ? done / total : 0;
}
