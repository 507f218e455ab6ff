// Answers to "films like X" kept for a return visit: found only under the build, film, view, filter
// (and model, once known) they were given for; other builds' answers go; a dozen at most; storage
// that is unreadable or refuses writes keeps nothing and breaks nothing.
import { describe, expect, it } from 'vitest';
import { ANSWERS_KEY, keepAnswer, keptAnswer } from '../../web/src/storage/keptAnswers.js';
import { TOY } from './fakeClient.js';
import { MemoryStorage } from './memoryStorage.js';

const film = (movieId) => ({ ...TOY, movieId, title: `Film ${movieId} (1995)`, name: `Film ${movieId}` });
const answer = (movieId, neighbours = [2, 3]) => ({
  film: film(movieId),
  model: 'implicit',
  neighbours: neighbours.map((id) => ({ ...film(id), score: 0.5, likedBoth: 1, otherGenre: false })),
  likedFilm: 4,
  unrated: false,
});
const q = (movieId, more = {}) => ({ movieId, view: 'closest', filter: 'null', model: 'implicit', ...more });

describe('kept answers', () => {
  it('gives back the answer kept for the same build, film, view and filter', () => {
    const storage = new MemoryStorage();
    keepAnswer(storage, 'b1', q(1), answer(1));
    expect(keptAnswer(storage, 'b1', q(1))).toEqual(answer(1));
    expect(keptAnswer(storage, 'b2', q(1))).toBeNull(); // another build's engine or data
    expect(keptAnswer(storage, 'b1', q(2))).toBeNull();
    expect(keptAnswer(storage, 'b1', q(1, { view: 'other' }))).toBeNull();
    expect(keptAnswer(storage, 'b1', q(1, { filter: '{"fame":1}' }))).toBeNull();
    expect(keptAnswer(storage, 'b1', q(1, { model: 'ranking' }))).toBeNull();
    expect(keptAnswer(storage, 'b1', q(1, { model: '' }))).toEqual(answer(1)); // the model not said yet
  });

  it('replaces an answer given again, keeps the newest dozen, and lets other builds’ answers go', () => {
    const storage = new MemoryStorage();
    keepAnswer(storage, 'old', q(99), answer(99));
    for (let id = 1; id <= 14; id++) keepAnswer(storage, 'b1', q(id), answer(id));
    keepAnswer(storage, 'b1', q(14), answer(14, [7]));
    const list = JSON.parse(storage.getItem(ANSWERS_KEY));
    expect(list).toHaveLength(12);
    expect(list.every((e) => e.build === 'b1')).toBe(true);
    expect(list.map((e) => e.movieId)).toEqual([14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3]);
    expect(keptAnswer(storage, 'b1', q(14)).neighbours.map((n) => n.movieId)).toEqual([7]);
    expect(keptAnswer(storage, 'b1', q(2))).toBeNull();
  });

  it('reads nothing from a damaged record or no storage, and a refused write breaks nothing', () => {
    const storage = new MemoryStorage({ [ANSWERS_KEY]: '{not json' });
    expect(keptAnswer(storage, 'b1', q(1))).toBeNull();
    storage.setItem(
      ANSWERS_KEY,
      JSON.stringify([{ build: 'b1', movieId: 1, view: 'closest', filter: 'null', model: 'implicit', data: { film: null } }]),
    );
    expect(keptAnswer(storage, 'b1', q(1))).toBeNull(); // not an answer's shape
    expect(keptAnswer(null, 'b1', q(1))).toBeNull();
    storage.failWrites = true;
    expect(() => keepAnswer(storage, 'b1', q(1), answer(1))).not.toThrow();
    expect(() => keepAnswer(null, 'b1', q(1), answer(1))).not.toThrow();
  });

  // Issue 24: one neighbour stored as null blanked the page ("Cannot read properties of null") and
  // kept it blank on every reload. Any value that is not the protocol's answer is let go.
  it('lets go of a kept answer that is not the shape the engine gives, and keeps the others', () => {
    const storage = new MemoryStorage();
    keepAnswer(storage, 'b1', q(1), answer(1));
    keepAnswer(storage, 'b1', q(2), answer(2));
    const broken = (change) => {
      const list = JSON.parse(storage.getItem(ANSWERS_KEY));
      change(list.find((e) => e.movieId === 1));
      return new MemoryStorage({ [ANSWERS_KEY]: JSON.stringify(list) });
    };
    const cases = [
      (e) => (e.data.neighbours[0] = null),
      (e) => (e.data.neighbours[1].name = 7),
      (e) => (e.data.neighbours[0].otherGenre = undefined), // an older page's answer (crossGenre)
      (e) => (e.data.film.genres = 'Comedy'),
      (e) => (e.data.likedFilm = '4'),
      (e) => (e.data = []),
      (e) => (e.movieId = '1'),
    ];
    for (const change of cases) {
      const s = broken(change);
      expect(keptAnswer(s, 'b1', q(1))).toBeNull();
      expect(keptAnswer(s, 'b1', q(2))).toEqual(answer(2));
      expect(() => keepAnswer(s, 'b1', q(3), answer(3))).not.toThrow();
    }
    expect(keptAnswer(new MemoryStorage({ [ANSWERS_KEY]: 'null' }), 'b1', q(1))).toBeNull();
    expect(keptAnswer(new MemoryStorage({ [ANSWERS_KEY]: '[null, 5, "x"]' }), 'b1', q(1))).toBeNull();
  });
});
