// A scripted engine client for component tests: canned answers, no wasm (the engine itself is tested in engine.test.js).

export const TOY = { movieId: 1, title: 'Toy Story (1995)', name: 'Toy Story', year: 1995, genres: ['Animation', 'Comedy'], ratings: 170 };
export const HEAT = { movieId: 6, title: 'Heat (1995)', name: 'Heat', year: 1995, genres: ['Action', 'Crime'], ratings: 80 };
export const BABE = { movieId: 34, title: 'Babe (1995)', name: 'Babe', year: 1995, genres: ['Comedy'], ratings: 60 };

export const MODELS = [
  { name: 'rating', label: 'Rating model', description: 'Predicts stars.', lossLabel: 'training RMSE', predictsStars: true, epochs: 2, epochsDone: 0 },
  { name: 'ranking', label: 'Ranking model', description: 'Ranks films.', lossLabel: 'BPR loss', predictsStars: false, epochs: 2, epochsDone: 0 },
];

export function fakeClient(overrides = {}) {
  const calls = [];
  const log = (name, ...args) => calls.push([name, ...args]);
  const client = {
    calls,
    async load(dataUrl, { onProgress } = {}) {
      log('load', dataUrl);
      onProgress?.({ type: 'progress', stage: 'parse' });
      return {
        stats: { users: 610, films: 9742, ratedFilms: 9724, ratings: 100836, train: 80669, test: 20167, duplicates: 0 },
        models: MODELS,
        genreNames: ['Action', 'Animation', 'Comedy', 'Crime'],
      };
    },
    async train(onProgress) {
      log('train');
      for (const stage of ['rating', 'ranking']) {
        for (let epoch = 1; epoch <= 2; epoch++) {
          onProgress({ type: 'progress', stage, epoch, epochs: 2, loss: 1 / epoch, elapsedMs: 10 * epoch, etaMs: 10 * (2 - epoch) });
        }
      }
      return { cancelled: false, trainMs: { rating: 1200, ranking: 3400 } };
    },
    async cancel() {
      log('cancel');
      return { cancelling: true };
    },
    async users() {
      return [1, 2, 3];
    },
    async film(movieId) {
      log('film', movieId);
      const f = [TOY, HEAT, BABE].find((x) => x.movieId === movieId);
      if (!f) throw new Error(`No film with movieId ${movieId}`);
      return f;
    },
    async similar(movieId, { model } = {}) {
      log('similar', movieId, model);
      return {
        film: TOY,
        model,
        neighbours: [
          { ...BABE, score: 0.91, crossGenre: false },
          { ...HEAT, score: 0.42, crossGenre: true },
        ],
      };
    },
    async recommend(userId) {
      log('recommend', userId);
      return { userId, films: [{ ...HEAT, score: 2.5 }, { ...BABE, score: 1.5 }] };
    },
    async favourites(userId) {
      log('favourites', userId);
      return { userId, films: [{ ...TOY, rating: 5 }, { ...BABE, rating: 4.5 }] };
    },
    async search() {
      return [TOY];
    },
    async evaluate() {
      return {
        viewers: 590,
        popularity: { recall10: 0.09, ndcg10: 0.15 },
        models: [
          { name: 'rating', rmse: 0.8712, recall10: 0.02, ndcg10: 0.03, lift: -0.7778 },
          { name: 'ranking', rmse: NaN, recall10: 0.14, ndcg10: 0.2, lift: 0.5555 },
        ],
        trainMs: { rating: 1200, ranking: 3400 },
      };
    },
    ...overrides,
  };
  return client;
}
