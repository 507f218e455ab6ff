// The worker protocol, declared once: every request the page may send the engine worker, with its
// fields, the shape of its result and the shape of its progress messages. The shapes are values a
// test can check an answer against and types TypeScript reads (shapes.js), so the client's methods,
// the worker's handlers and the tests' scripted doubles are derived from or checked against this one
// table and none of them can drift from the others.
import {
  boolean,
  bytes,
  files,
  float32s,
  int16s,
  int32s,
  listOf,
  literal,
  nullable,
  number,
  oneOf,
  optional,
  problems,
  recordOf,
  string,
  uint32s,
  unknown,
} from './shapes.js';

// ---- What the answers are made of ----

/**
 * One film as the engine's catalogue names it; `ratings` is null until the ratings are in. Its IMDb
 * and TMDB ids come from the engine's links.csv: null before it is read, for a MovieLens without
 * one, or where links.csv names none.
 */
export const Film = {
  movieId: number,
  title: string,
  name: string,
  alias: nullable(string),
  year: nullable(number),
  genres: listOf(string),
  ratings: nullable(number),
  imdbId: nullable(number),
  tmdbId: nullable(number),
};
/** One model of the engine's registry, with its training state as the engine reports it. */
export const ModelState = {
  name: string,
  label: string,
  description: string,
  lossLabel: string,
  predictsStars: boolean,
  epochs: number,
  epochsDone: number,
};
/** Which model the engine uses for what (a visitor's first ratings, later ones, viewers, neighbours). */
export const Choices = {
  visitors: string,
  visitorsFrom: number,
  firstVisitors: string,
  firstVisitorsMix: number, // the share of the visitors model's scores in a first visitor's default list
  viewers: string,
  neighbours: string,
};
/** What the page lays itself out by, known as soon as the films are in. */
export const Description = {
  models: listOf(ModelState),
  order: listOf(string), // the engine's training order: what the first answers need first
  choices: Choices,
  limits: { maxResults: number, maxQueryLength: number, maxProfile: number },
  genreNames: listOf(string),
  years: { min: number, max: number },
};
export const Stats = { users: number, films: number, ratedFilms: number, ratings: number, train: number, test: number, duplicates: number };
/** How a dropped MovieLens was read. */
// linksProblem: why a links.csv that came with the files was left out (the engine's words), else null.
export const Source = {
  name: string,
  links: boolean,
  linksProblem: nullable(string),
  ratingsBytes: number,
  readMs: number,
  parseMs: number,
};
/** Models restored from this browser instead of trained. */
export const Restored = { savedAt: number, trainMs: recordOf(number) };
/** A film in a list of the visitor's next films, with the rated films that led to it. */
// Beyond accuracy (docs/evaluation.md): whether a model's lists are its viewers' own or everyone's.
export const ListFigures = { miscalibration: number, popularityLift: number, top50Share: number, coverage: number, overlap: number };

export const Because = { movieId: number, name: string, year: nullable(number), stars: number, share: number };

// ---- Progress: `stage` names the step; a model's epoch is stage 'train' with the model named ----

export const DownloadProgress = { stage: literal('download'), files: recordOf({ loaded: number, total: nullable(number) }) };
export const CatalogueProgress = { stage: literal('catalogue'), ...Description };
export const ParseProgress = { stage: literal('parse'), source: optional(string), bytes: optional(number), estimateMs: optional(number) };
export const ReadProgress = { stage: literal('read'), source: string, loaded: number, total: number, file: string };
export const UnzipProgress = {
  stage: literal('unzip'),
  source: string,
  loaded: number,
  total: number,
  file: string,
  unzipped: number,
  unzipTotal: number,
};
export const RestoreProgress = { stage: literal('restore') };
export const TrainProgress = {
  stage: literal('train'),
  model: string,
  epoch: number,
  epochs: number,
  loss: number,
  elapsedMs: number,
  etaMs: number,
};
export const EvaluateProgress = { stage: literal('evaluate'), share: number };
export const MapProgress = { stage: literal('map'), epoch: number, epochs: number };

const LoadResult = { stats: Stats, ...Description, heapBytes: nullable(number), source: optional(Source) };
const FilmScored = { ...Film, score: number };
/**
 * A visitor's ratings: a list, or the same as two arrays side by side. The page sends the arrays: a
 * 20,000-rating profile then crosses to the worker as two blocks of memory, not 20,000 objects to
 * copy, read and check one by one (issue 24, item 7).
 */
export const Profile = oneOf(listOf({ movieId: number, stars: number }), { movieIds: int32s, stars: float32s });

/**
 * type → { fields: what the message carries (none is required by the wire; the worker says what is
 * missing), result: the answer's shape, progress: the shape of its progress messages, if it sends any }.
 * A client method takes one object holding these fields, and an onProgress callback where allowed.
 */
export const REQUESTS = Object.freeze({
  // Start the downloads at once, before the page renders; the load takes them over.
  prefetch: { fields: { dataUrl: optional(string) }, result: { started: boolean }, progress: null },
  // Download and parse the bundled MovieLens. 'catalogue': the films are in, search works.
  load: {
    fields: { dataUrl: optional(string), seed: optional(number) },
    result: LoadResult,
    progress: oneOf(DownloadProgress, CatalogueProgress, ParseProgress),
  },
  // A MovieLens the visitor dropped or picked: File objects (a zip, or ratings.csv + movies.csv and
  // maybe links.csv), read in the worker. Refused by size before a byte is read.
  loadFiles: { fields: { files, seed: optional(number) }, result: LoadResult, progress: oneOf(ReadProgress, UnzipProgress, ParseProgress) },
  // Restore the models kept in this browser, or train every untrained one (fresh: retrain even so;
  // a dropped MovieLens is read again first, so its reading is reported here too).
  train: {
    fields: { fresh: optional(boolean) },
    result: {
      cancelled: boolean,
      models: listOf(ModelState),
      trainMs: recordOf(number),
      restored: nullable(Restored),
      discarded: nullable(string),
      heapBytes: nullable(number),
    },
    progress: oneOf(RestoreProgress, ReadProgress, UnzipProgress, ParseProgress, TrainProgress),
  },
  // Keep the trained models in this browser for the next visit.
  keep: { fields: {}, result: { kept: boolean, restored: boolean, bytes: optional(number) }, progress: null },
  // Stop training between two epochs (Pause).
  cancel: { fields: {}, result: { cancelling: boolean }, progress: null },
  // The registry with each model's training state, as the engine reports it.
  models: { fields: {}, result: listOf(ModelState), progress: null },
  search: { fields: { query: string, k: optional(number) }, result: listOf(Film), progress: null },
  film: { fields: { movieId: number }, result: Film, progress: null },
  // Several films at once; null for an id the catalogue lacks.
  films: { fields: { movieIds: listOf(number) }, result: listOf(nullable(Film)), progress: null },
  // Films like X; otherGenre: the engine says the neighbour shares no genre with X.
  similar: {
    fields: { movieId: number, k: optional(number), model: optional(string), filter: optional(unknown) },
    result: {
      film: Film,
      model: string,
      neighbours: listOf({ ...Film, score: number, likedBoth: number, otherGenre: boolean }),
      likedFilm: number,
      unrated: boolean,
    },
    progress: null,
  },
  // The visitor's next films, with reasons; no model named: the engine's choice for this many ratings.
  // seen: films the visitor marked (seen, not interested, watchlist), kept out of the list, not folded in.
  recommendFor: {
    fields: {
      ratings: Profile,
      seen: optional(listOf(number)),
      k: optional(number),
      model: optional(string),
      filter: optional(unknown),
    },
    // mixedIn: a second model whose scores the engine mixed in, as the share `mix` (a first visitor's default list).
    result: {
      model: nullable(string),
      mixedIn: nullable(string),
      mix: number,
      films: listOf({ ...FilmScored, because: listOf(Because) }),
      fromPopularity: boolean,
      unknown: listOf(number),
      unrated: listOf(number),
    },
    progress: null,
  },
  // Watch together: one list for 2 to 4 people (the visitor first, then the friends whose share links
  // were opened), none of it a film any of them rated or marked. because[m]: member m's rated films
  // that led to the pick (empty when it is there for the others); models[m]: what served member m
  // (null: the most-rated films, as nothing they rated is a film they liked).
  together: {
    fields: {
      members: listOf({ ratings: listOf({ movieId: number, stars: number }), seen: optional(listOf(number)) }),
      k: optional(number),
      filter: optional(unknown),
    },
    result: { films: listOf({ ...FilmScored, because: listOf(listOf(Because)) }), models: listOf(nullable(string)) },
    progress: null,
  },
  starters: {
    fields: { k: optional(number), exclude: optional(listOf(number)), ratings: optional(Profile) },
    result: listOf(Film),
    progress: null,
  },
  importRatings: {
    // unrated: what a list's films without a rating are, when the visitor has said (else its name tells, or a guess).
    fields: { bytes, fileName: optional(string), unrated: optional(oneOf(literal('seen'), literal('watchlist'))) },
    result: {
      format: string,
      noLinks: boolean,
      linksFailed: boolean, // no links because links.csv did not download (the next import asks again)
      matched: listOf({ ...Film, stars: number, line: number }),
      // Reel's own export only: the films it marks (seen, not interested, watchlist).
      marks: listOf({ ...Film, mark: string, line: number }),
      // unreadable: a line the reader could not read as a row (it may not have named a film at all).
      unmatched: listOf({ line: number, title: string, year: number, reason: string, unreadable: boolean }),
      // What a list's films without a rating were taken for when neither its name nor the visitor said:
      // 'seen', or 'not rated' (left out); '' when nothing was guessed.
      unratedGuess: string,
    },
    progress: null,
  },
  // Reel's own CSV (movieId,title,year,rating,mark), written by the engine; Reel's import reads it back.
  profileCsv: {
    fields: { ratings: listOf({ movieId: number, stars: number }), marks: optional(listOf({ movieId: number, mark: string })) },
    result: string,
    progress: null,
  },
  // Films in the columns Letterboxd's importer reads (Title,Year,imdbID,tmdbID,Rating,WatchedDate); stars 0: no rating.
  letterboxdCsv: { fields: { films: listOf({ movieId: number, stars: number }) }, result: string, progress: null },
  viewers: { fields: {}, result: listOf({ userId: number, ratings: number, favourite: nullable(Film) }), progress: null },
  favourites: {
    fields: { userId: number, k: optional(number) },
    result: { userId: number, films: listOf({ ...Film, rating: number }) },
    progress: null,
  },
  recommend: {
    fields: { userId: number, k: optional(number), model: optional(string), filter: optional(unknown) },
    result: { userId: number, model: string, films: listOf(FilmScored) },
    progress: null,
  },
  // Every model on the held-out ratings, measured in slices.
  evaluate: {
    fields: {},
    result: {
      viewers: number,
      popularity: { recall10: number, ndcg10: number, lists: ListFigures },
      // The default list a viewer is shown: the registry's choice re-ranked into their own.
      choice: { recall10: number, ndcg10: number, lift: number, lists: ListFigures },
      models: listOf({ name: string, rmse: number, recall10: number, ndcg10: number, lift: number, lists: ListFigures }),
      trainMs: recordOf(number),
      restored: nullable(Restored),
    },
    progress: EvaluateProgress,
  },
  // Neighbour recall of every similarity and of the item-kNN baseline (model null).
  evaluateNeighbours: {
    fields: {},
    result: { similarities: listOf({ model: nullable(string), recall10: number, popularIntrusion: number }), inUse: string },
    progress: null,
  },
  // The map of taste, kept or laid out now.
  map: {
    fields: {},
    result: {
      movieIds: int32s,
      xy: float32s,
      names: listOf(string),
      years: int16s,
      counts: int32s,
      genres: uint32s,
      genreNames: listOf(string),
      figures: { map: number, pca: number, random: number },
      fromCache: boolean,
    },
    progress: MapProgress,
  },
});

/** @typedef {typeof REQUESTS} Requests */
/** @typedef {keyof Requests} RequestType */
/** @template {RequestType} T @typedef {Partial<Requests[T]['fields']>} Fields */
/** @template {RequestType} T @typedef {Requests[T]['result']} Result */
/** @template {RequestType} T @typedef {Requests[T]['progress'] & { type: 'progress', id: number }} Progress */
/** @typedef {typeof Film} FilmT */
/** @typedef {typeof ModelState} ModelStateT */
/** @typedef {typeof Choices} ChoicesT */
/** @typedef {typeof Description} DescriptionT */
/**
 * A client: one method per request type.
 * @typedef {{ [T in RequestType]: (args?: Fields<T>, onProgress?: (p: Progress<T>) => void) => Promise<Result<T>> }} Client
 */

export const REQUEST_TYPES = /** @type {RequestType[]} */ (Object.freeze(Object.keys(REQUESTS)));

/**
 * The message a request of `type` puts on the wire: only the table's fields, never anything else.
 * @param {string} type @param {Record<string, unknown>} [args]
 */
export function messageFor(type, args = {}) {
  const spec = Object.hasOwn(REQUESTS, type) ? REQUESTS[/** @type {RequestType} */ (type)] : null;
  if (!spec) throw new Error(`Unknown request type ${JSON.stringify(type)}`);
  const names = Object.keys(spec.fields);
  const unknownNames = Object.keys(args).filter((k) => !names.includes(k));
  if (unknownNames.length > 0) throw new Error(`${type} takes ${names.join(', ') || 'no fields'}, not ${unknownNames.join(', ')}`);
  /** @type {Record<string, unknown>} */
  const message = { type };
  for (const field of names) if (args[field] !== undefined) message[field] = args[field];
  return message;
}

/**
 * Builds a client from one function that sends a request: client[type](args, onProgress) for every
 * type in the table. The real client passes postMessage bookkeeping; a test double passes canned answers.
 * @param {(type: RequestType, message: Record<string, unknown>, onProgress?: (p: any) => void) => Promise<any>} send
 * @returns {Client}
 */
export function deriveClient(send) {
  /** @type {Record<string, Function>} */
  const client = {};
  for (const type of REQUEST_TYPES) {
    client[type] = (/** @type {Record<string, unknown>} */ args = {}, /** @type {((p: any) => void) | undefined} */ onProgress) => {
      let message;
      try {
        message = messageFor(type, args);
      } catch (e) {
        return Promise.reject(e);
      }
      return send(type, message, REQUESTS[type].progress ? onProgress : undefined);
    };
  }
  return /** @type {Client} */ (/** @type {unknown} */ (client));
}

/**
 * Throws unless `handlers` answers exactly the table's request types: the worker calls it on start.
 * @param {object} handlers @param {string} [what]
 */
export function checkHandlers(handlers, what = 'worker handler') {
  const have = Object.keys(handlers).sort();
  const want = [...REQUEST_TYPES].sort();
  const missing = want.filter((t) => !have.includes(t));
  const extra = have.filter((t) => !(/** @type {string[]} */ (want).includes(t)));
  if (missing.length || extra.length) {
    throw new Error(
      `${what} does not match the protocol:${missing.length ? ` missing ${missing.join(', ')};` : ''}${
        extra.length ? ` not in the protocol: ${extra.join(', ')}` : ''
      }`,
    );
  }
}

/**
 * What is wrong with a worker's message against the table: its result or its progress as declared.
 * Empty when it fits (an error message always fits). The tests run every answer through it.
 * @param {RequestType} type @param {{ type: string, result?: unknown, [key: string]: unknown }} message
 * @returns {string[]}
 */
export function messageProblems(type, message) {
  const spec = REQUESTS[type];
  if (message.type === 'result') return problems(message.result, spec.result, `${type} result`);
  if (message.type === 'progress') {
    if (!spec.progress) return [`${type} sends no progress, yet sent ${JSON.stringify(message)}`];
    const { type: _t, id: _id, ...payload } = message;
    return problems(payload, spec.progress, `${type} progress`);
  }
  return [];
}
