// The worker protocol, defined once: every request the page may send the engine worker, with its
// fields. The client's methods, the worker's handler table and the tests' scripted doubles are all
// derived from or checked against this table, so none of them can drift from the others.

/**
 * type → { fields: the message's payload keys, progress: true when it streams `progress` events }.
 * A client method takes one object holding these fields (and an onProgress callback where allowed).
 */
export const REQUESTS = Object.freeze({
  // Start the downloads at once, before the page renders; the load takes them over. cached: the
  // service worker serves them from this browser, so they need not queue for bandwidth.
  prefetch: { fields: ['dataUrl', 'cached'] },
  // Download + parse. Progress: 'download' (bytes per file), 'catalog' (the films are in: search
  // works, and the registry, choices, genres and years are known), 'parse'.
  load: { fields: ['dataUrl', 'seed'], progress: true },
  // A MovieLens the visitor dropped or picked: File objects (a zip, or ratings.csv + movies.csv and
  // maybe links.csv), read in the worker. Progress: 'read' or 'unzip' (bytes read of those needed,
  // and the file being unzipped), then 'parse' (with an estimate of its time). Refused by size first.
  loadFiles: { fields: ['files', 'seed'], progress: true },
  // Restore the models kept in this browser, or train every untrained one (fresh: retrain even so).
  // Progress: 'restore', or per epoch with the model's name as the stage.
  train: { fields: ['fresh'], progress: true },
  keep: { fields: [] }, // keep the trained models in this browser for the next visit
  cancel: { fields: [] }, // stop training between two epochs (Pause)
  models: { fields: [] }, // the registry with each model's training state, as the engine reports it
  search: { fields: ['query', 'k'] },
  film: { fields: ['movieId'] },
  films: { fields: ['movieIds'] }, // several films at once; null for an id the catalogue lacks
  similar: { fields: ['movieId', 'k', 'model', 'filter'] },
  recommendFor: { fields: ['ratings', 'k', 'model', 'filter'] }, // the visitor's next films, with reasons
  starters: { fields: ['k', 'exclude'] },
  importRatings: { fields: ['bytes', 'fileName'] },
  profileCsv: { fields: ['ratings'] },
  viewers: { fields: [] },
  favourites: { fields: ['userId', 'k'] },
  recommend: { fields: ['userId', 'k', 'model', 'filter'] },
  evaluate: { fields: [], progress: true }, // every model on the held-out ratings, in slices; progress 'evaluate' (share done)
  evaluateNeighbours: { fields: [] }, // neighbour recall of every similarity and the item-kNN baseline
  map: { fields: [], progress: true }, // the map of taste, kept or laid out now; progress 'map' (epoch of epochs)
});

export const REQUEST_TYPES = Object.freeze(Object.keys(REQUESTS));

/** The message a request of `type` puts on the wire: only the table's fields, never anything else. */
export function messageFor(type, args = {}) {
  const spec = REQUESTS[type];
  if (!spec) throw new Error(`Unknown request type ${JSON.stringify(type)}`);
  const unknown = Object.keys(args).filter((k) => !spec.fields.includes(k));
  if (unknown.length > 0) throw new Error(`${type} takes ${spec.fields.join(', ') || 'no fields'}, not ${unknown.join(', ')}`);
  const message = { type };
  for (const field of spec.fields) if (args[field] !== undefined) message[field] = args[field];
  return message;
}

/**
 * Builds a client from one function that sends a request: client[type](args, onProgress) for every
 * type in the table. The real client passes postMessage bookkeeping; a test double passes canned answers.
 * @param {(type: string, message: object, onProgress?: Function) => Promise<any>} send
 */
export function deriveClient(send) {
  const client = {};
  for (const type of REQUEST_TYPES) {
    client[type] = (args = {}, onProgress) => {
      let message;
      try {
        message = messageFor(type, args);
      } catch (e) {
        return Promise.reject(e);
      }
      return send(type, message, REQUESTS[type].progress ? onProgress : undefined);
    };
  }
  return client;
}

/** Throws unless `handlers` answers exactly the table's request types: the worker calls it on start. */
export function checkHandlers(handlers, what = 'worker handler') {
  const have = Object.keys(handlers).sort();
  const want = [...REQUEST_TYPES].sort();
  const missing = want.filter((t) => !have.includes(t));
  const extra = have.filter((t) => !want.includes(t));
  if (missing.length || extra.length) {
    throw new Error(
      `${what} does not match the protocol:${missing.length ? ` missing ${missing.join(', ')};` : ''}${
        extra.length ? ` not in the protocol: ${extra.join(', ')}` : ''
      }`,
    );
  }
}
