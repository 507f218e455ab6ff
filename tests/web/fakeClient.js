// A scripted engine client for component tests: canned answers, no wasm (the engine itself is tested
// in engine.test.js). It is derived from the one protocol table (web/src/engine/protocol.js) exactly as the
// real client is, so it has the real client's methods and argument checks; an answer scripted for a
// request the protocol does not have is refused, and every scripted result and progress message is
// checked against the shape the table declares for it, so a test cannot script what the worker never says.
import { REQUESTS, deriveClient, messageProblems } from '../../web/src/engine/protocol.js';
import { problems } from '../../web/src/engine/shapes.js';

export const TOY = {
  movieId: 1,
  title: 'Toy Story (1995)',
  name: 'Toy Story',
  alias: null,
  year: 1995,
  genres: ['Animation', 'Comedy'],
  ratings: 170,
  imdbId: 114709,
  tmdbId: 862,
};
export const HEAT = {
  movieId: 6,
  title: 'Heat (1995)',
  name: 'Heat',
  alias: null,
  year: 1995,
  genres: ['Action', 'Crime'],
  ratings: 80,
  imdbId: 113277,
  tmdbId: 949,
};
export const BABE = {
  movieId: 34,
  title: 'Babe (1995)',
  name: 'Babe',
  alias: null,
  year: 1995,
  genres: ['Comedy'],
  ratings: 60,
  imdbId: 112431,
  tmdbId: 9598,
};
export const POSTMAN = {
  movieId: 58,
  title: 'Postman, The (Postino, Il) (1994)',
  name: 'The Postman',
  alias: 'Il Postino',
  year: 1994,
  genres: ['Comedy', 'Drama'],
  ratings: 7,
  imdbId: 110877,
  tmdbId: null, // as links.csv leaves some films: IMDb only
};
export const LOST = {
  movieId: 7,
  title: 'Nobody Rated This (2001)',
  name: 'Nobody Rated This',
  alias: null,
  year: 2001,
  genres: ['Drama'],
  ratings: 0,
  imdbId: null,
  tmdbId: null,
};
export const FILMS = [TOY, HEAT, BABE, POSTMAN, LOST];

export const MODELS = [
  {
    name: 'rating',
    label: 'Rating model',
    description: 'Predicts stars.',
    lossLabel: 'training RMSE',
    predictsStars: true,
    epochs: 2,
    epochsDone: 0,
  },
  {
    name: 'ranking',
    label: 'Ranking model',
    description: 'Ranks films by BPR.',
    lossLabel: 'BPR loss',
    predictsStars: false,
    epochs: 2,
    epochsDone: 0,
  },
  {
    name: 'implicit',
    label: 'Implicit model',
    description: 'Implicit ALS, for new visitors.',
    lossLabel: 'weighted squared error',
    predictsStars: false,
    epochs: 2,
    epochsDone: 0,
  },
];
export const CHOICES = {
  visitors: 'implicit',
  visitorsFrom: 13,
  firstVisitors: 'ranking',
  firstVisitorsMix: 0.05,
  viewers: 'implicit',
  neighbours: 'implicit',
};
const ORDER = ['implicit', 'ranking', 'rating'];
const TRAIN_MS = { rating: 1200, ranking: 3400, implicit: 900 };

const film = (id) => {
  const f = FILMS.find((x) => x.movieId === id);
  if (!f) throw new Error(`No film with movieId ${id}`);
  return f;
};

/** What a load answers: the data's figures and years, beside the engine's registry, choices and limits. */
const loaded = (stats, years) => ({
  stats,
  models: MODELS,
  order: ORDER,
  choices: CHOICES,
  limits: { maxResults: 1000, maxQueryLength: 200, maxProfile: 20000 },
  genreNames: ['Action', 'Animation', 'Comedy', 'Crime', 'Drama'],
  years,
  heapBytes: null,
});

/** What a finished training run answers; `over` changes any part. */
export const trainResult = (over = {}) => ({
  cancelled: false,
  models: MODELS.map((m) => ({ ...m, epochsDone: m.epochs })),
  trainMs: TRAIN_MS,
  restored: null,
  discarded: null,
  heapBytes: null,
  ...over,
});

const lists = (miscalibration, popularityLift, top50Share, coverage, overlap) => ({
  miscalibration,
  popularityLift,
  top50Share,
  coverage,
  overlap,
});

/** Default answers, one per request type; a test overrides any of them. */
function defaultAnswers(calls) {
  const log = (...c) => calls.push(c);
  return {
    async load({ dataUrl }, onProgress) {
      log('load', dataUrl);
      onProgress?.({ type: 'progress', stage: 'parse' });
      return loaded(
        { users: 610, films: 9742, ratedFilms: 9724, ratings: 100836, train: 80669, test: 20167, duplicates: 0 },
        { min: 1902, max: 2018 },
      );
    },
    async loadFiles({ files }, onProgress) {
      log(
        'loadFiles',
        files.map((f) => f.name),
      );
      onProgress?.({
        type: 'progress',
        stage: 'unzip',
        source: files[0].name,
        loaded: 50,
        total: 100,
        file: 'ratings.csv',
        unzipped: 200,
        unzipTotal: 400,
      });
      onProgress?.({ type: 'progress', stage: 'parse', source: files[0].name, bytes: 400, estimateMs: 20 });
      return {
        ...loaded(
          { users: 6494, films: 2593, ratedFilms: 2593, ratings: 998206, train: 798565, test: 199641, duplicates: 0 },
          { min: 1950, max: 2019 },
        ),
        source: { name: files[0].name, links: false, linksProblem: null, ratingsBytes: 400, readMs: 5, parseMs: 20 },
        heapBytes: 173_000_000,
      };
    },
    async train(_, onProgress) {
      log('train');
      for (const stage of ORDER) {
        for (let epoch = 1; epoch <= 2; epoch++) {
          onProgress?.({
            type: 'progress',
            stage: 'train',
            model: stage,
            epoch,
            epochs: 2,
            loss: 1 / epoch,
            elapsedMs: 10 * epoch,
            etaMs: 10 * (2 - epoch),
          });
        }
      }
      return trainResult();
    },
    async prefetch() {
      return { started: true };
    },
    async keep() {
      log('keep');
      return { kept: true, restored: false, bytes: 1000 };
    },
    async cancel() {
      log('cancel');
      return { cancelling: true };
    },
    async models() {
      return MODELS;
    },
    async search({ query }) {
      log('search', query);
      return [TOY];
    },
    async film({ movieId }) {
      log('film', movieId);
      return film(movieId);
    },
    async films({ movieIds }) {
      log('films', movieIds);
      return movieIds.map((id) => FILMS.find((x) => x.movieId === id) ?? null);
    },
    async similar({ movieId, model = CHOICES.neighbours, filter }) {
      log('similar', movieId, model, filter);
      const x = film(movieId);
      if (x.ratings === 0) return { film: x, model, neighbours: [], likedFilm: 0, unrated: true };
      return {
        film: x,
        model,
        likedFilm: 97,
        unrated: false,
        neighbours: [
          { ...BABE, score: 0.47, likedBoth: 41, otherGenre: false },
          { ...HEAT, score: 0.3, likedBoth: 12, otherGenre: true },
        ],
      };
    },
    async recommendFor({ ratings, seen = [], model, filter }) {
      log('recommendFor', ratings, model, filter);
      if (seen.length > 0) log('recommendFor seen', seen);
      const rated = new Set([...ratings.map((r) => r.movieId), ...seen]); // as the engine does: a marked film is never offered
      const liked = ratings.filter((r) => r.stars >= 3.5);
      const because = liked.slice(0, 2).map((r) => {
        const { movieId, name, year } = film(r.movieId);
        return { movieId, name, year, stars: r.stars, share: 0.5 };
      });
      const first = !model && ratings.length < CHOICES.visitorsFrom;
      return {
        // As the engine does: the model asked for, or its choice for this many ratings, a first
        // visitor's with a share of the visitors model's scores.
        model: model || (first ? CHOICES.firstVisitors : CHOICES.visitors),
        mixedIn: first ? CHOICES.visitors : null,
        mix: first ? CHOICES.firstVisitorsMix : 0,
        films: [HEAT, BABE, TOY]
          .filter((f) => !rated.has(f.movieId))
          .map((f, i) => ({ ...f, score: 2 - i, because: liked.length ? because : [] })),
        fromPopularity: liked.length === 0,
        unknown: [],
        unrated: [],
      };
    },
    async together({ members }) {
      log('together', members);
      // As the engine does: no film any member rated or marked; each pick there for the first member.
      const given = new Set(members.flatMap((m) => [...m.ratings.map((r) => r.movieId), ...(m.seen ?? [])]));
      return {
        films: [TOY, HEAT, BABE]
          .filter((f) => !given.has(f.movieId))
          .map((f, i) => ({ ...f, score: 1 - i / 10, because: members.map(() => []) })),
        models: members.map(() => 'implicit'),
      };
    },
    async starters({ k, exclude, ratings = [] }) {
      log('starters', exclude, ratings, k);
      return [TOY, HEAT, BABE].filter((f) => !exclude.includes(f.movieId)).slice(0, k);
    },
    async importRatings({ fileName }) {
      log('importRatings', fileName);
      return importAnswer({
        format: 'IMDb',
        matched: [
          { ...TOY, stars: 5, line: 2 },
          { ...HEAT, stars: 4, line: 3 },
        ],
        unmatched: [{ line: 4, title: 'Breaking Bad', year: 2008, reason: 'a TV Series, not a film in MovieLens', unreadable: false }],
      });
    },
    async profileCsv({ ratings, marks = [] }) {
      log('profileCsv', ratings, marks);
      return `movieId,title,year,rating,mark\n${ratings.map((r) => `${r.movieId},"",,${r.stars},`).join('\n')}\n`;
    },
    async letterboxdCsv({ films }) {
      log('letterboxdCsv', films);
      return `Title,Year,imdbID,tmdbID,Rating,WatchedDate\n${films.map((f) => `"${film(f.movieId).name}",,,,${f.stars || ''},`).join('\n')}\n`;
    },
    async viewers() {
      return [
        { userId: 1, ratings: 232, favourite: TOY },
        { userId: 2, ratings: 29, favourite: HEAT },
      ];
    },
    async favourites({ userId }) {
      log('favourites', userId);
      return {
        userId,
        films: [
          { ...TOY, rating: 5 },
          { ...BABE, rating: 4.5 },
        ],
      };
    },
    async recommend({ userId, model = CHOICES.viewers }) {
      log('recommend', userId, model);
      return {
        userId,
        model,
        films: [
          { ...HEAT, score: 2.5 },
          { ...BABE, score: 1.5 },
        ],
      };
    },
    async evaluate() {
      log('evaluate');
      return {
        viewers: 590,
        popularity: { recall10: 0.09, ndcg10: 0.15, lists: lists(0.84, 2.72, 0.999, 0.006, 0.389) },
        choice: { recall10: 0.2037, ndcg10: 0.2536, lift: 1.2778, lists: lists(0.314, 0.99, 0.432, 0.071, 0.034) },
        models: [
          { name: 'rating', rmse: 0.8712, recall10: 0.02, ndcg10: 0.03, lift: -0.7778, lists: lists(1.23, 0.05, 0.154, 0.036, 0.129) },
          { name: 'ranking', rmse: NaN, recall10: 0.17, ndcg10: 0.26, lift: 0.8888, lists: lists(0.67, 1.84, 0.701, 0.041, 0.1) },
          { name: 'implicit', rmse: NaN, recall10: 0.21, ndcg10: 0.28, lift: 1.3333, lists: lists(0.65, 1.06, 0.451, 0.069, 0.037) },
        ],
        trainMs: TRAIN_MS,
        restored: null,
      };
    },
    async map(_, onProgress) {
      log('map');
      onProgress?.({ type: 'progress', stage: 'map', epoch: 500, epochs: 500 });
      const placed = [TOY, HEAT, BABE];
      return {
        movieIds: Int32Array.from(placed, (f) => f.movieId),
        xy: Float32Array.from([0, 0, 1, 0, 0, 1]),
        names: placed.map((f) => f.name),
        years: Int16Array.from(placed, (f) => f.year),
        counts: Int32Array.from(placed, (f) => f.ratings),
        genres: Uint32Array.from([0b10110, 0b01001, 0b00100]),
        genreNames: ['Action', 'Animation', 'Comedy', 'Crime', 'Drama'],
        figures: { map: 0.2, pca: 0.05, random: 0.006 },
        fromCache: false,
      };
    },
    async evaluateNeighbours() {
      log('evaluateNeighbours');
      return {
        inUse: 'implicit',
        similarities: [
          { model: 'rating', recall10: 0.164, popularIntrusion: 0.044 },
          { model: 'ranking', recall10: 0.188, popularIntrusion: 0.047 },
          { model: 'implicit', recall10: 0.187, popularIntrusion: 0.04 },
          { model: null, recall10: 0.18, popularIntrusion: 0.031 },
        ],
      };
    },
  };
}

/**
 * The page sends a profile as two arrays (protocol.js, Profile); the scripted answers and the calls
 * logged read it as the list it stands for.
 */
function asLists(message) {
  const r = message.ratings;
  if (!r || Array.isArray(r)) return message;
  return { ...message, ratings: Array.from(r.movieIds, (movieId, i) => ({ movieId, stars: r.stars[i] })) };
}

/** Throws, naming every difference, unless a scripted message is one the table declares. */
function declared(type, message) {
  const wrong = messageProblems(type, message);
  if (wrong.length) throw new Error(`fakeClient: the scripted ${type} answer is not what the protocol declares:\n  ${wrong.join('\n  ')}`);
  return message;
}

/** An import's answer as the worker gives it: a Letterboxd file that matched, marked and missed nothing, but for `parts`. */
export function importAnswer(parts) {
  return { format: 'Letterboxd', noLinks: false, linksFailed: false, matched: [], marks: [], unmatched: [], unratedGuess: '', ...parts };
}

/**
 * @param {Record<string, (message: object, onProgress?: Function) => Promise<any>>} overrides
 *   answers by request type, taking the message the real client would post
 */
export function fakeClient(overrides = {}) {
  for (const type of Object.keys(overrides)) {
    if (!Object.hasOwn(REQUESTS, type)) throw new Error(`fakeClient: "${type}" is not a request in the protocol`);
  }
  const calls = [];
  const answers = { ...defaultAnswers(calls), ...overrides };
  const crashListeners = new Set();
  const client = deriveClient(async (type, sent, onProgress) => {
    const wrong = Object.entries(sent).flatMap(([k, v]) => (k === 'type' ? [] : problems(v, REQUESTS[type].fields[k], `${type} ${k}`)));
    if (wrong.length) throw new Error(`fakeClient: the page sent ${type} what the protocol does not declare:\n  ${wrong.join('\n  ')}`);
    const message = asLists(sent);
    const checkedProgress = onProgress && ((p) => onProgress(declared(type, { type: 'progress', id: 0, ...p })));
    const result = await answers[type](message, checkedProgress);
    declared(type, { type: 'result', id: 0, result });
    return result;
  });
  client.calls = calls;
  client.answers = answers;
  client.onCrash = (listener) => {
    crashListeners.add(listener);
    return () => crashListeners.delete(listener);
  };
  client.replace = () => calls.push(['replace']);
  /** Plays a worker crash, as the real client reports one. */
  client.crash = (error) => crashListeners.forEach((l) => l(error));
  return client;
}
