// A scripted engine client for component tests: canned answers, no wasm (the engine itself is tested in engine.test.js).

export const TOY = { movieId: 1, title: 'Toy Story (1995)', name: 'Toy Story', year: 1995, genres: ['Animation', 'Comedy'], ratings: 170 };
export const HEAT = { movieId: 6, title: 'Heat (1995)', name: 'Heat', year: 1995, genres: ['Action', 'Crime'], ratings: 80 };
export const BABE = { movieId: 34, title: 'Babe (1995)', name: 'Babe', year: 1995, genres: ['Comedy'], ratings: 60 };

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
        epochs: { rating: 2, ranking: 2 },
        genreNames: ['Action', 'Animation', 'Comedy', 'Crime'],
      };
    },
    async train(onProgress) {
      log('train');
      for (const stage of ['rating', 'ranking']) {
        for (let epoch = 1; epoch <= 2; epoch++) {
          onProgress({ type: 'progress', stage, epoch, epochs: 2, loss: 1 / epoch, heldOut: stage === 'rating' ? 0.9 : NaN, elapsedMs: 10 * epoch, etaMs: 10 * (2 - epoch) });
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
        ratingRmse: 0.8712,
        rankingRecall10: 0.14,
        popularityRecall10: 0.09,
        lift: 0.5555,
        ratingAsRankerRecall10: 0.02,
        trainMs: { rating: 1200, ranking: 3400 },
      };
    },
    ...overrides,
  };
  return client;
}
