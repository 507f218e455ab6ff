// Answers to "films like X" kept for a return visit: found only under the build, film, view, filter
// (and model, once known) they were given for; other builds' answers go; a dozen at most; storage
// that is unreadable or refuses writes keeps nothing and breaks nothing.
import { describe, expect, it } from 'vitest';
import { ANSWERS_KEY, keepAnswer, keptAnswer } from '../../web/src/storage/keptAnswers.js';
import { MemoryStorage } from './memoryStorage.js';

const answer = (movieId, neighbours = [2, 3]) => ({
  film: { movieId, name: `Film ${movieId}` },
  neighbours: neighbours.map((id) => ({ movieId: id, score: 0.5, likedBoth: 1 })),
  likedFilm: 4,
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
});
